//! A timeline kept inside wasm and drawn per pixel column: the page asks for the
//! visible window (a time range, a pixel width and a range of lanes) and gets one
//! byte per lane per column, so one frame costs the same at 1,000,000 spans as at
//! 10,000 — only what is visible is computed, and nothing crosses as an object
//! per span.
//!
//! Cell byte: bits 0–2 the phase index + 1 of the span covering the column (0 =
//! no span; when several spans share a column the later-starting one wins),
//! bit 3 set when that span's start is inferred, bit 4 when the span is open
//! (still running), bit 5 when an event marker falls in the column, bit 6 when a
//! failure marker does.

use crate::phase::Phase;
use crate::timeline::{Lane, Timeline};

/// Cell bits 0–2: the covering span's phase index + 1 (0 = no span).
pub const CELL_PHASE: u8 = 0b111;
/// Cell bit: the covering span's start is inferred.
pub const CELL_INFERRED: u8 = 1 << 3;
/// Cell bit: the covering span is open.
pub const CELL_OPEN: u8 = 1 << 4;
/// Cell bit: a marker falls in the column.
pub const CELL_MARKER: u8 = 1 << 5;
/// Cell bit: a failure marker falls in the column.
pub const CELL_FAILURE: u8 = 1 << 6;

/// A timeline with a lane filter, ready to be drawn window by window.
#[derive(Debug, Clone)]
pub struct View {
    timeline: Timeline,
    /// Indices into `timeline.lanes` of the lanes the filter keeps, in order.
    visible: Vec<u32>,
    /// The time open spans are drawn up to (the timeline's end).
    now: i64,
}

/// Most pixel columns of one frame.
pub const MAX_COLUMNS: u32 = 16_384;

/// Most lanes of one frame (a screen shows a few hundred), so a frame is at
/// most 64 MiB whatever the caller asks.
pub const MAX_FRAME_LANES: usize = 4096;

/// Bit mask with every phase set.
pub const ALL_PHASES: u8 = 0b0111_1111;

impl View {
    /// A view of `timeline` with every lane visible.
    pub fn new(timeline: Timeline) -> Self {
        let now = timeline.end.unwrap_or(0);
        let visible = (0..timeline.lanes.len() as u32).collect();
        View {
            timeline,
            visible,
            now,
        }
    }

    /// The timeline.
    pub fn timeline(&self) -> &Timeline {
        &self.timeline
    }

    /// Lanes kept by the filter.
    pub fn visible_count(&self) -> usize {
        self.visible.len()
    }

    /// The `i`th visible lane.
    pub fn visible_lane(&self, i: usize) -> Option<&Lane> {
        let index = *self.visible.get(i)?;
        self.timeline.lanes.get(index as usize)
    }

    /// Keeps the lanes whose phase is in `phase_mask` (bit = `Phase::index`) and
    /// whose id, label, type, reason or message contains `text` (ASCII case-insensitive;
    /// empty keeps all). Returns how many lanes are visible.
    pub fn filter(&mut self, phase_mask: u8, text: &str) -> usize {
        let needle = text.trim().to_ascii_lowercase();
        let has = |s: &Option<String>| {
            s.as_deref()
                .is_some_and(|s| s.to_ascii_lowercase().contains(&needle))
        };
        self.visible = self
            .timeline
            .lanes
            .iter()
            .enumerate()
            .filter(|(_, lane)| phase_mask & (1 << lane.phase.index()) != 0)
            .filter(|(_, lane)| {
                needle.is_empty()
                    || lane.id.to_ascii_lowercase().contains(&needle)
                    || lane.label.to_ascii_lowercase().contains(&needle)
                    || has(&lane.kind)
                    || has(&lane.reason)
                    || has(&lane.message)
            })
            .map(|(i, _)| i as u32)
            .collect();
        self.visible.len()
    }

    /// One byte per column for each visible lane in `lane_from..lane_to` (clamped
    /// to the visible lanes and to [`MAX_FRAME_LANES`], columns to [`MAX_COLUMNS`]),
    /// covering times `t0..t1` over `columns` pixel columns, lane after lane.
    pub fn frame(&self, t0: f64, t1: f64, columns: u32, lane_from: u32, lane_to: u32) -> Vec<u8> {
        let columns = columns.min(MAX_COLUMNS) as usize;
        let from = (lane_from as usize).min(self.visible.len());
        let to = (lane_to as usize)
            .min(self.visible.len())
            .clamp(from, from + MAX_FRAME_LANES);
        let mut cells = vec![0u8; (to - from) * columns];
        if columns == 0 || !t0.is_finite() || !t1.is_finite() || t1 <= t0 {
            return cells;
        }
        let per_column = (t1 - t0) / columns as f64;
        let column_of = |t: f64| ((t - t0) / per_column).floor();
        let last = (columns - 1) as f64;
        for (row, cells) in cells.chunks_mut(columns).enumerate() {
            let Some(lane) = self.visible_lane(from + row) else {
                continue;
            };
            // Spans are few per lane for status formats and sorted by start for
            // events; both are scanned up to the first span starting after t1.
            for span in &lane.spans {
                let start = span.start as f64;
                if start > t1 {
                    break;
                }
                let end = span.end.unwrap_or(self.now.max(span.start)) as f64;
                if end < t0 {
                    continue;
                }
                let a = column_of(start).clamp(0.0, last) as usize;
                let b = column_of(end).clamp(0.0, last) as usize;
                let mut byte = span.phase.index() as u8 + 1;
                if span.start_inferred {
                    byte |= CELL_INFERRED;
                }
                if span.end.is_none() {
                    byte |= CELL_OPEN;
                }
                for cell in cells.iter_mut().take(b + 1).skip(a) {
                    *cell = (*cell & (CELL_MARKER | CELL_FAILURE)) | byte;
                }
            }
            let first = lane.markers.partition_point(|m| (m.at as f64) < t0);
            for marker in lane.markers.iter().skip(first) {
                let at = marker.at as f64;
                if at > t1 {
                    break;
                }
                let c = column_of(at).clamp(0.0, last) as usize;
                if let Some(cell) = cells.get_mut(c) {
                    *cell |= CELL_MARKER;
                    if marker.kind == crate::model::MarkerKind::Failure {
                        *cell |= CELL_FAILURE;
                    }
                }
            }
        }
        cells
    }

