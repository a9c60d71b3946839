//! graph() over arbitrary input, two ways (bit 5 of the options byte):
//! - the bytes are a payload, read as the other targets read it;
//! - the bytes are a template (YAML, JSON, anything), base64-encoded into the
//!   objectData of an AOS execution with a few elements of every phase, so the
//!   fuzzer works on the YAML loader and the template reader directly.
//! No panic, no stack overflow; every edge joins two nodes, once per ordered
//! pair, with a route that starts and ends on their boxes; root causes are
//! Failed; the critical path follows edges; the timeline's spans are ordered;
//! decodeObjectData of the same objectData agrees on the format.
#![no_main]

use base64::Engine;
use execscope::api;
use execscope::graph::Graph;
use execscope::objectdata;
use execscope::phase::Phase;
use libfuzzer_sys::fuzz_target;
use std::collections::{HashMap, HashSet};

#[path = "common.rs"]
#[allow(dead_code)]
mod common;

fn check(g: &Graph) {
    common::check_serializable(g);
    let nodes: HashMap<&str, &execscope::graph::Node> = g.nodes.iter().map(|n| (n.id.as_str(), n)).collect();
    assert_eq!(nodes.len(), g.nodes.len(), "node ids are unique");
    let mut pairs = HashSet::new();
    for e in &g.edges {
        let (a, b) = (nodes[e.from.as_str()], nodes[e.to.as_str()]);
        assert!(pairs.insert((e.from.as_str(), e.to.as_str())), "one edge per pair");
        assert!(e.points.len() >= 2, "a route");
        let (first, last) = (e.points[0], e.points[e.points.len() - 1]);
        assert!(first.x == a.x || first.x == a.x + a.width, "starts on its box");
        assert!(last.x == b.x || last.x == b.x + b.width, "ends on its box");
        assert!(e.points.iter().all(|p| p.x.is_finite() && p.y.is_finite()));
    }
    for n in &g.nodes {
        assert!(n.x >= 0.0 && n.y >= 0.0 && n.x + n.width <= g.width + 0.1 && n.y + n.height <= g.height + 0.1);
    }
    for r in &g.root_causes {
        assert_eq!(nodes[r.element.as_str()].phase, Some(Phase::Failed));
        assert!(!r.affected.contains(&r.element));
    }
    for w in g.critical_path.windows(2) {
        assert!(pairs.contains(&(w[0].as_str(), w[1].as_str())), "the critical path follows edges");
    }
    for w in &g.warnings {
        assert!(w.message.starts_with("expected"), "{}", w.message);
    }
}

fn wrap(template: &[u8]) -> Vec<u8> {
    let data = base64::engine::general_purpose::STANDARD.encode(template);
    format!(
        r#"{{"kind": "Execution", "metadata": {{"name": "fuzz", "creationTimestamp": "2024-01-01T00:00:00Z"}},
            "spec": {{"actionName": "upgrade", "objectData": "{data}"}},
            "status": {{"objectStatus": {{"phase": "Failed", "updateAt": "2024-01-01T00:10:00Z"}}, "subObjectStatuses": {{
              "a": {{"phase": "Succeeded", "createAt": "2024-01-01T00:00:01Z", "updateAt": "2024-01-01T00:01:00Z"}},
              "b": {{"phase": "Failed", "updateAt": "2024-01-01T00:02:00Z"}},
              "c": {{"phase": "Cancelled", "updateAt": "2024-01-01T00:03:00Z"}},
              "1": {{"phase": "Running"}}, "d": {{"phase": "Pending"}}, "e": {{"phase": "Skipped", "updateAt": "2024-01-01T00:04:00Z"}}}}}}}}"#
    )
    .into_bytes()
}

fuzz_target!(|data: &[u8]| {
    let Some((options, payload)) = common::split(data) else {
        return;
    };
    let template_mode = data.first().is_some_and(|b| b & 0x20 != 0);
    let (input, options) = if template_mode {
        (wrap(payload), api::Options::default())
    } else {
        (payload.to_vec(), options)
    };
    let summary = api::summarize(&input, &options);
    match api::graph(&input, &options) {
        Ok(g) => check(&g),
        Err(e) => {
            common::check_error(&e);
            assert_eq!(Some(e.code), summary.as_ref().err().map(|e| e.code));
            return;
        }
    }
    if let Ok(t) = api::timeline(&input, &options) {
        for lane in &t.lanes {
            for s in &lane.spans {
                assert!(s.end.is_none_or(|e| s.start <= e), "span {s:?} ends before it starts");
            }
        }
    }
    if let Ok(summary) = summary {
        for run in summary.runs.iter().take(3) {
            if let Some(text) = &run.object_data {
                if let Ok(d) = objectdata::decode_with_json(text) {
                    if d.format == Some(objectdata::DataFormat::Yaml) {
                        assert!(d.json.is_some() != d.parse_error.is_some(), "yaml: a value or a reason");
                    }
                }
            }
        }
    }
});
