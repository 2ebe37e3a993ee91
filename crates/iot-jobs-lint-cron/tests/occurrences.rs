//! Hand-checked occurrences: the AWS documentation examples, the field-report inputs and the
//! calendar edge cases (leap day, month end, `LW`, `nW` at month edges, bounded years).
//!
//! Weekdays used below: 2026-01-01 is a Thursday; 2026-08-01 a Saturday; 2026-05-31 and
//! 2027-10-31 are Sundays; 2002-01-31 is a Thursday, 2002-03-31 a Sunday.

use chrono::{DateTime, TimeZone, Utc};
use iot_jobs_lint_cron::{CronExpression, Level, parse};

fn at(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, mo, d, h, mi, 0).unwrap()
}

fn expr(text: &str) -> CronExpression {
    let parsed = parse(text);
    assert!(
        !parsed.problems.iter().any(|p| p.level == Level::Error),
        "{text}: {:?}",
        parsed.problems
    );
    parsed.expression.expect("valid expression")
}

fn next(text: &str, from: DateTime<Utc>, n: usize) -> Vec<DateTime<Utc>> {
    expr(text).occurrences(from).take(n).collect()
}

const JAN_1_2026: (i32, u32, u32, u32, u32) = (2026, 1, 1, 0, 0);

fn start() -> DateTime<Utc> {
    let (y, mo, d, h, mi) = JAN_1_2026;
    at(y, mo, d, h, mi)
}

#[test]
fn daily_at_ten() {
    assert_eq!(
        next("cron(0 10 * * ? *)", start(), 3),
        [
            at(2026, 1, 1, 10, 0),
            at(2026, 1, 2, 10, 0),
            at(2026, 1, 3, 10, 0)
        ]
    );
}

#[test]
fn daily_at_twelve_fifteen() {
    assert_eq!(
        next("cron(15 12 * * ? *)", at(2026, 1, 1, 12, 16), 3),
        [
            at(2026, 1, 2, 12, 15),
            at(2026, 1, 3, 12, 15),
            at(2026, 1, 4, 12, 15)
        ]
    );
}

#[test]
fn weekdays_at_six_pm() {
    // Thu 1, Fri 2, (weekend), Mon 5, Tue 6.
    assert_eq!(
        next("cron(0 18 ? * MON-FRI *)", start(), 4),
        [
            at(2026, 1, 1, 18, 0),
            at(2026, 1, 2, 18, 0),
            at(2026, 1, 5, 18, 0),
            at(2026, 1, 6, 18, 0)
        ]
    );
}

#[test]
fn first_of_month_at_eight() {
    assert_eq!(
        next("cron(0 8 1 * ? *)", at(2026, 1, 1, 8, 1), 3),
        [
            at(2026, 2, 1, 8, 0),
            at(2026, 3, 1, 8, 0),
            at(2026, 4, 1, 8, 0)
        ]
    );
}

#[test]
fn every_fifteen_minutes() {
    let from = Utc.with_ymd_and_hms(2026, 1, 1, 0, 7, 30).unwrap();
    assert_eq!(
        next("cron(0/15 * * * ? *)", from, 4),
        [
            at(2026, 1, 1, 0, 15),
            at(2026, 1, 1, 0, 30),
            at(2026, 1, 1, 0, 45),
            at(2026, 1, 1, 1, 0)
        ]
    );
}

#[test]
fn every_ten_minutes_on_weekdays() {
    // Friday 2 January 2026, late evening: the weekend is skipped.
    assert_eq!(
        next("cron(0/10 * ? * MON-FRI *)", at(2026, 1, 2, 23, 45), 3),
        [
            at(2026, 1, 2, 23, 50),
            at(2026, 1, 5, 0, 0),
            at(2026, 1, 5, 0, 10)
        ]
    );
}

#[test]
fn every_five_minutes_in_office_hours() {
    assert_eq!(
        next("cron(0/5 8-17 ? * MON-FRI *)", at(2026, 1, 2, 17, 50), 3),
        [
            at(2026, 1, 2, 17, 50),
            at(2026, 1, 2, 17, 55),
            at(2026, 1, 5, 8, 0)
        ]
    );
}

