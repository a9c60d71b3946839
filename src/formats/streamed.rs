//! The parts of an execution object that are read while the payload is parsed,
//! found by place before the format is known (detection needs the whole object):
//!
//! - `$.status.subObjectStatuses` (AOS) and `$.object.status.subObjectStatuses`
//!   (GCS): read entry by entry into elements (`status_object::stream_subs`);
//! - `$.status.actual_node_status` (GCS): read node by node
//!   (`gcs_execution::stream_nodes`);
//! - `elementStatuses` in either status block (shown raw only, read by no
//!   reader): parsed (as strictly as into a `Value`, see `de`) and dropped.
//!
//! Each entry is parsed by the same parser (same checks, same depth limit, same
//! error positions) into its used members (`sub_entry`, `node_entry`, see
//! `de`) and dropped once read; the same code reads these parts from a
//! `Value` parsed whole (the duplicate-name fallback, see `read`).
//! The rest of the object becomes a `Value` as before, with an empty object or
//! array standing in for each streamed part; the format readers take the
//! streamed parts from [`Prefetched`] where they would have read them, and
//! splice in their warnings there.
//!
//! The element list of each `subObjectStatuses` is allocated at its final size
//! when [`Sizes`] (the pre-pass, `memory::census`) counted it; the fast path
//! guesses it from the first entries otherwise (`status_object::fast_subs`).
//! The counts are only capacity hints: a wrong one costs memory, never a
//! different result.

use super::de::{skip_members, FromSeq, Skip};
use super::gcs_execution::{self, Nodes};
use super::memory::Sizes;
use super::scan::Scan;
use super::status_object::{self, Streamed};
use crate::path::Path;
use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use serde_json::{Map, Value};
use std::collections::HashSet;
use std::fmt;
use std::hash::BuildHasher;

/// The parts read while parsing, by place (None: not there, or not an
/// object or array there — then the `Value` holds it as written).
#[derive(Debug, Default)]
pub struct Prefetched {
    /// `$.status.subObjectStatuses` (AOS).
    pub top: Option<Streamed>,
    /// `$.object.status.subObjectStatuses` (GCS).
    pub object: Option<Streamed>,
    /// `$.status.actual_node_status` (GCS).
    pub nodes: Option<Nodes>,
}

impl Prefetched {
    /// Whether a streamed object had a duplicate key (then the payload must be
    /// read from a plain `Value` instead, which keeps the first one's place
    /// with the last one's content).
    pub fn duplicate(&self) -> bool {
        [&self.top, &self.object]
            .iter()
            .any(|s| s.as_ref().is_some_and(|s| s.duplicate))
            || self.nodes.as_ref().is_some_and(|n| n.duplicate)
    }

    /// Takes from `inner` (what a value at `level` gave) the parts that live
    /// under `level`: a later duplicate key replaces them, as in a `Value`.
    fn replace(&mut self, level: Level, inner: Prefetched) {
        let (top, object, nodes) = level.owns();
        if top {
            self.top = inner.top;
        }
        if object {
            self.object = inner.object;
        }
        if nodes {
            self.nodes = inner.nodes;
        }
    }
}

/// Where in the payload a value being parsed is: the one rule for where the
/// parts read while parsing are (the parse, the fast path and the pre-pass,
/// `memory::census`, all follow [`Level::child`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// The top-level object.
    Root,
    /// `$.object`.
    Object,
    /// `$.status`.
    TopStatus,
    /// `$.object.status`.
    ObjectStatus,
    /// `$.status.subObjectStatuses`.
    TopSubs,
    /// `$.object.status.subObjectStatuses`.
    ObjectSubs,
    /// `$.status.actual_node_status`.
    Nodes,
    /// A part no reader reads (`elementStatuses`).
    Unread,
}

impl Level {
    /// The member `key` of an object here, when it holds a streamed part.
    pub fn child(self, key: &str) -> Option<Level> {
        match (self, key) {
            (Level::Root, "status") => Some(Level::TopStatus),
            (Level::Root, "object") => Some(Level::Object),
            (Level::Object, "status") => Some(Level::ObjectStatus),
            (Level::TopStatus, "subObjectStatuses") => Some(Level::TopSubs),
            (Level::ObjectStatus, "subObjectStatuses") => Some(Level::ObjectSubs),
            (Level::TopStatus, "actual_node_status") => Some(Level::Nodes),
            (Level::TopStatus | Level::ObjectStatus, "elementStatuses") => Some(Level::Unread),
            _ => None,
        }
    }

