//! `window/*`: what the maintenance windows of a job do over time: whether any opens before
//! `endTime`, whether a window or two windows overlap, and whether a DescribeJob's
//! `scheduledJobRollouts` are occurrences of its windows.
//!
//! All are warnings: the API reference does not say how the service treats overlapping windows or
//! a schedule that never opens; the consequences (a job that never rolls out, windows that merge)
//! are inferred.

use super::cron::ParsedWindow;
use super::{Ctx, Times, View, string};
use crate::cron::{self, Window};
use crate::diagnostic::{Applicability, Fix, Severity};
use crate::registry::{Example, RuleInfo, example};
use crate::rules::schedule::{format_time, parse_time};
use crate::{Edition, Operation};
use chrono::{DateTime, TimeDelta, Utc};
use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// `window/none-before-end`
pub const NONE_BEFORE_END: RuleInfo = RuleInfo {
    code: "window/none-before-end",
    severity: Severity::Warning,
    summary: "No maintenance window opens between the rollout start (`startTime`, or now) and `endTime`, so the job would end without rolling out.",
    source: "API reference: SchedulingConfig (rollout happens inside maintenance windows, and stops at endTime); inferred: the service does not reject such a job",
    json_schema: false,
    fix: None,
    example: example(Example {
        operation: Some(Operation::CreateJob),
        service_model: Edition::Latest,
        fail: r#"{
  "jobId": "firmware-2026-01",
  "targets": ["arn:aws:iot:eu-west-1:123456789012:thinggroup/pumps-line-a"],
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}",
  "schedulingConfig": {
    "startTime": "2026-01-05T00:00",
    "endTime": "2026-01-10T00:00",
    "maintenanceWindows": [{"startTime": "cron(0 2 ? * SUN *)", "durationInMinutes": 240}]
  }
}"#,
        pass: r#"{
  "jobId": "firmware-2026-01",
  "targets": ["arn:aws:iot:eu-west-1:123456789012:thinggroup/pumps-line-a"],
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}",
  "schedulingConfig": {
    "startTime": "2026-01-05T00:00",
    "endTime": "2026-01-12T00:00",
    "maintenanceWindows": [{"startTime": "cron(0 2 ? * SUN *)", "durationInMinutes": 240}]
  }
}"#,
    }),
};
/// `window/self-overlap`
pub const SELF_OVERLAP: RuleInfo = RuleInfo {
    code: "window/self-overlap",
    severity: Severity::Warning,
    summary: "A window lasts longer than the gap to its own next occurrence, so consecutive windows overlap.",
    source: "inferred: the API reference does not define overlapping occurrences",
    json_schema: false,
    fix: Some("suggested: shorten `durationInMinutes` to the gap between two openings"),
    example: example(Example {
        operation: Some(Operation::CreateJob),
        service_model: Edition::Latest,
        fail: r#"{
  "jobId": "firmware-2026-01",
  "targets": ["arn:aws:iot:eu-west-1:123456789012:thinggroup/pumps-line-a"],
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}",
  "schedulingConfig": {
    "maintenanceWindows": [{"startTime": "cron(0 0/2 ? * * *)", "durationInMinutes": 180}]
  }
}"#,
        pass: r#"{
  "jobId": "firmware-2026-01",
  "targets": ["arn:aws:iot:eu-west-1:123456789012:thinggroup/pumps-line-a"],
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}",
  "schedulingConfig": {
    "maintenanceWindows": [{"startTime": "cron(0 0/2 ? * * *)", "durationInMinutes": 120}]
  }
}"#,
    }),
};
/// `window/overlap`
pub const OVERLAP: RuleInfo = RuleInfo {
    code: "window/overlap",
    severity: Severity::Warning,
    summary: "Two maintenance windows of the same job overlap in time.",
    source: "inferred: the API reference does not define overlapping windows",
    json_schema: false,
    fix: None,
    example: example(Example {
        operation: Some(Operation::CreateJob),
        service_model: Edition::Latest,
        fail: r#"{
  "jobId": "firmware-2026-01",
  "targets": ["arn:aws:iot:eu-west-1:123456789012:thinggroup/pumps-line-a"],
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}",
  "schedulingConfig": {
    "maintenanceWindows": [
      {"startTime": "cron(0 1 ? * SAT *)", "durationInMinutes": 240},
      {"startTime": "cron(0 3 ? * SAT *)", "durationInMinutes": 120}
    ]
  }
}"#,
        pass: r#"{
  "jobId": "firmware-2026-01",
  "targets": ["arn:aws:iot:eu-west-1:123456789012:thinggroup/pumps-line-a"],
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}",
  "schedulingConfig": {
    "maintenanceWindows": [
      {"startTime": "cron(0 1 ? * SAT *)", "durationInMinutes": 240},
      {"startTime": "cron(0 5 ? * SAT *)", "durationInMinutes": 120}
    ]
  }
}"#,
    }),
};
/// `window/rollout-not-an-occurrence`
pub const ROLLOUT_NOT_AN_OCCURRENCE: RuleInfo = RuleInfo {
    code: "window/rollout-not-an-occurrence",
    severity: Severity::Warning,
    summary: "A DescribeJob `scheduledJobRollouts` entry is not an occurrence of any of the job's maintenance windows (edited output, or windows changed since).",
    source: "API reference: Job.scheduledJobRollouts lists the next maintenance window starts; inferred: a mismatch means the output was edited or is stale",
    json_schema: false,
    fix: None,
    example: example(Example {
        operation: Some(Operation::DescribeJob),
        service_model: Edition::Latest,
        fail: r#"{
  "job": {
    "jobArn": "arn:aws:iot:eu-west-1:123456789012:job/firmware-2026-01",
    "jobId": "firmware-2026-01",
    "status": "SCHEDULED",
    "schedulingConfig": {
      "maintenanceWindows": [{"startTime": "cron(0 22 ? * SAT *)", "durationInMinutes": 360}]
    },
    "scheduledJobRollouts": [{"startTime": "2026-01-03T22:00"}, {"startTime": "2026-01-11T22:00"}]
  }
}"#,
        pass: r#"{
  "job": {
    "jobArn": "arn:aws:iot:eu-west-1:123456789012:job/firmware-2026-01",
    "jobId": "firmware-2026-01",
    "status": "SCHEDULED",
    "schedulingConfig": {
      "maintenanceWindows": [{"startTime": "cron(0 22 ? * SAT *)", "durationInMinutes": 360}]
    },
    "scheduledJobRollouts": [{"startTime": "2026-01-03T22:00"}, {"startTime": "2026-01-10T22:00"}]
  }
}"#,
    }),
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
/// to `schedulingConfig.endTime` (exclusive).
pub(crate) fn bounds(times: &Times, now: DateTime<Utc>) -> (DateTime<Utc>, Option<DateTime<Utc>>) {
    (times.start.map_or(now, |s| s.max(now)), times.end)
}

