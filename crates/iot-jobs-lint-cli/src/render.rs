//! Human output in the style of rustc and cargo: `error[code]: message`, the place, a source
//! excerpt with the offending value underlined, and the fix.

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use iot_jobs_lint::{Diagnostic, Report, Severity};

/// Renders one file's report: every diagnostic, then the verdict line.
pub(crate) fn human(path: &str, bytes: &[u8], report: &Report, color: bool) -> String {
    let mut out = diagnostics(path, bytes, &report.diagnostics, color);
    out.push_str(&summary(path, report));
    out
}

/// Renders diagnostics as rustc does: title with code, place, excerpt, help.
pub(crate) fn diagnostics(path: &str, bytes: &[u8], list: &[Diagnostic], color: bool) -> String {
    let text = String::from_utf8_lossy(bytes);
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    }
    .term_width(120);
    let mut out = String::new();
    for d in list {
        let level = match d.severity {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
            Severity::Info => Level::INFO,
        };
        let range = d.byte_range(&text);
        let label = if d.pointer.is_empty() {
            "here".to_string()
        } else {
            format!("at {}", d.pointer)
        };
        let mut group = level
            .primary_title(d.message.as_str())
            .id(d.code.as_str())
            .element(
                Snippet::source(text.as_ref())
                    .path(path)
                    .annotation(AnnotationKind::Primary.span(range).label(label)),
            );
        if let Some(help) = &d.help {
            group = group.element(Level::HELP.message(help.as_str()));
        }
        let groups: Vec<Group<'_>> = vec![group];
        out.push_str(&renderer.render(&groups));
        out.push_str("\n\n");
    }
    out
}

/// The one-line verdict for a file.
pub(crate) fn summary(path: &str, report: &Report) -> String {
    let (errors, warnings, _) = report.counts();
    let operation = match report.operation {
        Some(op) if report.operation_detected => format!("{} (detected)", op.api_name()),
        Some(op) => op.api_name().to_string(),
        None => "unknown operation".to_string(),
    };
    let verdict = if errors == 0 && warnings == 0 {
        "ok".to_string()
    } else {
        format!("{errors} error(s), {warnings} warning(s)")
    };
    format!(
        "{path}: {operation}, service model {}: {verdict}\n",
        report.service_model
    )
}
