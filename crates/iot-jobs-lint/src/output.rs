//! Machine-readable reports of several checked files, shared by every front end that writes them
//! (the CLI, the npm package's command): SARIF 2.1.0 for code-scanning tools and GitHub Actions
//! workflow commands for pull-request annotations, and the `{"files":[...]}` JSON document of
//! `check --format json`. The same function gives the same bytes in a native build and in
//! WebAssembly.

use crate::diagnostic::{Applicability, Diagnostic, Severity};
use crate::{Report, registry};
use serde_json::{Value, json};

/// One checked file: the path as the user named it, and its report.
#[derive(Debug, Clone, Copy)]
pub struct FileReport<'a> {
    /// The path shown in the output (`-` or a `--stdin-filename` for standard input).
    pub path: &'a str,
    /// The findings.
    pub report: &'a Report,
    /// The file's text, for fingerprints that survive unrelated edits (`None`: fingerprints
    /// use the code, the pointer and the message only).
    pub text: Option<&'a str>,
}

/// The JSON document `{"files":[ENTRY,...]}` and a newline, one entry per file in the order
/// checked, written piece by piece so that a front end can stream it (memory holds one file's
/// report at a time): [`JsonFiles::START`], each entry from [`JsonFiles::read`],
/// [`JsonFiles::unreadable`] or [`JsonFiles::entry`] (comma included), then [`JsonFiles::END`].
#[derive(Debug, Default)]
pub struct JsonFiles {
    entries: usize,
}

/// A read file's entry: its path, then the report's members.
#[derive(serde::Serialize)]
struct ReadEntry<'a> {
    path: &'a str,
    #[serde(flatten)]
    report: &'a Report,
}

/// A file that could not be read: its path and why.
#[derive(serde::Serialize)]
struct UnreadableEntry<'a> {
    path: &'a str,
    error: &'a str,
}

impl JsonFiles {
    /// The opening of the document.
    pub const START: &'static str = "{\"files\":[";
    /// The closing of the document and a newline.
    pub const END: &'static str = "]}\n";

    /// A writer before its first entry.
    pub fn new() -> JsonFiles {
        JsonFiles::default()
    }

    /// The entry of a file that was read: `{"path":…,` then the report's members.
    pub fn read(&mut self, path: &str, report: &Report) -> String {
        self.push(&JsonFiles::read_entry(path, report))
    }

    /// The entry of a file that could not be read: `{"path":…,"error":…}`.
    pub fn unreadable(&mut self, path: &str, error: &str) -> String {
        self.push(&JsonFiles::unreadable_entry(path, error))
    }

    /// Any other entry (members in declaration order), preceded by a comma after the first.
    pub fn entry<T: serde::Serialize>(&mut self, entry: &T) -> String {
        self.push(&entry_text(entry))
    }

    /// A read file's entry without the separator, for a front end that serializes entries on
    /// worker threads and [`push`](Self::push)es them in order.
    pub fn read_entry(path: &str, report: &Report) -> String {
        entry_text(&ReadEntry { path, report })
    }

    /// An unreadable file's entry without the separator (see [`read_entry`](Self::read_entry)).
    pub fn unreadable_entry(path: &str, error: &str) -> String {
        entry_text(&UnreadableEntry { path, error })
    }

    /// An entry made by [`read_entry`](Self::read_entry) or
    /// [`unreadable_entry`](Self::unreadable_entry), preceded by a comma after the first.
    pub fn push(&mut self, entry: &str) -> String {
        let comma = if self.entries > 0 { "," } else { "" };
        self.entries += 1;
        format!("{comma}{entry}")
    }
}

/// One entry as JSON text (an error object if it cannot be serialized, which our types cannot).
fn entry_text<T: serde::Serialize>(entry: &T) -> String {
    serde_json::to_string(entry)
        .unwrap_or_else(|e| format!("{{\"error\":{}}}", Value::from(e.to_string())))
}

