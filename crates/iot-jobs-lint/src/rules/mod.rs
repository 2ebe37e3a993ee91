//! The rules, one module per family. A rule's code names its module: `schedule/start-too-soon`
//! lives in [`schedule`], `model/range` in [`model`].
//!
//! Every module exposes its registry entries as `RULES` (see [`crate::registry`]) and a `check`
//! function that reads the parsed input and reports through [`Ctx`]. The [`model`] family is the
//! generic walker over the [`crate::shapes`] table; the others are the documented rules that the
//! service model cannot express.

pub mod abort;
pub mod cron;
pub mod describe;
pub mod document;
pub mod input;
pub mod json;
pub mod model;
pub mod packages;
pub mod presigned_url;
pub mod retry;
pub mod rollout;
pub mod schedule;
pub mod tags;
pub mod targets;
pub mod timeout;
pub mod window;

use crate::diagnostic::{Diagnostic, Severity};
use crate::registry::RuleInfo;
use crate::source;
use crate::{Edition, LintOptions, Operation, Report};
use chrono::{DateTime, Utc};
use jsonc_parser::ast::{Array, Object, Value};

/// Everything a rule needs: the options, the position index, and the sink for diagnostics.
pub(crate) struct Ctx<'t> {
    text: &'t str,
    pub(crate) edition: Edition,
    pub(crate) operation: Operation,
    pub(crate) now: DateTime<Utc>,
    /// Diagnostics with their byte span; lines and columns are filled in once, in source order.
    diagnostics: Vec<((usize, usize), Diagnostic)>,
}

impl<'t> Ctx<'t> {
    /// The whole input text.
    pub(crate) fn text(&self) -> &'t str {
        self.text
    }

    /// Reports a problem of `rule` at `pointer`, spanning the byte range `span` of the input.
    pub(crate) fn report(
        &mut self,
        rule: &RuleInfo,
        pointer: impl Into<String>,
        span: (usize, usize),
        message: impl Into<String>,
        help: Option<String>,
    ) {
        self.report_code(rule.code, rule.severity, pointer, span, message, help);
    }

    /// Like [`Ctx::report`] for codes whose severity is decided per finding (the cron dialect).
    pub(crate) fn report_code(
        &mut self,
        code: &str,
        severity: Severity,
        pointer: impl Into<String>,
        span: (usize, usize),
        message: impl Into<String>,
        help: Option<String>,
    ) {
        let (line, column, end_line, end_column) = (0, 0, 0, 0);
        self.diagnostics.push((
            (span.0, span.1.max(span.0)),
            Diagnostic {
                code: code.to_string(),
                severity,
                pointer: pointer.into(),
                message: message.into(),
                help,
                line,
                column,
                end_line,
                end_column,
            },
        ));
    }
}

/// Runs every rule family over `text`.
pub(crate) fn run(text: &str, options: &LintOptions) -> Report {
    let mut ctx = Ctx {
        text,
        edition: options.service_model,
        operation: options.operation.unwrap_or(Operation::CreateJob),
        now: options.now,
        diagnostics: Vec::new(),
    };
    let mut report = Report {
        operation: options.operation,
        operation_detected: false,
        service_model: options.service_model,
        diagnostics: Vec::new(),
    };
    match source::parse(text) {
        Err(e) => json::syntax_error(&mut ctx, &e),
        Ok(root) => match &root {
            Value::Object(obj) => {
                if input::check(&mut ctx, obj) {
                    let operation = match options.operation {
                        Some(op) => {
                            if let Some(detected) = detect(&root).filter(|d| *d != op) {
                                input::operation_mismatch(&mut ctx, obj, op, detected);
                            }
                            Some(op)
                        }
                        None => {
                            let detected = detect(&root);
                            report.operation_detected = detected.is_some();
                            detected
                        }
                    };
                    report.operation = operation;
                    match operation {
                        Some(op) => {
                            ctx.operation = op;
                            check_operation(&mut ctx, obj);
                        }
                        None => input::operation_unknown(&mut ctx, obj),
                    }
                }
            }
            other => json::root_not_object(&mut ctx, other),
        },
    }
    let mut diagnostics = std::mem::take(&mut ctx.diagnostics);
    diagnostics.sort_by_key(|((start, _), _)| *start);
    // One pass over the text for all start positions (they are sorted), then each end from its
    // start: linear in the input however many diagnostics share a long line.
    let mut cursor = Cursor::new(text);
    report.diagnostics = diagnostics
        .into_iter()
        .map(|((start, end), mut d)| {
            cursor.advance_to(start);
            (d.line, d.column) = (cursor.line, cursor.column);
            let mut end_cursor = cursor.clone();
            end_cursor.advance_to(end);
            (d.end_line, d.end_column) = (end_cursor.line, end_cursor.column);
            d
        })
        .collect();
    report
}

/// A position in the text: byte offset, 1-based line and code-point column.
#[derive(Clone)]
struct Cursor<'t> {
    text: &'t str,
    byte: usize,
    line: u32,
    column: u32,
}

impl<'t> Cursor<'t> {
    fn new(text: &'t str) -> Self {
        Cursor {
            text,
            byte: 0,
            line: 1,
            column: 1,
        }
    }

    /// Moves forward to `target` (clamped to the text and to a character boundary).
    fn advance_to(&mut self, target: usize) {
        let mut target = target.min(self.text.len());
        while !self.text.is_char_boundary(target) {
            target -= 1;
        }
        if target <= self.byte {
            return;
        }
        let slice = &self.text[self.byte..target];
        match slice.rfind('\n') {
            Some(last) => {
                let newlines = slice.bytes().filter(|b| *b == b'\n').count();
                self.line = self
                    .line
                    .saturating_add(u32::try_from(newlines).unwrap_or(u32::MAX));
                self.column = 1u32.saturating_add(
                    u32::try_from(slice[last + 1..].chars().count()).unwrap_or(u32::MAX),
                );
            }
            None => {
                self.column = self
                    .column
                    .saturating_add(u32::try_from(slice.chars().count()).unwrap_or(u32::MAX));
            }
        }
        self.byte = target;
    }
}

