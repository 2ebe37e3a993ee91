//! The one diagnostic type shared by every front end (library, CLI, npm package, web page).

use serde::{Deserialize, Serialize};

/// How sure we are that the service rejects (or mishandles) the input.
///
/// * [`Severity::Error`]: the service model or the AWS IoT API reference states the constraint;
///   the request fails (or is certain to misbehave).
/// * [`Severity::Warning`]: the constraint is inferred from the service's documented behaviour
///   (developer guide prose, observed behaviour) or the input is accepted but very likely not what
///   was meant.
/// * [`Severity::Info`]: a note that needs no change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The request does not satisfy a stated constraint.
    Error,
    /// Probably a mistake, judged from documented or observed behaviour.
    Warning,
    /// Informational.
    Info,
}

impl Severity {
    /// The lowercase name used in JSON output and the rules reference (`error`, `warning`, `info`).
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

impl std::fmt::Display for Severity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One problem found in the input.
///
/// This is the serializable contract shared by the CLI's `--format json`, the npm package and the
/// web page: field names are camelCase in JSON.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Diagnostic {
    /// Stable hierarchical rule code (`model/range`, `schedule/start-too-soon`); see the registry.
    pub code: String,
    /// How certain the problem is.
    pub severity: Severity,
    /// RFC 6901 JSON Pointer of the offending member (for a missing member, the pointer the member
    /// would have; `""` for the whole document).
    pub pointer: String,
    /// What is wrong, with the limit and the actual value.
    pub message: String,
    /// How to fix it, when a fix is known.
    pub help: Option<String>,
    /// 1-based line of the offending value (for a missing member: of its parent object).
    pub line: u32,
    /// 1-based column, counted in Unicode code points.
    pub column: u32,
    /// 1-based line where the offending value ends.
    pub end_line: u32,
    /// 1-based column just past the end of the offending value, in code points.
    pub end_column: u32,
}

impl Diagnostic {
    /// The byte range of the diagnostic in `text` (the text it was produced from), for renderers
    /// that work on byte offsets. Positions past the end are clamped. This scans `text` from the
    /// start; for many diagnostics of one text use [`SourceMap`].
    pub fn byte_range(&self, text: &str) -> std::ops::Range<usize> {
        SourceMap::new(text).byte_range(self)
    }
}

/// Maps the 1-based line and code-point column of diagnostics back to byte offsets of the text
/// they were produced from. Built once per text (one linear pass); each lookup then costs at most
/// a few thousand character steps, however long the line.
pub struct SourceMap<'t> {
    text: &'t str,
    line_starts: Vec<usize>,
    /// Every [`CHECKPOINT`] characters: (line, column, byte offset).
    checkpoints: Vec<(u32, u32, usize)>,
}

/// Distance between checkpoints, in characters.
const CHECKPOINT: usize = 1024;

impl<'t> SourceMap<'t> {
    /// Indexes the line starts and checkpoints of `text`.
    pub fn new(text: &'t str) -> Self {
        let mut line_starts = vec![0];
        let mut checkpoints = Vec::new();
        let (mut line, mut column) = (1u32, 1u32);
        for (n, (i, c)) in text.char_indices().enumerate() {
            if n % CHECKPOINT == 0 {
                checkpoints.push((line, column, i));
            }
            if c == '\n' {
                line = line.saturating_add(1);
                column = 1;
                line_starts.push(i + 1);
            } else {
                column = column.saturating_add(1);
            }
        }
        SourceMap {
            text,
            line_starts,
            checkpoints,
        }
    }

    /// The byte range of `d` in the text (clamped to the text).
    pub fn byte_range(&self, d: &Diagnostic) -> std::ops::Range<usize> {
        let start = self.offset(d.line, d.column);
        let end = self.offset(d.end_line, d.end_column).max(start);
        start..end
    }

    /// Byte offset of a 1-based line and code-point column (clamped to the end of that line's
    /// text, or of the text).
    pub fn offset(&self, line: u32, column: u32) -> usize {
        let Some(&line_start) = self.line_starts.get(line.saturating_sub(1) as usize) else {
            return self.text.len();
        };
        // Start from the line start, or from a later checkpoint on the same line.
        let k = self
            .checkpoints
            .partition_point(|&(l, c, _)| (l, c) <= (line, column));
        let (mut col, mut byte) = match k.checked_sub(1).map(|k| self.checkpoints[k]) {
            Some((l, c, b)) if l == line && b >= line_start => (c, b),
            _ => (1, line_start),
        };
        for ch in self.text[byte..].chars() {
            if col >= column || ch == '\n' {
                break;
            }
            col += 1;
            byte += ch.len_utf8();
        }
        byte
    }
}
