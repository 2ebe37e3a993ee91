//! The parser: text → [`Schedule`] plus every [`Problem`] it can find in one pass.
//!
//! On a valid expression the parser itself allocates nothing: fields, list items and values are
//! byte ranges into the input and names are compared without case-folded copies. Messages, help
//! texts and [`Suggestion`]s are built only when a problem is reported.
// The parser slices its input by token offsets it computed from that input (always on ASCII
// boundaries) and indexes fixed tables by values it range-checked; the cron_parse fuzz target
// drives it with arbitrary strings.
#![allow(clippy::indexing_slicing)]

use crate::CronExpression;
use crate::engine::{Bits, DaySpec, DomSpec, DowSpec, MAX_YEAR, MIN_YEAR, Schedule};
use crate::problem::{Applicability, Level, Problem, Suggestion, codes};

/// The result of [`parse`]: the expression (when valid) and every problem found.
///
/// Serializes as `{"expression": "cron(...)" | null, "problems": [...]}`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Parsed {
    /// The parsed expression; `Some` exactly when no problem has [`Level::Error`].
    pub expression: Option<CronExpression>,
    /// Every problem found, errors and warnings, sorted by position in the input.
    pub problems: Vec<Problem>,
}

impl Parsed {
    /// True when at least one problem is an error.
    pub fn has_errors(&self) -> bool {
        self.problems.iter().any(|p| p.level == Level::Error)
    }
}

/// Parses a schedule expression of the form `cron(Minutes Hours Day-of-month Month Day-of-week Year)`.
///
/// Every field is checked, so one call reports all the problems it can find; offsets in the
/// problems are byte offsets into `text`. The function is total: it never panics, whatever the
/// input, and does no I/O and reads no clock. On a valid expression its only heap allocation
/// is the copy of `text` kept by the returned [`CronExpression`].
///
/// An expression that can never fire between 1970 and 2199 (for example `cron(0 0 30 2 ? *)`) is
/// reported as [`codes::NEVER_FIRES`]. A year range that lies entirely in the past is *not*
/// reported, because this function has no clock: call
/// [`CronExpression::next_at_or_after`] with the current time and treat `None` as "no future
/// occurrence".
///
/// ```
/// use iot_jobs_lint_cron::{Applicability, parse};
/// let parsed = parse("cron(34 12 * * SAT *)");
/// assert!(parsed.expression.is_none());
/// let problem = &parsed.problems[0];
/// assert_eq!(problem.code, "cron/day-fields");
/// assert_eq!(problem.help.as_deref(),
///            Some("put `?` in the day field you do not use: cron(34 12 ? * SAT *)"));
/// let fix = problem.fix.as_ref().unwrap();
/// assert_eq!(fix.replacement, "cron(34 12 ? * SAT *)");
/// assert_eq!(fix.applicability, Applicability::Suggested);
/// ```
pub fn parse(text: &str) -> Parsed {
    let (schedule, problems) = parse_schedule(text);
    let has_error = problems.iter().any(|p| p.level == Level::Error);
    let expression = match schedule {
        Some(schedule) if !has_error => Some(CronExpression {
            text: text.to_owned(),
            schedule,
        }),
        _ => None,
    };
    Parsed {
        expression,
        problems,
    }
}

/// The compiled schedule (when every field is valid, even if it never fires) and the sorted
/// problems.
pub(crate) fn parse_schedule(text: &str) -> (Option<Schedule>, Vec<Problem>) {
    let mut parser = Parser::new(text);
    let schedule = parser.run();
    let mut problems = parser.problems;
    crate::sort::sort_by_key(&mut problems, |p| (p.start, p.end));
    (schedule, problems)
}

const MONTH_NAMES: [&str; 12] = [
    "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC",
];
const DAY_NAMES: [&str; 7] = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];
const MONTH_FULL: [&str; 12] = [
    "JANUARY",
    "FEBRUARY",
    "MARCH",
    "APRIL",
    "MAY",
    "JUNE",
    "JULY",
    "AUGUST",
    "SEPTEMBER",
    "OCTOBER",
    "NOVEMBER",
    "DECEMBER",
];
const DAY_FULL: [&str; 7] = [
    "SUNDAY",
    "MONDAY",
    "TUESDAY",
    "WEDNESDAY",
    "THURSDAY",
    "FRIDAY",
    "SATURDAY",
];
const FIELD_ORDER: &str = "Minutes Hours Day-of-month Month Day-of-week Year";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Minutes,
    Hours,
    Dom,
    Month,
    Dow,
    Year,
}

impl Kind {
    const ALL: [Kind; 6] = [
        Kind::Minutes,
        Kind::Hours,
        Kind::Dom,
        Kind::Month,
        Kind::Dow,
        Kind::Year,
    ];

    fn label(self) -> &'static str {
        match self {
            Kind::Minutes => "minutes",
            Kind::Hours => "hours",
            Kind::Dom => "day-of-month",
            Kind::Month => "month",
            Kind::Dow => "day-of-week",
            Kind::Year => "year",
        }
    }

    /// One value of the field, in words.
    fn unit(self) -> &'static str {
        match self {
            Kind::Minutes => "minute",
            Kind::Hours => "hour",
            Kind::Dom => "day",
            Kind::Month => "month",
            Kind::Dow => "weekday",
            Kind::Year => "year",
        }
    }

    fn min(self) -> u32 {
        match self {
            Kind::Minutes | Kind::Hours => 0,
            Kind::Dom | Kind::Month | Kind::Dow => 1,
            Kind::Year => MIN_YEAR as u32,
        }
    }

    fn max(self) -> u32 {
        match self {
            Kind::Minutes => 59,
            Kind::Hours => 23,
            Kind::Dom => 31,
            Kind::Month => 12,
            Kind::Dow => 7,
            Kind::Year => MAX_YEAR as u32,
        }
    }

    /// The largest `/` step the field accepts, `None` when it accepts no step at all. The
    /// crate docs' "Choices" section gives the sources: Quartz's bounds where Quartz has one,
    /// the span of the field for the year, and no step in day-of-week (EventBridge lists no `/`
    /// there).
    fn max_step(self) -> Option<u32> {
        match self {
            Kind::Minutes => Some(59),
            Kind::Hours => Some(23),
            Kind::Dom => Some(31),
            Kind::Month => Some(12),
            Kind::Dow => None,
            Kind::Year => Some((MAX_YEAR - MIN_YEAR) as u32),
        }
    }

    fn range_text(self) -> &'static str {
        match self {
            Kind::Minutes => "0-59",
            Kind::Hours => "0-23",
            Kind::Dom => "1-31",
            Kind::Month => "1-12 or JAN-DEC",
            Kind::Dow => "1-7 or SUN-SAT (1 = Sunday)",
            Kind::Year => "1970-2199",
        }
    }

    fn operators(self) -> &'static str {
        match self {
            Kind::Minutes | Kind::Hours | Kind::Month | Kind::Year => "`,` `-` `*` `/`",
            Kind::Dom => "`,` `-` `*` `/` `?` `L` `W`",
            Kind::Dow => "`,` `-` `*` `?` `L` `#`",
        }
    }

    fn names(self) -> Option<&'static [&'static str]> {
        match self {
            Kind::Month => Some(&MONTH_NAMES),
            Kind::Dow => Some(&DAY_NAMES),
            _ => None,
        }
    }

    fn is_day(self) -> bool {
        matches!(self, Kind::Dom | Kind::Dow)
    }

    /// `value` spelled as in `model`: a name when `model` was a name.
    fn spell(self, value: u32, as_name: bool) -> String {
        match self.names() {
            Some(names) if as_name => names
                .get((value - self.min()) as usize)
                .map_or_else(|| value.to_string(), |n| (*n).to_owned()),
            _ => value.to_string(),
        }
    }
}

/// One parsed list item.
#[derive(Debug, Clone, Copy)]
enum Term {
    /// Plain values (from numbers, names, ranges, steps, `*`); bit = value - min.
    Values(Bits),
    /// `?`.
    Question,
    /// Day-of-month `L`.
    DomLast,
    /// Day-of-month `LW`.
    DomLastWeekday,
    /// Day-of-month `nW`.
    DomNearest(u32),
    /// Day-of-week `L` alone: Saturday.
    DowL,
    /// Day-of-week `nL`.
    DowLast(u32),
    /// Day-of-week `n#k`.
    DowNth(u32, u32),
}

