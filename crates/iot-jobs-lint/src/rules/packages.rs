//! `packages/*`: `destinationPackageVersions` (latest model only).

use super::{Ctx, View};
use crate::diagnostic::Severity;
use crate::registry::{Example, RuleInfo, example};
use crate::{Edition, Operation};

/// `packages/too-many`
pub const TOO_MANY: RuleInfo = RuleInfo {
    code: "packages/too-many",
    severity: Severity::Warning,
    summary: "More than 25 package version ARNs in `destinationPackageVersions`; the API reference allows up to 25 (the model states no maximum).",
    source: "API reference: CreateJob.destinationPackageVersions (up to 25 package version ARNs); inferred severity: no model trait",
    json_schema: false,
    fix: None,
    example: example(Example {
        operation: Some(Operation::CreateJob),
        service_model: Edition::Latest,
        fail: r#"{
  "jobId": "firmware-2026-01",
  "targets": ["arn:aws:iot:eu-west-1:123456789012:thinggroup/pumps-line-a"],
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}",
  "destinationPackageVersions": [
    "arn:aws:iot:eu-west-1:123456789012:package/sensor-01/version/1.0.0", "arn:aws:iot:eu-west-1:123456789012:package/sensor-02/version/1.0.0",
    "arn:aws:iot:eu-west-1:123456789012:package/sensor-03/version/1.0.0", "arn:aws:iot:eu-west-1:123456789012:package/sensor-04/version/1.0.0",
    "arn:aws:iot:eu-west-1:123456789012:package/sensor-05/version/1.0.0", "arn:aws:iot:eu-west-1:123456789012:package/sensor-06/version/1.0.0",
    "arn:aws:iot:eu-west-1:123456789012:package/sensor-07/version/1.0.0", "arn:aws:iot:eu-west-1:123456789012:package/sensor-08/version/1.0.0",
    "arn:aws:iot:eu-west-1:123456789012:package/sensor-09/version/1.0.0", "arn:aws:iot:eu-west-1:123456789012:package/sensor-10/version/1.0.0",
    "arn:aws:iot:eu-west-1:123456789012:package/sensor-11/version/1.0.0", "arn:aws:iot:eu-west-1:123456789012:package/sensor-12/version/1.0.0",
    "arn:aws:iot:eu-west-1:123456789012:package/sensor-13/version/1.0.0", "arn:aws:iot:eu-west-1:123456789012:package/sensor-14/version/1.0.0",
    "arn:aws:iot:eu-west-1:123456789012:package/sensor-15/version/1.0.0", "arn:aws:iot:eu-west-1:123456789012:package/sensor-16/version/1.0.0",
    "arn:aws:iot:eu-west-1:123456789012:package/sensor-17/version/1.0.0", "arn:aws:iot:eu-west-1:123456789012:package/sensor-18/version/1.0.0",
    "arn:aws:iot:eu-west-1:123456789012:package/sensor-19/version/1.0.0", "arn:aws:iot:eu-west-1:123456789012:package/sensor-20/version/1.0.0",
    "arn:aws:iot:eu-west-1:123456789012:package/sensor-21/version/1.0.0", "arn:aws:iot:eu-west-1:123456789012:package/sensor-22/version/1.0.0",
    "arn:aws:iot:eu-west-1:123456789012:package/sensor-23/version/1.0.0", "arn:aws:iot:eu-west-1:123456789012:package/sensor-24/version/1.0.0",
    "arn:aws:iot:eu-west-1:123456789012:package/sensor-25/version/1.0.0", "arn:aws:iot:eu-west-1:123456789012:package/sensor-26/version/1.0.0"
  ]
}"#,
        pass: r#"{
  "jobId": "firmware-2026-01",
  "targets": ["arn:aws:iot:eu-west-1:123456789012:thinggroup/pumps-line-a"],
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}",
  "destinationPackageVersions": [
    "arn:aws:iot:eu-west-1:123456789012:package/sensor-01/version/1.0.0", "arn:aws:iot:eu-west-1:123456789012:package/sensor-02/version/1.0.0",
    "arn:aws:iot:eu-west-1:123456789012:package/sensor-03/version/1.0.0", "arn:aws:iot:eu-west-1:123456789012:package/sensor-04/version/1.0.0",
    "arn:aws:iot:eu-west-1:123456789012:package/sensor-05/version/1.0.0", "arn:aws:iot:eu-west-1:123456789012:package/sensor-06/version/1.0.0",
    "arn:aws:iot:eu-west-1:123456789012:package/sensor-07/version/1.0.0", "arn:aws:iot:eu-west-1:123456789012:package/sensor-08/version/1.0.0",
    "arn:aws:iot:eu-west-1:123456789012:package/sensor-09/version/1.0.0", "arn:aws:iot:eu-west-1:123456789012:package/sensor-10/version/1.0.0",
    "arn:aws:iot:eu-west-1:123456789012:package/sensor-11/version/1.0.0", "arn:aws:iot:eu-west-1:123456789012:package/sensor-12/version/1.0.0",
    "arn:aws:iot:eu-west-1:123456789012:package/sensor-13/version/1.0.0", "arn:aws:iot:eu-west-1:123456789012:package/sensor-14/version/1.0.0",
    "arn:aws:iot:eu-west-1:123456789012:package/sensor-15/version/1.0.0", "arn:aws:iot:eu-west-1:123456789012:package/sensor-16/version/1.0.0",
    "arn:aws:iot:eu-west-1:123456789012:package/sensor-17/version/1.0.0", "arn:aws:iot:eu-west-1:123456789012:package/sensor-18/version/1.0.0",
    "arn:aws:iot:eu-west-1:123456789012:package/sensor-19/version/1.0.0", "arn:aws:iot:eu-west-1:123456789012:package/sensor-20/version/1.0.0",
    "arn:aws:iot:eu-west-1:123456789012:package/sensor-21/version/1.0.0", "arn:aws:iot:eu-west-1:123456789012:package/sensor-22/version/1.0.0",
    "arn:aws:iot:eu-west-1:123456789012:package/sensor-23/version/1.0.0", "arn:aws:iot:eu-west-1:123456789012:package/sensor-24/version/1.0.0",
    "arn:aws:iot:eu-west-1:123456789012:package/sensor-25/version/1.0.0"
  ]
}"#,
    }),
};

/// The rules of this family.
pub const RULES: &[RuleInfo] = &[TOO_MANY];

/// Most package versions one job may name.
pub const MAX_PACKAGE_VERSIONS: usize = 25;

pub(crate) fn check(ctx: &mut Ctx<'_>, view: &View<'_>) {
    // In an edition without the member, model/not-in-edition says all there is to say.
    if ctx.edition < crate::Edition::Latest {
        return;
    }
    let Some(list) = view.packages else {
        return;
    };
    let n = list.len();
    if n > MAX_PACKAGE_VERSIONS {
        ctx.report(
            &TOO_MANY,
            view.at("/destinationPackageVersions"),
            list.span(),
            format!("`destinationPackageVersions` may list at most {MAX_PACKAGE_VERSIONS} package version ARNs; it has {n}"),
            Some("split the deployment into several jobs".into()),
        );
    }
}
