//! `model/*`: the service model's own constraints, applied by one walker over the
//! [`crate::shapes`] table: JSON type, required members, unknown members, members of another
//! edition, string length, list size, numeric range, enum and pattern.
//!
//! All of these are stated by the service model (botocore `service-2.json`, shape traits), so all
//! are errors. Lengths count Unicode code points; patterns must match the whole value.

use super::{Ctx, fmt_num, remove_member};
use crate::diagnostic::{Applicability, Fix, Severity};
use crate::registry::{Example, RuleInfo, example};
use crate::shapes::{Bound, PATTERN_ARN, Shape, ShapeKind};
use crate::syntax::{Kind, Member, Object, Value};
use crate::text;
use crate::{Edition, Operation};

/// `model/type`
pub const TYPE: RuleInfo = RuleInfo {
    code: "model/type",
    severity: Severity::Error,
    summary: "A member has the wrong JSON type: a string where the model wants a number, a fraction where it wants an integer, `null`, a boolean for a number, ...",
    source: "service model: shape types (integer = 32-bit, long = 64-bit, double, string, boolean, timestamp, structure, list, map)",
    json_schema: true,
    fix: Some(
        "safe: a number written in quotes loses its quotes (`\"60\"` → `60`); a whole number written with a fraction or an exponent is written plainly (`60.0` → `60`)",
    ),
    example: example(Example {
        operation: Some(Operation::CreateJob),
        service_model: Edition::Latest,
        fail: r#"{
  "jobId": "firmware-2026-01",
  "targets": ["arn:aws:iot:eu-west-1:123456789012:thinggroup/pumps-line-a"],
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}",
  "timeoutConfig": {"inProgressTimeoutInMinutes": "60"}
}"#,
        pass: r#"{
  "jobId": "firmware-2026-01",
  "targets": ["arn:aws:iot:eu-west-1:123456789012:thinggroup/pumps-line-a"],
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}",
  "timeoutConfig": {"inProgressTimeoutInMinutes": 60}
}"#,
    }),
};
/// `model/required`
pub const REQUIRED: RuleInfo = RuleInfo {
    code: "model/required",
    severity: Severity::Error,
    summary: "A member the model marks required is missing from its (present) parent.",
    source: "service model: `required` trait of each structure",
    json_schema: true,
    fix: None,
    example: example(Example {
        operation: Some(Operation::CreateJob),
        service_model: Edition::Latest,
        fail: r#"{
  "jobId": "firmware-2026-01",
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}"
}"#,
        pass: r#"{
  "jobId": "firmware-2026-01",
  "targets": ["arn:aws:iot:eu-west-1:123456789012:thinggroup/pumps-line-a"],
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}"
}"#,
    }),
};
/// `model/unknown-member`
pub const UNKNOWN_MEMBER: RuleInfo = RuleInfo {
    code: "model/unknown-member",
    severity: Severity::Error,
    summary: "A member name that the shape does not have (often a typo or the wrong casing); the SDKs and CLI reject it.",
    source: "service model: structure members; botocore ParamValidator rejects unknown parameters",
    json_schema: true,
    fix: Some(
        "safe when only the case differs and the right name is not there yet (`jobID` → `jobId`); suggested for a near miss or a CloudFormation spelling (`expiresInSeconds` → `expiresInSec`)",
    ),
    example: example(Example {
        operation: Some(Operation::CreateJob),
        service_model: Edition::Latest,
        fail: r#"{
  "jobId": "firmware-2026-01",
  "targets": ["arn:aws:iot:eu-west-1:123456789012:thinggroup/pumps-line-a"],
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}",
  "timeoutConfig": {"inProgressTimeoutMinutes": 60}
}"#,
        pass: r#"{
  "jobId": "firmware-2026-01",
  "targets": ["arn:aws:iot:eu-west-1:123456789012:thinggroup/pumps-line-a"],
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}",
  "timeoutConfig": {"inProgressTimeoutInMinutes": 60}
}"#,
    }),
};
/// `model/not-in-edition`
pub const NOT_IN_EDITION: RuleInfo = RuleInfo {
    code: "model/not-in-edition",
    severity: Severity::Error,
    summary: "A member that exists only in another service-model edition (for example `destinationPackageVersions` under the 2023-03-02 model).",
    source: "service model: differences between the 2023-03-02 and latest editions",
    json_schema: true,
    fix: None,
    example: example(Example {
        operation: Some(Operation::CreateJob),
        service_model: Edition::V2023_03_02,
        fail: r#"{
  "jobId": "firmware-2026-01",
  "targets": ["arn:aws:iot:eu-west-1:123456789012:thinggroup/pumps-line-a"],
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}",
  "destinationPackageVersions": ["arn:aws:iot:eu-west-1:123456789012:package/pump-firmware/version/2.4.1"]
}"#,
        pass: r#"{
  "jobId": "firmware-2026-01",
  "targets": ["arn:aws:iot:eu-west-1:123456789012:thinggroup/pumps-line-a"],
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}"
}"#,
    }),
};
/// `model/length`
pub const LENGTH: RuleInfo = RuleInfo {
    code: "model/length",
    severity: Severity::Error,
    summary: "A string is shorter than the model's `min` or longer than its `max`, counted in Unicode code points.",
    source: "service model: `min`/`max` traits of string shapes",
    json_schema: true,
    fix: None,
    example: example(Example {
        operation: Some(Operation::CreateJob),
        service_model: Edition::Latest,
        fail: r#"{
  "jobId": "pump-controller-firmware-2-4-1-for-line-a-and-line-b-in-hall-3-west",
  "targets": ["arn:aws:iot:eu-west-1:123456789012:thinggroup/pumps-line-a"],
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}"
}"#,
        pass: r#"{
  "jobId": "pump-firmware-2-4-1-hall-3",
  "targets": ["arn:aws:iot:eu-west-1:123456789012:thinggroup/pumps-line-a"],
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}"
}"#,
    }),
};
/// `model/items`
pub const ITEMS: RuleInfo = RuleInfo {
    code: "model/items",
    severity: Severity::Error,
    summary: "A list has fewer items than the model's `min` or more than its `max`.",
    source: "service model: `min`/`max` traits of list shapes",
    json_schema: true,
    fix: None,
    example: example(Example {
        operation: Some(Operation::CreateJob),
        service_model: Edition::Latest,
        fail: r#"{
  "jobId": "firmware-2026-01",
  "targets": [],
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}"
}"#,
        pass: r#"{
  "jobId": "firmware-2026-01",
  "targets": ["arn:aws:iot:eu-west-1:123456789012:thinggroup/pumps-line-a"],
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}"
}"#,
    }),
};
/// `model/range`
pub const RANGE: RuleInfo = RuleInfo {
    code: "model/range",
    severity: Severity::Error,
    summary: "A number is below the model's `min` or above its `max`.",
    source: "service model: `min`/`max` traits of number shapes",
    json_schema: true,
    fix: None,
    example: example(Example {
        operation: Some(Operation::CreateJob),
        service_model: Edition::Latest,
        fail: r#"{
  "jobId": "firmware-2026-01",
  "targets": ["arn:aws:iot:eu-west-1:123456789012:thinggroup/pumps-line-a"],
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}",
  "presignedUrlConfig": {"roleArn": "arn:aws:iam::123456789012:role/IoTJobsFirmwareDownload", "expiresInSec": 7200}
}"#,
        pass: r#"{
  "jobId": "firmware-2026-01",
  "targets": ["arn:aws:iot:eu-west-1:123456789012:thinggroup/pumps-line-a"],
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}",
  "presignedUrlConfig": {"roleArn": "arn:aws:iam::123456789012:role/IoTJobsFirmwareDownload", "expiresInSec": 3600}
}"#,
    }),
};
/// `model/enum`
pub const ENUM: RuleInfo = RuleInfo {
    code: "model/enum",
    severity: Severity::Error,
    summary: "A string is not one of the values of the model's enum (values are case-sensitive).",
    source: "service model: `enum` trait",
    json_schema: true,
    fix: Some(
        "safe when only the case differs (`snapshot` → `SNAPSHOT`); suggested for the nearest value",
    ),
    example: example(Example {
        operation: Some(Operation::CreateJob),
        service_model: Edition::Latest,
        fail: r#"{
  "jobId": "firmware-2026-01",
  "targets": ["arn:aws:iot:eu-west-1:123456789012:thinggroup/pumps-line-a"],
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}",
  "targetSelection": "snapshot"
}"#,
        pass: r#"{
  "jobId": "firmware-2026-01",
  "targets": ["arn:aws:iot:eu-west-1:123456789012:thinggroup/pumps-line-a"],
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}",
  "targetSelection": "SNAPSHOT"
}"#,
    }),
};
/// `model/pattern`
pub const PATTERN: RuleInfo = RuleInfo {
    code: "model/pattern",
    severity: Severity::Error,
    summary: "A string does not match the model's pattern over its whole length (the model's patterns are unanchored, the service matches them in full).",
    source: "service model: `pattern` trait (Smithy semantics: the whole value must match)",
    json_schema: true,
    fix: None,
    example: example(Example {
        operation: Some(Operation::CreateJob),
        service_model: Edition::Latest,
        fail: r#"{
  "jobId": "firmware 2026.01",
  "targets": ["arn:aws:iot:eu-west-1:123456789012:thinggroup/pumps-line-a"],
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}"
}"#,
        pass: r#"{
  "jobId": "firmware-2026-01",
  "targets": ["arn:aws:iot:eu-west-1:123456789012:thinggroup/pumps-line-a"],
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}"
}"#,
    }),
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

