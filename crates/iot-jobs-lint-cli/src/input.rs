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
            now: self.now.unwrap_or_else(Utc::now),
        }
    }

    /// Reads every file; a file that cannot be read is reported on stderr and skipped.
    /// Returns the (display path, bytes) pairs and whether any read failed.
    pub(crate) fn read_all(&self) -> (Vec<(String, Vec<u8>)>, bool) {
        let mut failed = false;
        let mut out = Vec::new();
        for path in &self.files {
            match read(path) {
                Ok(bytes) => out.push((display_path(path), bytes)),
                Err(e) => {
                    eprintln!("error: cannot read {path}: {e}");
                    failed = true;
                }
            }
        }
        (out, failed)
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
