//! Every problem code: at least one input that emits it, with the span on the right token,
//! plus the messages and fixes the field reports asked for, and the machine-applicable
//! suggestions: each one removes its problem, adds no new error, and applying suggestions
//! until none is left reaches a fixed point.

use iot_jobs_lint_cron::{Applicability, Level, Problem, RULES, codes, parse};
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
    ("cron(0 0 ? * 1/2 *)", codes::OPERATOR_PLACEMENT, "/"),
    ("cron(0 0 ? * MON-FRI/2 *)", codes::OPERATOR_PLACEMENT, "/"),
    ("cron(0 0 ? * */9 *)", codes::OPERATOR_PLACEMENT, "/"),
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
    ("cron(0/60 0 1 * ? *)", codes::STEP, "60"),
    ("cron(0 */24 1 * ? *)", codes::STEP, "24"),
    ("cron(0 0 1/32 * ? *)", codes::STEP, "32"),
    ("cron(0 0 1 JAN/13 ? *)", codes::STEP, "13"),
    ("cron(0 0 1 * ? 2026/230)", codes::STEP, "230"),
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
        // The largest step of each field.
        "cron(0/59 */23 1/31 */12 ? 1970/229)",
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

#[test]
fn step_messages_state_the_allowed_range() {
    for (input, message) in [
        (
            "cron(0/60 0 1 * ? *)",
            "minutes field: step 60 in `0/60` is out of range 1-59",
        ),
        (
            "cron(0 */24 1 * ? *)",
            "hours field: step 24 in `*/24` is out of range 1-23",
        ),
        (
            "cron(0 0 1/32 * ? *)",
            "day-of-month field: step 32 in `1/32` is out of range 1-31",
        ),
        (
            "cron(0 0 1 */13 ? *)",
            "month field: step 13 in `*/13` is out of range 1-12",
        ),
        (
            "cron(0 0 1 * ? */230)",
            "year field: step 230 in `*/230` is out of range 1-229",
        ),
        (
            "cron(*/0 0 1 * ? *)",
            "minutes field: step 0 in `*/0` is out of range 1-59; a step must be at least 1",
        ),
    ] {
        let parsed = parse(input);
        let problem = find(&parsed.problems, codes::STEP).unwrap();
        assert_eq!(problem.message, message, "{input}");
    }
    let parsed = parse("cron(0 0 ? * MON/2 *)");
    assert_eq!(parsed.problems.len(), 1, "{:?}", parsed.problems);
    assert_eq!(
        parsed.problems[0].message,
        "day-of-week field: `/` (a step) is not allowed in day-of-week; this field accepts 1-7 or SUN-SAT (1 = Sunday) with `,` `-` `*` `?` `L` `#`"
    );
}

