//! `presigned-url/*`: S3 pre-signed URL placeholders in the job document and the role that
//! lets AWS IoT sign them.

use super::{Ctx, View, string};
use crate::diagnostic::{Applicability, Fix, Severity};
use crate::registry::{Example, RuleInfo, example};
use crate::syntax::offset_in_literal;
use crate::text;
use crate::{Edition, Operation};

/// `presigned-url/missing-config`
pub const MISSING_CONFIG: RuleInfo = RuleInfo {
    code: "presigned-url/missing-config",
    severity: Severity::Warning,
    summary: "The job document uses `${aws:iot:s3-presigned-url:…}` placeholders but there is no `presignedUrlConfig.roleArn`, so AWS IoT cannot sign the URLs and devices receive the raw placeholder.",
    source: "developer guide: presigned Amazon S3 URLs in job documents need an IAM role in presignedUrlConfig; inferred: the service accepts the job anyway",
    json_schema: false,
    fix: None,
    example: example(Example {
        operation: Some(Operation::CreateJob),
        service_model: Edition::Latest,
        fail: r#"{
  "jobId": "firmware-2026-01",
  "targets": ["arn:aws:iot:eu-west-1:123456789012:thinggroup/pumps-line-a"],
  "document": "{\"operation\":\"firmware-update\",\"url\":\"${aws:iot:s3-presigned-url:https://s3.amazonaws.com/example-firmware/pump/fw-2.4.1.bin}\"}"
}"#,
        pass: r#"{
  "jobId": "firmware-2026-01",
  "targets": ["arn:aws:iot:eu-west-1:123456789012:thinggroup/pumps-line-a"],
  "document": "{\"operation\":\"firmware-update\",\"url\":\"${aws:iot:s3-presigned-url:https://s3.amazonaws.com/example-firmware/pump/fw-2.4.1.bin}\"}",
  "presignedUrlConfig": {"roleArn": "arn:aws:iam::123456789012:role/IoTJobsFirmwareDownload", "expiresInSec": 3600}
}"#,
    }),
};
/// `presigned-url/placeholder-syntax`
pub const PLACEHOLDER_SYNTAX: RuleInfo = RuleInfo {
    code: "presigned-url/placeholder-syntax",
    severity: Severity::Warning,
    summary: "A pre-signed URL placeholder is malformed: not closed by `}`, not an `https://` S3 URL, or (for `s3-presigned-url-v2`) not of the form `https://s3.REGION.amazonaws.com/BUCKET/KEY`.",
    source: "developer guide: job document placeholders for presigned URLs; inferred: a malformed placeholder is passed through unreplaced",
    json_schema: false,
    fix: None,
    example: example(Example {
        operation: Some(Operation::CreateJob),
        service_model: Edition::Latest,
        fail: r#"{
  "jobId": "firmware-2026-01",
  "targets": ["arn:aws:iot:eu-west-1:123456789012:thinggroup/pumps-line-a"],
  "document": "{\"operation\":\"firmware-update\",\"url\":\"${aws:iot:s3-presigned-url:http://s3.amazonaws.com/example-firmware/pump/fw-2.4.1.bin}\"}",
  "presignedUrlConfig": {"roleArn": "arn:aws:iam::123456789012:role/IoTJobsFirmwareDownload", "expiresInSec": 3600}
}"#,
        pass: r#"{
  "jobId": "firmware-2026-01",
  "targets": ["arn:aws:iot:eu-west-1:123456789012:thinggroup/pumps-line-a"],
  "document": "{\"operation\":\"firmware-update\",\"url\":\"${aws:iot:s3-presigned-url:https://s3.amazonaws.com/example-firmware/pump/fw-2.4.1.bin}\"}",
  "presignedUrlConfig": {"roleArn": "arn:aws:iam::123456789012:role/IoTJobsFirmwareDownload", "expiresInSec": 3600}
}"#,
    }),
};
/// `presigned-url/role-arn-format`
pub const ROLE_ARN_FORMAT: RuleInfo = RuleInfo {
    code: "presigned-url/role-arn-format",
    severity: Severity::Warning,
    summary: "`presignedUrlConfig.roleArn` does not look like an IAM role ARN (`arn:PARTITION:iam::ACCOUNT:role/NAME`).",
    source: "API reference: PresignedUrlConfig.roleArn is the ARN of an IAM role; inferred: the model only bounds its length",
    json_schema: false,
    fix: None,
    example: example(Example {
        operation: Some(Operation::CreateJob),
        service_model: Edition::Latest,
        fail: r#"{
  "jobId": "firmware-2026-01",
  "targets": ["arn:aws:iot:eu-west-1:123456789012:thinggroup/pumps-line-a"],
  "document": "{\"operation\":\"firmware-update\",\"url\":\"${aws:iot:s3-presigned-url:https://s3.amazonaws.com/example-firmware/pump/fw-2.4.1.bin}\"}",
  "presignedUrlConfig": {"roleArn": "IoTJobsFirmwareDownload", "expiresInSec": 3600}
}"#,
        pass: r#"{
  "jobId": "firmware-2026-01",
  "targets": ["arn:aws:iot:eu-west-1:123456789012:thinggroup/pumps-line-a"],
  "document": "{\"operation\":\"firmware-update\",\"url\":\"${aws:iot:s3-presigned-url:https://s3.amazonaws.com/example-firmware/pump/fw-2.4.1.bin}\"}",
  "presignedUrlConfig": {"roleArn": "arn:aws:iam::123456789012:role/IoTJobsFirmwareDownload", "expiresInSec": 3600}
}"#,
    }),
};

