//! Path-aware, forgiving accessors over a parsed JSON value, shared by every
//! format reader. A field of the wrong type or with an impossible value is
//! dropped and reported as a [`Warning`] with its path; `null` counts as absent.

use crate::error::{Warning, WarningCode};
use crate::path::Path;
use crate::phase::Phase;
use crate::time::{self, Epoch};
use serde_json::{Map, Value};

/// Collects warnings while a format reader walks the payload.
#[derive(Debug, Default)]
pub struct Reader {
    /// Warnings so far, in payload order.
    pub warnings: Vec<Warning>,
    epoch_seconds_warned: bool,
    suppressed: usize,
    /// An epoch_seconds warning was counted in `suppressed`, not listed.
    epoch_suppressed: bool,
}

/// Most warnings listed one by one; the rest are counted in one more.
pub const MAX_WARNINGS: usize = 1000;

/// A phase read from the payload: the normalized value and the text as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawPhase {
    /// Normalized phase (Unknown when no spelling matched).
    pub phase: Phase,
    /// The text in the payload.
    pub raw: String,
}

/// A text in double quotes with JSON escapes, for messages. (Not `{:?}`: that
/// pulls Unicode printability tables into the wasm for no gain here.)
pub fn quote(s: &str) -> String {
    Value::String(s.to_string()).to_string()
}

/// A number for messages: whole numbers without a fraction, others as JSON
/// writes them. (Not `{}` on f64: that pulls float formatting into the wasm.)
pub fn num(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        (n as i64).to_string()
    } else {
        serde_json::Number::from_f64(n)
            .map_or_else(|| "a non-finite number".into(), |n| n.to_string())
    }
}

/// Names a JSON value's type for messages, with a short excerpt of scalars.
pub fn describe(v: &Value) -> String {
    match v {
        Value::Null => "null".into(),
        Value::Bool(b) => format!("a boolean ({b})"),
        Value::Number(n) => format!("a number ({n})"),
        Value::String(s) => {
            let short: String = s.chars().take(40).collect();
            let more = if s.chars().nth(40).is_some() {
                "…"
            } else {
                ""
            };
            format!("a string ({}{more})", quote(&short))
        }
        Value::Array(a) => format!("an array of {} items", a.len()),
        Value::Object(o) => format!("an object with {} keys", o.len()),
    }
}

