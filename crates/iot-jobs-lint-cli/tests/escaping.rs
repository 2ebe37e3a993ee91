//! Every character a terminal or a one-line report would act on (C0 and C1 controls, DEL, format
//! characters such as the bidirectional overrides, U+2028/U+2029, private-use and unassigned code
//! points), placed where the linter echoes user text — a file name, a member name, a value, a
//! cron token, an enum value — never reaches the human output raw, nor the `message`, `help` or
//! fix messages of the JSON output. (Pointers stay exact by design, and JSON output escapes what
//! JSON must; the npm package returns the core's messages, checked in pkg/test.)

use iot_jobs_lint::text::is_unsafe;
use std::process::Command;

/// The code points checked: every C0/C1 control and DEL, every format character, line and
/// paragraph separator and private-use character of the Basic Multilingual Plane, and a sample
/// of the other planes' private-use and unassigned code points.
fn unsafe_chars() -> Vec<char> {
    let bmp = (0u32..0x1_0000).filter_map(char::from_u32);
    let sample = [
        0xE0001, 0xF0000, 0xFFFFD, 0x10_0000, 0x10_FFFD, 0x2_FFFF, 0xE_0080,
    ];
    let chars: Vec<char> = bmp
        .chain(sample.into_iter().filter_map(char::from_u32))
        .filter(|&c| is_unsafe(c) && c != '\u{0}')
        .collect();
    assert!(chars.len() > 6000, "{}", chars.len());
    chars
}

/// A request that echoes `s` in a value, a member name, a cron token and an enum value.
fn hostile_request(s: &str) -> String {
    serde_json::json!({
        "jobId": format!("id{s}"),
        "targets": ["arn:aws:iot:us-east-1:111122223333:thing/x"],
        "document": "{}",
        format!("timeoutConfg{s}"): {},
        "targetSelection": format!("SNAP{s}"),
        "schedulingConfig": {
            "maintenanceWindows": [{"startTime": format!("cron(0 2{s} ? * SUN *)"), "durationInMinutes": 60}]
        }
    })
    .to_string()
}

#[test]
fn no_unsafe_character_reaches_the_output() {
    let dir = std::env::temp_dir().join(format!("iot-jobs-lint-escaping-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let chars = unsafe_chars();
    // Chunks keep each message's echo (cut at 60 code points) covering different characters.
    let mut files = Vec::new();
    for (n, chunk) in chars.chunks(24).enumerate() {
        let s: String = chunk.iter().collect();
        // File names cannot hold NUL or '/'; everything else goes into the name too.
        let name: String = s.chars().filter(|&c| c != '/').take(8).collect();
        let path = dir.join(format!("f{n}-{name}.json"));
        std::fs::write(&path, hostile_request(&s)).unwrap();
        files.push(path);
    }
    for chunk in files.chunks(64) {
        for format in ["human", "json"] {
            let out = Command::new(env!("CARGO_BIN_EXE_iot-jobs-lint"))
                .args(["check", "--now", "2026-01-01T00:00:00Z", "--format", format])
                .args(chunk)
                .output()
                .unwrap();
            let stdout = String::from_utf8(out.stdout).unwrap();
            let stderr = String::from_utf8(out.stderr).unwrap();
            assert!(!stdout.is_empty());
            if format == "human" {
                for text in [&stdout, &stderr] {
                    let bad: Vec<char> = text
                        .chars()
                        .filter(|&c| is_unsafe(c) && c != '\n')
                        .collect();
                    assert!(bad.is_empty(), "raw {bad:?} in the human output");
                }
            } else {
                let report: serde_json::Value = serde_json::from_str(&stdout).unwrap();
                for file in report["files"].as_array().unwrap() {
                    let diagnostics = file["diagnostics"].as_array().unwrap();
                    assert!(diagnostics.len() >= 4, "{file}");
                    for d in diagnostics {
                        let mut prose = vec![&d["message"], &d["help"]];
                        prose.extend(d["fixes"].as_array().unwrap().iter().map(|f| &f["message"]));
                        prose.extend(
                            d["related"]
                                .as_array()
                                .unwrap()
                                .iter()
                                .map(|r| &r["message"]),
                        );
                        for p in prose.into_iter().filter_map(|p| p.as_str()) {
                            assert!(!p.chars().any(is_unsafe), "raw unsafe character in {p:?}");
                        }
                    }
                }
            }
        }
    }
    std::fs::remove_dir_all(&dir).ok();
}
