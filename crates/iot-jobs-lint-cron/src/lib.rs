//! # iot-jobs-lint-cron
//!
//! The cron dialect of AWS scheduled expressions, as accepted by AWS IoT Jobs for the
//! `startTime` of a recurring maintenance window (`SchedulingConfig.maintenanceWindows`), with
//! a parser that explains every mistake it finds and an occurrence engine.
//!
//! The dialect is the one described on the Amazon EventBridge reference page for cron
//! expressions (the "Schedule expressions / cron expressions" page of the EventBridge user
//! guide). Everything below is our own description of it, including the choices we made where
//! that page says nothing.
//!
//! ## Shape
//!
//! `cron(Minutes Hours Day-of-month Month Day-of-week Year)`: the literal lower-case `cron(`,
//! six fields separated by one or more spaces or tabs, and `)`. Spaces or tabs just inside the
//! parentheses are fine; anything outside them, including whitespace, is an error. There is no
//! seconds field: nothing can be scheduled more finely than a minute.
//!
//! All times are **UTC**. There is no time-zone field and no daylight-saving adjustment.
//!
//! | # | field        | values                              | operators                 |
//! |---|--------------|-------------------------------------|---------------------------|
//! | 1 | Minutes      | 0-59                                | `,` `-` `*` `/`           |
//! | 2 | Hours        | 0-23                                | `,` `-` `*` `/`           |
//! | 3 | Day-of-month | 1-31                                | `,` `-` `*` `/` `?` `L` `W` |
//! | 4 | Month        | 1-12 or `JAN`-`DEC`                 | `,` `-` `*` `/`           |
//! | 5 | Day-of-week  | 1-7 or `SUN`-`SAT` (1 is Sunday, 7 is Saturday) | `,` `-` `*` `?` `L` `#` |
//! | 6 | Year         | 1970-2199                           | `,` `-` `*` `/`           |
//!
//! Names are three letters and case does not matter (`mon`, `Jan`); the letters `L` and `W`
//! are case-insensitive too.
//!
//! ## Operators
//!
//! * `*` — every value of the field.
//! * `a,b,c` — a list; each item can be any of the forms below (except where noted).
//! * `a-b` — every value from `a` to `b` inclusive; `a` must not be above `b`. Ranges never wrap:
//!   `FRI-MON` or `22-2` are errors, write `FRI-SAT,SUN-MON` or `22-23,0-2`.
//! * `x/n` — a step: starting at `x`, every `n`-th value. `x` can be `*` (start at the field's
//!   minimum), a single value (go on to the field's maximum: `0/15` is 0, 15, 30, 45) or a range
//!   (`11-23/2`). `n` is at least 1 and at most the field's largest step: 59 for minutes, 23 for
//!   hours, 31 for day-of-month, 12 for month, 229 for year. Day-of-week takes no step.
//! * `?` — "no specific value": exactly one of the two day fields must be `?`, and it must be
//!   the whole field. `*` in both, values in both, or `?` in both are errors.
//! * `L` in day-of-month — the last day of the month. `LW` — the last Monday-to-Friday of the
//!   month. `L-n` (days before the end) is not part of the dialect and is rejected.
//! * `nW` in day-of-month — the Monday-to-Friday nearest to day `n`, never leaving the month:
//!   a Saturday moves back to Friday (or forward to Monday the 3rd when `n` is the 1st), a
//!   Sunday moves forward to Monday (or back to Friday when `n` is the last day). In a month
//!   without day `n` (`31W` in April) it does not fire at all that month.
//! * `L` alone in day-of-week — the last day of the week, Saturday (7). `nL` — the last weekday
//!   `n` of the month (`6L`: last Friday).
//! * `n#k` in day-of-week — the `k`-th weekday `n` of the month, `k` in 1-5 (`6#3`: third
//!   Friday). A month without a fifth such weekday is skipped.
//!
//! `L`, `LW`, `nW`, `nL` and `n#k` must each be the only item of their field.
//!
//! ## Choices where the reference page is silent
//!
//! We lean towards rejecting what the service might reject:
//!
//! * Whitespace before `cron(` or after `)`, an upper-case `CRON(`, or `cron (` are errors.
//! * Fields are separated by spaces and tabs only; any other character (a newline, a
//!   no-break space) inside the parentheses is a syntax error in the field that holds it.
//! * Wrapping ranges (`22-2`, `FRI-MON`) are errors with a two-range list as the fix.
//! * No `/` in day-of-week. The wildcard table of the EventBridge cron reference ("Cron
//!   expressions reference", <https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-cron-expressions.html>,
//!   and the same table on "Using cron and rate expressions to schedule rules in Amazon
//!   EventBridge", `eb-scheduled-rule-pattern.html`) gives `/` to Minutes, Hours, Day-of-month,
//!   Month and Year but not to Day-of-week, whose wildcards are `,` `-` `*` `?` `L` `#`. Quartz
//!   (below) does accept it, so the service might too, but the page is the contract: `MON/2`
//!   is a [`codes::OPERATOR_PLACEMENT`] error whose suggestion lists the days the step would
//!   select (`MON,WED,FRI`), since a step there is often meant as "every other week", which no
//!   cron expression can say.
//! * Step bounds come from Quartz, whose `CronExpression` this dialect evidently descends from
//!   (the `?`, `L`, `W`, `#` operators and the 1970-2199 years are all Quartz's):
//!   `quartz-scheduler/quartz`, `quartz/src/main/java/org/quartz/CronExpression.java`, method
//!   `checkIncrementRange`, rejects an increment above 59 in minutes, 23 in hours, 31 in
//!   day-of-month, 12 in month and 7 in day-of-week, and sets no bound for the year. We take
//!   those maxima as they are, so a minute step of 60 and an hour step of 24 are errors, and
//!   `0/60` gets the suggestion `0`, the only minute it selects. Quartz
//!   checks only `*/n` and `x/n`; we apply the same bound to `a-b/n`. For the year, where
//!   Quartz is silent, the largest step is 229, the span of the field: any larger step can only
//!   ever select its start. A step of `0` is an error everywhere. The EventBridge page says
//!   nothing about step bounds.
//! * Names must be exactly three letters (`MONDAY` is rejected with a hint); leading zeros in
//!   numbers (`05`) are accepted; `*` may appear inside a list (`*,5` means every value).
//! * `L-n` is rejected; `L`, `LW`, `nW`, `nL` and `n#k` cannot be combined with other items;
//!   `nL` and `n#k` accept day names (`FRIL`, `FRI#3`); `W` only follows a plain day number.
//! * `nW` for a day the month does not have (`31W` in April) does not fire that month; `n#5`
//!   does not fire in a month without a fifth such weekday.
//! * Both day fields `*` is an error like any other "both set" case.
//!
//! [`parse`] also warns ([`Level::Warning`]) about a minutes field that selects every minute
//! and about day-of-month values that skip some selected months; see [`RULES`] for every code.
//!
//! ## Suggestions
//!
//! A [`Problem`] whose fix is a mechanical edit carries a [`Suggestion`]: the whole corrected
//! expression (to replace the whole input) and an [`Applicability`]. `Safe` suggestions keep
//! the meaning and are certain: the missing `cron(...)` wrapper, `CRON(` or `cron (`,
//! whitespace around the expression, a missing `)`, commas or a no-break space between
//! fields, spaces inside a list (`8, 20`), an empty list item (`1,,2`), `MONDAY` → `MON` and
//! `JANUARY` → `JAN`, a Unix `@daily` nickname, and an `n#k` item written in day-of-month when
//! day-of-week is `?`. Every other suggestion is `Suggested`, because it changes the meaning or
//! guesses the intent: a Unix five-field cron in this dialect, text after `)`, a leading Quartz
//! seconds field, a rate or `at(...)` turned into a cron, `?` replaced or dropped, both day
//! fields resolved to one `?`, wrapping ranges split into two, a reversed year range swapped, a
//! step in day-of-week or a too-large step replaced by the values it selects, list items
//! dropped around `L`, `nW`, `nL` or `n#k`, `0` → `SUN` in day-of-week, `24` → `0` in hours, a
//! two-digit year, day `32` → `L`, and the warnings' fixes (minute `0`, `L` for the last day).
//! The help text says the same in prose and, where it shows a corrected expression, shows the
//! suggestion's.
//!
//! ## Existing crates
//!
//! No published crate implements this dialect exactly, so the parser and the engine are our
//! own. The `cron` crate wants a leading seconds field and does not require `?` in exactly one
//! day field; `croner` follows the Unix/OCPS grammar (Sunday = 0, `?` is only a wildcard, no
//! mandatory year field). Both would accept expressions AWS rejects and the reverse.
//!
//! ## Example
//!
//! ```
//! use chrono::{TimeZone, Utc};
//! use iot_jobs_lint_cron::parse;
//!
//! let parsed = parse("cron(0 9 ? * 2#1 *)"); // 09:00 UTC on the first Monday of each month
//! let expr = parsed.expression.expect("valid");
//! let from = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap();
//! let next: Vec<_> = expr.occurrences(from).take(2).collect();
//! assert_eq!(next[0], Utc.with_ymd_and_hms(2026, 1, 5, 9, 0, 0).unwrap());
//! assert_eq!(next[1], Utc.with_ymd_and_hms(2026, 2, 2, 9, 0, 0).unwrap());
//! ```
//!
//! Everything here is pure: no clock, no I/O, no threads, and no panics on any input.

