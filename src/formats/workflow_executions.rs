//! `workflow-executions`: AOM/COC `GET /v1/{project_id}/cms/workflow/{workflow_id}/executions`
//! (seed 004, "获取任务执行历史").
//!
//! Reads an array of runs {workflow_id, execution_id, status, begin_time, end_time,
//! last_update_time, created_by (the doc's example writes create_by: both accepted),
//! execution_result_list [{node_id, begin_time, end_time, output {fail, ...}, status}]}.
//! workflow_edit_time / workflowEditTime, approve_user_name_list, project_id and
//! last_record_id_with_snapshot are shown raw only.
//! Times are epoch milliseconds; a value below 1e11 is read as seconds (warning
//! epoch_seconds, once); 0 means not set (end_time 0: not finished).
//! The array is read while it is parsed, one run at a time ([`stream`]).
//! Runs are returned newest first (by begin_time; runs without one last, in payload order).
//! A failed node's message is the first `log`, `message`, `error_msg` or `msg`
//! text found in its output.fail entries.

use super::borrowed::ObjectOr;
use super::workflow_entry::{self, RawRun};
use crate::error::WarningCode;
use crate::model::{Element, Run};
use crate::path::Path;
use crate::reader::{describe, Reader};
use serde::de::SeqAccess;
use serde_json::{Map, Value};

/// True when the array's first object looks like a workflow run.
pub fn matches(items: &[Value]) -> bool {
    items
        .first()
        .and_then(Value::as_object)
        .is_some_and(|o| o.contains_key("execution_id") || o.contains_key("execution_result_list"))
}

/// Reads every run, newest first.
pub fn read(r: &mut Reader, items: &[Value]) -> Vec<Run> {
    // Nothing is reserved from the item count: items that are not objects cost
    // nothing, and a Run is far larger than the bytes of an item like `1`.
    let mut runs = Vec::new();
    for (i, item) in items.iter().enumerate() {
        read_item(r, &mut runs, i, item);
    }
    sort(&mut runs);
    runs
}

/// Reads the runs while the array is parsed, one item at a time (each parsed
/// into borrowed fields by `workflow_entry`, read, and dropped): `first` is the item already parsed
/// (for detection), `seq` the rest. The reader's warnings are to be spliced
/// (see [`Reader::absorb`]) after those of the JSON layer.
pub fn stream<'de, A: SeqAccess<'de>>(
    first: Option<Value>,
    mut seq: A,
) -> Result<(Vec<Run>, Reader), A::Error> {
    let mut r = Reader::new();
    let mut runs = Vec::new();
    match first {
        Some(first) => read_item(&mut r, &mut runs, 0, &first),
        None => empty(&mut r),
    }
    let mut i = 1;
    while let Some(item) = seq.next_element::<ObjectOr<RawRun<'de>>>()? {
        workflow_entry::read_item(&mut r, &mut runs, i, item);
        i += 1;
    }
    sort(&mut runs);
    Ok((runs, r))
}

/// The warning for an empty array.
pub fn empty(r: &mut Reader) {
    r.warn(
        WarningCode::EmptyPayload,
        &Path::ROOT,
        "expected at least one workflow run, found an empty array".into(),
    );
}

fn read_item(r: &mut Reader, runs: &mut Vec<Run>, i: usize, item: &Value) {
    let p = Path::ROOT.index(i);
    let Some(o) = item.as_object() else {
        r.warn(
            WarningCode::WrongType,
            &p,
            format!(
                "expected a workflow run object, found {}; ignored",
                describe(item)
            ),
        );
        return;
    };
    runs.push(read_run(r, o, &p));
}

/// Newest first; stable: equal begin times keep payload order.
fn sort(runs: &mut [Run]) {
    runs.sort_by_key(|run| std::cmp::Reverse(run.started_at.unwrap_or(i64::MIN)));
}

fn read_run(r: &mut Reader, o: &Map<String, Value>, p: &Path<'_>) -> Run {
    let mut run = Run {
        id: r
            .string(o, "execution_id", p)
            .unwrap_or_default()
            .to_string(),
        name: r.string(o, "workflow_id", p).map(str::to_owned),
        created_by: r
            .string_any(o, &["created_by", "create_by"], p)
            .map(str::to_owned),
        ..Run::default()
    };
    run.keys = vec![run.id.clone()];
    run.phase = r.phase(o, "status", p).map(|rp| (rp.phase, rp.raw));
    run.started_at = r.epoch(o, "begin_time", p);
    let end = r.epoch(o, "end_time", p);
    run.ended_at = r.ordered(run.started_at, end, &p.key("end_time"));
    run.updated_at = r.epoch(o, "last_update_time", p).or(run.ended_at);
    let list_path = p.key("execution_result_list");
    if let Some(list) = r.array(o, "execution_result_list", p) {
        for (i, item) in list.iter().enumerate() {
            let np = list_path.index(i);
            let Some(node) = item.as_object() else {
                r.warn(
                    WarningCode::WrongType,
                    &np,
                    format!(
                        "expected a node result object, found {}; ignored",
                        describe(item)
                    ),
                );
                continue;
            };
            run.elements.push(read_node(r, node, &np));
        }
    }
    run
}

fn read_node(r: &mut Reader, node: &Map<String, Value>, p: &Path<'_>) -> Element {
    let phase = r.phase(node, "status", p);
    let begin = r.epoch(node, "begin_time", p);
    let end = r.epoch(node, "end_time", p);
    let end = r.ordered(begin, end, &p.key("end_time"));
    let (phase, raw_phase) = match phase {
        Some(rp) => (rp.phase, Some(rp.raw)),
        None => (crate::phase::Phase::Unknown, None),
    };
    let message = node
        .get("output")
        .and_then(Value::as_object)
        .and_then(|out| out.get("fail"))
        .and_then(Value::as_array)
        .and_then(|fails| fails.iter().find_map(fail_text));
    Element {
        id: r.string(node, "node_id", p).unwrap_or_default().to_string(),
        label: None,
        kind: None,
        phase,
        raw_phase,
        reason: None,
        message,
        action: None,
        started_at: begin,
        updated_at: end,
        failed_at: if phase == crate::phase::Phase::Failed {
            end
        } else {
            None
        },
        spans: Vec::new(),
        markers: Vec::new(),
    }
}

fn fail_text(entry: &Value) -> Option<String> {
    match entry {
        Value::String(s) => Some(s.clone()),
        Value::Object(o) => ["log", "message", "error_msg", "msg"]
            .iter()
            .find_map(|k| o.get(*k).and_then(Value::as_str))
            .map(str::to_owned),
        _ => None,
    }
}
