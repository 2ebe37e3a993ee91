//! # iot-jobs-lint
//!
//! Checks AWS IoT Jobs API input before it reaches AWS: `CreateJob` and `CreateJobTemplate`
//! requests (the JSON that `aws iot create-job --cli-input-json`, an SDK or a console sends), and
//! `DescribeJob` / `DescribeJobTemplate` responses. It reports every problem in one pass, each as a
//! [`Diagnostic`] with a stable rule code, a severity, the RFC 6901 JSON Pointer of the offending
//! member, its line and column, a message that states the limit and the actual value, and a fix
//! where one is known.
//!
//! The core is pure: no I/O, no clock, no threads. Rules that depend on the current time (a
//! scheduled job must start at least 30 minutes from now, ...) take `now` from
//! [`LintOptions::now`]; the CLI and the npm package pass the host's clock.
//!
//! ```
//! use iot_jobs_lint::{lint, LintOptions, Operation};
//! let now = "2026-01-01T00:00:00Z".parse().unwrap();
//! let request = br#"{"jobId": "release 1.2", "targets": ["arn:aws:iot:us-east-1:111122223333:thing/pump-7"],
//!                    "document": "{}"}"#;
//! let report = lint(request, &LintOptions::new(now));
//! assert_eq!(report.operation, Some(Operation::CreateJob));
//! assert_eq!(report.diagnostics[0].code, "model/pattern");
//! assert_eq!(report.diagnostics[0].pointer, "/jobId");
//! ```
//!
//! Every diagnostic carries its byte [`span`](Diagnostic::span) and, where the change is
//! mechanical, [`Fix`]es that [`apply_fixes`] applies ([`fix_all`]: round after round, as `--fix` does). [`analyze`] returns the report and the
//! maintenance-window preview from one pass.
//!
//! Layout: [`shapes`] is the service model as data (per [`Edition`]); the rules live in one
//! private module per family, each declaring its [`RuleInfo`] entries; [`registry`] lists every
//! rule with its metadata and examples; [`model`] re-exports the typed serde models; [`cron`]
//! re-exports the maintenance-window cron dialect; [`schema`] exports the editor JSON Schemas.

#![deny(missing_docs)]
#![forbid(unsafe_code)]
// No panic by construction: outside tests, no unwrap, expect, panic, unreachable or unchecked
// indexing (modules that index bytes in hot loops after their own bounds checks say so and
// allow `indexing_slicing` alone; the fuzz targets in fuzz/ exercise them).
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::unreachable,
        clippy::todo,
        clippy::unimplemented,
        clippy::indexing_slicing
    )
)]

mod decimal;
pub mod diagnostic;
pub mod output;
pub mod preview;
pub mod registry;
mod rules;
pub mod schema;
pub mod selection;
pub mod shapes;
use iot_jobs_lint_cron::sort;
mod syntax;
mod template;
pub mod text;
mod unicode;

pub use diagnostic::{
    Applicability, Code, Diagnostic, Edit, Fix, Fixed, Related, Severity, apply_fixes,
};
pub use iot_jobs_lint_cron as cron;
pub use iot_jobs_lint_model as model;
pub use preview::{Schedule, schedule};
pub use registry::RuleInfo;
pub use syntax::MAX_DEPTH;
pub use template::is_template;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// A service-model edition: which version of the AWS IoT API model the input is checked against.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
#[non_exhaustive]
pub enum Edition {
    /// The model released on 2023-03-02, which added recurring maintenance windows
    /// (`durationInMinutes` 30..=1430, no `destinationPackageVersions`, `documentParameters`
    /// values up to 512 code points).
    #[serde(rename = "2023-03-02")]
    V2023_03_02,
    /// Today's model (botocore 2026-06-02; no change to these operations since 2025-01-27).
    #[default]
    #[serde(rename = "latest")]
    Latest,
}

impl Edition {
    /// Every edition, oldest first.
    pub const ALL: [Edition; 2] = [Edition::V2023_03_02, Edition::Latest];

    /// The name used on the command line and in JSON (`2023-03-02`, `latest`).
    pub fn as_str(self) -> &'static str {
        match self {
            Edition::V2023_03_02 => "2023-03-02",
            Edition::Latest => "latest",
        }
    }
}

impl std::str::FromStr for Edition {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Edition::ALL
            .into_iter()
            .find(|e| e.as_str() == s)
            .ok_or_else(|| {
                format!("unknown service model `{s}`; expected `2023-03-02` or `latest`")
            })
    }
}

