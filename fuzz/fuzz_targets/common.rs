//! Shared by the fuzz targets: options from the first byte, and the checks
//! every result must pass (what the JS boundary needs).

use execscope::api::Options;
use execscope::model::Format;
use serde_json::Value;

/// The first byte picks the options, the rest is the payload: bit 0 strict;
/// bits 1-3 the format: 0 detect, 1-6 forced `Format::ALL[n - 1]`, 7 detect
/// (0 stays "detect" when a format is added, so the seeds keep their meaning);
/// bit 4 a small size cap (the payload's length minus one, so too_large is
/// reached too). The seeds in fuzz/corpus/ start with 0x00 (detect) unless
/// their name says otherwise.
pub fn split(data: &[u8]) -> Option<(Options, &[u8])> {
    let (&first, payload) = data.split_first()?;
    let format = usize::from((first >> 1) & 7)
        .checked_sub(1)
        .and_then(|i| Format::ALL.get(i))
        .copied();
    let max_bytes = if first & 0x10 != 0 {
        payload.len().saturating_sub(1)
    } else {
        Options::default().max_bytes
    };
    Some((
        Options {
            format,
            strict: first & 1 != 0,
            max_bytes,
            run: None,
        },
        payload,
    ))
}

/// 2^53: every integer handed to JS must be exact there (serde-wasm-bindgen's
/// json_compatible serializer refuses larger integers; floats pass as they are).
const SAFE: f64 = 9_007_199_254_740_992.0;

/// Serializes `value` as the JS boundary does and checks every number is a
/// safe integer or a finite float.
pub fn check_serializable<T: serde::Serialize>(value: &T) {
    let v = serde_json::to_value(value).expect("result serializes");
    let mut stack = vec![&v];
    while let Some(v) = stack.pop() {
        match v {
            Value::Number(n) if n.is_f64() => {
                let f = n.as_f64().expect("number as f64");
                assert!(f.is_finite(), "number {n} is not finite");
            }
            Value::Number(n) => {
                let f = n.as_f64().expect("number as f64");
                assert!(f.abs() <= SAFE, "integer {n} is not exact in JS");
            }
            Value::Array(a) => stack.extend(a.iter()),
            Value::Object(o) => stack.extend(o.values()),
            _ => {}
        }
    }
}

/// An error must carry a lowercase message that says what was expected.
pub fn check_error(e: &execscope::error::Error) {
    assert!(e.message.starts_with("expected"), "message: {e}");
}
