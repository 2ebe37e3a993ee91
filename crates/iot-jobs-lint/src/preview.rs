//! The maintenance-window preview: the next window starts of a job or template, computed
//! offline, in the shape DescribeJob reports them (`scheduledJobRollouts`).
//!
//! The preview starts at the later of `now` and `schedulingConfig.startTime`, stops before
//! `schedulingConfig.endTime` when there is one, and merges the windows of all
//! `maintenanceWindows` in time order (ties in list order). Each window ends `durationInMinutes`
//! after it starts. Times are UTC, written `YYYY-MM-DDTHH:MM`.

use crate::diagnostic::Diagnostic;
use crate::rules::schedule::format_time;
use crate::{LintOptions, Operation, cron, source};
use chrono::{DateTime, Utc};
use jsonc_parser::ast::Value;
use serde::{Deserialize, Serialize};

/// How many window starts DescribeJob shows, and the preview's default count.
pub const DEFAULT_COUNT: usize = 7;

/// One upcoming rollout start, as DescribeJob's `scheduledJobRollouts` entries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ScheduledJobRollout {
    /// Start of the window, `YYYY-MM-DDTHH:MM` in UTC.
    pub start_time: String,
}

/// One upcoming window with its end and the window it comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
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
pub struct Schedule {
    /// The operation the input was read as (`None` when it could not be told).
    pub operation: Option<Operation>,
    /// Where the preview starts, `YYYY-MM-DDTHH:MM` UTC: the later of now and `startTime`.
    pub from: String,
    /// `endTime`, when the job has one: no window at or after it is listed.
    pub until: Option<String>,
    /// How many maintenance windows the input declares (0: the rollout is not limited to
    /// windows, and both lists are empty).
    pub window_count: usize,
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
/// out (their diagnostics say why); an input without windows gives empty lists.
pub fn schedule(input: &[u8], options: &LintOptions, count: usize) -> Schedule {
    let report = crate::lint(input, options);
    let diagnostics: Vec<Diagnostic> = report
        .diagnostics
        .into_iter()
        .filter(|d| {
            d.code.starts_with("json/")
                || d.code.starts_with("input/")
                || d.code.starts_with("cron/")
                || d.code.starts_with("window/")
                || d.pointer.contains("/schedulingConfig")
                || d.pointer.contains("/maintenanceWindows")
                || d.pointer.contains("/scheduledJobRollouts")
        })
        .collect();
    let mut out = Schedule {
        operation: report.operation,
        from: format_time(options.now),
        until: None,
        window_count: 0,
        scheduled_job_rollouts: Vec::new(),
        windows: Vec::new(),
        diagnostics,
    };
    let (Some(operation), Ok(text)) = (report.operation, std::str::from_utf8(input)) else {
        return out;
    };
    let Ok(Value::Object(root)) = source::parse(text) else {
        return out;
    };
    let (from, until) = crate::rules::window::bounds(operation, &root, options.now);
    out.from = format_time(from);
    out.until = until.map(format_time);
    let specs = crate::rules::cron::window_specs(operation, &root);
    out.window_count = specs.len();
    let parsed: Vec<(usize, cron::CronExpression, i64)> = specs
        .iter()
        .filter_map(|s| {
            let (text, _) = s.start_time?;
            if text.chars().count() > 256 {
                return None;
            }
            let expression = cron::parse(text).expression?;
            Some((s.index, expression, s.duration.unwrap_or(0)))
        })
        .collect();
    let windows: Vec<cron::Window<'_>> = parsed
        .iter()
        .map(|(index, expression, duration)| cron::Window {
            expression,
            duration_minutes: *duration,
            index: *index,
        })
        .collect();
    for o in cron::preview(&windows, from, until, count) {
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
    out
}
