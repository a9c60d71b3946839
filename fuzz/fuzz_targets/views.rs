//! What the page builds on a read payload: exports (model JSON, elements CSV,
//! Chrome trace), compare() of the payload with itself, the TimelineView
//! (filter, frame, hit) with parameters from the input, and a Workspace joining
//! the payload twice. No panic; exports parse; a frame has exactly
//! rows × columns cells; comparing a run with itself finds it equal in length.
#![no_main]

use execscope::api;
use execscope::view::{self, View};
use execscope::workspace::Workspace;
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
#[allow(dead_code)]
mod common;

/// Eight parameter bytes after the options byte, then the payload.
fn params(data: &[u8]) -> Option<([u8; 8], Vec<u8>)> {
    let (&first, rest) = data.split_first()?;
    let p: [u8; 8] = rest.get(..8)?.try_into().ok()?;
    let mut out = vec![first];
    out.extend_from_slice(rest.get(8..)?);
    Some((p, out))
}

fuzz_target!(|data: &[u8]| {
    let Some((p, data)) = params(data) else {
        return;
    };
    let Some((options, payload)) = common::split(&data) else {
        return;
    };
    if let Ok(text) = api::export_json(payload, &options) {
        serde_json::from_str::<serde_json::Value>(&text).expect("exportJson parses");
    }
    if let Ok(text) = api::export_trace(payload, &options) {
        serde_json::from_str::<serde_json::Value>(&text).expect("exportTrace parses");
    }
    let _ = api::export_csv(payload, &options);
    let _ = api::compare(payload, &options, payload, &options);

    let Ok(timeline) = api::timeline(payload, &options) else {
        return;
    };
    let (start, end) = (timeline.start.unwrap_or(0) as f64, timeline.end.unwrap_or(0) as f64);
    let mut v = View::new(timeline);
    let text = match p[0] % 4 {
        0 => "",
        1 => "a",
        2 => "-",
        _ => "\u{0}",
    };
    let visible = v.filter(p[1], text);
    assert!(visible <= v.timeline().lanes.len());
    let span = (end - start).max(1.0);
    let t0 = start + span * (f64::from(p[2]) - 64.0) / 64.0;
    let t1 = t0 + span * f64::from(p[3]) / 32.0;
    let columns = u32::from(p[4]) * 8;
    let (from, to) = (u32::from(p[5]) % 8, u32::from(p[6]));
    let cells = v.frame(t0, t1, columns, from, to);
    let rows = (to as usize).min(visible).saturating_sub(from as usize);
    assert_eq!(cells.len(), rows * columns as usize);
    for &c in &cells {
        let _ = view::cell_phase(c);
    }
    let _ = v.hit(u32::from(p[7]) % 4, t0, f64::from(p[7]) * 1000.0);

    let mut w = Workspace::new();
    for name in ["a", "b"] {
        if let Ok(model) = api::read(payload, &options) {
            let _ = w.add(name, model);
        }
    }
    for run in w.runs().iter().take(3) {
        let _ = w.summary(&run.id);
        let _ = w.timeline(&run.id);
        let _ = w.changes(&run.id, 0);
    }
});
