//! The Rust API: bytes in, results out. `src/lib.rs` wraps these for JavaScript.

use crate::error::{Error, ErrorCode};
use crate::formats;
use crate::graph::Graph;
use crate::json::{self, JsonOptions, DEFAULT_MAX_BYTES};
use crate::memory::{check_memory, too_large, Memory, ESTIMATE_ABOVE, MEMORY_BUDGET};
use crate::model::{Event, Format, Model, Run};
use crate::reader::Reader;
use crate::summary::{self, Summary};
use crate::timeline::{self, Timeline};
use serde_json::Value;

/// Options for every reading function.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// Skip detection and read as this format.
    pub format: Option<Format>,
    /// Reject repairs (trailing commas, BOM) as invalid_json.
    pub strict: bool,
    /// Input-size cap in bytes (default 512 MiB).
    pub max_bytes: usize,
    /// `timeline` of a workflow history: the execution_id to draw (default: newest).
    pub run: Option<String>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            format: None,
            strict: false,
            max_bytes: DEFAULT_MAX_BYTES,
            run: None,
        }
    }
}

impl Options {
    fn json(&self) -> JsonOptions {
        JsonOptions {
            strict: self.strict,
            max_bytes: self.max_bytes,
        }
    }
}

fn format_of(value: &Value, options: &Options) -> Result<Format, Error> {
    let Some(forced) = options.format else {
        return formats::detect(value);
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
                crate::reader::quote(forced.as_str()),
                crate::reader::describe(value)
            ),
        ))
    }
}

/// Reads the input into the normalized model, with the normalized event list.
pub fn read(input: &[u8], options: &Options) -> Result<Model, Error> {
    read_model(input, options, true)
}

/// Reads the input into the normalized model without the event list (what
/// summaries, timelines and exports need; cheaper for large event lists).
pub fn read_lean(input: &[u8], options: &Options) -> Result<Model, Error> {
    read_model(input, options, false)
}

/// The timeline of run `run` (default the first — a workflow history's newest)
/// of a model already read.
pub fn timeline_of(model: &Model, run: Option<&str>) -> Result<Timeline, Error> {
    let options = Options {
        run: run.map(str::to_owned),
        ..Options::default()
    };
    Ok(match select_run(model, &options)? {
        Some(run) => timeline::build(run),
        None => Timeline {
            start: None,
            end: None,
            lanes: Vec::new(),
        },
    })
}

/// Reads the input in one pass: event lists, workflow runs and the
/// `subObjectStatuses` of executions are read while they are parsed (see
/// [`formats::TopSeed`]); the rest is parsed into a value, detected and read.
/// `keep_events` builds the normalized event list (only `events()` needs it).
fn read_model(input: &[u8], options: &Options, keep_events: bool) -> Result<Model, Error> {
    use crate::formats::{Top, TopSeed};
    use serde::de::DeserializeSeed;
    use serde::Deserialize;
    json::check_size(input.len(), options.max_bytes)?;
    let memory = if input.len() > ESTIMATE_ABOVE {
        check_memory(input, keep_events, MEMORY_BUDGET)?
    } else {
        Memory::default()
    };
    let refused = std::cell::Cell::new(0);
    let mut warnings = Vec::new();
    let top = json::parse_with(input, &options.json(), &mut warnings, |bytes| {
        let mut de = serde_json::Deserializer::from_slice(bytes);
        let top = TopSeed {
            format: options.format,
            keep_events,
            input: bytes,
            memory,
            refused: &refused,
        }
        .deserialize(&mut de)?;
        de.end()?;
        if matches!(&top, Top::Value(_, pre) if pre.duplicate()) {
            // A streamed element name came twice: read it all as a plain value.
            drop(top);
            if memory.value > memory.budget {
                refused.set(memory.value);
                return Err(serde::de::Error::custom(
                    "the parsed form would not fit in memory",
                ));
            }
            let mut de = serde_json::Deserializer::from_slice(bytes);
            let value = Value::deserialize(&mut de)?;
            de.end()?;
            return Ok(Top::Value(value, Box::default()));
        }
        Ok(top)
    });
    let top = match top {
        Err(_) if refused.get() > 0 => {
            return Err(too_large(input.len(), refused.get(), memory.budget));
        }
        top => top?,
    };
    match top {
        Top::Events(events) => {
            let (run, r) = *events;
            warnings.extend(r.into_warnings());
            Ok(Model {
                format: Format::ExecutionEvents,
                runs: vec![run],
                api_error: None,
                warnings,
            })
        }
        Top::Runs(read) => {
            let (runs, r) = *read;
            let mut reader = Reader::new();
            reader.warnings = warnings;
            reader.absorb(r);
            Ok(Model {
                format: Format::WorkflowExecutions,
                runs,
                api_error: None,
                warnings: reader.into_warnings(),
            })
        }
        Top::Value(value, pre) => {
            let format = format_of(&value, options)?;
            let mut reader = Reader::new();
            reader.warnings = warnings;
            Ok(formats::read(&value, *pre, format, reader))
        }
    }
}

