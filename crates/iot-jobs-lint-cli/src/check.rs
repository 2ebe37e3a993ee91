//! `iot-jobs-lint check`.

use crate::input::{Format, InputArgs, color};
use crate::render;
use clap::Args;
use serde::Serialize;
use std::process::ExitCode;

#[derive(Args, Debug)]
pub(crate) struct CheckArgs {
    #[command(flatten)]
    input: InputArgs,
}

/// One file's entry in the JSON output.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct FileReport<'a> {
    path: &'a str,
    #[serde(flatten)]
    report: &'a iot_jobs_lint::Report,
}

pub(crate) fn run(args: &CheckArgs) -> ExitCode {
    let options = args.input.options();
    let (files, io_failed) = args.input.read_all();
    let results: Vec<_> = files
        .into_iter()
        .map(|(path, bytes)| {
            let r = iot_jobs_lint::lint(&bytes, &options);
            (path, bytes, r)
        })
        .collect();
    match args.input.format {
        Format::Json => {
            let files: Vec<FileReport<'_>> = results
                .iter()
                .map(|(path, _, report)| FileReport { path, report })
                .collect();
            println!("{}", serde_json::json!({ "files": files }));
        }
        Format::Human => {
            let color = color();
            let out: String = results
                .iter()
                .map(|(path, bytes, report)| render::human(path, bytes, report, color))
                .collect();
            print!("{out}");
        }
    }
    let undetected = results.iter().any(|(_, _, r)| {
        r.diagnostics
            .iter()
            .any(|d| d.code == "input/operation-unknown")
    });
    if undetected {
        eprintln!(
            "error: could not tell the operation of some input; pass --operation create-job|create-job-template|describe-job|describe-job-template"
        );
    }
    if io_failed || undetected {
        ExitCode::from(2)
    } else if results.iter().any(|(_, _, r)| r.has_errors()) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