#![deny(missing_docs)]
#![forbid(unsafe_code)]
// No panic by construction: outside tests, no unwrap, expect, panic, unreachable or unchecked
// indexing (modules that index bytes in hot loops after their own bounds checks say so and
// allow `indexing_slicing` alone; the fuzz targets in fuzz/ exercise them).
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::unreachable,
        clippy::todo,
        clippy::unimplemented,
        clippy::indexing_slicing
    )
)]

mod describe;
mod engine;
mod parse;
mod preview;
mod problem;
#[doc(hidden)]
pub mod sort;

pub use parse::{Parsed, parse};
pub use preview::{Merge, Window, WindowOccurrence, preview};
pub use problem::{Applicability, Level, Problem, RULES, Suggestion, codes};

use chrono::{DateTime, Datelike, NaiveDate, Timelike, Utc};
use engine::{Schedule, Tuple, days_in_month};
use std::fmt;
use std::iter::FusedIterator;
use std::str::FromStr;

/// A valid schedule expression: its source text and its compiled form.
///
/// Obtain one from [`parse`] (or `str::parse`, which fails with the problems).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct CronExpression {
    text: String,
    schedule: Schedule,
}

impl CronExpression {
    /// Like [`parse`], but also returns an expression whose only error is
    /// [`codes::NEVER_FIRES`], for callers that want to inspect such an expression (its
    /// [`never_fires`](Self::never_fires) is then `true` and it has no occurrences). Any other
    /// error gives `Err` with every problem; warnings are dropped on success.
    ///
    /// ```
    /// use iot_jobs_lint_cron::CronExpression;
    /// let feb30 = CronExpression::parse_allowing_never_fires("cron(0 0 30 2 ? *)").unwrap();
    /// assert!(feb30.never_fires());
    /// assert!(CronExpression::parse_allowing_never_fires("cron(0 0 30 2 *)").is_err());
    /// ```
    pub fn parse_allowing_never_fires(text: &str) -> Result<CronExpression, Vec<Problem>> {
        let (schedule, problems) = parse::parse_schedule(text);
        let only_never = problems
            .iter()
            .all(|p| p.level == Level::Warning || p.code == codes::NEVER_FIRES);
        match schedule {
            Some(schedule) if only_never => Ok(CronExpression {
                text: text.to_owned(),
                schedule,
            }),
            _ => Err(problems),
        }
    }

