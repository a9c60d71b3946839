//! The fast path's scanner: JSON text read where it lies, the few members a
//! reader uses taken as borrowed strings and scalars, everything else skipped
//! without building anything — and still checked: the whole grammar, UTF-8 in
//! every string, escapes, and numbers beyond the f64 range.
//!
//! It reads exactly what serde_json accepts, or gives up: every method returns
//! `None` on anything it does not read exactly as serde_json would (any syntax
//! error, a trailing comma, invalid UTF-8, a control character in a string, an
//! escaped surrogate, a number serde_json would reject, nesting past
//! [`MAX_DEPTH`], an array or object where a used member's scalar is
//! expected). The caller then reads the same bytes through serde_json
//! (`read.rs`), which accepts or gives today's exact error and repairs, so the
//! scanner never has to produce an error itself. `fuzz/fuzz_targets/fast_path.rs`
//! and `read.rs`'s tests compare both paths.
//!
//! Hand-written rather than a crate: what it must do is serde_json's exact
//! acceptance with an escape hatch on any doubt, borrowing from the input,
//! with no `unsafe`; the JSON crates that scan faster (simd-json, sonic-rs) use
//! `unsafe` SIMD and accept or reject differently.

use super::de::{Field, ObjectOr};
use serde_json::Value;
use std::borrow::Cow;

/// Deepest nesting the scanner follows; deeper input goes to serde_json
/// (whose own limit is 128).
pub(super) const MAX_DEPTH: usize = 100;

/// A cursor over JSON text.
pub(super) struct Scan<'a> {
    bytes: &'a [u8],
    at: usize,
    /// The last date [`Scan::plain_utc`] read, as written and as days since
    /// 1970 (no date is written as ten zero bytes).
    date: ([u8; 10], i64),
}

/// Bytes that end a run of plain string content: `"`, `\` and the control
/// characters (which JSON forbids unescaped).
fn special(b: u8) -> bool {
    b < 0x20 || b == b'"' || b == b'\\'
}

impl<'a> Scan<'a> {
    /// A cursor at the start of `bytes`.
    pub(super) fn new(bytes: &'a [u8]) -> Self {
        Scan {
            bytes,
            at: 0,
            date: ([0; 10], 0),
        }
    }

    fn blanks(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.bytes.get(self.at) {
            self.at += 1;
        }
    }

    /// The next byte after blanks (not consumed).
    pub(super) fn peek(&mut self) -> Option<u8> {
        self.blanks();
        self.bytes.get(self.at).copied()
    }

    /// Consumes `byte` after blanks.
    #[inline]
    pub(super) fn eat(&mut self, byte: u8) -> Option<()> {
        // Most often right at the cursor (compact JSON): no blanks to skip.
        if self.bytes.get(self.at) == Some(&byte) {
            self.at += 1;
            return Some(());
        }
        (self.peek()? == byte).then(|| self.at += 1)
    }

    /// Only blanks remain.
    pub(super) fn end(&mut self) -> Option<()> {
        self.blanks();
        (self.at == self.bytes.len()).then_some(())
    }

    /// Moves over plain string content: up to the next `"`, `\\` or control
    /// character, or the end. ASCII is read eight bytes at a time; each run
    /// of characters that are not ASCII is checked as UTF-8 where it lies
    /// ([`Scan::wide`]), so no string needs a second pass. `None` on invalid
    /// UTF-8. (Checking the string with `str::from_utf8` once its end is
    /// found instead cost 6% more instructions natively on the bench's event
    /// list, issue 12.)
    fn plain(&mut self) -> Option<()> {
        loop {
            while let Some(chunk) = self.bytes.get(self.at..self.at + 8) {
                let Ok(word) = <[u8; 8]>::try_from(chunk) else {
                    break;
                };
                let stop = stops(u64::from_le_bytes(word));
                if stop != 0 {
                    self.at += (stop.trailing_zeros() / 8) as usize;
                    break;
                }
                self.at += 8;
            }
            match self.bytes.get(self.at..) {
                Some(&[b, ..]) if b >= 0x80 => self.wide()?,
                Some(&[b, ..]) if !special(b) => self.at += 1,
                _ => return Some(()),
            }
        }
    }

    /// Moves over a run of characters that are not ASCII (the cursor at
    /// the first), each checked as UTF-8 where it lies (see [`utf8_len`]),
    /// the three-byte characters of CJK text by a shorter test, without
    /// going back to the eight-byte loop between them (on the bench's event
    /// list: 9% fewer instructions natively, 4% less time in Chromium,
    /// issue 12).
    fn wide(&mut self) -> Option<()> {
        loop {
            match self.bytes.get(self.at..self.at + 3) {
                Some(&[0xE1..=0xEC | 0xEE..=0xEF, b, c])
                    if b & 0xC0 == 0x80 && c & 0xC0 == 0x80 =>
                {
                    self.at += 3
                }
                _ => self.at += utf8_len(self.bytes.get(self.at..)?)?,
            }
            if self.bytes.get(self.at).is_none_or(|&b| b < 0x80) {
                return Some(());
            }
        }
    }

