//! `cron_occurrences`: an expression built from structured fuzz data (every field from small
//! token sets: values, ranges, steps, lists, `*`, `?`, names in any case, `L`, `LW`, `nW`, `nL`,
//! `n#k`, years near the start time), parsed, and its occurrences from a start time compared
//! with a brute-force oracle written from the dialect rules (crates/iot-jobs-lint-cron/src/lib.rs),
//! not from the engine.
//!
//! The oracle walks every day of a bounded window (800 days from the start, never past
//! 2199-12-31), checks the day against year, month and the day field, and on a matching day
//! lists every (hour, minute) of the hour and minute sets at or after the start: the same as
//! testing each minute of the window, without visiting the minutes of days that cannot match.
//! It stops after 40 occurrences. The engine's occurrences up to the end of what the oracle
//! saw must be exactly the oracle's; `next_at_or_after` must be the first of them.
//!
//! Also checked: both day fields `?`, or both set, is `cron/day-fields` and nothing parses;
//! otherwise the expression parses, or its only error is `cron/never-fires` and then the oracle
//! finds nothing either; `cron/every-minute` is reported exactly when the minutes select all 60.
#![no_main]
use chrono::{DateTime, Datelike, Days, NaiveDate, TimeZone, Timelike, Utc, Weekday};
use iot_jobs_lint_cron::{CronExpression, Level, codes, parse};
use libfuzzer_sys::arbitrary::{self, Arbitrary};
use libfuzzer_sys::fuzz_target;

const MONTHS: [&str; 12] = [
    "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC",
];
const DAYS: [&str; 7] = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];
const WINDOW_DAYS: u64 = 800;
const MAX_OCCURRENCES: usize = 40;

#[derive(Arbitrary, Debug)]
enum Simple {
    Star,
    Value(u8),
    Range(u8, u8),
    Step(Base, u8),
}

#[derive(Arbitrary, Debug)]
enum Base {
    Star,
    From(u8),
    Range(u8, u8),
}

#[derive(Arbitrary, Debug)]
enum Dom {
    List(Vec<Simple>),
    Last,
    LastWeekday,
    Nearest(u8),
}

#[derive(Arbitrary, Debug)]
enum DowItem {
    Star,
    Value(u8),
    Range(u8, u8),
}

#[derive(Arbitrary, Debug)]
enum Dow {
    List(Vec<DowItem>),
    Last,
    LastOf(u8),
    Nth(u8, u8),
}

#[derive(Arbitrary, Debug)]
enum Days2 {
    Dom(Dom),
    Dow(Dow),
    BothQuestion,
    BothSet(Dom, Dow),
}

#[derive(Arbitrary, Debug)]
struct Input {
    minutes: Vec<Simple>,
    hours: Vec<Simple>,
    days: Days2,
    months: Vec<Simple>,
    years: Vec<Simple>,
    /// Bit 0-1: separator, bit 2: pad inside the parentheses, bits 3-4: letter case,
    /// bit 5: names for months, bit 6: names for days of the week.
    style: u8,
    start: (u8, u8, u8, u8, u8, u8, u8),
}

/// A field with its bounds and largest step.
#[derive(Clone, Copy)]
struct Field {
    min: u32,
    max: u32,
    max_step: u32,
}

const MINUTE: Field = Field {
    min: 0,
    max: 59,
    max_step: 59,
};
const HOUR: Field = Field {
    min: 0,
    max: 23,
    max_step: 23,
};
const DAY: Field = Field {
    min: 1,
    max: 31,
    max_step: 31,
};
const MONTH: Field = Field {
    min: 1,
    max: 12,
    max_step: 12,
};
const YEAR: Field = Field {
    min: 1970,
    max: 2199,
    max_step: 229,
};

struct Render {
    style: u8,
    /// For the year field: values are drawn near this year.
    year_base: u32,
}

impl Render {
    fn case(&self, s: &str) -> String {
        match (self.style >> 3) & 3 {
            0 | 1 => s.to_string(),
            2 => s.to_lowercase(),
            _ => {
                let mut out = String::new();
                for (i, c) in s.chars().enumerate() {
                    out.push(if i == 0 { c } else { c.to_ascii_lowercase() });
                }
                out
            }
        }
    }

