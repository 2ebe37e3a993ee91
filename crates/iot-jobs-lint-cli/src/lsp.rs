//! `iot-jobs-lint lsp`: a language server over standard input and output.
//!
//! It keeps the text of each open `*.json` document, lints it with the core on open and on every
//! change (full-text sync), and publishes the diagnostics; code actions turn the core's
//! structured fixes into workspace edits, and hover shows the registry entry of the rule under the
//! cursor. It holds no rule logic: every verdict comes from `iot_jobs_lint`, the configuration
//! from `iot-jobs-lint.toml` as `check` finds it.
//!
//! Positions: the core speaks byte offsets (and code-point columns); LSP speaks lines and UTF-16
//! code units. [`LineIndex`] converts both ways, from the document text.

mod cursor;

use crate::config::{Finder, Overrides};
use iot_jobs_lint::{Applicability, LintOptions, Report, Severity};
use lsp_server::{Connection, ErrorCode, Message, Notification, Request, Response};
use lsp_types::notification::{
    DidChangeTextDocument, DidCloseTextDocument, DidOpenTextDocument, Notification as _,
    PublishDiagnostics, ShowMessage,
};
use lsp_types::request::{
    CodeActionRequest, CodeLensRequest, Completion, HoverRequest, Request as _,
};
use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOptions, CodeActionOrCommand, CodeActionParams,
    CodeActionProviderCapability, CodeLens, CodeLensOptions, CodeLensParams, Command,
    CompletionItem, CompletionItemKind, CompletionOptions, CompletionParams, CompletionTextEdit,
    DiagnosticRelatedInformation, DidChangeTextDocumentParams, DidCloseTextDocumentParams,
    DidOpenTextDocumentParams, Documentation, Hover, HoverContents, HoverParams,
    HoverProviderCapability, Location, MarkupContent, MarkupKind, MessageType, NumberOrString,
    Position, PublishDiagnosticsParams, Range, ServerCapabilities, ShowMessageParams,
    TextDocumentSyncCapability, TextDocumentSyncKind, TextEdit, Uri, WorkspaceEdit,
};
use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

/// The kind of the "fix all safe fixes" source action.
const FIX_ALL_KIND: &str = "source.fixAll.iot-jobs-lint";

/// The `source` of every published diagnostic.
const SOURCE: &str = "iot-jobs-lint";

