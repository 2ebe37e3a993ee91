//! `schedule/*`: `schedulingConfig.startTime`, `endTime` and `endBehavior`.
//!
//! The API takes start and end as strings `YYYY-MM-DDTHH:MM` (no seconds, no zone). The API
//! reference does not name a time zone; we read them as UTC, like the maintenance-window cron
//! expressions. Other ISO 8601 spellings (with seconds, `Z` or an offset) are accepted with a
//! warning that gives the canonical spelling. "A year" and "two years" are calendar years from
//! `now` (12 and 24 months); the 30-minute minimum is inclusive.

use super::{Ctx, Times, View, remove_member, string};
use crate::diagnostic::{Applicability, Fix, Severity};
use crate::registry::{Example, RuleInfo, example};
use crate::syntax::Object;
use crate::text;
use crate::{Edition, Operation};
use chrono::{DateTime, Datelike, Months, NaiveDate, NaiveDateTime, TimeDelta, Timelike, Utc};

/// `schedule/time-format`
pub const TIME_FORMAT: RuleInfo = RuleInfo {
    code: "schedule/time-format",
    severity: Severity::Error,
    summary: "`startTime`/`endTime` is not a date and time (`YYYY-MM-DDTHH:MM`): prose, an impossible date such as 30 February, or hour 24.",
    source: "API reference: SchedulingConfig.startTime/endTime (date as YYYY-MM-DD, time as HH:MM)",
    json_schema: false,
    fix: None,
    example: example(Example {
        operation: Some(Operation::CreateJob),
        service_model: Edition::Latest,
        fail: r#"{
  "jobId": "firmware-2026-01",
  "targets": ["arn:aws:iot:eu-west-1:123456789012:thinggroup/pumps-line-a"],
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}",
  "schedulingConfig": {"startTime": "2026-02-30T02:00"}
}"#,
        pass: r#"{
  "jobId": "firmware-2026-01",
  "targets": ["arn:aws:iot:eu-west-1:123456789012:thinggroup/pumps-line-a"],
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}",
  "schedulingConfig": {"startTime": "2026-02-28T02:00"}
}"#,
    }),
};
/// `schedule/time-not-canonical`
pub const TIME_NOT_CANONICAL: RuleInfo = RuleInfo {
    code: "schedule/time-not-canonical",
    severity: Severity::Warning,
    summary: "`startTime`/`endTime` is a valid ISO 8601 date-time but not the documented `YYYY-MM-DDTHH:MM` form (it has seconds, `Z` or an offset); the canonical UTC spelling is suggested.",
    source: "API reference: SchedulingConfig (YYYY-MM-DD and HH:MM); inferred: whether the service accepts other ISO 8601 forms is not documented",
    json_schema: false,
    fix: Some(
        "safe: write `YYYY-MM-DDTHH:MM` when the instant stays the same (UTC, whole minute); suggested when seconds are dropped or an offset is converted to UTC",
    ),
    example: example(Example {
        operation: Some(Operation::CreateJob),
        service_model: Edition::Latest,
        fail: r#"{
  "jobId": "firmware-2026-01",
  "targets": ["arn:aws:iot:eu-west-1:123456789012:thinggroup/pumps-line-a"],
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}",
  "schedulingConfig": {"startTime": "2026-01-02T02:00:00Z"}
}"#,
        pass: r#"{
  "jobId": "firmware-2026-01",
  "targets": ["arn:aws:iot:eu-west-1:123456789012:thinggroup/pumps-line-a"],
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}",
  "schedulingConfig": {"startTime": "2026-01-02T02:00"}
}"#,
    }),
};
/// `schedule/start-too-soon`
pub const START_TOO_SOON: RuleInfo = RuleInfo {
    code: "schedule/start-too-soon",
    severity: Severity::Error,
    summary: "`startTime` is less than 30 minutes from now (or in the past).",
    source: "API reference: SchedulingConfig.startTime (at least thirty minutes from the current time)",
    json_schema: false,
    fix: Some("suggested: start at the earliest allowed minute (now + 30 minutes, rounded up)"),
    example: example(Example {
        operation: Some(Operation::CreateJob),
        service_model: Edition::Latest,
        fail: r#"{
  "jobId": "firmware-2026-01",
  "targets": ["arn:aws:iot:eu-west-1:123456789012:thinggroup/pumps-line-a"],
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}",
  "schedulingConfig": {"startTime": "2026-01-01T00:15"}
}"#,
        pass: r#"{
  "jobId": "firmware-2026-01",
  "targets": ["arn:aws:iot:eu-west-1:123456789012:thinggroup/pumps-line-a"],
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}",
  "schedulingConfig": {"startTime": "2026-01-01T01:00"}
}"#,
    }),
};
/// `schedule/start-too-late`
pub const START_TOO_LATE: RuleInfo = RuleInfo {
    code: "schedule/start-too-late",
    severity: Severity::Error,
    summary: "`startTime` is more than a year from now.",
    source: "API reference: SchedulingConfig.startTime (up to a year in advance)",
    json_schema: false,
    fix: None,
    example: example(Example {
        operation: Some(Operation::CreateJob),
        service_model: Edition::Latest,
        fail: r#"{
  "jobId": "firmware-2026-01",
  "targets": ["arn:aws:iot:eu-west-1:123456789012:thinggroup/pumps-line-a"],
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}",
  "schedulingConfig": {"startTime": "2027-03-01T02:00"}
}"#,
        pass: r#"{
  "jobId": "firmware-2026-01",
  "targets": ["arn:aws:iot:eu-west-1:123456789012:thinggroup/pumps-line-a"],
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}",
  "schedulingConfig": {"startTime": "2026-03-01T02:00"}
}"#,
    }),
};
/// `schedule/end-too-soon`
pub const END_TOO_SOON: RuleInfo = RuleInfo {
    code: "schedule/end-too-soon",
    severity: Severity::Error,
    summary: "`endTime` is less than 30 minutes from now (or in the past).",
    source: "API reference: SchedulingConfig.endTime (at least thirty minutes from the current time)",
    json_schema: false,
    fix: None,
    example: example(Example {
        operation: Some(Operation::CreateJob),
        service_model: Edition::Latest,
        fail: r#"{
  "jobId": "firmware-2026-01",
  "targets": ["arn:aws:iot:eu-west-1:123456789012:thinggroup/pumps-line-a"],
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}",
  "schedulingConfig": {"endTime": "2025-12-31T23:00"}
}"#,
        pass: r#"{
  "jobId": "firmware-2026-01",
  "targets": ["arn:aws:iot:eu-west-1:123456789012:thinggroup/pumps-line-a"],
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}",
  "schedulingConfig": {"endTime": "2026-12-31T23:00"}
}"#,
    }),
};
/// `schedule/end-too-late`
pub const END_TOO_LATE: RuleInfo = RuleInfo {
    code: "schedule/end-too-late",
    severity: Severity::Error,
    summary: "`endTime` is more than two years from now.",
    source: "API reference: SchedulingConfig.endTime (no later than two years from the current time)",
    json_schema: false,
    fix: None,
    example: example(Example {
        operation: Some(Operation::CreateJob),
        service_model: Edition::Latest,
        fail: r#"{
  "jobId": "firmware-2026-01",
  "targets": ["arn:aws:iot:eu-west-1:123456789012:thinggroup/pumps-line-a"],
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}",
  "schedulingConfig": {"startTime": "2026-06-01T00:00", "endTime": "2028-03-01T00:00"}
}"#,
        pass: r#"{
  "jobId": "firmware-2026-01",
  "targets": ["arn:aws:iot:eu-west-1:123456789012:thinggroup/pumps-line-a"],
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}",
  "schedulingConfig": {"startTime": "2026-06-01T00:00", "endTime": "2027-03-01T00:00"}
}"#,
    }),
};
/// `schedule/window-too-short`
pub const WINDOW_TOO_SHORT: RuleInfo = RuleInfo {
    code: "schedule/window-too-short",
    severity: Severity::Error,
    summary: "`endTime` is less than 30 minutes after `startTime` (or before it).",
    source: "API reference: SchedulingConfig.endTime (minimum duration between startTime and endTime is thirty minutes)",
    json_schema: false,
    fix: None,
    example: example(Example {
        operation: Some(Operation::CreateJob),
        service_model: Edition::Latest,
        fail: r#"{
  "jobId": "firmware-2026-01",
  "targets": ["arn:aws:iot:eu-west-1:123456789012:thinggroup/pumps-line-a"],
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}",
  "schedulingConfig": {"startTime": "2026-01-10T02:00", "endTime": "2026-01-10T02:15"}
}"#,
        pass: r#"{
  "jobId": "firmware-2026-01",
  "targets": ["arn:aws:iot:eu-west-1:123456789012:thinggroup/pumps-line-a"],
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}",
  "schedulingConfig": {"startTime": "2026-01-10T02:00", "endTime": "2026-01-10T06:00"}
}"#,
    }),
};
/// `schedule/window-too-long`
pub const WINDOW_TOO_LONG: RuleInfo = RuleInfo {
    code: "schedule/window-too-long",
    severity: Severity::Error,
    summary: "`endTime` is more than two years after `startTime`.",
    source: "API reference: SchedulingConfig.endTime (maximum duration between startTime and endTime is two years)",
    json_schema: false,
    fix: None,
    example: example(Example {
        operation: Some(Operation::CreateJob),
        service_model: Edition::Latest,
        fail: r#"{
  "jobId": "firmware-2026-01",
  "targets": ["arn:aws:iot:eu-west-1:123456789012:thinggroup/pumps-line-a"],
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}",
  "schedulingConfig": {"startTime": "2026-01-05T00:00", "endTime": "2028-02-01T00:00"}
}"#,
        pass: r#"{
  "jobId": "firmware-2026-01",
  "targets": ["arn:aws:iot:eu-west-1:123456789012:thinggroup/pumps-line-a"],
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}",
  "schedulingConfig": {"startTime": "2026-01-05T00:00", "endTime": "2027-02-01T00:00"}
}"#,
    }),
};
/// `schedule/end-behavior-without-end-time`
pub const END_BEHAVIOR_WITHOUT_END_TIME: RuleInfo = RuleInfo {
    code: "schedule/end-behavior-without-end-time",
    severity: Severity::Warning,
    summary: "`endBehavior` is set but `endTime` is not, so it never applies.",
    source: "API reference: SchedulingConfig.endBehavior (does not apply without endTime); inferred: the request is not rejected",
    json_schema: false,
    fix: Some("suggested: remove `endBehavior`"),
    example: example(Example {
        operation: Some(Operation::CreateJob),
        service_model: Edition::Latest,
        fail: r#"{
  "jobId": "firmware-2026-01",
  "targets": ["arn:aws:iot:eu-west-1:123456789012:thinggroup/pumps-line-a"],
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}",
  "schedulingConfig": {"startTime": "2026-01-10T02:00", "endBehavior": "STOP_ROLLOUT"}
}"#,
        pass: r#"{
  "jobId": "firmware-2026-01",
  "targets": ["arn:aws:iot:eu-west-1:123456789012:thinggroup/pumps-line-a"],
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}",
  "schedulingConfig": {"startTime": "2026-01-10T02:00", "endTime": "2026-01-31T02:00", "endBehavior": "STOP_ROLLOUT"}
}"#,
    }),
};

