//! Problems reported by [`parse`](crate::parse), their levels and the rule list.

use serde::Serialize;
use std::fmt;

/// How serious a [`Problem`] is. The core maps this onto its own severity scale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// The expression is not valid in this dialect (or can never fire); the service would
    /// reject it or it would never open a window. [`Parsed::expression`](crate::Parsed) is
    /// `None` whenever at least one problem has this level.
    Error,
    /// The expression is valid but probably not what was meant.
    Warning,
}

impl Level {
    /// `"error"` or `"warning"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Error => "error",
            Level::Warning => "warning",
        }
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How far a [`Suggestion`] can be trusted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Applicability {
    /// Meaning-preserving and certain: the replacement schedules exactly what the input
    /// evidently meant (a lower-case wrapper, spaces instead of commas between fields, `MON`
    /// for `MONDAY`), so a tool may apply it without asking.
    Safe,
    /// Changes what the expression means or guesses what was meant (a Unix cron converted to
    /// this dialect, a wrapping range split into two, one day field dropped for `?`): show it,
    /// apply it only when a person asks.
    Suggested,
}

impl Applicability {
    /// `"safe"` or `"suggested"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Applicability::Safe => "safe",
            Applicability::Suggested => "suggested",
        }
    }
}

impl fmt::Display for Applicability {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A machine-applicable fix for one [`Problem`].
///
/// `replacement` is the **whole** corrected expression: a caller replaces the entire input
/// with it (not just `start..end`). It fixes this problem and leaves the rest of the input as it
/// was, except where the fix is built from the six fields (then the fields are joined by single
/// spaces inside `cron(` ... `)`); other problems keep their own suggestions, so applying the
/// suggestion of each remaining problem in turn converges. [`Problem::help`] says the same
/// thing in prose and, where it shows a corrected expression, shows this one.
///
/// ```
/// use iot_jobs_lint_cron::{Applicability, parse};
/// let parsed = parse("cron(0 10 ? * MONDAY *)");
/// let fix = parsed.problems[0].fix.as_ref().unwrap();
/// assert_eq!(fix.replacement, "cron(0 10 ? * MON *)");
/// assert_eq!(fix.applicability, Applicability::Safe);
/// assert!(parse(&fix.replacement).problems.is_empty());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Suggestion {
    /// What the fix does, short enough for a menu (``write `MON` ``).
    pub message: String,
    /// The whole corrected expression, to replace the whole input.
    pub replacement: String,
    /// Whether it can be applied without review.
    pub applicability: Applicability,
}

/// One finding about a schedule expression.
///
/// `start..end` is a byte range into the exact text given to [`parse`](crate::parse) (not into a
/// trimmed or upper-cased copy), always on `char` boundaries, and never empty when the input is
/// not empty.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Problem {
    /// Stable rule code, one of [`RULES`]; every code starts with `cron/`.
    pub code: &'static str,
    /// Error or warning.
    pub level: Level,
    /// What is wrong: names the field, what it accepts and the offending token.
    pub message: String,
    /// A concrete fix, usually with a corrected expression, when one can be derived.
    pub help: Option<String>,
    /// The same fix in machine-applicable form, when it is mechanical: the whole corrected
    /// expression and how far it can be trusted. `None` when the help is advice rather than
    /// an edit (pick days that exist, widen the years, ...).
    pub fix: Option<Suggestion>,
    /// Byte offset (0-based, inclusive) of the offending part of the input.
    pub start: usize,
    /// Byte offset (exclusive) of the end of the offending part of the input.
    pub end: usize,
}

/// The rule codes this crate can emit, as constants.
pub mod codes {
    /// The input is empty or only whitespace (or `cron()` with nothing inside).
    pub const EMPTY: &str = "cron/empty";
    /// The input is not a cron expression at all (prose, a Unix `@daily` nickname, ...).
    pub const NOT_CRON: &str = "cron/not-cron";
    /// A `rate(...)` or `at(...)` expression where a recurring `cron(...)` start is needed.
    pub const RATE_OR_AT: &str = "cron/rate-or-at";
    /// Six cron fields without the `cron(` ... `)` wrapper.
    pub const MISSING_WRAPPER: &str = "cron/missing-wrapper";
    /// The wrapper is malformed: wrong case, a space before `(`, no closing `)`, text after
    /// `)`, or whitespace around the whole expression.
    pub const WRAPPER_SYNTAX: &str = "cron/wrapper-syntax";
    /// A Unix-style five-field cron (no year, both day fields, Sunday = 0).
    pub const UNIX_FIVE_FIELDS: &str = "cron/unix-five-fields";
    /// A field count other than six (and other than the Unix five).
    pub const FIELD_COUNT: &str = "cron/field-count";
    /// Fields separated by commas instead of whitespace.
    pub const FIELD_SEPARATOR: &str = "cron/field-separator";
    /// A token that is not a number, name or operator this field understands.
    pub const FIELD_SYNTAX: &str = "cron/field-syntax";
    /// A number or name outside the field's range (also `#` occurrence outside 1-5).
    pub const FIELD_VALUE: &str = "cron/field-value";
    /// `L`, `W` or `#` in a field that does not support it, or a `/` step in day-of-week.
    pub const OPERATOR_PLACEMENT: &str = "cron/operator-placement";
    /// `?` outside the day fields, or `?` that is not the whole field.
    pub const QUESTION_MARK_PLACEMENT: &str = "cron/question-mark-placement";
    /// A range whose low end is above its high end (a wrapping range such as `FRI-MON`).
    pub const RANGE_REVERSED: &str = "cron/range-reversed";
    /// A step of 0, a missing step, or a step above the field's largest (59 for minutes, 23
    /// for hours, 31 for day-of-month, 12 for month, 229 for year).
    pub const STEP: &str = "cron/step";
    /// `L-n` (an offset from the last day of the month), which this dialect does not define.
    pub const LAST_OFFSET: &str = "cron/last-offset";
    /// `L`, `LW`, `nW` or `nL` combined with other list items.
    pub const SPECIAL_COMBINED: &str = "cron/special-combined";
    /// More than one `n#k` item, or `n#k` combined with other list items.
    pub const HASH_MULTIPLE: &str = "cron/hash-multiple";
    /// Both day fields set, or both `?`: exactly one must be `?`.
    pub const DAY_FIELDS: &str = "cron/day-fields";
    /// No minute between 1970 and 2199 matches the expression.
    pub const NEVER_FIRES: &str = "cron/never-fires";
    /// The minutes field selects all 60 minutes: a new window start every minute.
    pub const EVERY_MINUTE: &str = "cron/every-minute";
    /// Some selected months never contain a selected day (e.g. day 31 in April).
    pub const MONTH_SKIPPED: &str = "cron/month-skipped";
}

