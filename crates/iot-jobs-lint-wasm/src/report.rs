//! The reports of the npm package's command (`pkg/src/cli.mjs`, `npx iot-jobs-lint check`): JSON
//! shaped as the native CLI's `--format json`, SARIF 2.1.0 and GitHub workflow commands written by
//! the core's [`iot_jobs_lint::output`], so both front ends print the same bytes. No rule logic.

use iot_jobs_lint::output::{self, FileReport};
use iot_jobs_lint::{LintOptions, Report, Severity};

/// One file as the command read it.
pub enum Source<'a> {
    /// Its bytes, or that it is over the input limit: its length when known (a file's size),
    /// `None` for standard input read up to one byte past the limit.
    Read(Result<&'a [u8], Option<u64>>),
    /// Why it could not be read, as the OS said (the file is left out of SARIF and GitHub output).
    Unreadable(&'a str),
}

/// The output formats that Rust writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// `{"files":[...]}` and a newline, as the native CLI's `--format json`.
    Json,
    /// A SARIF 2.1.0 log and a newline.
    Sarif,
    /// GitHub Actions workflow commands.
    Github,
}

impl Format {
    /// The format of a name (`json`, `sarif`, `github`).
    pub fn from_name(name: &str) -> Option<Format> {
        match name {
            "json" => Some(Format::Json),
            "sarif" => Some(Format::Sarif),
            "github" => Some(Format::Github),
            _ => None,
        }
    }
}

/// The output and the exit status the native CLI gives for the same files: 2 when a file could
/// not be read or the operation of an input could not be told, 1 when any diagnostic is an error,
/// 0 otherwise.
pub struct Written {
    /// The whole output.
    pub text: String,
    /// The exit status.
    pub status: u8,
    /// What the CLI writes on standard error: unreadable files, the hint for an undetected
    /// operation.
    pub stderr: String,
}

/// Checks `files` (path as given, and what was read) and writes them in `format` with the core's
/// writers ([`output::JsonFiles`], [`output::sarif_text`], [`output::github`]), as the native CLI
/// does. `stderr` gets the CLI's messages: `error: cannot read PATH: WHY` (the path escaped by
/// [`iot_jobs_lint::text::printable`]) and the hint for an undetected operation.
pub fn write(files: &[(&str, Source<'_>)], format: Format, options: &LintOptions) -> Written {
    let mut json = output::JsonFiles::new();
    let mut text = String::new();
    let mut stderr = String::new();
    // The reports and texts kept for SARIF and GitHub output (JSON streams them).
    let mut kept: Vec<(String, Report, Option<&str>)> = Vec::new();
    let (mut io_failed, mut undetected, mut errors) = (false, false, false);
    // What could not be read, for SARIF: (path as shown, message).
    let mut unread: Vec<(String, String)> = Vec::new();
    if format == Format::Json {
        text.push_str(output::JsonFiles::START);
    }
    for (path, source) in files {
        // As the CLI lists it: `<stdin>` for `-`.
        let shown = if *path == "-" { "<stdin>" } else { path };
        let (report, read) = match source {
            Source::Read(Ok(bytes)) => (
                iot_jobs_lint::lint(bytes, options),
                std::str::from_utf8(bytes).ok(),
            ),
            // The CLI keeps an empty text for a file over the limit.
            Source::Read(Err(len)) => (iot_jobs_lint::too_large(*len, options).report, Some("")),
            Source::Unreadable(why) => {
                io_failed = true;
                let error = format!(
                    "cannot read {}: {why}",
                    iot_jobs_lint::text::printable(path)
                );
                stderr.push_str(&format!("error: {error}\n"));
                match format {
                    Format::Json => text.push_str(&json.unreadable(shown, &error)),
                    Format::Github => text.push_str(&output::github_unreadable(shown, &error)),
                    Format::Sarif => {}
                }
                unread.push((shown.to_string(), error));
                continue;
            }
        };
        for d in &report.diagnostics {
            undetected |= d.code == "input/operation-unknown";
            errors |= d.severity == Severity::Error;
        }
        match format {
            Format::Json => text.push_str(&json.read(shown, &report)),
            Format::Sarif => kept.push((shown.to_string(), report, read)),
            // One file at a time, in order with the unreadable ones, as the native CLI prints.
            Format::Github => text.push_str(&output::github(&[FileReport {
                path: shown,
                report: &report,
                text: None,
            }])),
        }
    }
    let reports: Vec<FileReport<'_>> = kept
        .iter()
        .map(|(path, report, text)| FileReport {
            path,
            report,
            text: *text,
        })
        .collect();
    match format {
        Format::Json => text.push_str(output::JsonFiles::END),
        Format::Sarif => text = output::sarif_text(&reports, &unread, env!("CARGO_PKG_VERSION")),
        Format::Github => {}
    }
    if undetected {
        stderr.push_str("error: could not tell the operation of some input; pass --operation create-job|create-job-template|describe-job|describe-job-template\n");
    }
    let status = if io_failed || undetected {
        2
    } else if errors {
        1
    } else {
        0
    };
    Written {
        text,
        stderr,
        status,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{TimeZone, Utc};

    #[test]
    fn json_shape_and_status() {
        let options = LintOptions::new(Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap());
        let files = [
            ("a.json", Source::Read(Ok(b"{".as_slice()))),
            ("b.json", Source::Unreadable("gone")),
        ];
        let w = write(&files, Format::Json, &options);
        assert!(w.text.starts_with("{\"files\":[{\"path\":\"a.json\","));
        assert!(
            w.text
                .ends_with(",{\"path\":\"b.json\",\"error\":\"cannot read b.json: gone\"}]}\n")
        );
        assert_eq!(w.status, 2);
        let w = write(&files[..1], Format::Sarif, &options);
        assert!(w.text.contains("\"version\": \"2.1.0\"") || w.text.contains("2.1.0"));
        assert_eq!(w.status, 1);
        let w = write(&files[..1], Format::Github, &options);
        assert!(w.text.starts_with("::error file=a.json"));
    }
}
