//! `rfs-stack-events`: Resource Formation Service (RFS, the successor of AOS)
//! `GET /v1/{project_id}/stacks/{stack_name}/events`:
//! `{"stack_events": [{resource_type, resource_name, resource_id_key,
//! resource_id_value, resource_key, time, event_type, event_message,
//! elapsed_seconds}], "page_info": {...}}`.
//!
//! Reads: every field above but resource_id_key/resource_id_value (shown raw
//! only), each event parsed into its used members (see `de`).
//! Decisions:
//! - One element per resource: its id is `resource_key`, else
//!   `resource_type.resource_name`; its label the resource name. Events without a
//!   resource (SUMMARY, LOG of the stack) are run-level markers.
//! - `*_IN_PROGRESS` opens a span (phase Running), `*_COMPLETE` closes it
//!   Succeeded, `*_FAILED` closes it Failed. A closing event with no opening one
//!   starts at `time − elapsed_seconds` when elapsed_seconds is given (an observed
//!   start), else it is inferred. The element's phase is its latest such event;
//!   its action is CREATION → create, UPDATE → update, DELETION → delete.
//! - ERROR and DRIFT are failure markers, LOG and SUMMARY other markers; none
//!   changes a phase. Events are ordered by time (the API lists newest first).
//! - The normalized event list maps event_type to the reason and event_message to
//!   the message; type is Warning for ERROR, DRIFT and *_FAILED, else Normal.
//! - The run id is "stack" (the payload does not name its stack); the run phase
//!   is derived from the elements.

use super::de::{members, number, string, time, ObjectOr, Time};
use crate::bilingual;
use crate::error::WarningCode;
use crate::model::{Element, ElementSpan, Event, Marker, MarkerKind, Run};
use crate::path::Path;
use crate::phase::Phase;
use crate::reader::Reader;
use serde_json::{Map, Value};
use std::collections::HashMap;

/// True when the object has a `stack_events` array.
pub fn matches(o: &Map<String, Value>) -> bool {
    o.get("stack_events").is_some_and(Value::is_array)
}

/// What an event_type means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Open(&'static str),
    Close(&'static str, Phase),
    Marker(MarkerKind),
}

fn kind_of(event_type: &str) -> Kind {
    let action = |prefix: &str| match prefix {
        "CREATION" => "create",
        "UPDATE" => "update",
        "DELETION" => "delete",
        _ => "",
    };
    let upper = event_type.trim().to_ascii_uppercase();
    if let Some(prefix) = upper.strip_suffix("_IN_PROGRESS") {
        Kind::Open(action(prefix))
    } else if let Some(prefix) = upper.strip_suffix("_COMPLETE") {
        Kind::Close(action(prefix), Phase::Succeeded)
    } else if let Some(prefix) = upper.strip_suffix("_FAILED") {
        Kind::Close(action(prefix), Phase::Failed)
    } else if upper == "ERROR" || upper == "DRIFT" {
        Kind::Marker(MarkerKind::Failure)
    } else {
        Kind::Marker(MarkerKind::Other)
    }
}

members! {
    /// A stack event's members the reader uses.
    struct RawEvent<'a> {
        resource_type = "resource_type", resource_name = "resource_name",
        resource_key = "resource_key", time = "time" as Time<'a>, event_type = "event_type",
        event_message = "event_message", elapsed_seconds = "elapsed_seconds",
    }
}

/// A stack event as read.
struct Raw {
    seq: usize,
    element: Option<String>,
    label: Option<String>,
    resource_type: Option<String>,
    at: Option<i64>,
    event_type: String,
    message: String,
    elapsed_ms: Option<i64>,
}

/// Reads stack event `seq` (at `p`).
fn raw(r: &mut Reader, seq: usize, e: RawEvent<'_>, p: &Path<'_>) -> Raw {
    let resource_type = string(r, e.resource_type, p, "resource_type");
    let name = string(r, e.resource_name, p, "resource_name");
    let key = string(r, e.resource_key, p, "resource_key");
    let key = key.filter(|k| !k.is_empty());
    let element = key.or_else(|| match (&resource_type, &name) {
        (Some(t), Some(n)) => Some(format!("{t}.{n}")),
        (None, Some(n)) => Some(n.clone()),
        _ => None,
    });
    let elapsed = number(r, e.elapsed_seconds, p, "elapsed_seconds").and_then(|s| {
        if (0.0..1e9).contains(&s) {
            Some((s * 1000.0).round() as i64)
        } else {
            r.warn(
                WarningCode::InvalidValue,
                &p.key("elapsed_seconds"),
                format!(
                    "expected elapsed seconds from 0 to 1e9, found {}; ignored",
                    crate::reader::num(s)
                ),
            );
            None
        }
    });
    Raw {
        seq,
        element,
        label: name,
        resource_type,
        at: time(r, e.time, p, "time"),
        event_type: string(r, e.event_type, p, "event_type").unwrap_or_default(),
        message: string(r, e.event_message, p, "event_message").unwrap_or_default(),
        elapsed_ms: elapsed,
    }
}

