//! Decodes `spec.objectData` / `changedObjectData`: base64 (standard or URL-safe
//! alphabet, with or without padding, with line breaks or spaces anywhere, MIME
//! style) of the template instantiation data, usually JSON or YAML.
//!
//! A value made only of asterisks ("*****", as in the AOS doc's example) is
//! redacted. A bad character, a `=` before the end, mixed alphabets or a wrong
//! length is invalid_base64 with the 0-based character offset of the problem.
//! The decoded text is sniffed: JSON when it is an object or array that parses
//! as JSON (at any depth: `JSON.parse` in the page has no depth limit), YAML when it looks
//! like YAML (a `---` start, or `key:` lines) or parses as a YAML mapping or sequence, binary when it is not UTF-8 or holds
//! control characters other than tab/CR/LF, text otherwise.
//!
//! A YAML text is parsed too ([`crate::yaml`], with its limits), so the page can
//! show it as a tree like JSON: `json` holds the value as JSON data (keys as
//! text; see the module), or stays null with `parseError` saying why (a syntax
//! error or a limit, with line and column). In JavaScript, `json` is built with
//! `JSON.parse` for both, so a `__proto__` key stays data.

use crate::error::{Error, ErrorCode};
use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig};
use base64::engine::DecodePaddingMode;
use base64::Engine;
use serde::Serialize;

/// Largest decoded objectData accepted: 64 MiB.
pub const MAX_DECODED_BYTES: usize = 64 * 1024 * 1024;

/// How many bytes of a binary value are shown as hex.
const HEX_PREVIEW: usize = 4096;

/// Decoded, redacted or empty.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Decoded.
    Decoded,
    /// Asterisks only.
    Redacted,
    /// Empty or blank.
    Empty,
}

/// What the decoded bytes are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DataFormat {
    /// Parses as JSON.
    Json,
    /// Looks like YAML.
    Yaml,
    /// Other UTF-8 text.
    Text,
    /// Not UTF-8, or control characters.
    Binary,
}

/// The decoded objectData. `json` is filled by the JS layer (with `JSON.parse`)
/// and by [`decode_with_json`] natively; `parse_error` by [`parse_yaml`].
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Decoded {
    /// Decoded, redacted or empty.
    pub status: Status,
    /// What the bytes are (None unless decoded).
    pub format: Option<DataFormat>,
    /// The text (binary: hex of the first 4096 bytes).
    pub text: String,
    /// The parsed value when format is json or yaml (YAML as JSON data).
    pub json: Option<serde_json::Value>,
    /// Why a yaml text has no `json`: a syntax error or a limit of
    /// [`crate::yaml`], with line and column. None otherwise.
    pub parse_error: Option<String>,
    /// Decoded size in bytes.
    pub byte_length: usize,
}

fn bad(offset: usize, message: String) -> Error {
    let mut e = Error::new(ErrorCode::InvalidBase64, message);
    e.offset = Some(offset);
    e
}

/// Decodes without parsing the JSON (json stays None).
pub fn decode(text: &str) -> Result<Decoded, Error> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Ok(Decoded {
            status: Status::Empty,
            format: None,
            text: String::new(),
            json: None,
            parse_error: None,
            byte_length: 0,
        });
    }
    if trimmed.chars().all(|c| c == '*') {
        return Ok(Decoded {
            status: Status::Redacted,
            format: None,
            text: String::new(),
            json: None,
            parse_error: None,
            byte_length: 0,
        });
    }
    let bytes = decode_bytes(text)?;
    Ok(sniff(bytes))
}

/// Decodes and, for JSON and YAML, parses the value too.
pub fn decode_with_json(text: &str) -> Result<Decoded, Error> {
    let mut d = decode(text)?;
    if d.format == Some(DataFormat::Json) {
        d.json = serde_json::from_str(&d.text).ok();
    }
    d.json = d.json.take().or_else(|| parse_yaml(&mut d));
    Ok(d)
}

/// For a yaml `d`, its value ([`crate::yaml::parse`]); on failure None, with
/// `d.parse_error` set. None for other formats.
pub fn parse_yaml(d: &mut Decoded) -> Option<serde_json::Value> {
    if d.format != Some(DataFormat::Yaml) {
        return None;
    }
    match crate::yaml::parse(&d.text) {
        Ok(v) => Some(v),
        Err(e) => {
            d.parse_error = Some(e.message);
            None
        }
    }
}

