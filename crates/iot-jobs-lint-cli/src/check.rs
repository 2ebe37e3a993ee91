//! `iot-jobs-lint check`.

use crate::baseline::{Baseline, Recorder};
use crate::config::{Finder, Overrides};
use crate::files::Target;
use crate::input::{Batch, Input, InputArgs, JsonFiles, Status, color, emit, read};
use crate::render;
use clap::{Args, ValueEnum};
use iot_jobs_lint::{Applicability, LintOptions, Report, Severity};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
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
    #[arg(long, conflicts_with_all = ["format", "baseline", "write_baseline"])]
    diff: bool,
    /// Rules to run: codes, families (`cron`) or ALL, comma-separated; replaces the
    /// configuration's `select`.
    #[arg(long, value_delimiter = ',', value_name = "CODE|FAMILY")]
    select: Option<Vec<String>>,
    /// Rules not to run (added to the configuration's `ignore`).
    #[arg(long, value_delimiter = ',', value_name = "CODE|FAMILY")]
    ignore: Vec<String>,
    /// Use this configuration file for every input instead of the `iot-jobs-lint.toml` found
    /// upward from each file.
    #[arg(long, value_name = "FILE", conflicts_with = "no_config")]
    config: Option<PathBuf>,
    /// Ignore every configuration file.
    #[arg(long)]
    no_config: bool,
    /// The name standard input is shown as, and matched by per-file ignores, the baseline and
    /// the configuration search (for editors and pipes).
    #[arg(long, value_name = "PATH")]
    stdin_filename: Option<String>,
    /// Report only findings that are not in this baseline (written by --write-baseline).
    #[arg(long, value_name = "FILE")]
    baseline: Option<String>,
    /// Record every finding of this run in FILE, to pass later with --baseline.
    #[arg(long, value_name = "FILE")]
    write_baseline: Option<String>,
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

/// Diagnostics of `report` that still carry a fix: (applicable at `up_to`, any).
fn fixable(report: &Report, up_to: Applicability) -> (usize, usize) {
    let with_fix = report.diagnostics.iter().filter_map(|d| d.fixes.first());
    let all = with_fix.clone().count();
    (with_fix.filter(|f| f.applicability <= up_to).count(), all)
}

/// Writes `new` over the file at `path`, only if it still holds `old`. A symbolic link is
/// followed (the file it points to is written, the link stays). A file with one link is replaced
/// atomically: a temporary file in the same directory, with the file's permissions and (on Unix)
/// owner and group, renamed over it. A file with several hard links is rewritten in place, so
/// every name sees the fix.
fn write_atomically(path: &Path, old: &[u8], new: &str) -> Result<(), String> {
    use std::io::Write;
    let shown = iot_jobs_lint::text::printable(&path.to_string_lossy()).into_owned();
    let target = std::fs::canonicalize(path).map_err(|e| format!("cannot resolve {shown}: {e}"))?;
    let current = std::fs::read(&target).map_err(|e| format!("cannot re-read {shown}: {e}"))?;
    if current != old {
        return Err(format!(
            "{shown} changed since it was read; not written (run again)"
        ));
    }
    let meta = std::fs::metadata(&target).map_err(|e| format!("cannot stat {shown}: {e}"))?;
    #[cfg(unix)]
    let links = std::os::unix::fs::MetadataExt::nlink(&meta);
    #[cfg(not(unix))]
    let links = 1;
    if links > 1 {
        return std::fs::write(&target, new).map_err(|e| format!("cannot write {shown}: {e}"));
    }
    let dir = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => std::path::PathBuf::from("."),
    };
    // Unique per process and call (two workers never share a temporary file), and short: a
    // name built from the file's own could pass the 255-byte limit of a file name.
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let temp = dir.join(format!(".iot-jobs-lint-{}-{n}.tmp", std::process::id()));
    let result = (|| -> std::io::Result<()> {
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temp)?;
        file.write_all(new.as_bytes())?;
        file.set_permissions(meta.permissions())?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            // Keep the owner and group (matters when root fixes someone else's file); a user
            // who may not give the file away keeps it as it is.
            let _ = std::os::unix::fs::fchown(&file, Some(meta.uid()), Some(meta.gid()));
        }
        file.sync_all()?;
        std::fs::rename(&temp, &target)
    })();
    result.map_err(|e| {
        let _ = std::fs::remove_file(&temp);
        format!("cannot write {shown}: {e}")
    })
}

