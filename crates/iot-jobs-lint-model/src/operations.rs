//! Request and response structures of the four operations.
//!
//! Members bound to the HTTP path or query string (`jobId`, `jobTemplateId`,
//! `beforeSubstitution`) are ordinary fields here: in the JSON accepted by
//! `aws iot ... --cli-input-json` and in SDK inputs they appear as members
//! like any other.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::enums::TargetSelection;
use crate::shapes::{
    AbortConfig, Job, JobExecutionsRetryConfig, JobExecutionsRolloutConfig, MaintenanceWindow,
    PresignedUrlConfig, SchedulingConfig, Tag, TimeoutConfig,
};
use crate::timestamp::Timestamp;

/// Input of `CreateJob` (`PUT /jobs/{jobId}`; model shape `CreateJobRequest`).
///
/// `jobId` and `targets` are required by the model. Documentation adds that
/// `document` is needed when `documentSource` is absent and vice versa (the
/// model marks neither as required).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct CreateJobRequest {
    /// `jobId` (shape `JobId`, required, HTTP path label): 1..=64 characters
    /// of `[a-zA-Z0-9_-]`, unique in the account and region.
    #[cfg_attr(feature = "schemars", schemars(example = &"pump-firmware-2-4-1"))]
    pub job_id: String,
    /// `targets` (shape `JobTargets`, required): thing and thing-group ARNs;
    /// at least one, each up to 2048 characters. No maximum in the model.
    #[cfg_attr(feature = "schemars", schemars(example = serde_json::json!(["arn:aws:iot:eu-central-1:111122223333:thinggroup/pumps-line-a"])))]
    pub targets: Vec<String>,
    /// `documentSource` (shape `JobDocumentSource`): S3 URL of the job
    /// document, 1..=1350 characters.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schemars", schemars(example = &"https://s3.amazonaws.com/example-firmware/jobs/pump-fw-2.4.1.json"))]
    pub document_source: Option<String>,
    /// `document` (shape `JobDocument`): the job document itself (a JSON
    /// text), up to 32768 characters.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schemars", schemars(example = &"{\"operation\":\"reboot\"}"))]
    pub document: Option<String>,
    /// `description` (shape `JobDescription`): up to 2028 characters, no
    /// control characters.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schemars", schemars(example = &"Pump controller firmware 2.4.1"))]
    pub description: Option<String>,
    /// `presignedUrlConfig` (shape `PresignedUrlConfig`): the IAM role and URL lifetime AWS IoT uses to replace
    /// `${aws:iot:s3-presigned-url:…}` placeholders in the job document with
    /// pre-signed Amazon S3 URLs.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub presigned_url_config: Option<PresignedUrlConfig>,
    /// `targetSelection` (shape `TargetSelection`): `SNAPSHOT` runs the job once on the targets as they are
    /// at creation; `CONTINUOUS` also reaches things that join a target group
    /// later.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target_selection: Option<TargetSelection>,
    /// `jobExecutionsRolloutConfig` (shape `JobExecutionsRolloutConfig`): how fast devices are notified, at a
    /// constant `maximumPerMinute` or an accelerating `exponentialRate`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub job_executions_rollout_config: Option<JobExecutionsRolloutConfig>,
    /// `abortConfig` (shape `AbortConfig`): cancels the job automatically when too many
    /// executions fail, are rejected or time out.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub abort_config: Option<AbortConfig>,
    /// `timeoutConfig` (shape `TimeoutConfig`): how long an execution may stay `IN_PROGRESS`
    /// before it times out.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timeout_config: Option<TimeoutConfig>,
    /// `tags` (shape `TagList`): resource tags of the job, as `Key` and `Value`
    /// pairs; no list limits in the model.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<Tag>>,
    /// `namespaceId` (shape `NamespaceId`): characters `[a-zA-Z0-9_-]`, no
    /// length limits in the model; documented as only supported by IoT
    /// Greengrass.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub namespace_id: Option<String>,
    /// `jobTemplateArn` (shape `JobTemplateArn`): template to create the job
    /// from; 1..=1600 characters matching `^arn:[!-~]+$`.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schemars", schemars(example = &"arn:aws:iot:us-east-1::jobtemplate/AWS-Reboot:1.0"))]
    pub job_template_arn: Option<String>,
    /// `jobExecutionsRetryConfig` (shape `JobExecutionsRetryConfig`): retries executions that
    /// failed or timed out.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub job_executions_retry_config: Option<JobExecutionsRetryConfig>,
    /// `documentParameters` (shape `ParameterMap`): substitution values,
    /// only usable with AWS managed templates. Keys: 1..=128 characters of
    /// `[a-zA-Z0-9_-]`. Values: at least 1 character, no control characters,
    /// at most 512 characters in the 2023-03-02 edition and 30720 in the
    /// newest (since 2025-01-27).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schemars", schemars(example = serde_json::json!({"pathToHandler": "/opt/aws/jobs/handlers", "runAsUser": "kiosk"})))]
    pub document_parameters: Option<BTreeMap<String, String>>,
    /// `schedulingConfig` (shape `SchedulingConfig`): start/end times and
    /// maintenance windows.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scheduling_config: Option<SchedulingConfig>,
    /// `destinationPackageVersions` (shape `DestinationPackageVersions`):
    /// package version ARNs to record as installed on success, each
    /// 1..=1600 characters matching `^arn:[!-~]+$` (documentation: up to
    /// 25). **Newest edition only** (added 2023-06-06); the 2023-03-02 model
    /// lacks this member.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schemars", schemars(example = serde_json::json!(["arn:aws:iot:eu-central-1:111122223333:package/pump-firmware/version/2.4.1"])))]
    pub destination_package_versions: Option<Vec<String>>,
}

