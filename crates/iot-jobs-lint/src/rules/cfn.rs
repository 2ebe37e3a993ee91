//! `cfn/*`: what CloudFormation rejects in an `AWS::IoT::Job` or `AWS::IoT::JobTemplate`
//! resource before it calls the IoT API, read from the resource types' registry schemas
//! (`cfn-schemas/`): required properties, unknown properties, types, ranges, lengths, item
//! counts, patterns (as CloudFormation applies them: unanchored ones as a search), enums, unique
//! items; and malformed intrinsic functions.
//!
//! Also the template pass itself ([`run`]): each IoT resource of a template is judged by these
//! rules, then as the API request it produces ([`crate::template::request`]) by every other
//! family, and the request's diagnostics are moved into the template (pointer, span, fixes,
//! member names in the messages) so the user sees both verdicts in place.

use super::{Pending, finish};
use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix, Severity};
use crate::registry::{Example, RuleInfo, example};
use crate::template::node::{INTRINSICS, Node, NodeKind};
use crate::template::request::{self, Request};
use crate::template::{ResourceKind, Template, resource_schema};
use crate::{Edition, LintOptions, Operation, Report, text};
use serde_json::Value;

macro_rules! cfn_rule {
    ($name:ident, $code:literal, $severity:expr, $summary:literal, $source:expr, $fix:expr, $fail:literal, $pass:literal) => {
        #[doc = concat!("`", $code, "`")]
        pub const $name: RuleInfo = RuleInfo {
            code: $code,
            severity: $severity,
            summary: $summary,
            source: $source,
            json_schema: false,
            fix: $fix,
            example: example(Example {
                operation: None,
                service_model: Edition::Latest,
                fail: $fail,
                pass: $pass,
            }),
        };
    };
}