/// Detects the input's format.
pub fn detect(input: &[u8], options: &Options) -> Result<Format, Error> {
    Ok(read_model(input, options, false)?.format)
}

/// Summarizes the input.
pub fn summarize(input: &[u8], options: &Options) -> Result<Summary, Error> {
    Ok(summary::summarize(&read_model(input, options, false)?))
}

/// The run `options.run` names (default the first — for a workflow history the
/// newest), None when the payload has no runs.
fn select_run<'m>(model: &'m Model, options: &Options) -> Result<Option<&'m Run>, Error> {
    let Some(id) = &options.run else {
        return Ok(model.runs.first());
    };
    match model.runs.iter().find(|r| &r.id == id) {
        Some(run) => Ok(Some(run)),
        None => Err(Error::unknown_run(
            id,
            model.runs.iter().map(|r| r.id.as_str()),
        )),
    }
}

/// The timeline of one run (`options.run`, default the first — for a workflow
/// history the newest). A payload without runs gives an empty timeline.
pub fn timeline(input: &[u8], options: &Options) -> Result<Timeline, Error> {
    let model = read_model(input, options, false)?;
    Ok(match select_run(&model, options)? {
        Some(run) => timeline::build(run),
        None => Timeline {
            start: None,
            end: None,
            lanes: Vec::new(),
        },
    })
}

/// The dependency graph of one run (`options.run`, default the first): nodes
/// laid out, edges with routes, root causes, critical path (see [`crate::graph`]).
/// A payload without runs gives an empty graph.
pub fn graph(input: &[u8], options: &Options) -> Result<Graph, Error> {
    let model = read_model(input, options, false)?;
    Ok(graph_in(&model, select_run(&model, options)?))
}

/// The dependency graph of run `run` (default the first) of a model already read.
pub fn graph_of(model: &Model, run: Option<&str>) -> Result<Graph, Error> {
    let options = Options {
        run: run.map(str::to_owned),
        ..Options::default()
    };
    Ok(graph_in(model, select_run(model, &options)?))
}

fn graph_in(model: &Model, run: Option<&Run>) -> Graph {
    match run {
        Some(run) => crate::graph::build(run, model.format),
        None => crate::graph::build(&Run::default(), model.format),
    }
}

/// Compares run `options_a.run` of `a` with run `options_b.run` of `b`.
pub fn compare(
    a: &[u8],
    options_a: &Options,
    b: &[u8],
    options_b: &Options,
) -> Result<crate::compare::Comparison, Error> {
    let (ma, mb) = (
        read_model(a, options_a, false)?,
        read_model(b, options_b, false)?,
    );
    let no_run = |which: &str| {
        Error::new(
            ErrorCode::UnknownRun,
            format!("expected the {which} payload to hold a run to compare, found none (an error body or an empty list)"),
        )
    };
    let ra = select_run(&ma, options_a)?.ok_or_else(|| no_run("first"))?;
    let rb = select_run(&mb, options_b)?.ok_or_else(|| no_run("second"))?;
    Ok(crate::compare::compare(ra, rb))
}

/// The events of an execution-events payload ([] for other formats), in payload order.
pub fn events(input: &[u8], options: &Options) -> Result<Vec<Event>, Error> {
    let model = read(input, options)?;
    Ok(model.runs.into_iter().flat_map(|r| r.events).collect())
}

/// The input as strict JSON text: BOM skipped, trailing commas blanked.
pub fn raw_json(input: &[u8], options: &Options) -> Result<String, Error> {
    let mut warnings = Vec::new();
    let bytes = json::repaired(input, &options.json(), &mut warnings)?;
    String::from_utf8(bytes.into_owned()).map_err(|e| {
        let mut err = Error::new(
            ErrorCode::InvalidJson,
            format!(
                "expected utf-8 text, found an invalid byte at offset {}",
                e.utf8_error().valid_up_to()
            ),
        );
        err.offset = Some(e.utf8_error().valid_up_to());
        err
    })
}

/// The normalized model as pretty JSON text (see [`crate::export::model_json`]).
pub fn export_json(input: &[u8], options: &Options) -> Result<String, Error> {
    let model = read(input, options)?;
    Ok(serde_json::to_string_pretty(&crate::export::model_json(&model)).unwrap_or_default())
}

/// The elements of every run as CSV (see [`crate::export::elements_csv`]).
pub fn export_csv(input: &[u8], options: &Options) -> Result<String, Error> {
    Ok(crate::export::elements_csv(&read_model(
        input, options, false,
    )?))
}