    /// A string's content as written, escapes and UTF-8 checked, and whether
    /// it has escapes; the cursor is at its opening quote. A string of at
    /// most sixteen bytes, all ASCII and none special (most keys and many
    /// values), is read from two words here, inlined where it is called;
    /// any other by [`Scan::long_string`]. (Natively, on the bench's
    /// payloads, 5-10% fewer instructions; in Chromium 100k events 5% and
    /// the workflow history 2% less time, GCS and AOS within the noise;
    /// issue 12.)
    #[inline(always)]
    fn raw_string(&mut self) -> Option<(&'a [u8], bool)> {
        if let Some(&[b'"', ref rest @ ..]) = self.bytes.get(self.at..self.at + 17) {
            let (first, second) = rest.split_at(8);
            let first = stops(word(first));
            let len = if first != 0 {
                (first.trailing_zeros() / 8) as usize
            } else {
                let second = stops(word(second));
                8 + (second.trailing_zeros() / 8) as usize
            };
            let start = self.at + 1;
            if self.bytes.get(start + len) == Some(&b'"') {
                self.at = start + len + 1;
                return Some((self.bytes.get(start..start + len)?, false));
            }
        }
        self.long_string()
    }

    /// [`Scan::raw_string`] for any string.
    fn long_string(&mut self) -> Option<(&'a [u8], bool)> {
        self.eat(b'"')?;
        let start = self.at;
        let mut escaped = false;
        loop {
            self.plain()?;
            match self.bytes.get(self.at)? {
                b'"' => break,
                b'\\' => {
                    escaped = true;
                    self.at += match self.bytes.get(self.at + 1)? {
                        b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't' => 2,
                        b'u' => {
                            let unit = hex4(self.bytes.get(self.at + 2..self.at + 6)?)?;
                            // Surrogates (paired or lone): serde_json's call.
                            if (0xD800..=0xDFFF).contains(&unit) {
                                return None;
                            }
                            6
                        }
                        _ => return None,
                    };
                }
                _ => return None,
            }
        }
        let raw = self.bytes.get(start..self.at)?;
        self.at += 1;
        Some((raw, escaped))
    }

