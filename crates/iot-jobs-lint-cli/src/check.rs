//! `iot-jobs-lint check`.

use crate::input::{Entry, Format, InputArgs, color, emit, emit_files, exit_code};
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
    let files = args.input.read_all();
    let io_failed = files.iter().any(|(_, bytes)| bytes.is_err());
    let results: Vec<_> = files
        .into_iter()
        .map(|(path, bytes)| {
            let report = bytes.map(|b| {
                let r = iot_jobs_lint::lint(&b, &options);
                (b, r)
            });
            (path, report)
        })
        .collect();
    match args.input.format {
        Format::Json => {
            let files: Vec<Entry<'_, FileReport<'_>>> = results
                .iter()
                .map(|(path, r)| match r {
                    Ok((_, report)) => Entry::Read(FileReport { path, report }),
                    Err(error) => Entry::Unreadable { path, error },
                })
                .collect();
            emit_files(&files);
        }
        Format::Human => {
            let color = color();
            let out: String = results
                .iter()
                .filter_map(|(path, r)| {
                    r.as_ref()
                        .ok()
                        .map(|(bytes, report)| render::human(path, bytes, report, color))
                })
                .collect();
            emit(&out);
        }
    }
    let diagnostics = results
        .iter()
        .filter_map(|(_, r)| r.as_ref().ok().map(|(_, x)| x.diagnostics.as_slice()));
    exit_code(io_failed, diagnostics)
}
