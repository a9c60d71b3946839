//! `api-error`: the error bodies every API returns (seed 004's 401 and 500 examples):
//! `{error_code, error_msg, http_code}`. The doc's own 401 example writes
//! `error_message` and `"http_code": "401"` (a string): both are accepted.

use crate::model::ApiError;
use crate::path::Path;
use crate::reader::Reader;
use serde_json::{Map, Value};

/// True when the object has error_code, error_msg or error_message.
pub fn matches(o: &Map<String, Value>) -> bool {
    ["error_code", "error_msg", "error_message"]
        .iter()
        .any(|k| o.contains_key(*k))
}

/// Reads the body.
pub fn read(r: &mut Reader, o: &Map<String, Value>) -> ApiError {
    let root = Path::ROOT;
    let http_code = match o.get("http_code") {
        Some(Value::String(s)) => match s.trim().parse::<u16>() {
            Ok(n) if n <= 999 => Some(n),
            _ => {
                r.warn(
                    crate::error::WarningCode::InvalidValue,
                    &root.key("http_code"),
                    format!(
                        "expected an http status code from 0 to 999, found {}; ignored",
                        crate::reader::quote(s)
                    ),
                );
                None
            }
        },
        _ => r.count(o, "http_code", &root, 999).map(|n| n as u16),
    };
    ApiError {
        http_code,
        code: r.string(o, "error_code", &root).map(str::to_owned),
        message: r
            .string_any(o, &["error_msg", "error_message"], &root)
            .map(str::to_owned),
    }
}