/// The rules of this family.
pub const RULES: &[RuleInfo] = &[
    TIME_FORMAT,
    TIME_NOT_CANONICAL,
    START_TOO_SOON,
    START_TOO_LATE,
    END_TOO_SOON,
    END_TOO_LATE,
    WINDOW_TOO_SHORT,
    WINDOW_TOO_LONG,
    END_BEHAVIOR_WITHOUT_END_TIME,
];

/// The canonical spelling of a scheduling time, `YYYY-MM-DDTHH:MM`, as a chrono format: the
/// reference that the tests hold [`format_time`] and [`canonical_prefix`] to.
#[cfg(test)]
pub const CANONICAL_FORMAT: &str = "%Y-%m-%dT%H:%M";

/// A scheduling time as read from the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParsedTime {
    /// Written exactly as `YYYY-MM-DDTHH:MM` (UTC).
    Canonical(DateTime<Utc>),
    /// A valid ISO 8601 date-time in another spelling, converted to UTC. Seconds are kept.
    Other(DateTime<Utc>),
}

impl ParsedTime {
    /// The instant in UTC, as the rules read it: at its whole minute (seconds and fractions
    /// dropped, as `schedule/time-not-canonical` says; the service schedules whole minutes), so a
    /// rollout at `22:00:30Z` is the 22:00 opening of a window.
    pub fn instant(self) -> DateTime<Utc> {
        match self {
            ParsedTime::Canonical(t) | ParsedTime::Other(t) => at_minute(t),
        }
    }
}

