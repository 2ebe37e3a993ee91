//! Round trips of realistic inputs and outputs through the typed models.
//!
//! "Round trip" means: JSON text → typed struct → `serde_json::Value`, which
//! must equal the `Value` parsed directly from the text. Because optional
//! members are skipped when `None` and echoed empty objects become
//! `Some(Default)`, this also proves that absent and empty stay distinct.
//!
//! Fixtures write doubles with a fraction (`30.0`, not `30`): a JSON integer
//! read into an `f64` member is re-serialized as `30.0`, which compares
//! unequal as a `Value` although it is numerically the same.

use std::fmt::Debug;

use iot_jobs_lint_model::{
    AbortAction, CreateJobRequest, CreateJobResponse, CreateJobTemplateRequest,
    CreateJobTemplateResponse, DescribeJobRequest, DescribeJobResponse, DescribeJobTemplateRequest,
    DescribeJobTemplateResponse, JobEndBehavior, JobExecutionFailureType,
    JobExecutionsRolloutConfig, JobProcessDetails, JobStatus, PresignedUrlConfig,
    RetryableFailureType, TargetSelection, TimeoutConfig, Timestamp,
};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

const CREATE_JOB: &str = include_str!("fixtures/create-job.json");
const CREATE_JOB_MANAGED: &str = include_str!("fixtures/create-job-managed-template.json");
const CREATE_JOB_TEMPLATE: &str = include_str!("fixtures/create-job-template.json");
const DESCRIBE_JOB_EPOCH: &str = include_str!("fixtures/describe-job.epoch.json");
const DESCRIBE_JOB_ISO: &str = include_str!("fixtures/describe-job.iso.json");
const DESCRIBE_JOB_TEMPLATE: &str = include_str!("fixtures/describe-job-template.json");

/// Parses `text` as `T`, checks that re-serializing gives back the same JSON
/// value, and that parsing the re-serialized text gives an equal `T`.
fn round_trip<T>(text: &str) -> T
where
    T: DeserializeOwned + Serialize + PartialEq + Debug,
{
    let typed: T = serde_json::from_str(text).expect("fixture deserializes");
    let original: Value = serde_json::from_str(text).expect("fixture is JSON");
    let reserialized = serde_json::to_value(&typed).expect("serializes");
    assert_eq!(reserialized, original, "round trip changed the JSON");
    let again: T = serde_json::from_str(&serde_json::to_string(&typed).unwrap()).unwrap();
    assert_eq!(again, typed, "second round trip changed the value");
    typed
}

#[test]
fn create_job_full_round_trip() {
    let req: CreateJobRequest = round_trip(CREATE_JOB);

    assert_eq!(req.job_id, "sensor-fw-1_4_2-rollout");
    assert_eq!(req.targets.len(), 2);
    assert_eq!(req.document, None);
    assert_eq!(req.target_selection, Some(TargetSelection::Continuous));

    let presigned = req.presigned_url_config.as_ref().unwrap();
    assert_eq!(presigned.expires_in_sec, Some(1800));

    let rollout = req.job_executions_rollout_config.as_ref().unwrap();
    assert_eq!(rollout.maximum_per_minute, None);
    let exp = rollout.exponential_rate.as_ref().unwrap();
    assert_eq!(exp.base_rate_per_minute, 50);
    assert_eq!(exp.increment_factor, 1.5);
    assert_eq!(
        exp.rate_increase_criteria.number_of_notified_things,
        Some(500)
    );
    assert_eq!(
        exp.rate_increase_criteria.number_of_succeeded_things,
        Some(250)
    );

    let abort = &req.abort_config.as_ref().unwrap().criteria_list;
    assert_eq!(abort.len(), 2);
    assert_eq!(abort[0].failure_type, JobExecutionFailureType::Failed);
    assert_eq!(abort[0].action, AbortAction::Cancel);
    assert_eq!(abort[0].threshold_percentage, 12.5);
    assert_eq!(abort[1].failure_type, JobExecutionFailureType::TimedOut);
    assert_eq!(abort[1].min_number_of_executed_things, 50);

    assert_eq!(
        req.timeout_config,
        Some(TimeoutConfig {
            in_progress_timeout_in_minutes: Some(120)
        })
    );

    let tags = req.tags.as_ref().unwrap();
    assert_eq!(tags[0].key, "team");
    assert_eq!(tags[0].value.as_deref(), Some("firmware"));
    assert_eq!(tags[1].key, "release-candidate");
    assert_eq!(tags[1].value, None);

    let retry = &req
        .job_executions_retry_config
        .as_ref()
        .unwrap()
        .criteria_list;
    assert_eq!(retry[0].failure_type, RetryableFailureType::Failed);
    assert_eq!(retry[0].number_of_retries, 3);
    assert_eq!(retry[1].failure_type, RetryableFailureType::TimedOut);

    let sched = req.scheduling_config.as_ref().unwrap();
    assert_eq!(sched.start_time.as_deref(), Some("2024-05-02T05:00"));
    assert_eq!(sched.end_time.as_deref(), Some("2024-05-16T05:00"));
    assert_eq!(sched.end_behavior, Some(JobEndBehavior::StopRollout));
    let windows = sched.maintenance_windows.as_ref().unwrap();
    assert_eq!(windows.len(), 2);
    assert_eq!(windows[0].start_time, "cron(0 5 ? * MON-FRI *)");
    assert_eq!(windows[0].duration_in_minutes, 180);
    assert_eq!(windows[1].duration_in_minutes, 360);

    assert_eq!(
        req.destination_package_versions.as_deref(),
        Some(
            &[
                "arn:aws:iot:us-west-2:123456789012:package/sensor-firmware/version/1.4.2"
                    .to_owned()
            ][..]
        )
    );
    assert_eq!(req.document_parameters, None);
    assert_eq!(req.namespace_id, None);
    assert_eq!(req.job_template_arn, None);
}

