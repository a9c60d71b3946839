//! Exports: the normalized model as JSON, the elements as CSV, and the timeline
//! in the Chrome Trace Event format, so a very large run opens in Perfetto
//! (ui.perfetto.dev, offline too) or chrome://tracing.
//!
//! Trace decisions (format: "Trace Event Format", JSON object form):
//! - one process per run (`pid` 1, 2, … in the model's order), named by the run's
//!   name and id (`process_name` metadata); one thread per lane (`tid` 1, 2, … in
//!   lane order), named by the lane's label (`thread_name`) and kept in lane
//!   order (`thread_sort_index`);
//! - each span is a complete event (`"ph": "X"`) named by the lane, its category
//!   the phase, `ts`/`dur` in microseconds from the earliest time of the export
//!   (the absolute start is in `otherData.startEpochMs`); open spans end at the
//!   timeline's end and say `"open": true` in `args`;
//! - each marker is a thread-scoped instant event (`"ph": "i", "s": "t"`);
//! - `displayTimeUnit` is `"ms"`.
//!
//! CSV decisions (RFC 4180): one row per element of every run, times RFC 3339
//! UTC, CRLF line ends, fields quoted when they hold a comma, quote or line
//! break; a field starting with `=`, `+`, `-`, `@`, tab or CR is prefixed with `'`
//! so a spreadsheet never runs a payload's text as a formula.

use crate::model::Model;
use crate::summary;
use crate::time::format_ms;
use crate::timeline;
use serde_json::{json, Value};

/// The model as JSON: format, warnings, API error, and per run its summary,
/// elements (with their spans and markers) and events.
pub fn model_json(model: &Model) -> Value {
    let runs: Vec<Value> = model
        .runs
        .iter()
        .map(|run| {
            json!({
                "summary": summary::summarize_run(run),
                "timeline": timeline::build(run),
                "elements": run.elements,
                "events": run.events,
            })
        })
        .collect();
    json!({
        "format": model.format,
        "warnings": model.warnings,
        "apiError": model.api_error,
        "runs": runs,
    })
}

fn csv_field(out: &mut String, value: &str) {
    let guarded = matches!(
        value.chars().next(),
        Some('=' | '+' | '-' | '@' | '\t' | '\r')
    );
    let quote = guarded || value.contains([',', '"', '\n', '\r']);
    if quote {
        out.push('"');
        if guarded {
            out.push('\'');
        }
        out.push_str(&value.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(value);
    }
}

/// The elements of every run as CSV with a header row.
pub fn elements_csv(model: &Model) -> String {
    let mut out = String::from(
        "run_id,element,label,type,phase,raw_phase,action,started_at,updated_at,failed_at,reason,message\r\n",
    );
    let time = |t: Option<i64>| t.map(format_ms).unwrap_or_default();
    for run in &model.runs {
        for e in &run.elements {
            let fields = [
                run.id.clone(),
                e.id.clone(),
                e.label.clone().unwrap_or_default(),
                e.kind.clone().unwrap_or_default(),
                e.phase.as_str().to_string(),
                e.raw_phase.clone().unwrap_or_default(),
                e.action.clone().unwrap_or_default(),
                time(e.started_at),
                time(e.updated_at),
                time(e.failed_at),
                e.reason.clone().unwrap_or_default(),
                e.message.clone().unwrap_or_default(),
            ];
            for (i, f) in fields.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                csv_field(&mut out, f);
            }
            out.push_str("\r\n");
        }
    }
    out
}