/// Where the walker is, as a chain of references up to the root: the JSON Pointer is built only
/// when a diagnostic needs it.
#[derive(Clone, Copy)]
pub(crate) struct Path<'p> {
    parent: Option<&'p Path<'p>>,
    segment: Segment<'p>,
}

#[derive(Clone, Copy)]
enum Segment<'p> {
    Root,
    Member(Member<'p>),
    Index(usize),
}

impl<'p> Path<'p> {
    const ROOT: Path<'static> = Path {
        parent: None,
        segment: Segment::Root,
    };

    fn member(&'p self, m: Member<'p>) -> Path<'p> {
        Path {
            parent: Some(self),
            segment: Segment::Member(m),
        }
    }

    fn index(&'p self, i: usize) -> Path<'p> {
        Path {
            parent: Some(self),
            segment: Segment::Index(i),
        }
    }

    /// The RFC 6901 pointer.
    pub(crate) fn pointer(&self) -> String {
        let mut segments = Vec::new();
        let mut at = Some(self);
        while let Some(p) = at {
            segments.push(p.segment);
            at = p.parent;
        }
        let mut out = String::new();
        for s in segments.iter().rev() {
            match s {
                Segment::Root => {}
                Segment::Member(m) => push_token(&mut out, &m.name()),
                Segment::Index(i) => {
                    out.push('/');
                    out.push_str(&i.to_string());
                }
            }
        }
        out
    }

    /// The pointer of member `name` of the object at this path.
    fn child_pointer(&self, name: &str) -> String {
        let mut p = self.pointer();
        push_token(&mut p, name);
        p
    }

    /// The member the path ends in, in backticks (`durationInMinutes`), or the whole pointer for
    /// list items.
    fn display(&self) -> String {
        match self.segment {
            Segment::Member(m) => text::name(&m.name()),
            Segment::Index(_) => format!("`{}`", text::escape_all(&self.pointer())),
            Segment::Root => "the value".into(),
        }
    }

    /// The bare name the path ends in.
    fn last_name(&self) -> String {
        match self.segment {
            Segment::Member(m) => text::escape(&m.name()),
            _ => String::new(),
        }
    }
}

