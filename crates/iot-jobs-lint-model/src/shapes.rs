//! Nested structures shared by the four operations.
//!
//! Limits quoted in the documentation come from the vendored service models;
//! they are informational only and are not checked during deserialization.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::enums::{
    AbortAction, JobEndBehavior, JobExecutionFailureType, JobStatus, RetryableFailureType,
    TargetSelection,
};
use crate::timestamp::Timestamp;

/// Settings for the pre-signed Amazon S3 URLs that the service substitutes
/// into a job document (model shape `PresignedUrlConfig`).
///
/// Both members are optional in the model. `DescribeJob` echoes this object as
/// `{}` for jobs created without it; an empty object is kept distinct from an absent one.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct PresignedUrlConfig {
    /// `roleArn` (shape `RoleArn`): ARN of the IAM role the service assumes
    /// to read the S3 object. String of 20..=2048 characters. Optional in the
    /// model.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schemars", schemars(example = &"arn:aws:iam::111122223333:role/IoTJobsFirmwareDownload"))]
    pub role_arn: Option<String>,
    /// `expiresInSec` (shape `ExpiresInSec`, long): lifetime of each
    /// generated URL, in **seconds**, 60..=3600. When omitted the service
    /// uses 3600 seconds.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schemars", schemars(extend("default" = 3600)))]
    #[cfg_attr(feature = "schemars", schemars(example = 1800))]
    pub expires_in_sec: Option<i64>,
}

/// How fast new job executions are started
/// (model shape `JobExecutionsRolloutConfig`).
///
/// Both members are optional; `DescribeJob` may echo the object as `{}`.
/// The model does not say whether the two members may be combined.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct JobExecutionsRolloutConfig {
    /// `maximumPerMinute` (shape `MaxJobExecutionsPerMin`, integer): constant
    /// rollout rate, in **job executions per minute**. Minimum 1; the current
    /// model has no maximum (some pre-2023 editions capped it at 1000).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schemars", schemars(example = 100))]
    pub maximum_per_minute: Option<i32>,
    /// `exponentialRate` (shape `ExponentialRolloutRate`): a rollout rate that
    /// grows by a factor each time a threshold is met.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exponential_rate: Option<ExponentialRolloutRate>,
}

/// An accelerating rollout (model shape `ExponentialRolloutRate`).
///
/// All three members are required by the model.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct ExponentialRolloutRate {
    /// `baseRatePerMinute` (shape `RolloutRatePerMinute`, integer, required):
    /// starting rate in **job executions per minute**, 1..=1000.
    #[cfg_attr(feature = "schemars", schemars(example = 20))]
    pub base_rate_per_minute: i32,
    /// `incrementFactor` (shape `IncrementFactor`, double, required):
    /// multiplier applied to the rate at each step, 1.1..=5. The service
    /// accepts at most one digit after the decimal point (a prose-only rule).
    #[cfg_attr(feature = "schemars", schemars(example = 1.5))]
    pub increment_factor: f64,
    /// `rateIncreaseCriteria` (shape `RateIncreaseCriteria`, required): when
    /// the next rate increase happens.
    pub rate_increase_criteria: RateIncreaseCriteria,
}

/// Threshold that triggers the next increase of an exponential rollout
/// (model shape `RateIncreaseCriteria`).
///
/// Both members are optional in the model, but at least one must be set:
/// without a threshold the rate never increases.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct RateIncreaseCriteria {
    /// `numberOfNotifiedThings` (shape `NumberOfThings`, integer): number of
    /// things that must have been notified before the rate grows. Minimum 1.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schemars", schemars(example = 100))]
    pub number_of_notified_things: Option<i32>,
    /// `numberOfSucceededThings` (shape `NumberOfThings`, integer): number of
    /// executions that must have succeeded before the rate grows. Minimum 1.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schemars", schemars(example = 50))]
    pub number_of_succeeded_things: Option<i32>,
}

/// Rules for cancelling a job automatically when too many executions go wrong
/// (model shape `AbortConfig`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct AbortConfig {
    /// `criteriaList` (shape `AbortCriteriaList`, required): at least one
    /// criterion; the model sets no maximum.
    pub criteria_list: Vec<AbortCriteria>,
}