/// Line starts of a text, to convert between byte offsets and LSP positions (UTF-16).
pub(crate) struct LineIndex<'a> {
    text: &'a str,
    /// Byte offset where each line starts (the first is 0).
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    /// Indexes `text`. Lines end at `\n`, `\r\n` or a lone `\r`, as the protocol counts them.
    pub(crate) fn new(text: &'a str) -> LineIndex<'a> {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        starts.extend(
            bytes
                .iter()
                .enumerate()
                .filter(|&(i, &b)| b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n')))
                .map(|(i, _)| i + 1),
        );
        LineIndex { text, starts }
    }

    /// The position of byte `offset` (clamped to the text, and back to a character boundary).
    pub(crate) fn position(&self, offset: usize) -> Position {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let start = self.starts[line];
        let character: usize = self.text[start..offset].chars().map(char::len_utf16).sum();
        Position::new(
            u32::try_from(line).unwrap_or(u32::MAX),
            u32::try_from(character).unwrap_or(u32::MAX),
        )
    }

    /// The range of a byte span.
    pub(crate) fn range(&self, span: &std::ops::Range<usize>) -> Range {
        Range::new(self.position(span.start), self.position(span.end))
    }

    /// The byte offset of an LSP position. A line past the end gives the end of the text; a
    /// character past the end of its line gives the line's end (before its `\r` or `\n`), as the
    /// protocol asks; a position inside a surrogate pair gives the character's start.
    pub(crate) fn offset(&self, position: Position) -> usize {
        let Some(&start) = self.starts.get(position.line as usize) else {
            return self.text.len();
        };
        let line = &self.text[start..];
        let line = &line[..line.find(['\n', '\r']).unwrap_or(line.len())];
        let mut units = 0usize;
        for (i, c) in line.char_indices() {
            units += c.len_utf16();
            if units > position.character as usize {
                return start + i;
            }
        }
        start + line.len()
    }
}

/// One open document.
struct Document {
    version: i32,
    text: String,
    /// The options it was linted with (for "fix all", which lints again).
    options: Option<LintOptions>,
    /// The published diagnostics' report (`None`: nothing published for this file).
    report: Option<Report>,
    /// The schedule preview from the same pass (`None` with `report`).
    schedule: Option<iot_jobs_lint::Schedule>,
    /// The operation last detected in the text (kept while the text being typed is not JSON).
    operation: Option<iot_jobs_lint::Operation>,
}

/// The server's state.
struct Server {
    connection: Connection,
    documents: HashMap<Uri, Document>,
    /// The configuration problems last shown, so each is shown once per change.
    shown_config_errors: Vec<String>,
    /// Documents changed since they were last linted.
    changed: HashSet<Uri>,
    /// When to lint them: [`DEBOUNCE`] after the last change.
    lint_after: Option<Instant>,
    /// What the client's `initializationOptions` set.
    settings: Settings,
}

/// The client's `initializationOptions` (an editor's settings):
///
/// ```json
/// { "now": "2026-12-05T12:00:00Z",
///   "serviceModel": "2023-03-02",
///   "jobFiles": [{ "glob": "**/*.job.json", "operation": "create-job" },
///                { "glob": "jobs/**/*.json", "operation": null }] }
/// ```
///
/// `now`: the clock (default: the host's). `serviceModel`: the edition where the configuration
/// file does not set one. `jobFiles`: which files are job files (reported even when their
/// operation cannot be told) and, where given, their operation; it replaces the default names.
/// An `[operations]` glob of the configuration file wins over both for its files.
#[derive(Default)]
struct Settings {
    now: Option<chrono::DateTime<chrono::Utc>>,
    service_model: Option<iot_jobs_lint::Edition>,
    job_files: Option<Vec<(globset::GlobMatcher, Option<iot_jobs_lint::Operation>)>>,
    /// The workspace root (`rootUri`, or the first workspace folder): `jobFiles` globs are
    /// relative to it, as an editor's are.
    root: Option<PathBuf>,
}

impl Settings {
    /// Reads the `initialize` parameters; what cannot be used is said on standard error (the
    /// client's log) and left at its default.
    fn from_initialize(params: &serde_json::Value) -> Settings {
        let options = params.get("initializationOptions");
        let get = |key: &str| options.and_then(|o| o.get(key)).filter(|v| !v.is_null());
        let ignored = |key: &str, why: String| {
            eprintln!(
                "iot-jobs-lint lsp: initializationOptions.{key} ignored: {}",
                iot_jobs_lint::text::printable(&why)
            );
        };
        let now = get("now").and_then(|v| {
            let Some(text) = v.as_str() else {
                ignored("now", format!("{v}: not a string"));
                return None;
            };
            chrono::DateTime::parse_from_rfc3339(text)
                .map(|t| t.with_timezone(&chrono::Utc))
                .map_err(|e| {
                    ignored(
                        "now",
                        format!("{v}: {e} (RFC 3339 with a zone: 2026-12-05T12:00:00Z)"),
                    )
                })
                .ok()
        });
        let service_model = get("serviceModel").and_then(|v| match v.as_str() {
            Some("latest") => Some(iot_jobs_lint::Edition::Latest),
            Some("2023-03-02") => Some(iot_jobs_lint::Edition::V2023_03_02),
            _ => {
                ignored(
                    "serviceModel",
                    format!("{v}: use \"latest\" or \"2023-03-02\""),
                );
                None
            }
        });
        let job_files = get("jobFiles").and_then(|v| {
            let Some(list) = v.as_array() else {
                ignored("jobFiles", format!("{v}: not a list"));
                return None;
            };
            let mut out = Vec::new();
            for entry in list {
                let glob = entry
                    .get("glob")
                    .and_then(|g| g.as_str())
                    .unwrap_or_default();
                let operation = match entry.get("operation").filter(|o| !o.is_null()) {
                    None => Ok(None),
                    Some(o) => o
                        .as_str()
                        .unwrap_or_default()
                        .parse::<iot_jobs_lint::Operation>()
                        .map(Some),
                };
                match (crate::config::matcher(glob), operation) {
                    (Ok(g), Ok(op)) => out.push((g.compile_matcher(), op)),
                    (Err(e), _) | (_, Err(e)) => ignored("jobFiles", format!("{entry}: {e}")),
                }
            }
            // Entries given but none usable: the default names, rather than no job file at all.
            if out.is_empty() && !list.is_empty() {
                ignored(
                    "jobFiles",
                    "no usable entry; the default names apply".into(),
                );
                return None;
            }
            Some(out)
        });
        let root = params
            .get("rootUri")
            .and_then(|u| u.as_str())
            .or_else(|| params.pointer("/workspaceFolders/0/uri")?.as_str())
            .and_then(|u| u.parse::<Uri>().ok())
            .and_then(|u| file_path(&u));
        Settings {
            now,
            service_model,
            job_files,
            root,
        }
    }

    /// Whether the file is a job file, and the operation the settings give it: `jobFiles` when
    /// the client set it, else the default names ([`is_job_file`]; the operation is then
    /// detected from the content).
    fn job_file(&self, uri: &Uri) -> (bool, Option<iot_jobs_lint::Operation>) {
        let Some(globs) = &self.job_files else {
            return (is_job_file(uri), None);
        };
        let Some(path) = file_path(uri) else {
            return (false, None);
        };
        let relative = self
            .root
            .as_ref()
            .and_then(|root| path.strip_prefix(root).ok());
        globs
            .iter()
            .find(|(glob, _)| glob.is_match(relative.unwrap_or(&path)) || glob.is_match(&path))
            .map_or((false, None), |(_, op)| (true, *op))
    }
}

/// How long after the last change a changed document is linted (and its diagnostics published).
const DEBOUNCE: Duration = Duration::from_millis(150);

/// The local path of a `file:` URI (percent-decoded); `None` for other schemes.
fn file_path(uri: &Uri) -> Option<PathBuf> {
    let rest = uri.as_str().strip_prefix("file://")?;
    // `file:///path` (empty authority) or `file://localhost/path`.
    let path = rest.strip_prefix("localhost").unwrap_or(rest);
    if !path.starts_with('/') {
        return None;
    }
    let bytes = path.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (bytes[i], bytes.get(i + 1), bytes.get(i + 2)) {
            (b'%', Some(&h), Some(&l)) if hex(h).is_some() && hex(l).is_some() => {
                let value = hex(h).unwrap_or(0) * 16 + hex(l).unwrap_or(0);
                decoded.push(u8::try_from(value).unwrap_or(b'?'));
                i += 3;
            }
            (b, _, _) => {
                decoded.push(b);
                i += 1;
            }
        }
    }
    let path = String::from_utf8(decoded).ok()?;
    // `file:///C:/dir/x.json` on Windows: the path starts at the drive letter.
    let path = match path.strip_prefix('/') {
        Some(rest) if cfg!(windows) && rest.as_bytes().get(1) == Some(&b':') => rest,
        _ => &path,
    };
    Some(PathBuf::from(path))
}

/// The last path segment of a URI (not decoded: the names compared are ASCII).
fn file_name(uri: &Uri) -> &str {
    let path = uri.as_str();
    let path = path.split(['?', '#']).next().unwrap_or(path);
    path.rsplit('/').next().unwrap_or(path)
}