/// Most base64 characters (not counting `=` padding) whose decoded bytes fit
/// under [`MAX_DECODED_BYTES`].
const MAX_DATA_CHARS: usize = MAX_DECODED_BYTES / 3 * 4 + 2;

/// Exact decoded length of `n` base64 data characters (padding not counted).
fn decoded_len(n: usize) -> usize {
    n / 4 * 3 + (n % 4).saturating_sub(1)
}

/// The character offset of the `index`-th kept (non-blank) character of
/// `text`: the length in characters when there are fewer. Only errors need it,
/// so nothing is kept per character while decoding.
fn kept_char_offset(text: &str, index: usize) -> usize {
    let mut kept = 0;
    let mut count = 0;
    for (offset, c) in text.chars().enumerate() {
        count = offset + 1;
        if matches!(c, ' ' | '\t' | '\r' | '\n') {
            continue;
        }
        if kept == index {
            return offset;
        }
        kept += 1;
    }
    count
}

/// Validates the characters (reporting exact offsets), then decodes with the
/// `base64` crate. The size cap is checked on the count of base64 characters
/// before anything is decoded, and no more than the cap's worth is ever copied.
fn decode_bytes(text: &str) -> Result<Vec<u8>, Error> {
    let mut compact: Vec<u8> = Vec::with_capacity(text.len().min(MAX_DATA_CHARS + 4));
    let mut data_chars: usize = 0;
    let mut standard: Option<(usize, char)> = None;
    let mut url_safe: Option<(usize, char)> = None;
    let mut padding_at: Option<usize> = None;
    let mut padding: usize = 0;
    for (offset, c) in text.chars().enumerate() {
        match c {
            ' ' | '\t' | '\r' | '\n' => continue,
            'A'..='Z' | 'a'..='z' | '0'..='9' | '+' | '/' | '-' | '_' => {
                if let Some(p) = padding_at {
                    return Err(bad(
                        p,
                        format!(
                            "expected '=' padding only at the end of the base64 text, found '=' at offset {p} followed by {} at offset {offset}",
                            describe_char(c)
                        ),
                    ));
                }
                if matches!(c, '+' | '/') && standard.is_none() {
                    standard = Some((offset, c));
                }
                if matches!(c, '-' | '_') && url_safe.is_none() {
                    url_safe = Some((offset, c));
                }
                data_chars += 1;
            }
            '=' => {
                if padding_at.is_none() {
                    padding_at = Some(offset);
                }
                padding += 1;
            }
            other => {
                return Err(bad(
                    offset,
                    format!(
                        "expected base64 (A-Z, a-z, 0-9, + and / or - and _, = padding), found {} at offset {offset}",
                        describe_char(other)
                    ),
                ));
            }
        }
        // Past the cap only validate and count; the error follows below.
        if data_chars <= MAX_DATA_CHARS {
            compact.push(c as u8);
        }
    }
    if let (Some((so, sc)), Some((uo, uc))) = (standard, url_safe) {
        let at = so.max(uo);
        return Err(bad(
            at,
            format!(
                "expected one base64 alphabet, found both {} (standard) at offset {so} and {} (url-safe) at offset {uo}",
                describe_char(sc),
                describe_char(uc)
            ),
        ));
    }
    if let Some(p) = padding_at {
        // Padding is optional, but when present it completes the last group of four.
        if padding > 2 || (data_chars + padding) % 4 != 0 {
            return Err(bad(
                p,
                format!(
                    "expected '=' padding to complete the last group of 4 characters, found {padding} '=' after {data_chars} characters at offset {p}"
                ),
            ));
        }
    }
    let size = decoded_len(data_chars);
    if size > MAX_DECODED_BYTES {
        return Err(Error::new(
            ErrorCode::TooLarge,
            format!(
                "expected objectData of at most {MAX_DECODED_BYTES} decoded bytes, found {size}"
            ),
        ));
    }
    let alphabet = if url_safe.is_some() {
        base64::alphabet::URL_SAFE
    } else {
        base64::alphabet::STANDARD
    };
    let engine = GeneralPurpose::new(
        &alphabet,
        GeneralPurposeConfig::new()
            .with_decode_padding_mode(DecodePaddingMode::Indifferent)
            .with_decode_allow_trailing_bits(true),
    );
    let at = |i: usize| kept_char_offset(text, i);
    engine.decode(&compact).map_err(|e| match e {
        base64::DecodeError::InvalidByte(i, b) => bad(
            at(i),
            format!(
                "expected a base64 character, found {} at offset {}",
                describe_char(b as char),
                at(i)
            ),
        ),
        base64::DecodeError::InvalidLength(n) => bad(
            at(n.saturating_sub(1)),
            format!(
                "expected a base64 length that is not 1 more than a multiple of 4, found {} characters",
                n
            ),
        ),
        base64::DecodeError::InvalidLastSymbol(i, b) => bad(
            at(i),
            format!(
                "expected a valid last base64 character, found {} at offset {}",
                describe_char(b as char),
                at(i)
            ),
        ),
        base64::DecodeError::InvalidPadding => {
            let p = padding_at.unwrap_or(0);
            bad(
                p,
                format!("expected correct '=' padding for the text's length, found wrong padding at offset {p}"),
            )
        }
    })
}

