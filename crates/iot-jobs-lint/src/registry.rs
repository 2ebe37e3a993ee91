//! The rule registry: every diagnostic code, its severity, a summary and its source.

use crate::diagnostic::Severity;
use serde::Serialize;

/// Static description of one rule (one diagnostic code).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct RuleInfo {
    /// Stable hierarchical code, `family/name` (for example `model/range`).
    pub code: &'static str,
    /// Default severity of the diagnostics this rule emits.
    pub severity: Severity,
    /// One-line summary in our own words.
    pub summary: &'static str,
    /// Where the constraint comes from: a service model shape, an API reference page, a developer
    /// guide page, or `inferred` with the reasoning.
    pub source: &'static str,
    /// Whether a JSON Schema validator can express this rule (used by the schema export and its
    /// differential test).
    pub json_schema: bool,
}
