//! Property test: the field-jumping engine against a brute-force oracle.
//!
//! Random *valid* expressions are generated as structured fields (lists, ranges, steps up to each
//! field's largest and none in day-of-week, names, `L`, `LW`, `nW`, `nL`, `n#k`, year ranges), rendered to text, parsed, and their next seven
//! occurrences from a random instant in 2020-2040 compared with an oracle that walks the
//! calendar minute by minute over a three-year horizon, using only a matching predicate written
//! here from the generated structure (weekdays come from chrono, not from the crate).
//!
//! The oracle skips the minutes of a day at once when the day itself does not match (the day
//! predicate is constant within a day), which keeps 2000 cases fast in debug builds without
//! changing what it computes.

use chrono::{DateTime, Datelike, Duration, NaiveDate, TimeZone, Timelike, Utc};
use proptest::prelude::*;
use std::collections::BTreeSet;

const MONTHS: [&str; 12] = [
    "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC",
];
const DAYS: [&str; 7] = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

/// How to spell a number: digits, or its name (upper, lower or mixed case).
#[derive(Debug, Clone, Copy)]
enum Spelling {
    Digits,
    Upper,
    Lower,
    Mixed,
}

fn spelling() -> impl Strategy<Value = Spelling> {
    prop_oneof![
        Just(Spelling::Digits),
        Just(Spelling::Upper),
        Just(Spelling::Lower),
        Just(Spelling::Mixed),
    ]
}

#[derive(Debug, Clone, Copy)]
struct Domain {
    min: u32,
    max: u32,
    names: Option<&'static [&'static str]>,
}

const MINUTES: Domain = Domain {
    min: 0,
    max: 59,
    names: None,
};
const HOURS: Domain = Domain {
    min: 0,
    max: 23,
    names: None,
};
const DOM: Domain = Domain {
    min: 1,
    max: 31,
    names: None,
};
const MONTH: Domain = Domain {
    min: 1,
    max: 12,
    names: Some(&MONTHS),
};
const DOW: Domain = Domain {
    min: 1,
    max: 7,
    names: Some(&DAYS),
};
const YEAR: Domain = Domain {
    min: 1970,
    max: 2199,
    names: None,
};

impl Domain {
    fn spell(&self, v: u32, s: Spelling) -> String {
        match (self.names, s) {
            (Some(names), Spelling::Upper) => names[(v - self.min) as usize].to_owned(),
            (Some(names), Spelling::Lower) => names[(v - self.min) as usize].to_lowercase(),
            (Some(names), Spelling::Mixed) => {
                let n = names[(v - self.min) as usize];
                format!("{}{}", &n[..1], n[1..].to_lowercase())
            }
            _ => v.to_string(),
        }
    }
}

#[derive(Debug, Clone)]
enum Item {
    Value(u32, Spelling),
    Range(u32, u32, Spelling),
    StepFrom(u32, u32, Spelling),
    StepRange(u32, u32, u32, Spelling),
    StarStep(u32),
}

#[derive(Debug, Clone)]
enum ListField {
    Star,
    Items(Vec<Item>),
}

impl ListField {
    fn render(&self, d: &Domain) -> String {
        match self {
            ListField::Star => "*".to_owned(),
            ListField::Items(items) => items
                .iter()
                .map(|i| match *i {
                    Item::Value(v, s) => d.spell(v, s),
                    Item::Range(a, b, s) => format!("{}-{}", d.spell(a, s), d.spell(b, s)),
                    Item::StepFrom(a, n, s) => format!("{}/{n}", d.spell(a, s)),
                    Item::StepRange(a, b, n, s) => {
                        format!("{}-{}/{n}", d.spell(a, s), d.spell(b, s))
                    }
                    Item::StarStep(n) => format!("*/{n}"),
                })
                .collect::<Vec<_>>()
                .join(","),
        }
    }