/// Appends one reference token to a JSON Pointer, escaping `~` and `/` (RFC 6901 §3).
pub(crate) fn push_token(pointer: &mut String, token: &str) {
    pointer.push('/');
    for c in token.chars() {
        match c {
            '~' => pointer.push_str("~0"),
            '/' => pointer.push_str("~1"),
            c => pointer.push(c),
        }
    }
}

/// Checks the top-level object against the operation's shape.
pub(crate) fn check_root(ctx: &mut Ctx<'_>, root: Object<'_>, shape: &'static Shape) {
    check_structure(ctx, root, shape, &Path::ROOT);
}

/// Checks `value` against `shape`.
fn check(ctx: &mut Ctx<'_>, value: Value<'_>, shape: &'static Shape, path: &Path<'_>) {
    // A value known only at deploy time (a template's intrinsic function) is not judged.
    if !ctx.is_valid(value) {
        return;
    }
    match shape.kind {
        ShapeKind::Structure(_) => match value.as_object() {
            Some(obj) => check_structure(ctx, obj, shape, path),
            None => type_error(ctx, value, "an object", path),
        },
        ShapeKind::List(item) => match value.as_array() {
            Some(arr) => {
                count(ctx, shape, value, arr.len(), path, "items");
                for (i, element) in arr.iter().enumerate() {
                    check(ctx, element, item, &path.index(i));
                }
            }
            None => type_error(ctx, value, "an array", path),
        },
        ShapeKind::Map {
            key,
            value: value_shape,
        } => match value.as_object() {
            Some(obj) => {
                let sent = obj.members().filter(|m| !m.is_shadowed()).count();
                count(ctx, shape, value, sent, path, "entries");
                for (i, m) in obj.members().enumerate() {
                    if m.is_shadowed() {
                        duplicate(ctx, obj, i, m, path);
                        continue;
                    }
                    let member_path = path.member(m);
                    check_string(ctx, key, &m.name(), m.name_span(), None, &member_path);
                    check(ctx, m.value(), value_shape, &member_path);
                }
            }
            None => type_error(ctx, value, "an object", path),
        },
        ShapeKind::String => match value.str_len() {
            // Most string shapes bound only the length (`document`, descriptions, ARNs without a
            // pattern): measure without decoding, and decode only to report.
            Some((chars, _))
                if shape.enum_values.is_empty()
                    && shape.pattern.is_none()
                    && within(
                        shape.min.get(ctx.edition),
                        shape.max.get(ctx.edition),
                        chars,
                    ) => {}
            Some(_) => {
                let s = value.as_str().unwrap_or_default();
                check_string(ctx, shape, &s, value.span(), Some(value), path);
            }
            None => type_error(ctx, value, "a string", path),
        },
        ShapeKind::Integer | ShapeKind::Long => check_integer(ctx, value, shape, path),
        ShapeKind::Double => match value.as_number() {
            Some(n) => {
                // A JSON number literal always parses as f64 (huge exponents become infinity).
                let v = crate::decimal::parse_f64(n).unwrap_or(f64::INFINITY);
                bounds(ctx, shape, v, value, path);
            }
            None => type_error(ctx, value, "a number", path),
        },
        ShapeKind::Boolean => {
            if !matches!(value.kind(), Kind::True | Kind::False) {
                type_error(ctx, value, "true or false", path);
            }
        }
        ShapeKind::Timestamp => match value.kind() {
            Kind::Number => {}
            Kind::String { .. }
                if value
                    .as_str()
                    .is_some_and(|s| iot_jobs_lint_model::rfc3339::parse(&s).is_ok()) => {}
            _ => type_error(
                ctx,
                value,
                "a timestamp (epoch seconds, or an ISO 8601 date-time string)",
                path,
            ),
        },
    }
}