/// [`sarif`] as the text a front end prints: pretty-printed, and a newline. The same bytes as
/// [`sarif_results`] of each file put together by [`sarif_assemble`].
///
/// `unreadable`: the inputs that could not be read, as (path, message), listed as the run's
/// tool execution notifications (see [`sarif`]).
pub fn sarif_text(
    files: &[FileReport<'_>],
    unreadable: &[(String, String)],
    tool_version: &str,
) -> String {
    sarif_assemble(
        files.iter().flat_map(sarif_results),
        unreadable,
        tool_version,
    )
}

/// The indentation of a result inside the pretty-printed log (`runs[0].results[i]`).
const RESULT_INDENT: &str = "        ";

/// The results of one file as pretty-printed text, indented for their place in the log: what
/// a front end keeps per file instead of the reports (a result's text is a tenth of the memory
/// of its `serde_json::Value`), and later hands to [`sarif_assemble`].
pub fn sarif_results(file: &FileReport<'_>) -> Vec<String> {
    let rules = registry::all();
    file.report
        .diagnostics
        .iter()
        .map(|d| {
            let text = serde_json::to_string_pretty(&result(file, d, rules)).unwrap_or_default();
            let mut out = String::with_capacity(text.len() + text.len() / 8);
            for (i, line) in text.lines().enumerate() {
                if i > 0 {
                    out.push('\n');
                }
                out.push_str(RESULT_INDENT);
                out.push_str(line);
            }
            out
        })
        .collect()
}

/// The pretty-printed SARIF log (and a newline) around results made by [`sarif_results`], in
/// order: byte for byte what pretty-printing [`sarif`] of the same files gives.
pub fn sarif_assemble(
    results: impl IntoIterator<Item = String>,
    unreadable: &[(String, String)],
    tool_version: &str,
) -> String {
    let mut out = String::new();
    sarif_write(results, unreadable, tool_version, |piece| {
        out.push_str(piece)
    });
    out
}

/// [`sarif_assemble`] piece by piece into `sink` (standard output, say), so the log is never
/// held twice.
pub fn sarif_write(
    results: impl IntoIterator<Item = String>,
    unreadable: &[(String, String)],
    tool_version: &str,
    mut sink: impl FnMut(&str),
) {
    let skeleton = format!(
        "{}\n",
        serde_json::to_string_pretty(&sarif(&[], unreadable, tool_version)).unwrap_or_default()
    );
    let mut results = results.into_iter().peekable();
    let empty = "\"results\": []";
    let (Some(at), Some(_)) = (skeleton.find(empty), results.peek()) else {
        return sink(&skeleton);
    };
    let (head, tail) = skeleton.split_at(at);
    sink(head);
    sink("\"results\": [\n");
    for (i, r) in results.enumerate() {
        if i > 0 {
            sink(",\n");
        }
        sink(&r);
    }
    sink("\n      ]");
    sink(tail.get(empty.len()..).unwrap_or(""));
}

/// The SARIF level of a severity.
fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        _ => "note",
    }
}

/// A SARIF 2.1.0 log of `files`: one run whose driver lists every rule of the registry, one result
/// per diagnostic with its region (lines and code-point columns, and the byte range), related
/// locations, fixes as replacements, and a stable fingerprint. Its invocation records whether
/// every input was read: each of `unreadable` (path, message) is an error notification at that
/// path, and `executionSuccessful` is false when there is any (a code-scanning upload then shows
/// that files went unchecked instead of a clean result).
pub fn sarif(
    files: &[FileReport<'_>],
    unreadable: &[(String, String)],
    tool_version: &str,
) -> Value {
    let rules = registry::all();
    let descriptors: Vec<Value> = rules
        .iter()
        .map(|r| {
            let mut full = format!("{} Source: {}.", r.summary, r.source);
            if let Some(fix) = r.fix {
                full.push_str(&format!(" Fix ({fix})."));
            }
            json!({
                "id": r.code,
                "name": r.code.replace(['/', '-'], "_"),
                "shortDescription": { "text": r.summary },
                "fullDescription": { "text": full },
                "help": { "text": full, "markdown": registry::rule_help_markdown(r) },
                "defaultConfiguration": { "level": level(r.severity) },
                "properties": {
                    "tags": [r.code.split('/').next().unwrap_or_default()],
                    "jsonSchema": r.json_schema,
                },
            })
        })
        .collect();
    // Each result goes through the pretty-printed text that `sarif_results` writes (and back):
    // the same value as `to_value`, without a second serializer of every SARIF type in the
    // WebAssembly build (where `sarif_assemble` calls this with no files).
    let mut results: Vec<Value> = Vec::new();
    for file in files {
        for d in &file.report.diagnostics {
            let text = serde_json::to_string_pretty(&result(file, d, rules)).unwrap_or_default();
            results.push(serde_json::from_str(&text).unwrap_or_default());
        }
    }
    json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "iot-jobs-lint",
                    "version": tool_version,
                    "semanticVersion": tool_version,
                    "rules": descriptors,
                }
            },
            "columnKind": "unicodeCodePoints",
            "results": results,
            "invocations": [invocation(unreadable)],
        }]
    })
}