impl Term {
    fn is_special(&self) -> bool {
        !matches!(self, Term::Values(_) | Term::Question)
    }
}

/// What one field turned out to be.
#[derive(Debug, Clone, Copy, Default)]
struct Field {
    start: usize,
    end: usize,
    /// No problem in this field.
    ok: bool,
    /// The field is exactly `?`.
    question: bool,
    /// Plain values, bit = value - min.
    values: Bits,
    dom: DomSpec,
    dow: DowSpec,
}

struct Parser<'a> {
    text: &'a str,
    problems: Vec<Problem>,
    /// Byte range of the field being parsed.
    field: (usize, usize),
    /// Index in `problems` of a `#` reported in day-of-month, whose fix (moving the item to
    /// day-of-week) needs the other fields.
    hash_in_dom: Option<usize>,
}

/// Separator between fields.
fn is_separator(b: u8) -> bool {
    b == b' ' || b == b'\t'
}

/// Byte ranges of the space/tab-separated tokens of `text[start..end]`, without allocating.
/// Separators are ASCII, so every range lies on `char` boundaries.
struct FieldSpans<'t> {
    bytes: &'t [u8],
    pos: usize,
    end: usize,
}

impl<'t> FieldSpans<'t> {
    fn new(text: &'t str, start: usize, end: usize) -> FieldSpans<'t> {
        FieldSpans {
            bytes: text.as_bytes(),
            pos: start,
            end: end.min(text.len()),
        }
    }

    fn at(&self, i: usize) -> Option<u8> {
        if i < self.end {
            self.bytes.get(i).copied()
        } else {
            None
        }
    }
}

impl Iterator for FieldSpans<'_> {
    type Item = (usize, usize);

    fn next(&mut self) -> Option<(usize, usize)> {
        while self.at(self.pos).is_some_and(is_separator) {
            self.pos += 1;
        }
        let start = self.pos;
        while self.at(self.pos).is_some_and(|b| !is_separator(b)) {
            self.pos += 1;
        }
        (self.pos > start).then_some((start, self.pos))
    }
}

/// `s` without `prefix`, compared ignoring ASCII case.
fn strip_prefix_ci<'s>(s: &'s str, prefix: &str) -> Option<&'s str> {
    let head = s.get(..prefix.len())?;
    if head.eq_ignore_ascii_case(prefix) {
        s.get(prefix.len()..)
    } else {
        None
    }
}

/// Does `s` end with the ASCII letter `c`, in either case?
fn ends_with_ci(s: &str, c: u8) -> bool {
    s.as_bytes()
        .last()
        .is_some_and(|b| b.eq_ignore_ascii_case(&c))
}

/// Position of `s` in `names`, ignoring ASCII case.
fn name_index(names: &[&str], s: &str) -> Option<usize> {
    names.iter().position(|n| n.eq_ignore_ascii_case(s))
}

/// A non-empty run of ASCII digits as a number (`None` when it does not fit in a `u32`).
fn digits(s: &str) -> Option<u32> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

fn suggestion(
    applicability: Applicability,
    message: impl Into<String>,
    replacement: String,
) -> Option<Suggestion> {
    Some(Suggestion {
        message: message.into(),
        replacement,
        applicability,
    })
}

fn safe(message: impl Into<String>, replacement: String) -> Option<Suggestion> {
    suggestion(Applicability::Safe, message, replacement)
}

fn suggested(message: impl Into<String>, replacement: String) -> Option<Suggestion> {
    suggestion(Applicability::Suggested, message, replacement)
}

/// `cron(...)` of the six `words`, with some of them replaced.
fn canonical(words: &[&str; 6], replace: &[(usize, &str)]) -> String {
    let mut parts = *words;
    for &(i, w) in replace {
        if let Some(part) = parts.get_mut(i) {
            *part = w;
        }
    }
    format!("cron({})", parts.join(" "))
}

/// Does `token` consist only of cron characters and cron words?
fn cronish(token: &str) -> bool {
    let word_ok = |w: &str| {
        w.is_empty()
            || name_index(&MONTH_NAMES, w).is_some()
            || name_index(&DAY_NAMES, w).is_some()
            || name_index(&["L", "W", "LW"], w).is_some()
    };
    let mut word_start = None;
    for (i, c) in token.char_indices() {
        if c.is_ascii_alphabetic() {
            word_start.get_or_insert(i);
        } else {
            if let Some(s) = word_start.take()
                && !word_ok(&token[s..i])
            {
                return false;
            }
            if !(c.is_ascii_digit() || "*?/,#-".contains(c)) {
                return false;
            }
        }
    }
    word_start.is_none_or(|s| word_ok(&token[s..]))
}

/// Unix day-of-week (0 or 7 = Sunday) → this dialect, spelled with names. A Unix step
/// (`*/2`, `1-5/2`) becomes the list of days it selects, as this dialect has no steps in
/// day-of-week.
fn unix_dow(field: &str) -> Option<String> {
    // 0-7 as written (names 0-6).
    let raw = |s: &str| -> Option<u32> {
        match digits(s) {
            Some(n) => (n <= 7).then_some(n),
            None => name_index(&DAY_NAMES, s).map(|i| i as u32),
        }
    };
    let name = |s: &str| raw(s).map(|n| (n % 7, n == 7));
    let mut out = Vec::new();
    for term in field.split(',') {
        if let Some((base, step)) = term.split_once('/') {
            let step = digits(step).filter(|&n| n >= 1)?;
            let (lo, hi) = if base == "*" {
                (0, 7)
            } else {
                let (lo, hi) = base.split_once('-')?;
                (raw(lo)?, raw(hi)?)
            };
            let mut days = [false; 7];
            for v in (lo..=hi).step_by(step as usize) {
                days[(v % 7) as usize] = true;
            }
            if !days.contains(&true) {
                return None;
            }
            out.extend(
                DAY_NAMES
                    .iter()
                    .zip(days)
                    .filter(|(_, on)| *on)
                    .map(|(n, _)| (*n).to_owned()),
            );
        } else if term == "*" {
            out.push("*".to_owned());
        } else if let Some((lo, hi)) = term.split_once('-') {
            let (lo, _) = name(lo)?;
            let (hi, hi_seven) = name(hi)?;
            if hi_seven && lo == 0 {
                out.push("*".to_owned());
            } else if hi_seven {
                out.push(format!("{}-SAT,SUN", DAY_NAMES[lo as usize]));
            } else {
                out.push(format!(
                    "{}-{}",
                    DAY_NAMES[lo as usize], DAY_NAMES[hi as usize]
                ));
            }
        } else {
            let (v, _) = name(term)?;
            out.push(DAY_NAMES[v as usize].to_owned());
        }
    }
    Some(out.join(","))
}

/// Help text converting a Unix five-field cron to this dialect, and the converted expression
/// when there is one (for a Unix cron that restricts both day fields, the first of the two
/// windows the help proposes).
fn unix_help(fields: &[&str]) -> (String, Option<Suggestion>) {
    let [minute, hour, dom, month, dow] = [fields[0], fields[1], fields[2], fields[3], fields[4]];
    let converted = unix_dow(dow);
    let dow_new = converted.clone().unwrap_or_else(|| dow.to_owned());
    let numbering = if converted.is_none() {
        " (check the day-of-week numbers: here 1 = Sunday ... 7 = Saturday)"
    } else {
        ""
    };
    let base = "this dialect has a sixth field (Year), needs `?` in the day field you do not use, and counts Sunday as 1";
    let message = "convert to this dialect: add the year `*`, put `?` in the unused day field, number the days from Sunday = 1";
    if dow == "*" || dow == "?" {
        let e = format!("cron({minute} {hour} {dom} {month} ? *)");
        (format!("{base}: {e}"), suggested(message, e))
    } else if dom == "*" || dom == "?" {
        let e = format!("cron({minute} {hour} ? {month} {dow_new} *)");
        let help = format!("{base}: {e}{numbering}");
        let fix = if converted.is_some() {
            suggested(message, e)
        } else {
            None
        };
        (help, fix)
    } else {
        let first = format!("cron({minute} {hour} {dom} {month} ? *)");
        let second = format!("cron({minute} {hour} ? {month} {dow_new} *)");
        let fix = suggested(
            format!(
                "keep the day-of-month schedule {first}; the day-of-week one needs a second window"
            ),
            first.clone(),
        );
        (
            format!(
                "{base}; Unix fires when either day field matches, which one expression cannot say: use two windows, {first} and {second}{numbering}"
            ),
            fix,
        )
    }
}