/// Checks an object against a structure shape: members, unknown members, required members.
/// Only the copy of a repeated member that is sent (the last) is judged; earlier copies get
/// `json/duplicate-key`.
fn check_structure(ctx: &mut Ctx<'_>, obj: Object<'_>, shape: &'static Shape, path: &Path<'_>) {
    for (i, m) in obj.members().enumerate() {
        if m.is_shadowed() {
            duplicate(ctx, obj, i, m, path);
            continue;
        }
        let name = m.name();
        let member_path = path.member(m);
        match shape.member(&name, ctx.edition) {
            Some(member) => check(ctx, m.value(), member.target, &member_path),
            None => {
                unknown_member(ctx, obj, shape, m, &member_path);
                duplicates_deep(ctx, m.value(), &member_path);
            }
        }
    }
    for member in shape.members(ctx.edition) {
        if member.required && !obj.has(member.name) {
            ctx.report(
                &REQUIRED,
                path.child_pointer(member.name),
                obj.opening(),
                format!(
                    "missing required member `{}` ({})",
                    member.name,
                    kind_text(member.target)
                ),
                None,
            );
        }
    }
}

fn unknown_member(
    ctx: &mut Ctx<'_>,
    obj: Object<'_>,
    shape: &'static Shape,
    m: Member<'_>,
    path: &Path<'_>,
) {
    let name = m.name();
    let span = m.name_span();
    if let Some(found) = shape
        .member(&name, Edition::Latest)
        .filter(|found| found.since > ctx.edition)
    {
        ctx.report(
            &NOT_IN_EDITION,
            path.pointer(),
            span,
            format!(
                "{} is not part of the {} service model; it was added in a later model",
                text::name(&name),
                ctx.edition
            ),
            Some(format!(
                "check against the latest service model, or remove `{}`",
                found.name
            )),
        );
        return;
    }
    if !ctx.wants(&UNKNOWN_MEMBER) {
        // Past the cap: counted, not worded (no suggestion search per member).
        ctx.omitted(&UNKNOWN_MEMBER, || path.pointer(), span);
        return;
    }
    let misplaced = misplaced(ctx.operation, shape, &name);
    let known: Vec<&str> = shape.members(ctx.edition).map(|k| k.name).collect();
    let suggestion = suggest(&name, known.iter().copied());
    let help = misplaced
        .clone()
        .or_else(|| suggestion.map(|s| format!("did you mean `{s}`?")))
        .or_else(|| {
            elsewhere(crate::shapes::root_shape(ctx.operation), &name, ctx.edition)
                .map(|at| format!("{} belongs at `{at}`", text::name(&name)))
        });
    let listed = if known.len() <= 8 {
        format!("; its members are {}", known.join(", "))
    } else {
        String::new()
    };
    // Renaming is certain when only the case differs and the right name is not there already.
    let fix = suggestion
        .filter(|s| misplaced.is_none() && is_typo(&name, s))
        .map(|s| {
            let certain = s.eq_ignore_ascii_case(&name) && !obj.has(s);
            Fix::replace(
                format!("rename `{}` to `{s}`", text::escape(&name)),
                if certain {
                    Applicability::Safe
                } else {
                    Applicability::Suggested
                },
                span.0..span.1,
                text::json_string(s),
            )
        });
    ctx.report(
        &UNKNOWN_MEMBER,
        path.pointer(),
        span,
        format!(
            "unknown member {} in {}{listed}",
            text::name(&name),
            shape.name
        ),
        help,
    )
    .fix_opt(fix);
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
            "CreateJob has no `jobTemplateId`: to create a job from a template, give the template's ARN in `jobTemplateArn` (or, for a template, check the file as create-job-template)".into(),
        ),
        _ => None,
    }
}