/// `t` without its seconds and fractions.
fn at_minute(t: DateTime<Utc>) -> DateTime<Utc> {
    t.with_second(0)
        .and_then(|t| t.with_nanosecond(0))
        .unwrap_or(t)
}

/// Reads a `schedulingConfig` / `scheduledJobRollouts` time. `None` when it is not a date-time.
///
/// Accepted: `YYYY-MM-DDTHH:MM` (canonical), optionally followed by `:SS` with an optional
/// fraction, and optionally by a zone (`Z` or `±HH:MM`). Every field has its fixed width, so
/// `2026-3-1T10:00` is rejected, and so are second 60 and hour 24.
pub fn parse_time(s: &str) -> Option<ParsedTime> {
    let b = s.as_bytes();
    let prefix_shape = b.get(..16).is_some_and(|p| {
        p.iter().enumerate().all(|(i, c)| match i {
            4 | 7 => *c == b'-',
            10 => *c == b'T',
            13 => *c == b':',
            _ => c.is_ascii_digit(),
        })
    });
    if !prefix_shape {
        return None;
    }
    let base = canonical_prefix(b)?.and_utc();
    let mut rest = &s[16..];
    if rest.is_empty() {
        return Some(ParsedTime::Canonical(base));
    }
    let mut t = base;
    if let Some(r) = rest.strip_prefix(':') {
        let seconds: i64 = r
            .get(..2)
            .filter(|d| d.bytes().all(|c| c.is_ascii_digit()))?
            .parse()
            .ok()?;
        if seconds > 59 {
            return None;
        }
        t = t.checked_add_signed(TimeDelta::seconds(seconds))?;
        rest = &r[2..];
        if let Some(r) = rest.strip_prefix('.') {
            let digits = r.bytes().take_while(u8::is_ascii_digit).count();
            if digits == 0 || digits > 9 {
                return None;
            }
            let nanos: i64 = format!("{:0<9}", &r[..digits]).parse().ok()?;
            t = t.checked_add_signed(TimeDelta::nanoseconds(nanos))?;
            rest = &r[digits..];
        }
    }
    let offset_minutes: i64 = match rest {
        "" | "Z" => 0,
        zone => {
            let (sign, hm) = match zone.as_bytes().first() {
                Some(b'+') => (1, &zone[1..]),
                Some(b'-') => (-1, &zone[1..]),
                _ => return None,
            };
            let hb = hm.as_bytes();
            if hb.len() != 5
                || hb.get(2) != Some(&b':')
                || !hb
                    .iter()
                    .enumerate()
                    .all(|(i, c)| i == 2 || c.is_ascii_digit())
            {
                return None;
            }
            let (h, m): (i64, i64) = (hm[..2].parse().ok()?, hm[3..].parse().ok()?);
            if h > 23 || m > 59 {
                return None;
            }
            sign * (h * 60 + m)
        }
    };
    t.checked_sub_signed(TimeDelta::minutes(offset_minutes))
        .map(ParsedTime::Other)
}

