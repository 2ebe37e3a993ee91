//! `describe/*`: DescribeJob responses.
//!
//! Failure counts in `jobProcessDetails` are deliberately not compared with the number of
//! targets: retries create further executions, and a thing group counts as one target.

use super::{Ctx, array, job_scope};
use crate::Operation;
use crate::diagnostic::Severity;
use crate::registry::RuleInfo;
use jsonc_parser::ast::Object;

/// `describe/too-many-scheduled-rollouts`
pub const TOO_MANY_SCHEDULED_ROLLOUTS: RuleInfo = RuleInfo {
    code: "describe/too-many-scheduled-rollouts",
    severity: Severity::Warning,
    summary: "`scheduledJobRollouts` has more than seven entries; the service shows the next seven maintenance-window starts.",
    source: "API reference: Job.scheduledJobRollouts (the next seven maintenance window occurrences); inferred: the model sets no list maximum",
    json_schema: false,
};

/// The rules of this family.
pub const RULES: &[RuleInfo] = &[TOO_MANY_SCHEDULED_ROLLOUTS];

/// How many upcoming window starts DescribeJob shows.
pub const SCHEDULED_ROLLOUTS_SHOWN: usize = 7;

pub(crate) fn check(ctx: &mut Ctx<'_>, root: &Object<'_>) {
    if ctx.operation != Operation::DescribeJob {
        return;
    }
    let Some((job, base)) = job_scope(ctx, root) else {
        return;
    };
    if let Some(list) = array(job, "scheduledJobRollouts") {
        let n = list.elements.len();
        if n > SCHEDULED_ROLLOUTS_SHOWN {
            ctx.report(
                &TOO_MANY_SCHEDULED_ROLLOUTS,
                format!("{base}/scheduledJobRollouts"),
                (list.range.start, list.range.end),
                format!("`scheduledJobRollouts` has {n} entries; DescribeJob shows the next {SCHEDULED_ROLLOUTS_SHOWN}"),
                None,
            );
        }
        for (i, item) in list.elements.iter().enumerate() {
            if let jsonc_parser::ast::Value::Object(o) = item {
                super::schedule::read_time(
                    ctx,
                    o,
                    "startTime",
                    &format!("{base}/scheduledJobRollouts/{i}/startTime"),
                );
            }
        }
    }
}