    /// A string, borrowed when it has no escapes.
    pub(super) fn string(&mut self) -> Option<Cow<'a, str>> {
        let (raw, escaped) = self.raw_string()?;
        let raw = std::str::from_utf8(raw).ok()?;
        if !escaped {
            return Some(Cow::Borrowed(raw));
        }
        unescape(raw)
    }

    /// An object key as bytes: as written when it has no escapes, else
    /// decoded.
    pub(super) fn key(&mut self) -> Option<Cow<'a, [u8]>> {
        let at = self.at;
        match self.raw_string()? {
            (raw, false) => Some(Cow::Borrowed(raw)),
            (_, true) => {
                self.at = at;
                Some(match self.string()? {
                    Cow::Borrowed(s) => Cow::Borrowed(s.as_bytes()),
                    Cow::Owned(s) => Cow::Owned(s.into_bytes()),
                })
            }
        }
    }

    /// After blanks, the byte after a string's opening quote: the first of
    /// an object key, for choosing which [`Scan::literal_key`] to try.
    pub(super) fn key_start(&mut self) -> Option<u8> {
        self.blanks();
        match self.bytes.get(self.at..)? {
            [b'"', first, ..] => Some(*first),
            _ => None,
        }
    }

    /// Consumes the string `quoted` (an object key written with its quotes,
    /// at most 16 bytes, no escapes) when the text at the cursor starts
    /// with it, compared two words at a time; otherwise moves nothing. The
    /// caller has skipped the blanks (see [`Scan::key_start`]).
    #[inline(always)]
    pub(super) fn literal_key(&mut self, quoted: &[u8]) -> bool {
        let n = quoted.len();
        let hit = match self.bytes.get(self.at..self.at + 16) {
            Some(text) if n <= 16 => {
                let (a, b) = text.split_at(8);
                word(a) & mask(n) == word(quoted)
                    && (n <= 8
                        || word(b) & mask(n - 8) == word(quoted.get(8..).unwrap_or_default()))
            }
            _ => self.bytes.get(self.at..self.at + n) == Some(quoted),
        };
        if hit {
            self.at += n;
        }
        hit
    }

    /// A number's text, its grammar checked.
    fn number_text(&mut self) -> Option<&'a [u8]> {
        self.blanks();
        let start = self.at;
        if self.bytes.get(self.at) == Some(&b'-') {
            self.at += 1;
        }
        match self.bytes.get(self.at)? {
            b'0' => self.at += 1,
            b'1'..=b'9' => self.digits(),
            _ => return None,
        }
        if self.bytes.get(self.at) == Some(&b'.') {
            self.at += 1;
            self.first_digit()?;
        }
        if let Some(b'e' | b'E') = self.bytes.get(self.at) {
            self.at += 1;
            if let Some(b'+' | b'-') = self.bytes.get(self.at) {
                self.at += 1;
            }
            self.first_digit()?;
        }
        self.bytes.get(start..self.at)
    }

    fn digits(&mut self) {
        while self.bytes.get(self.at).is_some_and(u8::is_ascii_digit) {
            self.at += 1;
        }
    }

    fn first_digit(&mut self) -> Option<()> {
        self.bytes.get(self.at).filter(|b| b.is_ascii_digit())?;
        self.digits();
        Some(())
    }

    /// A number as serde_json reads it into a `Value`.
    fn number(&mut self) -> Option<Value> {
        let text = self.number_text()?;
        match small_u64(text) {
            Some(n) => Some(Value::from(n)),
            // Negative numbers (`-0` is a float there), fractions, exponents,
            // long integers: serde_json's own number parser decides.
            None => serde_json::from_slice(text).ok(),
        }
    }

    /// Skips a number; only those that could be beyond the f64 range (an
    /// exponent, or very long) are parsed, by serde_json. A small integer
    /// (what most skipped numbers are) is skipped by its digits alone.
    fn skip_number(&mut self) -> Option<()> {
        if let Some(b'1'..=b'9') = self.bytes.get(self.at) {
            let start = self.at;
            self.digits();
            let plain = match self.bytes.get(self.at) {
                Some(b'.' | b'e' | b'E') => false,
                _ => self.at - start <= 64,
            };
            if plain {
                return Some(());
            }
            self.at = start;
        }
        let text = self.number_text()?;
        if text.len() > 64 || text.iter().any(|&b| b == b'e' || b == b'E') {
            serde_json::from_slice::<Value>(text).ok()?;
        }
        Some(())
    }

    fn literal(&mut self, word: &[u8]) -> Option<()> {
        self.blanks();
        let end = self.at + word.len();
        (self.bytes.get(self.at..end)? == word).then(|| self.at = end)
    }

    /// A scalar member value as [`Field`] (an array or object: `None`).
    pub(super) fn field(&mut self) -> Option<Field<'a>> {
        Some(match self.peek()? {
            b'"' => Field::Str(self.string()?),
            b't' => {
                self.literal(b"true")?;
                Field::Other(Value::Bool(true))
            }
            b'f' => {
                self.literal(b"false")?;
                Field::Other(Value::Bool(false))
            }
            b'n' => {
                self.literal(b"null")?;
                Field::Other(Value::Null)
            }
            _ => Field::Other(self.number()?),
        })
    }

    /// A string written as `YYYY-MM-DDTHH:MM:SSZ` (no escapes), as epoch
    /// milliseconds: what `time::parse_rfc3339` gives for it, read straight
    /// from the bytes. `None`, the cursor after the blanks, for anything
    /// else.
    pub(super) fn plain_utc(&mut self) -> Option<i64> {
        self.blanks();
        let text = self.bytes.get(self.at..self.at + 22)?;
        let (&[b'"'], rest) = text.split_at_checked(1)? else {
            return None;
        };
        let (text, &[b'"']) = rest.split_at_checked(20)? else {
            return None;
        };
        let (date, time) = text.split_at_checked(10)?;
        let date = <[u8; 10]>::try_from(date).ok()?;
        let ms = crate::time::plain_utc_time(time)?;
        // Events come in runs from one day: its days are kept.
        let days = if date == self.date.0 {
            self.date.1
        } else {
            let days = crate::time::plain_utc_days(&date)?;
            self.date = (date, days);
            days
        };
        self.at += 22;
        Some(days * 86_400_000 + ms)
    }

    /// A time written as [`Scan::plain_utc`] or [`Scan::plain_millis`] reads
    /// it, as epoch milliseconds; `None`, the cursor after the blanks, for
    /// anything else.
    pub(super) fn time(&mut self) -> Option<i64> {
        match self.peek()? {
            b'"' => self.plain_utc(),
            b'1'..=b'9' => self.plain_millis(),
            _ => None,
        }
    }

    /// An integer of 12 or 13 digits (from 1e11 to 9999999999999), written
    /// with digits alone, as the number: what `Reader::epoch_value` gives for
    /// it (epoch milliseconds). `None`, the cursor after the blanks, for
    /// anything else.
    pub(super) fn plain_millis(&mut self) -> Option<i64> {
        self.blanks();
        let rest = self.bytes.get(self.at..)?;
        let digits = rest.iter().take_while(|b| b.is_ascii_digit()).count();
        let text = rest.get(..digits)?;
        if !(12..=13).contains(&digits)
            || text.first() == Some(&b'0')
            || matches!(rest.get(digits), Some(b'.' | b'e' | b'E'))
        {
            return None;
        }
        let ms = i64::try_from(small_u64(text)?).ok()?;
        self.at += digits;
        Some(ms)
    }

    /// A scalar member value as [`Scalar`] (an array or object: `None`): what
    /// [`Scan::field`] reads, small to move.
    pub(super) fn scalar(&mut self) -> Option<Scalar<'a>> {
        Some(match self.peek()? {
            b'"' => match self.raw_string()? {
                (raw, false) => Scalar::Text(Utf8(raw)),
                (raw, true) => Scalar::Str(unescape(std::str::from_utf8(raw).ok()?)?),
            },
            b't' => {
                self.literal(b"true")?;
                Scalar::Bool(true)
            }
            b'f' => {
                self.literal(b"false")?;
                Scalar::Bool(false)
            }
            b'n' => {
                self.literal(b"null")?;
                Scalar::Null
            }
            _ => {
                let text = self.number_text()?;
                match small_u64(text) {
                    Some(n) => Scalar::U64(n),
                    None => Scalar::Number(Box::new(serde_json::from_slice(text).ok()?)),
                }
            }
        })
    }

    /// Reads an object: `member` is called with each key (its bytes, see
    /// `key`), the cursor at its value, and must consume the value.
    pub(super) fn object(
        &mut self,
        mut member: impl FnMut(&mut Self, &[u8]) -> Option<()>,
    ) -> Option<()> {
        self.eat(b'{')?;
        if self.eat(b'}').is_some() {
            return Some(());
        }
        loop {
            let key = self.key()?;
            let key = &*key;
            self.eat(b':')?;
            member(self, key)?;
            if self.eat(b',').is_none() {
                return self.eat(b'}');
            }
        }
    }

    /// Reads an array: `item` is called with each item's index, the cursor at
    /// the item, and must consume it.
    pub(super) fn array(
        &mut self,
        mut item: impl FnMut(&mut Self, usize) -> Option<()>,
    ) -> Option<()> {
        self.eat(b'[')?;
        if self.eat(b']').is_some() {
            return Some(());
        }
        let mut i = 0;
        loop {
            item(self, i)?;
            i += 1;
            if self.eat(b',').is_none() {
                return self.eat(b']');
            }
        }
    }

    /// Skips any value, checked, at nesting `depth` (the top level is 0).
    pub(super) fn skip(&mut self, depth: usize) -> Option<()> {
        match self.peek()? {
            b'"' => self.raw_string().map(drop),
            b'{' if depth < MAX_DEPTH => self.object(|s, _| s.skip(depth + 1)),
            b'[' if depth < MAX_DEPTH => self.array(|s, _| s.skip(depth + 1)),
            b't' => self.literal(b"true"),
            b'f' => self.literal(b"false"),
            b'n' => self.literal(b"null"),
            b'-' | b'0'..=b'9' => self.skip_number(),
            _ => None,
        }
    }
}