fn describe_char(c: char) -> String {
    if c.is_control() || c.is_whitespace() {
        format!("the character U+{:04X}", c as u32)
    } else {
        format!("'{c}'")
    }
}

fn sniff(bytes: Vec<u8>) -> Decoded {
    let byte_length = bytes.len();
    let text = match String::from_utf8(bytes) {
        Ok(t)
            if !t
                .chars()
                .any(|c| c.is_control() && !matches!(c, '\t' | '\r' | '\n')) =>
        {
            t
        }
        Ok(t) => return binary(t.as_bytes(), byte_length),
        Err(e) => return binary(e.as_bytes(), byte_length),
    };
    let start = text.trim_start();
    let format = if (start.starts_with('{') || start.starts_with('['))
        && crate::json::is_json(text.as_bytes())
    {
        DataFormat::Json
    } else if looks_like_yaml(&text) || parses_as_yaml_collection(&text) {
        DataFormat::Yaml
    } else {
        DataFormat::Text
    };
    Decoded {
        status: Status::Decoded,
        format: Some(format),
        text,
        json: None,
        parse_error: None,
        byte_length,
    }
}

fn binary(bytes: &[u8], byte_length: usize) -> Decoded {
    let mut hex = String::with_capacity(HEX_PREVIEW * 2);
    for b in bytes.iter().take(HEX_PREVIEW) {
        hex.push_str(&format!("{b:02x}"));
    }
    Decoded {
        status: Status::Decoded,
        format: Some(DataFormat::Binary),
        text: hex,
        json: None,
        parse_error: None,
        byte_length,
    }
}

/// Text the first-lines heuristic misses (`[a, b]: x`, a top-level `- item`
/// list) is YAML when it parses as a YAML mapping or sequence.
fn parses_as_yaml_collection(text: &str) -> bool {
    matches!(
        crate::yaml::parse(text),
        Ok(serde_json::Value::Object(_) | serde_json::Value::Array(_))
    )
}