/// Whether the expression opens at most once a day: its minutes and hours fields are single
/// numbers. Such a window (at most 1430 minutes long) can never overlap its own next opening.
fn at_most_daily(expression: &cron::CronExpression) -> bool {
    let text = expression.text();
    let inner = text
        .trim()
        .strip_prefix("cron(")
        .and_then(|t| t.strip_suffix(')'))
        .unwrap_or("");
    let mut fields = inner.split_ascii_whitespace();
    let single =
        |f: Option<&str>| f.is_some_and(|f| !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()));
    single(fields.next()) && single(fields.next())
}

/// The preview engine's view of a window and its expression (parsed again per use: see
/// [`ParsedWindow`]).
fn spec<'e>(w: &ParsedWindow, expression: &'e cron::CronExpression) -> Window<'e> {
    Window {
        expression,
        duration_minutes: w.duration.map_or(0, i64::from),
        index: w.index,
    }
}

/// An instant of the overlap sweep, in seconds since the epoch: 8 bytes instead of chrono's 12
/// (the sweep holds one or more per window, and there may be tens of thousands of windows).
fn seconds(t: DateTime<Utc>) -> i64 {
    t.timestamp()
}

/// The instant back from [`seconds`] (always in range: it came from a `DateTime`).
fn instant(seconds: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(seconds, 0).unwrap_or_default()
}