/// Declares keyed accessors, `name(obj, key, parent)`: the member `key` of
/// `obj` read by the accessor `value` of a value found at a path (there
/// `parent.key(key)`); an absent member is `None`, without a warning. One body
/// for every one of them; `<'v>` when the result borrows from `obj`.
macro_rules! keyed {
    ($($(#[$doc:meta])* $name:ident $(<$v:lifetime>)? -> $ret:ty = $value:ident;)*) => {$(
        $(#[$doc])*
        pub fn $name$(<$v>)?(
            &mut self,
            obj: &$($v)? Map<String, Value>,
            key: &str,
            parent: &Path<'_>,
        ) -> Option<$ret> {
            self.$value(obj.get(key)?, &parent.key(key))
        }
    )*};
}

/// Declares accessors of a value of one JSON type, `name(v, path)`: `v` as
/// `pick` takes it out ([`Reader::typed`]: `null` is absent, another type is
/// warned about, as not the `expected` one, and dropped).
macro_rules! typed {
    ($($(#[$doc:meta])* $name:ident<$v:lifetime> -> $ret:ty = $expected:literal, $pick:path;)*) => {$(
        $(#[$doc])*
        pub fn $name<$v>(&mut self, v: &$v Value, path: &Path<'_>) -> Option<$ret> {
            self.typed(v, path, $expected, $pick)
        }
    )*};
}

impl Reader {
    /// A new reader with no warnings.
    pub fn new() -> Self {
        Reader::default()
    }

    /// Appends the warnings of `part` — a reader of a part of the payload read
    /// while it was parsed (a streamed collection) — as if this reader had
    /// recorded them there: the cap applies to the whole, and when this reader
    /// has already warned about epoch seconds, `part`'s own such warning (there
    /// is at most one) is dropped, as one reader would never have made it.
    /// (Then this reader holds at least that one warning, so it needs at most
    /// [`MAX_WARNINGS`]` - 1` of `part`'s: all listed even after the drop.)
    pub fn absorb(&mut self, part: Reader) {
        let mut drop_epoch = self.epoch_seconds_warned;
        for w in part.warnings {
            if drop_epoch && w.code == WarningCode::EpochSeconds {
                drop_epoch = false;
                continue;
            }
            if self.warnings.len() >= MAX_WARNINGS {
                self.suppressed += 1;
                if w.code == WarningCode::EpochSeconds {
                    self.epoch_suppressed = true;
                }
            } else {
                self.warnings.push(w);
            }
        }
        self.suppressed += part.suppressed;
        if drop_epoch && part.epoch_suppressed {
            self.suppressed = self.suppressed.saturating_sub(1);
        } else if part.epoch_suppressed {
            self.epoch_suppressed = true;
        }
        self.epoch_seconds_warned |= part.epoch_seconds_warned;
    }

    /// Records a warning at `path`.
    pub fn warn(&mut self, code: WarningCode, path: &Path<'_>, message: String) {
        if self.warnings.len() >= MAX_WARNINGS {
            self.suppressed += 1;
            if code == WarningCode::EpochSeconds {
                self.epoch_suppressed = true;
            }
            return;
        }
        self.warnings.push(Warning {
            code,
            message,
            path: path.render(),
        });
    }

    /// The warnings, with one more saying how many were left out past
    /// [`MAX_WARNINGS`] (a payload of a million bad items must not yield a
    /// million warnings).
    pub fn into_warnings(mut self) -> Vec<Warning> {
        if self.suppressed > 0 {
            self.warnings
                .push(Warning::too_many(MAX_WARNINGS, self.suppressed));
        }
        self.warnings
    }

    fn wrong_type(&mut self, path: &Path<'_>, expected: &str, found: &Value) {
        self.warn(
            WarningCode::WrongType,
            path,
            format!("expected {expected}, found {}; ignored", describe(found)),
        );
    }

    /// Warns that the number `n` found at `path` is not `expected`, and drops it.
    fn out_of_range<T>(&mut self, path: &Path<'_>, expected: &str, n: f64) -> Option<T> {
        self.warn(
            WarningCode::InvalidValue,
            path,
            format!("expected {expected}, found {}; ignored", num(n)),
        );
        None
    }

    keyed! {
        /// The member `key` of `obj` as an object.
        object<'v> -> &'v Map<String, Value> = object_value;
        /// The member `key` of `obj` as an array.
        array<'v> -> &'v Vec<Value> = array_value;
        /// The member `key` of `obj` as a string.
        string<'v> -> &'v str = string_value;
        /// The member `key` of `obj` as a finite number.
        number -> f64 = number_value;
        /// An RFC 3339 time text (epoch numbers are accepted too) as epoch milliseconds.
        time -> i64 = time_value;
        /// An epoch time documented in milliseconds: 0 is "not set", below 1e11 is
        /// read as seconds (warned once per payload), RFC 3339 texts are accepted too.
        epoch -> i64 = epoch_value;
        /// A progress percentage 0–100 (fractions are floored).
        progress -> u8 = progress_value;
        /// A phase text, normalized; an unknown spelling is kept raw and warned.
        phase -> RawPhase = phase_value;
    }

    /// `v` (found at `path`) as what `pick` takes out of it: `null` is absent;
    /// any other value `pick` refuses is dropped with a warning that `expected`
    /// was expected.
    fn typed<'v, T>(
        &mut self,
        v: &'v Value,
        path: &Path<'_>,
        expected: &str,
        pick: impl FnOnce(&'v Value) -> Option<T>,
    ) -> Option<T> {
        if v.is_null() {
            return None;
        }
        let picked = pick(v);
        if picked.is_none() {
            self.wrong_type(path, expected, v);
        }
        picked
    }

    typed! {
        /// `v` (found at `path`) as an object.
        object_value<'v> -> &'v Map<String, Value> = "an object", Value::as_object;
        /// `v` (found at `path`) as an array.
        array_value<'v> -> &'v Vec<Value> = "an array", Value::as_array;
        /// `v` (found at `path`) as a string.
        string_value<'v> -> &'v str = "a string", Value::as_str;
    }

    /// `v` (found at `path`) as a finite number.
    pub fn number_value(&mut self, v: &Value, path: &Path<'_>) -> Option<f64> {
        self.typed(v, path, "a number", Value::as_number)?.as_f64()
    }

    /// The first of several spellings of one field that is present (`created_by`, `create_by`).
    pub fn string_any<'v>(
        &mut self,
        obj: &'v Map<String, Value>,
        keys: &[&str],
        parent: &Path<'_>,
    ) -> Option<&'v str> {
        keys.iter().find_map(|k| self.string(obj, k, parent))
    }

    /// A non-negative whole number no larger than `max` (counts, minutes).
    pub fn count(
        &mut self,
        obj: &Map<String, Value>,
        key: &str,
        parent: &Path<'_>,
        max: u64,
    ) -> Option<u64> {
        self.count_value(obj.get(key)?, &parent.key(key), max)
    }

    /// `v` (found at `path`) as a whole number from 0 to `max`.
    pub fn count_value(&mut self, v: &Value, path: &Path<'_>, max: u64) -> Option<u64> {
        let n = self.number_value(v, path)?;
        if n >= 0.0 && n <= max as f64 && n.fract() == 0.0 {
            Some(n as u64)
        } else {
            self.out_of_range(path, &format!("a whole number from 0 to {max}"), n)
        }
    }

    /// `v` (found at `path`) as a progress percentage 0–100 (fractions are floored).
    pub fn progress_value(&mut self, v: &Value, path: &Path<'_>) -> Option<u8> {
        let n = self.number_value(v, path)?;
        if (0.0..=100.0).contains(&n) {
            Some(n.floor() as u8)
        } else {
            self.out_of_range(path, "a progress from 0 to 100", n)
        }
    }

    /// `v` (found at `path`) as a time: RFC 3339 text or epoch number.
    pub fn time_value(&mut self, v: &Value, path: &Path<'_>) -> Option<i64> {
        match v {
            Value::Null => None,
            Value::String(s) => self.time_text(s, path),
            Value::Number(_) => self.epoch_value(v, path),
            other => {
                self.wrong_type(path, "an rfc 3339 time text", other);
                None
            }
        }
    }

    /// An RFC 3339 text found at `path` (blank is absent).
    pub fn time_text(&mut self, s: &str, path: &Path<'_>) -> Option<i64> {
        if s.trim().is_empty() {
            return None;
        }
        let parsed = time::parse_rfc3339(s);
        if parsed.is_none() {
            self.warn(
                WarningCode::InvalidTime,
                path,
                format!(
                    "expected an rfc 3339 time such as \"2016-12-27T20:12:32Z\", found {}; ignored",
                    describe(&Value::String(s.to_string()))
                ),
            );
        }
        parsed
    }

    /// `v` (found at `path`) as an epoch time (see [`Reader::epoch`]).
    pub fn epoch_value(&mut self, v: &Value, path: &Path<'_>) -> Option<i64> {
        if let Value::String(s) = v {
            return self.time_text(s, path);
        }
        let n = self.number_value(v, path)?;
        match time::read_epoch(n) {
            Epoch::Unset => None,
            Epoch::Millis(ms) => Some(ms),
            Epoch::Seconds(ms) => {
                if !self.epoch_seconds_warned {
                    self.epoch_seconds_warned = true;
                    self.warn(
                        WarningCode::EpochSeconds,
                        path,
                        format!(
                            "expected epoch milliseconds, found {}, below 1e11: read as seconds ({}); \
                             the same was done for every such time in this payload",
                            num(n),
                            time::format_ms(ms)
                        ),
                    );
                }
                Some(ms)
            }
            Epoch::OutOfRange => {
                self.out_of_range(path, "epoch milliseconds from 0 to 9999999999999", n)
            }
        }
    }

    /// `v` (found at `path`) as a phase text, normalized (see [`Reader::phase_text`]).
    pub fn phase_value(&mut self, v: &Value, path: &Path<'_>) -> Option<RawPhase> {
        let raw = self.string_value(v, path)?;
        Some(self.phase_text(raw, path))
    }

    /// Normalizes a phase text found at `path`.
    pub fn phase_text(&mut self, raw: &str, path: &Path<'_>) -> RawPhase {
        RawPhase {
            phase: self.phase_of(raw, path),
            raw: raw.to_string(),
        }
    }

    /// [`Reader::phase_text`]'s phase alone (the same warning), the text not
    /// kept.
    pub fn phase_of(&mut self, raw: &str, path: &Path<'_>) -> Phase {
        match Phase::parse(raw) {
            Some(p) => p,
            None => {
                self.warn(
                    WarningCode::UnknownPhase,
                    path,
                    format!(
                        "expected a phase such as succeeded, failed, running, pending, cancelled or skipped, found {}; shown as Unknown",
                        describe(&Value::String(raw.to_string()))
                    ),
                );
                Phase::Unknown
            }
        }
    }

    /// Drops `end` when it is before `begin`, with a warning at the end's path.
    pub fn ordered(
        &mut self,
        begin: Option<i64>,
        end: Option<i64>,
        end_path: &Path<'_>,
    ) -> Option<i64> {
        match (begin, end) {
            (Some(b), Some(e)) if e < b => {
                self.warn(
                    WarningCode::EndBeforeBegin,
                    end_path,
                    format!(
                        "expected an end at or after the begin ({}), found {}; ignored",
                        time::format_ms(b),
                        time::format_ms(e)
                    ),
                );
                None
            }
            _ => end,
        }
    }
}
