//! What `check` and `schedule` share: the input files, the options passed to the core, the output
//! format, and reading files or standard input.

use crate::{EditionArg, OperationArg};
use chrono::{DateTime, Utc};
use clap::{Args, ValueEnum};
use iot_jobs_lint::LintOptions;
use std::io::{IsTerminal, Read};
use std::path::Path;

#[derive(Args, Debug)]
pub(crate) struct InputArgs {
    /// Files to read; `-` reads standard input. `check` also takes directories (walked for
    /// `*.json` and YAML CloudFormation templates, respecting .gitignore) and glob patterns
    /// (`'jobs/**/*.job.json'`).
    #[arg(required = true, value_name = "FILE")]
    pub(crate) files: Vec<String>,
    /// The operation the files belong to; detected from the content when omitted.
    #[arg(long, value_enum)]
    operation: Option<OperationArg>,
    /// The current time (RFC 3339) for the scheduling rules; defaults to the system clock.
    #[arg(long, value_name = "RFC3339", value_parser = parse_now)]
    now: Option<DateTime<Utc>>,
    /// The service-model edition to check against [default: the configuration's
    /// `service-model`, else latest].
    #[arg(long, value_enum)]
    service_model: Option<EditionArg>,
    /// The largest file checked, in bytes (default 4 MiB). A larger file gets only
    /// `input/too-large` and is read no further. Raise it only for input you trust, e.g.
    /// `--max-input-bytes 104857600` (100 MB).
    #[arg(
        long,
        value_name = "BYTES",
        default_value_t = iot_jobs_lint::DEFAULT_MAX_INPUT_BYTES
    )]
    max_input_bytes: usize,
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
            service_model: self
                .service_model
                .map_or(iot_jobs_lint::Edition::Latest, Into::into),
            max_input_bytes: self.max_input_bytes,
            ..LintOptions::new(self.now.unwrap_or_else(Utc::now))
        }
    }

    /// The edition given with `--service-model`, if any.
    pub(crate) fn service_model(&self) -> Option<iot_jobs_lint::Edition> {
        self.service_model.map(Into::into)
    }

    /// The largest input checked, as passed with `--max-input-bytes`.
    pub(crate) fn limit(&self) -> usize {
        self.max_input_bytes
    }
}

/// One input as read: its bytes, or only that it is over the limit (its length when the file's
/// metadata tells it, `None` when the read stopped at the limit).
pub(crate) enum Input {
    Bytes(Vec<u8>),
    TooLarge(Option<u64>),
}

/// Reads one FILE (`-`: standard input) up to `limit` bytes. A file that cannot be read, or that
/// is not a regular file (a FIFO, a device, a socket), gives the reason (`cannot read PATH: ...`,
/// escaped), for the caller to print on stderr and to list in JSON output.
///
/// `walked`: a directory walk has just listed `path` as a regular file, so the check of its type
/// before the open is skipped (the check of the open file still refuses a swapped-in FIFO).
pub(crate) fn read(path: &Path, limit: usize, walked: bool) -> Result<Input, String> {
    let result = if path.as_os_str() == "-" {
        read_limited(std::io::stdin().lock(), limit, 0)
    } else if walked {
        read_open(path, limit)
    } else {
        read_file(path, limit)
    };
    result.map_err(|e| {
        let shown = iot_jobs_lint::text::printable(&path.to_string_lossy()).into_owned();
        format!("cannot read {shown}: {e}")
    })
}

/// Reads a file the run needs besides its inputs (a configuration, a baseline) with the same
/// protections as an input: FIFOs, devices and sockets refused before they are opened, at most
/// `limit` bytes read. The error is the reason, without the path.
pub(crate) fn read_aux(path: &Path, limit: usize) -> Result<Vec<u8>, String> {
    match read_file(path, limit) {
        Ok(Input::Bytes(bytes)) => Ok(bytes),
        Ok(Input::TooLarge(_)) => Err(format!("it is larger than {limit} bytes")),
        Err(e) => Err(e.to_string()),
    }
}

/// A named file: its type is checked from the path before it is opened (opening a FIFO waits for
/// a writer, and `/dev/zero` or `/dev/urandom` never end); a regular file whose metadata says it
/// is over the limit is not read at all.
fn read_file(path: &Path, limit: usize) -> std::io::Result<Input> {
    let meta = std::fs::metadata(path).map_err(|e| {
        // The link is there, what it names is not.
        if std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
            std::io::Error::other(format!("a broken symbolic link ({e})"))
        } else {
            e
        }
    })?;
    refuse_special(&meta)?;
    if meta.is_file() && meta.len() > limit as u64 {
        return Ok(Input::TooLarge(Some(meta.len())));
    }
    read_open(path, limit)
}