pub(crate) fn check(ctx: &mut Ctx<'_>, view: &View<'_>, times: &Times, windows: &[ParsedWindow]) {
    if windows.is_empty() {
        return;
    }
    let (from, until) = bounds(times, ctx.now);
    // For a request about to be sent the period starts at the later of now and startTime; a
    // DescribeJob response may describe the past, so there it starts at startTime itself.
    let period_start = match ctx.operation {
        Operation::CreateJob => Some(from),
        Operation::DescribeJob => times.start,
        _ => None,
    };
    if let Some(end) = until
        && let Some(start) = period_start
        // One window at a time (the first that opens ends the search): a merged preview of
        // every window would hold each one's iterator at once.
        && !windows.iter().any(|w| {
            w.expression(view).is_some_and(|e| {
                !cron::preview(std::slice::from_ref(&spec(w, &e)), start, Some(end), 1).is_empty()
            })
        })
    {
        let span = view
            .scheduling
            .map(|c| super::span_of(c, "endTime"))
            .unwrap_or((0, 0));
        ctx.report(
            &NONE_BEFORE_END,
            view.at("/schedulingConfig/endTime"),
            span,
            format!(
                "no maintenance window opens between {} and `endTime` {} UTC; the job would end without rolling out",
                format_time(start),
                format_time(end)
            ),
            Some("move `endTime` later, or change the windows so one opens before it".into()),
        );
    }

    // Windows whose duration failed its own constraint are left out: their overlaps would be
    // derived from a value that is already wrong.
    let judged = || {
        windows
            .iter()
            .enumerate()
            .filter(|(_, parsed)| parsed.duration.is_some())
    };
    let judged_count = judged().count();
    let needs_expansion = judged_count > 1
        || judged().any(|(_, w)| w.expression(view).is_none_or(|e| !at_most_daily(&e)));
    if !needs_expansion {
        if ctx.operation == Operation::DescribeJob {
            rollouts_match(ctx, view, windows);
        }
        return;
    }
    // The overlap rules look at a bounded number of occurrences in all, however many windows.
    // Past 20,000 windows each contributes its first occurrence to the overlap sweep (the total
    // stays bounded); its own overlap is judged from its first two.
    let per_window = (TOTAL_OCCURRENCES / judged_count.max(1)).clamp(1, MAX_OCCURRENCES);
    let horizon = from
        .checked_add_signed(TimeDelta::days(HORIZON_DAYS))
        .unwrap_or(DateTime::<Utc>::MAX_UTC);
    // (start, end, position in `windows`), in seconds.
    let mut all: Vec<(i64, i64, usize)> = Vec::with_capacity(if judged_count > 1 {
        judged_count
            .saturating_mul(per_window)
            .min(TOTAL_OCCURRENCES * 2)
    } else {
        0
    });
    for (position, parsed) in judged() {
        let Some(expression) = parsed.expression(view) else {
            continue;
        };
        let w = &spec(parsed, &expression);
        let occurrences = cron::preview(
            std::slice::from_ref(w),
            from,
            Some(horizon),
            per_window.max(2),
        );
        let overlapping = occurrences.windows(2).find_map(|p| match p {
            [a, b] if b.start < a.end => Some((a, b)),
            _ => None,
        });
        if let Some((first, second)) = overlapping {
            let gap = (second.start - first.start).num_minutes();
            let duration_span = view
                .windows
                .and_then(|l| l.get(parsed.index))
                .and_then(|o| o.as_object())
                .and_then(|o| o.get("durationInMinutes"))
                .map(|d| d.span());
            ctx.report(
                &SELF_OVERLAP,
                format!("{}/{}/startTime", view.windows_pointer, parsed.index),
                parsed.span,
                format!(
                    "maintenance window {} lasts {} minutes but opens again after {gap} minute{} ({} and {} UTC), so its occurrences overlap",
                    w.index,
                    w.duration_minutes,
                    if gap == 1 { "" } else { "s" },
                    format_time(first.start),
                    format_time(second.start)
                ),
                Some(format!("shorten `durationInMinutes` to at most {gap}, or make the expression fire less often")),
            )
            .fix_opt(duration_span.map(|d| {
                Fix::replace(
                    format!("shorten the window to {gap} minutes"),
                    Applicability::Suggested,
                    d.0..d.1,
                    gap.to_string(),
                )
            }));
        }
        // One window cannot overlap another: no sweep.
        if judged_count > 1 {
            all.extend(
                occurrences
                    .into_iter()
                    .take(per_window)
                    .map(|o| (seconds(o.start), seconds(o.end), position)),
            );
        }
    }
    // By start, then window position: the order a stable sort by start gave (occurrences were
    // added window by window), without its buffer.
    crate::sort::sort_by_key(&mut all, |&(start, _, position)| (start, position));

    // Sweep in start order with the open occurrences in a heap by end; each window is reported
    // at most once (with the first other window it overlaps), so the output stays linear.
    let mut open: BinaryHeap<Reverse<OpenOccurrence>> = BinaryHeap::new();
    let mut open_per_window = vec![0u32; windows.len()];
    let mut reported = vec![false; windows.len()];
    for &(o_start, o_end, position) in &all {
        while let Some(Reverse((end, p, _))) = open.peek().copied()
            && end <= o_start
        {
            open.pop();
            if let Some(n) = open_per_window.get_mut(p) {
                *n = n.saturating_sub(1);
            }
        }
        let own = open_per_window.get(position).map_or(0, |&n| n as usize);
        if reported.get(position) == Some(&false)
            && open.len() > own
            && let Some(Reverse((end, other_position, start))) =
                open.iter().find(|e| e.0.1 != position).copied()
            && let (Some(window), Some(other_window)) =
                (windows.get(position), windows.get(other_position))
        {
            if let Some(r) = reported.get_mut(position) {
                *r = true;
            }
            let (this, other) = (window.index, other_window.index);
            let (start, end) = (format_time(instant(start)), format_time(instant(end)));
            ctx.report(
                &OVERLAP,
                format!("{}/{this}/startTime", view.windows_pointer),
                window.span,
                format!(
                    "maintenance windows {other} and {this} overlap: window {this} opens at {} UTC while window {other} is open ({start} to {end} UTC)",
                    format_time(instant(o_start)),
                ),
                Some("merge the two windows, or move one so they no longer overlap".into()),
            )
            .related(
                format!("{}/{other}/startTime", view.windows_pointer),
                format!("window {other}, open from {start} to {end} UTC"),
                other_window.span,
            );
        }
        open.push(Reverse((o_end, position, o_start)));
        if let Some(n) = open_per_window.get_mut(position) {
            *n += 1;
        }
    }

    if ctx.operation == Operation::DescribeJob {
        rollouts_match(ctx, view, windows);
    }
}

