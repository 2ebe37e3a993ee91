//! Human output in the style of rustc and cargo: `error[code]: message`, the place, a source
//! excerpt with the offending value underlined, and the fix.

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use iot_jobs_lint::{Applicability, Diagnostic, Report, Severity, text};

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
        let notes = notes(&path, d);
        let one_line = |out: &mut String| {
            out.push_str(&format!(
                "{}[{}]: {message}\n --> {path}:{}:{}\n",
                d.severity, d.code, d.line, d.column
            ));
            if let Some(help) = &help {
                out.push_str(&format!("  = help: {help}\n"));
            }
            for note in &notes {
                out.push_str(&format!("  = note: {note}\n"));
            }
            out.push('\n');
        };
        // No text to show: an input refused unread (input/too-large) or an empty one.
        if n >= MAX_EXCERPTS || text.is_empty() {
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
        for note in &notes {
            group = group.element(Level::NOTE.message(note.as_str()));
        }
        let groups: Vec<Group<'_>> = vec![group];
        out.push_str(&renderer.render(&groups));
        out.push_str("\n\n");
    }
    out
}

/// The related places (`the copy that is sent: FILE:8:3`) and the fixes a tool can apply
/// (`safe fix: remove the repeated target`), one line each.
fn notes(path: &str, d: &Diagnostic) -> Vec<String> {
    let related = d
        .related
        .iter()
        .map(|r| format!("{}: {path}:{}:{}", printable(&r.message), r.line, r.column));
    let fixes = d.fixes.iter().map(|f| {
        let kind = match f.applicability {
            Applicability::Safe => "safe fix",
            _ => "suggested fix",
        };
        format!("{kind}: {}", printable(&f.message))
    });
    related.chain(fixes).collect()
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

/// Text from the input made safe for a terminal (the core's one escaping rule): control
/// characters (ESC, BEL, C1, ...), bidirectional controls and line separators are escaped, so a
/// hostile file or file name cannot move the cursor or fake output.
fn printable(s: &str) -> String {
    text::printable(s).into_owned()
}

/// The source excerpt made safe for a terminal without moving byte offsets: each unsafe
/// character becomes as many `?` as it has bytes; tabs and line feeds stay, and a carriage return
/// (a Windows line ending) becomes a space.
fn printable_source(s: &str) -> String {
    s.chars()
        .fold(String::with_capacity(s.len()), |mut out, c| {
            match c {
                '\t' | '\n' => out.push(c),
                '\r' => out.push(' '),
                c if text::is_unsafe(c) => out.extend(std::iter::repeat_n('?', c.len_utf8())),
                c => out.push(c),
            }
            out
        })
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
        format!(
            "{}, {}",
            crate::check::plural(errors, "error"),
            crate::check::plural(warnings, "warning")
        )
    };
    format!(
        "{}: {operation}, service model {}: {verdict}\n",
        printable(path),
        report.service_model
    )
}
