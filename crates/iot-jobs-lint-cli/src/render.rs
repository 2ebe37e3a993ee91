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

/// Diagnostics shown with a source excerpt; the rest of a long report is listed one per line.
const MAX_EXCERPTS: usize = 200;
/// Longest excerpt (the lines of the offending value) shown; a longer one is listed one per line.
const MAX_EXCERPT_BYTES: usize = 4096;

/// Renders diagnostics as rustc does: title with code, place, excerpt, help.
pub(crate) fn diagnostics(path: &str, bytes: &[u8], list: &[Diagnostic], color: bool) -> String {
    let text = String::from_utf8_lossy(bytes);
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    }
    .term_width(120);
    let path = printable(path);
    let mut out = String::new();
    for (n, d) in list.iter().enumerate() {
        let message = printable(&d.message);
        let help = d.help.as_deref().map(printable);
        let one_line = |out: &mut String| {
            out.push_str(&format!(
                "{}[{}]: {message}\n --> {path}:{}:{}\n",
                d.severity, d.code, d.line, d.column
            ));
            if let Some(help) = &help {
                out.push_str(&format!("  = help: {help}\n"));
            }
            out.push('\n');
        };
        if n >= MAX_EXCERPTS {
            one_line(&mut out);
            continue;
        }
        // The span is a byte range of the input; a lossy decoding of invalid UTF-8 can move
        // bytes, so clamp to the text and to character boundaries.
        let range = clamp_range(&text, d.span.clone());
        // Only the lines that hold the value go to the renderer, so the cost does not grow with
        // the file.
        let first = text[..range.start].rfind('\n').map_or(0, |i| i + 1);
        let last = text[range.end..]
            .find('\n')
            .map_or(text.len(), |i| range.end + i);
        if last - first > MAX_EXCERPT_BYTES {
            one_line(&mut out);
            continue;
        }
        let excerpt = printable_source(&text[first..last]);
        let level = match d.severity {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
            _ => Level::INFO,
        };
        let label = if d.pointer.is_empty() {
            "here".to_string()
        } else {
            format!("at {}", printable(&d.pointer))
        };
        let span = (range.start - first)..(range.end - first);
        let mut group = level
            .primary_title(message.as_str())
            .id(d.code.as_str())
            .element(
                Snippet::source(excerpt.as_str())
                    .line_start(d.line as usize)
                    .path(path.as_str())
                    .annotation(AnnotationKind::Primary.span(span).label(label)),
            );
        if let Some(help) = &help {
            group = group.element(Level::HELP.message(help.as_str()));
        }
        let groups: Vec<Group<'_>> = vec![group];
        out.push_str(&renderer.render(&groups));
        out.push_str("\n\n");
    }
    out
}

fn clamp_range(text: &str, r: std::ops::Range<usize>) -> std::ops::Range<usize> {
    let fit = |mut i: usize| {
        i = i.min(text.len());
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let start = fit(r.start);
    start..fit(r.end).max(start)
}

/// Text from the input made safe for a terminal: control characters (ESC, CR, NUL, ...) and
/// bidirectional overrides are escaped, so a hostile file cannot move the cursor or fake output.
fn printable(s: &str) -> String {
    s.chars()
        .fold(String::with_capacity(s.len()), |mut out, c| {
            if is_unsafe(c) {
                out.extend(c.escape_unicode());
            } else {
                out.push(c);
            }
            out
        })
}

/// The source excerpt made safe for a terminal without moving byte offsets: each unsafe
/// character becomes as many `?` as it has bytes (tabs and line feeds stay).
fn printable_source(s: &str) -> String {
    s.chars()
        .fold(String::with_capacity(s.len()), |mut out, c| {
            if is_unsafe(c) && c != '\t' && c != '\n' {
                out.extend(std::iter::repeat_n('?', c.len_utf8()));
            } else {
                out.push(c);
            }
            out
        })
}

fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
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