impl<'a> Scan<'a> {
    /// An entry of a streamed collection: an object read by `object` (the
    /// scanner at its `{`), or any other value kept as written (an array, at
    /// nesting `depth`, through serde_json), as the serde path's `ObjectOr`.
    pub(super) fn object_or<T>(
        &mut self,
        depth: usize,
        object: impl FnOnce(&mut Self) -> Option<T>,
    ) -> Option<ObjectOr<'a, T>> {
        match self.peek()? {
            b'{' => object(self).map(ObjectOr::Object),
            b'[' => {
                let value = serde_json::from_slice(self.raw_value(depth)?).ok()?;
                Some(ObjectOr::Other(Field::Other(value)))
            }
            _ => Some(ObjectOr::Other(self.field()?)),
        }
    }

    /// Skips any value as [`Scan::skip`] does (checked, at nesting `depth`)
    /// and returns its text, for serde_json to parse on its own.
    pub(super) fn raw_value(&mut self, depth: usize) -> Option<&'a [u8]> {
        self.blanks();
        let start = self.at;
        self.skip(depth)?;
        self.bytes.get(start..self.at)
    }

    /// How many bytes are left after the cursor.
    pub(super) fn remaining(&self) -> usize {
        self.bytes.len().saturating_sub(self.at)
    }
}

/// A string's content with its escapes decoded (the scanner checked them).
fn unescape(raw: &str) -> Option<Cow<'_, str>> {
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(i) = rest.find('\\') {
        out.push_str(rest.get(..i)?);
        let escape = rest.get(i + 1..)?;
        let (c, len) = match escape.as_bytes().first()? {
            b'u' => (char::from_u32(hex4(escape.get(1..5)?.as_bytes())?)?, 5),
            b'b' => ('\u{8}', 1),
            b'f' => ('\u{c}', 1),
            b'n' => ('\n', 1),
            b'r' => ('\r', 1),
            b't' => ('\t', 1),
            &other => (char::from(other), 1),
        };
        out.push(c);
        rest = escape.get(len..)?;
    }
    out.push_str(rest);
    Some(Cow::Owned(out))
}

/// Four hex digits as a UTF-16 code unit.
fn hex4(text: &[u8]) -> Option<u32> {
    if text.len() != 4 {
        return None;
    }
    text.iter()
        .try_fold(0, |n, &b| Some(n * 16 + char::from(b).to_digit(16)?))
}

/// A number of at most 18 digits (no sign, fraction or exponent), which
/// serde_json reads as `Value::from(u64)`.
fn small_u64(text: &[u8]) -> Option<u64> {
    if text.is_empty() || text.len() > 18 {
        return None;
    }
    text.iter().try_fold(0u64, |n, &b| {
        b.is_ascii_digit().then(|| n * 10 + u64::from(b - b'0'))
    })
}

/// A string's content without escapes, its UTF-8 checked by the scanner
/// (only `scan` makes one): a `&str` in all but type, made one by
/// [`Utf8::as_str`] only where it is used as text (`str::from_utf8` costs a
/// pass over the bytes).
#[derive(Clone, Copy, Debug)]
pub(super) struct Utf8<'a>(&'a [u8]);

impl<'a> Utf8<'a> {
    /// The bytes.
    pub(super) fn bytes(self) -> &'a [u8] {
        self.0
    }

    /// The text. `str::from_utf8` cannot fail on what the scanner checked;
    /// were it ever to, the text would be empty (never a panic).
    pub(super) fn as_str(self) -> &'a str {
        std::str::from_utf8(self.0).unwrap_or_default()
    }
}

