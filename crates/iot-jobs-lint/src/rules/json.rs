//! `json/*`: the input must be one well-formed JSON object in UTF-8.

use super::{Ctx, Cursor};
use crate::diagnostic::{Applicability, Code, Diagnostic, Fix, Severity};
use crate::registry::{Example, RuleInfo, example};
use crate::syntax::{SyntaxError, Value};
use crate::{Edition, LintOptions, Operation, Report};

/// `json/invalid-utf8`
pub const INVALID_UTF8: RuleInfo = RuleInfo {
    code: "json/invalid-utf8",
    severity: Severity::Error,
    summary: "The input is not valid UTF-8; JSON text exchanged between systems must be UTF-8.",
    source: "RFC 8259 §8.1; the AWS SDKs and CLI send UTF-8",
    json_schema: false,
    fix: None,
    example: None,
};
/// `json/syntax`
pub const SYNTAX: RuleInfo = RuleInfo {
    code: "json/syntax",
    severity: Severity::Error,
    summary: "The input is not well-formed JSON (comments, trailing commas, single quotes and other JSON5 forms are rejected).",
    source: "RFC 8259",
    json_schema: false,
    fix: Some("safe: a byte-order mark or a trailing comma removed"),
    example: example(Example {
        operation: Some(Operation::CreateJob),
        service_model: Edition::Latest,
        fail: r#"{
  "jobId": "firmware-2026-01",
  "targets": ["arn:aws:iot:eu-west-1:123456789012:thinggroup/pumps-line-a"],
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}",
}"#,
        pass: r#"{
  "jobId": "firmware-2026-01",
  "targets": ["arn:aws:iot:eu-west-1:123456789012:thinggroup/pumps-line-a"],
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}"
}"#,
    }),
};
/// `json/too-deep`
pub const TOO_DEEP: RuleInfo = RuleInfo {
    code: "json/too-deep",
    severity: Severity::Error,
    summary: "The input nests arrays or objects more than 128 levels deep; no valid input comes close (the deepest, a DescribeJob response, nests five).",
    source: "inferred: the deepest valid input (DescribeJob: job → jobExecutionsRolloutConfig → exponentialRate → rateIncreaseCriteria) nests five levels",
    json_schema: false,
    fix: None,
    example: example(Example {
        operation: Some(Operation::CreateJob),
        service_model: Edition::Latest,
        fail: r#"{
  "jobId": "firmware-2026-01",
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}",
  "targets": [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["arn:aws:iot:eu-west-1:123456789012:thinggroup/pumps-line-a"]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]
}"#,
        pass: r#"{
  "jobId": "firmware-2026-01",
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}",
  "targets": ["arn:aws:iot:eu-west-1:123456789012:thinggroup/pumps-line-a"]
}"#,
    }),
};
/// `json/root-not-object`
pub const ROOT_NOT_OBJECT: RuleInfo = RuleInfo {
    code: "json/root-not-object",
    severity: Severity::Error,
    summary: "The top-level value must be a JSON object holding the request or response members.",
    source: "service model: input and output shapes are structures",
    json_schema: true,
    fix: None,
    example: example(Example {
        operation: Some(Operation::CreateJob),
        service_model: Edition::Latest,
        fail: r#"[
  {
    "jobId": "firmware-2026-01",
    "targets": ["arn:aws:iot:eu-west-1:123456789012:thinggroup/pumps-line-a"],
    "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}"
  }
]"#,
        pass: r#"{
  "jobId": "firmware-2026-01",
  "targets": ["arn:aws:iot:eu-west-1:123456789012:thinggroup/pumps-line-a"],
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}"
}"#,
    }),
};
/// `json/duplicate-key`
pub const DUPLICATE_KEY: RuleInfo = RuleInfo {
    code: "json/duplicate-key",
    severity: Severity::Warning,
    summary: "An object repeats a member name; readers keep only one of the values (usually the last), so the other is silently lost.",
    source: "RFC 8259 §4 (names should be unique); inferred: which value the service keeps is not documented",
    json_schema: false,
    fix: Some("safe: remove the ignored copy (what is sent does not change)"),
    example: example(Example {
        operation: Some(Operation::CreateJob),
        service_model: Edition::Latest,
        fail: r#"{
  "jobId": "firmware-2026-01",
  "targets": ["arn:aws:iot:eu-west-1:123456789012:thinggroup/pumps-line-a"],
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}",
  "description": "Pump firmware 2.4.1",
  "description": "Pump controller firmware 2.4.1"
}"#,
        pass: r#"{
  "jobId": "firmware-2026-01",
  "targets": ["arn:aws:iot:eu-west-1:123456789012:thinggroup/pumps-line-a"],
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}",
  "description": "Pump controller firmware 2.4.1"
}"#,
    }),
};

/// The rules of this family.
pub const RULES: &[RuleInfo] = &[
    INVALID_UTF8,
    SYNTAX,
    TOO_DEEP,
    ROOT_NOT_OBJECT,
    DUPLICATE_KEY,
];

/// Reports input that is not UTF-8, at the first bad byte.
pub(crate) fn invalid_utf8(input: &[u8], e: std::str::Utf8Error, options: &LintOptions) -> Report {
    let valid = e.valid_up_to();
    // Everything before the bad byte is valid UTF-8, so positions can be computed on it.
    let prefix = input
        .get(..valid)
        .and_then(|p| std::str::from_utf8(p).ok())
        .unwrap_or_default();
    let (line, column) = Cursor::position(prefix, valid);
    let bad_len = e.error_len().unwrap_or(input.len() - valid).max(1);
    let bad: Vec<String> = input
        .get(valid..)
        .unwrap_or_default()
        .iter()
        .take(bad_len)
        .map(|b| format!("0x{b:02X}"))
        .collect();
    Report {
        operation: options.operation,
        operation_detected: false,
        service_model: options.service_model,
        template_resources: None,
        diagnostics: vec![Diagnostic {
            code: Code::of(&INVALID_UTF8),
            severity: INVALID_UTF8.severity,
            pointer: String::new(),
            message: format!(
                "the input is not valid UTF-8: byte {} at offset {valid} ({})",
                bad.join(" "),
                match e.error_len() {
                    Some(_) => "an invalid sequence",
                    None => "a sequence cut off at the end",
                }
            ),
            help: Some("save the file as UTF-8 (without a byte-order mark)".into()),
            span: valid..(valid + bad_len).min(input.len()),
            line,
            column,
            end_line: line,
            end_column: column + 1,
            fixes: Vec::new(),
            related: Vec::new(),
        }],
    }
}

pub(crate) fn syntax_error(ctx: &mut Ctx<'_>, e: &SyntaxError) {
    let rule = if e.too_deep { &TOO_DEEP } else { &SYNTAX };
    ctx.report(
        rule,
        "",
        (e.start, e.end),
        format!("invalid JSON: {}", e.message),
        e.help.clone(),
    )
    .fix_opt(
        e.removal
            .map(|m| Fix::replace(m, Applicability::Safe, e.start..e.end, "")),
    );
}

pub(crate) fn root_not_object(ctx: &mut Ctx<'_>, v: Value<'_>) {
    ctx.report(
        &ROOT_NOT_OBJECT,
        "",
        v.span(),
        format!(
            "the top-level value must be a JSON object; found {}",
            v.type_name()
        ),
        Some("wrap the request members in `{ ... }`".into()),
    );
}
