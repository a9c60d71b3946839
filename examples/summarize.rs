//! Summarizes a payload file and prints the summary as JSON, with the time it took.
//!
//! `cargo run --release --example summarize -- payload.json`

use std::time::Instant;

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: summarize <payload.json>");
        std::process::exit(2);
    };
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("cannot read {path}: {e}");
            std::process::exit(2);
        }
    };
    let started = Instant::now();
    let result = execscope::api::summarize(&bytes, &Default::default());
    let elapsed = started.elapsed();
    match result {
        Ok(summary) => {
            let mut s = serde_json::to_value(&summary).unwrap_or_default();
            if let Some(runs) = s.get_mut("runs").and_then(|r| r.as_array_mut()) {
                runs.truncate(3);
            }
            println!("{}", serde_json::to_string_pretty(&s).unwrap_or_default());
        }
        Err(e) => println!("error: {e}"),
    }
    let mb = bytes.len() as f64 / 1e6;
    eprintln!(
        "{mb:.1} MB in {:.1} ms: {:.0} MB/s",
        elapsed.as_secs_f64() * 1e3,
        mb / elapsed.as_secs_f64()
    );
}
