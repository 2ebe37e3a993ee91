//! Typed serde models of four AWS IoT control-plane operations:
//! `CreateJob`, `CreateJobTemplate`, `DescribeJob` and `DescribeJobTemplate`,
//! together with every structure and enumeration reachable from them.
//!
//! The types mirror the botocore service model `iot/2015-05-28`. Two editions
//! of that model are vendored next to the core crate
//! (`crates/iot-jobs-lint/model-data/`): the one released on 2023-03-02
//! (maintenance windows introduced) and the newest one. The types here are a
//! superset of both; whenever a member or a limit differs between the editions,
//! the item documentation says so.
//!
//! # Modelling conventions
//!
//! * **Wire names.** Every member serializes under the exact name the API uses
//!   (camelCase, except `Tag`'s `Key`/`Value`, which the API capitalises).
//! * **Required vs. optional.** A member the model lists as `required` is a
//!   plain field; deserializing a parent without it fails with serde's
//!   `missing field` error. Every other member is an [`Option`], so "absent"
//!   never collapses into zero, `false` or an empty list. Optional members
//!   that are `None` are skipped when serializing, so a round trip does not
//!   invent `null`s. An explicit JSON `null` for an optional member reads as
//!   `None` (and is therefore dropped on re-serialization).
//! * **Unknown members are accepted.** None of the structs uses
//!   `deny_unknown_fields`: responses may gain members in later model
//!   editions, and the linter reports unknown members itself with better
//!   diagnostics than serde could. Unknown members are silently dropped by
//!   these types.
//! * **Unknown enum values are rejected.** Enumerations have no catch-all
//!   variant; a value outside the model's list is a deserialization error.
//! * **Numbers.** Model `integer` shapes map to [`i32`], `long` to [`i64`],
//!   `double` to [`f64`] and `boolean` to [`bool`]. Range limits from the
//!   model (`min`/`max`) are documented but *not* enforced here; enforcing
//!   them is the linter's job.
//! * **Strings stay strings.** Length limits and patterns (`JobId`,
//!   `TagKey`, ...) are documented but not enforced. In particular the
//!   `StringDateTime` members (scheduling start/end times, scheduled rollout
//!   start times) and the `CronExpression` member (maintenance window start)
//!   are kept as raw [`String`]s so the linter can validate their grammar and
//!   point at the exact text.
//! * **Timestamps.** Members of the model shape `DateType` use [`Timestamp`],
//!   which accepts both the wire form (epoch seconds) and the ISO 8601 form
//!   printed by AWS CLI v2.
//!
//! No validation is performed by this crate beyond what the JSON structure
//! itself demands (types, required members, enum values).
//!
//! # Feature `schemars`
//!
//! Derives `schemars::JsonSchema` (schemars 1.x) for every type; the doc
//! comments become the schema descriptions. `iot-jobs-lint` builds its editor
//! JSON Schemas from these and then applies the constraint table of a
//! service-model edition, so the raw derived schemas carry no limits.

#![deny(missing_docs)]
#![forbid(unsafe_code)]

mod enums;
mod operations;
pub mod rfc3339;
mod shapes;
mod timestamp;

pub use enums::{
    AbortAction, JobEndBehavior, JobExecutionFailureType, JobStatus, RetryableFailureType,
    TargetSelection, UnknownEnumValue,
};
pub use operations::{
    CreateJobRequest, CreateJobResponse, CreateJobTemplateRequest, CreateJobTemplateResponse,
    DescribeJobRequest, DescribeJobResponse, DescribeJobTemplateRequest,
    DescribeJobTemplateResponse,
};
pub use shapes::{
    AbortConfig, AbortCriteria, ExponentialRolloutRate, Job, JobExecutionsRetryConfig,
    JobExecutionsRolloutConfig, JobProcessDetails, MaintenanceWindow, PresignedUrlConfig,
    RateIncreaseCriteria, RetryCriteria, ScheduledJobRollout, SchedulingConfig, Tag, TimeoutConfig,
};
pub use timestamp::Timestamp;
