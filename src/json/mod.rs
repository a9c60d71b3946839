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
//! would give Infinity); valid JSON nested deeper than 128 levels is `too_deep`,
//! while a text with a syntax error anywhere (`[[[[…` never closed) is
//! invalid_json at that error, found by an iterative validator with no depth limit.
//!
//! Three parts: the parse policy here (size cap, BOM, repairs, the one strict
//! parse and its retry), `error` (a serde_json error turned into invalid_json
//! or too_deep with line, column and what was found) and `validate` (the
//! iterative validator).

use crate::error::{Error, ErrorCode, Warning, WarningCode};
use serde_json::Value;
use std::borrow::Cow;

mod error;
mod validate;

use error::json_error;
pub use error::line_column;
pub use validate::is_json;

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
    parse_with(input, options, warnings, |bytes| {
        serde_json::from_slice::<T>(bytes)
    })
}

/// Like [`parse_as`], with the parse itself supplied: `parse` is called on the
/// (BOM-less) bytes, and once more on the repaired bytes when the only problem
/// was a trailing comma. It must start from a clean state on each call.
pub fn parse_with<T>(
    input: &[u8],
    options: &JsonOptions,
    warnings: &mut Vec<Warning>,
    mut parse: impl FnMut(&[u8]) -> Result<T, serde_json::Error>,
) -> Result<T, Error> {
    check_size(input.len(), options.max_bytes)?;
    let (body, bom) = strip_bom(input, options, warnings)?;
    let error = match parse(body) {
        Ok(v) => return Ok(v),
        Err(e) => e,
    };
    if options.strict || !error.is_syntax() {
        return Err(json_error(body, &error, bom));
    }
    let Some(fixed) = repair_commas(body, bom, warnings) else {
        return Err(json_error(body, &error, bom));
    };
    parse(&fixed).map_err(|e| json_error(&fixed, &e, bom))
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

/// The offset of the `"` that closes the string whose content starts at
/// `start` (escapes skipped, nothing checked), or past the end when it is not
/// closed: the pre-passes over the bytes (`memory`, `formats::streamed`) step
/// over strings with it.
pub(crate) fn string_end(bytes: &[u8], start: usize) -> usize {
    let mut i = start;
    while let Some(&c) = bytes.get(i) {
        match c {
            b'"' => break,
            b'\\' => i += 2,
            _ => i += 1,
        }
    }
    i
}

/// The offset of a comma that stands (after blanks) right before `offset`, when
/// the byte there closes an array or object: a trailing comma.
pub(super) fn trailing_comma_before(text: &[u8], offset: usize) -> Option<usize> {
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
    // Whether the last byte outside strings and blanks ended a value: only a
    // comma after a value can be a trailing one (`[,]` and `[1,,]` are not).
    let mut after_value = false;
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
            b' ' | b'\t' | b'\n' | b'\r' => continue,
            b']' | b'}' => {
                if let Some(at) = pending.take() {
                    if let Some(slot) = out.get_mut(at) {
                        *slot = b' ';
                    }
                    commas.push(at);
                }
            }
            b',' if after_value => pending = Some(i),
            b'"' => {
                in_string = true;
                pending = None;
            }
            _ => pending = None,
        }
        after_value = !matches!(b, b'[' | b'{' | b',' | b':');
    }
    (out, commas)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::error_of;

    fn err(input: &str) -> Error {
        let mut w = Vec::new();
        error_of(parse(input.as_bytes(), &JsonOptions::default(), &mut w))
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
    fn only_commas_after_a_value_are_trailing() {
        for text in ["[,]", "{,}", "[1,,]", "[[,],]", "{\"a\":,}"] {
            let e = err(text);
            assert_eq!(e.code, ErrorCode::InvalidJson, "{text}: {e}");
        }
        let mut w = Vec::new();
        let v = parse(b"[[] ,{} ,\"\" ,]", &JsonOptions::default(), &mut w);
        assert_eq!(v.ok(), Some(serde_json::json!([[], {}, ""])));
        assert_eq!(w.len(), 1);
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
        let e = err(&format!("{}{}", "[".repeat(1000), "]".repeat(1000)));
        assert_eq!(e.code, ErrorCode::TooDeep);
        assert_eq!(
            (e.line, e.column, e.offset),
            (Some(1), Some(128), Some(127))
        );
    }

    fn strict_err(input: &[u8]) -> Error {
        let mut w = Vec::new();
        let strict = JsonOptions {
            strict: true,
            ..JsonOptions::default()
        };
        error_of(parse(input, &strict, &mut w))
    }

    fn deep(depth: usize, inner: &str) -> String {
        format!("{}{inner}{}", "[".repeat(depth), "]".repeat(depth))
    }

    #[test]
    fn unclosed_deep_nesting_is_invalid_json_not_too_deep() {
        // JSONTestSuite n_structure_100000_opening_arrays.
        let text = "[".repeat(100_000);
        for e in [err(&text), strict_err(text.as_bytes())] {
            assert_eq!(e.code, ErrorCode::InvalidJson, "{e}");
            assert_eq!(e.offset, Some(100_000));
            assert_eq!((e.line, e.column), (Some(1), Some(100_001)));
            assert!(e.message.contains("the end of the input"), "{}", e.message);
        }
        // n_structure_open_array_object: `[{"":` repeated.
        let e = err(&"[{\"\":".repeat(50_000));
        assert_eq!(e.code, ErrorCode::InvalidJson, "{e}");
        // Deep and well formed stays too_deep, deep as objects too.
        assert_eq!(err(&deep(100_000, "1")).code, ErrorCode::TooDeep);
        // Found by the json_validator fuzzer (its own mistake): `0,0` alone is
        // not JSON, but wrapped it is a list, valid and too deep.
        assert_eq!(err(&deep(200, "0,0")).code, ErrorCode::TooDeep);
        let objects = format!("{}1{}", "{\"a\":".repeat(300), "}".repeat(300));
        assert_eq!(err(&objects).code, ErrorCode::TooDeep);
    }

    #[test]
    fn deep_text_reports_the_first_syntax_error_where_it_is() {
        let cases: [(&str, &str, usize); 10] = [
            ("1 2", "found `2`", 2),
            ("[1 2]", "expected `,` or `]`", 3),
            ("{\"a\" 1}", "expected `:`", 5),
            ("{1: 2}", "expected a member name in double quotes", 1),
            ("tru", "expected `true`, `false` or `null`", 3),
            ("nul!", "expected `true`, `false` or `null`", 3),
            ("01", "expected a number", 1),
            ("1e999", "number out of range", 0),
            ("\"\\ud800\"", "unexpected end of hex escape", 1),
            ("\"a\u{1}\"", "control character", 2),
        ];
        for (inner, words, at) in cases {
            let text = deep(200, inner);
            let e = err(&text);
            assert_eq!(e.code, ErrorCode::InvalidJson, "{inner}: {e}");
            assert!(e.message.contains(words), "{inner}: {}", e.message);
            if !e.message.contains("end of the input") {
                assert_eq!(e.offset, Some(200 + at), "{inner}: {e}");
            }
        }
        // Line and column count lines and characters, as everywhere else.
        let text = format!("{}\n  \"é\" x", "[".repeat(200));
        let e = err(&text);
        assert_eq!((e.line, e.column), (Some(2), Some(7)), "{e}");
        assert_eq!(
            e.message,
            "expected `,` or `]` at line 2, column 7, found `x`"
        );
        // Invalid UTF-8 inside a string.
        let mut bytes = "[".repeat(200).into_bytes();
        bytes.extend_from_slice(b"\"a\xff\"");
        let e = strict_err(&bytes);
        assert_eq!(
            (e.code, e.offset),
            (ErrorCode::InvalidJson, Some(202)),
            "{e}"
        );
        // Garbage after the deep value closes.
        let e = err(&format!("{} x", deep(200, "1")));
        assert_eq!(
            (e.code, e.offset),
            (ErrorCode::InvalidJson, Some(402)),
            "{e}"
        );
    }

    #[test]
    fn deep_trailing_commas_strict_point_at_the_comma_lenient_stay_too_deep() {
        let text = deep(200, "[1,]");
        let e = strict_err(text.as_bytes());
        assert_eq!(e.code, ErrorCode::InvalidJson, "{e}");
        assert_eq!(e.offset, Some(202));
        assert!(e.message.contains("trailing comma"), "{}", e.message);
        let e =
            strict_err(format!("{}{{\"a\":1,}}{}", "[".repeat(200), "]".repeat(200)).as_bytes());
        assert_eq!(
            (e.code, e.offset),
            (ErrorCode::InvalidJson, Some(206)),
            "{e}"
        );
        let mut w = Vec::new();
        let e = parse(text.as_bytes(), &JsonOptions::default(), &mut w).err();
        assert_eq!(e.map(|e| e.code), Some(ErrorCode::TooDeep));
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
