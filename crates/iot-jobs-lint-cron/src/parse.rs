//! The parser: text → [`Schedule`] plus every [`Problem`] it can find in one pass.

use crate::CronExpression;
use crate::engine::{Bits, DaySpec, DomSpec, DowSpec, MAX_YEAR, MIN_YEAR, Schedule};
use crate::problem::{Level, Problem, codes};

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
/// input, and does no I/O and reads no clock.
///
/// An expression that can never fire between 1970 and 2199 (for example `cron(0 0 30 2 ? *)`) is
/// reported as [`codes::NEVER_FIRES`]. A year range that lies entirely in the past is *not*
/// reported, because this function has no clock: call
/// [`CronExpression::next_at_or_after`] with the current time and treat `None` as "no future
/// occurrence".
///
/// ```
/// let parsed = iot_jobs_lint_cron::parse("cron(34 12 * * SAT *)");
/// assert!(parsed.expression.is_none());
/// assert_eq!(parsed.problems[0].code, "cron/day-fields");
/// assert_eq!(parsed.problems[0].help.as_deref(),
///            Some("put `?` in the day field you do not use: cron(34 12 ? * SAT *)"));
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
    let mut parser = Parser {
        text,
        problems: Vec::new(),
    };
    let schedule = parser.run();
    let mut problems = parser.problems;
    problems.sort_by_key(|p| (p.start, p.end));
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

    fn size(self) -> u32 {
        self.max() - self.min() + 1
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
            Kind::Dow => "`,` `-` `*` `/` `?` `L` `#`",
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
}

/// Byte ranges of the space/tab-separated tokens of `text[start..end]`.
fn split_fields(text: &str, start: usize, end: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut current: Option<usize> = None;
    let slice = text.get(start..end).unwrap_or("");
    for (i, c) in slice.char_indices() {
        if c == ' ' || c == '\t' {
            if let Some(s) = current.take() {
                out.push((start + s, start + i));
            }
        } else if current.is_none() {
            current = Some(i);
        }
    }
    if let Some(s) = current {
        out.push((start + s, end));
    }
    out
}

/// Does `token` consist only of cron characters and cron words?
fn cronish(token: &str) -> bool {
    let mut word = String::new();
    let word_ok = |w: &str| {
        w.is_empty()
            || MONTH_NAMES.contains(&w)
            || DAY_NAMES.contains(&w)
            || matches!(w, "L" | "W" | "LW")
    };
    for c in token.chars() {
        if c.is_ascii_alphabetic() {
            word.push(c.to_ascii_uppercase());
        } else {
            if !word_ok(&word) {
                return false;
            }
            word.clear();
            if !(c.is_ascii_digit() || "*?/,#-".contains(c)) {
                return false;
            }
        }
    }
    word_ok(&word)
}

/// Unix day-of-week (0 or 7 = Sunday) → this dialect, spelled with names.
fn unix_dow(field: &str) -> Option<String> {
    let name = |s: &str| -> Option<(u32, bool)> {
        if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) {
            let n: u32 = s.parse().ok()?;
            (n <= 7).then_some((n % 7, n == 7))
        } else {
            let up = s.to_ascii_uppercase();
            DAY_NAMES
                .iter()
                .position(|d| *d == up)
                .map(|i| (i as u32, false))
        }
    };
    let mut out = Vec::new();
    for term in field.split(',') {
        let (base, step) = match term.split_once('/') {
            Some((b, s)) => (b, Some(s)),
            None => (term, None),
        };
        let step_text = step.map(|s| format!("/{s}")).unwrap_or_default();
        if base == "*" {
            out.push(format!("*{step_text}"));
        } else if let Some((lo, hi)) = base.split_once('-') {
            let (lo, _) = name(lo)?;
            let (hi, hi_seven) = name(hi)?;
            if hi_seven && lo == 0 {
                out.push(format!("*{step_text}"));
            } else if hi_seven {
                if step.is_some() {
                    return None;
                }
                out.push(format!("{}-SAT,SUN", DAY_NAMES[lo as usize]));
            } else {
                out.push(format!(
                    "{}-{}{step_text}",
                    DAY_NAMES[lo as usize], DAY_NAMES[hi as usize]
                ));
            }
        } else {
            let (v, _) = name(base)?;
            out.push(format!("{}{step_text}", DAY_NAMES[v as usize]));
        }
    }
    Some(out.join(","))
}

