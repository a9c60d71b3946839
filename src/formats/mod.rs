//! One reader per payload format, and the one place that detects which format a
//! payload is and dispatches to its reader.

mod aos_execution;
mod api_error;
mod borrowed;
pub mod execution_events;
mod gcs_execution;
mod node_entry;
mod rfs_stack_events;
mod status_object;
mod streamed;
mod sub_entry;
mod workflow_entry;
mod workflow_executions;

use crate::error::{Error, ErrorCode, WarningCode};
use crate::memory::Memory;
use crate::model::{Format, Model, Run};
use crate::path::Path;
use crate::reader::{describe, Reader};
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use serde_json::Value;
use std::fmt;

pub use streamed::Prefetched;

/// The non-empty strings at the JSON pointers `pointers` under `o`, without
/// warnings (the readers warn about the fields themselves), for `Run::keys`.
fn keys_at(o: &serde_json::Map<String, Value>, pointers: &[&str]) -> Vec<String> {
    let mut keys: Vec<String> = Vec::new();
    for pointer in pointers {
        let mut at: Option<&Value> = None;
        for (i, part) in pointer.trim_start_matches('/').split('/').enumerate() {
            at = if i == 0 {
                o.get(part)
            } else {
                at.and_then(|v| v.get(part))
            };
        }
        if let Some(s) = at.and_then(Value::as_str).filter(|s| !s.is_empty()) {
            if !keys.iter().any(|k| k == s) {
                keys.push(s.to_string());
            }
        }
    }
    keys
}

/// Which format `value` is, or unknown_format saying what was found.
pub fn detect(value: &Value) -> Result<Format, Error> {
    match value {
        Value::Object(o) => {
            if api_error::matches(o) && !o.contains_key("status") && !o.contains_key("kind") {
                return Ok(Format::ApiError);
            }
            if rfs_stack_events::matches(o) {
                return Ok(Format::RfsStackEvents);
            }
            if gcs_execution::matches(o) {
                return Ok(Format::GcsExecution);
            }
            if aos_execution::matches(o) {
                return Ok(Format::AosExecution);
            }
            if api_error::matches(o) {
                return Ok(Format::ApiError);
            }
            let keys: Vec<&str> = o.keys().take(8).map(String::as_str).collect();
            let more = if o.len() > 8 { ", …" } else { "" };
            Err(Error::new(
                ErrorCode::UnknownFormat,
                format!(
                    "expected an aos execution (kind \"Execution\"), a gcs execution ({{execution, object, status}}), \
                     rfs stack events ({{stack_events}}) or an api error body ({{error_code, error_msg}}), \
                     found an object with keys [{}{more}]",
                    keys.join(", ")
                ),
            ))
        }
        Value::Array(items) => {
            if items.is_empty() || execution_events::matches(items) {
                return Ok(Format::ExecutionEvents);
            }
            if workflow_executions::matches(items) {
                return Ok(Format::WorkflowExecutions);
            }
            let first = items.first().map(describe).unwrap_or_default();
            Err(Error::new(
                ErrorCode::UnknownFormat,
                format!(
                    "expected an array of execution events (with involvedObject, reason, firstTimestamp) \
                     or of workflow runs (with execution_id), found an array whose first item is {first}"
                ),
            ))
        }
        other => Err(Error::new(
            ErrorCode::UnknownFormat,
            format!(
                "expected an object (an execution or an error body) or an array (events or workflow runs), found {}",
                describe(other)
            ),
        )),
    }
}

/// Reads `value` as `format` into the normalized model. Never fails: whatever
/// does not fit is dropped with a warning. A value of the wrong top-level type
/// for the forced format is read as empty, with a warning at `$`. `pre`: the
/// parts read while parsing (see [`TopSeed`]).
pub fn read(value: &Value, pre: Prefetched, format: Format, mut reader: Reader) -> Model {
    let root = Path::ROOT;
    let mut model = Model {
        format,
        runs: Vec::new(),
        api_error: None,
        warnings: Vec::new(),
    };
    match (format, value) {
        (Format::AosExecution, Value::Object(o)) => {
            model
                .runs
                .push(aos_execution::read(&mut reader, o, pre.top))
        }
        (Format::GcsExecution, Value::Object(o)) => {
            model
                .runs
                .push(gcs_execution::read(&mut reader, o, pre.object, pre.nodes))
        }
        (Format::RfsStackEvents, Value::Object(o)) => {
            model.runs.push(rfs_stack_events::read(&mut reader, o))
        }
        (Format::ApiError, Value::Object(o)) => {
            model.api_error = Some(api_error::read(&mut reader, o))
        }
        (Format::ExecutionEvents, Value::Array(items)) => {
            if items.is_empty() {
                reader.warn(
                    WarningCode::EmptyPayload,
                    &root,
                    "expected at least one event, found an empty array".into(),
                );
            }
            let (run, r) = execution_events::read(reader, items, true);
            reader = r;
            model.runs.push(run)
        }
        (Format::WorkflowExecutions, Value::Array(items)) => {
            if items.is_empty() {
                workflow_executions::empty(&mut reader);
            }
            model.runs = workflow_executions::read(&mut reader, items)
        }
        (format, other) => {
            let expected = match format {
                Format::ExecutionEvents | Format::WorkflowExecutions => "an array",
                _ => "an object",
            };
            reader.warn(
                WarningCode::WrongType,
                &root,
                format!(
                    "expected {expected} for format {}, found {}; nothing read",
                    format.as_str(),
                    describe(other)
                ),
            );
        }
    }
    model.warnings = reader.into_warnings();
    model
}