cfn_rule!(
    REQUIRED,
    "cfn/required",
    Severity::Error,
    "A property the resource schema requires is missing: CloudFormation rejects the resource before it calls the API (the JobTemplate schema requires `Description`, and `RoleArn` in `PresignedUrlConfig`, which the API does not).",
    "CloudFormation registry schemas AWS::IoT::Job and AWS::IoT::JobTemplate: `required`",
    None,
    "Resources:\n  OtaTemplate:\n    Type: AWS::IoT::JobTemplate\n    Properties:\n      JobTemplateId: ota-pumps\n      Description: Pump firmware\n      Document: '{\"operation\":\"update\"}'\n      PresignedUrlConfig:\n        ExpiresInSec: 3600\n",
    "Resources:\n  OtaTemplate:\n    Type: AWS::IoT::JobTemplate\n    Properties:\n      JobTemplateId: ota-pumps\n      Description: Pump firmware\n      Document: '{\"operation\":\"update\"}'\n      PresignedUrlConfig:\n        RoleArn: arn:aws:iam::123456789012:role/ota-download\n        ExpiresInSec: 3600\n"
);
cfn_rule!(
    UNKNOWN_PROPERTY,
    "cfn/unknown-property",
    Severity::Error,
    "A property the resource schema does not declare (`additionalProperties: false`), often an API member written in camelCase: CloudFormation rejects it as extraneous.",
    "CloudFormation registry schemas AWS::IoT::Job and AWS::IoT::JobTemplate: `additionalProperties`",
    Some("suggested: rename to the property it most resembles"),
    "Resources:\n  OtaTemplate:\n    Type: AWS::IoT::JobTemplate\n    Properties:\n      JobTemplateId: ota-pumps\n      Description: Pump firmware\n      Document: '{\"operation\":\"update\"}'\n      PresignedUrlConfig:\n        roleArn: arn:aws:iam::123456789012:role/ota-download\n",
    "Resources:\n  OtaTemplate:\n    Type: AWS::IoT::JobTemplate\n    Properties:\n      JobTemplateId: ota-pumps\n      Description: Pump firmware\n      Document: '{\"operation\":\"update\"}'\n      PresignedUrlConfig:\n        RoleArn: arn:aws:iam::123456789012:role/ota-download\n"
);
cfn_rule!(
    TYPE,
    "cfn/type",
    Severity::Error,
    "A property has the wrong type for the resource schema (an object where a string is wanted, a list where an object is). Scalars are converted as CloudFormation converts them: `60` is accepted where a string is wanted, `\"60\"` where an integer is.",
    "CloudFormation registry schemas AWS::IoT::Job and AWS::IoT::JobTemplate: `type`",
    None,
    "Resources:\n  OtaTemplate:\n    Type: AWS::IoT::JobTemplate\n    Properties:\n      JobTemplateId: ota-pumps\n      Description: Pump firmware\n      Document:\n        operation: update\n",
    "Resources:\n  OtaTemplate:\n    Type: AWS::IoT::JobTemplate\n    Properties:\n      JobTemplateId: ota-pumps\n      Description: Pump firmware\n      Document: '{\"operation\":\"update\"}'\n"
);
cfn_rule!(
    RANGE,
    "cfn/range",
    Severity::Error,
    "A number is outside the resource schema's `minimum`..`maximum`.",
    "CloudFormation registry schemas AWS::IoT::Job and AWS::IoT::JobTemplate: `minimum`, `maximum`",
    None,
    "Resources:\n  OtaTemplate:\n    Type: AWS::IoT::JobTemplate\n    Properties:\n      JobTemplateId: ota-pumps\n      Description: Pump firmware\n      Document: '{\"operation\":\"update\"}'\n      TimeoutConfig:\n        InProgressTimeoutInMinutes: 20000\n",
    "Resources:\n  OtaTemplate:\n    Type: AWS::IoT::JobTemplate\n    Properties:\n      JobTemplateId: ota-pumps\n      Description: Pump firmware\n      Document: '{\"operation\":\"update\"}'\n      TimeoutConfig:\n        InProgressTimeoutInMinutes: 10080\n"
);
cfn_rule!(
    LENGTH,
    "cfn/length",
    Severity::Error,
    "A string is shorter or longer than the resource schema's `minLength`..`maxLength` (in characters).",
    "CloudFormation registry schemas AWS::IoT::Job and AWS::IoT::JobTemplate: `minLength`, `maxLength`",
    None,
    "Resources:\n  OtaTemplate:\n    Type: AWS::IoT::JobTemplate\n    Properties:\n      JobTemplateId: ota-pumps\n      Description: Pump firmware\n      Document: '{\"operation\":\"update\"}'\n      Tags:\n        - Key: team\n          Value: ''\n",
    "Resources:\n  OtaTemplate:\n    Type: AWS::IoT::JobTemplate\n    Properties:\n      JobTemplateId: ota-pumps\n      Description: Pump firmware\n      Document: '{\"operation\":\"update\"}'\n      Tags:\n        - Key: team\n          Value: fleet\n"
);
cfn_rule!(
    ITEMS,
    "cfn/items",
    Severity::Error,
    "A list has fewer or more items than the resource schema's `minItems`..`maxItems` (the JobTemplate schema caps `Tags` at 50, which the API does not).",
    "CloudFormation registry schemas AWS::IoT::Job and AWS::IoT::JobTemplate: `minItems`, `maxItems`",
    None,
    "Resources:\n  FirmwareJob:\n    Type: AWS::IoT::Job\n    Properties:\n      JobId: firmware-2026-01\n      Targets: []\n      Document: '{\"operation\":\"update\"}'\n",
    "Resources:\n  FirmwareJob:\n    Type: AWS::IoT::Job\n    Properties:\n      JobId: firmware-2026-01\n      Targets:\n        - arn:aws:iot:eu-west-1:123456789012:thinggroup/pumps\n      Document: '{\"operation\":\"update\"}'\n"
);
cfn_rule!(
    PATTERN,
    "cfn/pattern",
    Severity::Error,
    "A string does not match the resource schema's `pattern`, applied as CloudFormation applies it: an unanchored pattern (`[a-zA-Z0-9_-]+`) only needs one matching character somewhere, so the API's own rule (`model/pattern`) catches far more.",
    "CloudFormation registry schemas AWS::IoT::Job and AWS::IoT::JobTemplate: `pattern`",
    None,
    "Resources:\n  FirmwareJob:\n    Type: AWS::IoT::Job\n    Properties:\n      JobId: firmware 2026\n      Targets:\n        - arn:aws:iot:eu-west-1:123456789012:thinggroup/pumps\n      Document: '{\"operation\":\"update\"}'\n",
    "Resources:\n  FirmwareJob:\n    Type: AWS::IoT::Job\n    Properties:\n      JobId: firmware-2026\n      Targets:\n        - arn:aws:iot:eu-west-1:123456789012:thinggroup/pumps\n      Document: '{\"operation\":\"update\"}'\n"
);
cfn_rule!(
    ENUM,
    "cfn/enum",
    Severity::Error,
    "A string is not one of the values the resource schema's `enum` lists.",
    "CloudFormation registry schemas AWS::IoT::Job and AWS::IoT::JobTemplate: `enum`",
    Some("suggested: the listed value it most resembles"),
    "Resources:\n  FirmwareJob:\n    Type: AWS::IoT::Job\n    Properties:\n      JobId: firmware-2026\n      Targets:\n        - arn:aws:iot:eu-west-1:123456789012:thinggroup/pumps\n      Document: '{\"operation\":\"update\"}'\n      TargetSelection: Continuous\n",
    "Resources:\n  FirmwareJob:\n    Type: AWS::IoT::Job\n    Properties:\n      JobId: firmware-2026\n      Targets:\n        - arn:aws:iot:eu-west-1:123456789012:thinggroup/pumps\n      Document: '{\"operation\":\"update\"}'\n      TargetSelection: CONTINUOUS\n"
);
cfn_rule!(
    UNIQUE_ITEMS,
    "cfn/unique-items",
    Severity::Error,
    "A list the resource schema marks `uniqueItems` (`Tags`) holds the same item twice.",
    "CloudFormation registry schemas AWS::IoT::Job and AWS::IoT::JobTemplate: `uniqueItems`",
    None,
    "Resources:\n  OtaTemplate:\n    Type: AWS::IoT::JobTemplate\n    Properties:\n      JobTemplateId: ota-pumps\n      Description: Pump firmware\n      Document: '{\"operation\":\"update\"}'\n      Tags:\n        - Key: team\n          Value: fleet\n        - Key: team\n          Value: fleet\n",
    "Resources:\n  OtaTemplate:\n    Type: AWS::IoT::JobTemplate\n    Properties:\n      JobTemplateId: ota-pumps\n      Description: Pump firmware\n      Document: '{\"operation\":\"update\"}'\n      Tags:\n        - Key: team\n          Value: fleet\n"
);
cfn_rule!(
    READ_ONLY,
    "cfn/read-only",
    Severity::Warning,
    "A read-only property (`Arn`, `CreatedAt`) is set in the template: CloudFormation sets it after creating the resource, and what the template says is not sent.",
    "CloudFormation registry schemas AWS::IoT::Job and AWS::IoT::JobTemplate: `readOnlyProperties`; the effect of a value is inferred",
    None,
    "Resources:\n  FirmwareJob:\n    Type: AWS::IoT::Job\n    Properties:\n      JobId: firmware-2026\n      Arn: arn:aws:iot:eu-west-1:123456789012:job/firmware-2026\n      Targets:\n        - arn:aws:iot:eu-west-1:123456789012:thinggroup/pumps\n      Document: '{\"operation\":\"update\"}'\n",
    "Resources:\n  FirmwareJob:\n    Type: AWS::IoT::Job\n    Properties:\n      JobId: firmware-2026\n      Targets:\n        - arn:aws:iot:eu-west-1:123456789012:thinggroup/pumps\n      Document: '{\"operation\":\"update\"}'\n"
);
cfn_rule!(
    INTRINSIC,
    "cfn/intrinsic",
    Severity::Error,
    "An intrinsic function CloudFormation does not have (`Fn::Subb`, `!Sub2`), one of the `AWS::LanguageExtensions` functions (`Fn::ToJsonString`) without that transform, or a job document's `${aws:iot:…}` placeholder inside `Fn::Sub` without the `!` that keeps it literal (CloudFormation reads it as a variable it cannot resolve).",
    "AWS CloudFormation User Guide: intrinsic function reference (Fn::Sub: `${!Literal}`)",
    Some(
        "suggested: the function name it most resembles; safe: `${!…}` for a placeholder inside Fn::Sub"
    ),
    "Resources:\n  OtaTemplate:\n    Type: AWS::IoT::JobTemplate\n    Properties:\n      JobTemplateId: !Subb ota-${AWS::Region}\n      Description: Pump firmware\n      Document: '{\"operation\":\"update\"}'\n",
    "Resources:\n  OtaTemplate:\n    Type: AWS::IoT::JobTemplate\n    Properties:\n      JobTemplateId: !Sub ota-${AWS::Region}\n      Description: Pump firmware\n      Document: '{\"operation\":\"update\"}'\n"
);
cfn_rule!(
    YAML_SYNTAX,
    "cfn/yaml-syntax",
    Severity::Error,
    "The YAML template cannot be read (a syntax error, more than one document, aliases that expand past the node budget, nesting deeper than 128).",
    "YAML 1.2; AWS CloudFormation User Guide: template formats",
    None,
    "Resources:\n  OtaTemplate:\n    Type: AWS::IoT::JobTemplate\n    Properties:\n      JobTemplateId: [ota-pumps\n",
    "Resources:\n  OtaTemplate:\n    Type: AWS::IoT::JobTemplate\n    Properties:\n      JobTemplateId: ota-pumps\n      Description: Pump firmware\n      Document: '{\"operation\":\"update\"}'\n"
);

cfn_rule!(
    DUPLICATE_KEY,
    "cfn/duplicate-key",
    Severity::Warning,
    "A key is written twice in the same mapping of an IoT resource (or an IoT resource's logical id twice in `Resources`): only one copy counts, the last as JSON and YAML readers keep it, so the other is silently lost (cfn-lint rejects repeated keys).",
    "JSON (RFC 8259) and YAML 1.2: keys of a mapping are unique; which copy CloudFormation keeps is inferred",
    None,
    "Resources:\n  OtaTemplate:\n    Type: AWS::IoT::JobTemplate\n    Properties:\n      JobTemplateId: ota-pumps\n      Description: Pump firmware\n      Document: '{\"operation\":\"update\"}'\n      Description: Pump firmware 2.4.1\n",
    "Resources:\n  OtaTemplate:\n    Type: AWS::IoT::JobTemplate\n    Properties:\n      JobTemplateId: ota-pumps\n      Description: Pump firmware 2.4.1\n      Document: '{\"operation\":\"update\"}'\n"
);

