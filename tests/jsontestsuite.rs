//! JSONTestSuite conformance (native): every file of test_parsing and
//! test_transform goes through the public API as bytes, in strict mode.
//!
//! - no call panics (summarize, timeline, detect, raw_json; strict and lenient);
//! - every `y_` file passes the JSON layer: any result but invalid_json or
//!   too_deep (unknown_format is expected for most of them);
//! - every `n_` file is invalid_json, with a line and a column;
//! - `i_` files either way, as a typed result;
//! - wrapped 200 arrays deep (past serde_json's recursion limit of 128), a file
//!   is invalid_json exactly when it was invalid_json on its own, else too_deep:
//!   the iterative validator in src/json/validate.rs agrees with serde_json on all of them;
//! - after all of them the API still summarizes samples/seed-aos-execution.json.
//!
//! The suite is not copied into this repository: it is read from shared/
//! beside it (`../shared/jsontestsuite` from the crate root), or from
//! `$EXECSCOPE_SHARED/jsontestsuite`. When neither exists the test prints that
//! it was skipped and passes.

#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use execscope::api::{self, Options};
use execscope::error::{Error, ErrorCode};
use execscope::phase::Phase;
use std::fs;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};

fn suite_dir() -> Option<PathBuf> {
    let mut candidates = Vec::new();
    if let Some(shared) = std::env::var_os("EXECSCOPE_SHARED") {
        candidates.push(PathBuf::from(shared).join("jsontestsuite"));
    }
    candidates.push(Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/jsontestsuite"));
    candidates
        .into_iter()
        .find(|d| d.join("test_parsing").is_dir())
}

fn files(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut out: Vec<PathBuf> = entries
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    out.sort();
    out
}

fn strict() -> Options {
    Options {
        strict: true,
        ..Options::default()
    }
}

/// Runs `f`, turning a panic into an Err with its message.
fn guarded<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    catch_unwind(AssertUnwindSafe(f)).map_err(|p| {
        p.downcast_ref::<String>()
            .cloned()
            .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_else(|| "panic".into())
    })
}

/// The JSON layer's verdict on a summarize result.
fn code_of<T>(r: &Result<T, Error>) -> Option<ErrorCode> {
    r.as_ref().err().map(|e| e.code)
}

/// Every other entry point on the same bytes must not panic either.
fn other_calls_do_not_panic(name: &str, bytes: &[u8], failures: &mut Vec<String>) {
    for options in [strict(), Options::default()] {
        let lenient = if options.strict { "strict" } else { "lenient" };
        if let Err(p) = guarded(|| api::summarize(bytes, &options)) {
            failures.push(format!("{name}: summarize ({lenient}) panicked: {p}"));
        }
        if let Err(p) = guarded(|| api::timeline(bytes, &options)) {
            failures.push(format!("{name}: timeline ({lenient}) panicked: {p}"));
        }
        if let Err(p) = guarded(|| api::detect(bytes, &options)) {
            failures.push(format!("{name}: detect ({lenient}) panicked: {p}"));
        }
        if let Err(p) = guarded(|| api::events(bytes, &options)) {
            failures.push(format!("{name}: events ({lenient}) panicked: {p}"));
        }
        if let Err(p) = guarded(|| api::raw_json(bytes, &options)) {
            failures.push(format!("{name}: raw_json ({lenient}) panicked: {p}"));
        }
    }
}

fn still_summarizes_the_seed(failures: &mut Vec<String>) {
    let seed =
        fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/seed-aos-execution.json"))
            .unwrap();
    match api::summarize(&seed, &Options::default()) {
        Ok(s) => {
            let run = &s.runs[0];
            if run.id != "trim-4074942376"
                || run.phase != Phase::Succeeded
                || run.progress.derived != Some(100)
                || !s.warnings.is_empty()
            {
                failures.push(format!("seed summary changed: {run:?}"));
            }
        }
        Err(e) => failures.push(format!("seed no longer summarizes: {e}")),
    }
}

