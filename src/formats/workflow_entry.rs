//! One workflow run (an item of the `workflow-executions` array), parsed
//! straight from the bytes into the members the reader uses (see `de`), then
//! read into a [`Run`].

use super::de::{epoch, members, phase, string, ArrayOr, Field, ObjectOr, Skip, Time};
use crate::error::WarningCode;
use crate::model::{Element, Run};
use crate::path::Path;
use crate::phase::Phase;
use crate::reader::Reader;

members! {
    /// The members of a run the reader uses; and, for the fast path's
    /// detection, whether the run has the members `execution_events::matches`
    /// counts (the serde path detects from the first item's `Value`).
    pub(super) struct RawRun<'a> {
        execution_id = "execution_id", workflow_id = "workflow_id", created_by = "created_by",
        create_by = "create_by", status = "status", begin_time = "begin_time" as Time<'a>,
        end_time = "end_time" as Time<'a>, last_update_time = "last_update_time" as Time<'a>,
        results = "execution_result_list" as ArrayOr<'a, ObjectOr<'a, RawNode<'a>>>,
        involved = "involvedObject" as Skip, first_timestamp = "firstTimestamp" as Skip,
        elem_id = "elemId" as Skip, reason = "reason" as Skip,
    }

    /// The members of a node result the reader uses.
    pub(super) struct RawNode<'a> {
        node_id = "node_id", status = "status", begin_time = "begin_time" as Time<'a>,
        end_time = "end_time" as Time<'a>, output = "output" as ObjectOr<'a, Output<'a>>,
    }

    /// A node's `output`: its `fail` list.
    pub(super) struct Output<'a> {
        fail = "fail" as ArrayOr<'a, ObjectOr<'a, FailObject<'a>>>,
    }

    /// An `output.fail` entry that is an object: the members that may hold its text.
    pub(super) struct FailObject<'a> {
        log = "log", message = "message", error_msg = "error_msg", msg = "msg",
    }
}

/// A failed node's message: the first `output.fail` entry with a text — the
/// entry itself when a string, else the first of its log, message, error_msg
/// and msg members that is a string.
fn fail_text(output: Option<ObjectOr<'_, Output<'_>>>) -> Option<String> {
    let Some(ObjectOr::Object(Output {
        fail: Some(ArrayOr::Array(fails)),
    })) = output
    else {
        return None;
    };
    fails.into_iter().find_map(|entry| {
        let text = match entry {
            ObjectOr::Other(Field::Str(s)) => Some(s),
            ObjectOr::Object(o) => {
                [o.log, o.message, o.error_msg, o.msg]
                    .into_iter()
                    .find_map(|f| match f {
                        Some(Field::Str(s)) => Some(s),
                        _ => None,
                    })
            }
            ObjectOr::Other(_) => None,
        };
        text.map(|s| s.into_owned())
    })
}

/// Reads item `i` of the array into a run (warned and dropped when it is not an object).
pub(super) fn read_item(
    r: &mut Reader,
    runs: &mut Vec<Run>,
    i: usize,
    item: ObjectOr<'_, RawRun<'_>>,
) {
    let p = Path::ROOT.index(i);
    let raw = match item {
        ObjectOr::Object(raw) => raw,
        ObjectOr::Other(v) => {
            r.warn(
                WarningCode::WrongType,
                &p,
                format!(
                    "expected a workflow run object, found {}; ignored",
                    v.describe()
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
            r.array_value(&v.into_value(), &list_path);
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
                    v.describe()
                ),
            ),
        }
    }
    runs.push(run);
}

/// Reads one node result.
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
        message: fail_text(node.output),
        action: None,
        started_at: begin,
        updated_at: end,
        failed_at: if phase == Phase::Failed { end } else { None },
        spans: Vec::new(),
        markers: Vec::new(),
    }
}

impl RawRun<'_> {
    /// Whether it looks like a workflow run and not like an event, as
    /// `workflow_executions::matches` and `execution_events::matches` see the
    /// first item (members present with any value).
    pub(super) fn looks_like_a_run(&self) -> bool {
        let event = [
            self.involved.is_some(),
            self.first_timestamp.is_some(),
            self.elem_id.is_some(),
            self.reason.is_some(),
        ];
        (self.execution_id.is_some() || self.results.is_some())
            && event.into_iter().filter(|&s| s).count() < 2
    }
}