    fn values(&self, d: &Domain) -> BTreeSet<u32> {
        let mut out = BTreeSet::new();
        let mut add = |lo: u32, hi: u32, step: u32| {
            let mut v = lo;
            while v <= hi {
                out.insert(v);
                v += step;
            }
        };
        match self {
            ListField::Star => add(d.min, d.max, 1),
            ListField::Items(items) => {
                for i in items {
                    match *i {
                        Item::Value(v, _) => add(v, v, 1),
                        Item::Range(a, b, _) => add(a, b, 1),
                        Item::StepFrom(a, n, _) => add(a, d.max, n),
                        Item::StepRange(a, b, n, _) => add(a, b, n),
                        Item::StarStep(n) => add(d.min, d.max, n),
                    }
                }
            }
        }
        out
    }
}

/// Items over `lo..=hi` (a sub-range of the domain, to keep years near the test instants), with
/// steps up to `max_step` (the field's largest step), or no steps when `max_step` is 0.
fn item(d: Domain, lo: u32, hi: u32, max_step: u32) -> BoxedStrategy<Item> {
    let plain = prop_oneof![
        3 => (lo..=hi, spelling()).prop_map(|(v, s)| Item::Value(v, s)),
        2 => (lo..=hi, lo..=hi, spelling())
            .prop_map(|(a, b, s)| Item::Range(a.min(b), a.max(b), s)),
    ];
    let size = d.max - d.min + 1;
    let max_step = max_step.min(size);
    if max_step == 0 {
        return plain.boxed();
    }
    prop_oneof![
        5 => plain,
        1 => (lo..=hi, 1..=max_step, spelling()).prop_map(|(a, n, s)| Item::StepFrom(a, n, s)),
        1 => (lo..=hi, lo..=hi, 1..=max_step, spelling())
            .prop_map(|(a, b, n, s)| Item::StepRange(a.min(b), a.max(b), n, s)),
        1 => (1..=max_step).prop_map(Item::StarStep),
    ]
    .boxed()
}

fn list_field(d: Domain, lo: u32, hi: u32, max_step: u32) -> impl Strategy<Value = ListField> {
    prop_oneof![
        1 => Just(ListField::Star),
        4 => prop::collection::vec(item(d, lo, hi, max_step), 1..=3).prop_map(ListField::Items),
    ]
}

#[derive(Debug, Clone)]
enum DayRule {
    /// Day-of-month list (day-of-week `?`).
    DomList(ListField),
    DomLast(bool),
    DomLastWeekday(bool),
    DomNearest(u32, bool),
    /// Day-of-week list (day-of-month `?`).
    DowList(ListField),
    DowL(bool),
    DowLast(u32, Spelling),
    DowNth(u32, u32, Spelling),
}

fn day_rule() -> impl Strategy<Value = DayRule> {
    prop_oneof![
        4 => list_field(DOM, 1, 31, 31).prop_map(DayRule::DomList),
        1 => any::<bool>().prop_map(DayRule::DomLast),
        1 => any::<bool>().prop_map(DayRule::DomLastWeekday),
        2 => (1u32..=31, any::<bool>()).prop_map(|(n, l)| DayRule::DomNearest(n, l)),
        4 => list_field(DOW, 1, 7, 0).prop_map(DayRule::DowList),
        1 => any::<bool>().prop_map(DayRule::DowL),
        2 => (1u32..=7, spelling()).prop_map(|(w, s)| DayRule::DowLast(w, s)),
        2 => (1u32..=7, 1u32..=5, spelling()).prop_map(|(w, k, s)| DayRule::DowNth(w, k, s)),
    ]
}

fn case(s: &str, lower: bool) -> String {
    if lower {
        s.to_lowercase()
    } else {
        s.to_owned()
    }
}

impl DayRule {
    /// (day-of-month text, day-of-week text)
    fn render(&self) -> (String, String) {
        let q = "?".to_owned();
        match self {
            DayRule::DomList(f) => (f.render(&DOM), q),
            DayRule::DomLast(l) => (case("L", *l), q),
            DayRule::DomLastWeekday(l) => (case("LW", *l), q),
            DayRule::DomNearest(n, l) => (format!("{n}{}", case("W", *l)), q),
            DayRule::DowList(f) => (q, f.render(&DOW)),
            DayRule::DowL(l) => (q, case("L", *l)),
            DayRule::DowLast(w, s) => (q, format!("{}L", DOW.spell(*w, *s))),
            DayRule::DowNth(w, k, s) => (q, format!("{}#{k}", DOW.spell(*w, *s))),
        }
    }
}