/// The run's invocation: successful unless an input could not be read.
fn invocation(unreadable: &[(String, String)]) -> Value {
    if unreadable.is_empty() {
        return json!({ "executionSuccessful": true });
    }
    let notifications: Vec<Value> = unreadable
        .iter()
        .map(|(path, message)| {
            json!({
                "level": "error",
                "message": { "text": message },
                "locations": [{ "physicalLocation": { "artifactLocation": { "uri": uri(path) } } }],
            })
        })
        .collect();
    json!({ "executionSuccessful": false, "toolExecutionNotifications": notifications })
}

// One SARIF result as typed structures: serialized directly (a `serde_json::Value` of maps was
// most of the cost of SARIF output), with fields in alphabetical order so the bytes are those
// of the `Value` (whose maps sort their keys) that [`sarif`] builds from the same structures.

/// `{"text": …}`.
#[derive(serde::Serialize)]
struct Text<'a> {
    text: std::borrow::Cow<'a, str>,
}

fn text<'a>(t: impl Into<std::borrow::Cow<'a, str>>) -> Text<'a> {
    Text { text: t.into() }
}

#[derive(serde::Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    byte_length: usize,
    byte_offset: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_column: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_line: Option<u32>,
    start_column: u32,
    start_line: u32,
}

#[derive(serde::Serialize)]
struct Artifact {
    uri: String,
}

#[derive(serde::Serialize)]
#[serde(rename_all = "camelCase")]
struct Physical {
    artifact_location: Artifact,
    region: Region,
}

#[derive(serde::Serialize)]
#[serde(rename_all = "camelCase")]
struct Logical<'a> {
    fully_qualified_name: &'a str,
    kind: &'static str,
}

#[derive(serde::Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifLocation<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    logical_locations: Option<[Logical<'a>; 1]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<Text<'a>>,
    physical_location: Physical,
}

#[derive(serde::Serialize)]
#[serde(rename_all = "camelCase")]
struct Deleted {
    byte_length: usize,
    byte_offset: usize,
}

#[derive(serde::Serialize)]
#[serde(rename_all = "camelCase")]
struct Replacement<'a> {
    deleted_region: Deleted,
    inserted_content: Text<'a>,
}

#[derive(serde::Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactChange<'a> {
    artifact_location: Artifact,
    replacements: Vec<Replacement<'a>>,
}

#[derive(serde::Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifFix<'a> {
    artifact_changes: [ArtifactChange<'a>; 1],
    description: Text<'a>,
}

#[derive(serde::Serialize)]
struct Fingerprints {
    #[serde(rename = "iotJobsLint/v1")]
    v1: String,
}

#[derive(serde::Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult<'a> {
    #[serde(skip_serializing_if = "Vec::is_empty")]
    fixes: Vec<SarifFix<'a>>,
    level: &'static str,
    locations: [SarifLocation<'a>; 1],
    message: Text<'a>,
    partial_fingerprints: Fingerprints,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<SarifLocation<'a>>,
    rule_id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    rule_index: Option<usize>,
}

fn region(
    d_line: u32,
    d_column: u32,
    end: Option<(u32, u32)>,
    span: &std::ops::Range<usize>,
) -> Region {
    Region {
        byte_length: span.end.saturating_sub(span.start),
        byte_offset: span.start,
        end_column: end.map(|e| e.1),
        end_line: end.map(|e| e.0),
        start_column: d_column,
        start_line: d_line,
    }
}