/// A unified diff of `old` and `new`, with `a/PATH` and `b/PATH` headers.
fn unified_diff(path: &str, old: &str, new: &str) -> String {
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(3)
        .header(
            &format!("a/{}", iot_jobs_lint::text::printable(path)),
            &format!("b/{}", iot_jobs_lint::text::printable(path)),
        )
        .to_string()
}

/// How far a worker may run ahead of the printing, in files per thread: enough that a slow file
/// (a broken one renders many snippets) does not leave the other cores idle, few enough that
/// memory holds only a handful of files' reports.
const AHEAD_PER_THREAD: usize = 16;

/// How many consecutive files a worker takes at a time: fewer hand-overs between threads (each
/// one a lock and a wake-up) for small files, still fine-grained enough to balance the load.
const GRAIN: usize = 4;

/// Runs `work` on every item and hands the results to `sink` on the calling thread, in input
/// order, as soon as each one's predecessors are done. The calling thread works too: it takes
/// items like the others (rayon's threads, one fewer than rayon's thread count) and prints
/// whenever the next results are ready, so no thread waits at a barrier and the printer is not
/// one thread too many that sleeps and wakes for every result. Nobody starts an item more than
/// `ahead` places past the next one to print, so at most `ahead` results wait (memory stays
/// bounded however many files there are).
fn for_each_ordered<T: Sync, R: Send>(
    items: &[T],
    ahead: usize,
    work: impl Fn(&T) -> R + Sync,
    mut sink: impl FnMut(R),
) {
    use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
    use std::sync::{Condvar, Mutex, mpsc};
    let threads = rayon::current_num_threads().max(1);
    if threads == 1 || items.len() <= GRAIN {
        items.iter().for_each(|item| sink(work(item)));
        return;
    }
    let ahead = ahead.max(GRAIN);
    let next = &AtomicUsize::new(0);
    // The next group of items, or `None` when all are taken or `start` is too far ahead of
    // what is printed (`Err(start)`: wait for the printer).
    let claim = |printed: usize| -> Result<Option<(usize, &[T])>, ()> {
        let start = next.load(Ordering::SeqCst);
        if start >= items.len() {
            return Ok(None);
        }
        if start >= printed + ahead {
            return Err(());
        }
        let start = next.fetch_add(GRAIN, Ordering::SeqCst);
        Ok(items
            .get(start..items.len().min(start + GRAIN))
            .map(|group| (start, group)))
    };
    // How many results the sink has taken, a lock and condition for a worker that is too far
    // ahead to wait on, and how many wait (the printer takes the lock only then). Sequentially
    // consistent: a worker announces itself before it checks again, the printer stores before
    // it looks for waiters.
    let printed = &AtomicUsize::new(0);
    let gate = &(Mutex::new(()), Condvar::new());
    let sleeping = &AtomicUsize::new(0);
    // Set when a thread panics (the printer on a closed standard error, say): everybody stops,
    // so the scope ends and the panic reaches the caller instead of threads waiting forever.
    let stop = &AtomicBool::new(false);
    // Whether a worker must keep waiting: items are left, and the next is too far ahead.
    let blocked = || {
        let start = next.load(Ordering::SeqCst);
        !stop.load(Ordering::SeqCst)
            && start < items.len()
            && start >= printed.load(Ordering::SeqCst) + ahead
    };
    let (tx, rx) = mpsc::channel::<(usize, Vec<R>)>();
    rayon::in_place_scope(|scope| {
        for _ in 1..threads {
            let tx = tx.clone();
            let (claim, blocked, work) = (&claim, &blocked, &work);
            scope.spawn(move |_| {
                let _stop = StopOnPanic { stop, gate };
                loop {
                    if stop.load(Ordering::SeqCst) {
                        break;
                    }
                    let group = match claim(printed.load(Ordering::SeqCst)) {
                        Ok(Some(group)) => group,
                        Ok(None) => break,
                        Err(()) => {
                            sleeping.fetch_add(1, Ordering::SeqCst);
                            let guard = gate.0.lock().unwrap_or_else(|e| e.into_inner());
                            // Checked again under the lock: the printer stores, then notifies
                            // under the same lock, so the wake-up cannot be missed.
                            let waited = if blocked() {
                                Some(gate.1.wait(guard).unwrap_or_else(|e| e.into_inner()))
                            } else {
                                None
                            };
                            drop(waited);
                            sleeping.fetch_sub(1, Ordering::SeqCst);
                            continue;
                        }
                    };
                    let (start, group) = group;
                    if tx.send((start, group.iter().map(work).collect())).is_err() {
                        break;
                    }
                }
            });
        }
        drop(tx);
        let _stop = StopOnPanic { stop, gate };
        // Groups done before an earlier one, by position; the printer's own work goes here too.
        let mut waiting = std::collections::BTreeMap::new();
        let mut want = 0usize;
        let mut print = |waiting: &mut std::collections::BTreeMap<usize, Vec<R>>,
                         want: &mut usize| {
            let before = *want;
            while let Some(results) = waiting.remove(want) {
                *want += results.len();
                results.into_iter().for_each(&mut sink);
            }
            if *want != before {
                printed.store(*want, Ordering::SeqCst);
                if sleeping.load(Ordering::SeqCst) > 0 {
                    drop(gate.0.lock().unwrap_or_else(|e| e.into_inner()));
                    gate.1.notify_all();
                }
            }
        };
        while want < items.len() {
            while let Ok((start, results)) = rx.try_recv() {
                waiting.insert(start, results);
            }
            print(&mut waiting, &mut want);
            if want >= items.len() {
                break;
            }
            match claim(want) {
                Ok(Some((start, group))) => {
                    waiting.insert(start, group.iter().map(&work).collect());
                }
                // Nothing to take (all taken, or too far ahead): wait for the workers.
                _ => match rx.recv() {
                    Ok((start, results)) => {
                        waiting.insert(start, results);
                    }
                    Err(_) => {
                        print(&mut waiting, &mut want);
                        break;
                    }
                },
            }
        }
    });
}

