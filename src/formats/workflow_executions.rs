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

use super::de::{Fast, ObjectOr};
use super::scan::Scan;
use super::workflow_entry::{self, RawRun};
use crate::error::WarningCode;
use crate::model::Run;
use crate::path::Path;
use crate::reader::Reader;
use serde::de::SeqAccess;
use serde_json::Value;

/// True when the array's first object looks like a workflow run.
pub fn matches(items: &[Value]) -> bool {
    items
        .first()
        .and_then(Value::as_object)
        .is_some_and(|o| o.contains_key("execution_id") || o.contains_key("execution_result_list"))
}

/// Reads the runs while the array is parsed, one item at a time (each parsed
/// into its used members by `workflow_entry`, read, and dropped): `first` is
/// the item already parsed into a `Value` (for detection), read by the same
/// reader, `seq` the rest. The reader's warnings are to be spliced (see
/// [`Reader::absorb`]) after those of the JSON layer.
pub fn stream<'de, A: SeqAccess<'de>>(
    first: Option<Value>,
    mut seq: A,
) -> Result<(Vec<Run>, Reader), A::Error> {
    let mut r = Reader::new();
    let mut runs = Vec::new();
    match &first {
        Some(first) => workflow_entry::read_item(&mut r, &mut runs, 0, ObjectOr::of(first)),
        None => r.warn(
            WarningCode::EmptyPayload,
            &Path::ROOT,
            "expected at least one workflow run, found an empty array".into(),
        ),
    }
    let mut i = 1;
    while let Some(item) = seq.next_element::<ObjectOr<'de, RawRun<'de>>>()? {
        workflow_entry::read_item(&mut r, &mut runs, i, item);
        i += 1;
    }
    sort(&mut runs);
    Ok((runs, r))
}

/// Newest first; stable: equal begin times keep payload order.
fn sort(runs: &mut [Run]) {
    runs.sort_by_key(|run| std::cmp::Reverse(run.started_at.unwrap_or(i64::MIN)));
}

/// The fast path (see `scan`): a workflow history read from the bytes where
/// they lie, each run's used members taken as they are (`RawRun`'s [`Fast`],
/// from the one `members!` list: its node results, their output's fail
/// list), and read by the same reader as [`stream`]. `None` (then
/// serde_json reads the bytes) on anything the scanner gives up on, and on
/// anything but a non-empty array of objects whose first looks like a
/// workflow run and not like an event (or any, when `forced`).
pub fn fast(bytes: &[u8], forced: bool) -> Option<(Vec<Run>, Reader)> {
    let mut s = Scan::new(bytes);
    if s.peek()? != b'[' {
        return None;
    }
    let mut r = Reader::new();
    let mut runs = Vec::new();
    let mut count = 0;
    s.array(|s, i| {
        // An array item (depth 1); anything but an object gives up.
        let run = RawRun::fast(s, 1)?;
        if i == 0 && !forced && !run.looks_like_a_run() {
            return None;
        }
        workflow_entry::read_item(&mut r, &mut runs, i, ObjectOr::Object(run));
        count += 1;
        Some(())
    })?;
    s.end()?;
    if count == 0 {
        return None;
    }
    sort(&mut runs);
    Some((runs, r))
}
