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
    emit(&iot_jobs_lint::registry::rule_markdown(rule));
    ExitCode::SUCCESS
}
