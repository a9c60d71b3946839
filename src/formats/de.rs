//! Every serde visitor the readers share: a payload's parts are parsed straight
//! into the members a reader uses ([`members!`]), from the bytes while they are
//! parsed, or from a `serde_json::Value` already built (the duplicate-name
//! fallback, the first item of an array) — one typed reader either way.
//!
//! Parsing stays exactly as strict as building a `Value`: every member a reader
//! does not use is parsed into [`Skip`], which goes through `deserialize_any`,
//! so strings are UTF-8- and escape-checked, numbers range-checked (`1e999` is
//! an error) and nesting depth-limited, and errors come at the same places.
//! (`serde::de::IgnoredAny` would not do: serde_json skips it without those
//! checks.) A member written twice keeps its last value, as a `Value` does.
//!
//! The same list of members also reads an object on the fast path ([`Fast`],
//! implemented by [`members!`] from the one list): the scanner of `scan` takes
//! the used members where they lie and skips every other, or gives up (`None`)
//! where it would not read exactly what serde_json does (then the bytes go
//! through serde_json and the `Deserialize` side above).

use super::scan::Scan;
use crate::path::Path;
use crate::phase::Phase;
use crate::reader::{describe, RawPhase, Reader};
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

impl Field<'_> {
    /// Whether it is null.
    pub(super) fn is_null(&self) -> bool {
        matches!(self, Field::Other(Value::Null))
    }

    /// The value as written.
    pub(super) fn into_value(self) -> Value {
        match self {
            Field::Str(s) => Value::String(s.into_owned()),
            Field::Other(v) => v,
        }
    }

    /// What it is, for a warning (see [`describe`]).
    pub(super) fn describe(&self) -> String {
        match self {
            Field::Str(s) => describe(&Value::String(s.to_string())),
            Field::Other(v) => describe(v),
        }
    }
}

/// An object read by `T`, or any other value as written.
#[derive(Debug)]
pub(super) enum ObjectOr<'a, T> {
    /// An object.
    Object(T),
    /// Anything else.
    Other(Field<'a>),
}

/// An array of `T`, or any other value as written.
#[derive(Debug)]
pub(super) enum ArrayOr<'a, T> {
    /// An array.
    Array(Vec<T>),
    /// Anything else.
    Other(Field<'a>),
}

/// Built from the members of a JSON object.
pub(super) trait FromMap<'de>: Sized {
    /// Reads the object's members.
    fn from_map<A: MapAccess<'de>>(map: A) -> Result<Self, A::Error>;
}

/// Built from the items of a JSON array.
pub(super) trait FromSeq<'de>: Sized {
    /// Reads the array's items.
    fn from_seq<A: SeqAccess<'de>>(seq: A) -> Result<Self, A::Error>;
}

/// A container kept as a `Value`, as `Value`'s own visitor builds it.
impl<'de> FromMap<'de> for Value {
    fn from_map<A: MapAccess<'de>>(map: A) -> Result<Self, A::Error> {
        Value::deserialize(de::value::MapAccessDeserializer::new(map))
    }
}

impl<'de> FromSeq<'de> for Value {
    fn from_seq<A: SeqAccess<'de>>(seq: A) -> Result<Self, A::Error> {
        Value::deserialize(de::value::SeqAccessDeserializer::new(seq))
    }
}

impl<'de, T: Deserialize<'de>> FromSeq<'de> for Vec<T> {
    fn from_seq<A: SeqAccess<'de>>(mut seq: A) -> Result<Self, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element::<T>()? {
            items.push(item);
        }
        Ok(items)
    }
}

/// A value by its shape: an object read by `O`, an array by `A`, anything
/// else as a [`Field`]. The one visitor behind `Field`, `ObjectOr` and `ArrayOr`.
enum Shaped<'a, O, A> {
    Object(O),
    Array(A),
    Other(Field<'a>),
}

struct Shape<O, A>(PhantomData<(O, A)>);

