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