    /// The exact text this expression was parsed from.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The first minute matching the expression at or after `t`, or `None` if there is none up
    /// to 2199-12-31 23:59 UTC.
    ///
    /// A `t` with seconds (or sub-seconds) is first rounded up to the next whole minute. A `t`
    /// before 1970 searches from 1970-01-01 00:00 UTC. `None` also means "nothing in the
    /// future" when `t` is the current time, e.g. for a year range that has passed.
    pub fn next_at_or_after(&self, t: DateTime<Utc>) -> Option<DateTime<Utc>> {
        let found = self.schedule.next_tuple(round_up(t))?;
        to_datetime(found)
    }

    /// The expression in words, for a person reading a job file: `cron(0 22 ? * SAT *)` is
    /// "at 22:00 UTC, on Saturday", `cron(30 1 L * ? 2027)` is "at 01:30 UTC, on the last day of
    /// the month, in 2027". A part it cannot phrase is quoted as written.
    ///
    /// ```
    /// use iot_jobs_lint_cron::CronExpression;
    /// let e: CronExpression = "cron(0 2 ? * MON-FRI *)".parse().unwrap();
    /// assert_eq!(e.describe(), "at 02:00 UTC, on Monday to Friday");
    /// ```
    pub fn describe(&self) -> String {
        describe::describe(&self.text).unwrap_or_else(|| format!("`{}`", self.text))
    }