/// Whether the server looks at a document at all: its name ends in `.json`, or in `.yaml`,
/// `.yml` or `.template` (CloudFormation templates; a YAML file that is not one gets nothing).
fn is_json(uri: &Uri) -> bool {
    let name = file_name(uri).to_ascii_lowercase();
    [".json", ".yaml", ".yml", ".template"]
        .iter()
        .any(|ext| name.ends_with(ext))
}

/// Whether the name says the file is a job file, so it is reported even when its operation
/// cannot be told: the names the README maps to the schemas, `*.job.json`,
/// `*.job-template.json`, `*describe-job.output.json` and `*describe-job-template.output.json`.
fn is_job_file(uri: &Uri) -> bool {
    let name = file_name(uri).to_ascii_lowercase();
    [
        ".job.json",
        ".job-template.json",
        "describe-job.output.json",
        "describe-job-template.output.json",
    ]
    .iter()
    .any(|suffix| name.ends_with(suffix))
}

/// The operation a job file's name stands for (the names of [`is_job_file`]), for completion
/// in a file whose content does not tell it yet (a new, empty `{}`).
fn operation_by_name(uri: &Uri) -> Option<iot_jobs_lint::Operation> {
    use iot_jobs_lint::Operation;
    let name = file_name(uri).to_ascii_lowercase();
    [
        (
            "describe-job-template.output.json",
            Operation::DescribeJobTemplate,
        ),
        ("describe-job.output.json", Operation::DescribeJob),
        (".job-template.json", Operation::CreateJobTemplate),
        (".job.json", Operation::CreateJob),
    ]
    .into_iter()
    .find(|(suffix, _)| name.ends_with(suffix))
    .map(|(_, operation)| operation)
}

/// The LSP diagnostic of one core diagnostic.
fn to_lsp(
    uri: &Uri,
    index: &LineIndex<'_>,
    d: &iot_jobs_lint::Diagnostic,
) -> lsp_types::Diagnostic {
    let severity = match d.severity {
        Severity::Error => lsp_types::DiagnosticSeverity::ERROR,
        Severity::Warning => lsp_types::DiagnosticSeverity::WARNING,
        _ => lsp_types::DiagnosticSeverity::INFORMATION,
    };
    let mut message = d.message.clone();
    if let Some(help) = &d.help {
        message.push_str("\nhelp: ");
        message.push_str(help);
    }
    let related: Vec<_> = d
        .related
        .iter()
        .map(|r| DiagnosticRelatedInformation {
            location: Location::new(uri.clone(), index.range(&r.span)),
            message: r.message.clone(),
        })
        .collect();
    lsp_types::Diagnostic {
        range: index.range(&d.span),
        severity: Some(severity),
        code: Some(NumberOrString::String(d.code.as_str().to_string())),
        source: Some(SOURCE.to_string()),
        message,
        related_information: (!related.is_empty()).then_some(related),
        ..lsp_types::Diagnostic::default()
    }
}

/// Whether the code-action request's `only` filter admits `kind` (a kind admits itself and
/// its sub-kinds: `source` admits `source.fixAll.iot-jobs-lint`).
fn wanted(only: Option<&Vec<CodeActionKind>>, kind: &str) -> bool {
    only.is_none_or(|only| {
        only.iter().any(|k| {
            let k = k.as_str();
            kind == k
                || kind
                    .strip_prefix(k)
                    .is_some_and(|rest| rest.starts_with('.'))
        })
    })
}

/// The hover text of the rules whose diagnostics cover `offset`.
fn hover_markdown(report: &Report, offset: usize) -> Option<(String, std::ops::Range<usize>)> {
    let mut codes: Vec<&str> = Vec::new();
    let mut span = None;
    for d in &report.diagnostics {
        if d.span.start <= offset && offset <= d.span.end && !codes.contains(&d.code.as_str()) {
            codes.push(d.code.as_str());
            span.get_or_insert_with(|| d.span.clone());
        }
    }
    let mut parts = Vec::new();
    for code in codes {
        let Some(rule) = iot_jobs_lint::registry::find(code) else {
            continue;
        };
        let mut part = format!(
            "**`{}`** ({})\n\n{}\n\nSource: {}",
            rule.code, rule.severity, rule.summary, rule.source
        );
        if let Some(fix) = rule.fix {
            part.push_str(&format!("\n\nFix: {fix}"));
        }
        parts.push(part);
    }
    if parts.is_empty() {
        return None;
    }
    Some((parts.join("\n\n---\n\n"), span.unwrap_or(offset..offset)))
}

/// How many openings the hover on a maintenance window's cron lists.
const HOVER_OCCURRENCES: usize = 5;

/// How many upcoming window starts the `maintenanceWindows` lens names (then "…" when there are
/// more).
const LENS_WINDOWS: usize = 3;

/// The subschema a `$ref` (`#/$defs/Name`) points to, or the schema itself.
fn resolve<'a>(
    root: &'a serde_json::Value,
    schema: &'a serde_json::Value,
) -> &'a serde_json::Value {
    schema
        .get("$ref")
        .and_then(|r| r.as_str())
        .and_then(|r| r.strip_prefix("#/$defs/"))
        .and_then(|name| root.get("$defs")?.get(name))
        .unwrap_or(schema)
}

/// The (resolved) schema of the value at `path`, walking `properties`, map values and `items`.
fn schema_at<'a>(
    root: &'a serde_json::Value,
    path: &[cursor::Step],
) -> Option<&'a serde_json::Value> {
    let mut node = root;
    for step in path {
        node = child(root, node, step)?;
    }
    Some(node)
}

