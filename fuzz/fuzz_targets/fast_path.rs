//! The fast path (src/formats/scan.rs, `execution_events::fast`) against the
//! serde_json path (`formats::read_serde`): on every input, the same model or
//! the same error (code, message, line, column, offset), with and without the
//! event list, strict or lenient, detected or forced; and the summary of
//! `formats::read_for_summary`'s model (built for the summary alone) against
//! that of the whole model.
//!
//! The options byte is `common::split`'s; its bit 5 wraps the rest as members
//! of the second event of a small event list, so that the fuzzer works inside
//! events (escapes, numbers, duplicate members, invalid UTF-8, nesting)
//! rather than on the list's shape.
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

fuzz_target!(|data: &[u8]| {
    let Some((options, payload)) = common::split(data) else {
        return;
    };
    let wrapped;
    let payload = if data.first().is_some_and(|b| b & 0x20 != 0) {
        wrapped = [HEAD, payload, b"}]"].concat();
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
        let fast = formats::read(payload, options.format, &json, keep_events);
        let serde = formats::read_serde(payload, options.format, &json, keep_events);
        assert!(
            fast == serde,
            "the fast path and serde_json differ (keep_events {keep_events}):\nfast: {fast:#?}\nserde_json: {serde:#?}"
        );
    }
    let lean = formats::read_for_summary(payload, options.format, &json).map(|m| summarize(&m));
    let whole = formats::read(payload, options.format, &json, false).map(|m| summarize(&m));
    assert!(
        lean == whole,
        "the summary's model summarizes differently:\nsummary's: {lean:#?}\nwhole: {whole:#?}"
    );
});