#[derive(Debug, Clone)]
struct Model {
    minutes: ListField,
    hours: ListField,
    month: ListField,
    days: DayRule,
    year: ListField,
    /// (separator: 0 = one space, 1 = two spaces, 2 = tab; padding inside the parentheses)
    spaces: (u8, bool),
}

fn model() -> impl Strategy<Value = Model> {
    (
        list_field(MINUTES, 0, 59, 59),
        list_field(HOURS, 0, 23, 23),
        list_field(MONTH, 1, 12, 12),
        day_rule(),
        prop_oneof![
            3 => Just(ListField::Star),
            2 => prop::collection::vec(item(YEAR, 2017, 2046, 9), 1..=3).prop_map(ListField::Items),
        ],
        (0u8..3, any::<bool>()),
    )
        .prop_map(|(minutes, hours, month, days, year, spaces)| Model {
            minutes,
            hours,
            month,
            days,
            year,
            spaces,
        })
}

/// Oracle's view of one model: plain value sets plus the day predicate.
struct Oracle {
    minutes: BTreeSet<u32>,
    hours: BTreeSet<u32>,
    months: BTreeSet<u32>,
    years: BTreeSet<u32>,
    dom: Option<BTreeSet<u32>>,
    dow: Option<BTreeSet<u32>>,
    rule: DayRule,
}