/// Every code [`parse`](crate::parse) can emit: `(code, level, summary)`.
///
/// The level listed is the level the code is always emitted with.
pub const RULES: &[(&str, Level, &str)] = &[
    (
        codes::EMPTY,
        Level::Error,
        "The schedule is empty, only whitespace, or `cron()` with no fields.",
    ),
    (
        codes::NOT_CRON,
        Level::Error,
        "The text does not look like a cron expression (prose such as `every sunday 2am`, or a Unix `@daily` nickname).",
    ),
    (
        codes::RATE_OR_AT,
        Level::Error,
        "`rate(...)` and `at(...)` expressions do not describe a recurring window start; use `cron(...)`.",
    ),
    (
        codes::MISSING_WRAPPER,
        Level::Error,
        "Six cron fields were given without the required `cron(` ... `)` wrapper.",
    ),
    (
        codes::WRAPPER_SYNTAX,
        Level::Error,
        "The `cron(` ... `)` wrapper is malformed: wrong case, space before `(`, missing `)`, text after `)`, or surrounding whitespace.",
    ),
    (
        codes::UNIX_FIVE_FIELDS,
        Level::Error,
        "A Unix five-field cron; this dialect needs six fields (with Year), `?` in one day field, and counts Sunday as 1.",
    ),
    (
        codes::FIELD_COUNT,
        Level::Error,
        "The expression does not have exactly six whitespace-separated fields.",
    ),
    (
        codes::FIELD_SEPARATOR,
        Level::Error,
        "Fields are separated by commas; fields are separated by spaces, commas separate list items inside one field.",
    ),
    (
        codes::FIELD_SYNTAX,
        Level::Error,
        "A token in a field is not a number, name or operator that field understands.",
    ),
    (
        codes::FIELD_VALUE,
        Level::Error,
        "A number or name is outside the range of its field (or an `n#k` occurrence is outside 1-5).",
    ),
    (
        codes::OPERATOR_PLACEMENT,
        Level::Error,
        "`L`, `W` or `#` is used in a field that does not support it, or `/` in day-of-week (which has no steps).",
    ),
    (
        codes::QUESTION_MARK_PLACEMENT,
        Level::Error,
        "`?` may only appear in day-of-month or day-of-week, and only as the whole field.",
    ),
    (
        codes::RANGE_REVERSED,
        Level::Error,
        "A range runs from high to low (a wrap-around such as `22-2` or `FRI-MON`); write it as a list of two ranges.",
    ),
    (
        codes::STEP,
        Level::Error,
        "A `/` step is zero, missing, or above the field's largest step (59 minutes, 23 hours, 31 day-of-month, 12 month, 229 year).",
    ),
    (
        codes::LAST_OFFSET,
        Level::Error,
        "`L-n` (n days before the end of the month) is not part of this dialect.",
    ),
    (
        codes::SPECIAL_COMBINED,
        Level::Error,
        "`L`, `LW`, `nW` and `nL` must be the only item of their field.",
    ),
    (
        codes::HASH_MULTIPLE,
        Level::Error,
        "Only one `n#k` item is allowed in day-of-week, and it cannot be combined with other items.",
    ),
    (
        codes::DAY_FIELDS,
        Level::Error,
        "Exactly one of day-of-month and day-of-week must be `?`: both set, or both `?`, is invalid.",
    ),
    (
        codes::NEVER_FIRES,
        Level::Error,
        "No minute between 1970 and 2199 matches the expression (for example 30 February).",
    ),
    (
        codes::EVERY_MINUTE,
        Level::Warning,
        "The minutes field selects every minute, so a maintenance window would start every minute.",
    ),
    (
        codes::MONTH_SKIPPED,
        Level::Warning,
        "Some selected months never contain a selected day (day 31 in April, day 29 outside leap years), so they get no window.",
    ),
];