/// The timelines of every run as a Chrome Trace Event format object.
pub fn chrome_trace(model: &Model) -> Value {
    let timelines: Vec<_> = model.runs.iter().map(timeline::build).collect();
    let origin = timelines.iter().filter_map(|t| t.start).min().unwrap_or(0);
    let us = |t: i64| (t.saturating_sub(origin) as f64) * 1000.0;
    let mut events = Vec::new();
    for (r, (run, tl)) in model.runs.iter().zip(&timelines).enumerate() {
        let pid = r + 1;
        let name = match &run.name {
            Some(n) if *n != run.id => format!("{n} ({})", run.id),
            _ => run.id.clone(),
        };
        events.push(json!({"name": "process_name", "ph": "M", "pid": pid, "tid": 0, "args": {"name": name}}));
        events.push(json!({"name": "process_sort_index", "ph": "M", "pid": pid, "tid": 0, "args": {"sort_index": pid}}));
        let end = tl.end.unwrap_or(0);
        for (l, lane) in tl.lanes.iter().enumerate() {
            let tid = l + 1;
            events.push(json!({"name": "thread_name", "ph": "M", "pid": pid, "tid": tid, "args": {"name": lane.label}}));
            events.push(json!({"name": "thread_sort_index", "ph": "M", "pid": pid, "tid": tid, "args": {"sort_index": tid}}));
            for span in &lane.spans {
                let stop = span.end.unwrap_or(end.max(span.start));
                events.push(json!({
                    "name": lane.label,
                    "cat": span.phase.as_str(),
                    "ph": "X",
                    "ts": us(span.start),
                    "dur": us(stop) - us(span.start),
                    "pid": pid,
                    "tid": tid,
                    "args": {
                        "element": lane.id,
                        "phase": span.phase,
                        "startInferred": span.start_inferred,
                        "open": span.end.is_none(),
                        "reason": lane.reason,
                        "message": lane.message,
                    },
                }));
            }
            for m in &lane.markers {
                events.push(json!({
                    "name": m.text,
                    "cat": m.kind,
                    "ph": "i",
                    "s": "t",
                    "ts": us(m.at),
                    "pid": pid,
                    "tid": tid,
                    "args": {"count": m.count, "kind": m.kind},
                }));
            }
        }
    }
    json!({
        "traceEvents": events,
        "displayTimeUnit": "ms",
        "otherData": {
            "generator": concat!("execscope ", env!("CARGO_PKG_VERSION")),
            "format": model.format,
            "startEpochMs": origin,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::{self, Options};

    fn model(bytes: &[u8]) -> Model {
        api::read(bytes, &Options::default()).unwrap_or_else(|e| unreachable!("{e}"))
    }

    /// The rules of the Trace Event Format every event must follow.
    fn check_trace(trace: &Value) -> (usize, usize, usize) {
        let events = trace["traceEvents"]
            .as_array()
            .map(Vec::as_slice)
            .unwrap_or_default();
        assert!(!events.is_empty());
        let (mut x, mut i, mut m) = (0, 0, 0);
        for e in events {
            assert!(e["name"].is_string(), "{e}");
            assert!(e["pid"].is_u64() && e["tid"].is_u64(), "{e}");
            match e["ph"].as_str() {
                Some("X") => {
                    x += 1;
                    assert!(e["ts"].as_f64().is_some_and(|t| t >= 0.0), "{e}");
                    assert!(e["dur"].as_f64().is_some_and(|d| d >= 0.0), "{e}");
                }
                Some("i") => {
                    i += 1;
                    assert!(e["ts"].is_number(), "{e}");
                    assert!(matches!(e["s"].as_str(), Some("g" | "p" | "t")), "{e}");
                }
                Some("M") => {
                    m += 1;
                    assert!(
                        matches!(
                            e["name"].as_str(),
                            Some(
                                "process_name"
                                    | "thread_name"
                                    | "process_sort_index"
                                    | "thread_sort_index"
                            )
                        ),
                        "{e}"
                    );
                    assert!(e["args"].is_object(), "{e}");
                }
                other => unreachable!("unexpected ph {other:?}"),
            }
        }
        assert_eq!(trace["displayTimeUnit"], "ms");
        (x, i, m)
    }

    #[test]
    fn trace_of_a_failed_upgrade() {
        let m = model(include_bytes!("../samples/aos-upgrade-failed.json"));
        let trace = chrome_trace(&m);
        let (x, _, meta) = check_trace(&trace);
        let lanes = timeline::build(&m.runs[0]).lanes;
        let spans: usize = lanes.iter().map(|l| l.spans.len()).sum();
        assert_eq!(x, spans);
        assert_eq!(meta, 2 + 2 * lanes.len());
        // Times are microseconds from the earliest time.
        let first = trace["traceEvents"]
            .as_array()
            .and_then(|e| e.iter().find(|e| e["ph"] == "X"))
            .cloned()
            .unwrap_or_default();
        assert_eq!(first["ts"], 0.0);
    }

    #[test]
    fn trace_of_events_has_instants_and_workflows_a_process_per_run() {
        let m = model(include_bytes!("../samples/aos-upgrade-failed-events.json"));
        let (_, instants, _) = check_trace(&chrome_trace(&m));
        assert!(instants > 0);
        let m = model(include_bytes!("../samples/workflow-history-failure.json"));
        let trace = chrome_trace(&m);
        check_trace(&trace);
        let processes = trace["traceEvents"]
            .as_array()
            .map(|e| e.iter().filter(|e| e["name"] == "process_name").count())
            .unwrap_or(0);
        assert_eq!(processes, m.runs.len());
    }

    #[test]
    fn csv_quotes_and_guards_formulas() {
        let payload =
            br#"{"kind": "Execution", "metadata": {"name": "r"}, "status": {"subObjectStatuses": {
            "=HYPERLINK(\"x\")": {"phase": "Failed", "message": "a, \"b\"\nc"},
            "plain": {"phase": "Succeeded", "updateAt": "2024-01-01T00:00:00Z"}}}}"#;
        let csv = elements_csv(&model(payload));
        let lines: Vec<&str> = csv.split("\r\n").collect();
        assert!(lines[0].starts_with("run_id,element,"));
        assert!(csv.contains("\"'=HYPERLINK(\"\"x\"\")\""), "{csv}");
        assert!(csv.contains("\"a, \"\"b\"\"\nc\""), "{csv}");
        assert!(
            csv.contains("r,plain,,,Succeeded,Succeeded,,,2024-01-01T00:00:00Z,,,"),
            "{csv}"
        );
    }

    #[test]
    fn model_json_has_every_run() {
        let m = model(include_bytes!("../samples/workflow-history-failure.json"));
        let v = model_json(&m);
        assert_eq!(v["format"], "workflow-executions");
        assert_eq!(v["runs"].as_array().map(Vec::len), Some(m.runs.len()));
        assert!(v["runs"][0]["elements"][0]["id"].is_string());
    }
}