#[test]
fn create_job_from_managed_template_round_trip() {
    let req: CreateJobRequest = round_trip(CREATE_JOB_MANAGED);
    let params = req.document_parameters.as_ref().unwrap();
    assert_eq!(params.len(), 2);
    assert_eq!(params["filePath"], "/var/lib/press/calibration.csv");
    assert_eq!(req.target_selection, Some(TargetSelection::Snapshot));
    assert_eq!(req.namespace_id.as_deref(), Some("press_ops"));
    assert!(req.scheduling_config.is_none());
    assert!(req.destination_package_versions.is_none());
}

#[test]
fn create_job_template_with_maintenance_windows_round_trip() {
    let req: CreateJobTemplateRequest = round_trip(CREATE_JOB_TEMPLATE);
    assert_eq!(req.job_template_id, "sensor-fw-nightly");
    assert!(req.description.starts_with("Sensor firmware"));
    assert!(
        req.document
            .as_deref()
            .unwrap()
            .contains("install-firmware")
    );
    assert_eq!(req.document_source, None);
    assert_eq!(req.job_arn, None);
    let windows = req.maintenance_windows.as_ref().unwrap();
    assert_eq!(windows[0].start_time, "cron(30 1 * * ? *)");
    assert_eq!(windows[0].duration_in_minutes, 90);
    // An empty tag value is a value, not an absent one.
    assert_eq!(req.tags.as_ref().unwrap()[0].value.as_deref(), Some(""));
    assert_eq!(
        req.job_executions_rollout_config,
        Some(JobExecutionsRolloutConfig {
            maximum_per_minute: Some(100),
            exponential_rate: None,
        })
    );
}

#[test]
fn describe_job_cli_output_with_epoch_timestamps_round_trips() {
    let resp: DescribeJobResponse = round_trip(DESCRIBE_JOB_EPOCH);
    assert!(resp.document_source.is_some());
    let job = resp.job.as_ref().unwrap();

    assert_eq!(job.status, Some(JobStatus::Scheduled));
    assert_eq!(job.force_canceled, Some(false));
    assert_eq!(job.is_concurrent, Some(false));

    // Echoed empty objects are present-but-empty, not absent.
    assert_eq!(
        job.presigned_url_config,
        Some(PresignedUrlConfig::default())
    );
    assert_eq!(
        job.job_executions_rollout_config,
        Some(JobExecutionsRolloutConfig::default())
    );
    assert_eq!(job.timeout_config, Some(TimeoutConfig::default()));
    // Members the CLI did not print stay absent.
    assert_eq!(job.abort_config, None);
    assert_eq!(job.job_executions_retry_config, None);
    assert_eq!(job.completed_at, None);
    assert_eq!(job.reason_code, None);
    assert_eq!(job.comment, None);

    assert_eq!(
        job.created_at.unwrap().epoch_millis(),
        1_714_600_822_733,
        "millisecond precision is kept"
    );
    assert_eq!(
        job.last_updated_at.unwrap().epoch_millis(),
        1_714_600_823_100
    );

    let details = job.job_process_details.as_ref().unwrap();
    assert_eq!(details.processing_targets, None);
    assert_eq!(details.number_of_queued_things, Some(0));
    assert_ne!(details, &JobProcessDetails::default());

    let rollouts = job.scheduled_job_rollouts.as_ref().unwrap();
    assert_eq!(rollouts.len(), 7);
    assert_eq!(rollouts[0].start_time.as_deref(), Some("2024-05-02T05:00"));

    let windows = job
        .scheduling_config
        .as_ref()
        .unwrap()
        .maintenance_windows
        .as_ref()
        .unwrap();
    assert_eq!(windows[0].duration_in_minutes, 180);
}