/// `cfn/template-too-large`
pub const TEMPLATE_TOO_LARGE: RuleInfo = RuleInfo {
    code: "cfn/template-too-large",
    severity: Severity::Error,
    summary: "The template is larger than CloudFormation accepts (1 MB, 1,048,576 bytes, for a template in S3; 51,200 bytes passed inline): it cannot be deployed, and it is not read further. Also for a JSON template whose IoT resources hold more than 250,000 values, more than iot-jobs-lint reads.",
    source: "AWS CloudFormation User Guide: quotas (template body size in an Amazon S3 object: 1 MB; in a request: 51,200 bytes)",
    json_schema: false,
    fix: None,
    example: None,
};

/// The largest template CloudFormation accepts (from S3): 1 MB. Larger templates get only
/// `cfn/template-too-large`, which also bounds what the template pass reads.
pub(crate) const MAX_TEMPLATE_BYTES: usize = 1024 * 1024;

/// The report of a template that is not read further: `cfn/template-too-large` alone.
fn not_read(text: &str, options: &LintOptions, message: String, help: &str) -> Report {
    let mut sink = Sink::new(options);
    sink.report(
        &TEMPLATE_TOO_LARGE,
        String::new(),
        (0, 0),
        message,
        Some(help.into()),
    );
    sink.alone(text)
}

/// The report of a template whose IoT resources hold more values than the reader takes.
fn too_large_values(text: &str, options: &LintOptions) -> Report {
    not_read(
        text,
        options,
        format!(
            "the template's IoT resources hold more than {} values, more than iot-jobs-lint reads (a 1 MB template of realistic resources holds about 60,000); it is not checked further",
            crate::template::yaml::MAX_NODES
        ),
        "split the stack into nested stacks, or move large lists out of the template",
    )
}

/// The report of a template over [`MAX_TEMPLATE_BYTES`].
pub(crate) fn too_large(text: &str, options: &LintOptions) -> Report {
    not_read(
        text,
        options,
        format!(
            "the template is {} bytes; CloudFormation accepts at most {MAX_TEMPLATE_BYTES} (1 MB, from S3), so it cannot be deployed and is not checked further",
            text.len()
        ),
        "split the stack into nested stacks, or move large values (job documents) to S3 and point at them with `DocumentSource`",
    )
}

/// The rules of this family.
pub const RULES: &[RuleInfo] = &[
    REQUIRED,
    UNKNOWN_PROPERTY,
    TYPE,
    RANGE,
    LENGTH,
    ITEMS,
    PATTERN,
    ENUM,
    UNIQUE_ITEMS,
    READ_ONLY,
    INTRINSIC,
    DUPLICATE_KEY,
    YAML_SYNTAX,
    TEMPLATE_TOO_LARGE,
];

/// The `cfn/*` codes that mean CloudFormation rejects the value itself: an API finding at the
/// same place is not repeated (the call is never made).
fn rejects_value(code: &str) -> bool {
    matches!(
        code,
        "cfn/required"
            | "cfn/unique-items"
            | "cfn/type"
            | "cfn/range"
            | "cfn/length"
            | "cfn/items"
            | "cfn/pattern"
            | "cfn/enum"
            | "cfn/intrinsic"
    )
}

/// The API rules whose verdict depends on the current time.
const NOW_DEPENDENT: &[&str] = &[
    "schedule/start-too-soon",
    "schedule/start-too-late",
    "schedule/end-too-soon",
    "schedule/end-too-late",
    "window/none-before-end",
    "cron/never-fires",
];

/// A rule's code, its diagnostics so far, and the place of the first one left out.
type Count = (&'static str, usize, Option<(String, (usize, usize))>);

/// Diagnostics of the template pass, with the selection and the per-rule cap applied.
struct Sink<'o> {
    options: &'o LintOptions,
    pending: Vec<Pending>,
    /// Per rule: how many were reported, and where the first one past the cap was.
    counts: Vec<Count>,
    /// Pointers of properties written under another name (`roleArn` for `RoleArn`): the
    /// `cfn/unknown-property` there says it all, so neither the missing property nor an API
    /// finding about it is reported again.
    renamed: Vec<String>,
    /// Where CloudFormation rejects a value (pointer and span), also past the cap: an API
    /// finding there is not reported (the call is never made).
    rejected: Vec<(String, (usize, usize))>,
}

