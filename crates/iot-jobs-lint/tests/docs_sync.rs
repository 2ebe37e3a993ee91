//! `docs/rules.md` is generated from the registry; this keeps it in sync.
//! Regenerate with `cargo run -q -p iot-jobs-lint-cli -- rules --format markdown > docs/rules.md`.

#[test]
#[cfg(feature = "examples")]
fn rules_reference_is_up_to_date() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/rules.md");
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == iot_jobs_lint::registry::markdown(),
        "docs/rules.md is stale: run `cargo run -q -p iot-jobs-lint-cli -- rules --format markdown > docs/rules.md`"
    );
}

#[test]
fn codes_are_unique_and_hierarchical() {
    let rules = iot_jobs_lint::registry::all();
    let mut seen = std::collections::HashSet::new();
    for r in rules {
        assert!(seen.insert(r.code), "duplicate code {}", r.code);
        let (family, name) = r.code.split_once('/').expect("family/name");
        assert!(
            !family.is_empty() && !name.is_empty() && !name.contains('/'),
            "{}",
            r.code
        );
        assert!(
            r.code
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '/'),
            "{}",
            r.code
        );
        assert!(
            !r.summary.is_empty() && !r.source.is_empty(),
            "{} is documented",
            r.code
        );
        // Severity tells the truth about evidence: a warning's source says why it is inferred.
        if r.severity == iot_jobs_lint::Severity::Warning {
            assert!(
                r.source.contains("inferred"),
                "{}: a warning names its inference",
                r.code
            );
        }
    }
}