/// One automatic-abort rule (model shape `AbortCriteria`).
///
/// All four members are required by the model.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct AbortCriteria {
    /// `failureType` (shape `JobExecutionFailureType`, required): which
    /// execution outcome is counted.
    pub failure_type: JobExecutionFailureType,
    /// `action` (shape `AbortAction`, required): what to do when the rule
    /// fires; only `CANCEL` exists.
    pub action: AbortAction,
    /// `thresholdPercentage` (shape `AbortThresholdPercentage`, double,
    /// required): share of executed things, in **percent**, at or above which
    /// the rule fires. Model maximum 100, no model minimum; prose allows at
    /// most two digits after the decimal point.
    #[cfg_attr(feature = "schemars", schemars(example = 12.5))]
    pub threshold_percentage: f64,
    /// `minNumberOfExecutedThings` (shape `MinimumNumberOfExecutedThings`,
    /// integer, required): how many things must have been notified before the
    /// rule is evaluated. Minimum 1.
    #[cfg_attr(feature = "schemars", schemars(example = 20))]
    pub min_number_of_executed_things: i32,
}

/// Per-execution time limit (model shape `TimeoutConfig`).
///
/// `DescribeJob` may echo the object as `{}` for jobs created without it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct TimeoutConfig {
    /// `inProgressTimeoutInMinutes` (shape `InProgressTimeoutInMinutes`,
    /// long): how long an execution may stay `IN_PROGRESS`, in **minutes**.
    /// The model has no range; the documented range is 1..=10080 (7 days).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schemars", schemars(example = 60))]
    pub in_progress_timeout_in_minutes: Option<i64>,
}

/// Automatic retry of failed or timed-out executions
/// (model shape `JobExecutionsRetryConfig`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct JobExecutionsRetryConfig {
    /// `criteriaList` (shape `RetryCriteriaList`, required): 1..=2 criteria.
    /// Documentation adds that the retries of all criteria together may not
    /// exceed 10.
    pub criteria_list: Vec<RetryCriteria>,
}

/// One retry rule (model shape `RetryCriteria`).
///
/// Both members are required by the model.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct RetryCriteria {
    /// `failureType` (shape `RetryableFailureType`, required): which outcome
    /// is retried.
    pub failure_type: RetryableFailureType,
    /// `numberOfRetries` (shape `NumberOfRetries`, integer, required): retry
    /// count, 0..=10.
    #[cfg_attr(feature = "schemars", schemars(example = 3))]
    pub number_of_retries: i32,
}

/// When a job starts, stops and which recurring windows it may roll out in
/// (model shape `SchedulingConfig`, `CreateJob` and `DescribeJob` only).
///
/// All members are optional.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct SchedulingConfig {
    /// `startTime` (shape `StringDateTime`): when the rollout begins, as
    /// `YYYY-MM-DDTHH:MM` (a date and a time to the minute, read as UTC, e.g.
    /// `2026-12-05T22:00`). The model only bounds it to 1..=64 characters; the
    /// documented format is the date plus the time, and whether the service
    /// takes seconds or an offset is not stated (`iot-jobs-lint check` warns
    /// about them). It must be at least 30 minutes and at most one year in the
    /// future; `iot-jobs-lint check` checks the date and these limits.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schemars", schemars(example = &"2026-12-05T22:00"))]
    pub start_time: Option<String>,
    /// `endTime` (shape `StringDateTime`): when the job stops rolling out, as
    /// `YYYY-MM-DDTHH:MM` in UTC like `startTime`. It must be at least
    /// 30 minutes in the future, at most two years away, and 30 minutes to two
    /// years after `startTime`.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schemars", schemars(example = &"2027-01-31T06:00"))]
    pub end_time: Option<String>,
    /// `endBehavior` (shape `JobEndBehavior`): what happens at `endTime`;
    /// has no effect without an `endTime`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end_behavior: Option<JobEndBehavior>,
    /// `maintenanceWindows` (shape `MaintenanceWindows`): recurring periods in
    /// which the rollout may proceed. No list length limits in the model.
    /// Present since the 2023-03-02 edition.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub maintenance_windows: Option<Vec<MaintenanceWindow>>,
}