impl std::fmt::Display for Edition {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Which API operation a file belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub enum Operation {
    /// A `CreateJob` request (`aws iot create-job --cli-input-json`).
    #[serde(rename = "create-job")]
    CreateJob,
    /// A `CreateJobTemplate` request.
    #[serde(rename = "create-job-template")]
    CreateJobTemplate,
    /// A `DescribeJob` response (`aws iot describe-job` output).
    #[serde(rename = "describe-job")]
    DescribeJob,
    /// A `DescribeJobTemplate` response.
    #[serde(rename = "describe-job-template")]
    DescribeJobTemplate,
}

impl Operation {
    /// Every operation.
    pub const ALL: [Operation; 4] = [
        Operation::CreateJob,
        Operation::CreateJobTemplate,
        Operation::DescribeJob,
        Operation::DescribeJobTemplate,
    ];

    /// The kebab-case name (`create-job`), as the AWS CLI names the command.
    pub fn as_str(self) -> &'static str {
        match self {
            Operation::CreateJob => "create-job",
            Operation::CreateJobTemplate => "create-job-template",
            Operation::DescribeJob => "describe-job",
            Operation::DescribeJobTemplate => "describe-job-template",
        }
    }

    /// The API name (`CreateJob`).
    pub fn api_name(self) -> &'static str {
        match self {
            Operation::CreateJob => "CreateJob",
            Operation::CreateJobTemplate => "CreateJobTemplate",
            Operation::DescribeJob => "DescribeJob",
            Operation::DescribeJobTemplate => "DescribeJobTemplate",
        }
    }

    /// Whether the file is a request we send (create) rather than a response AWS returned.
    pub fn is_request(self) -> bool {
        matches!(self, Operation::CreateJob | Operation::CreateJobTemplate)
    }
}

impl std::str::FromStr for Operation {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Operation::ALL
            .into_iter()
            .find(|o| o.as_str() == s || o.api_name() == s)
            .ok_or_else(|| {
                format!(
                    "unknown operation `{s}`; expected one of create-job, create-job-template, describe-job, describe-job-template"
                )
            })
    }
}

impl std::fmt::Display for Operation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What to check and against what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LintOptions {
    /// The operation; `None` detects it from the content (see [`detect_operation`]). A
    /// CloudFormation template ignores it: each of its resources is checked as the operation
    /// its type makes (`AWS::IoT::Job`: CreateJob, `AWS::IoT::JobTemplate`: CreateJobTemplate).
    pub operation: Option<Operation>,
    /// The service-model edition (default [`Edition::Latest`]).
    pub service_model: Edition,
    /// The current time, for the rules that are relative to it (scheduling windows). The core never
    /// reads a clock: the host passes it.
    pub now: DateTime<Utc>,
    /// The largest input checked, in bytes (default [`DEFAULT_MAX_INPUT_BYTES`]); a larger one
    /// gets only `input/too-large`, before any parsing, so memory and time stay bounded.
    pub max_input_bytes: usize,
    /// Which rules report and at what severity (default: every rule at its own severity).
    pub rules: selection::RuleSelection,
}

/// The default input limit: 4 MiB. The API states no request size, but every part of a valid
/// request is bounded or small in practice: the document is at most 32,768 characters (about
/// 390 KB even if every character were written as a 12-byte surrogate-pair escape), 50 tags, 25
/// package versions, a few thousand target ARNs. 4 MiB is ten times the largest document written
/// at its most verbose, so no real request comes near it.
pub const DEFAULT_MAX_INPUT_BYTES: usize = 4 * 1024 * 1024;

impl LintOptions {
    /// Options with the operation detected from the content and the latest edition.
    pub fn new(now: DateTime<Utc>) -> LintOptions {
        LintOptions {
            operation: None,
            service_model: Edition::Latest,
            now,
            max_input_bytes: DEFAULT_MAX_INPUT_BYTES,
            rules: selection::RuleSelection::default(),
        }
    }
}

/// The outcome of checking one input.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Report {
    /// The operation the input was checked as; `None` when the input is not a JSON object or its
    /// operation could not be told (see the `input/operation-unknown` diagnostic).
    pub operation: Option<Operation>,
    /// Whether the operation was detected from the content rather than given.
    pub operation_detected: bool,
    /// The edition the input was checked against.
    pub service_model: Edition,
    /// Every problem found, in source order.
    pub diagnostics: Vec<Diagnostic>,
    /// For a CloudFormation template (or a single resource): how many `AWS::IoT::Job` and
    /// `AWS::IoT::JobTemplate` resources it declares, each checked against its CloudFormation
    /// schema and as the API request it produces; `None` for an API request or response.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub template_resources: Option<usize>,
}

impl Report {
    /// Whether any diagnostic has [`Severity::Error`].
    pub fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error)
    }

    /// Counts of (errors, warnings, infos).
    pub fn counts(&self) -> (usize, usize, usize) {
        let n = |s| self.diagnostics.iter().filter(|d| d.severity == s).count();
        (n(Severity::Error), n(Severity::Warning), n(Severity::Info))
    }
}

