//! A serde_json error turned into `invalid_json` (or `too_deep`) with line,
//! column, offset and what was found there.

use super::trailing_comma_before;
use super::validate::validate;
use crate::error::{Error, ErrorCode};

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
///
/// serde_json stops at its recursion limit before it has seen the rest of the
/// text, so "recursion limit exceeded" alone does not say the text is JSON:
/// `[[[[…` never closed is not. Then [`validate`] (iterative, no depth limit)
/// reads the whole text: a syntax error anywhere is invalid_json at its own
/// position; only JSON that is valid but too deep stays too_deep.
pub(super) fn json_error(text: &[u8], e: &serde_json::Error, bom: bool) -> Error {
    let full = e.to_string();
    let what = match full.rfind(" at line ") {
        Some(i) => full.get(..i).unwrap_or(&full).to_string(),
        None => full.clone(),
    };
    if what.starts_with("recursion limit exceeded") {
        if let Err(found) = validate(text) {
            return syntax_error(text, found.what, found.offset, found.eof, bom);
        }
        let offset = offset_of(text, e.line(), e.column());
        let (line, column) = line_column(text, offset, bom);
        return Error {
            code: ErrorCode::TooDeep,
            message: format!(
                "expected json nested at most 128 levels deep, found deeper nesting at line {line}, column {column}"
            ),
            line: Some(line),
            column: Some(column),
            offset: Some(offset),
        };
    }
    let eof = e.is_eof();
    let offset = if eof {
        text.len()
    } else if e.line() == 0 {
        0
    } else {
        offset_of(text, e.line(), e.column())
    };
    syntax_error(text, &what, offset, eof, bom)
}

/// What was expected, for the syntax problems serde_json (and the validator,
/// in its words) names by what is wrong rather than by what was expected.
fn expected_for(what: &str) -> Option<&'static str> {
    Some(match what {
        "key must be a string" => "expected a member name in double quotes",
        "trailing characters" => "expected the end of the json text",
        "invalid number" => "expected a number",
        "expected ident" => "expected `true`, `false` or `null`",
        _ => return None,
    })
}

/// invalid_json for a syntax problem `what` (serde_json's wording) at byte
/// `offset` (`eof`: the text ended too early).
fn syntax_error(text: &[u8], what: &str, offset: usize, eof: bool, bom: bool) -> Error {
    let (line, column) = line_column(text, offset, bom);
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
    let message = if text.iter().all(|b| b.is_ascii_whitespace()) {
        if text.is_empty() {
            "expected json text, found empty input".to_string()
        } else {
            "expected json text, found only whitespace".to_string()
        }
    } else {
        let found = describe_at(text, offset);
        let what = what.to_ascii_lowercase();
        if eof {
            format!("expected the rest of the json text at line {line}, column {column}, found the end of the input ({what})")
        } else if let Some(expected) = expected_for(&what) {
            format!("{expected} at line {line}, column {column}, found {found}")
        } else if what.starts_with("expected") {
            format!("{what} at line {line}, column {column}, found {found}")
        } else {
            format!("expected valid json at line {line}, column {column}, found {found}: {what}")
        }
    };
    Error {
        code: ErrorCode::InvalidJson,
        message,
        line: Some(line),
        column: Some(column),
        offset: Some(offset),
    }
}