/// The date-time in the first 16 bytes, whose shape (`DDDD-DD-DDTDD:DD`, digits and separators)
/// the caller checked: the fields are read by position and chrono judges the calendar (the same
/// verdict as `parse_from_str` with `%Y-%m-%dT%H:%M`, without interpreting the format on
/// every call; a test compares the two).
fn canonical_prefix(b: &[u8]) -> Option<NaiveDateTime> {
    let n = |from: usize, to: usize| {
        b.get(from..to)
            .unwrap_or_default()
            .iter()
            .fold(0u32, |v, d| v * 10 + u32::from(d.wrapping_sub(b'0')))
    };
    let date = chrono::NaiveDate::from_ymd_opt(i32::try_from(n(0, 4)).ok()?, n(5, 7), n(8, 10))?;
    date.and_hms_opt(n(11, 13), n(14, 16), 0)
}

/// Formats an instant in the canonical `YYYY-MM-DDTHH:MM` form (seconds are dropped).
///
/// Written by hand from chrono's calendar fields, as chrono's `t.format("%Y-%m-%dT%H:%M")`
/// writes it (a test compares the two), without linking chrono's strftime machinery: a year
/// outside 0..=9999 gets a sign and at least four digits (`+10000`, `-0001`), as `%Y` does.
pub fn format_time(t: DateTime<Utc>) -> String {
    use std::fmt::Write;
    let mut out = String::with_capacity(16);
    let year = t.year();
    let _ = if (0..=9999).contains(&year) {
        write!(out, "{year:04}")
    } else {
        write!(out, "{year:+05}")
    };
    let _ = write!(
        out,
        "-{:02}-{:02}T{:02}:{:02}",
        t.month(),
        t.day(),
        t.hour(),
        t.minute()
    );
    out
}

