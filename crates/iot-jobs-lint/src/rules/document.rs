//! `document/*`: where the job document comes from, and whether an inline document is JSON.

use super::{Ctx, opening, span_of, string};
use crate::Operation;
use crate::diagnostic::Severity;
use crate::registry::RuleInfo;
use crate::source;
use jsonc_parser::ast::Object;

/// `document/source-missing`
pub const SOURCE_MISSING: RuleInfo = RuleInfo {
    code: "document/source-missing",
    severity: Severity::Error,
    summary: "No job document: CreateJob needs `document`, `documentSource` or `jobTemplateArn`; CreateJobTemplate needs `document`, `documentSource` or `jobArn`.",
    source: "API reference: CreateJob and CreateJobTemplate, members `document` and `documentSource` (each required when the other is absent)",
    json_schema: true,
};
/// `document/source-conflict`
pub const SOURCE_CONFLICT: RuleInfo = RuleInfo {
    code: "document/source-conflict",
    severity: Severity::Error,
    summary: "Both `document` and `documentSource` are given; a job has exactly one document.",
    source: "API reference: CreateJob / CreateJobTemplate, `document` and `documentSource` are alternatives",
    json_schema: true,
};
/// `document/not-json`
pub const NOT_JSON: RuleInfo = RuleInfo {
    code: "document/not-json",
    severity: Severity::Error,
    summary: "An inline `document` must itself be JSON text (it is a string holding JSON, not an object).",
    source: "developer guide: job documents are UTF-8 encoded JSON documents",
    json_schema: false,
};
/// `document/parameters-without-managed-template`
pub const PARAMETERS_WITHOUT_MANAGED_TEMPLATE: RuleInfo = RuleInfo {
    code: "document/parameters-without-managed-template",
    severity: Severity::Error,
    summary: "`documentParameters` only works with `jobTemplateArn` naming an AWS managed template (`arn:…:jobtemplate/AWS-…`), not with custom templates or without a template.",
    source: "API reference: CreateJob, member `documentParameters`",
    json_schema: true,
};

/// The rules of this family.
pub const RULES: &[RuleInfo] = &[
    SOURCE_MISSING,
    SOURCE_CONFLICT,
    NOT_JSON,
    PARAMETERS_WITHOUT_MANAGED_TEMPLATE,
];

pub(crate) fn check(ctx: &mut Ctx<'_>, root: &Object<'_>) {
    if !ctx.operation.is_request() {
        return;
    }
    let has = |n: &str| source::get(root, n).is_some();
    // A miscased member (`JobTemplateArn`) is reported as unknown with a suggestion; counting it
    // here keeps one typo from cascading into a missing-document error.
    let has_any_case = |n: &str| {
        root.properties
            .iter()
            .any(|p| source::prop_name(p).eq_ignore_ascii_case(n))
    };
    let (alternative, alternative_help) = match ctx.operation {
        Operation::CreateJob => (
            "jobTemplateArn",
            "`jobTemplateArn` (create the job from a template)",
        ),
        _ => (
            "jobArn",
            "`jobArn` (copy the configuration of an existing job)",
        ),
    };
    if !has_any_case("document") && !has_any_case("documentSource") && !has_any_case(alternative) {
        ctx.report(
            &SOURCE_MISSING,
            "/document",
            opening(root),
            format!(
                "the {} request has no job document: give `document`, `documentSource` or `{alternative}`",
                ctx.operation.api_name()
            ),
            Some(format!(
                "add `document` (the job document as a JSON string), `documentSource` (an S3 URL of the document) or {alternative_help}"
            )),
        );
    }
    if has("document") && has("documentSource") {
        ctx.report(
            &SOURCE_CONFLICT,
            "/documentSource",
            span_of(root, "documentSource"),
            "both `document` and `documentSource` are given; a job takes its document from one of them",
            Some("keep the inline `document` or the S3 `documentSource`, not both".into()),
        );
    }
    if let Some((doc, span)) = string(root, "document")
        && let Err(e) = serde_json::from_str::<serde::de::IgnoredAny>(doc)
    {
        ctx.report(
            &NOT_JSON,
            "/document",
            span,
            format!("the job document is not JSON text: {e} (line and column inside the document)"),
            Some("`document` is a string that holds a JSON object, e.g. \"{\\\"operation\\\":\\\"reboot\\\"}\"".into()),
        );
    }
    let miscased_template = has_any_case("jobTemplateArn") && !has("jobTemplateArn");
    if ctx.operation == Operation::CreateJob && has("documentParameters") && !miscased_template {
        let template = string(root, "jobTemplateArn");
        let managed = template.is_some_and(|(arn, _)| is_managed_template(arn));
        if !managed {
            let message = match template {
                None => "`documentParameters` is given without `jobTemplateArn`; it only fills in the parameters of an AWS managed template".to_string(),
                Some((arn, _)) if !arn.starts_with("arn:") => format!(
                    "`documentParameters` only works with AWS managed templates, and `jobTemplateArn` {} is not a template ARN",
                    source::quote(arn)
                ),
                Some((arn, _)) => format!(
                    "`documentParameters` only works with AWS managed templates, but `jobTemplateArn` {} is a custom template",
                    source::quote(arn)
                ),
            };
            ctx.report(
                &PARAMETERS_WITHOUT_MANAGED_TEMPLATE,
                "/documentParameters",
                span_of(root, "documentParameters"),
                message,
                Some(match template {
                    Some((name, _)) if name.starts_with("AWS-") => {
                        format!("give the managed template's ARN: arn:aws:iot:REGION::jobtemplate/{name}:1.0")
                    }
                    _ => "use an AWS managed template (`arn:aws:iot:REGION::jobtemplate/AWS-Reboot:1.0`, ...), or put the values into the job document itself".into(),
                }),
            );
        }
    }
}

/// Whether an ARN names an AWS managed job template (`…:jobtemplate/AWS-…`).
pub(crate) fn is_managed_template(arn: &str) -> bool {
    arn.starts_with("arn:")
        && arn
            .split_once(":jobtemplate/")
            .is_some_and(|(_, name)| name.starts_with("AWS-"))
}
