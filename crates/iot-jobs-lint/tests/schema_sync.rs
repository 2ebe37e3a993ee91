//! `schemas/` holds the exported JSON Schemas, and the README lists the rules they do not carry;
//! both are generated, and these tests keep them equal to the generator's output.

use iot_jobs_lint::{Edition, Operation, Severity, registry, schema};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

#[test]
fn schemas_directory_matches_the_generator() {
    let dir = root().join("schemas");
    let mut stale = Vec::new();
    let mut expected = Vec::new();
    for edition in Edition::ALL {
        for operation in Operation::ALL {
            let relative = schema::relative_path(operation, edition);
            let committed = std::fs::read_to_string(dir.join(&relative)).unwrap_or_default();
            if committed != schema::file_text(operation, edition) {
                stale.push(format!(
                    "schemas/{relative} (regenerate it: cargo run -q -p iot-jobs-lint-cli -- schema --operation {operation} --service-model {edition} > schemas/{relative})"
                ));
            }
            expected.push(relative);
        }
    }
    // Nothing else lives there: a schema of a removed operation or edition would mislead.
    for edition_dir in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
        for file in std::fs::read_dir(edition_dir.path())
            .into_iter()
            .flatten()
            .flatten()
        {
            let relative = format!(
                "{}/{}",
                edition_dir.file_name().to_string_lossy(),
                file.file_name().to_string_lossy()
            );
            if !expected.contains(&relative) {
                stale.push(format!("schemas/{relative} is not generated; remove it"));
            }
        }
    }
    assert!(
        stale.is_empty(),
        "schemas/ is stale; regenerate all eight with `cargo run -q -p iot-jobs-lint-cli -- schema --all --out-dir schemas`:\n{}",
        stale.join("\n")
    );
}

const BEGIN: &str =
    "<!-- BEGIN generated: rules the schemas do not carry (tests/schema_sync.rs) -->";
const END: &str = "<!-- END generated -->";

/// The README's list of the rules with `json_schema: false`, by severity and family.
fn not_carried() -> String {
    let mut out = String::new();
    for (severity, heading) in [
        (
            Severity::Error,
            "Errors that only `iot-jobs-lint check` finds:",
        ),
        (
            Severity::Warning,
            "Warnings, which a schema never carries (an editor would show them as errors):",
        ),
    ] {
        let mut families: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
        let mut order = Vec::new();
        for r in registry::all()
            .iter()
            .filter(|r| !r.json_schema && r.severity == severity)
            // The schemas describe API request and response files; `cfn/` judges templates.
            .filter(|r| !r.code.starts_with("cfn/"))
        {
            let (family, name) = r.code.split_once('/').unwrap_or((r.code, ""));
            if !families.contains_key(family) {
                order.push(family);
            }
            families.entry(family).or_default().push(name);
        }
        if order.is_empty() {
            continue;
        }
        out.push_str(&format!("\n{heading}\n\n"));
        for family in order {
            let names: Vec<String> = families[family].iter().map(|n| format!("`{n}`")).collect();
            out.push_str(&format!("- `{family}/`: {}\n", names.join(", ")));
        }
    }
    format!("{BEGIN}\n{out}\n{END}")
}

#[test]
fn readme_lists_the_rules_the_schemas_do_not_carry() {
    let readme = std::fs::read_to_string(root().join("README.md")).expect("README.md");
    let block = not_carried();
    let current = readme.find(BEGIN).and_then(|start| {
        readme[start..]
            .find(END)
            .map(|end| &readme[start..start + end + END.len()])
    });
    assert!(
        current == Some(block.as_str()),
        "README.md's list of the rules the JSON Schemas do not carry is stale; replace the block from `{BEGIN}` to `{END}` with:\n\n{block}\n"
    );
}
