//! One entry of a streamed `subObjectStatuses` (`SubActionStatus`), parsed
//! straight from the bytes into borrowed fields instead of a `serde_json::Value`
//! (no map, no key strings, no hashing per entry), then read into an
//! [`Element`] with the same warnings, in the same order and at the same paths,
//! as `status_object::element` gives on the `Value`.
//!
//! Parsing stays exactly as strict as building a `Value`: every member, known
//! or not, goes through `deserialize_any` (unknown ones into [`Skip`], which
//! keeps nothing), so strings are UTF-8-checked, numbers range-checked and
//! nesting depth-limited as before, and errors come at the same places. A
//! duplicate key keeps the last value, as a `Value` does.

use crate::error::WarningCode;
use crate::model::Element;
use crate::path::Path;
use crate::phase::Phase;
use crate::reader::{describe, Reader};
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use serde_json::Value;
use std::borrow::Cow;
use std::fmt;

/// A member's value as read: a string (borrowed from the input when it has no
/// escapes) or any other JSON value (null, numbers, and wrong types to report).
#[derive(Debug)]
enum Field<'a> {
    Str(Cow<'a, str>),
    Other(Value),
}

/// A container read into a `Value`, as `Value`'s own visitor builds it.
fn seq_value<'de, A: SeqAccess<'de>>(seq: A) -> Result<Value, A::Error> {
    Value::deserialize(de::value::SeqAccessDeserializer::new(seq))
}

/// See [`seq_value`].
fn map_value<'de, A: MapAccess<'de>>(map: A) -> Result<Value, A::Error> {
    Value::deserialize(de::value::MapAccessDeserializer::new(map))
}

impl<'de> Deserialize<'de> for Field<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Field<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("any json value")
            }
            fn visit_borrowed_str<E>(self, s: &'de str) -> Result<Field<'de>, E> {
                Ok(Field::Str(Cow::Borrowed(s)))
            }
            fn visit_str<E>(self, s: &str) -> Result<Field<'de>, E> {
                Ok(Field::Str(Cow::Owned(s.to_owned())))
            }
            fn visit_string<E>(self, s: String) -> Result<Field<'de>, E> {
                Ok(Field::Str(Cow::Owned(s)))
            }
            fn visit_u64<E>(self, n: u64) -> Result<Field<'de>, E> {
                Ok(Field::Other(Value::from(n)))
            }
            fn visit_i64<E>(self, n: i64) -> Result<Field<'de>, E> {
                Ok(Field::Other(Value::from(n)))
            }
            fn visit_f64<E>(self, n: f64) -> Result<Field<'de>, E> {
                Ok(Field::Other(Value::from(n)))
            }
            fn visit_bool<E>(self, b: bool) -> Result<Field<'de>, E> {
                Ok(Field::Other(Value::Bool(b)))
            }
            fn visit_unit<E>(self) -> Result<Field<'de>, E> {
                Ok(Field::Other(Value::Null))
            }
            fn visit_none<E>(self) -> Result<Field<'de>, E> {
                Ok(Field::Other(Value::Null))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Field<'de>, A::Error> {
                seq_value(seq).map(Field::Other)
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Field<'de>, A::Error> {
                map_value(map).map(Field::Other)
            }
        }
        d.deserialize_any(V)
    }
}

/// A value parsed as strictly as a `Value` would be, and dropped (nothing kept:
/// strings borrowed where possible, containers walked member by member).
struct Skip;

impl<'de> Deserialize<'de> for Skip {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Skip;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("any json value")
            }
            fn visit_str<E>(self, _: &str) -> Result<Skip, E> {
                Ok(Skip)
            }
            fn visit_u64<E>(self, _: u64) -> Result<Skip, E> {
                Ok(Skip)
            }
            fn visit_i64<E>(self, _: i64) -> Result<Skip, E> {
                Ok(Skip)
            }
            fn visit_f64<E>(self, _: f64) -> Result<Skip, E> {
                Ok(Skip)
            }
            fn visit_bool<E>(self, _: bool) -> Result<Skip, E> {
                Ok(Skip)
            }
            fn visit_unit<E>(self) -> Result<Skip, E> {
                Ok(Skip)
            }
            fn visit_none<E>(self) -> Result<Skip, E> {
                Ok(Skip)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Skip, A::Error> {
                while seq.next_element::<Skip>()?.is_some() {}
                Ok(Skip)
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Skip, A::Error> {
                while map.next_key::<Skip>()?.is_some() {
                    map.next_value::<Skip>()?;
                }
                Ok(Skip)
            }
        }
        d.deserialize_any(V)
    }
}

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
#[derive(Debug)]
pub(super) enum Entry<'a> {
    /// An object.
    Object(Box<Status<'a>>),
    /// Anything else (null, or a wrong type to report).
    Other(Value),
}

impl<'de> Deserialize<'de> for Entry<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Entry<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("any json value")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Entry<'de>, A::Error> {
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
                Ok(Entry::Object(Box::new(s)))
            }
            fn visit_str<E>(self, s: &str) -> Result<Entry<'de>, E> {
                Ok(Entry::Other(Value::String(s.to_owned())))
            }
            fn visit_string<E>(self, s: String) -> Result<Entry<'de>, E> {
                Ok(Entry::Other(Value::String(s)))
            }
            fn visit_u64<E>(self, n: u64) -> Result<Entry<'de>, E> {
                Ok(Entry::Other(Value::from(n)))
            }
            fn visit_i64<E>(self, n: i64) -> Result<Entry<'de>, E> {
                Ok(Entry::Other(Value::from(n)))
            }
            fn visit_f64<E>(self, n: f64) -> Result<Entry<'de>, E> {
                Ok(Entry::Other(Value::from(n)))
            }
            fn visit_bool<E>(self, b: bool) -> Result<Entry<'de>, E> {
                Ok(Entry::Other(Value::Bool(b)))
            }
            fn visit_unit<E>(self) -> Result<Entry<'de>, E> {
                Ok(Entry::Other(Value::Null))
            }
            fn visit_none<E>(self) -> Result<Entry<'de>, E> {
                Ok(Entry::Other(Value::Null))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Entry<'de>, A::Error> {
                seq_value(seq).map(Entry::Other)
            }
        }
        d.deserialize_any(V)
    }
}

/// A string member (a wrong type is warned and dropped, null is absent).
fn string(r: &mut Reader, f: Option<Field<'_>>, p: &Path<'_>, key: &str) -> Option<String> {
    match f? {
        Field::Str(s) => Some(s.into_owned()),
        Field::Other(v) => r.string_value(&v, &p.key(key)).map(str::to_owned),
    }
}

/// A time member, as `Reader::time` reads it.
fn time(r: &mut Reader, f: Option<Field<'_>>, p: &Path<'_>, key: &str) -> Option<i64> {
    match f? {
        Field::Str(s) => r.time_text(&s, &p.key(key)),
        Field::Other(v) => r.time_value(&v, &p.key(key)),
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
        Entry::Object(s) => *s,
        Entry::Other(value) => {
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
    let phase = match s.phase {
        Some(Field::Str(raw)) => Some(r.phase_text(&raw, &p.key("phase"))),
        Some(Field::Other(v)) => {
            r.string_value(&v, &p.key("phase"));
            None
        }
        None => None,
    };
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
