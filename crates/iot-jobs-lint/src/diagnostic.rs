//! The one diagnostic type shared by every front end (library, CLI, npm package, web page), with
//! its machine-applicable fixes.

use crate::registry::RuleInfo;
use serde::{Deserialize, Serialize};
use std::ops::Range;

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
#[non_exhaustive]
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

/// The identity of the rule that produced a diagnostic: a reference to its registry entry.
///
/// It compares, prints and serializes as the rule's code (`"model/range"`); deserializing looks
/// the code up in the registry, so an unknown code is an error rather than a silent string.
#[derive(Clone, Copy)]
pub struct Code(&'static RuleInfo);

impl Code {
    /// The code of `rule`.
    pub fn of(rule: &'static RuleInfo) -> Code {
        Code(rule)
    }

    /// The code as text (`model/range`).
    pub fn as_str(&self) -> &'static str {
        self.0.code
    }

    /// The rule's registry entry: severity, summary, source, fix availability, examples.
    pub fn rule(&self) -> &'static RuleInfo {
        self.0
    }
}

impl PartialEq for Code {
    fn eq(&self, other: &Code) -> bool {
        self.0.code == other.0.code
    }
}
impl Eq for Code {}

impl PartialEq<str> for Code {
    fn eq(&self, other: &str) -> bool {
        self.0.code == other
    }
}
impl PartialEq<&str> for Code {
    fn eq(&self, other: &&str) -> bool {
        self.0.code == *other
    }
}

impl std::hash::Hash for Code {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.0.code.hash(state);
    }
}

impl std::fmt::Debug for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}", self.0.code)
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0.code)
    }
}

impl Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.0.code)
    }
}

impl<'de> Deserialize<'de> for Code {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Code, D::Error> {
        let code = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        crate::registry::find(&code)
            .map(Code)
            .ok_or_else(|| serde::de::Error::custom(format!("unknown rule code `{code}`")))
    }
}

/// Whether a fix can be applied without a person looking at it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Applicability {
    /// Meaning-preserving and certain: a tool may apply it without review ([`apply_fixes`] with
    /// `up_to` [`Applicability::Safe`]).
    Safe,
    /// Changes what the request means, or guesses what was meant: for a person to accept
    /// ([`apply_fixes`] applies it only with `up_to` [`Applicability::Suggested`]).
    Suggested,
}

impl Applicability {
    /// `safe` or `suggested`.
    pub fn as_str(self) -> &'static str {
        match self {
            Applicability::Safe => "safe",
            Applicability::Suggested => "suggested",
        }
    }
}

/// The cron crate's fix suggestions carry its own applicability (it does not depend on this
/// crate); the two mean the same, value for value.
impl From<iot_jobs_lint_cron::Applicability> for Applicability {
    fn from(a: iot_jobs_lint_cron::Applicability) -> Applicability {
        match a {
            iot_jobs_lint_cron::Applicability::Safe => Applicability::Safe,
            iot_jobs_lint_cron::Applicability::Suggested => Applicability::Suggested,
        }
    }
}

/// One text replacement: the bytes `span` of the input become `replacement`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Edit {
    /// Byte range of the input that is replaced (empty for an insertion).
    pub span: Range<usize>,
    /// The new text (empty for a deletion).
    pub replacement: String,
}

impl Edit {
    /// Replaces `span` with `replacement`.
    pub fn new(span: Range<usize>, replacement: impl Into<String>) -> Edit {
        Edit {
            span,
            replacement: replacement.into(),
        }
    }
}

/// A machine-applicable fix: what it does, how safe it is, and its edits (which never overlap).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Fix {
    /// What the fix does, for a menu or a summary ("replace with `SNAPSHOT`").
    pub message: String,
    /// Whether it can be applied without review.
    pub applicability: Applicability,
    /// The edits, sorted by position.
    pub edits: Vec<Edit>,
}

impl Fix {
    /// A fix of one edit.
    pub fn replace(
        message: impl Into<String>,
        applicability: Applicability,
        span: Range<usize>,
        replacement: impl Into<String>,
    ) -> Fix {
        Fix {
            message: message.into(),
            applicability,
            edits: vec![Edit::new(span, replacement)],
        }
    }
}