/// A scalar value as [`Scan::scalar`] reads it: what [`Field`] holds, in
/// fewer bytes (a `Field` holds a whole `Value`), made a [`Field`] where it
/// is used.
#[derive(Debug)]
pub(super) enum Scalar<'a> {
    /// A string without escapes, not yet made a `&str`.
    Text(Utf8<'a>),
    /// A string with escapes, decoded.
    Str(Cow<'a, str>),
    /// A number serde_json reads as `Value::from(u64)`.
    U64(u64),
    /// `true` or `false`.
    Bool(bool),
    /// `null`.
    Null,
    /// Any other number, as serde_json reads it.
    Number(Box<Value>),
}

impl<'a> From<Scalar<'a>> for Field<'a> {
    fn from(s: Scalar<'a>) -> Self {
        match s {
            Scalar::Text(t) => Field::Str(Cow::Borrowed(t.as_str())),
            Scalar::Str(s) => Field::Str(s),
            Scalar::U64(n) => Field::Other(Value::from(n)),
            Scalar::Bool(b) => Field::Other(Value::Bool(b)),
            Scalar::Null => Field::Other(Value::Null),
            Scalar::Number(v) => Field::Other(*v),
        }
    }
}

/// Where in a word of string content (little-endian) the first byte is
/// that ends a run of plain ASCII: `"`, `\\`, a control character or a
/// byte that is not ASCII. Its lowest set bit is that byte's high bit (a
/// false hit of `below` only ever lies above a true one); 0 when none is.
#[inline(always)]
fn stops(w: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // A byte's high bit set where the byte is below `n` (exact for the
    // lowest such byte, which is all that is used).
    let below = |w: u64, n: u8| w.wrapping_sub(ONES * u64::from(n)) & !w & HIGH;
    below(w ^ (ONES * u64::from(b'"')), 1)
        | below(w ^ (ONES * u64::from(b'\\')), 1)
        | below(w, 0x20)
        | (w & HIGH)
}

/// Up to eight bytes as a little-endian word, zero-padded.
#[inline(always)]
fn word(bytes: &[u8]) -> u64 {
    let mut w = [0; 8];
    for (to, &from) in w.iter_mut().zip(bytes) {
        *to = from;
    }
    u64::from_le_bytes(w)
}

/// The low `n` bytes of a word (all of them from 8 on).
#[inline(always)]
fn mask(n: usize) -> u64 {
    if n >= 8 {
        u64::MAX
    } else {
        (1 << (8 * n)) - 1
    }
}