fn looks_like_yaml(text: &str) -> bool {
    let mut lines = text
        .lines()
        .map(str::trim_end)
        .filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'));
    let Some(first) = lines.next() else {
        return false;
    };
    if first.starts_with("---") {
        return true;
    }
    let keyish = |l: &str| {
        let l = l.trim_start().trim_start_matches("- ");
        match l.split_once(':') {
            Some((k, rest)) => {
                !k.is_empty() && !k.contains(' ') && (rest.is_empty() || rest.starts_with(' '))
            }
            None => false,
        }
    };
    keyish(first)
        && lines
            .take(20)
            .all(|l| keyish(l) || l.trim_start().starts_with("- "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::error_of;

    fn ok(s: &str) -> Decoded {
        decode_with_json(s).unwrap_or_else(|e| unreachable!("{e}"))
    }

    #[test]
    fn redacted_and_empty() {
        assert_eq!(ok("*****").status, Status::Redacted);
        assert_eq!(ok("  ").status, Status::Empty);
    }

    #[test]
    fn json_yaml_text_binary() {
        let d = ok("eyJhIjogMX0="); // {"a": 1}
        assert_eq!(d.format, Some(DataFormat::Json));
        assert_eq!(d.json, Some(serde_json::json!({"a": 1})));
        assert_eq!(d.byte_length, 8);
        let d = ok("a2V5OiB2YWx1ZQpvdGhlcjogMgo="); // key: value\nother: 2\n
        assert_eq!(d.format, Some(DataFormat::Yaml));
        assert_eq!(
            d.json,
            Some(serde_json::json!({"key": "value", "other": 2}))
        );
        assert_eq!(d.parse_error, None);
        // key: [1, 2\n: yaml, but unclosed.
        let d = ok("a2V5OiBbMSwgMgo=");
        assert_eq!(d.format, Some(DataFormat::Yaml));
        assert_eq!(d.json, None);
        let e = d.parse_error.unwrap_or_default();
        assert!(e.starts_with("expected yaml, found a syntax error"), "{e}");
        // "- a\n- b\n" and "[a, b]: c\n": the first lines do not look like
        // YAML, but they parse as a sequence and a mapping.
        assert_eq!(ok("LSBhCi0gYgo=").format, Some(DataFormat::Yaml));
        assert_eq!(ok("W2EsIGJdOiBjCg==").format, Some(DataFormat::Yaml));
        // "a b c": a YAML scalar, so text.
        assert_eq!(ok("YSBiIGM=").format, Some(DataFormat::Text));
        assert_eq!(ok("aGVsbG8gd29ybGQ=").format, Some(DataFormat::Text));
        let d = ok("AAEC/w==");
        assert_eq!(d.format, Some(DataFormat::Binary));
        assert_eq!(d.text, "000102ff");
    }

    #[test]
    fn alphabets_padding_whitespace() {
        // "??>" is Pz8+ (standard) and Pz8- (url-safe).
        assert_eq!(ok("Pz8+").text, "??>");
        assert_eq!(ok("Pz8-").text, "??>");
        assert_eq!(ok("eyJhIjogMX0").format, Some(DataFormat::Json));
        assert_eq!(ok("eyJh\r\nIjog MX0=\n").format, Some(DataFormat::Json));
    }

    #[test]
    fn errors_have_offsets() {
        assert_eq!(error_of(decode("ab$c")).offset, Some(2));
        assert_eq!(error_of(decode("ab=cd")).offset, Some(2));
        assert_eq!(error_of(decode("a+b_")).code, ErrorCode::InvalidBase64);
        assert_eq!(error_of(decode("a+b_")).offset, Some(3));
        assert_eq!(error_of(decode("abcde")).code, ErrorCode::InvalidBase64);
        assert_eq!(error_of(decode("ab===")).code, ErrorCode::InvalidBase64);
    }

    #[test]
    fn offsets_count_characters_across_blanks() {
        assert_eq!(error_of(decode("ab\n c$")).offset, Some(5));
        // Five data characters: the length error names the fifth, past blanks.
        assert_eq!(error_of(decode("ab cd\ne")).offset, Some(6));
        assert_eq!(error_of(decode("é")).offset, Some(0));
        assert_eq!(error_of(decode("  ab\u{2028}")).offset, Some(4));
        assert_eq!(kept_char_offset("a b", 1), 2);
        assert_eq!(kept_char_offset("a b", 5), 3);
    }

    #[test]
    fn deep_json_is_still_json() {
        use base64::engine::general_purpose::STANDARD;
        let deep = format!("{}{}", "[".repeat(500), "]".repeat(500));
        let d = ok(&STANDARD.encode(&deep));
        assert_eq!(d.format, Some(DataFormat::Json));
        let broken = format!("{}{}", "[".repeat(500), "]".repeat(499));
        assert_eq!(ok(&STANDARD.encode(&broken)).format, Some(DataFormat::Text));
    }

    #[test]
    fn size_cap_counts_data_characters_exactly() {
        assert_eq!(decoded_len(0), 0);
        assert_eq!(decoded_len(2), 1);
        assert_eq!(decoded_len(3), 2);
        assert_eq!(decoded_len(4), 3);
        assert_eq!(decoded_len(8), 6);
        assert!(decoded_len(MAX_DATA_CHARS) <= MAX_DECODED_BYTES);
        assert!(decoded_len(MAX_DATA_CHARS + 1) > MAX_DECODED_BYTES);
    }
}