#[test]
fn describe_job_cli_v2_iso_timestamps_read_as_the_same_instants() {
    let from_iso: DescribeJobResponse = serde_json::from_str(DESCRIBE_JOB_ISO).unwrap();
    let from_epoch: DescribeJobResponse = serde_json::from_str(DESCRIBE_JOB_EPOCH).unwrap();
    assert_eq!(from_iso, from_epoch);

    // Serialization always uses the wire form (epoch seconds), so the ISO
    // variant re-serializes to exactly the epoch fixture.
    let epoch_value: Value = serde_json::from_str(DESCRIBE_JOB_EPOCH).unwrap();
    assert_eq!(serde_json::to_value(&from_iso).unwrap(), epoch_value);

    let created = from_iso.job.unwrap().created_at.unwrap();
    assert_eq!(created.to_string(), "2024-05-01T22:00:22.733Z");
}

#[test]
fn describe_job_template_round_trip() {
    let resp: DescribeJobTemplateResponse = round_trip(DESCRIBE_JOB_TEMPLATE);
    assert_eq!(resp.job_template_id.as_deref(), Some("sensor-fw-nightly"));
    // Whole-second epoch timestamps stay integers on the way out.
    assert_eq!(
        resp.created_at,
        Timestamp::from_epoch_millis(1_714_600_000_000)
    );
    let windows = resp.maintenance_windows.as_ref().unwrap();
    assert_eq!(windows[0].duration_in_minutes, 90);
    assert_eq!(resp.document_source, None);
    assert_eq!(
        resp.job_executions_retry_config
            .as_ref()
            .unwrap()
            .criteria_list[0]
            .failure_type,
        RetryableFailureType::All
    );
}

#[test]
fn small_request_and_response_shapes_round_trip() {
    let create_job: CreateJobResponse = round_trip(
        r#"{"jobArn":"arn:aws:iot:us-west-2:123456789012:job/j1","jobId":"j1","description":"d"}"#,
    );
    assert_eq!(create_job.job_id.as_deref(), Some("j1"));

    let create_tpl: CreateJobTemplateResponse = round_trip(
        r#"{"jobTemplateArn":"arn:aws:iot:us-west-2:123456789012:jobtemplate/t1","jobTemplateId":"t1"}"#,
    );
    assert_eq!(create_tpl.job_template_id.as_deref(), Some("t1"));

    let describe: DescribeJobRequest = round_trip(r#"{"jobId":"j1","beforeSubstitution":true}"#);
    assert_eq!(describe.before_substitution, Some(true));
    let describe: DescribeJobRequest = round_trip(r#"{"jobId":"j1"}"#);
    assert_eq!(describe.before_substitution, None);

    let describe_tpl: DescribeJobTemplateRequest = round_trip(r#"{"jobTemplateId":"t1"}"#);
    assert_eq!(describe_tpl.job_template_id, "t1");

    let empty: DescribeJobResponse = round_trip("{}");
    assert_eq!(empty, DescribeJobResponse::default());
}

#[test]
fn unknown_members_are_ignored_not_rejected() {
    let text = r#"{"jobId":"j1","targets":["arn:aws:iot:us-west-2:123456789012:thing/t"],"futureMember":{"x":1}}"#;
    let req: CreateJobRequest = serde_json::from_str(text).unwrap();
    assert_eq!(req.job_id, "j1");
    let out = serde_json::to_value(&req).unwrap();
    assert!(out.get("futureMember").is_none());
}
