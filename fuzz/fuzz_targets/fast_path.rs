//! The fast paths (src/formats/scan.rs, `execution_events::fast`,
//! `streamed::fast` for AOS/GCS executions, `workflow_executions::fast`) against the
//! serde_json path (`formats::read_serde`): on every input, the same model or
//! the same error (code, message, line, column, offset), with and without the
//! event list, strict or lenient, detected or forced; and the summary of
//! the model `formats::read` builds for `Detail::Summary` (for the summary
//! alone) against
//! that of the whole model.
//!
//! The options byte is `common::split`'s; its bits 5-7 wrap the rest, so
//! that the fuzzer works inside the parts the fast paths read (escapes,
//! numbers, duplicate members, invalid UTF-8, nesting) rather than on their
//! shape: 0x20 as members of the second event of a small event list, 0x40 of
//! an AOS `subObjectStatuses` entry, 0x60 of an AOS execution's top-level
//! object, 0x80 of a GCS `actual_node_status` item, 0xc0 of a map-form node,
//! 0xa0 of a workflow run's node result, 0xe0 of a workflow run.
#![no_main]

use execscope::formats;
use execscope::json::JsonOptions;
use execscope::summary::summarize;
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
#[allow(dead_code)]
mod common;

const HEAD: &[u8] = br#"[{"involvedObject": {"name": "run"}, "reason": "a##ActionStart", "elemId": "e", "firstTimestamp": "2024-05-30T04:44:25Z", "count": 1},
{"elemId": "e", "reason": "b##SuccessfulFinish", "firstTimestamp": "2024-05-30T04:44:26Z", "#;

const AOS: &[u8] = br#"{"kind": "Execution", "metadata": {"name": "run"}, "status": {"objectStatus": {"phase": "Running"}, "subObjectStatuses": {"a": {"phase": "Succeeded"}, "b": {"phase": "Running", "#;
const AOS_END: &[u8] = b"}}}}";
const GCS: &[u8] = br#"{"execution": {"guid": "g"}, "object": {"status": {"subObjectStatuses": {"a": {"phase": "Running"}}}}, "status": {"actual_node_status": [{"name": "a", "status": "Running"}, {"#;
const GCS_END: &[u8] = b"}]}}";
const GCS_MAP: &[u8] = br#"{"execution": {"guid": "g"}, "status": {"actual_node_status": {"a": "Running", "b": {"#;
const GCS_MAP_END: &[u8] = b"}}}}";
const RUN: &[u8] = br#"[{"execution_id": "e", "status": "failed", "execution_result_list": [{"node_id": "a", "status": "success"}, {"#;
const RUN_END: &[u8] = b"}]}]";
const RUNS: &[u8] = br#"[{"execution_id": "e", "begin_time": 1700000000000}, {"execution_id": "f", "#;
const RUNS_END: &[u8] = b"}]";
const TOP: &[u8] = br#"{"kind": "Execution", "status": {"subObjectStatuses": {"a": {"phase": "Running"}}}, "#;
const TOP_END: &[u8] = b"}";

fuzz_target!(|data: &[u8]| {
    let Some((options, payload)) = common::split(data) else {
        return;
    };
    let wrapped;
    let wrap: Option<(&[u8], &[u8])> = match data.first().map_or(0, |b| b & 0xe0) {
        0x20 => Some((HEAD, b"}]")),
        0x40 => Some((AOS, AOS_END)),
        0x80 => Some((GCS, GCS_END)),
        0xc0 => Some((GCS_MAP, GCS_MAP_END)),
        0x60 => Some((TOP, TOP_END)),
        0xa0 => Some((RUN, RUN_END)),
        0xe0 => Some((RUNS, RUNS_END)),
        _ => None,
    };
    let payload = if let Some((head, end)) = wrap {
        wrapped = [head, payload, end].concat();
        &wrapped[..]
    } else {
        payload
    };
    let json = JsonOptions {
        strict: options.strict,
        max_bytes: if options.max_bytes < payload.len() {
            payload.len().saturating_sub(1)
        } else {
            options.max_bytes
        },
    };
    for keep_events in [false, true] {
        let detail = formats::Detail::of(keep_events);
        let fast = formats::read(payload, options.format, &json, detail);
        let serde = formats::read_serde(payload, options.format, &json, detail);
        assert!(
            fast == serde,
            "the fast path and serde_json differ (keep_events {keep_events}):\nfast: {fast:#?}\nserde_json: {serde:#?}"
        );
    }
    let lean = formats::read(payload, options.format, &json, formats::Detail::Summary)
        .map(|m| summarize(&m));
    let whole = formats::read(payload, options.format, &json, formats::Detail::Model)
        .map(|m| summarize(&m));
    assert!(
        lean == whole,
        "the summary's model summarizes differently:\nsummary's: {lean:#?}\nwhole: {whole:#?}"
    );
});
