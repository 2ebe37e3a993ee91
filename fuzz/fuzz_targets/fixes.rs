//! `fixes`: lint, then `apply_fixes` with `Safe` and with `Suggested`.
//!
//! * The fixed text of an input that was read as JSON (no `json/syntax`, `json/too-deep`,
//!   `json/invalid-utf8`) is still read as JSON, and no `json/*` error appears that the input
//!   did not have.
//! * Applying safe fixes again and again settles: the text never comes back to an earlier
//!   version (no oscillation), and it settles within 8 rounds, not counting rounds that apply a
//!   `json/syntax` fix (the reader stops at the first syntax error, so N trailing commas take N
//!   rounds by design; those fixes only delete bytes, so they cannot go on forever).
//! * `applied + skipped` never exceeds the number of diagnostics with a fix; nothing applied
//!   means the text is unchanged.
#![no_main]
use iot_jobs_lint::{Applicability, Report, apply_fixes, lint_str};
use iot_jobs_lint_fuzz::{split, unreadable};
use libfuzzer_sys::fuzz_target;
use std::collections::HashSet;

fn json_errors(r: &Report) -> HashSet<&'static str> {
    r.diagnostics
        .iter()
        .filter(|d| {
            d.code.as_str().starts_with("json/") && d.severity == iot_jobs_lint::Severity::Error
        })
        .map(|d| d.code.as_str())
        .collect()
}

fuzz_target!(|data: &[u8]| {
    let (options, _, input) = split(data);
    let Ok(text) = std::str::from_utf8(input) else {
        return;
    };
    let report = lint_str(text, &options);
    let with_fix = report
        .diagnostics
        .iter()
        .filter(|d| !d.fixes.is_empty())
        .count();
    for up_to in [Applicability::Safe, Applicability::Suggested] {
        let fixed = apply_fixes(text, &report.diagnostics, up_to);
        assert!(fixed.applied + fixed.skipped <= with_fix);
        if fixed.applied == 0 {
            assert_eq!(fixed.text, text, "nothing applied, yet the text changed");
        }
        if !unreadable(&report) {
            let after = lint_str(&fixed.text, &options);
            let (was, now) = (json_errors(&report), json_errors(&after));
            let new: Vec<_> = now.difference(&was).collect();
            assert!(
                new.is_empty(),
                "{up_to:?} fixes made {new:?} appear: {:?}\nfixed text: {:?}",
                after
                    .diagnostics
                    .iter()
                    .filter(|d| d.code.as_str().starts_with("json/"))
                    .map(|d| &d.message)
                    .collect::<Vec<_>>(),
                fixed.text
            );
        }
    }
    // Safe fixes settle.
    let mut seen = HashSet::new();
    let mut current = text.to_string();
    let mut rounds = 0;
    loop {
        let r = lint_str(&current, &options);
        let fixed = apply_fixes(&current, &r.diagnostics, Applicability::Safe);
        if fixed.text == current {
            break;
        }
        let syntax = r.diagnostics.iter().any(|d| {
            d.code == "json/syntax"
                && d.fixes
                    .first()
                    .is_some_and(|f| f.applicability == Applicability::Safe)
        });
        if !syntax {
            rounds += 1;
        }
        assert!(
            seen.insert(current.clone()),
            "safe fixes oscillate; text {current:?} comes back"
        );
        assert!(
            rounds <= 8,
            "safe fixes still change the text after 8 rounds: {current:?} -> {:?}",
            fixed.text
        );
        current = fixed.text;
    }
});