impl<'o> Sink<'o> {
    fn new(options: &'o LintOptions) -> Sink<'o> {
        Sink {
            options,
            pending: Vec::new(),
            counts: Vec::new(),
            renamed: Vec::new(),
            rejected: Vec::new(),
        }
    }

    /// The report of a template that is not read further: the one diagnostic reported.
    fn alone(self, text: &str) -> Report {
        let options = self.options;
        Report {
            operation: None,
            operation_detected: false,
            service_model: options.service_model,
            diagnostics: finish(text, self.take(), &options.rules),
            template_resources: Some(0),
        }
    }

    fn report(
        &mut self,
        rule: &'static RuleInfo,
        pointer: String,
        span: (usize, usize),
        message: String,
        help: Option<String>,
    ) -> Option<&mut Pending> {
        if !self.options.rules.enabled(rule) {
            return None;
        }
        if rejects_value(rule.code) {
            self.rejected.push((pointer.clone(), span));
        }
        if !self.admit(rule.code, &pointer, span) {
            return None;
        }
        self.pending.push(Pending {
            rule,
            pointer,
            span: (span.0, span.1.max(span.0)),
            message,
            help,
            fixes: Vec::new(),
            related: Vec::new(),
        });
        self.pending.last_mut()
    }

    /// Counts a diagnostic of `code` at `pointer` and `span` against the per-rule cap of the
    /// whole template (however many resources it has); whether it is kept.
    fn admit(&mut self, code: &'static str, pointer: &str, span: (usize, usize)) -> bool {
        let slot = match self.counts.iter().position(|c| c.0 == code) {
            Some(i) => i,
            None => {
                self.counts.push((code, 0, None));
                self.counts.len() - 1
            }
        };
        let Some(c) = self.counts.get_mut(slot) else {
            return false;
        };
        c.1 += 1;
        if c.1 > super::MAX_PER_RULE {
            if c.2.is_none() {
                c.2 = Some((pointer.to_owned(), span));
            }
            return false;
        }
        true
    }

    /// Keeps an API finding moved into the template, within the per-rule cap.
    fn push(&mut self, p: Pending) {
        if self.admit(p.rule.code, &p.pointer, p.span) {
            self.pending.push(p);
        }
    }

    fn take(mut self) -> Vec<Pending> {
        for (code, n, first) in std::mem::take(&mut self.counts) {
            if let (Some((pointer, span)), Some(rule)) = (first, crate::registry::find(code)) {
                self.pending.push(super::input::too_many(
                    rule,
                    n - super::MAX_PER_RULE,
                    pointer,
                    span,
                ));
            }
        }
        self.pending
    }
}

/// Checks a template: every IoT resource against its CloudFormation schema and as its API
/// request. `template` is what the reader found; `text` the whole template.
pub(crate) fn run(text: &str, template: &Template, options: &LintOptions) -> Report {
    let mut sink = Sink::new(options);
    if template.too_many_values {
        return too_large_values(text, options);
    }
    let mut operations: Vec<Operation> = Vec::new();
    for (pointer, span) in &template.repeated_ids {
        sink.report(
            &DUPLICATE_KEY,
            pointer.clone(),
            *span,
            format!(
                "the logical id `{}` is written again further down in `Resources`; only the last resource with it counts, and this one is lost",
                text::escape(&last_token(pointer))
            ),
            Some("give each resource its own logical id".into()),
        );
    }
    for resource in &template.resources {
        let op = resource.kind.operation();
        if !operations.contains(&op) {
            operations.push(op);
        }
        let base = format!("{}/Properties", resource.pointer);
        let schema = resource_schema::of(resource.kind);
        let first_rejected = sink.rejected.len();
        // The `Properties` key: where a property missing from it is reported.
        let key = resource.properties_key.unwrap_or(resource.anchor);
        let checker = Checker {
            kind: resource.kind,
            root: schema,
            text,
            language_extensions: template.language_extensions,
        };
        match &resource.properties {
            Some(props) => checker.node(&mut sink, props, schema, &base, key, true),
            None => {
                let missing: Vec<&str> = schema
                    .get("required")
                    .and_then(Value::as_array)
                    .map(|r| r.iter().filter_map(Value::as_str).collect())
                    .unwrap_or_default();
                if !missing.is_empty() {
                    sink.report(
                        &REQUIRED,
                        base.clone(),
                        resource.anchor,
                        format!(
                            "the {} resource has no `Properties`; its schema requires {}",
                            resource.kind.type_name(),
                            missing
                                .iter()
                                .map(|m| format!("`{m}`"))
                                .collect::<Vec<_>>()
                                .join(", ")
                        ),
                        Some("add `Properties` with the required properties".into()),
                    );
                }
            }
        }
        let rejected: Vec<(String, (usize, usize))> =
            sink.rejected.get(first_rejected..).unwrap_or(&[]).to_vec();
        // Without a mapping of properties there is no request: `cfn/required` or `cfn/type`
        // says what is wrong (an API pass would only repeat it).
        if resource
            .properties
            .as_ref()
            .is_none_or(|p| p.entries().is_none())
        {
            continue;
        }
        let request = request::build(
            resource.kind,
            resource.properties.as_ref(),
            &base,
            key,
            text,
        );
        let api_options = LintOptions {
            operation: Some(op),
            max_input_bytes: usize::MAX,
            ..options.clone()
        };
        let api = super::run_request(&request.text, &api_options, &request.unknown);
        for d in api {
            if let Some(p) = moved(d, &request, resource.kind, text) {
                // CloudFormation rejects that place already: the call is never made.
                let repeated = rejected
                    .iter()
                    .any(|(ptr, s)| *ptr == p.pointer || (s.0 <= p.span.0 && p.span.1 <= s.1))
                    || sink.renamed.iter().any(|r| {
                        p.pointer == *r
                            || p.pointer
                                .strip_prefix(r.as_str())
                                .is_some_and(|rest| rest.starts_with('/'))
                    });
                if !repeated {
                    sink.push(p);
                }
            }
        }
    }
    let operation = match operations.as_slice() {
        [one] => Some(*one),
        _ => None,
    };
    Report {
        operation,
        operation_detected: operation.is_some(),
        service_model: options.service_model,
        diagnostics: finish(text, sink.take(), &options.rules),
        template_resources: Some(template.resources.len()),
    }
}

/// The report of a YAML template the reader could not read.
pub(crate) fn unreadable(
    text: &str,
    error: &crate::template::node::ReadError,
    options: &LintOptions,
) -> Report {
    let mut sink = Sink::new(options);
    sink.report(
        &YAML_SYNTAX,
        String::new(),
        error.span,
        format!("the YAML template cannot be read: {}", error.message),
        Some("fix the YAML syntax; `cfn-lint` or any YAML parser shows the same place".into()),
    );
    sink.alone(text)
}

/// An API diagnostic of the request moved into the template.
fn moved(d: Diagnostic, request: &Request, kind: ResourceKind, text: &str) -> Option<Pending> {
    let span = map_span(request, (d.span.start, d.span.end), text)?;
    let pointer = map_pointer(request, kind, &d.pointer);
    let rule = d.code.rule();
    let mut message = rename(&d.message, kind);
    if NOW_DEPENDENT.contains(&rule.code) {
        message.push_str(" (judged at the time of this check; CloudFormation makes the call when the stack is deployed)");
    }
    let fixes = d
        .fixes
        .into_iter()
        .filter_map(|f| {
            let edits = f
                .edits
                .iter()
                .map(|e| {
                    let (s, e2) = exact_value(request, (e.span.start, e.span.end))?;
                    Some(Edit::new(s..e2, e.replacement.clone()))
                })
                .collect::<Option<Vec<_>>>()?;
            Some(Fix {
                message: rename(&f.message, kind),
                applicability: f.applicability,
                edits,
            })
        })
        .collect();
    let related = d
        .related
        .into_iter()
        .filter_map(|r| {
            let s = map_span(request, (r.span.start, r.span.end), text)?;
            Some((
                map_pointer(request, kind, &r.pointer),
                rename(&r.message, kind),
                s,
            ))
        })
        .collect();
    Some(Pending {
        rule,
        pointer,
        span,
        message,
        help: d.help.map(|h| rename(&h, kind)),
        fixes,
        related,
    })
}

/// The template range of a value's whole literal in the request (a fix's edit can move only
/// there, where the replacement, a JSON scalar, reads the same in JSON and YAML).
fn exact_value(request: &Request, span: (usize, usize)) -> Option<(usize, usize)> {
    request
        .values
        .iter()
        .find(|o| o.synth == span && request.unknown.binary_search(&o.synth.0).is_err())
        .filter(|o| !matches!(o.span, (s, e) if e <= s))
        .map(|o| o.span)
}

/// Where a byte range of the request is in the template.
fn map_span(request: &Request, span: (usize, usize), text: &str) -> Option<(usize, usize)> {
    if let Some(&(_, key)) = request.names.iter().find(|(n, _)| *n == span) {
        return Some(key);
    }
    // The innermost value holding the range.
    let o = request
        .values
        .iter()
        .filter(|o| o.synth.0 <= span.0 && span.1 <= o.synth.1)
        .min_by_key(|o| o.synth.1 - o.synth.0)?;
    if o.synth == span {
        return Some(o.span);
    }
    let opening = (o.synth.0, o.synth.0 + 1);
    if span == opening || span == (o.synth.0, o.synth.0) {
        return Some(o.anchor);
    }
    if o.string && span.0 > o.synth.0 && span.1 < o.synth.1 && !o.pieces.is_empty() {
        let raw = request.text.get(o.synth.0 + 1..o.synth.1 - 1)?;
        let s = in_template(
            &o.pieces,
            request::decoded_offset(raw, span.0 - o.synth.0 - 1),
            text,
        );
        let e = in_template(
            &o.pieces,
            request::decoded_offset(raw, span.1 - o.synth.0 - 1),
            text,
        );
        if let (Some(s), Some(e)) = (s, e) {
            return Some((s, e.max(s)));
        }
    }
    // A place inside a container: the container as written (JSON), or its key (YAML).
    let bracketed = text
        .as_bytes()
        .get(o.span.0)
        .is_some_and(|b| matches!(b, b'{' | b'['));
    Some(if bracketed || o.string {
        o.span
    } else {
        o.anchor
    })
}

/// The template offset of decoded byte `d` of a string whose pieces are `pieces`.
fn in_template(pieces: &[(usize, usize)], d: usize, text: &str) -> Option<usize> {
    let (decoded, source) = pieces.iter().rev().find(|(dec, _)| *dec <= d)?;
    let at = source + (d - decoded);
    text.is_char_boundary(at).then_some(at)
}

/// The template pointer of a request pointer: the longest prefix that exists, then the
/// remaining members named as CloudFormation names them.
fn map_pointer(request: &Request, kind: ResourceKind, pointer: &str) -> String {
    request::template_pointer(kind, &request.base, pointer)
}

/// A message with the API member names in backticks renamed to the template's property names
/// (`` `durationInMinutes` `` → `` `DurationInMinutes` ``, dotted paths too).
fn rename(message: &str, kind: ResourceKind) -> String {
    let names = api_names(kind);
    let mut out = String::with_capacity(message.len());
    let mut rest = message;
    while let Some(open) = rest.find('`') {
        let Some(close) = rest.get(open + 1..).and_then(|r| r.find('`')) else {
            break;
        };
        out.push_str(rest.get(..=open).unwrap_or(""));
        let inner = rest.get(open + 1..open + 1 + close).unwrap_or("");
        let parts: Vec<&str> = inner.split('.').collect();
        if parts.iter().all(|p| names.contains(p)) {
            let mut parent = String::new();
            let renamed: Vec<String> = parts
                .iter()
                .map(|p| {
                    let n = request::cfn_name(kind, &parent, p);
                    parent.push('/');
                    parent.push_str(p);
                    n
                })
                .collect();
            out.push_str(&renamed.join("."));
        } else {
            out.push_str(inner);
        }
        out.push('`');
        rest = rest.get(open + close + 2..).unwrap_or("");
    }
    out.push_str(rest);
    // A JSON snippet in a help text (`add "timeoutConfig": {"inProgressTimeoutInMinutes": 60}`):
    // its member names too.
    let mut snippet = String::with_capacity(out.len());
    let mut rest = out.as_str();
    while let Some(open) = rest.find('"') {
        let Some(close) = rest.get(open + 1..).and_then(|r| r.find('"')) else {
            break;
        };
        let inner = rest.get(open + 1..open + 1 + close).unwrap_or("");
        let after = rest.get(open + close + 2..).unwrap_or("");
        snippet.push_str(rest.get(..=open).unwrap_or(""));
        if after.starts_with(':') && names.contains(&inner) {
            snippet.push_str(&request::cfn_name(kind, "", inner));
        } else {
            snippet.push_str(inner);
        }
        snippet.push('"');
        rest = after;
    }
    snippet.push_str(rest);
    snippet
}

/// Every member name of the request shapes of `kind` (camelCase ones only: `Key` and `Value`
/// are the same in both).
fn api_names(kind: ResourceKind) -> Vec<&'static str> {
    fn walk(shape: &'static crate::shapes::Shape, out: &mut Vec<&'static str>, depth: usize) {
        if depth > 8 {
            return;
        }
        match shape.kind {
            crate::shapes::ShapeKind::Structure(members) => {
                for m in members {
                    if m.name.starts_with(|c: char| c.is_ascii_lowercase())
                        && !out.contains(&m.name)
                    {
                        out.push(m.name);
                    }
                    walk(m.target, out, depth + 1);
                }
            }
            crate::shapes::ShapeKind::List(item) => walk(item, out, depth + 1),
            crate::shapes::ShapeKind::Map { value, .. } => walk(value, out, depth + 1),
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(crate::shapes::root_shape(kind.operation()), &mut out, 0);
    out
}

/// The schema walk of one resource.
struct Checker<'t> {
    kind: ResourceKind,
    root: &'static Value,
    text: &'t str,
    language_extensions: bool,
}

impl Checker<'_> {
    /// Checks `node` against `schema` at `pointer`; `anchor` is where a missing member of it is
    /// reported. `top` for the resource's `Properties`.
    fn node(
        &self,
        sink: &mut Sink<'_>,
        node: &Node,
        schema: &Value,
        pointer: &str,
        anchor: (usize, usize),
        top: bool,
    ) {
        let schema = resource_schema::resolve(self.root, schema);
        if let Some(call) = node.intrinsic() {
            self.intrinsic(sink, &call, pointer);
            // Each branch of `Fn::If` is a value the property may get: both must fit.
            if call.name == "Fn::If"
                && let NodeKind::Seq(items) = &call.arg.kind
                && let [_, yes, no] = items.as_slice()
            {
                for branch in [yes, no] {
                    let no_value = branch.intrinsic().is_some_and(|c| {
                        c.name == "Ref" && c.arg.as_str_any() == Some("AWS::NoValue")
                    });
                    if !no_value {
                        self.node(sink, branch, schema, pointer, anchor, top);
                    }
                }
            }
            return;
        }
        // A registry schema's top level declares properties without `type: object`.
        let expected = schema
            .get("type")
            .and_then(Value::as_str)
            .or_else(|| schema.get("properties").map(|_| "object"));
        let Some(expected) = expected else {
            if let Some(values) = schema.get("enum").and_then(Value::as_array) {
                self.enumeration(sink, node, values, pointer);
            }
            return;
        };
        let fits = match (expected, &node.kind) {
            ("object", NodeKind::Map(_)) | ("array", NodeKind::Seq(_)) => true,
            ("string", NodeKind::String(_) | NodeKind::Number(_) | NodeKind::Bool(_)) => true,
            ("integer", NodeKind::Number(n)) => is_integer(n),
            ("integer", NodeKind::String(s)) => is_integer(s.trim()),
            ("number", NodeKind::Number(_)) => true,
            ("number", NodeKind::String(s)) => crate::syntax::is_json_number(s.trim()),
            ("boolean", NodeKind::Bool(_)) => true,
            ("boolean", NodeKind::String(s)) => s == "true" || s == "false",
            _ => false,
        };
        if !fits {
            let help = if pointer.ends_with("/Document")
                && matches!(node.kind, NodeKind::Map(_) | NodeKind::Seq(_))
            {
                "write the document as a JSON string (a YAML block scalar `Document: |` keeps it readable), or wrap the object in `Fn::ToJsonString` with `Transform: AWS::LanguageExtensions`".to_owned()
            } else {
                format!("write {}", a_type(expected))
            };
            sink.report(
                &TYPE,
                pointer.to_owned(),
                node.span,
                format!(
                    "CloudFormation expects {} here, not {}",
                    a_type(expected),
                    node_type(node)
                ),
                Some(help),
            );
            return;
        }
        match &node.kind {
            NodeKind::Map(entries) => {
                self.object(sink, node, entries, schema, pointer, anchor, top)
            }
            NodeKind::Seq(items) => self.array(sink, node, items, schema, pointer),
            NodeKind::String(s) => self.string(sink, node, s, schema, pointer),
            NodeKind::Number(n) if expected == "string" => {
                self.string(sink, node, n, schema, pointer)
            }
            NodeKind::Number(n) => self.number(sink, node, n, schema, pointer),
            NodeKind::Bool(_) | NodeKind::Null => {}
        }
    }

