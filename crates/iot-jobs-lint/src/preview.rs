//! The maintenance-window preview: the next window starts of a job or template, computed
//! offline, in the shape DescribeJob reports them (`scheduledJobRollouts`).
//!
//! The preview starts at the later of `now` and `schedulingConfig.startTime`, stops before
//! `schedulingConfig.endTime` when there is one, and merges the windows of all
//! `maintenanceWindows` in time order (ties in list order). Each window ends `durationInMinutes`
//! after it starts. Times are UTC, written `YYYY-MM-DDTHH:MM`.

use crate::diagnostic::Diagnostic;
use crate::rules::cron::ParsedWindow;
use crate::rules::schedule::format_time;
use crate::rules::{Ctx, Times, View};
use crate::{LintOptions, Operation, Report, cron};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// How many window starts DescribeJob shows, and the preview's default count.
pub const DEFAULT_COUNT: usize = 7;

/// One upcoming rollout start, as DescribeJob's `scheduledJobRollouts` entries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ScheduledJobRollout {
    /// Start of the window, `YYYY-MM-DDTHH:MM` in UTC.
    pub start_time: String,
}

/// One upcoming window with its end and the window it comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ScheduledWindow {
    /// Start, `YYYY-MM-DDTHH:MM` in UTC.
    pub start: String,
    /// End (`start + durationInMinutes`), `YYYY-MM-DDTHH:MM` in UTC.
    pub end: String,
    /// Index of the window in `maintenanceWindows`.
    pub maintenance_window: usize,
    /// The start as an instant (for front ends that format it in local time).
    #[serde(skip)]
    pub start_instant: Option<DateTime<Utc>>,
    /// The end as an instant.
    #[serde(skip)]
    pub end_instant: Option<DateTime<Utc>>,
}

/// The preview of one input.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Schedule {
    /// The operation the input was read as (`None` when it could not be told).
    pub operation: Option<Operation>,
    /// Where the preview starts, `YYYY-MM-DDTHH:MM` UTC: the later of now and `startTime`.
    pub from: String,
    /// `endTime`, when the job has one: no window at or after it is listed.
    pub until: Option<String>,
    /// How many maintenance windows the input declares (entries of `maintenanceWindows`), whether
    /// or not they can be previewed. 0: the rollout is not limited to windows.
    pub declared_windows: usize,
    /// How many of them can be previewed: their `startTime` is a valid cron expression that still
    /// fires. Fewer than [`Schedule::declared_windows`] means some have errors (see
    /// [`Schedule::diagnostics`]); the lists then leave those windows out.
    pub previewable_windows: usize,
    /// The next window starts, in the DescribeJob shape.
    pub scheduled_job_rollouts: Vec<ScheduledJobRollout>,
    /// The same windows with their ends and origin.
    pub windows: Vec<ScheduledWindow>,
    /// The diagnostics that concern the schedule (scheduling config, maintenance windows, cron,
    /// window rules), plus any that make the input unreadable.
    pub diagnostics: Vec<Diagnostic>,
}

/// Previews the next `count` maintenance-window starts of a CreateJob, CreateJobTemplate,
/// DescribeJob or DescribeJobTemplate input. Windows whose expression has an error are left
/// out (their diagnostics say why); an input without windows gives empty lists. This is the
/// same single pass as [`crate::lint`]; [`crate::analyze`] returns both at once.
pub fn schedule(input: &[u8], options: &LintOptions, count: usize) -> Schedule {
    crate::analyze(input, options, count).schedule
}

/// A preview with nothing in it, for inputs that could not be read as an operation.
pub(crate) fn empty(report: &Report, options: &LintOptions) -> Schedule {
    Schedule {
        operation: report.operation,
        from: format_time(options.now),
        until: None,
        declared_windows: 0,
        previewable_windows: 0,
        scheduled_job_rollouts: Vec::new(),
        windows: Vec::new(),
        diagnostics: report
            .diagnostics
            .iter()
            .filter(|d| is_schedule_family(d))
            .cloned()
            .collect(),
    }
}

fn is_schedule_family(d: &Diagnostic) -> bool {
    let code = d.code.as_str();
    ["json/", "input/", "cron/", "window/", "schedule/"]
        .iter()
        .any(|f| code.starts_with(f))
}

/// Longest window the preview draws, in minutes (one week).
const MAX_PREVIEW_DURATION_MINUTES: i64 = 7 * 24 * 60;

/// Builds the preview from what the lint pass read: the scheduling times and the windows that
/// parsed.
pub(crate) fn build(
    ctx: &Ctx<'_>,
    view: &View<'_>,
    times: &Times,
    parsed: &[ParsedWindow],
    count: usize,
) -> (Schedule, Vec<(usize, usize)>) {
    let (from, until) = crate::rules::window::bounds(times, ctx.now);
    // One window at a time: parsed, merged into the earliest `count` openings, dropped (with
    // tens of thousands of windows, holding every expression and its iterator cost 8 x the input).
    let mut merge = cron::Merge::new(from, until, count);
    for w in parsed {
        let Some(expression) = w.expression(view) else {
            continue;
        };
        merge.add(&cron::Window {
            expression: &expression,
            // What the request declares, out of range or not (bounded to a week so a hostile
            // value cannot make the preview expensive); 0 when it is missing or not a number.
            duration_minutes: w
                .declared_duration
                .map_or(0, |d| i64::from(d).clamp(0, MAX_PREVIEW_DURATION_MINUTES)),
            index: w.index,
        });
    }
    let mut out = Schedule {
        operation: Some(ctx.operation),
        from: format_time(from),
        until: until.map(format_time),
        declared_windows: view.windows.map_or(0, |w| w.len()),
        previewable_windows: parsed.len(),
        scheduled_job_rollouts: Vec::new(),
        windows: Vec::new(),
        diagnostics: Vec::new(),
    };
    for o in merge.finish() {
        out.scheduled_job_rollouts.push(ScheduledJobRollout {
            start_time: format_time(o.start),
        });
        out.windows.push(ScheduledWindow {
            start: format_time(o.start),
            end: format_time(o.end),
            maintenance_window: o.window,
            start_instant: Some(o.start),
            end_instant: Some(o.end),
        });
    }
    let spans = [
        view.scheduling.map(|o| o.span()),
        view.windows.map(|a| a.span()),
        view.scheduled_rollouts.map(|a| a.span()),
    ]
    .into_iter()
    .flatten()
    .collect();
    (out, spans)
}

/// The diagnostics of the schedule's families, and those inside the scheduling config, the
/// windows or the scheduled rollouts.
pub(crate) fn relevant(diagnostics: &[Diagnostic], spans: &[(usize, usize)]) -> Vec<Diagnostic> {
    diagnostics
        .iter()
        .filter(|d| {
            is_schedule_family(d)
                || spans
                    .iter()
                    .any(|(s, e)| *s <= d.span.start && d.span.end <= *e)
        })
        .cloned()
        .collect()
}
