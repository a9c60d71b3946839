//! Native benchmark of the Rust API (no wasm, no JS boundary), to see where the
//! time of `summarize` goes. No dependencies beyond the crate's own.
//!
//!   cargo bench --bench native                       # 10k and 100k events, AOS 100k, workflow 200x200
//!   BENCH_SIZES=1000,1000000 cargo bench --bench native
//!   BENCH_RUNS=9 cargo bench --bench native
//!
//! Payloads come from bench/gen.mjs (seed 1, `node` must be on PATH), cached in
//! target/bench-inputs/. Each row: the median of BENCH_RUNS (default 5) runs
//! after one untimed warm-up, in ms and MB/s over the input bytes:
//!   scan       serde_json::from_slice::<IgnoredAny> (tokenizing only: serde_json's floor)
//!   value      serde_json::from_slice::<Value> (a DOM, what a naive reader builds)
//!   detect     api::detect
//!   summarize  api::summarize
//!   timeline   api::timeline
//!
//! Then, for event lists, where summarize's time goes (`BENCH_BREAKDOWN=0` to
//! skip): the read through serde_json alone (`formats::read_serde`), the read
//! with the fast path (`formats::read`, what summarize uses), and the summary
//! from the model read (`summary::summarize`); summarize ≈ read + summary.

use execscope::api::{self, Options};
use execscope::formats::{self, Detail};
use serde::de::IgnoredAny;
use std::hint::black_box;
use std::path::PathBuf;
use std::process::Command;
use std::time::Instant;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The payload's bytes, generated once by bench/gen.mjs and cached.
fn payload(format: &str, size: &str) -> Vec<u8> {
    let dir = root().join("target").join("bench-inputs");
    let file = dir.join(format!("{format}-{size}-seed1.json"));
    if !file.exists() {
        std::fs::create_dir_all(&dir).expect("create target/bench-inputs");
        let out = Command::new("node")
            .arg(root().join("bench").join("gen.mjs"))
            .args([format, size, "1"])
            .output()
            .expect("run `node bench/gen.mjs` (is node on PATH?)");
        assert!(
            out.status.success(),
            "node bench/gen.mjs failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let tmp = file.with_extension("tmp");
        std::fs::write(&tmp, &out.stdout).expect("write payload");
        std::fs::rename(&tmp, &file).expect("rename payload");
    }
    std::fs::read(&file).expect("read payload")
}

fn median_ms(runs: usize, mut f: impl FnMut()) -> f64 {
    f(); // warm-up: page faults, allocator growth
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    times.sort_by(|a, b| a.total_cmp(b));
    let n = times.len();
    if n % 2 == 1 {
        times[n / 2]
    } else {
        (times[n / 2 - 1] + times[n / 2]) / 2.0
    }
}

fn cell(bytes: usize, ms: f64) -> String {
    format!("{ms:9.1} ms {:6.0} MB/s", bytes as f64 / 1e6 / (ms / 1e3))
}

fn bench(label: &str, format: &str, size: &str, runs: usize, with_timeline: bool) {
    let input = payload(format, size);
    let o = Options::default();
    let n = input.len();
    let scan = median_ms(runs, || {
        black_box(serde_json::from_slice::<IgnoredAny>(black_box(&input)).expect("valid json"));
    });
    let value = median_ms(runs, || {
        black_box(
            serde_json::from_slice::<serde_json::Value>(black_box(&input)).expect("valid json"),
        );
    });
    let detect = median_ms(runs, || {
        black_box(api::detect(black_box(&input), &o).expect("detect"));
    });
    let summarize = median_ms(runs, || {
        black_box(api::summarize(black_box(&input), &o).expect("summarize"));
    });
    let timeline = with_timeline.then(|| {
        median_ms(runs, || {
            black_box(api::timeline(black_box(&input), &o).expect("timeline"));
        })
    });
    println!(
        "| {label:<22} | {:>7.1} | {} | {} | {} | {} | {} |",
        n as f64 / 1e6,
        cell(n, scan),
        cell(n, value),
        cell(n, detect),
        cell(n, summarize),
        timeline.map_or_else(|| "–".to_string(), |t| cell(n, t)),
    );
}

/// Where summarize's time goes for an event list (see the module doc).
fn breakdown(label: &str, size: &str, runs: usize) {
    let input = payload("execution-events", size);
    let n = input.len();
    let json = execscope::json::JsonOptions::default();
    let serde = median_ms(runs, || {
        black_box(
            formats::read_serde(black_box(&input), None, &json, Detail::Model).expect("read"),
        );
    });
    let fast = median_ms(runs, || {
        black_box(formats::read(black_box(&input), None, &json, Detail::Model).expect("read"));
    });
    let model = formats::read(&input, None, &json, Detail::Model).expect("read");
    let summary = median_ms(runs, || {
        black_box(execscope::summary::summarize(black_box(&model)));
    });
    println!(
        "| {label:<22} | {:>7.1} | {} | {} | {} |",
        n as f64 / 1e6,
        cell(n, serde),
        cell(n, fast),
        cell(n, summary),
    );
}

fn main() {
    // `cargo bench` passes `--bench`; a filter argument selects rows by label.
    let filter: Option<String> = std::env::args().skip(1).find(|a| !a.starts_with("--"));
    let runs: usize = std::env::var("BENCH_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(5);
    let sizes = std::env::var("BENCH_SIZES").unwrap_or_else(|_| "10000,100000".to_string());

    println!(
        "| {:<22} | {:>7} | {:^27} | {:^27} | {:^27} | {:^27} | {:^27} |",
        "payload",
        "MB",
        "serde_json IgnoredAny",
        "serde_json Value",
        "api::detect",
        "api::summarize",
        "api::timeline"
    );
    println!(
        "|{:-<24}|{:->9}|{:-<29}|{:-<29}|{:-<29}|{:-<29}|{:-<29}|",
        "", ":", "", "", "", "", ""
    );
    let mut rows: Vec<(String, &str, String, bool)> = sizes
        .split(',')
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .map(|s| {
            (
                format!("events {s}"),
                "execution-events",
                s.to_string(),
                true,
            )
        })
        .collect();
    rows.push(("AOS 100000".into(), "aos-execution", "100000".into(), false));
    rows.push((
        "workflow 200x200".into(),
        "workflow-executions",
        "200x200".into(),
        false,
    ));
    for (label, format, size, with_timeline) in rows {
        if filter.as_ref().is_some_and(|f| !label.contains(f.as_str())) {
            continue;
        }
        let runs = if size.len() >= 7 { runs.min(3) } else { runs };
        bench(&label, format, &size, runs, with_timeline);
    }
    if std::env::var("BENCH_BREAKDOWN").is_ok_and(|v| v == "0") {
        return;
    }
    println!();
    println!(
        "| {:<22} | {:>7} | {:^27} | {:^27} | {:^27} |",
        "payload", "MB", "read, serde_json only", "read, fast path", "summary from the model"
    );
    println!(
        "|{:-<24}|{:->9}|{:-<29}|{:-<29}|{:-<29}|",
        "", ":", "", "", ""
    );
    for size in sizes.split(',').map(str::trim).filter(|s| !s.is_empty()) {
        let label = format!("events {size}");
        if filter.as_ref().is_some_and(|f| !label.contains(f.as_str())) {
            continue;
        }
        let runs = if size.len() >= 7 { runs.min(3) } else { runs };
        breakdown(&label, size, runs);
    }
}