/// Help text converting a Unix five-field cron to this dialect.
fn unix_help(fields: &[&str]) -> String {
    let [minute, hour, dom, month, dow] = [fields[0], fields[1], fields[2], fields[3], fields[4]];
    let converted = unix_dow(dow);
    let dow_new = converted.clone().unwrap_or_else(|| dow.to_owned());
    let numbering = if converted.is_none() {
        " (check the day-of-week numbers: here 1 = Sunday ... 7 = Saturday)"
    } else {
        ""
    };
    let base = "this dialect has a sixth field (Year), needs `?` in the day field you do not use, and counts Sunday as 1";
    if dow == "*" || dow == "?" {
        format!("{base}: cron({minute} {hour} {dom} {month} ? *)")
    } else if dom == "*" || dom == "?" {
        format!("{base}: cron({minute} {hour} ? {month} {dow_new} *){numbering}")
    } else {
        format!(
            "{base}; Unix fires when either day field matches, which one expression cannot say: use two windows, cron({minute} {hour} {dom} {month} ? *) and cron({minute} {hour} ? {month} {dow_new} *){numbering}"
        )
    }
}

/// Equivalent of a Unix `@nickname`, if known.
fn nickname(word: &str) -> Option<&'static str> {
    Some(match word.to_ascii_lowercase().as_str() {
        "@yearly" | "@annually" => "cron(0 0 1 1 ? *)",
        "@monthly" => "cron(0 0 1 * ? *)",
        "@weekly" => "cron(0 0 ? * SUN *)",
        "@daily" | "@midnight" => "cron(0 0 * * ? *)",
        "@hourly" => "cron(0 * * * ? *)",
        _ => return None,
    })
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
    fn push(
        &mut self,
        code: &'static str,
        level: Level,
        start: usize,
        end: usize,
        message: String,
        help: Option<String>,
    ) {
        self.problems.push(Problem {
            code,
            level,
            message,
            help,
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
        self.push(code, Level::Error, start, end, message, help);
    }

    fn slice(&self, start: usize, end: usize) -> &'a str {
        self.text.get(start..end).unwrap_or("")
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
        let lower = trimmed.to_ascii_lowercase();

        // rate(...) / at(...)
        for (keyword, kind) in [("rate", "rate"), ("at", "at")] {
            if let Some(rest) = lower.strip_prefix(keyword)
                && rest.trim_start().starts_with('(')
            {
                self.rate_or_at(kind, trimmed, t_start, t_end);
                return None;
            }
        }

        // The wrapper.
        let mut wrapped = false;
        let (mut inner_start, mut inner_end) = (t_start, t_end);
        if let Some(rest) = lower.strip_prefix("cron")
            && rest.trim_start().starts_with('(')
        {
            wrapped = true;
            let open = t_start + 4 + (rest.len() - rest.trim_start().len());
            if !trimmed.starts_with("cron(") {
                let fixed_body = self.slice(open + 1, t_end).to_owned();
                self.error(
                    codes::WRAPPER_SYNTAX,
                    t_start,
                    open + 1,
                    format!(
                        "the wrapper is written `{}`; it must be `cron(` in lower case with no space before `(`",
                        self.slice(t_start, open + 1)
                    ),
                    Some(format!("write cron({fixed_body}")),
                );
            }
            for (s, e, side) in [(0, t_start, "before"), (t_end, text.len(), "after")] {
                if s < e {
                    self.error(
                        codes::WRAPPER_SYNTAX,
                        s,
                        e,
                        format!("whitespace {side} the expression: it must start with `cron(` and end with `)`"),
                        Some(format!("remove it: {trimmed}")),
                    );
                }
            }
            inner_start = open + 1;
            match self.slice(inner_start, t_end).rfind(')') {
                Some(close) => {
                    let close = inner_start + close;
                    inner_end = close;
                    if close + 1 < t_end {
                        self.error(
                            codes::WRAPPER_SYNTAX,
                            close + 1,
                            t_end,
                            format!(
                                "unexpected text `{}` after the closing `)`",
                                self.slice(close + 1, t_end)
                            ),
                            Some(format!("remove it: {}", self.slice(t_start, close + 1))),
                        );
                    }
                }
                None => {
                    inner_end = t_end;
                    self.error(
                        codes::WRAPPER_SYNTAX,
                        t_start,
                        open + 1,
                        "`cron(` has no closing `)`".to_owned(),
                        Some(format!("close it: {trimmed})")),
                    );
                }
            }
        }

        let tokens = split_fields(text, inner_start, inner_end);
        if tokens.is_empty() {
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
        let words: Vec<&str> = tokens.iter().map(|&(s, e)| self.slice(s, e)).collect();

        if !wrapped {
            if words.len() == 1
                && let Some(equivalent) = nickname(words[0])
            {
                self.error(
                    codes::NOT_CRON,
                    t_start,
                    t_end,
                    format!(
                        "`{trimmed}` is a Unix cron nickname, not an expression of this dialect"
                    ),
                    Some(format!("write {equivalent}")),
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
            let fixed: Vec<String> = words
                .iter()
                .flat_map(|w| w.split(char::is_whitespace))
                .filter(|w| !w.is_empty())
                .map(str::to_owned)
                .collect();
            self.error(
                codes::FIELD_SEPARATOR,
                at,
                at + c.len_utf8(),
                format!(
                    "U+{:04X} separates fields here; fields are separated by plain spaces",
                    c as u32
                ),
                Some(format!("write cron({})", fixed.join(" "))),
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
                self.error(
                    codes::UNIX_FIVE_FIELDS,
                    tokens[0].0,
                    tokens[4].1,
                    format!(
                        "5 fields, expected 6: this looks like a Unix cron (Minute Hour Day Month Weekday){suffix}"
                    ),
                    Some(unix_help(&words)),
                );
                return None;
            }
            6 => {}
            n => {
                self.field_count(&tokens, &words, n);
                return None;
            }
        }

        if !wrapped {
            self.error(
                codes::MISSING_WRAPPER,
                t_start,
                t_end,
                "the six fields must be wrapped in `cron(` ... `)`".to_owned(),
                Some(format!("write cron({})", words.join(" "))),
            );
        }

        let mut fields = [Field::default(); 6];
        for (i, kind) in Kind::ALL.into_iter().enumerate() {
            let (s, e) = tokens[i];
            fields[i] = self.parse_field(kind, s, e);
        }
        self.finish(&fields, &words)
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
        let (message, help) = if kind == "rate" {
            (
                "`rate(...)` is not accepted here: a maintenance window start must be a `cron(...)` expression".to_owned(),
                match equivalent {
                    Some(e) => format!("a similar recurring schedule (a rate counts from when it is created, a cron is anchored to the clock): {e}"),
                    None => format!(
                        "write a cron expression ({FIELD_ORDER}), e.g. cron(0 2 ? * SUN *)"
                    ),
                },
            )
        } else {
            (
                "`at(...)` is a one-time schedule: a maintenance window start must be a recurring `cron(...)` expression".to_owned(),
                match equivalent {
                    Some(e) => format!(
                        "for a window on that date only, pin every field including the year: {e}"
                    ),
                    None => format!(
                        "write a cron expression ({FIELD_ORDER}), e.g. cron(0 2 ? * SUN *)"
                    ),
                },
            )
        };
        self.error(codes::RATE_OR_AT, start, end, message, Some(help));
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
        let help = if parts.len() == 6 {
            format!("write cron({})", parts.join(" "))
        } else {
            format!("separate fields with spaces; also, {}", unix_help(&parts))
        };
        let lead = inner.len() - inner.trim_start_matches([' ', '\t']).len();
        let trail = inner.len() - inner.trim_end_matches([' ', '\t']).len();
        self.error(
            codes::FIELD_SEPARATOR,
            start + lead,
            end - trail,
            format!(
                "fields are separated by commas; separate the {} fields with spaces (a comma separates list items inside one field)",
                parts.len()
            ),
            Some(help),
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
        let help = if merged.len() == 6 && merged.len() != n {
            format!(
                "remove the spaces inside lists (after or before `,`): cron({})",
                merged.join(" ")
            )
        } else if n == 7 {
            format!(
                "this looks like a Quartz expression with a leading seconds field; this dialect has no seconds: cron({})",
                words[1..].join(" ")
            )
        } else {
            format!("write the six fields {FIELD_ORDER}, e.g. cron(0 12 * * ? *)")
        };
        let (s, e) = if n == 7 && merged.len() != 6 {
            tokens[0]
        } else {
            (first, last)
        };
        self.error(
            codes::FIELD_COUNT,
            s,
            e,
            format!("{n} fields, expected 6 ({FIELD_ORDER})"),
            Some(help),
        );
    }

    fn parse_field(&mut self, kind: Kind, start: usize, end: usize) -> Field {
        let raw = self.slice(start, end).to_owned();
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
                self.error(
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
                );
            }
            return field;
        }
        let mut ok = true;
        let mut terms: Vec<(usize, usize, Term)> = Vec::new();
        let mut offset = start;
        let items: Vec<&str> = raw.split(',').collect();
        for item in &items {
            let (ts, te) = (offset, offset + item.len());
            offset = te + 1;
            if item.is_empty() {
                ok = false;
                self.error(
                    codes::FIELD_SYNTAX,
                    start,
                    end,
                    format!(
                        "{} field: `{raw}` has an empty list item (a leading, trailing or doubled `,`)",
                        kind.label()
                    ),
                    Some("separate list items with a single `,` and no spaces, e.g. `1,15`".to_owned()),
                );
                continue;
            }
            match self.parse_term(kind, ts, te) {
                Some(term) => terms.push((ts, te, term)),
                None => ok = false,
            }
        }
        if items.len() > 1 {
            let hashes: Vec<&(usize, usize, Term)> = terms
                .iter()
                .filter(|t| matches!(t.2, Term::DowNth(..)))
                .collect();
            if !hashes.is_empty() {
                ok = false;
                let message = if hashes.len() > 1 {
                    format!(
                        "day-of-week field: `{raw}` has {} `#` items; only one `n#k` item is allowed",
                        hashes.len()
                    )
                } else {
                    format!(
                        "day-of-week field: `{}` cannot be combined with other items in `{raw}`",
                        self.slice(hashes[0].0, hashes[0].1)
                    )
                };
                self.error(
                    codes::HASH_MULTIPLE,
                    start,
                    end,
                    message,
                    Some("use one `n#k` item alone (e.g. `6#3`); for several, use one maintenance window each".to_owned()),
                );
            }
            for &(ts, te, term) in &terms {
                if matches!(term, Term::Question) {
                    ok = false;
                    self.error(
                        codes::QUESTION_MARK_PLACEMENT,
                        ts,
                        te,
                        format!(
                            "{} field: `?` must be the whole field, not an item of the list `{raw}`",
                            kind.label()
                        ),
                        Some("write either `?` or the list without it".to_owned()),
                    );
                } else if term.is_special() && !matches!(term, Term::DowNth(..)) {
                    ok = false;
                    let tok = self.slice(ts, te).to_owned();
                    self.error(
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
                    );
                }
            }
        }
        if !ok {
            return field;
        }
        field.ok = true;
        for &(_, _, term) in &terms {
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
        field
    }

    fn parse_term(&mut self, kind: Kind, ts: usize, te: usize) -> Option<Term> {
        let raw = self.slice(ts, te).to_owned();
        let up = raw.to_ascii_uppercase();
        let label = kind.label();
        if up == "?" {
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
                return None;
            }
            return self.parse_nth(ts, te, i);
        }
        if kind == Kind::Dom {
            if up == "L" {
                return Some(Term::DomLast);
            }
            if up == "LW" {
                return Some(Term::DomLastWeekday);
            }
            if up.starts_with("L-") {
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
            if up.len() > 1 && up.ends_with('W') {
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
            if up == "L" {
                return Some(Term::DowL);
            }
            if up.len() > 1 && up.ends_with('L') && !raw.contains(['-', '/', '*', ',']) {
                let w = self.parse_value(kind, ts, te - 1, ts, te)?;
                return Some(Term::DowLast(w));
            }
        }
        self.parse_plain(kind, ts, te)
    }

    fn parse_nth(&mut self, ts: usize, te: usize, hash: usize) -> Option<Term> {
        let raw = self.slice(ts, te).to_owned();
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

    /// `*`, `v`, `a-b`, each optionally with `/step`.
    fn parse_plain(&mut self, kind: Kind, ts: usize, te: usize) -> Option<Term> {
        let raw = self.slice(ts, te).to_owned();
        let label = kind.label();
        let (base_end, step) = match raw.find('/') {
            Some(i) => (ts + i, Some((ts + i + 1, te))),
            None => (te, None),
        };
        let base = self.slice(ts, base_end).to_owned();
        let mut ok = true;

        let step_value = match step {
            None => None,
            Some((ss, se)) => {
                let text = self.slice(ss, se).to_owned();
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
                        Ok(0) => {
                            self.error(
                                codes::STEP,
                                ss,
                                se,
                                format!(
                                    "{label} field: step 0 in `{raw}`; a step must be at least 1"
                                ),
                                Some(if base == "*" {
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
                        Ok(n) if n <= kind.size() => Some(n),
                        _ => {
                            self.error(
                                codes::STEP,
                                ss,
                                se,
                                format!(
                                    "{label} field: step {text} in `{raw}` is larger than the {} values of the field",
                                    kind.size()
                                ),
                                Some(format!(
                                    "use a step between 1 and {}, or a single value",
                                    kind.size()
                                )),
                            );
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
            self.error(
                codes::FIELD_SYNTAX,
                ts,
                te,
                format!("{label} field: `{raw}` has nothing before `/`"),
                Some(format!(
                    "write `*/step` or `start/step`, e.g. `{}/5`",
                    kind.min()
                )),
            );
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
                        self.reversed(kind, ts, base_end, lo, hi, step.is_some());
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

    fn reversed(&mut self, kind: Kind, start: usize, end: usize, lo: u32, hi: u32, stepped: bool) {
        let label = kind.label();
        let text = self.slice(start, end).to_owned();
        let named = text.starts_with(|c: char| c.is_ascii_alphabetic());
        let help = if kind == Kind::Year {
            format!("write the lower year first: `{hi}-{lo}`")
        } else if stepped {
            format!(
                "split it into two ranges that do not wrap, e.g. `{}-{}` and `{}-{}` (each with its own step)",
                kind.spell(lo, named),
                kind.spell(kind.max(), named),
                kind.spell(kind.min(), named),
                kind.spell(hi, named)
            )
        } else {
            let part = |a: u32, b: u32| {
                if a == b {
                    kind.spell(a, named)
                } else {
                    format!("{}-{}", kind.spell(a, named), kind.spell(b, named))
                }
            };
            format!(
                "ranges do not wrap around; write the list `{},{}`",
                part(lo, kind.max()),
                part(kind.min(), hi)
            )
        };
        self.error(
            codes::RANGE_REVERSED,
            start,
            end,
            format!("{label} field: range `{text}` runs from high to low"),
            Some(help),
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
        let s = self.slice(vs, ve).to_owned();
        let item = self.slice(ts, te).to_owned();
        let label = kind.label();
        if s.is_empty() {
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
            let help = match (kind, value) {
                (Kind::Dow, Some(0)) => {
                    Some("Sunday is 1 in this dialect (Saturday is 7): write 1 or SUN".to_owned())
                }
                (Kind::Hours, Some(24)) => Some("midnight is hour 0".to_owned()),
                (Kind::Year, Some(v)) if v < 100 => Some(format!(
                    "write the year with four digits, e.g. {}",
                    2000 + v
                )),
                (Kind::Dom, Some(v)) if v > 31 => {
                    Some("use `L` for the last day of the month".to_owned())
                }
                _ => None,
            };
            self.error(
                codes::FIELD_VALUE,
                vs,
                ve,
                format!("{label} field: {s} is out of range {}", kind.range_text()),
                help,
            );
            return None;
        }
        let up = s.to_ascii_uppercase();
        if let Some(names) = kind.names()
            && let Some(i) = names.iter().position(|n| *n == up)
        {
            return Some(kind.min() + i as u32);
        }
        let (message, help, code, span) = if let Some(i) = DAY_NAMES.iter().position(|n| *n == up) {
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
        } else if MONTH_NAMES.contains(&up.as_str()) {
            (
                format!(
                    "{label} field: `{s}` is a month name; this field accepts {}",
                    kind.range_text()
                ),
                Some("month names belong in the month field (4th)".to_owned()),
                codes::FIELD_SYNTAX,
                (vs, ve),
            )
        } else if let Some(i) = DAY_FULL.iter().position(|n| *n == up) {
            (
                format!("{label} field: `{s}` is not valid; day names are three letters"),
                Some(format!("write `{}`", DAY_NAMES[i])),
                codes::FIELD_SYNTAX,
                (vs, ve),
            )
        } else if let Some(i) = MONTH_FULL.iter().position(|n| *n == up) {
            (
                format!("{label} field: `{s}` is not valid; month names are three letters"),
                Some(format!("write `{}`", MONTH_NAMES[i])),
                codes::FIELD_SYNTAX,
                (vs, ve),
            )
        } else if let Some(i) = up.find(['L', 'W']).filter(|_| {
            up.chars()
                .all(|c| c.is_ascii_digit() || c == 'L' || c == 'W')
                && (!kind.is_day() || (kind == Kind::Dow && up.contains('W')))
        }) {
            let i = if kind == Kind::Dow {
                up.find('W').unwrap_or(i)
            } else {
                i
            };
            let letter = &up[i..=i];
            let allowed = if letter == "L" {
                "day-of-month and day-of-week"
            } else {
                "day-of-month"
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
        } else if kind.is_day() && up.contains(['L', 'W']) {
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
        self.error(code, span.0, span.1, message, help);
        None
    }

    /// Cross-field checks and assembly.
    fn finish(&mut self, fields: &[Field; 6], words: &[&str]) -> Option<Schedule> {
        let [minutes, hours, dom, month, dow, year] = fields;
        let canonical = |replace: &[(usize, &str)]| {
            let mut parts: Vec<&str> = words.to_vec();
            for &(i, w) in replace {
                parts[i] = w;
            }
            format!("cron({})", parts.join(" "))
        };

        let mut days_ok = true;
        if dom.question && dow.question {
            days_ok = false;
            self.error(
                codes::DAY_FIELDS,
                dom.start,
                dow.end,
                "day-of-month and day-of-week are both `?`; exactly one of them must be `?`"
                    .to_owned(),
                Some(format!(
                    "use `*` in day-of-month for every day: {}",
                    canonical(&[(2, "*")])
                )),
            );
        } else if !dom.question && !dow.question {
            days_ok = false;
            // A Unix-style Sunday (0) is out of range here (1-7, 1 = Sunday): suggest the name.
            let dow_word = if words[4] == "0" { "SUN" } else { words[4] };
            let help = if words[2] == "*" {
                format!(
                    "put `?` in the day field you do not use: {}",
                    canonical(&[(2, "?"), (4, dow_word)])
                )
            } else if words[4] == "*" {
                format!(
                    "put `?` in the day field you do not use: {}",
                    canonical(&[(4, "?")])
                )
            } else {
                format!(
                    "one expression cannot select both; keep one and put `?` in the other: {} or {}",
                    canonical(&[(4, "?")]),
                    canonical(&[(2, "?"), (4, dow_word)])
                )
            };
            self.error(
                codes::DAY_FIELDS,
                dom.start,
                dow.end,
                format!(
                    "day-of-month `{}` and day-of-week `{}` are both set; exactly one of them must be `?`",
                    words[2], words[4]
                ),
                Some(help),
            );
        }

        if minutes.ok && minutes.values.count() == 60 {
            let during = if hours.ok && hours.values.count() < 24 {
                " during each selected hour"
            } else {
                ""
            };
            self.push(
                codes::EVERY_MINUTE,
                Level::Warning,
                minutes.start,
                minutes.end,
                format!(
                    "minutes field: `{}` selects every minute, so a new maintenance window would start every minute (60 per hour){during}",
                    words[0]
                ),
                Some(format!(
                    "choose the minute the window opens, e.g. {}",
                    canonical(&[(0, "0")])
                )),
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
                self.push(
                    codes::MONTH_SKIPPED,
                    Level::Warning,
                    dom.start,
                    month.end,
                    format!(
                        "day-of-month `{}` does not exist in every selected month: {}",
                        words[2],
                        parts.join(", and ")
                    ),
                    Some(format!(
                        "for the end of every month use `L`: {}",
                        canonical(&[(2, "L")])
                    )),
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
