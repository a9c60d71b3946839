//! The JS-facing functions in a real browser (headless Chrome and Firefox via
//! `wasm-pack test --headless --chrome --firefox`): string and Uint8Array input
//! give identical results, every error code crosses as a real `Error` with its
//! fields, and the module keeps working after every error.

#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use execscope::{decode_object_data, detect, events, raw_json, summarize, timeline, Input};
use js_sys::{Array, Object, Reflect, Uint8Array, JSON};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const AOS: &str = include_str!("../samples/seed-aos-execution.json");
const EVENTS: &str = include_str!("../samples/seed-execution-events.json");
const WORKFLOW: &str = include_str!("../samples/seed-workflow-executions.json");
const ERROR_401: &str = include_str!("../samples/seed-api-error-401.json");
const FAILED: &str = include_str!("../samples/aos-upgrade-failed.json");
const RFS: &str = include_str!("fixtures/rfs-stack-events.json");

fn text(s: &str) -> Input {
    JsValue::from_str(s).unchecked_into()
}

fn bytes(s: &[u8]) -> Input {
    JsValue::from(Uint8Array::from(s)).unchecked_into()
}

fn get(v: &JsValue, path: &str) -> JsValue {
    let mut at = v.clone();
    for key in path.split('.') {
        at = match key.parse::<u32>() {
            Ok(i) => Reflect::get(&at, &JsValue::from(i)).unwrap(),
            Err(_) => Reflect::get(&at, &key.into()).unwrap(),
        };
    }
    at
}

fn json(v: &JsValue) -> String {
    JSON::stringify(v).unwrap().as_string().unwrap()
}

fn opts(js: &str) -> Option<execscope::JsOptions> {
    Some(JSON::parse(js).unwrap().unchecked_into())
}

/// The summary every test re-checks after an error: the module still works.
fn still_works() {
    let s = summarize(&text(AOS), None).unwrap();
    assert_eq!(
        get(&s, "runs.0.id").as_string().as_deref(),
        Some("trim-4074942376")
    );
    assert_eq!(
        get(&s, "runs.0.phase").as_string().as_deref(),
        Some("Succeeded")
    );
    assert_eq!(get(&s, "runs.0.progress.derived").as_f64(), Some(100.0));
}

fn error_of(r: Result<impl Into<JsValue>, JsValue>) -> JsValue {
    match r {
        Ok(v) => panic!("expected an error, got {}", json(&v.into())),
        Err(e) => {
            assert!(e.is_instance_of::<js_sys::Error>(), "not an Error: {e:?}");
            e
        }
    }
}

#[wasm_bindgen_test]
fn aos_seed_summarizes_as_documented() {
    let s: JsValue = summarize(&text(AOS), None).unwrap().into();
    assert_eq!(
        get(&s, "kind").as_string().as_deref(),
        Some("aos-execution")
    );
    assert_eq!(
        get(&s, "runs.0.action").as_string().as_deref(),
        Some("create")
    );
    assert_eq!(get(&s, "runs.0.progress.reported").as_f64(), Some(100.0));
    assert_eq!(get(&s, "runs.0.phases.Succeeded").as_f64(), Some(3.0));
    assert_eq!(
        get(&s, "runs.0.startedAt").as_f64(),
        Some(1_482_869_552_000.0)
    );
    assert_eq!(
        get(&s, "runs.0.finishedAt").as_f64(),
        Some(1_482_869_567_000.0)
    );
    assert_eq!(get(&s, "runs.0.durationMs").as_f64(), Some(15_000.0));
    assert!(get(&s, "runs.0.firstFailure").is_null());
    assert!(get(&s, "apiError").is_null());
    assert_eq!(Array::from(&get(&s, "warnings")).length(), 0);
}

#[wasm_bindgen_test]
fn string_and_bytes_give_identical_results() {
    for payload in [AOS, EVENTS, WORKFLOW, ERROR_401, FAILED, RFS] {
        let a = json(&summarize(&text(payload), None).unwrap().into());
        let b = json(&summarize(&bytes(payload.as_bytes()), None).unwrap().into());
        assert_eq!(a, b);
        let a = json(&timeline(&text(payload), None).unwrap().into());
        let b = json(&timeline(&bytes(payload.as_bytes()), None).unwrap().into());
        assert_eq!(a, b);
    }
}