#[test]
fn first_monday_at_nine() {
    assert_eq!(
        next("cron(0 9 ? * 2#1 *)", start(), 4),
        [
            at(2026, 1, 5, 9, 0),
            at(2026, 2, 2, 9, 0),
            at(2026, 3, 2, 9, 0),
            at(2026, 4, 6, 9, 0)
        ]
    );
}

#[test]
fn last_friday_in_2002_to_2005() {
    let text = "cron(15 10 ? * 6L 2002-2005)";
    assert_eq!(
        next(text, at(2002, 1, 1, 0, 0), 3),
        [
            at(2002, 1, 25, 10, 15),
            at(2002, 2, 22, 10, 15),
            at(2002, 3, 29, 10, 15)
        ]
    );
    // The last one, then nothing.
    assert_eq!(
        next(text, at(2005, 12, 1, 0, 0), 5),
        [at(2005, 12, 30, 10, 15)]
    );
    // Years in the past: parse accepts it (no clock), the caller sees no future occurrence.
    assert_eq!(expr(text).next_at_or_after(start()), None);
    assert!(!expr(text).never_fires());
}

#[test]
fn last_day_of_month() {
    assert_eq!(
        next("cron(0 0 L * ? *)", start(), 4),
        [
            at(2026, 1, 31, 0, 0),
            at(2026, 2, 28, 0, 0),
            at(2026, 3, 31, 0, 0),
            at(2026, 4, 30, 0, 0)
        ]
    );
    assert_eq!(
        next("cron(0 0 L 2 ? *)", at(2027, 3, 1, 0, 0), 2),
        [at(2028, 2, 29, 0, 0), at(2029, 2, 28, 0, 0)]
    );
}

#[test]
fn last_weekday_of_month() {
    // Jan 31 2026 is a Saturday, Feb 28 a Saturday, Mar 31 a Tuesday, May 31 a Sunday.
    assert_eq!(
        next("cron(0 12 LW * ? *)", start(), 5),
        [
            at(2026, 1, 30, 12, 0),
            at(2026, 2, 27, 12, 0),
            at(2026, 3, 31, 12, 0),
            at(2026, 4, 30, 12, 0),
            at(2026, 5, 29, 12, 0)
        ]
    );
}

#[test]
fn nearest_weekday_to_the_fifteenth() {
    // Feb 15 and Mar 15 2026 are Sundays (→ Monday 16); Aug 15 2026 is a Saturday (→ Friday 14).
    assert_eq!(
        next("cron(0 2 15W * ? *)", start(), 4),
        [
            at(2026, 1, 15, 2, 0),
            at(2026, 2, 16, 2, 0),
            at(2026, 3, 16, 2, 0),
            at(2026, 4, 15, 2, 0)
        ]
    );
    assert_eq!(
        next("cron(0 2 15W * ? *)", at(2026, 8, 1, 0, 0), 1),
        [at(2026, 8, 14, 2, 0)]
    );
}

#[test]
fn nearest_weekday_at_month_edges() {
    // 1W when the 1st is a Saturday: Monday the 3rd, not Friday in the previous month.
    assert_eq!(
        next("cron(0 0 1W 8 ? 2026)", start(), 2),
        [at(2026, 8, 3, 0, 0)]
    );
    // 31W when the 31st is a Sunday: the Friday before, not Monday in the next month.
    assert_eq!(
        next("cron(0 0 31W 5 ? 2026)", start(), 2),
        [at(2026, 5, 29, 0, 0)]
    );
    assert_eq!(
        next("cron(0 0 31W 10 ? 2027)", start(), 2),
        [at(2027, 10, 29, 0, 0)]
    );
    // 31W in a 30-day month: no 31st, so no occurrence that month (April is skipped).
    assert_eq!(
        next("cron(0 0 31W * ? *)", at(2026, 4, 1, 0, 0), 2),
        [at(2026, 5, 29, 0, 0), at(2026, 7, 31, 0, 0)]
    );
    let parsed = parse("cron(0 0 31W 4 ? *)");
    assert_eq!(parsed.problems[0].code, "cron/never-fires");
}