    /// Whether the expression fires at the minute that holds `t` (seconds are ignored): the same
    /// answer as `next_at_or_after` of that whole minute being that minute, without searching
    /// forward (which can cross two centuries for a sparse expression).
    ///
    /// ```
    /// use iot_jobs_lint_cron::CronExpression;
    /// use chrono::{TimeZone, Utc};
    /// let saturday_22 = CronExpression::parse_allowing_never_fires("cron(0 22 ? * SAT *)").unwrap();
    /// assert!(saturday_22.matches(Utc.with_ymd_and_hms(2026, 12, 12, 22, 0, 30).unwrap()));
    /// assert!(!saturday_22.matches(Utc.with_ymd_and_hms(2026, 12, 13, 22, 0, 0).unwrap()));
    /// ```
    pub fn matches(&self, t: DateTime<Utc>) -> bool {
        self.schedule
            .matches((t.year(), t.month(), t.day(), t.hour(), t.minute()))
    }

    /// Every occurrence at or after `t`, in order (same rounding as
    /// [`next_at_or_after`](Self::next_at_or_after)). The iterator ends after the last
    /// occurrence in 2199; each step costs about as much as one `next_at_or_after` call.
    pub fn occurrences(&self, t: DateTime<Utc>) -> Occurrences {
        Occurrences {
            schedule: self.schedule,
            cursor: Some(round_up(t)),
            day: None,
        }
    }

    /// True when the expression cannot fire at any minute from 1970 to 2199 (for example
    /// `cron(0 0 30 2 ? *)` or `cron(0 0 31 4,6,9,11 ? *)`). [`parse`] reports such expressions
    /// as [`codes::NEVER_FIRES`] and returns no expression, so only
    /// [`parse_allowing_never_fires`](Self::parse_allowing_never_fires) yields one for which
    /// this is `true`. The check is bounded: at most 230 years × 12 months are visited.
    pub fn never_fires(&self) -> bool {
        self.schedule.never_fires()
    }
}

impl fmt::Display for CronExpression {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl FromStr for CronExpression {
    type Err = Vec<Problem>;

    /// Parses with [`parse`]; on failure returns every problem (warnings included).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let parsed = parse(s);
        parsed.expression.ok_or(parsed.problems)
    }
}

impl serde::Serialize for CronExpression {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.text)
    }
}

/// Iterator over the occurrences of a [`CronExpression`], from
/// [`CronExpression::occurrences`]. Owns a copy of the compiled schedule.
#[derive(Debug, Clone)]
pub struct Occurrences {
    schedule: Schedule,
    cursor: Option<Tuple>,
    /// The day (year, month, day) of the last occurrence: known to match, so the next one on the
    /// same day is found from the hour and minute sets alone, without working out the month's
    /// matching days again (an expression that fires every minute is walked minute by minute).
    day: Option<(i32, u32, u32)>,
}

impl Iterator for Occurrences {
    type Item = DateTime<Utc>;

