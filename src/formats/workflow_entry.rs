//! One streamed workflow run (an item of the `workflow-executions` array),
//! parsed straight from the bytes into the members the reader uses (strings
//! borrowed; unknown members parsed into `Skip`, see `borrowed`) instead of a
//! `serde_json::Value`, then read with the same warnings, in the same order
//! and at the same paths, as `workflow_executions::read_run` gives on the
//! `Value`. A repeated key keeps its last value, as in a `Value`.

use super::borrowed::{epoch, phase, scalars, string, Field, FromMap, ObjectOr, Skip};
use crate::error::WarningCode;
use crate::model::{Element, Run};
use crate::path::Path;
use crate::phase::Phase;
use crate::reader::{describe, Reader};
use serde::de::{Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use serde_json::Value;
use std::fmt;
use std::marker::PhantomData;

/// An array of `T`, or any other value as written.
#[derive(Debug)]
pub(super) enum ArrayOr<T> {
    /// An array.
    Array(Vec<T>),
    /// Anything else.
    Other(Value),
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for ArrayOr<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<T>(PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for V<T> {
            type Value = ArrayOr<T>;
            scalars!(ArrayOr<T>, ArrayOr::Other);
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<ArrayOr<T>, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = seq.next_element::<T>()? {
                    items.push(item);
                }
                Ok(ArrayOr::Array(items))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<ArrayOr<T>, A::Error> {
                super::borrowed::map_value(map).map(ArrayOr::Other)
            }
        }
        d.deserialize_any(V(PhantomData))
    }
}

/// A key as written (borrowed when unescaped).
struct Key<'a>(std::borrow::Cow<'a, str>);

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Field::deserialize(d).map(|f| match f {
            Field::Str(s) => Key(s),
            Field::Other(_) => Key("".into()),
        })
    }
}

/// The members of a run the reader uses.
#[derive(Debug, Default)]
pub(super) struct RawRun<'a> {
    execution_id: Option<Field<'a>>,
    workflow_id: Option<Field<'a>>,
    created_by: Option<Field<'a>>,
    create_by: Option<Field<'a>>,
    status: Option<Field<'a>>,
    begin_time: Option<Field<'a>>,
    end_time: Option<Field<'a>>,
    last_update_time: Option<Field<'a>>,
    results: Option<ArrayOr<ObjectOr<RawNode<'a>>>>,
}

impl<'de> FromMap<'de> for RawRun<'de> {
    fn from_map<A: MapAccess<'de>>(mut map: A) -> Result<Self, A::Error> {
        let mut run = RawRun::default();
        while let Some(Key(key)) = map.next_key::<Key<'de>>()? {
            let slot = match &*key {
                "execution_id" => &mut run.execution_id,
                "workflow_id" => &mut run.workflow_id,
                "created_by" => &mut run.created_by,
                "create_by" => &mut run.create_by,
                "status" => &mut run.status,
                "begin_time" => &mut run.begin_time,
                "end_time" => &mut run.end_time,
                "last_update_time" => &mut run.last_update_time,
                "execution_result_list" => {
                    run.results = Some(map.next_value()?);
                    continue;
                }
                _ => {
                    map.next_value::<Skip>()?;
                    continue;
                }
            };
            *slot = Some(map.next_value()?);
        }
        Ok(run)
    }
}

/// The members of a node result the reader uses; `message` is the first fail
/// text of `output.fail` (see `workflow_executions::fail_text`).
#[derive(Debug, Default)]
pub(super) struct RawNode<'a> {
    node_id: Option<Field<'a>>,
    status: Option<Field<'a>>,
    begin_time: Option<Field<'a>>,
    end_time: Option<Field<'a>>,
    message: Option<String>,
}

impl<'de> FromMap<'de> for RawNode<'de> {
    fn from_map<A: MapAccess<'de>>(mut map: A) -> Result<Self, A::Error> {
        let mut node = RawNode::default();
        while let Some(Key(key)) = map.next_key::<Key<'de>>()? {
            let slot = match &*key {
                "node_id" => &mut node.node_id,
                "status" => &mut node.status,
                "begin_time" => &mut node.begin_time,
                "end_time" => &mut node.end_time,
                "output" => {
                    node.message = match map.next_value::<ObjectOr<Output>>()? {
                        ObjectOr::Object(out) => out.0,
                        ObjectOr::Other(_) => None,
                    };
                    continue;
                }
                _ => {
                    map.next_value::<Skip>()?;
                    continue;
                }
            };
            *slot = Some(map.next_value()?);
        }
        Ok(node)
    }
}

/// `output`: the first fail text of its (last) `fail` array.
struct Output(Option<String>);