/// Output of `CreateJob` (model shape `CreateJobResponse`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct CreateJobResponse {
    /// `jobArn` (shape `JobArn`): ARN of the new job.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub job_arn: Option<String>,
    /// `jobId` (shape `JobId`): identifier of the new job.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub job_id: Option<String>,
    /// `description` (shape `JobDescription`): the job's description.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// Input of `CreateJobTemplate` (`PUT /job-templates/{jobTemplateId}`; model
/// shape `CreateJobTemplateRequest`).
///
/// `jobTemplateId` and `description` are required by the model. Templates
/// have no `schedulingConfig`; they carry `maintenanceWindows` at the top
/// level instead.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct CreateJobTemplateRequest {
    /// `jobTemplateId` (shape `JobTemplateId`, required, HTTP path label):
    /// 1..=64 characters of `[a-zA-Z0-9_-]`.
    #[cfg_attr(feature = "schemars", schemars(example = &"gateway-nightly-config-push"))]
    pub job_template_id: String,
    /// `jobArn` (shape `JobArn`): an existing job whose configuration the
    /// template copies. No model limits.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schemars", schemars(example = &"arn:aws:iot:eu-west-1:111122223333:job/gateway-config-2026-11"))]
    pub job_arn: Option<String>,
    /// `documentSource` (shape `JobDocumentSource`): S3 URL of the job
    /// document, 1..=1350 characters.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schemars", schemars(example = &"https://s3.amazonaws.com/example-configs/gateway/config-job.json"))]
    pub document_source: Option<String>,
    /// `document` (shape `JobDocument`): the job document, up to 32768
    /// characters.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schemars", schemars(example = &"{\"operation\":\"push-config\"}"))]
    pub document: Option<String>,
    /// `description` (shape `JobDescription`, required): up to 2028
    /// characters, no control characters.
    #[cfg_attr(feature = "schemars", schemars(example = &"Pushes the gateway configuration bundle in the nightly window"))]
    pub description: String,
    /// `presignedUrlConfig` (shape `PresignedUrlConfig`): the IAM role and URL lifetime AWS IoT uses to replace
    /// `${aws:iot:s3-presigned-url:…}` placeholders in the job document with
    /// pre-signed Amazon S3 URLs.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub presigned_url_config: Option<PresignedUrlConfig>,
    /// `jobExecutionsRolloutConfig` (shape `JobExecutionsRolloutConfig`): how fast devices are notified, at a
    /// constant `maximumPerMinute` or an accelerating `exponentialRate`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub job_executions_rollout_config: Option<JobExecutionsRolloutConfig>,
    /// `abortConfig` (shape `AbortConfig`): cancels the job automatically when too many
    /// executions fail, are rejected or time out.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub abort_config: Option<AbortConfig>,
    /// `timeoutConfig` (shape `TimeoutConfig`): how long an execution may stay `IN_PROGRESS`
    /// before it times out.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timeout_config: Option<TimeoutConfig>,
    /// `tags` (shape `TagList`): resource tags of the template, as `Key` and
    /// `Value` pairs.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<Tag>>,
    /// `jobExecutionsRetryConfig` (shape `JobExecutionsRetryConfig`): retries executions that
    /// failed or timed out.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub job_executions_retry_config: Option<JobExecutionsRetryConfig>,
    /// `maintenanceWindows` (shape `MaintenanceWindows`): recurring rollout
    /// windows for jobs created from this template. Present since the
    /// 2023-03-02 edition.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub maintenance_windows: Option<Vec<MaintenanceWindow>>,
    /// `destinationPackageVersions` (shape `DestinationPackageVersions`):
    /// package version ARNs, each 1..=1600 characters matching
    /// `^arn:[!-~]+$`. **Newest edition only** (added 2023-06-06); the
    /// 2023-03-02 model lacks this member.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub destination_package_versions: Option<Vec<String>>,
}