/// Where else in the operation's shape tree a member of this name lives (as a JSON Pointer).
fn elsewhere(root: &'static Shape, name: &str, edition: Edition) -> Option<String> {
    let mut queue: std::collections::VecDeque<(&'static Shape, String)> =
        [(root, String::new())].into();
    while let Some((shape, at)) = queue.pop_front() {
        match shape.kind {
            ShapeKind::Structure(_) => {
                for m in shape.members(edition) {
                    let mut p = at.clone();
                    push_token(&mut p, m.name);
                    if m.name == name && !at.is_empty() {
                        return Some(p);
                    }
                    queue.push_back((m.target, p));
                }
            }
            ShapeKind::List(item) => queue.push_back((item, format!("{at}/0"))),
            _ => {}
        }
    }
    None
}

/// The closest allowed name: same name in another case, a CloudFormation spelling, or a near
/// miss by edit distance.
pub(crate) fn suggest<'n>(
    name: &str,
    candidates: impl Iterator<Item = &'n str> + Clone,
) -> Option<&'n str> {
    // No member name is longer than 64 characters; a longer one is no near miss.
    if name.len() > 64 {
        return None;
    }
    if let Some(c) = candidates.clone().find(|c| c.eq_ignore_ascii_case(name)) {
        return Some(c);
    }
    // ASCII case mapping: the candidates are ASCII model names, which the service compares
    // exactly; a non-ASCII character of `name` stays as written and never matches one of theirs.
    let lower = name.to_ascii_lowercase();
    let cfn = match lower.as_str() {
        "exponentialrolloutrate" => Some("exponentialRate"),
        "retrycriterialist" => Some("criteriaList"),
        _ => None,
    };
    if let Some(c) = cfn.and_then(|c| candidates.clone().find(|m| *m == c)) {
        return Some(c);
    }
    candidates
        .map(|c| (strsim::jaro_winkler(&lower, &c.to_ascii_lowercase()), c))
        .filter(|(score, _)| *score >= 0.85)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

/// Duplicate keys anywhere inside a value the model does not describe (an unknown member).
fn duplicates_deep(ctx: &mut Ctx<'_>, value: Value<'_>, path: &Path<'_>) {
    if value.is_opaque() {
        return duplicates_in_text(ctx, value, path);
    }
    if let Some(obj) = value.as_object() {
        for (i, m) in obj.members().enumerate() {
            if m.is_shadowed() {
                duplicate(ctx, obj, i, m, path);
            } else {
                duplicates_deep(ctx, m.value(), &path.member(m));
            }
        }
    } else if let Some(arr) = value.as_array() {
        for (i, element) in arr.iter().enumerate() {
            duplicates_deep(ctx, element, &path.index(i));
        }
    }
}

/// Duplicate keys inside a value the tree keeps as one node (an unknown member's), read from
/// its text: the same diagnostics as [`duplicate`] gives in the tree.
fn duplicates_in_text(ctx: &mut Ctx<'_>, value: Value<'_>, path: &Path<'_>) {
    let text = ctx.text();
    let base = path.pointer();
    crate::syntax::repeated_members(text, value.span(), &mut |steps, repeated| {
        let crate::syntax::Step::Member(name_start, name_end, _) = repeated.name else {
            return;
        };
        let name = repeated.name.token(text);
        let mut pointer = base.clone();
        for step in steps {
            push_token(&mut pointer, &step.token(text));
        }
        push_token(&mut pointer, &name);
        if !ctx.wants(&super::json::DUPLICATE_KEY) {
            ctx.omitted(
                &super::json::DUPLICATE_KEY,
                || pointer,
                (name_start, name_end),
            );
            return;
        }
        ctx.report(
            &super::json::DUPLICATE_KEY,
            pointer.clone(),
            (name_start, name_end),
            format!(
                "member {} appears again later in this object; this copy is ignored: the AWS CLI and the SDKs send the last one",
                text::name(&name)
            ),
            Some("remove this copy, or the later one if this is the value you meant".into()),
        )
        .fix(Fix::replace(
            format!("remove this ignored copy of {}", text::name(&name)),
            Applicability::Safe,
            repeated.removal.0..repeated.removal.1,
            "",
        ))
        .related(pointer, "the copy that is sent", repeated.winner);
    });
}

/// An earlier copy of a repeated member: it is not what is sent.
fn duplicate(ctx: &mut Ctx<'_>, obj: Object<'_>, index: usize, m: Member<'_>, path: &Path<'_>) {
    let name = m.name();
    if !ctx.wants(&super::json::DUPLICATE_KEY) {
        // Past the cap: counted, not worded (no search for the copy that is sent).
        ctx.omitted(
            &super::json::DUPLICATE_KEY,
            || path.child_pointer(&name),
            m.name_span(),
        );
        return;
    }
    let pointer = path.child_pointer(&name);
    let winner = obj.member(&name);
    let removal = remove_member(obj, index, ctx.text());
    let pending = ctx.report(
        &super::json::DUPLICATE_KEY,
        pointer.clone(),
        m.name_span(),
        format!(
            "member {} appears again later in this object; this copy is ignored: the AWS CLI and the SDKs send the last one",
            text::name(&name)
        ),
        Some("remove this copy, or the later one if this is the value you meant".into()),
    );
    pending.fix(Fix::replace(
        format!("remove this ignored copy of {}", text::name(&name)),
        Applicability::Safe,
        removal.0..removal.1,
        "",
    ));
    if let Some(w) = winner {
        pending.related(pointer, "the copy that is sent", w.name_span());
    }
}

