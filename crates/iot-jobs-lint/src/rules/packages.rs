//! `packages/*`: `destinationPackageVersions` (latest model only).

use super::{Ctx, View};
use crate::diagnostic::Severity;
use crate::registry::RuleInfo;

/// `packages/too-many`
pub const TOO_MANY: RuleInfo = RuleInfo {
    code: "packages/too-many",
    severity: Severity::Warning,
    summary: "More than 25 package version ARNs in `destinationPackageVersions`; the API reference allows up to 25 (the model states no maximum).",
    source: "API reference: CreateJob.destinationPackageVersions (up to 25 package version ARNs); inferred severity: no model trait",
    json_schema: false,
    fix: None,
    example: None,
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