    fn intrinsic(
        &self,
        sink: &mut Sink<'_>,
        call: &crate::template::node::Call<'_>,
        pointer: &str,
    ) {
        if call.name == "Fn::Sub" {
            self.sub_placeholders(sink, call, pointer);
        }
        let known = INTRINSICS.contains(&call.name.as_str());
        let needs_transform = matches!(
            call.name.as_str(),
            "Fn::ToJsonString" | "Fn::Length" | "Fn::ForEach"
        );
        if known && (self.language_extensions || !needs_transform) {
            return;
        }
        let written = self
            .text
            .get(call.name_span.0..call.name_span.1)
            .unwrap_or(&call.name);
        let short = written.starts_with('!');
        if known {
            sink.report(
                &INTRINSIC,
                pointer.to_owned(),
                call.name_span,
                format!("`{}` needs the `AWS::LanguageExtensions` transform, which this template does not declare", text::escape(&call.name)),
                Some("add `Transform: AWS::LanguageExtensions` at the top level of the template".into()),
            );
            return;
        }
        let candidates = INTRINSICS.iter().copied();
        let near = text::closest(&call.name, candidates);
        let help = near.map(|n| format!("did you mean `{n}`?"));
        if let Some(p) = sink.report(
            &INTRINSIC,
            pointer.to_owned(),
            call.name_span,
            format!(
                "CloudFormation has no intrinsic function `{}`",
                text::escape(written)
            ),
            help,
        ) && let Some(n) = near
        {
            let replacement = if short {
                format!("!{}", n.strip_prefix("Fn::").unwrap_or(n))
            } else if written.starts_with('"') {
                format!("\"{n}\"")
            } else {
                n.to_owned()
            };
            p.fixes.push(Fix::replace(
                format!("use `{n}`"),
                Applicability::Suggested,
                call.name_span.0..call.name_span.1,
                replacement,
            ));
        }
    }

