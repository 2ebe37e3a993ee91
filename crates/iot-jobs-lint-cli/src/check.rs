//! `iot-jobs-lint check`.

use crate::input::{Entry, Input, InputArgs, JsonFiles, Status, color, display_path, emit, read};
use crate::render;
use clap::{Args, ValueEnum};
use iot_jobs_lint::{Applicability, Report, Severity};
use serde::Serialize;
use std::collections::BTreeMap;
use std::process::ExitCode;

#[derive(Args, Debug)]
pub(crate) struct CheckArgs {
    #[command(flatten)]
    input: InputArgs,
    /// Output format: rustc-style text, one JSON document, SARIF 2.1.0 (code scanning), or
    /// GitHub Actions workflow commands (pull-request annotations).
    #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
    format: CheckFormat,
    /// Show errors only (warnings still count for --max-warnings).
    #[arg(long, short)]
    quiet: bool,
    /// Exit with status 1 when there are more than N warnings in all files together.
    #[arg(long, value_name = "N")]
    max_warnings: Option<usize>,
    /// After the results, print how many diagnostics each code produced (on stderr for the
    /// machine-readable formats).
    #[arg(long)]
    statistics: bool,
    /// Apply the safe fixes and write the files back (standard input: print the fixed text).
    #[arg(long)]
    fix: bool,
    /// With --fix or --diff, also apply the suggested fixes (they change what the request means:
    /// review them).
    #[arg(long)]
    unsafe_fixes: bool,
    /// Print a unified diff of what --fix would change and write nothing; exit 1 when there is
    /// something to change.
    #[arg(long)]
    diff: bool,
}

/// `check --format` values.
#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
pub(crate) enum CheckFormat {
    /// rustc-style text.
    Human,
    /// One JSON document: `{"files": [...]}`.
    Json,
    /// A SARIF 2.1.0 log (for `github/codeql-action/upload-sarif` and other code-scanning tools).
    Sarif,
    /// GitHub Actions workflow commands (`::error file=...::message`), one line per diagnostic.
    Github,
}

/// One file's entry in the JSON output.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct FileReport<'a> {
    path: &'a str,
    #[serde(flatten)]
    report: &'a Report,
}

/// Most rounds of fixing one file: fixes that overlap apply one per round.
const MAX_FIX_ROUNDS: usize = 8;

/// What fixing one text gave.
struct Fixing {
    text: String,
    applied: usize,
    report: Report,
}

/// Applies the fixes up to `up_to` again and again, re-linting each time, until nothing changes
/// (at most [`MAX_FIX_ROUNDS`] rounds). The report is that of the final text.
fn fix_text(text: &str, options: &iot_jobs_lint::LintOptions, up_to: Applicability) -> Fixing {
    let mut current = text.to_string();
    let mut report = iot_jobs_lint::lint_str(&current, options);
    let mut applied = 0;
    for _ in 0..MAX_FIX_ROUNDS {
        let fixed = iot_jobs_lint::apply_fixes(&current, &report.diagnostics, up_to);
        if fixed.applied == 0 || fixed.text == current {
            break;
        }
        applied += fixed.applied;
        current = fixed.text;
        report = iot_jobs_lint::lint_str(&current, options);
    }
    Fixing {
        text: current,
        applied,
        report,
    }
}

/// Diagnostics of `report` that still carry a fix: (applicable at `up_to`, any).
fn fixable(report: &Report, up_to: Applicability) -> (usize, usize) {
    let with_fix = report.diagnostics.iter().filter_map(|d| d.fixes.first());
    let all = with_fix.clone().count();
    (with_fix.filter(|f| f.applicability <= up_to).count(), all)
}

/// Writes `new` to `path` atomically (a temporary file in the same directory, then a rename),
/// keeping the file's permissions, and only if the file still holds `old`.
fn write_atomically(path: &str, old: &[u8], new: &str) -> Result<(), String> {
    use std::io::Write;
    let target = std::path::Path::new(path);
    let current = std::fs::read(target).map_err(|e| format!("cannot re-read {path}: {e}"))?;
    if current != old {
        return Err(format!(
            "{path} changed since it was read; not written (run again)"
        ));
    }
    let meta = std::fs::metadata(target).map_err(|e| format!("cannot stat {path}: {e}"))?;
    let dir = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => std::path::PathBuf::from("."),
    };
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temp = dir.join(format!(".{name}.iot-jobs-lint-{}.tmp", std::process::id()));
    let result = (|| -> std::io::Result<()> {
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temp)?;
        file.write_all(new.as_bytes())?;
        file.set_permissions(meta.permissions())?;
        file.sync_all()?;
        std::fs::rename(&temp, target)
    })();
    result.map_err(|e| {
        let _ = std::fs::remove_file(&temp);
        format!("cannot write {path}: {e}")
    })
}

/// A unified diff of `old` and `new`, with `a/PATH` and `b/PATH` headers.
fn unified_diff(path: &str, old: &str, new: &str) -> String {
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(3)
        .header(&format!("a/{path}"), &format!("b/{path}"))
        .to_string()
}

