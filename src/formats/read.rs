//! The read strategy: the one way every payload is read, from its bytes to
//! the normalized [`Model`] (`api` calls [`read`] for everything).
//!
//! 1. `json::check_size`, then, over 64 MiB, the one pre-pass over the bytes
//!    (`memory::census`) and `memory::check_memory`: what each way of reading
//!    the input would need; none fits → `too_large` before parsing. (Under
//!    64 MiB the pre-pass runs only if step 4 reads an object, for the sizes
//!    of its `subObjectStatuses`.)
//! 2. `json::parse_with` (BOM and trailing-comma repairs with warnings, or
//!    `invalid_json` with its position) hands the bytes to the parse below.
//! 3. The fast path, for an event list (detected, or forced):
//!    `execution_events::fast` reads the bytes where they lie with the
//!    checking scanner of `scan` (each event's used members taken as they are,
//!    every other member skipped without building anything; the grammar,
//!    UTF-8, escapes and number ranges checked) and folds the events with the
//!    same builder as below. On any anomaly (invalid or repairable text, an
//!    escaped surrogate, a number beyond f64, nesting past 100 levels, a shape
//!    it does not read, see `fast`) it gives up, and serde_json reads the same
//!    bytes (next step), which gives the same result or today's exact error
//!    and repairs. The same for an object (unless another format is forced):
//!    `streamed::fast` reads `subObjectStatuses` and `actual_node_status`
//!    entry by entry with the scanner into the same entry structs and
//!    elements as step 4, skips `elementStatuses`, and has serde_json parse
//!    each other member's text (found by the scanner) into the `Value` step 4
//!    would build; it also gives up on a name seen twice in any object it
//!    reads (step 5's case). And for a workflow history (detected as step 4
//!    does, or forced): `workflow_executions::fast` reads each run's used
//!    members with the scanner into the same `workflow_entry` structs and the
//!    same reader. [`read_serde`] is the path without them; the
//!    tests below and `fuzz/fuzz_targets/fast_path.rs` compare both.
//! 4. One serde_json parse with [`TopSeed`], which reads the large
//!    collections while they are parsed, each entry into its used members
//!    (`de`), never building a `Value` for them: an array of events
//!    (`execution_events`), an array of workflow runs (`workflow_executions`),
//!    and in an object, by place, `subObjectStatuses`, `actual_node_status`
//!    and `elementStatuses` (`streamed`); the rest of an object becomes a `Value`.
//! 5. A streamed element name seen twice (the last must win, as in a `Value`):
//!    the payload is parsed into a plain `Value` (if that fits in memory) and
//!    the same [`TopSeed`] reads that value instead of the bytes — the same
//!    typed readers, from a value that keeps the first one's place with the
//!    last one's content.
//! 6. [`detect`] (or the forced format) and the format's reader build the
//!    `Model` from the `Value` and what was read while parsing; the readers'
//!    warnings follow the JSON layer's.

use super::memory::{self, check_memory, too_large, Census, Memory, ESTIMATE_ABOVE, MEMORY_BUDGET};
use super::{
    aos_execution, api_error, detect, execution_events, gcs_execution, rfs_stack_events, streamed,
    workflow_executions, Prefetched,
};
use crate::error::{Error, ErrorCode, WarningCode};
use crate::json::{self, JsonOptions};
use crate::model::{Format, Model, Run};
use crate::path::Path;
use crate::reader::{describe, quote, Reader};
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use serde_json::Value;
use std::cell::{Cell, OnceCell};
use std::fmt;

/// Reads the input in one pass (see the module's doc): event lists, workflow
/// runs and the large collections of executions are read while they are
/// parsed (see [`TopSeed`]); the rest is parsed into a value, detected and
/// read. `format`: the forced format; `detail`: how much of the model to
/// build ([`Detail::Events`], the normalized event list, only for `events()`;
/// [`Detail::Summary`] for `summary::summarize` alone, whose summary of this
/// model is that of the whole one: the tests below and
/// `fuzz/fuzz_targets/fast_path.rs` compare both).
pub fn read(
    input: &[u8],
    format: Option<Format>,
    json: &JsonOptions,
    detail: Detail,
) -> Result<Model, Error> {
    read_as(input, format, json, detail, Way::Fast)
}

/// [`read`] without the fast path: every input through serde_json, as the
/// fast path's differential tests and fuzz target compare (`read` must give
/// exactly what this gives, result or error).
pub fn read_serde(
    input: &[u8],
    format: Option<Format>,
    json: &JsonOptions,
    detail: Detail,
) -> Result<Model, Error> {
    read_as(input, format, json, detail, Way::Serde)
}

/// How much of the model a read builds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Detail {
    /// Only what `summary::summarize` reads, on the fast path: of an event
    /// list, each element's phase and last update, and a failed one's id,
    /// failure time, reason and message; no other member of an element, no
    /// run-level markers; of an AOS execution's `subObjectStatuses`, each
    /// element's phase and times, and a failed one's texts (see
    /// `sub_entry::element`). (The serde_json path builds the whole model.)
    Summary,
    /// What a payload the page keeps open (`Payload`) reads first:
    /// [`Detail::Summary`] for an event list (its whole model, with the
    /// events, is read when first asked for), [`Detail::Model`] for the rest
    /// (read once: a second read would cost more than their summary-only read
    /// saves).
    Open,
    /// The whole model without the normalized event list.
    Model,
    /// The whole model with the normalized event list.
    Events,
}

impl Detail {
    /// [`Detail::Events`] when `keep_events`, else [`Detail::Model`].
    pub fn of(keep_events: bool) -> Detail {
        if keep_events {
            Detail::Events
        } else {
            Detail::Model
        }
    }
}

/// How [`read_as`] reads.
#[derive(Clone, Copy, PartialEq)]
enum Way {
    /// The fast path first (step 3), then serde_json.
    Fast,
    /// serde_json only.
    Serde,
    /// Always through a whole `Value` (step 5), as the tests compare.
    Whole,
}

