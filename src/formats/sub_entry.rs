//! One entry of `subObjectStatuses` (`SubActionStatus`), parsed straight from
//! the bytes into its used members (see `de`: no map, no key strings, no
//! hashing per entry), then read into an [`Element`].

use super::de::{check_string, members, phase_borrowed, string, time, Fast, ObjectOr, Time};
use super::scan::Scan;
use crate::error::WarningCode;
use crate::model::Element;
use crate::path::Path;
use crate::phase::Phase;
use crate::reader::Reader;
use std::borrow::Cow;

members! {
    /// The used members of an entry that is an object.
    pub(super) struct Status<'a> {
        phase = "phase", create_at = "createAt" as Time<'a>, update_at = "updateAt" as Time<'a>,
        kind = "type", reason = "reason", message = "message", action = "subActionName",
    }
}

/// One entry's value: an object's used members, or any other value as written.
/// (Not boxed: an entry lives on the stack only while it is read, and a box
/// per entry costs an allocation and a free for each of 10⁵ elements.)
pub(super) type Entry<'a> = ObjectOr<'a, Status<'a>>;

/// Reads entry `name` (at `subs_path`) into an element. `lean` (for the
/// summary alone, see `read::Detail::Summary`): an element that is not
/// Failed keeps only its phase and times, no texts (not its name either);
/// every member is read and warned about all the same.
pub(super) fn element(
    r: &mut Reader,
    name: &str,
    entry: Entry<'_>,
    subs_path: &Path<'_>,
    lean: bool,
) -> Element {
    let p = subs_path.key(name);
    let s = match entry {
        ObjectOr::Object(s) => s,
        ObjectOr::Other(value) => {
            if !value.is_null() {
                r.warn(
                    WarningCode::WrongType,
                    &p,
                    format!(
                        "expected an object with phase and updateAt, found {}; element kept without status",
                        value.describe()
                    ),
                );
            }
            return Element {
                id: if lean { String::new() } else { name.to_owned() },
                ..Element::default()
            };
        }
    };
    let phase = phase_borrowed(r, s.phase, &p, "phase");
    let created = time(r, s.create_at, &p, "createAt");
    let updated = time(r, s.update_at, &p, "updateAt");
    let updated = r.ordered(created, updated, &p.key("updateAt"));
    let (phase, raw_phase) = match phase {
        Some((phase, raw)) => (phase, Some(raw)),
        None => (Phase::Unknown, None),
    };
    let failed = phase == Phase::Failed;
    if lean && !failed {
        for (f, key) in [
            (s.kind, "type"),
            (s.reason, "reason"),
            (s.message, "message"),
            (s.action, "subActionName"),
        ] {
            check_string(r, f, &p, key);
        }
        return Element {
            phase,
            started_at: created,
            updated_at: updated,
            ..Element::default()
        };
    }
    let kind = string(r, s.kind, &p, "type");
    let reason = string(r, s.reason, &p, "reason");
    let message = string(r, s.message, &p, "message");
    let action = string(r, s.action, &p, "subActionName");
    Element {
        id: name.to_owned(),
        label: None,
        kind,
        phase,
        raw_phase: raw_phase.map(Cow::into_owned),
        reason,
        message,
        action,
        started_at: created,
        updated_at: updated,
        failed_at: if failed { updated } else { None },
        spans: Vec::new(),
        markers: Vec::new(),
    }
}

/// The fast path (see `scan`): one entry read from the bytes where it lies
/// (at nesting `depth`), its used members taken as they are (`Status`'s
/// [`Fast`], from the same `members!` list), the others skipped. `None` on anything the scanner gives up on, and on an array or
/// object where a used member's scalar is expected.
pub(super) fn fast<'a>(s: &mut Scan<'a>, depth: usize) -> Option<Entry<'a>> {
    s.object_or(depth, |s| Status::fast(s, depth))
}
