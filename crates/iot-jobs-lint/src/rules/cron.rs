//! `cron/*`: maintenance-window `startTime` cron expressions.
//!
//! The grammar, its problem codes and the occurrence engine live in the `iot-jobs-lint-cron`
//! crate (re-exported as [`crate::cron`]); this module finds the windows of each operation, runs
//! the dialect on each `startTime`, and places every problem at its column inside the JSON
//! string. With the clock it adds one more case of `cron/never-fires`: an expression whose
//! occurrences all lie in the past (a year range that is over).

use super::{Ctx, View};
use crate::cron::{self, CronExpression, Level};
use crate::diagnostic::{Applicability, Fix, Severity};
use crate::registry::{self, Example, RuleInfo};
use crate::syntax::offset_in_literal;
use crate::text;
use crate::{Edition, Operation};

/// Source of the cron dialect's rules, for the registry.
pub const SOURCE: &str = "service model: MaintenanceWindow.startTime is a CronExpression (1-256 characters); dialect: AWS scheduled expressions, cron(Minutes Hours Day-of-month Month Day-of-week Year) in UTC (EventBridge cron expression reference)";
/// Source of the dialect's warnings.
pub const SOURCE_INFERRED: &str = "AWS scheduled-expression cron dialect (EventBridge cron expression reference); inferred: valid, but unlikely to be what a maintenance window means";

/// `cron/never-fires` covers the clock too.
const NEVER_FIRES_SUMMARY: &str = "The expression can never fire (no minute from 1970 to 2199 matches, e.g. 30 February), or, in a request, all its occurrences lie before now (a year range that is over).";

/// The registry entries of the dialect's codes (built from the cron crate's list).
pub fn rules() -> Vec<RuleInfo> {
    cron::RULES
        .iter()
        .map(|(code, level, summary)| RuleInfo {
            code,
            severity: severity(*level),
            summary: if *code == cron::codes::NEVER_FIRES {
                NEVER_FIRES_SUMMARY
            } else {
                summary
            },
            source: if *level == Level::Warning {
                SOURCE_INFERRED
            } else {
                SOURCE
            },
            // The exported schemas' maintenance-window pattern carries the codes of an
            // expression that is not `cron(` six fields `)` at all.
            json_schema: crate::schema::CARRIED_CRON.contains(code),
            fix: fix_text(code),
            example: dialect_example(code),
        })
        .collect()
}

/// The fix each dialect code offers (the cron crate's suggestions replace the whole expression).
fn fix_text(code: &str) -> Option<&'static str> {
    use cron::codes::*;
    Some(match code {
        MISSING_WRAPPER => "safe: wrap the six fields in `cron(` … `)`",
        WRAPPER_SYNTAX => {
            "safe for the case of `cron(`, a space before `(`, whitespace around the expression or a missing `)`; suggested when text follows `)`"
        }
        NOT_CRON => "safe: a Unix nickname (`@daily`) becomes its six-field expression",
        RATE_OR_AT => "suggested: the equivalent `cron(...)`, when there is one",
        UNIX_FIVE_FIELDS => {
            "suggested: the six-field form (day-of-week renumbered, `?` in one day field, year `*`)"
        }
        FIELD_COUNT => {
            "safe: spaces inside a list removed; suggested: a leading seconds field dropped"
        }
        FIELD_SEPARATOR => "safe: commas or no-break spaces between fields become spaces",
        FIELD_SYNTAX => {
            "safe: a long name shortened (`MONDAY` → `MON`), an empty list item dropped; suggested: `/5` → `*/5`"
        }
        FIELD_VALUE => {
            "suggested: the value this dialect uses (`0` → `SUN` in day-of-week, hour `24` → `0`, a two-digit year → `20yy`, a day past 31 → `L`)"
        }
        OPERATOR_PLACEMENT => {
            "safe or suggested: `n#k` moved to day-of-week; `/` in day-of-week becomes the list of days it selects"
        }
        QUESTION_MARK_PLACEMENT => "suggested: `?` replaced by `*` or dropped from the list",
        RANGE_REVERSED => "suggested: a wrapping range split into a list (`22-2` → `22-23,0-2`)",
        STEP => "suggested: a step larger than the field becomes the single value it selects",
        SPECIAL_COMBINED | HASH_MULTIPLE => "suggested: keep only the special item",
        DAY_FIELDS => "suggested: `?` in one of the two day fields",
        EVERY_MINUTE => "suggested: open the window at minute 0",
        MONTH_SKIPPED => "suggested: `L`, the last day of every month",
        _ => return None,
    })
}