/// What the top-level streaming parse found.
pub enum Top {
    /// An event list, already read.
    Events(Box<(Run, Reader)>),
    /// A workflow history, already read (its reader's warnings are to be
    /// spliced after the JSON layer's, see [`Reader::absorb`]).
    Runs(Box<(Vec<Run>, Reader)>),
    /// Anything else, as a value for detection and the other readers, with the
    /// `subObjectStatuses` objects already read. When
    /// [`Prefetched::duplicate`], the payload must be parsed again as a plain
    /// value.
    Value(Value, Box<Prefetched>),
}

/// Parses the top level, reading the large collections as they are parsed:
/// an array whose first item looks like an event (or any array, when the
/// format is forced to execution-events) is read as events, one whose first
/// item looks like a workflow run (or any array, when forced to
/// workflow-executions) as workflow runs; an object becomes a `Value` whose
/// `subObjectStatuses` are streamed (unless another format is forced);
/// anything else becomes a `Value`. Detection gives the same answers as
/// [`detect`] on the whole value.
pub struct TopSeed<'a> {
    /// The forced format (`Options.format`), if any.
    pub format: Option<Format>,
    /// Build the normalized event list.
    pub keep_events: bool,
    /// The bytes being parsed (scanned first for the sizes of the collections
    /// read while parsing, see `streamed::Sizes`).
    pub input: &'a [u8],
    /// What each way of reading the input would need in memory.
    pub memory: Memory,
    /// Set to what the way of reading it needed when the parse stopped
    /// because that exceeded `memory.budget`.
    pub refused: &'a std::cell::Cell<u64>,
}

impl TopSeed<'_> {
    /// Fails the parse (with `refused` set) when reading the input in a way
    /// that needs `needed` bytes would not fit.
    fn fits<E: de::Error>(&self, needed: u64) -> Result<(), E> {
        if needed <= self.memory.budget {
            return Ok(());
        }
        self.refused.set(needed);
        Err(E::custom("the parsed form would not fit in memory"))
    }
}

impl<'de> DeserializeSeed<'de> for TopSeed<'_> {
    type Value = Top;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Top, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for TopSeed<'_> {
    type Value = Top;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a json value")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Top, A::Error> {
        let first: Option<Value> = seq.next_element()?;
        let first_is = |f: fn(&[Value]) -> bool| {
            first
                .as_ref()
                .is_some_and(|item| f(std::slice::from_ref(item)))
        };
        let events = match self.format {
            Some(forced) => forced == Format::ExecutionEvents,
            None => first.is_none() || first_is(execution_events::matches),
        };
        if events {
            self.fits(self.memory.events)?;
            return execution_events::stream(first, seq, self.keep_events)
                .map(|read| Top::Events(Box::new(read)));
        }
        let workflow = match self.format {
            Some(forced) => forced == Format::WorkflowExecutions,
            None => first_is(workflow_executions::matches),
        };
        if workflow {
            self.fits(self.memory.streamed)?;
            return workflow_executions::stream(first, seq).map(|read| Top::Runs(Box::new(read)));
        }
        self.fits(self.memory.value)?;
        let mut items: Vec<Value> = first.into_iter().collect();
        while let Some(v) = seq.next_element::<Value>()? {
            items.push(v);
        }
        Ok(Top::Value(Value::Array(items), Box::default()))
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Top, A::Error> {
        let streams = match self.format {
            Some(forced) => matches!(forced, Format::AosExecution | Format::GcsExecution),
            None => true,
        };
        if streams {
            self.fits(self.memory.streamed)?;
            let mut sizes = streamed::Sizes::scan(self.input);
            let (value, pre) = streamed::read_top_object(map, &mut sizes)?;
            return Ok(Top::Value(value, Box::new(pre)));
        }
        self.fits(self.memory.value)?;
        Value::deserialize(de::value::MapAccessDeserializer::new(map))
            .map(|v| Top::Value(v, Box::default()))
    }
    fn visit_str<E>(self, s: &str) -> Result<Top, E> {
        Ok(Top::Value(Value::String(s.to_owned()), Box::default()))
    }
    fn visit_u64<E>(self, n: u64) -> Result<Top, E> {
        Ok(Top::Value(Value::from(n), Box::default()))
    }
    fn visit_i64<E>(self, n: i64) -> Result<Top, E> {
        Ok(Top::Value(Value::from(n), Box::default()))
    }
    fn visit_f64<E>(self, n: f64) -> Result<Top, E> {
        Ok(Top::Value(Value::from(n), Box::default()))
    }
    fn visit_bool<E>(self, b: bool) -> Result<Top, E> {
        Ok(Top::Value(Value::Bool(b), Box::default()))
    }
    fn visit_unit<E>(self) -> Result<Top, E> {
        Ok(Top::Value(Value::Null, Box::default()))
    }
}