/// The resolved schema of one step below `node` (itself resolved).
fn child<'a>(
    root: &'a serde_json::Value,
    node: &'a serde_json::Value,
    step: &cursor::Step,
) -> Option<&'a serde_json::Value> {
    let next = match step {
        cursor::Step::Key(key) => node
            .get("properties")
            .and_then(|p| p.get(key))
            .or_else(|| node.get("additionalProperties").filter(|a| a.is_object()))?,
        cursor::Step::Index(_) => node.get("items")?,
    };
    Some(resolve(root, next))
}

/// A schema's documentation: its Markdown description, else its plain one.
fn documentation(schema: &serde_json::Value) -> Option<Documentation> {
    let (kind, text) = match schema.get("markdownDescription").and_then(|d| d.as_str()) {
        Some(text) => (MarkupKind::Markdown, text),
        None => (MarkupKind::PlainText, schema.get("description")?.as_str()?),
    };
    Some(Documentation::MarkupContent(MarkupContent {
        kind,
        value: text.to_string(),
    }))
}

/// `YYYY-MM-DDTHH:MM` (the preview's UTC times) as `YYYY-MM-DD HH:MM UTC`.
fn utc(time: &str) -> String {
    format!("{} UTC", time.replacen('T', " ", 1))
}

/// The text of the `maintenanceWindows` lens.
fn windows_lens(schedule: &iot_jobs_lint::Schedule) -> String {
    if schedule.windows.is_empty() {
        return if schedule.previewable_windows < schedule.declared_windows {
            "next: none (a window has an error)".to_string()
        } else {
            "next: no upcoming window".to_string()
        };
    }
    let mut starts: Vec<String> = schedule
        .windows
        .iter()
        .take(LENS_WINDOWS)
        .map(|w| utc(&w.start))
        .collect();
    if schedule.windows.len() > LENS_WINDOWS {
        starts.push("…".to_string());
    }
    format!("next: {}", starts.join(", "))
}

/// The text of the `schedulingConfig` lens: the rollout period.
fn rollout_lens(schedule: &iot_jobs_lint::Schedule) -> String {
    match &schedule.until {
        Some(until) => format!("rollout: {} → {}", utc(&schedule.from), utc(until)),
        None => format!("rollout: from {}, no end time", utc(&schedule.from)),
    }
}

impl Server {
    fn send(&self, message: impl Into<Message>) {
        // The writer thread is gone only when the client is: nothing left to tell it.
        let _ = self.connection.sender.send(message.into());
    }

    fn notify<N: lsp_types::notification::Notification>(&self, params: N::Params) {
        self.send(Notification::new(N::METHOD.to_string(), params));
    }

    /// The options for a document: the host's clock, and the service model and rule selection
    /// of the `iot-jobs-lint.toml` that applies to its file (read again each time, so edits to
    /// it apply at the next change). Configuration problems are shown as a message.
    fn options_for(&mut self, uri: &Uri) -> LintOptions {
        let mut options = LintOptions::new(self.settings.now.unwrap_or_else(chrono::Utc::now));
        if let Some(edition) = self.settings.service_model {
            options.service_model = edition;
        }
        options.operation = self.settings.job_file(uri).1;
        let Some(path) = file_path(uri) else {
            return options;
        };
        let Ok(finder) = Finder::new(None, false) else {
            return options;
        };
        let mut errors = Vec::new();
        if let Some(config) = finder.for_file(&path) {
            if let Some(edition) = config.service_model {
                options.service_model = edition;
            }
            if let Some(operation) = config.operation_for(&path) {
                options.operation = Some(operation);
            }
            match config.selection(Some(&path), &Overrides::default()) {
                Ok(rules) => options.rules = rules,
                Err(e) => errors.push(format!(
                    "{}: {e}",
                    iot_jobs_lint::text::printable(&config.path.to_string_lossy())
                )),
            }
        }
        errors.extend(finder.take_errors());
        if !errors.is_empty() && errors != self.shown_config_errors {
            self.notify::<ShowMessage>(ShowMessageParams {
                typ: MessageType::WARNING,
                message: format!(
                    "iot-jobs-lint: configuration ignored:\n{}",
                    errors.join("\n")
                ),
            });
        }
        self.shown_config_errors = errors;
        options
    }

    /// Lints one document and publishes its diagnostics.
    fn lint(&mut self, uri: &Uri) {
        if !self.documents.contains_key(uri) {
            return;
        }
        let options = self.options_for(uri);
        let Some(doc) = self.documents.get_mut(uri) else {
            return;
        };
        let analysis = iot_jobs_lint::analyze(doc.text.as_bytes(), &options, LENS_WINDOWS + 1);
        let report = analysis.report;
        // An ordinary JSON file (not named as a job file, no operation the core could tell) gets
        // nothing, so package.json and friends are not flagged.
        // A CloudFormation template (one that cannot be read included) is published whatever
        // its name.
        let publish = report.operation.is_some()
            || report.template_resources.is_some()
            || self.settings.job_file(uri).0;
        let index = LineIndex::new(&doc.text);
        let diagnostics = if publish {
            report
                .diagnostics
                .iter()
                .map(|d| to_lsp(uri, &index, d))
                .collect()
        } else {
            Vec::new()
        };
        doc.report = publish.then_some(report);
        doc.schedule = publish.then_some(analysis.schedule);
        if let Some(operation) = doc.report.as_ref().and_then(|r| r.operation) {
            doc.operation = Some(operation);
        }
        doc.options = Some(options);
        let version = Some(doc.version);
        self.notify::<PublishDiagnostics>(PublishDiagnosticsParams {
            uri: uri.clone(),
            diagnostics,
            version,
        });
    }

    fn did_open(&mut self, params: DidOpenTextDocumentParams) {
        let uri = params.text_document.uri;
        if !is_json(&uri) {
            return;
        }
        self.changed.remove(&uri);
        self.documents.insert(
            uri.clone(),
            Document {
                version: params.text_document.version,
                text: params.text_document.text,
                options: None,
                report: None,
                schedule: None,
                operation: None,
            },
        );
        self.lint(&uri);
    }

