//! summarize (and detect, events, raw_json) over arbitrary bytes, every format
//! forced or detected, strict or lenient: no panic, results serializable,
//! summary arithmetic consistent.
#![no_main]

use execscope::api;
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let Some((options, payload)) = common::split(data) else {
        return;
    };
    match api::summarize(payload, &options) {
        Ok(summary) => {
            common::check_serializable(&summary);
            if let Some(format) = options.format {
                assert_eq!(summary.kind, format);
            }
            for run in &summary.runs {
                let p = run.progress;
                assert!(p.done <= p.total);
                assert!(p.derived.is_none_or(|d| d <= 100));
                assert!(p.reported.is_none_or(|r| r <= 100));
                assert_eq!(run.element_count, p.total);
                assert!(run.duration_ms.is_none_or(|d| d >= 0));
                assert!(run.finished_at.is_none() || run.phase.is_terminal());
            }
        }
        Err(e) => common::check_error(&e),
    }
    match api::detect(payload, &options) {
        Ok(format) => assert!(options.format.is_none_or(|f| f == format)),
        Err(e) => common::check_error(&e),
    }
    match api::events(payload, &options) {
        Ok(events) => common::check_serializable(&events),
        Err(e) => common::check_error(&e),
    }
    match api::raw_json(payload, &options) {
        // What raw_json returns, JSON.parse (here serde_json) must accept.
        Ok(text) => assert!(serde_json::from_str::<serde::de::IgnoredAny>(&text).is_ok()),
        Err(e) => common::check_error(&e),
    }
});