/// The calendar date `s` names, read as chrono's `NaiveDate::parse_from_str(s, "%Y-%m-%d")`
/// reads it (a test compares the two), without linking chrono's format parser: whitespace
/// before each number is skipped; the year takes up to four digits, or any number of them after
/// a `+` or `-`; the month and the day take one or two digits; nothing may follow.
fn parse_ymd(s: &str) -> Option<NaiveDate> {
    /// The leading ASCII digits of `s`, at least one and at most `max`, as a number.
    fn digits(s: &str, max: usize) -> Option<(&str, i64)> {
        let n = s.bytes().take(max).take_while(u8::is_ascii_digit).count();
        if n == 0 {
            return None;
        }
        let (number, rest) = s.split_at(n);
        let value = number.bytes().try_fold(0i64, |v, d| {
            v.checked_mul(10)?.checked_add(i64::from(d - b'0'))
        })?;
        Some((rest, value))
    }
    let s = s.trim_start();
    let (s, year) = if let Some(r) = s.strip_prefix('-') {
        let (r, v) = digits(r, usize::MAX)?;
        (r, v.checked_neg()?)
    } else if let Some(r) = s.strip_prefix('+') {
        digits(r, usize::MAX)?
    } else {
        digits(s, 4)?
    };
    let (s, month) = digits(s.strip_prefix('-')?.trim_start(), 2)?;
    let (s, day) = digits(s.strip_prefix('-')?.trim_start(), 2)?;
    if !s.is_empty() {
        return None;
    }
    NaiveDate::from_ymd_opt(
        i32::try_from(year).ok()?,
        u32::try_from(month).ok()?,
        u32::try_from(day).ok()?,
    )
}

