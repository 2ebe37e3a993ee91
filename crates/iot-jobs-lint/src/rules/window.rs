//! `window/*`: what the maintenance windows of a job do over time: whether any opens before
//! `endTime`, whether a window or two windows overlap, and whether a DescribeJob's
//! `scheduledJobRollouts` are occurrences of its windows.
//!
//! All are warnings: the API reference does not say how the service treats overlapping windows or
//! a schedule that never opens; the consequences (a job that never rolls out, windows that merge)
//! are inferred.

use super::cron::ParsedWindow;
use super::{Ctx, array, job_scope, object};
use crate::Operation;
use crate::cron::{self, Window, WindowOccurrence};
use crate::diagnostic::Severity;
use crate::registry::RuleInfo;
use crate::rules::schedule::{format_time, parse_time};
use chrono::{DateTime, TimeDelta, Utc};
use jsonc_parser::ast::{Object, Value};
use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap, HashSet};

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
/// At most this many occurrences in all (the per-window share shrinks with many windows).
const TOTAL_OCCURRENCES: usize = 20_000;

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

pub(crate) fn check(ctx: &mut Ctx<'_>, root: &Object<'_>, windows: &[ParsedWindow]) {
    if windows.is_empty() {
        return;
    }
    let (from, until) = bounds(ctx.operation, root, ctx.now);
    let specs: Vec<Window<'_>> = windows
        .iter()
        .map(|w| Window {
            expression: &w.expression,
            duration_minutes: w.duration.unwrap_or(0),
            index: w.index,
        })
        .collect();
    let by_index: HashMap<usize, &ParsedWindow> = windows.iter().map(|w| (w.index, w)).collect();

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
                format_time(start),
                format_time(end)
            ),
            Some("move `endTime` later, or change the windows so one opens before it".into()),
        );
    }

    // The overlap rules look at a bounded number of occurrences in all, however many windows.
    let per_window = (TOTAL_OCCURRENCES / windows.len()).clamp(2, MAX_OCCURRENCES);
    let horizon = from + TimeDelta::days(HORIZON_DAYS);
    let mut all: Vec<WindowOccurrence> = Vec::new();
    for w in &specs {
        let occurrences = cron::preview(std::slice::from_ref(w), from, Some(horizon), per_window);
        if let Some(pair) = occurrences.windows(2).find(|p| p[1].start < p[0].end) {
            let gap = (pair[1].start - pair[0].start).num_minutes();
            let window = by_index[&w.index];
            ctx.report(
                &SELF_OVERLAP,
                format!("{}/startTime", window.pointer),
                window.span,
                format!(
                    "maintenance window {} lasts {} minutes but opens again after {gap} minute{} ({} and {} UTC), so its occurrences overlap",
                    w.index,
                    w.duration_minutes,
                    if gap == 1 { "" } else { "s" },
                    format_time(pair[0].start),
                    format_time(pair[1].start)
                ),
                Some(format!("shorten `durationInMinutes` to at most {gap}, or make the expression fire less often")),
            );
        }
        all.extend(occurrences);
    }
    all.sort_by_key(|o| (o.start, o.window));

    // Sweep in start order with the open occurrences in a heap by end; each window is reported
    // at most once (with the first other window it overlaps), so the output stays linear.
    let mut open: BinaryHeap<Reverse<OpenOccurrence>> = BinaryHeap::new();
    let mut open_per_window: HashMap<usize, usize> = HashMap::new();
    let mut reported: HashSet<usize> = HashSet::new();
    for o in &all {
        while let Some(Reverse((end, w, _))) = open.peek().copied()
            && end <= o.start
        {
            open.pop();
            if let Some(n) = open_per_window.get_mut(&w) {
                *n -= 1;
            }
        }
        let own = open_per_window.get(&o.window).copied().unwrap_or(0);
        if !reported.contains(&o.window)
            && open.len() > own
            && let Some(Reverse((end, other, start))) =
                open.iter().find(|e| e.0.1 != o.window).copied()
        {
            reported.insert(o.window);
            let window = by_index[&o.window];
            ctx.report(
                &OVERLAP,
                format!("{}/startTime", window.pointer),
                window.span,
                format!(
                    "maintenance windows {other} and {} overlap: window {} opens at {} UTC while window {other} is open ({} to {} UTC)",
                    o.window,
                    o.window,
                    format_time(o.start),
                    format_time(start),
                    format_time(end)
                ),
                Some("merge the two windows, or move one so they no longer overlap".into()),
            );
        }
        open.push(Reverse((o.end, o.window, o.start)));
        *open_per_window.entry(o.window).or_default() += 1;
    }

    if ctx.operation == Operation::DescribeJob {
        rollouts_match(ctx, root, windows);
    }
}

/// An open window occurrence in the overlap sweep: (end, window index, start).
type OpenOccurrence = (DateTime<Utc>, usize, DateTime<Utc>);

/// How many `scheduledJobRollouts` entries are matched against the windows (DescribeJob shows
/// seven; `describe/too-many-scheduled-rollouts` reports more).
const MAX_ROLLOUTS_CHECKED: usize = 64;

fn rollouts_match(ctx: &mut Ctx<'_>, root: &Object<'_>, windows: &[ParsedWindow]) {
    let Some(job) = object(root, "job") else {
        return;
    };
    let Some(list) = array(job, "scheduledJobRollouts") else {
        return;
    };
    for (i, item) in list.elements.iter().enumerate().take(MAX_ROLLOUTS_CHECKED) {
        let Value::Object(o) = item else { continue };
        let Some((text, span)) = super::string(o, "startTime") else {
            continue;
        };
        let Some(t) = parse_time(text).map(|t| t.instant()) else {
            continue;
        };
        if !windows
            .iter()
            .any(|w| w.expression.next_at_or_after(t) == Some(t))
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
