//! Where each part of a job lives in each operation, resolved once per input.
//!
//! A CreateJob request keeps the job configuration at the root, a DescribeJob response under
//! `job`; a template keeps its maintenance windows at the root instead of under
//! `schedulingConfig`. The families read these typed slots instead of looking members up from
//! the root by name. Each slot holds the member that is sent (the last copy of a repeated name)
//! when it has the JSON type the model wants; a member of the wrong type is absent here (and has
//! its `model/type` diagnostic).

use super::{array, object};
use crate::Operation;
use crate::syntax::{Array, Object, Value};
use std::borrow::Cow;
use std::cell::OnceCell;

/// The typed view of one input.
pub(crate) struct View<'d> {
    /// The top-level object.
    pub(crate) root: Object<'d>,
    /// JSON Pointer of the object holding the job configuration: `""` (the root), or `"/job"`
    /// in a DescribeJob response.
    pub(crate) base: &'static str,
    /// `schedulingConfig` (CreateJob, DescribeJob).
    pub(crate) scheduling: Option<Object<'d>>,
    /// The maintenance windows: `schedulingConfig.maintenanceWindows` of a job, top-level
    /// `maintenanceWindows` of a template.
    pub(crate) windows: Option<Array<'d>>,
    /// JSON Pointer of [`View::windows`].
    pub(crate) windows_pointer: &'static str,
    /// The inline `document` member, whatever its type.
    pub(crate) document: Option<Value<'d>>,
    /// The decoded text of [`View::document`] when it is a string, decoded once on first use
    /// (an embedded document is mostly escapes, and two families read it).
    document_text: OnceCell<Option<Cow<'d, str>>>,
    /// `presignedUrlConfig`.
    pub(crate) presigned: Option<Object<'d>>,
    /// `jobExecutionsRolloutConfig.exponentialRate`.
    pub(crate) exponential_rate: Option<Object<'d>>,
    /// `jobExecutionsRolloutConfig`.
    pub(crate) rollout: Option<Object<'d>>,
    /// `abortConfig.criteriaList`.
    pub(crate) abort_criteria: Option<Array<'d>>,
    /// `jobExecutionsRetryConfig.criteriaList`.
    pub(crate) retry_criteria: Option<Array<'d>>,
    /// `timeoutConfig`.
    pub(crate) timeout: Option<Object<'d>>,
    /// `targets` (CreateJob, DescribeJob).
    pub(crate) targets: Option<Array<'d>>,
    /// Top-level `tags` (requests).
    pub(crate) tags: Option<Array<'d>>,
    /// `destinationPackageVersions`.
    pub(crate) packages: Option<Array<'d>>,
    /// `job.scheduledJobRollouts` (DescribeJob).
    pub(crate) scheduled_rollouts: Option<Array<'d>>,
}

impl<'d> View<'d> {
    /// Resolves every slot of `root` read as `operation`.
    pub(crate) fn new(operation: Operation, root: Object<'d>) -> View<'d> {
        let (job, base) = match operation {
            Operation::DescribeJob => (object(root, "job"), "/job"),
            _ => (Some(root), ""),
        };
        let is_job = matches!(operation, Operation::CreateJob | Operation::DescribeJob);
        // The job's members in one pass (eleven lookups one by one were a tenth of a lint).
        let [
            scheduling,
            rollout,
            document,
            presigned,
            abort,
            retry,
            timeout,
            targets,
            packages,
            scheduled_rollouts,
        ] = job.map_or([None; 10], |j| {
            j.get_many([
                "schedulingConfig",
                "jobExecutionsRolloutConfig",
                "document",
                "presignedUrlConfig",
                "abortConfig",
                "jobExecutionsRetryConfig",
                "timeoutConfig",
                "targets",
                "destinationPackageVersions",
                "scheduledJobRollouts",
            ])
        });
        let [tags, template_windows] = root.get_many(["tags", "maintenanceWindows"]);
        let as_object = |v: Option<Value<'d>>| v.and_then(|v| v.as_object());
        let as_array = |v: Option<Value<'d>>| v.and_then(|v| v.as_array());
        let scheduling = as_object(scheduling).filter(|_| is_job);
        let (windows, windows_pointer) = if is_job {
            (
                scheduling.and_then(|c| array(c, "maintenanceWindows")),
                if operation == Operation::DescribeJob {
                    "/job/schedulingConfig/maintenanceWindows"
                } else {
                    "/schedulingConfig/maintenanceWindows"
                },
            )
        } else {
            (as_array(template_windows), "/maintenanceWindows")
        };
        let rollout = as_object(rollout);
        View {
            root,
            base,
            scheduling,
            windows,
            windows_pointer,
            document,
            document_text: OnceCell::new(),
            presigned: as_object(presigned),
            exponential_rate: rollout.and_then(|r| object(r, "exponentialRate")),
            rollout,
            abort_criteria: as_object(abort).and_then(|c| array(c, "criteriaList")),
            retry_criteria: as_object(retry).and_then(|c| array(c, "criteriaList")),
            timeout: as_object(timeout),
            targets: as_array(targets).filter(|_| is_job),
            tags: as_array(tags),
            packages: as_array(packages),
            scheduled_rollouts: as_array(scheduled_rollouts)
                .filter(|_| operation == Operation::DescribeJob),
        }
    }

    /// The decoded inline document, when `document` is a string.
    pub(crate) fn document_text(&self) -> Option<&str> {
        self.document_text
            .get_or_init(|| self.document.and_then(|d| d.as_str()))
            .as_deref()
    }

    /// `base` + `suffix`, the pointer of a member of the job configuration.
    pub(crate) fn at(&self, suffix: &str) -> String {
        format!("{}{suffix}", self.base)
    }
}
