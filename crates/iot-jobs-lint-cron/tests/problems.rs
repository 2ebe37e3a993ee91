//! Every problem code: at least one input that emits it, with the span on the right token,
//! plus the messages and fixes the field reports asked for.

use iot_jobs_lint_cron::{Level, Problem, RULES, codes, parse};
use std::collections::BTreeSet;

/// (input, code, exact text the span must cover)
const CASES: &[(&str, &str, &str)] = &[
    ("", codes::EMPTY, ""),
    ("  \t ", codes::EMPTY, "  \t "),
    ("cron(   )", codes::EMPTY, "cron(   )"),
    ("every sunday 2am", codes::NOT_CRON, "every sunday 2am"),
    ("@weekly", codes::NOT_CRON, "@weekly"),
    ("rate(5 minutes)", codes::RATE_OR_AT, "rate(5 minutes)"),
    (
        "at(2026-03-01T02:00:00)",
        codes::RATE_OR_AT,
        "at(2026-03-01T02:00:00)",
    ),
    ("0 10 * * ? *", codes::MISSING_WRAPPER, "0 10 * * ? *"),
    ("CRON(0 10 * * ? *)", codes::WRAPPER_SYNTAX, "CRON("),
    ("cron (0 10 * * ? *)", codes::WRAPPER_SYNTAX, "cron ("),
    ("cron(0 10 * * ? *", codes::WRAPPER_SYNTAX, "cron("),
    ("cron(0 10 * * ? *) UTC", codes::WRAPPER_SYNTAX, " UTC"),
    (" cron(0 10 * * ? *)", codes::WRAPPER_SYNTAX, " "),
    ("0 12 * * 1-5", codes::UNIX_FIVE_FIELDS, "0 12 * * 1-5"),
    (
        "cron(0 12 * * 1-5)",
        codes::UNIX_FIVE_FIELDS,
        "0 12 * * 1-5",
    ),
    ("0 12 * *", codes::FIELD_COUNT, "0 12 * *"),
    ("cron(0 0 12 * * ? *)", codes::FIELD_COUNT, "0"),
    (
        "cron(0 8, 20 ? * MON *)",
        codes::FIELD_COUNT,
        "0 8, 20 ? * MON *",
    ),
    ("cron(0,10,*,*,?,*)", codes::FIELD_SEPARATOR, "0,10,*,*,?,*"),
    (
        "cron( 0, 10, *, *, ?, * )",
        codes::FIELD_SEPARATOR,
        "0, 10, *, *, ?, *",
    ),
    ("cron(x 10 * * ? *)", codes::FIELD_SYNTAX, "x"),
    ("cron(0 10 * * ? 20é0)", codes::FIELD_SYNTAX, "20é0"),
    ("cron(0 10 ? * MONDAY *)", codes::FIELD_SYNTAX, "MONDAY"),
    ("cron(0 10 1 MON ? *)", codes::FIELD_SYNTAX, "MON"),
    ("cron(0 10 1,,2 * ? *)", codes::FIELD_SYNTAX, "1,,2"),
    ("cron(0 10 1-5W * ? *)", codes::FIELD_SYNTAX, "1-5W"),
    ("cron(0 10 5L * ? *)", codes::FIELD_SYNTAX, "5L"),
    ("cron(0 10 /5 * ? *)", codes::FIELD_SYNTAX, "/5"),
    ("cron(0 10 1/x * ? *)", codes::FIELD_SYNTAX, "x"),
    ("cron(0 24 * * ? *)", codes::FIELD_VALUE, "24"),
    ("cron(60 0 * * ? *)", codes::FIELD_VALUE, "60"),
    ("cron(0 0 32 * ? *)", codes::FIELD_VALUE, "32"),
    ("cron(0 0 1 13 ? *)", codes::FIELD_VALUE, "13"),
    ("cron(0 0 ? * 0 *)", codes::FIELD_VALUE, "0"),
    ("cron(0 0 ? * 8 *)", codes::FIELD_VALUE, "8"),
    ("cron(0 0 1 * ? 1969)", codes::FIELD_VALUE, "1969"),
    ("cron(0 0 1 * ? 2200)", codes::FIELD_VALUE, "2200"),
    (
        "cron(0 0 1-99999999999999999999 * ? *)",
        codes::FIELD_VALUE,
        "99999999999999999999",
    ),
    ("cron(0 0 ? * 6#6 *)", codes::FIELD_VALUE, "6"),
    ("cron(0 0 ? * 9#2 *)", codes::FIELD_VALUE, "9"),
    ("cron(0 0 0W * ? *)", codes::FIELD_VALUE, "0"),
    ("cron(0 L * * ? *)", codes::OPERATOR_PLACEMENT, "L"),
    ("cron(0 0 1# * ? *)", codes::OPERATOR_PLACEMENT, "#"),
    ("cron(0 0 ? * 2W *)", codes::OPERATOR_PLACEMENT, "W"),
    ("cron(0 0 1 L ? *)", codes::OPERATOR_PLACEMENT, "L"),
    ("cron(? 0 1 * ? *)", codes::QUESTION_MARK_PLACEMENT, "?"),
    ("cron(0 0 ?,1 * ? *)", codes::QUESTION_MARK_PLACEMENT, "?"),
    ("cron(0 0 1 * ?/2 *)", codes::QUESTION_MARK_PLACEMENT, "?"),
    (
        "cron(0 0 1 * ? 2030,?)",
        codes::QUESTION_MARK_PLACEMENT,
        "?",
    ),
    ("cron(0 22-2 * * ? *)", codes::RANGE_REVERSED, "22-2"),
    ("cron(0 0 ? * FRI-MON *)", codes::RANGE_REVERSED, "FRI-MON"),
    (
        "cron(0 0 1 * ? 2030-2025)",
        codes::RANGE_REVERSED,
        "2030-2025",
    ),
    ("cron(*/0 0 1 * ? *)", codes::STEP, "0"),
    ("cron(0/61 0 1 * ? *)", codes::STEP, "61"),
    ("cron(0 0/ 1 * ? *)", codes::STEP, "0/"),
    ("cron(0 0 L-3 * ? *)", codes::LAST_OFFSET, "L-3"),
    ("cron(0 0 L,15 * ? *)", codes::SPECIAL_COMBINED, "L"),
    ("cron(0 0 1,15W * ? *)", codes::SPECIAL_COMBINED, "15W"),
    ("cron(0 0 ? * 2,6L *)", codes::SPECIAL_COMBINED, "6L"),
    ("cron(0 0 ? * 6#3,2#1 *)", codes::HASH_MULTIPLE, "6#3,2#1"),
    ("cron(0 0 ? * MON,6#3 *)", codes::HASH_MULTIPLE, "MON,6#3"),
    ("cron(34 12 * * SAT *)", codes::DAY_FIELDS, "* * SAT"),
    ("cron(0 0 ? * ? *)", codes::DAY_FIELDS, "? * ?"),
    ("cron(0 0 * * * *)", codes::DAY_FIELDS, "* * *"),
    ("cron(0 0 30 2 ? *)", codes::NEVER_FIRES, "0 0 30 2 ? *"),
    (
        "cron(0 0 31 4,6,9,11 ? *)",
        codes::NEVER_FIRES,
        "0 0 31 4,6,9,11 ? *",
    ),
    ("cron(* 10 * * ? *)", codes::EVERY_MINUTE, "*"),
    ("cron(0/1 8-17 ? * MON-FRI *)", codes::EVERY_MINUTE, "0/1"),
    ("cron(0-59 3 * * ? *)", codes::EVERY_MINUTE, "0-59"),
    ("cron(0 0 31 * ? *)", codes::MONTH_SKIPPED, "31 *"),
    ("cron(0 0 30 1-3 ? *)", codes::MONTH_SKIPPED, "30 1-3"),
];