fn type_error(ctx: &mut Ctx<'_>, value: Value<'_>, expected: &str, path: &Path<'_>) {
    ctx.mark_invalid(value);
    let found = match value.kind() {
        Kind::String { .. } => format!(
            "a string {}",
            text::quote(&value.as_str().unwrap_or_default())
        ),
        Kind::Number | Kind::True | Kind::False => {
            format!("{} {}", value.type_name(), value.raw())
        }
        _ => value.type_name().to_string(),
    };
    let span = value.span();
    let mut fix = None;
    let help = match (value.kind(), expected) {
        (Kind::String { .. }, "an integer" | "a number") => {
            let s = value.as_str().unwrap_or_default();
            let trimmed = s.trim();
            let is_json_number = crate::syntax::is_json_number(trimmed)
                && (expected == "a number" || !trimmed.contains(['.', 'e', 'E']));
            is_json_number.then(|| {
                fix = Some(Fix::replace(
                    format!("write {trimmed} without quotes"),
                    Applicability::Safe,
                    span.0..span.1,
                    trimmed,
                ));
                format!("write the number without quotes: {trimmed}")
            })
        }
        (Kind::Null, _) => Some("leave the member out instead of setting it to null".into()),
        _ => None,
    };
    ctx.report(
        &TYPE,
        path.pointer(),
        span,
        format!("{} must be {expected}; found {found}", path.display()),
        help,
    )
    .fix_opt(fix);
}

fn check_integer(ctx: &mut Ctx<'_>, value: Value<'_>, shape: &'static Shape, path: &Path<'_>) {
    let Some(literal) = value.as_number() else {
        return type_error(ctx, value, "an integer", path);
    };
    let span = value.span();
    if literal.contains(['.', 'e', 'E']) {
        ctx.mark_invalid(value);
        // `10.0` and `1e3` are whole numbers written with a fraction or an exponent.
        let whole = crate::decimal::parse_f64(literal)
            .filter(|v| v.fract() == 0.0 && v.abs() < 9.0e15)
            .map(|v| format!("{}", v as i64));
        let fix = whole.as_ref().map(|w| {
            Fix::replace(
                format!("write {w}"),
                Applicability::Safe,
                span.0..span.1,
                w.clone(),
            )
        });
        ctx.report(
            &TYPE,
            path.pointer(),
            span,
            format!("expected an integer; found {literal}"),
            Some(match &whole {
                Some(w) => format!("write {w} (a whole number without a fraction or exponent)"),
                None => "write a whole number without a fraction or exponent".into(),
            }),
        )
        .fix_opt(fix);
        return;
    }
    let (lo, hi, bits) = match shape.kind {
        ShapeKind::Integer => (i32::MIN as i64, i32::MAX as i64, 32),
        _ => (i64::MIN, i64::MAX, 64),
    };
    match literal.parse::<i64>() {
        Ok(v) if (lo..=hi).contains(&v) => bounds(ctx, shape, v as f64, value, path),
        _ => {
            // Out of the integer type: report against the model bounds if there are any, so the
            // message names the limit the user cares about.
            let v = crate::decimal::parse_f64(literal).unwrap_or(f64::INFINITY);
            let violates = shape.min.get(ctx.edition).is_some_and(|m| v < m)
                || shape.max.get(ctx.edition).is_some_and(|m| v > m);
            if violates {
                bounds(ctx, shape, v, value, path);
            } else {
                ctx.mark_invalid(value);
                ctx.report(
                    &TYPE,
                    path.pointer(),
                    span,
                    format!("{literal} does not fit a {bits}-bit integer ({lo} to {hi})"),
                    None,
                );
            }
        }
    }
}

fn bounds(ctx: &mut Ctx<'_>, shape: &Shape, v: f64, value: Value<'_>, path: &Path<'_>) {
    let (min, max) = (shape.min.get(ctx.edition), shape.max.get(ctx.edition));
    let below = min.is_some_and(|m| v < m);
    let above = max.is_some_and(|m| v > m);
    if below || above {
        ctx.mark_invalid(value);
        let unit = unit(shape.name);
        ctx.report(
            &RANGE,
            path.pointer(),
            value.span(),
            format!(
                "{} must be {}{unit}; found {}",
                path.display(),
                range_text(min, max),
                value.raw()
            ),
            edition_hint(ctx.edition, shape, v),
        );
    }
}

fn count(
    ctx: &mut Ctx<'_>,
    shape: &Shape,
    value: Value<'_>,
    n: usize,
    path: &Path<'_>,
    what: &str,
) {
    let (min, max) = (shape.min.get(ctx.edition), shape.max.get(ctx.edition));
    let v = n as f64;
    if min.is_some_and(|m| v < m) || max.is_some_and(|m| v > m) {
        ctx.mark_invalid(value);
        // "at least 1 item", "at most 1 entry"; plural otherwise.
        let one = match (min, max) {
            (Some(a), None) | (None, Some(a)) => a == 1.0,
            _ => false,
        };
        let what = match (one, what) {
            (true, "items") => "item",
            (true, "entries") => "entry",
            _ => what,
        };
        ctx.report(
            &ITEMS,
            path.pointer(),
            value.span(),
            format!(
                "{} must have {} {what}; it has {n}",
                path.display(),
                range_text(min, max)
            ),
            None,
        );
    }
}

