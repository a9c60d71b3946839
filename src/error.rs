//! Errors (fatal) and warnings (repairs and dropped values), each with a stable code.
//!
//! Only input that cannot be read at all is an [`Error`]: text that is not JSON,
//! JSON whose shape matches no format, input over the size cap, a base64 text that
//! does not decode. Everything else — a field of the wrong type, a time that does
//! not parse, a repaired trailing comma — is a [`Warning`] returned next to the
//! result, with the JSONPath-like location of the value it concerns.

use serde::Serialize;
use std::fmt;

/// Stable error codes. Their `snake_case` names are part of the public API.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// The input is not JSON (or, in strict mode, needs a repair). Carries line and column.
    InvalidJson,
    /// Valid JSON whose shape matches none of the formats.
    UnknownFormat,
    /// The input (or a decoded objectData) is larger than the cap.
    TooLarge,
    /// Valid JSON nested deeper than the parser's limit (128 levels).
    TooDeep,
    /// A base64 text that does not decode. Carries the offset of the first bad character.
    InvalidBase64,
    /// An option has a value the function does not accept (an unknown format name, say).
    InvalidOption,
    /// `options.run` names no run in the payload.
    UnknownRun,
}

impl ErrorCode {
    /// The code as the API spells it (`invalid_json`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::InvalidJson => "invalid_json",
            ErrorCode::UnknownFormat => "unknown_format",
            ErrorCode::TooLarge => "too_large",
            ErrorCode::TooDeep => "too_deep",
            ErrorCode::InvalidBase64 => "invalid_base64",
            ErrorCode::InvalidOption => "invalid_option",
            ErrorCode::UnknownRun => "unknown_run",
        }
    }
}

/// A fatal error: the input could not be read. The message is lowercase and says
/// what was expected, what was found, and where.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Error {
    /// Stable code.
    pub code: ErrorCode,
    /// Lowercase sentence: expected, found, where.
    pub message: String,
    /// `invalid_json`: 1-based line of the problem.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// `invalid_json`: 1-based column (in characters) of the problem.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
    /// `invalid_base64`: 0-based character offset of the first bad character;
    /// `invalid_json`: 0-based byte offset of the problem.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub offset: Option<usize>,
}

impl Error {
    /// An error with a code and a message and no position.
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Error {
            code,
            message: message.into(),
            line: None,
            column: None,
            offset: None,
        }
    }
}

impl Error {
    /// `unknown_run`: `id` names none of the runs `known` (a payload's, for
    /// `options.run`; a workspace's, for its run ids). The one message for both:
    /// the first five known ids, or that there are none.
    pub fn unknown_run<'a>(id: &str, known: impl IntoIterator<Item = &'a str>) -> Self {
        let mut known = known.into_iter();
        let first: Vec<&str> = known.by_ref().take(5).collect();
        let runs = match (first.is_empty(), known.next().is_some()) {
            (true, _) => "there are none".to_string(),
            (false, false) => first.join(", "),
            (false, true) => format!("{}, …", first.join(", ")),
        };
        Error::new(
            ErrorCode::UnknownRun,
            format!(
                "expected the id of a run ({runs}), found {}",
                crate::reader::quote(id)
            ),
        )
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.code.as_str(), self.message)
    }
}

impl std::error::Error for Error {}

/// Stable warning codes. Their `snake_case` names are part of the public API.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum WarningCode {
    /// A comma before `]` or `}` was removed (lenient mode only).
    TrailingComma,
    /// A UTF-8 byte order mark before the JSON was skipped (lenient mode only).
    Bom,
    /// An epoch time below 1e11 was read as seconds, not milliseconds (reported once).
    EpochSeconds,
    /// A phase text none of the known spellings match; the element's phase is Unknown.
    UnknownPhase,
    /// A field had the wrong JSON type and was ignored.
    WrongType,
    /// A field had the right type but an impossible value (progress 250, a negative time) and was ignored.
    InvalidValue,
    /// A time text that is not RFC 3339 was ignored.
    InvalidTime,
    /// An end time earlier than its begin time was ignored.
    EndBeforeBegin,
    /// The payload holds nothing to show (an empty array).
    EmptyPayload,
    /// An event list mixes events of several executions; the first one's name is the run id.
    MixedRuns,
    /// More than 1000 warnings: the rest are counted, not listed.
    TooManyWarnings,
    /// `graph`: the template's dependencies form a cycle; the message names its elements.
    DependencyCycle,
    /// `graph`: a requirement or reference names an element that does not exist.
    UnknownDependency,
    /// `graph`: spec.objectData holds no readable template (not base64, not JSON or
    /// YAML, over a YAML limit, or without node_templates / workflow): no edges.
    InvalidTemplate,
}

/// Something the reader repaired or dropped. The rest of the payload still summarized.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Warning {
    /// Stable code.
    pub code: WarningCode,
    /// Lowercase sentence: what was expected, what was found.
    pub message: String,
    /// Where: `$` is the whole input, `$.status.progress`, `$[3].end_time`, `$.a['odd key']`.
    pub path: String,
}

impl Warning {
    /// The last warning of a list cut at `max`: how many more were left out.
    pub fn too_many(max: usize, suppressed: usize) -> Self {
        Warning {
            code: WarningCode::TooManyWarnings,
            message: format!(
                "expected at most {max} warnings, found {suppressed} more; they are not listed"
            ),
            path: "$".into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_run_names_up_to_five_runs() {
        let e = Error::unknown_run("x", []);
        assert_eq!(e.code, ErrorCode::UnknownRun);
        assert_eq!(
            e.message,
            r#"expected the id of a run (there are none), found "x""#
        );
        let e = Error::unknown_run("x", ["a", "b"]);
        assert_eq!(e.message, r#"expected the id of a run (a, b), found "x""#);
        let e = Error::unknown_run("a\"b", ["1", "2", "3", "4", "5", "6"]);
        assert_eq!(
            e.message,
            r#"expected the id of a run (1, 2, 3, 4, 5, …), found "a\"b""#
        );
    }
}
