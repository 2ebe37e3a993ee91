//! What `check` and `schedule` share: the input files, the options passed to the core, the output
//! format, and reading files or standard input.

use crate::{EditionArg, OperationArg};
use chrono::{DateTime, Utc};
use clap::{Args, ValueEnum};
use iot_jobs_lint::LintOptions;
use std::io::{IsTerminal, Read};

#[derive(Args, Debug)]
pub(crate) struct InputArgs {
    /// Files to read; `-` reads standard input.
    #[arg(required = true, value_name = "FILE")]
    pub(crate) files: Vec<String>,
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
    pub(crate) format: Format,
}

/// Output formats of `check` and `schedule`.
#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
pub(crate) enum Format {
    /// rustc-style text.
    Human,
    /// One JSON document: `{"files": [...]}`.
    Json,
}

impl InputArgs {
    /// The options for the core; the host's clock unless `--now` is given.
    pub(crate) fn options(&self) -> LintOptions {
        LintOptions {
            operation: self.operation.map(Into::into),
            service_model: self.service_model.into(),
            ..LintOptions::new(self.now.unwrap_or_else(Utc::now))
        }
    }

    /// Reads every file. A file that cannot be read is reported on stderr and kept as an
    /// `Err` with the reason, so JSON output can list it.
    pub(crate) fn read_all(&self) -> Vec<(String, Result<Vec<u8>, String>)> {
        self.files
            .iter()
            .map(|path| {
                let bytes = read(path).map_err(|e| {
                    let shown = iot_jobs_lint::text::printable(path);
                    eprintln!("error: cannot read {shown}: {e}");
                    format!("cannot read {shown}: {e}")
                });
                (display_path(path), bytes)
            })
            .collect()
    }
}

/// One file's entry in JSON output: its findings, or why it could not be read.
#[derive(serde::Serialize)]
#[serde(untagged)]
pub(crate) enum Entry<'a, T: serde::Serialize> {
    /// The file was read; `T` carries its path and results.
    Read(T),
    /// The file could not be read.
    Unreadable {
        /// The path as given.
        path: &'a str,
        /// Why it could not be read.
        error: &'a str,
    },
}

/// Writes the JSON output `{"files": [...]}` (members in declaration order) and a newline.
pub(crate) fn emit_files<T: serde::Serialize>(files: &[T]) {
    #[derive(serde::Serialize)]
    struct Files<'a, T> {
        files: &'a [T],
    }
    let text = serde_json::to_string(&Files { files })
        .unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"));
    emit(&format!("{text}\n"));
}

/// Writes to standard output. A closed pipe (`iot-jobs-lint rules | head -1`) is not an error:
/// the reader has what it wanted. Any other write failure ends the process with status 2.
pub(crate) fn emit(text: &str) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    if let Err(e) = out.write_all(text.as_bytes()).and_then(|()| out.flush())
        && e.kind() != std::io::ErrorKind::BrokenPipe
    {
        eprintln!("error: cannot write to standard output: {e}");
        std::process::exit(2);
    }
}

/// The exit status of `check` and `schedule` from the diagnostics of every file read: 2 when a
/// file could not be read or an operation could not be told (with a hint on stderr), 1 when any
/// diagnostic is an error, 0 otherwise.
pub(crate) fn exit_code<'a>(
    io_failed: bool,
    diagnostics: impl Iterator<Item = &'a [iot_jobs_lint::Diagnostic]> + Clone,
) -> std::process::ExitCode {
    let any = |pred: &dyn Fn(&iot_jobs_lint::Diagnostic) -> bool| {
        diagnostics.clone().any(|list| list.iter().any(pred))
    };
    let undetected = any(&|d| d.code == "input/operation-unknown");
    if undetected {
        eprintln!(
            "error: could not tell the operation of some input; pass --operation create-job|create-job-template|describe-job|describe-job-template"
        );
    }
    if io_failed || undetected {
        std::process::ExitCode::from(2)
    } else if any(&|d| d.severity == iot_jobs_lint::Severity::Error) {
        std::process::ExitCode::from(1)
    } else {
        std::process::ExitCode::SUCCESS
    }
}

/// Whether to colour human output: only on a terminal, and never with `NO_COLOR` set.
pub(crate) fn color() -> bool {
    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
}

fn parse_now(s: &str) -> Result<DateTime<Utc>, String> {
    DateTime::parse_from_rfc3339(s)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|e| format!("`{s}` is not an RFC 3339 date-time ({e}); e.g. 2026-03-01T12:00:00Z"))
}

fn read(path: &str) -> std::io::Result<Vec<u8>> {
    if path == "-" {
        let mut buf = Vec::new();
        std::io::stdin().read_to_end(&mut buf)?;
        Ok(buf)
    } else {
        std::fs::read(path)
    }
}

fn display_path(path: &str) -> String {
    if path == "-" {
        "<stdin>".into()
    } else {
        path.to_string()
    }
}