/// The timelines as Chrome Trace Event JSON text (see [`crate::export::chrome_trace`]).
pub fn export_trace(input: &[u8], options: &Options) -> Result<String, Error> {
    let model = read_model(input, options, false)?;
    Ok(serde_json::to_string(&crate::export::chrome_trace(&model)).unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `Summary.newestRun` names the run `timeline` (and `compare`, `TimelineView`)
    /// draw when no run is named: the page marks "newest" from it.
    #[test]
    fn newest_run_is_the_default_run() {
        let history = include_bytes!("../samples/workflow-history-failure.json");
        let o = Options::default();
        let s = summarize(history, &o).unwrap_or_else(|e| unreachable!("{e}"));
        assert!(s.runs.len() > 1);
        let newest = s.newest_run.clone().unwrap_or_else(|| unreachable!());
        let begins: Vec<Option<i64>> = s.runs.iter().map(|r| r.started_at).collect();
        let latest = begins.iter().flatten().max().copied();
        let run = s.runs.iter().find(|r| r.id == newest);
        assert_eq!(
            run.and_then(|r| r.started_at),
            latest,
            "the newest begins last"
        );
        let named = Options {
            run: Some(newest),
            ..Options::default()
        };
        let by_default = timeline(history, &o).unwrap_or_else(|e| unreachable!("{e}"));
        let by_name = timeline(history, &named).unwrap_or_else(|e| unreachable!("{e}"));
        assert_eq!(by_default, by_name);
        let error = include_bytes!("../samples/seed-api-error-401.json");
        let none = summarize(error, &o).unwrap_or_else(|e| unreachable!("{e}"));
        assert!(none.runs.is_empty());
        assert_eq!(none.newest_run, None);
    }

    #[test]
    fn warnings_are_capped() {
        let payload = format!("[{{\"execution_id\": \"a\"}}{}]", ", 1".repeat(5000));
        let s = summarize(payload.as_bytes(), &Options::default())
            .unwrap_or_else(|e| unreachable!("{e}"));
        assert_eq!(s.warnings.len(), crate::reader::MAX_WARNINGS + 1);
        let last = s.warnings.last().map(|w| (w.code, w.message.clone()));
        assert_eq!(
            last,
            Some((
                crate::error::WarningCode::TooManyWarnings,
                "expected at most 1000 warnings, found 4000 more; they are not listed".to_string()
            ))
        );
    }
}

/// The streaming reader (`read_model`) against the plain one: the whole payload
/// parsed into a `serde_json::Value`, detected and read (what `read_model` did
/// before it streamed `subObjectStatuses` and workflow runs). They must agree
/// on everything but event lists (those have streamed longer, with their own
/// warning cap).
#[cfg(test)]
mod streaming_tests {
    use super::*;
    use crate::formats::Prefetched;

    fn reference(input: &[u8], options: &Options) -> Result<Model, Error> {
        let mut warnings = Vec::new();
        let value = json::parse(input, &options.json(), &mut warnings)?;
        let format = format_of(&value, options)?;
        let mut reader = Reader::new();
        reader.warnings = warnings;
        Ok(formats::read(&value, Prefetched::default(), format, reader))
    }

    /// Not execution-events: event lists were streamed before, differently
    /// from the plain reader (unknown keys skipped, their own warning cap).
    const FORMATS: [Option<Format>; 6] = [
        None,
        Some(Format::AosExecution),
        Some(Format::GcsExecution),
        Some(Format::WorkflowExecutions),
        Some(Format::ApiError),
        Some(Format::RfsStackEvents),
    ];

    /// Compares both readers on `input` under every forced format, lenient
    /// and strict; returns how many comparisons were made.
    fn same(input: &[u8], what: &str) -> usize {
        let mut compared = 0;
        for format in FORMATS {
            for strict in [false, true] {
                let options = Options {
                    format,
                    strict,
                    ..Options::default()
                };
                let got = read(input, &options);
                let want = reference(input, &options);
                let events = |r: &Result<Model, Error>| {
                    r.as_ref()
                        .is_ok_and(|m| m.format == Format::ExecutionEvents)
                };
                if events(&got) || events(&want) {
                    continue;
                }
                assert!(
                    got == want,
                    "{what} (format {format:?}, strict {strict}): streaming and plain readers differ\n\
                     streaming: {got:#?}\nplain: {want:#?}"
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
            // Event lists (see FORMATS); rfs stack events are an object.
            let name = path.file_name().map(|n| n.to_string_lossy().to_string());
            if name.is_some_and(|n| n.contains("events") && !n.starts_with("rfs-")) {
                continue;
            }
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
