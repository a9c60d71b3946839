//! The k8s-style status block AOS and GCS executions share:
//! `status {actionName, progress, objectStatus {phase, reason, message, updateAt},
//! subObjectStatuses {element: {phase, message, reason, updateAt, createAt, subActionName}}}`.
//!
//! `subObjectStatuses` is the large part of an execution (10⁴–10⁵ elements), so
//! it is read while the payload is parsed ([`read_top_object`]): each entry is
//! parsed into a small value, read into an [`Element`] by the same code as
//! below, and dropped. What is streamed is found by place, before the format is
//! known: `$.status.subObjectStatuses` (AOS) and `$.object.status.subObjectStatuses`
//! (GCS); the rest of the payload becomes a `serde_json::Value` as before, with an
//! empty object standing in for each streamed `subObjectStatuses`.

use crate::model::{Element, Run};
use crate::path::Path;
use crate::reader::{RawPhase, Reader};
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use serde_json::{Map, Value};
use std::collections::HashSet;
use std::fmt;
use std::hash::BuildHasher;

/// `objectStatus`: the run's own phase and when it was last updated.
#[derive(Debug, Default)]
pub struct ObjectStatus {
    /// phase.
    pub phase: Option<RawPhase>,
    /// reason.
    pub reason: Option<String>,
    /// message.
    pub message: Option<String>,
    /// updateAt.
    pub update_at: Option<i64>,
}

/// Reads `objectStatus`.
pub fn object_status(r: &mut Reader, status: &Map<String, Value>, path: &Path<'_>) -> ObjectStatus {
    let Some(o) = r.object(status, "objectStatus", path) else {
        return ObjectStatus::default();
    };
    let p = path.key("objectStatus");
    ObjectStatus {
        phase: r.phase(o, "phase", &p),
        reason: r.string(o, "reason", &p).map(str::to_owned),
        message: r.string(o, "message", &p).map(str::to_owned),
        update_at: r.time(o, "updateAt", &p),
    }
}

/// Reads the execution `spec` fields both AOS and GCS have: actionName,
/// timeoutInMinutes, objectData, changedObjectData.
pub fn spec(r: &mut Reader, spec: &Map<String, Value>, path: &Path<'_>, run: &mut Run) {
    run.action = r.string(spec, "actionName", path).map(str::to_owned);
    run.timeout_minutes = r.count(spec, "timeoutInMinutes", path, 1_000_000_000);
    run.object_data = r.string(spec, "objectData", path).map(str::to_owned);
    run.changed_object_data = r.string(spec, "changedObjectData", path).map(str::to_owned);
}

/// Reads `subObjectStatuses` into elements, in payload order. `streamed` is
/// what was read of it while parsing (see [`read_top_object`]), if it was.
pub fn sub_object_statuses(
    r: &mut Reader,
    status: &Map<String, Value>,
    path: &Path<'_>,
    streamed: Option<Streamed>,
) -> Vec<Element> {
    let Some(subs) = r.object(status, "subObjectStatuses", path) else {
        return Vec::new();
    };
    if let Some(streamed) = streamed {
        r.absorb(streamed.reader);
        return streamed.elements;
    }
    let subs_path = path.key("subObjectStatuses");
    let mut elements = Vec::new();
    for (name, value) in subs {
        elements.push(entry(r, name, value, &subs_path));
    }
    elements
}

/// Reads one entry of `subObjectStatuses` (at `subs_path`).
fn entry(r: &mut Reader, name: &str, value: &Value, subs_path: &Path<'_>) -> Element {
    let p = subs_path.key(name);
    let Value::Object(o) = value else {
        if !value.is_null() {
            r.warn(
                crate::error::WarningCode::WrongType,
                &p,
                format!(
                    "expected an object with phase and updateAt, found {}; element kept without status",
                    crate::reader::describe(value)
                ),
            );
        }
        return Element {
            id: name.to_string(),
            ..Element::default()
        };
    };
    element(r, name, o, &p)
}

/// Reads one `SubActionStatus`.
pub fn element(r: &mut Reader, name: &str, o: &Map<String, Value>, p: &Path<'_>) -> Element {
    let phase = r.phase(o, "phase", p);
    let created = r.time(o, "createAt", p);
    let updated = r.time(o, "updateAt", p);
    let updated = r.ordered(created, updated, &p.key("updateAt"));
    let (phase, raw_phase) = match phase {
        Some(rp) => (rp.phase, Some(rp.raw)),
        None => (crate::phase::Phase::Unknown, None),
    };
    Element {
        id: name.to_string(),
        label: None,
        kind: r.string(o, "type", p).map(str::to_owned),
        phase,
        raw_phase,
        reason: r.string(o, "reason", p).map(str::to_owned),
        message: r.string(o, "message", p).map(str::to_owned),
        action: r.string(o, "subActionName", p).map(str::to_owned),
        started_at: created,
        updated_at: updated,
        failed_at: if phase == crate::phase::Phase::Failed {
            updated
        } else {
            None
        },
        spans: Vec::new(),
        markers: Vec::new(),
    }
}