fn find<'a>(problems: &'a [Problem], code: &str) -> Option<&'a Problem> {
    problems.iter().find(|p| p.code == code)
}

#[test]
fn every_case_emits_its_code_on_the_right_token() {
    for &(input, code, token) in CASES {
        let parsed = parse(input);
        let problem = find(&parsed.problems, code)
            .unwrap_or_else(|| panic!("{input:?}: no {code} in {:#?}", parsed.problems));
        assert_eq!(
            &input[problem.start..problem.end],
            token,
            "{input:?}: span of {code} ({}..{})",
            problem.start,
            problem.end
        );
        let level = RULES
            .iter()
            .find(|r| r.0 == code)
            .map(|r| r.1)
            .unwrap_or_else(|| panic!("{code} missing from RULES"));
        assert_eq!(problem.level, level, "{input:?}: {code}");
        assert_eq!(
            parsed.expression.is_some(),
            !parsed.problems.iter().any(|p| p.level == Level::Error),
            "{input:?}"
        );
        assert!(!problem.message.is_empty());
    }
}

#[test]
fn every_rule_is_covered_and_documented() {
    let covered: BTreeSet<&str> = CASES.iter().map(|c| c.1).collect();
    let listed: BTreeSet<&str> = RULES.iter().map(|r| r.0).collect();
    assert_eq!(covered, listed);
    assert_eq!(listed.len(), RULES.len(), "duplicate code in RULES");
    for (code, _, summary) in RULES {
        assert!(code.starts_with("cron/"), "{code}");
        assert!(summary.len() > 20, "{code}");
    }
}

