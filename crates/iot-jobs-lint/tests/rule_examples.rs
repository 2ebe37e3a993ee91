//! Every rule's example (`RuleInfo::example`, shown in `docs/rules.md`) does what it claims: the
//! failing input gets the rule's code, and the passing input, the same request fixed, gets neither
//! that code nor any error. Both go through the public `lint` with the example's own options
//! (operation, edition, and `EXAMPLE_NOW` as the current time).
#![cfg(feature = "examples")]

use iot_jobs_lint::registry::{self, Example, RuleInfo};
use iot_jobs_lint::{Report, Severity, lint};

/// The rules that have no example, each with the reason. A rule added without an example fails
/// `every_rule_has_an_example` until it gets one or is listed here.
const EXPECTED_MISSING: &[(&str, &str)] = &[
    // Its failing input must be bytes that are not UTF-8 (a Latin-1 `ü`, a UTF-16 file), which
    // `Example::fail`, a `&str`, cannot hold, and neither can the JSON listing of the rules or a
    // Markdown code block. The corpus covers the rule (tests/corpus/json/invalid-utf8-*.json).
    (
        "json/invalid-utf8",
        "the failing input is not UTF-8, so it cannot be a &str",
    ),
    // Its failing input is larger than the 4 MiB default limit: too large to show in the rules
    // reference. tests/no_panic.rs (`input_over_the_limit_is_refused`) covers it with a small
    // limit.
    (
        "input/too-large",
        "the failing input is over 4 MiB, too large to show",
    ),
    // Its failing input needs more than 100 diagnostics of one rule, and the reference would
    // list all of them. tests/no_panic.rs (`diagnostics_are_capped_per_rule`) covers it.
    (
        "input/too-many-diagnostics",
        "the failing input needs over 100 diagnostics of one rule, too long to show",
    ),
    // It fires only in a build without the `templates` feature (the npm package's library
    // module); in this one its failing input is checked as the template it is.
    // `rules::input::without_templates` and pkg/test/linter.test.mjs cover it.
    (
        "input/template-not-checked",
        "it fires only in a build without template support, not in the one that runs examples",
    ),
    // Its failing input is a template over CloudFormation's 1 MB limit, too large to show; the
    // corpus covers it (tests/corpus/cfn-size/).
    (
        "cfn/template-too-large",
        "the failing input is over 1 MB, too large to show",
    ),
];

/// Rules whose passing example may still get warnings of other rules, each with the reason.
/// Empty: every passing example is a clean request. Add a rule here only when no clean fix of
/// its failing input exists.
const PASS_MAY_WARN: &[(&str, &str)] = &[];

/// The rules that carry an example, with it.
fn examples() -> impl Iterator<Item = (&'static RuleInfo, Example)> {
    registry::all()
        .iter()
        .filter_map(|rule| rule.example.map(|example| (rule, example)))
}

/// Checks `input` as the example says.
fn check(input: &str, example: &Example) -> Report {
    lint(input.as_bytes(), &example.options())
}

/// One line per diagnostic, for failure messages.
fn listing(report: &Report) -> String {
    if report.diagnostics.is_empty() {
        return "    (no diagnostics)".into();
    }
    report
        .diagnostics
        .iter()
        .map(|d| {
            format!(
                "    {}[{}] {} ({}:{}): {}",
                d.severity, d.code, d.pointer, d.line, d.column, d.message
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn failing_examples_get_their_rule() {
    let mut wrong = Vec::new();
    for (rule, example) in examples() {
        let report = check(example.fail, &example);
        if !report.diagnostics.iter().any(|d| d.code == rule.code) {
            wrong.push(format!(
                "{}: the failing example does not get `{}`; it gets:\n{}",
                rule.code,
                rule.code,
                listing(&report)
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn passing_examples_are_clean() {
    let mut wrong = Vec::new();
    for (rule, example) in examples() {
        let report = check(example.pass, &example);
        let own = report.diagnostics.iter().any(|d| d.code == rule.code);
        let errors = report
            .diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error);
        let may_warn = PASS_MAY_WARN.iter().any(|(code, _)| *code == rule.code);
        if own || errors || (!may_warn && !report.diagnostics.is_empty()) {
            wrong.push(format!(
                "{}: the passing example should get no diagnostic{}; it gets:\n{}",
                rule.code,
                if may_warn {
                    " of its own rule and no error"
                } else {
                    ""
                },
                listing(&report)
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn examples_show_a_change() {
    for (rule, example) in examples() {
        assert_ne!(
            example.fail, example.pass,
            "{}: the passing example repeats the failing one",
            rule.code
        );
    }
}

#[test]
fn pass_may_warn_names_rules_with_examples() {
    for (code, reason) in PASS_MAY_WARN {
        assert!(!reason.is_empty(), "{code}: give the reason");
        assert!(
            registry::find(code).is_some_and(|r| r.example.is_some()),
            "{code} is listed in PASS_MAY_WARN but has no example"
        );
    }
}

#[test]
fn every_rule_has_an_example() {
    let missing: Vec<&str> = registry::all()
        .iter()
        .filter(|r| r.example.is_none())
        .map(|r| r.code)
        .collect();
    let expected: Vec<&str> = EXPECTED_MISSING.iter().map(|(code, _)| *code).collect();
    assert_eq!(
        missing, expected,
        "every rule needs a failing and a passing example (RuleInfo::example); list a rule in EXPECTED_MISSING, with the reason, only when it cannot have one"
    );
    for (code, reason) in EXPECTED_MISSING {
        assert!(registry::find(code).is_some(), "{code} is not a rule");
        assert!(!reason.is_empty(), "{code}: give the reason");
    }
}
