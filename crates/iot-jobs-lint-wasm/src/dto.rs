//! The data that crosses the JS boundary, kept apart from the core's types so that the package's
//! contract (field names, `null`s, string unions) stays stable when the core changes shape.
//!
//! Every type derives [`Tsify`], which writes its TypeScript declaration into the `.d.ts` that
//! wasm-bindgen generates; the field names here are exactly the CLI's `--format json` ones.
//! Values are serialized with [`serde_wasm_bindgen::Serializer::json_compatible`], so an absent
//! `Option` is `null` (as in the CLI's JSON), never `undefined`.

use iot_jobs_lint as core;
use serde::{Deserialize, Serialize};
use tsify::Tsify;

/// The operation an input belongs to, named as the AWS CLI names the command.
#[derive(Tsify, Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq)]
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

impl From<core::Operation> for Operation {
    fn from(o: core::Operation) -> Self {
        match o {
            core::Operation::CreateJob => Operation::CreateJob,
            core::Operation::CreateJobTemplate => Operation::CreateJobTemplate,
            core::Operation::DescribeJob => Operation::DescribeJob,
            core::Operation::DescribeJobTemplate => Operation::DescribeJobTemplate,
            // The core may name operations this package does not know yet; they are read as
            // requests until the package learns them.
            _ => Operation::CreateJob,
        }
    }
}

/// The service-model edition an input is checked against.
#[derive(Tsify, Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq)]
pub enum ServiceModel {
    /// The 2023-03-02 model (the maintenance-window release).
    #[serde(rename = "2023-03-02")]
    V2023_03_02,
    /// Today's model.
    #[serde(rename = "latest")]
    Latest,
}

impl From<core::Edition> for ServiceModel {
    fn from(e: core::Edition) -> Self {
        match e {
            core::Edition::V2023_03_02 => ServiceModel::V2023_03_02,
            core::Edition::Latest => ServiceModel::Latest,
            _ => ServiceModel::Latest,
        }
    }
}

/// How sure the linter is that AWS rejects (or mishandles) the input: `error` when the service
/// model or the API reference states the constraint, `warning` when it is inferred from documented
/// behaviour, `info` for a note.
#[derive(Tsify, Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The input breaks a stated constraint.
    Error,
    /// Probably a mistake, judged from documented or observed behaviour.
    Warning,
    /// Informational.
    Info,
}

impl From<core::Severity> for Severity {
    fn from(s: core::Severity) -> Self {
        match s {
            core::Severity::Error => Severity::Error,
            core::Severity::Warning => Severity::Warning,
            core::Severity::Info => Severity::Info,
            _ => Severity::Info,
        }
    }
}

/// One problem found in the input. Lines and columns are 1-based; columns count Unicode code
/// points. For an object input they refer to `JSON.stringify(input)`.
#[derive(Tsify, Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
#[tsify(missing_as_null)]
pub struct Diagnostic {
    /// Stable rule code, `family/name` (`model/range`, `schedule/start-too-soon`).
    pub code: String,
    /// How certain the problem is.
    pub severity: Severity,
    /// RFC 6901 JSON Pointer of the offending member (`""` for the whole document).
    pub pointer: String,
    /// What is wrong, with the limit and the actual value.
    pub message: String,
    /// How to fix it, when a fix is known.
    pub help: Option<String>,
    /// 1-based line where the offending value starts.
    pub line: u32,
    /// 1-based column (code points) where the offending value starts.
    pub column: u32,
    /// 1-based line where the offending value ends.
    pub end_line: u32,
    /// 1-based column (code points) just past the end of the offending value.
    pub end_column: u32,
    /// Byte range of the offending text in the UTF-8 encoding of the input.
    pub span: Span,
    /// Machine-applicable fixes, the preferred one first.
    pub fixes: Vec<Fix>,
    /// Other places that explain the problem.
    pub related: Vec<Related>,
}

/// A byte range `[start, end)` in the UTF-8 encoding of the input.
#[derive(Tsify, Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    /// First byte.
    pub start: u32,
    /// Byte just past the end.
    pub end: u32,
}

impl From<&std::ops::Range<usize>> for Span {
    fn from(r: &std::ops::Range<usize>) -> Self {
        let clamp = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        Span {
            start: clamp(r.start),
            end: clamp(r.end),
        }
    }
}

/// Whether a fix can be applied without review: `safe` (meaning-preserving and certain) or
/// `suggested` (changes meaning or guesses).
#[derive(Tsify, Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Applicability {
    /// Meaning-preserving and certain.
    Safe,
    /// Changes meaning or guesses what was meant.
    Suggested,
}