/// The failing and passing example of each dialect code: a CreateJobTemplate request whose one
/// maintenance window starts at the broken expression, and the same request with it fixed.
fn dialect_example(code: &str) -> Option<Example> {
    use cron::codes::*;
    // Without the `examples` feature the table below is dead code, and its texts stay out of
    // the build.
    if !cfg!(feature = "examples") {
        return None;
    }
    let (fail, pass) = match code {
        EMPTY => (
            r#"{
  "jobTemplateId": "pump-firmware-rollout",
  "description": "Pump controller firmware, rolled out in the maintenance window",
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}",
  "maintenanceWindows": [{"startTime": "cron()", "durationInMinutes": 120}]
}"#,
            r#"{
  "jobTemplateId": "pump-firmware-rollout",
  "description": "Pump controller firmware, rolled out in the maintenance window",
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}",
  "maintenanceWindows": [{"startTime": "cron(0 2 ? * SUN *)", "durationInMinutes": 120}]
}"#,
        ),
        NOT_CRON => (
            r#"{
  "jobTemplateId": "pump-firmware-rollout",
  "description": "Pump controller firmware, rolled out in the maintenance window",
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}",
  "maintenanceWindows": [{"startTime": "every sunday 2am", "durationInMinutes": 120}]
}"#,
            r#"{
  "jobTemplateId": "pump-firmware-rollout",
  "description": "Pump controller firmware, rolled out in the maintenance window",
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}",
  "maintenanceWindows": [{"startTime": "cron(0 2 ? * SUN *)", "durationInMinutes": 120}]
}"#,
        ),
        RATE_OR_AT => (
            r#"{
  "jobTemplateId": "pump-firmware-rollout",
  "description": "Pump controller firmware, rolled out in the maintenance window",
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}",
  "maintenanceWindows": [{"startTime": "rate(7 days)", "durationInMinutes": 120}]
}"#,
            r#"{
  "jobTemplateId": "pump-firmware-rollout",
  "description": "Pump controller firmware, rolled out in the maintenance window",
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}",
  "maintenanceWindows": [{"startTime": "cron(0 2 ? * SUN *)", "durationInMinutes": 120}]
}"#,
        ),
        MISSING_WRAPPER => (
            r#"{
  "jobTemplateId": "pump-firmware-rollout",
  "description": "Pump controller firmware, rolled out in the maintenance window",
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}",
  "maintenanceWindows": [{"startTime": "0 2 ? * SUN *", "durationInMinutes": 120}]
}"#,
            r#"{
  "jobTemplateId": "pump-firmware-rollout",
  "description": "Pump controller firmware, rolled out in the maintenance window",
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}",
  "maintenanceWindows": [{"startTime": "cron(0 2 ? * SUN *)", "durationInMinutes": 120}]
}"#,
        ),
        WRAPPER_SYNTAX => (
            r#"{
  "jobTemplateId": "pump-firmware-rollout",
  "description": "Pump controller firmware, rolled out in the maintenance window",
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}",
  "maintenanceWindows": [{"startTime": "Cron(0 2 ? * SUN *)", "durationInMinutes": 120}]
}"#,
            r#"{
  "jobTemplateId": "pump-firmware-rollout",
  "description": "Pump controller firmware, rolled out in the maintenance window",
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}",
  "maintenanceWindows": [{"startTime": "cron(0 2 ? * SUN *)", "durationInMinutes": 120}]
}"#,
        ),
        UNIX_FIVE_FIELDS => (
            r#"{
  "jobTemplateId": "pump-firmware-rollout",
  "description": "Pump controller firmware, rolled out in the maintenance window",
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}",
  "maintenanceWindows": [{"startTime": "cron(0 2 * * 0)", "durationInMinutes": 120}]
}"#,
            r#"{
  "jobTemplateId": "pump-firmware-rollout",
  "description": "Pump controller firmware, rolled out in the maintenance window",
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}",
  "maintenanceWindows": [{"startTime": "cron(0 2 ? * SUN *)", "durationInMinutes": 120}]
}"#,
        ),
        FIELD_COUNT => (
            r#"{
  "jobTemplateId": "pump-firmware-rollout",
  "description": "Pump controller firmware, rolled out in the maintenance window",
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}",
  "maintenanceWindows": [{"startTime": "cron(0 0 2 ? * SUN *)", "durationInMinutes": 120}]
}"#,
            r#"{
  "jobTemplateId": "pump-firmware-rollout",
  "description": "Pump controller firmware, rolled out in the maintenance window",
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}",
  "maintenanceWindows": [{"startTime": "cron(0 2 ? * SUN *)", "durationInMinutes": 120}]
}"#,
        ),
        FIELD_SEPARATOR => (
            r#"{
  "jobTemplateId": "pump-firmware-rollout",
  "description": "Pump controller firmware, rolled out in the maintenance window",
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}",
  "maintenanceWindows": [{"startTime": "cron(0,2,?,*,SUN,*)", "durationInMinutes": 120}]
}"#,
            r#"{
  "jobTemplateId": "pump-firmware-rollout",
  "description": "Pump controller firmware, rolled out in the maintenance window",
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}",
  "maintenanceWindows": [{"startTime": "cron(0 2 ? * SUN *)", "durationInMinutes": 120}]
}"#,
        ),
        FIELD_SYNTAX => (
            r#"{
  "jobTemplateId": "pump-firmware-rollout",
  "description": "Pump controller firmware, rolled out in the maintenance window",
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}",
  "maintenanceWindows": [{"startTime": "cron(0 2 ? * SUNDAY *)", "durationInMinutes": 120}]
}"#,
            r#"{
  "jobTemplateId": "pump-firmware-rollout",
  "description": "Pump controller firmware, rolled out in the maintenance window",
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}",
  "maintenanceWindows": [{"startTime": "cron(0 2 ? * SUN *)", "durationInMinutes": 120}]
}"#,
        ),
        FIELD_VALUE => (
            r#"{
  "jobTemplateId": "pump-firmware-rollout",
  "description": "Pump controller firmware, rolled out in the maintenance window",
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}",
  "maintenanceWindows": [{"startTime": "cron(0 24 ? * SUN *)", "durationInMinutes": 120}]
}"#,
            r#"{
  "jobTemplateId": "pump-firmware-rollout",
  "description": "Pump controller firmware, rolled out in the maintenance window",
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}",
  "maintenanceWindows": [{"startTime": "cron(0 23 ? * SUN *)", "durationInMinutes": 120}]
}"#,
        ),
        OPERATOR_PLACEMENT => (
            r#"{
  "jobTemplateId": "pump-firmware-rollout",
  "description": "Pump controller firmware, rolled out in the maintenance window",
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}",
  "maintenanceWindows": [{"startTime": "cron(0 2 2#1 * ? *)", "durationInMinutes": 120}]
}"#,
            r#"{
  "jobTemplateId": "pump-firmware-rollout",
  "description": "Pump controller firmware, rolled out in the maintenance window",
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}",
  "maintenanceWindows": [{"startTime": "cron(0 2 ? * 2#1 *)", "durationInMinutes": 120}]
}"#,
        ),
        QUESTION_MARK_PLACEMENT => (
            r#"{
  "jobTemplateId": "pump-firmware-rollout",
  "description": "Pump controller firmware, rolled out in the maintenance window",
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}",
  "maintenanceWindows": [{"startTime": "cron(0 2 ? * SUN ?)", "durationInMinutes": 120}]
}"#,
            r#"{
  "jobTemplateId": "pump-firmware-rollout",
  "description": "Pump controller firmware, rolled out in the maintenance window",
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}",
  "maintenanceWindows": [{"startTime": "cron(0 2 ? * SUN *)", "durationInMinutes": 120}]
}"#,
        ),
        RANGE_REVERSED => (
            r#"{
  "jobTemplateId": "pump-firmware-rollout",
  "description": "Pump controller firmware, rolled out in the maintenance window",
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}",
  "maintenanceWindows": [{"startTime": "cron(0 2 ? * FRI-MON *)", "durationInMinutes": 120}]
}"#,
            r#"{
  "jobTemplateId": "pump-firmware-rollout",
  "description": "Pump controller firmware, rolled out in the maintenance window",
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}",
  "maintenanceWindows": [{"startTime": "cron(0 2 ? * FRI-SAT,SUN-MON *)", "durationInMinutes": 120}]
}"#,
        ),
        STEP => (
            r#"{
  "jobTemplateId": "pump-firmware-rollout",
  "description": "Pump controller firmware, rolled out in the maintenance window",
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}",
  "maintenanceWindows": [{"startTime": "cron(0 0/24 ? * * *)", "durationInMinutes": 60}]
}"#,
            r#"{
  "jobTemplateId": "pump-firmware-rollout",
  "description": "Pump controller firmware, rolled out in the maintenance window",
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}",
  "maintenanceWindows": [{"startTime": "cron(0 0 ? * * *)", "durationInMinutes": 60}]
}"#,
        ),
        LAST_OFFSET => (
            r#"{
  "jobTemplateId": "pump-firmware-rollout",
  "description": "Pump controller firmware, rolled out in the maintenance window",
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}",
  "maintenanceWindows": [{"startTime": "cron(0 2 L-2 * ? *)", "durationInMinutes": 120}]
}"#,
            r#"{
  "jobTemplateId": "pump-firmware-rollout",
  "description": "Pump controller firmware, rolled out in the maintenance window",
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}",
  "maintenanceWindows": [{"startTime": "cron(0 2 L * ? *)", "durationInMinutes": 120}]
}"#,
        ),
        SPECIAL_COMBINED => (
            r#"{
  "jobTemplateId": "pump-firmware-rollout",
  "description": "Pump controller firmware, rolled out in the maintenance window",
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}",
  "maintenanceWindows": [{"startTime": "cron(0 2 15,L * ? *)", "durationInMinutes": 120}]
}"#,
            r#"{
  "jobTemplateId": "pump-firmware-rollout",
  "description": "Pump controller firmware, rolled out in the maintenance window",
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}",
  "maintenanceWindows": [{"startTime": "cron(0 2 L * ? *)", "durationInMinutes": 120}]
}"#,
        ),
        HASH_MULTIPLE => (
            r#"{
  "jobTemplateId": "pump-firmware-rollout",
  "description": "Pump controller firmware, rolled out in the maintenance window",
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}",
  "maintenanceWindows": [{"startTime": "cron(0 2 ? * 2#1,2#3 *)", "durationInMinutes": 120}]
}"#,
            r#"{
  "jobTemplateId": "pump-firmware-rollout",
  "description": "Pump controller firmware, rolled out in the maintenance window",
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}",
  "maintenanceWindows": [{"startTime": "cron(0 2 ? * 2#1 *)", "durationInMinutes": 120}]
}"#,
        ),
        DAY_FIELDS => (
            r#"{
  "jobTemplateId": "pump-firmware-rollout",
  "description": "Pump controller firmware, rolled out in the maintenance window",
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}",
  "maintenanceWindows": [{"startTime": "cron(0 2 * * SUN *)", "durationInMinutes": 120}]
}"#,
            r#"{
  "jobTemplateId": "pump-firmware-rollout",
  "description": "Pump controller firmware, rolled out in the maintenance window",
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}",
  "maintenanceWindows": [{"startTime": "cron(0 2 ? * SUN *)", "durationInMinutes": 120}]
}"#,
        ),
        NEVER_FIRES => (
            r#"{
  "jobTemplateId": "pump-firmware-rollout",
  "description": "Pump controller firmware, rolled out in the maintenance window",
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}",
  "maintenanceWindows": [{"startTime": "cron(0 2 30 2 ? *)", "durationInMinutes": 120}]
}"#,
            r#"{
  "jobTemplateId": "pump-firmware-rollout",
  "description": "Pump controller firmware, rolled out in the maintenance window",
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}",
  "maintenanceWindows": [{"startTime": "cron(0 2 28 2 ? *)", "durationInMinutes": 120}]
}"#,
        ),
        EVERY_MINUTE => (
            r#"{
  "jobTemplateId": "pump-firmware-rollout",
  "description": "Pump controller firmware, rolled out in the maintenance window",
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}",
  "maintenanceWindows": [{"startTime": "cron(* 2 ? * SUN *)", "durationInMinutes": 60}]
}"#,
            r#"{
  "jobTemplateId": "pump-firmware-rollout",
  "description": "Pump controller firmware, rolled out in the maintenance window",
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}",
  "maintenanceWindows": [{"startTime": "cron(0 2 ? * SUN *)", "durationInMinutes": 60}]
}"#,
        ),
        MONTH_SKIPPED => (
            r#"{
  "jobTemplateId": "pump-firmware-rollout",
  "description": "Pump controller firmware, rolled out in the maintenance window",
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}",
  "maintenanceWindows": [{"startTime": "cron(0 2 31 * ? *)", "durationInMinutes": 120}]
}"#,
            r#"{
  "jobTemplateId": "pump-firmware-rollout",
  "description": "Pump controller firmware, rolled out in the maintenance window",
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}",
  "maintenanceWindows": [{"startTime": "cron(0 2 L * ? *)", "durationInMinutes": 120}]
}"#,
        ),
        _ => return None,
    };
    registry::example(Example {
        operation: Some(Operation::CreateJobTemplate),
        service_model: Edition::Latest,
        fail,
        pass,
    })
}