/// Opens `path` (see [`open_regular`]) and reads it: a file whose open handle says it is over the
/// limit is not read at all.
fn read_open(path: &Path, limit: usize) -> std::io::Result<Input> {
    let (file, size) = open_regular(path)?;
    if size > limit as u64 {
        return Ok(Input::TooLarge(Some(size)));
    }
    read_limited(file, limit, size)
}

/// Opens `path` for reading and refuses it unless the open file is a regular file. The open is
/// non-blocking, so that a FIFO swapped in for the file after the caller's check does not wait
/// for a writer; the check on the open file then refuses it. Reads of a regular file are not
/// affected by the flag.
fn open_regular(path: &Path) -> std::io::Result<(std::fs::File, u64)> {
    let mut open = std::fs::OpenOptions::new();
    open.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        open.custom_flags(libc::O_NONBLOCK);
    }
    let file = open.open(path)?;
    let meta = file.metadata()?;
    refuse_special(&meta)?;
    Ok((file, if meta.is_file() { meta.len() } else { 0 }))
}

/// Reads at most `limit + 1` bytes: one past the limit tells that the input is over it, without
/// reading the rest (an endless stream ends here too).
fn read_limited(reader: impl Read, limit: usize, size_hint: u64) -> std::io::Result<Input> {
    let cap = limit.saturating_add(1);
    // The file's size as the first guess (no regrowth for a regular file), never past the cap.
    let mut buf = Vec::with_capacity(usize::try_from(size_hint).unwrap_or(cap).min(cap));
    reader.take(cap as u64).read_to_end(&mut buf)?;
    Ok(if buf.len() > limit {
        Input::TooLarge(None)
    } else {
        Input::Bytes(buf)
    })
}

/// Refuses what is not a regular file or a directory (whose read fails on its own): a FIFO, a
/// character or block device, a socket.
fn refuse_special(meta: &std::fs::Metadata) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        let what = if t.is_fifo() {
            "a FIFO (named pipe)"
        } else if t.is_char_device() {
            "a character device"
        } else if t.is_block_device() {
            "a block device"
        } else if t.is_socket() {
            "a socket"
        } else {
            return Ok(());
        };
        Err(std::io::Error::other(format!(
            "it is {what}, not a regular file; to check what it holds, give it on standard input: iot-jobs-lint check - < FILE"
        )))
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        Ok(())
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

/// The JSON output `{"files": [...]}` and a newline, written one entry at a time as each file is
/// checked, so that memory holds one file's report at a time. The bytes are the core's
/// ([`iot_jobs_lint::output::JsonFiles`]), which the npm package's command writes too.
pub(crate) struct JsonFiles(iot_jobs_lint::output::JsonFiles);

impl JsonFiles {
    /// Writes the opening `{"files":[`.
    pub(crate) fn start() -> JsonFiles {
        emit(iot_jobs_lint::output::JsonFiles::START);
        JsonFiles(iot_jobs_lint::output::JsonFiles::new())
    }

    /// Writes one entry (members in declaration order).
    pub(crate) fn entry<T: serde::Serialize>(&mut self, entry: &T) {
        emit(&self.0.entry(entry));
    }

    /// Adds to `out` an entry serialized on a worker thread
    /// ([`iot_jobs_lint::output::JsonFiles::read_entry`] or `unreadable_entry`).
    pub(crate) fn push(&mut self, entry: &str, out: &mut Batch) {
        out.push(&self.0.push(entry));
    }

    /// Writes the closing `]}` and a newline.
    pub(crate) fn finish(self) {
        emit(iot_jobs_lint::output::JsonFiles::END);
    }
}

/// Standard output gathered across files and written in pieces of about 64 KiB (one write per
/// file was a tenth of the time of checking 10,000 small files), and at least every 50 ms so
/// that a slow run still shows its progress. Call [`Batch::flush`] before writing to standard
/// error, so that the two streams keep their order on a terminal, and at the end.
pub(crate) struct Batch {
    text: String,
    since: std::time::Instant,
}

impl Batch {
    const SIZE: usize = 64 * 1024;
    const EVERY: std::time::Duration = std::time::Duration::from_millis(50);

    pub(crate) fn new() -> Batch {
        Batch {
            text: String::new(),
            since: std::time::Instant::now(),
        }
    }

    /// Adds `text`, writing what was gathered once it is large or old enough.
    pub(crate) fn push(&mut self, text: &str) {
        self.text.push_str(text);
        if self.text.len() >= Self::SIZE || self.since.elapsed() >= Self::EVERY {
            self.flush();
        }
    }

    /// Writes what was gathered.
    pub(crate) fn flush(&mut self) {
        if !self.text.is_empty() {
            emit(&self.text);
            self.text.clear();
        }
        self.since = std::time::Instant::now();
    }
}