    fn value(&self, f: Field, raw: u8) -> u32 {
        if f.min == YEAR.min {
            (self.year_base + u32::from(raw) % 5).clamp(YEAR.min, YEAR.max)
        } else {
            f.min + u32::from(raw) % (f.max - f.min + 1)
        }
    }

    fn step(&self, f: Field, raw: u8) -> u32 {
        if raw >= 240 {
            1 + u32::from(raw) % f.max_step
        } else {
            1 + u32::from(raw) % f.max_step.min(4)
        }
    }

    fn name(&self, f: Field, v: u32) -> String {
        if f.min == MONTH.min && f.max == MONTH.max && self.style & 0x20 != 0 {
            self.case(MONTHS[(v - 1) as usize])
        } else {
            v.to_string()
        }
    }

    fn dow_name(&self, v: u32) -> String {
        if self.style & 0x40 != 0 {
            self.case(DAYS[(v - 1) as usize])
        } else {
            v.to_string()
        }
    }

    /// The text of a list field and the set of values it selects.
    fn list(&self, f: Field, items: &[Simple]) -> (String, Vec<bool>) {
        let mut set = vec![false; (f.max + 1) as usize];
        let mut parts = Vec::new();
        let items: &[Simple] = if items.is_empty() {
            &[Simple::Star]
        } else {
            &items[..items.len().min(3)]
        };
        for item in items {
            let (text, lo, hi, step) = match item {
                Simple::Star => ("*".to_string(), f.min, f.max, 1),
                Simple::Value(v) => {
                    let v = self.value(f, *v);
                    (self.name(f, v), v, v, 1)
                }
                Simple::Range(a, b) => {
                    let (a, b) = (self.value(f, *a), self.value(f, *b));
                    let (a, b) = (a.min(b), a.max(b));
                    (format!("{}-{}", self.name(f, a), self.name(f, b)), a, b, 1)
                }
                Simple::Step(base, n) => {
                    let n = self.step(f, *n);
                    match base {
                        Base::Star => (format!("*/{n}"), f.min, f.max, n),
                        Base::From(v) => {
                            let v = self.value(f, *v);
                            (format!("{}/{n}", self.name(f, v)), v, f.max, n)
                        }
                        Base::Range(a, b) => {
                            let (a, b) = (self.value(f, *a), self.value(f, *b));
                            let (a, b) = (a.min(b), a.max(b));
                            (
                                format!("{}-{}/{n}", self.name(f, a), self.name(f, b)),
                                a,
                                b,
                                n,
                            )
                        }
                    }
                }
            };
            let mut v = lo;
            while v <= hi {
                set[v as usize] = true;
                v += step;
            }
            parts.push(text);
        }
        (parts.join(","), set)
    }
}

/// What the day fields select.
enum DaySpec {
    Dom(Vec<bool>),
    Last,
    LastWeekday,
    Nearest(u32),
    Dow(Vec<bool>),
    LastOf(u32),
    Nth(u32, u32),
}

fn render_dom(r: &Render, d: &Dom) -> (String, DaySpec) {
    match d {
        Dom::List(items) => {
            let (t, s) = r.list(DAY, items);
            (t, DaySpec::Dom(s))
        }
        Dom::Last => (r.case("L"), DaySpec::Last),
        Dom::LastWeekday => (r.case("LW"), DaySpec::LastWeekday),
        Dom::Nearest(n) => {
            let n = r.value(DAY, *n);
            (format!("{n}{}", r.case("W")), DaySpec::Nearest(n))
        }
    }
}

