//! The timeline of one run: a lane per element with spans and event markers.
//! A pure function of the model; it cannot fail.
//!
//! Decisions: a status-format element (AOS, GCS, workflow) gets one span from its
//! observed start (createAt, begin_time) to its last update once its phase is
//! terminal, open (end null) while Running. When the payload has no start for it,
//! the start is inferred (`startInferred`): an element cannot have started before
//! the elements it depends on ended (the run's template, see [`crate::graph`]), so
//! it starts at the latest end among its dependencies that ended — no later than
//! the element's own end: one that ended after it was not what it waited for —
//! (`source: "dependencies"`, never before the run start), else at the run start. Pending elements, and Skipped ones without a
//! start, have no span. Event-built spans without a start begin where the
//! element's previous span ended, or at the run start. Lanes are ordered by their
//! first span's start, then by end, then by payload order; lanes without spans last.
//! Events that belong to the run itself (no elemId) are markers on a first lane
//! with the id "" and the label "(execution)".

use crate::bilingual::{self, BilingualRef};
use crate::model::{Element, Marker, Run};
use crate::phase::Phase;
use crate::summary::run_phase;
use serde::{Serialize, Serializer};

/// What `timeline` returns.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Timeline {
    /// Earliest time on the timeline (epoch ms), None when nothing has a time.
    pub start: Option<i64>,
    /// Latest time on the timeline.
    pub end: Option<i64>,
    /// One lane per element.
    pub lanes: Vec<Lane>,
}

/// One element's lane. Serialized with `reasonBi` and `messageBi` after
/// `message`: the reason and message split into their Chinese and English halves
/// (`bilingual::split_ref`), computed while serializing so that a million-lane
/// `TimelineView` does not hold a second copy of every text.
#[derive(Debug, Clone, PartialEq)]
pub struct Lane {
    /// Element id.
    pub id: String,
    /// What to show (the id; "(execution)" for the run's own events).
    pub label: String,
    /// Element type (serialized as `type`).
    pub kind: Option<String>,
    /// Element phase.
    pub phase: Phase,
    /// Element reason.
    pub reason: Option<String>,
    /// Element message.
    pub message: Option<String>,
    /// subActionName / actionName.
    pub action: Option<String>,
    /// Spans.
    pub spans: Vec<Span>,
    /// Event markers.
    pub markers: Vec<Marker>,
}

impl Serialize for Lane {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        #[serde(rename_all = "camelCase")]
        struct Out<'a> {
            id: &'a str,
            label: &'a str,
            #[serde(rename = "type")]
            kind: Option<&'a str>,
            phase: Phase,
            reason: Option<&'a str>,
            message: Option<&'a str>,
            reason_bi: Option<BilingualRef<'a>>,
            message_bi: Option<BilingualRef<'a>>,
            action: Option<&'a str>,
            spans: &'a [Span],
            markers: &'a [Marker],
        }
        Out {
            id: &self.id,
            label: &self.label,
            kind: self.kind.as_deref(),
            phase: self.phase,
            reason: self.reason.as_deref(),
            message: self.message.as_deref(),
            reason_bi: self.reason.as_deref().map(bilingual::split_ref),
            message_bi: self.message.as_deref().map(bilingual::split_ref),
            action: self.action.as_deref(),
            spans: &self.spans,
            markers: &self.markers,
        }
        .serialize(serializer)
    }
}

/// A bar on a lane.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Span {
    /// Start, epoch ms.
    pub start: i64,
    /// End, epoch ms; None while open.
    pub end: Option<i64>,
    /// Phase of the span.
    pub phase: Phase,
    /// True when the start is not in the payload.
    pub start_inferred: bool,
    /// Where the start came from: `dependencies` when it was inferred from the
    /// ends of the element's dependencies (for a single payload too); in a
    /// workspace joining several payloads also `status`, `events`, `snapshot`
    /// (the first poll where the element had left Pending) or `inferred` (the
    /// run start). Otherwise absent for a single payload.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<&'static str>,
}

/// The span of a status-format element. `after`: the latest end among the
/// element's dependencies that ended, if any.
fn status_span(e: &Element, run_start: Option<i64>, after: Option<i64>) -> Option<Span> {
    if e.phase == Phase::Pending || (e.phase == Phase::Skipped && e.started_at.is_none()) {
        return None;
    }
    let end = if e.phase == Phase::Running {
        None
    } else {
        e.updated_at
    };
    let mut source = None;
    let (start, inferred) = match (e.started_at, after, run_start) {
        (Some(s), _, _) => (s, false),
        (None, Some(a), r) => {
            source = Some("dependencies");
            (r.map_or(a, |r| a.max(r)), true)
        }
        (None, None, Some(r)) => (r, true),
        (None, None, None) => (end?, true),
    };
    if end.is_none() && e.phase != Phase::Running {
        // Not running and no time to end on: drawn only from an observed start.
        e.started_at?;
    }
    let start = match end {
        Some(end) if inferred && start > end => end,
        _ => start,
    };
    Some(Span {
        start,
        end,
        phase: e.phase,
        start_inferred: inferred,
        source,
    })
}