/// Reads one time member, reporting format problems. Returns the instant when it is usable.
pub(crate) fn read_time(
    ctx: &mut Ctx<'_>,
    parent: Object<'_>,
    name: &str,
    pointer: &dyn Fn() -> String,
) -> Option<(DateTime<Utc>, (usize, usize))> {
    let (s, span) = string(parent, name)?;
    match parse_time(&s) {
        Some(ParsedTime::Canonical(t)) => Some((t, span)),
        Some(ParsedTime::Other(t)) => {
            let whole_minute = t.timestamp() % 60 == 0 && t.timestamp_subsec_nanos() == 0;
            let seconds = if whole_minute {
                ""
            } else {
                " (the service schedules whole minutes; seconds dropped)"
            };
            // Only `Z` (or no zone) with zero seconds keeps the instant for certain; an offset is
            // converted on our reading that the canonical form is UTC.
            let zone = s.get(16..).unwrap_or("");
            let utc_written =
                !zone.contains(['+', '-']) || zone.ends_with("+00:00") || zone.ends_with("-00:00");
            let applicability = if whole_minute && utc_written {
                Applicability::Safe
            } else {
                Applicability::Suggested
            };
            let canonical = format_time(t);
            ctx.report(
                &TIME_NOT_CANONICAL,
                pointer(),
                span,
                format!(
                    "`{name}` {} is not in the documented form YYYY-MM-DDTHH:MM; read as {canonical} UTC{seconds}",
                    text::quote(&s),
                ),
                Some(format!("write \"{canonical}\" (UTC, no seconds, no zone)")),
            )
            .fix(Fix::replace(
                format!("write \"{canonical}\""),
                applicability,
                span.0..span.1,
                format!("\"{canonical}\""),
            ));
            // The rules read it as the message says: at its whole minute.
            Some((at_minute(t), span))
        }
        None => {
            ctx.report(
                &TIME_FORMAT,
                pointer(),
                span,
                format!(
                    "`{name}` {} is not a date and time{}",
                    text::quote(&s),
                    why_not(&s)
                ),
                Some("write the time in UTC as YYYY-MM-DDTHH:MM, e.g. \"2027-03-01T02:00\"".into()),
            );
            None
        }
    }
}

/// A more precise reason for common mistakes.
fn why_not(s: &str) -> String {
    let date = s.get(..10).unwrap_or("");
    // Only a date-shaped prefix (digits and two dashes) is judged as a calendar date.
    if date.len() == 10
        && date.bytes().all(|b| b.is_ascii_digit() || b == b'-')
        && parse_ymd(date).is_none()
        && date.bytes().filter(|b| *b == b'-').count() == 2
    {
        return format!(": {date} is not a calendar date");
    }
    let date_part = s.split('T').next().unwrap_or("");
    if date_part.len() < 10
        && date_part.split('-').count() == 3
        && date_part.bytes().all(|b| b.is_ascii_digit() || b == b'-')
    {
        return ": the month and the day take two digits each (YYYY-MM-DD)".into();
    }
    if let Some(hour) = s.get(11..13)
        && hour.parse::<u32>().is_ok_and(|h| h > 23)
    {
        return format!(": hour {hour} is out of range 00-23");
    }
    if s.len() == 10 && parse_ymd(s).is_some() {
        return ": the time of day is missing".into();
    }
    String::new()
}

