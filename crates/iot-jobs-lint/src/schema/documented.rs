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
    crate::cron::codes::MISSING_WRAPPER,
    crate::cron::codes::NOT_CRON,
    crate::cron::codes::RATE_OR_AT,
    crate::cron::codes::UNIX_FIVE_FIELDS,
    crate::cron::codes::FIELD_COUNT,
];

/// The cron codes the maintenance-window pattern carries: an expression that is not
/// `cron(` six fields `)` at all. The others need the dialect.
pub const CARRIED_CRON: &[&str] = &[
    crate::cron::codes::MISSING_WRAPPER,
    crate::cron::codes::NOT_CRON,
    crate::cron::codes::RATE_OR_AT,
    crate::cron::codes::UNIX_FIVE_FIELDS,
    crate::cron::codes::FIELD_COUNT,
];

/// The schema of a member that only another edition has: never valid, with the reason as its
/// message (`errorMessage`, and `deprecationMessage`, which VS Code shows on the member), and
/// left out of completion (`doNotSuggest`).
pub(super) fn other_edition(shape: &Shape, member: &Member, edition: crate::Edition) -> Value {
    let other = match edition {
        crate::Edition::Latest => crate::Edition::V2023_03_02,
        _ => crate::Edition::Latest,
    };
    let message = format!(
        "{} is not a member of {} in the {edition} service model (the {other} model has it); \
         remove it, or check with the service model that has it (iot-jobs-lint.toml: \
         service-model = \"{other}\")",
        member.name, shape.name
    );
    json!({
        "$comment": comment(rules::model::NOT_IN_EDITION.code),
        "not": {},
        "errorMessage": message,
        "deprecationMessage": message,
        "description": message,
        "doNotSuggest": true,
    })
}

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
    // document/source-missing: one of the three sources must be there. Written as "not (none
    // of them)" so that an editor's message can name all three (`errorMessage` of the `not`;
    // a plain `anyOf` of `required` would say only `Missing property "document"`).
    schema.insert(
        "allOf".into(),
        json!([{
            "$comment": comment(rules::document::SOURCE_MISSING.code),
            "not": { "not": { "anyOf": [
                { "required": ["document"] },
                { "required": ["documentSource"] },
                { "required": [alternative] },
            ] } },
            "errorMessage": format!(
                "Where is the job document? Give one of document (the JSON text inline), documentSource (an S3 URL of the document) or {alternative} ({})",
                if alternative == "jobTemplateArn" { "a job template that holds it" } else { "a job to copy it from" }
            ),
        }]),
    );
    let mut dependent = Map::new();
    // document/source-conflict: `documentSource` is not allowed beside `document`.
    dependent.insert(
        "document".into(),
        json!({
            "$comment": comment(rules::document::SOURCE_CONFLICT.code),
            "properties": { "documentSource": {
                "not": {},
                "errorMessage": "document and documentSource are two sources of the job document; keep one: document (inline) or documentSource (S3 URL)",
            } },
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
    // A skeleton to start from, with tab stops where the values go.
    let body = match operation {
        Operation::CreateJob => json!({
            "jobId": "${1:firmware-2027-01}",
            "targets": ["arn:aws:iot:${2:eu-west-1}:${3:123456789012}:thinggroup/${4:devices}"],
            "document": "$5",
        }),
        _ => json!({
            "jobTemplateId": "${1:firmware-rollout}",
            "description": "${2:What the job does}",
            "document": "$3",
        }),
    };
    schema.insert(
        "defaultSnippets".into(),
        json!([{
            "label": format!("New {} request", operation.api_name()),
            "description": "the required members, with tab stops",
            "body": body,
        }]),
    );
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
        ("MaintenanceWindow", "startTime") => {
            schema.insert("pattern".into(), json!(patterns::CRON_SHAPE));
            schema.insert(
                "patternErrorMessage".into(),
                json!("An AWS cron expression: cron(minutes hours day-of-month month day-of-week year), six fields in UTC, e.g. cron(0 22 ? * SAT *) for Saturdays at 22:00. A Unix cron such as 0 2 * * 0 has five fields and no cron(…): write cron(0 2 ? * SUN *)."),
            );
            schema.insert(
                "$comment".into(),
                json!(format!("iot-jobs-lint rules {}", CARRIED_CRON.join(", "))),
            );
            schema.insert(
                "defaultSnippets".into(),
                json!([{
                    "label": "cron(…)",
                    "description": "minutes hours day-of-month month day-of-week year, UTC",
                    "body": "cron(${1:0} ${2:22} ${3:?} ${4:*} ${5:SAT} ${6:*})",
                }]),
            );
            vec!["Six fields inside `cron(…)`; `iot-jobs-lint check` checks the values.".into()]
        }
        ("SchedulingConfig", "startTime" | "endTime") | ("ScheduledJobRollout", "startTime") => {
            schema.insert("pattern".into(), json!(patterns::DATE_TIME));
            schema.insert(
                "patternErrorMessage".into(),
                json!("A date and time in UTC: YYYY-MM-DDTHH:MM, e.g. 2027-03-01T02:00 (seconds and a zone such as Z or +01:00 are read, but the documented form has neither)."),
            );
            schema.insert(
                "$comment".into(),
                json!("the forms iot-jobs-lint accepts (schedule/time-format); a day past the month's end needs the linter"),
            );
            vec!["Written `YYYY-MM-DDTHH:MM`, in UTC.".into()]
        }
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
        schema.remove("examples");
        schema.insert(
            "defaultSnippets".into(),
            json!([
                {
                    "label": "thing group ARN",
                    "body": "arn:aws:iot:${1:eu-west-1}:${2:123456789012}:thinggroup/${3:name}",
                },
                {
                    "label": "thing ARN",
                    "body": "arn:aws:iot:${1:eu-west-1}:${2:123456789012}:thing/${3:name}",
                },
            ]),
        );
        return vec![
            "A thing ARN (`arn:aws:iot:REGION:ACCOUNT:thing/NAME`) or thing-group ARN (`…:thinggroup/NAME`).".into(),
        ];
    }
    if std::ptr::eq(list, &crate::shapes::MAINTENANCE_WINDOWS) {
        schema.insert(
            "defaultSnippets".into(),
            json!([{
                "label": "maintenance window",
                "description": "a recurring window: cron in UTC and a length in minutes",
                "body": {
                    "startTime": "cron(${1:0} ${2:22} ${3:?} ${4:*} ${5:SAT} ${6:*})",
                    "durationInMinutes": "^${7:240}",
                },
            }]),
        );
    }
    Vec::new()
}
