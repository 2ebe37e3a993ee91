//! `document/*`: where the job document comes from, and whether an inline document is JSON.

use super::{Ctx, View, span_of, string};
use crate::diagnostic::Severity;
use crate::registry::{Example, RuleInfo, example};
use crate::syntax::is_json_text;
use crate::text;
use crate::{Edition, Operation};

/// `document/source-missing`
pub const SOURCE_MISSING: RuleInfo = RuleInfo {
    code: "document/source-missing",
    severity: Severity::Error,
    summary: "No job document: CreateJob needs `document`, `documentSource` or `jobTemplateArn`; CreateJobTemplate needs `document`, `documentSource` or `jobArn`.",
    source: "API reference: CreateJob and CreateJobTemplate, members `document` and `documentSource` (each required when the other is absent)",
    json_schema: true,
    fix: None,
    example: example(Example {
        operation: Some(Operation::CreateJob),
        service_model: Edition::Latest,
        fail: r#"{
  "jobId": "firmware-2026-01",
  "targets": ["arn:aws:iot:eu-west-1:123456789012:thinggroup/pumps-line-a"]
}"#,
        pass: r#"{
  "jobId": "firmware-2026-01",
  "targets": ["arn:aws:iot:eu-west-1:123456789012:thinggroup/pumps-line-a"],
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}"
}"#,
    }),
};
/// `document/source-conflict`
pub const SOURCE_CONFLICT: RuleInfo = RuleInfo {
    code: "document/source-conflict",
    severity: Severity::Error,
    summary: "Both `document` and `documentSource` are given; a job has exactly one document.",
    source: "API reference: CreateJob / CreateJobTemplate, `document` and `documentSource` are alternatives",
    json_schema: true,
    fix: None,
    example: example(Example {
        operation: Some(Operation::CreateJob),
        service_model: Edition::Latest,
        fail: r#"{
  "jobId": "firmware-2026-01",
  "targets": ["arn:aws:iot:eu-west-1:123456789012:thinggroup/pumps-line-a"],
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}",
  "documentSource": "https://s3.eu-west-1.amazonaws.com/example-firmware/pump/job-document-2.4.1.json"
}"#,
        pass: r#"{
  "jobId": "firmware-2026-01",
  "targets": ["arn:aws:iot:eu-west-1:123456789012:thinggroup/pumps-line-a"],
  "documentSource": "https://s3.eu-west-1.amazonaws.com/example-firmware/pump/job-document-2.4.1.json"
}"#,
    }),
};
/// `document/not-json`
pub const NOT_JSON: RuleInfo = RuleInfo {
    code: "document/not-json",
    severity: Severity::Error,
    summary: "An inline `document` must itself be JSON text (it is a string holding JSON, not an object).",
    source: "developer guide: job documents are UTF-8 encoded JSON documents",
    json_schema: false,
    fix: None,
    example: example(Example {
        operation: Some(Operation::CreateJob),
        service_model: Edition::Latest,
        fail: r#"{
  "jobId": "firmware-2026-01",
  "targets": ["arn:aws:iot:eu-west-1:123456789012:thinggroup/pumps-line-a"],
  "document": "{'operation': 'firmware-update', 'version': '2.4.1'}"
}"#,
        pass: r#"{
  "jobId": "firmware-2026-01",
  "targets": ["arn:aws:iot:eu-west-1:123456789012:thinggroup/pumps-line-a"],
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}"
}"#,
    }),
};
/// `document/parameters-without-managed-template`
pub const PARAMETERS_WITHOUT_MANAGED_TEMPLATE: RuleInfo = RuleInfo {
    code: "document/parameters-without-managed-template",
    severity: Severity::Error,
    summary: "`documentParameters` only works with `jobTemplateArn` naming an AWS managed template (`arn:…:jobtemplate/AWS-…`), not with custom templates or without a template. An empty map sends no parameters and is not flagged.",
    source: "API reference: CreateJob, member `documentParameters`",
    json_schema: true,
    fix: None,
    example: example(Example {
        operation: Some(Operation::CreateJob),
        service_model: Edition::Latest,
        fail: r#"{
  "jobId": "reboot-2026-01",
  "targets": ["arn:aws:iot:eu-west-1:123456789012:thinggroup/pumps-line-a"],
  "jobTemplateArn": "arn:aws:iot:eu-west-1:123456789012:jobtemplate/reboot-gateways",
  "documentParameters": {"pathToHandler": "/opt/aws-iot-device-client/handlers", "runAsUser": "root"}
}"#,
        pass: r#"{
  "jobId": "reboot-2026-01",
  "targets": ["arn:aws:iot:eu-west-1:123456789012:thinggroup/pumps-line-a"],
  "jobTemplateArn": "arn:aws:iot:eu-west-1::jobtemplate/AWS-Reboot:1.0",
  "documentParameters": {"pathToHandler": "/opt/aws-iot-device-client/handlers", "runAsUser": "root"}
}"#,
    }),
};

/// The rules of this family.
pub const RULES: &[RuleInfo] = &[
    SOURCE_MISSING,
    SOURCE_CONFLICT,
    NOT_JSON,
    PARAMETERS_WITHOUT_MANAGED_TEMPLATE,
];