/// `presigned-url/signed-url-in-document`
pub const SIGNED_URL_IN_DOCUMENT: RuleInfo = RuleInfo {
    code: "presigned-url/signed-url-in-document",
    severity: Severity::Warning,
    summary: "The job document embeds an already-signed Amazon S3 URL (`X-Amz-Signature=…`) instead of a `${aws:iot:s3-presigned-url:…}` placeholder: the signature expires (after at most 7 days, often hours), so devices that receive the job late in a slow or scheduled rollout get a dead link.",
    source: "developer guide: presigned Amazon S3 URLs in job documents (AWS IoT signs the placeholder when each device asks for the document); Amazon S3: presigned URLs expire; inferred: the service accepts the job",
    json_schema: false,
    fix: Some("suggested: replace the signed URL with the placeholder for the same object"),
    example: example(Example {
        operation: Some(Operation::CreateJob),
        service_model: Edition::Latest,
        fail: r#"{
  "jobId": "firmware-2026-01",
  "targets": ["arn:aws:iot:eu-west-1:123456789012:thinggroup/pumps-line-a"],
  "document": "{\"operation\":\"firmware-update\",\"url\":\"https://example-firmware.s3.eu-west-1.amazonaws.com/pump/fw-2.4.1.bin?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=3600&X-Amz-Signature=3f2a9c\"}"
}"#,
        pass: r#"{
  "jobId": "firmware-2026-01",
  "targets": ["arn:aws:iot:eu-west-1:123456789012:thinggroup/pumps-line-a"],
  "document": "{\"operation\":\"firmware-update\",\"url\":\"${aws:iot:s3-presigned-url:https://s3.amazonaws.com/example-firmware/pump/fw-2.4.1.bin}\"}",
  "presignedUrlConfig": {"roleArn": "arn:aws:iam::123456789012:role/IoTJobsFirmwareDownload", "expiresInSec": 3600}
}"#,
    }),
};

/// The rules of this family.
pub const RULES: &[RuleInfo] = &[
    MISSING_CONFIG,
    PLACEHOLDER_SYNTAX,
    ROLE_ARN_FORMAT,
    SIGNED_URL_IN_DOCUMENT,
];

const PREFIX: &str = "${aws:iot:s3-presigned-url";
/// The query parameter that marks an already-signed S3 URL.
const SIGNATURE: &str = "X-Amz-Signature=";

