//! Times: RFC 3339 texts (parsed by `jiff`) and epoch numbers, all normalized
//! to epoch milliseconds UTC.

/// Epoch milliseconds of the largest time the workflow API documents (9999999999999).
pub const MAX_EPOCH_MS: i64 = 9_999_999_999_999;

/// Below this an epoch number is read as seconds (1e11 ms is 1973; 1e11 s is year 5138).
pub const SECONDS_THRESHOLD: f64 = 1e11;

/// Parses an RFC 3339 timestamp (`2016-12-27T20:12:32Z`, with offset or fraction)
/// into epoch milliseconds UTC. A space may stand for the `T`.
pub fn parse_rfc3339(text: &str) -> Option<i64> {
    let ts: jiff::Timestamp = text.trim().parse().ok()?;
    Some(ts.as_millisecond())
}

/// How an epoch number was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Epoch {
    /// 0: the field is documented as "not set".
    Unset,
    /// Milliseconds as documented.
    Millis(i64),
    /// Below 1e11, so read as seconds and multiplied by 1000.
    Seconds(i64),
    /// Negative, fractional below zero, not finite or beyond 9999999999999.
    OutOfRange,
}

/// Reads an epoch number documented as milliseconds (up to 13 digits).
pub fn read_epoch(value: f64) -> Epoch {
    if !value.is_finite() || value < 0.0 || value > MAX_EPOCH_MS as f64 {
        return Epoch::OutOfRange;
    }
    if value == 0.0 {
        return Epoch::Unset;
    }
    if value < SECONDS_THRESHOLD {
        // value < 1e11 so value * 1000 < 1e14: exact in f64 and within i64.
        Epoch::Seconds((value * 1000.0).floor() as i64)
    } else {
        Epoch::Millis(value.floor() as i64)
    }
}

/// Formats epoch milliseconds as RFC 3339 UTC with milliseconds, for messages.
pub fn format_ms(ms: i64) -> String {
    match jiff::Timestamp::from_millisecond(ms) {
        Ok(ts) => ts.to_string(),
        Err(_) => ms.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc3339() {
        assert_eq!(parse_rfc3339("1970-01-01T00:00:01Z"), Some(1000));
        assert_eq!(
            parse_rfc3339("2016-12-27T20:12:32Z"),
            Some(1_482_869_552_000)
        );
        assert_eq!(
            parse_rfc3339("2016-12-27T22:12:32.5+02:00"),
            Some(1_482_869_552_500)
        );
        assert_eq!(parse_rfc3339("yesterday"), None);
        assert_eq!(parse_rfc3339("2016-12-27"), None);
    }

    #[test]
    fn epochs() {
        assert_eq!(read_epoch(0.0), Epoch::Unset);
        assert_eq!(
            read_epoch(1_600_000_000.0),
            Epoch::Seconds(1_600_000_000_000)
        );
        assert_eq!(
            read_epoch(1_600_000_000_123.0),
            Epoch::Millis(1_600_000_000_123)
        );
        assert_eq!(read_epoch(-1.0), Epoch::OutOfRange);
        assert_eq!(read_epoch(1e14), Epoch::OutOfRange);
        assert_eq!(read_epoch(f64::NAN), Epoch::OutOfRange);
    }
}