fn days_in_month(y: i32, m: u32) -> u32 {
    let next = if m == 12 {
        NaiveDate::from_ymd_opt(y + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(y, m + 1, 1)
    };
    next.and_then(|n| n.pred_opt()).map(|d| d.day()).unwrap()
}

/// 1 = Sunday ... 7 = Saturday, from chrono.
fn weekday(y: i32, m: u32, d: u32) -> u32 {
    NaiveDate::from_ymd_opt(y, m, d)
        .unwrap()
        .weekday()
        .num_days_from_sunday()
        + 1
}

fn is_business_day(y: i32, m: u32, d: u32) -> bool {
    (2..=6).contains(&weekday(y, m, d))
}

impl Oracle {
    fn new(m: &Model) -> Oracle {
        let (dom, dow) = match &m.days {
            DayRule::DomList(f) => (Some(f.values(&DOM)), None),
            DayRule::DowList(f) => (None, Some(f.values(&DOW))),
            _ => (None, None),
        };
        Oracle {
            minutes: m.minutes.values(&MINUTES),
            hours: m.hours.values(&HOURS),
            months: m.month.values(&MONTH),
            years: m.year.values(&YEAR),
            dom,
            dow,
            rule: m.days.clone(),
        }
    }

    fn day_matches(&self, y: i32, m: u32, d: u32) -> bool {
        if !self.years.contains(&(y as u32)) || !self.months.contains(&m) {
            return false;
        }
        let n = days_in_month(y, m);
        let wd = weekday(y, m, d);
        match &self.rule {
            DayRule::DomList(_) => self.dom.as_ref().unwrap().contains(&d),
            DayRule::DowList(_) => self.dow.as_ref().unwrap().contains(&wd),
            DayRule::DomLast(_) => d == n,
            DayRule::DomLastWeekday(_) => {
                is_business_day(y, m, d) && (d + 1..=n).all(|e| !is_business_day(y, m, e))
            }
            DayRule::DomNearest(target, _) => {
                // The business day of this month closest to the target day.
                *target <= n
                    && is_business_day(y, m, d)
                    && (1..=n)
                        .filter(|&e| is_business_day(y, m, e))
                        .all(|e| e.abs_diff(*target) >= d.abs_diff(*target))
            }
            DayRule::DowL(_) => wd == 7,
            DayRule::DowLast(w, _) => wd == *w && d + 7 > n,
            DayRule::DowNth(w, k, _) => wd == *w && (d - 1) / 7 + 1 == *k,
        }
    }

    /// Up to `count` matches from `from` (rounded up to a minute) to before `end`.
    fn next(&self, from: DateTime<Utc>, end: DateTime<Utc>, count: usize) -> Vec<DateTime<Utc>> {
        let mut t = from
            .with_second(0)
            .and_then(|t| t.with_nanosecond(0))
            .unwrap();
        if t < from {
            t += Duration::minutes(1);
        }
        let mut out = Vec::new();
        let mut date = t.date_naive();
        let mut first_minute = t.hour() * 60 + t.minute();
        while out.len() < count && date.and_hms_opt(0, 0, 0).unwrap().and_utc() < end {
            if self.day_matches(date.year(), date.month(), date.day()) {
                for minute_of_day in first_minute..24 * 60 {
                    let (h, mi) = (minute_of_day / 60, minute_of_day % 60);
                    let at = date.and_hms_opt(h, mi, 0).unwrap().and_utc();
                    if at >= end || out.len() == count {
                        break;
                    }
                    if self.hours.contains(&h) && self.minutes.contains(&mi) {
                        out.push(at);
                    }
                }
            }
            date = date.succ_opt().unwrap();
            first_minute = 0;
        }
        out
    }
}

impl Model {
    fn render(&self) -> String {
        let (dom, dow) = self.days.render();
        let sep = ["  ", " ", "\t"][usize::from(self.spaces.0)];
        let pad = if self.spaces.1 { " " } else { "" };
        format!(
            "cron({pad}{}{sep}{}{sep}{dom}{sep}{}{sep}{dow}{sep}{}{pad})",
            self.minutes.render(&MINUTES),
            self.hours.render(&HOURS),
            self.month.render(&MONTH),
            self.year.render(&YEAR),
        )
    }
}

fn instant() -> impl Strategy<Value = DateTime<Utc>> {
    // 2020-01-01 .. 2040-12-31, with seconds sometimes set (to exercise rounding up).
    (
        0i64..21 * 365 * 24 * 60,
        prop_oneof![3 => Just(0u32), 1 => 1u32..60],
    )
        .prop_map(|(minutes, seconds)| {
            Utc.with_ymd_and_hms(2020, 1, 1, 0, 0, 0).unwrap()
                + Duration::minutes(minutes)
                + Duration::seconds(i64::from(seconds))
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, max_shrink_iters: 2000, ..ProptestConfig::default() })]

    #[test]
    fn engine_matches_brute_force(m in model(), from in instant()) {
        let text = m.render();
        let parsed = iot_jobs_lint_cron::parse(&text);
        let oracle = Oracle::new(&m);
        let end = from + Duration::days(3 * 365);
        let expected = oracle.next(from, end, 7);
        match parsed.expression {
            Some(expr) => {
                let got: Vec<_> = expr
                    .occurrences(from)
                    .take_while(|t| *t < end)
                    .take(7)
                    .collect();
                prop_assert_eq!(&got, &expected, "{}", text);
                prop_assert_eq!(expr.next_at_or_after(from).filter(|t| *t < end), got.first().copied());
                prop_assert!(!expr.never_fires());
                // Every valid expression can be said in words (the hover in editors).
                let words = expr.describe();
                prop_assert!(!words.is_empty() && !words.contains("``"), "{} -> {}", text, words);
                // `matches` agrees with the search on the minute itself, a match or not.
                let minute = from.with_second(0).unwrap().with_nanosecond(0).unwrap();
                prop_assert_eq!(expr.matches(from), expr.next_at_or_after(minute) == Some(minute), "{}", text);
                for t in &got {
                    prop_assert!(expr.matches(*t), "{} at {}", text, t);
                }
                // Warnings' suggestions keep the expression valid and remove the warning.
                for p in &parsed.problems {
                    if let Some(fix) = &p.fix {
                        let again = iot_jobs_lint_cron::parse(&fix.replacement);
                        prop_assert!(
                            !again.has_errors() && again.problems.iter().all(|q| q.code != p.code),
                            "{} -> {}: {:?}",
                            text,
                            fix.replacement,
                            again.problems
                        );
                    }
                }
            }
            None => {
                // The generator only makes syntactically valid expressions; the one allowed
                // error is "never fires", and then the oracle must find nothing either.
                let codes: Vec<_> = parsed
                    .problems
                    .iter()
                    .filter(|p| p.level == iot_jobs_lint_cron::Level::Error)
                    .map(|p| p.code)
                    .collect();
                prop_assert_eq!(codes, vec!["cron/never-fires"], "{}", text);
                prop_assert!(expected.is_empty(), "{}", text);
            }
        }
    }
}