/// Runs the model walker and every documented-rule family for a known operation.
fn check_operation(ctx: &mut Ctx<'_>, root: &Object<'_>) {
    let shape = crate::shapes::root_shape(ctx.operation);
    model::check_structure(ctx, root, shape, "");
    document::check(ctx, root);
    presigned_url::check(ctx, root);
    schedule::check(ctx, root);
    let windows = cron::check(ctx, root);
    window::check(ctx, root, &windows);
    rollout::check(ctx, root);
    abort::check(ctx, root);
    retry::check(ctx, root);
    timeout::check(ctx, root);
    targets::check(ctx, root);
    tags::check(ctx, root);
    packages::check(ctx, root);
    describe::check(ctx, root);
}

/// See [`crate::detect_operation`].
pub(crate) fn detect(root: &Value<'_>) -> Option<Operation> {
    let Value::Object(obj) = root else {
        return None;
    };
    let has = |name: &str| source::get(obj, name).is_some();
    if matches!(source::get(obj, "job"), Some(Value::Object(_))) {
        Some(Operation::DescribeJob)
    } else if has("jobTemplateId") {
        if has("createdAt") || has("jobTemplateArn") {
            Some(Operation::DescribeJobTemplate)
        } else {
            Some(Operation::CreateJobTemplate)
        }
    } else if has("jobId") || has("targets") {
        Some(Operation::CreateJob)
    } else {
        None
    }
}

// ---- typed accessors over the syntax tree; a wrong type reads as absent (model/type reports it)

/// The object member `name` of `obj`, when it is an object.
pub(crate) fn object<'b, 'a>(obj: &'b Object<'a>, name: &str) -> Option<&'b Object<'a>> {
    match source::get(obj, name) {
        Some(Value::Object(o)) => Some(o),
        _ => None,
    }
}

/// The array member `name` of `obj`, when it is an array.
pub(crate) fn array<'b, 'a>(obj: &'b Object<'a>, name: &str) -> Option<&'b Array<'a>> {
    match source::get(obj, name) {
        Some(Value::Array(a)) => Some(a),
        _ => None,
    }
}

/// The string member `name` of `obj` with its byte range, when it is a string.
pub(crate) fn string<'b>(obj: &'b Object<'_>, name: &str) -> Option<(&'b str, (usize, usize))> {
    match source::get(obj, name) {
        Some(v @ Value::StringLit(s)) => Some((&s.value, source::range(v))),
        _ => None,
    }
}

/// The number member `name` of `obj` as written, with its byte range, when it is a number.
pub(crate) fn number<'b>(obj: &'b Object<'_>, name: &str) -> Option<(&'b str, (usize, usize))> {
    match source::get(obj, name) {
        Some(v @ Value::NumberLit(n)) => Some((n.value, source::range(v))),
        _ => None,
    }
}

/// The byte range of member `name`'s value, or of the object when the member is absent.
pub(crate) fn span_of(obj: &Object<'_>, name: &str) -> (usize, usize) {
    match source::get(obj, name) {
        Some(v) => source::range(v),
        None => opening(obj),
    }
}

/// The byte range of an object's opening brace (where a missing member is reported).
pub(crate) fn opening(obj: &Object<'_>) -> (usize, usize) {
    (obj.range.start, obj.range.start + 1)
}

/// The pointer of the object holding the job configuration: `/job` in a DescribeJob response,
/// the root otherwise.
pub(crate) fn job_scope<'b, 'a>(
    ctx: &Ctx<'_>,
    root: &'b Object<'a>,
) -> Option<(&'b Object<'a>, &'static str)> {
    if ctx.operation == Operation::DescribeJob {
        object(root, "job").map(|o| (o, "/job"))
    } else {
        Some((root, ""))
    }
}

/// Formats a number bound for messages: `1430`, `1.1`.
pub(crate) fn fmt_num(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

/// Digits after the decimal point of a JSON number literal as written, exactly (no binary
/// floating point): trailing zeros do not count, an exponent shifts the point.
/// `1.5` → 1, `1.50` → 1, `1.55` → 2, `155e-2` → 2, `10` → 0.
pub(crate) fn decimal_places(literal: &str) -> u64 {
    let (mantissa, exponent) = match literal.find(['e', 'E']) {
        // An exponent beyond i64 saturates: the number then has no (or astronomically many)
        // decimal places, which the comparison below still judges right.
        Some(i) => {
            let e = &literal[i + 1..];
            let saturated = if e.starts_with('-') {
                i64::MIN / 2
            } else {
                i64::MAX / 2
            };
            (
                &literal[..i],
                e.parse::<i64>()
                    .unwrap_or(saturated)
                    .clamp(i64::MIN / 2, i64::MAX / 2),
            )
        }
        None => (literal, 0),
    };
    let mantissa = mantissa.trim_start_matches('-');
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    // value = digits × 10^(exponent − frac.len()); trailing zeros of the digits raise the power.
    let digits = format!("{int}{frac}");
    let significant = digits.trim_end_matches('0');
    if significant.trim_start_matches('0').is_empty() {
        return 0;
    }
    let zeros = (digits.len() - significant.len()) as i64;
    (frac.len() as i64)
        .saturating_sub(exponent)
        .saturating_sub(zeros)
        .max(0) as u64
}