/// (input, code, applicability, replacement): at least one per code that has suggestions.
const FIXES: &[(&str, &str, Applicability, &str)] = &[
    (
        "@weekly",
        codes::NOT_CRON,
        Applicability::Safe,
        "cron(0 0 ? * SUN *)",
    ),
    (
        "rate(5 minutes)",
        codes::RATE_OR_AT,
        Applicability::Suggested,
        "cron(0/5 * * * ? *)",
    ),
    (
        "at(2026-03-01T02:30:00)",
        codes::RATE_OR_AT,
        Applicability::Suggested,
        "cron(30 2 1 3 ? 2026)",
    ),
    (
        "0  10 * * ? *",
        codes::MISSING_WRAPPER,
        Applicability::Safe,
        "cron(0 10 * * ? *)",
    ),
    (
        "CRON(0 10 * * ? *)",
        codes::WRAPPER_SYNTAX,
        Applicability::Safe,
        "cron(0 10 * * ? *)",
    ),
    (
        "cron (0 10 * * ? *)",
        codes::WRAPPER_SYNTAX,
        Applicability::Safe,
        "cron(0 10 * * ? *)",
    ),
    (
        " cron(0 10 * * ? *)\t",
        codes::WRAPPER_SYNTAX,
        Applicability::Safe,
        "cron(0 10 * * ? *)",
    ),
    (
        "cron(0 10 * * ? *",
        codes::WRAPPER_SYNTAX,
        Applicability::Safe,
        "cron(0 10 * * ? *)",
    ),
    (
        "cron(0 10 * * ? *) UTC",
        codes::WRAPPER_SYNTAX,
        Applicability::Suggested,
        "cron(0 10 * * ? *)",
    ),
    (
        "0 12 * * 1-5",
        codes::UNIX_FIVE_FIELDS,
        Applicability::Suggested,
        "cron(0 12 ? * MON-FRI *)",
    ),
    (
        "cron(0 3 * * *)",
        codes::UNIX_FIVE_FIELDS,
        Applicability::Suggested,
        "cron(0 3 * * ? *)",
    ),
    (
        "0 3 * * */2",
        codes::UNIX_FIVE_FIELDS,
        Applicability::Suggested,
        "cron(0 3 ? * SUN,TUE,THU,SAT *)",
    ),
    (
        "0 3 1 * 1-5/2",
        codes::UNIX_FIVE_FIELDS,
        Applicability::Suggested,
        "cron(0 3 1 * ? *)",
    ),
    (
        "cron(0 8, 20 ? * MON *)",
        codes::FIELD_COUNT,
        Applicability::Safe,
        "cron(0 8,20 ? * MON *)",
    ),
    (
        "cron(0 0 12 * * ? *)",
        codes::FIELD_COUNT,
        Applicability::Suggested,
        "cron(0 12 * * ? *)",
    ),
    (
        "cron(0,10,*,*,?,*)",
        codes::FIELD_SEPARATOR,
        Applicability::Safe,
        "cron(0 10 * * ? *)",
    ),
    (
        "cron(0,2,*,*,0)",
        codes::FIELD_SEPARATOR,
        Applicability::Suggested,
        "cron(0 2 ? * SUN *)",
    ),
    (
        "cron(0\u{a0}10 * * ? *)",
        codes::FIELD_SEPARATOR,
        Applicability::Safe,
        "cron(0 10 * * ? *)",
    ),
    (
        "cron(0 10 ? * MONDAY *)",
        codes::FIELD_SYNTAX,
        Applicability::Safe,
        "cron(0 10 ? * MON *)",
    ),
    (
        "cron(0 10 ? * Friday#3 *)",
        codes::FIELD_SYNTAX,
        Applicability::Safe,
        "cron(0 10 ? * FRI#3 *)",
    ),
    (
        "cron(0 10 1 january ? *)",
        codes::FIELD_SYNTAX,
        Applicability::Safe,
        "cron(0 10 1 JAN ? *)",
    ),
    (
        "cron(0 10 1,,2, * ? *)",
        codes::FIELD_SYNTAX,
        Applicability::Safe,
        "cron(0 10 1,2 * ? *)",
    ),
    (
        "cron(0 10 /5 * ? *)",
        codes::FIELD_SYNTAX,
        Applicability::Suggested,
        "cron(0 10 */5 * ? *)",
    ),
    (
        "cron(0 0 ? * 0 *)",
        codes::FIELD_VALUE,
        Applicability::Suggested,
        "cron(0 0 ? * SUN *)",
    ),
    (
        "cron(0 8,24 * * ? *)",
        codes::FIELD_VALUE,
        Applicability::Suggested,
        "cron(0 8,0 * * ? *)",
    ),
    (
        "cron(0 0 1 * ? 26)",
        codes::FIELD_VALUE,
        Applicability::Suggested,
        "cron(0 0 1 * ? 2026)",
    ),
    (
        "cron(0 0 32 * ? *)",
        codes::FIELD_VALUE,
        Applicability::Suggested,
        "cron(0 0 L * ? *)",
    ),
    (
        "cron(0 0 2#1 * ? *)",
        codes::OPERATOR_PLACEMENT,
        Applicability::Safe,
        "cron(0 0 ? * 2#1 *)",
    ),
    (
        "cron(0 0 FRI#3 * * *)",
        codes::OPERATOR_PLACEMENT,
        Applicability::Suggested,
        "cron(0 0 ? * FRI#3 *)",
    ),
    (
        "cron(0 0 ? * */2 *)",
        codes::OPERATOR_PLACEMENT,
        Applicability::Suggested,
        "cron(0 0 ? * SUN,TUE,THU,SAT *)",
    ),
    (
        "cron(0 0 ? * 2-6/2 *)",
        codes::OPERATOR_PLACEMENT,
        Applicability::Suggested,
        "cron(0 0 ? * 2,4,6 *)",
    ),
    (
        "cron(0 0 ? * mon/3 *)",
        codes::OPERATOR_PLACEMENT,
        Applicability::Suggested,
        "cron(0 0 ? * MON,THU *)",
    ),
    (
        "cron(? 0 1 * ? *)",
        codes::QUESTION_MARK_PLACEMENT,
        Applicability::Suggested,
        "cron(* 0 1 * ? *)",
    ),
    (
        "cron(0 0 ?,1 * ? *)",
        codes::QUESTION_MARK_PLACEMENT,
        Applicability::Suggested,
        "cron(0 0 1 * ? *)",
    ),
    (
        "cron(0 22-2 * * ? *)",
        codes::RANGE_REVERSED,
        Applicability::Suggested,
        "cron(0 22-23,0-2 * * ? *)",
    ),
    (
        "cron(0 0 ? * FRI-MON *)",
        codes::RANGE_REVERSED,
        Applicability::Suggested,
        "cron(0 0 ? * FRI-SAT,SUN-MON *)",
    ),
    (
        "cron(0 0 ? * SAT-SUN *)",
        codes::RANGE_REVERSED,
        Applicability::Suggested,
        "cron(0 0 ? * SAT,SUN *)",
    ),
    (
        "cron(50-10/5 0 1 * ? *)",
        codes::RANGE_REVERSED,
        Applicability::Suggested,
        "cron(50-59/5,0-10/5 0 1 * ? *)",
    ),
    (
        "cron(0 0 1 * ? 2030-2025)",
        codes::RANGE_REVERSED,
        Applicability::Suggested,
        "cron(0 0 1 * ? 2025-2030)",
    ),
    (
        "cron(0/60 0 1 * ? *)",
        codes::STEP,
        Applicability::Suggested,
        "cron(0 0 1 * ? *)",
    ),
    (
        "cron(0 8-20/24 * * ? *)",
        codes::STEP,
        Applicability::Suggested,
        "cron(0 8 * * ? *)",
    ),
    (
        "cron(0 0 1 JUN/13 ? *)",
        codes::STEP,
        Applicability::Suggested,
        "cron(0 0 1 JUN ? *)",
    ),
    (
        "cron(0 0 L,15 * ? *)",
        codes::SPECIAL_COMBINED,
        Applicability::Suggested,
        "cron(0 0 L * ? *)",
    ),
    (
        "cron(0 0 ? * MON,6#3 *)",
        codes::HASH_MULTIPLE,
        Applicability::Suggested,
        "cron(0 0 ? * 6#3 *)",
    ),
    (
        "cron(34 12 * * SAT *)",
        codes::DAY_FIELDS,
        Applicability::Suggested,
        "cron(34 12 ? * SAT *)",
    ),
    (
        "cron(0 0 1 * MON *)",
        codes::DAY_FIELDS,
        Applicability::Suggested,
        "cron(0 0 1 * ? *)",
    ),
    (
        "cron(0 0 ? * ? *)",
        codes::DAY_FIELDS,
        Applicability::Suggested,
        "cron(0 0 * * ? *)",
    ),
    (
        "cron(* 10 * * ? *)",
        codes::EVERY_MINUTE,
        Applicability::Suggested,
        "cron(0 10 * * ? *)",
    ),
    (
        "cron(0 0 31 * ? *)",
        codes::MONTH_SKIPPED,
        Applicability::Suggested,
        "cron(0 0 L * ? *)",
    ),
];