pub(crate) fn check(ctx: &mut Ctx<'_>, view: &View<'_>) {
    if !ctx.operation.is_request() {
        return;
    }
    let root = view.root;
    // A miscased member (`JobTemplateArn`) is reported as unknown with a suggestion; counting it
    // here keeps one typo from cascading into a missing-document error.
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
    let is_any_case = |m: &crate::syntax::Member<'_>, n: &str| {
        m.name_len() == n.len() && m.name().eq_ignore_ascii_case(n)
    };
    let has_any_case = |n: &str| root.members().any(|m| is_any_case(&m, n));
    let has_source = root.members().any(|m| {
        ["document", "documentSource", alternative]
            .iter()
            .any(|n| is_any_case(&m, n))
    });
    if !has_source {
        ctx.report(
            &SOURCE_MISSING,
            "/document",
            root.opening(),
            format!(
                "the {} request has no job document: give `document`, `documentSource` or `{alternative}`",
                ctx.operation.api_name()
            ),
            Some(format!(
                "add `document` (the job document as a JSON string), `documentSource` (an S3 URL of the document) or {alternative_help}"
            )),
        );
    }
    if root.has("document") && root.has("documentSource") {
        ctx.report(
            &SOURCE_CONFLICT,
            "/documentSource",
            span_of(root, "documentSource"),
            "both `document` and `documentSource` are given; a job takes its document from one of them",
            Some("keep the inline `document` or the S3 `documentSource`, not both".into()),
        );
    }
    // The verdict comes from reading through the literal's escapes; only a broken document is
    // decoded, for serde_json's account of what is wrong and where.
    if let Some(doc) = view.document
        && ctx.is_valid(doc)
        && doc.as_str_raw().is_some_and(|raw| !is_json_text(raw))
        && let Some(json) = view.document_text()
    {
        let why = match serde_json::from_str::<serde::de::IgnoredAny>(json) {
            Err(e) => format!("{e} (line and column inside the document)"),
            // The one thing serde_json skips that the reader rejects.
            Ok(_) => "a \\u escape is half of a surrogate pair with no other half (write the character itself, or both halves)".into(),
        };
        ctx.report(
            &NOT_JSON,
            "/document",
            doc.span(),
            format!("the job document is not JSON text: {why}"),
            Some("`document` is a string that holds a JSON object, e.g. \"{\\\"operation\\\":\\\"reboot\\\"}\"".into()),
        );
    }
    let miscased_template = || has_any_case("jobTemplateArn") && !root.has("jobTemplateArn");
    let parameters = root.get("documentParameters");
    // An empty map sends nothing to substitute: scripts send `{}` routinely, and the service
    // accepts it.
    let empty = parameters
        .and_then(|p| p.as_object())
        .is_some_and(|o| o.len() == 0);
    if ctx.operation == Operation::CreateJob
        && parameters.is_some()
        && !empty
        && !miscased_template()
    {
        // A `jobTemplateArn` whose value failed its own check, or is known only at deploy time
        // (a template's `!Ref`), is present: nothing to say about which template it is.
        if root.get("jobTemplateArn").is_some_and(|v| !ctx.is_valid(v)) {
            return;
        }
        let template = string(root, "jobTemplateArn");
        let managed = template
            .as_ref()
            .is_some_and(|(arn, _)| is_managed_template(arn));
        if !managed {
            let message = match &template {
                None => "`documentParameters` is given without `jobTemplateArn`; it only fills in the parameters of an AWS managed template".to_string(),
                Some((arn, _)) if !arn.starts_with("arn:") => format!(
                    "`documentParameters` only works with AWS managed templates, and `jobTemplateArn` {} is not a template ARN",
                    text::quote(arn)
                ),
                Some((arn, _)) => format!(
                    "`documentParameters` only works with AWS managed templates, but `jobTemplateArn` {} is a custom template",
                    text::quote(arn)
                ),
            };
            ctx.report(
                &PARAMETERS_WITHOUT_MANAGED_TEMPLATE,
                "/documentParameters",
                span_of(root, "documentParameters"),
                message,
                Some(match &template {
                    Some((name, _)) if name.starts_with("AWS-") => {
                        format!("give the managed template's ARN: arn:aws:iot:REGION::jobtemplate/{}:1.0", text::escape(name))
                    }
                    _ => "use an AWS managed template (`arn:aws:iot:REGION::jobtemplate/AWS-Reboot:1.0`, ...), or put the values into the job document itself".into(),
                }),
            );
        }
    }
}

/// Whether an ARN names an AWS managed job template (`…:jobtemplate/AWS-…`).
pub(crate) fn is_managed_template(arn: &str) -> bool {
    // The first `:jobtemplate/` decides (a colon search, cheaper than a substring searcher).
    arn.starts_with("arn:")
        && arn
            .match_indices(':')
            .map(|(i, _)| &arn[i + 1..])
            .find(|rest| rest.starts_with("jobtemplate/"))
            .is_some_and(|rest| rest["jobtemplate/".len()..].starts_with("AWS-"))
}
