//! String enumerations of the model.
//!
//! Each enum serializes to and deserializes from its SCREAMING_SNAKE_CASE wire
//! name. There is deliberately no catch-all variant: a value that the model
//! does not list is a deserialization error, so the linter sees the failure
//! instead of a silently substituted placeholder. None of the enumerations
//! changed between the 2023-03-02 model and the newest one.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// Error returned by the [`FromStr`] implementations of the enums in this
/// crate when a string is not one of the enum's wire names.
///
/// Matching is exact and case-sensitive, like the service.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownEnumValue {
    shape: &'static str,
    value: String,
    expected: &'static [&'static str],
}

impl UnknownEnumValue {
    /// Name of the model shape that was being parsed (for example `JobStatus`).
    pub fn shape(&self) -> &'static str {
        self.shape
    }

    /// The rejected input, verbatim.
    pub fn value(&self) -> &str {
        &self.value
    }

    /// Every wire name the shape accepts, in model order.
    pub fn expected(&self) -> &'static [&'static str] {
        self.expected
    }
}

impl fmt::Display for UnknownEnumValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "`{}` is not a valid {} value; expected one of ",
            self.value, self.shape
        )?;
        for (i, name) in self.expected.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            write!(f, "`{name}`")?;
        }
        Ok(())
    }
}

impl std::error::Error for UnknownEnumValue {}

/// Defines a closed string enumeration whose serde names, `as_str`, `ALL`,
/// `WIRE_NAMES`, `Display` and `FromStr` are all generated from one list, so
/// they cannot drift apart.
macro_rules! wire_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident (shape $shape:literal) {
            $(
                $(#[$vmeta:meta])*
                $variant:ident = $wire:literal,
            )+
        }
    ) => {
        $(#[$meta])*
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
        )]
        #[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
        pub enum $name {
            $(
                $(#[$vmeta])*
                #[serde(rename = $wire)]
                $variant,
            )+
        }

        impl $name {
            /// Every value of the enumeration, in the order the model lists them.
            pub const ALL: &'static [Self] = &[$(Self::$variant),+];

            /// Wire names of [`Self::ALL`], in the same order.
            pub const WIRE_NAMES: &'static [&'static str] = &[$($wire),+];

            /// Name of the corresponding shape in the service model.
            pub const SHAPE_NAME: &'static str = $shape;

            /// The exact string used on the wire for this value.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $(Self::$variant => $wire,)+
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl FromStr for $name {
            type Err = UnknownEnumValue;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                match s {
                    $($wire => Ok(Self::$variant),)+
                    _ => Err(UnknownEnumValue {
                        shape: $shape,
                        value: s.to_owned(),
                        expected: Self::WIRE_NAMES,
                    }),
                }
            }
        }
    };
}

wire_enum! {
    /// How the target list of a job is interpreted over time
    /// (model shape `TargetSelection`).
    ///
    /// The model does not state which value applies when the member is
    /// omitted.
    pub enum TargetSelection (shape "TargetSelection") {
        /// `CONTINUOUS`: the job keeps running and also reaches things that
        /// join a target group after the job was created. Such a job only
        /// completes on its own when a scheduling end time is set.
        Continuous = "CONTINUOUS",
        /// `SNAPSHOT`: the job runs once on the things that are targeted at
        /// creation time and completes when they have all finished.
        Snapshot = "SNAPSHOT",
    }
}

wire_enum! {
    /// Lifecycle state of a job as reported by `DescribeJob`
    /// (model shape `JobStatus`).
    ///
    /// `SCHEDULED` was added to the model in 2022-11, before the 2023-03-02
    /// edition, so both vendored editions list all five values (the prose in
    /// the model still forgets to mention it).
    pub enum JobStatus (shape "JobStatus") {
        /// `IN_PROGRESS`: the job is rolling out or waiting for executions.
        InProgress = "IN_PROGRESS",
        /// `CANCELED`: the job was cancelled (by a user, by an abort rule, or
        /// by the service, e.g. when a scheduled job hits the concurrency
        /// limit at its start time).
        Canceled = "CANCELED",
        /// `COMPLETED`: every execution reached a terminal state.
        Completed = "COMPLETED",
        /// `DELETION_IN_PROGRESS`: the job is being deleted.
        DeletionInProgress = "DELETION_IN_PROGRESS",
        /// `SCHEDULED`: the job has a scheduling configuration and is waiting
        /// for its start time or for its next maintenance window.
        Scheduled = "SCHEDULED",
    }
}

wire_enum! {
    /// What happens to a scheduled job when its end time is reached
    /// (model shape `JobEndBehavior`).
    ///
    /// Only meaningful together with `schedulingConfig.endTime`.
    pub enum JobEndBehavior (shape "JobEndBehavior") {
        /// `STOP_ROLLOUT`: stop creating new executions; existing ones carry
        /// on.
        StopRollout = "STOP_ROLLOUT",
        /// `CANCEL`: cancel the job; executions that have not started yet are
        /// cancelled.
        Cancel = "CANCEL",
        /// `FORCE_CANCEL`: cancel the job including executions that are
        /// already in progress.
        ForceCancel = "FORCE_CANCEL",
    }
}

wire_enum! {
    /// Kind of execution outcome an abort criterion counts
    /// (model shape `JobExecutionFailureType`).
    pub enum JobExecutionFailureType (shape "JobExecutionFailureType") {
        /// `FAILED`: executions that reported failure.
        Failed = "FAILED",
        /// `REJECTED`: executions the device rejected.
        Rejected = "REJECTED",
        /// `TIMED_OUT`: executions that exceeded their in-progress timeout.
        TimedOut = "TIMED_OUT",
        /// `ALL`: any of the above.
        All = "ALL",
    }
}

wire_enum! {
    /// Kind of execution outcome a retry criterion applies to
    /// (model shape `RetryableFailureType`).
    ///
    /// Unlike [`JobExecutionFailureType`] there is no `REJECTED`.
    pub enum RetryableFailureType (shape "RetryableFailureType") {
        /// `FAILED`: retry executions that reported failure.
        Failed = "FAILED",
        /// `TIMED_OUT`: retry executions that timed out (needs a timeout
        /// configuration to ever trigger).
        TimedOut = "TIMED_OUT",
        /// `ALL`: retry on either outcome.
        All = "ALL",
    }
}

wire_enum! {
    /// Action taken when an abort criterion is met
    /// (model shape `AbortAction`).
    ///
    /// The model defines a single value.
    pub enum AbortAction (shape "AbortAction") {
        /// `CANCEL`: cancel the job (only executions that are still queued
        /// are cancelled).
        Cancel = "CANCEL",
    }
}
