//! The rule registry: every diagnostic code, its severity, a summary and its source.
//!
//! Codes are `family/name`; the family is the module under `rules` (private) that implements the
//! rule (`schedule/start-too-soon` → `rules::schedule`). Each entry carries a failing and a
//! passing [`Example`]. `docs/rules.md` is generated from this list (`iot-jobs-lint rules --format
//! markdown`), examples and the diagnostics they produce included, and a test keeps it in sync.

use crate::diagnostic::Severity;
use crate::rules;
use crate::{Edition, LintOptions, Operation};
use chrono::{DateTime, Utc};
use serde::Serialize;
use std::sync::OnceLock;

/// A failing and a passing input for one rule, shown in the rules reference and run by a test:
/// the failing input gets the rule's code, the passing one does not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Example {
    /// The operation both inputs are checked as; `None` lets the linter tell it from the content
    /// (what the CLI does without `--operation`), which `input/operation-unknown` needs: that rule
    /// only fires when nobody named the operation.
    pub operation: Option<Operation>,
    /// The service-model edition both inputs are checked against.
    pub service_model: Edition,
    /// An input that breaks the rule.
    pub fail: &'static str,
    /// The same input, fixed.
    pub pass: &'static str,
}

/// A rule's example as the registry keeps it: `Some` with the `examples` feature (on by default),
/// `None` without it, so a size-sensitive build (the npm package's WebAssembly) carries none of
/// the example texts.
pub const fn example(e: Example) -> Option<Example> {
    if cfg!(feature = "examples") {
        Some(e)
    } else {
        None
    }
}

/// The `now` every example is checked at: `2026-01-01T00:00:00Z`.
pub const EXAMPLE_NOW: &str = "2026-01-01T00:00:00Z";

impl Example {
    /// The options both inputs are checked with: the example's operation and edition, and
    /// [`EXAMPLE_NOW`] as the current time, so that the scheduling rules judge them the same way
    /// on every run.
    pub fn options(&self) -> LintOptions {
        LintOptions {
            operation: self.operation,
            service_model: self.service_model,
            ..LintOptions::new(example_now())
        }
    }
}

/// [`EXAMPLE_NOW`] as an instant.
fn example_now() -> DateTime<Utc> {
    // A constant that parses (the rule-example test would fail on the epoch fallback). RFC 3339
    // by hand, not `str::parse`, whose relaxed reading links chrono's whole format parser.
    iot_jobs_lint_model::rfc3339::parse(EXAMPLE_NOW)
        .map_or(DateTime::<Utc>::UNIX_EPOCH, |t| t.to_utc())
}

/// Static description of one rule (one diagnostic code), declared once beside the code that
/// checks it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RuleInfo {
    /// Stable hierarchical code, `family/name` (for example `model/range`).
    pub code: &'static str,
    /// Default severity of the diagnostics this rule emits.
    pub severity: Severity,
    /// One-line summary in our own words.
    pub summary: &'static str,
    /// Where the constraint comes from: a service model trait, an API reference page, a developer
    /// guide page, and `inferred` where the service's behaviour is deduced rather than stated.
    pub source: &'static str,
    /// Whether a JSON Schema validator can express this rule (the exported schemas carry it).
    pub json_schema: bool,
    /// The machine-applicable fix the rule's diagnostics carry, in words, starting with its
    /// applicability (`safe: …`, `suggested: …`); `None` when the rule offers no fix.
    pub fix: Option<&'static str>,
    /// A failing and a passing input.
    pub example: Option<Example>,
}

/// Every rule, grouped by family in a fixed order.
pub fn all() -> &'static [RuleInfo] {
    static ALL: OnceLock<Vec<RuleInfo>> = OnceLock::new();
    ALL.get_or_init(|| {
        let cron = rules::cron::rules();
        [
            rules::json::RULES,
            rules::input::RULES,
            rules::cfn::RULES,
            rules::model::RULES,
            rules::document::RULES,
            rules::presigned_url::RULES,
            rules::schedule::RULES,
            &cron,
            rules::window::RULES,
            rules::rollout::RULES,
            rules::abort::RULES,
            rules::retry::RULES,
            rules::timeout::RULES,
            rules::targets::RULES,
            rules::tags::RULES,
            rules::packages::RULES,
            rules::describe::RULES,
        ]
        .concat()
    })
}

/// Looks a rule up by its code.
pub fn find(code: &str) -> Option<&'static RuleInfo> {
    all().iter().find(|r| r.code == code)
}

