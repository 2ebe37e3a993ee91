//! `iot-jobs-lint explain CODE`: one rule's section of the rules reference.

use crate::input::emit;
use std::process::ExitCode;

pub(crate) fn run(code: &str) -> ExitCode {
    let Some(rule) = iot_jobs_lint::registry::find(code) else {
        let shown = iot_jobs_lint::text::printable(code);
        let best = iot_jobs_lint::registry::all()
            .iter()
            .map(|r| (strsim::jaro_winkler(code, r.code), r.code))
            .filter(|(score, _)| *score > 0.8)
            .max_by(|a, b| a.0.total_cmp(&b.0));
        match best {
            Some((_, near)) => eprintln!("error: unknown rule `{shown}`; did you mean `{near}`?"),
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