#[test]
fn warnings_keep_the_expression() {
    for input in [
        "cron(* 10 * * ? *)",
        "cron(0 0 31 * ? *)",
        "cron(0 0 29 2 ? *)",
    ] {
        let parsed = parse(input);
        assert!(parsed.expression.is_some(), "{input}");
        assert!(parsed.problems.iter().all(|p| p.level == Level::Warning));
        assert!(!parsed.problems.is_empty());
    }
}

#[test]
fn valid_inputs_have_no_problems() {
    for input in [
        "cron(0 10 * * ? *)",
        "cron(15 12 * * ? *)",
        "cron(0 18 ? * MON-FRI *)",
        "cron(0 8 1 * ? *)",
        "cron(0/15 * * * ? *)",
        "cron(0/10 * ? * MON-FRI *)",
        "cron(0/5 8-17 ? * MON-FRI *)",
        "cron(0 9 ? * 2#1 *)",
        "cron(15 10 ? * 6L 2002-2005)",
        "cron(0 0 L * ? *)",
        "cron(0 12 LW * ? *)",
        "cron(0 2 15W * ? *)",
        "cron(45 12 ? * 2-6 *)",
        "cron(0 8,20 ? * MON,WED *)",
        "cron(15 10 ? * 6L 2030-2031)",
        "cron(0 0 ? * L *)",
        "cron(0 0 ? jan,Feb,MAR sun-sat */2)",
        "cron( 0 10 * * ? * )",
    ] {
        let parsed = parse(input);
        assert_eq!(parsed.problems, [], "{input}");
        assert_eq!(
            parsed.expression.map(|e| e.text().to_owned()).as_deref(),
            Some(input)
        );
    }
}

#[test]
fn collects_problems_from_every_field() {
    let parsed = parse("cron(60 24 32 13 0 1969)");
    let codes: Vec<&str> = parsed.problems.iter().map(|p| p.code).collect();
    assert_eq!(
        codes.iter().filter(|c| **c == "cron/field-value").count(),
        6
    );
    assert!(codes.contains(&"cron/day-fields"));
    // Sorted by position.
    assert!(parsed.problems.windows(2).all(|w| w[0].start <= w[1].start));
}

#[test]
fn messages_name_field_range_and_token() {
    let parsed = parse("cron(0 24 * * ? *)");
    assert_eq!(
        parsed.problems[0].message,
        "hours field: 24 is out of range 0-23"
    );
    let parsed = parse("cron(0 0 ? * 0 *)");
    assert!(
        parsed.problems[0]
            .message
            .contains("day-of-week field: 0 is out of range 1-7")
    );
    assert!(
        parsed.problems[0]
            .help
            .as_deref()
            .unwrap()
            .contains("Sunday is 1")
    );
}

