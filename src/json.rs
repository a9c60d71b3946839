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
fn json_error(text: &[u8], e: &serde_json::Error, bom: bool) -> Error {
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

/// Whether `text` is one JSON value (RFC 8259 with serde_json's checks), at any
/// depth: no value is built, and memory is one bit per open container.
pub fn is_json(text: &[u8]) -> bool {
    validate(text).is_ok()
}

/// Where and why a text is not JSON, as [`validate`] finds it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct SyntaxError {
    /// Byte offset of the problem (the text's length when it ended too early).
    offset: usize,
    /// The text ended too early.
    eof: bool,
    /// serde_json's wording of the problem.
    what: &'static str,
}

fn fail<T>(offset: usize, what: &'static str) -> Result<T, SyntaxError> {
    Err(SyntaxError {
        offset,
        eof: false,
        what,
    })
}

fn fail_eof<T>(text: &[u8], what: &'static str) -> Result<T, SyntaxError> {
    Err(SyntaxError {
        offset: text.len(),
        eof: true,
        what,
    })
}

/// One bit per open container (object or array), so that even a 512 MiB text
/// of `[` costs 64 MiB at most.
#[derive(Default)]
struct OpenContainers {
    bits: Vec<u64>,
    len: usize,
}

impl OpenContainers {
    fn push(&mut self, object: bool) {
        let (word, bit) = (self.len / 64, self.len % 64);
        if word == self.bits.len() {
            self.bits.push(0);
        }
        if let Some(w) = self.bits.get_mut(word) {
            if object {
                *w |= 1 << bit;
            } else {
                *w &= !(1 << bit);
            }
        }
        self.len += 1;
    }

    fn pop(&mut self) {
        self.len = self.len.saturating_sub(1);
    }

    /// Whether the innermost open container is an object; None when none is open.
    fn top(&self) -> Option<bool> {
        let at = self.len.checked_sub(1)?;
        let word = self.bits.get(at / 64)?;
        Some(word & (1 << (at % 64)) != 0)
    }
}

fn skip_ws(text: &[u8], mut i: usize) -> usize {
    while matches!(text.get(i), Some(b' ' | b'\t' | b'\n' | b'\r')) {
        i += 1;
    }
    i
}

/// Checks that `text` is one JSON value (RFC 8259, with serde_json's checks:
/// UTF-8 in strings, paired surrogate escapes, numbers within the f64 range),
/// with no depth limit: iterative, one bit of memory per open container.
fn validate(text: &[u8]) -> Result<(), SyntaxError> {
    let mut open = OpenContainers::default();
    let mut i = skip_ws(text, 0);
    loop {
        // A value starts at i.
        match text.get(i) {
            None => return fail_eof(text, "EOF while parsing a value"),
            Some(b'[') => {
                i = skip_ws(text, i + 1);
                if text.get(i) == Some(&b']') {
                    i += 1;
                } else {
                    open.push(false);
                    continue;
                }
            }
            Some(b'{') => {
                i = skip_ws(text, i + 1);
                match text.get(i) {
                    Some(b'}') => i += 1,
                    Some(b'"') => {
                        i = member_key(text, i)?;
                        open.push(true);
                        continue;
                    }
                    None => return fail_eof(text, "EOF while parsing an object"),
                    Some(_) => return fail(i, "key must be a string"),
                }
            }
            Some(b'"') => i = string(text, i)?,
            Some(b'-' | b'0'..=b'9') => i = number(text, i)?,
            Some(b't') => i = literal(text, i, b"true")?,
            Some(b'f') => i = literal(text, i, b"false")?,
            Some(b'n') => i = literal(text, i, b"null")?,
            Some(_) => return fail(i, "expected value"),
        }
        // After a value: close containers until one wants another value.
        loop {
            i = skip_ws(text, i);
            match open.top() {
                None => {
                    return if i < text.len() {
                        fail(i, "trailing characters")
                    } else {
                        Ok(())
                    };
                }
                Some(false) => match text.get(i) {
                    Some(b',') => {
                        i = skip_ws(text, i + 1);
                        break;
                    }
                    Some(b']') => {
                        open.pop();
                        i += 1;
                    }
                    None => return fail_eof(text, "EOF while parsing a list"),
                    Some(_) => return fail(i, "expected `,` or `]`"),
                },
                Some(true) => match text.get(i) {
                    Some(b',') => {
                        i = skip_ws(text, i + 1);
                        match text.get(i) {
                            Some(b'"') => {
                                i = member_key(text, i)?;
                                break;
                            }
                            None => return fail_eof(text, "EOF while parsing a value"),
                            Some(b'}') => return fail(i, "trailing comma"),
                            Some(_) => return fail(i, "key must be a string"),
                        }
                    }
                    Some(b'}') => {
                        open.pop();
                        i += 1;
                    }
                    None => return fail_eof(text, "EOF while parsing an object"),
                    Some(_) => return fail(i, "expected `,` or `}`"),
                },
            }
        }
    }
}