pub(crate) fn check(ctx: &mut Ctx<'_>, view: &View<'_>) -> Times {
    // Templates have no schedulingConfig (model/unknown-member reports one).
    if !matches!(ctx.operation, Operation::CreateJob | Operation::DescribeJob) {
        return Times::default();
    }
    let Some(config) = view.scheduling else {
        return Times::default();
    };
    let base = view.at("/schedulingConfig");
    let start = read_time(ctx, config, "startTime", &|| format!("{base}/startTime"));
    let end = read_time(ctx, config, "endTime", &|| format!("{base}/endTime"));
    let times = Times {
        start: start.map(|(t, _)| t),
        end: end.map(|(t, _)| t),
    };
    if config.has("endBehavior") && !config.has("endTime") {
        let index = config
            .members()
            .enumerate()
            .filter(|(_, m)| m.name_is("endBehavior"))
            .map(|(i, _)| i)
            .last();
        let removal = index.map(|i| remove_member(config, i, ctx.text()));
        ctx.report(
            &END_BEHAVIOR_WITHOUT_END_TIME,
            format!("{base}/endBehavior"),
            super::span_of(config, "endBehavior"),
            "`endBehavior` has no effect without `endTime`",
            Some("add `endTime`, or remove `endBehavior`".into()),
        )
        .fix_opt(removal.map(|r| {
            Fix::replace(
                "remove `endBehavior`",
                Applicability::Suggested,
                r.0..r.1,
                "",
            )
        }));
    }
    // Times relative to now only make sense for a request about to be sent.
    if ctx.operation != Operation::CreateJob {
        return times;
    }
    let now = ctx.now;
    let soonest = now
        .checked_add_signed(TimeDelta::minutes(30))
        .unwrap_or(DateTime::<Utc>::MAX_UTC);
    let horizon = |months: u32| {
        now.checked_add_months(Months::new(months))
            .unwrap_or(DateTime::<Utc>::MAX_UTC)
    };
    // Formatted only for a message.
    let earliest = || format_time(round_up(soonest));
    if let Some((t, span)) = start {
        if t < soonest {
            let earliest = earliest();
            ctx.report(
                &START_TOO_SOON,
                format!("{base}/startTime"),
                span,
                format!(
                    "`startTime` {}{} must be at least 30 minutes from now ({} UTC), i.e. {earliest} or later",
                    format_time(t),
                    if t < now { " is in the past; it" } else { "" },
                    format_time(now),
                ),
                Some(format!("move `startTime` to {earliest} or later")),
            )
            .fix(Fix::replace(
                format!("start at {earliest}"),
                Applicability::Suggested,
                span.0..span.1,
                format!("\"{earliest}\""),
            ));
        } else if t > horizon(12) {
            ctx.report(
                &START_TOO_LATE,
                format!("{base}/startTime"),
                span,
                format!(
                    "`startTime` {} is more than a year ahead; the latest allowed is {} (now is {} UTC)",
                    format_time(t),
                    format_time(horizon(12)),
                    format_time(now)
                ),
                None,
            );
        }
    }
    if let Some((t, span)) = end {
        if t < soonest {
            let earliest = earliest();
            ctx.report(
                &END_TOO_SOON,
                format!("{base}/endTime"),
                span,
                format!(
                    "`endTime` {}{} must be at least 30 minutes from now ({} UTC), i.e. {earliest} or later",
                    format_time(t),
                    if t < now { " is in the past; it" } else { "" },
                    format_time(now),
                ),
                None,
            );
        } else if t > horizon(24) {
            ctx.report(
                &END_TOO_LATE,
                format!("{base}/endTime"),
                span,
                format!(
                    "`endTime` {} is more than two years ahead; the latest allowed is {} (now is {} UTC)",
                    format_time(t),
                    format_time(horizon(24)),
                    format_time(now)
                ),
                None,
            );
        }
    }
    if let (Some((s, _)), Some((e, span))) = (start, end) {
        let gap = e - s;
        if gap < TimeDelta::minutes(30) {
            let later = s
                .checked_add_signed(TimeDelta::minutes(30))
                .unwrap_or(DateTime::<Utc>::MAX_UTC);
            ctx.report(
                &WINDOW_TOO_SHORT,
                format!("{base}/endTime"),
                span,
                format!(
                    "`endTime` {} must be at least 30 minutes after `startTime` {}; {}",
                    format_time(e),
                    format_time(s),
                    if gap < TimeDelta::zero() {
                        "it is before it".to_string()
                    } else {
                        format!("the gap is {} minutes", gap.num_minutes())
                    }
                ),
                Some(format!("set `endTime` to {} or later", format_time(later))),
            );
        } else if s
            .checked_add_months(Months::new(24))
            .is_some_and(|limit| e > limit)
        {
            ctx.report(
                &WINDOW_TOO_LONG,
                format!("{base}/endTime"),
                span,
                format!(
                    "`endTime` {} is more than two years after `startTime` {}",
                    format_time(e),
                    format_time(s)
                ),
                None,
            );
        }
    }
    times
}