/// Equivalent of a Unix `@nickname`, if known.
fn nickname(word: &str) -> Option<&'static str> {
    const NICKNAMES: [(&str, &str); 7] = [
        ("@yearly", "cron(0 0 1 1 ? *)"),
        ("@annually", "cron(0 0 1 1 ? *)"),
        ("@monthly", "cron(0 0 1 * ? *)"),
        ("@weekly", "cron(0 0 ? * SUN *)"),
        ("@daily", "cron(0 0 * * ? *)"),
        ("@midnight", "cron(0 0 * * ? *)"),
        ("@hourly", "cron(0 * * * ? *)"),
    ];
    NICKNAMES
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(word))
        .map(|(_, e)| *e)
}

/// A cron equivalent of a simple `rate(...)` body.
fn rate_equivalent(body: &str) -> Option<String> {
    let mut words = body.split_whitespace();
    let n: u32 = words.next()?.parse().ok()?;
    let unit = words.next()?.to_ascii_lowercase();
    if words.next().is_some() || n == 0 {
        return None;
    }
    match unit.trim_end_matches('s') {
        "minute" if n < 60 && 60 % n == 0 => Some(if n == 1 {
            "cron(* * * * ? *)".to_owned()
        } else {
            format!("cron(0/{n} * * * ? *)")
        }),
        "hour" if n < 24 && 24 % n == 0 => Some(if n == 1 {
            "cron(0 * * * ? *)".to_owned()
        } else {
            format!("cron(0 0/{n} * * ? *)")
        }),
        "day" if n == 1 => Some("cron(0 0 * * ? *)".to_owned()),
        "day" if n == 7 => Some("cron(0 0 ? * SUN *)".to_owned()),
        _ => None,
    }
}

/// A cron equivalent of an `at(yyyy-mm-ddThh:mm:ss)` body.
fn at_equivalent(body: &str) -> Option<String> {
    let body = body.trim();
    let (date, time) = body.split_once('T')?;
    let mut d = date.split('-');
    let year: u32 = d.next()?.parse().ok()?;
    let month: u32 = d.next()?.parse().ok()?;
    let day: u32 = d.next()?.parse().ok()?;
    let mut t = time.split(':');
    let hour: u32 = t.next()?.parse().ok()?;
    let minute: u32 = t.next()?.parse().ok()?;
    let ok = (1970..=2199).contains(&year)
        && (1..=12).contains(&month)
        && (1..=31).contains(&day)
        && hour < 24
        && minute < 60;
    ok.then(|| format!("cron({minute} {hour} {day} {month} ? {year})"))
}

impl<'a> Parser<'a> {
    fn new(text: &'a str) -> Parser<'a> {
        Parser {
            text,
            problems: Vec::new(),
            field: (0, 0),
            hash_in_dom: None,
        }
    }

    fn report(
        &mut self,
        code: &'static str,
        level: Level,
        (start, end): (usize, usize),
        message: String,
        help: Option<String>,
        fix: Option<Suggestion>,
    ) {
        self.problems.push(Problem {
            code,
            level,
            message,
            help,
            fix,
            start,
            end,
        });
    }

    fn error(
        &mut self,
        code: &'static str,
        start: usize,
        end: usize,
        message: String,
        help: Option<String>,
    ) {
        self.report(code, Level::Error, (start, end), message, help, None);
    }

    fn error_fix(
        &mut self,
        code: &'static str,
        start: usize,
        end: usize,
        message: String,
        help: Option<String>,
        fix: Option<Suggestion>,
    ) {
        self.report(code, Level::Error, (start, end), message, help, fix);
    }

    fn slice(&self, start: usize, end: usize) -> &'a str {
        self.text.get(start..end).unwrap_or("")
    }

    /// The whole input with `start..end` replaced by `with`.
    fn splice(&self, start: usize, end: usize, with: &str) -> String {
        let before = self.text.get(..start).unwrap_or("");
        let after = self.text.get(end..).unwrap_or("");
        let mut out = String::with_capacity(before.len() + with.len() + after.len());
        out.push_str(before);
        out.push_str(with);
        out.push_str(after);
        out
    }

    fn run(&mut self) -> Option<Schedule> {
        let text = self.text;
        let trimmed = text.trim();
        if trimmed.is_empty() {
            self.error(
                codes::EMPTY,
                0,
                text.len(),
                "the schedule expression is empty".to_owned(),
                Some(
                    "write six fields inside cron(...), e.g. cron(0 2 ? * SUN *) for every Sunday at 02:00 UTC"
                        .to_owned(),
                ),
            );
            return None;
        }
        let t_start = text.len() - text.trim_start().len();
        let t_end = t_start + trimmed.len();

        // rate(...) / at(...)
        for kind in ["rate", "at"] {
            if let Some(rest) = strip_prefix_ci(trimmed, kind)
                && rest.trim_start().starts_with('(')
            {
                self.rate_or_at(kind, trimmed, t_start, t_end);
                return None;
            }
        }

        // The wrapper.
        let mut wrapped = false;
        let (mut inner_start, mut inner_end) = (t_start, t_end);
        if let Some(rest) = strip_prefix_ci(trimmed, "cron")
            && rest.trim_start().starts_with('(')
        {
            wrapped = true;
            let open = t_start + 4 + (rest.len() - rest.trim_start().len());
            if !trimmed.starts_with("cron(") {
                let fixed = format!("cron({}", self.slice(open + 1, t_end));
                self.error_fix(
                    codes::WRAPPER_SYNTAX,
                    t_start,
                    open + 1,
                    format!(
                        "the wrapper is written `{}`; it must be `cron(` in lower case with no space before `(`",
                        self.slice(t_start, open + 1)
                    ),
                    Some(format!("write {fixed}")),
                    safe("write `cron(` in lower case, with no space before `(`", fixed),
                );
            }
            for (s, e, side) in [(0, t_start, "before"), (t_end, text.len(), "after")] {
                if s < e {
                    self.error_fix(
                        codes::WRAPPER_SYNTAX,
                        s,
                        e,
                        format!("whitespace {side} the expression: it must start with `cron(` and end with `)`"),
                        Some(format!("remove it: {trimmed}")),
                        safe(format!("remove the whitespace {side} the expression"), trimmed.to_owned()),
                    );
                }
            }
            inner_start = open + 1;
            match self.slice(inner_start, t_end).rfind(')') {
                Some(close) => {
                    let close = inner_start + close;
                    inner_end = close;
                    if close + 1 < t_end {
                        let kept = self.slice(t_start, close + 1);
                        self.error_fix(
                            codes::WRAPPER_SYNTAX,
                            close + 1,
                            t_end,
                            format!(
                                "unexpected text `{}` after the closing `)`",
                                self.slice(close + 1, t_end)
                            ),
                            Some(format!("remove it: {kept}")),
                            // What follows `)` may be a time zone or a note the writer meant.
                            suggested("remove the text after `)`", kept.to_owned()),
                        );
                    }
                }
                None => {
                    inner_end = t_end;
                    self.error_fix(
                        codes::WRAPPER_SYNTAX,
                        t_start,
                        open + 1,
                        "`cron(` has no closing `)`".to_owned(),
                        Some(format!("close it: {trimmed})")),
                        safe("add the closing `)`", format!("{trimmed})")),
                    );
                }
            }
        }

        let count = FieldSpans::new(text, inner_start, inner_end).count();
        if count == 0 {
            self.error(
                codes::EMPTY,
                t_start,
                t_end,
                "`cron()` has no fields".to_owned(),
                Some(format!(
                    "write six fields ({FIELD_ORDER}), e.g. cron(0 2 ? * SUN *)"
                )),
            );
            return None;
        }
        // Up to six tokens live on the stack; more is an error anyway.
        let mut few_tokens = [(0usize, 0usize); 6];
        let many_tokens: Vec<(usize, usize)>;
        let tokens: &[(usize, usize)] = if count <= 6 {
            for (slot, span) in
                few_tokens
                    .iter_mut()
                    .zip(FieldSpans::new(text, inner_start, inner_end))
            {
                *slot = span;
            }
            &few_tokens[..count]
        } else {
            many_tokens = FieldSpans::new(text, inner_start, inner_end).collect();
            &many_tokens
        };
        let mut few_words = [""; 6];
        let many_words: Vec<&str>;
        let words: &[&str] = if count <= 6 {
            for (word, &(s, e)) in few_words.iter_mut().zip(tokens) {
                *word = self.slice(s, e);
            }
            &few_words[..count]
        } else {
            many_words = tokens.iter().map(|&(s, e)| self.slice(s, e)).collect();
            &many_words
        };

        if !wrapped {
            if let [word] = words
                && let Some(equivalent) = nickname(word)
            {
                self.error_fix(
                    codes::NOT_CRON,
                    t_start,
                    t_end,
                    format!(
                        "`{trimmed}` is a Unix cron nickname, not an expression of this dialect"
                    ),
                    Some(format!("write {equivalent}")),
                    safe(format!("write `{equivalent}`"), equivalent.to_owned()),
                );
                return None;
            }
            let cron_like = words.iter().filter(|w| cronish(w)).count();
            let has_cron_char = words.iter().any(|w| {
                w.chars()
                    .any(|c| c.is_ascii_digit() || c == '*' || c == '?')
            });
            if cron_like * 2 < words.len() || !has_cron_char {
                self.error(
                    codes::NOT_CRON,
                    t_start,
                    t_end,
                    format!("`{trimmed}` is not a cron expression"),
                    Some(format!(
                        "write six fields inside cron(...): {FIELD_ORDER}, in UTC; e.g. cron(0 2 ? * SUN *) for every Sunday at 02:00"
                    )),
                );
                return None;
            }
        }

        // Commas between fields?
        let comma_broken =
            words.len() != 6 || words.iter().any(|w| w.starts_with(',') || w.ends_with(','));
        if comma_broken && self.comma_separated(inner_start, inner_end) {
            return None;
        }

        // A no-break space (or another Unicode space) between fields, as pasted from a document.
        if let Some((at, c)) = tokens.iter().find_map(|&(s, e)| {
            self.slice(s, e)
                .char_indices()
                .find(|(_, c)| c.is_whitespace())
                .map(|(i, c)| (s + i, c))
        }) {
            let fixed: Vec<&str> = words
                .iter()
                .flat_map(|w| w.split(char::is_whitespace))
                .filter(|w| !w.is_empty())
                .collect();
            let fixed = format!("cron({})", fixed.join(" "));
            self.error_fix(
                codes::FIELD_SEPARATOR,
                at,
                at + c.len_utf8(),
                format!(
                    "U+{:04X} separates fields here; fields are separated by plain spaces",
                    c as u32
                ),
                Some(format!("write {fixed}")),
                safe(
                    format!(
                        "separate the fields with plain spaces instead of U+{:04X}",
                        c as u32
                    ),
                    fixed,
                ),
            );
            return None;
        }

        match words.len() {
            5 => {
                let suffix = if wrapped {
                    ""
                } else {
                    " and no cron(...) wrapper"
                };
                let (help, fix) = unix_help(words);
                self.error_fix(
                    codes::UNIX_FIVE_FIELDS,
                    tokens[0].0,
                    tokens[4].1,
                    format!(
                        "5 fields, expected 6: this looks like a Unix cron (Minute Hour Day Month Weekday){suffix}"
                    ),
                    Some(help),
                    fix,
                );
                return None;
            }
            6 => {}
            n => {
                self.field_count(tokens, words, n);
                return None;
            }
        }

        if !wrapped {
            let fixed = format!("cron({})", words.join(" "));
            self.error_fix(
                codes::MISSING_WRAPPER,
                t_start,
                t_end,
                "the six fields must be wrapped in `cron(` ... `)`".to_owned(),
                Some(format!("write {fixed}")),
                safe("wrap the six fields in `cron(` ... `)`", fixed),
            );
        }

        let mut fields = [Field::default(); 6];
        for ((field, kind), &(s, e)) in fields.iter_mut().zip(Kind::ALL).zip(tokens) {
            self.field = (s, e);
            *field = self.parse_field(kind, s, e);
        }
        self.fix_hash_in_dom(&few_words, &few_tokens);
        self.finish(&fields, &few_words)
    }