fn render_dow(r: &Render, d: &Dow) -> (String, DaySpec) {
    let v = |raw: u8| 1 + u32::from(raw) % 7;
    match d {
        Dow::List(items) => {
            let mut set = vec![false; 8];
            let mut parts = Vec::new();
            let items: &[DowItem] = if items.is_empty() {
                &[DowItem::Star]
            } else {
                &items[..items.len().min(3)]
            };
            for item in items {
                let (lo, hi, text) = match item {
                    DowItem::Star => (1, 7, "*".to_string()),
                    DowItem::Value(a) => (v(*a), v(*a), r.dow_name(v(*a))),
                    DowItem::Range(a, b) => {
                        let (a, b) = (v(*a).min(v(*b)), v(*a).max(v(*b)));
                        (a, b, format!("{}-{}", r.dow_name(a), r.dow_name(b)))
                    }
                };
                for x in lo..=hi {
                    set[x as usize] = true;
                }
                parts.push(text);
            }
            (parts.join(","), DaySpec::Dow(set))
        }
        Dow::Last => (r.case("L"), DaySpec::Dow((0..8).map(|x| x == 7).collect())),
        Dow::LastOf(n) => (
            format!("{}{}", r.dow_name(v(*n)), r.case("L")),
            DaySpec::LastOf(v(*n)),
        ),
        Dow::Nth(n, k) => {
            let k = 1 + u32::from(*k) % 5;
            (format!("{}#{k}", r.dow_name(v(*n))), DaySpec::Nth(v(*n), k))
        }
    }
}

