//! `iot-jobs-lint check`.

use crate::input::{
    Entry, Format, Input, InputArgs, JsonFiles, Status, color, display_path, emit, read,
};
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
    let mut status = Status::default();
    let mut json = (args.input.format == Format::Json).then(JsonFiles::start);
    let color = color();
    // One file at a time: read, check, print, drop.
    for path in &args.input.files {
        let shown = display_path(path);
        let (bytes, report) = match read(path, args.input.limit()) {
            Ok(Input::Bytes(bytes)) => {
                let report = iot_jobs_lint::lint(&bytes, &options);
                (bytes, report)
            }
            Ok(Input::TooLarge(size)) => {
                (Vec::new(), iot_jobs_lint::too_large(size, &options).report)
            }
            Err(error) => {
                status.unreadable();
                if let Some(json) = &mut json {
                    let entry: Entry<'_, FileReport<'_>> = Entry::Unreadable {
                        path: &shown,
                        error: &error,
                    };
                    json.entry(&entry);
                }
                continue;
            }
        };
        status.add(&report.diagnostics);
        match &mut json {
            Some(json) => json.entry(&Entry::Read(FileReport {
                path: &shown,
                report: &report,
            })),
            None => emit(&render::human(&shown, &bytes, &report, color)),
        }
    }
    if let Some(json) = json {
        json.finish();
    }
    status.exit_code()
}