    /// Which parts live under this level: (top subs, object subs, nodes).
    fn owns(self) -> (bool, bool, bool) {
        match self {
            Level::TopStatus => (true, false, true),
            Level::TopSubs => (true, false, false),
            Level::Object | Level::ObjectStatus | Level::ObjectSubs => (false, true, false),
            Level::Nodes => (false, false, true),
            Level::Root | Level::Unread => (false, false, false),
        }
    }
}

/// Reads the top-level object's members (as a `serde_json::Value` would: in
/// order, a duplicate key keeping the first one's place and the last one's
/// value), reading the parts listed above as they are parsed.
pub fn read_top_object<'de, A: MapAccess<'de>>(
    map: A,
    sizes: &mut Sizes,
) -> Result<(Value, Prefetched), A::Error> {
    Seed(Level::Root, sizes).visit_map(map)
}

/// Reads a streamed object entry by entry: each value is parsed as `T` and
/// handed to `read` with its name, then dropped. Returns whether a name came
/// twice (then the entries after it are parsed but not read: a `Value` keeps
/// the first one's place with the last one's content, so the caller's payload
/// is read again from a plain value, see `read`). Names are compared by hash:
/// a rare collision costs only that second reading. `size`: how many entries
/// there likely are.
pub(super) fn entries<'de, A: MapAccess<'de>, T: Deserialize<'de>>(
    mut map: A,
    size: usize,
    mut read: impl FnMut(String, T),
) -> Result<bool, A::Error> {
    let hasher = foldhash::fast::RandomState::default();
    let mut seen: HashSet<u64, foldhash::fast::RandomState> =
        HashSet::with_capacity_and_hasher(size, foldhash::fast::RandomState::default());
    let mut duplicate = false;
    while let Some(name) = map.next_key::<String>()? {
        let value = map.next_value::<T>()?;
        if duplicate {
            continue;
        }
        if !seen.insert(hasher.hash_one(name.as_str())) {
            duplicate = true;
            continue;
        }
        read(name, value);
    }
    Ok(duplicate)
}

/// The fast path for an object (see `scan`): the payload read from the
/// bytes where they lie into what [`read_top_object`] gives — the streamed
/// parts by the scanner (`status_object::fast_subs`), `elementStatuses`
/// skipped, every other member's text found by the scanner and parsed by
/// serde_json on its own (the small parts: metadata, spec, objectStatus...).
/// `None` (then serde_json reads the bytes, which gives the same result or
/// today's exact error) on anything the scanner gives up on, on a name seen
/// twice in any object read here. `lean`: AOS's `subObjectStatuses` (the
/// top-level one, which the GCS reader does not read) read for the summary
/// alone (see `sub_entry::element`).
/// `sizes`: the pre-pass's counts when it ran (a large input), else empty
/// (each `subObjectStatuses` then guesses its size from its first entries).
pub fn fast(bytes: &[u8], lean: bool, mut sizes: Sizes) -> Option<(Value, Prefetched)> {
    let mut s = Scan::new(bytes);
    if s.peek()? != b'{' {
        return None;
    }
    let mut pre = Prefetched::default();
    let value = fast_value(&mut s, Level::Root, 0, &mut sizes, &mut pre, lean)?;
    s.end()?;
    Some((value, pre))
}

/// [`fast`]'s reading of a value at `level`, at nesting `depth`.
fn fast_value(
    s: &mut Scan<'_>,
    level: Level,
    depth: usize,
    sizes: &mut Sizes,
    pre: &mut Prefetched,
    lean: bool,
) -> Option<Value> {
    let root = Path::ROOT;
    let status = root.key("status");
    let object = root.key("object");
    let object_status = object.key("status");
    let first = s.peek()?;
    match (level, first) {
        (Level::TopSubs, b'{') => {
            let size = sizes.next_top();
            let path = status.key("subObjectStatuses");
            pre.top = Some(status_object::fast_subs(s, &path, size, depth, lean)?);
            return Some(Value::Object(Map::new()));
        }
        (Level::ObjectSubs, b'{') => {
            let size = sizes.next_object();
            let path = object_status.key("subObjectStatuses");
            pre.object = Some(status_object::fast_subs(s, &path, size, depth, false)?);
            return Some(Value::Object(Map::new()));
        }
        (Level::Nodes, b'{' | b'[') => {
            pre.nodes = Some(gcs_execution::fast_nodes(s, depth)?);
            return Some(if first == b'{' {
                Value::Object(Map::new())
            } else {
                Value::Array(Vec::new())
            });
        }
        (Level::Unread, b'{') => {
            s.skip(depth)?;
            return Some(Value::Object(Map::new()));
        }
        (Level::Unread, b'[') => {
            s.skip(depth)?;
            return Some(Value::Array(Vec::new()));
        }
        (Level::Root | Level::Object | Level::TopStatus | Level::ObjectStatus, b'{') => {}
        _ => return serde_json::from_slice(s.raw_value(depth)?).ok(),
    }
    let mut members = Map::new();
    s.object(|s, key| {
        let key = std::str::from_utf8(key).ok()?;
        if members.contains_key(key) {
            return None;
        }
        let value = match level.child(key) {
            Some(child) => fast_value(s, child, depth + 1, sizes, pre, lean)?,
            None => serde_json::from_slice(s.raw_value(depth + 1)?).ok()?,
        };
        members.insert(key.to_owned(), value);
        Some(())
    })?;
    Some(Value::Object(members))
}