fn event_spans(e: &Element, run_start: Option<i64>) -> Vec<Span> {
    let mut spans = Vec::with_capacity(e.spans.len());
    let mut previous_end: Option<i64> = None;
    for s in &e.spans {
        let (start, inferred) = match (s.start, previous_end.or(run_start)) {
            (Some(start), _) => (start, false),
            (None, Some(fallback)) => (fallback, true),
            (None, None) => match s.end {
                Some(end) => (end, true),
                None => continue,
            },
        };
        let start = match s.end {
            Some(end) if start > end => end,
            _ => start,
        };
        spans.push(Span {
            start,
            end: s.end,
            phase: s.phase,
            start_inferred: inferred,
            source: None,
        });
        previous_end = s.end.or(previous_end);
    }
    spans
}

fn lane(e: &Element, spans: Vec<Span>) -> Lane {
    Lane {
        id: e.id.clone(),
        label: e.label.clone().unwrap_or_else(|| e.id.clone()),
        kind: e.kind.clone(),
        phase: e.phase,
        reason: e.reason.clone(),
        message: e.message.clone(),
        action: e.action.clone(),
        spans,
        markers: e.markers.clone(),
    }
}

/// Builds the timeline of one run (with the dependencies its template gives).
pub fn build(run: &Run) -> Timeline {
    build_with(run, &crate::graph::element_dependencies(run))
}

/// Builds the timeline of one run; `dependencies[i]` are the elements (by
/// index) element `i` depends on.
pub(crate) fn build_with(run: &Run, dependencies: &[Vec<usize>]) -> Timeline {
    let from_events = run.event_count > 0;
    let spans: Vec<Vec<Span>> = if from_events {
        run.elements
            .iter()
            .map(|e| event_spans(e, run.started_at))
            .collect()
    } else {
        // Ends do not depend on starts: first the spans as the payload gives
        // them, then inferred starts moved after the dependencies' ends.
        let plain: Vec<Option<Span>> = run
            .elements
            .iter()
            .map(|e| status_span(e, run.started_at, None))
            .collect();
        run.elements
            .iter()
            .enumerate()
            .map(|(i, e)| {
                // A dependency that ended after the element itself did was not
                // what it waited for (it failed or was cancelled first).
                let own_end = plain.get(i).copied().flatten().and_then(|s| s.end);
                let after = match dependencies.get(i) {
                    Some(deps) if e.started_at.is_none() => deps
                        .iter()
                        .filter_map(|&d| plain.get(d).copied().flatten().and_then(|s| s.end))
                        .filter(|&end| own_end.is_none_or(|own| end <= own))
                        .max(),
                    _ => None,
                };
                match after {
                    Some(_) => status_span(e, run.started_at, after),
                    None => plain.get(i).copied().flatten(),
                }
                .into_iter()
                .collect()
            })
            .collect()
    };
    let mut keyed: Vec<(bool, i64, i64, usize, Lane)> = run
        .elements
        .iter()
        .zip(spans)
        .enumerate()
        .map(|(i, (e, spans))| {
            let lane = lane(e, spans);
            let first = lane.spans.first();
            (
                first.is_none(),
                first.map_or(i64::MAX, |s| s.start),
                first.and_then(|s| s.end).unwrap_or(i64::MAX),
                i,
                lane,
            )
        })
        .collect();
    keyed.sort_by_key(|(no_span, start, end, i, _)| (*no_span, *start, *end, *i));
    let mut lanes: Vec<Lane> = keyed.into_iter().map(|(_, _, _, _, lane)| lane).collect();
    if !run.run_markers.is_empty() {
        let (phase, _) = run_phase(run);
        lanes.insert(
            0,
            Lane {
                // "": no element has an empty id (readers treat one as none), so
                // the run's own lane never collides with an element's.
                id: String::new(),
                label: "(execution)".into(),
                kind: Some("execution".into()),
                phase,
                reason: None,
                message: None,
                action: run.action.clone(),
                spans: Vec::new(),
                markers: {
                    let mut markers = run.run_markers.clone();
                    markers.sort_by_key(|m| m.at);
                    markers
                },
            },
        );
    }
    let mut start = run.started_at;
    let mut end = run.ended_at.or(run.updated_at);
    let mut see = |t: i64| {
        start = Some(start.map_or(t, |s| s.min(t)));
        end = Some(end.map_or(t, |e| e.max(t)));
    };
    for lane in &lanes {
        for s in &lane.spans {
            see(s.start);
            if let Some(e) = s.end {
                see(e);
            }
        }
        for m in &lane.markers {
            see(m.at);
        }
    }
    Timeline { start, end, lanes }
}