/// An open window occurrence in the overlap sweep: (end, position, start), in seconds. Ties on
/// the end are broken by position, which follows the window's index.
type OpenOccurrence = (i64, usize, i64);

/// How many `scheduledJobRollouts` entries are matched against the windows (DescribeJob shows
/// seven; `describe/too-many-scheduled-rollouts` reports more).
const MAX_ROLLOUTS_CHECKED: usize = 64;

/// A `scheduledJobRollouts` entry being matched: its position in the list, its instant, the span
/// of its string, and whether a window opens at it.
type Rollout = (usize, DateTime<Utc>, (usize, usize), bool);

fn rollouts_match(ctx: &mut Ctx<'_>, view: &View<'_>, windows: &[ParsedWindow]) {
    let Some(list) = view.scheduled_rollouts else {
        return;
    };
    let mut rollouts: Vec<Rollout> = list
        .iter()
        .enumerate()
        .take(MAX_ROLLOUTS_CHECKED)
        .filter_map(|(i, item)| {
            let (text, span) = string(item.as_object()?, "startTime")?;
            Some((i, parse_time(&text)?.instant(), span, false))
        })
        .collect();
    // Windows outside, rollouts inside: each window's expression is parsed once.
    for w in windows {
        if rollouts.iter().all(|r| r.3) {
            break;
        }
        let Some(expression) = w.expression(view) else {
            continue;
        };
        for r in rollouts.iter_mut().filter(|r| !r.3) {
            r.3 = expression.matches(r.1);
        }
    }
    for (i, t, span, _) in rollouts.into_iter().filter(|r| !r.3) {
        ctx.report(
            &ROLLOUT_NOT_AN_OCCURRENCE,
            format!("/job/scheduledJobRollouts/{i}/startTime"),
            span,
            format!(
                "scheduled rollout {} UTC is not a start of any of the job's maintenance windows",
                format_time(t)
            ),
            None,
        );
    }
}