pub(crate) fn run(args: &CheckArgs) -> ExitCode {
    let options = args.input.options();
    let mut status = Status::default();
    let fixing = args.fix || args.diff;
    let up_to = if args.unsafe_fixes {
        Applicability::Suggested
    } else {
        Applicability::Safe
    };
    // With --diff, or --fix on standard input, stdout carries text, not diagnostics.
    let show = !args.diff;
    let mut json = (show && args.format == CheckFormat::Json).then(JsonFiles::start);
    // SARIF needs every result at once: the reports (and texts, for fingerprints) are kept.
    let mut collected: Vec<(String, Report, Option<String>)> = Vec::new();
    let color = color();
    let mut files = 0usize;
    let (mut errors, mut warnings) = (0usize, 0usize);
    let mut per_code: BTreeMap<&'static str, (Severity, usize)> = BTreeMap::new();
    let (mut fixes_applied, mut fixes_remaining, mut unsafe_remaining) = (0usize, 0usize, 0usize);
    let mut changed_files = 0usize;
    // One file at a time: read, check, print, drop (SARIF and GitHub output keep the reports).
    for path in &args.input.files {
        let shown = display_path(path);
        let (bytes, mut report) = match read(path, args.input.limit()) {
            Ok(Input::Bytes(bytes)) => {
                let report = match std::str::from_utf8(&bytes) {
                    Ok(text) if fixing => {
                        let fixed = fix_text(text, &options, up_to);
                        if fixed.text != text {
                            changed_files += 1;
                            fixes_applied += fixed.applied;
                            if args.diff {
                                emit(&unified_diff(&shown, text, &fixed.text));
                            } else if path == "-" {
                                emit(&fixed.text);
                            } else if let Err(e) = write_atomically(path, &bytes, &fixed.text) {
                                eprintln!("error: {e}");
                                status.unreadable();
                            }
                        } else if path == "-" && !args.diff {
                            emit(text);
                        }
                        let (applicable, all) = fixable(&fixed.report, up_to);
                        fixes_remaining += applicable;
                        unsafe_remaining += all - applicable;
                        fixed.report
                    }
                    _ => iot_jobs_lint::lint(&bytes, &options),
                };
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
        files += 1;
        // --diff exits on whether there is something to change, not on the diagnostics.
        if !args.diff {
            status.add(&report.diagnostics);
        }
        for d in &report.diagnostics {
            match d.severity {
                Severity::Error => errors += 1,
                Severity::Warning => warnings += 1,
                _ => {}
            }
            per_code.entry(d.code.as_str()).or_insert((d.severity, 0)).1 += 1;
        }
        if args.quiet {
            report.diagnostics.retain(|d| d.severity == Severity::Error);
        }
        // The fixed text of standard input went to stdout: its diagnostics would garble it.
        if !show || (args.fix && path == "-") {
            continue;
        }
        match args.format {
            CheckFormat::Json => {
                if let Some(json) = &mut json {
                    json.entry(&Entry::Read(FileReport {
                        path: &shown,
                        report: &report,
                    }));
                }
            }
            CheckFormat::Human => {
                if args.quiet && report.diagnostics.is_empty() {
                    continue;
                }
                emit(&render::human(&shown, &bytes, &report, color));
            }
            CheckFormat::Sarif => {
                let text = String::from_utf8(bytes).ok();
                collected.push((shown, report, text));
            }
            CheckFormat::Github => collected.push((shown, report, None)),
        }
    }
    if let Some(json) = json {
        json.finish();
    }
    if show && matches!(args.format, CheckFormat::Sarif | CheckFormat::Github) {
        let reports: Vec<iot_jobs_lint::output::FileReport<'_>> = collected
            .iter()
            .map(|(path, report, text)| iot_jobs_lint::output::FileReport {
                path,
                report,
                text: text.as_deref(),
            })
            .collect();
        if args.format == CheckFormat::Sarif {
            let log = iot_jobs_lint::output::sarif(&reports, env!("CARGO_PKG_VERSION"));
            emit(&format!(
                "{}\n",
                serde_json::to_string_pretty(&log).unwrap_or_default()
            ));
        } else {
            emit(&iot_jobs_lint::output::github(&reports));
        }
    }
    // Text for a person: on stdout in human output, on stderr when stdout is machine-readable.
    let to_person = |text: &str| {
        if show
            && args.format == CheckFormat::Human
            && !(args.fix && args.input.files.iter().any(|f| f == "-"))
        {
            emit(text);
        } else {
            eprint!("{text}");
        }
    };
    if args.statistics {
        let mut out = String::from("\nStatistics:\n");
        let width = per_code.keys().map(|c| c.len()).max().unwrap_or(0);
        let mut rows: Vec<_> = per_code.iter().collect();
        rows.sort_by(|a, b| b.1.1.cmp(&a.1.1).then(a.0.cmp(b.0)));
        for (code, (severity, n)) in rows {
            out.push_str(&format!("{n:6}  {code:width$}  {severity}\n"));
        }
        to_person(&out);
    }
    if files > 1 && show {
        to_person(&format!(
            "{files} files checked: {errors} error(s), {warnings} warning(s)\n"
        ));
    }
    if fixing {
        let verb = if args.diff {
            "would be applied"
        } else {
            "applied"
        };
        let mut line = format!(
            "{fixes_applied} fix(es) {verb} in {changed_files} file(s); {fixes_remaining} fixable diagnostic(s) remain"
        );
        if unsafe_remaining > 0 {
            line.push_str(&format!(
                " ({unsafe_remaining} more with a suggested fix: --unsafe-fixes)"
            ));
        }
        eprintln!("{line}");
    }
    if args.max_warnings.is_some_and(|max| warnings > max) {
        eprintln!(
            "error: {warnings} warning(s), more than --max-warnings {}",
            args.max_warnings.unwrap_or(0)
        );
        status.fail();
    }
    if args.diff && changed_files > 0 {
        status.fail();
    }
    status.exit_code()
}