/// Whether a length lies within optional bounds.
fn within(min: Option<f64>, max: Option<f64>, len: usize) -> bool {
    let len = len as f64;
    min.is_none_or(|m| len >= m) && max.is_none_or(|m| len <= m)
}

/// Length, enum and pattern of a string: a value (`value` is its node), or a map key (`value` is
/// `None`, `span` is the name's).
fn check_string(
    ctx: &mut Ctx<'_>,
    shape: &Shape,
    s: &str,
    span: (usize, usize),
    value: Option<Value<'_>>,
    path: &Path<'_>,
) {
    let (min, max) = (shape.min.get(ctx.edition), shape.max.get(ctx.edition));
    if min.is_none() && max.is_none() && shape.enum_values.is_empty() && shape.pattern.is_none() {
        return;
    }
    let len = if s.is_ascii() {
        s.len()
    } else {
        s.chars().count()
    };
    let is_key = value.is_none();
    // For a map key, name the key itself; for a value, the member it belongs to.
    let subject = || {
        if is_key {
            format!("key {}", text::quote(s))
        } else {
            path.display()
        }
    };
    let mut failed = false;
    let too_short = min.is_some_and(|m| (len as f64) < m);
    if too_short || max.is_some_and(|m| len as f64 > m) {
        failed = true;
        let extra = if s.len() != len {
            format!(" ({} bytes in UTF-8)", s.len())
        } else {
            String::new()
        };
        ctx.report(
            &LENGTH,
            path.pointer(),
            span,
            format!(
                "{} must be {} characters long (Unicode code points); it has {len}{extra}",
                subject(),
                range_text(min, max)
            ),
            edition_hint(ctx.edition, shape, len as f64),
        );
    }
    if !shape.enum_values.is_empty() && !shape.enum_values.contains(&s) {
        failed = true;
        let suggestion = suggest(s, shape.enum_values.iter().copied());
        let help =
            suggestion.map(|c| format!("did you mean `{c}`? (enum values are case-sensitive)"));
        let fix = suggestion.filter(|_| !is_key).map(|c| {
            Fix::replace(
                format!("replace with `{c}`"),
                if c.eq_ignore_ascii_case(s) {
                    Applicability::Safe
                } else {
                    Applicability::Suggested
                },
                span.0..span.1,
                text::json_string(c),
            )
        });
        ctx.report(
            &ENUM,
            path.pointer(),
            span,
            format!(
                "{} must be one of {}; found {}",
                path.display(),
                shape.enum_values.join(", "),
                text::quote(s)
            ),
            help,
        )
        .fix_opt(fix);
    }
    if let Some(p) = shape.pattern {
        // An empty value already failed the length check; the pattern adds nothing.
        if !(p.is_full_match(s) || too_short && s.is_empty()) {
            failed = true;
            if s.is_empty() {
                ctx.report(
                    &PATTERN,
                    path.pointer(),
                    span,
                    format!(
                        "{} must not be empty: its pattern {} needs at least one character",
                        subject(),
                        p.model
                    ),
                    Some(format!(
                        "write a value, or leave `{}` out",
                        path.last_name()
                    )),
                );
            } else {
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
                    path.pointer(),
                    span,
                    format!(
                        "{}{} must contain {} (pattern {}, matched against the whole value){detail}",
                        subject(),
                        if is_key { String::new() } else { format!(" {}", text::quote(s)) },
                        p.allows,
                        p.model
                    ),
                    None,
                );
            }
        }
    }
    if failed && let Some(v) = value {
        ctx.mark_invalid(v);
    }
}

fn describe_char(s: &str, i: usize) -> String {
    let c = s.chars().nth(i).unwrap_or(' ');
    format!("'{}' (U+{:04X})", text::escape(&c.to_string()), c as u32)
}

/// Whether `name` is a typo of `known` close enough for a mechanical rename: another case, a
/// known CloudFormation spelling, or a few edits (at most a quarter of the name). `known` is an
/// ASCII model name, so ASCII case mapping suffices (as in [`suggest`]).
fn is_typo(name: &str, known: &str) -> bool {
    let (a, b) = (name.to_ascii_lowercase(), known.to_ascii_lowercase());
    let cfn = matches!(a.as_str(), "exponentialrolloutrate" | "retrycriterialist");
    cfn || strsim::damerau_levenshtein(&a, &b) <= (b.chars().count() / 4).max(1)
}