fn help(input: &str, code: &str) -> String {
    let parsed = parse(input);
    find(&parsed.problems, code)
        .and_then(|p| p.help.clone())
        .unwrap_or_else(|| panic!("{input}: no help for {code}: {:?}", parsed.problems))
}

#[test]
fn helps_carry_corrected_expressions() {
    assert!(help("cron(34 12 * * SAT *)", codes::DAY_FIELDS).ends_with("cron(34 12 ? * SAT *)"));
    assert!(help("cron(0 0 ? * ? *)", codes::DAY_FIELDS).ends_with("cron(0 0 * * ? *)"));
    let both = help("cron(0 0 1 * MON *)", codes::DAY_FIELDS);
    assert!(both.contains("cron(0 0 1 * ? *)") && both.contains("cron(0 0 ? * MON *)"));
    assert!(help("0 12 * * 1-5", codes::UNIX_FIVE_FIELDS).ends_with("cron(0 12 ? * MON-FRI *)"));
    assert!(help("0 3 * * *", codes::UNIX_FIVE_FIELDS).ends_with("cron(0 3 * * ? *)"));
    assert!(help("0 3 * * 0", codes::UNIX_FIVE_FIELDS).ends_with("cron(0 3 ? * SUN *)"));
    assert!(
        help("30 2 * * 5-7", codes::UNIX_FIVE_FIELDS).ends_with("cron(30 2 ? * FRI-SAT,SUN *)")
    );
    assert!(help("0 10 * * ? *", codes::MISSING_WRAPPER).ends_with("cron(0 10 * * ? *)"));
    assert!(help("cron(0,10,*,*,?,*)", codes::FIELD_SEPARATOR).ends_with("cron(0 10 * * ? *)"));
    assert!(help("cron(0 0 12 * * ? *)", codes::FIELD_COUNT).ends_with("cron(0 12 * * ? *)"));
    assert!(
        help("cron(0 8, 20 ? * MON *)", codes::FIELD_COUNT).ends_with("cron(0 8,20 ? * MON *)")
    );
    assert!(help("cron(0 22-2 * * ? *)", codes::RANGE_REVERSED).contains("`22-23,0-2`"));
    assert!(help("cron(0 0 ? * FRI-MON *)", codes::RANGE_REVERSED).contains("`FRI-SAT,SUN-MON`"));
    assert!(help("cron(* 10 * * ? *)", codes::EVERY_MINUTE).ends_with("cron(0 10 * * ? *)"));
    assert!(help("cron(0 0 31 * ? *)", codes::MONTH_SKIPPED).ends_with("cron(0 0 L * ? *)"));
    assert!(help("rate(1 day)", codes::RATE_OR_AT).ends_with("cron(0 0 * * ? *)"));
    assert!(help("rate(6 hours)", codes::RATE_OR_AT).ends_with("cron(0 0/6 * * ? *)"));
    assert!(help("at(2026-03-01T02:30:00)", codes::RATE_OR_AT).ends_with("cron(30 2 1 3 ? 2026)"));
    assert!(help("@daily", codes::NOT_CRON).ends_with("cron(0 0 * * ? *)"));
    assert!(help("CRON(0 10 * * ? *)", codes::WRAPPER_SYNTAX).ends_with("cron(0 10 * * ? *)"));
    assert!(help("cron(0 10 * * ? *", codes::WRAPPER_SYNTAX).ends_with("cron(0 10 * * ? *)"));
}

#[test]
fn field_count_message() {
    let parsed = parse("0 12 * *");
    assert_eq!(parsed.problems.len(), 1);
    assert!(
        parsed.problems[0]
            .message
            .starts_with("4 fields, expected 6")
    );
}

#[test]
fn nested_parentheses_are_reported_not_accepted() {
    let parsed = parse("cron(cron(0 10 * * ? *))");
    assert!(parsed.expression.is_none());
    assert!(
        parsed
            .problems
            .iter()
            .any(|p| p.code == codes::FIELD_SYNTAX)
    );
    let parsed = parse("cron((0 10 * * ? *))");
    assert!(parsed.expression.is_none());
}