/// Dropped while its thread unwinds from a panic: tells the other threads of
/// [`for_each_ordered`] to stop, and wakes those waiting to go on.
struct StopOnPanic<'a> {
    stop: &'a std::sync::atomic::AtomicBool,
    gate: &'a (std::sync::Mutex<()>, std::sync::Condvar),
}

impl Drop for StopOnPanic<'_> {
    fn drop(&mut self) {
        if std::thread::panicking() {
            self.stop.store(true, std::sync::atomic::Ordering::SeqCst);
            drop(self.gate.0.lock().unwrap_or_else(|e| e.into_inner()));
            self.gate.1.notify_all();
        }
    }
}

/// What checking one file gave, ready to print: the worker thread does everything but the
/// printing, so that the main thread only writes in order.
#[derive(Default)]
struct Done {
    /// The file's part of standard output (a human report, a JSON entry, a diff, fixed text).
    out: String,
    /// Its JSON entry, printed through the shared JSON writer.
    json: Option<String>,
    /// Messages for standard error.
    err: Vec<String>,
    /// The file could not be read or written.
    failed: bool,
    /// Why it could not be read or written, with the path as shown (for SARIF).
    unreadable: Option<(String, String)>,
    /// The file was read and checked.
    checked: bool,
    /// Code and severity of every diagnostic reported (after the baseline, before --quiet).
    found: Vec<(&'static str, Severity)>,
    /// What --fix or --diff did.
    fix: Option<FixOutcome>,
    /// The findings for --write-baseline.
    record: Recorder,
    /// The file's SARIF results, as text (the log is written once every file is checked).
    sarif: Vec<String>,
}

/// What fixing one file did.
#[derive(Default)]
struct FixOutcome {
    changed: bool,
    applied: usize,
    /// Diagnostics of the fixed text whose fix applies at the chosen level / does not.
    remaining: usize,
    remaining_unsafe: usize,
}

/// What every worker shares.
struct Shared<'a> {
    args: &'a CheckArgs,
    up_to: Applicability,
    color: bool,
    /// Whether stdout carries diagnostics (not with --diff or --fix on standard input).
    show: bool,
    baseline: Option<std::sync::Mutex<Baseline>>,
}