fn round_up(t: DateTime<Utc>) -> DateTime<Utc> {
    let rem = t.timestamp().rem_euclid(60);
    if rem == 0 && t.timestamp_subsec_nanos() == 0 {
        t
    } else {
        t.checked_add_signed(
            TimeDelta::seconds(60 - rem)
                - TimeDelta::nanoseconds(t.timestamp_subsec_nanos().into()),
        )
        .unwrap_or(t)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Reading the canonical prefix by position agrees with chrono's format parser on every
        /// string of the right shape, impossible dates and times included.
        #[test]
        fn canonical_prefix_matches_chrono(
            y in 0u32..10000, mo in 0u32..100, d in 0u32..100, h in 0u32..100, mi in 0u32..100,
        ) {
            let s = format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}");
            let ours = canonical_prefix(s.as_bytes());
            let theirs = NaiveDateTime::parse_from_str(&s, CANONICAL_FORMAT).ok();
            prop_assert_eq!(ours, theirs, "{}", s);
        }
    }

    proptest! {
        /// `parse_ymd` accepts and rejects what chrono's `%Y-%m-%d` parser does, with the same
        /// date: strings of digits, signs, separators, ASCII and Unicode whitespace and a few
        /// other characters, and dates with odd widths and whitespace.
        #[test]
        fn parse_ymd_matches_chrono_on_any_text(s in "[0-9+\\-T: \t\u{85}\u{3000}aZé]{0,14}") {
            prop_assert_eq!(parse_ymd(&s), NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok(), "{:?}", s);
        }

        #[test]
        fn parse_ymd_matches_chrono_on_dates(
            sign in "[+\\-]?",
            y in 0u32..300_000,
            mo in 0u32..14,
            d in 0u32..33,
            widths in (0usize..6, 0usize..3, 0usize..3),
            spaces in "[ \t]{0,2}",
            tail in "(| |x|-|0)",
        ) {
            let s = format!(
                "{spaces}{sign}{y:0w0$}-{spaces}{mo:0w1$}-{d:0w2$}{tail}",
                w0 = widths.0, w1 = widths.1, w2 = widths.2
            );
            prop_assert_eq!(parse_ymd(&s), NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok(), "{:?}", s);
        }

        /// `format_time` writes what chrono's `format(CANONICAL_FORMAT)` writes, over chrono's
        /// whole range (signed years, leap days, leap seconds) and densely over 1970..2199.
        #[test]
        fn format_time_matches_chrono(
            seconds in DateTime::<Utc>::MIN_UTC.timestamp()..=DateTime::<Utc>::MAX_UTC.timestamp(),
            near in 0i64..7_258_118_400,
            nanos in prop_oneof![Just(0u32), 0u32..2_000_000_000],
        ) {
            for s in [seconds, near] {
                if let Some(t) = DateTime::from_timestamp(s, nanos) {
                    prop_assert_eq!(format_time(t), t.format(CANONICAL_FORMAT).to_string());
                }
            }
        }
    }

    #[test]
    fn chrono_agreement_edges() {
        for s in [
            "2026-02-29",
            "2028-02-29",
            "2026-3-1",
            "+2026-03-01",
            "-0001-12-31",
            "+-2026-03-01",
            "- 2026-03-01",
            "2026- 03- 01",
            " 2026-03-01",
            "2026-03-01 ",
            "20260-1-01",
            "2026-003-01",
            "99999999999999999999-01-01",
            "-9223372036854775808-01-01",
            "0000-01-01",
            "",
            "2026-03-01T10:00",
            "2026\u{3000}-03-01",
            "\u{85}2026-03-01",
        ] {
            assert_eq!(
                parse_ymd(s),
                NaiveDate::parse_from_str(s, "%Y-%m-%d").ok(),
                "{s:?}"
            );
        }
        for t in [
            DateTime::<Utc>::MIN_UTC,
            DateTime::<Utc>::MAX_UTC,
            DateTime::<Utc>::UNIX_EPOCH,
            "0000-01-01T00:30:00Z".parse().unwrap(),
            "-0001-12-31T23:00:00Z".parse().unwrap(),
            "+10000-01-01T00:59:00Z".parse().unwrap(),
            "0999-12-31T23:59:60.5Z".parse().unwrap(),
        ] {
            assert_eq!(
                format_time(t),
                t.format(CANONICAL_FORMAT).to_string(),
                "{t:?}"
            );
        }
    }

    #[test]
    fn canonical_prefix_edges() {
        for s in [
            "2028-02-29T23:59",
            "2027-02-29T00:00",
            "2026-12-31T24:00",
            "0000-01-01T00:00",
            "9999-12-31T23:59",
            "2026-00-10T00:00",
        ] {
            assert_eq!(
                canonical_prefix(s.as_bytes()),
                NaiveDateTime::parse_from_str(s, CANONICAL_FORMAT).ok(),
                "{s}"
            );
        }
    }
}
