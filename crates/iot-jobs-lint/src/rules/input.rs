//! `input/*`: is this an IoT Jobs API request or response at all, and which operation?

use super::Ctx;
use crate::diagnostic::Severity;
use crate::registry::{Example, RuleInfo, example};
use crate::syntax::Object;
use crate::{Edition, Operation};

/// `input/operation-unknown`
pub const OPERATION_UNKNOWN: RuleInfo = RuleInfo {
    code: "input/operation-unknown",
    severity: Severity::Error,
    summary: "The operation cannot be told from the content (no `jobId`, `targets`, `jobTemplateId`, `jobArn` or `job` member); name it explicitly.",
    source: "iot-jobs-lint: operation detection",
    json_schema: false,
    fix: None,
    example: example(Example {
        operation: None,
        service_model: Edition::Latest,
        fail: r#"{
  "description": "Pump controller firmware 2.4.1",
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}"
}"#,
        pass: r#"{
  "jobId": "firmware-2026-01",
  "targets": ["arn:aws:iot:eu-west-1:123456789012:thinggroup/pumps-line-a"],
  "description": "Pump controller firmware 2.4.1",
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}"
}"#,
    }),
};
/// `input/operation-mismatch`
pub const OPERATION_MISMATCH: RuleInfo = RuleInfo {
    code: "input/operation-mismatch",
    severity: Severity::Warning,
    summary: "The operation named by the caller differs from the one the content looks like; the other findings are relative to the named operation.",
    source: "iot-jobs-lint: operation detection; inferred from the members present",
    json_schema: false,
    fix: None,
    example: example(Example {
        operation: Some(Operation::CreateJobTemplate),
        service_model: Edition::Latest,
        fail: r#"{
  "jobId": "firmware-update",
  "description": "Pump controller firmware update",
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}"
}"#,
        pass: r#"{
  "jobTemplateId": "firmware-update",
  "description": "Pump controller firmware update",
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}"
}"#,
    }),
};

/// The rules of this family.
pub const RULES: &[RuleInfo] = &[
    OPERATION_UNKNOWN,
    OPERATION_MISMATCH,
    TOO_LARGE,
    TOO_MANY_DIAGNOSTICS,
    TEMPLATE_NOT_CHECKED,
];

/// `input/template-not-checked`
pub const TEMPLATE_NOT_CHECKED: RuleInfo = RuleInfo {
    code: "input/template-not-checked",
    severity: Severity::Error,
    summary: "A CloudFormation template was given to a build of the linter without template support (the npm package's library module, which loads its template module on demand); nothing in it was checked.",
    source: "iot-jobs-lint: build features (the core crate's `templates` feature)",
    json_schema: false,
    fix: None,
    example: None,
};

/// The report for a CloudFormation template in a build without the `templates` feature: one
/// diagnostic, nothing read beyond the detection.
pub(crate) fn template_not_checked(options: &crate::LintOptions) -> crate::Report {
    whole_input(
        &TEMPLATE_NOT_CHECKED,
        "this is a CloudFormation template, and this build of the linter checks API requests and responses only; it is not checked".into(),
        "check it with a build that has template support: the command line, the Python package, or the npm package (it loads its template module at the first template in Node; in a browser, call `initTemplates()` once)",
        options,
    )
}

/// `input/too-large`
pub const TOO_LARGE: RuleInfo = RuleInfo {
    code: "input/too-large",
    severity: Severity::Error,
    summary: "The input is larger than the configured limit (4 MiB by default): no valid request comes near it, and it is not read further.",
    source: "iot-jobs-lint: input limit (the API states no request size; the largest parts of a request are bounded: a 32,768-character document, 50 tags, 25 package versions)",
    json_schema: false,
    fix: None,
    example: None,
};

/// `input/too-many-diagnostics`
pub const TOO_MANY_DIAGNOSTICS: RuleInfo = RuleInfo {
    code: "input/too-many-diagnostics",
    severity: Severity::Info,
    summary: "One rule found more than 100 problems in the input: the first 100 are listed, and this note says how many more there are (a report stays small however hostile the input).",
    source: "iot-jobs-lint: diagnostic cap (100 per rule and input)",
    json_schema: false,
    fix: None,
    example: None,
};

