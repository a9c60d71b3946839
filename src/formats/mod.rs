//! One typed reader per payload format; the one place that detects which
//! format a payload is ([`detect`]); and the read strategy ([`read`], in
//! `read.rs`): how a payload's bytes become the model.

mod aos_execution;
mod api_error;
mod de;
pub mod execution_events;
mod gcs_execution;
mod memory;
mod node_entry;
mod read;
mod rfs_stack_events;
mod scan;
mod status_object;
mod streamed;
mod sub_entry;
mod workflow_entry;
mod workflow_executions;

use crate::error::{Error, ErrorCode};
use crate::model::Format;
use crate::reader::describe;
use serde_json::Value;

pub use read::{read, read_serde, Detail};
use streamed::Prefetched;

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
