//! Peak memory of `iot-jobs-lint check` on hostile inputs: for each shape (many small objects
//! under an unknown member, many invalid targets, many maintenance windows, many repeated
//! members, many unknown members), generated just under the input limit, the CLI runs as a
//! child process and its peak resident set (`ru_maxrss` from `wait4`) must stay within
//! 4 × the input + 16 MB, in both output formats.
//!
//! By default the inputs are just under the default limit (4 MiB). To measure larger inputs
//! with the limit raised, and a release binary (the figures in the README):
//!
//! ```sh
//! cargo build --release --locked -p iot-jobs-lint-cli
//! IOT_JOBS_LINT_BIN=target/release/iot-jobs-lint IOT_JOBS_LINT_PEAK_MB=100 \
//!   cargo test --release --locked -p iot-jobs-lint-cli --test peak_memory -- --nocapture
//! ```
//!
//! Linux only (elsewhere it says it is skipped): memory is measured, not timed, so the bound
//! holds on any machine.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// The bound: peak resident set ≤ 4 × the input + 16 MB.
fn bound(input: usize) -> u64 {
    4 * input as u64 + 16 * 1024 * 1024
}

/// A shape: its name and how to make it `size` bytes long.
type Shape = (&'static str, fn(usize) -> String);

/// The hostile shapes, each a function of the target size in bytes.
const SHAPES: &[Shape] = &[
    ("objects under an unknown member", objects),
    ("invalid targets", targets),
    ("maintenance windows", windows),
    ("distinct maintenance windows", distinct_windows),
    ("repeated members", duplicates),
    ("unknown members", unknown),
];

const HEAD: &str =
    r#"{"jobId":"a","targets":["arn:aws:iot:us-east-1:111122223333:thing/a"],"document":"{}","#;

/// `HEAD` + `open` + `item(i)` joined by commas while the text stays under `size` + `close`.
fn fill(
    size: usize,
    head: &str,
    open: &str,
    item: impl Fn(usize) -> String,
    close: &str,
) -> String {
    let mut out = String::with_capacity(size);
    out.push_str(head);
    out.push_str(open);
    let mut i = 0;
    loop {
        let next = item(i);
        if out.len() + next.len() + 1 + close.len() > size {
            break;
        }
        if i > 0 {
            out.push(',');
        }
        out.push_str(&next);
        i += 1;
    }
    out.push_str(close);
    out
}

/// `"x": [{"a":1}, ...]`: two values and two links per 8 bytes, none of them in the model.
fn objects(size: usize) -> String {
    fill(size, HEAD, r#""x":["#, |_| r#"{"a":1}"#.into(), "]}")
}

/// `"targets": ["t0000000", ...]`: each a `targets/arn-format` error.
fn targets(size: usize) -> String {
    fill(
        size,
        r#"{"jobId":"a","document":"{}","#,
        r#""targets":["#,
        |i| format!("\"t{i:07}\""),
        "]}",
    )
}

/// `schedulingConfig.maintenanceWindows`: each window the same cron (overlaps).
fn windows(size: usize) -> String {
    fill(
        size,
        HEAD,
        r#""schedulingConfig":{"startTime":"2027-01-01T00:00","endTime":"2027-02-01T00:00","maintenanceWindows":["#,
        |_| r#"{"startTime":"cron(0 0 * * ? *)","durationInMinutes":30}"#.into(),
        "]}}",
    )
}

/// `schedulingConfig.maintenanceWindows`, each window at its own minute of the day (no two
/// alike, so the schedule preview cannot stop after the first).
fn distinct_windows(size: usize) -> String {
    fill(
        size,
        HEAD,
        r#""schedulingConfig":{"maintenanceWindows":["#,
        |i| {
            format!(
                r#"{{"startTime":"cron({} {} * * ? *)","durationInMinutes":30}}"#,
                i % 60,
                i / 60 % 24
            )
        },
        "]}}",
    )
}

/// `"jobId":"a"` again and again: each earlier copy a `json/duplicate-key`.
fn duplicates(size: usize) -> String {
    fill(size, "{", "", |_| r#""jobId":"a""#.into(), "}")
}

/// `"x0000000":1, ...`: each a `model/unknown-member`.
fn unknown(size: usize) -> String {
    fill(size, HEAD, "", |i| format!("\"x{i:07}\":1"), "}")
}

fn binary() -> PathBuf {
    match std::env::var_os("IOT_JOBS_LINT_BIN") {
        Some(p) => {
            let p = PathBuf::from(p);
            if p.is_absolute() {
                p
            } else {
                Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../..")).join(p)
            }
        }
        None => PathBuf::from(env!("CARGO_BIN_EXE_iot-jobs-lint")),
    }
}

/// Runs the CLI on `file` and returns its exit code and peak resident set in bytes.
#[cfg(target_os = "linux")]
// The child is reaped by wait4 (which also gives its rusage), not by Child::wait.
#[allow(clippy::zombie_processes)]
fn peak(args: &[&str], file: &Path) -> (i32, u64) {
    use std::process::{Command, Stdio};
    let child = Command::new(binary())
        .args(args)
        .arg(file)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("the CLI runs");
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    // SAFETY: plain libc calls on a child this process spawned and has not waited for; the
    // rusage struct is zeroed and written by the kernel.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let waited = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    assert_eq!(waited, pid, "wait4: {}", std::io::Error::last_os_error());
    let code = if libc::WIFEXITED(status) {
        libc::WEXITSTATUS(status)
    } else {
        -1
    };
    // Linux reports ru_maxrss in kilobytes.
    (code, usage.ru_maxrss as u64 * 1024)
}

#[cfg(target_os = "linux")]
#[test]
fn peak_memory_stays_within_four_times_the_input() {
    let size_mb: usize = std::env::var("IOT_JOBS_LINT_PEAK_MB")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    // Just under the limit: the default 4 MiB, or the size asked for with the limit raised.
    let (size, limit) = if size_mb == 0 {
        let limit = iot_jobs_lint::DEFAULT_MAX_INPUT_BYTES;
        (limit - 64, limit)
    } else {
        (size_mb * 1_000_000, size_mb * 1_000_000 + 64)
    };
    let dir = std::env::temp_dir().join(format!("iot-jobs-lint-peak-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let limit_arg = limit.to_string();
    let mut table = String::from(
        "| shape | input | command | peak RSS | peak / input | bound |\n|---|---|---|---|---|---|\n",
    );
    let mut failures = Vec::new();
    for &(name, make) in SHAPES {
        let text = make(size);
        assert!(text.len() <= limit, "{name}: {} bytes", text.len());
        let file = dir.join("input.json");
        std::fs::write(&file, &text).unwrap();
        let len = text.len();
        drop(text);
        // `schedule` runs the lint and the preview of the next window starts.
        for (command, format) in [("check", "human"), ("check", "json"), ("schedule", "human")] {
            let mut args = vec![command, "--now", "2026-12-01T00:00:00Z", "--format", format];
            if size_mb > 0 {
                args.extend(["--max-input-bytes", &limit_arg]);
            }
            let (code, rss) = peak(&args, &file);
            let mb = |b: u64| b as f64 / 1e6;
            writeln!(
                table,
                "| {name} | {:.1} MB | {command} {format} | {:.1} MB | {:.2} | {:.1} MB |",
                mb(len as u64),
                mb(rss),
                rss as f64 / len as f64,
                mb(bound(len))
            )
            .unwrap();
            assert!(
                code == 0 || code == 1,
                "{name} ({command} {format}): exit status {code}"
            );
            if rss > bound(len) {
                failures.push(format!(
                    "{name} ({command} {format}): {rss} bytes > {}",
                    bound(len)
                ));
            }
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
    println!("{table}");
    assert!(
        failures.is_empty(),
        "over the bound:\n{}\n{table}",
        failures.join("\n")
    );
}

#[cfg(not(target_os = "linux"))]
#[test]
fn peak_memory_stays_within_four_times_the_input() {
    eprintln!("skipped: peak memory is read with wait4's ru_maxrss, measured on Linux only");
}
