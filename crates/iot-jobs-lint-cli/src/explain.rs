//! `iot-jobs-lint explain CODE`: one rule's section of the rules reference.

use crate::input::emit;
use std::process::ExitCode;

pub(crate) fn run(code: &str) -> ExitCode {
    let Some(rule) = iot_jobs_lint::registry::find(code) else {
        let shown = iot_jobs_lint::text::printable(code);
        let codes = iot_jobs_lint::registry::all().iter().map(|r| r.code);
        match iot_jobs_lint::text::closest(code, codes) {
            Some(near) => eprintln!("error: unknown rule `{shown}`; did you mean `{near}`?"),
            None => eprintln!("error: unknown rule `{shown}`; `iot-jobs-lint rules` lists them"),
        }
        return ExitCode::from(2);
    };
    emit(&section(rule.code));
    ExitCode::SUCCESS
}

/// The rule's section of the rules reference (`registry::markdown()`): its summary, severity,
/// source, fix, and the failing example with its diagnostics and the passing one.
fn section(code: &str) -> String {
    let all = iot_jobs_lint::registry::markdown();
    let heading = format!("\n### `{code}`\n");
    let Some(start) = all.find(&heading) else {
        return String::new();
    };
    let rest = &all[start + 1..];
    let end = rest[1..].find("\n### `").map_or(rest.len(), |i| i + 2);
    rest[..end].to_string()
}
