//! The JSON layer: size cap, byte order mark, trailing-comma repair, and
//! `invalid_json` errors with line, column and what was found.
//!
//! Parsing is strict RFC 8259 (serde_json). In lenient mode (the default) two
//! things real users paste are repaired, each with a warning: a UTF-8 byte order
//! mark before the JSON, and commas before `]` or `}` (the events doc's own
//! example ends with one). Repairs replace the comma by a space, so every line and
//! column reported afterwards still points into the text the user has.
//!
//! Decisions: duplicate keys keep the last value, as `JSON.parse` does; numbers
//! beyond the f64 range (`1e999`) are rejected as invalid_json (where JSON.parse
//! would give Infinity); nesting deeper than 128 levels is `too_deep`.

use crate::error::{Error, ErrorCode, Warning, WarningCode};
use serde_json::Value;
use std::borrow::Cow;

/// Default input-size cap: 512 MiB.
pub const DEFAULT_MAX_BYTES: usize = 512 * 1024 * 1024;

/// Most trailing-comma warnings listed one by one; the rest are counted in one more.
const MAX_COMMA_WARNINGS: usize = 20;

/// How to read the text.
#[derive(Debug, Clone, Copy)]
pub struct JsonOptions {
    /// Reject repairs (BOM, trailing commas) as invalid_json.
    pub strict: bool,
    /// Input-size cap in bytes.
    pub max_bytes: usize,
}

impl Default for JsonOptions {
    fn default() -> Self {
        JsonOptions {
            strict: false,
            max_bytes: DEFAULT_MAX_BYTES,
        }
    }
}

/// Checks the size cap; called before anything is copied.
pub fn check_size(len: usize, max_bytes: usize) -> Result<(), Error> {
    if len > max_bytes {
        return Err(Error::new(
            ErrorCode::TooLarge,
            format!("expected at most {max_bytes} bytes of input, found {len} bytes"),
        ));
    }
    Ok(())
}

/// Skips a UTF-8 byte order mark (lenient) or rejects it (strict).
fn strip_bom<'a>(
    input: &'a [u8],
    options: &JsonOptions,
    warnings: &mut Vec<Warning>,
) -> Result<(&'a [u8], bool), Error> {
    let Some(body) = input.strip_prefix(b"\xEF\xBB\xBF") else {
        return Ok((input, false));
    };
    if options.strict {
        let mut e = Error::new(
            ErrorCode::InvalidJson,
            "expected json text, found a utf-8 byte order mark at line 1, column 1",
        );
        e.line = Some(1);
        e.column = Some(1);
        e.offset = Some(0);
        return Err(e);
    }
    warnings.push(Warning {
        code: WarningCode::Bom,
        message: "skipped a utf-8 byte order mark before the json text".into(),
        path: "$".into(),
    });
    Ok((body, true))
}

/// Parses `input` into any deserializable `T`: the size cap first, then the BOM,
/// then one strict parse; only when the one problem is a trailing comma (and not
/// strict) are the commas blanked, reported, and the text parsed once more.
pub fn parse_as<T: serde::de::DeserializeOwned>(
    input: &[u8],
    options: &JsonOptions,
    warnings: &mut Vec<Warning>,
) -> Result<T, Error> {
    check_size(input.len(), options.max_bytes)?;
    let (body, bom) = strip_bom(input, options, warnings)?;
    let error = match serde_json::from_slice::<T>(body) {
        Ok(v) => return Ok(v),
        Err(e) => e,
    };
    if options.strict || !error.is_syntax() {
        return Err(json_error(body, &error, bom));
    }
    let Some(fixed) = repair_commas(body, bom, warnings) else {
        return Err(json_error(body, &error, bom));
    };
    serde_json::from_slice::<T>(&fixed).map_err(|e| json_error(&fixed, &e, bom))
}

/// Parses the input into a JSON value.
pub fn parse(
    input: &[u8],
    options: &JsonOptions,
    warnings: &mut Vec<Warning>,
) -> Result<Value, Error> {
    parse_as(input, options, warnings)
}

/// The input as strict JSON text (BOM skipped, trailing commas blanked, with the
/// same warnings and errors as [`parse`]), for a caller that parses it again
/// elsewhere (the page's raw view calls `JSON.parse` on it).
pub fn repaired<'a>(
    input: &'a [u8],
    options: &JsonOptions,
    warnings: &mut Vec<Warning>,
) -> Result<Cow<'a, [u8]>, Error> {
    check_size(input.len(), options.max_bytes)?;
    let (body, bom) = strip_bom(input, options, warnings)?;
    let error = match serde_json::from_slice::<serde::de::IgnoredAny>(body) {
        Ok(_) => return Ok(Cow::Borrowed(body)),
        Err(e) => e,
    };
    if options.strict || !error.is_syntax() {
        return Err(json_error(body, &error, bom));
    }
    let Some(fixed) = repair_commas(body, bom, warnings) else {
        return Err(json_error(body, &error, bom));
    };
    match serde_json::from_slice::<serde::de::IgnoredAny>(&fixed) {
        Ok(_) => Ok(Cow::Owned(fixed)),
        Err(e) => Err(json_error(&fixed, &e, bom)),
    }
}

