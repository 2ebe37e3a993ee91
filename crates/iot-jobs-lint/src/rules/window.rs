//! `window/*`: what the maintenance windows of a job do over time: whether any opens before
//! `endTime`, whether a window or two windows overlap, and whether a DescribeJob's
//! `scheduledJobRollouts` are occurrences of its windows.
//!
//! All are warnings: the API reference does not say how the service treats overlapping windows or
//! a schedule that never opens; the consequences (a job that never rolls out, windows that merge)
//! are inferred.

use super::{Ctx, array, job_scope, object};
use crate::Operation;
use crate::cron::{self, CronExpression, Window, WindowOccurrence};
use crate::diagnostic::Severity;
use crate::registry::RuleInfo;
use crate::rules::schedule::{format_time, parse_time};
use chrono::{DateTime, TimeDelta, Utc};
use jsonc_parser::ast::{Object, Value};

/// `window/none-before-end`
pub const NONE_BEFORE_END: RuleInfo = RuleInfo {
    code: "window/none-before-end",
    severity: Severity::Warning,
    summary: "No maintenance window opens between the rollout start (`startTime`, or now) and `endTime`, so the job would end without rolling out.",
    source: "API reference: SchedulingConfig (rollout happens inside maintenance windows, and stops at endTime); inferred: the service does not reject such a job",
    json_schema: false,
};
/// `window/self-overlap`
pub const SELF_OVERLAP: RuleInfo = RuleInfo {
    code: "window/self-overlap",
    severity: Severity::Warning,
    summary: "A window lasts longer than the gap to its own next occurrence, so consecutive windows overlap.",
    source: "inferred: the API reference does not define overlapping occurrences",
    json_schema: false,
};
/// `window/overlap`
pub const OVERLAP: RuleInfo = RuleInfo {
    code: "window/overlap",
    severity: Severity::Warning,
    summary: "Two maintenance windows of the same job overlap in time.",
    source: "inferred: the API reference does not define overlapping windows",
    json_schema: false,
};
/// `window/rollout-not-an-occurrence`
pub const ROLLOUT_NOT_AN_OCCURRENCE: RuleInfo = RuleInfo {
    code: "window/rollout-not-an-occurrence",
    severity: Severity::Warning,
    summary: "A DescribeJob `scheduledJobRollouts` entry is not an occurrence of any of the job's maintenance windows (edited output, or windows changed since).",
    source: "API reference: Job.scheduledJobRollouts lists the next maintenance window starts; inferred: a mismatch means the output was edited or is stale",
    json_schema: false,
};
/// The rules of this family.
pub const RULES: &[RuleInfo] = &[
    NONE_BEFORE_END,
    SELF_OVERLAP,
    OVERLAP,
    ROLLOUT_NOT_AN_OCCURRENCE,
];

/// How far ahead the overlap rules look.
const HORIZON_DAYS: i64 = 366;
/// At most this many occurrences per window are examined by the overlap rules.
const MAX_OCCURRENCES: usize = 2_000;

/// Where a window preview starts and ends: from the later of `now` and `schedulingConfig.startTime`
/// to `schedulingConfig.endTime` (exclusive), when the operation has a scheduling config.
pub(crate) fn bounds(
    operation: Operation,
    root: &Object<'_>,
    now: DateTime<Utc>,
) -> (DateTime<Utc>, Option<DateTime<Utc>>) {
    let scope = match operation {
        Operation::DescribeJob => object(root, "job"),
        Operation::CreateJob => Some(root),
        _ => None,
    };
    let config = scope.and_then(|s| object(s, "schedulingConfig"));
    let time = |name| {
        config
            .and_then(|c| super::string(c, name))
            .and_then(|(s, _)| parse_time(s))
            .map(|t| t.instant())
    };
    let from = time("startTime").map_or(now, |s| s.max(now));
    (from, time("endTime"))
}

/// Where the rollout period of the input starts for `window/none-before-end`: for a request
/// about to be sent, the later of now and `startTime`; for a DescribeJob response, `startTime`
/// itself (the response may describe the past; the rule asks whether the period had a window).
fn period_start(ctx: &Ctx<'_>, root: &Object<'_>, from: DateTime<Utc>) -> Option<DateTime<Utc>> {
    match ctx.operation {
        Operation::CreateJob => Some(from),
        Operation::DescribeJob => object(root, "job")
            .and_then(|j| object(j, "schedulingConfig"))
            .and_then(|c| super::string(c, "startTime"))
            .and_then(|(s, _)| parse_time(s))
            .map(|t| t.instant()),
        _ => None,
    }
}

