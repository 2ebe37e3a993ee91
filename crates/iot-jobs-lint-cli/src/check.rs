//! `iot-jobs-lint check`.

use crate::{EditionArg, OperationArg, render};
use chrono::{DateTime, Utc};
use clap::{Args, ValueEnum};
use iot_jobs_lint::{LintOptions, Report};
use serde::Serialize;
use std::io::{IsTerminal, Read};
use std::process::ExitCode;

#[derive(Args, Debug)]
pub(crate) struct CheckArgs {
    /// Files to check; `-` reads standard input.
    #[arg(required = true, value_name = "FILE")]
    files: Vec<String>,
    /// The operation the files belong to; detected from the content when omitted.
    #[arg(long, value_enum)]
    operation: Option<OperationArg>,
    /// The current time (RFC 3339) for the scheduling rules; defaults to the system clock.
    #[arg(long, value_name = "RFC3339", value_parser = parse_now)]
    now: Option<DateTime<Utc>>,
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

pub(crate) fn parse_now(s: &str) -> Result<DateTime<Utc>, String> {
    DateTime::parse_from_rfc3339(s)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|e| format!("`{s}` is not an RFC 3339 date-time ({e}); e.g. 2026-03-01T12:00:00Z"))
}

/// One file's entry in the JSON output.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct FileReport<'a> {
    path: &'a str,
    operation: Option<iot_jobs_lint::Operation>,
    operation_detected: bool,
    service_model: iot_jobs_lint::Edition,
    diagnostics: &'a [iot_jobs_lint::Diagnostic],
}

pub(crate) fn run(args: &CheckArgs) -> ExitCode {
    let options = LintOptions {
        operation: args.operation.map(Into::into),
        service_model: args.service_model.into(),
        now: args.now.unwrap_or_else(Utc::now),
    };
    let color = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let mut io_failed = false;
    let mut undetected = false;
    let mut any_errors = false;
    let mut results: Vec<(String, Vec<u8>, Report)> = Vec::new();
    for path in &args.files {
        let bytes = match read(path) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("error: cannot read {path}: {e}");
                io_failed = true;
                continue;
            }
        };
        let report = iot_jobs_lint::lint(&bytes, &options);
        any_errors |= report.has_errors();
        undetected |= report
            .diagnostics
            .iter()
            .any(|d| d.code == "input/operation-unknown");
        results.push((display_path(path), bytes, report));
    }
    match args.format {
        Format::Json => {
            let files: Vec<FileReport<'_>> = results
                .iter()
                .map(|(path, _, r)| FileReport {
                    path,
                    operation: r.operation,
                    operation_detected: r.operation_detected,
                    service_model: r.service_model,
                    diagnostics: &r.diagnostics,
                })
                .collect();
            println!("{}", serde_json::json!({ "files": files }));
        }
        Format::Human => {
            let mut out = String::new();
            for (path, bytes, report) in &results {
                out.push_str(&render::human(path, bytes, report, color));
            }
            print!("{out}");
        }
    }
    if undetected {
        eprintln!(
            "error: could not tell the operation of some input; pass --operation create-job|create-job-template|describe-job|describe-job-template"
        );
    }
    if io_failed || undetected {
        ExitCode::from(2)
    } else if any_errors {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

pub(crate) fn read(path: &str) -> std::io::Result<Vec<u8>> {
    if path == "-" {
        let mut buf = Vec::new();
        std::io::stdin().read_to_end(&mut buf)?;
        Ok(buf)
    } else {
        std::fs::read(path)
    }
}

pub(crate) fn display_path(path: &str) -> String {
    if path == "-" {
        "<stdin>".into()
    } else {
        path.to_string()
    }
}