#[test]
fn suggestions_have_the_expected_replacement_and_applicability() {
    for &(input, code, applicability, replacement) in FIXES {
        let parsed = parse(input);
        let problem = find(&parsed.problems, code)
            .unwrap_or_else(|| panic!("{input:?}: no {code} in {:#?}", parsed.problems));
        let fix = problem
            .fix
            .as_ref()
            .unwrap_or_else(|| panic!("{input:?}: {code} has no fix: {problem:#?}"));
        assert_eq!(fix.replacement, replacement, "{input:?}: {code}");
        assert_eq!(fix.applicability, applicability, "{input:?}: {code}");
        assert!(!fix.message.is_empty());
    }
}

/// Problems whose help is advice, not an edit, carry no suggestion.
#[test]
fn advice_has_no_suggestion() {
    for (input, code) in [
        ("", codes::EMPTY),
        ("every sunday 2am", codes::NOT_CRON),
        ("rate(7 minutes)", codes::RATE_OR_AT),
        ("0 12 * *", codes::FIELD_COUNT),
        ("cron(x 10 * * ? *)", codes::FIELD_SYNTAX),
        ("cron(0 10 1 MON ? *)", codes::FIELD_SYNTAX),
        ("cron(0 0 ? * 0-5 *)", codes::FIELD_VALUE),
        ("cron(0 0 ? * 6#6 *)", codes::FIELD_VALUE),
        ("cron(0 0 1 * ? 1969)", codes::FIELD_VALUE),
        ("cron(0 L * * ? *)", codes::OPERATOR_PLACEMENT),
        ("cron(0 0 2#1 * MON *)", codes::OPERATOR_PLACEMENT),
        ("cron(0 0 9#1 * ? *)", codes::OPERATOR_PLACEMENT),
        ("cron(0 0 ? * MON/x *)", codes::OPERATOR_PLACEMENT),
        ("cron(*/0 0 1 * ? *)", codes::STEP),
        ("cron(0 0/ 1 * ? *)", codes::STEP),
        ("cron(0 0 L-3 * ? *)", codes::LAST_OFFSET),
        ("cron(0 0 30 2 ? *)", codes::NEVER_FIRES),
    ] {
        let parsed = parse(input);
        let problem = find(&parsed.problems, code)
            .unwrap_or_else(|| panic!("{input:?}: no {code} in {:#?}", parsed.problems));
        assert_eq!(problem.fix, None, "{input:?}: {code}");
    }
}