    /// The visible lane and span or marker at time `t` in visible lane `row`
    /// within `tolerance_ms`: for tooltips.
    pub fn hit(&self, row: u32, t: f64, tolerance_ms: f64) -> Option<Hit<'_>> {
        let lane = self.visible_lane(row as usize)?;
        let marker = lane
            .markers
            .iter()
            .filter(|m| ((m.at as f64) - t).abs() <= tolerance_ms)
            .min_by(|a, b| {
                let da = ((a.at as f64) - t).abs();
                let db = ((b.at as f64) - t).abs();
                da.total_cmp(&db)
            });
        let span = lane.spans.iter().rev().find(|s| {
            let end = s.end.unwrap_or(self.now.max(s.start)) as f64;
            (s.start as f64) - tolerance_ms <= t && t <= end + tolerance_ms
        });
        Some(Hit { lane, span, marker })
    }
}

/// What is under the pointer.
#[derive(Debug, Clone, Copy)]
pub struct Hit<'a> {
    /// The lane.
    pub lane: &'a Lane,
    /// The span under the pointer, if any.
    pub span: Option<&'a crate::timeline::Span>,
    /// The nearest marker within tolerance, if any.
    pub marker: Option<&'a crate::model::Marker>,
}

/// The phase of a cell byte, if a span covers it.
pub fn cell_phase(cell: u8) -> Option<Phase> {
    let i = (cell & CELL_PHASE) as usize;
    i.checked_sub(1).and_then(|i| Phase::ALL.get(i).copied())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::{self, Options};

    fn view(bytes: &[u8]) -> View {
        View::new(api::timeline(bytes, &Options::default()).unwrap_or_else(|e| unreachable!("{e}")))
    }

    const AOS: &[u8] = include_bytes!("../samples/seed-aos-execution.json");

    #[test]
    fn frame_marks_spans_by_column() {
        let v = view(AOS);
        let t = v.timeline().clone();
        let (start, end) = (t.start.unwrap_or(0) as f64, t.end.unwrap_or(0) as f64);
        let cells = v.frame(start, end, 15, 0, 10);
        assert_eq!(cells.len(), 3 * 15);
        // hello-app: inferred start at the run start, ends at +1 s.
        let first_lane = &cells[..15];
        assert_eq!(cell_phase(first_lane[0]), Some(Phase::Succeeded));
        assert!(first_lane[0] & CELL_INFERRED != 0);
        assert_eq!(first_lane[14], 0);
        // The whole-run lane (ends at +15 s) covers every column.
        assert!(cells[30..]
            .iter()
            .all(|&c| cell_phase(c) == Some(Phase::Succeeded)));
    }

    #[test]
    fn filter_and_empty_windows() {
        let mut v = view(AOS);
        assert_eq!(v.filter(1 << Phase::Failed.index(), ""), 0);
        assert_eq!(v.filter(ALL_PHASES, "component"), 1);
        assert_eq!(v.filter(ALL_PHASES, ""), 3);
        assert!(v.frame(10.0, 5.0, 100, 0, 3).iter().all(|&c| c == 0));
        assert!(v.frame(f64::NAN, 5.0, 100, 0, 3).iter().all(|&c| c == 0));
        assert_eq!(v.frame(0.0, 1.0, 100, 5, 2).len(), 0);
        // Whatever is asked, a frame is at most MAX_FRAME_LANES × MAX_COLUMNS.
        assert_eq!(
            v.frame(0.0, 1.0, u32::MAX, 0, u32::MAX).len(),
            3 * MAX_COLUMNS as usize
        );
    }

    #[test]
    fn frame_cost_does_not_depend_on_lanes_outside_the_window() {
        // 20,000 lanes; a 40-lane frame in the middle touches 40 lanes only.
        let lanes: Vec<String> = (0..20_000)
            .map(|i| format!("\"e{i}\": {{\"phase\": \"Succeeded\", \"createAt\": \"2024-01-01T00:00:00Z\", \"updateAt\": \"2024-01-01T00:01:00Z\"}}"))
            .collect();
        let payload = format!(
            "{{\"kind\": \"Execution\", \"metadata\": {{\"name\": \"big\"}}, \"status\": {{\"subObjectStatuses\": {{{}}}}}}}",
            lanes.join(",")
        );
        let v = view(payload.as_bytes());
        assert_eq!(v.visible_count(), 20_000);
        let t0 = v.timeline().start.unwrap_or(0) as f64;
        let cells = v.frame(t0, t0 + 60_000.0, 1000, 10_000, 10_040);
        assert_eq!(cells.len(), 40 * 1000);
        assert!(cells
            .iter()
            .all(|&c| cell_phase(c) == Some(Phase::Succeeded)));
    }
}