#[test]
fn field_report_inputs() {
    assert_eq!(
        next("cron(45 12 ? * 2-6 *)", start(), 3),
        [
            at(2026, 1, 1, 12, 45),
            at(2026, 1, 2, 12, 45),
            at(2026, 1, 5, 12, 45)
        ]
    );
    // Mon 5 and Wed 7 January, twice a day.
    assert_eq!(
        next("cron(0 8,20 ? * MON,WED *)", start(), 4),
        [
            at(2026, 1, 5, 8, 0),
            at(2026, 1, 5, 20, 0),
            at(2026, 1, 7, 8, 0),
            at(2026, 1, 7, 20, 0)
        ]
    );
    // Last Fridays of 2030: Jan 25, Feb 22, Mar 29.
    assert_eq!(
        next("cron(15 10 ? * 6L 2030-2031)", start(), 3),
        [
            at(2030, 1, 25, 10, 15),
            at(2030, 2, 22, 10, 15),
            at(2030, 3, 29, 10, 15)
        ]
    );
    assert_eq!(next("cron(15 10 ? * 6L 2030-2031)", start(), 100).len(), 24);
}

#[test]
fn leap_day_spans_decades() {
    assert_eq!(
        next("cron(0 0 29 2 ? *)", start(), 7),
        [
            at(2028, 2, 29, 0, 0),
            at(2032, 2, 29, 0, 0),
            at(2036, 2, 29, 0, 0),
            at(2040, 2, 29, 0, 0),
            at(2044, 2, 29, 0, 0),
            at(2048, 2, 29, 0, 0),
            at(2052, 2, 29, 0, 0)
        ]
    );
    // 2100 is not a leap year.
    assert_eq!(
        next("cron(0 0 29 2 ? *)", at(2097, 1, 1, 0, 0), 2),
        [at(2104, 2, 29, 0, 0), at(2108, 2, 29, 0, 0)]
    );
}

#[test]
fn never_fires_is_an_error_and_detectable() {
    for text in [
        "cron(0 0 30 2 ? *)",
        "cron(0 0 31 4,6,9,11 ? *)",
        "cron(0 0 29 2 ? 2025-2027)",
        "cron(0 0 ? 2 5#5 2026)",
    ] {
        let parsed = parse(text);
        assert!(parsed.expression.is_none(), "{text}");
        assert_eq!(parsed.problems.len(), 1, "{text}: {:?}", parsed.problems);
        assert_eq!(parsed.problems[0].code, "cron/never-fires", "{text}");
    }
}

#[test]
fn bounded_year_range_yields_fewer_than_seven() {
    assert_eq!(
        next("cron(0 12 1 1 ? 2027-2029)", start(), 7),
        [
            at(2027, 1, 1, 12, 0),
            at(2028, 1, 1, 12, 0),
            at(2029, 1, 1, 12, 0)
        ]
    );
}

#[test]
fn steps_lists_and_names() {
    // 11-23/2 → 11, 13, ..., 23.
    assert_eq!(
        next("cron(0 11-23/2 * * ? *)", start(), 7).last(),
        Some(&at(2026, 1, 1, 23, 0))
    );
    // Saturday via `L` alone in day-of-week; 3 January 2026 is the first Saturday.
    assert_eq!(
        next("cron(0 0 ? * L *)", start(), 2),
        [at(2026, 1, 3, 0, 0), at(2026, 1, 10, 0, 0)]
    );
    // Lower-case names and letters.
    assert_eq!(
        next("cron(0 0 ? jan-feb fri#2 2026)", start(), 3),
        [at(2026, 1, 9, 0, 0), at(2026, 2, 13, 0, 0)]
    );
    assert_eq!(
        next("cron(0 0 lw dec ? 2026)", start(), 1),
        [at(2026, 12, 31, 0, 0)]
    );
    // Whitespace just inside the parentheses and tabs between fields.
    assert_eq!(
        next("cron(  0\t10 *  * ?   *\t)", start(), 1),
        [at(2026, 1, 1, 10, 0)]
    );
}

#[test]
fn every_fifth_week_day_skips_short_months() {
    // Fifth Thursday (5#5): January 2026 has one (29th), February does not.
    assert_eq!(
        next("cron(0 0 ? * 5#5 *)", start(), 3),
        [
            at(2026, 1, 29, 0, 0),
            at(2026, 4, 30, 0, 0),
            at(2026, 7, 30, 0, 0)
        ]
    );
}