    /// The declared property a key stands for when it is the same name written differently:
    /// another case (`roleArn`) or the other resource type's name (`ExponentialRate`).
    fn rename_of<'s>(
        &self,
        declared: Option<&'s serde_json::Map<String, Value>>,
        key: &str,
    ) -> Option<&'s str> {
        let d = declared?;
        d.keys()
            .map(String::as_str)
            .find(|n| n.eq_ignore_ascii_case(key) || renamed_from_api(self.kind, key) == Some(*n))
    }

    /// A job document's `${aws:iot:…}` placeholder written inside `Fn::Sub` without the `!`
    /// that keeps it literal: CloudFormation reads it as a variable it cannot resolve.
    fn sub_placeholders(
        &self,
        sink: &mut Sink<'_>,
        call: &crate::template::node::Call<'_>,
        pointer: &str,
    ) {
        let text_node = match &call.arg.kind {
            NodeKind::String(_) => call.arg,
            NodeKind::Seq(items) => match items.first() {
                Some(first) => first,
                None => return,
            },
            _ => return,
        };
        let NodeKind::String(value) = &text_node.kind else {
            return;
        };
        let mut from = 0;
        while let Some(i) = value.get(from..).and_then(|r| r.find("${aws:iot:")) {
            let at = from + i;
            // CloudFormation reads a variable up to the next `}`: the search goes on after it
            // (each byte is looked at once however many placeholders there are).
            let end = value
                .get(at..)
                .and_then(|r| r.find('}'))
                .map_or(value.len(), |e| at + e + 1);
            from = end;
            let placeholder = value.get(at..end).unwrap_or("");
            // The template offset of the `{`'s end, where the `!` goes.
            let insert = in_template(&text_node.pieces, at + 2, self.text);
            let span = match (insert, in_template(&text_node.pieces, end, self.text)) {
                (Some(s), Some(e)) => (s - 2, e),
                _ => text_node.span,
            };
            // Named by its kind (`${aws:iot:s3-presigned-url:…}`): the rest is a URL, which a
            // `${AWS::Region}` inside would cut where CloudFormation cuts the variable name.
            let kind: String = placeholder
                .get(2..)
                .unwrap_or("")
                .splitn(4, ':')
                .take(3)
                .collect::<Vec<_>>()
                .join(":");
            let shown = format!("${{{kind}:…}}");
            let escaped = format!("${{!{kind}:…}}");
            if let Some(p) = sink.report(
                &INTRINSIC,
                pointer.to_owned(),
                span,
                format!(
                    "inside `Fn::Sub`, the placeholder `{}` is read as a variable, which CloudFormation cannot resolve: the stack fails to deploy",
                    text::escape(&shown)
                ),
                Some(format!(
                    "write `{}` so that the job document keeps the placeholder for AWS IoT to fill in",
                    text::escape(&escaped)
                )),
            ) && let Some(at) = insert
                // Through an alias (`Fn::Sub: *doc`), the text is the anchor's, which other
                // values may share: no edit there.
                && self.text.as_bytes().get(call.arg.span.0) != Some(&b'*')
                && self.text.as_bytes().get(text_node.span.0) != Some(&b'*')
                // An anchored value (`&doc '…'`) may be used elsewhere through an alias, where
                // the `!` would be wrong: no edit there either.
                && !anchored(self.text, text_node.span.0)
                && !anchored(self.text, call.arg.span.0)
            {
                p.fixes.push(Fix::replace(
                    "keep the placeholder literal: `${!…}`",
                    Applicability::Safe,
                    at..at,
                    "!",
                ));
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn object(
        &self,
        sink: &mut Sink<'_>,
        node: &Node,
        entries: &[crate::template::node::Entry],
        schema: &Value,
        pointer: &str,
        anchor: (usize, usize),
        top: bool,
    ) {
        let declared = resource_schema::properties(schema);
        let patterns = schema.get("patternProperties").and_then(Value::as_object);
        let closed = schema.get("additionalProperties") == Some(&Value::Bool(false));
        let anchor = crate::template::anchor(self.text, node, Some(anchor));
        // Properties written under another name: reported once, as unknown with a rename.
        let renamed: Vec<&str> = entries
            .iter()
            .filter(|e| declared.is_none_or(|d| !d.contains_key(&e.key)))
            .filter_map(|e| self.rename_of(declared, &e.key))
            .collect();
        for n in &renamed {
            let mut p = pointer.to_owned();
            crate::rules::model::push_token(&mut p, n);
            sink.renamed.push(p);
        }
        for required in schema
            .get("required")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
        {
            if !entries.iter().any(|e| e.key == required) && !renamed.contains(&required) {
                let mut p = pointer.to_owned();
                crate::rules::model::push_token(&mut p, required);
                let what = if top {
                    format!("the {} resource", self.kind.type_name())
                } else {
                    format!("`{}`", last_token(pointer))
                };
                let api_note = match (self.kind, required) {
                    (ResourceKind::JobTemplate, "RoleArn") => {
                        " (the CreateJobTemplate API itself would accept it without)"
                    }
                    (ResourceKind::JobTemplate, "InProgressTimeoutInMinutes") => {
                        " (the API accepts an empty `timeoutConfig`)"
                    }
                    _ => "",
                };
                sink.report(
                    &REQUIRED,
                    p,
                    anchor,
                    format!("{what} needs `{required}`: CloudFormation's resource schema requires it{api_note}"),
                    Some(format!("add `{required}`")),
                );
            }
        }
        let last = Node::last_copies(entries);
        for (i, e) in entries.iter().enumerate() {
            let mut p = pointer.to_owned();
            crate::rules::model::push_token(&mut p, &e.key);
            if let Some(child) = declared.and_then(|d| d.get(&e.key)) {
                if top && resource_schema::is_read_only(self.root, &e.key) {
                    sink.report(
                        &READ_ONLY,
                        p,
                        e.key_span,
                        format!("`{}` is read-only: CloudFormation sets it once the resource exists, and this value is not sent", text::escape(&e.key)),
                        Some(format!("remove `{}` (read it with `!GetAtt`)", text::escape(&e.key))),
                    );
                    continue;
                }
                if !last.get(i).copied().unwrap_or(true) {
                    sink.report(
                        &DUPLICATE_KEY,
                        p,
                        e.key_span,
                        format!(
                            "`{}` is written again further down in this mapping; only the last copy counts, and this one is lost",
                            text::escape(&e.key)
                        ),
                        Some("remove one of the copies".into()),
                    );
                    continue;
                }
                self.node(sink, &e.value, child, &p, e.key_span, false);
                continue;
            }
            if let Some((pattern, child)) = patterns.and_then(|p| p.iter().next()) {
                {
                    if matches_pattern(pattern, &e.key) != Some(false) {
                        self.node(sink, &e.value, child, &p, e.key_span, false);
                    } else {
                        sink.report(
                            &PATTERN,
                            p,
                            e.key_span,
                            format!(
                                "the key {} does not match the schema's `{}`",
                                text::quote(&e.key),
                                text::escape(pattern)
                            ),
                            Some("use only ASCII letters, digits, '-' and '_' in the key".into()),
                        );
                    }
                    continue;
                }
            }
            if !closed {
                continue;
            }
            let names: Vec<&str> = declared
                .map(|d| d.keys().map(String::as_str).collect())
                .unwrap_or_default();
            let near = names
                .iter()
                .find(|n| {
                    n.eq_ignore_ascii_case(&e.key)
                        || renamed_from_api(self.kind, &e.key) == Some(**n)
                })
                .copied()
                .or_else(|| text::closest(&e.key, names.iter().copied()));
            let where_ = if top {
                format!("an {} resource", self.kind.type_name())
            } else {
                format!("`{}`", last_token(pointer))
            };
            let help = near.map(|n| {
                if n.eq_ignore_ascii_case(&e.key) {
                    format!("CloudFormation names it `{n}` (the API's camelCase names do not apply in a template)")
                } else if renamed_from_api(self.kind, &e.key) == Some(n) {
                    format!(
                        "the {} resource calls it `{n}` (the name differs between the API, AWS::IoT::Job and AWS::IoT::JobTemplate)",
                        self.kind.type_name()
                    )
                } else {
                    format!("did you mean `{n}`?")
                }
            });
            let taken = near.is_some_and(|n| entries.iter().any(|o| o.key == n));
            if let Some(pending) = sink.report(
                &UNKNOWN_PROPERTY,
                p,
                e.key_span,
                format!(
                    "{where_} has no property {}; CloudFormation rejects it as extraneous",
                    text::quote(&e.key)
                ),
                help,
            ) && let Some(n) = near.filter(|_| !taken)
            {
                pending.fixes.push(Fix::replace(
                    format!("rename to `{n}`"),
                    Applicability::Suggested,
                    e.key_content.0..e.key_content.1,
                    n,
                ));
            }
        }
    }

    fn array(
        &self,
        sink: &mut Sink<'_>,
        node: &Node,
        items: &[Node],
        schema: &Value,
        pointer: &str,
    ) {
        let n = items.len();
        let min = schema.get("minItems").and_then(Value::as_u64);
        let max = schema.get("maxItems").and_then(Value::as_u64);
        if let Some(min) = min.filter(|m| (n as u64) < *m) {
            sink.report(
                &ITEMS,
                pointer.to_owned(),
                node.span,
                format!(
                    "`{}` has {n} items; CloudFormation's schema wants at least {min}",
                    last_token(pointer)
                ),
                None,
            );
        }
        if let Some(max) = max.filter(|m| (n as u64) > *m) {
            sink.report(
                &ITEMS,
                pointer.to_owned(),
                node.span,
                format!(
                    "`{}` has {n} items; CloudFormation's schema allows at most {max}",
                    last_token(pointer)
                ),
                Some(format!("remove {} of them", n as u64 - max)),
            );
        }
        if schema.get("uniqueItems") == Some(&Value::Bool(true)) {
            // Each item's data as canonical JSON (sorted keys); item indices sorted by it (ties in
            // list order) put the copies of one item together, first the first: `n log n`,
            // however long the list, with the crate's one sort rather than a hash map's code.
            let objects = schema
                .get("items")
                .map(|s| resource_schema::resolve(self.root, s))
                .and_then(|s| s.get("type"))
                == Some(&Value::String("object".into()));
            // An item of the wrong type has its `cfn/type`; it is not compared as well.
            let keys: Vec<Option<String>> = items
                .iter()
                .map(|item| {
                    (!objects || matches!(item.kind, NodeKind::Map(_)))
                        .then(|| item.to_json().to_string())
                })
                .collect();
            let key = |i: u32| keys.get(i as usize).and_then(Option::as_deref);
            let mut order: Vec<u32> = (0..items.len() as u32)
                .filter(|&i| key(i).is_some())
                .collect();
            crate::sort::sort_indices(&mut order, &mut |a, b| key(a).cmp(&key(b)));
            // Each item's first copy (itself when it is the first): along a run of equal items,
            // in list order, each one takes its predecessor's.
            let mut first_of: Vec<usize> = (0..items.len()).collect();
            for pair in order.windows(2) {
                if let &[a, b] = pair
                    && key(a) == key(b)
                {
                    let first = first_of.get(a as usize).copied().unwrap_or(a as usize);
                    if let Some(slot) = first_of.get_mut(b as usize) {
                        *slot = first;
                    }
                }
            }
            for ((i, item), &first) in items.iter().enumerate().zip(&first_of) {
                if first != i {
                    sink.report(
                        &UNIQUE_ITEMS,
                        format!("{pointer}/{i}"),
                        item.span,
                        format!("item {i} of `{}` repeats item {first}; CloudFormation's schema wants unique items", last_token(pointer)),
                        Some("remove the copy".into()),
                    );
                }
            }
        }
        let item_schema = schema.get("items").unwrap_or(&Value::Null);
        for (i, item) in items.iter().enumerate() {
            let anchor = crate::template::anchor(self.text, item, None);
            self.node(
                sink,
                item,
                item_schema,
                &format!("{pointer}/{i}"),
                anchor,
                false,
            );
        }
    }

    fn string(&self, sink: &mut Sink<'_>, node: &Node, s: &str, schema: &Value, pointer: &str) {
        if let Some(values) = schema.get("enum").and_then(Value::as_array) {
            self.enumeration(sink, node, values, pointer);
            return;
        }
        let chars = s.chars().count() as u64;
        let min = schema.get("minLength").and_then(Value::as_u64);
        let max = schema.get("maxLength").and_then(Value::as_u64);
        if let Some(min) = min.filter(|m| chars < *m) {
            sink.report(
                &LENGTH,
                pointer.to_owned(),
                node.span,
                format!(
                    "`{}` is {chars} characters long; CloudFormation's schema wants at least {min}",
                    last_token(pointer)
                ),
                None,
            );
            return;
        }
        if let Some(max) = max.filter(|m| chars > *m) {
            sink.report(
                &LENGTH,
                pointer.to_owned(),
                node.span,
                format!(
                    "`{}` is {chars} characters long; CloudFormation's schema allows at most {max}",
                    last_token(pointer)
                ),
                None,
            );
            return;
        }
        if let Some(pattern) = schema.get("pattern").and_then(Value::as_str)
            && matches_pattern(pattern, s) == Some(false)
        {
            sink.report(
                &PATTERN,
                pointer.to_owned(),
                node.span,
                format!(
                    "{} does not match CloudFormation's pattern `{}`",
                    text::quote(s),
                    text::escape(pattern)
                ),
                None,
            );
        }
    }

    fn enumeration(&self, sink: &mut Sink<'_>, node: &Node, values: &[Value], pointer: &str) {
        let allowed: Vec<&str> = values.iter().filter_map(Value::as_str).collect();
        let written = match &node.kind {
            NodeKind::String(s) | NodeKind::Number(s) => s.as_str(),
            _ => "",
        };
        if allowed.contains(&written) {
            return;
        }
        let near = allowed
            .iter()
            .find(|a| a.eq_ignore_ascii_case(written))
            .copied()
            .or_else(|| text::closest(written, allowed.iter().copied()));
        if let Some(p) = sink.report(
            &ENUM,
            pointer.to_owned(),
            node.span,
            format!(
                "{} is not one of {}",
                text::quote(written),
                allowed.join(", ")
            ),
            near.map(|n| format!("did you mean `{n}`?")),
        ) && let Some(n) = near
        {
            p.fixes.push(Fix::replace(
                format!("use `{n}`"),
                Applicability::Suggested,
                node.span.0..node.span.1,
                text::json_string(n),
            ));
        }
    }

    fn number(
        &self,
        sink: &mut Sink<'_>,
        node: &Node,
        literal: &str,
        schema: &Value,
        pointer: &str,
    ) {
        let Some(v) = crate::decimal::parse_f64(literal.trim()) else {
            return;
        };
        let min = schema.get("minimum").and_then(Value::as_f64);
        let max = schema.get("maximum").and_then(Value::as_f64);
        let out = min.is_some_and(|m| v < m) || max.is_some_and(|m| v > m);
        if out {
            let range = match (min, max) {
                (Some(a), Some(b)) => format!("{}..{}", super::fmt_num(a), super::fmt_num(b)),
                (Some(a), None) => format!("at least {}", super::fmt_num(a)),
                (None, Some(b)) => format!("at most {}", super::fmt_num(b)),
                (None, None) => String::new(),
            };
            sink.report(
                &RANGE,
                pointer.to_owned(),
                node.span,
                format!(
                    "`{}` is {}; CloudFormation's schema allows {range}",
                    last_token(pointer),
                    text::escape(literal.trim())
                ),
                None,
            );
        }
    }
}

/// Whether the YAML value starting at byte `start` carries an anchor (`&name` just before it,
/// maybe with a tag between).
fn anchored(text: &str, start: usize) -> bool {
    let before = text.get(..start).unwrap_or("");
    let tokens = before
        .rsplit([' ', '\t', '\n', '\r'])
        .filter(|t| !t.is_empty());
    tokens
        .take(2)
        .take_while(|t| t.starts_with('&') || t.starts_with('!'))
        .any(|t| t.starts_with('&'))
}

/// The CloudFormation property an API member name stands for in `kind` (`exponentialRate` →
/// `ExponentialRolloutRate` in a template).
fn renamed_from_api(kind: ResourceKind, key: &str) -> Option<&'static str> {
    match (kind, key) {
        (ResourceKind::JobTemplate, "exponentialRate" | "ExponentialRate") => {
            Some("ExponentialRolloutRate")
        }
        (ResourceKind::JobTemplate, "criteriaList" | "CriteriaList") => Some("RetryCriteriaList"),
        (ResourceKind::Job, "ExponentialRolloutRate" | "exponentialRolloutRate") => {
            Some("ExponentialRate")
        }
        (ResourceKind::Job, "RetryCriteriaList") => Some("CriteriaList"),
        _ => None,
    }
}

fn last_token(pointer: &str) -> String {
    pointer
        .rsplit('/')
        .next()
        .unwrap_or("")
        .replace("~1", "/")
        .replace("~0", "~")
}

fn is_integer(s: &str) -> bool {
    let digits = s.strip_prefix('-').unwrap_or(s);
    !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
}

fn a_type(t: &str) -> &'static str {
    match t {
        "object" => "an object",
        "array" => "a list",
        "string" => "a string",
        "integer" => "an integer",
        "number" => "a number",
        "boolean" => "a boolean",
        _ => "another type",
    }
}

