//! `model/*`: the service model's own constraints, applied by one walker over the
//! [`crate::shapes`] table: JSON type, required members, unknown members, members of another
//! edition, string length, list size, numeric range, enum and pattern.
//!
//! All of these are stated by the service model (botocore `service-2.json`, shape traits), so all
//! are errors. Lengths count Unicode code points; patterns must match the whole value.

use super::{Ctx, fmt_num};
use crate::diagnostic::Severity;
use crate::registry::RuleInfo;
use crate::shapes::{Bound, PATTERN_ARN, Shape, ShapeKind};
use crate::source::{self, push_pointer};
use crate::{Edition, Operation};
use jsonc_parser::ast::{Object, Value};

/// `model/type`
pub const TYPE: RuleInfo = RuleInfo {
    code: "model/type",
    severity: Severity::Error,
    summary: "A member has the wrong JSON type: a string where the model wants a number, a fraction where it wants an integer, `null`, a boolean for a number, ...",
    source: "service model: shape types (integer = 32-bit, long = 64-bit, double, string, boolean, timestamp, structure, list, map)",
    json_schema: true,
};
/// `model/required`
pub const REQUIRED: RuleInfo = RuleInfo {
    code: "model/required",
    severity: Severity::Error,
    summary: "A member the model marks required is missing from its (present) parent.",
    source: "service model: `required` trait of each structure",
    json_schema: true,
};
/// `model/unknown-member`
pub const UNKNOWN_MEMBER: RuleInfo = RuleInfo {
    code: "model/unknown-member",
    severity: Severity::Error,
    summary: "A member name that the shape does not have (often a typo or the wrong casing); the SDKs and CLI reject it.",
    source: "service model: structure members; botocore ParamValidator rejects unknown parameters",
    json_schema: true,
};
/// `model/not-in-edition`
pub const NOT_IN_EDITION: RuleInfo = RuleInfo {
    code: "model/not-in-edition",
    severity: Severity::Error,
    summary: "A member that exists only in another service-model edition (for example `destinationPackageVersions` under the 2023-03-02 model).",
    source: "service model: differences between the 2023-03-02 and latest editions",
    json_schema: true,
};
/// `model/length`
pub const LENGTH: RuleInfo = RuleInfo {
    code: "model/length",
    severity: Severity::Error,
    summary: "A string is shorter than the model's `min` or longer than its `max`, counted in Unicode code points.",
    source: "service model: `min`/`max` traits of string shapes",
    json_schema: true,
};
/// `model/items`
pub const ITEMS: RuleInfo = RuleInfo {
    code: "model/items",
    severity: Severity::Error,
    summary: "A list has fewer items than the model's `min` or more than its `max`.",
    source: "service model: `min`/`max` traits of list shapes",
    json_schema: true,
};
/// `model/range`
pub const RANGE: RuleInfo = RuleInfo {
    code: "model/range",
    severity: Severity::Error,
    summary: "A number is below the model's `min` or above its `max`.",
    source: "service model: `min`/`max` traits of number shapes",
    json_schema: true,
};
/// `model/enum`
pub const ENUM: RuleInfo = RuleInfo {
    code: "model/enum",
    severity: Severity::Error,
    summary: "A string is not one of the values of the model's enum (values are case-sensitive).",
    source: "service model: `enum` trait",
    json_schema: true,
};
/// `model/pattern`
pub const PATTERN: RuleInfo = RuleInfo {
    code: "model/pattern",
    severity: Severity::Error,
    summary: "A string does not match the model's pattern over its whole length (the model's patterns are unanchored, the service matches them in full).",
    source: "service model: `pattern` trait (Smithy semantics: the whole value must match)",
    json_schema: true,
};

/// The rules of this family.
pub const RULES: &[RuleInfo] = &[
    TYPE,
    REQUIRED,
    UNKNOWN_MEMBER,
    NOT_IN_EDITION,
    LENGTH,
    ITEMS,
    RANGE,
    ENUM,
    PATTERN,
];

