//! decodeObjectData over arbitrary text (the bytes as UTF-8, lossily): no
//! panic; errors carry an offset inside the text; decoded sizes within the cap;
//! what is sniffed as JSON parses as JSON.
#![no_main]

use execscope::error::ErrorCode;
use execscope::objectdata::{self, DataFormat, Status, MAX_DECODED_BYTES};
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
#[allow(dead_code)]
mod common;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    match objectdata::decode_with_json(&text) {
        Ok(d) => {
            // In JS `json` is built by JSON.parse, not serialized: its numbers
            // are the payload's own (5e82 is fine there).
            common::check_serializable(&objectdata::Decoded { json: None, ..d.clone() });
            assert!(d.byte_length <= MAX_DECODED_BYTES);
            match d.status {
                Status::Decoded => assert!(d.format.is_some()),
                Status::Empty | Status::Redacted => assert_eq!(d.byte_length, 0),
            }
            if d.format == Some(DataFormat::Json) {
                // serde_json agrees, unless the text is nested past its limit.
                if let Err(e) = serde_json::from_str::<serde::de::IgnoredAny>(&d.text) {
                    assert!(e.to_string().starts_with("recursion limit"), "{e}");
                }
            }
            if d.format == Some(DataFormat::Binary) {
                assert!(d.text.len() <= 2 * 4096);
            }
        }
        Err(e) => {
            common::check_error(&e);
            if e.code == ErrorCode::InvalidBase64 {
                let at = e.offset.expect("invalid_base64 has an offset");
                assert!(at <= text.chars().count(), "offset {at} past the text");
            }
        }
    }
});
