//! `check` with a configuration file, `--select`/`--ignore`, baselines, directories, glob
//! patterns, `--stdin-filename`, and the parallel run's output order. Each test works in its own
//! scratch directory.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const NOW: &str = "2026-12-01T00:00:00Z";

fn repo() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

/// A fresh scratch directory holding `files` (path, content).
fn scratch(name: &str, files: &[(&str, &str)]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("iot-jobs-lint-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    for (path, content) in files {
        let p = dir.join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, content).unwrap();
    }
    dir
}

fn run_in(dir: &Path, args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_iot-jobs-lint"))
        .current_dir(dir)
        .arg("check")
        .args(["--now", NOW])
        .args(args)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    if let Some(input) = stdin {
        child.stdin.take().unwrap().write_all(input).unwrap();
    }
    child.wait_with_output().unwrap()
}

fn out(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn err(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

/// The codes in JSON output, per file: `(path, [codes])`.
fn codes(o: &Output) -> Vec<(String, Vec<String>)> {
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    v["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let codes = f["diagnostics"]
                .as_array()
                .map(|d| {
                    d.iter()
                        .map(|d| {
                            format!(
                                "{}:{}",
                                d["code"].as_str().unwrap(),
                                d["severity"].as_str().unwrap()
                            )
                        })
                        .collect()
                })
                .unwrap_or_default();
            (f["path"].as_str().unwrap().to_string(), codes)
        })
        .collect()
}

fn broken() -> String {
    std::fs::read_to_string(repo().join("examples/broken.job.json")).unwrap()
}

const BAD_TAGS: &str = r#"{"jobId":"a","targets":["arn:aws:iot:us-east-1:111122223333:thing/x"],"document":"{}","tags":[{"Key":"aws:x","Value":"1"}],"timeoutConfig":{"inProgressTimeoutInMinutes":0}}"#;

#[test]
fn configuration_selects_ignores_and_overrides() {
    let dir = scratch(
        "select",
        &[
            (
                "iot-jobs-lint.toml",
                "ignore = [\"tags\"]\n[severity]\n\"timeout/in-progress-range\" = \"warning\"\n",
            ),
            ("jobs/a.json", BAD_TAGS),
        ],
    );
    let o = run_in(&dir, &["--format", "json", "jobs"], None);
    assert_eq!(
        codes(&o),
        [(
            "jobs/a.json".to_string(),
            vec!["timeout/in-progress-range:warning".to_string()]
        )]
    );
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    // --no-config: every rule at its own severity.
    let o = run_in(&dir, &["--format", "json", "--no-config", "jobs"], None);
    assert_eq!(
        codes(&o)[0].1,
        [
            "tags/reserved-prefix:error",
            "timeout/in-progress-range:error"
        ]
    );
    assert_eq!(o.status.code(), Some(1));
    // --select replaces the file's select; --ignore adds to its ignore.
    let o = run_in(
        &dir,
        &[
            "--format",
            "json",
            "--no-config",
            "--select",
            "tags",
            "jobs",
        ],
        None,
    );
    assert_eq!(codes(&o)[0].1, ["tags/reserved-prefix:error"]);
    let o = run_in(
        &dir,
        &["--format", "json", "--ignore", "timeout", "jobs"],
        None,
    );
    assert_eq!(codes(&o)[0].1, Vec::<String>::new());
    // The file found upward from a file in a subdirectory applies too.
    let o = run_in(&dir.join("jobs"), &["--format", "json", "a.json"], None);
    assert_eq!(codes(&o)[0].1, ["timeout/in-progress-range:warning"]);
}

#[test]
fn configuration_errors_have_positions_and_suggestions() {
    let dir = scratch(
        "config-errors",
        &[
            (
                "iot-jobs-lint.toml",
                "select = [\"crn\"]\nignore = [\"json/syntax\"]\nservice-model = \"2024\"\n[severity]\n\"window/overlap\" = \"loud\"\n",
            ),
            ("a.json", BAD_TAGS),
        ],
    );
    let o = run_in(&dir, &["a.json"], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        out(&o).is_empty(),
        "nothing is checked with a broken configuration"
    );
    let e = err(&o);
    for expected in [
        "iot-jobs-lint.toml:1:11: unknown rule or family `crn`; did you mean `cron`?",
        "iot-jobs-lint.toml:2:11: `json/syntax` cannot be ignored",
        "iot-jobs-lint.toml:3:17: `2024` is not a service model",
        "iot-jobs-lint.toml:5:20: `loud` is not a level",
    ] {
        assert!(e.contains(expected), "missing {expected:?} in\n{e}");
    }
    assert_eq!(e.matches("`crn`").count(), 1, "reported once:\n{e}");
    std::fs::write(dir.join("iot-jobs-lint.toml"), "selct = [\"cron\"]\n").unwrap();
    let e = err(&run_in(&dir, &["a.json"], None));
    assert!(
        e.contains("iot-jobs-lint.toml:1:1: unknown key `selct`; did you mean `select`?"),
        "{e}"
    );
    // --config names the file; a bad --select is an error too.
    let o = run_in(
        &dir,
        &["--no-config", "--select", "targets/dupe", "a.json"],
        None,
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        err(&o).contains("did you mean `targets/duplicate`?"),
        "{}",
        err(&o)
    );
}

#[test]
fn per_file_ignores_exclude_and_service_model() {
    let windows = r#"{"jobId":"a","targets":["arn:aws:iot:us-east-1:111122223333:thing/x"],"document":"{}","schedulingConfig":{"startTime":"2027-01-01T00:00","maintenanceWindows":[{"startTime":"cron(0 2 ? * SUN *)","durationInMinutes":60}]}}"#;
    let dir = scratch(
        "per-file",
        &[
            (
                "iot-jobs-lint.toml",
                "service-model = \"2023-03-02\"\nexclude = [\"generated/**\"]\n[per-file-ignores]\n\"legacy/*.json\" = [\"tags/reserved-prefix\"]\n",
            ),
            ("legacy/a.json", BAD_TAGS),
            ("new/a.json", BAD_TAGS),
            ("generated/a.json", BAD_TAGS),
            ("w.json", windows),
        ],
    );
    let o = run_in(&dir, &["--format", "json", "."], None);
    let got = codes(&o);
    let paths: Vec<&str> = got.iter().map(|(p, _)| p.as_str()).collect();
    assert_eq!(
        paths,
        ["legacy/a.json", "new/a.json", "w.json"],
        "generated/ is excluded"
    );
    assert_eq!(got[0].1, ["timeout/in-progress-range:error"]);
    assert_eq!(
        got[1].1,
        [
            "tags/reserved-prefix:error",
            "timeout/in-progress-range:error"
        ]
    );
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["files"][2]["serviceModel"], "2023-03-02");
    // A file named on the command line is checked even when excluded.
    let o = run_in(&dir, &["--format", "json", "generated/a.json"], None);
    assert_eq!(codes(&o).len(), 1);
    // --service-model wins over the file.
    let o = run_in(
        &dir,
        &["--format", "json", "--service-model", "latest", "w.json"],
        None,
    );
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["files"][0]["serviceModel"], "latest");
}