/// Checks `value` against `shape`.
pub(crate) fn check(ctx: &mut Ctx<'_>, value: &Value<'_>, shape: &'static Shape, pointer: &str) {
    match shape.kind {
        ShapeKind::Structure(_) => match value {
            Value::Object(obj) => check_structure(ctx, obj, shape, pointer),
            other => type_error(ctx, other, "an object", pointer),
        },
        ShapeKind::List(item) => match value {
            Value::Array(arr) => {
                count(
                    ctx,
                    shape,
                    arr.elements.len(),
                    source::range(value),
                    pointer,
                    &ITEMS,
                    "items",
                );
                for (i, element) in arr.elements.iter().enumerate() {
                    check(ctx, element, item, &push_pointer(pointer, &i.to_string()));
                }
            }
            other => type_error(ctx, other, "an array", pointer),
        },
        ShapeKind::Map {
            key,
            value: value_shape,
        } => match value {
            Value::Object(obj) => {
                count(
                    ctx,
                    shape,
                    obj.properties.len(),
                    source::range(value),
                    pointer,
                    &ITEMS,
                    "entries",
                );
                duplicates(ctx, obj, pointer);
                for prop in &obj.properties {
                    let name = source::prop_name(prop);
                    let member_pointer = push_pointer(pointer, name);
                    check_string(
                        ctx,
                        key,
                        name,
                        source::name_range(prop),
                        &member_pointer,
                        "key ",
                    );
                    check(ctx, &prop.value, value_shape, &member_pointer);
                }
            }
            other => type_error(ctx, other, "an object", pointer),
        },
        ShapeKind::String => match value {
            Value::StringLit(s) => {
                check_string(ctx, shape, &s.value, source::range(value), pointer, "")
            }
            other => type_error(ctx, other, "a string", pointer),
        },
        ShapeKind::Integer | ShapeKind::Long => check_integer(ctx, value, shape, pointer),
        ShapeKind::Double => match value {
            Value::NumberLit(n) => {
                // A JSON number literal always parses as f64 (huge exponents become infinity).
                let v: f64 = n.value.parse().unwrap_or(f64::INFINITY);
                bounds(ctx, shape, v, n.value, source::range(value), pointer);
            }
            other => type_error(ctx, other, "a number", pointer),
        },
        ShapeKind::Boolean => {
            if !matches!(value, Value::BooleanLit(_)) {
                type_error(ctx, value, "true or false", pointer);
            }
        }
        ShapeKind::Timestamp => match value {
            Value::NumberLit(_) => {}
            Value::StringLit(s) if chrono::DateTime::parse_from_rfc3339(&s.value).is_ok() => {}
            other => type_error(
                ctx,
                other,
                "a timestamp (epoch seconds, or an ISO 8601 date-time string)",
                pointer,
            ),
        },
    }
}

/// Checks an object against a structure shape: members, unknown members, required members.
pub(crate) fn check_structure(
    ctx: &mut Ctx<'_>,
    obj: &Object<'_>,
    shape: &'static Shape,
    pointer: &str,
) {
    duplicates(ctx, obj, pointer);
    for prop in &obj.properties {
        let name = source::prop_name(prop);
        let member_pointer = push_pointer(pointer, name);
        match shape.member(name, ctx.edition) {
            Some(member) => check(ctx, &prop.value, member.target, &member_pointer),
            None => {
                unknown_member(ctx, shape, name, source::name_range(prop), &member_pointer);
                duplicates_deep(ctx, &prop.value, &member_pointer);
            }
        }
    }
    for member in shape.members(ctx.edition) {
        if member.required && source::get(obj, member.name).is_none() {
            ctx.report(
                &REQUIRED,
                push_pointer(pointer, member.name),
                super::opening(obj),
                format!(
                    "missing required member `{}` ({})",
                    member.name, member.target.name
                ),
                None,
            );
        }
    }
}

fn unknown_member(
    ctx: &mut Ctx<'_>,
    shape: &'static Shape,
    name: &str,
    span: (usize, usize),
    pointer: &str,
) {
    if let Some(m) = shape
        .member(name, Edition::Latest)
        .filter(|m| m.since > ctx.edition)
    {
        ctx.report(
            &NOT_IN_EDITION,
            pointer,
            span,
            format!(
                "{} is not part of the {} service model; it was added in a later model",
                source::name(name),
                ctx.edition
            ),
            Some(format!(
                "check against the latest model (--service-model latest), or remove `{}`",
                m.name
            )),
        );
        return;
    }
    let known: Vec<&str> = shape.members(ctx.edition).map(|m| m.name).collect();
    let help = misplaced(ctx.operation, shape, name)
        .or_else(|| suggest(name, known.iter().copied()).map(|s| format!("did you mean `{s}`?")))
        .or_else(|| {
            elsewhere(crate::shapes::root_shape(ctx.operation), name, ctx.edition)
                .map(|path| format!("{} belongs at `{path}`", source::name(name)))
        });
    let listed = if known.len() <= 8 {
        format!("; its members are {}", known.join(", "))
    } else {
        String::new()
    };
    ctx.report(
        &UNKNOWN_MEMBER,
        pointer,
        span,
        format!(
            "unknown member {} in {}{listed}",
            source::name(name),
            shape.name
        ),
        help,
    );
}