/// Output of `CreateJobTemplate` (model shape `CreateJobTemplateResponse`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct CreateJobTemplateResponse {
    /// `jobTemplateArn` (shape `JobTemplateArn`): ARN of the new template.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub job_template_arn: Option<String>,
    /// `jobTemplateId` (shape `JobTemplateId`): identifier of the new
    /// template.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub job_template_id: Option<String>,
}

/// Input of `DescribeJob` (`GET /jobs/{jobId}`; model shape
/// `DescribeJobRequest`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct DescribeJobRequest {
    /// `jobId` (shape `JobId`, required, HTTP path label): 1..=64 characters
    /// of `[a-zA-Z0-9_-]`.
    pub job_id: String,
    /// `beforeSubstitution` (shape `BeforeSubstitutionFlag`, boolean, HTTP
    /// query string): ask for the job document as it was before substitution
    /// parameters were resolved. The Smithy model defaults it to `false`.
    /// **Newest edition only** (added 2024-09-16); the 2023-03-02 model lacks
    /// this member.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub before_substitution: Option<bool>,
}

/// Output of `DescribeJob` (model shape `DescribeJobResponse`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct DescribeJobResponse {
    /// `documentSource` (shape `JobDocumentSource`): S3 URL of the job
    /// document, 1..=1350 characters. Returned here, beside `job`, rather
    /// than inside it; the inline document itself is never returned.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub document_source: Option<String>,
    /// `job` (shape `Job`): the job's configuration and progress.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub job: Option<Job>,
}

/// Input of `DescribeJobTemplate` (`GET /job-templates/{jobTemplateId}`;
/// model shape `DescribeJobTemplateRequest`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct DescribeJobTemplateRequest {
    /// `jobTemplateId` (shape `JobTemplateId`, required, HTTP path label):
    /// 1..=64 characters of `[a-zA-Z0-9_-]`.
    pub job_template_id: String,
}

/// Output of `DescribeJobTemplate` (model shape
/// `DescribeJobTemplateResponse`).
///
/// Every member is optional in the model. Tags are not returned.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct DescribeJobTemplateResponse {
    /// `jobTemplateArn` (shape `JobTemplateArn`): 1..=1600 characters
    /// matching `^arn:[!-~]+$`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub job_template_arn: Option<String>,
    /// `jobTemplateId` (shape `JobTemplateId`): 1..=64 characters of
    /// `[a-zA-Z0-9_-]`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub job_template_id: Option<String>,
    /// `description` (shape `JobDescription`): the template's description, up
    /// to 2028 characters, no control characters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// `documentSource` (shape `JobDocumentSource`): 1..=1350 characters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub document_source: Option<String>,
    /// `document` (shape `JobDocument`): up to 32768 characters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub document: Option<String>,
    /// `createdAt` (shape `DateType`): creation time of the template.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub created_at: Option<Timestamp>,
    /// `presignedUrlConfig` (shape `PresignedUrlConfig`): the IAM role and URL lifetime AWS IoT uses to replace
    /// `${aws:iot:s3-presigned-url:…}` placeholders in the job document with
    /// pre-signed Amazon S3 URLs.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub presigned_url_config: Option<PresignedUrlConfig>,
    /// `jobExecutionsRolloutConfig` (shape `JobExecutionsRolloutConfig`): how fast devices are notified, at a
    /// constant `maximumPerMinute` or an accelerating `exponentialRate`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub job_executions_rollout_config: Option<JobExecutionsRolloutConfig>,
    /// `abortConfig` (shape `AbortConfig`): cancels the job automatically when too many
    /// executions fail, are rejected or time out.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub abort_config: Option<AbortConfig>,
    /// `timeoutConfig` (shape `TimeoutConfig`): how long an execution may stay `IN_PROGRESS`
    /// before it times out.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timeout_config: Option<TimeoutConfig>,
    /// `jobExecutionsRetryConfig` (shape `JobExecutionsRetryConfig`): retries executions that
    /// failed or timed out.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub job_executions_retry_config: Option<JobExecutionsRetryConfig>,
    /// `maintenanceWindows` (shape `MaintenanceWindows`). Present since the
    /// 2023-03-02 edition.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub maintenance_windows: Option<Vec<MaintenanceWindow>>,
    /// `destinationPackageVersions` (shape `DestinationPackageVersions`):
    /// package version ARNs that jobs from this template record as installed
    /// when they succeed.
    /// **Newest edition only** (added 2023-06-06); the 2023-03-02 model
    /// lacks this member.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub destination_package_versions: Option<Vec<String>>,
}