    fn next(&mut self) -> Option<DateTime<Utc>> {
        let cursor = self.cursor?;
        let (y, mo, d, h, mi) = cursor;
        let same_day = self
            .day
            .filter(|day| *day == (y, mo, d))
            .and_then(|_| self.schedule.in_day(Some((h, mi))))
            .map(|(hour, minute)| (y, mo, d, hour, minute));
        let found = same_day.or_else(|| self.schedule.next_tuple(cursor));
        self.day = found.map(|(y, mo, d, _, _)| (y, mo, d));
        self.cursor = found.map(add_minute);
        to_datetime(found?)
    }
}

impl FusedIterator for Occurrences {}

/// `t` as a minute tuple, rounded up to a whole minute.
fn round_up(t: DateTime<Utc>) -> Tuple {
    let tuple = (t.year(), t.month(), t.day(), t.hour(), t.minute());
    if t.second() != 0 || t.nanosecond() != 0 {
        add_minute(tuple)
    } else {
        tuple
    }
}

/// The next minute after `t`.
fn add_minute((y, mo, d, h, mi): Tuple) -> Tuple {
    if mi < 59 {
        (y, mo, d, h, mi + 1)
    } else if h < 23 {
        (y, mo, d, h + 1, 0)
    } else if d < days_in_month(y, mo) {
        (y, mo, d + 1, 0, 0)
    } else if mo < 12 {
        (y, mo + 1, 1, 0, 0)
    } else {
        (y.saturating_add(1), 1, 1, 0, 0)
    }
}

fn to_datetime((y, mo, d, h, mi): Tuple) -> Option<DateTime<Utc>> {
    Some(
        NaiveDate::from_ymd_opt(y, mo, d)?
            .and_hms_opt(h, mi, 0)?
            .and_utc(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, mo, d, h, mi, 0).unwrap()
    }

    #[test]
    fn seconds_round_up_and_rollover() {
        let e: CronExpression = "cron(0 0 1 1 ? *)".parse().unwrap();
        let t = Utc.with_ymd_and_hms(2026, 12, 31, 23, 59, 30).unwrap();
        assert_eq!(e.next_at_or_after(t), Some(at(2027, 1, 1, 0, 0)));
        let exact = at(2027, 1, 1, 0, 0);
        assert_eq!(e.next_at_or_after(exact), Some(exact));
    }

    #[test]
    fn before_1970_and_after_2199() {
        let e: CronExpression = "cron(0 0 1 1 ? *)".parse().unwrap();
        assert_eq!(
            e.next_at_or_after(at(1900, 5, 5, 5, 5)),
            Some(at(1970, 1, 1, 0, 0))
        );
        assert_eq!(e.next_at_or_after(at(2199, 1, 1, 0, 1)), None);
        assert_eq!(e.next_at_or_after(at(2200, 1, 1, 0, 0)), None);
        assert_eq!(e.next_at_or_after(DateTime::<Utc>::MAX_UTC), None);
        assert_eq!(
            e.next_at_or_after(DateTime::<Utc>::MIN_UTC),
            Some(at(1970, 1, 1, 0, 0))
        );
    }

    #[test]
    fn occurrences_end_in_2199() {
        let e: CronExpression = "cron(0 0 1 1 ? 2198-2199)".parse().unwrap();
        let all: Vec<_> = e.occurrences(at(2000, 1, 1, 0, 0)).collect();
        assert_eq!(all, vec![at(2198, 1, 1, 0, 0), at(2199, 1, 1, 0, 0)]);
        let e: CronExpression = "cron(59 23 31 12 ? 2199)".parse().unwrap();
        let mut it = e.occurrences(at(2199, 12, 31, 23, 59));
        assert_eq!(it.next(), Some(at(2199, 12, 31, 23, 59)));
        assert_eq!(it.next(), None);
        assert_eq!(it.next(), None);
    }

    #[test]
    fn display_and_serialize_keep_the_text() {
        let e: CronExpression = "cron( 0 10 * * ? * )".parse().unwrap();
        assert_eq!(e.to_string(), "cron( 0 10 * * ? * )");
        assert_eq!(e.text(), "cron( 0 10 * * ? * )");
    }

    #[test]
    fn from_str_returns_problems() {
        let err = "cron(0 0 30 2 ? *)".parse::<CronExpression>().unwrap_err();
        assert_eq!(err[0].code, codes::NEVER_FIRES);
    }
}
