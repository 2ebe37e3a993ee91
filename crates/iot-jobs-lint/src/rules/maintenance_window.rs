//! `cron/*`: maintenance-window `startTime` cron expressions.
//!
//! The grammar, its diagnostics and the occurrence engine live in the `iot-jobs-lint-cron`
//! crate (re-exported as [`crate::cron`]); this module finds the windows of each operation and
//! turns the dialect's problems into diagnostics at the right place inside the string.

use super::{Ctx, array, job_scope, object};
use crate::Operation;
use crate::diagnostic::Severity;
use crate::registry::RuleInfo;
use crate::source::{self, offset_in_literal};
use jsonc_parser::ast::{Object, Value};

/// `cron/not-cron` (gate until the full grammar lands)
pub const NOT_CRON: RuleInfo = RuleInfo {
    code: "cron/not-cron",
    severity: Severity::Error,
    summary: "A maintenance window `startTime` is not a `cron(Minutes Hours Day-of-month Month Day-of-week Year)` expression.",
    source: "service model: MaintenanceWindow.startTime is a CronExpression; dialect: AWS scheduled expressions (EventBridge cron reference)",
    json_schema: false,
};

/// The rules of this family.
pub const RULES: &[RuleInfo] = &[NOT_CRON];

/// The maintenance windows of the input and the pointer of their list.
pub(crate) fn windows<'b, 'a>(
    ctx: &Ctx<'_>,
    root: &'b Object<'a>,
) -> Option<(&'b jsonc_parser::ast::Array<'a>, String)> {
    match ctx.operation {
        Operation::CreateJobTemplate | Operation::DescribeJobTemplate => {
            array(root, "maintenanceWindows").map(|a| (a, "/maintenanceWindows".to_string()))
        }
        Operation::CreateJob | Operation::DescribeJob => {
            let (scope, base) = job_scope(ctx, root)?;
            let config = object(scope, "schedulingConfig")?;
            array(config, "maintenanceWindows")
                .map(|a| (a, format!("{base}/schedulingConfig/maintenanceWindows")))
        }
    }
}

pub(crate) fn check(ctx: &mut Ctx<'_>, root: &Object<'_>) {
    let Some((list, base)) = windows(ctx, root) else {
        return;
    };
    for (i, item) in list.elements.iter().enumerate() {
        let Value::Object(window) = item else {
            continue;
        };
        let Some(v @ Value::StringLit(s)) = source::get(window, "startTime") else {
            continue;
        };
        let pointer = format!("{base}/{i}/startTime");
        let literal = source::range(v);
        let text = s.value.trim();
        let inner = text.strip_prefix("cron(").and_then(|t| t.strip_suffix(')'));
        let fields = inner.map(|t| t.split_whitespace().count());
        if fields != Some(6) {
            let at = offset_in_literal(ctx.text(), literal.0, 0);
            ctx.report_code(
                NOT_CRON.code,
                Severity::Error,
                pointer,
                (at, literal.1.saturating_sub(1).max(at)),
                format!("maintenance window startTime {} is not a six-field cron(...) expression", source::quote(&s.value)),
                Some("write cron(Minutes Hours Day-of-month Month Day-of-week Year), e.g. cron(0 2 ? * SUN *) for 02:00 UTC every Sunday".into()),
            );
        }
    }
}
