//! The CLI as a user runs it: output snapshots (human and JSON) and exit codes.

use std::path::Path;
use std::process::{Command, Output, Stdio};

const NOW: &str = "2026-12-01T00:00:00Z";

fn repo() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

fn run(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_iot-jobs-lint"));
    cmd.current_dir(repo()).args(args).env_remove("NO_COLOR");
    cmd.stdin(if stdin.is_some() {
        Stdio::piped()
    } else {
        Stdio::null()
    });
    cmd.stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("binary runs");
    if let Some(input) = stdin {
        use std::io::Write;
        child.stdin.take().unwrap().write_all(input).unwrap();
    }
    child.wait_with_output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

#[test]
fn human_output_of_the_broken_example() {
    let o = run(&["check", "--now", NOW, "examples/broken.job.json"], None);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(
        !out.contains('\u{1b}'),
        "no colour when stdout is not a terminal"
    );
    insta::assert_snapshot!("broken_human", out);
}

#[test]
fn json_output_of_the_broken_example() {
    let o = run(
        &[
            "check",
            "--now",
            NOW,
            "--format",
            "json",
            "examples/broken.job.json",
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("JSON output");
    let file = &v["files"][0];
    assert_eq!(file["path"], "examples/broken.job.json");
    assert_eq!(file["operation"], "create-job");
    assert_eq!(file["serviceModel"], "latest");
    for d in file["diagnostics"].as_array().unwrap() {
        for key in [
            "code", "severity", "pointer", "message", "help", "line", "column",
        ] {
            assert!(d.get(key).is_some(), "diagnostic has {key}: {d}");
        }
    }
    insta::assert_json_snapshot!("broken_json", v);
}

#[test]
fn valid_examples_pass() {
    let examples = [
        "examples/firmware-ota.job.json",
        "examples/reboot-from-managed-template.job.json",
        "examples/nightly-maintenance.job-template.json",
        "examples/describe-job.output.json",
        "examples/describe-job-template.output.json",
    ];
    let mut args = vec!["check", "--now", NOW];
    args.extend(examples);
    let o = run(&args, None);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    insta::assert_snapshot!("valid_human", stdout(&o));
}

#[test]
fn stdin_and_explicit_operation() {
    let input = br#"{"jobTemplateId": "bad id!", "description": "d", "document": "{}"}"#;
    let o = run(
        &[
            "check",
            "--now",
            NOW,
            "--operation",
            "create-job-template",
            "--format",
            "json",
            "-",
        ],
        Some(input),
    );
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["files"][0]["path"], "<stdin>");
    assert_eq!(v["files"][0]["diagnostics"][0]["code"], "model/pattern");
    assert_eq!(v["files"][0]["diagnostics"][0]["pointer"], "/jobTemplateId");
}

#[test]
fn service_model_edition_changes_the_verdict() {
    let input = br#"{"jobTemplateId": "t", "description": "d", "document": "{}",
        "maintenanceWindows": [{"startTime": "cron(0 2 ? * SUN *)", "durationInMinutes": 15}]}"#;
    let latest = run(&["check", "--now", NOW, "-"], Some(input));
    assert_eq!(latest.status.code(), Some(0), "{}", stdout(&latest));
    let old = run(
        &["check", "--now", NOW, "--service-model", "2023-03-02", "-"],
        Some(input),
    );
    assert_eq!(old.status.code(), Some(1));
    assert!(
        stdout(&old).contains("between 30 and 1430"),
        "{}",
        stdout(&old)
    );
}

#[test]
fn exit_code_two_for_usage_and_io() {
    let missing = run(&["check", "--now", NOW, "no/such/file.json"], None);
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("cannot read no/such/file.json"));
    let bad_now = run(
        &[
            "check",
            "--now",
            "tomorrow",
            "examples/firmware-ota.job.json",
        ],
        None,
    );
    assert_eq!(bad_now.status.code(), Some(2));
    let undetected = run(
        &["check", "--now", NOW, "-"],
        Some(br#"{"description": "what is this?"}"#),
    );
    assert_eq!(undetected.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&undetected.stderr).contains("--operation"));
}

#[test]
fn malformed_json_is_a_diagnostic_not_a_crash() {
    let o = run(
        &["check", "--now", NOW, "--format", "json", "-"],
        Some(b"{\n  \"jobId\": \"a\",\n  \"targets\": [,]\n}"),
    );
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let d = &v["files"][0]["diagnostics"][0];
    assert_eq!(d["code"], "json/syntax");
    assert_eq!(d["line"], 3);
}

