//! The documented rules beyond the service model that JSON Schema can express.
//!
//! Exactly the registry entries with `json_schema: true` outside the `model/*` family (which the
//! shape table carries); a test holds [`CARRIED`] equal to that set. Each carried rule is an error:
//! an editor shows schema violations as problems, so a warning would be a false alarm there. Each
//! subschema that carries a rule names it in `$comment`.

use super::patterns;
use crate::Operation;
use crate::rules;
use crate::shapes::{Member, Shape};
use serde_json::{Map, Value, json};

/// The codes of the non-`model/*` rules the exported schemas carry.
pub const CARRIED: &[&str] = &[
    rules::json::ROOT_NOT_OBJECT.code,
    rules::document::SOURCE_MISSING.code,
    rules::document::SOURCE_CONFLICT.code,
    rules::document::PARAMETERS_WITHOUT_MANAGED_TEMPLATE.code,
    rules::rollout::RATE_INCREASE_CRITERIA_EMPTY.code,
    rules::timeout::IN_PROGRESS_RANGE.code,
    rules::targets::ARN_FORMAT.code,
    rules::tags::RESERVED_PREFIX.code,
    rules::tags::TOO_MANY.code,
];

fn comment(code: &str) -> Value {
    json!(format!("iot-jobs-lint rule {code}"))
}

/// Rules on the top-level object: where the job document comes from (`json/root-not-object` is
/// the `"type": "object"` every root has).
pub(super) fn root(operation: Operation, schema: &mut Map<String, Value>) {
    let alternative = match operation {
        Operation::CreateJob => "jobTemplateArn",
        Operation::CreateJobTemplate => "jobArn",
        Operation::DescribeJob | Operation::DescribeJobTemplate => return,
    };
    // document/source-missing: one of the three sources must be there.
    schema.insert(
        "anyOf".into(),
        json!([
            { "required": ["document"] },
            { "required": ["documentSource"] },
            { "required": [alternative] },
        ]),
    );
    let mut dependent = Map::new();
    // document/source-conflict: `documentSource` is not allowed beside `document`.
    dependent.insert(
        "document".into(),
        json!({
            "$comment": comment(rules::document::SOURCE_CONFLICT.code),
            "properties": { "documentSource": false },
        }),
    );
    if operation == Operation::CreateJob {
        // document/parameters-without-managed-template.
        dependent.insert(
            "documentParameters".into(),
            json!({
                "$comment": comment(rules::document::PARAMETERS_WITHOUT_MANAGED_TEMPLATE.code),
                // An empty map sends no parameters: only a non-empty one needs the template.
                "if": { "properties": { "documentParameters": { "minProperties": 1 } } },
                "then": {
                    "required": ["jobTemplateArn"],
                    "properties": {
                        "jobTemplateArn": {
                            "pattern": patterns::managed_template(),
                            "patternErrorMessage": "documentParameters only works with an AWS managed template: jobTemplateArn must name arn:PARTITION:iot:REGION::jobtemplate/AWS-…",
                        }
                    },
                },
            }),
        );
    }
    schema.insert("dependentSchemas".into(), Value::Object(dependent));
    schema.insert(
        "$comment".into(),
        json!(format!(
            "iot-jobs-lint rules {} (anyOf), {} (the type)",
            rules::document::SOURCE_MISSING.code,
            rules::json::ROOT_NOT_OBJECT.code
        )),
    );
}

/// Rules on a whole structure.
pub(super) fn structure(shape: &Shape, schema: &mut Map<String, Value>) {
    if shape.name == crate::shapes::RATE_INCREASE_CRITERIA.name {
        // rollout/rate-increase-criteria-empty: with `additionalProperties: false`, one property
        // means one of the two thresholds.
        schema.insert("minProperties".into(), json!(1));
        schema.insert(
            "$comment".into(),
            comment(rules::rollout::RATE_INCREASE_CRITERIA_EMPTY.code),
        );
    }
}

/// Rules on one member; returns notes (Markdown) for its description.
pub(super) fn member(
    parent: &Shape,
    member: &Member,
    schema: &mut Map<String, Value>,
) -> Vec<String> {
    match (parent.name, member.name) {
        ("TimeoutConfig", "inProgressTimeoutInMinutes") => {
            let rule = &rules::timeout::IN_PROGRESS_RANGE;
            let max = rules::timeout::MAX_IN_PROGRESS_MINUTES;
            schema.insert("minimum".into(), json!(1));
            schema.insert("maximum".into(), json!(max));
            schema.insert("$comment".into(), comment(rule.code));
            vec![format!(
                "Range: 1 to {max} minutes ({} days), as the API reference states (the model sets no range).",
                max / (24 * 60)
            )]
        }
        ("Tag", "Key") => {
            let rule = &rules::tags::RESERVED_PREFIX;
            schema.insert(
                "allOf".into(),
                json!([{
                    "$comment": comment(rule.code),
                    "pattern": patterns::not_reserved_tag_prefix(),
                    "patternErrorMessage": "Tag keys must not start with aws: (in any case): AWS reserves that prefix for its own tags.",
                }]),
            );
            vec!["Must not start with `aws:` in any case (reserved for AWS).".into()]
        }
        (_, "tags") if std::ptr::eq(member.target, &crate::shapes::TAG_LIST) => {
            let rule = &rules::tags::TOO_MANY;
            schema.insert("maxItems".into(), json!(rules::tags::MAX_TAGS));
            schema.insert("$comment".into(), comment(rule.code));
            vec![format!(
                "At most {} tags per resource (AWS IoT quota; the model sets no maximum).",
                rules::tags::MAX_TAGS
            )]
        }
        _ => Vec::new(),
    }
}

/// Rules on the items of a list shape; returns notes for the items' description.
pub(super) fn items(list: &Shape, schema: &mut Map<String, Value>) -> Vec<String> {
    if list.name == crate::shapes::JOB_TARGETS.name {
        schema.insert("pattern".into(), json!(patterns::TARGET_ARN));
        schema.insert(
            "patternErrorMessage".into(),
            json!("Targets are thing or thing-group ARNs: arn:aws:iot:REGION:ACCOUNT:thing/NAME or arn:aws:iot:REGION:ACCOUNT:thinggroup/NAME (names: 1 to 128 letters, digits, ':', '_' and '-')."),
        );
        schema.insert("$comment".into(), comment(rules::targets::ARN_FORMAT.code));
        schema.insert(
            "examples".into(),
            json!([
                "arn:aws:iot:eu-central-1:111122223333:thing/pump-0042",
                "arn:aws:iot:eu-central-1:111122223333:thinggroup/pumps-line-a"
            ]),
        );
        return vec![
            "A thing ARN (`arn:aws:iot:REGION:ACCOUNT:thing/NAME`) or thing-group ARN (`…:thinggroup/NAME`).".into(),
        ];
    }
    Vec::new()
}
