//! What the models refuse (unknown enum values, missing required members,
//! wrong types) and what they keep distinct (absent vs. zero/empty).

use std::str::FromStr;

use iot_jobs_lint_model::{
    AbortAction, AbortCriteria, CreateJobRequest, CreateJobTemplateRequest, DescribeJobResponse,
    ExponentialRolloutRate, JobEndBehavior, JobExecutionFailureType, JobStatus, MaintenanceWindow,
    RateIncreaseCriteria, RetryableFailureType, SchedulingConfig, Tag, TargetSelection,
};

fn err_of<T: serde::de::DeserializeOwned + std::fmt::Debug>(text: &str) -> String {
    serde_json::from_str::<T>(text)
        .expect_err("deserialization must fail")
        .to_string()
}

#[test]
fn unknown_job_status_is_an_error() {
    // moto reports QUEUED as a job status; the real enum has no such value.
    let msg = err_of::<DescribeJobResponse>(r#"{"job":{"status":"QUEUED"}}"#);
    assert!(msg.contains("unknown variant `QUEUED`"), "{msg}");
    assert!(msg.contains("SCHEDULED"), "{msg}");
}

#[test]
fn enum_values_are_case_sensitive() {
    let msg = err_of::<TargetSelection>(r#""snapshot""#);
    assert!(msg.contains("unknown variant `snapshot`"), "{msg}");
}

#[test]
fn unknown_values_rejected_for_every_enum() {
    assert!(serde_json::from_str::<TargetSelection>(r#""ALL""#).is_err());
    assert!(serde_json::from_str::<JobStatus>(r#""SUCCEEDED""#).is_err());
    assert!(serde_json::from_str::<JobEndBehavior>(r#""STOP""#).is_err());
    assert!(serde_json::from_str::<JobExecutionFailureType>(r#""CANCELED""#).is_err());
    // REJECTED exists for abort criteria but not for retry criteria.
    assert!(serde_json::from_str::<JobExecutionFailureType>(r#""REJECTED""#).is_ok());
    assert!(serde_json::from_str::<RetryableFailureType>(r#""REJECTED""#).is_err());
    assert!(serde_json::from_str::<AbortAction>(r#""FORCE_CANCEL""#).is_err());
}

#[test]
fn unknown_enum_inside_a_request_is_an_error() {
    let msg = err_of::<CreateJobRequest>(
        r#"{"jobId":"j","targets":["t"],"schedulingConfig":{"endBehavior":"PAUSE"}}"#,
    );
    assert!(msg.contains("unknown variant `PAUSE`"), "{msg}");
}

#[test]
fn maintenance_window_without_duration_is_an_error_not_zero() {
    let msg = err_of::<MaintenanceWindow>(r#"{"startTime":"cron(0 5 ? * MON-FRI *)"}"#);
    assert!(msg.contains("missing field `durationInMinutes`"), "{msg}");

    let msg = err_of::<CreateJobTemplateRequest>(
        r#"{"jobTemplateId":"t","description":"d","maintenanceWindows":[{"startTime":"cron(0 5 * * ? *)"}]}"#,
    );
    assert!(msg.contains("missing field `durationInMinutes`"), "{msg}");

    // null is not a stand-in for a required integer either.
    let msg = err_of::<MaintenanceWindow>(r#"{"startTime":"x","durationInMinutes":null}"#);
    assert!(msg.contains("invalid type: null"), "{msg}");
}

#[test]
fn other_required_members_are_enforced() {
    let msg = err_of::<CreateJobRequest>(r#"{"jobId":"j"}"#);
    assert!(msg.contains("missing field `targets`"), "{msg}");
    let msg = err_of::<CreateJobRequest>(r#"{"targets":["t"]}"#);
    assert!(msg.contains("missing field `jobId`"), "{msg}");
    let msg = err_of::<CreateJobTemplateRequest>(r#"{"jobTemplateId":"t"}"#);
    assert!(msg.contains("missing field `description`"), "{msg}");
    let msg = err_of::<ExponentialRolloutRate>(r#"{"baseRatePerMinute":5,"incrementFactor":2.0}"#);
    assert!(
        msg.contains("missing field `rateIncreaseCriteria`"),
        "{msg}"
    );
    let msg = err_of::<AbortCriteria>(
        r#"{"failureType":"FAILED","action":"CANCEL","minNumberOfExecutedThings":1}"#,
    );
    assert!(msg.contains("missing field `thresholdPercentage`"), "{msg}");
    let msg = err_of::<Tag>(r#"{"Value":"v"}"#);
    assert!(msg.contains("missing field `Key`"), "{msg}");
    // The capitalised wire name is the only accepted spelling.
    let msg = err_of::<Tag>(r#"{"key":"k"}"#);
    assert!(msg.contains("missing field `Key`"), "{msg}");
}

#[test]
fn absent_optional_members_stay_none() {
    let sched: SchedulingConfig = serde_json::from_str("{}").unwrap();
    assert_eq!(sched, SchedulingConfig::default());
    assert_eq!(sched.start_time, None);
    assert_eq!(sched.maintenance_windows, None);

    let crit: RateIncreaseCriteria = serde_json::from_str("{}").unwrap();
    assert_eq!(crit.number_of_notified_things, None);
    assert_eq!(crit.number_of_succeeded_things, None);

    // Empty list and absent list are different things.
    let with_empty: SchedulingConfig =
        serde_json::from_str(r#"{"maintenanceWindows":[]}"#).unwrap();
    assert_eq!(with_empty.maintenance_windows, Some(vec![]));
    assert_ne!(with_empty, sched);

    // Zero is kept as zero, not confused with absence.
    let zero: RateIncreaseCriteria =
        serde_json::from_str(r#"{"numberOfNotifiedThings":0}"#).unwrap();
    assert_eq!(zero.number_of_notified_things, Some(0));

    // Serializing does not invent nulls.
    assert_eq!(serde_json::to_string(&sched).unwrap(), "{}");
    let tag = Tag {
        key: "k".into(),
        value: None,
    };
    assert_eq!(serde_json::to_string(&tag).unwrap(), r#"{"Key":"k"}"#);
}

#[test]
fn explicit_null_on_an_optional_member_reads_as_absent() {
    let sched: SchedulingConfig = serde_json::from_str(r#"{"endTime":null}"#).unwrap();
    assert_eq!(sched.end_time, None);
}

#[test]
fn numeric_widths_follow_the_model() {
    // integer shapes are 32-bit.
    let msg = err_of::<MaintenanceWindow>(r#"{"startTime":"x","durationInMinutes":2147483648}"#);
    assert!(msg.contains("invalid value"), "{msg}");
    // long shapes are 64-bit.
    let req: CreateJobRequest = serde_json::from_str(
        r#"{"jobId":"j","targets":["t"],"timeoutConfig":{"inProgressTimeoutInMinutes":2147483648}}"#,
    )
    .unwrap();
    assert_eq!(
        req.timeout_config.unwrap().in_progress_timeout_in_minutes,
        Some(2_147_483_648)
    );
    // Fractions are not integers.
    let msg = err_of::<MaintenanceWindow>(r#"{"startTime":"x","durationInMinutes":30.5}"#);
    assert!(msg.contains("invalid type: floating point"), "{msg}");
    // Strings are not numbers.
    let msg = err_of::<MaintenanceWindow>(r#"{"startTime":"x","durationInMinutes":"30"}"#);
    assert!(msg.contains("invalid type: string"), "{msg}");
}

#[test]
fn range_limits_are_not_enforced_here() {
    // The 2023-03-02 edition's 30-minute minimum and the 1430 maximum are the
    // linter's business; the model type only checks the JSON type.
    let w: MaintenanceWindow =
        serde_json::from_str(r#"{"startTime":"not a cron","durationInMinutes":-5}"#).unwrap();
    assert_eq!(w.duration_in_minutes, -5);
}

#[test]
fn enum_helpers_agree_with_serde() {
    fn check<E>(all: &[E], wire: &[&str])
    where
        E: serde::Serialize
            + serde::de::DeserializeOwned
            + FromStr<Err = iot_jobs_lint_model::UnknownEnumValue>
            + std::fmt::Display
            + std::fmt::Debug
            + PartialEq
            + Copy,
    {
        assert_eq!(all.len(), wire.len());
        for (value, name) in all.iter().zip(wire) {
            assert_eq!(serde_json::to_string(value).unwrap(), format!("\"{name}\""));
            assert_eq!(
                serde_json::from_str::<E>(&format!("\"{name}\"")).unwrap(),
                *value
            );
            assert_eq!(value.to_string(), *name);
            assert_eq!(E::from_str(name).unwrap(), *value);
        }
    }
    check(TargetSelection::ALL, TargetSelection::WIRE_NAMES);
    check(JobStatus::ALL, JobStatus::WIRE_NAMES);
    check(JobEndBehavior::ALL, JobEndBehavior::WIRE_NAMES);
    check(
        JobExecutionFailureType::ALL,
        JobExecutionFailureType::WIRE_NAMES,
    );
    check(RetryableFailureType::ALL, RetryableFailureType::WIRE_NAMES);
    check(AbortAction::ALL, AbortAction::WIRE_NAMES);

    assert_eq!(
        JobStatus::WIRE_NAMES,
        &[
            "IN_PROGRESS",
            "CANCELED",
            "COMPLETED",
            "DELETION_IN_PROGRESS",
            "SCHEDULED"
        ]
    );
    assert_eq!(JobStatus::Scheduled.as_str(), "SCHEDULED");
    assert_eq!(JobStatus::SHAPE_NAME, "JobStatus");

    let err = JobEndBehavior::from_str("stop_rollout").unwrap_err();
    assert_eq!(err.shape(), "JobEndBehavior");
    assert_eq!(err.value(), "stop_rollout");
    assert_eq!(err.expected(), JobEndBehavior::WIRE_NAMES);
    assert_eq!(
        err.to_string(),
        "`stop_rollout` is not a valid JobEndBehavior value; expected one of \
         `STOP_ROLLOUT`, `CANCEL`, `FORCE_CANCEL`"
    );
}
