//! One entry of a streamed `subObjectStatuses` (`SubActionStatus`), parsed
//! straight from the bytes into borrowed fields instead of a `serde_json::Value`
//! (no map, no key strings, no hashing per entry), then read into an
//! [`Element`] with the same warnings, in the same order and at the same paths,
//! as `status_object::element` gives on the `Value`.
//!
//! Parsing stays exactly as strict as building a `Value` (see `borrowed`):
//! unknown members are parsed into `Skip`, which keeps nothing. A duplicate
//! key keeps the last value, as a `Value` does.

use super::borrowed::{phase, string, time, Field, FromMap, ObjectOr, Skip};
use crate::error::WarningCode;
use crate::model::Element;
use crate::path::Path;
use crate::phase::Phase;
use crate::reader::{describe, Reader};
use serde::de::{Deserializer, MapAccess, Visitor};
use serde::Deserialize;
use std::fmt;

/// The members of a `SubActionStatus` the reader uses.
enum Key {
    Phase,
    CreateAt,
    UpdateAt,
    Type,
    Reason,
    Message,
    SubActionName,
    Other,
}

impl<'de> Deserialize<'de> for Key {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Key;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a key")
            }
            fn visit_str<E>(self, s: &str) -> Result<Key, E> {
                Ok(match s {
                    "phase" => Key::Phase,
                    "createAt" => Key::CreateAt,
                    "updateAt" => Key::UpdateAt,
                    "type" => Key::Type,
                    "reason" => Key::Reason,
                    "message" => Key::Message,
                    "subActionName" => Key::SubActionName,
                    _ => Key::Other,
                })
            }
        }
        d.deserialize_identifier(V)
    }
}

/// The used members of an entry that is an object.
#[derive(Debug, Default)]
pub(super) struct Status<'a> {
    phase: Option<Field<'a>>,
    create_at: Option<Field<'a>>,
    update_at: Option<Field<'a>>,
    kind: Option<Field<'a>>,
    reason: Option<Field<'a>>,
    message: Option<Field<'a>>,
    action: Option<Field<'a>>,
}

/// One entry's value: an object's used members, or any other value as written.
/// (Not boxed: an entry lives on the stack only while it is read, and a box
/// per entry costs an allocation and a free for each of 10⁵ elements.)
pub(super) type Entry<'a> = ObjectOr<Status<'a>>;

impl<'de> FromMap<'de> for Status<'de> {
    fn from_map<A: MapAccess<'de>>(mut map: A) -> Result<Self, A::Error> {
        let mut s = Status::default();
        while let Some(key) = map.next_key::<Key>()? {
            let slot = match key {
                Key::Phase => &mut s.phase,
                Key::CreateAt => &mut s.create_at,
                Key::UpdateAt => &mut s.update_at,
                Key::Type => &mut s.kind,
                Key::Reason => &mut s.reason,
                Key::Message => &mut s.message,
                Key::SubActionName => &mut s.action,
                Key::Other => {
                    map.next_value::<Skip>()?;
                    continue;
                }
            };
            *slot = Some(map.next_value::<Field<'de>>()?);
        }
        Ok(s)
    }
}

/// Reads entry `name` (at `subs_path`) into an element, as
/// `status_object::element` reads its `Value`.
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
                        describe(&value)
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