pub(crate) fn check(
    ctx: &mut Ctx<'_>,
    root: &Object<'_>,
    windows: &[(usize, String, CronExpression, Option<i64>)],
) {
    if windows.is_empty() {
        return;
    }
    let (from, until) = bounds(ctx.operation, root, ctx.now);
    let specs: Vec<Window<'_>> = windows
        .iter()
        .map(|(index, _, expression, duration)| Window {
            expression,
            duration_minutes: duration.unwrap_or(0),
            index: *index,
        })
        .collect();
    let pointer_of = |index: usize| {
        windows
            .iter()
            .find(|w| w.0 == index)
            .map(|w| format!("{}/startTime", w.1))
            .unwrap_or_default()
    };
    let span_of = |ctx: &Ctx<'_>, index: usize| window_span(ctx, root, index);

    if let Some(end) = until
        && let Some(start) = period_start(ctx, root, from)
        && cron::preview(&specs, start, Some(end), 1).is_empty()
    {
        let pointer = match ctx.operation {
            Operation::DescribeJob => "/job/schedulingConfig/endTime",
            _ => "/schedulingConfig/endTime",
        };
        let scope = job_scope(ctx, root).map(|(s, _)| s);
        let span = scope
            .and_then(|s| object(s, "schedulingConfig"))
            .map(|c| super::span_of(c, "endTime"))
            .unwrap_or((0, 0));
        ctx.report(
            &NONE_BEFORE_END,
            pointer,
            span,
            format!(
                "no maintenance window opens between {} and `endTime` {} UTC; the job would end without rolling out",
                format_time(from),
                format_time(end)
            ),
            Some("move `endTime` later, or change the windows so one opens before it".into()),
        );
    }

    let horizon = from + TimeDelta::days(HORIZON_DAYS);
    let mut all: Vec<WindowOccurrence> = Vec::new();
    for w in &specs {
        let occurrences = cron::preview(
            std::slice::from_ref(w),
            from,
            Some(horizon),
            MAX_OCCURRENCES,
        );
        if let Some(pair) = occurrences.windows(2).find(|p| p[1].start < p[0].end) {
            let gap = (pair[1].start - pair[0].start).num_minutes();
            let index = w.index;
            let span = span_of(ctx, index);
            ctx.report(
                &SELF_OVERLAP,
                pointer_of(index),
                span,
                format!(
                    "maintenance window {index} lasts {} minutes but opens again after {gap} minutes ({} and {} UTC), so its occurrences overlap",
                    w.duration_minutes,
                    format_time(pair[0].start),
                    format_time(pair[1].start)
                ),
                Some(format!("shorten `durationInMinutes` to at most {gap}, or make the expression fire less often")),
            );
        }
        all.extend(occurrences);
    }
    all.sort_by_key(|o| (o.start, o.window));
    let mut reported: Vec<(usize, usize)> = Vec::new();
    let mut open: Vec<WindowOccurrence> = Vec::new();
    for o in &all {
        open.retain(|p| p.end > o.start);
        for p in &open {
            let pair = (p.window.min(o.window), p.window.max(o.window));
            if p.window != o.window && !reported.contains(&pair) {
                reported.push(pair);
                let span = span_of(ctx, pair.1);
                ctx.report(
                    &OVERLAP,
                    pointer_of(pair.1),
                    span,
                    format!(
                        "maintenance windows {} and {} overlap: window {} opens at {} UTC while window {} is open ({} to {} UTC)",
                        pair.0,
                        pair.1,
                        o.window,
                        format_time(o.start),
                        p.window,
                        format_time(p.start),
                        format_time(p.end)
                    ),
                    Some("merge the two windows, or move one so they no longer overlap".into()),
                );
            }
        }
        open.push(*o);
    }

    if ctx.operation == Operation::DescribeJob {
        rollouts_match(ctx, root, windows);
    }
}

/// The byte range of window `index`'s `startTime` literal.
fn window_span(ctx: &Ctx<'_>, root: &Object<'_>, index: usize) -> (usize, usize) {
    super::cron::window_specs(ctx.operation, root)
        .into_iter()
        .find(|s| s.index == index)
        .and_then(|s| s.start_time.map(|(_, r)| r))
        .unwrap_or((0, 0))
}

fn rollouts_match(
    ctx: &mut Ctx<'_>,
    root: &Object<'_>,
    windows: &[(usize, String, CronExpression, Option<i64>)],
) {
    let Some(job) = object(root, "job") else {
        return;
    };
    let Some(list) = array(job, "scheduledJobRollouts") else {
        return;
    };
    for (i, item) in list.elements.iter().enumerate() {
        let Value::Object(o) = item else { continue };
        let Some((text, span)) = super::string(o, "startTime") else {
            continue;
        };
        let Some(t) = parse_time(text).map(|t| t.instant()) else {
            continue;
        };
        if !windows
            .iter()
            .any(|(_, _, e, _)| e.next_at_or_after(t) == Some(t))
        {
            ctx.report(
                &ROLLOUT_NOT_AN_OCCURRENCE,
                format!("/job/scheduledJobRollouts/{i}/startTime"),
                span,
                format!("scheduled rollout {} UTC is not a start of any of the job's maintenance windows", format_time(t)),
                None,
            );
        }
    }
}