    fn did_change(&mut self, params: DidChangeTextDocumentParams) {
        let uri = params.text_document.uri;
        let Some(doc) = self.documents.get_mut(&uri) else {
            return;
        };
        // Full sync: the last change holds the whole text.
        if let Some(change) = params.content_changes.into_iter().last() {
            doc.text = change.text;
        }
        doc.version = params.text_document.version;
        // Linted once typing pauses (see `run`), not on every keystroke.
        self.changed.insert(uri);
        self.lint_after = Some(Instant::now() + DEBOUNCE);
    }

    /// Lints the documents changed since they were last linted.
    fn lint_changed(&mut self) {
        self.lint_after = None;
        for uri in std::mem::take(&mut self.changed) {
            self.lint(&uri);
        }
    }

    fn did_close(&mut self, params: DidCloseTextDocumentParams) {
        let uri = params.text_document.uri;
        self.changed.remove(&uri);
        if self.documents.remove(&uri).is_some() {
            self.notify::<PublishDiagnostics>(PublishDiagnosticsParams {
                uri,
                diagnostics: Vec::new(),
                version: None,
            });
        }
    }

    fn code_actions(&self, params: &CodeActionParams) -> Vec<CodeActionOrCommand> {
        let uri = &params.text_document.uri;
        let Some(doc) = self.documents.get(uri) else {
            return Vec::new();
        };
        let Some(report) = &doc.report else {
            return Vec::new();
        };
        let index = LineIndex::new(&doc.text);
        let only = params.context.only.as_ref();
        let mut actions = Vec::new();
        if wanted(only, CodeActionKind::QUICKFIX.as_str()) {
            let start = index.offset(params.range.start);
            let end = index.offset(params.range.end);
            for d in &report.diagnostics {
                if d.fixes.is_empty() || d.span.start > end || start > d.span.end {
                    continue;
                }
                let diagnostic = to_lsp(uri, &index, d);
                for fix in &d.fixes {
                    let edits = fix
                        .edits
                        .iter()
                        .map(|e| TextEdit::new(index.range(&e.span), e.replacement.clone()))
                        .collect();
                    actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                        title: fix.message.clone(),
                        kind: Some(CodeActionKind::QUICKFIX),
                        diagnostics: Some(vec![diagnostic.clone()]),
                        edit: Some(WorkspaceEdit::new(HashMap::from([(uri.clone(), edits)]))),
                        is_preferred: Some(fix.applicability == Applicability::Safe),
                        ..CodeAction::default()
                    }));
                }
            }
        }
        if wanted(only, FIX_ALL_KIND)
            && let Some(options) = &doc.options
        {
            let fixed = iot_jobs_lint::fix_all(&doc.text, options, Applicability::Safe);
            if fixed.applied > 0 && fixed.text != doc.text {
                let whole = Range::new(Position::new(0, 0), index.position(doc.text.len()));
                actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                    title: format!(
                        "Apply all safe iot-jobs-lint fixes ({} fix{})",
                        fixed.applied,
                        if fixed.applied == 1 { "" } else { "es" }
                    ),
                    kind: Some(CodeActionKind::new(FIX_ALL_KIND)),
                    edit: Some(WorkspaceEdit::new(HashMap::from([(
                        uri.clone(),
                        vec![TextEdit::new(whole, fixed.text)],
                    )]))),
                    ..CodeAction::default()
                }));
            }
        }
        actions
    }

    /// Hover: the rules whose diagnostics cover the position, then what the member under it is
    /// (its documentation from the service model: meaning, unit, limits, edition differences),
    /// and on a maintenance window's cron, what it means in words and when it next opens.
    fn hover(&self, params: &HoverParams) -> Option<Hover> {
        let at = &params.text_document_position_params;
        let uri = &at.text_document.uri;
        let doc = self.documents.get(uri)?;
        let index = LineIndex::new(&doc.text);
        let offset = index.offset(at.position);
        let rules = doc.report.as_ref().and_then(|r| hover_markdown(r, offset));
        let member = self.member_hover(uri, doc, offset);
        let span = rules
            .as_ref()
            .map(|(_, span)| span.clone())
            .or_else(|| member.as_ref().map(|(_, span)| span.clone()))?;
        let parts: Vec<String> = rules
            .into_iter()
            .chain(member)
            .map(|(text, _)| text)
            .collect();
        Some(Hover {
            contents: HoverContents::Markup(MarkupContent {
                kind: MarkupKind::Markdown,
                value: parts.join("\n\n---\n\n"),
            }),
            range: Some(index.range(&span)),
        })
    }

    /// The operation a document is read as: detected, last detected while it was valid JSON,
    /// set by the configuration or the settings, or told by the file's name.
    fn operation_of(&self, uri: &Uri, doc: &Document) -> Option<iot_jobs_lint::Operation> {
        doc.report
            .as_ref()
            .and_then(|r| r.operation)
            .or(doc.operation)
            .or(doc.options.as_ref().and_then(|o| o.operation))
            .or_else(|| self.settings.job_file(uri).1)
            .or_else(|| operation_by_name(uri))
    }

    /// The hover of the member whose name or value is at `offset`: its documentation in the
    /// document's edition, or, for a member only the other edition has, that edition's with a
    /// note; on the `startTime` of a maintenance window, the expression in words and its next
    /// openings.
    fn member_hover(
        &self,
        uri: &Uri,
        doc: &Document,
        offset: usize,
    ) -> Option<(String, std::ops::Range<usize>)> {
        use iot_jobs_lint::Edition;
        let operation = self.operation_of(uri, doc)?;
        let edition = doc
            .report
            .as_ref()
            .map_or(Edition::Latest, |r| r.service_model);
        let cursor = cursor::at(&doc.text, offset)?;
        let literal = |span: &std::ops::Range<usize>| {
            let raw = doc.text.get(span.clone())?;
            serde_json::from_str::<String>(raw)
                .ok()
                .or_else(|| Some(raw.trim_matches('"').to_string()))
        };
        let (key, span, value) = match &cursor.slot {
            cursor::Slot::Key { string: Some(span) } => (literal(span)?, span.clone(), None),
            cursor::Slot::Value {
                key: Some(key),
                string,
            } => {
                let value = string.as_ref().and_then(literal);
                let span = string.clone().unwrap_or(offset..offset);
                (key.clone(), span, value)
            }
            _ => return None,
        };
        let step = cursor::Step::Key(key.clone());
        let documented = |edition: Edition| {
            let schema = iot_jobs_lint::schema::json_schema(operation, edition);
            let container = schema_at(&schema, &cursor.path)?;
            let member = child(&schema, container, &step)?;
            if member.get("doNotSuggest").is_some() {
                // Named only to be refused: the other edition's member.
                return None;
            }
            member
                .get("markdownDescription")
                .or_else(|| member.get("description"))
                .and_then(|d| d.as_str())
                .map(str::to_string)
        };
        let other = match edition {
            Edition::Latest => Edition::V2023_03_02,
            _ => Edition::Latest,
        };
        let mut text = match documented(edition) {
            Some(text) => text,
            None => format!(
                "`{}` is not a member here in the `{edition}` service model of {}; the `{other}` model has it:\n\n{}",
                iot_jobs_lint::text::escape(&key),
                operation.api_name(),
                documented(other)?
            ),
        };
        let in_window = matches!(
            cursor.path.as_slice(),
            [.., cursor::Step::Key(list), cursor::Step::Index(_)] if list == "maintenanceWindows"
        );
        if in_window
            && key == "startTime"
            && let Some(expression) = value
                .as_deref()
                .and_then(|v| iot_jobs_lint::cron::parse(v).expression)
        {
            let now = self.settings.now.unwrap_or_else(chrono::Utc::now);
            let next: Vec<String> = expression
                .occurrences(now)
                .take(HOVER_OCCURRENCES)
                .map(|t| format!("- {}", t.format("%a %Y-%m-%d %H:%M UTC")))
                .collect();
            text = format!(
                "**`{}`**: {}\n\nNext openings:\n{}\n\n---\n\n{text}",
                expression.text(),
                expression.describe(),
                if next.is_empty() {
                    "- none after now".to_string()
                } else {
                    next.join("\n")
                }
            );
        }
        Some((text, span))
    }

    /// Completion: the members the service model allows in the object at the cursor that it
    /// does not have yet, or an enum member's values, each with its documentation (from the
    /// core's JSON Schema for the detected operation and edition).
    fn completion(&self, params: &CompletionParams) -> Option<Vec<CompletionItem>> {
        let at = &params.text_document_position;
        let doc = self.documents.get(&at.text_document.uri)?;
        let report = doc.report.as_ref()?;
        let operation = self.operation_of(&at.text_document.uri, doc)?;
        let schema = iot_jobs_lint::schema::json_schema(operation, report.service_model);
        let index = LineIndex::new(&doc.text);
        let offset = index.offset(at.position);
        let cursor = cursor::at(&doc.text, offset)?;
        let container = schema_at(&schema, &cursor.path)?;
        let edit = |span: &Option<std::ops::Range<usize>>, text: String| {
            span.as_ref()
                .map(|span| CompletionTextEdit::Edit(TextEdit::new(index.range(span), text)))
        };
        let mut items = Vec::new();
        match &cursor.slot {
            cursor::Slot::Key { string } => {
                let properties = container.get("properties")?.as_object()?;
                let required = container.get("required").and_then(|r| r.as_array());
                // `dependentSchemas` that refuse a member beside another (`documentSource`
                // beside `document`): either way round, not offered.
                let refuses = |present: &str, other: &str| {
                    container
                        .pointer(&format!(
                            "/dependentSchemas/{present}/properties/{other}/not"
                        ))
                        .is_some()
                };
                for (name, member) in properties {
                    // Present, only named to be refused (a member of the other edition), or in
                    // conflict with one present.
                    if cursor.keys.contains(name)
                        || member.get("doNotSuggest").is_some()
                        || cursor
                            .keys
                            .iter()
                            .any(|k| refuses(k, name) || refuses(name, k))
                    {
                        continue;
                    }
                    let is_required = required.is_some_and(|r| r.iter().any(|n| n == name));
                    let quoted = format!("\"{name}\"");
                    items.push(CompletionItem {
                        label: name.clone(),
                        kind: Some(CompletionItemKind::PROPERTY),
                        detail: is_required.then(|| "required".to_string()),
                        documentation: documentation(member),
                        filter_text: string.as_ref().map(|_| quoted.clone()),
                        insert_text: string.is_none().then(|| format!("{quoted}: ")),
                        text_edit: edit(string, quoted),
                        ..CompletionItem::default()
                    });
                }
            }
            cursor::Slot::Value { key, string } => {
                let step = match key {
                    Some(key) => cursor::Step::Key(key.clone()),
                    None => cursor::Step::Index(0),
                };
                let value = child(&schema, container, &step)?;
                let values = value.get("enum")?.as_array()?;
                let meanings = value
                    .get("markdownEnumDescriptions")
                    .or_else(|| value.get("enumDescriptions"))
                    .and_then(|m| m.as_array());
                for (i, v) in values.iter().enumerate() {
                    let Some(v) = v.as_str() else { continue };
                    let meaning = meanings
                        .and_then(|m| m.get(i))
                        .and_then(|m| m.as_str())
                        .map(str::to_string);
                    let quoted = format!("\"{v}\"");
                    items.push(CompletionItem {
                        label: v.to_string(),
                        kind: Some(CompletionItemKind::ENUM_MEMBER),
                        detail: meaning.clone(),
                        documentation: meaning.map(|m| {
                            Documentation::MarkupContent(MarkupContent {
                                kind: MarkupKind::Markdown,
                                value: m,
                            })
                        }),
                        filter_text: string.as_ref().map(|_| quoted.clone()),
                        insert_text: string.is_none().then(|| quoted.clone()),
                        text_edit: edit(string, quoted),
                        ..CompletionItem::default()
                    });
                }
            }
        }
        Some(items)
    }

    /// Code lenses from the core's schedule preview: the next window starts on
    /// `maintenanceWindows`, the rollout period on `schedulingConfig`.
    fn code_lenses(&self, params: &CodeLensParams) -> Vec<CodeLens> {
        let Some(doc) = self.documents.get(&params.text_document.uri) else {
            return Vec::new();
        };
        let (Some(_), Some(schedule)) = (&doc.report, &doc.schedule) else {
            return Vec::new();
        };
        let index = LineIndex::new(&doc.text);
        let mut lenses = Vec::new();
        for key in cursor::keys(&doc.text) {
            let parent = key.path.last();
            let in_scheduling =
                matches!(parent, Some(cursor::Step::Key(k)) if k == "schedulingConfig");
            let title = match key.key.as_str() {
                "schedulingConfig" => rollout_lens(schedule),
                "maintenanceWindows" if in_scheduling => windows_lens(schedule),
                _ => continue,
            };
            lenses.push(CodeLens {
                range: index.range(&key.span),
                // Shown, not run: an empty command is the protocol's display-only lens.
                command: Some(Command::new(title, String::new(), None)),
                data: None,
            });
        }
        lenses
    }

    fn request(&mut self, req: Request) {
        // Answers come from the text as it is now: lint what changed first.
        self.lint_changed();
        let id = req.id.clone();
        let result = match req.method.as_str() {
            CodeActionRequest::METHOD => parse::<CodeActionParams>(req.params)
                .map(|p| serde_json::to_value(self.code_actions(&p))),
            HoverRequest::METHOD => {
                parse::<HoverParams>(req.params).map(|p| serde_json::to_value(self.hover(&p)))
            }
            Completion::METHOD => parse::<CompletionParams>(req.params)
                .map(|p| serde_json::to_value(self.completion(&p))),
            CodeLensRequest::METHOD => parse::<CodeLensParams>(req.params)
                .map(|p| serde_json::to_value(self.code_lenses(&p))),
            _ => {
                self.send(Response::new_err(
                    id,
                    ErrorCode::MethodNotFound as i32,
                    format!("unsupported request {}", req.method),
                ));
                return;
            }
        };
        let response = match result {
            Ok(Ok(value)) => Response::new_ok(id, value),
            Ok(Err(e)) => Response::new_err(id, ErrorCode::InternalError as i32, e.to_string()),
            Err(e) => Response::new_err(id, ErrorCode::InvalidParams as i32, e),
        };
        self.send(response);
    }

    fn notification(&mut self, n: Notification) {
        match n.method.as_str() {
            DidOpenTextDocument::METHOD => {
                if let Ok(p) = parse(n.params) {
                    self.did_open(p);
                }
            }
            DidChangeTextDocument::METHOD => {
                if let Ok(p) = parse(n.params) {
                    self.did_change(p);
                }
            }
            DidCloseTextDocument::METHOD => {
                if let Ok(p) = parse(n.params) {
                    self.did_close(p);
                }
            }
            _ => {}
        }
    }
}