/// The length of the UTF-8 character `bytes` starts with, `None` when it is
/// not one: `str::from_utf8`'s rules (Unicode's table 3-7: no overlong
/// forms, no surrogates, nothing above U+10FFFF, no truncated sequence).
fn utf8_len(bytes: &[u8]) -> Option<usize> {
    let (&lead, rest) = bytes.split_first()?;
    // The length, and the range of the second byte.
    let (len, low, high) = match lead {
        0x00..=0x7F => return Some(1),
        0xC2..=0xDF => (2, 0x80, 0xBF),
        0xE0 => (3, 0xA0, 0xBF),
        0xE1..=0xEC | 0xEE..=0xEF => (3, 0x80, 0xBF),
        0xED => (3, 0x80, 0x9F),
        0xF0 => (4, 0x90, 0xBF),
        0xF1..=0xF3 => (4, 0x80, 0xBF),
        0xF4 => (4, 0x80, 0x8F),
        _ => return None,
    };
    let (&second, rest) = rest.split_first()?;
    if !(low..=high).contains(&second) {
        return None;
    }
    let tail = rest.get(..len - 2)?;
    tail.iter().all(|&b| b & 0xC0 == 0x80).then_some(len)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Numbers as the scanner must read them: zero, signs, fractions,
    /// exponents, and integers on both sides of the small-integer limit.
    const NUMBERS: &[&str] = &[
        "0",
        "7",
        "-0",
        "-3",
        "1.5",
        "2e3",
        "123456789012345678",
        "1234567890123456789",
        "12345678901234567890",
    ];

    /// Skipping `text` and reading it as a string give what serde_json gives.
    fn skip_and_string_agree_with_serde(text: &[u8]) {
        let serde = serde_json::from_slice::<Value>(text).ok();
        let mut s = Scan::new(text);
        let skipped = s.skip(0).is_some() && s.end().is_some();
        assert_eq!(skipped, serde.is_some(), "{text:x?}");
        let mut s = Scan::new(text);
        let got = s.string().map(|c| Value::String(c.into_owned()));
        assert_eq!(got, serde, "{text:x?}");
    }

    /// Strings of every length around [`Scan::raw_string`]'s two words, with
    /// an escape, a control character, a character that is not ASCII or an
    /// invalid byte at every place, read as serde_json reads them.
    #[test]
    fn short_strings_are_read_as_serde_json_reads_them() {
        let odd: [&[u8]; 6] = [
            b"\\n",
            b"\\u0041",
            b"\x01",
            "\u{e9}".as_bytes(),
            b"\xff",
            b"\\",
        ];
        let mut checked = 0;
        for len in 0..=20 {
            let plain = vec![b'a'; len];
            let mut text = vec![b'"'];
            text.extend(&plain);
            text.push(b'"');
            skip_and_string_agree_with_serde(&text);
            for at in 0..=len {
                for o in odd {
                    let mut text = vec![b'"'];
                    text.extend(plain.get(..at).unwrap_or_default());
                    text.extend(o);
                    text.extend(plain.get(at..).unwrap_or_default());
                    text.push(b'"');
                    skip_and_string_agree_with_serde(&text);
                    checked += 1;
                }
            }
        }
        assert!(checked > 1_000);
    }

    fn skipped(text: &str) -> bool {
        let mut s = Scan::new(text.as_bytes());
        s.skip(0).is_some() && s.end().is_some()
    }

    #[test]
    fn accepts_only_what_serde_json_accepts() {
        let texts = [
            "1",
            "-0",
            "0.5",
            "1e5",
            "1E+5",
            "-1.5e-7",
            "1e999",
            "-1e400",
            "01",
            "1.",
            ".5",
            "-",
            "+1",
            "1e",
            "1e+",
            "[]",
            "[1,]",
            "[,1]",
            "{}",
            "{\"a\":1,}",
            "{\"a\" 1}",
            "{1:1}",
            "\"a\\u00e9\"",
            "\"\\ud800\"",
            "\"\\ud83d\\ude00\"",
            "\"\\x\"",
            "\"\\u12\"",
            "\"\\u+123\"",
            "\"tab\there\"",
            "true",
            "tru",
            "nul",
            "[true false]",
            "[1] x",
            " [ { \"a\" : [ null , false ] } ] ",
        ];
        for text in texts {
            let serde = serde_json::from_str::<Value>(text).is_ok();
            let scanned = skipped(text);
            // The scanner may give up where serde_json accepts (surrogates,
            // then serde_json reads it), never accept what it rejects.
            assert!(
                !scanned || serde,
                "{text}: scanned but serde_json rejects it"
            );
            if !text.contains("\\ud") {
                assert_eq!(scanned, serde, "{text}");
            }
        }
        let long = format!("1{}", "0".repeat(400));
        assert!(serde_json::from_str::<Value>(&long).is_err());
        assert!(!skipped(&long));
        assert!(!skipped("[\"\u{0}\"]"));
        let deep = format!("{}{}", "[".repeat(MAX_DEPTH + 1), "]".repeat(MAX_DEPTH + 1));
        assert!(!skipped(&deep));
        let ok = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(skipped(&ok));
    }

    #[test]
    fn invalid_utf8_in_a_string_is_not_read() {
        let mut s = Scan::new(b"\"a\xff\"");
        assert!(s.skip(0).is_none());
        let mut s = Scan::new(b"\"\xe4\xb8\"");
        assert!(s.string().is_none());
    }

    /// Every byte that matters at every place in and around an 8-byte word.
    #[test]
    fn strings_are_checked_at_every_offset() {
        let specials: [&[u8]; 9] = [
            b"\x01",
            b"\x1f",
            b"\xff",
            b"\x80",
            "é".as_bytes(),
            "中".as_bytes(),
            b"\\n",
            b"\\q",
            b" ",
        ];
        let mut checked = 0;
        for len in 0..20 {
            for at in 0..=len {
                for special in specials {
                    let mut text = vec![b'"'];
                    text.extend(std::iter::repeat_n(b'a', at));
                    text.extend_from_slice(special);
                    text.extend(std::iter::repeat_n(b'z', len - at));
                    text.push(b'"');
                    skip_and_string_agree_with_serde(&text);
                    checked += 1;
                }
            }
        }
        assert!(checked > 1000);
    }

    #[test]
    fn strings_and_numbers_read_as_serde_json_reads_them() {
        for text in [
            r#""plain""#,
            r#""a\"b\\c\/d\b\f\n\r\t""#,
            r#""\u00e9\u4e2d""#,
            "\"中文\"",
        ] {
            let mut s = Scan::new(text.as_bytes());
            let got = s.string();
            let want: String = serde_json::from_str(text).unwrap();
            assert_eq!(got.as_deref(), Some(want.as_str()), "{text}");
        }
        for &text in NUMBERS {
            let mut s = Scan::new(text.as_bytes());
            let want: Value = serde_json::from_str(text).unwrap();
            assert_eq!(s.number(), Some(want), "{text}");
        }
    }

    /// `utf8_len` against `str::from_utf8` on every lead byte, every second
    /// byte, the boundary values of the third and fourth, each cut short;
    /// and the three-byte sequences as string content in runs of characters
    /// that are not ASCII (one before, one after: what [`Scan::wide`] reads
    /// one after another) against serde_json.
    #[test]
    fn utf8_is_read_as_from_utf8_and_serde_json_read_it() {
        let edges = [
            0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xFF,
        ];
        let mut checked = 0;
        for lead in 0x80..=0xFFu8 {
            for second in 0..=0xFFu8 {
                for third in edges {
                    for (before, after) in [("", ""), ("\u{4e2d}", "\u{6587}a"), ("a", "\u{e9}")] {
                        let mut text = format!("\"{before}").into_bytes();
                        text.extend([lead, second, third]);
                        text.extend(format!("{after}\"").as_bytes());
                        skip_and_string_agree_with_serde(&text);
                    }
                    for fourth in edges {
                        let bytes = [lead, second, third, fourth];
                        for cut in 1..=4 {
                            let text = bytes.get(..cut).unwrap_or_default();
                            let valid = match std::str::from_utf8(text) {
                                Ok(_) => cut,
                                Err(e) => e.valid_up_to(),
                            };
                            let want = text
                                .get(..valid)
                                .and_then(|t| std::str::from_utf8(t).ok())
                                .and_then(|t| t.chars().next())
                                .map(char::len_utf8);
                            assert_eq!(utf8_len(text), want, "{text:x?}");
                            checked += 1;
                        }
                    }
                }
            }
        }
        assert!(checked > 400_000);
        assert_eq!(utf8_len(b""), None);
        assert_eq!(utf8_len(b"a"), Some(1));
    }

    /// Invalid and edge UTF-8 inside strings, at every offset around the
    /// 8-byte words, read (skipped, as a string, as a key) exactly when
    /// serde_json reads it.
    #[test]
    fn utf8_in_strings_is_checked_as_serde_json_checks_it() {
        let cases: [&[u8]; 30] = [
            b"\xC0\x80",         // overlong NUL
            b"\xC1\xBF",         // overlong
            b"\xE0\x80\x80",     // overlong 3-byte
            b"\xE0\x9F\xBF",     // overlong 3-byte, highest
            b"\xF0\x80\x80\x80", // overlong 4-byte
            b"\xF0\x8F\xBF\xBF", // overlong 4-byte, highest
            b"\xED\xA0\x80",     // U+D800, a surrogate
            b"\xED\xBF\xBF",     // U+DFFF
            b"\xED\x9F\xBF",     // U+D7FF, valid
            b"\xEE\x80\x80",     // U+E000, valid
            b"\xEF\xBF\xBF",     // U+FFFF, valid
            b"\xF4\x8F\xBF\xBF", // U+10FFFF, valid
            b"\xF4\x90\x80\x80", // above U+10FFFF
            b"\xF5\x80\x80\x80",
            b"\xF0\x9F\x98\x80", // U+1F600, valid
            b"\xF0\x9F\x98",     // truncated 4-byte
            b"\xE4\xB8",         // truncated 3-byte
            b"\xC3",             // truncated 2-byte
            b"\xC3\xA9",         // valid 2-byte
            b"\x80",             // lone continuation
            b"\xBF\xBF",
            b"\xFE",
            b"\xFF",
            b"\xC3\x28",     // a lead, then ASCII
            b"\xE4\xB8\\n",  // cut short before an escape
            b"\xE4\xB8\x00", // cut short before a control character
            b"\x00",
            b"\x1F",
            b"\x7F", // DEL: allowed
            "中文é😀".as_bytes(),
        ];
        let mut checked = 0;
        for case in cases {
            for before in 0..18 {
                for after in [0, 1, 7, 8, 9] {
                    let mut inner = vec![b'a'; before];
                    inner.extend_from_slice(case);
                    inner.extend(std::iter::repeat_n(b'z', after));
                    let mut text = vec![b'"'];
                    text.extend_from_slice(&inner);
                    text.push(b'"');
                    skip_and_string_agree_with_serde(&text);
                    // The same text as a key, and left open at the end.
                    let mut object = b"{".to_vec();
                    object.extend_from_slice(&text);
                    object.extend_from_slice(b":1}");
                    let serde = serde_json::from_slice::<Value>(&object).ok();
                    let mut s = Scan::new(&object);
                    assert_eq!(
                        s.skip(0).is_some() && s.end().is_some(),
                        serde.is_some(),
                        "{object:x?}"
                    );
                    let mut open = vec![b'"'];
                    open.extend_from_slice(&inner);
                    assert!(Scan::new(&open).skip(0).is_none(), "{open:x?}");
                    checked += 1;
                }
            }
        }
        assert!(checked > 2000);
    }

    #[test]
    fn literal_key_takes_exactly_the_quoted_key() {
        let key = b"\"reason\"";
        let long = b"\"firstTimestamp\"";
        for (text, quoted, hit) in [
            (&b"\"reason\":1, \"more text after it\""[..], &key[..], true),
            (b"\"reason\":1", key, true),
            (b"\"reason\"", key, true),
            (b"\"reasons\":1, \"more text after it\"", key, false),
            (b"\"reaso\":1, \"more text after it\"", key, false),
            (b"\"reason", key, false),
            (b"\"re\\u0061son\":1, \"more text after it\"", key, false),
            (b"\"Reason\":1, \"more text after it\"", key, false),
            (b"\"firstTimestamp\":\"2024-05-30T04:44:25Z\"", long, true),
            (b"\"firstTimestamp\"", long, true),
            (b"\"firstTimestampX\":\"2024-05-30T04:44:25Z\"", long, false),
            (b"\"firstTimestam\":\"2024-05-30T04:44:25Z\"", long, false),
            (b"\"firstTimestamp", long, false),
        ] {
            let mut s = Scan::new(text);
            assert_eq!(s.key_start(), text.get(1).copied(), "{text:?}");
            assert_eq!(s.literal_key(quoted), hit, "{text:?}");
            let after = if hit { quoted.len() } else { 0 };
            assert_eq!(s.remaining(), text.len() - after, "{text:?}");
        }
        assert_eq!(Scan::new(b" \n\"x\"").key_start(), Some(b'x'));
        assert_eq!(Scan::new(b"x\"").key_start(), None);
        assert_eq!(Scan::new(b"\"").key_start(), None);
    }

    #[test]
    fn scalar_is_field_in_fewer_bytes() {
        let others = [
            "\"s\"",
            "\"a\\nb\"",
            "true",
            "false",
            "null",
            "[1]",
            "{}",
            "tru",
            "01",
            "-",
            "",
        ];
        for &text in NUMBERS.iter().chain(&others) {
            let scalar = Scan::new(text.as_bytes()).scalar().map(Field::from);
            let field = Scan::new(text.as_bytes()).field();
            assert_eq!(
                scalar.map(Field::into_value),
                field.map(Field::into_value),
                "{text}"
            );
        }
        assert_eq!(small_u64(b""), None);
        assert_eq!(small_u64(b"-1"), None);
        assert_eq!(
            small_u64(b"999999999999999999"),
            Some(999_999_999_999_999_999)
        );
        assert_eq!(small_u64(b"1000000000000000000"), None);
    }

    /// `plain_millis` takes exactly the integers `Reader::epoch_value` reads
    /// as milliseconds, as it reads them, and moves nothing otherwise.
    #[test]
    fn plain_millis_reads_what_epoch_value_reads_as_milliseconds() {
        let texts = [
            "99999999999",
            "100000000000",
            "1712204267197",
            "9999999999999",
            "10000000000000",
            "0123456789012",
            "1712204267197.5",
            "1712204267197e0",
            "1712204267197E0",
            "-1712204267197",
            "1712204267",
            "0",
            "\"1712204267197\"",
        ];
        for text in texts {
            let mut s = Scan::new(text.as_bytes());
            let got = s.plain_millis();
            let value: Value = serde_json::from_str(text).unwrap_or(Value::Null);
            let mut r = crate::reader::Reader::new();
            let want = r.epoch_value(&value, &crate::path::Path::ROOT);
            let plain = value
                .as_u64()
                .is_some_and(|n| (100_000_000_000..=9_999_999_999_999).contains(&n));
            if plain {
                assert_eq!(got, want, "{text}");
                assert!(r.into_warnings().is_empty(), "{text}");
                assert_eq!(s.remaining(), 0, "{text}");
            } else {
                assert_eq!(got, None, "{text}");
                assert_eq!(s.remaining(), text.len(), "{text}");
            }
        }
    }

    #[test]
    fn plain_utc_reads_what_parse_rfc3339_reads_of_that_shape() {
        for (text, read) in [
            ("\"2024-05-30T04:44:25Z\"", true),
            (" \n\"2024-05-30T04:44:25Z\",", true),
            ("\"2024-02-29T23:59:59Z\"", true),
            ("\"2023-02-29T23:59:59Z\"", false),
            ("\"2024-05-30T24:00:00Z\"", false),
            ("\"2024-05-30t04:44:25Z\"", false),
            ("\"2024-05-30 04:44:25Z\"", false),
            ("\"2024-05-30T04:44:25.5Z\"", false),
            ("\"2024-05-30T04:44:25+08:00\"", false),
            ("\"2024-05-30T04:44:25Z \"", false),
            ("\"2024-05-30T04:44:25\\u005a\"", false),
            ("\"2024-05-30T04:44:25Z", false),
            ("\"2024-05-30T04:44:2Z\"", false),
            ("1717044265", false),
        ] {
            let mut s = Scan::new(text.as_bytes());
            let got = s.plain_utc();
            let value: Option<String> =
                serde_json::from_str(text.trim().trim_end_matches(',')).ok();
            let want = value.as_deref().and_then(crate::time::parse_rfc3339);
            if read {
                assert_eq!(got, want, "{text}");
                assert!(got.is_some(), "{text}");
                assert_eq!(s.remaining(), usize::from(text.ends_with(',')), "{text}");
            } else {
                assert_eq!(got, None, "{text}");
                // Only the blanks were passed: the scalar is still there.
                let blanks = text.len() - text.trim_start().len();
                assert_eq!(s.remaining(), text.len() - blanks, "{text}");
            }
        }
    }

    /// One scanner reading many times: the day kept from one to the next
    /// gives what each time alone gives.
    #[test]
    fn plain_utc_keeps_the_day_exactly() {
        let times = [
            "2024-05-30T04:44:25Z",
            "2024-05-30T23:59:59Z",
            "2024-05-31T00:00:00Z",
            "2024-05-30T00:00:00Z",
            "2024-02-30T00:00:00Z",
            "2024-02-29T00:00:01Z",
            "2024-02-29T24:00:01Z",
            "2023-02-29T00:00:01Z",
            "2024-05-30T00:00:00Z",
            "1970-01-01T00:00:00Z",
            "0000-03-01T00:00:00Z",
            "9999-12-31T23:59:59Z",
        ];
        let text = format!("[\"{}\"]", times.join("\",\""));
        let mut s = Scan::new(text.as_bytes());
        let mut got = Vec::new();
        s.array(|s, _| {
            got.push(s.plain_utc());
            if got.last() == Some(&None) {
                s.skip(1)?;
            }
            Some(())
        })
        .expect("an array of strings");
        let want: Vec<_> = times
            .iter()
            .map(|t| crate::time::parse_rfc3339(t))
            .collect();
        assert_eq!(got, want);
        assert_eq!(got.iter().filter(|t| t.is_none()).count(), 3);
    }
}