/// The note for the diagnostics of `rule` left out past the cap: how many, placed where the
/// first left-out one was.
pub(crate) fn too_many(
    rule: &'static RuleInfo,
    omitted: usize,
    pointer: String,
    span: (usize, usize),
) -> super::Pending {
    super::Pending {
        rule: &TOO_MANY_DIAGNOSTICS,
        pointer,
        span,
        message: format!(
            "and {} more `{}` {} not listed: each rule lists at most {} per input",
            thousands(omitted),
            rule.code,
            if omitted == 1 {
                "diagnostic"
            } else {
                "diagnostics"
            },
            super::MAX_PER_RULE
        ),
        help: Some("fix the problems listed and check again".into()),
        fixes: Vec::new(),
        related: Vec::new(),
    }
}

/// `1234567` → `1,234,567`.
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The report for an input over the limit: one diagnostic, nothing parsed.
pub(crate) fn too_large(len: usize, options: &crate::LintOptions) -> crate::Report {
    too_large_size(Some(len as u64), options)
}

/// The report for an input over the limit whose size is `size`, or unknown past the limit
/// (`None`: a host read no further than the limit, so all it knows is "more").
pub(crate) fn too_large_size(size: Option<u64>, options: &crate::LintOptions) -> crate::Report {
    let limit = options.max_input_bytes;
    let message = match size {
        Some(len) => {
            format!("the input is {len} bytes, over the limit of {limit} bytes; it is not checked")
        }
        None => format!(
            "the input is more than the limit of {limit} bytes; it was read no further and is not checked"
        ),
    };
    whole_input(
        &TOO_LARGE,
        message,
        "a valid request is far smaller (its document is at most 32,768 characters); raise the limit only for an input you trust",
        options,
    )
}

/// A report of one diagnostic of `rule` about the whole input (line 1, column 1), nothing read.
fn whole_input(
    rule: &'static RuleInfo,
    message: String,
    help: &str,
    options: &crate::LintOptions,
) -> crate::Report {
    crate::Report {
        operation: options.operation,
        operation_detected: false,
        service_model: options.service_model,
        template_resources: None,
        diagnostics: vec![crate::Diagnostic {
            code: crate::diagnostic::Code::of(rule),
            severity: rule.severity,
            pointer: String::new(),
            message,
            help: Some(help.into()),
            span: 0..0,
            line: 1,
            column: 1,
            end_line: 1,
            end_column: 1,
            fixes: Vec::new(),
            related: Vec::new(),
        }],
    }
}

pub(crate) fn operation_mismatch(
    ctx: &mut Ctx<'_>,
    root: Object<'_>,
    named: crate::Operation,
    detected: crate::Operation,
) {
    ctx.report(
        &OPERATION_MISMATCH,
        "",
        root.opening(),
        format!(
            "checked as {} as requested, but the content looks like a {} {}",
            named.api_name(),
            detected.api_name(),
            if detected.is_request() {
                "request"
            } else {
                "response"
            }
        ),
        Some(format!("if it is, set the operation to `{detected}`")),
    );
}

pub(crate) fn operation_unknown(ctx: &mut Ctx<'_>, root: Object<'_>) {
    ctx.report(
        &OPERATION_UNKNOWN,
        "",
        root.opening(),
        "cannot tell which operation this input is for: it has none of `jobId`, `targets` (CreateJob), `jobTemplateId` (CreateJobTemplate, DescribeJobTemplate), `jobArn` (CreateJobTemplate) or `job` (DescribeJob)",
        Some("set the operation: create-job, create-job-template, describe-job or describe-job-template".into()),
    );
}

/// Without the `templates` feature (`cargo test -p iot-jobs-lint --no-default-features --lib`,
/// run by scripts/test.sh): a template, YAML or JSON, is answered with one diagnostic.
#[cfg(all(test, not(feature = "templates")))]
mod without_templates {
    #[test]
    fn a_template_is_not_checked() {
        let options = crate::LintOptions::new("2026-01-01T00:00:00Z".parse().unwrap());
        for text in [
            "Resources:\n  Job:\n    Type: AWS::IoT::Job\n    Properties:\n      JobId: j\n",
            r#"{"Resources": {"Job": {"Type": "AWS::IoT::Job", "Properties": {"JobId": "j"}}}}"#,
        ] {
            let report = crate::lint(text.as_bytes(), &options);
            let codes: Vec<&str> = report.diagnostics.iter().map(|d| d.code.as_str()).collect();
            assert_eq!(codes, ["input/template-not-checked"], "{text}");
            assert_eq!(report.template_resources, None);
        }
        // A request is checked as ever.
        let report = crate::lint(br#"{"jobId": "a b", "targets": []}"#, &options);
        assert!(report.diagnostics.iter().any(|d| d.code == "model/pattern"));
    }
}
