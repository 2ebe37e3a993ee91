//! Regressions from trying to break `check`'s configuration, baselines, walks and fixes with
//! hostile or careless input (each test names what it once got wrong).

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::Duration;

const NOW: &str = "2026-12-01T00:00:00Z";

fn repo() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "iot-jobs-lint-hostile-{name}-{}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::copy(repo().join("examples/broken.job.json"), dir.join("a.json")).unwrap();
    dir
}

/// Runs `check` in `dir`, killed after 20 s (a hang fails the test instead of blocking it).
fn run(dir: &Path, args: &[&str]) -> Output {
    let child = Command::new(env!("CARGO_BIN_EXE_iot-jobs-lint"))
        .current_dir(dir)
        .arg("check")
        .args(["--now", NOW])
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Output is read while the child runs (a SARIF log fills a pipe long before the end).
    let pid = child.id();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(child.wait_with_output());
    });
    match rx.recv_timeout(Duration::from_secs(20)) {
        Ok(output) => output.unwrap(),
        Err(_) => {
            let _ = Command::new("kill").arg("-9").arg(pid.to_string()).status();
            panic!("check {args:?} did not finish in 20 s");
        }
    }
}

fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn out(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[cfg(unix)]
#[test]
fn configuration_and_baseline_files_are_read_like_inputs() {
    let dir = scratch("aux");
    assert!(
        Command::new("mkfifo")
            .arg(dir.join("fifo"))
            .status()
            .unwrap()
            .success()
    );
    for flag in ["--config", "--baseline"] {
        let o = run(&dir, &[flag, "fifo", "a.json"]);
        assert_eq!(o.status.code(), Some(2), "{flag} fifo: {}", err(&o));
        assert!(err(&o).contains("FIFO"), "{}", err(&o));
        let o = run(&dir, &[flag, "/dev/zero", "a.json"]);
        assert_eq!(o.status.code(), Some(2), "{flag} /dev/zero: {}", err(&o));
    }
    // A discovered configuration that is a directory is an error, not skipped.
    std::fs::create_dir(dir.join("iot-jobs-lint.toml")).unwrap();
    let o = run(&dir, &["a.json"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        err(&o).contains("cannot read the configuration"),
        "{}",
        err(&o)
    );
}

#[cfg(unix)]
#[test]
fn walks_take_symlinked_files_absolute_globs_and_report_broken_links() {
    let dir = scratch("walk");
    std::fs::create_dir(dir.join("d")).unwrap();
    std::fs::copy(
        repo().join("examples/firmware-ota.job.json"),
        dir.join("real.json"),
    )
    .unwrap();
    std::os::unix::fs::symlink(dir.join("real.json"), dir.join("d/link.json")).unwrap();
    let o = run(&dir, &["--format", "json", "d"]);
    assert!(out(&o).contains("\"path\":\"d/link.json\""), "{}", out(&o));
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    std::os::unix::fs::symlink(dir.join("gone.json"), dir.join("d/broken.json")).unwrap();
    let o = run(&dir, &["d"]);
    assert_eq!(
        o.status.code(),
        Some(2),
        "a broken link is not silently skipped"
    );
    let pattern = format!("{}/*.json", dir.display());
    let o = run(&dir, &["--format", "json", &pattern]);
    assert!(out(&o).contains("real.json"), "{}{}", out(&o), err(&o));
}

#[test]
fn empty_and_anchored_globs_in_the_configuration() {
    let dir = scratch("globs");
    std::fs::write(dir.join("iot-jobs-lint.toml"), "exclude = [\"\"]\n").unwrap();
    let o = run(&dir, &["."]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        err(&o).contains("iot-jobs-lint.toml:1:12: an empty glob"),
        "{}",
        err(&o)
    );
    std::fs::create_dir(dir.join("fixtures")).unwrap();
    std::fs::copy(dir.join("a.json"), dir.join("fixtures/b.json")).unwrap();
    for glob in ["fixtures/", "/fixtures"] {
        std::fs::write(
            dir.join("iot-jobs-lint.toml"),
            format!("exclude = [\"{glob}\"]\n"),
        )
        .unwrap();
        let o = run(&dir, &["--format", "json", "."]);
        assert!(!out(&o).contains("fixtures/b.json"), "{glob}: {}", out(&o));
        assert!(
            out(&o).contains("\"path\":\"a.json\""),
            "{glob}: {}",
            out(&o)
        );
    }
    std::fs::write(
        dir.join("iot-jobs-lint.toml"),
        "[per-file-ignores]\n\"*.json\" = [\"json/syntax\"]\n",
    )
    .unwrap();
    let e = err(&run(&dir, &["a.json"]));
    assert!(
        e.contains("iot-jobs-lint.toml:2:13: `json/syntax` cannot be ignored"),
        "{e}"
    );
}

#[cfg(unix)]
#[test]
fn fix_writes_through_links_and_once_per_file() {
    let dir = scratch("links");
    std::os::unix::fs::symlink(dir.join("a.json"), dir.join("link.json")).unwrap();
    let o = run(&dir, &["--no-config", "--fix", "link.json"]);
    assert!(
        std::fs::symlink_metadata(dir.join("link.json"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(
        err(&o).contains("2 fixes applied in 1 file;"),
        "{}",
        err(&o)
    );
    assert!(
        !std::fs::read_to_string(dir.join("a.json"))
            .unwrap()
            .contains("\"snapshot\"")
    );
    // A hard link sees the fix too.
    std::fs::copy(repo().join("examples/broken.job.json"), dir.join("h1.json")).unwrap();
    std::fs::hard_link(dir.join("h1.json"), dir.join("h2.json")).unwrap();
    run(&dir, &["--no-config", "--fix", "h1.json"]);
    assert!(
        !std::fs::read_to_string(dir.join("h2.json"))
            .unwrap()
            .contains("\"snapshot\"")
    );
    // The same file twice (and by two spellings) is fixed once, without a collision.
    std::fs::copy(repo().join("examples/broken.job.json"), dir.join("a.json")).unwrap();
    let o = run(&dir, &["--no-config", "--fix", "a.json", "./a.json", "."]);
    assert!(!err(&o).contains("cannot write"), "{}", err(&o));
    assert!(
        err(&o).contains("2 fixes applied in 1 file;"),
        "{}",
        err(&o)
    );
}

#[test]
fn flags_that_cannot_combine_and_flag_errors() {
    let dir = scratch("flags");
    for args in [
        &["--diff", "--baseline", "b.json", "a.json"][..],
        &["--diff", "--write-baseline", "b.json", "a.json"],
        &["--diff", "--format", "json", "a.json"],
        &["--fix", "-", "a.json"],
    ] {
        let o = run(&dir, args);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", err(&o));
    }
    std::fs::write(dir.join("iot-jobs-lint.toml"), "").unwrap();
    let o = run(&dir, &["--ignore", "json/syntax", "a.json"]);
    assert!(
        err(&o).contains("--select/--ignore: `json/syntax` cannot be ignored"),
        "{}",
        err(&o)
    );
    let o = run(&dir, &["--select", ",,", "a.json"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(err(&o).matches("error:").count(), 1, "{}", err(&o));
}

#[test]
fn baseline_paths_do_not_depend_on_spelling() {
    let dir = scratch("spelling");
    run(&dir, &["--write-baseline", "b.json", "a.json"]);
    let o = run(&dir, &["--baseline", "b.json", "./a.json"]);
    assert_eq!(o.status.code(), Some(0), "{}{}", out(&o), err(&o));
}

#[test]
fn file_names_are_escaped_in_github_output_and_diff_headers() {
    let dir = scratch("escape");
    std::fs::copy(dir.join("a.json"), dir.join("e\u{1b}[31m.json")).unwrap();
    let o = run(
        &dir,
        &["--no-config", "--format", "github", "e\u{1b}[31m.json"],
    );
    assert!(!out(&o).contains('\u{1b}'), "{}", out(&o));
    assert!(out(&o).contains("file=e\\u{1b}[31m.json"), "{}", out(&o));
    let o = run(&dir, &["--no-config", "--diff", "e\u{1b}[31m.json"]);
    assert!(!out(&o).contains('\u{1b}'), "{}", out(&o));
    let toml = "\"\u{1b}[31mx\" = 1\n";
    std::fs::write(dir.join("iot-jobs-lint.toml"), toml).unwrap();
    let o = run(&dir, &["a.json"]);
    assert!(!err(&o).contains('\u{1b}'), "{}", err(&o));
}

#[test]
fn a_closed_pipe_ends_rules_quietly_and_quiet_counts_hidden_warnings() {
    use std::io::Read;
    for format in ["human", "json", "markdown"] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_iot-jobs-lint"))
            .args(["rules", "--format", format])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = [0u8; 16];
        child.stdout.take().unwrap().read_exact(&mut first).unwrap();
        // The reading end is closed here; the rest of the output meets a closed pipe.
        let o = child.wait_with_output().unwrap();
        assert!(
            o.status.code().is_some_and(|c| c != 101),
            "{format}: {}",
            err(&o)
        );
        assert!(!err(&o).contains("panicked"), "{}", err(&o));
    }
    let dir = scratch("quiet");
    let o = run(&dir, &["--no-config", "-q", "a.json"]);
    assert!(
        out(&o)
            .contains("a.json: CreateJob (detected), service model latest: 21 errors, 2 warnings"),
        "{}",
        out(&o)
    );
    assert!(!out(&o).contains("warning["), "{}", out(&o));
}

/// A walk once turned each name into UTF-8 (lossy) and then could not open a file whose name is
/// not UTF-8 ("cannot read ...\u{fffd}..."): such a file is now read by its real name, checked and
/// shown with the replacement character; `--fix` writes it under its real name.
#[cfg(unix)]
#[test]
fn walks_read_files_whose_names_are_not_utf8() {
    use std::os::unix::ffi::OsStrExt;
    let dir = scratch("non-utf8");
    std::fs::remove_file(dir.join("a.json")).unwrap();
    std::fs::create_dir(dir.join("jobs")).unwrap();
    let name = std::ffi::OsStr::from_bytes(b"caf\xe9.json");
    std::fs::copy(
        repo().join("examples/broken.job.json"),
        dir.join("jobs").join(name),
    )
    .unwrap();
    let o = run(&dir, &["jobs"]);
    assert_eq!(o.status.code(), Some(1), "{}", err(&o));
    assert!(!err(&o).contains("cannot read"), "{}", err(&o));
    assert!(
        out(&o).contains("jobs/caf\u{fffd}.json: CreateJob"),
        "{}",
        out(&o)
    );
    let before = std::fs::read(dir.join("jobs").join(name)).unwrap();
    let o = run(&dir, &["--fix", "jobs"]);
    assert!(!err(&o).contains("cannot"), "{}", err(&o));
    assert_ne!(std::fs::read(dir.join("jobs").join(name)).unwrap(), before);
    let _ = std::fs::remove_dir_all(&dir);
}

/// A glob without a match, or a file that cannot be read, once showed only on standard error:
/// JSON output lists it as an entry with its error, and SARIF as an error notification of the
/// run's invocation (`executionSuccessful: false`), so a CI consumer of either sees that files
/// went unchecked.
#[test]
fn unreadable_inputs_are_in_json_and_sarif() {
    let dir = scratch("unread");
    std::fs::create_dir(dir.join("dir.json")).unwrap();
    let o = run(
        &dir,
        &["--format", "json", "nope/*.json", "a.json", "dir.json/"],
    );
    assert_eq!(o.status.code(), Some(2), "{}", err(&o));
    let v: serde_json::Value = serde_json::from_str(&out(&o)).unwrap();
    let files = v["files"].as_array().unwrap();
    assert_eq!(files[0]["path"], "nope/*.json");
    assert_eq!(files[0]["error"], "no file matches nope/*.json");
    assert_eq!(files[1]["path"], "dir.json/");
    assert_eq!(files.len(), 3, "{files:?}");
    assert!(files[2]["diagnostics"].is_array());
    let o = run(
        &dir,
        &["--format", "sarif", "nope/*.json", "a.json", "dir.json/"],
    );
    assert_eq!(o.status.code(), Some(2), "{}", err(&o));
    let v: serde_json::Value = serde_json::from_str(&out(&o)).unwrap();
    let invocation = &v["runs"][0]["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], false);
    let notes = invocation["toolExecutionNotifications"].as_array().unwrap();
    assert_eq!(notes.len(), 2, "{notes:?}");
    assert_eq!(notes[0]["message"]["text"], "no file matches nope/*.json");
    assert!(
        notes[1]["message"]["text"]
            .as_str()
            .unwrap()
            .starts_with("no *.json file or YAML template in directory dir.json"),
        "{notes:?}"
    );
    assert!(!v["runs"][0]["results"].as_array().unwrap().is_empty());
    // GitHub output annotates them too (the run's log is not where people look), and the total
    // counts them.
    let o = run(&dir, &["--format", "github", "nope/*.json", "a.json"]);
    assert!(
        out(&o).starts_with(
            "::error file=nope/*.json,title=iot-jobs-lint::no file matches nope/*.json\n"
        ),
        "{}",
        out(&o)
    );
    let o = run(&dir, &["nope/*.json", "a.json"]);
    assert!(
        out(&o).ends_with(
            "1 file checked: 21 errors, 2 warnings; 1 input could not be read or written\n"
        ),
        "{}",
        out(&o)
    );
    // A clean run says so.
    let o = run(&dir, &["--format", "sarif", "a.json"]);
    let v: serde_json::Value = serde_json::from_str(&out(&o)).unwrap();
    assert_eq!(v["runs"][0]["invocations"][0]["executionSuccessful"], true);
    let _ = std::fs::remove_dir_all(&dir);
}

/// `--fix` built its temporary file's name from the file's own, so a name of 230 bytes or more
/// (valid up to 255) could not be fixed ("File name too long").
#[test]
fn fix_writes_files_with_long_names() {
    let dir = scratch("long-name");
    let long = format!("{}.json", "a".repeat(245));
    std::fs::rename(dir.join("a.json"), dir.join(&long)).unwrap();
    let before = std::fs::read(dir.join(&long)).unwrap();
    let o = run(&dir, &["--fix", &long]);
    assert!(!err(&o).contains("cannot"), "{}", err(&o));
    assert_ne!(std::fs::read(dir.join(&long)).unwrap(), before);
    let leftovers: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty());
    let _ = std::fs::remove_dir_all(&dir);
}
