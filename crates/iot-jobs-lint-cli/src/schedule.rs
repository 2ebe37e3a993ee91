//! `iot-jobs-lint schedule`: the next maintenance-window starts of a job or template.

use crate::input::{Entry, Format, InputArgs, color, emit, emit_files, exit_code};
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
    let files = args.input.read_all();
    let io_failed = files.iter().any(|(_, bytes)| bytes.is_err());
    let results: Vec<_> = files
        .into_iter()
        .map(|(path, bytes)| {
            let schedule = bytes.map(|b| {
                let s = iot_jobs_lint::schedule(&b, &options, usize::from(args.count));
                (b, s)
            });
            (path, schedule)
        })
        .collect();
    match args.input.format {
        Format::Json => {
            let files: Vec<Entry<'_, FileSchedule<'_>>> = results
                .iter()
                .map(|(path, r)| match r {
                    Ok((_, schedule)) => Entry::Read(FileSchedule { path, schedule }),
                    Err(error) => Entry::Unreadable { path, error },
                })
                .collect();
            emit_files(&files);
        }
        Format::Human => {
            let mut out = String::new();
            for (path, r) in &results {
                if let Ok((bytes, schedule)) = r {
                    out.push_str(&render::diagnostics(
                        path,
                        bytes,
                        &schedule.diagnostics,
                        color(),
                    ));
                    out.push_str(&table(path, schedule));
                }
            }
            emit(&out);
        }
    }
    let diagnostics = results
        .iter()
        .filter_map(|(_, r)| r.as_ref().ok().map(|(_, x)| x.diagnostics.as_slice()));
    exit_code(io_failed, diagnostics)
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
    out.push_str("   #  window  start (UTC)           end (UTC)\n");
    for (i, w) in s.windows.iter().enumerate() {
        out.push_str(&format!(
            "  {:>2}  {:>6}  {:<20}  {}\n",
            i + 1,
            w.maintenance_window,
            with_weekday(&w.start),
            with_weekday(&w.end)
        ));
    }
    out
}