/// A recurring period in which a job may roll out
/// (model shape `MaintenanceWindow`).
///
/// Both members are required; there is no default duration: a window without
/// `durationInMinutes` is an error, never a window of 0 minutes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct MaintenanceWindow {
    /// `startTime` (shape `CronExpression`, required): when each window opens,
    /// as an AWS cron expression in UTC:
    /// `cron(minutes hours day-of-month month day-of-week year)`, e.g.
    /// `cron(0 22 ? * SAT *)` for Saturdays at 22:00. The model only bounds it
    /// to 1..=256 characters; `iot-jobs-lint check` checks the cron dialect.
    #[cfg_attr(feature = "schemars", schemars(example = &"cron(0 22 ? * SAT *)"))]
    pub start_time: String,
    /// `durationInMinutes` (shape `DurationInMinutes`, integer, required):
    /// window length in **minutes**. The 2023-03-02 edition allows
    /// 30..=1430; the newest edition (since 2023-06-06) allows 1..=1430.
    /// 1430 minutes is 23 h 50 min.
    #[cfg_attr(feature = "schemars", schemars(example = 360))]
    pub duration_in_minutes: i32,
}

/// One upcoming maintenance-window occurrence reported by `DescribeJob`
/// (model shape `ScheduledJobRollout`, output only).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct ScheduledJobRollout {
    /// `startTime` (shape `StringDateTime`): start of the occurrence, as the
    /// service formats it (1..=64 characters; the model does not specify the
    /// rendering, which is `YYYY-MM-DDTHH:MM` in practice).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schemars", schemars(example = &"2026-12-05T22:00"))]
    pub start_time: Option<String>,
}

/// A resource tag (model shape `Tag`).
///
/// Unlike every other member in these operations, the wire names are
/// capitalised: `Key` and `Value`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub struct Tag {
    /// `Key` (shape `TagKey`, required): 1..=128 characters matching
    /// `^([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$`.
    #[serde(rename = "Key")]
    #[cfg_attr(feature = "schemars", schemars(example = &"team"))]
    pub key: String,
    /// `Value` (shape `TagValue`): 0..=256 characters. Optional in the model.
    #[serde(rename = "Value", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schemars", schemars(example = &"fleet-ops"))]
    pub value: Option<String>,
}

/// Execution counters of a job (model shape `JobProcessDetails`, output only).
///
/// Every counter is an optional `integer` in the model.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct JobProcessDetails {
    /// `processingTargets` (shape `ProcessingTargetNameList`): targets still
    /// being processed; absent once the rollout has finished.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub processing_targets: Option<Vec<String>>,
    /// `numberOfCanceledThings` (shape `CanceledThings`): how many executions canceled.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub number_of_canceled_things: Option<i32>,
    /// `numberOfSucceededThings` (shape `SucceededThings`): how many executions succeeded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub number_of_succeeded_things: Option<i32>,
    /// `numberOfFailedThings` (shape `FailedThings`): how many executions failed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub number_of_failed_things: Option<i32>,
    /// `numberOfRejectedThings` (shape `RejectedThings`): how many executions rejected by the device.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub number_of_rejected_things: Option<i32>,
    /// `numberOfQueuedThings` (shape `QueuedThings`): how many executions queued, waiting for the device.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub number_of_queued_things: Option<i32>,
    /// `numberOfInProgressThings` (shape `InProgressThings`): how many executions in progress on the device.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub number_of_in_progress_things: Option<i32>,
    /// `numberOfRemovedThings` (shape `RemovedThings`): things that are no
    /// longer targets (e.g. removed from a target group).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub number_of_removed_things: Option<i32>,
    /// `numberOfTimedOutThings` (shape `TimedOutThings`): how many executions timed out.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub number_of_timed_out_things: Option<i32>,
}