/// Applies the first suggestion until none is left; `None` if that does not settle.
fn fix_all(input: &str) -> Option<String> {
    let mut text = input.to_owned();
    for _ in 0..12 {
        match parse(&text).problems.into_iter().find_map(|p| p.fix) {
            Some(fix) => text = fix.replacement,
            None => return Some(text),
        }
    }
    None
}

fn error_codes(problems: &[Problem]) -> BTreeSet<&'static str> {
    problems
        .iter()
        .filter(|p| p.level == Level::Error)
        .map(|p| p.code)
        .collect()
}

/// Every suggestion of every input in both tables: it changes the text, its re-parse no longer
/// reports the code it fixed and reports no error code the input did not have, help and
/// suggestion show the same expression, and fixing until nothing is left settles (so applying
/// the suggestions of the result again changes nothing).
#[test]
fn every_suggestion_removes_its_problem_and_settles() {
    let inputs = CASES.iter().map(|c| c.0).chain(FIXES.iter().map(|c| c.0));
    let mut seen = BTreeSet::new();
    for input in inputs {
        let parsed = parse(input);
        let before = error_codes(&parsed.problems);
        for problem in &parsed.problems {
            let Some(fix) = &problem.fix else { continue };
            seen.insert(problem.code);
            let replacement = &fix.replacement;
            assert_ne!(replacement, input, "{input:?}: {problem:#?}");
            let again = parse(replacement);
            assert!(
                find(&again.problems, problem.code).is_none(),
                "{input:?} -> {replacement:?} still has {}: {:#?}",
                problem.code,
                again.problems
            );
            let after = error_codes(&again.problems);
            assert!(
                after.is_subset(&before),
                "{input:?} -> {replacement:?}: new errors {:?}",
                after.difference(&before).collect::<Vec<_>>()
            );
            let help = problem.help.as_deref().unwrap_or("");
            if help.contains("cron(") {
                assert!(
                    help.contains(replacement.as_str()),
                    "{input:?}: help {help:?} does not show {replacement:?}"
                );
            }
            let settled = fix_all(replacement)
                .unwrap_or_else(|| panic!("{input:?}: fixing {replacement:?} does not settle"));
            assert_eq!(fix_all(&settled).as_deref(), Some(settled.as_str()));
        }
        let settled = fix_all(input).unwrap_or_else(|| panic!("{input:?}: fixing does not settle"));
        assert!(
            parse(&settled).problems.iter().all(|p| p.fix.is_none()),
            "{input:?} -> {settled:?}"
        );
    }
    // Every code that can carry a suggestion was exercised.
    let fixable: BTreeSet<&str> = FIXES.iter().map(|c| c.1).collect();
    assert!(fixable.is_subset(&seen));
}

#[test]
fn safe_suggestions_in_the_table_give_valid_expressions() {
    for &(input, _, applicability, replacement) in FIXES {
        if applicability == Applicability::Safe {
            let parsed = parse(replacement);
            assert!(
                !parsed.has_errors(),
                "{input:?} -> {replacement:?}: {:#?}",
                parsed.problems
            );
        }
    }
}
