//! The JSON layer's iterative validator (src/json/validate.rs, used past serde_json's
//! recursion limit) against serde_json itself: on any bytes both accept or both
//! reject; and wrapped 130 arrays deep, the JSON layer says `too_deep` exactly
//! when serde_json without its recursion limit accepts the wrapped text, else
//! `invalid_json` (wrapping can make a fragment valid: `0,0` becomes `[0,0]`).
#![no_main]

use execscope::error::ErrorCode;
use execscope::json::{self, JsonOptions};
use libfuzzer_sys::fuzz_target;
use serde::Deserialize;

/// serde_json's verdict with no recursion limit (callers keep the depth small
/// enough for the stack).
fn serde_unbounded(text: &[u8]) -> bool {
    let mut de = serde_json::Deserializer::from_slice(text);
    de.disable_recursion_limit();
    serde_json::Value::deserialize(&mut de).is_ok() && de.end().is_ok()
}

fuzz_target!(|data: &[u8]| {
    let serde = serde_json::from_slice::<serde_json::Value>(data);
    let too_deep = serde
        .as_ref()
        .err()
        .is_some_and(|e| e.to_string().starts_with("recursion limit"));
    if !too_deep {
        assert_eq!(
            json::is_json(data),
            serde.is_ok(),
            "validator and serde_json disagree: {:?}",
            serde.err()
        );
    }
    // Deeper than serde_json's limit, within what its recursion can take here.
    let opens = data.iter().filter(|&&b| b == b'[' || b == b'{').count();
    if opens > 2000 {
        return;
    }
    let mut deep = vec![b'['; 130];
    deep.extend_from_slice(data);
    deep.extend(std::iter::repeat_n(b']', 130));
    let valid = serde_unbounded(&deep);
    assert_eq!(json::is_json(&deep), valid, "validator disagrees 130 deep");
    let strict = JsonOptions {
        strict: true,
        ..JsonOptions::default()
    };
    let code = json::parse(&deep, &strict, &mut Vec::new()).err().map(|e| e.code);
    let want = if valid {
        ErrorCode::TooDeep
    } else {
        ErrorCode::InvalidJson
    };
    assert_eq!(code, Some(want));
});