/// Reads, checks (with --fix: fixes and writes) and renders one file.
fn check_one(target: &Target, options: &LintOptions, shared: &Shared<'_>) -> Done {
    let args = shared.args;
    let mut done = Done::default();
    let shown = target.shown.as_str();
    let fail = |done: &mut Done, error: String| {
        done.failed = true;
        if shared.show && args.format == CheckFormat::Json {
            done.json = Some(iot_jobs_lint::output::JsonFiles::unreadable_entry(
                shown, &error,
            ));
        }
        done.err.push(format!("error: {error}"));
        done.unreadable = Some((shown.to_string(), error));
    };
    // Set when fixing could not write the file: its report is the file's own.
    let mut return_original = None;
    let (bytes, mut report) = match read(&target.path, args.input.limit(), target.walked) {
        Err(error) => {
            fail(&mut done, error);
            return done;
        }
        Ok(Input::TooLarge(size)) => (Vec::new(), iot_jobs_lint::too_large(size, options).report),
        Ok(Input::Bytes(bytes)) => match std::str::from_utf8(&bytes) {
            Ok(text) if args.fix || args.diff => {
                let fixed = iot_jobs_lint::fix_all(text, options, up_to_of(args));
                let (applicable, all) = fixable(&fixed.report, shared.up_to);
                let mut outcome = FixOutcome {
                    changed: fixed.text != text,
                    applied: fixed.applied,
                    remaining: applicable,
                    remaining_unsafe: all - applicable,
                };
                if !outcome.changed {
                    outcome.applied = 0;
                }
                if args.diff {
                    if outcome.changed {
                        done.out.push_str(&unified_diff(shown, text, &fixed.text));
                    }
                } else if target.is_stdin() {
                    done.out.push_str(&fixed.text);
                } else if outcome.changed
                    && let Err(e) = write_atomically(&target.path, &bytes, &fixed.text)
                {
                    // Nothing was applied to the file: the summary must not count it, and what
                    // is reported is what the file still holds.
                    outcome.changed = false;
                    outcome.applied = 0;
                    fail(&mut done, e);
                    let report = iot_jobs_lint::lint(&bytes, options);
                    let (applicable, all) = fixable(&report, shared.up_to);
                    outcome.remaining = applicable;
                    outcome.remaining_unsafe = all - applicable;
                    return_original = Some(report);
                }
                done.fix = Some(outcome);
                match return_original.take() {
                    Some(report) => (bytes, report),
                    // The fixed text's report goes with the fixed text (fingerprints, snippets).
                    None => (fixed.text.into_bytes(), fixed.report),
                }
            }
            _ => {
                let report = iot_jobs_lint::lint(&bytes, options);
                (bytes, report)
            }
        },
    };
    done.checked = true;
    let text = std::str::from_utf8(&bytes).ok();
    if args.write_baseline.is_some() {
        done.record.record(shown, text, &report.diagnostics);
    }
    if let Some(baseline) = &shared.baseline {
        baseline
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .filter(shown, text, &mut report);
    }
    done.found = report
        .diagnostics
        .iter()
        .map(|d| (d.code.as_str(), d.severity))
        .collect();
    // The verdict line counts every diagnostic, also the warnings --quiet does not show.
    let verdict = render::summary(shown, &report);
    if args.quiet {
        report.diagnostics.retain(|d| d.severity == Severity::Error);
    }
    if !shared.show {
        // `--fix -`: the fixed text is on standard output, so what remains in it goes to
        // standard error (as ruff does).
        if args.fix && target.is_stdin() && args.format == CheckFormat::Human {
            let mut text = render::diagnostics(shown, &bytes, &report.diagnostics, false);
            text.push_str(&verdict);
            done.err.push(text.trim_end().to_string());
        }
        return done;
    }
    match args.format {
        // A file whose fixes could not be written keeps its error entry (set by `fail`).
        CheckFormat::Json if done.json.is_none() => {
            done.json = Some(iot_jobs_lint::output::JsonFiles::read_entry(shown, &report));
        }
        CheckFormat::Json => {}
        CheckFormat::Human => {
            if !(args.quiet && report.diagnostics.is_empty()) {
                done.out = render::diagnostics(shown, &bytes, &report.diagnostics, shared.color);
                done.out.push_str(&verdict);
            }
        }
        CheckFormat::Sarif => {
            done.sarif = iot_jobs_lint::output::sarif_results(&iot_jobs_lint::output::FileReport {
                path: shown,
                report: &report,
                text: std::str::from_utf8(&bytes).ok(),
            });
        }
        CheckFormat::Github => {
            done.out = iot_jobs_lint::output::github(&[iot_jobs_lint::output::FileReport {
                path: shown,
                report: &report,
                text: None,
            }]);
        }
    }
    done
}