impl<'de, O: FromMap<'de>, A: FromSeq<'de>> Visitor<'de> for Shape<O, A> {
    type Value = Shaped<'de, O, A>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any json value")
    }
    fn visit_borrowed_str<E>(self, s: &'de str) -> Result<Self::Value, E> {
        Ok(Shaped::Other(Field::Str(Cow::Borrowed(s))))
    }
    fn visit_str<E>(self, s: &str) -> Result<Self::Value, E> {
        Ok(Shaped::Other(Field::Str(Cow::Owned(s.to_owned()))))
    }
    fn visit_string<E>(self, s: String) -> Result<Self::Value, E> {
        Ok(Shaped::Other(Field::Str(Cow::Owned(s))))
    }
    fn visit_u64<E>(self, n: u64) -> Result<Self::Value, E> {
        Ok(Shaped::Other(Field::Other(Value::from(n))))
    }
    fn visit_i64<E>(self, n: i64) -> Result<Self::Value, E> {
        Ok(Shaped::Other(Field::Other(Value::from(n))))
    }
    fn visit_f64<E>(self, n: f64) -> Result<Self::Value, E> {
        Ok(Shaped::Other(Field::Other(Value::from(n))))
    }
    fn visit_bool<E>(self, b: bool) -> Result<Self::Value, E> {
        Ok(Shaped::Other(Field::Other(Value::Bool(b))))
    }
    fn visit_unit<E>(self) -> Result<Self::Value, E> {
        Ok(Shaped::Other(Field::Other(Value::Null)))
    }
    fn visit_none<E>(self) -> Result<Self::Value, E> {
        Ok(Shaped::Other(Field::Other(Value::Null)))
    }
    fn visit_map<M: MapAccess<'de>>(self, map: M) -> Result<Self::Value, M::Error> {
        O::from_map(map).map(Shaped::Object)
    }
    fn visit_seq<S: SeqAccess<'de>>(self, seq: S) -> Result<Self::Value, S::Error> {
        A::from_seq(seq).map(Shaped::Array)
    }
}

fn shaped<'de, O: FromMap<'de>, A: FromSeq<'de>, D: Deserializer<'de>>(
    d: D,
) -> Result<Shaped<'de, O, A>, D::Error> {
    d.deserialize_any(Shape(PhantomData))
}

impl<'de> Deserialize<'de> for Field<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(match shaped::<Value, Value, D>(d)? {
            Shaped::Object(v) | Shaped::Array(v) => Field::Other(v),
            Shaped::Other(f) => f,
        })
    }
}

impl<'de, T: FromMap<'de>> Deserialize<'de> for ObjectOr<'de, T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(match shaped::<T, Value, D>(d)? {
            Shaped::Object(o) => ObjectOr::Object(o),
            Shaped::Array(v) => ObjectOr::Other(Field::Other(v)),
            Shaped::Other(f) => ObjectOr::Other(f),
        })
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for ArrayOr<'de, T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(match shaped::<Value, Vec<T>, D>(d)? {
            Shaped::Array(items) => ArrayOr::Array(items),
            Shaped::Object(v) => ArrayOr::Other(Field::Other(v)),
            Shaped::Other(f) => ArrayOr::Other(f),
        })
    }
}

impl<'v, T: FromMap<'v>> ObjectOr<'v, T> {
    /// `v` read as it is while parsing, its strings borrowed from it. (Reading
    /// a `Value` cannot fail: every visitor here takes any value, and reads
    /// every member and item.)
    pub(super) fn of(v: &'v Value) -> Self {
        Self::deserialize(v).unwrap_or_else(|_| ObjectOr::Other(Field::Other(v.clone())))
    }

    /// `v` read as it is while parsing, its strings owned (to live as long as
    /// what is read from the bytes).
    pub(super) fn owned(v: Value) -> Self {
        Self::deserialize(v.clone()).unwrap_or(ObjectOr::Other(Field::Other(v)))
    }
}

/// A value parsed as strictly as a `Value` would be, and dropped (nothing kept:
/// strings borrowed where possible, containers walked member by member). As a
/// member's type (`as Skip`), it records only that the member is there.
#[derive(Debug)]
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

/// Parses every remaining member of `map` into [`Skip`].
pub(super) fn skip_members<'de, A: MapAccess<'de>>(mut map: A) -> Result<(), A::Error> {
    while map.next_key::<Skip>()?.is_some() {
        map.next_value::<Skip>()?;
    }
    Ok(())
}

/// An object key as written (borrowed when it has no escapes).
pub(super) struct Key<'a>(pub Cow<'a, str>);

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Key<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object key")
            }
            fn visit_borrowed_str<E>(self, s: &'de str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Borrowed(s)))
            }
            fn visit_str<E>(self, s: &str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(s.to_owned())))
            }
            fn visit_string<E>(self, s: String) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(s)))
            }
        }
        d.deserialize_identifier(V)
    }
}

