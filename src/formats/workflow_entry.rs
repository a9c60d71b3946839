//! One workflow run (an item of the `workflow-executions` array), parsed
//! straight from the bytes into the members the reader uses (see `de`), then
//! read into a [`Run`].

use super::de::{epoch, members, phase, string, ArrayOr, Field, ObjectOr};
use super::scan::Scan;
use crate::error::WarningCode;
use crate::model::{Element, Run};
use crate::path::Path;
use crate::phase::Phase;
use crate::reader::Reader;

members! {
    /// The members of a run the reader uses.
    pub(super) struct RawRun<'a> {
        execution_id = "execution_id", workflow_id = "workflow_id", created_by = "created_by",
        create_by = "create_by", status = "status", begin_time = "begin_time",
        end_time = "end_time", last_update_time = "last_update_time",
        results = "execution_result_list" as ArrayOr<'a, ObjectOr<'a, RawNode<'a>>>,
    }

    /// The members of a node result the reader uses.
    pub(super) struct RawNode<'a> {
        node_id = "node_id", status = "status", begin_time = "begin_time",
        end_time = "end_time", output = "output" as ObjectOr<'a, Output<'a>>,
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

/// The fast path (see `scan`): one workflow run (an array item, depth 1) read
/// from the bytes where it lies into the same members, every other member
/// skipped; with which of the members detection looks at it has (bit 0:
/// `execution_id` or `execution_result_list`; bits 1-4: the event members
/// `execution_events::matches` counts). `None` on anything the scanner gives
/// up on, on an item that is not an object, and on an array or object where a
/// scalar is read, or an object where a list is read (and an array where an
/// object is).
pub(super) fn fast_run<'a>(s: &mut Scan<'a>) -> Option<(RawRun<'a>, u8)> {
    if s.peek()? != b'{' {
        return None;
    }
    let mut run = RawRun::default();
    let mut seen = 0u8;
    s.object(|s, key| {
        let slot = match key {
            b"execution_id" => {
                seen |= 1;
                &mut run.execution_id
            }
            b"execution_result_list" => {
                seen |= 1;
                run.results = Some(fast_list(s, 2, fast_node)?);
                return Some(());
            }
            b"involvedObject" | b"firstTimestamp" | b"elemId" | b"reason" => {
                seen |= match key {
                    b"involvedObject" => 2,
                    b"firstTimestamp" => 4,
                    b"elemId" => 8,
                    _ => 16,
                };
                return s.skip(2);
            }
            b"workflow_id" => &mut run.workflow_id,
            b"created_by" => &mut run.created_by,
            b"create_by" => &mut run.create_by,
            b"status" => &mut run.status,
            b"begin_time" => &mut run.begin_time,
            b"end_time" => &mut run.end_time,
            b"last_update_time" => &mut run.last_update_time,
            _ => return s.skip(2),
        };
        *slot = Some(s.field()?);
        Some(())
    })?;
    Some((run, seen))
}

/// A list (at nesting `depth`) whose object items `item` reads (each at
/// `depth + 1`), or a scalar.
fn fast_list<'a, T>(
    s: &mut Scan<'a>,
    depth: usize,
    item: fn(&mut Scan<'a>, usize) -> Option<T>,
) -> Option<ArrayOr<'a, ObjectOr<'a, T>>> {
    match s.peek()? {
        b'[' => {
            let mut items = Vec::new();
            s.array(|s, _| {
                items.push(match s.peek()? {
                    b'{' => ObjectOr::Object(item(s, depth + 1)?),
                    b'[' => return None,
                    _ => ObjectOr::Other(s.field()?),
                });
                Some(())
            })?;
            Some(ArrayOr::Array(items))
        }
        b'{' => None,
        _ => Some(ArrayOr::Other(s.field()?)),
    }
}

/// A node result object at nesting `depth`.
fn fast_node<'a>(s: &mut Scan<'a>, depth: usize) -> Option<RawNode<'a>> {
    let mut node = RawNode::default();
    s.object(|s, key| {
        let slot = match key {
            b"node_id" => &mut node.node_id,
            b"status" => &mut node.status,
            b"begin_time" => &mut node.begin_time,
            b"end_time" => &mut node.end_time,
            b"output" => {
                node.output = Some(match s.peek()? {
                    b'{' => {
                        let mut output = Output::default();
                        s.object(|s, key| {
                            if key == b"fail" {
                                output.fail = Some(fast_list(s, depth + 2, fast_fail)?);
                                Some(())
                            } else {
                                s.skip(depth + 2)
                            }
                        })?;
                        ObjectOr::Object(output)
                    }
                    b'[' => return None,
                    _ => ObjectOr::Other(s.field()?),
                });
                return Some(());
            }
            _ => return s.skip(depth + 1),
        };
        *slot = Some(s.field()?);
        Some(())
    })?;
    Some(node)
}

/// A fail object at nesting `depth`.
fn fast_fail<'a>(s: &mut Scan<'a>, depth: usize) -> Option<FailObject<'a>> {
    let mut fail = FailObject::default();
    s.object(|s, key| {
        let slot = match key {
            b"log" => &mut fail.log,
            b"message" => &mut fail.message,
            b"error_msg" => &mut fail.error_msg,
            b"msg" => &mut fail.msg,
            _ => return s.skip(depth + 1),
        };
        *slot = Some(s.field()?);
        Some(())
    })?;
    Some(fail)
}
