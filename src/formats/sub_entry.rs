//! One entry of `subObjectStatuses` (`SubActionStatus`), parsed straight from
//! the bytes into its used members (see `de`: no map, no key strings, no
//! hashing per entry), then read into an [`Element`].

use super::de::{members, phase, string, time, Fast, ObjectOr};
use super::scan::Scan;
use crate::error::WarningCode;
use crate::model::Element;
use crate::path::Path;
use crate::phase::Phase;
use crate::reader::Reader;

members! {
    /// The used members of an entry that is an object.
    pub(super) struct Status<'a> {
        phase = "phase", create_at = "createAt", update_at = "updateAt", kind = "type",
        reason = "reason", message = "message", action = "subActionName",
    }
}

/// One entry's value: an object's used members, or any other value as written.
/// (Not boxed: an entry lives on the stack only while it is read, and a box
/// per entry costs an allocation and a free for each of 10⁵ elements.)
pub(super) type Entry<'a> = ObjectOr<'a, Status<'a>>;

/// Reads entry `name` (at `subs_path`) into an element.
pub(super) fn element(
    r: &mut Reader,
    name: String,
    entry: Entry<'_>,
    subs_path: &Path<'_>,
) -> Element {
    let p = subs_path.key(&name);
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
                id: name,
                ..Element::default()
            };
        }
    };
    let phase = phase(r, s.phase, &p, "phase");
    let created = time(r, s.create_at, &p, "createAt");
    let updated = time(r, s.update_at, &p, "updateAt");
    let updated = r.ordered(created, updated, &p.key("updateAt"));
    let (phase, raw_phase) = match phase {
        Some(rp) => (rp.phase, Some(rp.raw)),
        None => (Phase::Unknown, None),
    };
    let kind = string(r, s.kind, &p, "type");
    let reason = string(r, s.reason, &p, "reason");
    let message = string(r, s.message, &p, "message");
    let action = string(r, s.action, &p, "subActionName");
    Element {
        id: name,
        label: None,
        kind,
        phase,
        raw_phase,
        reason,
        message,
        action,
        started_at: created,
        updated_at: updated,
        failed_at: if phase == Phase::Failed {
            updated
        } else {
            None
        },
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