fn result<'a>(
    file: &FileReport<'_>,
    d: &'a Diagnostic,
    rules: &[crate::RuleInfo],
) -> SarifResult<'a> {
    let artifact = || Artifact {
        uri: uri(file.path),
    };
    let mut message = d.message.clone();
    if let Some(help) = &d.help {
        message.push_str(&format!("\nhelp: {help}"));
    }
    SarifResult {
        fixes: d
            .fixes
            .iter()
            .map(|f| SarifFix {
                artifact_changes: [ArtifactChange {
                    artifact_location: artifact(),
                    replacements: f
                        .edits
                        .iter()
                        .map(|e| Replacement {
                            deleted_region: Deleted {
                                byte_length: e.span.end.saturating_sub(e.span.start),
                                byte_offset: e.span.start,
                            },
                            inserted_content: text(e.replacement.as_str()),
                        })
                        .collect(),
                }],
                description: text(format!(
                    "{} ({})",
                    f.message,
                    match f.applicability {
                        Applicability::Safe => "safe",
                        _ => "suggested",
                    }
                )),
            })
            .collect(),
        level: level(d.severity),
        locations: [SarifLocation {
            id: None,
            logical_locations: Some([Logical {
                fully_qualified_name: &d.pointer,
                kind: "member",
            }]),
            message: None,
            physical_location: Physical {
                artifact_location: artifact(),
                region: region(d.line, d.column, Some((d.end_line, d.end_column)), &d.span),
            },
        }],
        message: text(message),
        partial_fingerprints: Fingerprints {
            v1: fingerprint(file.text, d),
        },
        related_locations: d
            .related
            .iter()
            .enumerate()
            .map(|(id, r)| SarifLocation {
                id: Some(id),
                logical_locations: None,
                message: Some(text(r.message.as_str())),
                physical_location: Physical {
                    artifact_location: artifact(),
                    region: region(r.line, r.column, None, &r.span),
                },
            })
            .collect(),
        rule_id: d.code.as_str(),
        rule_index: rules.iter().position(|r| r.code == d.code.as_str()),
    }
}

