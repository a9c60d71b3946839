//! `execution-events`: `GET /v1/executions/{execution_id}/events` (seed 003,
//! "查询execution事件").
//!
//! Reads an array of {metadata, involvedObject.name, reason, message,
//! firstTimestamp, lastTimestamp, count, type, elemType, elemId, actionName}.
//! reason ("中文##English") and message ("中文 ## English") are kept raw and split.
//!
//! Decisions (documented in the README):
//! - An event is a failure when type is Warning or its English reason contains
//!   `Fail` or `Error`; else a start when the reason ends in `Start`; else a
//!   success when it contains `Success` or `Finish`; else "other".
//! - An element's phase is that of its latest start/success/failure event
//!   (by firstTimestamp, payload order breaking ties); "other" events do not change it.
//! - Spans run from a start event's firstTimestamp to the next success or failure
//!   event's; a finish with no start before it gets an inferred start. A second
//!   start while a span is open is a marker, not a new span.
//! - Markers: every event whose count is above 1, every failure, every "other" event.
//! - Events without elemId belong to the run: they become run-level markers.

use crate::bilingual;
use crate::error::WarningCode;
use crate::model::{Element, ElementSpan, Event, Marker, MarkerKind, Run};
use crate::path::Path;
use crate::phase::Phase;
use crate::reader::{describe, Reader};
use serde_json::{Map, Value};
use std::collections::HashMap;

/// True when the array's first object looks like an execution event.
pub fn matches(items: &[Value]) -> bool {
    items.first().and_then(Value::as_object).is_some_and(|o| {
        ["involvedObject", "firstTimestamp", "elemId", "reason"]
            .iter()
            .filter(|k| o.contains_key(**k))
            .count()
            >= 2
    })
}

/// Classifies an event from its type and English reason.
pub fn classify(event_type: Option<&str>, reason_en: &str) -> MarkerKind {
    if event_type.is_some_and(|t| t.eq_ignore_ascii_case("warning"))
        || reason_en.contains("Fail")
        || reason_en.contains("Error")
    {
        MarkerKind::Failure
    } else if reason_en.ends_with("Start") {
        MarkerKind::Start
    } else if reason_en.contains("Success") || reason_en.contains("Finish") {
        MarkerKind::Success
    } else {
        MarkerKind::Other
    }
}

fn kind_phase(kind: MarkerKind) -> Phase {
    match kind {
        MarkerKind::Start => Phase::Running,
        MarkerKind::Success => Phase::Succeeded,
        MarkerKind::Failure => Phase::Failed,
        MarkerKind::Other => Phase::Unknown,
    }
}

/// Reads the event list into one run.
pub fn read(r: &mut Reader, items: &[Value]) -> Run {
    let root = Path::ROOT;
    let mut run = Run::default();
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut per_element: Vec<Vec<usize>> = Vec::new();
    let mut mixed_warned = false;
    run.events.reserve(items.len());

    for (i, item) in items.iter().enumerate() {
        let p = root.index(i);
        let Some(o) = item.as_object() else {
            r.warn(
                WarningCode::WrongType,
                &p,
                format!(
                    "expected an event object, found {}; ignored",
                    describe(item)
                ),
            );
            continue;
        };
        let event = read_event(r, o, &p);
        let io_path = p.key("involvedObject");
        if let Some(io) = r.object(o, "involvedObject", &p) {
            if let Some(name) = r.string(io, "name", &io_path) {
                if run.id.is_empty() {
                    run.id = name.to_string();
                } else if run.id != name && !mixed_warned {
                    mixed_warned = true;
                    r.warn(
                        WarningCode::MixedRuns,
                        &io_path.key("name"),
                        format!(
                            "expected every event to belong to {:?}, found {:?}; all events are shown as one run",
                            run.id, name
                        ),
                    );
                }
            }
        }
        if run.action.is_none() {
            run.action = event.action.clone();
        }
        let event_index = run.events.len();
        if let Some(element) = &event.element {
            let slot = match index.get(element) {
                Some(&slot) => slot,
                None => {
                    let slot = run.elements.len();
                    index.insert(element.clone(), slot);
                    run.elements.push(Element {
                        id: element.clone(),
                        kind: event.elem_type.clone(),
                        ..Element::default()
                    });
                    per_element.push(Vec::new());
                    slot
                }
            };
            if let Some(list) = per_element.get_mut(slot) {
                list.push(event_index);
            }
        } else if let Some(at) = event.first_timestamp.or(event.last_timestamp) {
            run.run_markers.push(marker(&event, at));
        }
        run.events.push(event);
    }

    for (element, list) in run.elements.iter_mut().zip(per_element.iter_mut()) {
        build_element(element, list, &run.events);
    }

    let times = run
        .events
        .iter()
        .flat_map(|e| [e.first_timestamp, e.last_timestamp]);
    run.started_at = run.events.iter().filter_map(|e| e.first_timestamp).min();
    run.updated_at = times.flatten().max();
    run.ended_at = run.updated_at;
    run
}

