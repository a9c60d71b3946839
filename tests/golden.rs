//! Expected-output (golden) tests: every payload under samples/ and tests/fixtures/
//! is read, and its summary, timeline, events and decoded objectData are compared
//! with the checked-in tests/golden/<name>.json (what tests/consumer also checks
//! the npm package against), and its dependency graphs (`graph()` of every run)
//! with tests/golden/graph/<name>.json. A payload that cannot be read records
//! its error instead.
//!
//! Regenerate after an intended change with `UPDATE_GOLDEN=1 cargo test --test golden`
//! and review the diff (`git diff tests/golden`).

#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use execscope::api::{self, Options};
use execscope::objectdata;
use serde_json::{json, Value};
use std::fs;
use std::path::{Path, PathBuf};

fn inputs() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in ["samples", "tests/fixtures"] {
        for entry in fs::read_dir(root.join(dir)).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().to_string();
            if name.ends_with(".json") && name != "index.json" {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

fn options_for(path: &Path) -> Options {
    let name = path.file_name().unwrap().to_string_lossy();
    Options {
        strict: name.contains(".strict."),
        ..Options::default()
    }
}

/// The payload's rendering and its graphs (`Value::Null` when it cannot be read).
fn render(path: &Path) -> (Value, Value) {
    let bytes = fs::read(path).unwrap();
    let options = options_for(path);
    let summary = match api::summarize(&bytes, &options) {
        Ok(s) => s,
        Err(e) => return (json!({ "error": e }), Value::Null),
    };
    let mut out = json!({ "summary": summary });
    let mut timelines = Vec::new();
    let mut graphs = Vec::new();
    for run in &summary.runs {
        let t = api::timeline(
            &bytes,
            &Options {
                run: Some(run.id.clone()),
                ..options.clone()
            },
        )
        .unwrap();
        timelines.push(json!({ "run": run.id, "timeline": t }));
        let g = api::graph(
            &bytes,
            &Options {
                run: Some(run.id.clone()),
                ..options.clone()
            },
        )
        .unwrap();
        graphs.push(json!({ "run": run.id, "graph": g }));
        for (field, text) in [
            ("objectData", &run.object_data),
            ("changedObjectData", &run.changed_object_data),
        ] {
            if let Some(text) = text {
                let decoded = match objectdata::decode_with_json(text) {
                    Ok(d) => serde_json::to_value(d).unwrap(),
                    Err(e) => json!({ "error": e }),
                };
                out[format!("{}:{field}", run.id)] = decoded;
            }
        }
    }
    out["timelines"] = Value::Array(timelines);
    let events = api::events(&bytes, &options).unwrap();
    if !events.is_empty() {
        out["events"] = serde_json::to_value(events).unwrap();
    }
    (out, Value::Array(graphs))
}

#[test]
fn golden_outputs_match() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let mut failures = Vec::new();
    let files = inputs();
    assert!(
        files.len() >= 10,
        "expected the samples and fixtures, found {}",
        files.len()
    );
    for path in files {
        let stem = path.file_stem().unwrap().to_string_lossy().to_string();
        let (rendered, graphs) = render(&path);
        for (dir, value) in [("tests/golden", rendered), ("tests/golden/graph", graphs)] {
            if value.is_null() {
                continue;
            }
            let golden = root.join(dir).join(format!("{stem}.json"));
            let actual = serde_json::to_string_pretty(&value).unwrap() + "\n";
            if update {
                fs::create_dir_all(root.join(dir)).unwrap();
                fs::write(&golden, &actual).unwrap();
                continue;
            }
            match fs::read_to_string(&golden) {
                Ok(expected) if expected == actual => {}
                Ok(_) => failures.push(format!("{stem}: output differs from {}", golden.display())),
                Err(_) => failures.push(format!("{stem}: no golden file {}", golden.display())),
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{}\nrun UPDATE_GOLDEN=1 cargo test --test golden and review the diff",
        failures.join("\n")
    );
}