/// A job as returned inside a `DescribeJob` response (model shape `Job`).
///
/// Every member is optional in the model. Note that `documentSource` is not
/// part of this shape: `DescribeJob` returns it next to `job`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Job {
    /// `jobArn` (shape `JobArn`): ARN of the job
    /// (`arn:aws:iot:<region>:<account>:job/<jobId>`). No model limits.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schemars", schemars(example = &"arn:aws:iot:eu-central-1:111122223333:job/pump-firmware-2-4-1"))]
    pub job_arn: Option<String>,
    /// `jobId` (shape `JobId`): 1..=64 characters of `[a-zA-Z0-9_-]`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub job_id: Option<String>,
    /// `targetSelection` (shape `TargetSelection`): `SNAPSHOT` runs the job once on the targets as they are
    /// at creation; `CONTINUOUS` also reaches things that join a target group
    /// later.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target_selection: Option<TargetSelection>,
    /// `status` (shape `JobStatus`): where the job is in its lifecycle.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<JobStatus>,
    /// `forceCanceled` (shape `Forced`, boolean): whether an in-progress job
    /// was cancelled with force.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub force_canceled: Option<bool>,
    /// `reasonCode` (shape `ReasonCode`): set when the job was updated; up to
    /// 128 characters of upper-case letters, digits and `_`.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schemars", schemars(example = &"FIRMWARE_RECALLED"))]
    pub reason_code: Option<String>,
    /// `comment` (shape `Comment`): set when the job was updated; up to 2028
    /// characters, no control characters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    /// `targets` (shape `JobTargets`): thing and thing-group ARNs, at least
    /// one, each up to 2048 characters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub targets: Option<Vec<String>>,
    /// `description` (shape `JobDescription`): up to 2028 characters, no
    /// control characters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// `presignedUrlConfig` (shape `PresignedUrlConfig`): the role and URL
    /// lifetime for pre-signed Amazon S3 URLs; often echoed as `{}`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub presigned_url_config: Option<PresignedUrlConfig>,
    /// `jobExecutionsRolloutConfig` (shape `JobExecutionsRolloutConfig`): the
    /// rollout rate; often echoed as `{}`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub job_executions_rollout_config: Option<JobExecutionsRolloutConfig>,
    /// `abortConfig` (shape `AbortConfig`): cancels the job automatically when too many
    /// executions fail, are rejected or time out.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub abort_config: Option<AbortConfig>,
    /// `createdAt` (shape `DateType`): creation time.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub created_at: Option<Timestamp>,
    /// `lastUpdatedAt` (shape `DateType`): time of the last change.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_updated_at: Option<Timestamp>,
    /// `completedAt` (shape `DateType`): completion time, once completed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub completed_at: Option<Timestamp>,
    /// `jobProcessDetails` (shape `JobProcessDetails`): execution counters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub job_process_details: Option<JobProcessDetails>,
    /// `timeoutConfig` (shape `TimeoutConfig`): the in-progress timeout of
    /// each execution; often echoed as `{}`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timeout_config: Option<TimeoutConfig>,
    /// `namespaceId` (shape `NamespaceId`): characters `[a-zA-Z0-9_-]`, no
    /// length limits in the model. Marks a job whose notifications go to a
    /// namespaced MQTT topic (used by IoT Greengrass).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub namespace_id: Option<String>,
    /// `jobTemplateArn` (shape `JobTemplateArn`): template the job was
    /// created from; 1..=1600 characters matching `^arn:[!-~]+$`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub job_template_arn: Option<String>,
    /// `jobExecutionsRetryConfig` (shape `JobExecutionsRetryConfig`): retries executions that
    /// failed or timed out.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub job_executions_retry_config: Option<JobExecutionsRetryConfig>,
    /// `documentParameters` (shape `ParameterMap`): substitution values used
    /// with AWS managed templates. Keys: 1..=128 characters of
    /// `[a-zA-Z0-9_-]`. Values: at least 1 character, no control characters,
    /// at most 512 characters in the 2023-03-02 edition and 30720 in the
    /// newest (since 2025-01-27).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub document_parameters: Option<BTreeMap<String, String>>,
    /// `isConcurrent` (shape `BooleanWrapperObject`): true while the job is
    /// rolling out new executions or cancelling earlier ones.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub is_concurrent: Option<bool>,
    /// `schedulingConfig` (shape `SchedulingConfig`): start and end time and
    /// maintenance windows of the rollout.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scheduling_config: Option<SchedulingConfig>,
    /// `scheduledJobRollouts` (shape `ScheduledJobRolloutList`): the next
    /// maintenance-window occurrences (documentation says seven; the model
    /// sets no limit).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scheduled_job_rollouts: Option<Vec<ScheduledJobRollout>>,
    /// `destinationPackageVersions` (shape `DestinationPackageVersions`):
    /// software package version ARNs, each 1..=1600 characters matching
    /// `^arn:[!-~]+$` (documentation: up to 25). **Newest edition only**
    /// (added 2023-06-06); the 2023-03-02 model lacks this member.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub destination_package_versions: Option<Vec<String>>,
}
