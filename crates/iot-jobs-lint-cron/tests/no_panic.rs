//! `parse` and the engine never panic, whatever the input, and their outputs stay consistent:
//! spans inside the input on char boundaries, `expression` present exactly when there is no
//! error, and occurrences strictly increasing. Every suggestion parses consistently too, reduces
//! the problems of its code, and applying suggestions one after the other settles.

use chrono::{DateTime, Duration, TimeZone, Utc};
use iot_jobs_lint_cron::{Level, RULES, parse};
use proptest::prelude::*;

fn check(text: &str, from: DateTime<Utc>) -> Result<(), TestCaseError> {
    check_parse(text, from)?;
    check_fixes(text, from)
}

/// Every suggestion changes the text into something that parses consistently and has fewer
/// problems of the code it fixes, and applying suggestions until none is left settles quickly.
fn check_fixes(text: &str, from: DateTime<Utc>) -> Result<(), TestCaseError> {
    let parsed = parse(text);
    let count = |problems: &[iot_jobs_lint_cron::Problem], code: &str| {
        problems.iter().filter(|p| p.code == code).count()
    };
    for p in &parsed.problems {
        let Some(fix) = &p.fix else { continue };
        prop_assert_ne!(&fix.replacement, text, "{:?}", p);
        prop_assert!(!fix.message.is_empty());
        check_parse(&fix.replacement, from)?;
        let again = parse(&fix.replacement);
        prop_assert!(
            count(&again.problems, p.code) < count(&parsed.problems, p.code),
            "{:?} -> {:?}: {} not reduced: {:#?}",
            text,
            fix.replacement,
            p.code,
            again.problems
        );
    }
    let mut current = text.to_owned();
    for _ in 0..16 {
        match parse(&current).problems.into_iter().find_map(|p| p.fix) {
            Some(fix) => current = fix.replacement,
            None => return Ok(()),
        }
    }
    Err(TestCaseError::fail(format!(
        "{text:?}: applying suggestions does not settle"
    )))
}

fn check_parse(text: &str, from: DateTime<Utc>) -> Result<(), TestCaseError> {
    let parsed = parse(text);
    for p in &parsed.problems {
        prop_assert!(p.start <= p.end && p.end <= text.len(), "{text:?}: {p:?}");
        prop_assert!(text.is_char_boundary(p.start) && text.is_char_boundary(p.end));
        prop_assert!(
            text.is_empty() || p.start < p.end,
            "{text:?}: empty span {p:?}"
        );
        prop_assert!(
            RULES.iter().any(|r| r.0 == p.code && r.1 == p.level),
            "{}",
            p.code
        );
        prop_assert!(!p.message.is_empty());
    }
    let has_error = parsed.problems.iter().any(|p| p.level == Level::Error);
    prop_assert_eq!(parsed.expression.is_some(), !has_error, "{:?}", text);
    if let Some(expr) = parsed.expression {
        prop_assert_eq!(expr.text(), text);
        prop_assert!(!expr.never_fires());
        let got: Vec<_> = expr.occurrences(from).take(5).collect();
        prop_assert!(got.windows(2).all(|w| w[0] < w[1]));
        prop_assert!(got.iter().all(|t| *t >= from));
        prop_assert_eq!(expr.next_at_or_after(from), got.first().copied());
    }
    Ok(())
}

/// Pieces that look like cron, to get past the first checks often.
fn cron_piece() -> impl Strategy<Value = String> {
    const PIECES: &[&str] = &[
        "*",
        "?",
        "L",
        "LW",
        "W",
        "#",
        "/",
        "-",
        ",",
        "(",
        ")",
        "cron(",
        "MON",
        "jan",
        "MONDAY",
        "22-2",
        "FRI-MON",
        "/2",
        "/60",
        "6#3",
        "5",
        "31",
        "L,",
        "99999999999999999999",
        "4294967296",
        "é",
        "\u{a0}",
        "\t",
        " ",
    ];
    prop_oneof![
        prop::sample::select(PIECES).prop_map(str::to_owned),
        (0u32..3000).prop_map(|n| n.to_string()),
    ]
}