#[test]
fn rules_listing_matches_the_registry() {
    let o = run(&["rules", "--format", "json"], None);
    assert_eq!(o.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(
        v.as_array().unwrap().len(),
        iot_jobs_lint::registry::all().len()
    );
    let md = run(&["rules", "--format", "markdown"], None);
    assert_eq!(stdout(&md), iot_jobs_lint::registry::markdown());
}

#[test]
fn schedule_of_the_examples() {
    let o = run(
        &[
            "schedule",
            "--now",
            NOW,
            "examples/firmware-ota.job.json",
            "examples/nightly-maintenance.job-template.json",
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(0));
    insta::assert_snapshot!("schedule_human", stdout(&o));
}

#[test]
fn schedule_json_in_the_describe_job_shape() {
    let o = run(
        &[
            "schedule",
            "--now",
            NOW,
            "--format",
            "json",
            "examples/describe-job.output.json",
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let file = &v["files"][0];
    assert_eq!(file["path"], "examples/describe-job.output.json");
    // The preview equals what DescribeJob itself reported.
    let described: serde_json::Value = serde_json::from_slice(
        &std::fs::read(repo().join("examples/describe-job.output.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(
        file["scheduledJobRollouts"],
        described["job"]["scheduledJobRollouts"]
    );
    assert_eq!(
        file["windows"][0],
        serde_json::json!({"start": "2026-12-05T22:00", "end": "2026-12-06T04:00", "maintenanceWindow": 0})
    );
}

#[test]
fn schedule_that_never_fires_is_empty_with_a_diagnostic() {
    let input = br#"{"jobTemplateId": "t", "description": "d", "document": "{}",
        "maintenanceWindows": [{"startTime": "cron(0 0 30 2 ? *)", "durationInMinutes": 60}]}"#;
    let o = run(
        &["schedule", "--now", NOW, "--format", "json", "-"],
        Some(input),
    );
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["files"][0]["scheduledJobRollouts"], serde_json::json!([]));
    assert_eq!(v["files"][0]["diagnostics"][0]["code"], "cron/never-fires");
}

#[test]
fn a_closed_pipe_is_not_a_crash() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_iot-jobs-lint"))
        .current_dir(repo())
        .args([
            "check",
            "--now",
            NOW,
            "examples/broken.job.json",
            "examples/broken.job.json",
            "examples/broken.job.json",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take()); // the reader goes away before the first byte
    let o = child.wait_with_output().unwrap();
    assert_eq!(
        o.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(!String::from_utf8_lossy(&o.stderr).contains("panicked"));
}

#[test]
fn unreadable_files_are_listed_in_json_output() {
    let o = run(
        &[
            "check",
            "--now",
            NOW,
            "--format",
            "json",
            "no/such.json",
            "examples/firmware-ota.job.json",
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(2));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["files"][0]["path"], "no/such.json");
    assert!(
        v["files"][0]["error"]
            .as_str()
            .unwrap()
            .starts_with("cannot read no/such.json")
    );
    assert_eq!(v["files"][1]["diagnostics"], serde_json::json!([]));
}

#[test]
fn human_output_cannot_be_hijacked_by_escape_sequences() {
    let input = "{\"jobId\": \"j\", \"targets\": [\"x\\u001b]0;title\\u0007\"], \"document\": \"{}\",\n \"\\u001b[2J\\r\\nerror: fake\": 1}";
    let o = run(&["check", "--now", NOW, "-"], Some(input.as_bytes()));
    let out = stdout(&o);
    assert!(
        !out.chars()
            .any(|c| c == '\u{1b}' || c == '\u{7}' || c == '\r'),
        "{out:?}"
    );
    assert!(!out.lines().any(|l| l.starts_with("error: fake")), "{out}");
}

/// The README's "Diagnostics" section shows an input and what `check --format json` prints for
/// it: both are real, and stay so.
#[test]
fn readme_diagnostics_example_is_real_output() {
    let readme = std::fs::read_to_string(repo().join("README.md")).unwrap();
    let section = readme
        .split("\n## Diagnostics\n")
        .nth(1)
        .expect("README has a Diagnostics section");
    let section = section.split("\n## ").next().unwrap();
    let blocks: Vec<&str> = section
        .split("```json\n")
        .skip(1)
        .map(|b| b.split("\n```").next().unwrap())
        .collect();
    let [input, output] = blocks[..] else {
        panic!("the Diagnostics section has an input and an output JSON block");
    };
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("readme-diagnostics");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("release.job.json"), format!("{input}\n")).unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_iot-jobs-lint"))
        .current_dir(&dir)
        .args([
            "check",
            "--now",
            NOW,
            "--format",
            "json",
            "release.job.json",
        ])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    let got: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let shown: serde_json::Value = serde_json::from_str(output).unwrap();
    assert_eq!(
        got,
        shown,
        "README.md's Diagnostics example is stale; the CLI now prints:\n{}",
        serde_json::to_string_pretty(&got).unwrap()
    );
}

#[test]
fn max_input_bytes_refuses_a_larger_file_unread() {
    let o = run(
        &[
            "check",
            "--now",
            NOW,
            "--max-input-bytes",
            "100",
            "--format",
            "json",
            "examples/firmware-ota.job.json",
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let d = &v["files"][0]["diagnostics"];
    assert_eq!(d.as_array().unwrap().len(), 1, "{d}");
    assert_eq!(d[0]["code"], "input/too-large");
    let size = std::fs::metadata(repo().join("examples/firmware-ota.job.json"))
        .unwrap()
        .len();
    assert_eq!(
        d[0]["message"],
        format!("the input is {size} bytes, over the limit of 100 bytes; it is not checked")
    );
    // At the default limit the same file is checked.
    let o = run(
        &["check", "--now", NOW, "examples/firmware-ota.job.json"],
        None,
    );
    assert_eq!(o.status.code(), Some(0));
}

/// Standard input is read no further than the limit: an endless stream ends, and the message
/// says "more than" (its length is not known).
#[test]
fn standard_input_is_read_up_to_the_limit() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_iot-jobs-lint"))
        .args(["check", "--max-input-bytes", "1000", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    // An endless writer: it stops when the linter closes the pipe.
    let writer = std::thread::spawn(move || {
        use std::io::Write;
        let block = [b' '; 4096];
        while stdin.write_all(&block).is_ok() {}
    });
    let o = child.wait_with_output().unwrap();
    writer.join().unwrap();
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(
        out.contains("error[input/too-large]: the input is more than the limit of 1000 bytes; it was read no further"),
        "{out}"
    );
}

/// Devices and FIFOs are refused by type before they are opened: `/dev/zero` would be read
/// forever, and opening a FIFO with no writer blocks forever.
#[cfg(unix)]
#[test]
fn devices_and_fifos_are_refused() {
    let o = run(
        &[
            "check",
            "--now",
            NOW,
            "/dev/zero",
            "examples/firmware-ota.job.json",
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("cannot read /dev/zero: it is a character device, not a regular file"),
        "{err}"
    );
    // The other file is still checked.
    assert!(stdout(&o).contains("examples/firmware-ota.job.json: CreateJob (detected)"));
    let dir = std::env::temp_dir().join(format!("iot-jobs-lint-fifo-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let fifo = dir.join("pipe");
    let _ = std::fs::remove_file(&fifo);
    match Command::new("mkfifo").arg(&fifo).status() {
        Ok(s) if s.success() => {
            let o = run(&["check", fifo.to_str().unwrap()], None);
            assert_eq!(o.status.code(), Some(2));
            assert!(
                String::from_utf8_lossy(&o.stderr).contains("it is a FIFO (named pipe)"),
                "{}",
                String::from_utf8_lossy(&o.stderr)
            );
        }
        _ => eprintln!("skipped the FIFO case: no mkfifo on this machine"),
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// The JSON output is written entry by entry and is still one JSON document.
#[test]
fn json_output_of_several_files_is_one_document() {
    for command in ["check", "schedule"] {
        let o = run(
            &[
                command,
                "--now",
                NOW,
                "--format",
                "json",
                "examples/firmware-ota.job.json",
                "no/such.json",
                "examples/nightly-maintenance.job-template.json",
            ],
            None,
        );
        assert_eq!(o.status.code(), Some(2));
        let out = stdout(&o);
        assert!(out.ends_with("]}\n"), "{out}");
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        let files = v["files"].as_array().unwrap();
        assert_eq!(files.len(), 3);
        assert_eq!(
            files[2]["path"],
            "examples/nightly-maintenance.job-template.json"
        );
    }
}
