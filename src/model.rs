//! The normalized model every format reader produces: one time unit (epoch
//! milliseconds UTC, `i64`), one phase set ([`Phase`]), strings owned. Summary
//! and timeline are pure functions over it and cannot fail.

use crate::error::Warning;
use crate::phase::Phase;
use serde::Serialize;

/// The payload formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Format {
    /// AOS `GET /v2/stacks/{stack_id}/actions/{action_id}`.
    AosExecution,
    /// GCS `get_execution`.
    GcsExecution,
    /// `GET /v1/executions/{execution_id}/events`.
    ExecutionEvents,
    /// AOM/COC `GET /v1/{project_id}/cms/workflow/{workflow_id}/executions`.
    WorkflowExecutions,
    /// An error body `{error_code, error_msg, http_code}`.
    ApiError,
    /// RFS `GET /v1/{project_id}/stacks/{stack_name}/events`.
    RfsStackEvents,
}

impl Format {
    /// Every format, in detection order.
    pub const ALL: [Format; 6] = [
        Format::AosExecution,
        Format::GcsExecution,
        Format::ExecutionEvents,
        Format::WorkflowExecutions,
        Format::ApiError,
        Format::RfsStackEvents,
    ];

    /// The name as the API spells it (`aos-execution`).
    pub fn as_str(self) -> &'static str {
        match self {
            Format::AosExecution => "aos-execution",
            Format::GcsExecution => "gcs-execution",
            Format::ExecutionEvents => "execution-events",
            Format::WorkflowExecutions => "workflow-executions",
            Format::ApiError => "api-error",
            Format::RfsStackEvents => "rfs-stack-events",
        }
    }

    /// The format named `name`, if any.
    pub fn from_name(name: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.as_str() == name)
    }
}

/// A whole payload, read.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    /// Which format it was.
    pub format: Format,
    /// The runs: one for executions and event lists, one per execution for a workflow history.
    pub runs: Vec<Run>,
    /// The error body, for `api-error`.
    pub api_error: Option<ApiError>,
    /// Repairs and dropped values.
    pub warnings: Vec<Warning>,
}

/// An API error body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ApiError {
    /// `http_code` (number or numeric text).
    pub http_code: Option<u16>,
    /// `error_code`.
    pub code: Option<String>,
    /// `error_msg` or `error_message`.
    pub message: Option<String>,
}

/// One run.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Run {
    /// Stable id (AOS metadata.name, GCS guid, events' involvedObject.name, workflow execution_id).
    pub id: String,
    /// Human name (stack, execution or workflow name).
    pub name: Option<String>,
    /// Action (create, upgrade, ...).
    pub action: Option<String>,
    /// The payload's own overall phase, if it states one.
    pub phase: Option<(Phase, String)>,
    /// The payload's own progress figure.
    pub progress: Option<u8>,
    /// The run's own reason (objectStatus.reason).
    pub reason: Option<String>,
    /// The run's own message (objectStatus.message).
    pub message: Option<String>,
    /// When the run started.
    pub started_at: Option<i64>,
    /// When the run reached its current phase, used as its end once that phase is terminal.
    pub ended_at: Option<i64>,
    /// Last change the payload reports.
    pub updated_at: Option<i64>,
    /// spec.timeoutInMinutes.
    pub timeout_minutes: Option<u64>,
    /// Who started it.
    pub created_by: Option<String>,
    /// spec.objectData as written.
    pub object_data: Option<String>,
    /// spec.changedObjectData as written.
    pub changed_object_data: Option<String>,
    /// The elements, in payload order.
    pub elements: Vec<Element>,
    /// Events (execution-events), in payload order; built only when asked for.
    pub events: Vec<Event>,
    /// How many events were read (also when `events` was not built).
    pub event_count: usize,
    /// Markers not tied to an element (events without elemId).
    pub run_markers: Vec<Marker>,
    /// Every name other payloads may use for this run (id, name, uid), for joining.
    pub keys: Vec<String>,
}

impl Run {
    /// The keys a `Workspace` joins this run on: its `keys` (its id when it has
    /// none), empty ones left out, each once. Two payloads whose runs share a key
    /// are one run. `Run.joinKeys` in the summary is this list, so a caller can
    /// tell which payloads will join without re-deriving the rule.
    pub fn join_keys(&self) -> Vec<&str> {
        let all: Vec<&str> = if self.keys.is_empty() {
            vec![self.id.as_str()]
        } else {
            self.keys.iter().map(String::as_str).collect()
        };
        let mut out: Vec<&str> = Vec::with_capacity(all.len());
        for k in all {
            if !k.is_empty() && !out.contains(&k) {
                out.push(k);
            }
        }
        out
    }
}