fn cronish_text() -> impl Strategy<Value = String> {
    (
        any::<bool>(),
        prop::collection::vec(prop::collection::vec(cron_piece(), 1..4), 0..9),
        any::<bool>(),
    )
        .prop_map(|(open, fields, close)| {
            let body = fields
                .iter()
                .map(|f| f.concat())
                .collect::<Vec<_>>()
                .join(" ");
            format!(
                "{}{body}{}",
                if open { "cron(" } else { "" },
                if close { ")" } else { "" }
            )
        })
}

fn instant() -> impl Strategy<Value = DateTime<Utc>> {
    prop_oneof![
        Just(DateTime::<Utc>::MIN_UTC),
        Just(DateTime::<Utc>::MAX_UTC),
        (-200i64 * 365..400 * 365, 0i64..86_400).prop_map(|(days, secs)| {
            Utc.with_ymd_and_hms(1970, 1, 1, 0, 0, 0).unwrap()
                + Duration::days(days)
                + Duration::seconds(secs)
        }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1500, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_strings(text in any::<String>(), from in instant()) {
        check(&text, from)?;
    }

    #[test]
    fn cron_shaped_strings(text in cronish_text(), from in instant()) {
        check(&text, from)?;
    }

    #[test]
    fn six_fields_of_cron_pieces(
        fields in prop::collection::vec(prop::collection::vec(cron_piece(), 1..3), 6),
        from in instant(),
    ) {
        let body = fields.iter().map(|f| f.concat()).collect::<Vec<_>>().join(" ");
        check(&format!("cron({body})"), from)?;
    }
}

#[test]
fn hostile_fixed_inputs() {
    let from = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap();
    for text in [
        "",
        " ",
        "\n",
        "cron(",
        "cron)",
        ")",
        "(",
        "cron(((((",
        "cron()))))",
        "cron(cron(cron()))",
        "cron(0 0 1 1 ? 99999999999999999999)",
        "cron(99999999999999999999/99999999999999999999 * * * ? *)",
        "cron(0 0 ? * 99999999999999999999#99999999999999999999 *)",
        "cron(0 0 99999999999999999999W * ? *)",
        "cron(- - - - - -)",
        "cron(, , , , , ,)",
        "cron(/ / / / / /)",
        "cron(# # # # # #)",
        "cron(L L L L L L)",
        "cron(W W W W W W)",
        "cron(? ? ? ? ? ?)",
        "cron(*/* * * * ? *)",
        "cron(1-2-3 * * * ? *)",
        "cron(0 0 ? * #3 *)",
        "cron(0 0 ? * 3# *)",
        "cron(0 0 ? * 3#1#2 *)",
        "cron(0 0 ? * L# *)",
        "cron(0 0 ? * -L *)",
        "cron(0 0 L- * ? *)",
        "cron(0 0 LWW * ? *)",
        "cron(0 0 WL * ? *)",
        "cron(0 0 ? * 1-7L *)",
        "rate(",
        "at(",
        "rate(99999999999999999999 minutes)",
        "at(2026-99-99T99:99)",
        "cron(０ １０ * * ? *)",
        "cron(0\u{a0}10 * * ? *)",
        "cron(0 10 * * ? *)\u{200b}",
        "\u{feff}cron(0 10 * * ? *)",
        "𝓬𝓻𝓸𝓷(0 10 * * ? *)",
        "cron(0 10 * * ? *)cron(0 10 * * ? *)",
    ] {
        let parsed = parse(text);
        assert!(
            parsed.expression.is_none()
                || parsed.problems.iter().all(|p| p.level == Level::Warning),
            "{text:?}"
        );
        if let Err(e) = check(text, from) {
            panic!("{text:?}: {e}");
        }
    }
}