/// Blanks the trailing commas and reports each (the first few one by one);
/// `None` when there are none (the syntax error is something else).
fn repair_commas(body: &[u8], bom: bool, warnings: &mut Vec<Warning>) -> Option<Vec<u8>> {
    let (fixed, commas) = blank_trailing_commas(body);
    if commas.is_empty() {
        return None;
    }
    for (i, &at) in commas.iter().enumerate() {
        if i == MAX_COMMA_WARNINGS {
            warnings.push(Warning {
                code: WarningCode::TrailingComma,
                message: format!(
                    "removed {} more trailing commas",
                    commas.len() - MAX_COMMA_WARNINGS
                ),
                path: "$".into(),
            });
            break;
        }
        let (line, column) = line_column(body, at, bom);
        warnings.push(Warning {
            code: WarningCode::TrailingComma,
            message: format!("removed a trailing comma at line {line}, column {column}"),
            path: "$".into(),
        });
    }
    Some(fixed)
}

/// The offset of a comma that stands (after blanks) right before `offset`, when
/// the byte there closes an array or object: a trailing comma.
fn trailing_comma_before(text: &[u8], offset: usize) -> Option<usize> {
    if !matches!(text.get(offset), Some(b']' | b'}')) {
        return None;
    }
    let before = text.get(..offset)?;
    let at = before.iter().rposition(|b| !b.is_ascii_whitespace())?;
    (before.get(at) == Some(&b',')).then_some(at)
}

/// Replaces every comma that is followed (after whitespace) by `]` or `}` with a
/// space, outside strings. Returns the new bytes and the commas' byte offsets.
fn blank_trailing_commas(input: &[u8]) -> (Vec<u8>, Vec<usize>) {
    let mut out = input.to_vec();
    let mut commas = Vec::new();
    let mut in_string = false;
    let mut escaped = false;
    let mut pending: Option<usize> = None;
    for (i, &b) in input.iter().enumerate() {
        if in_string {
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                in_string = false;
            }
            continue;
        }
        match b {
            b' ' | b'\t' | b'\n' | b'\r' => {}
            b']' | b'}' => {
                if let Some(at) = pending.take() {
                    if let Some(slot) = out.get_mut(at) {
                        *slot = b' ';
                    }
                    commas.push(at);
                }
            }
            b',' => pending = Some(i),
            b'"' => {
                in_string = true;
                pending = None;
            }
            _ => pending = None,
        }
    }
    (out, commas)
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_column(text: &[u8], offset: usize, bom: bool) -> (usize, usize) {
    let before = text.get(..offset).unwrap_or(text);
    let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |p| p + 1);
    let segment = before.get(line_start..).unwrap_or_default();
    // Count characters: every byte that does not continue a UTF-8 sequence.
    let mut column = 1 + segment.iter().filter(|&&b| (b & 0xC0) != 0x80).count();
    if bom && line == 1 {
        column += 1;
    }
    (line, column)
}

/// Byte offset of a 1-based line and byte column as serde_json reports them.
fn offset_of(text: &[u8], line: usize, byte_column: usize) -> usize {
    let mut start = 0;
    if line > 1 {
        let mut seen = 1;
        for (i, &b) in text.iter().enumerate() {
            if b == b'\n' {
                seen += 1;
                if seen == line {
                    start = i + 1;
                    break;
                }
            }
        }
    }
    // serde_json's column counts bytes and points at (or just past) the bad one.
    (start + byte_column.saturating_sub(1)).min(text.len())
}

/// What is at `offset`, for "found ..." in messages.
fn describe_at(text: &[u8], offset: usize) -> String {
    let Some(rest) = text.get(offset..) else {
        return "the end of the input".into();
    };
    if rest.is_empty() {
        return "the end of the input".into();
    }
    let shown: String = match std::str::from_utf8(rest) {
        Ok(s) => s.chars().take(1).collect(),
        Err(e) if e.valid_up_to() > 0 => {
            std::str::from_utf8(rest.get(..e.valid_up_to()).unwrap_or_default())
                .unwrap_or_default()
                .chars()
                .take(1)
                .collect()
        }
        Err(_) => {
            return format!("the byte 0x{:02x}", rest.first().copied().unwrap_or(0));
        }
    };
    match shown.chars().next() {
        Some(c) if c.is_control() => format!("the control character U+{:04X}", c as u32),
        Some(c) => format!("`{c}`"),
        None => "the end of the input".into(),
    }
}

