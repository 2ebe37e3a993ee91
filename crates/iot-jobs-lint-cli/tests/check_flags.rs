//! `check`'s output formats (SARIF, GitHub), its reporting flags, `--fix` / `--diff`, and
//! `explain`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const NOW: &str = "2026-12-01T00:00:00Z";

fn repo() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_iot-jobs-lint"))
        .current_dir(repo())
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

/// The example files, sorted, as paths relative to the repository.
fn examples() -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(repo().join("examples"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".json"))
        .map(|n| format!("examples/{n}"))
        .collect();
    v.sort();
    v
}

fn options() -> iot_jobs_lint::LintOptions {
    let now = chrono::DateTime::parse_from_rfc3339(NOW)
        .unwrap()
        .with_timezone(&chrono::Utc);
    iot_jobs_lint::LintOptions::new(now)
}

#[test]
fn sarif_output_is_the_cores_sarif_of_the_same_reports() {
    let files = examples();
    let mut args = vec!["check", "--now", NOW, "--format", "sarif"];
    args.extend(files.iter().map(String::as_str));
    let o = run(&args);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let got: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("SARIF is JSON");
    let texts: Vec<String> = files
        .iter()
        .map(|f| std::fs::read_to_string(repo().join(f)).unwrap())
        .collect();
    let reports: Vec<iot_jobs_lint::Report> = texts
        .iter()
        .map(|t| iot_jobs_lint::lint(t.as_bytes(), &options()))
        .collect();
    let file_reports: Vec<iot_jobs_lint::output::FileReport<'_>> = files
        .iter()
        .zip(&reports)
        .zip(&texts)
        .map(|((path, report), text)| iot_jobs_lint::output::FileReport {
            path,
            report,
            text: Some(text),
        })
        .collect();
    let want = iot_jobs_lint::output::sarif(&file_reports, &[], env!("CARGO_PKG_VERSION"));
    assert_eq!(got, want);
    assert_eq!(got["version"], "2.1.0");
}

#[test]
fn github_output_has_one_line_per_diagnostic() {
    let files = examples();
    let mut args = vec!["check", "--now", NOW, "--format", "github"];
    args.extend(files.iter().map(String::as_str));
    let o = run(&args);
    assert_eq!(o.status.code(), Some(1));
    let total: usize = files
        .iter()
        .map(|f| {
            let bytes = std::fs::read(repo().join(f)).unwrap();
            iot_jobs_lint::lint(&bytes, &options()).diagnostics.len()
        })
        .sum();
    let out = stdout(&o);
    assert_eq!(out.lines().count(), total);
    assert!(out.lines().all(|l| l.starts_with("::")), "{out}");
}