/// A `subObjectStatuses` object read while the payload was parsed: its
/// elements, and the warnings reading them gave (spliced in by
/// [`sub_object_statuses`] where the format reader reaches it).
#[derive(Debug)]
pub struct Streamed {
    elements: Vec<Element>,
    reader: Reader,
    /// An element name came twice. A `Value` keeps the first one's place with
    /// the last one's content (and only its warnings): the caller parses the
    /// payload again as a plain value instead.
    duplicate: bool,
}

/// The streamed `subObjectStatuses`, by place (None: not an object there, or
/// not there).
#[derive(Debug, Default)]
pub struct Prefetched {
    /// `$.status.subObjectStatuses` (AOS).
    pub top: Option<Streamed>,
    /// `$.object.status.subObjectStatuses` (GCS).
    pub object: Option<Streamed>,
}

impl Prefetched {
    /// Whether a streamed object had a duplicate element name (then the payload
    /// must be read from a plain `Value` instead).
    pub fn duplicate(&self) -> bool {
        [&self.top, &self.object]
            .iter()
            .any(|s| s.as_ref().is_some_and(|s| s.duplicate))
    }

    fn slot(&mut self, block: Block) -> &mut Option<Streamed> {
        match block {
            Block::Top => &mut self.top,
            Block::Object => &mut self.object,
        }
    }
}

/// Which status block: `$.status` or `$.object.status`.
#[derive(Debug, Clone, Copy)]
enum Block {
    Top,
    Object,
}

/// Where in the payload a value being parsed is.
#[derive(Debug, Clone, Copy)]
enum Level {
    /// The top-level object.
    Root,
    /// `$.object`.
    Object,
    /// `$.status` or `$.object.status`.
    Status(Block),
    /// `subObjectStatuses` in that status block.
    Subs(Block),
}

impl Level {
    /// The member `key` of an object here that holds a streamed part, and
    /// which block's.
    fn child(self, key: &str) -> Option<(Level, Block)> {
        match (self, key) {
            (Level::Root, "status") => Some((Level::Status(Block::Top), Block::Top)),
            (Level::Root, "object") => Some((Level::Object, Block::Object)),
            (Level::Object, "status") => Some((Level::Status(Block::Object), Block::Object)),
            (Level::Status(b), "subObjectStatuses") => Some((Level::Subs(b), b)),
            _ => None,
        }
    }
}

/// Reads the top-level object's members (as a `serde_json::Value` would: in
/// order, a duplicate key keeping the first one's place and the last one's
/// value), streaming the `subObjectStatuses` objects it holds.
pub fn read_top_object<'de, A: MapAccess<'de>>(map: A) -> Result<(Value, Prefetched), A::Error> {
    Seed(Level::Root).visit_map(map)
}

/// Parses a value at a level; any value that is not an object is parsed as a
/// plain `Value`.
struct Seed(Level);

impl<'de> DeserializeSeed<'de> for Seed {
    type Value = (Value, Prefetched);
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
}

fn plain(v: Value) -> (Value, Prefetched) {
    (v, Prefetched::default())
}

impl<'de> Visitor<'de> for Seed {
    type Value = (Value, Prefetched);
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any json value")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut pre = Prefetched::default();
        if let Level::Subs(block) = self.0 {
            *pre.slot(block) = Some(stream_subs(map, block)?);
            return Ok((Value::Object(Map::new()), pre));
        }
        let mut members = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            let value = match self.0.child(&key) {
                Some((level, block)) => {
                    let (value, mut inner) = map.next_value_seed(Seed(level))?;
                    *pre.slot(block) = inner.slot(block).take();
                    value
                }
                None => map.next_value::<Value>()?,
            };
            members.insert(key, value);
        }
        Ok((Value::Object(members), pre))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        Value::deserialize(de::value::SeqAccessDeserializer::new(seq)).map(plain)
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

/// Reads a `subObjectStatuses` object entry by entry: each entry's value is
/// parsed, read into an element, and dropped.
fn stream_subs<'de, A: MapAccess<'de>>(mut map: A, block: Block) -> Result<Streamed, A::Error> {
    let root = Path::ROOT;
    let object = root.key("object");
    let status = match block {
        Block::Top => root.key("status"),
        Block::Object => object.key("status"),
    };
    let subs_path = status.key("subObjectStatuses");
    let mut out = Streamed {
        elements: Vec::new(),
        reader: Reader::new(),
        duplicate: false,
    };
    // Hashes of the names seen: a repeat (or, rarely, a collision) means the
    // payload is read again as a plain value, which is always right.
    let hasher = foldhash::fast::RandomState::default();
    let mut seen: HashSet<u64, foldhash::fast::RandomState> = HashSet::default();
    while let Some(name) = map.next_key::<String>()? {
        let value = map.next_value::<Value>()?;
        if out.duplicate {
            continue;
        }
        if !seen.insert(hasher.hash_one(name.as_str())) {
            out.duplicate = true;
            out.elements = Vec::new();
            continue;
        }
        out.elements
            .push(entry(&mut out.reader, &name, &value, &subs_path));
    }
    Ok(out)
}
