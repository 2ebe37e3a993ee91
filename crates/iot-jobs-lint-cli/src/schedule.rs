//! `iot-jobs-lint schedule`: the next maintenance-window starts of a job or template.

use crate::{EditionArg, OperationArg, check::parse_now, render};
use chrono::{DateTime, NaiveDateTime, Utc};
use clap::{Args, ValueEnum};
use iot_jobs_lint::{LintOptions, Schedule, Severity};
use serde::Serialize;
use std::io::IsTerminal;
use std::process::ExitCode;

#[derive(Args, Debug)]
pub(crate) struct ScheduleArgs {
    /// CreateJob, CreateJobTemplate or DescribeJob files; `-` reads standard input.
    #[arg(required = true, value_name = "FILE")]
    files: Vec<String>,
    /// The operation the files belong to; detected from the content when omitted.
    #[arg(long, value_enum)]
    operation: Option<OperationArg>,
    /// The current time (RFC 3339); defaults to the system clock.
    #[arg(long, value_name = "RFC3339", value_parser = parse_now)]
    now: Option<DateTime<Utc>>,
    /// How many window starts to list.
    #[arg(long, default_value_t = 7, value_parser = clap::value_parser!(u16).range(1..=1000))]
    count: u16,
    /// The service-model edition to check against.
    #[arg(long, value_enum, default_value = "latest")]
    service_model: EditionArg,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
}

#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
enum Format {
    Human,
    Json,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct FileSchedule<'a> {
    path: &'a str,
    #[serde(flatten)]
    schedule: &'a Schedule,
}

pub(crate) fn run(args: &ScheduleArgs) -> ExitCode {
    let options = LintOptions {
        operation: args.operation.map(Into::into),
        service_model: args.service_model.into(),
        now: args.now.unwrap_or_else(Utc::now),
    };
    let color = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let mut io_failed = false;
    let mut results = Vec::new();
    for path in &args.files {
        match crate::check::read(path) {
            Ok(bytes) => {
                let schedule = iot_jobs_lint::schedule(&bytes, &options, usize::from(args.count));
                results.push((crate::check::display_path(path), bytes, schedule));
            }
            Err(e) => {
                eprintln!("error: cannot read {path}: {e}");
                io_failed = true;
            }
        }
    }
    match args.format {
        Format::Json => {
            let files: Vec<FileSchedule<'_>> = results
                .iter()
                .map(|(path, _, schedule)| FileSchedule { path, schedule })
                .collect();
            println!("{}", serde_json::json!({ "files": files }));
        }
        Format::Human => {
            let mut out = String::new();
            for (path, bytes, schedule) in &results {
                out.push_str(&render::diagnostics(
                    path,
                    bytes,
                    &schedule.diagnostics,
                    color,
                ));
                out.push_str(&table(path, schedule));
            }
            print!("{out}");
        }
    }
    let undetected = results.iter().any(|(_, _, s)| s.operation.is_none());
    if undetected {
        eprintln!("error: could not tell the operation of some input; pass --operation");
    }
    if io_failed || undetected {
        ExitCode::from(2)
    } else if results
        .iter()
        .any(|(_, _, s)| s.diagnostics.iter().any(|d| d.severity == Severity::Error))
    {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
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
        "{path}: {op}: next maintenance windows from {} UTC{until}\n",
        with_weekday(&s.from)
    );
    if s.windows.is_empty() {
        out.push_str("  (none: no maintenance window opens in this period)\n");
        return out;
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