fn node_type(node: &Node) -> &'static str {
    match &node.kind {
        NodeKind::Null => "null",
        NodeKind::Bool(_) => "a boolean",
        NodeKind::Number(_) => "a number",
        NodeKind::String(_) => "a string",
        NodeKind::Seq(_) => "a list",
        NodeKind::Map(_) => "an object",
    }
}

/// Whether `value` matches a schema pattern the way CloudFormation applies it (a search, so an
/// unanchored pattern needs one matching character); `None` for a pattern this crate does not
/// know (a test holds every pattern of the vendored schemas to be known).
pub(crate) fn matches_pattern(pattern: &str, value: &str) -> Option<bool> {
    use crate::shapes::{PATTERN_ARN, PATTERN_ID, PATTERN_NO_CONTROL};
    let any_char = |p: &crate::shapes::Pattern| {
        let mut buf = [0u8; 4];
        value
            .chars()
            .any(|c| p.is_full_match(c.encode_utf8(&mut buf)))
    };
    match pattern {
        "[a-zA-Z0-9_-]+" => Some(any_char(&PATTERN_ID)),
        "[^\\p{C}]+" => Some(any_char(&PATTERN_NO_CONTROL)),
        "^[a-zA-Z0-9_-]+$" => Some(PATTERN_ID.is_full_match(value)),
        "^[^\\p{C}]+$" => Some(PATTERN_NO_CONTROL.is_full_match(value)),
        "^arn:[!-~]+$" => Some(PATTERN_ARN.is_full_match(value)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every pattern the vendored schemas use is one this module knows.
    #[test]
    fn every_schema_pattern_is_known() {
        fn walk(v: &Value, out: &mut Vec<String>) {
            match v {
                Value::Object(m) => {
                    for (k, x) in m {
                        if k == "pattern" {
                            out.extend(x.as_str().map(str::to_owned));
                        }
                        if k == "patternProperties" {
                            out.extend(x.as_object().into_iter().flat_map(|o| o.keys().cloned()));
                        }
                        walk(x, out);
                    }
                }
                Value::Array(a) => a.iter().for_each(|x| walk(x, out)),
                _ => {}
            }
        }
        for kind in [ResourceKind::Job, ResourceKind::JobTemplate] {
            let schema = resource_schema::of(kind);
            assert!(schema.get("properties").is_some(), "{kind:?} schema parses");
            let mut patterns = Vec::new();
            walk(schema, &mut patterns);
            assert!(!patterns.is_empty());
            for p in patterns {
                assert!(matches_pattern(&p, "x").is_some(), "unknown pattern {p}");
            }
        }
    }

    /// The matchers agree with the regex crate searching (CloudFormation's reading).
    #[test]
    fn patterns_match_like_a_regex_search() {
        let values = [
            "bad id!",
            "ok-id_1",
            "",
            " ",
            "\n",
            "a\nb",
            "arn:aws:iot:x",
            "arn: x",
            "日本",
            "\u{200b}",
            "x\u{7f}",
        ];
        for p in [
            "[a-zA-Z0-9_-]+",
            "[^\\p{C}]+",
            "^[a-zA-Z0-9_-]+$",
            "^[^\\p{C}]+$",
            "^arn:[!-~]+$",
        ] {
            let re = regex::Regex::new(p).expect("pattern compiles");
            for v in values {
                assert_eq!(matches_pattern(p, v), Some(re.is_match(v)), "{p} on {v:?}");
            }
        }
    }

    #[test]
    fn messages_speak_the_template_names() {
        assert_eq!(
            rename(
                "`durationInMinutes` is 2000; `schedulingConfig.maintenanceWindows` …",
                ResourceKind::Job
            ),
            "`DurationInMinutes` is 2000; `SchedulingConfig.MaintenanceWindows` …"
        );
        assert_eq!(
            rename(
                "set `jobExecutionsRolloutConfig.exponentialRate` or `ALL`",
                ResourceKind::JobTemplate
            ),
            "set `JobExecutionsRolloutConfig.ExponentialRolloutRate` or `ALL`"
        );
    }
}