/// Hints for members that exist, but elsewhere.
fn misplaced(operation: Operation, shape: &Shape, name: &str) -> Option<String> {
    match (operation, shape.name, name) {
        (Operation::CreateJobTemplate, "CreateJobTemplateRequest", "schedulingConfig") => Some(
            "job templates have no schedulingConfig (no startTime, endTime or endBehavior); put recurring windows in the top-level `maintenanceWindows`".into(),
        ),
        (Operation::CreateJob, "CreateJobRequest", "maintenanceWindows") => {
            Some("in a CreateJob request, maintenance windows go in `schedulingConfig.maintenanceWindows`".into())
        }
        (_, "CreateJobRequest", "jobTemplateId") => Some(
            "CreateJob has no `jobTemplateId`: to create a job from a template, give the template's ARN in `jobTemplateArn` (or, for a template, use --operation create-job-template)".into(),
        ),
        _ => None,
    }
}

/// Where else in the operation's shape tree a member of this name lives (as a JSON Pointer).
fn elsewhere(root: &'static Shape, name: &str, edition: Edition) -> Option<String> {
    let mut queue: std::collections::VecDeque<(&'static Shape, String)> =
        [(root, String::new())].into();
    while let Some((shape, path)) = queue.pop_front() {
        match shape.kind {
            ShapeKind::Structure(_) => {
                for m in shape.members(edition) {
                    let p = push_pointer(&path, m.name);
                    if m.name == name && !path.is_empty() {
                        return Some(p);
                    }
                    queue.push_back((m.target, p));
                }
            }
            ShapeKind::List(item) => queue.push_back((item, push_pointer(&path, "0"))),
            _ => {}
        }
    }
    None
}

/// The closest allowed name: same name in another case, a CloudFormation spelling, or a near
/// miss by edit distance.
fn suggest<'n>(name: &str, candidates: impl Iterator<Item = &'n str> + Clone) -> Option<&'n str> {
    // No member name is longer than 64 characters; a longer one is no near miss.
    if name.len() > 64 {
        return None;
    }
    let lower = name.to_lowercase();
    if let Some(c) = candidates.clone().find(|c| c.to_lowercase() == lower) {
        return Some(c);
    }
    let cfn = match lower.as_str() {
        "exponentialrolloutrate" => Some("exponentialRate"),
        "retrycriterialist" => Some("criteriaList"),
        _ => None,
    };
    if let Some(c) = cfn.and_then(|c| candidates.clone().find(|m| *m == c)) {
        return Some(c);
    }
    candidates
        .map(|c| (strsim::jaro_winkler(&lower, &c.to_lowercase()), c))
        .filter(|(score, _)| *score >= 0.85)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

/// Duplicate keys anywhere inside a value the model does not describe (an unknown member).
fn duplicates_deep(ctx: &mut Ctx<'_>, value: &Value<'_>, pointer: &str) {
    match value {
        Value::Object(obj) => {
            duplicates(ctx, obj, pointer);
            for prop in &obj.properties {
                duplicates_deep(
                    ctx,
                    &prop.value,
                    &push_pointer(pointer, source::prop_name(prop)),
                );
            }
        }
        Value::Array(arr) => {
            for (i, element) in arr.elements.iter().enumerate() {
                duplicates_deep(ctx, element, &push_pointer(pointer, &i.to_string()));
            }
        }
        _ => {}
    }
}

fn duplicates(ctx: &mut Ctx<'_>, obj: &Object<'_>, pointer: &str) {
    if obj.properties.len() < 2 {
        return;
    }
    let mut seen = std::collections::HashSet::with_capacity(obj.properties.len());
    for prop in &obj.properties {
        let name = source::prop_name(prop);
        if !seen.insert(name) {
            ctx.report(
                &super::json::DUPLICATE_KEY,
                push_pointer(pointer, name),
                source::name_range(prop),
                format!("member {} appears more than once in this object; only one of the values is used", source::name(name)),
                Some("keep one occurrence".into()),
            );
        }
    }
}

