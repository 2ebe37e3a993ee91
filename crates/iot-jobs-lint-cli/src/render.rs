//! Human output in the style of rustc and cargo: `error[code]: message`, the place, a source
//! excerpt with the offending value underlined, and the fix.

use annotate_snippets::{AnnotationKind, Level, Renderer, Snippet};
use iot_jobs_lint::{Applicability, Diagnostic, Report, Severity, text};

/// Diagnostics shown with a source excerpt; the rest of a long report is listed one per line.
const MAX_EXCERPTS: usize = 200;
/// Longest excerpt (the lines of the offending value) shown; a longer one is listed one per line.
const MAX_EXCERPT_BYTES: usize = 4096;

/// Renders diagnostics as rustc does: title with code, place, excerpt, help.
pub(crate) fn diagnostics(path: &str, bytes: &[u8], list: &[Diagnostic], color: bool) -> String {
    if list.is_empty() {
        return String::new();
    }
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
        let (excerpt, span) = printable_source(
            &text[first..last],
            (range.start - first)..(range.end - first),
        );
        let label = if d.pointer.is_empty() {
            "here".to_string()
        } else {
            format!("at {}", printable(&d.pointer))
        };
        let excerpt = Excerpt {
            severity: d.severity,
            code: d.code.as_str(),
            message: message.as_str(),
            path: path.as_str(),
            line: d.line as usize,
            column: d.column as usize,
            source: excerpt.as_str(),
            span,
            label: label.as_str(),
            help: help.as_deref(),
            notes: &notes,
        };
        let simple = if color { None } else { excerpt.render_simple() };
        out.push_str(&simple.unwrap_or_else(|| excerpt.render_annotated(&renderer)));
        out.push_str("\n\n");
    }
    out
}

/// One excerpt as annotate-snippets draws it: the inputs of [`Excerpt::render_simple`].
struct Excerpt<'a> {
    severity: Severity,
    code: &'a str,
    message: &'a str,
    path: &'a str,
    line: usize,
    column: usize,
    /// The source line(s) holding the value.
    source: &'a str,
    /// The value's byte range in `source`.
    span: std::ops::Range<usize>,
    label: &'a str,
    help: Option<&'a str>,
    notes: &'a [String],
}

/// The widest excerpt line drawn without annotate-snippets: well inside its 120-column terminal
/// width, past which it starts to cut lines.
const SIMPLE_WIDTH: usize = 100;