/// [`read`], the way `way` says.
fn read_as(
    input: &[u8],
    format: Option<Format>,
    json: &JsonOptions,
    detail: Detail,
    way: Way,
) -> Result<Model, Error> {
    let keep_events = detail == Detail::Events;
    json::check_size(input.len(), json.max_bytes)?;
    // The pre-pass: now for a large input, else when (if) step 4 reads an object.
    let census = OnceCell::new();
    let memory = if input.len() > ESTIMATE_ABOVE {
        check_memory(
            input,
            census.get_or_init(|| memory::census(input)),
            keep_events,
            MEMORY_BUDGET,
        )?
    } else {
        Memory::default()
    };
    let refused = Cell::new(0);
    let mut warnings = Vec::new();
    let top = json::parse_with(input, json, &mut warnings, |bytes| {
        let seed = || TopSeed {
            format,
            keep_events,
            input: bytes,
            census: &census,
            memory,
            refused: &refused,
        };
        let events = format.is_none_or(|f| f == Format::ExecutionEvents);
        if way == Way::Fast && events && memory.events <= memory.budget {
            let detail = if detail == Detail::Open {
                Detail::Summary
            } else {
                detail
            };
            if let Some(read) = execution_events::fast_as(bytes, format.is_some(), detail) {
                return Ok(Top::Events(Box::new(read)));
            }
        }
        let workflow = format.is_none_or(|f| f == Format::WorkflowExecutions);
        if way == Way::Fast && workflow && memory.streamed <= memory.budget {
            if let Some(read) = workflow_executions::fast(bytes, format.is_some()) {
                return Ok(Top::Runs(Box::new(read)));
            }
        }
        let objects =
            format.is_none_or(|f| matches!(f, Format::AosExecution | Format::GcsExecution));
        if way == Way::Fast && objects && memory.streamed <= memory.budget {
            let sizes = census.get().map(|c| c.sizes.clone()).unwrap_or_default();
            if let Some((value, pre)) = streamed::fast(bytes, detail == Detail::Summary, sizes) {
                return Ok(Top::Value(value, Box::new(pre)));
            }
        }
        if way != Way::Whole {
            let mut de = serde_json::Deserializer::from_slice(bytes);
            let top = seed().deserialize(&mut de)?;
            de.end()?;
            if !matches!(&top, Top::Value(_, pre) if pre.duplicate()) {
                return Ok(top);
            }
        }
        // A streamed element name came twice: the same reading from a plain
        // value, which keeps the first one's place with the last one's content.
        if memory.value > memory.budget {
            refused.set(memory.value);
            return Err(de::Error::custom("the parsed form would not fit in memory"));
        }
        let mut de = serde_json::Deserializer::from_slice(bytes);
        let value = Value::deserialize(&mut de)?;
        de.end()?;
        seed().deserialize(&value)
    });
    let top = match top {
        Err(_) if refused.get() > 0 => {
            return Err(too_large(input.len(), refused.get(), memory.budget));
        }
        top => top?,
    };
    let mut reader = Reader::new();
    reader.warnings = warnings;
    match top {
        Top::Events(events) => {
            let (run, r) = *events;
            reader.absorb(r);
            Ok(Model {
                format: Format::ExecutionEvents,
                runs: vec![run],
                api_error: None,
                warnings: reader.into_warnings(),
            })
        }
        Top::Runs(read) => {
            let (runs, r) = *read;
            reader.absorb(r);
            Ok(Model {
                format: Format::WorkflowExecutions,
                runs,
                api_error: None,
                warnings: reader.into_warnings(),
            })
        }
        Top::Value(value, pre) => {
            let format = format_of(&value, format)?;
            Ok(read_value(&value, *pre, format, reader))
        }
    }
}

/// The format of `value`: `forced`, when `value` is of its type, else detected.
fn format_of(value: &Value, forced: Option<Format>) -> Result<Format, Error> {
    let Some(forced) = forced else {
        return detect(value);
    };
    let array_format = matches!(forced, Format::ExecutionEvents | Format::WorkflowExecutions);
    let fits = if array_format {
        value.is_array()
    } else {
        value.is_object()
    };
    if fits {
        Ok(forced)
    } else {
        Err(Error::new(
            ErrorCode::UnknownFormat,
            format!(
                "expected {} for options.format {}, found {}",
                if array_format {
                    "an array"
                } else {
                    "an object"
                },
                quote(forced.as_str()),
                describe(value)
            ),
        ))
    }
}

