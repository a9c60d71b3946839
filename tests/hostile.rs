//! Hostile input (issue #5): hand-written cases across all six formats, the
//! JSON layer and the objectData decoder, each with the error code or the exact
//! warnings (code and path) it must give. Nothing may panic, and after every
//! case the same API must still give the known summary of
//! samples/seed-aos-execution.json.
//!
//! A case that shows a bug outside src/json/ and src/objectdata.rs is kept
//! here as an `#[ignore = "BUG ..."]` test (run them with
//! `cargo test --test hostile -- --ignored`) until the owner fixes it.

#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use execscope::api::{self, Options};
use execscope::error::{Error, ErrorCode, WarningCode};
use execscope::model::Format;
use execscope::objectdata::{self, DataFormat, Status};
use execscope::phase::Phase;
use execscope::summary::Summary;
use serde_json::{json, Value};
use std::panic::{catch_unwind, AssertUnwindSafe};

const SEED: &[u8] = include_bytes!("../samples/seed-aos-execution.json");

type Check = Result<(), String>;

macro_rules! ensure {
    ($cond:expr, $($fmt:tt)+) => {
        if !$cond {
            return Err(format!($($fmt)+));
        }
    };
}

// ---------------------------------------------------------------- payloads

/// A small AOS execution: run trim-1, one element `app`, Succeeded.
fn aos() -> Value {
    json!({
        "kind": "Execution",
        "apiVersion": "paas/v1alpha1",
        "metadata": {"name": "trim-1", "creationTimestamp": "2016-12-27T20:12:32Z"},
        "spec": {"actionName": "create", "timeoutInMinutes": 60, "objectData": "*****"},
        "status": {
            "progress": 100,
            "objectStatus": {"phase": "Succeeded", "updateAt": "2016-12-27T20:12:47Z"},
            "subObjectStatuses": {
                "app": {"phase": "Succeeded", "createAt": "2016-12-27T20:12:33Z", "updateAt": "2016-12-27T20:12:40Z"}
            }
        }
    })
}

/// A small GCS execution with one node in both places.
fn gcs() -> Value {
    json!({
        "execution": {"guid": "g-1", "name": "wf", "status": "Running",
                      "create_at": "2020-01-01T00:00:00Z", "update_at": "2020-01-01T00:05:00Z"},
        "object": {"kind": "execution", "apiVersion": "gene.kubedag/v1alpha1",
                   "status": {"subObjectStatuses": {"n1": {"phase": "Running", "createAt": "2020-01-01T00:00:01Z"}}}},
        "status": {"node_number": 1, "actual_node_status": {"n1": {"status": "Running"}}}
    })
}

fn event(elem: &str, reason: &str, at: &str) -> Value {
    json!({"involvedObject": {"name": "run-1"}, "reason": reason, "message": "m",
           "firstTimestamp": at, "lastTimestamp": at, "count": 1, "type": "Normal",
           "elemType": "t", "elemId": elem, "actionName": "create"})
}

fn events() -> Value {
    json!([
        event("a", "启动##ActionStart", "2020-01-01T00:00:00Z"),
        event("a", "执行成功##SuccessfulFinish", "2020-01-01T00:00:10Z"),
    ])
}

fn workflow() -> Value {
    json!([{
        "workflow_id": "wf", "execution_id": "x-1", "status": "success", "created_by": "me",
        "begin_time": 1_600_000_000_000_i64, "end_time": 1_600_000_060_000_i64,
        "execution_result_list": [
            {"node_id": "n1", "status": "success", "begin_time": 1_600_000_000_000_i64, "end_time": 1_600_000_030_000_i64}
        ]
    }])
}

fn api_error() -> Value {
    json!({"error_code": "AOM.0001", "error_msg": "bad", "http_code": 400})
}

fn rfs_event(key: &str, event_type: &str, at: &str) -> Value {
    let (kind, name) = key.split_once('.').unwrap_or(("t", key));
    json!({"resource_type": kind, "resource_name": name, "resource_key": key,
           "time": at, "event_type": event_type, "event_message": "m"})
}

/// A small RFS event list, newest first as the API lists it: `vpc.main` created
/// (10 s), `rds.db` failed after 30 s, a LOG of the stack.
fn rfs() -> Value {
    json!({
        "stack_events": [
            rfs_event("rds.db", "UPDATE_FAILED", "2024-07-01T10:00:40Z"),
            rfs_event("rds.db", "UPDATE_IN_PROGRESS", "2024-07-01T10:00:10Z"),
            rfs_event("vpc.main", "CREATION_COMPLETE", "2024-07-01T10:00:10Z"),
            rfs_event("vpc.main", "CREATION_IN_PROGRESS", "2024-07-01T10:00:00Z"),
            {"time": "2024-07-01T09:59:59Z", "event_type": "LOG", "event_message": "plan"}
        ],
        "page_info": {"next_marker": "2"}
    })
}

/// `base` with the value at JSON pointer `at` replaced (parents created).
fn set(mut base: Value, at: &str, value: Value) -> Value {
    let mut cur = &mut base;
    for part in at.trim_start_matches('/').split('/') {
        cur = match cur {
            Value::Array(a) => &mut a[part.parse::<usize>().unwrap()],
            other => {
                if !other.is_object() {
                    *other = json!({});
                }
                other
                    .as_object_mut()
                    .unwrap()
                    .entry(part.to_string())
                    .or_insert(Value::Null)
            }
        };
    }
    *cur = value;
    base
}

/// `base` with the raw JSON text `raw` at `at` (for what `Value` cannot hold).
fn set_raw(base: Value, at: &str, raw: &str) -> Vec<u8> {
    let marker = "\u{1}RAW\u{1}";
    let text = serde_json::to_string(&set(base, at, json!(marker))).unwrap();
    let quoted = serde_json::to_string(marker).unwrap();
    assert!(text.contains(&quoted));
    text.replacen(&quoted, raw, 1).into_bytes()
}

fn bytes(v: &Value) -> Vec<u8> {
    serde_json::to_vec(v).unwrap()
}

// ------------------------------------------------------------ expectations

fn strict() -> Options {
    Options {
        strict: true,
        ..Options::default()
    }
}

fn d() -> Options {
    Options::default()
}

fn forced(format: Format) -> Options {
    Options {
        format: Some(format),
        ..Options::default()
    }
}

fn err(input: &[u8], options: &Options, code: ErrorCode) -> Result<Error, String> {
    match api::summarize(input, options) {
        Ok(s) => Err(format!(
            "expected {}, got a {:?} summary with warnings {:?}",
            code.as_str(),
            s.kind,
            s.warnings
        )),
        Err(e) if e.code == code => {
            ensure!(
                e.message.starts_with("expected"),
                "message does not start with \"expected\": {e}"
            );
            Ok(e)
        }
        Err(e) => Err(format!("expected {}, got {e:?}", code.as_str())),
    }
}

fn ok(input: &[u8], options: &Options) -> Result<Summary, String> {
    api::summarize(input, options).map_err(|e| format!("expected a summary, got {e:?}"))
}

/// The summary's warnings as (code, path), in order.
fn warnings(s: &Summary) -> Vec<(WarningCode, String)> {
    s.warnings
        .iter()
        .map(|w| (w.code, w.path.clone()))
        .collect()
}

/// Summarizes and checks the format and exactly these warnings.
fn warns(
    input: &[u8],
    options: &Options,
    kind: Format,
    expected: &[(WarningCode, &str)],
) -> Result<Summary, String> {
    let s = ok(input, options)?;
    ensure!(s.kind == kind, "expected format {kind:?}, got {:?}", s.kind);
    let got = warnings(&s);
    let want: Vec<(WarningCode, String)> =
        expected.iter().map(|(c, p)| (*c, p.to_string())).collect();
    ensure!(
        got == want,
        "expected warnings {want:?}, got {got:?} ({:?})",
        s.warnings.iter().map(|w| &w.message).collect::<Vec<_>>()
    );
    for w in &s.warnings {
        ensure!(
            w.message.starts_with("expected")
                || w.message.starts_with("skipped")
                || w.message.starts_with("removed"),
            "warning message does not say what was expected: {}",
            w.message
        );
    }
    Ok(s)
}

fn at(e: &Error, line: usize, column: usize, offset: usize) -> Check {
    ensure!(
        (e.line, e.column, e.offset) == (Some(line), Some(column), Some(offset)),
        "expected line {line}, column {column}, offset {offset}, got {:?} {:?} {:?}: {}",
        e.line,
        e.column,
        e.offset,
        e.message
    );
    Ok(())
}

fn says(e: &Error, words: &str) -> Check {
    ensure!(
        e.message.contains(words),
        "expected the message to contain {words:?}: {}",
        e.message
    );
    Ok(())
}

fn decode_err(text: &str, code: ErrorCode, offset: Option<usize>) -> Check {
    match objectdata::decode_with_json(text) {
        Ok(d) => Err(format!(
            "expected {}, decoded {:?}",
            code.as_str(),
            d.format
        )),
        Err(e) => {
            ensure!(e.code == code, "expected {}, got {e:?}", code.as_str());
            ensure!(e.offset == offset, "expected offset {offset:?}, got {e:?}");
            ensure!(e.message.starts_with("expected"), "message: {e}");
            Ok(())
        }
    }
}

fn decoded(text: &str, format: DataFormat) -> Result<objectdata::Decoded, String> {
    let d =
        objectdata::decode_with_json(text).map_err(|e| format!("expected {format:?}, got {e}"))?;
    ensure!(d.status == Status::Decoded, "status {:?}", d.status);
    ensure!(
        d.format == Some(format),
        "expected {format:?}, got {:?}",
        d.format
    );
    Ok(d)
}

fn b64(data: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(data)
}

/// The known payload still summarizes exactly as before.
fn still_works() -> Check {
    let s = api::summarize(SEED, &Options::default()).map_err(|e| format!("seed: {e}"))?;
    let run = &s.runs[0];
    ensure!(
        s.kind == Format::AosExecution
            && run.id == "trim-4074942376"
            && run.phase == Phase::Succeeded
            && run.progress.derived == Some(100)
            && run.progress.reported == Some(100)
            && run.phases.Succeeded == 3
            && run.duration_ms == Some(15_000)
            && s.warnings.is_empty(),
        "seed summary changed: {s:?}"
    );
    let t = api::timeline(SEED, &Options::default()).map_err(|e| format!("seed timeline: {e}"))?;
    ensure!(
        t.lanes.len() == 3,
        "seed timeline has {} lanes",
        t.lanes.len()
    );
    Ok(())
}

/// Every entry point on the input must return (not panic).
fn no_panic_anywhere(input: &[u8], options: &Options) -> Check {
    let r = catch_unwind(AssertUnwindSafe(|| {
        let _ = api::summarize(input, options);
        let _ = api::timeline(input, options);
        let _ = api::events(input, options);
        let _ = api::detect(input, options);
        let _ = api::raw_json(input, options);
        let _ = api::graph(input, options);
    }));
    ensure!(r.is_ok(), "an entry point panicked");
    Ok(())
}

// ------------------------------------------------------------------ cases