/// Searchers for `\u`, [`PREFIX`] and [`SIGNATURE`], built once.
fn finders() -> &'static [memchr::memmem::Finder<'static>; 3] {
    static FINDERS: std::sync::OnceLock<[memchr::memmem::Finder<'static>; 3]> =
        std::sync::OnceLock::new();
    FINDERS.get_or_init(|| {
        [
            memchr::memmem::Finder::new("\\u"),
            memchr::memmem::Finder::new(PREFIX),
            memchr::memmem::Finder::new(SIGNATURE),
        ]
    })
}

pub(crate) fn check(ctx: &mut Ctx<'_>, view: &View<'_>) {
    let base = view.base;
    let config = view.presigned;
    if let Some((role, span)) = config.and_then(|c| string(c, "roleArn"))
        && let Some(problem) = role_arn_problem(&role)
    {
        ctx.report(
            &ROLE_ARN_FORMAT,
            format!("{base}/presignedUrlConfig/roleArn"),
            span,
            format!("`roleArn` {} is not an IAM role ARN: {problem}", text::quote(&role)),
            Some("use the ARN of an IAM role that can read the S3 objects, e.g. arn:aws:iam::111122223333:role/IoTJobsS3Access".into()),
        );
    }
    let Some(doc_value) = view.document else {
        return;
    };
    // Neither marker holds a character that JSON escapes with a letter (`"`, `\`, `/`,
    // controls), so without a `\u` escape in the literal a decoded marker is a raw one: a large
    // document without either is not decoded at all.
    if doc_value.as_str_raw().is_some_and(|raw| {
        let [u_escape, prefix, signature] = finders();
        let raw = raw.as_bytes();
        u_escape.find(raw).is_none() && prefix.find(raw).is_none() && signature.find(raw).is_none()
    }) {
        return;
    }
    let Some(doc) = view.document_text() else {
        return;
    };
    let span = doc_value.span();
    let mut placeholders = 0;
    let mut first_placeholder = None;
    let mut at = 0;
    while let Some(found) = doc.as_bytes().get(at..).and_then(|h| finders()[1].find(h)) {
        let start = at + found;
        placeholders += 1;
        if first_placeholder.is_none() {
            first_placeholder = Some(offset_in_literal(ctx.text(), span.0, start));
        }
        at = start + PREFIX.len();
        if let Some(problem) = placeholder_problem(&doc[start..]) {
            let raw = offset_in_literal(ctx.text(), span.0, start);
            ctx.report(
                &PLACEHOLDER_SYNTAX,
                format!("{base}/document"),
                (raw, raw + PREFIX.len()),
                problem,
                Some("write `${aws:iot:s3-presigned-url:https://s3.amazonaws.com/BUCKET/KEY}` or `${aws:iot:s3-presigned-url-v2:https://s3.REGION.amazonaws.com/BUCKET/KEY}`".into()),
            );
        }
    }
    signed_urls(ctx, base, doc, span);
    let has_role = config.is_some_and(|c| c.has("roleArn"));
    if let (Some(at), false) = (first_placeholder, has_role) {
        // Point at the config when it exists (the member is missing there), else at the first
        // placeholder (the reason a role is needed).
        let (span, help) = match config {
            Some(c) => (
                c.opening(),
                "add \"roleArn\": \"arn:aws:iam::ACCOUNT:role/ROLE\" to `presignedUrlConfig`".to_string(),
            ),
            None => (
                (at, at + PREFIX.len()),
                "add \"presignedUrlConfig\": {\"roleArn\": \"arn:aws:iam::ACCOUNT:role/ROLE\", \"expiresInSec\": 3600}".to_string(),
            ),
        };
        ctx.report(
            &MISSING_CONFIG,
            format!("{base}/presignedUrlConfig/roleArn"),
            span,
            format!(
                "the job document has {placeholders} pre-signed URL placeholder{} but no `presignedUrlConfig.roleArn`; devices would receive the placeholder text instead of a URL",
                if placeholders == 1 { "" } else { "s" }
            ),
            Some(help),
        );
    }
}

/// Already-signed S3 URLs in the document: `https://…amazonaws.com/…?…X-Amz-Signature=…`.
fn signed_urls(ctx: &mut Ctx<'_>, base: &str, doc: &str, literal: (usize, usize)) {
    let mut at = 0;
    while let Some(found) = doc.as_bytes().get(at..).and_then(|h| finders()[2].find(h)) {
        let sig = at + found;
        at = sig + SIGNATURE.len();
        // The URL starts at the last `https://` before the signature and ends at the first
        // character a URL in JSON text cannot hold.
        let Some(start) = doc[..sig].rfind("https://") else {
            continue;
        };
        let end = sig
            + doc[sig..]
                .find(['"', '\\', ' ', '\'', '}', '\n', '\t', '\r', '<', '>'])
                .unwrap_or(doc.len() - sig);
        let url = &doc[start..end];
        if url.contains(char::is_whitespace) {
            continue;
        }
        let Some(object) = s3_object_url(url) else {
            continue;
        };
        let raw_start = offset_in_literal(ctx.text(), literal.0, start);
        let raw_end = offset_in_literal(ctx.text(), literal.0, end);
        let placeholder = format!("${{aws:iot:s3-presigned-url:{object}}}");
        // The replacement must read the same inside the JSON string: the URL holds no character
        // that needs escaping, so the raw text between the offsets is the URL itself.
        let same_raw = ctx.text().get(raw_start..raw_end) == Some(url);
        let fix = same_raw.then(|| {
            Fix::replace(
                "replace the signed URL with a pre-signed URL placeholder",
                Applicability::Suggested,
                raw_start..raw_end,
                placeholder.clone(),
            )
        });
        ctx.report(
            &SIGNED_URL_IN_DOCUMENT,
            format!("{base}/document"),
            (raw_start, raw_end),
            format!(
                "the job document embeds an already-signed S3 URL ({}); its signature expires, so devices that get the job later receive a dead link",
                text::escape(&url[..url.find('?').unwrap_or(url.len())])
            ),
            Some(format!(
                "write the placeholder `{}` and set `presignedUrlConfig.roleArn`: AWS IoT then signs the URL when each device asks for its document",
                text::escape_all(&placeholder)
            )),
        )
        .fix_opt(fix);
    }
}

/// The unsigned path-style URL of the S3 object a signed URL points to
/// (`https://s3.amazonaws.com/BUCKET/KEY`), or `None` when the URL is not an S3 object URL.
fn s3_object_url(url: &str) -> Option<String> {
    let rest = url.strip_prefix("https://")?;
    let (host, path_query) = rest.split_once('/')?;
    let path = &path_query[..path_query.find('?')?];
    if !(host.ends_with(".amazonaws.com") || host.ends_with(".amazonaws.com.cn")) {
        return None;
    }
    let labels: Vec<&str> = host.split('.').collect();
    let s3 = labels
        .iter()
        .position(|l| *l == "s3" || l.starts_with("s3-"))?;
    if s3 == 0 {
        // Path style: https://s3[.REGION].amazonaws.com/BUCKET/KEY
        let (bucket, key) = path.split_once('/')?;
        (!bucket.is_empty() && !key.is_empty())
            .then(|| format!("https://s3.amazonaws.com/{bucket}/{key}"))
    } else {
        // Virtual-hosted style: https://BUCKET.s3[.REGION].amazonaws.com/KEY
        let bucket = labels.get(..s3)?.join(".");
        (!path.is_empty()).then(|| format!("https://s3.amazonaws.com/{bucket}/{path}"))
    }
}

/// What is wrong with the placeholder at the start of `s`, if anything.
fn placeholder_problem(s: &str) -> Option<String> {
    // A URL holds no quote, space or brace, so the placeholder ends at the first of them.
    let end = s
        .find(['}', '"', '\'', ' ', '\n', '\t', '\r'])
        .unwrap_or(s.len());
    if !s[end..].starts_with('}') {
        return Some("pre-signed URL placeholder is not closed by `}`".into());
    }
    let inner = &s[2..end]; // aws:iot:s3-presigned-url[-v2]:URL
    let (v2, url) = if let Some(url) = inner.strip_prefix("aws:iot:s3-presigned-url-v2:") {
        (true, url)
    } else if let Some(url) = inner.strip_prefix("aws:iot:s3-presigned-url:") {
        (false, url)
    } else {
        return Some(format!(
            "unknown placeholder `{}`; expected `s3-presigned-url:` or `s3-presigned-url-v2:` followed by a URL",
            &s[..=end]
        ));
    };
    let Some(rest) = url.strip_prefix("https://") else {
        return Some(format!(
            "the URL in the placeholder must start with https://; found {}",
            text::quote(url)
        ));
    };
    let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
    if !(host.ends_with(".amazonaws.com") || host.ends_with(".amazonaws.com.cn"))
        || !host.contains("s3")
    {
        return Some(format!(
            "the URL in the placeholder must be an Amazon S3 URL; found host {}",
            text::quote(host)
        ));
    }
    if path.is_empty() {
        return Some(
            "the URL in the placeholder names no object (expected /BUCKET/KEY or an object key)"
                .into(),
        );
    }
    if v2 {
        let regional = host
            .strip_prefix("s3.")
            .is_some_and(|r| r.split('.').count() >= 3 && !r.starts_with("amazonaws"));
        if !regional || !path.contains('/') {
            return Some(format!(
                "`s3-presigned-url-v2` needs the full regional path-style URL https://s3.REGION.amazonaws.com/BUCKET/KEY; found https://{rest}"
            ));
        }
    }
    None
}

/// What keeps `s` from being an IAM role ARN `arn:PARTITION:iam::ACCOUNT:role/NAME` (the path
/// may contain further `/`), or `None` when it is one.
fn role_arn_problem(s: &str) -> Option<String> {
    let parts: Vec<&str> = s.splitn(6, ':').collect();
    let ["arn", partition, service, region, account, resource] = parts.as_slice() else {
        return Some("expected arn:PARTITION:iam::ACCOUNT:role/NAME".into());
    };
    if !partition.starts_with("aws") {
        return Some(format!(
            "partition `{}` is not an AWS partition (aws, aws-cn, aws-us-gov)",
            text::escape(partition)
        ));
    }
    if *service != "iam" {
        return Some(format!(
            "service `{}` should be `iam`",
            text::escape(service)
        ));
    }
    if !region.is_empty() {
        return Some(format!(
            "IAM ARNs have no region, found `{}` (write `iam::ACCOUNT`)",
            text::escape(region)
        ));
    }
    if account.len() != 12 || !account.bytes().all(|b| b.is_ascii_digit()) {
        return Some(format!(
            "account `{}` is not a 12-digit AWS account id",
            text::escape(account)
        ));
    }
    match resource.strip_prefix("role/") {
        Some(name) if !name.is_empty() => None,
        Some(_) => Some("the role name after `role/` is missing".into()),
        None => Some(format!(
            "resource `{}` is not a role (expected `role/NAME`)",
            text::escape(resource)
        )),
    }
}