/// One replacement: the bytes `span` become `replacement`.
#[derive(Tsify, Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    /// The bytes replaced (empty for an insertion).
    pub span: Span,
    /// The new text.
    pub replacement: String,
}

/// A machine-applicable fix.
#[derive(Tsify, Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    /// What the fix does.
    pub message: String,
    /// Whether it can be applied without review.
    pub applicability: Applicability,
    /// Its edits, which never overlap.
    pub edits: Vec<Edit>,
}

/// Another place that explains a diagnostic.
#[derive(Tsify, Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct Related {
    /// JSON Pointer of the place.
    pub pointer: String,
    /// What it is.
    pub message: String,
    /// Its byte range.
    pub span: Span,
    /// 1-based line.
    pub line: u32,
    /// 1-based column (code points).
    pub column: u32,
}

impl From<&core::Diagnostic> for Diagnostic {
    fn from(d: &core::Diagnostic) -> Self {
        Diagnostic {
            code: d.code.to_string(),
            severity: d.severity.into(),
            pointer: d.pointer.clone(),
            message: d.message.clone(),
            help: d.help.clone(),
            line: d.line,
            column: d.column,
            end_line: d.end_line,
            end_column: d.end_column,
            span: (&d.span).into(),
            fixes: d
                .fixes
                .iter()
                .map(|f| Fix {
                    message: f.message.clone(),
                    applicability: match f.applicability {
                        core::Applicability::Safe => Applicability::Safe,
                        _ => Applicability::Suggested,
                    },
                    edits: f
                        .edits
                        .iter()
                        .map(|e| Edit {
                            span: (&e.span).into(),
                            replacement: e.replacement.clone(),
                        })
                        .collect(),
                })
                .collect(),
            related: d
                .related
                .iter()
                .map(|r| Related {
                    pointer: r.pointer.clone(),
                    message: r.message.clone(),
                    span: (&r.span).into(),
                    line: r.line,
                    column: r.column,
                })
                .collect(),
        }
    }
}

/// The outcome of `lint()`: the same fields as one file of the CLI's `--format json`.
#[derive(Tsify, Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
#[tsify(missing_as_null)]
pub struct LintReport {
    /// The operation the input was checked as; `null` when it is not a JSON object or its
    /// operation could not be told (then a diagnostic `input/operation-unknown` says so).
    pub operation: Option<Operation>,
    /// Whether the operation was detected from the content rather than given.
    pub operation_detected: bool,
    /// The edition the input was checked against.
    pub service_model: ServiceModel,
    /// Every problem found, in source order.
    pub diagnostics: Vec<Diagnostic>,
    /// For a CloudFormation template: how many `AWS::IoT::Job` and `AWS::IoT::JobTemplate`
    /// resources it declares (each checked against its CloudFormation schema and as its API
    /// request); absent for an API request or response (as in the CLI's JSON).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub template_resources: Option<u32>,
}

impl From<&core::Report> for LintReport {
    fn from(r: &core::Report) -> Self {
        LintReport {
            operation: r.operation.map(Into::into),
            operation_detected: r.operation_detected,
            service_model: r.service_model.into(),
            diagnostics: r.diagnostics.iter().map(Into::into).collect(),
            template_resources: r
                .template_resources
                .map(|n| u32::try_from(n).unwrap_or(u32::MAX)),
        }
    }
}

/// One upcoming rollout start, as DescribeJob lists them in `scheduledJobRollouts`.
#[derive(Tsify, Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct ScheduledJobRollout {
    /// Start of the window, `YYYY-MM-DDTHH:MM` in UTC.
    pub start_time: String,
}

/// One upcoming maintenance window.
#[derive(Tsify, Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct ScheduledWindow {
    /// Start, `YYYY-MM-DDTHH:MM` in UTC.
    pub start: String,
    /// End (start + `durationInMinutes`), `YYYY-MM-DDTHH:MM` in UTC.
    pub end: String,
    /// Index of the window in `maintenanceWindows`.
    pub maintenance_window: u32,
}

