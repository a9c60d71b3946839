//! Prints the dependency graph of a payload file (its first run, or the run
//! named by the second argument): root causes, critical path, warnings, and
//! each edge; `--json` prints the whole `Graph` as JSON.
//!
//! `cargo run --release --example graph -- samples/aos-upgrade-failed.json`

use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let json = args.iter().any(|a| a == "--json");
    let rest: Vec<&String> = args.iter().filter(|a| *a != "--json").collect();
    let Some(path) = rest.first() else {
        eprintln!("usage: graph [--json] <payload.json> [run id]");
        std::process::exit(2);
    };
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("cannot read {path}: {e}");
            std::process::exit(2);
        }
    };
    let options = execscope::api::Options {
        run: rest.get(1).map(|s| s.to_string()),
        ..Default::default()
    };
    let started = Instant::now();
    let result = execscope::api::graph(&bytes, &options);
    let elapsed = started.elapsed();
    let g = match result {
        Ok(g) => g,
        Err(e) => {
            println!("error: {e}");
            std::process::exit(1);
        }
    };
    if json {
        println!("{}", serde_json::to_string_pretty(&g).unwrap_or_default());
        return;
    }
    println!(
        "{} nodes, {} edges, {:.0} x {:.0}, in {:.1} ms",
        g.nodes.len(),
        g.edges.len(),
        g.width,
        g.height,
        elapsed.as_secs_f64() * 1e3
    );
    for r in &g.root_causes {
        println!(
            "root cause: {} took down {}: {}",
            r.element,
            r.affected.len(),
            r.affected.join(", ")
        );
    }
    println!("critical path: {}", g.critical_path.join(" -> "));
    for e in &g.edges {
        println!("  {} -> {} ({:?} {})", e.from, e.to, e.kind, e.name);
    }
    for w in &g.warnings {
        println!("warning {:?}: {} at {}", w.code, w.message, w.path);
    }
}