#[test]
fn baseline_hides_accepted_findings_and_survives_edits() {
    let dir = scratch(
        "baseline",
        &[
            ("jobs/broken.json", &broken()),
            ("jobs/ok.json", "{\"jobId\":\"a\"}"),
        ],
    );
    let o = run_in(&dir, &["--write-baseline", "baseline.json", "jobs"], None);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        err(&o).contains("findings written to the baseline baseline.json"),
        "{}",
        err(&o)
    );
    let o = run_in(&dir, &["--baseline", "baseline.json", "jobs"], None);
    assert_eq!(o.status.code(), Some(0), "{}{}", out(&o), err(&o));
    assert!(
        out(&o).contains("2 files checked: 0 errors, 0 warnings"),
        "{}",
        out(&o)
    );
    // Unrelated edits (lines added above, a value changed elsewhere) keep the findings matched;
    // a new finding is reported, and the one fixed is counted as stale.
    let edited = format!("\n\n{}", broken())
        .replace("\"firmware update 2.5\"", "\"firmware-update-2-5\"")
        .replace("\"expiresInSec\": 7200", "\"expiresInSec\": 7201");
    std::fs::write(dir.join("jobs/broken.json"), edited).unwrap();
    let o = run_in(
        &dir,
        &["--baseline", "baseline.json", "--format", "json", "jobs"],
        None,
    );
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        codes(&o)[0].1,
        ["model/range:error"],
        "only the new value is reported"
    );
    assert!(
        err(&o).contains("of the baseline no longer found"),
        "{}",
        err(&o)
    );
    // A file that is not JSON is never hidden by a baseline.
    std::fs::write(dir.join("jobs/ok.json"), "{").unwrap();
    let o = run_in(
        &dir,
        &["--baseline", "baseline.json", "--format", "json", "jobs"],
        None,
    );
    assert_eq!(codes(&o)[1].1, ["json/syntax:error"]);
    // A broken baseline file is a usage error.
    std::fs::write(dir.join("bad.json"), "[]").unwrap();
    let o = run_in(&dir, &["--baseline", "bad.json", "jobs"], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        err(&o).contains("is not a baseline written by --write-baseline"),
        "{}",
        err(&o)
    );
}