/// Declares the members of an object a reader uses, each an `Option` of a
/// [`Field`] (or of the type after `as`), and reads them, from the one list,
/// both ways: with [`FromMap`] (serde) and with [`Fast`] (the scanner, the
/// object at the cursor). Members are matched by their name as written (on
/// the fast path as bytes, by the same decision tree as a `match` on byte
/// string literals), the last of a repeated one kept, every other member
/// parsed into [`Skip`] (or skipped by the scanner, as strictly).
///
/// ```text
/// members! {
///     /// What it is.
///     pub(super) struct Status<'a> { phase = "phase", list = "items" as ArrayOr<'a, Field<'a>> }
/// }
/// ```
macro_rules! members {
    (@type $a:lifetime) => { $crate::formats::de::Field<$a> };
    (@type $a:lifetime $ty:ty) => { $ty };
    ($($(#[$meta:meta])* $vis:vis struct $name:ident<$a:lifetime> {
        $($field:ident = $key:literal $(as $ty:ty)?),* $(,)?
    })*) => {$(
        $(#[$meta])*
        #[derive(Debug, Default)]
        $vis struct $name<$a> {
            $($field: Option<$crate::formats::de::members!(@type $a $($ty)?)>,)*
        }
        impl $name<'_> {
            /// The members' names, as written.
            #[allow(dead_code)]
            pub(super) const KEYS: &'static [&'static str] = &[$($key),*];
        }
        impl<'de> $crate::formats::de::FromMap<'de> for $name<'de> {
            fn from_map<A: serde::de::MapAccess<'de>>(mut map: A) -> Result<Self, A::Error> {
                let mut s = Self::default();
                while let Some($crate::formats::de::Key(key)) = map.next_key()? {
                    match &*key {
                        $($key => s.$field = Some(map.next_value()?),)*
                        _ => {
                            map.next_value::<$crate::formats::de::Skip>()?;
                        }
                    }
                }
                Ok(s)
            }
        }
        impl<$a> $crate::formats::de::Fast<$a> for $name<$a> {
            /// The object at the cursor (anything else: `None`).
            #[inline]
            fn fast(s: &mut $crate::formats::scan::Scan<$a>, depth: usize) -> Option<Self> {
                /// The names as bytes, for the key's `match`.
                #[allow(non_upper_case_globals)]
                mod keys {
                    $(pub(super) const $field: &[u8] = $key.as_bytes();)*
                }
                let mut m = Self::default();
                s.object(|s, key| {
                    match key {
                        $(keys::$field => {
                            m.$field = Some($crate::formats::de::Fast::fast(s, depth + 1)?)
                        })*
                        _ => return s.skip(depth + 1),
                    }
                    Some(())
                })?;
                Some(m)
            }
        }
    )*};
}
pub(super) use members;

/// Read by the fast path's scanner (see `scan`) into what `Deserialize` reads
/// here, or `None` where the scanner gives up (then serde reads the bytes).
pub(super) trait Fast<'a>: Sized {
    /// The value at the cursor, at nesting `depth` (the top level is 0).
    fn fast(s: &mut Scan<'a>, depth: usize) -> Option<Self>;
}

/// A scalar (an array or object: `None`).
impl<'a> Fast<'a> for Field<'a> {
    #[inline]
    fn fast(s: &mut Scan<'a>, _depth: usize) -> Option<Self> {
        s.field()
    }
}

/// An object read by `T`, or a scalar (an array: `None`).
impl<'a, T: Fast<'a>> Fast<'a> for ObjectOr<'a, T> {
    #[inline]
    fn fast(s: &mut Scan<'a>, depth: usize) -> Option<Self> {
        match s.peek()? {
            b'{' => T::fast(s, depth).map(ObjectOr::Object),
            b'[' => None,
            _ => s.field().map(ObjectOr::Other),
        }
    }
}

/// An array of items read by `T`, or a scalar (an object: `None`).
impl<'a, T: Fast<'a>> Fast<'a> for ArrayOr<'a, T> {
    fn fast(s: &mut Scan<'a>, depth: usize) -> Option<Self> {
        match s.peek()? {
            b'[' => {
                let mut items = Vec::new();
                s.array(|s, _| {
                    items.push(T::fast(s, depth + 1)?);
                    Some(())
                })?;
                Some(ArrayOr::Array(items))
            }
            b'{' => None,
            _ => s.field().map(ArrayOr::Other),
        }
    }
}

/// Any value, skipped as checked as [`Scan::skip`] does.
impl<'a> Fast<'a> for Skip {
    #[inline]
    fn fast(s: &mut Scan<'a>, depth: usize) -> Option<Self> {
        s.skip(depth).map(|()| Skip)
    }
}

/// A time member: on the fast path, read from the bytes where it lies when
/// [`Scan::time`] reads it (a text in the form `YYYY-MM-DDTHH:MM:SSZ`, or an
/// integer of epoch milliseconds from 1e11 on), else, and always on the serde
/// path, the member as read (`M`: a [`Field`], or the event list's `Scalar`).
#[derive(Debug)]
pub(super) enum TimeOf<M> {
    /// Epoch milliseconds read from the bytes.
    Millis(i64),
    /// As read.
    Member(M),
}