fn severity(level: Level) -> Severity {
    match level {
        Level::Error => Severity::Error,
        Level::Warning => Severity::Warning,
    }
}

/// A window whose `startTime` parsed, for the schedule rules and the preview.
///
/// With up to [`KEEP_PARSED`] windows (every real request) it keeps the parsed expression: the
/// schedule, window and preview rules ask for it several times, and parsing again was a tenth of
/// a lint. With more it keeps only where the expression is: a parsed expression (about 150 bytes
/// with its text) per 57-byte window was most of the memory of a lint with tens of thousands of
/// windows, so each user parses it again, one window at a time.
pub(crate) struct ParsedWindow {
    /// The parsed expression, when the list is short enough to keep it (boxed: a long list
    /// pays one pointer per window, not the expression's size).
    kept: Option<Box<CronExpression>>,
    /// Position in the `maintenanceWindows` list.
    pub(crate) index: usize,
    /// Byte range of the `startTime` string literal.
    pub(crate) span: (usize, usize),
    /// `durationInMinutes`, when it is a whole number within the model's range.
    pub(crate) duration: Option<i32>,
    /// `durationInMinutes` as written when it is a whole number, in range or not: the preview
    /// draws what the request declares (an out-of-range value has its own diagnostic).
    pub(crate) declared_duration: Option<i32>,
}