impl Excerpt<'_> {
    /// The plain (uncoloured) drawing of the common case, byte for byte what annotate-snippets
    /// draws (a differential test holds it to that) at a fraction of the cost: one source line of
    /// printable ASCII without tabs or trailing spaces, a non-empty span inside it, one-line
    /// texts, everything narrower than [`SIMPLE_WIDTH`]. `None` for anything else, which goes to
    /// annotate-snippets. Rendering was half the time of checking many broken files.
    fn render_simple(&self) -> Option<String> {
        use std::fmt::Write as _;
        // One line without control characters (a byte scan for the usual ASCII text).
        let one_line = |t: &str| {
            t.bytes().all(|b| (b' '..=b'~').contains(&b))
                || !t.contains(|c: char| c.is_control() || c == '\u{2028}' || c == '\u{2029}')
        };
        let source = self.source;
        let simple_source = !source.is_empty()
            && source.len() <= SIMPLE_WIDTH
            && source.bytes().all(|b| (b' '..=b'~').contains(&b))
            && !source.ends_with(' ');
        let (severity, code, message) = (self.severity.as_str(), self.code, self.message);
        let texts = [severity, code, message, self.path, self.label]
            .into_iter()
            .chain(self.help)
            .chain(self.notes.iter().map(String::as_str));
        if !simple_source
            || self.span.start >= self.span.end
            || self.span.end > source.len()
            || self.label.is_empty()
            || self.span.end + 1 + self.label.len() > SIMPLE_WIDTH
            || !texts.clone().all(one_line)
        {
            return None;
        }
        let number = self.line.to_string();
        let pad = " ".repeat(number.len());
        let mut out = String::with_capacity(256 + 2 * source.len());
        let _ = write!(
            out,
            "{severity}[{code}]: {message}\n{pad}--> {}:{}:{}\n{pad} |\n{number} | {source}\n{pad} | {}{} {}",
            self.path,
            self.line,
            self.column,
            " ".repeat(self.span.start),
            "^".repeat(self.span.end - self.span.start),
            self.label
        );
        if self.help.is_some() || !self.notes.is_empty() {
            let _ = write!(out, "\n{pad} |");
        }
        for (kind, text) in self
            .help
            .map(|h| ("help", h))
            .into_iter()
            .chain(self.notes.iter().map(|n| ("note", n.as_str())))
        {
            let _ = write!(out, "\n{pad} = {kind}: {text}");
        }
        Some(out)
    }

    /// The drawing by annotate-snippets (any case, plain or coloured).
    fn render_annotated(&self, renderer: &Renderer) -> String {
        let level = match self.severity {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
            _ => Level::INFO,
        };
        let mut group = level.primary_title(self.message).id(self.code).element(
            Snippet::source(self.source)
                .line_start(self.line)
                .path(self.path)
                .annotation(
                    AnnotationKind::Primary
                        .span(self.span.clone())
                        .label(self.label),
                ),
        );
        if let Some(help) = self.help {
            group = group.element(Level::HELP.message(help));
        }
        for note in self.notes {
            group = group.element(Level::NOTE.message(note.as_str()));
        }
        renderer.render(&[group])
    }
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

/// The source excerpt made safe for a terminal, and `span` (a byte range of `s`) moved to the
/// same characters in it: each unsafe character becomes one `?` (so columns, which count
/// characters, stay those of the file); tabs and line feeds stay, and a carriage return (a
/// Windows line ending) becomes a space.
fn printable_source(s: &str, span: std::ops::Range<usize>) -> (String, std::ops::Range<usize>) {
    let mut out = String::with_capacity(s.len());
    let (mut start, mut end) = (None, None);
    for (i, c) in s.char_indices() {
        if i >= span.start && start.is_none() {
            start = Some(out.len());
        }
        if i >= span.end && end.is_none() {
            end = Some(out.len());
        }
        match c {
            '\t' | '\n' => out.push(c),
            '\r' => out.push(' '),
            c if text::is_unsafe(c) => out.push('?'),
            c => out.push(c),
        }
    }
    let start = start.unwrap_or(out.len());
    let end = end.unwrap_or(out.len()).max(start);
    (out, start..end)
}