    fn rate_or_at(&mut self, kind: &str, trimmed: &str, start: usize, end: usize) {
        let body = trimmed
            .split_once('(')
            .map(|(_, b)| b.trim_end().trim_end_matches(')'))
            .unwrap_or("");
        let equivalent = if kind == "rate" {
            rate_equivalent(body)
        } else {
            at_equivalent(body)
        };
        let fallback =
            || format!("write a cron expression ({FIELD_ORDER}), e.g. cron(0 2 ? * SUN *)");
        let (message, help, fix) = if kind == "rate" {
            (
                "`rate(...)` is not accepted here: a maintenance window start must be a `cron(...)` expression".to_owned(),
                match &equivalent {
                    Some(e) => format!("a similar recurring schedule (a rate counts from when it is created, a cron is anchored to the clock): {e}"),
                    None => fallback(),
                },
                equivalent.map(|e| {
                    Suggestion {
                        message: format!("write the similar clock-anchored schedule `{e}`"),
                        replacement: e,
                        applicability: Applicability::Suggested,
                    }
                }),
            )
        } else {
            (
                "`at(...)` is a one-time schedule: a maintenance window start must be a recurring `cron(...)` expression".to_owned(),
                match &equivalent {
                    Some(e) => format!(
                        "for a window on that date only, pin every field including the year: {e}"
                    ),
                    None => fallback(),
                },
                equivalent.map(|e| Suggestion {
                    message: format!("write `{e}`, which fires on that date only"),
                    replacement: e,
                    applicability: Applicability::Suggested,
                }),
            )
        };
        self.error_fix(codes::RATE_OR_AT, start, end, message, Some(help), fix);
    }

    /// Reports commas used as field separators; true when reported.
    fn comma_separated(&mut self, start: usize, end: usize) -> bool {
        let inner = self.slice(start, end);
        if !inner.contains(',') {
            return false;
        }
        let parts: Vec<&str> = inner
            .split(',')
            .map(|p| p.trim_matches([' ', '\t']))
            .collect();
        let fine = parts
            .iter()
            .all(|p| !p.is_empty() && !p.contains([' ', '\t']));
        if !fine || !(parts.len() == 5 || parts.len() == 6) {
            return false;
        }
        let (help, fix) = if parts.len() == 6 {
            let fixed = format!("cron({})", parts.join(" "));
            (
                format!("write {fixed}"),
                safe(
                    "separate the six fields with spaces instead of commas",
                    fixed,
                ),
            )
        } else {
            let (help, fix) = unix_help(&parts);
            (format!("separate fields with spaces; also, {help}"), fix)
        };
        let lead = inner.len() - inner.trim_start_matches([' ', '\t']).len();
        let trail = inner.len() - inner.trim_end_matches([' ', '\t']).len();
        self.error_fix(
            codes::FIELD_SEPARATOR,
            start + lead,
            end - trail,
            format!(
                "fields are separated by commas; separate the {} fields with spaces (a comma separates list items inside one field)",
                parts.len()
            ),
            Some(help),
            fix,
        );
        true
    }

    fn field_count(&mut self, tokens: &[(usize, usize)], words: &[&str], n: usize) {
        let first = tokens[0].0;
        let last = tokens[tokens.len() - 1].1;
        // A space after a list comma splits one field in two.
        let mut merged: Vec<String> = Vec::new();
        let mut glue = false;
        for w in words {
            if glue || (w.starts_with(',') && !merged.is_empty()) {
                if let Some(prev) = merged.last_mut() {
                    prev.push_str(w);
                }
            } else {
                merged.push((*w).to_owned());
            }
            glue = w.ends_with(',');
        }
        let (help, fix) = if merged.len() == 6 && merged.len() != n {
            let fixed = format!("cron({})", merged.join(" "));
            (
                format!("remove the spaces inside lists (after or before `,`): {fixed}"),
                safe("remove the spaces inside lists", fixed),
            )
        } else if n == 7 {
            let fixed = format!("cron({})", words[1..].join(" "));
            (
                format!(
                    "this looks like a Quartz expression with a leading seconds field; this dialect has no seconds: {fixed}"
                ),
                suggested(
                    format!("drop the leading seconds field `{}`", words[0]),
                    fixed,
                ),
            )
        } else {
            (
                format!("write the six fields {FIELD_ORDER}, e.g. cron(0 12 * * ? *)"),
                None,
            )
        };
        let (s, e) = if n == 7 && merged.len() != 6 {
            tokens[0]
        } else {
            (first, last)
        };
        self.error_fix(
            codes::FIELD_COUNT,
            s,
            e,
            format!("{n} fields, expected 6 ({FIELD_ORDER})"),
            Some(help),
            fix,
        );
    }