/// Set by a command that must not end in the middle of its work (`check --fix` writes files on
/// other threads): a write failure on standard output is then recorded for
/// [`stdout_failure`] instead of ending the process at once.
pub(crate) static DEFER_STDOUT_FAILURE: std::sync::atomic::AtomicBool =
    std::sync::atomic::AtomicBool::new(false);

/// The first write failure on standard output while failures are deferred.
static STDOUT_FAILURE: std::sync::OnceLock<String> = std::sync::OnceLock::new();

/// The recorded write failure on standard output, if any (see [`DEFER_STDOUT_FAILURE`]).
pub(crate) fn stdout_failure() -> Option<&'static str> {
    STDOUT_FAILURE.get().map(String::as_str)
}

/// Writes to standard output. A closed pipe (`iot-jobs-lint rules | head -1`) is not an error:
/// the reader has what it wanted. Any other write failure ends the process with status 2, or,
/// while failures are deferred, is recorded and stops further output.
pub(crate) fn emit(text: &str) {
    use std::io::Write;
    if STDOUT_FAILURE.get().is_some() {
        return;
    }
    let mut out = std::io::stdout().lock();
    if let Err(e) = out.write_all(text.as_bytes()).and_then(|()| out.flush())
        && e.kind() != std::io::ErrorKind::BrokenPipe
    {
        let message = format!("cannot write to standard output: {e}");
        if DEFER_STDOUT_FAILURE.load(std::sync::atomic::Ordering::SeqCst) {
            let _ = STDOUT_FAILURE.set(message);
            return;
        }
        eprintln!("error: {message}");
        std::process::exit(2);
    }
}

/// What decides the exit status of `check` and `schedule`, gathered file by file.
#[derive(Default)]
pub(crate) struct Status {
    io_failed: bool,
    undetected: bool,
    errors: bool,
}

impl Status {
    /// Something else fails the run with status 1 (warnings over `--max-warnings`, a `--diff`
    /// with changes).
    pub(crate) fn fail(&mut self) {
        self.errors = true;
    }

    /// A file could not be read.
    pub(crate) fn unreadable(&mut self) {
        self.io_failed = true;
    }

    /// The diagnostics of one file.
    pub(crate) fn add(&mut self, diagnostics: &[iot_jobs_lint::Diagnostic]) {
        for d in diagnostics {
            self.add_one(d.code.as_str(), d.severity);
        }
    }

    /// One diagnostic, by its code and severity.
    pub(crate) fn add_one(&mut self, code: &str, severity: iot_jobs_lint::Severity) {
        self.undetected |= code == "input/operation-unknown";
        self.errors |= severity == iot_jobs_lint::Severity::Error;
    }

    /// 2 when a file could not be read or an operation could not be told (with a hint on
    /// stderr), 1 when any diagnostic is an error, 0 otherwise.
    pub(crate) fn exit_code(&self) -> std::process::ExitCode {
        if self.undetected {
            eprintln!(
                "error: could not tell the operation of some input; pass --operation create-job|create-job-template|describe-job|describe-job-template"
            );
        }
        if self.io_failed || self.undetected {
            std::process::ExitCode::from(2)
        } else if self.errors {
            std::process::ExitCode::from(1)
        } else {
            std::process::ExitCode::SUCCESS
        }
    }
}

/// Whether to colour human output: only on a terminal, and never with `NO_COLOR` set.
pub(crate) fn color() -> bool {
    // no-color.org: a NO_COLOR that is set and not empty turns colour off.
    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

fn parse_now(s: &str) -> Result<DateTime<Utc>, String> {
    DateTime::parse_from_rfc3339(s)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|e| format!("`{s}` is not an RFC 3339 date-time ({e}); e.g. 2026-03-01T12:00:00Z"))
}

/// The path as listed in the output: `<stdin>` for `-`.
pub(crate) fn display_path(path: &str) -> String {
    if path == "-" {
        "<stdin>".into()
    } else {
        path.to_string()
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    /// A FIFO that reaches the open (as if swapped in after the path was checked) is refused at
    /// once instead of waiting for a writer.
    #[test]
    fn a_fifo_at_open_is_refused_without_blocking() {
        let dir = std::env::temp_dir().join(format!("iot-jobs-lint-fifo-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let fifo = dir.join("job.json");
        let _ = std::fs::remove_file(&fifo);
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap();
        assert!(made.success());
        let started = std::time::Instant::now();
        let err = open_regular(&fifo).unwrap_err();
        assert!(err.to_string().contains("FIFO"), "{err}");
        assert!(started.elapsed() < std::time::Duration::from_secs(2));
        let file = dir.join("plain.json");
        std::fs::write(&file, "{}").unwrap();
        let mut text = String::new();
        open_regular(&file)
            .unwrap()
            .0
            .read_to_string(&mut text)
            .unwrap();
        assert_eq!(text, "{}");
        let _ = std::fs::remove_dir_all(&dir);
    }
}
