//! timeline over arbitrary bytes: the default run and every run by id (at most
//! five), every format forced or detected: no panic, every run id the summary
//! names is accepted, spans ordered, everything inside [start, end].
#![no_main]

use execscope::api;
use execscope::error::ErrorCode;
use execscope::timeline::Timeline;
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fn check(t: &Timeline) {
    common::check_serializable(t);
    let times = t
        .lanes
        .iter()
        .flat_map(|l| {
            l.spans
                .iter()
                .flat_map(|s| [Some(s.start), s.end])
                .chain(l.markers.iter().map(|m| Some(m.at)))
        })
        .flatten();
    for at in times {
        assert!(t.start.is_some_and(|s| s <= at), "{at} before start {:?}", t.start);
        assert!(t.end.is_some_and(|e| at <= e), "{at} after end {:?}", t.end);
    }
    for lane in &t.lanes {
        for s in &lane.spans {
            assert!(s.end.is_none_or(|e| s.start <= e), "span {s:?} ends before it starts");
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((options, payload)) = common::split(data) else {
        return;
    };
    let summary = api::summarize(payload, &options);
    match api::timeline(payload, &options) {
        Ok(t) => check(&t),
        Err(e) => {
            common::check_error(&e);
            assert_eq!(Some(e.code), summary.as_ref().err().map(|e| e.code));
        }
    }
    let Ok(summary) = summary else { return };
    for run in summary.runs.iter().take(5) {
        let options = api::Options {
            run: Some(run.id.clone()),
            ..options.clone()
        };
        match api::timeline(payload, &options) {
            Ok(t) => check(&t),
            Err(e) => panic!("run {:?} from the summary: {e}", run.id),
        }
    }
    let missing = api::Options {
        run: Some("\u{0}no such run\u{0}".into()),
        ..options
    };
    if !summary.runs.iter().any(|r| r.id == "\u{0}no such run\u{0}") {
        let e = api::timeline(payload, &missing).expect_err("unknown run");
        assert_eq!(e.code, ErrorCode::UnknownRun);
    }
});