/// Reads an object payload `value` as `format` into the normalized model.
/// Never fails: whatever does not fit is dropped with a warning. (Arrays are
/// read while they are parsed, see [`TopSeed`]; `format_of` has checked the
/// type.) `pre`: the parts read while parsing.
fn read_value(value: &Value, pre: Prefetched, format: Format, mut reader: Reader) -> Model {
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
    /// The bytes being parsed (their [`Census`] gives the sizes of the
    /// collections read while parsing, see `memory::Sizes`).
    pub input: &'a [u8],
    /// The pre-pass over `input`, when it ran before parsing; else it runs
    /// here when an object is read (once, whichever seed reads it).
    pub census: &'a OnceCell<Census>,
    /// What each way of reading the input would need in memory.
    pub memory: Memory,
    /// Set to what the way of reading it needed when the parse stopped
    /// because that exceeded `memory.budget`.
    pub refused: &'a Cell<u64>,
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
            let census = self.census.get_or_init(|| memory::census(self.input));
            let mut sizes = census.sizes.clone();
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

/// Reading while parsing against reading a whole `Value` parsed first (the
/// duplicate-name fallback, step 5): the same typed readers over the bytes
/// and over a value must agree on everything.
#[cfg(test)]
mod tests {
    use super::super::scan;
    use super::*;
    use crate::model::Element;
    use crate::phase::Phase;
    use crate::summary;

    const FORMATS: [Option<Format>; 7] = [
        None,
        Some(Format::AosExecution),
        Some(Format::GcsExecution),
        Some(Format::WorkflowExecutions),
        Some(Format::ApiError),
        Some(Format::RfsStackEvents),
        Some(Format::ExecutionEvents),
    ];

    /// Compares both readers on `input` under every forced format, lenient
    /// and strict; returns how many comparisons were made.
    fn same(input: &[u8], what: &str) -> usize {
        let mut compared = 0;
        for format in FORMATS {
            for strict in [false, true] {
                let json = JsonOptions {
                    strict,
                    ..JsonOptions::default()
                };
                let got = read_as(input, format, &json, Detail::Events, Way::Serde);
                let want = read_as(input, format, &json, Detail::Events, Way::Whole);
                assert!(
                    got == want,
                    "{what} (format {format:?}, strict {strict}): reading the bytes and reading a value differ\n\
                     bytes: {got:#?}\nvalue: {want:#?}"
                );
                let fast = read_as(input, format, &json, Detail::Events, Way::Fast);
                assert!(
                    fast == got,
                    "{what} (format {format:?}, strict {strict}): the fast path and serde_json differ\n\
                     fast: {fast:#?}\nserde_json: {got:#?}"
                );
                let summary = |m: Result<Model, Error>| m.map(|m| summary::summarize(&m));
                let lean = summary(read_as(input, format, &json, Detail::Summary, Way::Fast));
                let full = summary(read_as(input, format, &json, Detail::Model, Way::Fast));
                assert!(
                    lean == full,
                    "{what} (format {format:?}, strict {strict}): the summary's model summarizes differently\n\
                     summary's: {lean:#?}\nwhole: {full:#?}"
                );
                compared += 1;
            }
        }
        compared
    }

    fn aos(meta: &str, subs: &str, after: &str) -> String {
        format!(
            r#"{{"kind": "Execution", "apiVersion": "aos/v1", "metadata": {meta},
               "spec": {{"actionName": "apply"}},
               "status": {{"actionName": "apply", "progress": 50,
                          "objectStatus": {{"phase": "Running", "updateAt": {after}}},
                          "subObjectStatuses": {subs}}}}}"#
        )
    }

    fn bad_elements(n: usize, epoch_seconds_at: Option<usize>) -> String {
        let items: Vec<String> = (0..n)
            .map(|i| {
                if Some(i) == epoch_seconds_at {
                    format!(r#""e{i}": {{"phase": "Running", "createAt": 1700000000}}"#)
                } else {
                    format!(r#""e{i}": {{"phase": "nope{i}", "createAt": "bad", "type": 3}}"#)
                }
            })
            .collect();
        format!("{{{}}}", items.join(", "))
    }

    #[test]
    fn crafted_payloads_read_the_same() {
        let meta = r#"{"name": "run", "creationTimestamp": 1600000000}"#;
        let meta_text = r#"{"name": "run", "creationTimestamp": "2024-01-01T00:00:00Z"}"#;
        let epoch_subs = r#"{"a": {"phase": "Succeeded", "createAt": 1600000001, "updateAt": 1600000000},
                             "b": {"phase": "Failed", "updateAt": 1600000005}}"#;
        let mut cases: Vec<(String, String)> = vec![
            ("epoch seconds before and in subs".into(), aos(meta, epoch_subs, "1")),
            ("epoch seconds only in subs".into(), aos(meta_text, epoch_subs, "\"x\"")),
            (
                "duplicate element".into(),
                aos(meta_text, r#"{"a": {"phase": "x"}, "b": {"phase": "Running"}, "a": {"phase": "y", "type": 1}}"#, "null"),
            ),
            (
                "duplicate subObjectStatuses".into(),
                r#"{"kind": "Execution", "status": {"subObjectStatuses": {"a": {"phase": "q"}}, "subObjectStatuses": "no"}}"#.into(),
            ),
            (
                "duplicate subObjectStatuses, object last".into(),
                r#"{"kind": "Execution", "status": {"subObjectStatuses": [1], "subObjectStatuses": {"b": 1, "c": null}}}"#.into(),
            ),
            (
                "duplicate status".into(),
                r#"{"status": {"subObjectStatuses": {"a": {"phase": "q"}}}, "kind": "Execution", "status": {"objectStatus": {}}}"#.into(),
            ),
            (
                "subs of the wrong type".into(),
                r#"{"kind": "Execution", "status": {"subObjectStatuses": [{"phase": "Running"}]}}"#.into(),
            ),
            (
                // What the summary's lean elements read all the same.
                "texts of the wrong type in elements that did not fail".into(),
                aos(meta_text, r#"{"a": {"phase": "Succeeded", "type": 1, "reason": 2, "message": 3.5, "subActionName": true},
                                  "b": {"phase": 4, "createAt": "2024-01-01T00:00:01Z", "updateAt": "2024-01-01T00:00:00Z"},
                                  "c": {"phase": "Failed", "type": 5, "reason": "r", "message": null, "subActionName": "s"},
                                  "d": {"phase": "Nope", "updateAt": "yesterday", "reason": 6}}"#, "null"),
            ),
            (
                "detected by subs only".into(),
                r#"{"status": {"subObjectStatuses": {"a": {"phase": "Running", "updateAt": "2024-01-01T00:00:00Z"}}}}"#.into(),
            ),
            (
                "gcs with both status blocks".into(),
                r#"{"execution": {"guid": "g", "create_at": 1600000000},
                    "status": {"subObjectStatuses": {"top": {"phase": "z"}}, "actual_node_status": {"a": "Running", "n": {"status": "bad"}}},
                    "object": {"status": {"subObjectStatuses": {"a": {"phase": "bad", "createAt": 1600000002}}}},
                    "object": {"apiVersion": "gene.kubedag/v1", "status": {"objectStatus": {"updateAt": 5}, "subObjectStatuses": {"a": {"createAt": 1600000002}, "b": 7}}}}"#.into(),
            ),
            (
                "gcs nodes as an array".into(),
                r#"{"execution": {"guid": "g", "status": "Running"}, "object": {"status": {"subObjectStatuses": {"a": {"phase": "Running"}}, "elementStatuses": {"a": {"x": [1, {"y": 2}]}}}},
                    "status": {"actual_node_status": [{"name": "a", "status": "Failed"}, {"name": 3, "status": "odd"}, 5, null, {"status": "Succeeded"}, {"name": "c"}], "elementStatuses": [1, 2]}}"#.into(),
            ),
            (
                "gcs nodes as a map".into(),
                r#"{"execution": {"guid": "g"}, "object": {"status": {"subObjectStatuses": {"a": {}}}},
                    "status": {"actual_node_status": {"a": "Running", "b": null, "c": 4, "d": {"status": 1}, "e": {"status": "weird"}}}}"#.into(),
            ),
            (
                "gcs nodes duplicated".into(),
                r#"{"execution": {"guid": "g"}, "status": {"actual_node_status": {"a": "Running", "b": {}, "a": "Failed"}}}"#.into(),
            ),
            (
                "gcs nodes of the wrong type, then a list".into(),
                r#"{"execution": {"guid": "g"}, "status": {"actual_node_status": "x"}, "status": {"actual_node_status": [{"name": "z"}]}}"#.into(),
            ),
            (
                "gcs nodes, then of the wrong type".into(),
                r#"{"execution": {"guid": "g"}, "status": {"actual_node_status": [{"name": "z"}], "actual_node_status": 5}}"#.into(),
            ),
            (
                "too deep in elementStatuses".into(),
                format!(r#"{{"execution": {{}}, "object": {{"status": {{"elementStatuses": {{"a": {}1{}}}}}}}}}"#, "[".repeat(130), "]".repeat(130)),
            ),
            (
                "gcs duplicate element".into(),
                r#"{"execution": {"guid": "g"}, "object": {"status": {"subObjectStatuses": {"a": {}, "a": {"phase": "w"}}}}}"#.into(),
            ),
            (
                "trailing commas and bom".into(),
                format!("\u{feff}{}", aos(meta, r#"{"a": {"phase": "q",}, "b": [1,],}"#, "1,")),
            ),
            (
                "invalid inside subs".into(),
                aos(meta, r#"{"a": {"phase": "q"}, "b": {"phase": tru}}"#, "1"),
            ),
            (
                "number out of range inside subs".into(),
                aos(meta, r#"{"a": {"phase": 1e999}}"#, "1"),
            ),
            (
                "too deep inside subs".into(),
                aos(meta, &format!(r#"{{"a": {}1{}}}"#, "[".repeat(140), "]".repeat(140)), "1"),
            ),
            (
                "unclosed inside subs".into(),
                aos(meta, &format!(r#"{{"a": {}"#, "[".repeat(140)), "1"),
            ),
            (
                "entries of every shape".into(),
                aos(meta_text, r#"{"s": "text", "t": true, "n": -3.5, "l": [1, {"x": null}], "z": null, "e": {},
                    "o": {"phase": "Failed", "createAt": "2024-01-01T00:00:09Z", "updateAt": "2024-01-01T00:00:01Z",
                          "type": "OS::Nova", "reason": "Boom", "message": "m\n\u00e9", "subActionName": "apply"},
                    "w": {"phase": ["Running"], "createAt": true, "updateAt": {"a": 1}, "type": 5, "reason": 4,
                          "message": [], "subActionName": {"x": [null]}},
                    "x": {"ph\u0061se": "Running", "phase": "nope", "phase": "Succeeded", "updateAt": 1600000000,
                          "updateAt": "bad", "createAt": -1, "type": 1e3, "extra": {"deep": [[[{"y": "\ud83d\ude00"}]]]}},
                    "y": {"phase": "", "createAt": " ", "updateAt": 99999999999999, "message": "", "type": null}}"#, "null"),
            ),
            (
                "number out of range in an unknown member".into(),
                aos(meta, r#"{"a": {"phase": "Running", "other": [1, 2e999]}}"#, "1"),
            ),
            (
                "bad escape in an unknown key".into(),
                aos(meta, r#"{"a": {"phase": "Running", "o\qther": 1}}"#, "1"),
            ),
            (
                "too deep in an unknown member".into(),
                aos(meta, &format!(r#"{{"a": {{"other": {}1{}}}}}"#, "[".repeat(140), "]".repeat(140)), "1"),
            ),
            (
                "too deep in a known member".into(),
                aos(meta, &format!(r#"{{"a": {{"message": {}1{}}}}}"#, "[".repeat(140), "]".repeat(140)), "1"),
            ),
            (
                "control character in an unknown member".into(),
                aos(meta, "{\"a\": {\"other\": \"x\u{1}y\"}}", "1"),
            ),
            (
                "gcs nodes of every shape".into(),
                r#"{"execution": {"guid": "g"}, "status": {"actual_node_status": [
                    {"name": "a", "st\u0061tus": "Running", "status": "nope", "status": "Failed", "x": {"y": [1e5, "\u00e9"]}},
                    {"name": ["b"], "status": {"s": 1}}, {"name": null, "status": null}, {"name": "c\nd", "name": "e", "status": 4},
                    "text", true, -1, [], {}]}}"#.into(),
            ),
            (
                "gcs node map of every shape".into(),
                r#"{"execution": {"guid": "g"}, "status": {"actual_node_status": {"a": "nope", "b": {"status": ["x"], "name": 5},
                    "c": true, "d": [1], "e": {}, "f": {"status": "Succeeded", "status": "Paused"}, "g": 1.5}}}"#.into(),
            ),
            (
                "gcs node with a number out of range".into(),
                r#"{"execution": {"guid": "g"}, "status": {"actual_node_status": [{"name": "a", "n": 1e999}]}}"#.into(),
            ),
            (
                "elementStatuses with a number out of range".into(),
                r#"{"execution": {"guid": "g"}, "object": {"status": {"elementStatuses": {"a": {"n": [-1e999]}}}}}"#.into(),
            ),
            ("not json at all".into(), "{\"status\": {\"subObjectStatuses\": {\"a\"".into()),
            ("workflow, empty".into(), "[]".into()),
            (
                "workflow".into(),
                r#"[{"execution_id": "a", "begin_time": 1600000000, "end_time": 5, "execution_result_list": [{"node_id": "n", "status": "x", "begin_time": 3}, 4]},
                    7, {"execution_id": "b", "begin_time": 1700000000000, "created_by": 1,}, null]"#.into(),
            ),
            ("workflow of scalars".into(), r#"[1, 2, {"execution_id": 3}]"#.into()),
            (
                "workflow runs of every shape".into(),
                r#"[{"execution_id": "first"}, "text", null, [1], {},
                    {"execution_id": ["x"], "workflow_id": 5, "created_by": 7, "create_by": "c", "status": {"a": 1},
                     "begin_time": "2024-01-01T00:00:09Z", "end_time": "bad", "last_update_time": true,
                     "execution_result_list": {"a": 1}},
                    {"execution_id": "a\u0062", "execution_id": "e", "created_by": null, "create_by": 3, "status": "nope",
                     "begin_time": 1600000000, "end_time": 1500000000000, "last_update_time": -5, "extra": [{"x": "\u00e9"}],
                     "execution_result_list": [null, "n", 4, {"node_id": 1, "status": [], "begin_time": "x", "end_time": {},
                       "output": {"fail": ["first", {"log": "l"}]}},
                       {"node_id": "n2", "status": "failed", "begin_time": 1700000000001, "end_time": 1700000000000,
                        "output": {"fail": [null, 3, {"log": 1, "msg": "m", "message": "mm", "message": 2}, "late"], "success": [1]}},
                       {"node_id": "n3", "output": {"fail": [{"error_msg": "e"}]}, "output": {"x": 1}},
                       {"node_id": "n4", "output": {"fail": [{"log": "a"}], "fail": {"log": "b"}}},
                       {"node_id": "n5", "output": [{"fail": ["z"]}]},
                       {"node_id": "n6", "output": {"f\u0061il": [{"msg": "\u00e9\n"}]}}]},
                    {"execution_id": "z", "execution_result_list": null, "execution_result_list": [{"node_id": "q"}]}]"#.into(),
            ),
            (
                "workflow with a number out of range in an unknown member".into(),
                r#"[{"execution_id": "a"}, {"execution_id": "b", "x": {"y": 1e999}}]"#.into(),
            ),
            (
                "workflow too deep in a node output".into(),
                format!(r#"[{{"execution_id": "a"}}, {{"execution_result_list": [{{"output": {{"fail": {}1{}}}}}]}}]"#, "[".repeat(140), "]".repeat(140)),
            ),
            ("array of unknown things".into(), r#"[{"x": 1}, {"execution_id": "a"}]"#.into()),
            ("events".into(), r#"[{"involvedObject": {"name": "x"}, "reason": "a##Start"}]"#.into()),
            ("scalar".into(), "\"hello\"".into()),
            ("api error".into(), r#"{"error_code": "E", "error_msg": "m", "status": {"subObjectStatuses": {"a": 1}}}"#.into()),
            ("rfs".into(), r#"{"stack_events": [], "status": {"subObjectStatuses": {"a": 1}}}"#.into()),
        ];
        // The warning cap: warnings before, in and after the streamed part;
        // the streamed part's own epoch-seconds warning early, late (counted,
        // not listed) or dropped because the run already warned.
        for n in [300, 1200] {
            for at in [None, Some(2), Some(999), Some(1000), Some(1001), Some(1100)] {
                for (m, after) in [(meta, "1"), (meta_text, "\"bad\"")] {
                    cases.push((
                        format!("{n} bad elements, epoch seconds at {at:?}, meta {m}"),
                        aos(m, &bad_elements(n, at), after),
                    ));
                }
            }
        }
        let runs: Vec<String> = (0..1100)
            .map(|i| {
                format!(
                    r#"{{"execution_id": "r{i}", "status": "s{i}", "begin_time": {}}}"#,
                    1600000000 + i
                )
            })
            .collect();
        cases.push(("1100 bad runs".into(), format!("[{},]", runs.join(","))));
        let nodes: Vec<String> = (0..1100)
            .map(|i| format!(r#"{{"name": "n{i}", "status": "s{i}"}}"#))
            .collect();
        cases.push((
            "1100 bad nodes after 1200 bad elements".into(),
            format!(
                r#"{{"execution": {{"guid": "g"}}, "object": {{"status": {{"subObjectStatuses": {}}}}}, "status": {{"actual_node_status": [{}]}}}}"#,
                bad_elements(1200, Some(5)),
                nodes.join(",")
            ),
        ));
        let mut compared = 0;
        for (what, payload) in &cases {
            compared += same(payload.as_bytes(), what);
        }
        // Invalid UTF-8 in the known and unknown members and keys of an entry.
        for bad in [
            r#"{"a": {"phase": "Run~"}}"#,
            r#"{"a": {"other": "~"}}"#,
            r#"{"a": {"ot~her": 1}}"#,
            r#"{"a~": {"phase": "Running"}}"#,
        ] {
            let mut bytes = aos(meta, bad, "1").into_bytes();
            for b in bytes.iter_mut().filter(|b| **b == b'~') {
                *b = 0xff;
            }
            compared += same(&bytes, bad);
        }
        for bad in [
            r#"{"execution": {}, "status": {"actual_node_status": [{"name": "a~"}]}}"#,
            r#"{"execution": {}, "status": {"actual_node_status": [{"o": "~"}]}}"#,
            r#"{"execution": {}, "status": {"actual_node_status": {"a": {"st~": 1}}}}"#,
            r#"{"execution": {}, "object": {"status": {"elementStatuses": {"a": ["~"]}}}}"#,
            r#"[{"execution_id": "a"}, {"execution_id": "~"}]"#,
            r#"[{"execution_id": "a"}, {"execution_result_list": [{"output": {"fail": [{"log": "~"}]}}]}]"#,
            r#"[{"execution_id": "a"}, {"execution_result_list": [{"output": {"success": ["~"]}}]}]"#,
            r#"[{"execution_id": "a"}, {"e~": 1}]"#,
        ] {
            let mut bytes = bad.to_string().into_bytes();
            for b in bytes.iter_mut().filter(|b| **b == b'~') {
                *b = 0xff;
            }
            compared += same(&bytes, bad);
        }
        assert!(compared > 100, "{compared}");
    }

    /// An event list whose second event has `member` (text) among its members.
    fn events_with(member: &str) -> Vec<u8> {
        format!(
            r#"[{{"involvedObject": {{"name": "run", "namespace": "n"}}, "reason": "启动##ActionStart",
                 "message": "m", "firstTimestamp": "2024-05-30T04:44:25Z", "count": 1, "type": "Normal",
                 "elemType": "KubeDAG.job", "elemId": "a", "actionName": "create", "metadata": {{"name": "x"}}}},
               {{"elemId": "a", "reason": "成功##SuccessfulFinish", "firstTimestamp": 1717044266, {member}}}]"#
        )
        .into_bytes()
    }

    /// The fast path against serde_json on event lists: the cases where they
    /// could silently differ (escaped surrogates, numbers beyond f64,
    /// duplicate keys, invalid UTF-8 in skipped strings, nesting, grammar).
    /// `fast`: whether the fast path itself reads it (else it must give up).
    #[test]
    fn the_fast_path_reads_events_as_serde_json_does() {
        let cases: &[(&str, bool)] = &[
            (r#""x": 1"#, true),
            (
                r#""message": "a\"b\u00e9\n", "metadata": {"k": [1, -2.5, true, null, "s\/"]}"#,
                true,
            ),
            (r#""re\u0061son": "x##SomethingFailed""#, true),
            (
                r#""elemId": "b", "elemId": "c", "reason": "1", "reason": "2##ActionStart""#,
                true,
            ),
            (
                r#""involvedObject": {"name": "other", "name": "run"}, "involvedObject": {"name": "z"}"#,
                true,
            ),
            (r#""involvedObject": "a string""#, true),
            (
                r#""involvedObject": null, "count": null, "type": false"#,
                true,
            ),
            (r#""count": 3, "lastTimestamp": 1717044300.5"#, true),
            (r#""count": -0"#, true),
            (r#""count": 0"#, true),
            (r#""count": 4294967295"#, true),
            (r#""count": 4294967296"#, true),
            (r#""count": 12345678901234567890123"#, true),
            (r#""count": "7""#, true),
            (
                r#""x": 1e308, "y": -1e-400, "z": 123456789012345678901234567890"#,
                true,
            ),
            (r#""x": "\ud83d\ude00""#, false),
            (r#""x": "\ud800""#, false),
            (r#""message": "\udc00x""#, false),
            (r#""x": "\ud800\u0041""#, false),
            (r#""x": 1e999"#, false),
            (r#""count": 1e999"#, false),
            (r#""x": [-1E+400]"#, false),
            (r#""count": [1]"#, false),
            (r#""reason": {"a": 1}"#, false),
            (r#""involvedObject": [1]"#, false),
            (r#""x": 01"#, false),
            (r#""x": 1.}"#, false),
            (r#""x": [1,]"#, false),
            (r#""x": {"a": 1,}"#, false),
            (r#""x": tru"#, false),
            (r#""x": "tab	tab""#, false),
            (r#""x": "\x""#, false),
        ];
        let mut compared = 0;
        for &(member, fast) in cases {
            let bytes = events_with(member);
            let took = execution_events::fast(&bytes, false, true).is_some();
            assert_eq!(took, fast, "{member}: fast path taken {took}");
            compared += same(&bytes, member);
        }
        // Invalid UTF-8 in a skipped string, a skipped key, a used string and
        // a used key; valid multi-byte text around it.
        for member in [
            r#""x": "é~""#,
            r#""~": 1"#,
            r#""message": "~""#,
            r#""elemId~": "a""#,
        ] {
            let mut bytes = events_with(member);
            for b in bytes.iter_mut().filter(|b| **b == b'~') {
                *b = 0xff;
            }
            assert!(
                execution_events::fast(&bytes, false, true).is_none(),
                "{member}"
            );
            compared += same(&bytes, member);
        }
        // A multi-byte character cut short just before an escape.
        let mut bytes = events_with(r#""x": "é\n""#);
        if let Some(at) = bytes.windows(2).position(|w| w == "é".as_bytes()) {
            bytes.remove(at + 1);
        }
        assert!(execution_events::fast(&bytes, false, true).is_none());
        compared += same(&bytes, "a cut character before an escape");
        // Nesting: as deep as the scanner follows, past it, past serde_json's limit.
        for depth in [scan::MAX_DEPTH - 3, scan::MAX_DEPTH, 127, 130] {
            let member = format!(r#""x": {}1{}"#, "[".repeat(depth), "]".repeat(depth));
            let bytes = events_with(&member);
            let took = execution_events::fast(&bytes, false, true).is_some();
            assert_eq!(took, depth < scan::MAX_DEPTH - 2, "depth {depth}");
            compared += same(&bytes, &format!("depth {depth}"));
        }
        // The whole list: trailing comma (repaired, then read fast), BOM,
        // trailing text, empty, not events, a non-object item, forced.
        for (text, what) in [
            (
                format!(
                    "{},]",
                    String::from_utf8_lossy(&events_with(r#""x": 1"#)).trim_end_matches(']')
                ),
                "trailing comma",
            ),
            (
                format!(
                    "\u{feff}{}",
                    String::from_utf8_lossy(&events_with(r#""x": 1"#))
                ),
                "bom",
            ),
            (
                format!("{} x", String::from_utf8_lossy(&events_with(r#""x": 1"#))),
                "trailing text",
            ),
            (
                format!("{} ", String::from_utf8_lossy(&events_with(r#""x": 1"#))),
                "trailing blank",
            ),
            ("[]".into(), "empty"),
            (
                r#"[{"x": 1}, {"reason": "a", "elemId": "b"}]"#.into(),
                "first item not an event",
            ),
            (
                r#"[{"reason": "a", "elemId": "b"}, 3, "s", null]"#.into(),
                "scalar items",
            ),
            (
                r#"[{"reason": "a"}, {"elemId": "b"}]"#.into(),
                "one event member first",
            ),
        ] {
            compared += same(text.as_bytes(), what);
        }
        assert!(execution_events::fast(br#"[{"reason": "a"}]"#, true, false).is_some());
        assert!(execution_events::fast(br#"[{"reason": "a"}]"#, false, false).is_none());
        assert!(compared > 40, "{compared}");
    }

    /// [`Detail::Summary`]'s fold against the whole model's elements, on
    /// event lists in every order: times out of order, equal, missing or
    /// empty; starts, finishes, failures (by reason or by type) and other
    /// events; events without an element.
    #[test]
    fn the_summary_fold_agrees_with_the_whole_model() {
        let mut state: u64 = 0x2545_F491_4F6C_DD1D;
        let mut next = |below: usize| {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((state >> 33) as usize) % below.max(1)
        };
        let reasons = [
            "启动##ActionStart",
            "成功##SuccessfulFinish",
            "失败##ActionFailed",
            "x##Waiting",
            "Error",
            "",
        ];
        let mut failed = 0;
        for list in 0..400 {
            let n = 1 + next(12);
            let events: Vec<String> = (0..n)
                .map(|i| {
                    let mut members =
                        vec![format!(r#""reason": "{}""#, reasons[next(reasons.len())])];
                    match next(6) {
                        0 => {}
                        1 => members.push(r#""firstTimestamp": """#.into()),
                        2 => members
                            .push(format!(r#""firstTimestamp": {}"#, 1_700_000_000 + next(4))),
                        _ => members.push(format!(
                            r#""firstTimestamp": "2024-05-30T04:44:0{}Z""#,
                            next(4)
                        )),
                    }
                    if next(3) == 0 {
                        members.push(format!(
                            r#""lastTimestamp": "2024-05-30T04:44:0{}Z""#,
                            next(9)
                        ));
                    }
                    if next(4) > 0 {
                        members.push(format!(r#""elemId": "e{}""#, next(3)));
                    }
                    if next(5) == 0 {
                        members.push(r#""type": "Warning""#.into());
                    }
                    if next(3) == 0 {
                        members.push(format!(r#""elemType": "t{i}", "actionName": "a{i}""#));
                    }
                    members.push(format!(r#""message": "m{i}", "count": {}"#, 1 + next(2)));
                    format!("{{{}}}", members.join(", "))
                })
                .collect();
            let text = format!("[{}]", events.join(",\n"));
            let json = JsonOptions::default();
            let forced = Some(Format::ExecutionEvents);
            let lean = read_as(text.as_bytes(), forced, &json, Detail::Summary, Way::Fast);
            let whole = read_as(text.as_bytes(), forced, &json, Detail::Model, Way::Fast);
            let (Ok(lean), Ok(whole)) = (lean, whole) else {
                panic!("list {list} not read: {text}");
            };
            let (Some(l), Some(w)) = (lean.runs.first(), whole.runs.first()) else {
                panic!("list {list}: no run");
            };
            assert_eq!(l.elements.len(), w.elements.len(), "{text}");
            for (l, w) in l.elements.iter().zip(&w.elements) {
                let kept = |e: &Element| {
                    let failed = e.phase == Phase::Failed;
                    (
                        (e.phase, e.updated_at, e.failed_at),
                        failed.then(|| (e.id.clone(), e.reason.clone(), e.message.clone())),
                    )
                };
                assert_eq!(kept(l), kept(w), "list {list}: {text}");
                failed += usize::from(w.phase == Phase::Failed);
            }
            assert_eq!(
                summary::summarize(&lean),
                summary::summarize(&whole),
                "list {list}: {text}"
            );
            same(text.as_bytes(), &format!("list {list}"));
        }
        assert!(failed > 100, "{failed}");
    }

    /// The fast path against serde_json on executions (`streamed::fast`):
    /// `member` (text) among the members of an AOS entry, a GCS node (array
    /// and map forms) and the top-level object. `fast`: whether the fast path
    /// itself reads it (else it must give up).
    #[test]
    fn the_fast_path_reads_executions_as_serde_json_does() {
        let aos_with = |m: &str| {
            aos(
                r#"{"name": "run", "creationTimestamp": "2024-01-01T00:00:00Z"}"#,
                &format!(r#"{{"a": {{"phase": "Running", {m}}}, "b": {{"phase": "Failed"}}}}"#),
                r#""2024-01-01T00:00:05Z""#,
            )
        };
        let gcs_with = |m: &str, map: bool| {
            let nodes = if map {
                format!(r#"{{"a": {{"status": "Running", {m}}}, "b": "Failed"}}"#)
            } else {
                format!(r#"[{{"name": "a", "status": "Running", {m}}}, {{"name": "b"}}]"#)
            };
            format!(
                r#"{{"execution": {{"guid": "g", "create_at": 1600000000}}, "object": {{"apiVersion": "gene.kubedag/v1",
                    "status": {{"subObjectStatuses": {{"a": {{"phase": "Running"}}}}, "elementStatuses": {{"a": [1]}}}}}},
                    "status": {{"actual_node_status": {nodes}, "elementStatuses": [{{"x": 1}}]}}}}"#
            )
        };
        let top_with = |m: &str| {
            format!(
                r#"{{"kind": "Execution", {m}, "status": {{"subObjectStatuses": {{"a": {{"phase": "Running"}}}}}}}}"#
            )
        };
        let cases: &[(&str, bool)] = &[
            (r#""x": 1"#, true),
            (
                r#""message": "a\"b\u00e9\n", "meta": {"k": [1, -2.5, true, null, "s\/"]}"#,
                true,
            ),
            (r#""ph\u0061se": "Failed""#, true),
            (
                r#""type": "b", "type": "c", "reason": 1, "reason": "2""#,
                true,
            ),
            (r#""createAt": 1600000000, "updateAt": 1600000000.5"#, true),
            (r#""x": 12345678901234567890123, "y": -0, "z": 1e308"#, true),
            (r#""x": "\ud83d\ude00""#, false),
            (r#""x": "\ud800""#, false),
            (r#""x": 1e999"#, false),
            (r#""phase": ["Running"]"#, false),
            (r#""status": {"a": 1}"#, false),
            (r#""name": [1]"#, false),
            (r#""x": 01"#, false),
            (r#""x": [1,]"#, false),
            (r#""x": tru"#, false),
            (r#""x": "tab	tab""#, false),
        ];
        let mut compared = 0;
        for &(member, fast) in cases {
            // A member written twice is read (last wins) in an entry or a
            // node; at the top the fast path gives up (see below).
            let twice = member.matches("\"type\"").count() > 1;
            for (bytes, reads) in [
                (aos_with(member), fast),
                (gcs_with(member, false), fast),
                (gcs_with(member, true), fast),
                (top_with(member), fast && !twice),
            ] {
                let took = streamed::fast(bytes.as_bytes(), false, Default::default()).is_some();
                assert!(took || !reads, "{member}: fast path not taken\n{bytes}");
                compared += same(bytes.as_bytes(), member);
            }
        }
        // Duplicate names anywhere the fast path builds or streams: it gives up.
        for text in [
            aos_with(r#""x": 1"#)
                .replace(r#""b": {"phase": "Failed"}"#, r#""a": {"phase": "Failed"}"#),
            top_with(r#""kind": "Other""#),
            gcs_with(r#""x": 1"#, true).replace(r#""b": "Failed""#, r#""a": "Failed""#),
            r#"{"status": {"actual_node_status": 1, "actual_node_status": [{"name": "a"}]}}"#
                .into(),
        ] {
            assert!(
                streamed::fast(text.as_bytes(), false, Default::default()).is_none(),
                "{text}"
            );
            compared += same(text.as_bytes(), &text);
        }
        // Nesting: as deep as the scanner follows, past it, past serde_json's limit.
        for depth in [scan::MAX_DEPTH - 6, scan::MAX_DEPTH, 127, 130] {
            let member = format!(r#""x": {}1{}"#, "[".repeat(depth), "]".repeat(depth));
            for bytes in [
                aos_with(&member),
                gcs_with(&member, false),
                top_with(&member),
            ] {
                let took = streamed::fast(bytes.as_bytes(), false, Default::default()).is_some();
                assert!(!took || depth < scan::MAX_DEPTH, "depth {depth}");
                compared += same(bytes.as_bytes(), &format!("depth {depth}"));
            }
        }
        for text in [
            format!("{} x", aos_with(r#""x": 1"#)),
            format!("\u{feff}{}", aos_with(r#""x": 1"#)),
            format!("{},}}", aos_with(r#""x": 1"#).trim_end_matches('}')),
        ] {
            assert!(
                streamed::fast(text.as_bytes(), false, Default::default()).is_none(),
                "{text}"
            );
            compared += same(text.as_bytes(), &text);
        }
        assert!(compared > 100, "{compared}");
    }

    /// The fast path against serde_json on workflow histories
    /// (`workflow_executions::fast`): `member` (text) among the members of a
    /// run, a node result, its output, and a fail object. `fast`: whether the
    /// fast path itself reads it (else it must give up).
    #[test]
    fn the_fast_path_reads_workflow_runs_as_serde_json_does() {
        let with = |run: &str, node: &str, output: &str, fail: &str| {
            format!(
                r#"[{{"execution_id": "e1", "workflow_id": "w", "status": "failed", "begin_time": 1700000000000,
                     "execution_result_list": [{{"node_id": "a", "status": "success", "begin_time": 1700000000000, "end_time": 1700000001000}},
                       {{"node_id": "b", "status": "failed", "output": {{"fail": ["text", {{"log": 3, "msg": "m", {fail}}}], {output}}}, {node}}}], {run}}},
                   {{"execution_id": "e2", "create_by": "c", "end_time": "2024-01-01T00:00:00Z", "execution_result_list": []}}]"#
            )
        };
        let x = r#""x": 1"#;
        let cases: &[(&str, bool)] = &[
            (x, true),
            (
                r#""message": "a\"b\u00e9\n", "meta": {"k": [1, -2.5, true, null, "s\/"]}"#,
                true,
            ),
            (r#""st\u0061tus": "running""#, true),
            (
                r#""status": "a", "status": "b", "log": 1, "log": "z""#,
                true,
            ),
            (r#""reason": "r", "elemId": "e""#, true),
            (r#""x": 12345678901234567890123, "y": -0, "z": 1e308"#, true),
            (r#""x": "\ud83d\ude00""#, false),
            (r#""x": 1e999"#, false),
            (r#""status": ["a"]"#, false),
            (r#""x": 01"#, false),
            (r#""x": [1,]"#, false),
        ];
        let mut compared = 0;
        for &(member, fast) in cases {
            // Two event members in the first run: it looks like an event.
            let event_like = member.contains("elemId");
            for (bytes, reads) in [
                (with(member, x, x, x), fast && !event_like),
                (with(x, member, x, x), fast),
                (with(x, x, member, x), fast),
                (with(x, x, x, member), fast),
            ] {
                let took = workflow_executions::fast(bytes.as_bytes(), false).is_some();
                assert!(took || !reads, "{member}: fast path not taken\n{bytes}");
                compared += same(bytes.as_bytes(), member);
            }
        }
        // Shapes: results, output and fail of other types; scalar items;
        // first item not a run, or event-like; empty; forced.
        for (text, fast) in [
            (
                r#"[{"execution_id": "a", "execution_result_list": 5}]"#,
                true,
            ),
            (
                r#"[{"execution_id": "a", "execution_result_list": [3, null, {"node_id": 1, "output": "o"}]}]"#,
                true,
            ),
            (
                r#"[{"execution_id": "a", "execution_result_list": [{"output": {"fail": 1}}, {"output": {"fail": [[1]]}}]}]"#,
                false,
            ),
            (
                r#"[{"execution_id": "a", "execution_result_list": {"a": 1}}]"#,
                false,
            ),
            (r#"[{"execution_id": "a"}, 3]"#, false),
            (r#"[{"x": 1}, {"execution_id": "a"}]"#, false),
            (
                r#"[{"execution_id": "a", "reason": "r", "elemId": "e"}]"#,
                false,
            ),
            (r#"[{"execution_result_list": [], "reason": "r"}]"#, true),
            ("[]", false),
        ] {
            assert_eq!(
                workflow_executions::fast(text.as_bytes(), false).is_some(),
                fast,
                "{text}"
            );
            compared += same(text.as_bytes(), text);
        }
        assert!(workflow_executions::fast(br#"[{"x": 1}]"#, true).is_some());
        assert!(compared > 40, "{compared}");
    }

    #[test]
    fn samples_and_their_mutations_read_the_same() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files = Vec::new();
        for dir in ["samples", "tests/fixtures"] {
            let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
                continue;
            };
            for entry in entries.flatten() {
                let path = entry.path();
                if path.extension().is_some_and(|e| e == "json") {
                    files.push(path);
                }
            }
        }
        files.sort();
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = |below: usize| {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((state >> 33) as usize) % below.max(1)
        };
        let mut compared = 0;
        for path in &files {
            let Ok(bytes) = std::fs::read(path) else {
                continue;
            };
            let what = path.display().to_string();
            compared += same(&bytes, &what);
            if bytes.is_empty() {
                continue;
            }
            for round in 0..40 {
                let mut m = bytes.clone();
                let at = next(m.len());
                match round % 5 {
                    // Cut the text short.
                    0 => m.truncate(at),
                    // Drop a byte.
                    1 => {
                        m.remove(at);
                    }
                    // Repeat a stretch (duplicate keys, members, items).
                    2 => {
                        let end = (at + 1 + next(400)).min(m.len());
                        let stretch = m.get(at..end).map(<[u8]>::to_vec).unwrap_or_default();
                        m.splice(at..at, stretch);
                    }
                    // Put a comma or a number somewhere.
                    3 => {
                        m.insert(at, if next(2) == 0 { b',' } else { b'7' });
                    }
                    // Swap a quote for something else.
                    _ => {
                        if let Some(q) = m.iter().skip(at).position(|&b| b == b'"') {
                            if let Some(b) = m.get_mut(at + q) {
                                *b = b'1';
                            }
                        }
                    }
                }
                compared += same(&m, &format!("{what} mutation {round}"));
            }
        }
        assert!(compared > 1000, "{compared}");
    }
}
