//! `iot-jobs-lint schedule`: the next maintenance-window starts of a job or template.

use crate::input::{
    Entry, Format, Input, InputArgs, JsonFiles, Status, color, display_path, emit, read,
};
use crate::render;
use chrono::NaiveDateTime;
use clap::Args;
use iot_jobs_lint::Schedule;
use serde::Serialize;
use std::process::ExitCode;

#[derive(Args, Debug)]
pub(crate) struct ScheduleArgs {
    #[command(flatten)]
    input: InputArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// How many window starts to list.
    #[arg(long, default_value_t = 7, value_parser = clap::value_parser!(u16).range(1..=1000))]
    count: u16,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct FileSchedule<'a> {
    path: &'a str,
    #[serde(flatten)]
    schedule: &'a Schedule,
}

pub(crate) fn run(args: &ScheduleArgs) -> ExitCode {
    let options = args.input.options();
    let count = usize::from(args.count);
    let mut status = Status::default();
    let mut json = (args.format == Format::Json).then(JsonFiles::start);
    let color = color();
    // One file at a time: read, preview, print, drop.
    for path in &args.input.files {
        let shown = display_path(path);
        let (bytes, schedule) = match read(std::path::Path::new(path), args.input.limit(), false) {
            Ok(Input::Bytes(bytes))
                if std::str::from_utf8(&bytes).is_ok_and(iot_jobs_lint::is_template) =>
            {
                // A template holds resources, not one request: refused, not previewed as empty.
                let error = format!(
                    "{}: a CloudFormation template: `schedule` previews the windows of one request; `check` judges templates",
                    iot_jobs_lint::text::printable(&shown)
                );
                unreadable(&mut status, &mut json, &shown, &error);
                continue;
            }
            Ok(Input::Bytes(bytes)) => {
                let schedule = iot_jobs_lint::schedule(&bytes, &options, count);
                (bytes, schedule)
            }
            Ok(Input::TooLarge(size)) => (
                Vec::new(),
                iot_jobs_lint::too_large(size, &options).schedule,
            ),
            Err(error) => {
                unreadable(&mut status, &mut json, &shown, &error);
                continue;
            }
        };
        status.add(&schedule.diagnostics);
        match &mut json {
            Some(json) => json.entry(&Entry::Read(FileSchedule {
                path: &shown,
                schedule: &schedule,
            })),
            None => {
                let mut out = render::diagnostics(&shown, &bytes, &schedule.diagnostics, color);
                out.push_str(&table(&shown, &schedule));
                emit(&out);
            }
        }
    }
    if let Some(json) = json {
        json.finish();
    }
    status.exit_code()
}

/// A file that gives no schedule: the error on stderr, the exit status, and its JSON entry.
fn unreadable(status: &mut Status, json: &mut Option<JsonFiles>, shown: &str, error: &str) {
    eprintln!("error: {error}");
    status.unreadable();
    if let Some(json) = json {
        let entry: Entry<'_, FileSchedule<'_>> = Entry::Unreadable { path: shown, error };
        json.entry(&entry);
    }
}

/// `Sat 2026-12-05 22:00` from `2026-12-05T22:00`.
fn with_weekday(t: &str) -> String {
    NaiveDateTime::parse_from_str(t, "%Y-%m-%dT%H:%M")
        .map(|t| t.format("%a %Y-%m-%d %H:%M").to_string())
        .unwrap_or_else(|_| t.to_string())
}

fn table(path: &str, s: &Schedule) -> String {
    let op = s.operation.map_or("unknown operation", |o| o.api_name());
    let until = s
        .until
        .as_deref()
        .map(|u| format!(" until {} UTC", with_weekday(u)))
        .unwrap_or_default();
    let mut out = format!(
        "{}: {op}: next maintenance windows from {} UTC{until}\n",
        iot_jobs_lint::text::printable(path),
        with_weekday(&s.from)
    );
    let unusable = s.declared_windows - s.previewable_windows.min(s.declared_windows);
    if s.windows.is_empty() {
        out.push_str(&if s.declared_windows == 0 {
            "  (no maintenance windows: the rollout is not limited to windows)\n".to_string()
        } else if s.previewable_windows == 0 {
            format!(
                "  (none: {} of {} maintenance window(s) cannot be previewed; see the errors above)\n",
                unusable, s.declared_windows
            )
        } else {
            "  (none: no maintenance window opens in this period)\n".to_string()
        });
        return out;
    }
    if unusable > 0 {
        out.push_str(&format!(
            "  ({unusable} of {} maintenance window(s) left out: see the errors above)\n",
            s.declared_windows
        ));
    }
    // The row number's column is as wide as the largest number (`--count` goes to 1000).
    let width = s.windows.len().to_string().len().max(2);
    out.push_str(&format!(
        "  {:>width$}  window  start (UTC)           end (UTC)\n",
        "#"
    ));
    for (i, w) in s.windows.iter().enumerate() {
        out.push_str(&format!(
            "  {:>width$}  {:>6}  {:<20}  {}\n",
            i + 1,
            w.maintenance_window,
            with_weekday(&w.start),
            with_weekday(&w.end)
        ));
    }
    out
}