impl<'de> FromMap<'de> for Output {
    fn from_map<A: MapAccess<'de>>(mut map: A) -> Result<Self, A::Error> {
        let mut message = None;
        while let Some(Key(key)) = map.next_key::<Key<'de>>()? {
            if key != "fail" {
                map.next_value::<Skip>()?;
                continue;
            }
            message = match map.next_value::<ArrayOr<Fail>>()? {
                ArrayOr::Array(fails) => fails.into_iter().find_map(|f| f.0),
                ArrayOr::Other(_) => None,
            };
        }
        Ok(Output(message))
    }
}

/// An `output.fail` entry's text: the entry itself when a string, else the
/// first of its log, message, error_msg and msg members that is a string.
struct Fail(Option<String>);

impl<'de> Deserialize<'de> for Fail {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(match ObjectOr::<FailObject>::deserialize(d)? {
            ObjectOr::Object(o) => Fail(o.0.into_iter().find_map(Option::flatten)),
            ObjectOr::Other(Value::String(s)) => Fail(Some(s)),
            ObjectOr::Other(_) => Fail(None),
        })
    }
}

/// log, message, error_msg and msg: absent (None), or the last one written,
/// a string or not (Some(None)).
struct FailObject([Option<Option<String>>; 4]);

impl<'de> FromMap<'de> for FailObject {
    fn from_map<A: MapAccess<'de>>(mut map: A) -> Result<Self, A::Error> {
        let mut texts: [Option<Option<String>>; 4] = Default::default();
        while let Some(Key(key)) = map.next_key::<Key<'de>>()? {
            let at = ["log", "message", "error_msg", "msg"]
                .iter()
                .position(|k| *k == key);
            match at.and_then(|i| texts.get_mut(i)) {
                Some(slot) => {
                    *slot = Some(match map.next_value::<Field<'de>>()? {
                        Field::Str(s) => Some(s.into_owned()),
                        Field::Other(_) => None,
                    });
                }
                None => {
                    map.next_value::<Skip>()?;
                }
            }
        }
        Ok(FailObject(texts))
    }
}

/// Reads item `i` of the array into a run, as `workflow_executions::read_item`.
pub(super) fn read_item(r: &mut Reader, runs: &mut Vec<Run>, i: usize, item: ObjectOr<RawRun<'_>>) {
    let p = Path::ROOT.index(i);
    let raw = match item {
        ObjectOr::Object(raw) => raw,
        ObjectOr::Other(v) => {
            r.warn(
                WarningCode::WrongType,
                &p,
                format!(
                    "expected a workflow run object, found {}; ignored",
                    describe(&v)
                ),
            );
            return;
        }
    };
    let mut run = Run {
        id: string(r, raw.execution_id, &p, "execution_id").unwrap_or_default(),
        name: string(r, raw.workflow_id, &p, "workflow_id"),
        ..Run::default()
    };
    run.created_by = string(r, raw.created_by, &p, "created_by")
        .or_else(|| string(r, raw.create_by, &p, "create_by"));
    run.keys = vec![run.id.clone()];
    run.phase = phase(r, raw.status, &p, "status").map(|rp| (rp.phase, rp.raw));
    run.started_at = epoch(r, raw.begin_time, &p, "begin_time");
    let end = epoch(r, raw.end_time, &p, "end_time");
    run.ended_at = r.ordered(run.started_at, end, &p.key("end_time"));
    run.updated_at = epoch(r, raw.last_update_time, &p, "last_update_time").or(run.ended_at);
    let list_path = p.key("execution_result_list");
    let list = match raw.results {
        Some(ArrayOr::Array(list)) => list,
        Some(ArrayOr::Other(v)) => {
            r.array_value(&v, &list_path);
            Vec::new()
        }
        None => Vec::new(),
    };
    for (i, item) in list.into_iter().enumerate() {
        let np = list_path.index(i);
        match item {
            ObjectOr::Object(node) => run.elements.push(read_node(r, node, &np)),
            ObjectOr::Other(v) => r.warn(
                WarningCode::WrongType,
                &np,
                format!(
                    "expected a node result object, found {}; ignored",
                    describe(&v)
                ),
            ),
        }
    }
    runs.push(run);
}

/// As `workflow_executions::read_node`.
fn read_node(r: &mut Reader, node: RawNode<'_>, p: &Path<'_>) -> Element {
    let phase = phase(r, node.status, p, "status");
    let begin = epoch(r, node.begin_time, p, "begin_time");
    let end = epoch(r, node.end_time, p, "end_time");
    let end = r.ordered(begin, end, &p.key("end_time"));
    let (phase, raw_phase) = match phase {
        Some(rp) => (rp.phase, Some(rp.raw)),
        None => (Phase::Unknown, None),
    };
    Element {
        id: string(r, node.node_id, p, "node_id").unwrap_or_default(),
        label: None,
        kind: None,
        phase,
        raw_phase,
        reason: None,
        message: node.message,
        action: None,
        started_at: begin,
        updated_at: end,
        failed_at: if phase == Phase::Failed { end } else { None },
        spans: Vec::new(),
        markers: Vec::new(),
    }
}
