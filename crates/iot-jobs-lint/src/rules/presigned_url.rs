//! `presigned-url/*`: S3 pre-signed URL placeholders in the job document and the role that
//! lets AWS IoT sign them.

use super::{Ctx, job_scope, object, string};
use crate::diagnostic::Severity;
use crate::registry::RuleInfo;
use crate::source::{self, offset_in_literal};
use jsonc_parser::ast::Object;

/// `presigned-url/missing-config`
pub const MISSING_CONFIG: RuleInfo = RuleInfo {
    code: "presigned-url/missing-config",
    severity: Severity::Warning,
    summary: "The job document uses `${aws:iot:s3-presigned-url:…}` placeholders but there is no `presignedUrlConfig.roleArn`, so AWS IoT cannot sign the URLs and devices receive the raw placeholder.",
    source: "developer guide: presigned Amazon S3 URLs in job documents need an IAM role in presignedUrlConfig; inferred: the service accepts the job anyway",
    json_schema: false,
};
/// `presigned-url/placeholder-syntax`
pub const PLACEHOLDER_SYNTAX: RuleInfo = RuleInfo {
    code: "presigned-url/placeholder-syntax",
    severity: Severity::Warning,
    summary: "A pre-signed URL placeholder is malformed: not closed by `}`, not an `https://` S3 URL, or (for `s3-presigned-url-v2`) not of the form `https://s3.REGION.amazonaws.com/BUCKET/KEY`.",
    source: "developer guide: job document placeholders for presigned URLs; inferred: a malformed placeholder is passed through unreplaced",
    json_schema: false,
};
/// `presigned-url/role-arn-format`
pub const ROLE_ARN_FORMAT: RuleInfo = RuleInfo {
    code: "presigned-url/role-arn-format",
    severity: Severity::Warning,
    summary: "`presignedUrlConfig.roleArn` does not look like an IAM role ARN (`arn:PARTITION:iam::ACCOUNT:role/NAME`).",
    source: "API reference: PresignedUrlConfig.roleArn is the ARN of an IAM role; inferred: the model only bounds its length",
    json_schema: false,
};

/// The rules of this family.
pub const RULES: &[RuleInfo] = &[MISSING_CONFIG, PLACEHOLDER_SYNTAX, ROLE_ARN_FORMAT];

const PREFIX: &str = "${aws:iot:s3-presigned-url";

pub(crate) fn check(ctx: &mut Ctx<'_>, root: &Object<'_>) {
    let Some((scope, base)) = job_scope(ctx, root) else {
        return;
    };
    let config = object(scope, "presignedUrlConfig");
    if let Some((role, span)) = config.and_then(|c| string(c, "roleArn"))
        && !is_role_arn(role)
    {
        ctx.report(
            &ROLE_ARN_FORMAT,
            format!("{base}/presignedUrlConfig/roleArn"),
            span,
            format!("`roleArn` {} is not an IAM role ARN", source::quote(role)),
            Some("use the ARN of an IAM role that can read the S3 objects, e.g. arn:aws:iam::111122223333:role/IoTJobsS3Access".into()),
        );
    }
    let Some((doc, span)) = string(scope, "document") else {
        return;
    };
    let mut placeholders = 0;
    let mut first_placeholder = None;
    let mut at = 0;
    while let Some(found) = doc[at..].find(PREFIX) {
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
    let has_role = config.is_some_and(|c| source::get(c, "roleArn").is_some());
    if let (Some(at), false) = (first_placeholder, has_role) {
        // Point at the config when it exists (the member is missing there), else at the first
        // placeholder (the reason a role is needed).
        let (span, help) = match config {
            Some(c) => (
                super::opening(c),
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
            source::quote(url)
        ));
    };
    let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
    if !(host.ends_with(".amazonaws.com") || host.ends_with(".amazonaws.com.cn"))
        || !host.contains("s3")
    {
        return Some(format!(
            "the URL in the placeholder must be an Amazon S3 URL; found host {}",
            source::quote(host)
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

/// `arn:PARTITION:iam::ACCOUNT:role/NAME` (the path may contain further `/`).
fn is_role_arn(s: &str) -> bool {
    let parts: Vec<&str> = s.splitn(6, ':').collect();
    matches!(parts.as_slice(), ["arn", partition, "iam", "", account, resource]
        if partition.starts_with("aws")
            && account.len() == 12 && account.bytes().all(|b| b.is_ascii_digit())
            && resource.strip_prefix("role/").is_some_and(|n| !n.is_empty()))
}