#[test]
fn jsontestsuite_parsing_and_transform() {
    let Some(dir) = suite_dir() else {
        println!(
            "jsontestsuite: skipped: no shared/jsontestsuite beside the crate and EXECSCOPE_SHARED unset"
        );
        return;
    };
    let mut failures = Vec::new();
    let (mut y, mut n, mut i_json, mut i_other) = (0, 0, 0, 0);
    let mut y_codes = std::collections::BTreeMap::<&str, usize>::new();
    let mut wrapped = 0;
    let parsing = files(&dir.join("test_parsing"));
    assert!(
        parsing.len() > 300,
        "expected JSONTestSuite's ~318 test_parsing files in {}, found {}",
        dir.display(),
        parsing.len()
    );
    for path in &parsing {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let bytes = fs::read(path).unwrap();
        let result = match guarded(|| api::summarize(&bytes, &strict())) {
            Ok(r) => r,
            Err(p) => {
                failures.push(format!("{name}: summarize (strict) panicked: {p}"));
                continue;
            }
        };
        let code = code_of(&result);
        match &name[..2] {
            "y_" => {
                y += 1;
                *y_codes
                    .entry(code.map_or("ok", |c| c.as_str()))
                    .or_default() += 1;
                if matches!(code, Some(ErrorCode::InvalidJson | ErrorCode::TooDeep)) {
                    failures.push(format!(
                        "{name}: valid json rejected by the json layer: {}",
                        result.err().unwrap()
                    ));
                }
            }
            "n_" => {
                n += 1;
                match &result {
                    Err(e) if e.code == ErrorCode::InvalidJson => {
                        if e.line.is_none() || e.column.is_none() || e.offset.is_none() {
                            failures
                                .push(format!("{name}: invalid_json without a position: {e:?}"));
                        }
                        if !e.message.starts_with("expected") {
                            failures.push(format!(
                                "{name}: message does not say what was expected: {e}"
                            ));
                        }
                    }
                    Err(e) => failures.push(format!("{name}: expected invalid_json, got {e}")),
                    Ok(s) => failures.push(format!(
                        "{name}: expected invalid_json, got a {:?} summary",
                        s.kind
                    )),
                }
            }
            _ => {
                if code == Some(ErrorCode::InvalidJson) {
                    i_json += 1;
                } else {
                    i_other += 1;
                }
            }
        }
        // Past the recursion limit the validator decides; it must agree.
        // (Blank files are left out: wrapped they are `[[…]]`, valid.)
        if bytes.len() < 1_000_000 && !bytes.iter().all(u8::is_ascii_whitespace) {
            let mut deep = b"[".repeat(200);
            deep.extend_from_slice(&bytes);
            deep.extend_from_slice(&b"]".repeat(200));
            match guarded(|| api::summarize(&deep, &strict())) {
                Ok(r) => {
                    wrapped += 1;
                    let want = if code == Some(ErrorCode::InvalidJson) {
                        ErrorCode::InvalidJson
                    } else {
                        ErrorCode::TooDeep
                    };
                    if code_of(&r) != Some(want) {
                        failures.push(format!(
                            "{name} wrapped 200 deep: expected {}, got {:?} (on its own: {:?})",
                            want.as_str(),
                            r.err(),
                            code
                        ));
                    }
                }
                Err(p) => failures.push(format!("{name} wrapped: summarize panicked: {p}")),
            }
        }
        other_calls_do_not_panic(&name, &bytes, &mut failures);
    }

    let transform = files(&dir.join("test_transform"));
    let (mut t_ok, mut t_err) = (0, 0);
    for path in &transform {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let bytes = fs::read(path).unwrap();
        match guarded(|| api::summarize(&bytes, &strict())) {
            Ok(Err(e)) if e.code == ErrorCode::InvalidJson => t_err += 1,
            Ok(_) => t_ok += 1,
            Err(p) => failures.push(format!("{name}: summarize (strict) panicked: {p}")),
        }
        other_calls_do_not_panic(&name, &bytes, &mut failures);
    }

    still_summarizes_the_seed(&mut failures);
    println!(
        "jsontestsuite ({}): test_parsing {} files: y_ {y} accepted by the json layer {:?}, \
         n_ {n} rejected as invalid_json, i_ {} ({i_json} invalid_json, {i_other} other); \
         {wrapped} re-checked wrapped 200 deep; test_transform {} files ({t_ok} read, {t_err} invalid_json); \
         {} failures",
        dir.display(),
        parsing.len(),
        y_codes,
        i_json + i_other,
        transform.len(),
        failures.len()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
