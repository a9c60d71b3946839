//! The iterative JSON validator: RFC 8259 with serde_json's checks, at any
//! depth, one bit of memory per open container (used past serde_json's
//! recursion limit, see `error`).

/// Whether `text` is one JSON value (RFC 8259 with serde_json's checks), at any
/// depth: no value is built, and memory is one bit per open container.
pub fn is_json(text: &[u8]) -> bool {
    validate(text).is_ok()
}

/// Where and why a text is not JSON, as [`validate`] finds it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct SyntaxError {
    /// Byte offset of the problem (the text's length when it ended too early).
    pub offset: usize,
    /// The text ended too early.
    pub eof: bool,
    /// serde_json's wording of the problem.
    pub what: &'static str,
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
pub(super) fn validate(text: &[u8]) -> Result<(), SyntaxError> {
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
    use serde_json::Value;

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
}