    fn parse_field(&mut self, kind: Kind, start: usize, end: usize) -> Field {
        let raw = self.slice(start, end);
        let mut field = Field {
            start,
            end,
            ..Field::default()
        };
        if raw == "?" {
            if kind.is_day() {
                field.ok = true;
                field.question = true;
            } else {
                self.error_fix(
                    codes::QUESTION_MARK_PLACEMENT,
                    start,
                    end,
                    format!(
                        "{} field: `?` is only allowed in day-of-month or day-of-week",
                        kind.label()
                    ),
                    Some(format!(
                        "use `*` for every value of the {} field",
                        kind.label()
                    )),
                    suggested(
                        format!("write `*` (every {})", kind.unit()),
                        self.splice(start, end, "*"),
                    ),
                );
            }
            return field;
        }
        let multi = raw.contains(',');
        let mut ok = true;
        let mut hashes = 0;
        let mut first_hash = (start, start);
        let mut offset = start;
        for item in raw.split(',') {
            let (ts, te) = (offset, offset + item.len());
            offset = te + 1;
            if item.is_empty() {
                ok = false;
                let kept: Vec<&str> = raw.split(',').filter(|i| !i.is_empty()).collect();
                let fix = (!kept.is_empty()).then(|| {
                    let list = kept.join(",");
                    Suggestion {
                        message: format!("remove the empty list item: `{list}`"),
                        replacement: self.splice(start, end, &list),
                        applicability: Applicability::Safe,
                    }
                });
                self.error_fix(
                    codes::FIELD_SYNTAX,
                    start,
                    end,
                    format!(
                        "{} field: `{raw}` has an empty list item (a leading, trailing or doubled `,`)",
                        kind.label()
                    ),
                    Some("separate list items with a single `,` and no spaces, e.g. `1,15`".to_owned()),
                    fix,
                );
                continue;
            }
            let Some(term) = self.parse_term(kind, ts, te) else {
                ok = false;
                continue;
            };
            if multi {
                match term {
                    Term::Question => {
                        ok = false;
                        let kept: Vec<&str> = raw.split(',').filter(|i| *i != "?").collect();
                        let fix = (!kept.is_empty()).then(|| {
                            let list = kept.join(",");
                            Suggestion {
                                message: format!("drop `?` from the list: `{list}`"),
                                replacement: self.splice(start, end, &list),
                                applicability: Applicability::Suggested,
                            }
                        });
                        self.error_fix(
                            codes::QUESTION_MARK_PLACEMENT,
                            ts,
                            te,
                            format!(
                                "{} field: `?` must be the whole field, not an item of the list `{raw}`",
                                kind.label()
                            ),
                            Some("write either `?` or the list without it".to_owned()),
                            fix,
                        );
                        continue;
                    }
                    Term::DowNth(..) => {
                        hashes += 1;
                        if hashes == 1 {
                            first_hash = (ts, te);
                        }
                    }
                    _ if term.is_special() => {
                        ok = false;
                        let tok = self.slice(ts, te);
                        self.error_fix(
                            codes::SPECIAL_COMBINED,
                            ts,
                            te,
                            format!(
                                "{} field: `{tok}` must be the only item of the field, not part of the list `{raw}`",
                                kind.label()
                            ),
                            Some(format!(
                                "use `{tok}` alone; for more days, use another maintenance window"
                            )),
                            suggested(
                                format!("keep only `{tok}` (the other days need another window)"),
                                self.splice(start, end, tok),
                            ),
                        );
                    }
                    _ => {}
                }
            }
            match term {
                Term::Values(bits) => field.values.union(&bits),
                Term::Question => field.question = true,
                Term::DomLast => field.dom.last = true,
                Term::DomLastWeekday => field.dom.last_weekday = true,
                Term::DomNearest(n) => field.dom.nearest |= 1 << n,
                Term::DowL => field.values.insert(7 - 1),
                Term::DowLast(w) => field.dow.last |= 1 << w,
                Term::DowNth(w, k) => field.dow.nth |= 1 << ((w - 1) * 5 + (k - 1)),
            }
        }
        if hashes > 0 {
            ok = false;
            let first = self.slice(first_hash.0, first_hash.1);
            let message = if hashes > 1 {
                format!(
                    "day-of-week field: `{raw}` has {hashes} `#` items; only one `n#k` item is allowed"
                )
            } else {
                format!(
                    "day-of-week field: `{first}` cannot be combined with other items in `{raw}`"
                )
            };
            self.error_fix(
                codes::HASH_MULTIPLE,
                start,
                end,
                message,
                Some("use one `n#k` item alone (e.g. `6#3`); for several, use one maintenance window each".to_owned()),
                suggested(
                    format!("keep only `{first}` (the other days need another window)"),
                    self.splice(start, end, first),
                ),
            );
        }
        if !ok {
            return Field {
                start,
                end,
                ..Field::default()
            };
        }
        field.ok = true;
        field
    }

    fn parse_term(&mut self, kind: Kind, ts: usize, te: usize) -> Option<Term> {
        let raw = self.slice(ts, te);
        let label = kind.label();
        if raw == "?" {
            if kind.is_day() {
                return Some(Term::Question);
            }
            self.error(
                codes::QUESTION_MARK_PLACEMENT,
                ts,
                te,
                format!("{label} field: `?` is only allowed in day-of-month or day-of-week"),
                None,
            );
            return None;
        }
        if let Some(i) = raw.find('?') {
            let message = if kind.is_day() {
                format!("{label} field: `?` must be the whole field, not part of `{raw}`")
            } else {
                format!("{label} field: `?` is only allowed in day-of-month or day-of-week")
            };
            self.error(
                codes::QUESTION_MARK_PLACEMENT,
                ts + i,
                ts + i + 1,
                message,
                None,
            );
            return None;
        }
        if let Some(i) = raw.find('#') {
            if kind != Kind::Dow {
                self.error(
                    codes::OPERATOR_PLACEMENT,
                    ts + i,
                    ts + i + 1,
                    format!(
                        "{label} field: `#` (n-th weekday of the month) is only allowed in day-of-week; this field accepts {} with {}",
                        kind.range_text(),
                        kind.operators()
                    ),
                    (kind == Kind::Dom).then(|| {
                        "put the `n#k` item in day-of-week and `?` in day-of-month".to_owned()
                    }),
                );
                if kind == Kind::Dom && (ts, te) == self.field {
                    self.hash_in_dom = Some(self.problems.len() - 1);
                }
                return None;
            }
            return self.parse_nth(ts, te, i);
        }
        if kind == Kind::Dom {
            if raw.eq_ignore_ascii_case("L") {
                return Some(Term::DomLast);
            }
            if raw.eq_ignore_ascii_case("LW") {
                return Some(Term::DomLastWeekday);
            }
            if strip_prefix_ci(raw, "L-").is_some() {
                self.error(
                    codes::LAST_OFFSET,
                    ts,
                    te,
                    format!(
                        "day-of-month field: `{raw}` (an offset from the last day) is not part of this dialect; only `L` and `LW` are"
                    ),
                    Some("use `L` for the last day of the month, or list explicit days (e.g. `28`)".to_owned()),
                );
                return None;
            }
            if raw.len() > 1 && ends_with_ci(raw, b'W') {
                let prefix = &raw[..raw.len() - 1];
                if prefix.bytes().all(|b| b.is_ascii_digit()) {
                    let n = self.parse_value(kind, ts, te - 1, ts, te)?;
                    return Some(Term::DomNearest(n));
                }
                self.error(
                    codes::FIELD_SYNTAX,
                    ts,
                    te,
                    format!(
                        "day-of-month field: `{raw}` is not valid: `W` follows a single day number (e.g. `15W`), not a range, step, list or `*`"
                    ),
                    Some("use one `nW` item, e.g. `15W` for the weekday nearest the 15th".to_owned()),
                );
                return None;
            }
        }
        if kind == Kind::Dow {
            if raw.eq_ignore_ascii_case("L") {
                return Some(Term::DowL);
            }
            if raw.len() > 1 && ends_with_ci(raw, b'L') && !raw.contains(['-', '/', '*', ',']) {
                let w = self.parse_value(kind, ts, te - 1, ts, te)?;
                return Some(Term::DowLast(w));
            }
        }
        self.parse_plain(kind, ts, te)
    }