fn type_error(ctx: &mut Ctx<'_>, value: &Value<'_>, expected: &str, pointer: &str) {
    let found = match value {
        Value::StringLit(_) | Value::NumberLit(_) | Value::BooleanLit(_) => {
            format!("{} {}", source::type_name(value), source::describe(value))
        }
        _ => source::type_name(value).to_string(),
    };
    let help = match (value, expected) {
        (Value::StringLit(s), "an integer" | "a number")
            if s.value.trim().parse::<f64>().is_ok() =>
        {
            Some(format!(
                "write the number without quotes: {}",
                s.value.trim()
            ))
        }
        (Value::NullKeyword(_), _) => {
            Some("leave the member out instead of setting it to null".into())
        }
        _ => None,
    };
    ctx.report(
        &TYPE,
        pointer,
        source::range(value),
        format!("expected {expected}; found {found}"),
        help,
    );
}

fn check_integer(ctx: &mut Ctx<'_>, value: &Value<'_>, shape: &'static Shape, pointer: &str) {
    let Value::NumberLit(n) = value else {
        return type_error(ctx, value, "an integer", pointer);
    };
    let text = n.value;
    let span = source::range(value);
    if text.contains(['.', 'e', 'E']) {
        ctx.report(
            &TYPE,
            pointer,
            span,
            format!("expected an integer; found {text}"),
            Some("write a whole number without a fraction or exponent".into()),
        );
        return;
    }
    let (lo, hi, bits) = match shape.kind {
        ShapeKind::Integer => (i32::MIN as i64, i32::MAX as i64, 32),
        _ => (i64::MIN, i64::MAX, 64),
    };
    match text.parse::<i64>() {
        Ok(v) if (lo..=hi).contains(&v) => bounds(ctx, shape, v as f64, text, span, pointer),
        _ => {
            // Out of the integer type: report against the model bounds if there are any, so the
            // message names the limit the user cares about.
            let v: f64 = text.parse().unwrap_or(f64::INFINITY);
            let violates = shape.min.get(ctx.edition).is_some_and(|m| v < m)
                || shape.max.get(ctx.edition).is_some_and(|m| v > m);
            if violates {
                bounds(ctx, shape, v, text, span, pointer);
            } else {
                ctx.report(
                    &TYPE,
                    pointer,
                    span,
                    format!("{text} does not fit a {bits}-bit integer ({lo} to {hi})"),
                    None,
                );
            }
        }
    }
}

fn bounds(
    ctx: &mut Ctx<'_>,
    shape: &Shape,
    v: f64,
    text: &str,
    span: (usize, usize),
    pointer: &str,
) {
    let (min, max) = (shape.min.get(ctx.edition), shape.max.get(ctx.edition));
    let below = min.is_some_and(|m| v < m);
    let above = max.is_some_and(|m| v > m);
    if below || above {
        let unit = unit(shape.name);
        ctx.report(
            &RANGE,
            pointer,
            span,
            format!(
                "{} must be {}{unit}; found {text}",
                member_name(pointer),
                range_text(min, max)
            ),
            edition_hint(ctx.edition, shape, v),
        );
    }
}

fn count(
    ctx: &mut Ctx<'_>,
    shape: &Shape,
    n: usize,
    span: (usize, usize),
    pointer: &str,
    rule: &RuleInfo,
    what: &str,
) {
    let (min, max) = (shape.min.get(ctx.edition), shape.max.get(ctx.edition));
    let v = n as f64;
    if min.is_some_and(|m| v < m) || max.is_some_and(|m| v > m) {
        ctx.report(
            rule,
            pointer,
            span,
            format!(
                "{} must have {} {what}; it has {n}",
                member_name(pointer),
                range_text(min, max)
            ),
            None,
        );
    }
}