fn read_event(r: &mut Reader, o: &Map<String, Value>, p: &Path<'_>) -> Event {
    let reason = bilingual::split(r.string(o, "reason", p).unwrap_or_default());
    let message = bilingual::split(r.string(o, "message", p).unwrap_or_default());
    let event_type = r.string(o, "type", p).map(str::to_owned);
    let first = r.time(o, "firstTimestamp", p);
    let last = r.time(o, "lastTimestamp", p);
    let last = r.ordered(first, last, &p.key("lastTimestamp"));
    let count = match o.get("count") {
        None | Some(Value::Null) => 1,
        Some(_) => r.count(o, "count", p, u32::MAX as u64).unwrap_or(1),
    };
    let kind = classify(event_type.as_deref(), bilingual::english(&reason));
    Event {
        element: r.string(o, "elemId", p).map(str::to_owned),
        elem_type: r.string(o, "elemType", p).map(str::to_owned),
        event_type,
        reason,
        message,
        first_timestamp: first,
        last_timestamp: last,
        count,
        action: r.string(o, "actionName", p).map(str::to_owned),
        kind,
        phase: kind_phase(kind),
    }
}

fn marker(event: &Event, at: i64) -> Marker {
    Marker {
        at,
        kind: event.kind,
        text: bilingual::english(&event.reason).to_string(),
        count: event.count,
    }
}

/// Cuts spans, markers and the phase of one element from its events.
fn build_element(element: &mut Element, list: &mut [usize], events: &[Event]) {
    let time = |i: usize| {
        events
            .get(i)
            .and_then(|e| e.first_timestamp.or(e.last_timestamp))
    };
    list.sort_by_key(|&i| (time(i), i));
    let mut open: Option<i64> = None;
    let mut latest: Option<&Event> = None;
    for &i in list.iter() {
        let Some(event) = events.get(i) else { continue };
        let at = event.first_timestamp.or(event.last_timestamp);
        if element.kind.is_none() {
            element.kind = event.elem_type.clone();
        }
        if element.action.is_none() {
            element.action = event.action.clone();
        }
        let Some(at) = at else {
            // No time at all: it still sets the phase, but cannot be placed.
            if event.kind != MarkerKind::Other {
                latest = Some(event);
            }
            continue;
        };
        let as_marker = event.count > 1
            || matches!(event.kind, MarkerKind::Failure | MarkerKind::Other)
            || (event.kind == MarkerKind::Start && open.is_some());
        if as_marker {
            element.markers.push(marker(event, at));
        }
        match event.kind {
            MarkerKind::Start => {
                if open.is_none() {
                    open = Some(at);
                }
            }
            MarkerKind::Success | MarkerKind::Failure => {
                element.spans.push(ElementSpan {
                    start: open.take(),
                    end: Some(at),
                    phase: event.phase,
                });
                if event.kind == MarkerKind::Failure {
                    element.failed_at = Some(at);
                }
            }
            MarkerKind::Other => {}
        }
        if event.kind != MarkerKind::Other {
            latest = Some(event);
        }
    }
    if let Some(start) = open {
        element.spans.push(ElementSpan {
            start: Some(start),
            end: None,
            phase: Phase::Running,
        });
    }
    element.started_at = element.spans.iter().filter_map(|s| s.start).min();
    element.updated_at = list
        .iter()
        .filter_map(|&i| events.get(i))
        .flat_map(|e| [e.first_timestamp, e.last_timestamp])
        .flatten()
        .max();
    if let Some(event) = latest {
        element.phase = event.phase;
        element.reason = Some(event.reason.raw.clone());
        element.message = Some(event.message.raw.clone());
    }
    if element.phase != Phase::Failed {
        element.failed_at = None;
    }
}