/// Reads the event list into one run.
pub fn read(r: &mut Reader, o: &Map<String, Value>) -> Run {
    let root = Path::ROOT;
    let list_path = root.key("stack_events");
    let mut raws = Vec::new();
    if let Some(items) = r.array(o, "stack_events", &root) {
        if items.is_empty() {
            r.warn(
                WarningCode::EmptyPayload,
                &list_path,
                "expected at least one stack event, found an empty array".into(),
            );
        }
        for (i, item) in items.iter().enumerate() {
            let p = list_path.index(i);
            match ObjectOr::of(item) {
                ObjectOr::Object(e) => raws.push(raw(r, i, e, &p)),
                ObjectOr::Other(v) => r.warn(
                    WarningCode::WrongType,
                    &p,
                    format!(
                        "expected a stack event object, found {}; ignored",
                        v.describe()
                    ),
                ),
            }
        }
    }
    raws.sort_by_key(|e| (e.at, std::cmp::Reverse(e.seq)));

    let mut run = Run {
        id: "stack".into(),
        ..Run::default()
    };
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut open: Vec<Option<i64>> = Vec::new();
    for e in &raws {
        let kind = kind_of(&e.event_type);
        let (marker_kind, failed) = match kind {
            Kind::Open(_) => (MarkerKind::Start, false),
            Kind::Close(_, Phase::Failed) => (MarkerKind::Failure, true),
            Kind::Close(..) => (MarkerKind::Success, false),
            Kind::Marker(k) => (k, k == MarkerKind::Failure),
        };
        run.events.push(Event {
            element: e.element.clone(),
            elem_type: e.resource_type.clone(),
            event_type: Some(if failed { "Warning" } else { "Normal" }.into()),
            reason: bilingual::split(&e.event_type),
            message: bilingual::split(&e.message),
            first_timestamp: e.at,
            last_timestamp: e.at,
            count: 1,
            action: match kind {
                Kind::Open(a) | Kind::Close(a, _) if !a.is_empty() => Some(a.into()),
                _ => None,
            },
            kind: marker_kind,
            phase: match kind {
                Kind::Open(_) => Phase::Running,
                Kind::Close(_, p) => p,
                Kind::Marker(_) => Phase::Unknown,
            },
        });
        let marker = |at: i64| Marker {
            at,
            kind: marker_kind,
            text: e.event_type.clone(),
            count: 1,
        };
        let Some(id) = &e.element else {
            if let Some(at) = e.at {
                run.run_markers.push(marker(at));
            }
            continue;
        };
        let slot = *index.entry(id.clone()).or_insert_with(|| {
            run.elements.push(Element {
                id: id.clone(),
                label: e.label.clone(),
                kind: e.resource_type.clone(),
                ..Element::default()
            });
            open.push(None);
            run.elements.len() - 1
        });
        let (Some(element), Some(open)) = (run.elements.get_mut(slot), open.get_mut(slot)) else {
            continue;
        };
        if element.kind.is_none() {
            element.kind = e.resource_type.clone();
        }
        match (kind, e.at) {
            (Kind::Open(action), Some(at)) => {
                if open.is_none() {
                    *open = Some(at);
                }
                set_phase(element, Phase::Running, action, e);
            }
            (Kind::Close(action, phase), Some(at)) => {
                let start = open
                    .take()
                    .or_else(|| e.elapsed_ms.map(|ms| at.saturating_sub(ms)));
                element.spans.push(ElementSpan {
                    start,
                    end: Some(at),
                    phase,
                });
                if phase == Phase::Failed {
                    element.failed_at = Some(at);
                    element.markers.push(marker(at));
                }
                set_phase(element, phase, action, e);
            }
            (Kind::Marker(_), Some(at)) => element.markers.push(marker(at)),
            (Kind::Open(action), None) => set_phase(element, Phase::Running, action, e),
            (Kind::Close(action, phase), None) => set_phase(element, phase, action, e),
            (Kind::Marker(_), None) => {}
        }
        element.updated_at = e.at.or(element.updated_at);
    }
    for (element, open) in run.elements.iter_mut().zip(open) {
        element.close_event_spans(open);
    }
    run.event_count = run.events.len();
    run.started_at = raws.iter().filter_map(|e| e.at).min();
    run.updated_at = raws.iter().filter_map(|e| e.at).max();
    run.ended_at = run.updated_at;
    run
}

fn set_phase(element: &mut Element, phase: Phase, action: &str, e: &Raw) {
    element.phase = phase;
    element.raw_phase = Some(e.event_type.clone());
    element.reason = Some(e.event_type.clone());
    element.message = (!e.message.is_empty()).then(|| e.message.clone());
    if !action.is_empty() {
        element.action = Some(action.to_string());
    }
}