#[wasm_bindgen_test]
fn events_seed_repairs_the_trailing_comma() {
    let s: JsValue = summarize(&text(EVENTS), None).unwrap().into();
    assert_eq!(
        get(&s, "kind").as_string().as_deref(),
        Some("execution-events")
    );
    assert_eq!(
        get(&s, "warnings.0.code").as_string().as_deref(),
        Some("trailing_comma")
    );
    assert_eq!(
        get(&s, "runs.0.id").as_string().as_deref(),
        Some("gcs-exec-3-08-20-144951")
    );
    let ev: JsValue = events(&text(EVENTS), None).unwrap().into();
    assert_eq!(Array::from(&ev).length(), 3);
    assert_eq!(
        get(&ev, "0.reason.en").as_string().as_deref(),
        Some("SuccessfulFinish")
    );
    assert_eq!(
        get(&ev, "0.reason.zh").as_string().as_deref(),
        Some("执行成功")
    );
    let e = error_of(summarize(&text(EVENTS), opts(r#"{"strict":true}"#)));
    assert_eq!(get(&e, "code").as_string().as_deref(), Some("invalid_json"));
    assert_eq!(get(&e, "line").as_f64(), Some(58.0));
    assert_eq!(get(&e, "column").as_f64(), Some(2.0));
    still_works();
}

#[wasm_bindgen_test]
fn workflow_seed_reads_seconds_and_both_spellings() {
    let s: JsValue = summarize(&text(WORKFLOW), None).unwrap().into();
    assert_eq!(
        get(&s, "runs.0.createdBy").as_string().as_deref(),
        Some("xxx")
    );
    assert_eq!(
        get(&s, "runs.0.startedAt").as_f64(),
        Some(1_600_000_000_000.0)
    );
    assert_eq!(
        get(&s, "warnings.0.code").as_string().as_deref(),
        Some("epoch_seconds")
    );
}

#[wasm_bindgen_test]
fn rfs_stack_events_cross_as_runs_lanes_and_events() {
    let s: JsValue = summarize(&text(RFS), None).unwrap().into();
    assert_eq!(
        get(&s, "kind").as_string().as_deref(),
        Some("rfs-stack-events")
    );
    assert_eq!(get(&s, "runs.0.id").as_string().as_deref(), Some("stack"));
    // Derived from the elements: the CCE cluster is still being created.
    assert_eq!(
        get(&s, "runs.0.phase").as_string().as_deref(),
        Some("Running")
    );
    assert_eq!(
        get(&s, "runs.0.firstFailure.element")
            .as_string()
            .as_deref(),
        Some("huaweicloud_rds_instance.orders-db")
    );
    assert_eq!(get(&s, "runs.0.eventCount").as_f64(), Some(9.0));
    // The fixture's last event has a time that does not parse and a negative elapsed_seconds.
    let codes: Vec<String> = Array::from(&get(&s, "warnings"))
        .iter()
        .map(|w| get(&w, "code").as_string().unwrap())
        .collect();
    assert_eq!(codes, ["invalid_value", "invalid_time"]);
    let f: JsValue = detect(&text(RFS), None).unwrap().into();
    assert_eq!(f.as_string().as_deref(), Some("rfs-stack-events"));

    let t: JsValue = timeline(&text(RFS), None).unwrap().into();
    let lanes = Array::from(&get(&t, "lanes"));
    // The stack's own lane first (LOG, SUMMARY), then one per resource.
    assert_eq!(get(&lanes.get(0), "id").as_string().as_deref(), Some(""));
    let db = lanes
        .iter()
        .find(|l| get(l, "id").as_string().as_deref() == Some("huaweicloud_rds_instance.orders-db"))
        .unwrap();
    assert_eq!(get(&db, "phase").as_string().as_deref(), Some("Failed"));
    assert_eq!(get(&db, "spans.0.startInferred").as_bool(), Some(false));
    // UPDATE_IN_PROGRESS at 10:04:00 to UPDATE_FAILED at 10:06:30.
    assert_eq!(
        get(&db, "spans.0.end")
            .as_f64()
            .zip(get(&db, "spans.0.start").as_f64())
            .map(|(e, s)| e - s),
        Some(150_000.0)
    );

    let ev: JsValue = events(&bytes(RFS.as_bytes()), None).unwrap().into();
    assert_eq!(Array::from(&ev).length(), 9);
    assert_eq!(
        get(&ev, "0.reason.raw").as_string().as_deref(),
        Some("DELETION_COMPLETE")
    );
    let e = error_of(timeline(&text(RFS), opts(r#"{"run":"not-the-stack"}"#)));
    assert_eq!(get(&e, "code").as_string().as_deref(), Some("unknown_run"));
    assert_eq!(
        get(&e, "message").as_string().as_deref(),
        Some(r#"expected the id of a run (stack), found "not-the-stack""#)
    );
    still_works();
}

#[wasm_bindgen_test]
fn api_error_body_is_shown_not_thrown() {
    let s: JsValue = summarize(&text(ERROR_401), None).unwrap().into();
    assert_eq!(get(&s, "apiError.httpCode").as_f64(), Some(401.0));
    assert_eq!(
        get(&s, "apiError.message").as_string().as_deref(),
        Some("auth failed.")
    );
}

#[wasm_bindgen_test]
fn every_error_code_crosses_as_an_error() {
    let cases: Vec<(Result<JsValue, JsValue>, &str)> = vec![
        (
            summarize(&text("{\"a\": 1,\n \"b\" 2}"), None).map(Into::into),
            "invalid_json",
        ),
        (
            summarize(&text("{\"hello\": 1}"), None).map(Into::into),
            "unknown_format",
        ),
        (
            summarize(&text("[1,2]"), opts(r#"{"maxBytes": 2}"#)).map(Into::into),
            "too_large",
        ),
        (
            summarize(&text(&("[".repeat(200) + &"]".repeat(200))), None).map(Into::into),
            "too_deep",
        ),
        (decode_object_data("ab$c").map(Into::into), "invalid_base64"),
        (
            summarize(&text(AOS), opts(r#"{"format": "nope"}"#)).map(Into::into),
            "invalid_option",
        ),
        (
            timeline(&text(WORKFLOW), opts(r#"{"run": "missing"}"#)).map(Into::into),
            "unknown_run",
        ),
        (
            detect(&bytes(b"\xff\xfe"), None).map(Into::into),
            "invalid_json",
        ),
        (raw_json(&text(""), None).map(JsValue::from), "invalid_json"),
    ];
    for (result, code) in cases {
        let e = error_of(result);
        assert_eq!(get(&e, "code").as_string().as_deref(), Some(code));
        let message = get(&e, "message").as_string().unwrap();
        assert!(message.starts_with("expected"), "{code}: {message}");
        still_works();
    }
    let e = error_of(summarize(&text("{\"a\": 1,\n \"b\" 2}"), None));
    assert_eq!(get(&e, "line").as_f64(), Some(2.0));
    assert_eq!(get(&e, "column").as_f64(), Some(6.0));
    let e = error_of(decode_object_data("ab$c"));
    assert_eq!(get(&e, "offset").as_f64(), Some(2.0));
}

#[wasm_bindgen_test]
fn decode_object_data_parses_json_without_touching_prototypes() {
    // {"__proto__": {"polluted": 1}, "a": 1}
    let encoded = "eyJfX3Byb3RvX18iOiB7InBvbGx1dGVkIjogMX0sICJhIjogMX0=";
    let d: JsValue = decode_object_data(encoded).unwrap().into();
    assert_eq!(get(&d, "status").as_string().as_deref(), Some("decoded"));
    assert_eq!(get(&d, "format").as_string().as_deref(), Some("json"));
    let value = get(&d, "json");
    assert_eq!(get(&value, "a").as_f64(), Some(1.0));
    let proto = Object::get_prototype_of(&value);
    assert!(Reflect::get(&proto, &"polluted".into())
        .unwrap()
        .is_undefined());
    assert!(Reflect::get(&Object::new(), &"polluted".into())
        .unwrap()
        .is_undefined());
    let r: JsValue = decode_object_data("*****").unwrap().into();
    assert_eq!(get(&r, "status").as_string().as_deref(), Some("redacted"));
}

#[wasm_bindgen_test]
fn failed_upgrade_names_its_first_failure() {
    let s: JsValue = summarize(&text(FAILED), None).unwrap().into();
    assert_eq!(
        get(&s, "runs.0.phase").as_string().as_deref(),
        Some("Failed")
    );
    assert!(get(&s, "runs.0.firstFailure.element").as_string().is_some());
    let t: JsValue = timeline(&text(FAILED), None).unwrap().into();
    assert!(Array::from(&get(&t, "lanes")).length() > 5);
}

#[wasm_bindgen_test]
fn raw_json_is_parseable_and_detect_names_the_format() {
    let raw = raw_json(&text(EVENTS), None).unwrap();
    assert!(JSON::parse(&raw).is_ok());
    let f: JsValue = detect(&text(WORKFLOW), None).unwrap().into();
    assert_eq!(f.as_string().as_deref(), Some("workflow-executions"));
}

#[wasm_bindgen_test]
fn timeline_view_draws_windows_as_bytes() {
    let view = execscope::TimelineView::new(&text(AOS), None).unwrap();
    assert_eq!(view.lane_count(), 3);
    let (start, end) = (view.start().unwrap(), view.end().unwrap());
    let cells = view.frame(start, end, 15, 0, 3);
    assert_eq!(cells.len(), 45);
    // Phase index of Succeeded is 2, so the cell's low bits hold 3.
    assert_eq!(cells[0] & 0b111, 3);
    assert_eq!(view.labels(0, 3).len(), 3);
    let lane: JsValue = view.lane(0).unwrap();
    assert_eq!(
        get(&lane, "phase").as_string().as_deref(),
        Some("Succeeded")
    );
    assert_eq!(view.ids(0, 3).len(), 3);
    assert_eq!(
        view.ids(0, 1).first().map(String::as_str),
        get(&lane, "id").as_string().as_deref()
    );
    assert_eq!(view.ids(2, 9).len(), 1, "clamped to the visible lanes");
    let mut view = view;
    assert_eq!(view.filter(1 << 3, ""), 0);
    assert!(view.ids(0, 3).is_empty());
    assert_eq!(view.frame(start, end, 15, 0, 3).len(), 0);
    assert!(view.lane(0).unwrap().is_undefined());
}

#[wasm_bindgen_test]
fn frame_bits_say_what_a_cell_means() {
    let bits = execscope::frame_bits().unwrap();
    let n = |k: &str| get(&bits, k).as_f64().unwrap() as u8;
    assert_eq!(n("phase"), 0b111);
    assert_eq!(n("inferred"), execscope::view::CELL_INFERRED);
    assert_eq!(n("open"), execscope::view::CELL_OPEN);
    assert_eq!(n("marker"), execscope::view::CELL_MARKER);
    assert_eq!(n("failure"), execscope::view::CELL_FAILURE);
    let phases = Array::from(&get(&bits, "phases"));
    assert_eq!(phases.length(), 7);
    assert_eq!(phases.get(2).as_string().as_deref(), Some("Succeeded"));
    // A frame's cell decodes with them: the AOS sample's first lane is Succeeded.
    let view = execscope::TimelineView::new(&text(AOS), None).unwrap();
    let cell = view.frame(view.start().unwrap(), view.end().unwrap(), 15, 0, 1)[0];
    let index = (cell & n("phase")) as u32 - 1;
    assert_eq!(phases.get(index).as_string().as_deref(), Some("Succeeded"));
    assert_ne!(cell & n("inferred"), 0, "its start is inferred");
}

const EXEC_FAILED_EVENTS: &str = include_str!("../samples/aos-upgrade-failed-events.json");

#[wasm_bindgen_test]
fn workspace_joins_an_execution_and_its_events() {
    let mut w = execscope::Workspace::new();
    let a = w.add(&text(FAILED), "exec.json", None).unwrap();
    let b = w
        .add(&text(EXEC_FAILED_EVENTS), "events.json", None)
        .unwrap();
    assert_eq!(json(&get(&a, "runs")), json(&get(&b, "runs")));
    let runs = w.runs().unwrap();
    assert_eq!(Array::from(&runs).length(), 1);
    let id = get(&runs, "0.id").as_string().unwrap();
    let s = w.summary(&id).unwrap();
    assert_eq!(get(&s, "run.phase").as_string().as_deref(), Some("Failed"));
    assert_eq!(Array::from(&get(&s, "sources")).length(), 2);
    assert!(Array::from(&get(&s, "conflicts")).length() > 0);
    let t = w.timeline(&id).unwrap();
    assert!(Array::from(&get(&t, "lanes")).length() > 5);
    let e = error_of(w.summary("nope"));
    assert_eq!(get(&e, "code").as_string().as_deref(), Some("unknown_run"));
    // The same message as a payload's options.run (one constructor, error.rs).
    assert_eq!(
        get(&e, "message").as_string(),
        Some(format!(r#"expected the id of a run ({id}), found "nope""#))
    );
    still_works();
}

#[wasm_bindgen_test]
fn compare_and_exports() {
    let c = execscope::compare(&text(FAILED), &text(AOS), None, None).unwrap();
    assert!(get(&c, "firstDivergence.id").as_string().is_some());
    assert_eq!(
        get(&c, "objectData.status").as_string().as_deref(),
        Some("unavailable")
    );
    let trace = execscope::export_trace(&text(FAILED), None).unwrap();
    let parsed = JSON::parse(&trace).unwrap();
    assert!(Array::from(&get(&parsed, "traceEvents")).length() > 10);
    let csv = execscope::export_csv(&text(FAILED), None).unwrap();
    assert!(csv.starts_with("run_id,element,"));
    let model = execscope::export_json(&text(EVENTS), None).unwrap();
    assert!(JSON::parse(&model).is_ok());
}

#[wasm_bindgen_test]
fn payload_is_read_once_and_queried_many_times() {
    let mut p = execscope::Payload::new(&text(WORKFLOW), None).unwrap();
    let f: JsValue = p.format().into();
    assert_eq!(f.as_string().as_deref(), Some("workflow-executions"));
    let s: JsValue = p.summary().unwrap().into();
    assert_eq!(
        json(&s),
        json(&summarize(&text(WORKFLOW), None).unwrap().into())
    );
    let t: JsValue = p.timeline(None).unwrap().into();
    assert_eq!(
        json(&t),
        json(&timeline(&text(WORKFLOW), None).unwrap().into())
    );
    let e = error_of(p.timeline(Some("missing".into())));
    assert_eq!(get(&e, "code").as_string().as_deref(), Some("unknown_run"));
    let v = p.view(None).unwrap();
    assert_eq!(v.lane_count(), 1);
    let ev = execscope::Payload::new(&text(EVENTS), None).unwrap();
    let events: JsValue = ev.events().unwrap().into();
    assert_eq!(Array::from(&events).length(), 3);
}

#[wasm_bindgen_test]
fn payload_read_whole_answers_as_a_payload_opened_lazily() {
    for payload in [FAILED_EVENTS, EVENTS, FAILED, WORKFLOW] {
        for keep in [None, Some(false), Some(true)] {
            let mut lazy = execscope::Payload::new(&text(payload), None).unwrap();
            let mut whole = execscope::Payload::read_whole(&text(payload), None, keep).unwrap();
            let f = |p: &execscope::Payload| -> JsValue { p.format().into() };
            assert_eq!(f(&whole).as_string(), f(&lazy).as_string());
            let same = |a: JsValue, b: JsValue| assert_eq!(json(&a), json(&b), "{keep:?}");
            same(
                whole.summary().unwrap().into(),
                lazy.summary().unwrap().into(),
            );
            same(
                whole.timeline(None).unwrap().into(),
                lazy.timeline(None).unwrap().into(),
            );
            same(
                whole.graph(None).unwrap().into(),
                lazy.graph(None).unwrap().into(),
            );
            same(
                whole.events().unwrap().into(),
                lazy.events().unwrap().into(),
            );
            let packed = |p: &mut execscope::Payload| json(&p.events_packed(0, 1000).unwrap());
            assert_eq!(packed(&mut whole), packed(&mut lazy));
        }
    }
    let e = error_of(execscope::Payload::read_whole(&text("{"), None, None));
    assert_eq!(get(&e, "code").as_string().as_deref(), Some("invalid_json"));
}

#[wasm_bindgen_test]
fn payload_packs_its_events_in_slices_as_events_lists_them() {
    let mut p = execscope::Payload::new(&text(FAILED_EVENTS), None).unwrap();
    let all: JsValue = p.events().unwrap().into();
    let all = Array::from(&all);
    let total = all.length();
    assert!(total > 4, "{total}");
    // Slices of 3 (the last one short), read back through the string tables.
    let mut seen = 0;
    while seen < total {
        let s = p.events_packed(seen, 3).unwrap();
        assert_eq!(get(&s, "total").as_f64(), Some(f64::from(total)));
        let n = get(&s, "n").as_f64().unwrap() as u32;
        assert_eq!(n, 3.min(total - seen));
        let col = |c: &str| js_sys::Int32Array::from(get(&s, &format!("cols.{c}"))).to_vec();
        let nums = |c: &str| js_sys::Float64Array::from(get(&s, &format!("cols.{c}"))).to_vec();
        // Text k is cut out of the joined string by its UTF-16 offsets, as the page does.
        let joined = js_sys::JsString::from(get(&s, "text"));
        let starts = js_sys::Uint32Array::from(get(&s, "starts")).to_vec();
        let ends = js_sys::Uint32Array::from(get(&s, "ends")).to_vec();
        let text = |k: i32| {
            let k = usize::try_from(k).ok()?;
            joined.slice(starts[k], ends[k]).as_string()
        };
        let reasons = js_sys::Int32Array::from(get(&s, "reasons")).to_vec();
        for i in 0..n as usize {
            let e = all.get(seen + i as u32);
            for (c, key) in [
                ("element", "element"),
                ("elemType", "elemType"),
                ("type", "type"),
                ("action", "action"),
                ("kind", "kind"),
                ("phase", "phase"),
                ("msgRaw", "message.raw"),
                ("msgZh", "message.zh"),
                ("msgEn", "message.en"),
            ] {
                assert_eq!(
                    text(col(c)[i]),
                    get(&e, key).as_string(),
                    "{c} of event {}",
                    seen + i as u32
                );
            }
            let r = col("reason")[i] as usize * 3;
            for (k, key) in ["reason.raw", "reason.zh", "reason.en"].iter().enumerate() {
                assert_eq!(text(reasons[r + k]), get(&e, key).as_string(), "{key}");
            }
            let first = nums("first")[i];
            assert_eq!(
                (!first.is_nan()).then_some(first),
                get(&e, "firstTimestamp").as_f64()
            );
            assert_eq!(Some(nums("count")[i]), get(&e, "count").as_f64());
        }
        seen += n;
    }
    // After the last slice the list is read again when asked.
    let again = p.events_packed(0, 1000).unwrap();
    assert_eq!(get(&again, "n").as_f64(), Some(f64::from(total)));
    let past = p.events_packed(total + 5, 10).unwrap();
    assert_eq!(get(&past, "n").as_f64(), Some(0.0));
}

const YAML_CHAIN: &str = include_str!("../samples/aos-upgrade-yaml-chain.json");
const FAILED_EVENTS: &str = include_str!("../samples/aos-upgrade-failed-events.json");

fn strings(v: &JsValue) -> Vec<String> {
    Array::from(v)
        .iter()
        .filter_map(|s| s.as_string())
        .collect()
}

#[wasm_bindgen_test]
fn graph_names_the_root_cause_and_what_it_took_down() {
    let g: JsValue = execscope::graph(&text(FAILED), None).unwrap().into();
    assert_eq!(Array::from(&get(&g, "nodes")).length(), 16);
    assert_eq!(Array::from(&get(&g, "edges")).length(), 19);
    assert_eq!(
        get(&g, "rootCauses.0.element").as_string().as_deref(),
        Some("shop-api-deployment")
    );
    assert_eq!(
        strings(&get(&g, "rootCauses.0.affected")),
        [
            "shop-web-deployment",
            "shop-api-hpa",
            "shop-cron-job",
            "shop-elb-backend"
        ]
    );
    assert_eq!(
        strings(&get(&g, "criticalPath")).last().map(String::as_str),
        Some("shop-web-deployment")
    );
    let edge = get(&g, "edges.0");
    assert_eq!(
        get(&edge, "kind").as_string().as_deref(),
        Some("requirement")
    );
    assert!(Array::from(&get(&edge, "points")).length() >= 2);
    assert!(get(&g, "nodes.0.x").as_f64().is_some());
    // String and bytes give the same graph; so does a Payload read once.
    let b: JsValue = execscope::graph(&bytes(FAILED.as_bytes()), None)
        .unwrap()
        .into();
    assert_eq!(json(&g), json(&b));
    let mut p = execscope::Payload::new(&text(FAILED), None).unwrap();
    assert_eq!(json(&g), json(&p.graph(None).unwrap().into()));
    let e = error_of(p.graph(Some("missing".into())));
    assert_eq!(get(&e, "code").as_string().as_deref(), Some("unknown_run"));
    still_works();
}

#[wasm_bindgen_test]
fn yaml_template_edges_and_the_timeline_rule() {
    let g: JsValue = execscope::graph(&text(YAML_CHAIN), None).unwrap().into();
    assert_eq!(
        get(&g, "rootCauses.0.element").as_string().as_deref(),
        Some("ledger-nodepool")
    );
    assert_eq!(Array::from(&get(&g, "warnings")).length(), 0);
    let t: JsValue = timeline(&text(YAML_CHAIN), None).unwrap().into();
    let lanes = Array::from(&get(&t, "lanes"));
    let api = lanes
        .iter()
        .find(|l| get(l, "id").as_string().as_deref() == Some("ledger-api"))
        .unwrap();
    assert_eq!(
        get(&api, "spans.0.source").as_string().as_deref(),
        Some("dependencies")
    );
    assert_eq!(get(&api, "spans.0.startInferred").as_bool(), Some(true));
    // 08:08:11Z, when ledger-nodepool failed.
    assert_eq!(
        get(&api, "spans.0.start").as_f64(),
        Some(1_715_674_091_000.0)
    );
}

#[wasm_bindgen_test]
fn workspace_graph_takes_edges_from_the_execution() {
    let mut w = execscope::Workspace::new();
    w.add(&text(FAILED), "exec.json", None).unwrap();
    w.add(&text(FAILED_EVENTS), "events.json", None).unwrap();
    let g = w.graph("shop-prod-2718440931").unwrap();
    assert_eq!(Array::from(&get(&g, "edges")).length(), 19);
    assert_eq!(
        get(&g, "rootCauses.0.element").as_string().as_deref(),
        Some("shop-api-deployment")
    );
    let e = error_of(w.graph("nope"));
    assert_eq!(get(&e, "code").as_string().as_deref(), Some("unknown_run"));
}

#[wasm_bindgen_test]
fn decode_object_data_gives_yaml_a_tree_too() {
    // "__proto__: {polluted: 1}\nlist: [1, two]\n" in base64.
    let d: JsValue = decode_object_data("X19wcm90b19fOiB7cG9sbHV0ZWQ6IDF9Cmxpc3Q6IFsxLCB0d29dCg==")
        .unwrap()
        .into();
    assert_eq!(get(&d, "format").as_string().as_deref(), Some("yaml"));
    assert!(get(&d, "parseError").is_null());
    let tree = get(&d, "json");
    assert_eq!(get(&tree, "list.1").as_string().as_deref(), Some("two"));
    // An own property, not the prototype.
    assert!(Object::has_own(
        tree.unchecked_ref::<Object>(),
        &"__proto__".into()
    ));
    assert!(get(&Object::new().into(), "polluted").is_undefined());
    // "a: [1, 2\n": yaml that does not parse.
    let d: JsValue = decode_object_data("YTogWzEsIDIK").unwrap().into();
    assert!(get(&d, "json").is_null());
    assert!(get(&d, "parseError")
        .as_string()
        .unwrap()
        .starts_with("expected yaml"));
}