fn days_in_month(y: i32, m: u32) -> u32 {
    let next = if m == 12 {
        NaiveDate::from_ymd_opt(y + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(y, m + 1, 1)
    };
    next.and_then(|n| n.pred_opt()).map_or(31, |d| d.day())
}

fn weekday(y: i32, m: u32, d: u32) -> u32 {
    NaiveDate::from_ymd_opt(y, m, d)
        .unwrap()
        .weekday()
        .number_from_sunday()
}

/// The dialect's day rules, from the crate documentation.
fn day_matches(spec: &DaySpec, date: NaiveDate) -> bool {
    let (y, m, d) = (date.year(), date.month(), date.day());
    let dim = days_in_month(y, m);
    let wd = date.weekday().number_from_sunday();
    match spec {
        DaySpec::Dom(set) => set[d as usize],
        DaySpec::Last => d == dim,
        DaySpec::LastWeekday => {
            let mut last = dim;
            while matches!(weekday(y, m, last), 1 | 7) {
                last -= 1;
            }
            d == last
        }
        DaySpec::Nearest(n) => {
            let n = *n;
            if n > dim {
                return false;
            }
            let target = match NaiveDate::from_ymd_opt(y, m, n).unwrap().weekday() {
                Weekday::Sat if n == 1 => 3,
                Weekday::Sat => n - 1,
                Weekday::Sun if n == dim => n - 2,
                Weekday::Sun => n + 1,
                _ => n,
            };
            d == target
        }
        DaySpec::Dow(set) => set[wd as usize],
        DaySpec::LastOf(n) => wd == *n && d + 7 > dim,
        DaySpec::Nth(n, k) => wd == *n && (d - 1) / 7 + 1 == *k,
    }
}

fn start_time(s: (u8, u8, u8, u8, u8, u8, u8)) -> DateTime<Utc> {
    let (a, b, mo, d, h, mi, sec) = s;
    match a {
        0 => return DateTime::<Utc>::MIN_UTC,
        1 => return DateTime::<Utc>::MAX_UTC,
        _ => {}
    }
    let year = if a < 8 {
        // Around the ends of the engine's range: 1965-1974 and 2195-2204.
        if b % 2 == 0 {
            1965 + i32::from(b % 10)
        } else {
            2195 + i32::from(b % 10)
        }
    } else {
        2020 + i32::from(b % 16)
    };
    let month = 1 + u32::from(mo) % 12;
    let day = (1 + u32::from(d) % 31).min(days_in_month(year, month));
    let second = if sec < 200 { 0 } else { u32::from(sec) % 60 };
    Utc.with_ymd_and_hms(
        year,
        month,
        day,
        u32::from(h) % 24,
        u32::from(mi) % 60,
        second,
    )
    .unwrap()
}

fn sorted(set: &[bool]) -> Vec<u32> {
    (0..set.len() as u32).filter(|i| set[*i as usize]).collect()
}

fuzz_target!(|input: Input| {
    let start = start_time(input.start);
    let r = Render {
        style: input.style,
        year_base: (start.year().clamp(1971, 2200) - 1) as u32,
    };
    let (min_text, minutes) = r.list(MINUTE, &input.minutes);
    let (hour_text, hours) = r.list(HOUR, &input.hours);
    let (month_text, months) = r.list(MONTH, &input.months);
    let (year_text, years) = r.list(YEAR, &input.years);
    let q = "?".to_string();
    let (dom_text, dow_text, spec, bad_days) = match &input.days {
        Days2::Dom(d) => {
            let (t, s) = render_dom(&r, d);
            (t, q, Some(s), false)
        }
        Days2::Dow(d) => {
            let (t, s) = render_dow(&r, d);
            (q, t, Some(s), false)
        }
        Days2::BothQuestion => (q.clone(), q, None, true),
        Days2::BothSet(a, b) => (render_dom(&r, a).0, render_dow(&r, b).0, None, true),
    };
    let sep = [" ", "  ", "\t", " \t "][(input.style & 3) as usize];
    let pad = if input.style & 4 != 0 { " " } else { "" };
    let text = format!(
        "cron({pad}{}{pad})",
        [
            min_text, hour_text, dom_text, month_text, dow_text, year_text
        ]
        .join(sep)
    );
    let parsed = parse(&text);
    if bad_days {
        assert!(
            parsed.expression.is_none(),
            "{text}: both day fields set or both `?`, yet it parsed"
        );
        assert!(
            parsed.problems.iter().any(|p| p.code == codes::DAY_FIELDS),
            "{text}: no day-fields error: {:?}",
            parsed.problems
        );
        return;
    }
    let spec = spec.unwrap();
    let errors: Vec<_> = parsed
        .problems
        .iter()
        .filter(|p| p.level == Level::Error)
        .collect();
    let every_minute = parsed
        .problems
        .iter()
        .any(|p| p.code == codes::EVERY_MINUTE);
    let expr = match &parsed.expression {
        Some(e) => e.clone(),
        None => {
            assert!(
                errors.iter().all(|p| p.code == codes::NEVER_FIRES),
                "{text}: a valid expression was rejected: {errors:#?}"
            );
            CronExpression::parse_allowing_never_fires(&text).expect("never-fires only")
        }
    };
    let never = parsed.expression.is_none();
    if !never {
        assert_eq!(
            every_minute,
            minutes.iter().all(|b| *b),
            "{text}: every-minute warning {every_minute}"
        );
    }

    // The oracle.
    let epoch = Utc.with_ymd_and_hms(1970, 1, 1, 0, 0, 0).unwrap();
    let mut from = start.max(epoch);
    if from.year() <= 2199 && (from.second() != 0 || from.nanosecond() != 0) {
        from =
            from.with_second(0).unwrap().with_nanosecond(0).unwrap() + chrono::Duration::minutes(1);
    }
    let (hours, minutes) = (sorted(&hours), sorted(&minutes));
    let mut expected = Vec::new();
    let mut day = from.date_naive();
    let mut end_of_window = None; // exclusive end of what the oracle looked at
    'days: for _ in 0..WINDOW_DAYS {
        if day.year() > 2199 {
            end_of_window = None; // nothing after 2199: the engine must end too
            break;
        }
        if years[day.year() as usize] && months[day.month() as usize] && day_matches(&spec, day) {
            for h in &hours {
                for m in &minutes {
                    let t = day.and_hms_opt(*h, *m, 0).unwrap().and_utc();
                    if t >= from {
                        expected.push(t);
                        if expected.len() == MAX_OCCURRENCES {
                            end_of_window = Some(t + chrono::Duration::minutes(1));
                            break 'days;
                        }
                    }
                }
            }
        }
        day = day.checked_add_days(Days::new(1)).unwrap();
        end_of_window = Some(day.and_hms_opt(0, 0, 0).unwrap().and_utc());
    }
    if never {
        assert!(
            expected.is_empty(),
            "{text}: reported never-fires but fires at {:?}",
            expected[0]
        );
    }
    let got: Vec<_> = match end_of_window {
        Some(end) => expr
            .occurrences(start)
            .take_while(|t| *t < end)
            .take(MAX_OCCURRENCES + 1)
            .collect(),
        None => expr.occurrences(start).take(MAX_OCCURRENCES + 1).collect(),
    };
    assert_eq!(
        got, expected,
        "{text} from {start}: engine (left) and oracle (right) differ"
    );
    assert_eq!(
        expr.next_at_or_after(start),
        expr.occurrences(start).next(),
        "{text}: next_at_or_after"
    );
});