    fn parse_nth(&mut self, ts: usize, te: usize, hash: usize) -> Option<Term> {
        let raw = self.slice(ts, te);
        let after = &raw[hash + 1..];
        if after.contains('#') || raw[..hash].contains(['-', '/', '*']) {
            self.error(
                codes::FIELD_SYNTAX,
                ts,
                te,
                format!(
                    "day-of-week field: `{raw}` is not valid: `#` joins one weekday and one occurrence, e.g. `6#3` (third Friday)"
                ),
                None,
            );
            return None;
        }
        let weekday = self.parse_value(Kind::Dow, ts, ts + hash, ts, te);
        let (ks, ke) = (ts + hash + 1, te);
        let occurrence = if !after.is_empty() && after.bytes().all(|b| b.is_ascii_digit()) {
            match after.parse::<u32>() {
                Ok(k) if (1..=5).contains(&k) => Some(k),
                _ => {
                    self.error(
                        codes::FIELD_VALUE,
                        ks,
                        ke,
                        format!(
                            "day-of-week field: occurrence {after} in `{raw}` is out of range 1-5"
                        ),
                        Some("a month has at most five of each weekday; for the last one use `nL` (e.g. `6L`)".to_owned()),
                    );
                    None
                }
            }
        } else {
            let (s, e) = if after.is_empty() { (ts, te) } else { (ks, ke) };
            self.error(
                codes::FIELD_SYNTAX,
                s,
                e,
                format!(
                    "day-of-week field: `{raw}` needs an occurrence number 1-5 after `#`, e.g. `6#3` (third Friday)"
                ),
                None,
            );
            None
        };
        Some(Term::DowNth(weekday?, occurrence?))
    }

    /// `*`, `v`, `a-b`, each optionally with `/step` (except in day-of-week).
    fn parse_plain(&mut self, kind: Kind, ts: usize, te: usize) -> Option<Term> {
        let raw = self.slice(ts, te);
        let label = kind.label();
        let slash = raw.find('/');
        let (base_end, step) = match slash {
            Some(i) => (ts + i, Some((ts + i + 1, te))),
            None => (te, None),
        };
        let base = self.slice(ts, base_end);
        let max_step = kind.max_step();
        let mut ok = true;
        // Step text of a step above the field's largest, reported once the range is known.
        let mut too_large = None;

        let step_value = match (step, max_step) {
            (None, _) => None,
            // No steps in this field: reported below, the number only feeds the fix.
            (Some((ss, se)), None) => digits(self.slice(ss, se)).filter(|&n| n >= 1),
            (Some((ss, se)), Some(max)) => {
                let text = self.slice(ss, se);
                if text.is_empty() {
                    self.error(
                        codes::STEP,
                        ts,
                        te,
                        format!("{label} field: `{raw}` has no step value after `/`"),
                        Some(format!("write a step, e.g. `{base}/5`")),
                    );
                    ok = false;
                    None
                } else if text.bytes().all(|b| b.is_ascii_digit()) {
                    match text.parse::<u32>() {
                        Ok(n) if (1..=max).contains(&n) => Some(n),
                        Ok(0) => {
                            self.error(
                                codes::STEP,
                                ss,
                                se,
                                format!(
                                    "{label} field: step 0 in `{raw}` is out of range 1-{max}; a step must be at least 1"
                                ),
                                Some(if base == "*" || base.is_empty() {
                                    "use a step of 1 or more, e.g. `*/5`".to_owned()
                                } else {
                                    format!(
                                        "use `{base}` alone for one value, or a step of 1 or more"
                                    )
                                }),
                            );
                            ok = false;
                            None
                        }
                        _ => {
                            too_large = Some((ss, se, max));
                            ok = false;
                            None
                        }
                    }
                } else {
                    let what = if text.contains('/') {
                        "more than one `/`".to_owned()
                    } else {
                        format!("step `{text}` is not a number")
                    };
                    self.error(
                        codes::FIELD_SYNTAX,
                        ss,
                        se,
                        format!("{label} field: `{raw}`: {what}"),
                        Some(format!("write `start/step`, e.g. `{}/5`", kind.min())),
                    );
                    ok = false;
                    None
                }
            }
        };

        let range = if base == "*" {
            Some((kind.min(), kind.max()))
        } else if base.is_empty() && step.is_some() {
            if max_step.is_some() {
                self.error_fix(
                    codes::FIELD_SYNTAX,
                    ts,
                    te,
                    format!("{label} field: `{raw}` has nothing before `/`"),
                    Some(format!(
                        "write `*/step` or `start/step`, e.g. `{}/5`",
                        kind.min()
                    )),
                    suggested(
                        format!("start the step at `*`: `*{raw}`"),
                        self.splice(ts, ts, "*"),
                    ),
                );
            }
            None
        } else if let Some(dash) = base.find('-').filter(|&d| d > 0) {
            let (ls, le) = (ts, ts + dash);
            let (hs, he) = (ts + dash + 1, base_end);
            if self.slice(hs, he).contains('-') {
                self.error(
                    codes::FIELD_SYNTAX,
                    ts,
                    base_end,
                    format!("{label} field: `{base}` has more than one `-`; a range is `low-high`"),
                    None,
                );
                None
            } else {
                let lo = self.parse_value(kind, ls, le, ts, te);
                let hi = self.parse_value(kind, hs, he, ts, te);
                match (lo, hi) {
                    (Some(lo), Some(hi)) if lo > hi => {
                        // A step where there may be none is the problem reported below.
                        if step.is_none() || max_step.is_some() {
                            self.reversed(kind, (ts, base_end, te), (lo, hi), step, step_value);
                        }
                        None
                    }
                    (Some(lo), Some(hi)) => Some((lo, hi)),
                    _ => None,
                }
            }
        } else {
            self.parse_value(kind, ts, base_end, ts, te).map(|v| {
                if step.is_some() {
                    (v, kind.max())
                } else {
                    (v, v)
                }
            })
        };

        if max_step.is_none()
            && let Some(i) = slash
        {
            self.step_in_day_of_week(kind, (ts, ts + i, te), range, step_value);
            return None;
        }
        if let Some((ss, se, max)) = too_large {
            let text = self.slice(ss, se);
            let named = base.starts_with(|c: char| c.is_ascii_alphabetic());
            let fix = range.map(|(lo, _)| {
                let only = kind.spell(lo, named);
                Suggestion {
                    message: format!(
                        "`{raw}` selects only {} {only}: write `{only}`",
                        kind.unit()
                    ),
                    replacement: self.splice(ts, te, &only),
                    applicability: Applicability::Suggested,
                }
            });
            self.error_fix(
                codes::STEP,
                ss,
                se,
                format!("{label} field: step {text} in `{raw}` is out of range 1-{max}"),
                Some(format!("use a step between 1 and {max}, or a single value")),
                fix,
            );
        }
        let (lo, hi) = range?;
        if !ok {
            return None;
        }
        let step = step_value.unwrap_or(1) as usize;
        let mut bits = Bits::default();
        for v in (lo..=hi).step_by(step) {
            bits.insert(v - kind.min());
        }
        Some(Term::Values(bits))
    }

    /// `/` in day-of-week, which the EventBridge reference does not list for that field. The
    /// fix lists the days the step would select (as Quartz reads it).
    fn step_in_day_of_week(
        &mut self,
        kind: Kind,
        (ts, slash, te): (usize, usize, usize),
        range: Option<(u32, u32)>,
        step: Option<u32>,
    ) {
        let raw = self.slice(ts, te);
        let base = self.slice(ts, slash);
        let named = base == "*" || base.starts_with(|c: char| c.is_ascii_alphabetic());
        let list = match (range, step) {
            (Some((lo, hi)), Some(n)) => Some(
                (lo..=hi)
                    .step_by(n as usize)
                    .map(|v| kind.spell(v, named))
                    .collect::<Vec<_>>()
                    .join(","),
            ),
            _ => None,
        };
        let help = match &list {
            Some(list) => format!(
                "list the days instead: `{list}`; no cron expression can say \"every other week\""
            ),
            None => "list the days instead, e.g. `MON,WED,FRI`".to_owned(),
        };
        let fix = list.map(|list| Suggestion {
            message: format!("list the days `{raw}` selects: `{list}`"),
            replacement: self.splice(ts, te, &list),
            applicability: Applicability::Suggested,
        });
        self.error_fix(
            codes::OPERATOR_PLACEMENT,
            slash,
            slash + 1,
            format!(
                "{} field: `/` (a step) is not allowed in day-of-week; this field accepts {} with {}",
                kind.label(),
                kind.range_text(),
                kind.operators()
            ),
            Some(help),
            fix,
        );
    }