/// The one-line verdict for a file.
pub(crate) fn summary(path: &str, report: &Report) -> String {
    let (errors, warnings, _) = report.counts();
    let operation = match (report.template_resources, report.operation) {
        (Some(n), _) => format!(
            "CloudFormation template, {}",
            crate::check::plural(n, "IoT job resource")
        ),
        (None, op) => operation_name(op, report.operation_detected),
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

/// The operation part of a file's verdict.
fn operation_name(op: Option<iot_jobs_lint::Operation>, detected: bool) -> String {
    match op {
        Some(op) if detected => format!("{} (detected)", op.api_name()),
        Some(op) => op.api_name().to_string(),
        None => "unknown operation".to_string(),
    }
}

#[cfg(test)]
mod tests {
    //! The plain drawing of the common case against annotate-snippets: byte-identical on every
    //! diagnostic of the fixture corpus and on generated excerpts.
    use super::*;
    use proptest::prelude::*;

    /// Draws `e` both ways; returns whether the simple drawing applied.
    fn same(e: &Excerpt<'_>) -> bool {
        let Some(simple) = e.render_simple() else {
            return false;
        };
        let annotated = e.render_annotated(&Renderer::plain().term_width(120));
        assert_eq!(
            simple, annotated,
            "differs for {:?} in {:?}",
            e.span, e.source
        );
        true
    }

    #[test]
    fn corpus_diagnostics_draw_the_same() {
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/corpus");
        let options = iot_jobs_lint::LintOptions::new("2026-12-01T00:00:00Z".parse().unwrap());
        let (mut simple, mut all) = (0, 0);
        let mut dirs = vec![std::path::PathBuf::from(root)];
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(&dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    dirs.push(path);
                    continue;
                }
                let name = path.to_string_lossy().into_owned();
                if name.ends_with(".expect.json") {
                    continue;
                }
                let bytes = std::fs::read(&path).unwrap();
                let report = iot_jobs_lint::lint(&bytes, &options);
                let text = String::from_utf8_lossy(&bytes);
                // The ratio below is about request files; templates are drawn and checked too.
                let request = !iot_jobs_lint::is_template(&text);
                for d in &report.diagnostics {
                    all += usize::from(request);
                    let range = clamp_range(&text, d.span.clone());
                    let first = text[..range.start].rfind('\n').map_or(0, |i| i + 1);
                    let last = text[range.end..]
                        .find('\n')
                        .map_or(text.len(), |i| range.end + i);
                    let (source, span) = printable_source(
                        &text[first..last],
                        (range.start - first)..(range.end - first),
                    );
                    let notes = notes(&name, d);
                    let help = d.help.as_deref().map(printable);
                    let message = printable(&d.message);
                    let label = format!("at {}", printable(&d.pointer));
                    let e = Excerpt {
                        severity: d.severity,
                        code: d.code.as_str(),
                        message: &message,
                        path: &name,
                        line: d.line as usize,
                        column: d.column as usize,
                        source: &source,
                        span,
                        label: &label,
                        help: help.as_deref(),
                        notes: &notes,
                    };
                    simple += usize::from(same(&e) && request);
                    // Whichever way it is drawn, the place is the diagnostic's own line and
                    // column (an escaped character once shifted annotate-snippets' column).
                    let drawn = e.render_annotated(&Renderer::plain().term_width(120));
                    let place = format!("{name}:{}:{}\n", d.line, d.column);
                    assert!(drawn.contains(&place), "{place} not in\n{drawn}");
                }
            }
        }
        // The simple drawing must be the common case, or it buys nothing.
        assert!(all > 500, "{all} diagnostics");
        eprintln!("{simple} of {all} diagnostics drawn the simple way");
        assert!(
            simple * 10 > all * 7,
            "{simple} of {all} drawn the simple way"
        );
    }

    /// The one-based column of byte `at` of an ASCII line.
    fn column(at: usize) -> usize {
        at + 1
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]
        #[test]
        fn generated_excerpts_draw_the_same(
            indent in 0usize..12,
            body in "[ -~]{1,90}",
            start in 0usize..100,
            len in 0usize..100,
            line in 1usize..200_000,
            severity in 0usize..3,
            message in "[ -~]{0,150}",
            label in "[ -~]{1,40}",
            help in proptest::option::of("[ -~]{0,150}"),
            notes in proptest::collection::vec("[ -~]{0,80}", 0..3),
        ) {
            let source = format!("{}{body}", " ".repeat(indent));
            let start = start.min(source.len());
            let end = (start + len).min(source.len());
            let e = Excerpt {
                severity: [Severity::Error, Severity::Warning, Severity::Info][severity],
                code: "model/pattern",
                message: &message,
                path: "jobs/a.job.json",
                line,
                column: column(start),
                source: &source,
                span: start..end,
                label: &label,
                help: help.as_deref(),
                notes: &notes,
            };
            let drawn = same(&e);
            // Inside the documented preconditions the simple drawing must apply (so this test
            // compares drawings, not only declines).
            let eligible = end > start
                && !source.ends_with(' ')
                && source.len() <= SIMPLE_WIDTH
                && end + 1 + label.len() <= SIMPLE_WIDTH;
            prop_assert_eq!(drawn, eligible);
        }
    }
}