#[test]
fn quiet_statistics_total_and_max_warnings() {
    let files = examples();
    let mut args = vec!["check", "--now", NOW, "--quiet", "--statistics"];
    args.extend(files.iter().map(String::as_str));
    let o = run(&args);
    let out = stdout(&o);
    assert!(!out.contains("warning["), "--quiet hides warnings: {out}");
    assert!(out.contains("error["));
    assert!(out.contains("Statistics:"));
    assert!(
        out.contains("targets/duplicate"),
        "statistics count warnings too"
    );
    assert!(
        out.contains(&format!("{} files checked: ", files.len())),
        "{out}"
    );
    // A file with one warning and no error: --max-warnings decides.
    let one = "tests/corpus/abort/all-with-specific.json";
    let o = run(&["check", "--now", NOW, one]);
    assert_eq!(o.status.code(), Some(0));
    let o = run(&["check", "--now", NOW, "--max-warnings", "1", one]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let o = run(&["check", "--now", NOW, "--max-warnings", "0", one]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("more than --max-warnings 0"));
    // --quiet: a file with warnings only prints no diagnostic.
    let o = run(&["check", "--now", NOW, "--quiet", one]);
    assert_eq!(stdout(&o), "");
}

#[test]
fn diff_prints_what_fix_would_change_and_writes_nothing() {
    let path = "examples/broken.job.json";
    let before = std::fs::read(repo().join(path)).unwrap();
    let o = run(&["check", "--now", NOW, "--diff", path]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.starts_with("--- a/examples/broken.job.json\n+++ b/examples/broken.job.json\n"));
    assert!(
        out.contains("\n-  \"targetSelection\": \"snapshot\",\n"),
        "{out}"
    );
    assert!(
        out.contains("\n+  \"targetSelection\": \"SNAPSHOT\",\n"),
        "{out}"
    );
    assert_eq!(std::fs::read(repo().join(path)).unwrap(), before);
    assert!(stderr(&o).contains("would be applied"));
    // A valid file: nothing to change, exit 0, no diff.
    let o = run(&[
        "check",
        "--now",
        NOW,
        "--diff",
        "examples/firmware-ota.job.json",
    ]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(stdout(&o), "");
}

/// A fresh directory under the system's temporary directory.
fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("iot-jobs-lint-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn fix_the_corpus_leaves_no_safe_fix_and_breaks_no_json() {
    let dir = temp_dir("fix-corpus");
    let mut inputs = Vec::new();
    for sub in std::fs::read_dir(repo().join("tests/corpus")).unwrap() {
        let sub = sub.unwrap().path();
        for f in std::fs::read_dir(&sub).unwrap() {
            let f = f.unwrap().path();
            let name = f.file_name().unwrap().to_string_lossy().into_owned();
            if !name.ends_with(".json") || name.ends_with(".expect.json") {
                continue;
            }
            let subname = sub.file_name().unwrap().to_string_lossy().into_owned();
            let target = dir.join(format!("{subname}--{name}"));
            std::fs::copy(&f, &target).unwrap();
            inputs.push(target);
        }
    }
    assert!(inputs.len() > 100);
    let parsed_before: Vec<bool> = inputs
        .iter()
        .map(|p| serde_json::from_slice::<serde_json::Value>(&std::fs::read(p).unwrap()).is_ok())
        .collect();
    let paths: Vec<String> = inputs.iter().map(|p| p.display().to_string()).collect();
    let mut args = vec!["check", "--now", NOW, "--fix", "--format", "json"];
    args.extend(paths.iter().map(String::as_str));
    let o = run(&args);
    let summary = stderr(&o);
    let applied: usize = summary
        .lines()
        .find_map(|l| l.split_once(" fixes applied"))
        .and_then(|(n, _)| n.parse().ok())
        .expect("a fix summary");
    assert!(applied > 0, "{summary}");
    // Re-lint: no diagnostic with a safe fix is left.
    let mut args = vec!["check", "--now", NOW, "--format", "json"];
    args.extend(paths.iter().map(String::as_str));
    let o = run(&args);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    for file in v["files"].as_array().unwrap() {
        for d in file["diagnostics"].as_array().into_iter().flatten() {
            let first = &d["fixes"][0];
            assert_ne!(
                first["applicability"], "safe",
                "{}: {} still has a safe fix",
                file["path"], d["code"]
            );
        }
    }
    for (p, before) in inputs.iter().zip(parsed_before) {
        if before {
            let after = std::fs::read(p).unwrap();
            assert!(
                serde_json::from_slice::<serde_json::Value>(&after).is_ok(),
                "{} no longer parses",
                p.display()
            );
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn fix_writes_the_file_and_stdin_prints_the_fixed_text() {
    let dir = temp_dir("fix-one");
    let file = dir.join("broken.job.json");
    std::fs::copy(repo().join("examples/broken.job.json"), &file).unwrap();
    let shown = file.display().to_string();
    let o = run(&["check", "--now", NOW, "--fix", &shown]);
    assert!(
        stderr(&o).contains("2 fixes applied in 1 file;"),
        "{}",
        stderr(&o)
    );
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains("\"SNAPSHOT\""));
    // Nothing left to change.
    let o = run(&["check", "--now", NOW, "--diff", &shown]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));

    let mut child = Command::new(env!("CARGO_BIN_EXE_iot-jobs-lint"))
        .args(["check", "--now", NOW, "--fix", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    {
        use std::io::Write;
        let input = std::fs::read(repo().join("examples/broken.job.json")).unwrap();
        child.stdin.take().unwrap().write_all(&input).unwrap();
    }
    let o = child.wait_with_output().unwrap();
    assert_eq!(stdout(&o), text);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn explain_a_rule_and_an_unknown_code() {
    let o = run(&["explain", "targets/duplicate"]);
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    assert!(out.starts_with("### `targets/duplicate`"), "{out}");
    assert!(out.contains("- Severity: **warning**"));
    assert!(
        out.contains("warning[targets/duplicate]"),
        "the failing example's diagnostic"
    );
    assert!(out.contains("Passes"));
    let o = run(&["explain", "targets/duplicat"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("did you mean `targets/duplicate`?"));
}
