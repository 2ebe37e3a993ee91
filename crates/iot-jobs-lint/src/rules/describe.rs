//! `describe/*`: DescribeJob responses.
//!
//! Failure counts in `jobProcessDetails` are deliberately not compared with the number of
//! targets: retries create further executions, and a thing group counts as one target.

use super::{Ctx, View};
use crate::Operation;
use crate::diagnostic::Severity;
use crate::registry::RuleInfo;

/// `describe/too-many-scheduled-rollouts`
pub const TOO_MANY_SCHEDULED_ROLLOUTS: RuleInfo = RuleInfo {
    code: "describe/too-many-scheduled-rollouts",
    severity: Severity::Warning,
    summary: "`scheduledJobRollouts` has more than seven entries; the service shows the next seven maintenance-window starts.",
    source: "API reference: Job.scheduledJobRollouts (the next seven maintenance window occurrences); inferred: the model sets no list maximum",
    json_schema: false,
    fix: None,
    example: None,
};

/// The rules of this family.
pub const RULES: &[RuleInfo] = &[TOO_MANY_SCHEDULED_ROLLOUTS];

/// How many upcoming window starts DescribeJob shows.
pub const SCHEDULED_ROLLOUTS_SHOWN: usize = 7;

pub(crate) fn check(ctx: &mut Ctx<'_>, view: &View<'_>) {
    if ctx.operation != Operation::DescribeJob {
        return;
    }
    let Some(list) = view.scheduled_rollouts else {
        return;
    };
    let base = view.base;
    let n = list.len();
    if n > SCHEDULED_ROLLOUTS_SHOWN {
        ctx.report(
            &TOO_MANY_SCHEDULED_ROLLOUTS,
            format!("{base}/scheduledJobRollouts"),
            list.span(),
            format!("`scheduledJobRollouts` has {n} entries; DescribeJob shows the next {SCHEDULED_ROLLOUTS_SHOWN}"),
            None,
        );
    }
    for (i, item) in list.iter().enumerate() {
        if let Some(o) = item.as_object() {
            super::schedule::read_time(
                ctx,
                o,
                "startTime",
                &format!("{base}/scheduledJobRollouts/{i}/startTime"),
            );
        }
    }
}