/// One element: an AOS sub-object, a GCS node, an event list's elemId, a workflow node.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Element {
    /// The element's name.
    pub id: String,
    /// What to show when it differs from the id (RFS: the resource name).
    pub label: Option<String>,
    /// Its type (elemType), if known.
    #[serde(rename = "type")]
    pub kind: Option<String>,
    /// Normalized phase.
    pub phase: Phase,
    /// The phase as written, when the payload states one.
    pub raw_phase: Option<String>,
    /// CamelCase reason, or the latest event's reason.
    pub reason: Option<String>,
    /// Message, or the latest event's message.
    pub message: Option<String>,
    /// subActionName / actionName.
    pub action: Option<String>,
    /// Observed start (createAt, begin_time); `None` when the payload has none.
    pub started_at: Option<i64>,
    /// Last update (updateAt, end_time): the end once the phase is terminal.
    pub updated_at: Option<i64>,
    /// When it failed, for a Failed element.
    pub failed_at: Option<i64>,
    /// Spans already cut from events (execution-events); empty for status formats,
    /// whose single span the timeline derives from started_at/updated_at.
    pub spans: Vec<ElementSpan>,
    /// Event markers.
    pub markers: Vec<Marker>,
}

impl Element {
    /// Finishes an element built from events: a span still open at `open` is
    /// added as Running, the start is the earliest span start, and `failed_at`
    /// is kept only when the element ended Failed.
    pub fn close_event_spans(&mut self, open: Option<i64>) {
        if let Some(start) = open {
            self.spans.push(ElementSpan {
                start: Some(start),
                end: None,
                phase: Phase::Running,
            });
        }
        self.started_at = self.spans.iter().filter_map(|s| s.start).min();
        if self.phase != Phase::Failed {
            self.failed_at = None;
        }
    }
}

/// A span cut from events: start (or none, when only a finish was seen) to finish (or open).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ElementSpan {
    /// The start event's time, if one was seen.
    pub start: Option<i64>,
    /// The finishing event's time, or open.
    pub end: Option<i64>,
    /// Succeeded / Failed when closed, Running while open.
    pub phase: Phase,
}

/// What an event or marker says happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MarkerKind {
    /// The reason ends in `Start`.
    Start,
    /// The reason contains `Success` or `Finish`.
    Success,
    /// type Warning, or the reason contains `Fail` or `Error`.
    Failure,
    /// Anything else.
    Other,
}

impl MarkerKind {
    /// The kind's name as it is serialized (`"failure"`).
    pub fn as_str(self) -> &'static str {
        match self {
            MarkerKind::Start => "start",
            MarkerKind::Success => "success",
            MarkerKind::Failure => "failure",
            MarkerKind::Other => "other",
        }
    }
}

/// A point on a lane.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Marker {
    /// Epoch ms.
    pub at: i64,
    /// What it marks.
    pub kind: MarkerKind,
    /// Short text (the English reason).
    pub text: String,
    /// How many times it happened.
    pub count: u64,
}

/// A bilingual text "中文##English": the raw text and its two halves.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct Bilingual {
    /// As written.
    pub raw: String,
    /// The Chinese half (or the whole text when it has no separator and holds CJK characters).
    pub zh: Option<String>,
    /// The English half (or the whole text when it has no separator and no CJK characters).
    pub en: Option<String>,
}

/// One execution event, normalized.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Event {
    /// elemId.
    pub element: Option<String>,
    /// elemType.
    pub elem_type: Option<String>,
    /// type (Normal, Warning).
    #[serde(rename = "type")]
    pub event_type: Option<String>,
    /// reason, split.
    pub reason: Bilingual,
    /// message, split.
    pub message: Bilingual,
    /// firstTimestamp, epoch ms.
    pub first_timestamp: Option<i64>,
    /// lastTimestamp, epoch ms.
    pub last_timestamp: Option<i64>,
    /// count (1 when absent).
    pub count: u64,
    /// actionName.
    pub action: Option<String>,
    /// Classification.
    pub kind: MarkerKind,
    /// The phase this event puts its element in (Running, Succeeded, Failed; Unknown for others).
    pub phase: Phase,
}