/// A time member of a `members!` reader.
pub(super) type Time<'a> = TimeOf<Field<'a>>;

impl<'de> Deserialize<'de> for Time<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Field::deserialize(d).map(TimeOf::Member)
    }
}

impl<'a> Fast<'a> for Time<'a> {
    #[inline]
    fn fast(s: &mut Scan<'a>, _depth: usize) -> Option<Self> {
        Some(match s.time() {
            Some(ms) => TimeOf::Millis(ms),
            None => TimeOf::Member(s.field()?),
        })
    }
}

/// Member `key` (of the object at `p`) read by `text` when a string, else by
/// `value`; absent when missing.
fn member<T>(
    r: &mut Reader,
    f: Option<Field<'_>>,
    p: &Path<'_>,
    key: &str,
    text: impl FnOnce(&mut Reader, &str, &Path<'_>) -> Option<T>,
    value: impl FnOnce(&mut Reader, &Value, &Path<'_>) -> Option<T>,
) -> Option<T> {
    match f? {
        Field::Str(s) => text(r, &s, &p.key(key)),
        Field::Other(v) => value(r, &v, &p.key(key)),
    }
}

/// The string member `key`, as `Reader::string` reads it: a wrong type is
/// warned and dropped, null is absent.
pub(super) fn string(
    r: &mut Reader,
    f: Option<Field<'_>>,
    p: &Path<'_>,
    key: &str,
) -> Option<String> {
    let owned = |r: &mut Reader, v: &Value, p: &Path<'_>| r.string_value(v, p).map(str::to_owned);
    member(r, f, p, key, |_, s, _| Some(s.to_owned()), owned)
}

/// The time member `key`, as `Reader::time` reads it.
pub(super) fn time<'f, M: Into<Field<'f>>>(
    r: &mut Reader,
    t: Option<TimeOf<M>>,
    p: &Path<'_>,
    key: &str,
) -> Option<i64> {
    timed(r, t, p, key, Reader::time_value)
}

/// The phase member `key`, as `Reader::phase` reads it (a wrong type warned).
pub(super) fn phase(
    r: &mut Reader,
    f: Option<Field<'_>>,
    p: &Path<'_>,
    key: &str,
) -> Option<RawPhase> {
    phase_borrowed(r, f, p, key).map(|(phase, raw)| RawPhase {
        phase,
        raw: raw.into_owned(),
    })
}

/// [`phase`], its text as written not yet owned.
pub(super) fn phase_borrowed<'f>(
    r: &mut Reader,
    f: Option<Field<'f>>,
    p: &Path<'_>,
    key: &str,
) -> Option<(Phase, Cow<'f, str>)> {
    match f? {
        Field::Str(s) => Some((r.phase_of(&s, &p.key(key)), s)),
        Field::Other(v) => r.string_value(&v, &p.key(key)).and(None),
    }
}

/// The warnings [`string`] gives for member `key`, the string not kept.
pub(super) fn check_string(r: &mut Reader, f: Option<Field<'_>>, p: &Path<'_>, key: &str) {
    if let Some(Field::Other(v)) = f {
        r.string_value(&v, &p.key(key));
    }
}

/// The epoch-time member `key`, as `Reader::epoch` reads it.
pub(super) fn epoch(r: &mut Reader, t: Option<Time<'_>>, p: &Path<'_>, key: &str) -> Option<i64> {
    timed(r, t, p, key, Reader::epoch_value)
}

/// A time member: as read from the bytes, else a text by
/// `Reader::time_text` and any other value by `value`.
fn timed<'f, M: Into<Field<'f>>>(
    r: &mut Reader,
    t: Option<TimeOf<M>>,
    p: &Path<'_>,
    key: &str,
    value: fn(&mut Reader, &Value, &Path<'_>) -> Option<i64>,
) -> Option<i64> {
    match t? {
        TimeOf::Millis(ms) => Some(ms),
        TimeOf::Member(m) => member(r, Some(m.into()), p, key, Reader::time_text, value),
    }
}

/// The number member `key`, as `Reader::number` reads it (a string is a wrong type).
pub(super) fn number(r: &mut Reader, f: Option<Field<'_>>, p: &Path<'_>, key: &str) -> Option<f64> {
    let text = |r: &mut Reader, s: &str, p: &Path<'_>| r.number_value(&Value::String(s.into()), p);
    member(r, f, p, key, text, Reader::number_value)
}