type Case = (&'static str, Box<dyn Fn() -> Check>);

fn case(name: &'static str, f: impl Fn() -> Check + 'static) -> Case {
    (name, Box::new(f))
}

fn json_layer_cases() -> Vec<Case> {
    use ErrorCode::*;
    vec![
        case("empty input", || {
            let e = err(b"", &Options::default(), InvalidJson)?;
            says(&e, "found empty input")
        }),
        case("blank input", || {
            let e = err(b" \n\t\r\n ", &Options::default(), InvalidJson)?;
            says(&e, "found only whitespace")
        }),
        case("BOM before a payload: repaired with a warning", || {
            let mut input = b"\xEF\xBB\xBF".to_vec();
            input.extend_from_slice(SEED);
            let s = warns(
                &input,
                &Options::default(),
                Format::AosExecution,
                &[(WarningCode::Bom, "$")],
            )?;
            ensure!(s.runs[0].id == "trim-4074942376", "id {}", s.runs[0].id);
            Ok(())
        }),
        case("BOM in strict mode", || {
            let mut input = b"\xEF\xBB\xBF".to_vec();
            input.extend_from_slice(SEED);
            let e = err(&input, &strict(), InvalidJson)?;
            at(&e, 1, 1, 0)
        }),
        case("BOM alone", || {
            let e = err(b"\xEF\xBB\xBF", &Options::default(), InvalidJson)?;
            says(&e, "found empty input")
        }),
        case("two BOMs", || {
            err(
                b"\xEF\xBB\xBF\xEF\xBB\xBF{}",
                &Options::default(),
                InvalidJson,
            )
            .map(|_| ())
        }),
        case("NUL byte after the value", || {
            let mut input = bytes(&aos());
            let n = input.len();
            input.push(0);
            let e = err(&input, &Options::default(), InvalidJson)?;
            ensure!(e.offset == Some(n), "offset {:?}, want {n}", e.offset);
            says(&e, "U+0000")
        }),
        case("raw NUL byte inside a string", || {
            let input = b"{\"kind\":\"Exe\0cution\"}";
            let e = err(input, &Options::default(), InvalidJson)?;
            at(&e, 1, 13, 12)?;
            says(&e, "control character")
        }),
        case(
            "escaped NUL (\\u0000) in the run id is kept as data",
            || {
                let input = set_raw(aos(), "/metadata/name", r#""a\u0000b""#);
                let s = warns(&input, &Options::default(), Format::AosExecution, &[])?;
                ensure!(s.runs[0].id == "a\0b", "id {:?}", s.runs[0].id);
                Ok(())
            },
        ),
        case("invalid UTF-8 inside a string", || {
            let mut input = b"{\"kind\":\"Execution\",\n\"metadata\":{\"name\":\"ab".to_vec();
            let offset = input.len();
            input.extend_from_slice(b"\xff\"}}");
            let e = err(&input, &Options::default(), InvalidJson)?;
            ensure!(e.line == Some(2), "line {:?}", e.line);
            ensure!(
                e.offset.is_some_and(|o| o >= offset - 2 && o <= offset + 1),
                "offset {:?} near {offset}",
                e.offset
            );
            Ok(())
        }),
        case("invalid UTF-8 outside strings", || {
            let e = err(b"{\"a\":1,\xc3\x28}", &Options::default(), InvalidJson)?;
            at(&e, 1, 8, 7)
        }),
        case("UTF-16LE text with its BOM", || {
            let text: Vec<u8> = "\u{feff}{\"error_code\":\"x\"}"
                .encode_utf16()
                .flat_map(u16::to_le_bytes)
                .collect();
            let e = err(&text, &Options::default(), InvalidJson)?;
            at(&e, 1, 1, 0)?;
            says(&e, "0xff")
        }),
        case("lone leading surrogate escape in a string", || {
            let input = set_raw(aos(), "/metadata/name", r#""\ud800""#);
            let e = err(&input, &Options::default(), InvalidJson)?;
            says(&e, "hex escape")
        }),
        case("lone trailing surrogate escape in a key", || {
            let input = set_raw(aos(), "/status/subObjectStatuses/app", r#"{"\udc00":1}"#);
            err(&input, &Options::default(), InvalidJson).map(|_| ())
        }),
        case("valid surrogate pair in an element name", || {
            let input = set_raw(aos(), "/status/subObjectStatuses/app", "null")
                .into_iter()
                .collect::<Vec<u8>>();
            let text =
                String::from_utf8(input)
                    .unwrap()
                    .replacen("\"app\"", r#""\ud83d\ude00""#, 1);
            let s = warns(
                text.as_bytes(),
                &Options::default(),
                Format::AosExecution,
                &[],
            )?;
            ensure!(
                s.runs[0].element_count == 1,
                "elements {}",
                s.runs[0].element_count
            );
            let t = api::timeline(text.as_bytes(), &Options::default()).unwrap();
            ensure!(t.lanes[0].id == "\u{1F600}", "lane {:?}", t.lanes[0].id);
            Ok(())
        }),
        case("100,000 opening brackets, never closed", || {
            let input = "[".repeat(100_000);
            let e = err(input.as_bytes(), &strict(), InvalidJson)?;
            at(&e, 1, 100_001, 100_000)?;
            says(&e, "the end of the input")
        }),
        case("100,000-deep well-formed arrays", || {
            let input = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
            let e = err(input.as_bytes(), &Options::default(), TooDeep)?;
            at(&e, 1, 128, 127)
        }),
        case("100,000-deep objects inside an AOS field", || {
            let deep = format!("{}1{}", "{\"a\":".repeat(100_000), "}".repeat(100_000));
            let input = set_raw(aos(), "/spec/extra", &deep);
            err(&input, &Options::default(), TooDeep).map(|_| ())
        }),
        case("deep nesting with a syntax error at the very end", || {
            let input = format!("{}{}}}", "[".repeat(100_000), "]".repeat(99_999));
            let e = err(input.as_bytes(), &Options::default(), InvalidJson)?;
            at(&e, 1, 200_000, 199_999)
        }),
        case("1e999 as a progress", || {
            let input = set_raw(aos(), "/status/progress", "1e999");
            let e = err(&input, &Options::default(), InvalidJson)?;
            says(&e, "number out of range")
        }),
        case("-1e999 as a time", || {
            let input = set_raw(workflow(), "/0/begin_time", "-1e999");
            err(&input, &Options::default(), InvalidJson).map(|_| ())
        }),
        case("huge integer as a progress", || {
            let input = set_raw(aos(), "/status/progress", "123456789012345678901234567890");
            let s = warns(
                &input,
                &Options::default(),
                Format::AosExecution,
                &[(WarningCode::InvalidValue, "$.status.progress")],
            )?;
            ensure!(
                s.runs[0].progress.reported.is_none(),
                "reported {:?}",
                s.runs[0].progress.reported
            );
            Ok(())
        }),
        case(
            "huge integer as timeoutInMinutes and as an epoch time",
            || {
                let input = set_raw(aos(), "/spec/timeoutInMinutes", "18446744073709551616");
                let s = warns(
                    &input,
                    &Options::default(),
                    Format::AosExecution,
                    &[(WarningCode::InvalidValue, "$.spec.timeoutInMinutes")],
                )?;
                ensure!(
                    s.runs[0].timeout_minutes.is_none() && s.runs[0].timed_out.is_none(),
                    "{:?}",
                    s.runs[0]
                );
                let input = set_raw(workflow(), "/0/end_time", "99999999999999999999999");
                warns(
                    &input,
                    &Options::default(),
                    Format::WorkflowExecutions,
                    &[(WarningCode::InvalidValue, "$[0].end_time")],
                )
                .map(|_| ())
            },
        ),
        case("1.0e2 and -0 where whole numbers are expected", || {
            let input = set_raw(aos(), "/status/progress", "1.0e2");
            let s = warns(&input, &Options::default(), Format::AosExecution, &[])?;
            ensure!(
                s.runs[0].progress.reported == Some(100),
                "{:?}",
                s.runs[0].progress
            );
            let input = set_raw(aos(), "/status/progress", "-0");
            let s = warns(&input, &Options::default(), Format::AosExecution, &[])?;
            ensure!(
                s.runs[0].progress.reported == Some(0),
                "{:?}",
                s.runs[0].progress
            );
            Ok(())
        }),
        case(
            "duplicate keys: the last one wins, as in JSON.parse",
            || {
                let text = String::from_utf8(bytes(&aos())).unwrap().replacen(
                    "\"name\":\"trim-1\"",
                    "\"name\":\"first\",\"name\":\"trim-2\"",
                    1,
                );
                let s = warns(
                    text.as_bytes(),
                    &Options::default(),
                    Format::AosExecution,
                    &[],
                )?;
                ensure!(s.runs[0].id == "trim-2", "id {}", s.runs[0].id);
                // A duplicate "status" replaces the whole first status.
                let text = text.replacen("{\"kind\"", "{\"status\":{\"progress\":7},\"kind\"", 1);
                let s = ok(text.as_bytes(), &Options::default())?;
                ensure!(
                    s.runs[0].progress.reported == Some(100),
                    "{:?}",
                    s.runs[0].progress
                );
                Ok(())
            },
        ),
        case(
            "trailing commas: repaired (lenient), invalid_json at the comma (strict)",
            || {
                let input = b"{\"error_code\":\"x\",\"error_msg\":\"y\",}";
                warns(
                    input,
                    &Options::default(),
                    Format::ApiError,
                    &[(WarningCode::TrailingComma, "$")],
                )?;
                let e = err(input, &strict(), InvalidJson)?;
                at(&e, 1, 34, 33)
            },
        ),
        case("a comma alone, and commas only", || {
            err(b",", &Options::default(), InvalidJson)?;
            err(b"[,]", &Options::default(), InvalidJson)?;
            err(b"{,}", &Options::default(), InvalidJson).map(|_| ())
        }),
        case("two documents back to back", || {
            let mut input = bytes(&aos());
            input.extend_from_slice(&bytes(&aos()));
            let e = err(&input, &Options::default(), InvalidJson)?;
            says(&e, "expected the end of the json text")
        }),
        case(
            "size cap: one byte over options.max_bytes, checked first",
            || {
                let input = bytes(&aos());
                let options = Options {
                    max_bytes: input.len() - 1,
                    ..Options::default()
                };
                err(&input, &options, TooLarge)?;
                let options = Options {
                    max_bytes: input.len(),
                    ..Options::default()
                };
                ok(&input, &options)?;
                // The cap comes before the JSON: even invalid bytes are too_large.
                let options = Options {
                    max_bytes: 3,
                    ..Options::default()
                };
                err(b"\xff\xff\xff\xff", &options, TooLarge).map(|_| ())
            },
        ),
        case("scalars and empty containers at the top", || {
            for input in [&b"null"[..], b"true", b"0", b"\"Execution\"", b"{}"] {
                err(input, &Options::default(), UnknownFormat)?;
            }
            warns(
                b"[]",
                &Options::default(),
                Format::ExecutionEvents,
                &[(WarningCode::EmptyPayload, "$")],
            )?;
            warns(
                b"[]",
                &forced(Format::WorkflowExecutions),
                Format::WorkflowExecutions,
                &[(WarningCode::EmptyPayload, "$")],
            )
            .map(|_| ())
        }),
        case("a forced format of the wrong shape", || {
            err(
                &bytes(&aos()),
                &forced(Format::ExecutionEvents),
                UnknownFormat,
            )?;
            err(
                &bytes(&events()),
                &forced(Format::AosExecution),
                UnknownFormat,
            )?;
            err(b"null", &forced(Format::ApiError), UnknownFormat).map(|_| ())
        }),
    ]
}

fn aos_cases() -> Vec<Case> {
    use WarningCode::*;
    vec![
        case("aos: null where objects are expected", || {
            let v = set(
                set(set(aos(), "/metadata", Value::Null), "/spec", Value::Null),
                "/status",
                Value::Null,
            );
            let s = warns(&bytes(&v), &d(), Format::AosExecution, &[])?;
            let run = &s.runs[0];
            ensure!(
                run.id.is_empty() && run.phase == Phase::Unknown && run.element_count == 0,
                "{run:?}"
            );
            Ok(())
        }),
        case("aos: wrong types for metadata, spec and status", || {
            let v = set(
                set(set(aos(), "/metadata", json!("x")), "/spec", json!([1])),
                "/status",
                json!(5),
            );
            warns(
                &bytes(&v),
                &d(),
                Format::AosExecution,
                &[
                    (WrongType, "$.metadata"),
                    (WrongType, "$.spec"),
                    (WrongType, "$.status"),
                ],
            )
            .map(|_| ())
        }),
        case("aos: wrong types in every field the summary reads", || {
            let v = json!({
                "kind": "Execution",
                "metadata": {"name": 42, "uid": [], "creationTimestamp": true, "labels": {"stackname": {}}},
                "spec": {"actionName": 1, "timeoutInMinutes": "60", "objectData": 5, "changedObjectData": false,
                         "objectReference": {"name": 3}},
                "status": {"actionName": null, "progress": "100",
                           "objectStatus": {"phase": 7, "reason": [], "message": {}, "updateAt": false},
                           "subObjectStatuses": {"app": {"phase": [], "createAt": {}, "updateAt": [], "type": 1,
                                                         "reason": 2, "message": 3, "subActionName": 4}}}
            });
            let s = warns(
                &bytes(&v),
                &d(),
                Format::AosExecution,
                &[
                    (WrongType, "$.metadata.name"),
                    (WrongType, "$.metadata.creationTimestamp"),
                    (WrongType, "$.metadata.uid"),
                    (WrongType, "$.metadata.labels.stackname"),
                    (WrongType, "$.spec.actionName"),
                    (WrongType, "$.spec.timeoutInMinutes"),
                    (WrongType, "$.spec.objectData"),
                    (WrongType, "$.spec.changedObjectData"),
                    (WrongType, "$.spec.objectReference.name"),
                    (WrongType, "$.status.progress"),
                    (WrongType, "$.status.objectStatus.phase"),
                    (WrongType, "$.status.objectStatus.reason"),
                    (WrongType, "$.status.objectStatus.message"),
                    (WrongType, "$.status.objectStatus.updateAt"),
                    (WrongType, "$.status.subObjectStatuses.app.phase"),
                    (WrongType, "$.status.subObjectStatuses.app.createAt"),
                    (WrongType, "$.status.subObjectStatuses.app.updateAt"),
                    (WrongType, "$.status.subObjectStatuses.app.type"),
                    (WrongType, "$.status.subObjectStatuses.app.reason"),
                    (WrongType, "$.status.subObjectStatuses.app.message"),
                    (WrongType, "$.status.subObjectStatuses.app.subActionName"),
                ],
            )?;
            let run = &s.runs[0];
            ensure!(
                run.id.is_empty() && run.element_count == 1 && run.phases.Unknown == 1,
                "{run:?}"
            );
            Ok(())
        }),
        case(
            "aos: subObjectStatuses as an array, elements as text and null",
            || {
                let v = set(
                    aos(),
                    "/status/subObjectStatuses",
                    json!([{"phase": "Succeeded"}]),
                );
                warns(
                    &bytes(&v),
                    &d(),
                    Format::AosExecution,
                    &[(WrongType, "$.status.subObjectStatuses")],
                )?;
                let v = set(
                    aos(),
                    "/status/subObjectStatuses",
                    json!({"a": "Succeeded", "b": null, "c": 1}),
                );
                let s = warns(
                    &bytes(&v),
                    &d(),
                    Format::AosExecution,
                    &[
                        (WrongType, "$.status.subObjectStatuses.a"),
                        (WrongType, "$.status.subObjectStatuses.c"),
                    ],
                )?;
                ensure!(
                    s.runs[0].element_count == 3 && s.runs[0].phases.Unknown == 3,
                    "{:?}",
                    s.runs[0].phases
                );
                Ok(())
            },
        ),
        case("aos: progress out of range and fractional", || {
            for (p, warn) in [
                (json!(250), true),
                (json!(-1), true),
                (json!(100.5), true),
                (json!(99.9), false),
            ] {
                let v = set(aos(), "/status/progress", p.clone());
                let expected: &[(WarningCode, &str)] = if warn {
                    &[(InvalidValue, "$.status.progress")]
                } else {
                    &[]
                };
                let s = warns(&bytes(&v), &d(), Format::AosExecution, expected)?;
                ensure!(
                    warn || s.runs[0].progress.reported == Some(99),
                    "{p}: {:?}",
                    s.runs[0].progress
                );
            }
            Ok(())
        }),
        case("aos: times that do not parse, and out of range", || {
            let v = set(
                set(aos(), "/status/objectStatus/updateAt", json!("yesterday")),
                "/metadata/creationTimestamp",
                json!("10000-01-01T00:00:00Z"),
            );
            let s = warns(
                &bytes(&v),
                &d(),
                Format::AosExecution,
                &[
                    (InvalidTime, "$.metadata.creationTimestamp"),
                    (InvalidTime, "$.status.objectStatus.updateAt"),
                ],
            )?;
            ensure!(s.runs[0].finished_at.is_none(), "{:?}", s.runs[0]);
            Ok(())
        }),
        case("aos: negative and numeric times", || {
            let v = set(aos(), "/status/objectStatus/updateAt", json!(-5));
            warns(
                &bytes(&v),
                &d(),
                Format::AosExecution,
                &[(InvalidValue, "$.status.objectStatus.updateAt")],
            )?;
            // Before 1970 as RFC 3339 is a real (negative) time, and ends before the start.
            let v = set(
                aos(),
                "/status/objectStatus/updateAt",
                json!("1969-12-31T23:59:59Z"),
            );
            let s = warns(
                &bytes(&v),
                &d(),
                Format::AosExecution,
                &[(EndBeforeBegin, "$.status.objectStatus.updateAt")],
            )?;
            ensure!(s.runs[0].duration_ms.is_none(), "{:?}", s.runs[0]);
            Ok(())
        }),
        case("aos: an element that ends before it begins", || {
            let v = set(
                aos(),
                "/status/subObjectStatuses/app/updateAt",
                json!("2016-12-27T20:12:00Z"),
            );
            let s = warns(
                &bytes(&v),
                &d(),
                Format::AosExecution,
                &[(EndBeforeBegin, "$.status.subObjectStatuses.app.updateAt")],
            )?;
            let t = api::timeline(&bytes(&v), &d()).unwrap();
            ensure!(
                t.lanes[0]
                    .spans
                    .iter()
                    .all(|s| s.end.is_none_or(|e| e >= s.start)),
                "{t:?}"
            );
            ensure!(s.runs[0].phase == Phase::Succeeded, "{:?}", s.runs[0].phase);
            Ok(())
        }),
        case(
            "aos: timeoutInMinutes out of range, negative, fractional",
            || {
                for t in [json!(1e10), json!(-1), json!(1.5)] {
                    let v = set(aos(), "/spec/timeoutInMinutes", t);
                    let s = warns(
                        &bytes(&v),
                        &d(),
                        Format::AosExecution,
                        &[(InvalidValue, "$.spec.timeoutInMinutes")],
                    )?;
                    ensure!(s.runs[0].timed_out.is_none(), "{:?}", s.runs[0]);
                }
                Ok(())
            },
        ),
        case(
            "aos: keys named __proto__ and constructor are plain data",
            || {
                let v = set(
                    aos(),
                    "/status/subObjectStatuses",
                    json!({
                        "__proto__": {"phase": "Failed", "updateAt": "2016-12-27T20:12:40Z", "message": "p"},
                        "constructor": {"phase": "Succeeded"},
                        "prototype": {"phase": "Succeeded"}
                    }),
                );
                let s = warns(&bytes(&v), &d(), Format::AosExecution, &[])?;
                let run = &s.runs[0];
                ensure!(run.element_count == 3 && run.phases.Failed == 1, "{run:?}");
                ensure!(
                    run.first_failure
                        .as_ref()
                        .is_some_and(|f| f.element == "__proto__"),
                    "{:?}",
                    run.first_failure
                );
                let t = api::timeline(&bytes(&v), &d()).unwrap();
                let ids: Vec<&str> = t.lanes.iter().map(|l| l.id.as_str()).collect();
                ensure!(
                    ids.contains(&"__proto__") && ids.contains(&"constructor"),
                    "{ids:?}"
                );
                Ok(())
            },
        ),
        case("aos: unknown phase text and markup in names", || {
            let v = set(
                set(
                    aos(),
                    "/status/objectStatus/phase",
                    json!("<img src=x onerror=alert(1)>"),
                ),
                "/metadata/name",
                json!("<script>alert(1)</script>"),
            );
            let s = warns(
                &bytes(&v),
                &d(),
                Format::AosExecution,
                &[(UnknownPhase, "$.status.objectStatus.phase")],
            )?;
            ensure!(
                s.runs[0].id == "<script>alert(1)</script>" && s.runs[0].phase == Phase::Unknown,
                "{:?}",
                s.runs[0]
            );
            Ok(())
        }),
        case("aos: a 50 MB string as the run name", || {
            let name = "x".repeat(50 * 1024 * 1024);
            let v = set(aos(), "/metadata/name", json!(name));
            let s = warns(&bytes(&v), &d(), Format::AosExecution, &[])?;
            ensure!(
                s.runs[0].id.len() == 50 * 1024 * 1024,
                "id length {}",
                s.runs[0].id.len()
            );
            Ok(())
        }),
        case("aos: a million elements", || {
            let mut text =
                String::from("{\"kind\":\"Execution\",\"status\":{\"subObjectStatuses\":{");
            for i in 0..1_000_000 {
                if i > 0 {
                    text.push(',');
                }
                text.push_str(&format!("\"e{i}\":{{\"phase\":\"Succeeded\"}}"));
            }
            text.push_str("}}}");
            let s = warns(text.as_bytes(), &d(), Format::AosExecution, &[])?;
            let run = &s.runs[0];
            ensure!(
                run.element_count == 1_000_000
                    && run.progress.derived == Some(100)
                    && run.phase == Phase::Succeeded,
                "{:?}",
                run.progress
            );
            Ok(())
        }),
    ]
}

fn gcs_cases() -> Vec<Case> {
    use WarningCode::*;
    vec![
        case("gcs: the sample shape reads without warnings", || {
            let s = warns(&bytes(&gcs()), &d(), Format::GcsExecution, &[])?;
            ensure!(
                s.runs[0].id == "g-1"
                    && s.runs[0].phase == Phase::Running
                    && s.runs[0].element_count == 1,
                "{:?}",
                s.runs[0]
            );
            Ok(())
        }),
        case("gcs: actual_node_status of the wrong type", || {
            let v = set(gcs(), "/status/actual_node_status", json!(5));
            warns(
                &bytes(&v),
                &d(),
                Format::GcsExecution,
                &[(WrongType, "$.status.actual_node_status")],
            )
            .map(|_| ())
        }),
        case("gcs: actual_node_status array with junk items", || {
            let v = set(
                gcs(),
                "/status/actual_node_status",
                json!([1, null, {"name": "n2", "status": 9}, {"status": "Failed"}]),
            );
            let s = warns(
                &bytes(&v),
                &d(),
                Format::GcsExecution,
                &[
                    (WrongType, "$.status.actual_node_status[0]"),
                    (WrongType, "$.status.actual_node_status[1]"),
                    (WrongType, "$.status.actual_node_status[2].status"),
                ],
            )?;
            ensure!(s.runs[0].element_count == 3, "{:?}", s.runs[0]);
            Ok(())
        }),
        case(
            "gcs: actual_node_status map with texts, numbers and null",
            || {
                let v = set(
                    gcs(),
                    "/status/actual_node_status",
                    json!({"n1": "Succeeded", "n2": 4, "n3": null, "n4": "Weird"}),
                );
                warns(
                    &bytes(&v),
                    &d(),
                    Format::GcsExecution,
                    &[
                        (WrongType, "$.status.actual_node_status.n2"),
                        (WrongType, "$.status.actual_node_status.n3"),
                        (UnknownPhase, "$.status.actual_node_status.n4"),
                    ],
                )
                .map(|_| ())
            },
        ),
        case("gcs: execution, object and status null", || {
            let v = json!({"execution": {"guid": "g"}, "object": null, "status": null});
            let s = warns(&bytes(&v), &d(), Format::GcsExecution, &[])?;
            ensure!(s.runs[0].id == "g", "{:?}", s.runs[0]);
            Ok(())
        }),
        case("gcs: update_at before create_at, and a bad time", || {
            let v = set(
                set(gcs(), "/execution/update_at", json!("2019-01-01T00:00:00Z")),
                "/execution/status",
                json!("Succeeded"),
            );
            let s = warns(
                &bytes(&v),
                &d(),
                Format::GcsExecution,
                &[(EndBeforeBegin, "$.execution.update_at")],
            )?;
            ensure!(s.runs[0].duration_ms.is_none(), "{:?}", s.runs[0]);
            let v = set(gcs(), "/execution/create_at", json!("2020-13-45T99:99:99Z"));
            warns(
                &bytes(&v),
                &d(),
                Format::GcsExecution,
                &[(InvalidTime, "$.execution.create_at")],
            )
            .map(|_| ())
        }),
        case("gcs: execution as a string", || {
            // Not an object: detection falls to `object`, then reads with a warning.
            let v = set(gcs(), "/execution", json!("g-1"));
            warns(
                &bytes(&v),
                &d(),
                Format::GcsExecution,
                &[(WrongType, "$.execution")],
            )
            .map(|_| ())
        }),
    ]
}

fn events_cases() -> Vec<Case> {
    use WarningCode::*;
    vec![
        case("events: the small list reads without warnings", || {
            let s = warns(&bytes(&events()), &d(), Format::ExecutionEvents, &[])?;
            ensure!(
                s.runs[0].id == "run-1"
                    && s.runs[0].event_count == 2
                    && s.runs[0].phases.Succeeded == 1,
                "{:?}",
                s.runs[0]
            );
            Ok(())
        }),
        case("events: items that are not objects (forced format)", || {
            let s = warns(
                b"[1, \"x\", null, []]",
                &forced(Format::ExecutionEvents),
                Format::ExecutionEvents,
                &[
                    (WrongType, "$[0]"),
                    (WrongType, "$[1]"),
                    (WrongType, "$[2]"),
                    (WrongType, "$[3]"),
                ],
            )?;
            ensure!(s.runs[0].event_count == 0, "{:?}", s.runs[0]);
            err(b"[1, \"x\"]", &d(), ErrorCode::UnknownFormat).map(|_| ())
        }),
        case("events: count negative, huge, fractional and text", || {
            let mut v = events();
            v[0]["count"] = json!(-3);
            v[1]["count"] = json!(1e20);
            let mut more = event("b", "执行成功##SuccessfulFinish", "2020-01-01T00:00:11Z");
            more["count"] = json!("5");
            let mut frac = event("c", "执行成功##SuccessfulFinish", "2020-01-01T00:00:12Z");
            frac["count"] = json!(2.5);
            v.as_array_mut().unwrap().extend([more, frac]);
            let s = warns(
                &bytes(&v),
                &d(),
                Format::ExecutionEvents,
                &[
                    (InvalidValue, "$[0].count"),
                    (InvalidValue, "$[1].count"),
                    (WrongType, "$[2].count"),
                    (InvalidValue, "$[3].count"),
                ],
            )?;
            let ev = api::events(&bytes(&v), &d()).unwrap();
            ensure!(
                ev.iter().all(|e| e.count == 1),
                "{:?}",
                ev.iter().map(|e| e.count).collect::<Vec<_>>()
            );
            ensure!(s.runs[0].event_count == 4, "{:?}", s.runs[0]);
            Ok(())
        }),
        case(
            "events: lastTimestamp before firstTimestamp, epoch numbers",
            || {
                let mut v = events();
                v[0]["lastTimestamp"] = json!("2019-01-01T00:00:00Z");
                v[1]["firstTimestamp"] = json!(1_577_836_810);
                v[1]["lastTimestamp"] = json!(1_577_836_810_000_i64);
                warns(
                    &bytes(&v),
                    &d(),
                    Format::ExecutionEvents,
                    &[
                        (EndBeforeBegin, "$[0].lastTimestamp"),
                        (EpochSeconds, "$[1].firstTimestamp"),
                    ],
                )
                .map(|_| ())
            },
        ),
        case(
            "events: involvedObject of the wrong type and mixed runs",
            || {
                let mut v = events();
                v[0]["involvedObject"] = json!("run-1");
                v[1]["involvedObject"]["name"] = json!("run-2");
                let mut third = event("a", "Other", "2020-01-01T00:00:12Z");
                third["involvedObject"]["name"] = json!("run-3");
                v.as_array_mut().unwrap().push(third);
                let s = warns(
                    &bytes(&v),
                    &d(),
                    Format::ExecutionEvents,
                    &[
                        (WrongType, "$[0].involvedObject"),
                        (MixedRuns, "$[2].involvedObject.name"),
                    ],
                )?;
                ensure!(s.runs[0].id == "run-2", "{:?}", s.runs[0].id);
                Ok(())
            },
        ),
        case("events: no elemId, no times at all", || {
            let v = json!([{"reason": "ActionStart", "involvedObject": {"name": "r"}},
                           {"reason": "x##StackFailed", "type": "Warning", "elemId": "a"}]);
            let s = warns(&bytes(&v), &d(), Format::ExecutionEvents, &[])?;
            let t = api::timeline(&bytes(&v), &d()).unwrap();
            ensure!(t.start.is_none() && t.end.is_none(), "{t:?}");
            ensure!(s.runs[0].phases.Failed == 1, "{:?}", s.runs[0]);
            Ok(())
        }),
        case("events: a million events", || {
            let one = r#"{"involvedObject":{"name":"r"},"reason":"ActionStart","elemId":"e","firstTimestamp":"2020-01-01T00:00:00Z"}"#;
            let mut text = String::with_capacity(one.len() * 1_000_001 + 2);
            text.push('[');
            for i in 0..1_000_000 {
                if i > 0 {
                    text.push(',');
                }
                text.push_str(one);
            }
            text.push(']');
            let s = warns(text.as_bytes(), &d(), Format::ExecutionEvents, &[])?;
            ensure!(
                s.runs[0].event_count == 1_000_000 && s.runs[0].element_count == 1,
                "{:?}",
                s.runs[0].event_count
            );
            Ok(())
        }),
    ]
}

fn workflow_cases() -> Vec<Case> {
    use WarningCode::*;
    vec![
        case("workflow: the small history reads without warnings", || {
            let s = warns(&bytes(&workflow()), &d(), Format::WorkflowExecutions, &[])?;
            ensure!(
                s.runs[0].id == "x-1" && s.runs[0].duration_ms == Some(60_000),
                "{:?}",
                s.runs[0]
            );
            Ok(())
        }),
        case(
            "workflow: times as text, negative, beyond 9999999999999, fractional seconds",
            || {
                let v = set(
                    set(
                        set(workflow(), "/0/begin_time", json!("abc")),
                        "/0/end_time",
                        json!(-1),
                    ),
                    "/0/last_update_time",
                    json!(1e14),
                );
                let s = warns(
                    &bytes(&v),
                    &d(),
                    Format::WorkflowExecutions,
                    &[
                        (InvalidTime, "$[0].begin_time"),
                        (InvalidValue, "$[0].end_time"),
                        (InvalidValue, "$[0].last_update_time"),
                    ],
                )?;
                ensure!(
                    s.runs[0].started_at.is_none() && s.runs[0].finished_at.is_none(),
                    "{:?}",
                    s.runs[0]
                );
                let v = set(workflow(), "/0/begin_time", json!(1_599_999_999.5));
                let s = warns(
                    &bytes(&v),
                    &d(),
                    Format::WorkflowExecutions,
                    &[(EpochSeconds, "$[0].begin_time")],
                )?;
                ensure!(
                    s.runs[0].started_at == Some(1_599_999_999_500),
                    "{:?}",
                    s.runs[0].started_at
                );
                Ok(())
            },
        ),
        case("workflow: end before begin, run and node", || {
            let v = set(
                set(workflow(), "/0/end_time", json!(1_500_000_000_000_i64)),
                "/0/execution_result_list/0/end_time",
                json!(1_500_000_000_000_i64),
            );
            let s = warns(
                &bytes(&v),
                &d(),
                Format::WorkflowExecutions,
                &[
                    (EndBeforeBegin, "$[0].end_time"),
                    (EndBeforeBegin, "$[0].execution_result_list[0].end_time"),
                ],
            )?;
            ensure!(s.runs[0].duration_ms.is_none(), "{:?}", s.runs[0]);
            Ok(())
        }),
        case(
            "workflow: execution_result_list of the wrong type and junk nodes",
            || {
                let v = set(workflow(), "/0/execution_result_list", json!({"n1": {}}));
                warns(
                    &bytes(&v),
                    &d(),
                    Format::WorkflowExecutions,
                    &[(WrongType, "$[0].execution_result_list")],
                )?;
                let v = set(
                    workflow(),
                    "/0/execution_result_list",
                    json!([null, 5, {"node_id": 7, "status": true, "output": {"fail": "x"}}]),
                );
                let s = warns(
                    &bytes(&v),
                    &d(),
                    Format::WorkflowExecutions,
                    &[
                        (WrongType, "$[0].execution_result_list[0]"),
                        (WrongType, "$[0].execution_result_list[1]"),
                        (WrongType, "$[0].execution_result_list[2].status"),
                        (WrongType, "$[0].execution_result_list[2].node_id"),
                    ],
                )?;
                ensure!(s.runs[0].element_count == 1, "{:?}", s.runs[0]);
                Ok(())
            },
        ),
        case(
            "workflow: runs that are not objects, and duplicate execution ids",
            || {
                let mut v = workflow();
                let copy = v[0].clone();
                v.as_array_mut()
                    .unwrap()
                    .extend([json!(1), json!(null), copy]);
                let s = warns(
                    &bytes(&v),
                    &d(),
                    Format::WorkflowExecutions,
                    &[(WrongType, "$[1]"), (WrongType, "$[2]")],
                )?;
                ensure!(s.runs.len() == 2, "{} runs", s.runs.len());
                let options = Options {
                    run: Some("x-1".into()),
                    ..d()
                };
                api::timeline(&bytes(&v), &options).map_err(|e| e.to_string())?;
                let options = Options {
                    run: Some("nope".into()),
                    ..d()
                };
                match api::timeline(&bytes(&v), &options) {
                    Err(e) if e.code == ErrorCode::UnknownRun => Ok(()),
                    other => Err(format!("expected unknown_run, got {other:?}")),
                }
            },
        ),
        case("workflow: a million nodes", || {
            let mut text = String::from(
                "[{\"execution_id\":\"x\",\"status\":\"success\",\"execution_result_list\":[",
            );
            for i in 0..1_000_000 {
                if i > 0 {
                    text.push(',');
                }
                text.push_str("{\"status\":\"success\"}");
            }
            text.push_str("]}]");
            let s = warns(text.as_bytes(), &d(), Format::WorkflowExecutions, &[])?;
            ensure!(
                s.runs[0].element_count == 1_000_000 && s.runs[0].progress.derived == Some(100),
                "{:?}",
                s.runs[0].progress
            );
            Ok(())
        }),
    ]
}

fn api_error_cases() -> Vec<Case> {
    use WarningCode::*;
    vec![
        case("api-error: the small body", || {
            let s = warns(&bytes(&api_error()), &d(), Format::ApiError, &[])?;
            let e = s.api_error.as_ref().unwrap();
            ensure!(
                e.http_code == Some(400) && e.code.as_deref() == Some("AOM.0001"),
                "{e:?}"
            );
            ensure!(s.runs.is_empty(), "{:?}", s.runs);
            Ok(())
        }),
        case(
            "api-error: http_code as bad text, too big, negative, fractional",
            || {
                for h in [
                    json!("abc"),
                    json!("1000"),
                    json!(1000),
                    json!(-1),
                    json!(404.5),
                    json!(" 401 "),
                ] {
                    let v = set(api_error(), "/http_code", h.clone());
                    let expected: &[(WarningCode, &str)] = if h == json!(" 401 ") {
                        &[]
                    } else {
                        &[(InvalidValue, "$.http_code")]
                    };
                    warns(&bytes(&v), &d(), Format::ApiError, expected)
                        .map_err(|e| format!("{h}: {e}"))?;
                }
                Ok(())
            },
        ),
        case("api-error: wrong types for code and message", || {
            let v = json!({"error_code": 5, "error_msg": {}, "http_code": true});
            let s = warns(
                &bytes(&v),
                &d(),
                Format::ApiError,
                &[
                    (WrongType, "$.http_code"),
                    (WrongType, "$.error_code"),
                    (WrongType, "$.error_msg"),
                ],
            )?;
            ensure!(
                s.api_error
                    .as_ref()
                    .is_some_and(|e| e.code.is_none() && e.message.is_none()),
                "{:?}",
                s.api_error
            );
            Ok(())
        }),
        case("api-error: null fields and __proto__ keys", || {
            let text = br#"{"error_code": null, "error_msg": null, "__proto__": {"error_code": "x"}, "constructor": 1}"#;
            let s = warns(text, &d(), Format::ApiError, &[])?;
            ensure!(
                s.api_error.as_ref().is_some_and(|e| e.code.is_none()),
                "{:?}",
                s.api_error
            );
            Ok(())
        }),
    ]
}

fn rfs_cases() -> Vec<Case> {
    use WarningCode::*;
    const T0: i64 = 1_719_828_000_000; // 2024-07-01T10:00:00Z
    vec![
        case("rfs: the small event list reads without warnings", || {
            let s = warns(&bytes(&rfs()), &d(), Format::RfsStackEvents, &[])?;
            let run = &s.runs[0];
            ensure!(
                run.id == "stack"
                    && run.phase == Phase::Failed
                    && run.raw_phase.is_none()
                    && run
                        .first_failure
                        .as_ref()
                        .is_some_and(|f| f.element == "rds.db")
                    && run.started_at == Some(T0 - 1_000)
                    && run.finished_at == Some(T0 + 40_000)
                    && run.event_count == 5
                    && run.element_count == 2,
                "{run:?}"
            );
            let t = api::timeline(&bytes(&rfs()), &d()).map_err(|e| e.to_string())?;
            let ids: Vec<&str> = t.lanes.iter().map(|l| l.id.as_str()).collect();
            ensure!(ids == ["", "vpc.main", "rds.db"], "lanes {ids:?}");
            let db = &t.lanes[2];
            ensure!(
                db.spans.len() == 1
                    && db.spans[0].start == T0 + 10_000
                    && db.spans[0].end == Some(T0 + 40_000)
                    && !db.spans[0].start_inferred
                    && db.action.as_deref() == Some("update"),
                "{db:?}"
            );
            Ok(())
        }),
        case("rfs: wrong types in every field the reader reads", || {
            let v = json!({"stack_events": [{
                "resource_type": 5, "resource_name": {}, "resource_key": [],
                "time": true, "event_type": 1, "event_message": false, "elapsed_seconds": "12"
            }]});
            let s = warns(
                &bytes(&v),
                &d(),
                Format::RfsStackEvents,
                &[
                    (WrongType, "$.stack_events[0].resource_type"),
                    (WrongType, "$.stack_events[0].resource_name"),
                    (WrongType, "$.stack_events[0].resource_key"),
                    (WrongType, "$.stack_events[0].elapsed_seconds"),
                    (WrongType, "$.stack_events[0].time"),
                    (WrongType, "$.stack_events[0].event_type"),
                    (WrongType, "$.stack_events[0].event_message"),
                ],
            )?;
            // No resource: the event belongs to the stack, and without a time it draws nothing.
            ensure!(
                s.runs[0].element_count == 0 && s.runs[0].event_count == 1,
                "{:?}",
                s.runs[0]
            );
            Ok(())
        }),
        case(
            "rfs: stack_events of the wrong type, empty, and junk items",
            || {
                // Not an array: not RFS at all, unless forced.
                let e = err(br#"{"stack_events": {}}"#, &d(), ErrorCode::UnknownFormat)?;
                says(&e, "rfs stack events")?;
                warns(
                    br#"{"stack_events": {}}"#,
                    &forced(Format::RfsStackEvents),
                    Format::RfsStackEvents,
                    &[(WrongType, "$.stack_events")],
                )?;
                let s = warns(
                    br#"{"stack_events": []}"#,
                    &d(),
                    Format::RfsStackEvents,
                    &[(EmptyPayload, "$.stack_events")],
                )?;
                ensure!(
                    s.runs.len() == 1
                        && s.runs[0].element_count == 0
                        && s.runs[0].phase == Phase::Unknown,
                    "{:?}",
                    s.runs
                );
                warns(
                    br#"{"stack_events": [1, "x", null, [], {}]}"#,
                    &d(),
                    Format::RfsStackEvents,
                    &[
                        (WrongType, "$.stack_events[0]"),
                        (WrongType, "$.stack_events[1]"),
                        (WrongType, "$.stack_events[2]"),
                        (WrongType, "$.stack_events[3]"),
                    ],
                )?;
                Ok(())
            },
        ),
        case(
            "rfs: times that do not parse, negative and huge elapsed_seconds",
            || {
                let v = json!({"stack_events": [
                    {"resource_key": "a", "time": "not-a-time", "event_type": "CREATION_COMPLETE"},
                    {"resource_key": "b", "time": "2024-07-01T10:00:00Z", "event_type": "CREATION_COMPLETE", "elapsed_seconds": -4},
                    {"resource_key": "c", "time": "2024-07-01T10:00:00Z", "event_type": "CREATION_COMPLETE", "elapsed_seconds": 1e9},
                    {"resource_key": "d", "time": -5, "event_type": "CREATION_COMPLETE"},
                    {"resource_key": "e", "time": 1e14, "event_type": "CREATION_COMPLETE"}
                ]});
                let s = warns(
                    &bytes(&v),
                    &d(),
                    Format::RfsStackEvents,
                    &[
                        (InvalidTime, "$.stack_events[0].time"),
                        (InvalidValue, "$.stack_events[1].elapsed_seconds"),
                        (InvalidValue, "$.stack_events[2].elapsed_seconds"),
                        (InvalidValue, "$.stack_events[3].time"),
                        (InvalidValue, "$.stack_events[4].time"),
                    ],
                )?;
                // Every element still counts; b and c close without a start: inferred.
                ensure!(s.runs[0].phases.Succeeded == 5, "{:?}", s.runs[0].phases);
                let t = api::timeline(&bytes(&v), &d()).map_err(|e| e.to_string())?;
                for lane in &t.lanes {
                    for span in &lane.spans {
                        ensure!(span.start_inferred, "{lane:?}");
                    }
                }
                Ok(())
            },
        ),
        case(
            "rfs: elapsed_seconds gives an observed start; a close without it is inferred",
            || {
                let v = json!({"stack_events": [
                    {"resource_key": "a", "time": "2024-07-01T10:00:30Z", "event_type": "CREATION_COMPLETE", "elapsed_seconds": 12.5},
                    {"resource_key": "b", "time": "2024-07-01T10:00:30Z", "event_type": "DELETION_FAILED"},
                    {"resource_key": "c", "time": "2024-07-01T10:00:00Z", "event_type": "UPDATE_IN_PROGRESS"}
                ]});
                let s = warns(&bytes(&v), &d(), Format::RfsStackEvents, &[])?;
                ensure!(
                    s.runs[0].phase == Phase::Running
                        && s.runs[0].finished_at.is_none()
                        && s.runs[0].phases.Running == 1
                        && s.runs[0].phases.Failed == 1,
                    "{:?}",
                    s.runs[0]
                );
                let t = api::timeline(&bytes(&v), &d()).map_err(|e| e.to_string())?;
                let lane = |id: &str| t.lanes.iter().find(|l| l.id == id).unwrap();
                let (a, b, c) = (lane("a"), lane("b"), lane("c"));
                ensure!(
                    a.spans[0].start == T0 + 17_500 && !a.spans[0].start_inferred,
                    "{a:?}"
                );
                ensure!(
                    b.spans[0].start_inferred
                        && b.phase == Phase::Failed
                        && b.action.as_deref() == Some("delete"),
                    "{b:?}"
                );
                ensure!(
                    c.spans[0].end.is_none() && c.phase == Phase::Running,
                    "{c:?}"
                );
                Ok(())
            },
        ),
        case(
            "rfs: unknown event types are markers and change no phase",
            || {
                let v = json!({"stack_events": [
                    rfs_event("a.b", "CREATION_IN_PROGRESS", "2024-07-01T10:00:00Z"),
                    rfs_event("a.b", "ROLLBACK_SOMETHING_NEW", "2024-07-01T10:00:05Z"),
                    rfs_event("a.b", "", "2024-07-01T10:00:06Z"),
                    rfs_event("a.b", "creation_complete", "2024-07-01T10:00:10Z"),
                    rfs_event("a.b", "DRIFT", "2024-07-01T10:00:20Z")
                ]});
                let s = warns(&bytes(&v), &d(), Format::RfsStackEvents, &[])?;
                ensure!(s.runs[0].phase == Phase::Succeeded, "{:?}", s.runs[0]);
                let t = api::timeline(&bytes(&v), &d()).map_err(|e| e.to_string())?;
                let lane = t.lanes.iter().find(|l| l.id == "a.b").unwrap();
                let kinds: Vec<String> = lane
                    .markers
                    .iter()
                    .map(|m| format!("{:?}", m.kind))
                    .collect();
                ensure!(
                    lane.spans.len() == 1
                        && lane.phase == Phase::Succeeded
                        && kinds.contains(&"Failure".to_string()),
                    "{lane:?}"
                );
                Ok(())
            },
        ),
        case(
            "rfs: markup, __proto__ and empty keys are plain data",
            || {
                let markup = "<img src=x onerror=alert(1)>";
                let v = json!({"stack_events": [
                    {"resource_type": "t", "resource_name": markup, "resource_key": "__proto__",
                     "time": "2024-07-01T10:00:00Z", "event_type": "CREATION_FAILED", "event_message": markup},
                    {"resource_type": "constructor", "resource_name": "x", "resource_key": "",
                     "time": "2024-07-01T10:00:01Z", "event_type": "CREATION_COMPLETE"},
                    {"resource_name": "only-a-name", "time": "2024-07-01T10:00:02Z", "event_type": "CREATION_COMPLETE"},
                    {"__proto__": {"resource_key": "polluted"}, "time": "2024-07-01T10:00:03Z", "event_type": "SUMMARY"}
                ]});
                let s = warns(&bytes(&v), &d(), Format::RfsStackEvents, &[])?;
                let failure = s.runs[0].first_failure.as_ref().unwrap();
                ensure!(
                    failure.element == "__proto__" && failure.message.as_deref() == Some(markup),
                    "{failure:?}"
                );
                let t = api::timeline(&bytes(&v), &d()).map_err(|e| e.to_string())?;
                let mut ids: Vec<&str> = t.lanes.iter().map(|l| l.id.as_str()).collect();
                ids.sort_unstable();
                ensure!(
                    ids == ["", "__proto__", "constructor.x", "only-a-name"],
                    "lanes {ids:?}"
                );
                ensure!(
                    t.lanes.iter().any(|l| l.label == markup),
                    "the label is kept as text: {:?}",
                    t.lanes
                );
                Ok(())
            },
        ),
        case(
            "rfs: strict mode, a trailing comma and a duplicate key",
            || {
                let text = br#"{"stack_events": [{"resource_key": "a", "resource_key": "b", "time": "2024-07-01T10:00:00Z", "event_type": "CREATION_COMPLETE"},]}"#;
                err(text, &strict(), ErrorCode::InvalidJson)?;
                let s = warns(text, &d(), Format::RfsStackEvents, &[(TrailingComma, "$")])?;
                let t = api::timeline(text, &d()).map_err(|e| e.to_string())?;
                ensure!(
                    t.lanes.iter().any(|l| l.id == "b") && s.runs[0].element_count == 1,
                    "{:?}",
                    t.lanes
                );
                Ok(())
            },
        ),
        case("rfs: 200,000 events on 20,000 resources", || {
            let mut items = Vec::with_capacity(200_000);
            for i in 0..200_000_i64 {
                let key = format!("t.r{}", i % 20_000);
                let at = T0 + i * 10;
                let kind = if i < 100_000 {
                    "UPDATE_IN_PROGRESS"
                } else {
                    "UPDATE_COMPLETE"
                };
                items.push(json!({"resource_key": key, "time": at, "event_type": kind}));
            }
            let v = json!({"stack_events": items});
            let s = warns(&bytes(&v), &d(), Format::RfsStackEvents, &[])?;
            ensure!(
                s.runs[0].element_count == 20_000
                    && s.runs[0].event_count == 200_000
                    && s.runs[0].phases.Succeeded == 20_000,
                "{:?}",
                s.runs[0]
            );
            Ok(())
        }),
    ]
}

fn object_data_cases() -> Vec<Case> {
    use ErrorCode::*;
    vec![
        case("objectData: wrong padding", || {
            decode_err("QQ=", InvalidBase64, Some(2))?;
            decode_err("QUJD=", InvalidBase64, Some(4))?;
            decode_err("QQ===", InvalidBase64, Some(2))
        }),
        case("objectData: '=' in the middle", || {
            decode_err("QQ==QUJD", InvalidBase64, Some(2))?;
            decode_err("QU=JD", InvalidBase64, Some(2))
        }),
        case("objectData: wrong alphabet and mixed alphabets", || {
            decode_err("QU$D", InvalidBase64, Some(2))?;
            decode_err("QUJD.", InvalidBase64, Some(4))?;
            decode_err("ab+/cd-_", InvalidBase64, Some(6))?;
            decode_err("QUJD\u{0}", InvalidBase64, Some(4))?;
            decode_err("QUJDé", InvalidBase64, Some(4))
        }),
        case("objectData: a length of 4n+1", || {
            decode_err("QUJDR", InvalidBase64, Some(4))
        }),
        case("objectData: decoding to binary", || {
            let d = decoded(&b64(&[0, 1, 2, 255, 254]), DataFormat::Binary)?;
            ensure!(d.text == "000102fffe" && d.byte_length == 5, "{d:?}");
            let big = vec![7u8; 100_000];
            let d = decoded(&b64(&big), DataFormat::Binary)?;
            ensure!(
                d.text.len() == 8192 && d.byte_length == 100_000,
                "hex preview {} chars",
                d.text.len()
            );
            Ok(())
        }),
        case("objectData: decoding to invalid UTF-8", || {
            let d = decoded(&b64(b"{\"a\": \"\xff\xfe\"}"), DataFormat::Binary)?;
            ensure!(d.json.is_none(), "{d:?}");
            decoded(&b64(b"\xed\xa0\x80"), DataFormat::Binary).map(|_| ())
        }),
        case("objectData: JSON inside base64, with __proto__", || {
            let d = decoded(
                &b64(br#"{"__proto__": {"polluted": 1}, "constructor": {"prototype": 1}}"#),
                DataFormat::Json,
            )?;
            let json = d.json.as_ref().ok_or("no json")?;
            ensure!(json["__proto__"]["polluted"] == json!(1), "{json}");
            Ok(())
        }),
        case(
            "objectData: JSON with huge numbers and escaped quotes in keys (fuzz: decode_object_data)",
            || {
                // The fuzzer's first find was in its own check: 5e82 is the payload's data.
                let d = decoded("eyJhXCJiIjo1MDBlODB9", DataFormat::Json)?;
                ensure!(d.json == Some(json!({"a\"b": 5e82})), "{:?}", d.json);
                Ok(())
            },
        ),
        case(
            "objectData: base64 inside base64 is text, YAML is yaml",
            || {
                decoded(&b64(b64(b"hello").as_bytes()), DataFormat::Text)?;
                decoded(&b64(b"a: 1\nb:\n  - c\n"), DataFormat::Yaml).map(|_| ())
            },
        ),
        case(
            "objectData: JSON too deep for serde_json is still JSON",
            || {
                let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
                let d = decoded(&b64(deep.as_bytes()), DataFormat::Json)?;
                ensure!(d.json.is_none(), "parsed past the limit?");
                Ok(())
            },
        ),
        case("objectData: URL-safe, unpadded, MIME line breaks", || {
            let data = b"\xfb\xff\xbf{\"a\":1}";
            let url =
                base64::Engine::encode(&base64::engine::general_purpose::URL_SAFE_NO_PAD, data);
            let d = decoded(&url, DataFormat::Binary)?;
            ensure!(d.byte_length == data.len(), "{d:?}");
            let mime: String = b64(&[b'x'; 200])
                .as_bytes()
                .chunks(76)
                .map(|c| format!("{}\r\n", String::from_utf8_lossy(c)))
                .collect();
            decoded(&mime, DataFormat::Text).map(|_| ())
        }),
        case(
            "objectData: over the decoded cap is too_large, before decoding",
            || {
                let text = "A".repeat(objectdata::MAX_DECODED_BYTES / 3 * 4 + 8);
                decode_err(&text, TooLarge, None)
            },
        ),
        case("objectData: redacted, empty, blank", || {
            for (t, st) in [
                ("*****", Status::Redacted),
                ("*", Status::Redacted),
                ("", Status::Empty),
                (" \n ", Status::Empty),
            ] {
                let d = objectdata::decode_with_json(t).map_err(|e| e.to_string())?;
                ensure!(d.status == st, "{t:?}: {:?}", d.status);
            }
            decode_err("**a**", InvalidBase64, Some(0))
        }),
        case(
            "objectData: a 50 MB string in the payload, summarized and decoded",
            || {
                let data = b64(&vec![b'{'; 37 * 1024 * 1024]);
                ensure!(data.len() > 48 * 1024 * 1024, "{}", data.len());
                let v = set(aos(), "/spec/objectData", json!(data));
                let s = ok(&bytes(&v), &Options::default())?;
                let text = s.runs[0].object_data.as_deref().ok_or("no objectData")?;
                let d = decoded(text, DataFormat::Text)?;
                ensure!(d.byte_length == 37 * 1024 * 1024, "{}", d.byte_length);
                Ok(())
            },
        ),
    ]
}

/// An AOS execution of `elements` (all Succeeded, in that order) whose
/// objectData is `template` (base64 of it, as written).
fn with_template(template: &str, elements: &[&str]) -> Vec<u8> {
    let subs: serde_json::Map<String, Value> = elements
        .iter()
        .enumerate()
        .map(|(i, e)| {
            (
                e.to_string(),
                json!({"phase": "Succeeded", "createAt": "2024-01-01T00:00:00Z",
                       "updateAt": format!("2024-01-01T00:{:02}:00Z", i % 60)}),
            )
        })
        .collect();
    let v = set(aos(), "/spec/objectData", json!(b64(template.as_bytes())));
    bytes(&set(v, "/status/subObjectStatuses", Value::Object(subs)))
}

fn graph_of(input: &[u8]) -> Result<execscope::graph::Graph, String> {
    api::graph(input, &Options::default()).map_err(|e| format!("graph failed: {e}"))
}

fn graph_warnings(g: &execscope::graph::Graph) -> Vec<(WarningCode, String)> {
    g.warnings
        .iter()
        .map(|w| (w.code, w.path.clone()))
        .collect()
}

fn edge_pairs(g: &execscope::graph::Graph) -> Vec<(String, String)> {
    g.edges
        .iter()
        .map(|e| (e.from.clone(), e.to.clone()))
        .collect()
}

/// Every edge's route starts and ends on its nodes' boxes, and no two boxes overlap
/// (checked on graphs of up to 2,000 nodes).
fn drawn(g: &execscope::graph::Graph) -> Check {
    let boxes: std::collections::HashMap<&str, &execscope::graph::Node> =
        g.nodes.iter().map(|n| (n.id.as_str(), n)).collect();
    for e in &g.edges {
        let (a, b) = (boxes[e.from.as_str()], boxes[e.to.as_str()]);
        ensure!(
            e.points.len() >= 2,
            "edge {} -> {} has {} points",
            e.from,
            e.to,
            e.points.len()
        );
        let first = e.points[0];
        let last = e.points[e.points.len() - 1];
        let on = |p: execscope::graph::Point, n: &execscope::graph::Node| {
            (p.x == n.x || p.x == n.x + n.width) && p.y >= n.y - 0.1 && p.y <= n.y + n.height + 0.1
        };
        ensure!(
            on(first, a) && on(last, b),
            "edge {} -> {} does not start and end on its boxes: {:?}",
            e.from,
            e.to,
            e.points
        );
    }
    if g.nodes.len() <= 2000 {
        let mut sorted: Vec<&execscope::graph::Node> = g.nodes.iter().collect();
        sorted.sort_by(|a, b| a.x.total_cmp(&b.x).then(a.y.total_cmp(&b.y)));
        for w in sorted.windows(2) {
            let (a, b) = (w[0], w[1]);
            ensure!(
                !(a.x == b.x && b.y < a.y + a.height),
                "{} and {} overlap",
                a.id,
                b.id
            );
        }
    }
    ensure!(
        g.nodes.iter().all(|n| n.x >= 0.0
            && n.y >= 0.0
            && n.x + n.width <= g.width + 0.1
            && n.y + n.height <= g.height + 0.1),
        "a box outside the drawing"
    );
    Ok(())
}

fn graph_cases() -> Vec<Case> {
    vec![
        case(
            "a cycle of three is a warning, with one depth, still drawn",
            || {
                let t = "node_templates:\n  a: {requirements: [{x: {node: c}}]}\n  b: {requirements: [{x: {node: a}}]}\n  c: {properties: {p: {get_attribute: [b, id]}}}\n  d: {requirements: [{x: {node: c}}]}\n";
                let g = graph_of(&with_template(t, &["a", "b", "c", "d"]))?;
                ensure!(edge_pairs(&g).len() == 4, "{:?}", edge_pairs(&g));
                ensure!(
                    graph_warnings(&g)
                        == vec![(
                            WarningCode::DependencyCycle,
                            "$.spec.objectData.node_templates".into()
                        )],
                    "{:?}",
                    g.warnings
                );
                ensure!(g.warnings[0].message == "expected dependencies without a cycle, found a cycle through 3 elements: \"a\", \"b\", \"c\"", "{}", g.warnings[0].message);
                let depth: Vec<u32> = g.nodes.iter().map(|n| n.depth).collect();
                ensure!(depth == vec![0, 0, 0, 1], "{depth:?}");
                drawn(&g)
            },
        ),
        case("a requirement naming itself", || {
            let t = r#"{"node_templates": {"a": {"requirements": [{"dependency": {"node": "a"}}, {"again": "a"}]}, "b": {}}}"#;
            let g = graph_of(&with_template(t, &["a", "b"]))?;
            ensure!(
                g.edges.len() == 1
                    && g.edges[0].from == "a"
                    && g.edges[0].to == "a"
                    && g.edges[0].name == "dependency",
                "{:?}",
                g.edges
            );
            ensure!(
                g.edges[0].points.len() == 4,
                "a self-loop is a loop: {:?}",
                g.edges[0].points
            );
            ensure!(
                g.warnings.len() == 1 && g.warnings[0].message.contains("depends on itself: \"a\""),
                "{:?}",
                g.warnings
            );
            ensure!(g.nodes[0].depth == 0, "a self-loop adds no depth");
            Ok(())
        }),
        case(
            "a dangling requirement and reference, with their paths",
            || {
                let t = "node_templates:\n  a:\n    requirements:\n      - cache: {node: nowhere}\n    properties: {deep: [{x: {get_reference: [gone]}}]}\n";
                let g = graph_of(&with_template(t, &["a"]))?;
                ensure!(g.edges.is_empty(), "failed: g.edges.is_empty()");
                ensure!(graph_warnings(&g) == vec![
                (WarningCode::UnknownDependency, "$.spec.objectData.node_templates.a.requirements[0].cache.node".into()),
                (WarningCode::UnknownDependency, "$.spec.objectData.node_templates.a.properties.deep[0].x.get_reference[0]".into()),
            ], "{:?}", g.warnings);
                ensure!(
                    g.warnings[0].message.starts_with(
                        "expected the requirement \"cache\" of \"a\" to name an element"
                    ),
                    "{}",
                    g.warnings[0].message
                );
                Ok(())
            },
        ),
        case("non-string node names", || {
            let t = "node_templates:\n  1: {}\n  true: {requirements: [{x: {node: 1}}, {y: {node: [1]}}, {z: {node: {a: 1}}}]}\n  ~: {}\n  [a, b]: {requirements: [{x: \"~\"}]}\n  2.5: {properties: {p: {get_attribute: [1, id]}}}\n";
            let g = graph_of(&with_template(t, &[]))?;
            let ids: Vec<&str> = g.nodes.iter().map(|n| n.id.as_str()).collect();
            ensure!(
                ids == vec!["1", "true", "~", "[\"a\",\"b\"]", "2.5"],
                "{ids:?}"
            );
            ensure!(
                edge_pairs(&g)
                    == vec![
                        ("1".into(), "true".into()),
                        ("~".into(), "[\"a\",\"b\"]".into()),
                        ("1".into(), "2.5".into())
                    ],
                "{:?}",
                edge_pairs(&g)
            );
            ensure!(
                g.nodes.iter().all(|n| n.phase.is_none()),
                "template-only nodes have no phase"
            );
            let codes: Vec<WarningCode> = g.warnings.iter().map(|w| w.code).collect();
            ensure!(
                codes == vec![WarningCode::WrongType, WarningCode::WrongType],
                "{:?}",
                g.warnings
            );
            drawn(&g)
        }),
        case("an empty element name is left out", || {
            let g = graph_of(&with_template(
                r#"{"node_templates": {"": {}, "a": {"requirements": [{"x": {"node": ""}}]}}}"#,
                &["a"],
            ))?;
            ensure!(g.nodes.len() == 1, "{:?}", g.nodes);
            let codes: Vec<WarningCode> = g.warnings.iter().map(|w| w.code).collect();
            ensure!(
                codes == vec![WarningCode::InvalidValue, WarningCode::UnknownDependency],
                "{:?}",
                g.warnings
            );
            Ok(())
        }),
        case("100,000-deep block nesting in a YAML template", || {
            let t = format!(
                "node_templates:\n  a:\n    properties:\n      p:\n        {}x\n",
                "- ".repeat(100_000)
            );
            let g = graph_of(&with_template(&t, &["a", "b"]))?;
            ensure!(
                g.nodes.len() == 2 && g.edges.is_empty(),
                "failed: g.nodes.len() == 2 && g.edges.is_empty()"
            );
            ensure!(
                g.warnings.len() == 1
                    && g.warnings[0].code == WarningCode::InvalidTemplate
                    && g.warnings[0].message.contains("nested at most 128 levels"),
                "{:?}",
                g.warnings
            );
            let t = format!(
                "node_templates: {{a: {{properties: {{p: {}1{}}}}}}}",
                "[".repeat(100_000),
                "]".repeat(100_000)
            );
            let g = graph_of(&with_template(&t, &["a"]))?;
            ensure!(
                g.warnings.len() == 1 && g.warnings[0].code == WarningCode::InvalidTemplate,
                "{:?}",
                g.warnings
            );
            Ok(())
        }),
        case("100,000-deep nesting in a JSON template", || {
            let t = format!(
                r#"{{"node_templates": {{"a": {{"properties": {}1{}}}}}}}"#,
                "[".repeat(100_000),
                "]".repeat(100_000)
            );
            let g = graph_of(&with_template(&t, &["a"]))?;
            ensure!(
                g.warnings.len() == 1 && g.warnings[0].message.contains("deeper nesting"),
                "{:?}",
                g.warnings
            );
            Ok(())
        }),
        case("a reference 120 levels down is found", || {
            let mut inner = "{get_reference: b}".to_string();
            for _ in 0..115 {
                inner = format!("[{inner}]");
            }
            let t = format!("node_templates:\n  a: {{properties: {{p: {inner}}}}}\n  b: {{}}\n");
            let g = graph_of(&with_template(&t, &["a", "b"]))?;
            ensure!(
                edge_pairs(&g) == vec![("b".into(), "a".into())],
                "{:?} {:?}",
                g.edges,
                g.warnings
            );
            Ok(())
        }),
        case("an alias bomb in a YAML template", || {
            let mut t = String::from(
                "node_templates:\n  a: {properties: {p: &a0 [x, x, x, x, x, x, x, x, x, x]}}\n",
            );
            for i in 1..12 {
                t.push_str(&format!(
                    "  a{i}: {{properties: {{p: &a{i} [{}]}}}}\n",
                    vec![format!("*a{}", i - 1); 10].join(", ")
                ));
            }
            let g = graph_of(&with_template(&t, &["a"]))?;
            ensure!(
                g.warnings.len() == 1
                    && g.warnings[0].code == WarningCode::InvalidTemplate
                    && g.warnings[0].message.contains("alias"),
                "{:?}",
                g.warnings
            );
            Ok(())
        }),
        case(
            "node_templates of the wrong type, and templates that are not templates",
            || {
                for (t, words) in [
                    (
                        r#"{"node_templates": [1, 2]}"#,
                        "expected node_templates to be an object",
                    ),
                    ("just words", "found plain text"),
                    ("[1, 2, 3]", "found an array"),
                    ("{\"a\": 1}", "found an object with the keys \"a\""),
                    ("a: [1, 2\n", "expected yaml, found a syntax error"),
                ] {
                    let g = graph_of(&with_template(t, &["a"]))?;
                    ensure!(
                        g.warnings.len() == 1
                            && g.warnings[0].code == WarningCode::InvalidTemplate
                            && g.warnings[0].message.contains(words),
                        "{t}: {:?}",
                        g.warnings
                    );
                    ensure!(
                        g.warnings[0].message.starts_with("expected"),
                        "{}",
                        g.warnings[0].message
                    );
                }
                let v = set(aos(), "/spec/objectData", json!("not base64 at all!"));
                let g = graph_of(&bytes(&v))?;
                ensure!(
                    g.warnings.len() == 1 && g.warnings[0].code == WarningCode::InvalidTemplate,
                    "{:?}",
                    g.warnings
                );
                Ok(())
            },
        ),
        case("requirements of every wrong shape", || {
            let t = r#"{"node_templates": {"a": {"requirements": "b"}, "b": {"requirements": [1, null, [2], {"x": null}, {"y": {"node": null}}, {"z": {"get_attribute": []}}]}, "c": {"requirements": {"m": {"node": "a"}}}, "d": null, "e": 7}}"#;
            let g = graph_of(&with_template(t, &[]))?;
            ensure!(
                edge_pairs(&g) == vec![("a".into(), "c".into())],
                "{:?}",
                edge_pairs(&g)
            );
            let codes: Vec<WarningCode> = g.warnings.iter().map(|w| w.code).collect();
            ensure!(
                codes.iter().all(|&c| c == WarningCode::WrongType) && codes.len() == 4,
                "{:?}",
                g.warnings
            );
            Ok(())
        }),
        case("100,000 nodes in a chain", || {
            let n = 100_000;
            let mut nodes = serde_json::Map::new();
            for i in 0..n {
                let body = if i == 0 {
                    json!({})
                } else {
                    json!({"requirements": [{"dependency": {"node": format!("n{}", i - 1)}}]})
                };
                nodes.insert(format!("n{i}"), body);
            }
            let t = json!({"node_templates": nodes}).to_string();
            let g = graph_of(&with_template(&t, &["n0", "n99999"]))?;
            ensure!(
                g.nodes.len() == n && g.edges.len() == n - 1,
                "{} nodes {} edges",
                g.nodes.len(),
                g.edges.len()
            );
            ensure!(g.nodes.iter().find(|x| x.id == "n99999").map(|x| x.depth) == Some(99_999), "failed: g.nodes.iter().find(|x| x.id == \"n99999\").map(|x| x.depth) == Some(99_999)");
            ensure!(
                g.critical_path == vec!["n99999".to_string()],
                "only two elements have spans: {:?}",
                g.critical_path
            );
            drawn(&g)
        }),
        case("100,000 nodes in one cycle", || {
            let n = 100_000;
            let mut nodes = serde_json::Map::new();
            for i in 0..n {
                nodes.insert(
                    format!("n{i}"),
                    json!({"requirements": [{"d": format!("n{}", (i + 1) % n)}]}),
                );
            }
            let t = json!({"node_templates": nodes}).to_string();
            let g = graph_of(&with_template(&t, &[]))?;
            ensure!(g.edges.len() == n, "failed: g.edges.len() == n");
            ensure!(
                g.warnings.len() == 1
                    && g.warnings[0]
                        .message
                        .contains("a cycle through 100000 elements")
                    && g.warnings[0].message.ends_with("and 99980 more"),
                "{:?}",
                g.warnings
            );
            ensure!(
                g.nodes.iter().all(|x| x.depth == 0),
                "failed: g.nodes.iter().all(|x| x.depth == 0)"
            );
            drawn(&g)
        }),
        case("100,000 nodes without edges make a grid", || {
            let elements: Vec<String> = (0..100_000).map(|i| format!("e{i}")).collect();
            let refs: Vec<&str> = elements.iter().map(String::as_str).collect();
            let v = serde_json::from_slice::<Value>(&with_template("", &refs))
                .map_err(|e| e.to_string())?;
            let g = graph_of(&bytes(&set(v, "/spec/objectData", json!("*****"))))?;
            ensure!(
                g.nodes.len() == 100_000 && g.edges.is_empty() && g.warnings.is_empty(),
                "failed: g.nodes.len() == 100_000 && g.edges.is_empty() && g.warnings.is_empty()"
            );
            ensure!(
                g.width < 200_000.0 && g.height < 200_000.0,
                "{} x {}",
                g.width,
                g.height
            );
            drawn(&g)
        }),
        case("5,000 unknown dependencies: warnings capped", || {
            let reqs: Vec<Value> = (0..5000)
                .map(|i| json!({"r": {"node": format!("missing{i}")}}))
                .collect();
            let t = json!({"node_templates": {"a": {"requirements": reqs}}}).to_string();
            let g = graph_of(&with_template(&t, &["a"]))?;
            ensure!(
                g.warnings.len() == 1001 && g.warnings[1000].code == WarningCode::TooManyWarnings,
                "{}",
                g.warnings.len()
            );
            Ok(())
        }),
        case("many failures in one cycle: one root cause", || {
            let t = "node_templates:\n  a: {requirements: [{x: b}]}\n  b: {requirements: [{x: a}]}\n  c: {requirements: [{x: b}]}\n";
            let v = set(aos(), "/spec/objectData", json!(b64(t.as_bytes())));
            let v = set(
                v,
                "/status/subObjectStatuses",
                json!({
                "a": {"phase": "Failed", "updateAt": "2024-01-01T00:00:09Z"},
                "b": {"phase": "Failed", "updateAt": "2024-01-01T00:00:05Z"},
                "c": {"phase": "Cancelled", "updateAt": "2024-01-01T00:00:10Z"}}),
            );
            let g = graph_of(&bytes(&v))?;
            ensure!(
                g.root_causes.len() == 1
                    && g.root_causes[0].element == "b"
                    && g.root_causes[0].affected == vec!["a".to_string(), "c".to_string()],
                "{:?}",
                g.root_causes
            );
            Ok(())
        }),
        case(
            "formats without a template: nodes, no edges, no warnings",
            || {
                for input in [
                    bytes(&events()),
                    bytes(&workflow()),
                    bytes(&gcs()),
                    bytes(&api_error()),
                    b"[]".to_vec(),
                ] {
                    let g = graph_of(&input)?;
                    ensure!(
                        g.edges.is_empty() && g.warnings.is_empty(),
                        "{:?}",
                        g.warnings
                    );
                }
                Ok(())
            },
        ),
        case("hostile ids stay data", || {
            let t = r#"{"node_templates": {"__proto__": {"requirements": [{"constructor": {"node": "<img src=x onerror=alert(1)>"}}]}, "<img src=x onerror=alert(1)>": {}}}"#;
            let g = graph_of(&with_template(t, &["__proto__"]))?;
            ensure!(
                edge_pairs(&g) == vec![("<img src=x onerror=alert(1)>".into(), "__proto__".into())],
                "{:?}",
                g.edges
            );
            Ok(())
        }),
    ]
}

fn run_cases(cases: Vec<Case>) -> usize {
    let mut failures = Vec::new();
    let n = cases.len();
    for (name, f) in cases {
        match catch_unwind(AssertUnwindSafe(&f)) {
            Ok(Ok(())) => {}
            Ok(Err(e)) => failures.push(format!("{name}: {e}")),
            Err(_) => failures.push(format!("{name}: PANICKED")),
        }
        if let Err(e) = still_works() {
            failures.push(format!("after {name}: {e}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {n} cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
    n
}

#[test]
fn json_layer() {
    println!("json layer: {} cases", run_cases(json_layer_cases()));
}

#[test]
fn aos_execution() {
    println!("aos-execution: {} cases", run_cases(aos_cases()));
}

#[test]
fn gcs_execution() {
    println!("gcs-execution: {} cases", run_cases(gcs_cases()));
}

#[test]
fn execution_events() {
    println!("execution-events: {} cases", run_cases(events_cases()));
}

#[test]
fn workflow_executions() {
    println!("workflow-executions: {} cases", run_cases(workflow_cases()));
}

#[test]
fn api_error_body() {
    println!("api-error: {} cases", run_cases(api_error_cases()));
}

#[test]
fn rfs_stack_events() {
    println!("rfs-stack-events: {} cases", run_cases(rfs_cases()));
}

#[test]
fn object_data() {
    println!("objectData: {} cases", run_cases(object_data_cases()));
}

#[test]
fn dependency_graph() {
    println!("graph: {} cases", run_cases(graph_cases()));
}

/// Every case's input through every entry point, strict and lenient, and with
/// every format forced: nothing panics.
#[test]
fn nothing_panics_with_any_options() {
    let inputs: Vec<Vec<u8>> = vec![
        bytes(&aos()),
        bytes(&gcs()),
        bytes(&events()),
        bytes(&workflow()),
        bytes(&api_error()),
        bytes(&rfs()),
        b"".to_vec(),
        b"\xEF\xBB\xBF[1,]".to_vec(),
        b"[{\"a\":[1,2,],},]".to_vec(),
        "[".repeat(10_000).into_bytes(),
        b"{\"kind\":\"Execution\",\"status\":{\"subObjectStatuses\":{\"a\":{\"createAt\":\"9999-12-31T23:59:59.999Z\",\"updateAt\":\"-009999-01-01T00:00:00Z\"}}}}".to_vec(),
        b"[{\"execution_id\":\"a\",\"begin_time\":9999999999999,\"end_time\":1e-300,\"last_update_time\":5e-324}]".to_vec(),
    ];
    let mut failures = Vec::new();
    for input in &inputs {
        for strict in [false, true] {
            for format in std::iter::once(None).chain(Format::ALL.into_iter().map(Some)) {
                let options = Options {
                    strict,
                    format,
                    ..Options::default()
                };
                if let Err(e) = no_panic_anywhere(input, &options) {
                    failures.push(format!(
                        "{:?} {options:?}: {e}",
                        String::from_utf8_lossy(&input[..input.len().min(60)])
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    still_works().unwrap();
}

// ------------------------------------- bugs found here, fixed by the lead (93af8f6)

/// Was a bug (src/reader.rs): warnings were unbounded, one per bad item (~180
/// bytes each natively), so a 40 MB workflow history of non-object items
/// (`[{"execution_id":"a"},1,1,1,…]`, 20 M warnings) needed more than the 4 GiB
/// of wasm32 memory and trapped. Now capped at `reader::MAX_WARNINGS`, plus one
/// warning saying how many more there were.
#[test]
fn warnings_are_capped() {
    let mut text = String::from("[{\"execution_id\":\"a\"}");
    for _ in 0..1_000_000 {
        text.push_str(",1");
    }
    text.push(']');
    let s = api::summarize(text.as_bytes(), &Options::default()).unwrap();
    assert!(
        s.warnings.len() <= execscope::reader::MAX_WARNINGS + 1,
        "{} warnings for a 2 MB input",
        s.warnings.len()
    );
    still_works().unwrap();
}

/// Was a bug (src/view.rs): `frame()` allocated (laneTo − laneFrom) × columns
/// bytes with only `columns` capped, so 100,000 lanes made a 1.6 GB frame, and
/// from 262,144 lanes the product overflowed wasm32's `usize` (an empty or
/// short frame). Now at most `MAX_FRAME_LANES` × `MAX_COLUMNS` cells.
#[test]
fn timeline_frames_are_bounded() {
    use execscope::view::{View, MAX_COLUMNS, MAX_FRAME_LANES};
    let mut nodes = Vec::new();
    for i in 0..20_000 {
        nodes.push(json!({"node_id": format!("n{i}"), "status": "success",
                          "begin_time": 1_600_000_000_000_i64, "end_time": 1_600_000_001_000_i64}));
    }
    let v = set(workflow(), "/0/execution_result_list", Value::Array(nodes));
    let t = api::timeline(&bytes(&v), &Options::default()).unwrap();
    let view = View::new(t);
    let cells = view.frame(1.6e12, 1.6e12 + 2000.0, u32::MAX, 0, u32::MAX);
    assert!(
        cells.len() <= MAX_FRAME_LANES * MAX_COLUMNS as usize,
        "{} cells in one frame",
        cells.len()
    );
}