/// Checks one input given as bytes (invalid UTF-8 is reported, not a panic).
pub fn lint(input: &[u8], options: &LintOptions) -> Report {
    if input.len() > options.max_input_bytes {
        return rules::input::too_large(input.len(), options);
    }
    match std::str::from_utf8(input) {
        Ok(text) => lint_str(text, options),
        Err(e) => rules::json::invalid_utf8(input, e, options),
    }
}

/// Checks one input given as text.
pub fn lint_str(text: &str, options: &LintOptions) -> Report {
    if text.len() > options.max_input_bytes {
        return rules::input::too_large(text.len(), options);
    }
    rules::run(text, options, None).report
}

/// Most rounds of [`fix_all`]: fixes that overlap one another apply one per round.
pub const MAX_FIX_ROUNDS: usize = 8;

/// What [`fix_all`] made of one text.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Fixing {
    /// The text with every fix applied that could be.
    pub text: String,
    /// How many fixes were applied, over all rounds.
    pub applied: usize,
    /// The report of the final text (what is left to fix by hand).
    pub report: Report,
}

/// Applies the fixes up to `up_to` ([`Applicability::Safe`]: safe fixes only) again and again,
/// linting the text anew after each round, until a round changes nothing or after
/// [`MAX_FIX_ROUNDS`] rounds: what the CLI's `--fix`, the language server's "fix all" and the npm
/// package's `linter.fix()` do. The report is that of the final text.
pub fn fix_all(text: &str, options: &LintOptions, up_to: Applicability) -> Fixing {
    let mut current = text.to_string();
    let mut report = lint_str(&current, options);
    let mut applied = 0;
    for _ in 0..MAX_FIX_ROUNDS {
        let fixed = apply_fixes(&current, &report.diagnostics, up_to);
        if fixed.applied == 0 || fixed.text == current {
            break;
        }
        applied += fixed.applied;
        current = fixed.text;
        report = lint_str(&current, options);
    }
    Fixing {
        text: current,
        applied,
        report,
    }
}

/// The report and the maintenance-window preview of one input, from one pass.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Analysis {
    /// Every problem found (what [`lint`] returns).
    pub report: Report,
    /// The next window starts (what [`schedule`] returns).
    pub schedule: Schedule,
}

/// Checks one input and previews its next `count` maintenance-window starts in the same pass.
pub fn analyze(input: &[u8], options: &LintOptions, count: usize) -> Analysis {
    if input.len() > options.max_input_bytes {
        let report = rules::input::too_large(input.len(), options);
        let schedule = preview::empty(&report, options);
        return Analysis { report, schedule };
    }
    match std::str::from_utf8(input) {
        Ok(text) => {
            let a = rules::run(text, options, Some(count));
            let schedule = a
                .schedule
                .unwrap_or_else(|| preview::empty(&a.report, options));
            Analysis {
                report: a.report,
                schedule,
            }
        }
        Err(e) => {
            let report = rules::json::invalid_utf8(input, e, options);
            let schedule = preview::empty(&report, options);
            Analysis { report, schedule }
        }
    }
}

/// The analysis of an input that its host did not read in full because it is over
/// [`LintOptions::max_input_bytes`]: `input/too-large` alone, and an empty schedule. `size` is the
/// input's length when the host knows it (a file's metadata), `None` when all it knows is that
/// the input goes on past the limit (a stream read no further than the limit): the message then
/// says "more than" the limit.
pub fn too_large(size: Option<u64>, options: &LintOptions) -> Analysis {
    let report = rules::input::too_large_size(size, options);
    let schedule = preview::empty(&report, options);
    Analysis { report, schedule }
}

/// The most diagnostics one rule lists for one input (100); the rest are counted in one
/// `input/too-many-diagnostics` note, so a report stays small however hostile the input.
pub const MAX_DIAGNOSTICS_PER_RULE: usize = rules::MAX_PER_RULE;

/// Tells the operation of a request or response from its top-level members.
///
/// * a `job` object → DescribeJob response;
/// * `jobTemplateId` with `createdAt` or `jobTemplateArn` → DescribeJobTemplate response;
/// * `jobTemplateId` otherwise → CreateJobTemplate request;
/// * `jobId` or `targets` → CreateJob request;
/// * `jobArn` → CreateJobTemplate request (a template copied from a job).
///
/// Returns `None` when the input is not a JSON object or none of these applies.
pub fn detect_operation(text: &str) -> Option<Operation> {
    let tree = syntax::Tree::parse(text).ok()?;
    rules::detect(tree.root().as_object()?)
}

/// The README's Rust examples, compiled and run as doctests so they stay true.
#[cfg(doctest)]
#[doc = include_str!("../../../README.md")]
struct ReadmeDoctests;