/// Turns a serde_json error into invalid_json (or too_deep) with line, column and
/// what was found there.
fn json_error(text: &[u8], e: &serde_json::Error, bom: bool) -> Error {
    let full = e.to_string();
    let what = match full.rfind(" at line ") {
        Some(i) => full.get(..i).unwrap_or(&full).to_string(),
        None => full.clone(),
    };
    let eof = e.is_eof();
    let offset = if eof {
        text.len()
    } else {
        offset_of(text, e.line(), e.column())
    };
    let (line, column) = if e.line() == 0 && !eof {
        (1, 1)
    } else {
        line_column(text, offset, bom)
    };
    if !eof {
        if let Some(comma) = trailing_comma_before(text, offset) {
            let (line, column) = line_column(text, comma, bom);
            let closer = describe_at(text, offset);
            return Error {
                code: ErrorCode::InvalidJson,
                message: format!(
                    "expected a value after the comma at line {line}, column {column}, found {closer}: \
                     a trailing comma (repaired unless strict)"
                ),
                line: Some(line),
                column: Some(column),
                offset: Some(comma),
            };
        }
    }
    let (code, message) = if what.starts_with("recursion limit exceeded") {
        (
            ErrorCode::TooDeep,
            format!("expected json nested at most 128 levels deep, found deeper nesting at line {line}, column {column}"),
        )
    } else if text.iter().all(|b| b.is_ascii_whitespace()) {
        (
            ErrorCode::InvalidJson,
            if text.is_empty() {
                "expected json text, found empty input".to_string()
            } else {
                "expected json text, found only whitespace".to_string()
            },
        )
    } else {
        let found = describe_at(text, offset);
        let what = what.to_lowercase();
        (
            ErrorCode::InvalidJson,
            if eof {
                format!("expected the rest of the json text at line {line}, column {column}, found the end of the input ({what})")
            } else if what.starts_with("expected") {
                format!("{what} at line {line}, column {column}, found {found}")
            } else {
                format!(
                    "expected valid json at line {line}, column {column}, found {found}: {what}"
                )
            },
        )
    };
    Error {
        code,
        message,
        line: Some(line),
        column: Some(column),
        offset: Some(offset),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(input: &str) -> Error {
        let mut w = Vec::new();
        match parse(input.as_bytes(), &JsonOptions::default(), &mut w) {
            Err(e) => e,
            Ok(v) => unreachable!("parsed {v}"),
        }
    }

    #[test]
    fn trailing_commas_are_repaired_with_warnings() {
        let mut w = Vec::new();
        let v = parse(b"[{\"a\": [1,2,],},\n]", &JsonOptions::default(), &mut w)
            .map_err(|e| e.to_string());
        assert_eq!(v, Ok(serde_json::json!([{"a": [1, 2]}])));
        assert_eq!(w.len(), 3);
        assert!(w.iter().all(|w| w.code == WarningCode::TrailingComma));
        assert_eq!(
            w[2].message,
            "removed a trailing comma at line 1, column 16"
        );
    }

    #[test]
    fn strict_rejects_trailing_comma_and_bom() {
        let mut w = Vec::new();
        let strict = JsonOptions {
            strict: true,
            ..JsonOptions::default()
        };
        let e = parse(b"[1,]", &strict, &mut w).err();
        assert_eq!(e.map(|e| e.code), Some(ErrorCode::InvalidJson));
        let e = parse(b"\xEF\xBB\xBF[1]", &strict, &mut w).err();
        assert_eq!(e.map(|e| e.code), Some(ErrorCode::InvalidJson));
        assert!(w.is_empty());
    }

    #[test]
    fn commas_inside_strings_are_kept() {
        let mut w = Vec::new();
        let v = parse(
            br#"{"a": ",]", "b": "\",}",}"#,
            &JsonOptions::default(),
            &mut w,
        );
        assert_eq!(v.ok(), Some(serde_json::json!({"a": ",]", "b": "\",}"})));
        assert_eq!(w.len(), 1);
    }

    #[test]
    fn errors_have_line_column_and_found() {
        let e = err("{\n  \"a\": 1\n  \"b\": 2\n}");
        assert_eq!(e.code, ErrorCode::InvalidJson);
        assert_eq!((e.line, e.column), (Some(3), Some(3)));
        assert_eq!(
            e.message,
            "expected `,` or `}` at line 3, column 3, found `\"`"
        );
        let e = err("");
        assert_eq!(e.message, "expected json text, found empty input");
        let e = err("[1, 2");
        assert!(e.message.contains("the end of the input"), "{}", e.message);
        let e = err(&"[".repeat(1000));
        assert_eq!(e.code, ErrorCode::TooDeep);
    }

    #[test]
    fn size_cap_is_checked_first() {
        let mut w = Vec::new();
        let opts = JsonOptions {
            strict: false,
            max_bytes: 3,
        };
        let e = parse(b"[1, 2]", &opts, &mut w).err();
        assert_eq!(e.map(|e| e.code), Some(ErrorCode::TooLarge));
    }
}
