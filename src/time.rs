//! Times: RFC 3339 texts (parsed by the `time` crate) and epoch numbers, all normalized
//! to epoch milliseconds UTC.

use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

/// Epoch milliseconds of the largest time the workflow API documents (9999999999999).
pub const MAX_EPOCH_MS: i64 = 9_999_999_999_999;

/// Below this an epoch number is read as seconds (1e11 ms is 1973; 1e11 s is year 5138).
pub const SECONDS_THRESHOLD: f64 = 1e11;

/// Parses an RFC 3339 timestamp (`2016-12-27T20:12:32Z`, with offset or fraction)
/// into epoch milliseconds UTC. A space may stand for the `T`.
pub fn parse_rfc3339(text: &str) -> Option<i64> {
    if let Some(ms) = parse_plain_utc(text.as_bytes()) {
        return Some(ms);
    }
    let t = OffsetDateTime::parse(text.trim(), &Rfc3339).ok()?;
    i64::try_from(t.unix_timestamp_nanos().div_euclid(1_000_000)).ok()
}

/// Fast path for the one shape the APIs actually send, `YYYY-MM-DDTHH:MM:SSZ`
/// (20 bytes, UTC, no fraction): fixed positions, no allocation. Anything else —
/// offsets, fractions, lowercase, a space for `T`, out-of-range fields — returns
/// `None` and goes to the `time` crate, which stays the authority on RFC 3339.
pub(crate) fn parse_plain_utc(b: &[u8]) -> Option<i64> {
    let (date, time) = b.split_at_checked(10)?;
    Some(plain_utc_days(date)? * 86_400_000 + plain_utc_time(time)?)
}

/// The date of [`parse_plain_utc`]'s shape, `YYYY-MM-DD`, as days since
/// 1970-01-01 (a reader of many times from the same day keeps it).
pub(crate) fn plain_utc_days(b: &[u8]) -> Option<i64> {
    let b: &[u8; 10] = b.try_into().ok()?;
    let [y0, y1, y2, y3, b'-', m0, m1, b'-', d0, d1] = *b else {
        return None;
    };
    let year = two(y0, y1)? * 100 + two(y2, y3)?;
    let (month, day) = (two(m0, m1)?, two(d0, d1)?);
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let month_days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    if day < 1 || day > month_days {
        return None;
    }
    // Days from civil (H. Hinnant's algorithm), proleptic Gregorian calendar.
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// The rest of [`parse_plain_utc`]'s shape, `THH:MM:SSZ`, as milliseconds
/// into the day.
pub(crate) fn plain_utc_time(b: &[u8]) -> Option<i64> {
    let b: &[u8; 10] = b.try_into().ok()?;
    let [b'T', h0, h1, b':', i0, i1, b':', s0, s1, b'Z'] = *b else {
        return None;
    };
    let (hour, minute, second) = (two(h0, h1)?, two(i0, i1)?, two(s0, s1)?);
    if hour > 23 || minute > 59 || second > 59 {
        return None;
    }
    Some(hour * 3_600_000 + minute * 60_000 + second * 1000)
}

/// Two ASCII digits as a number.
fn two(a: u8, b: u8) -> Option<i64> {
    let digit = |c: u8| c.is_ascii_digit().then(|| i64::from(c - b'0'));
    Some(digit(a)? * 10 + digit(b)?)
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
    OffsetDateTime::from_unix_timestamp_nanos(i128::from(ms) * 1_000_000)
        .ok()
        .and_then(|t| t.format(&Rfc3339).ok())
        .unwrap_or_else(|| ms.to_string())
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
    fn fast_path_agrees_with_the_time_crate() {
        let mut checked = 0;
        for year in [1970, 1999, 2000, 2016, 2024, 2100, 2400, 9998] {
            for month in 1..=12 {
                for day in [1, 15, 28, 29, 30, 31] {
                    for (h, m, s) in [(0, 0, 0), (12, 34, 56), (23, 59, 59)] {
                        let text = format!("{year:04}-{month:02}-{day:02}T{h:02}:{m:02}:{s:02}Z");
                        let slow = OffsetDateTime::parse(&text, &Rfc3339)
                            .ok()
                            .map(|t| (t.unix_timestamp_nanos() / 1_000_000) as i64);
                        assert_eq!(parse_plain_utc(text.as_bytes()), slow, "{text}");
                        checked += 1;
                    }
                }
            }
        }
        assert_eq!(checked, 8 * 12 * 6 * 3);
        assert_eq!(parse_plain_utc(b"2016-12-27T20:12:60Z"), None);
        assert_eq!(parse_plain_utc(b"2016-12-27t20:12:32Z"), None);
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
