//! RFC 3339 date-times (section 5.6, `2019-06-17T09:17:02.733-07:00`), read by hand with chrono's
//! calendar types only, so that a WebAssembly build links none of chrono's format parsers.
//!
//! [`parse`] accepts exactly what chrono 0.4's `DateTime::<FixedOffset>::parse_from_rfc3339`
//! accepts (a `t` or space for the `T`, `z` for `Z`, second 60 as a leap second, any number of
//! fraction digits with those past nine ignored, U+2212 MINUS SIGN in the offset, offsets up to
//! ±23:59) and gives the same value, or an [`Error`] of the same kind with the same text; the
//! tests compare the two on generated and malformed input.

use std::fmt;

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime, TimeZone};

/// Why a text is not an RFC 3339 date-time. The [`Display`](fmt::Display) texts are chrono's
/// (`chrono::format::ParseError`), so a message built from either reads the same.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Error {
    /// A field is out of its range (month 13, hour 24, offset minutes 60, ...).
    OutOfRange,
    /// A character where another was expected.
    Invalid,
    /// The text ends early.
    TooShort,
    /// Something follows the offset.
    TooLong,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Error::OutOfRange => "input is out of range",
            Error::Invalid => "input contains invalid characters",
            Error::TooShort => "premature end of input",
            Error::TooLong => "trailing input",
        })
    }
}

impl std::error::Error for Error {}

/// Reads an RFC 3339 date-time with its offset. See the [module](self) documentation.
pub fn parse(s: &str) -> Result<DateTime<FixedOffset>, Error> {
    let b = s.as_bytes();
    if b.len() < 19 {
        return Err(Error::TooShort);
    }
    let digit = |i: usize| match b.get(i) {
        Some(d) if d.is_ascii_digit() => Ok(u32::from(d - b'0')),
        _ => Err(Error::Invalid),
    };
    let two = |i: usize| Ok::<u32, Error>(digit(i)? * 10 + digit(i + 1)?);
    let separator = |i: usize, ok: &[u8]| match b.get(i) {
        Some(c) if ok.contains(c) => Ok(()),
        _ => Err(Error::Invalid),
    };
    // The checks run in chrono's order, so the first problem gives the same kind of error.
    let year = two(0)? * 100 + two(2)?;
    separator(4, b"-")?;
    let month = two(5)?;
    separator(7, b"-")?;
    let day = two(8)?;
    let date = NaiveDate::from_ymd_opt(year as i32, month, day).ok_or(Error::OutOfRange)?;
    separator(10, b"tT ")?;
    let hour = two(11)?;
    separator(13, b":")?;
    let minute = two(14)?;
    separator(16, b":")?;
    let (second, leap) = match two(17)? {
        60 => (59, 1_000_000_000),
        second => (second, 0),
    };
    let mut rest = &s[19..];
    let mut nano = leap;
    if let Some(fraction) = rest.strip_prefix('.') {
        let n = fraction.bytes().take_while(u8::is_ascii_digit).count();
        if n == 0 {
            return Err(if fraction.is_empty() {
                Error::TooShort
            } else {
                Error::Invalid
            });
        }
        // The first nine digits are the nanoseconds; more are read and dropped.
        let kept = &fraction[..n.min(9)];
        let value = kept.bytes().fold(0u32, |v, d| v * 10 + u32::from(d - b'0'));
        nano += value * 10u32.pow(9 - kept.len() as u32);
        rest = &fraction[n..];
    }
    let time = NaiveTime::from_hms_nano_opt(hour, minute, second, nano).ok_or(Error::OutOfRange)?;
    let offset = offset_seconds(&mut rest)?;
    if !rest.is_empty() {
        return Err(Error::TooLong);
    }
    let zone = FixedOffset::east_opt(offset).ok_or(Error::OutOfRange)?;
    zone.from_local_datetime(&date.and_time(time))
        .single()
        .ok_or(Error::OutOfRange)
}