/// Parses a value at a level; a value of a type nothing streams is parsed as
/// a plain `Value`.
struct Seed<'s>(Level, &'s mut Sizes);

impl<'de> DeserializeSeed<'de> for Seed<'_> {
    type Value = (Value, Prefetched);
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
}

fn plain(v: Value) -> (Value, Prefetched) {
    (v, Prefetched::default())
}

impl<'de> Visitor<'de> for Seed<'_> {
    type Value = (Value, Prefetched);
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any json value")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let root = Path::ROOT;
        let (status, object) = (root.key("status"), root.key("object"));
        let object_status = object.key("status");
        let mut pre = Prefetched::default();
        match self.0 {
            Level::TopSubs => {
                let path = status.key("subObjectStatuses");
                let size = self.1.next_top();
                pre.top = Some(status_object::stream_subs(map, &path, size)?);
                return Ok((Value::Object(Map::new()), pre));
            }
            Level::ObjectSubs => {
                let path = object_status.key("subObjectStatuses");
                let size = self.1.next_object();
                pre.object = Some(status_object::stream_subs(map, &path, size)?);
                return Ok((Value::Object(Map::new()), pre));
            }
            Level::Nodes => {
                pre.nodes = Some(gcs_execution::stream_node_map(map)?);
                return Ok((Value::Object(Map::new()), pre));
            }
            Level::Unread => {
                skip_members(map)?;
                return Ok((Value::Object(Map::new()), pre));
            }
            Level::Root | Level::Object | Level::TopStatus | Level::ObjectStatus => {}
        }
        let mut members = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            let value = match self.0.child(&key) {
                Some(level) => {
                    let (value, inner) = map.next_value_seed(Seed(level, &mut *self.1))?;
                    pre.replace(level, inner);
                    value
                }
                None => map.next_value::<Value>()?,
            };
            members.insert(key, value);
        }
        Ok((Value::Object(members), pre))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        match self.0 {
            Level::Nodes => {
                let pre = Prefetched {
                    nodes: Some(gcs_execution::stream_node_list(seq)?),
                    ..Prefetched::default()
                };
                Ok((Value::Array(Vec::new()), pre))
            }
            Level::Unread => {
                while seq.next_element::<Skip>()?.is_some() {}
                Ok(plain(Value::Array(Vec::new())))
            }
            _ => Value::from_seq(seq).map(plain),
        }
    }
    fn visit_str<E>(self, s: &str) -> Result<Self::Value, E> {
        Ok(plain(Value::String(s.to_owned())))
    }
    fn visit_string<E>(self, s: String) -> Result<Self::Value, E> {
        Ok(plain(Value::String(s)))
    }
    fn visit_u64<E>(self, n: u64) -> Result<Self::Value, E> {
        Ok(plain(Value::from(n)))
    }
    fn visit_i64<E>(self, n: i64) -> Result<Self::Value, E> {
        Ok(plain(Value::from(n)))
    }
    fn visit_f64<E>(self, n: f64) -> Result<Self::Value, E> {
        Ok(plain(Value::from(n)))
    }
    fn visit_bool<E>(self, b: bool) -> Result<Self::Value, E> {
        Ok(plain(Value::Bool(b)))
    }
    fn visit_unit<E>(self) -> Result<Self::Value, E> {
        Ok(plain(Value::Null))
    }
    fn visit_none<E>(self) -> Result<Self::Value, E> {
        Ok(plain(Value::Null))
    }
}