/// The fixes applied: safe ones, and with --unsafe-fixes the suggested ones too.
fn up_to_of(args: &CheckArgs) -> Applicability {
    if args.unsafe_fixes {
        Applicability::Suggested
    } else {
        Applicability::Safe
    }
}

/// The options for one target: the command line's, the configuration's service model and rule
/// selection for that file.
fn options_for(
    target: &Target,
    base: &LintOptions,
    args: &CheckArgs,
    overrides: &Overrides,
) -> Result<LintOptions, String> {
    let mut options = base.clone();
    let path = (!target.is_stdin() || args.stdin_filename.is_some())
        .then(|| std::path::Path::new(&target.shown));
    match &target.config {
        Some(config) => {
            if args.input.service_model().is_none()
                && let Some(edition) = config.service_model
            {
                options.service_model = edition;
            }
            // `--operation` wins; otherwise `[operations]` may say what the file is.
            if options.operation.is_none()
                && let Some(path) = path
            {
                options.operation = config.operation_for(path);
            }
            options.rules = config.selection(path, overrides).map_err(|e| {
                format!(
                    "{}: {e}",
                    iot_jobs_lint::text::printable(&config.path.to_string_lossy())
                )
            })?;
        }
        None => options.rules = crate::config::selection_without_config(overrides)?,
    }
    Ok(options)
}