/// The offset at the start of `rest` (`Z`, `z`, or a sign, `HH`, `:` and `MM`) in seconds east
/// of UTC; `rest` moves past it.
fn offset_seconds(rest: &mut &str) -> Result<i32, Error> {
    let s = *rest;
    if let Some(r) = s.strip_prefix(['Z', 'z']) {
        *rest = r;
        return Ok(0);
    }
    let (negative, s) = if let Some(r) = s.strip_prefix('+') {
        (false, r)
    } else if let Some(r) = s.strip_prefix(['-', '\u{2212}']) {
        (true, r)
    } else if s.is_empty() {
        return Err(Error::TooShort);
    } else {
        return Err(Error::Invalid);
    };
    let b = s.as_bytes();
    let hours = match b {
        [h1 @ b'0'..=b'9', h2 @ b'0'..=b'9', ..] => i32::from((h1 - b'0') * 10 + (h2 - b'0')),
        [_, _, ..] => return Err(Error::Invalid),
        _ => return Err(Error::TooShort),
    };
    let minutes = match b.get(2..) {
        Some([b':', m1 @ b'0'..=b'5', m2 @ b'0'..=b'9', ..]) => {
            i32::from((m1 - b'0') * 10 + (m2 - b'0'))
        }
        Some([b':', b'6'..=b'9', b'0'..=b'9', ..]) => return Err(Error::OutOfRange),
        Some([b':', _, _, ..]) => return Err(Error::Invalid),
        Some([b':', ..]) | Some([]) => return Err(Error::TooShort),
        _ => return Err(Error::Invalid),
    };
    *rest = &s[5..];
    let seconds = hours * 3600 + minutes * 60;
    Ok(if negative { -seconds } else { seconds })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn chrono_reading(s: &str) -> Result<DateTime<FixedOffset>, String> {
        DateTime::parse_from_rfc3339(s).map_err(|e| e.to_string())
    }

    fn ours(s: &str) -> Result<DateTime<FixedOffset>, String> {
        parse(s).map_err(|e| e.to_string())
    }

    proptest! {
        /// Well-formed and nearly well-formed date-times (years 1970..2199 and the edges of
        /// every field): the same instant, offset and error.
        #[test]
        fn matches_chrono_on_date_times(
            y in prop_oneof![1970u32..2200, 0u32..10000],
            mo in 0u32..14, d in 0u32..33, h in 0u32..26, mi in 0u32..62, sec in 0u32..62,
            t in "[Tt ]",
            fraction in "(|\\.[0-9]{0,12})",
            zone in "(Z|z|[+\\-\u{2212}][0-2][0-9]:[0-6][0-9]|[+\\-][0-9]{1,2}:?[0-9]{0,2})",
            tail in "(| |x|0)",
        ) {
            let s = format!("{y:04}-{mo:02}-{d:02}{t}{h:02}:{mi:02}:{sec:02}{fraction}{zone}{tail}");
            prop_assert_eq!(ours(&s), chrono_reading(&s), "{:?}", s);
        }

        /// Arbitrary text of the characters that matter, including cut and mangled date-times.
        #[test]
        fn matches_chrono_on_any_text(
            s in "[0-9:\\-+.TtZz \u{2212}é]{0,30}",
            cut in 0usize..40,
            base in "20[0-9]{2}-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9](\\.[0-9]{1,3})?(Z|[+\\-][0-9]{2}:[0-9]{2})",
        ) {
            prop_assert_eq!(ours(&s), chrono_reading(&s), "{:?}", s);
            let cut_at = (0..=cut.min(base.len())).rev().find(|&i| base.is_char_boundary(i)).unwrap_or(0);
            let prefix = &base[..cut_at];
            prop_assert_eq!(ours(prefix), chrono_reading(prefix), "{:?}", prefix);
            let mangled = format!("{prefix}{s}");
            prop_assert_eq!(ours(&mangled), chrono_reading(&mangled), "{:?}", mangled);
        }
    }

    #[test]
    fn edges() {
        for s in [
            "2026-03-01T12:00:00Z",
            "2026-03-01t12:00:00z",
            "2026-03-01 12:00:00+05:30",
            "2026-12-31T23:59:60Z",
            "2026-12-31T23:59:60.999999999Z",
            "2026-12-31T23:58:60Z",
            "2019-06-17T09:17:02.733000-07:00",
            "2019-06-17T09:17:02.1234567891234-07:00",
            "2019-06-17T09:17:02.-07:00",
            "2019-06-17T09:17:02.",
            "2019-06-17T09:17:02",
            "2019-06-17T09:17:02+",
            "2019-06-17T09:17:02+1",
            "2019-06-17T09:17:02+12",
            "2019-06-17T09:17:02+12:",
            "2019-06-17T09:17:02+12:3",
            "2019-06-17T09:17:02+1230",
            "2019-06-17T09:17:02+12:60",
            "2019-06-17T09:17:02+24:00",
            "2019-06-17T09:17:02+99:59",
            "2019-06-17T09:17:02\u{2212}07:00",
            "2019-06-17T09:17:02Z ",
            "2019-06-17T09:17:02é",
            "0000-01-01T00:00:00+01:00",
            "9999-12-31T23:59:59-23:59",
            "2026-02-29T00:00:00Z",
            "2028-02-29T00:00:00Z",
            "2026-13-01T00:00:00Z",
            "2026-1-01T00:00:00Z",
            "",
            "2026-03-01T12:00Z",
        ] {
            assert_eq!(ours(s), chrono_reading(s), "{s:?}");
        }
        let at = parse("2019-06-17T09:17:02.733-07:00").unwrap();
        assert_eq!(at.timestamp_millis(), 1_560_788_222_733);
        assert_eq!(at.offset().local_minus_utc(), -7 * 3600);
        assert_eq!(parse("2026-03-01T12:00").unwrap_err(), Error::TooShort);
    }
}