/// The path as a relative URI reference: `/` separators and percent-encoding of what a URI
/// cannot hold raw.
fn uri(path: &str) -> String {
    // A backslash separates directories on Windows only; elsewhere it is part of a name.
    let path = if cfg!(windows) {
        path.replace('\\', "/")
    } else {
        path.to_string()
    };
    let bytes = path.as_bytes();
    // An absolute path (or a Windows one, `C:/…`) is a `file:` URI; a relative one stays a
    // relative reference, where a `:` in the first segment would read as a scheme (`x:b.json`).
    let drive = bytes.get(1) == Some(&b':') && bytes.get(2) == Some(&b'/');
    let mut out = String::with_capacity(path.len() + 8);
    if path.starts_with('/') {
        out.push_str("file://");
    } else if drive {
        out.push_str("file:///");
    }
    let first_segment = if out.is_empty() {
        path.find('/').unwrap_or(path.len())
    } else {
        0
    };
    for (i, &b) in bytes.iter().enumerate() {
        let colon_as_scheme = b == b':' && i < first_segment;
        if !colon_as_scheme && (b.is_ascii_alphanumeric() || b"-._~/!$&'()*+,;=:@".contains(&b)) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// A fingerprint that survives edits elsewhere in the file: the code, the pointer and the
/// offending text of `text` (not its position; the message when the text is not known), hashed
/// with 64-bit FNV-1a (stable across versions and platforms, unlike the standard library's
/// hasher). SARIF's `partialFingerprints` and the CLI's baselines use it.
pub fn fingerprint(text: Option<&str>, d: &Diagnostic) -> String {
    let offending = text
        .and_then(|t| t.get(d.span.clone()))
        .unwrap_or(d.message.as_str());
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in [d.code.as_str(), "\u{0}", &d.pointer, "\u{0}", offending] {
        for b in part.bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    format!("{h:016x}")
}

/// GitHub Actions workflow commands, one line per diagnostic:
/// `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=CODE::MESSAGE`, escaped as the
/// runner requires (`%`, CR and LF in the message; also `:` and `,` in properties).
pub fn github(files: &[FileReport<'_>]) -> String {
    let mut out = String::new();
    for file in files {
        for d in &file.report.diagnostics {
            let command = match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                _ => "notice",
            };
            let mut message = d.message.clone();
            if let Some(help) = &d.help {
                message.push_str(&format!("\nhelp: {help}"));
            }
            out.push_str(&format!(
                "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}\n",
                escape_property(&crate::text::printable(file.path)),
                d.line,
                d.column,
                d.end_line,
                d.end_column,
                escape_property(d.code.as_str()),
                escape_data(&message)
            ));
        }
    }
    out
}

/// The workflow command for an input that could not be read (a file, or an argument that named
/// none), so that the run's annotations show it and not only its log.
pub fn github_unreadable(path: &str, message: &str) -> String {
    format!(
        "::error file={},title=iot-jobs-lint::{}\n",
        escape_property(&crate::text::printable(path)),
        escape_data(message)
    )
}

/// A workflow command's message: `%`, CR and LF percent-encoded.
fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A workflow command's property value: as [`escape_data`], plus `:` and `,`.
fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_are_references_or_file_uris() {
        assert_eq!(uri("jobs/a b#1%.json"), "jobs/a%20b%231%25.json");
        assert_eq!(uri("x:b.json"), "x%3Ab.json");
        assert_eq!(uri("dir/x:b.json"), "dir/x:b.json");
        assert_eq!(uri("/tmp/jobs/a.json"), "file:///tmp/jobs/a.json");
        assert_eq!(uri("C:/jobs/a.json"), "file:///C:/jobs/a.json");
        if cfg!(windows) {
            assert_eq!(uri("C:\\jobs\\a.json"), "file:///C:/jobs/a.json");
        } else {
            assert_eq!(uri("q\\x.json"), "q%5Cx.json");
        }
        assert_eq!(uri("<stdin>"), "%3Cstdin%3E");
    }
    use crate::LintOptions;

    #[test]
    fn github_commands_are_escaped() {
        let text = r#"{"jobId": "a b", "targets": ["arn:aws:iot:us-east-1:111122223333:thing/x"], "document": "{}", "targetSelection": "snapshot"}"#;
        let report = crate::lint_str(
            text,
            &LintOptions::new("2026-01-01T00:00:00Z".parse().unwrap_or_default()),
        );
        let out = github(&[FileReport {
            path: "jobs/a,b:c%.json",
            report: &report,
            text: Some(text),
        }]);
        assert!(out.starts_with("::error file=jobs/a%2Cb%3Ac%25.json,line=1,col=11,endLine=1,endColumn=16,title=model/pattern::"), "{out}");
        assert!(out.contains("%0Ahelp: "), "{out}");
        assert_eq!(out.lines().count(), report.diagnostics.len());
    }

    #[test]
    fn json_files_document() {
        let options = LintOptions::new("2026-01-01T00:00:00Z".parse().unwrap_or_default());
        let report = crate::lint_str("{", &options);
        let mut json = JsonFiles::new();
        let first = json.read("a \"b\".json", &report);
        let second = json.unreadable("c.json", "cannot read c.json: gone");
        let doc = format!("{}{first}{second}{}", JsonFiles::START, JsonFiles::END);
        assert!(doc.starts_with("{\"files\":[{\"path\":\"a \\\"b\\\".json\",\"operation\":"));
        assert_eq!(
            second,
            ",{\"path\":\"c.json\",\"error\":\"cannot read c.json: gone\"}"
        );
        assert!(doc.ends_with("]}\n"));
        let v: Value = serde_json::from_str(&doc).unwrap_or_default();
        assert_eq!(v["files"].as_array().map(Vec::len), Some(2));
        assert_eq!(
            v["files"][0]["diagnostics"].as_array().map(Vec::len),
            Some(report.diagnostics.len())
        );
    }

    #[test]
    fn fingerprints_survive_unrelated_edits() {
        let options = LintOptions::new("2026-01-01T00:00:00Z".parse().unwrap_or_default());
        let a = r#"{"jobId": "a b", "targets": ["arn:aws:iot:us-east-1:111122223333:thing/x"], "document": "{}"}"#;
        let b = "\n\n  ".to_string() + a;
        let (ra, rb) = (crate::lint_str(a, &options), crate::lint_str(&b, &options));
        let fa = fingerprint(Some(a), &ra.diagnostics[0]);
        let fb = fingerprint(Some(&b), &rb.diagnostics[0]);
        assert_eq!(fa, fb);
        assert_eq!(fa.len(), 16);
    }

    #[test]
    fn assembled_sarif_is_the_pretty_printed_log() {
        let options = LintOptions::new("2026-01-01T00:00:00Z".parse().unwrap_or_default());
        let a = r#"{"jobId": "a b", "targets": ["x", "x"], "document": "{}"}"#;
        let b = r#"{"jobId": "ok", "targets": ["arn:aws:iot:us-east-1:111122223333:thing/x"], "document": "{}"}"#;
        let (ra, rb) = (crate::lint_str(a, &options), crate::lint_str(b, &options));
        let files = [
            FileReport {
                path: "a.json",
                report: &ra,
                text: Some(a),
            },
            FileReport {
                path: "b.json",
                report: &rb,
                text: Some(b),
            },
        ];
        for set in [&files[..], &files[..1], &files[1..], &[]] {
            let want = format!(
                "{}\n",
                serde_json::to_string_pretty(&sarif(set, &[], "1.0")).unwrap()
            );
            assert_eq!(sarif_text(set, &[], "1.0"), want);
        }
    }
}