pub(crate) fn run(args: &CheckArgs) -> ExitCode {
    // Files may be being written on other threads: a failing standard output must not end the
    // process in the middle of a write (temporary files were left behind).
    crate::input::DEFER_STDOUT_FAILURE.store(true, std::sync::atomic::Ordering::SeqCst);
    let base = args.input.options();
    let mut status = Status::default();
    let overrides = Overrides {
        select: args.select.clone(),
        ignore: args.ignore.clone(),
    };
    // The command line's own patterns first, so that their errors name the flags.
    if let Err(e) = crate::config::selection_without_config(&overrides) {
        eprintln!("error: --select/--ignore: {e}");
        return ExitCode::from(2);
    }
    if args.fix && args.input.files.iter().any(|f| f == "-") && args.input.files.len() > 1 {
        eprintln!(
            "error: --fix with standard input prints the fixed text on standard output; give `-` alone"
        );
        return ExitCode::from(2);
    }
    let finder = match Finder::new(args.config.as_deref(), args.no_config) {
        Ok(f) => f,
        Err(errors) => return config_failure(&errors),
    };
    let (targets, missing) =
        crate::files::expand(&args.input.files, args.stdin_filename.as_deref(), &finder);
    let config_errors = finder.take_errors();
    if !config_errors.is_empty() {
        return config_failure(&config_errors);
    }
    // Every target's options, before anything is checked: a bad --select fails the run at once.
    let mut prepared = Vec::with_capacity(targets.len());
    for target in &targets {
        match options_for(target, &base, args, &overrides) {
            Ok(options) => prepared.push((target, options)),
            Err(e) => {
                eprintln!("error: {e}");
                return ExitCode::from(2);
            }
        }
    }
    for (_, m) in &missing {
        eprintln!("error: {m}");
        status.unreadable();
    }
    let baseline = match args.baseline.as_deref().map(Baseline::load).transpose() {
        Ok(b) => b,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let mut recorder = args.write_baseline.as_ref().map(|_| Recorder::default());
    let fixing = args.fix || args.diff;
    let fixing_stdin = args.fix && targets.iter().any(|t| t.is_stdin());
    let shared = Shared {
        args,
        up_to: up_to_of(args),
        color: color(),
        // With --diff, or --fix on standard input, stdout carries text, not diagnostics.
        show: !args.diff && !fixing_stdin,
        baseline: baseline.map(std::sync::Mutex::new),
    };
    let show = shared.show;
    let mut json = (show && args.format == CheckFormat::Json).then(JsonFiles::start);
    // SARIF is one document: each file's results are kept as text until the end.
    let mut sarif: Vec<String> = Vec::new();
    // What could not be read (a glob without a match, a file that failed), for SARIF.
    let mut unreadable: Vec<(String, String)> = missing.clone();
    let mut batch = Batch::new();
    // The arguments that named nothing readable come first in the JSON list, as unread files.
    if let Some(json) = &mut json {
        for (path, message) in &missing {
            let entry = iot_jobs_lint::output::JsonFiles::unreadable_entry(path, message);
            json.push(&entry, &mut batch);
        }
    }
    if show && args.format == CheckFormat::Github {
        for (path, message) in &missing {
            batch.push(&iot_jobs_lint::output::github_unreadable(path, message));
        }
    }
    let mut files = 0usize;
    let (mut errors, mut warnings) = (0usize, 0usize);
    let mut per_code: BTreeMap<&'static str, (Severity, usize)> = BTreeMap::new();
    let (mut fixes_applied, mut fixes_remaining, mut unsafe_remaining) = (0usize, 0usize, 0usize);
    let mut changed_files = 0usize;
    // Files are checked and rendered on every core, then printed in input order and dropped.
    let ahead = rayon::current_num_threads().max(1) * AHEAD_PER_THREAD;
    let work = |(target, options): &(&Target, LintOptions)| check_one(target, options, &shared);
    for_each_ordered(&prepared, ahead, work, |done| {
        if !done.err.is_empty() {
            batch.flush();
        }
        for line in &done.err {
            eprintln!("{line}");
        }
        if let Some(problem) = done.unreadable {
            if show && args.format == CheckFormat::Github {
                batch.push(&iot_jobs_lint::output::github_unreadable(
                    &problem.0, &problem.1,
                ));
            }
            unreadable.push(problem);
        }
        if done.failed {
            status.unreadable();
        }
        if let (Some(json), Some(entry)) = (&mut json, &done.json) {
            json.push(entry, &mut batch);
        }
        batch.push(&done.out);
        if !done.checked {
            return;
        }
        files += 1;
        if let Some(fix) = &done.fix {
            if fix.changed {
                changed_files += 1;
                fixes_applied += fix.applied;
            }
            fixes_remaining += fix.remaining;
            unsafe_remaining += fix.remaining_unsafe;
        }
        if let Some(recorder) = &mut recorder {
            recorder.extend(done.record);
        }
        for (code, severity) in &done.found {
            // --diff exits on whether there is something to change, not on the diagnostics.
            if !args.diff {
                status.add_one(code, *severity);
            }
            match severity {
                Severity::Error => errors += 1,
                Severity::Warning => warnings += 1,
                _ => {}
            }
            per_code.entry(code).or_insert((*severity, 0)).1 += 1;
        }
        if !done.sarif.is_empty() {
            sarif.extend(done.sarif);
        }
    });
    batch.flush();
    if let Some(json) = json {
        json.finish();
    }
    if show && args.format == CheckFormat::Sarif {
        iot_jobs_lint::output::sarif_write(sarif, &unreadable, env!("CARGO_PKG_VERSION"), emit);
    }
    // Text for a person: on stdout in human output, on stderr when stdout is machine-readable.
    let to_person = |text: &str| {
        if show && args.format == CheckFormat::Human {
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
    if (files > 1 || (files > 0 && !unreadable.is_empty())) && show {
        let unread = if unreadable.is_empty() {
            String::new()
        } else {
            format!(
                "; {} could not be read or written",
                plural(unreadable.len(), "input")
            )
        };
        to_person(&format!(
            "{} checked: {}, {}{unread}\n",
            plural(files, "file"),
            plural(errors, "error"),
            plural(warnings, "warning")
        ));
    }
    if let Some(baseline) = shared.baseline {
        let baseline = baseline
            .into_inner()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let mut line = format!(
            "{} in the baseline not shown",
            plural(baseline.hidden, "finding")
        );
        let stale = baseline.stale();
        if baseline.hidden == 0 && stale > 0 {
            line.push_str(&format!(
                "; none of its {} matched: files are matched by the path as shown, so run from the directory the baseline was written in",
                plural(stale, "finding")
            ));
        } else if stale > 0 {
            line.push_str(&format!(
                "; {} of the baseline no longer found (rewrite it with --write-baseline)",
                plural(stale, "finding")
            ));
        }
        eprintln!("{line}");
    }
    if let (Some(recorder), Some(path)) = (recorder, &args.write_baseline) {
        match recorder.write(path) {
            Ok(n) => eprintln!(
                "{} written to the baseline {}",
                plural(n, "finding"),
                iot_jobs_lint::text::printable(path)
            ),
            Err(e) => {
                eprintln!("error: {e}");
                status.unreadable();
            }
        }
    }
    if fixing {
        let verb = if args.diff {
            "would be applied"
        } else {
            "applied"
        };
        let mut line = format!(
            "{} {verb} in {}; {} remain",
            plural(fixes_applied, "fix"),
            plural(changed_files, "file"),
            plural(fixes_remaining, "fixable diagnostic")
        );
        if unsafe_remaining > 0 {
            line.push_str(&format!(
                " ({unsafe_remaining} more with a suggested fix: --unsafe-fixes)"
            ));
        }
        eprintln!("{line}");
    }
    if let Some(max) = args.max_warnings
        && warnings > max
    {
        eprintln!(
            "error: {}, more than --max-warnings {max}",
            plural(warnings, "warning")
        );
        status.fail();
    }
    if args.diff && changed_files > 0 {
        status.fail();
    }
    if let Some(failure) = crate::input::stdout_failure() {
        eprintln!("error: {failure}");
        return ExitCode::from(2);
    }
    status.exit_code()
}

/// `1 file`, `2 files`, `0 fixes`.
pub(crate) fn plural(n: usize, noun: &str) -> String {
    let suffix = if n == 1 {
        ""
    } else if noun.ends_with('x') || noun.ends_with('s') {
        "es"
    } else {
        "s"
    };
    format!("{n} {noun}{suffix}")
}

/// Reports problems in configuration files; the run stops with status 2 (as for a usage error).
fn config_failure(errors: &[String]) -> ExitCode {
    for e in errors {
        eprintln!("error: {e}");
    }
    ExitCode::from(2)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    /// Every result reaches the sink once, in input order, and no item starts more than
    /// `ahead` (plus one group per thread, claimed at the same moment) past the printer, with
    /// uneven work (every seventh item slow) on four threads.
    #[test]
    fn ordered_and_bounded() {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(4)
            .build()
            .unwrap();
        for (len, ahead) in [
            (0, 8),
            (1, 8),
            (GRAIN, 8),
            (5_000, 8),
            (5_000, 64),
            (777, 1),
        ] {
            let items: Vec<usize> = (0..len).collect();
            let started = AtomicUsize::new(0);
            let mut seen = Vec::new();
            let mut worst = 0usize;
            pool.install(|| {
                for_each_ordered(
                    &items,
                    ahead,
                    |&i| {
                        started.fetch_add(1, Ordering::SeqCst);
                        if i % 7 == 0 {
                            std::thread::sleep(std::time::Duration::from_micros(50));
                        }
                        i
                    },
                    |i| {
                        worst = worst.max(started.load(Ordering::SeqCst) - seen.len());
                        seen.push(i);
                    },
                )
            });
            assert_eq!(seen, items, "{len} items");
            let bound = ahead.max(GRAIN) + 4 * GRAIN;
            assert!(
                worst <= bound,
                "{worst} started ahead of the printer (bound {bound})"
            );
        }
    }

    /// A panic in the printer (an `eprintln!` on a closed standard error) or in a worker once
    /// left the other threads waiting for ever: now it reaches the caller, promptly.
    #[test]
    fn a_panic_ends_the_run_instead_of_hanging() {
        for (panic_in_sink, at) in [(true, 1500usize), (false, 2000), (false, 3)] {
            let (tx, rx) = std::sync::mpsc::channel();
            std::thread::spawn(move || {
                let pool = rayon::ThreadPoolBuilder::new()
                    .num_threads(4)
                    .build()
                    .unwrap();
                let items: Vec<usize> = (0..5000).collect();
                let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    pool.install(|| {
                        for_each_ordered(
                            &items,
                            8,
                            |&i| {
                                if !panic_in_sink && i == at {
                                    panic!("worker");
                                }
                                i
                            },
                            |i| {
                                if panic_in_sink && i == at {
                                    panic!("printer");
                                }
                            },
                        )
                    })
                }));
                let _ = tx.send(outcome.is_err());
            });
            let panicked = rx
                .recv_timeout(std::time::Duration::from_secs(20))
                .expect("the run hung after a panic");
            assert!(panicked, "the panic did not reach the caller");
        }
    }
}