#[test]
fn directories_respect_gitignore_and_hidden_files_and_globs_match() {
    let dir = scratch(
        "walk",
        &[
            (".gitignore", "ignored/\n"),
            ("ignored/a.json", BAD_TAGS),
            (".hidden/a.json", BAD_TAGS),
            ("jobs/b.job.json", BAD_TAGS),
            ("jobs/a.job.json", BAD_TAGS),
            ("jobs/notes.txt", "not json"),
            ("jobs/deep/c.job.json", BAD_TAGS),
            ("jobs/deep/d.json", BAD_TAGS),
        ],
    );
    let paths = |o: &Output| codes(o).into_iter().map(|(p, _)| p).collect::<Vec<_>>();
    let o = run_in(&dir, &["--format", "json", "."], None);
    assert_eq!(
        paths(&o),
        [
            "jobs/a.job.json",
            "jobs/b.job.json",
            "jobs/deep/c.job.json",
            "jobs/deep/d.json"
        ]
    );
    let o = run_in(&dir, &["--format", "json", "jobs/**/*.job.json"], None);
    assert_eq!(
        paths(&o),
        ["jobs/a.job.json", "jobs/b.job.json", "jobs/deep/c.job.json"]
    );
    let o = run_in(&dir, &["--format", "json", "jobs/*.job.json"], None);
    assert_eq!(paths(&o), ["jobs/a.job.json", "jobs/b.job.json"]);
    let o = run_in(&dir, &["nothing/**/*.json"], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        err(&o).contains("no file matches nothing/**/*.json"),
        "{}",
        err(&o)
    );
    // A directory named on the command line is walked even when an ignore file lists it (as
    // ripgrep does); what lies inside it is still filtered.
    let o = run_in(&dir, &["--format", "json", "ignored/"], None);
    assert_eq!(paths(&o), ["ignored/a.json"]);
    let o = run_in(&dir, &["jobs/notes.txt/"], None);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn stdin_filename_names_standard_input() {
    let dir = scratch(
        "stdin",
        &[(
            "iot-jobs-lint.toml",
            "[per-file-ignores]\n\"legacy/*\" = [\"tags\"]\n",
        )],
    );
    let o = run_in(
        &dir,
        &["--format", "json", "--stdin-filename", "legacy/x.json", "-"],
        Some(BAD_TAGS.as_bytes()),
    );
    assert_eq!(
        codes(&o),
        [(
            "legacy/x.json".to_string(),
            vec!["timeout/in-progress-range:error".to_string()]
        )]
    );
    let o = run_in(&dir, &["--format", "json", "-"], Some(BAD_TAGS.as_bytes()));
    assert_eq!(codes(&o)[0].0, "<stdin>");
    assert_eq!(codes(&o)[0].1.len(), 2);
}

#[test]
fn parallel_output_is_in_input_order() {
    // Many files of different sizes (so they finish out of order), checked on every core and on
    // one: the same bytes come out, in the order given.
    let mut corpus: Vec<String> = std::fs::read_dir(repo().join("tests/corpus"))
        .unwrap()
        .flat_map(|d| std::fs::read_dir(d.unwrap().path()).unwrap())
        .map(|e| e.unwrap().path().to_string_lossy().into_owned())
        .filter(|p| p.ends_with(".json") && !p.ends_with(".expect.json"))
        .collect();
    // Not sorted: the order of the arguments is the order of the output.
    corpus.reverse();
    assert!(corpus.len() > 300, "{}", corpus.len());
    let mut args: Vec<&str> = corpus.iter().map(String::as_str).collect();
    args.splice(0..0, ["--format", "json", "--operation", "create-job"]);
    let many = run_in(repo(), &args, None);
    let one = Command::new(env!("CARGO_BIN_EXE_iot-jobs-lint"))
        .env("RAYON_NUM_THREADS", "1")
        .arg("check")
        .args(["--now", NOW])
        .args(&args)
        .output()
        .unwrap();
    assert_eq!(many.stdout, one.stdout);
    let listed: Vec<String> = codes(&many).into_iter().map(|(p, _)| p).collect();
    assert_eq!(listed, corpus);
}

/// `[operations]` says what a file is when its content cannot tell (a template without its
/// `jobTemplateId`, here): the first matching glob, `--operation` over it, and a misspelled
/// operation is an error at its place with a suggestion.
#[test]
fn operations_table_says_what_a_file_is() {
    let template = r#"{"description": "d", "document": "{}"}"#;
    let dir = scratch(
        "operations",
        &[
            (
                "iot-jobs-lint.toml",
                "[operations]\n\"templates/**/*.json\" = \"create-job-template\"\n\"*.out.json\" = \"DescribeJob\"\n",
            ),
            ("templates/a.json", template),
            ("other/a.json", template),
        ],
    );
    let o = run_in(
        &dir,
        &["--format", "json", "templates/a.json", "other/a.json"],
        None,
    );
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(
        v["files"][0]["operation"],
        "create-job-template",
        "{}",
        out(&o)
    );
    assert_eq!(v["files"][0]["operationDetected"], false);
    assert_eq!(v["files"][1]["operation"], serde_json::Value::Null);
    assert_eq!(
        codes(&o)[1].1,
        ["input/operation-unknown:error"],
        "{}",
        out(&o)
    );
    // The command line wins.
    let o = run_in(
        &dir,
        &[
            "--format",
            "json",
            "--operation",
            "create-job",
            "templates/a.json",
        ],
        None,
    );
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["files"][0]["operation"], "create-job");
    std::fs::write(
        dir.join("iot-jobs-lint.toml"),
        "[operations]\n\"templates/**\" = \"create-jobs\"\n",
    )
    .unwrap();
    let o = run_in(&dir, &["templates/a.json"], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        err(&o).contains(
            "iot-jobs-lint.toml:2:18: `create-jobs` is not an operation; did you mean `create-job`?"
        ),
        "{}",
        err(&o)
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// `--fix -`: the fixed text on standard output, and what remains in it on standard error (it
/// once went nowhere).
#[test]
fn fix_on_standard_input_reports_what_remains_on_stderr() {
    let dir = scratch("fix-stdin", &[]);
    std::fs::create_dir_all(&dir).unwrap();
    let o = run_in(&dir, &["--fix", "-"], Some(broken().as_bytes()));
    assert_eq!(o.status.code(), Some(1));
    let fixed: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(fixed.is_object());
    assert!(err(&o).contains("error[model/pattern]"), "{}", err(&o));
    assert!(
        err(&o).contains("<stdin>: CreateJob (detected)"),
        "{}",
        err(&o)
    );
    let _ = std::fs::remove_dir_all(&dir);
}