/// The outcome of `schedule()`: the next maintenance-window starts and the schedule's diagnostics.
#[derive(Tsify, Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
#[tsify(missing_as_null)]
pub struct Schedule {
    /// The operation the input was read as; `null` when it could not be told.
    pub operation: Option<Operation>,
    /// Where the preview starts, `YYYY-MM-DDTHH:MM` UTC: the later of `now` and `startTime`.
    pub from: String,
    /// `endTime`, when the job has one: no window at or after it is listed.
    pub until: Option<String>,
    /// How many maintenance windows the input declares, whether or not they can be previewed (0:
    /// the rollout is not limited to windows, and both lists are empty).
    pub declared_windows: u32,
    /// How many of them can be previewed (their cron is valid and still fires); fewer than
    /// `declaredWindows` means some have errors, listed in `diagnostics`.
    pub previewable_windows: u32,
    /// The next window starts, in the DescribeJob shape.
    pub scheduled_job_rollouts: Vec<ScheduledJobRollout>,
    /// The same windows with their ends and the window each comes from.
    pub windows: Vec<ScheduledWindow>,
    /// The diagnostics that concern the schedule, plus any that make the input unreadable.
    pub diagnostics: Vec<Diagnostic>,
}

impl From<&core::Schedule> for Schedule {
    fn from(s: &core::Schedule) -> Self {
        Schedule {
            operation: s.operation.map(Into::into),
            from: s.from.clone(),
            until: s.until.clone(),
            declared_windows: u32::try_from(s.declared_windows).unwrap_or(u32::MAX),
            previewable_windows: u32::try_from(s.previewable_windows).unwrap_or(u32::MAX),
            scheduled_job_rollouts: s
                .scheduled_job_rollouts
                .iter()
                .map(|r| ScheduledJobRollout {
                    start_time: r.start_time.clone(),
                })
                .collect(),
            windows: s
                .windows
                .iter()
                .map(|w| ScheduledWindow {
                    start: w.start.clone(),
                    end: w.end.clone(),
                    maintenance_window: u32::try_from(w.maintenance_window).unwrap_or(u32::MAX),
                })
                .collect(),
            diagnostics: s.diagnostics.iter().map(Into::into).collect(),
        }
    }
}

/// One rule of the registry (one diagnostic code).
#[derive(Tsify, Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct RuleInfo {
    /// Stable code, `family/name`.
    pub code: String,
    /// Default severity of the diagnostics this rule emits.
    pub severity: Severity,
    /// One-line summary.
    pub summary: String,
    /// Where the constraint comes from (`inferred` where it is deduced rather than stated).
    pub source: String,
    /// Whether the exported JSON Schema can carry this rule.
    pub json_schema: bool,
    /// The fix the rule's diagnostics carry, in words, starting with its applicability
    /// (`safe: …`, `suggested: …`); absent when the rule offers none.
    #[tsify(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fix: Option<String>,
}

impl From<&core::RuleInfo> for RuleInfo {
    fn from(r: &core::RuleInfo) -> Self {
        RuleInfo {
            code: r.code.to_string(),
            severity: r.severity.into(),
            summary: r.summary.to_string(),
            source: r.source.to_string(),
            json_schema: r.json_schema,
            fix: r.fix.map(str::to_string),
        }
    }
}

/// Options of `lint()`. Every member is optional; unknown members are a `TypeError`.
///
/// This type only describes what the functions accept: the options are read member by member
/// (see `options.rs`) so that each misuse gets its own message.
#[derive(Tsify, Serialize, Deserialize, Debug, Clone, Default, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct LintOptions {
    /// The operation; detected from the content when absent. The API names (`CreateJob`) are
    /// accepted too.
    #[tsify(optional)]
    pub operation: Option<Operation>,
    /// The current time for the scheduling rules: a `Date`, an RFC 3339 string
    /// (`2026-03-01T12:00:00Z`) or milliseconds since the epoch (`Date.now()`, the cheapest).
    /// Defaults to the host's clock (at each call, for a linter).
    #[tsify(optional, type = "Date | string | number")]
    pub now: Option<String>,
    /// The service-model edition; default `latest`.
    #[tsify(optional)]
    pub service_model: Option<ServiceModel>,
    /// The largest input checked, in bytes (default 4 MiB, 4194304); a larger one gets only
    /// `input/too-large`.
    #[tsify(optional)]
    pub max_input_bytes: Option<u32>,
}

/// Options of `schedule()`: those of `lint()` and how many window starts to list.
#[derive(Tsify, Serialize, Deserialize, Debug, Clone, Default, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct ScheduleOptions {
    /// The options of `lint()`.
    #[serde(flatten)]
    pub lint: LintOptions,
    /// How many window starts to list, an integer from 1 to 1000; default 7.
    #[tsify(optional)]
    pub count: Option<u32>,
}
