//! `lint`: arbitrary bytes under arbitrary options (operation, edition, `now` anywhere in
//! chrono's range); the report must be well-formed (iot_jobs_lint_fuzz::check_report) and
//! `lint_str` must agree with `lint` on UTF-8 input.
#![no_main]
use iot_jobs_lint::{lint, lint_str};
use iot_jobs_lint_fuzz::{check_report, split};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (options, _, input) = split(data);
    let report = lint(input, &options);
    check_report(&report, input);
    assert_eq!(report.service_model, options.service_model);
    // A CloudFormation template names its resources' operations itself; any other input keeps
    // the operation it is given.
    if let Some(op) = options.operation
        && report.template_resources.is_none()
    {
        assert_eq!(report.operation, Some(op), "a given operation is kept");
        assert!(!report.operation_detected);
    }
    if let Ok(text) = std::str::from_utf8(input) {
        assert_eq!(lint_str(text, &options), report, "lint_str and lint differ");
    }
});