fn parse<P: serde::de::DeserializeOwned>(params: serde_json::Value) -> Result<P, String> {
    serde_json::from_value(params).map_err(|e| format!("invalid parameters: {e}"))
}

/// What the server offers.
fn capabilities() -> ServerCapabilities {
    ServerCapabilities {
        text_document_sync: Some(TextDocumentSyncCapability::Kind(TextDocumentSyncKind::FULL)),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![
                CodeActionKind::QUICKFIX,
                CodeActionKind::new(FIX_ALL_KIND),
            ]),
            ..CodeActionOptions::default()
        })),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        completion_provider: Some(CompletionOptions {
            trigger_characters: Some(vec!["\"".to_string()]),
            ..CompletionOptions::default()
        }),
        code_lens_provider: Some(CodeLensOptions {
            resolve_provider: Some(false),
        }),
        ..ServerCapabilities::default()
    }
}

/// Runs the server until the client sends `exit` or closes standard input. Exit status 0 after
/// `shutdown` then `exit`, 1 otherwise (as the protocol asks).
pub(crate) fn run() -> ExitCode {
    let (connection, io_threads) = Connection::stdio();
    let init = serde_json::json!({
        "capabilities": capabilities(),
        "serverInfo": { "name": "iot-jobs-lint", "version": env!("CARGO_PKG_VERSION") },
    });
    let initialized = connection.initialize_start().and_then(|(id, params)| {
        connection
            .initialize_finish(id, init)
            .map(|()| Settings::from_initialize(&params))
    });
    let settings = match initialized {
        Ok(settings) => settings,
        Err(e) => {
            // End of input, or a client that did not follow `initialize` with `initialized`: the
            // reader may still be waiting on its input, so the threads are not joined (returning
            // ends them with the process).
            eprintln!("iot-jobs-lint lsp: {e}");
            return ExitCode::FAILURE;
        }
    };
    let mut server = Server {
        connection,
        documents: HashMap::new(),
        shown_config_errors: Vec::new(),
        changed: HashSet::new(),
        lint_after: None,
        settings,
    };
    let mut clean = false;
    let mut join = true;
    loop {
        // Ends when the reader thread stops: end of input (the client went away) or `exit`.
        let received = match server.lint_after {
            None => server.connection.receiver.recv().ok(),
            Some(at) => match server.connection.receiver.recv_deadline(at) {
                Ok(message) => Some(message),
                Err(e) if e.is_timeout() => {
                    server.lint_changed();
                    continue;
                }
                Err(_) => None,
            },
        };
        let Some(message) = received else {
            break;
        };
        match message {
            Message::Request(req) => match server.connection.handle_shutdown(&req) {
                Ok(true) => {
                    clean = true;
                    break;
                }
                Ok(false) => server.request(req),
                // Shutdown answered, but no `exit` followed: input closed, or 30 s went by with
                // input still open (the reader may be blocked on it: do not wait for it).
                Err(e) => {
                    eprintln!("iot-jobs-lint lsp: {e}");
                    clean = true;
                    join = false;
                    break;
                }
            },
            Message::Notification(n) if n.method == "exit" => break,
            Message::Notification(n) => server.notification(n),
            Message::Response(_) => {}
        }
    }
    // Dropping the connection closes the writer's channel, so its thread ends and the join
    // below returns; the reader has already stopped (end of input or `exit`). Joining first
    // would wait for ever on the writer.
    drop(server);
    if join && let Err(e) = io_threads.join() {
        eprintln!("iot-jobs-lint lsp: {e}");
    }
    if clean {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A lone `\r` ends a line for the protocol (a file with old Mac line ends once had every
    /// range on line 0).
    #[test]
    fn lone_carriage_returns_end_lines() {
        let text = "{\r  \"jobId\": \"bad id\",\r\n  \"x\": 1\n}";
        let index = LineIndex::new(text);
        let at = text.find("bad id").unwrap();
        assert_eq!(index.position(at), Position::new(1, 12));
        assert_eq!(index.offset(Position::new(1, 12)), at);
        let x = text.find("\"x\"").unwrap();
        assert_eq!(index.position(x), Position::new(2, 2));
        // Past the end of line 1: before its `\r\n`.
        assert_eq!(
            index.offset(Position::new(1, 99)),
            text.find("\r\n").unwrap()
        );
    }

    #[test]
    fn positions_count_utf16_code_units() {
        // "😀" is 4 bytes and 2 UTF-16 units; "漢" 3 bytes and 1 unit; "é" 2 bytes and 1 unit.
        let text = "{\n  \"a😀漢é\": 1,\r\n\"𝄞\": x\n}";
        let index = LineIndex::new(text);
        let x = text.find('x').unwrap();
        assert_eq!(index.position(x), Position::new(2, 6));
        let one = text.find('1').unwrap();
        assert_eq!(index.position(one), Position::new(1, 11));
        assert_eq!(index.position(0), Position::new(0, 0));
        assert_eq!(index.position(text.len()), Position::new(3, 1));
        // Past the end and inside a character: clamped to the character's start.
        assert_eq!(index.position(text.len() + 10), Position::new(3, 1));
        let emoji = text.find('😀').unwrap();
        assert_eq!(index.position(emoji + 1), index.position(emoji));
        // Back again.
        for offset in [0, x, one, emoji, text.find('漢').unwrap(), text.len()] {
            assert_eq!(index.offset(index.position(offset)), offset, "{offset}");
        }
    }

    #[test]
    fn offsets_clamp_like_the_protocol_says() {
        let text = "ab😀c\nd";
        let index = LineIndex::new(text);
        // Inside the surrogate pair: the emoji's start.
        assert_eq!(index.offset(Position::new(0, 3)), 2);
        assert_eq!(index.offset(Position::new(0, 4)), 6);
        // Past the end of a line: before its newline.
        assert_eq!(index.offset(Position::new(0, 99)), 7);
        // Past the last line: the end.
        assert_eq!(index.offset(Position::new(9, 0)), text.len());
        assert_eq!(index.offset(Position::new(1, 1)), text.len());
    }

    #[test]
    fn file_uris_become_paths() {
        let uri: Uri = "file:///tmp/a%20b/x%C3%A9.job.json".parse().unwrap();
        assert_eq!(file_path(&uri), Some(PathBuf::from("/tmp/a b/xé.job.json")));
        let uri: Uri = "untitled:Untitled-1.json".parse().unwrap();
        assert_eq!(file_path(&uri), None);
        assert!(is_json(&uri));
        assert!(!is_job_file(&uri));
        for name in ["pump.job.json", "prod-describe-job-template.output.json"] {
            let uri: Uri = format!("file:///x/{name}").parse().unwrap();
            assert!(is_job_file(&uri), "{name}");
        }
        let uri: Uri = "file:///x/describe-job.json".parse().unwrap();
        assert!(!is_job_file(&uri));
        assert_eq!(operation_by_name(&uri), None);
        for (name, operation) in [
            ("a.job.json", iot_jobs_lint::Operation::CreateJob),
            (
                "a.JOB-template.json",
                iot_jobs_lint::Operation::CreateJobTemplate,
            ),
            (
                "describe-job.output.json",
                iot_jobs_lint::Operation::DescribeJob,
            ),
            (
                "x-describe-job-template.output.json",
                iot_jobs_lint::Operation::DescribeJobTemplate,
            ),
        ] {
            let uri: Uri = format!("file:///x/{name}").parse().unwrap();
            assert_eq!(operation_by_name(&uri), Some(operation), "{name}");
        }
    }

    #[test]
    fn only_filters_by_kind_prefix() {
        let source = vec![CodeActionKind::SOURCE];
        assert!(wanted(Some(&source), FIX_ALL_KIND));
        assert!(!wanted(Some(&source), "quickfix"));
        let fix_all = vec![CodeActionKind::SOURCE_FIX_ALL];
        assert!(wanted(Some(&fix_all), FIX_ALL_KIND));
        assert!(wanted(None, "quickfix"));
        let odd = vec![CodeActionKind::new("source.fix")];
        assert!(!wanted(Some(&odd), FIX_ALL_KIND));
    }
}