/// What a member holds, in words, for a message about a missing member.
fn kind_text(shape: &Shape) -> &'static str {
    match shape.kind {
        ShapeKind::Structure(_) | ShapeKind::Map { .. } => "an object",
        ShapeKind::List(_) => "an array",
        ShapeKind::String => "a string",
        ShapeKind::Integer | ShapeKind::Long | ShapeKind::Double => "a number",
        ShapeKind::Boolean => "true or false",
        ShapeKind::Timestamp => "a timestamp",
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

#[cfg(test)]
mod case_mapping_tests {
    use super::{is_typo, suggest};
    use proptest::prelude::*;

    /// [`suggest`] as it was with Unicode case mapping (`str::to_lowercase`).
    fn suggest_unicode<'n>(name: &str, candidates: &[&'n str]) -> Option<&'n str> {
        if name.len() > 64 {
            return None;
        }
        if let Some(c) = candidates.iter().find(|c| c.eq_ignore_ascii_case(name)) {
            return Some(c);
        }
        let lower = name.to_lowercase();
        let cfn = match lower.as_str() {
            "exponentialrolloutrate" => Some("exponentialRate"),
            "retrycriterialist" => Some("criteriaList"),
            _ => None,
        };
        if let Some(c) = cfn.and_then(|c| candidates.iter().find(|m| **m == c)) {
            return Some(c);
        }
        candidates
            .iter()
            .map(|c| (strsim::jaro_winkler(&lower, &c.to_lowercase()), *c))
            .filter(|(score, _)| *score >= 0.85)
            .max_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, c)| c)
    }

    /// [`is_typo`] as it was with Unicode case mapping.
    fn is_typo_unicode(name: &str, known: &str) -> bool {
        let (a, b) = (name.to_lowercase(), known.to_lowercase());
        let cfn = matches!(a.as_str(), "exponentialrolloutrate" | "retrycriterialist");
        cfn || strsim::damerau_levenshtein(&a, &b) <= (b.chars().count() / 4).max(1)
    }

    const NAMES: [&str; 8] = [
        "jobId",
        "targets",
        "roleArn",
        "exponentialRate",
        "criteriaList",
        "documentSource",
        "description",
        "abortConfig",
    ];

    /// Characters mixed into the names: ASCII, and non-ASCII letters with and without case.
    const ALPHABET: [char; 14] = [
        'a', 'E', 'i', 'o', 'T', '_', 'ö', 'Ö', 'ß', 'é', 'É', 'ſ', 'ǅ', 'Σ',
    ];

    /// A model name with a few edits and case flips.
    fn near_miss() -> impl Strategy<Value = String> {
        (
            prop::sample::select(&NAMES[..]),
            prop::collection::vec(
                (
                    any::<prop::sample::Index>(),
                    prop::sample::select(&ALPHABET[..]),
                    0u8..3,
                ),
                0..4,
            ),
            any::<u64>(),
        )
            .prop_map(|(name, edits, flips)| {
                let mut chars: Vec<char> = name.chars().collect();
                for (at, c, op) in edits {
                    let i = at.index(chars.len() + 1);
                    match op {
                        0 if i < chars.len() => chars[i] = c,
                        1 => chars.insert(i, c),
                        _ if i < chars.len() => {
                            chars.remove(i);
                        }
                        _ => {}
                    }
                }
                chars
                    .iter()
                    .enumerate()
                    .map(|(i, c)| {
                        if flips >> (i % 64) & 1 == 1 {
                            c.to_uppercase().next().unwrap_or(*c)
                        } else {
                            *c
                        }
                    })
                    .collect()
            })
    }

    proptest! {
        /// Only U+212A KELVIN SIGN and U+0130 (capital I with dot) lower-case to ASCII letters,
        /// so for every other name ASCII case mapping gives the same suggestions and renames.
        #[test]
        fn ascii_case_mapping_changes_nothing(name in near_miss()) {
            prop_assert_eq!(suggest(&name, NAMES.iter().copied()), suggest_unicode(&name, &NAMES));
            for known in NAMES {
                prop_assert_eq!(is_typo(&name, known), is_typo_unicode(&name, known), "{}", known);
            }
        }
    }

    /// Non-ASCII user text: a non-ASCII letter is one edit, in any case; the Kelvin sign and the
    /// dotted capital I no longer pass for `k` and `i` (the service compares names exactly, so
    /// they are edits too, and still close enough for a suggestion).
    #[test]
    fn non_ascii_names() {
        let names = || NAMES.iter().copied();
        assert_eq!(suggest("jöbId", names()), Some("jobId"));
        assert_eq!(suggest("JÖBID", names()), Some("jobId"));
        assert_eq!(suggest("ROLEARN", names()), Some("roleArn"));
        assert_eq!(suggest("jobİd", names()), Some("jobId"));
        assert_eq!(suggest("abortConfig\u{212A}", names()), Some("abortConfig"));
        assert_eq!(suggest("ΣΣΣΣΣ", names()), None);
        assert!(is_typo("TARGETS", "targets"));
        assert!(is_typo("tärgets", "targets"));
        assert!(!is_typo("ÄÖÜÄÖÜ", "targets"));
    }
}