impl ParsedWindow {
    /// The window's expression: kept, or parsed again from the request (the same text and parser
    /// as in [`check`], so it is always `Some` for a window that `check` returned).
    pub(crate) fn expression(
        &self,
        view: &View<'_>,
    ) -> Option<std::borrow::Cow<'_, CronExpression>> {
        if let Some(kept) = &self.kept {
            return Some(std::borrow::Cow::Borrowed(kept));
        }
        let text = view
            .windows?
            .get(self.index)?
            .as_object()?
            .get("startTime")?
            .as_str()?;
        cron::parse(&text).expression.map(std::borrow::Cow::Owned)
    }
}

/// Up to this many windows, [`ParsedWindow`] keeps each parsed expression.
const KEEP_PARSED: usize = 64;

/// Longest `startTime` the dialect is run on: the model's maximum (CronExpression, 256). A longer
/// value gets `model/length` only, which keeps hostile input from costing more than that.
const MAX_EXPRESSION_CHARS: usize = 256;

/// Parses every window's `startTime`, reports the dialect's problems, and returns the windows
/// that parsed (with their durations) for the schedule rules.
pub(crate) fn check(ctx: &mut Ctx<'_>, view: &View<'_>) -> Vec<ParsedWindow> {
    let Some(list) = view.windows else {
        return Vec::new();
    };
    // At most one per item: no regrowth (a doubling vector of windows was once the largest
    // allocation of a lint with many windows).
    let mut parsed = Vec::with_capacity(list.len());
    for (index, item) in list.iter().enumerate() {
        let Some(w) = item.as_object() else { continue };
        let Some(start) = w.get("startTime") else {
            continue;
        };
        let Some(text) = start.as_str() else { continue };
        // A value over the model's length has its model/length error and nothing more.
        if !ctx.is_valid(start) || text.chars().count() > MAX_EXPRESSION_CHARS {
            continue;
        }
        let literal = start.span();
        let pointer = format!("{}/{index}", view.windows_pointer);
        let start_pointer = format!("{pointer}/startTime");
        let result = cron::parse(&text);
        for p in &result.problems {
            let Some(rule) = registry::find(p.code) else {
                continue;
            };
            let from = offset_in_literal(ctx.text(), literal.0, p.start);
            let to = offset_in_literal(ctx.text(), literal.0, p.end).max(from);
            let fix = p.fix.as_ref().map(|f| {
                Fix::replace(
                    f.message.clone(),
                    Applicability::from(f.applicability),
                    literal.0..literal.1,
                    text::json_string(&f.replacement),
                )
            });
            ctx.report(
                rule,
                start_pointer.clone(),
                (from, to),
                p.message.clone(),
                p.help.clone(),
            )
            .fix_opt(fix);
        }
        let Some(expression) = result.expression else {
            continue;
        };
        // A response describes the past; only a request's windows must still open.
        if ctx.operation.is_request()
            && expression.next_at_or_after(ctx.now).is_none()
            && let Some(rule) = *NEVER_FIRES_RULE
        {
            ctx.report(
                rule,
                start_pointer,
                literal,
                format!(
                    "maintenance window {} never opens again: {}",
                    text::quote(&text),
                    match first_occurrence(&expression) {
                        Some(t) => format!(
                            "all its occurrences lie before now (the first was {} UTC)",
                            crate::rules::schedule::format_time(t)
                        ),
                        None => "it has no occurrence after now".into(),
                    }
                ),
                Some("widen or drop the year field (`*`)".into()),
            );
            continue;
        }
        let member = w.get("durationInMinutes");
        let declared_duration = member
            .and_then(|d| d.as_number())
            .and_then(|t| {
                // A whole number too long for 64 bits still says "very long" (or "negative").
                t.parse::<i64>().ok().or_else(|| {
                    let digits = t.strip_prefix('-').unwrap_or(t);
                    (!digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())).then_some(
                        if t.starts_with('-') {
                            i64::MIN
                        } else {
                            i64::MAX
                        },
                    )
                })
            })
            // Four bytes per window, not eight: tens of thousands of windows are kept at once.
            .map(|d| i32::try_from(d).unwrap_or(if d < 0 { i32::MIN } else { i32::MAX }));
        let duration = declared_duration.filter(|_| member.is_some_and(|d| ctx.is_valid(d)));
        parsed.push(ParsedWindow {
            kept: (list.len() <= KEEP_PARSED).then(|| Box::new(expression)),
            index,
            span: literal,
            duration,
            declared_duration,
        });
    }
    parsed
}

/// The registry entry of `cron/never-fires`.
static NEVER_FIRES_RULE: std::sync::LazyLock<Option<&'static RuleInfo>> =
    std::sync::LazyLock::new(|| registry::find(cron::codes::NEVER_FIRES));

/// The first occurrence since 1970, to show the user where the expression's years lie.
fn first_occurrence(expression: &CronExpression) -> Option<chrono::DateTime<chrono::Utc>> {
    let epoch = chrono::DateTime::<chrono::Utc>::UNIX_EPOCH;
    expression.next_at_or_after(epoch)
}
