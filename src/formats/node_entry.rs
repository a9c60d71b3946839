//! One node of a streamed GCS `status.actual_node_status` (an array item or a
//! map entry), parsed straight from the bytes into its `name` and `status`
//! (unknown members parsed into `Skip`, see `borrowed`) instead of a
//! `serde_json::Value`, then read with the same warnings, in the same order
//! and at the same paths, as `gcs_execution`'s `list_node` and `named_node`
//! give on the `Value`.

use super::borrowed::{phase, seq_value, string, Field, Skip};
use crate::error::WarningCode;
use crate::path::Path;
use crate::reader::{describe, RawPhase, Reader};
use serde::de::{Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use serde_json::Value;
use std::borrow::Cow;
use std::fmt;

/// A node as parsed: an object's `name` and `status` (the last of each when
/// repeated, as in a `Value`), a text, or any other value.
#[derive(Debug)]
pub(super) enum Node<'a> {
    /// An object.
    Object {
        /// `name`.
        name: Option<Field<'a>>,
        /// `status`.
        status: Option<Field<'a>>,
    },
    /// A text.
    Text(Cow<'a, str>),
    /// Anything else.
    Other(Value),
}

/// The members of a node the readers use.
enum Key {
    Name,
    Status,
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
                    "name" => Key::Name,
                    "status" => Key::Status,
                    _ => Key::Other,
                })
            }
        }
        d.deserialize_identifier(V)
    }
}

impl<'de> Deserialize<'de> for Node<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Node<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("any json value")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node<'de>, A::Error> {
                let (mut name, mut status) = (None, None);
                while let Some(key) = map.next_key::<Key>()? {
                    match key {
                        Key::Name => name = Some(map.next_value::<Field<'de>>()?),
                        Key::Status => status = Some(map.next_value::<Field<'de>>()?),
                        Key::Other => {
                            map.next_value::<Skip>()?;
                        }
                    }
                }
                Ok(Node::Object { name, status })
            }
            fn visit_borrowed_str<E>(self, s: &'de str) -> Result<Node<'de>, E> {
                Ok(Node::Text(Cow::Borrowed(s)))
            }
            fn visit_str<E>(self, s: &str) -> Result<Node<'de>, E> {
                Ok(Node::Text(Cow::Owned(s.to_owned())))
            }
            fn visit_string<E>(self, s: String) -> Result<Node<'de>, E> {
                Ok(Node::Text(Cow::Owned(s)))
            }
            fn visit_u64<E>(self, n: u64) -> Result<Node<'de>, E> {
                Ok(Node::Other(Value::from(n)))
            }
            fn visit_i64<E>(self, n: i64) -> Result<Node<'de>, E> {
                Ok(Node::Other(Value::from(n)))
            }
            fn visit_f64<E>(self, n: f64) -> Result<Node<'de>, E> {
                Ok(Node::Other(Value::from(n)))
            }
            fn visit_bool<E>(self, b: bool) -> Result<Node<'de>, E> {
                Ok(Node::Other(Value::Bool(b)))
            }
            fn visit_unit<E>(self) -> Result<Node<'de>, E> {
                Ok(Node::Other(Value::Null))
            }
            fn visit_none<E>(self) -> Result<Node<'de>, E> {
                Ok(Node::Other(Value::Null))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Node<'de>, A::Error> {
                seq_value(seq).map(Node::Other)
            }
        }
        d.deserialize_any(V)
    }
}

/// An item of the array form (at `p`): its name and phase, or None (warned)
/// when it is not an object — as `gcs_execution::list_node`.
pub(super) fn list_node(
    r: &mut Reader,
    node: Node<'_>,
    p: &Path<'_>,
) -> Option<(String, Option<RawPhase>)> {
    let (name, status) = match node {
        Node::Object { name, status } => (name, status),
        Node::Text(s) => return wrong(r, &Value::String(s.into_owned()), p, LIST),
        Node::Other(v) => return wrong(r, &v, p, LIST),
    };
    let name = string(r, name, p, "name").unwrap_or_default();
    Some((name, phase(r, status, p, "status")))
}

/// An entry of the map form (at `p`): its phase, or None (warned) when it is
/// neither an object nor a text — as `gcs_execution::named_node`.
pub(super) fn named_node(r: &mut Reader, node: Node<'_>, p: &Path<'_>) -> Option<Option<RawPhase>> {
    match node {
        Node::Object { status, .. } => Some(phase(r, status, p, "status")),
        Node::Text(s) => Some(Some(r.phase_text(&s, p))),
        Node::Other(v) => wrong(r, &v, p, MAP),
    }
}

const LIST: &str = "a node object with name and status";
const MAP: &str = "a node status object or text";

/// Warns that the node at `p` is `found`, not `expected`.
fn wrong<T>(r: &mut Reader, found: &Value, p: &Path<'_>, expected: &str) -> Option<T> {
    r.warn(
        WarningCode::WrongType,
        p,
        format!("expected {expected}, found {}; ignored", describe(found)),
    );
    None
}
