//! `cron/*`: maintenance-window `startTime` cron expressions.
//!
//! The grammar, its problem codes and the occurrence engine live in the `iot-jobs-lint-cron`
//! crate (re-exported as [`crate::cron`]); this module finds the windows of each operation, runs
//! the dialect on each `startTime`, and places every problem at its column inside the JSON
//! string. With the clock it adds one more case of `cron/never-fires`: an expression whose
//! occurrences all lie in the past (a year range that is over).

use super::{Ctx, array, object};
use crate::Operation;
use crate::cron::{self, CronExpression, Level};
use crate::diagnostic::Severity;
use crate::registry::RuleInfo;
use crate::source::{self, offset_in_literal};
use jsonc_parser::ast::{Object, Value};

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
            json_schema: false,
        })
        .collect()
}

fn severity(level: Level) -> Severity {
    match level {
        Level::Error => Severity::Error,
        Level::Warning => Severity::Warning,
    }
}

/// One maintenance window as written in the input.
pub(crate) struct WindowSpec<'t> {
    /// Position in the `maintenanceWindows` list.
    pub(crate) index: usize,
    /// Pointer of the window object (`/maintenanceWindows/0`).
    pub(crate) pointer: String,
    /// The `startTime` text and the byte range of its string literal.
    pub(crate) start_time: Option<(&'t str, (usize, usize))>,
    /// `durationInMinutes`, when it is a whole number.
    pub(crate) duration: Option<i64>,
}

/// The maintenance windows of the input, wherever the operation keeps them.
pub(crate) fn window_specs<'t>(operation: Operation, root: &'t Object<'t>) -> Vec<WindowSpec<'t>> {
    let (list, base) = match operation {
        Operation::CreateJobTemplate | Operation::DescribeJobTemplate => (
            array(root, "maintenanceWindows"),
            "/maintenanceWindows".to_string(),
        ),
        Operation::CreateJob | Operation::DescribeJob => {
            let scope = if operation == Operation::DescribeJob {
                object(root, "job")
            } else {
                Some(root)
            };
            let prefix = if operation == Operation::DescribeJob {
                "/job"
            } else {
                ""
            };
            (
                scope
                    .and_then(|s| object(s, "schedulingConfig"))
                    .and_then(|c| array(c, "maintenanceWindows")),
                format!("{prefix}/schedulingConfig/maintenanceWindows"),
            )
        }
    };
    let Some(list) = list else { return Vec::new() };
    list.elements
        .iter()
        .enumerate()
        .filter_map(|(index, item)| {
            let Value::Object(w) = item else { return None };
            let start_time = match source::get(w, "startTime") {
                Some(v @ Value::StringLit(s)) => Some((s.value.as_ref(), source::range(v))),
                _ => None,
            };
            let duration =
                super::number(w, "durationInMinutes").and_then(|(t, _)| t.parse::<i64>().ok());
            Some(WindowSpec {
                index,
                pointer: format!("{base}/{index}"),
                start_time,
                duration,
            })
        })
        .collect()
}

/// A window whose `startTime` parsed, for the schedule rules.
pub(crate) struct ParsedWindow {
    /// Position in the `maintenanceWindows` list.
    pub(crate) index: usize,
    /// Pointer of the window object.
    pub(crate) pointer: String,
    /// Byte range of the `startTime` string literal.
    pub(crate) span: (usize, usize),
    /// The parsed expression.
    pub(crate) expression: CronExpression,
    /// `durationInMinutes`, when it is a whole number.
    pub(crate) duration: Option<i64>,
}

/// Longest `startTime` the dialect is run on: the model's maximum (CronExpression, 256). A longer
/// value gets `model/length` only, which keeps hostile input from costing more than that.
const MAX_EXPRESSION_CHARS: usize = 256;

/// Parses every window's `startTime`, reports the dialect's problems, and returns the windows
/// that parsed (with their durations) for the schedule rules.
pub(crate) fn check(ctx: &mut Ctx<'_>, root: &Object<'_>) -> Vec<ParsedWindow> {
    let mut parsed = Vec::new();
    for spec in window_specs(ctx.operation, root) {
        let Some((text, literal)) = spec.start_time else {
            continue;
        };
        if text.chars().count() > MAX_EXPRESSION_CHARS {
            continue;
        }
        let pointer = format!("{}/startTime", spec.pointer);
        let result = cron::parse(text);
        for p in &result.problems {
            let start = offset_in_literal(ctx.text(), literal.0, p.start);
            let end = offset_in_literal(ctx.text(), literal.0, p.end).max(start);
            ctx.report_code(
                p.code,
                severity(p.level),
                pointer.clone(),
                (start, end),
                p.message.clone(),
                p.help.clone(),
            );
        }
        if let Some(expression) = result.expression {
            // A response describes the past; only a request's windows must still open.
            if ctx.operation.is_request() && expression.next_at_or_after(ctx.now).is_none() {
                ctx.report_code(
                    cron::codes::NEVER_FIRES,
                    Severity::Error,
                    pointer.clone(),
                    literal,
                    format!(
                        "maintenance window {} never opens again: {}",
                        source::quote(text),
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
            } else {
                parsed.push(ParsedWindow {
                    index: spec.index,
                    pointer: spec.pointer,
                    span: literal,
                    expression,
                    duration: spec.duration,
                });
            }
        }
    }
    parsed
}

/// The first occurrence since 1970, to show the user where the expression's years lie.
fn first_occurrence(expression: &CronExpression) -> Option<chrono::DateTime<chrono::Utc>> {
    let epoch = chrono::DateTime::<chrono::Utc>::UNIX_EPOCH;
    expression.next_at_or_after(epoch)
}
