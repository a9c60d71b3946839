//! Parsing parts of the payload without building a `serde_json::Value` for
//! them, exactly as strictly as building one: every value goes through
//! `deserialize_any`, so strings are UTF-8- and escape-checked, numbers
//! range-checked (`1e999` is an error) and nesting depth-limited, and errors
//! come at the same places. (`serde::de::IgnoredAny` would not do: serde_json
//! skips it without those checks.)

use crate::path::Path;
use crate::reader::{RawPhase, Reader};
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use serde_json::Value;
use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

/// A member's value as read: a string (borrowed from the input when it has no
/// escapes) or any other JSON value (null, numbers, and wrong types to report).
#[derive(Debug)]
pub(super) enum Field<'a> {
    /// A string.
    Str(Cow<'a, str>),
    /// Any other value.
    Other(Value),
}

/// A container read into a `Value`, as `Value`'s own visitor builds it.
pub(super) fn seq_value<'de, A: SeqAccess<'de>>(seq: A) -> Result<Value, A::Error> {
    Value::deserialize(de::value::SeqAccessDeserializer::new(seq))
}

/// See [`seq_value`].
pub(super) fn map_value<'de, A: MapAccess<'de>>(map: A) -> Result<Value, A::Error> {
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
pub(super) struct Skip;

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

/// The string member `key` (of the object at `p`), as `Reader::string` reads
/// it: a wrong type is warned and dropped, null is absent.
pub(super) fn string(
    r: &mut Reader,
    f: Option<Field<'_>>,
    p: &Path<'_>,
    key: &str,
) -> Option<String> {
    match f? {
        Field::Str(s) => Some(s.into_owned()),
        Field::Other(v) => r.string_value(&v, &p.key(key)).map(str::to_owned),
    }
}

/// The time member `key`, as `Reader::time` reads it.
pub(super) fn time(r: &mut Reader, f: Option<Field<'_>>, p: &Path<'_>, key: &str) -> Option<i64> {
    match f? {
        Field::Str(s) => r.time_text(&s, &p.key(key)),
        Field::Other(v) => r.time_value(&v, &p.key(key)),
    }
}

/// The phase member `key`, as `Reader::phase` reads it.
pub(super) fn phase(
    r: &mut Reader,
    f: Option<Field<'_>>,
    p: &Path<'_>,
    key: &str,
) -> Option<RawPhase> {
    match f? {
        Field::Str(s) => Some(r.phase_text(&s, &p.key(key))),
        Field::Other(v) => {
            r.string_value(&v, &p.key(key));
            None
        }
    }
}

/// The epoch-time member `key`, as `Reader::epoch` reads it.
pub(super) fn epoch(r: &mut Reader, f: Option<Field<'_>>, p: &Path<'_>, key: &str) -> Option<i64> {
    match f? {
        Field::Str(s) => r.time_text(&s, &p.key(key)),
        Field::Other(v) => r.epoch_value(&v, &p.key(key)),
    }
}

/// Built from the members of a JSON object.
pub(super) trait FromMap<'de>: Sized {
    /// Reads the object's members.
    fn from_map<A: MapAccess<'de>>(map: A) -> Result<Self, A::Error>;
}

/// An object read by `T`, or any other value as written.
#[derive(Debug)]
pub(super) enum ObjectOr<T> {
    /// An object.
    Object(T),
    /// Anything else.
    Other(Value),
}

/// The visitor methods of scalars, each giving `$other(value)`.
macro_rules! scalars {
    ($t:ty, $other:path) => {
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("any json value")
        }
        fn visit_str<E>(self, s: &str) -> Result<$t, E> {
            Ok($other(Value::String(s.to_owned())))
        }
        fn visit_string<E>(self, s: String) -> Result<$t, E> {
            Ok($other(Value::String(s)))
        }
        fn visit_u64<E>(self, n: u64) -> Result<$t, E> {
            Ok($other(Value::from(n)))
        }
        fn visit_i64<E>(self, n: i64) -> Result<$t, E> {
            Ok($other(Value::from(n)))
        }
        fn visit_f64<E>(self, n: f64) -> Result<$t, E> {
            Ok($other(Value::from(n)))
        }
        fn visit_bool<E>(self, b: bool) -> Result<$t, E> {
            Ok($other(Value::Bool(b)))
        }
        fn visit_unit<E>(self) -> Result<$t, E> {
            Ok($other(Value::Null))
        }
        fn visit_none<E>(self) -> Result<$t, E> {
            Ok($other(Value::Null))
        }
    };
}
pub(super) use scalars;

impl<'de, T: FromMap<'de>> Deserialize<'de> for ObjectOr<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<T>(PhantomData<T>);
        impl<'de, T: FromMap<'de>> Visitor<'de> for V<T> {
            type Value = ObjectOr<T>;
            scalars!(ObjectOr<T>, ObjectOr::Other);
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<ObjectOr<T>, A::Error> {
                T::from_map(map).map(ObjectOr::Object)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<ObjectOr<T>, A::Error> {
                seq_value(seq).map(ObjectOr::Other)
            }
        }
        d.deserialize_any(V(PhantomData))
    }
}
