//! `iot_jobs_lint._native`: the Rust half of the Python package `iot-jobs-lint`.
//!
//! It converts Python arguments, calls the core (`iot-jobs-lint`) or the command
//! (`iot-jobs-lint-cli`) and hands back JSON text, which the pure-Python part
//! (`python/iot_jobs_lint/__init__.py`) turns into typed objects. No rule logic lives here. The
//! clock is read on the Python side: every function that needs `now` takes it as an RFC 3339
//! string. The GIL is released while the core or the command runs.

#![forbid(unsafe_code)]

use iot_jobs_lint::{Edition, LintOptions, Operation};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

/// The largest `count` `schedule()` accepts (as the CLI's `--count`).
const MAX_COUNT: usize = 1000;

fn parse_operation(value: Option<&str>) -> PyResult<Option<Operation>> {
    value
        .map(|v| {
            v.parse::<Operation>().map_err(|_| {
                PyValueError::new_err(format!(
                    "operation must be one of 'create-job', 'create-job-template', 'describe-job', 'describe-job-template' (or the API names, 'CreateJob', ...); got {v:?}"
                ))
            })
        })
        .transpose()
}

fn parse_edition(value: &str) -> PyResult<Edition> {
    value.parse::<Edition>().map_err(|_| {
        PyValueError::new_err(format!(
            "service_model must be '2023-03-02' or 'latest'; got {value:?}"
        ))
    })
}

fn options(
    operation_name: Option<&str>,
    service_model: &str,
    now: &str,
    max_input_bytes: usize,
) -> PyResult<LintOptions> {
    let now = chrono::DateTime::parse_from_rfc3339(now)
        .map_err(|e| {
            PyValueError::new_err(format!(
                "now must be an RFC 3339 time such as 2026-01-01T00:00:00Z; got {now:?} ({e})"
            ))
        })?
        .to_utc();
    let mut options = LintOptions::new(now);
    options.operation = parse_operation(operation_name)?;
    options.service_model = parse_edition(service_model)?;
    options.max_input_bytes = max_input_bytes;
    Ok(options)
}

fn to_json<T: serde::Serialize + ?Sized>(value: &T) -> PyResult<String> {
    serde_json::to_string(value).map_err(|e| PyValueError::new_err(e.to_string()))
}

/// Checks `input` (the JSON text's UTF-8 bytes) and returns the core's report as JSON text
/// (`{"operation","operationDetected","serviceModel","diagnostics":[...]}`).
#[pyfunction]
#[pyo3(signature = (input, operation, service_model, now, max_input_bytes))]
fn lint(
    py: Python<'_>,
    input: Vec<u8>,
    operation: Option<&str>,
    service_model: &str,
    now: &str,
    max_input_bytes: usize,
) -> PyResult<String> {
    let options = options(operation, service_model, now, max_input_bytes)?;
    let report = py.detach(|| iot_jobs_lint::lint(&input, &options));
    to_json(&report)
}

/// Previews the next `count` maintenance-window starts of `input` and returns the core's schedule
/// as JSON text.
#[pyfunction]
#[pyo3(signature = (input, operation, service_model, now, max_input_bytes, count))]
fn schedule(
    py: Python<'_>,
    input: Vec<u8>,
    operation: Option<&str>,
    service_model: &str,
    now: &str,
    max_input_bytes: usize,
    count: usize,
) -> PyResult<String> {
    if !(1..=MAX_COUNT).contains(&count) {
        return Err(PyValueError::new_err(format!(
            "count must be an integer from 1 to {MAX_COUNT}; got {count}"
        )));
    }
    let options = options(operation, service_model, now, max_input_bytes)?;
    let schedule = py.detach(|| iot_jobs_lint::schedule(&input, &options, count));
    to_json(&schedule)
}

/// Every rule (code, severity, summary, source, jsonSchema, fix, example) as JSON text.
#[pyfunction]
fn rules() -> PyResult<String> {
    to_json(iot_jobs_lint::registry::all())
}

/// The editor JSON Schema (draft 2020-12) of an operation's request or response, as JSON text.
#[pyfunction]
#[pyo3(signature = (operation, service_model))]
fn schema(operation: &str, service_model: &str) -> PyResult<String> {
    let op = parse_operation(Some(operation))?.ok_or_else(|| PyValueError::new_err("operation"))?;
    to_json(&iot_jobs_lint::schema::json_schema(
        op,
        parse_edition(service_model)?,
    ))
}

/// Runs the `iot-jobs-lint` command in this process with `args` (the program name first) and
/// returns its exit status. It writes to the process's standard output and error directly (flush
/// Python's `sys.stdout` first).
#[pyfunction]
fn run_cli(py: Python<'_>, args: Vec<std::ffi::OsString>) -> i32 {
    py.detach(|| iot_jobs_lint_cli::run(args))
}

/// The default input limit in bytes (4 MiB).
#[pyfunction]
fn default_max_input_bytes() -> usize {
    iot_jobs_lint::DEFAULT_MAX_INPUT_BYTES
}

/// The Rust module.
#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_function(wrap_pyfunction!(lint, m)?)?;
    m.add_function(wrap_pyfunction!(schedule, m)?)?;
    m.add_function(wrap_pyfunction!(rules, m)?)?;
    m.add_function(wrap_pyfunction!(schema, m)?)?;
    m.add_function(wrap_pyfunction!(run_cli, m)?)?;
    m.add_function(wrap_pyfunction!(default_max_input_bytes, m)?)?;
    Ok(())
}