    fn reversed(
        &mut self,
        kind: Kind,
        (start, end, item_end): (usize, usize, usize),
        (lo, hi): (u32, u32),
        step: Option<(usize, usize)>,
        step_value: Option<u32>,
    ) {
        let label = kind.label();
        let text = self.slice(start, end);
        let named = text.starts_with(|c: char| c.is_ascii_alphabetic());
        let (help, fix) = if kind == Kind::Year {
            let swapped = format!("{hi}-{lo}");
            let fix = suggested(
                format!("write the lower year first: `{swapped}`"),
                self.splice(start, end, &swapped),
            );
            (format!("write the lower year first: `{swapped}`"), fix)
        } else if step.is_some() {
            let (a, b) = (
                format!(
                    "{}-{}",
                    kind.spell(lo, named),
                    kind.spell(kind.max(), named)
                ),
                format!(
                    "{}-{}",
                    kind.spell(kind.min(), named),
                    kind.spell(hi, named)
                ),
            );
            let fix = step_value.and_then(|n| {
                let list = format!("{a}/{n},{b}/{n}");
                suggested(
                    format!("split it into two stepped ranges: `{list}`"),
                    self.splice(start, item_end, &list),
                )
            });
            (
                format!(
                    "split it into two ranges that do not wrap, e.g. `{a}` and `{b}` (each with its own step)"
                ),
                fix,
            )
        } else {
            let part = |a: u32, b: u32| {
                if a == b {
                    kind.spell(a, named)
                } else {
                    format!("{}-{}", kind.spell(a, named), kind.spell(b, named))
                }
            };
            let list = format!("{},{}", part(lo, kind.max()), part(kind.min(), hi));
            let fix = suggested(
                format!("split it into two ranges: `{list}`"),
                self.splice(start, item_end, &list),
            );
            (
                format!("ranges do not wrap around; write the list `{list}`"),
                fix,
            )
        };
        self.error_fix(
            codes::RANGE_REVERSED,
            start,
            end,
            format!("{label} field: range `{text}` runs from high to low"),
            Some(help),
            fix,
        );
    }

    /// One number or name in `text[vs..ve]`; `ts..te` is the enclosing item, used for the span
    /// when the value is missing.
    fn parse_value(
        &mut self,
        kind: Kind,
        vs: usize,
        ve: usize,
        ts: usize,
        te: usize,
    ) -> Option<u32> {
        let s = self.slice(vs, ve);
        let label = kind.label();
        if s.is_empty() {
            let item = self.slice(ts, te);
            self.error(
                codes::FIELD_SYNTAX,
                ts,
                te,
                format!(
                    "{label} field: `{item}` is missing a value; expected {}",
                    kind.range_text()
                ),
                None,
            );
            return None;
        }
        if s.bytes().all(|b| b.is_ascii_digit()) {
            if let Ok(v) = s.parse::<u32>()
                && (kind.min()..=kind.max()).contains(&v)
            {
                return Some(v);
            }
            let value = s.parse::<u64>().ok();
            let whole_field = (vs, ve) == self.field;
            let whole_item = (vs, ve) == (ts, te);
            let (help, fix) = match (kind, value) {
                (Kind::Dow, Some(0)) => (
                    Some("Sunday is 1 in this dialect (Saturday is 7): write 1 or SUN".to_owned()),
                    // Only alone: in `0-5` the other numbers would be Unix ones too.
                    if whole_field {
                        suggested("write `SUN` (Sunday is 1 here)", self.splice(vs, ve, "SUN"))
                    } else {
                        None
                    },
                ),
                (Kind::Hours, Some(24)) => (
                    Some("midnight is hour 0".to_owned()),
                    if whole_item {
                        suggested("write `0` for midnight", self.splice(vs, ve, "0"))
                    } else {
                        None
                    },
                ),
                (Kind::Year, Some(v)) if v < 100 => {
                    let year = 2000 + v;
                    (
                        Some(format!("write the year with four digits, e.g. {year}")),
                        suggested(
                            format!("write `{year}`"),
                            self.splice(vs, ve, &year.to_string()),
                        ),
                    )
                }
                (Kind::Dom, Some(v)) if v > 31 => (
                    Some("use `L` for the last day of the month".to_owned()),
                    if whole_field {
                        suggested(
                            "write `L` (the last day of the month)",
                            self.splice(vs, ve, "L"),
                        )
                    } else {
                        None
                    },
                ),
                _ => (None, None),
            };
            self.error_fix(
                codes::FIELD_VALUE,
                vs,
                ve,
                format!("{label} field: {s} is out of range {}", kind.range_text()),
                help,
                fix,
            );
            return None;
        }
        if let Some(names) = kind.names()
            && let Some(i) = name_index(names, s)
        {
            return Some(kind.min() + i as u32);
        }
        let mut fix = None;
        let (message, help, code, span) = if let Some(i) = name_index(&DAY_NAMES, s) {
            (
                format!(
                    "{label} field: `{s}` is a day-of-week name; this field accepts {}",
                    kind.range_text()
                ),
                Some(format!(
                    "day names belong in the day-of-week field (5th); `{}` is day {}",
                    DAY_NAMES[i],
                    i + 1
                )),
                codes::FIELD_SYNTAX,
                (vs, ve),
            )
        } else if name_index(&MONTH_NAMES, s).is_some() {
            (
                format!(
                    "{label} field: `{s}` is a month name; this field accepts {}",
                    kind.range_text()
                ),
                Some("month names belong in the month field (4th)".to_owned()),
                codes::FIELD_SYNTAX,
                (vs, ve),
            )
        } else if let Some(i) = name_index(&DAY_FULL, s) {
            let short = DAY_NAMES[i];
            if kind == Kind::Dow {
                fix = safe(format!("write `{short}`"), self.splice(vs, ve, short));
            }
            (
                format!("{label} field: `{s}` is not valid; day names are three letters"),
                Some(format!("write `{short}`")),
                codes::FIELD_SYNTAX,
                (vs, ve),
            )
        } else if let Some(i) = name_index(&MONTH_FULL, s) {
            let short = MONTH_NAMES[i];
            if kind == Kind::Month {
                fix = safe(format!("write `{short}`"), self.splice(vs, ve, short));
            }
            (
                format!("{label} field: `{s}` is not valid; month names are three letters"),
                Some(format!("write `{short}`")),
                codes::FIELD_SYNTAX,
                (vs, ve),
            )
        } else if let Some(i) = s.find(['L', 'W', 'l', 'w']).filter(|_| {
            s.bytes()
                .all(|b| b.is_ascii_digit() || matches!(b, b'L' | b'W' | b'l' | b'w'))
                && (!kind.is_day() || (kind == Kind::Dow && s.contains(['W', 'w'])))
        }) {
            let i = if kind == Kind::Dow {
                s.find(['W', 'w']).unwrap_or(i)
            } else {
                i
            };
            let is_l = s
                .as_bytes()
                .get(i)
                .is_some_and(|b| b.eq_ignore_ascii_case(&b'L'));
            let (letter, allowed) = if is_l {
                ("L", "day-of-month and day-of-week")
            } else {
                ("W", "day-of-month")
            };
            (
                format!(
                    "{label} field: `{letter}` is only allowed in {allowed}; this field accepts {} with {}",
                    kind.range_text(),
                    kind.operators()
                ),
                None,
                codes::OPERATOR_PLACEMENT,
                (vs + i, vs + i + 1),
            )
        } else if kind.is_day() && s.contains(['L', 'W', 'l', 'w']) {
            let item = self.slice(ts, te);
            let forms = if kind == Kind::Dom {
                "`L` (last day), `LW` (last weekday) or `nW` after one day number (`15W`)"
            } else {
                "`L` (Saturday) or `nL` after one weekday (`6L`)"
            };
            (
                format!(
                    "{label} field: `{item}` is not valid: here the letters may only be {forms}, alone in the field, never in a range or step"
                ),
                None,
                codes::FIELD_SYNTAX,
                (ts, te),
            )
        } else {
            let what = match s.chars().find(|c| !c.is_ascii_alphanumeric()) {
                Some(c) if !c.is_ascii() || c.is_control() => {
                    format!(" (unexpected character U+{:04X})", c as u32)
                }
                _ => String::new(),
            };
            (
                format!(
                    "{label} field: `{s}` is not valid{what}; this field accepts {} with {}",
                    kind.range_text(),
                    kind.operators()
                ),
                None,
                codes::FIELD_SYNTAX,
                (vs, ve),
            )
        };
        self.error_fix(code, span.0, span.1, message, help, fix);
        None
    }