/// A member's key string at `i`, then `:`; returns where its value starts.
fn member_key(text: &[u8], i: usize) -> Result<usize, SyntaxError> {
    let i = skip_ws(text, string(text, i)?);
    match text.get(i) {
        Some(b':') => Ok(skip_ws(text, i + 1)),
        None => fail_eof(text, "EOF while parsing an object"),
        Some(_) => fail(i, "expected `:`"),
    }
}

fn literal(text: &[u8], i: usize, word: &[u8]) -> Result<usize, SyntaxError> {
    for (k, &expected) in word.iter().enumerate() {
        match text.get(i + k) {
            Some(&b) if b == expected => {}
            Some(_) => return fail(i + k, "expected ident"),
            None => return fail_eof(text, "EOF while parsing a value"),
        }
    }
    Ok(i + word.len())
}

fn digits(text: &[u8], mut i: usize) -> usize {
    while matches!(text.get(i), Some(b'0'..=b'9')) {
        i += 1;
    }
    i
}

/// A number at `i` (`-`? int frac? exp?); returns the offset after it.
fn number(text: &[u8], start: usize) -> Result<usize, SyntaxError> {
    let mut i = start;
    if text.get(i) == Some(&b'-') {
        i += 1;
    }
    match text.get(i) {
        Some(b'0') => {
            i += 1;
            if matches!(text.get(i), Some(b'0'..=b'9')) {
                return fail(i, "invalid number");
            }
        }
        Some(b'1'..=b'9') => i = digits(text, i),
        Some(_) => return fail(i, "invalid number"),
        None => return fail_eof(text, "EOF while parsing a value"),
    }
    if text.get(i) == Some(&b'.') {
        i += 1;
        match text.get(i) {
            Some(b'0'..=b'9') => i = digits(text, i),
            Some(_) => return fail(i, "invalid number"),
            None => return fail_eof(text, "EOF while parsing a value"),
        }
    }
    if matches!(text.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(text.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        match text.get(i) {
            Some(b'0'..=b'9') => i = digits(text, i),
            Some(_) => return fail(i, "invalid number"),
            None => return fail_eof(text, "EOF while parsing a value"),
        }
    }
    let lexeme = text.get(start..i).unwrap_or_default();
    let finite = std::str::from_utf8(lexeme)
        .ok()
        .and_then(|s| s.parse::<f64>().ok())
        .is_some_and(f64::is_finite);
    if !finite {
        return fail(start, "number out of range");
    }
    Ok(i)
}

/// Four hex digits at `i` (fewer than four bytes left is the end of the input,
/// as serde_json reads it).
fn hex4(text: &[u8], i: usize) -> Result<u16, SyntaxError> {
    let Some(four) = text.get(i..i + 4) else {
        return fail_eof(text, "EOF while parsing a string");
    };
    let mut n: u16 = 0;
    for (k, &b) in four.iter().enumerate() {
        match (b as char).to_digit(16) {
            Some(d) => n = (n << 4) | d as u16,
            None => return fail(i + k, "invalid escape"),
        }
    }
    Ok(n)
}

/// A string at `i` (its opening quote); returns the offset after its closing quote.
fn string(text: &[u8], i: usize) -> Result<usize, SyntaxError> {
    let mut i = i + 1;
    loop {
        // A run of plain bytes, checked as UTF-8 in one go: `"`, `\` and control
        // bytes are ASCII, so they never cut a multi-byte character.
        let run_start = i;
        while matches!(text.get(i), Some(&b) if b != b'"' && b != b'\\' && b >= 0x20) {
            i += 1;
        }
        if let Err(e) = std::str::from_utf8(text.get(run_start..i).unwrap_or_default()) {
            return fail(run_start + e.valid_up_to(), "invalid unicode code point");
        }
        match text.get(i) {
            None => return fail_eof(text, "EOF while parsing a string"),
            Some(b'"') => return Ok(i + 1),
            Some(b'\\') => i = escape(text, i + 1)?,
            Some(_) => {
                return fail(
                    i,
                    "control character (\\u0000-\\u001F) found while parsing a string",
                )
            }
        }
    }
}

/// An escape after its backslash; returns the offset after it. A `\u` escape
/// of a surrogate must be a leading one followed by a trailing one.
fn escape(text: &[u8], i: usize) -> Result<usize, SyntaxError> {
    match text.get(i) {
        None => fail_eof(text, "EOF while parsing a string"),
        Some(b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't') => Ok(i + 1),
        Some(b'u') => {
            let n = hex4(text, i + 1)?;
            let after = i + 5;
            if (0xDC00..=0xDFFF).contains(&n) {
                return fail(i - 1, "lone leading surrogate in hex escape");
            }
            if !(0xD800..=0xDBFF).contains(&n) {
                return Ok(after);
            }
            match (text.get(after), text.get(after + 1)) {
                (None, _) | (Some(b'\\'), None) => {
                    return fail_eof(text, "EOF while parsing a string")
                }
                (Some(b'\\'), Some(b'u')) => {}
                _ => return fail(i - 1, "unexpected end of hex escape"),
            }
            let low = hex4(text, after + 2)?;
            if (0xDC00..=0xDFFF).contains(&low) {
                Ok(after + 6)
            } else {
                fail(after, "lone leading surrogate in hex escape")
            }
        }
        Some(_) => fail(i, "invalid escape"),
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
        match parse(input, &strict, &mut w) {
            Err(e) => e,
            Ok(v) => unreachable!("parsed {v}"),
        }
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
            ("{1: 2}", "key must be a string", 1),
            ("tru", "expected ident", 3),
            ("nul!", "expected ident", 3),
            ("01", "invalid number", 1),
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

    /// The validator agrees with serde_json on shallow texts, error or not.
    #[test]
    fn validator_agrees_with_serde_json() {
        let texts: &[&[u8]] = &[
            b"1",
            b"-0",
            b"-0.5e+3",
            b"1E2",
            b"0.0e-0",
            b"[]",
            b"{}",
            b"[ ]",
            b" { } ",
            b"\"\"",
            b"\"\\u0041\\ud83d\\ude00\"",
            b"[1,[2,{\"a\":[]}]]",
            b"true",
            b"false",
            b"null",
            b"{\"a\":1,\"b\":{\"c\":null}}",
            b"\"\xc3\xa9\"",
            b"123456789012345678901234567890",
            b"",
            b" ",
            b"[",
            b"]",
            b"{",
            b"}",
            b"[1,]",
            b"{\"a\":1,}",
            b"[,1]",
            b"{,}",
            b"-",
            b"-a",
            b"1.",
            b"1.e3",
            b"1e",
            b"1e+",
            b".5",
            b"+1",
            b"01",
            b"-01",
            b"0x1",
            b"NaN",
            b"Infinity",
            b"1e999",
            b"-1e999",
            b"tRue",
            b"nul",
            b"\"a",
            b"\"\\x\"",
            b"\"\\u12\"",
            b"\"\\u12g4\"",
            b"\"\\udc00\"",
            b"\"\\ud800\"",
            b"\"\\ud800\\n\"",
            b"\"\\ud800\\u0041\"",
            b"\"\\ud800\\",
            b"\"\xff\"",
            b"\"\xc3\"",
            b"\"\xed\xa0\x80\"",
            b"\"\t\"",
            b"\"\x7f\"",
            b"[1]x",
            b"[1] 2",
            b"{\"a\" 1}",
            b"{\"a\":}",
            b"{\"a\"}",
            b"{1:1}",
            b"[1 2]",
            b"[\"a\":1]",
            b"\xef\xbb\xbf1",
            b"1\x00",
            b"[\x00]",
            b"\x0c1",
            b"[1,\n]",
            b"{\"a\":1 \"b\":2}",
            b"[\"\\u0000\"]",
        ];
        for &text in texts {
            let ours = validate(text);
            let serde = serde_json::from_slice::<Value>(text);
            assert_eq!(
                ours.is_ok(),
                serde.is_ok(),
                "{:?}: ours {ours:?}, serde_json {serde:?}",
                String::from_utf8_lossy(text)
            );
            if let (Err(ours), Err(serde)) = (ours, serde) {
                assert_eq!(
                    ours.eof,
                    serde.is_eof(),
                    "{:?}",
                    String::from_utf8_lossy(text)
                );
            }
        }
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