/// Length, enum and pattern of a string (a value, or a map key when `what` is `"key "`).
fn check_string(
    ctx: &mut Ctx<'_>,
    shape: &Shape,
    s: &str,
    span: (usize, usize),
    pointer: &str,
    what: &str,
) {
    let len = s.chars().count();
    // For a map key, name the key itself; for a value, the member it belongs to.
    let subject = if what.is_empty() {
        member_name(pointer)
    } else {
        format!("{what}{}", source::quote(s))
    };
    let (min, max) = (shape.min.get(ctx.edition), shape.max.get(ctx.edition));
    let too_short = min.is_some_and(|m| (len as f64) < m);
    if too_short || max.is_some_and(|m| len as f64 > m) {
        let extra = if s.len() != len {
            format!(" ({} bytes in UTF-8)", s.len())
        } else {
            String::new()
        };
        ctx.report(
            &LENGTH,
            pointer,
            span,
            format!(
                "{subject} must be {} characters long (Unicode code points); it has {len}{extra}",
                range_text(min, max)
            ),
            edition_hint(ctx.edition, shape, len as f64),
        );
    }
    if !shape.enum_values.is_empty() && !shape.enum_values.contains(&s) {
        let help = suggest(s, shape.enum_values.iter().copied())
            .map(|c| format!("did you mean `{c}`? (enum values are case-sensitive)"));
        ctx.report(
            &ENUM,
            pointer,
            span,
            format!(
                "{} must be one of {}; found {}",
                member_name(pointer),
                shape.enum_values.join(", "),
                source::quote(s)
            ),
            help,
        );
    }
    if let Some(p) = shape.pattern {
        // An empty value already failed the length check; the pattern adds nothing.
        if !(p.is_full_match(s) || too_short && s.is_empty()) {
            if s.is_empty() {
                ctx.report(
                    &PATTERN,
                    pointer,
                    span,
                    format!(
                        "{subject} must not be empty: its pattern {} needs at least one character",
                        p.model
                    ),
                    Some(format!(
                        "write a value, or leave `{}` out",
                        pointer.rsplit('/').next().unwrap_or("")
                    )),
                );
                return;
            }
            let detail = if std::ptr::eq(p, &PATTERN_ARN) {
                if s.starts_with("arn:") {
                    s.chars()
                        .position(|c| !('!'..='~').contains(&c))
                        .map(|i| {
                            format!(
                                "; character {} at position {} is not allowed",
                                describe_char(s, i),
                                i + 1
                            )
                        })
                        .unwrap_or_default()
                } else {
                    "; it does not start with `arn:`".into()
                }
            } else {
                s.chars()
                    .position(|c| !p.is_full_match(c.encode_utf8(&mut [0; 4])))
                    .map(|i| {
                        format!(
                            "; character {} at position {} is not allowed",
                            describe_char(s, i),
                            i + 1
                        )
                    })
                    .unwrap_or_default()
            };
            ctx.report(
                &PATTERN,
                pointer,
                span,
                format!(
                    "{subject}{} must contain {} (pattern {}, matched against the whole value){detail}",
                    if what.is_empty() { format!(" {}", source::quote(s)) } else { String::new() },
                    p.allows,
                    p.model
                ),
                None,
            );
        }
    }
}

fn describe_char(s: &str, i: usize) -> String {
    let c = s.chars().nth(i).unwrap_or(' ');
    format!("{c:?} (U+{:04X})", c as u32)
}

/// The member a pointer ends in (`durationInMinutes`), or the whole pointer for list items.
fn member_name(pointer: &str) -> String {
    let last = pointer.rsplit('/').next().unwrap_or("");
    if last.is_empty() {
        "the value".into()
    } else if last.chars().all(|c| c.is_ascii_digit()) {
        format!("`{pointer}`")
    } else {
        format!("`{}`", last.replace("~1", "/").replace("~0", "~"))
    }
}

fn range_text(min: Option<f64>, max: Option<f64>) -> String {
    match (min, max) {
        (Some(a), Some(b)) => format!("between {} and {}", fmt_num(a), fmt_num(b)),
        (Some(a), None) => format!("at least {}", fmt_num(a)),
        (None, Some(b)) => format!("at most {}", fmt_num(b)),
        (None, None) => String::new(),
    }
}

fn unit(shape: &str) -> &'static str {
    match shape {
        "DurationInMinutes" | "InProgressTimeoutInMinutes" => " minutes",
        "ExpiresInSec" => " seconds",
        "AbortThresholdPercentage" => " percent",
        "RolloutRatePerMinute" | "MaxJobExecutionsPerMin" => " per minute",
        _ => "",
    }
}

/// When the value would pass under the other edition, say so.
fn edition_hint(edition: Edition, shape: &Shape, v: f64) -> Option<String> {
    let other = match edition {
        Edition::Latest => Edition::V2023_03_02,
        Edition::V2023_03_02 => Edition::Latest,
    };
    let ok = |b: &Bound, lower: bool| {
        b.get(other)
            .is_none_or(|m| if lower { v >= m } else { v <= m })
    };
    let differs = shape.min != Bound::NONE && shape.min.get(edition) != shape.min.get(other)
        || shape.max != Bound::NONE && shape.max.get(edition) != shape.max.get(other);
    (differs && ok(&shape.min, true) && ok(&shape.max, false)).then(|| {
        format!(
            "the {other} service model allows this value ({} {}); check which model your SDK or CLI uses",
            shape.name,
            range_text(shape.min.get(other), shape.max.get(other))
        )
    })
}