    /// The fix of a `#` in day-of-month (reported while that field was parsed): the item moves
    /// to day-of-week and day-of-month becomes `?`, when day-of-week was free (`?` or `*`) and
    /// the item is a valid `n#k` there.
    fn fix_hash_in_dom(&mut self, words: &[&str; 6], tokens: &[(usize, usize); 6]) {
        let Some(index) = self.hash_in_dom else {
            return;
        };
        let applicability = match words[4] {
            "?" => Applicability::Safe,
            "*" => Applicability::Suggested,
            _ => return,
        };
        let (ts, te) = tokens[2];
        let mut probe = Parser::new(self.text);
        probe.field = (ts, te);
        let valid = probe.parse_term(Kind::Dow, ts, te).is_some() && probe.problems.is_empty();
        if valid && let Some(problem) = self.problems.get_mut(index) {
            problem.fix = suggestion(
                applicability,
                format!(
                    "move `{}` to day-of-week and put `?` in day-of-month",
                    words[2]
                ),
                canonical(words, &[(2, "?"), (4, words[2])]),
            );
        }
    }

    /// Cross-field checks and assembly.
    fn finish(&mut self, fields: &[Field; 6], words: &[&str; 6]) -> Option<Schedule> {
        let [minutes, hours, dom, month, dow, year] = fields;

        let mut days_ok = true;
        if dom.question && dow.question {
            days_ok = false;
            let fixed = canonical(words, &[(2, "*")]);
            self.error_fix(
                codes::DAY_FIELDS,
                dom.start,
                dow.end,
                "day-of-month and day-of-week are both `?`; exactly one of them must be `?`"
                    .to_owned(),
                Some(format!("use `*` in day-of-month for every day: {fixed}")),
                suggested("put `*` in day-of-month (every day)", fixed),
            );
        } else if !dom.question && !dow.question {
            days_ok = false;
            // A Unix-style Sunday (0) is out of range here (1-7, 1 = Sunday): suggest the name.
            let dow_word = if words[4] == "0" { "SUN" } else { words[4] };
            let (help, fix) = if words[2] == "*" {
                let fixed = canonical(words, &[(2, "?"), (4, dow_word)]);
                (
                    format!("put `?` in the day field you do not use: {fixed}"),
                    suggested("put `?` in day-of-month", fixed),
                )
            } else if words[4] == "*" {
                let fixed = canonical(words, &[(4, "?")]);
                (
                    format!("put `?` in the day field you do not use: {fixed}"),
                    suggested("put `?` in day-of-week", fixed),
                )
            } else {
                let first = canonical(words, &[(4, "?")]);
                let second = canonical(words, &[(2, "?"), (4, dow_word)]);
                (
                    format!(
                        "one expression cannot select both; keep one and put `?` in the other: {first} or {second}"
                    ),
                    suggested(
                        format!(
                            "keep day-of-month and put `?` in day-of-week (or keep day-of-week: {second})"
                        ),
                        first,
                    ),
                )
            };
            self.error_fix(
                codes::DAY_FIELDS,
                dom.start,
                dow.end,
                format!(
                    "day-of-month `{}` and day-of-week `{}` are both set; exactly one of them must be `?`",
                    words[2], words[4]
                ),
                Some(help),
                fix,
            );
        }

        if minutes.ok && minutes.values.count() == 60 {
            let during = if hours.ok && hours.values.count() < 24 {
                " during each selected hour"
            } else {
                ""
            };
            let fixed = canonical(words, &[(0, "0")]);
            self.report(
                codes::EVERY_MINUTE,
                Level::Warning,
                (minutes.start, minutes.end),
                format!(
                    "minutes field: `{}` selects every minute, so a new maintenance window would start every minute (60 per hour){during}",
                    words[0]
                ),
                Some(format!("choose the minute the window opens, e.g. {fixed}")),
                suggested("open the window at minute 0", fixed),
            );
        }

        if !(fields.iter().all(|f| f.ok) && days_ok) {
            return None;
        }
        let days = if dow.question {
            let mut spec = dom.dom;
            spec.days = (dom.values.low() as u32) << 1;
            DaySpec::Dom(spec)
        } else {
            let mut spec = dow.dow;
            spec.days = (dow.values.low() as u8) << 1;
            DaySpec::Dow(spec)
        };
        let schedule = Schedule {
            minutes: minutes.values.low(),
            hours: hours.values.low() as u32,
            months: (month.values.low() as u16) << 1,
            years: year.values,
            days,
        };

        let (first, last) = (minutes.start, year.end);
        if schedule.never_fires() {
            let (message, help) = match days {
                DaySpec::Dom(spec)
                    if skipped_months(&spec, schedule.months, false) != schedule.months
                        && skipped_months(&spec, schedule.months, true) == schedule.months =>
                {
                    (
                        format!(
                            "this expression never fires: day-of-month `{}` in month `{}` exists only in leap years, and year `{}` selects none",
                            words[2], words[3], words[5]
                        ),
                        Some("include a leap year (2028, 2032, ...) or use `L` for the last day of February".to_owned()),
                    )
                }
                DaySpec::Dom(spec) if skipped_months(&spec, schedule.months, false) == schedule.months => (
                    format!(
                        "this expression never fires: day-of-month `{}` never occurs in month `{}`",
                        words[2], words[3]
                    ),
                    Some("pick days that exist in those months (at most 28 or 29 in February, 30 in April, June, September and November), or use `L` for the last day".to_owned()),
                ),
                _ => (
                    format!(
                        "this expression never fires: no date between {MIN_YEAR} and {MAX_YEAR} matches day-of-month `{}`, month `{}`, day-of-week `{}` and year `{}` together",
                        words[2], words[3], words[4], words[5]
                    ),
                    Some("check the day, month and year fields against a calendar".to_owned()),
                ),
            };
            self.error(codes::NEVER_FIRES, first, last, message, help);
            return Some(schedule);
        }

        if let DaySpec::Dom(spec) = days {
            let skipped = skipped_months(&spec, schedule.months, false);
            let leap_only = skipped_months(&spec, schedule.months, true) & !skipped;
            if skipped != 0 || leap_only != 0 {
                let list: Vec<&str> = (1..=12)
                    .filter(|m| skipped & (1 << m) != 0)
                    .map(|m| MONTH_NAMES[m - 1])
                    .collect();
                let mut parts = Vec::new();
                if !list.is_empty() {
                    parts.push(format!("no window in {}", list.join(", ")));
                }
                if leap_only != 0 {
                    parts.push("a window in FEB only in leap years".to_owned());
                }
                let fixed = canonical(words, &[(2, "L")]);
                self.report(
                    codes::MONTH_SKIPPED,
                    Level::Warning,
                    (dom.start, month.end),
                    format!(
                        "day-of-month `{}` does not exist in every selected month: {}",
                        words[2],
                        parts.join(", and ")
                    ),
                    Some(format!("for the end of every month use `L`: {fixed}")),
                    suggested("use `L`, the last day of every month", fixed),
                );
            }
        }
        Some(schedule)
    }
}

/// Months (bit m) of `months` in which the rule can never select a day; `feb28` checks a
/// 28-day February instead of a 29-day one.
fn skipped_months(spec: &DomSpec, months: u16, feb28: bool) -> u16 {
    if spec.last || spec.last_weekday {
        return 0;
    }
    let wanted = spec.days | spec.nearest;
    let mut out = 0;
    for m in 1..=12u32 {
        if months & (1 << m) == 0 {
            continue;
        }
        let n = match m {
            2 if feb28 => 28,
            2 => 29,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        };
        let valid = if n >= 31 {
            !0u32
        } else {
            (1u32 << (n + 1)) - 1
        };
        if wanted & valid & !1 == 0 {
            out |= 1 << m;
        }
    }
    out
}