/// Another place that explains a diagnostic: the winning copy of a repeated member, the window
/// that overlaps.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Related {
    /// JSON Pointer of the other place.
    pub pointer: String,
    /// What it is.
    pub message: String,
    /// Its byte range.
    pub span: Range<usize>,
    /// 1-based line where it starts.
    pub line: u32,
    /// 1-based column (code points) where it starts.
    pub column: u32,
}

/// One problem found in the input.
///
/// This is the serializable contract shared by the CLI's `--format json`, the npm package and the
/// web page: field names are camelCase in JSON.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Diagnostic {
    /// The rule: a stable hierarchical code (`model/range`, `schedule/start-too-soon`).
    pub code: Code,
    /// How certain the problem is.
    pub severity: Severity,
    /// RFC 6901 JSON Pointer of the offending member (for a missing member, the pointer the member
    /// would have; `""` for the whole document).
    pub pointer: String,
    /// What is wrong, with the limit and the actual value.
    pub message: String,
    /// How to fix it, in words, when a fix is known.
    pub help: Option<String>,
    /// Byte range of the offending text in the input (for a missing member: its parent's `{`).
    pub span: Range<usize>,
    /// 1-based line of the offending value (for a missing member: of its parent object).
    pub line: u32,
    /// 1-based column, counted in Unicode code points.
    pub column: u32,
    /// 1-based line where the offending value ends.
    pub end_line: u32,
    /// 1-based column just past the end of the offending value, in code points.
    pub end_column: u32,
    /// Machine-applicable fixes, the preferred one first.
    pub fixes: Vec<Fix>,
    /// Other places that explain the problem.
    pub related: Vec<Related>,
}

/// What [`apply_fixes`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Fixed {
    /// The text with the fixes applied.
    pub text: String,
    /// How many fixes were applied.
    pub applied: usize,
    /// How many diagnostics had a fix that was not applied (not safe enough, or overlapping one
    /// that was).
    pub skipped: usize,
}

/// Applies the first fix of each diagnostic whose applicability is at most `up_to`
/// ([`Applicability::Safe`]: safe fixes only; [`Applicability::Suggested`]: all). Fixes whose
/// edits overlap an earlier applied fix are skipped (run again to apply them). `text` must be the
/// text the diagnostics were produced from.
pub fn apply_fixes(text: &str, diagnostics: &[Diagnostic], up_to: Applicability) -> Fixed {
    let mut chosen: Vec<&Fix> = Vec::new();
    let mut skipped = 0;
    for d in diagnostics {
        match d.fixes.first() {
            Some(f) if f.applicability <= up_to => chosen.push(f),
            Some(_) => skipped += 1,
            None => {}
        }
    }
    crate::sort::sort_by_key(&mut chosen, |f| f.edits.first().map_or(0, |e| e.span.start));
    let mut edits: Vec<&Edit> = Vec::new();
    let mut applied = 0;
    let mut last_end = 0usize;
    let mut last_insert_at = None;
    for fix in chosen {
        let ok = fix.edits.iter().all(|e| {
            e.span.start <= e.span.end
                && e.span.end <= text.len()
                && text.is_char_boundary(e.span.start)
                && text.is_char_boundary(e.span.end)
        });
        let first = fix.edits.first().map_or(0, |e| e.span.start);
        // Two insertions at one point would be ordered arbitrarily: keep the first.
        let clashes = first < last_end
            || fix
                .edits
                .first()
                .is_some_and(|e| e.span.is_empty() && last_insert_at == Some(e.span.start));
        if !ok || clashes {
            skipped += 1;
            continue;
        }
        for e in &fix.edits {
            last_end = last_end.max(e.span.end);
            if e.span.is_empty() {
                last_insert_at = Some(e.span.start);
            }
        }
        edits.extend(fix.edits.iter());
        applied += 1;
    }
    crate::sort::sort_by_key(&mut edits, |e| (e.span.start, e.span.end));
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for e in edits {
        if e.span.start < at {
            continue;
        }
        out.push_str(&text[at..e.span.start]);
        out.push_str(&e.replacement);
        at = e.span.end;
    }
    out.push_str(&text[at..]);
    Fixed {
        text: out,
        applied,
        skipped,
    }
}