/// The rules reference as Markdown (the content of `docs/rules.md`): a summary table whose codes
/// link to one section per rule, with the rule's severity, summary, source and fix, and its
/// example: the failing input, what the linter reports for it (computed here, by linting it), and
/// the passing input.
pub fn markdown() -> String {
    let mut out = String::from(
        "# Rules reference\n\n<!-- Generated by `iot-jobs-lint rules --format markdown`; a test keeps it in sync. -->\n\n\
         Severity: **error** where the service model or the AWS IoT API reference states the constraint; \
         **warning** where the service's behaviour is inferred (developer guide prose, observed behaviour). \
         \"JSON Schema\" tells whether the exported JSON Schema can carry the rule; the others need the linter.\n\n\
         Each code links to the rule's section, which shows a request that breaks the rule, what the linter \
         reports for it, and the same request fixed. ",
    );
    out.push_str(&format!(
        "The examples are checked with `now` = {EXAMPLE_NOW}, and a test keeps them true.\n\n"
    ));
    out.push_str(
        "| Code | Severity | What it checks | Source | JSON Schema |\n|---|---|---|---|---|\n",
    );
    for r in all() {
        out.push_str(&format!(
            "| [`{}`](#{}) | {} | {} | {} | {} |\n",
            r.code,
            anchor(r.code),
            r.severity,
            r.summary.replace('|', "\\|"),
            r.source.replace('|', "\\|"),
            if r.json_schema { "yes" } else { "no" }
        ));
    }
    out.push_str("\n## Rules\n");
    for r in all() {
        section(&mut out, r, true, true);
    }
    out
}

/// One rule's section of the rules reference (the `explain` command), without links to the
/// other sections.
pub fn rule_markdown(r: &RuleInfo) -> String {
    let mut out = String::new();
    section(&mut out, r, false, true);
    out.trim_start().to_string()
}

/// A rule's help in Markdown without its examples (what it checks, severity, source, fix): a
/// SARIF rule's `help.markdown`, the same in every build (the npm package's leaves the examples
/// out).
pub fn rule_help_markdown(r: &RuleInfo) -> String {
    let mut out = String::new();
    section(&mut out, r, false, false);
    out.trim_start().to_string()
}

/// The fragment GitHub gives the heading `` ### `code` ``: the code without its backticks and
/// `/` (codes are lower case, digits, `-` and one `/`).
fn anchor(code: &str) -> String {
    code.chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect()
}

/// Appends the section of one rule to the rules reference; `links`: other codes link to their
/// sections (inside the whole reference); `examples`: the failing and passing examples follow.
fn section(out: &mut String, r: &RuleInfo, links: bool, examples: bool) {
    out.push_str(&format!(
        "\n### `{}`\n\n{}\n\n- Severity: **{}**\n- JSON Schema: {}\n- Source: {}\n",
        r.code,
        r.summary,
        r.severity,
        if r.json_schema { "yes" } else { "no" },
        r.source
    ));
    if let Some(fix) = r.fix {
        out.push_str(&format!("- Fix: {fix}\n"));
    }
    let Some(example) = r.example.filter(|_| examples) else {
        return;
    };
    let options = example.options();
    let checked_as = match example.operation {
        Some(op) => format!(
            "checked as a {} {}",
            op.api_name(),
            if op.is_request() {
                "request"
            } else {
                "response"
            }
        ),
        None if crate::is_template(example.fail) => "a CloudFormation template".to_string(),
        None => "operation detected from the content".to_string(),
    };
    // A CloudFormation example is YAML; every other one is a JSON request or response.
    let lang = if crate::is_template(example.fail) && !example.fail.starts_with('{') {
        "yaml"
    } else {
        "json"
    };
    out.push_str(&format!(
        "\nFails ({checked_as}, service model `{}`):\n\n```{lang}\n{}\n```\n",
        example.service_model,
        example.fail.trim_end()
    ));
    let report = crate::lint(example.fail.as_bytes(), &options);
    let own: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| d.code == r.code)
        .collect();
    if !own.is_empty() {
        out.push_str("\n```text\n");
        for d in own {
            let at = if d.pointer.is_empty() {
                String::new()
            } else {
                format!(" {}", d.pointer)
            };
            out.push_str(&format!(
                "{}[{}]{at} (line {}, column {}): {}\n",
                d.severity, d.code, d.line, d.column, d.message
            ));
            if let Some(help) = &d.help {
                out.push_str(&format!("help: {help}\n"));
            }
        }
        out.push_str("```\n");
    }
    let mut others: Vec<&str> = Vec::new();
    for d in &report.diagnostics {
        let code = d.code.as_str();
        if code != r.code && !others.contains(&code) {
            others.push(code);
        }
    }
    if !others.is_empty() {
        let links: Vec<String> = others
            .iter()
            .map(|c| {
                if links {
                    format!("[`{c}`](#{})", anchor(c))
                } else {
                    format!("`{c}`")
                }
            })
            .collect();
        out.push_str(&format!(
            "\nThe failing input also gets {}.\n",
            links.join(", ")
        ));
    }
    out.push_str(&format!(
        "\nPasses (fixed):\n\n```{lang}\n{}\n```\n",
        example.pass.trim_end()
    ));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anchors_are_unique_and_follow_the_heading() {
        let mut seen = std::collections::HashSet::new();
        for r in all() {
            assert!(seen.insert(anchor(r.code)), "{}: anchor taken", r.code);
        }
        assert_eq!(anchor("schedule/start-too-soon"), "schedulestart-too-soon");
    }

    #[test]
    fn example_now_is_the_documented_instant() {
        assert_eq!(example_now().to_rfc3339(), "2026-01-01T00:00:00+00:00");
    }
}
