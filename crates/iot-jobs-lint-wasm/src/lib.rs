//! WebAssembly bindings of `iot-jobs-lint`: the npm package `iot-jobs-lint` (built by
//! `scripts/build-pkg.sh` into `pkg/dist/`).
//!
//! This crate holds **no rule logic**. It turns JS values into the core's input (bytes, options),
//! calls [`iot_jobs_lint::lint`] / [`iot_jobs_lint::schedule`] / the registry, and turns the
//! results into the JS-facing types of [`dto`], whose TypeScript declarations (via tsify) are part
//! of the generated `.d.ts`.
//!
//! The JSON Schemas are not generated here: the package ships the repository's `schemas/` files
//! (kept equal to [`iot_jobs_lint::schema::json_schema`] by the core's tests) and its `schema()`
//! (JS, `pkg/src/`) reads the one that [`schema_path`] names. Generating them in the `.wasm` would
//! link schemars and the schema builder: about 250 KB raw, 70 KB gzipped.
//!
//! Contract with JS:
//! * Bad input never throws: malformed JSON, invalid UTF-8, wrong types are diagnostics.
//! * An input over `maxInputBytes` (default 4 MiB) gets only the core's `input/too-large` report,
//!   and is refused before it is copied into WebAssembly memory: the options are read first, then
//!   the input is measured where it lies (see [`input`]).
//! * Misuse of the API throws a `TypeError` with a message that names the argument: an input that
//!   is not a string, a `Uint8Array`/`ArrayBuffer` or a plain object/array; an object that
//!   `JSON.stringify` cannot write; an unknown operation or service model; a `now` that is not a
//!   valid `Date` or RFC 3339 string; a bad `count`; an unknown option; an option or input whose
//!   inspection throws (a getter, a proxy trap, a detached buffer: the thrown value is the
//!   `TypeError`'s `cause`).
//! * No panic is expected (the core is property-tested against hostile input); as a last resort a
//!   panic hook turns one into a thrown `Error` that says it is an internal error. That throw (like
//!   a trap) skips Rust's clean-up and leaves the instance unsound; each export counts itself in
//!   and out ([`calls_in_progress`]) so that the package's JS guard (`pkg/src/guard.js`) can tell
//!   such a call from one that returned, and it then replaces the instance with a fresh one.
//!
//! The module is target-agnostic: it builds natively (clippy, unit tests of [`options`] and of
//! the pure functions below) and for `wasm32-unknown-unknown`.

pub mod compact;
pub mod dto;
pub mod input;
pub mod linter;
pub mod options;
#[cfg(feature = "cli")]
pub mod report;

use chrono::{DateTime, Utc};
use iot_jobs_lint::{Edition, LintOptions, Operation};
use serde::Serialize;
use std::sync::atomic::{AtomicU32, Ordering};
use wasm_bindgen::prelude::*;

// The request and response shapes are generated from the exported JSON Schemas by the package
// build (json-schema-to-typescript; see pkg/scripts/gen-shapes.mjs) into `shapes.d.ts` beside the
// generated `.d.ts`; this section makes them part of the module's types.
#[wasm_bindgen(typescript_custom_section)]
const TS_SHAPES: &'static str = r#"
import type { CreateJobRequest, CreateJobTemplateRequest, DescribeJobResponse, DescribeJobTemplateResponse } from "./shapes.js";
export type { CreateJobRequest, CreateJobTemplateRequest, DescribeJobResponse, DescribeJobTemplateResponse };
/** Any of the four inputs as a plain object. */
export type JobInput = CreateJobRequest | CreateJobTemplateRequest | DescribeJobResponse | DescribeJobTemplateResponse;
/** What `lint()` and `schedule()` accept: JSON text, UTF-8 bytes of JSON text, or an object (checked as `JSON.stringify(input)`). */
export type Input = string | Uint8Array | ArrayBuffer | JobInput;
/**
 * A linter made by `createLinter(options)`: the options are read once, and every call reuses
 * them (and a buffer for the input text). `now` left out means the host's clock at each call.
 */
export interface Linter {
    /** The report of one input, as `lint(input, options)` returns it. */
    lint(input: Input): LintReport;
    /** The next `count` (default: the linter's `count`, else 7) maintenance-window starts. */
    schedule(input: Input, count?: number | null): Schedule;
    /** The report and the schedule from one pass: what a page that shows both needs per edit. */
    analyze(input: Input, count?: number | null): Analysis;
    /**
     * Applies fixes round after round (at most 8 rounds, re-checking each time) as the CLI's
     * `--fix` does: the safe ones (default) or the suggested ones too.
     */
    fix(input: Input, applicability?: Applicability | null): FixResult;
}
/** A JSON Schema (draft 2020-12) document, as the package's `schemas/` files hold it. */
export type JsonSchema = { [keyword: string]: unknown };
"#;

/// Lints one input given as bytes (the pure core of [`lint`]).
pub fn lint_bytes(input: &[u8], options: &LintOptions) -> dto::LintReport {
    (&iot_jobs_lint::lint(input, options)).into()
}

/// Previews the schedule of one input given as bytes (the pure core of [`schedule`]).
pub fn schedule_bytes(input: &[u8], options: &LintOptions, count: usize) -> dto::Schedule {
    (&iot_jobs_lint::schedule(input, options, count)).into()
}

/// Every rule of the registry.
pub fn rule_list() -> Vec<dto::RuleInfo> {
    iot_jobs_lint::registry::all()
        .iter()
        .map(Into::into)
        .collect()
}

/// Checks an AWS IoT Jobs input: a CreateJob or CreateJobTemplate request, or a DescribeJob or
/// DescribeJobTemplate response.
///
/// `input` is JSON text, the UTF-8 bytes of JSON text (`Uint8Array`, e.g. a Node `Buffer`, or an
/// `ArrayBuffer`), or a plain object or array, which is checked as `JSON.stringify(input)` (so
/// line and column refer to that text). Problems with the input are diagnostics in the report,
/// never exceptions; a `TypeError` is thrown only for misuse (a wrong input type, a bad option).
#[wasm_bindgen(unchecked_return_type = "LintReport")]
pub fn lint(
    #[wasm_bindgen(unchecked_param_type = "Input")] input: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "LintOptions | null")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let _call = Call::enter();
    install_panic_hook();
    let given = input::given(&input, "lint")?;
    let (options, _) = read_options(options, "lint", false)?;
    let loaded = input::load(given, options.max_input_bytes, "lint")?;
    match loaded.bytes() {
        Ok(bytes) => {
            forced_failure(bytes);
            to_js(&lint_bytes(bytes, &options))
        }
        Err(len) => to_js(&input::too_large_report(len, &options)),
    }
}

/// Previews the next maintenance-window starts of an input (as DescribeJob's
/// `scheduledJobRollouts` would list them), with the diagnostics that concern the schedule.
///
/// `input` is as for `lint()`; `options` adds `count` (default 7).
#[wasm_bindgen(unchecked_return_type = "Schedule")]
pub fn schedule(
    #[wasm_bindgen(unchecked_param_type = "Input")] input: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ScheduleOptions | null")] options: Option<
        JsValue,
    >,
) -> Result<JsValue, JsValue> {
    let _call = Call::enter();
    install_panic_hook();
    let given = input::given(&input, "schedule")?;
    let (options, count) = read_options(options, "schedule", true)?;
    let loaded = input::load(given, options.max_input_bytes, "schedule")?;
    match loaded.bytes() {
        Ok(bytes) => {
            forced_failure(bytes);
            to_js(&schedule_bytes(bytes, &options, count))
        }
        Err(len) => to_js(&input::too_large_schedule(len, &options)),
    }
}

/// Where the JSON Schema (draft 2020-12) of an operation's input (requests) or output (responses)
/// under a service-model edition (default `latest`) lives, relative to the package's `schemas/`
/// directory (and to the repository's): `latest/create-job.schema.json`.
///
/// The package's `schema()` returns that file's content; this function checks the arguments
/// (a `TypeError` for an unknown operation or edition) and names the file.
#[wasm_bindgen(js_name = schemaPath)]
pub fn schema_path(
    #[wasm_bindgen(unchecked_param_type = "Operation")] operation: JsValue,
    #[wasm_bindgen(js_name = serviceModel, unchecked_optional_param_type = "ServiceModel | null")]
    service_model: Option<JsValue>,
) -> Result<String, JsValue> {
    let _call = Call::enter();
    install_panic_hook();
    let operation = match operation.as_string() {
        Some(s) => options::operation(&s, "schema(): operation").map_err(type_error)?,
        None => {
            return Err(type_error(format!(
                "schema(): operation must be a string such as \"create-job\"; got {}",
                describe(&operation)
            )));
        }
    };
    let edition = match service_model {
        None => Edition::default(),
        Some(v) => match v.as_string() {
            Some(s) => options::service_model(&s, "schema(): serviceModel").map_err(type_error)?,
            None => {
                return Err(type_error(format!(
                    "schema(): serviceModel must be \"2023-03-02\" or \"latest\"; got {}",
                    describe(&v)
                )));
            }
        },
    };
    Ok(iot_jobs_lint::schema::relative_path(operation, edition))
}

/// Every rule: code, default severity, summary, source, and whether JSON Schema can carry it.
#[wasm_bindgen(unchecked_return_type = "RuleInfo[]")]
pub fn rules() -> Result<JsValue, JsValue> {
    let _call = Call::enter();
    install_panic_hook();
    to_js(&rule_list())
}

/// The output of the package's command (`npx iot-jobs-lint check`, not part of the documented
/// API): checks `files`, an array of `{ path, input }` (path as given, `-` for standard input;
/// input as for `lint()`), `{ path, tooLarge }` (a file's size in bytes over `maxInputBytes`, or
/// `null`: standard input, read up to one byte past the limit) or
/// `{ path, error }` (why a file could not be read), and writes them as `format` (`"json"`,
/// `"sarif"` or `"github"`) with the core's writers, as the native CLI does ([`report::write`]).
/// Returns `{ text, stderr, status }`: stdout, stderr and the exit status (0, 1 or 2) of the
/// native CLI.
#[cfg(feature = "cli")]
#[wasm_bindgen(js_name = __cliReport, skip_typescript)]
pub fn cli_report(
    files: JsValue,
    format: JsValue,
    options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let _call = Call::enter();
    install_panic_hook();
    let bad = |what: &str| JsValue::from(js_sys::TypeError::new(&format!("__cliReport: {what}")));
    let format = format
        .as_string()
        .and_then(|f| report::Format::from_name(&f))
        .ok_or_else(|| bad("format must be \"json\", \"sarif\" or \"github\""))?;
    let (options, _) = read_options(options, "__cliReport", false)?;
    let files: &js_sys::Array = files
        .dyn_ref()
        .ok_or_else(|| bad("files must be an array"))?;
    enum Got {
        Loaded(input::Loaded),
        TooLarge(Option<u64>),
        Unreadable(String),
    }
    let mut got: Vec<(String, Got)> = Vec::new();
    for file in files.iter() {
        let field = |key: &str| js_sys::Reflect::get(&file, &JsValue::from_str(key));
        let path = field("path")?
            .as_string()
            .ok_or_else(|| bad("each file needs a string path"))?;
        let error = field("error")?;
        if let Some(error) = error.as_string() {
            got.push((path, Got::Unreadable(error)));
            continue;
        }
        // A regular file the command found over the limit from its size, without reading it.
        let too_large = field("tooLarge")?;
        if too_large.is_null() {
            got.push((path, Got::TooLarge(None)));
            continue;
        }
        if let Some(size) = too_large.as_f64() {
            got.push((path, Got::TooLarge(Some(size as u64))));
            continue;
        }
        let given = input::given(&field("input")?, "__cliReport")?;
        let loaded = input::load(given, options.max_input_bytes, "__cliReport")?;
        got.push((path, Got::Loaded(loaded)));
    }
    let sources: Vec<(&str, report::Source<'_>)> = got
        .iter()
        .map(|(path, g)| {
            let source = match g {
                Got::Loaded(l) => report::Source::Read(l.bytes().map_err(Some)),
                Got::TooLarge(len) => report::Source::Read(Err(*len)),
                Got::Unreadable(e) => report::Source::Unreadable(e),
            };
            (path.as_str(), source)
        })
        .collect();
    let written = report::write(&sources, format, &options);
    let out = js_sys::Object::new();
    js_sys::Reflect::set(&out, &"text".into(), &written.text.into())?;
    js_sys::Reflect::set(&out, &"status".into(), &written.status.into())?;
    js_sys::Reflect::set(&out, &"stderr".into(), &written.stderr.into())?;
    Ok(out.into())
}

/// The version of the linter (the Rust crates' version, which the npm package shares).
#[wasm_bindgen]
pub fn version() -> String {
    let _call = Call::enter();
    env!("CARGO_PKG_VERSION").to_string()
}

/// How many calls of the exported functions are running: each export counts itself in on entry
/// and out when it returns (a drop guard, so an early `Err` return counts out too).
///
/// A call that does not return — a trap, a panic (whose hook throws), or a JS exception thrown
/// through the WebAssembly frames — never counts out. The package's JS wrapper (`pkg/src/guard.js`)
/// compares this count with the calls it has under way when a call throws: more here means the
/// call did not return, so the instance skipped its clean-up (stack pointer, allocator, panic
/// count) and is replaced by a fresh one.
static CALLS_IN_PROGRESS: AtomicU32 = AtomicU32::new(0);

/// The drop guard of [`CALLS_IN_PROGRESS`].
pub(crate) struct Call;

impl Call {
    pub(crate) fn enter() -> Call {
        CALLS_IN_PROGRESS.fetch_add(1, Ordering::Relaxed);
        Call
    }
}

impl Drop for Call {
    fn drop(&mut self) {
        CALLS_IN_PROGRESS.fetch_sub(1, Ordering::Relaxed);
    }
}

/// How many calls of the exported functions are running (an export that did not return never
/// counts out), for the package's guard only: not in the `.d.ts`, not exported by the package's
/// entries.
/// Whether a file met in a directory walk of the package's command is a CloudFormation template
/// (the core's test: the same files as the native CLI's walk).
#[cfg(feature = "cli")]
#[wasm_bindgen(js_name = __isTemplate, skip_typescript)]
pub fn is_template(text: &str) -> bool {
    let _call = Call::enter();
    iot_jobs_lint::is_template(text)
}

#[wasm_bindgen(js_name = __callsInProgress, skip_typescript)]
pub fn calls_in_progress() -> u32 {
    CALLS_IN_PROGRESS.load(Ordering::Relaxed)
}

/// The test build's forced failures (cargo feature `test-panic`, built by
/// `scripts/build-pkg.sh --test-panic` into `pkg/dist-test/`, never into the published
/// `pkg/dist/`): `lint()` and `schedule()` of one of these exact texts fail the way an internal
/// error would, so the package's recovery can be tested end to end through its public functions:
/// * `iot-jobs-lint:test-panic`: a Rust panic (the panic hook throws an `Error`);
/// * `iot-jobs-lint:test-trap`: a WebAssembly trap (`unreachable`, no hook runs);
/// * `iot-jobs-lint:test-throw`: a JS `TypeError` thrown through the WebAssembly frames (what an
///   import without `catch` would do), which looks like misuse but skipped the clean-up.
#[cfg(feature = "test-panic")]
pub(crate) fn forced_failure(input: &[u8]) {
    match input {
        b"iot-jobs-lint:test-panic" => panic!("forced by the test-panic build"),
        b"iot-jobs-lint:test-trap" => {
            #[cfg(target_arch = "wasm32")]
            core::arch::wasm32::unreachable();
            #[cfg(not(target_arch = "wasm32"))]
            std::process::abort();
        }
        b"iot-jobs-lint:test-throw" => {
            wasm_bindgen::throw_val(js_sys::TypeError::new("forced by the test-panic build").into())
        }
        _ => {}
    }
}

#[cfg(not(feature = "test-panic"))]
pub(crate) fn forced_failure(_input: &[u8]) {}

/// The size of this instance's WebAssembly memory in bytes (test build only, not in the `.d.ts`):
/// the recovery tests check that replaced instances leave no memory behind.
#[cfg(feature = "test-panic")]
#[wasm_bindgen(js_name = __testMemoryBytes, skip_typescript)]
pub fn test_memory_bytes() -> f64 {
    #[cfg(target_arch = "wasm32")]
    return (core::arch::wasm32::memory_size::<0>() * 65536) as f64;
    #[cfg(not(target_arch = "wasm32"))]
    return 0.0;
}

#[wasm_bindgen]
extern "C" {
    /// `Object.prototype.toString.call(value)`: `[object Uint8Array]`, `[object Date]`, … which,
    /// unlike `instanceof`, also recognises values from another realm (iframe, `vm` context).
    ///
    /// Every import here is `catch`: a Proxy or a spoofed object can make any of these calls throw,
    /// and an uncaught throw would skip the wasm side's stack clean-up.
    #[wasm_bindgen(catch, js_namespace = ["Object", "prototype", "toString"], js_name = call)]
    fn object_tag_js(value: &JsValue) -> Result<String, JsValue>;
    /// `Date.prototype.getTime.call(value)`: throws unless `value` is a real Date.
    #[wasm_bindgen(catch, js_namespace = ["Date", "prototype", "getTime"], js_name = call)]
    fn date_get_time(value: &JsValue) -> Result<f64, JsValue>;
    /// `Reflect.get(target, key)`.
    #[wasm_bindgen(catch, js_namespace = Reflect, js_name = get)]
    fn reflect_get(target: &JsValue, key: &str) -> Result<JsValue, JsValue>;
    /// `Object.keys(value)`.
    #[wasm_bindgen(catch, js_namespace = Object, js_name = keys)]
    fn object_keys(value: &JsValue) -> Result<js_sys::Array, JsValue>;
}

/// The `[object …]` tag of a value, or a TypeError naming `what` when reading it throws.
fn object_tag(value: &JsValue, what: &str) -> Result<String, JsValue> {
    object_tag_js(value).map_err(|e| {
        caused_type_error(
            format!("{what} cannot be inspected: {}", error_message(&e)),
            &e,
        )
    })
}

/// Reads `options` (and, for `schedule()`, `count`). Absent members (`undefined` or `null`) take
/// their defaults; `now` defaults to the host's clock.
fn read_options(
    value: Option<JsValue>,
    func: &str,
    with_count: bool,
) -> Result<(LintOptions, usize), JsValue> {
    let config = read_config(value, func, with_count)?;
    let options = config.options()?;
    Ok((options, config.count))
}

/// The options as given: [`read_options`] without the host clock, which a [`linter`] reads at
/// each call when `now` is not given.
pub(crate) struct Config {
    pub(crate) operation: Option<Operation>,
    pub(crate) service_model: Edition,
    /// `None`: the host's clock at each call.
    pub(crate) now: Option<DateTime<Utc>>,
    pub(crate) max_input_bytes: usize,
    pub(crate) count: usize,
}

impl Config {
    /// The core's options, with the host's clock for an absent `now`.
    pub(crate) fn options(&self) -> Result<LintOptions, JsValue> {
        let now = match self.now {
            Some(now) => now,
            None => options::now_from_millis(js_sys::Date::now(), "the host clock")
                .map_err(type_error)?,
        };
        Ok(LintOptions {
            operation: self.operation,
            service_model: self.service_model,
            max_input_bytes: self.max_input_bytes,
            ..LintOptions::new(now)
        })
    }
}

/// Reads `options` without settling `now` (see [`Config`]).
pub(crate) fn read_config(
    value: Option<JsValue>,
    func: &str,
    with_count: bool,
) -> Result<Config, JsValue> {
    let mut operation: Option<Operation> = None;
    let mut service_model = Edition::default();
    let mut now: Option<DateTime<Utc>> = None;
    let mut count = iot_jobs_lint::preview::DEFAULT_COUNT;
    let mut max_input_bytes = iot_jobs_lint::DEFAULT_MAX_INPUT_BYTES;
    if let Some(value) = value {
        if !value.is_object()
            || object_tag(&value, &format!("{func}(): options"))? != "[object Object]"
        {
            return Err(type_error(format!(
                "{func}(): options must be an object such as {{ operation: \"create-job\", now: new Date() }}; got {}",
                describe(&value)
            )));
        }
        let accepted: &[&str] = if with_count {
            &["operation", "now", "serviceModel", "maxInputBytes", "count"]
        } else {
            &["operation", "now", "serviceModel", "maxInputBytes"]
        };
        let keys = object_keys(&value).map_err(|e| {
            caused_type_error(
                format!("{func}(): options cannot be read: {}", error_message(&e)),
                &e,
            )
        })?;
        for key in keys.iter() {
            let key = key.as_string().unwrap_or_default();
            if !accepted.contains(&key.as_str()) {
                return Err(type_error(format!(
                    "{func}(): unknown option {}; the options are {}",
                    options::quote(&key),
                    accepted.join(", ")
                )));
            }
        }
        // A getter or a proxy trap that throws is misuse too: a TypeError that names the option,
        // with what it threw as the cause.
        let get = |name: &str| -> Result<Option<JsValue>, JsValue> {
            let v = reflect_get(&value, name).map_err(|e| {
                caused_type_error(
                    format!(
                        "{func}(): options.{name} cannot be read: {}",
                        error_message(&e)
                    ),
                    &e,
                )
            })?;
            Ok((!v.is_undefined() && !v.is_null()).then_some(v))
        };
        if let Some(v) = get("operation")? {
            let what = format!("{func}(): options.operation");
            operation = Some(match v.as_string() {
                Some(s) => options::operation(&s, &what).map_err(type_error)?,
                None => {
                    return Err(type_error(format!(
                        "{what} must be a string such as \"create-job\"; got {}",
                        describe(&v)
                    )));
                }
            });
        }
        if let Some(v) = get("serviceModel")? {
            let what = format!("{func}(): options.serviceModel");
            service_model = match v.as_string() {
                Some(s) => options::service_model(&s, &what).map_err(type_error)?,
                None => {
                    return Err(type_error(format!(
                        "{what} must be \"2023-03-02\" or \"latest\"; got {}",
                        describe(&v)
                    )));
                }
            };
        }
        if let Some(v) = get("now")? {
            let what = format!("{func}(): options.now");
            now = Some(if let Some(s) = v.as_string() {
                options::now_from_str(&s, &what).map_err(type_error)?
            } else if let Some(millis) = v.as_f64() {
                if !millis.is_finite() {
                    return Err(type_error(format!(
                        "{what} must be a finite number of milliseconds since the epoch; got {}",
                        describe(&v)
                    )));
                }
                options::now_from_millis(millis, &what).map_err(type_error)?
            } else if v.is_object() && object_tag(&v, &what)? == "[object Date]" {
                let millis = date_get_time(&v).map_err(|e| {
                    caused_type_error(
                        format!("{what} is not a usable Date: {}", error_message(&e)),
                        &e,
                    )
                })?;
                options::now_from_millis(millis, &what).map_err(type_error)?
            } else {
                return Err(type_error(format!(
                    "{what} must be a Date, an RFC 3339 string such as \"2026-03-01T12:00:00Z\" or milliseconds since the epoch; got {}",
                    describe(&v)
                )));
            });
        }
        if let Some(v) = get("maxInputBytes")? {
            let what = format!("{func}(): options.maxInputBytes");
            max_input_bytes = match v.as_f64() {
                Some(n) => options::max_input_bytes(n, &what).map_err(type_error)?,
                None => {
                    return Err(type_error(format!(
                        "{what} must be a whole number of bytes; got {}",
                        describe(&v)
                    )));
                }
            };
        }
        if with_count && let Some(v) = get("count")? {
            let what = format!("{func}(): options.count");
            count = match v.as_f64() {
                Some(n) => options::count(n, &what).map_err(type_error)?,
                None => {
                    return Err(type_error(format!(
                        "{what} must be an integer from 1 to {}; got {}",
                        options::MAX_COUNT,
                        describe(&v)
                    )));
                }
            };
        }
    }
    Ok(Config {
        operation,
        service_model,
        now,
        max_input_bytes,
        count,
    })
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| {
            js_sys::Error::new(&format!(
                "iot-jobs-lint: internal error, could not convert the result: {e}"
            ))
            .into()
        })
}

fn type_error(message: impl AsRef<str>) -> JsValue {
    js_sys::TypeError::new(message.as_ref()).into()
}

/// A `TypeError` for misuse found by a JS call that threw (a getter, a proxy trap, a detached
/// buffer, a `toJSON`): what it threw is kept as the `cause`.
fn caused_type_error(message: impl AsRef<str>, cause: &JsValue) -> JsValue {
    js_sys::TypeError::new_with_options(message.as_ref(), &js_sys::ErrorOptions::new(cause)).into()
}

/// A short description of a JS value for an error message.
fn describe(value: &JsValue) -> String {
    if value.is_undefined() {
        "undefined".into()
    } else if value.is_null() {
        "null".into()
    } else if let Some(s) = value.as_string() {
        options::quote(&s)
    } else if let Some(n) = value.as_f64() {
        format!("the number {}", options::js_number(n))
    } else if let Some(b) = value.as_bool() {
        format!("the boolean {b}")
    } else if value.is_function() {
        "a function".into()
    } else if value.is_object() {
        let tag = object_tag_js(value).unwrap_or_default();
        let name = tag
            .strip_prefix("[object ")
            .and_then(|t| t.strip_suffix(']'))
            .unwrap_or("Object");
        // The tag can be the caller's own (`Symbol.toStringTag`): escaped like any echoed text.
        format!("an object of type {}", iot_jobs_lint::text::escape(name))
    } else {
        format!(
            "a value of type {}",
            value.js_typeof().as_string().unwrap_or_default()
        )
    }
}

/// What a thrown value says: an error's `message` (read with `catch`, since a hostile error can
/// have a throwing getter; an error of another realm has one too), a thrown string, or a
/// description of anything else.
/// The text is the caller's (a getter's or a `toJSON`'s exception), so it is escaped and cut like
/// any echoed value; the `TypeError`'s `cause` keeps the original.
fn error_message(e: &JsValue) -> String {
    if let Some(s) = e.as_string() {
        return iot_jobs_lint::text::escape(&s);
    }
    if e.is_object()
        && let Ok(message) = reflect_get(e, "message")
        && let Some(message) = message.as_string()
    {
        return iot_jobs_lint::text::escape(&message);
    }
    format!("threw {}", describe(e))
}

/// Last resort: a panic becomes a thrown JS `Error` with its message (instead of an opaque
/// `RuntimeError: unreachable`). None is expected. The throw leaves the instance unsound (the
/// panic count stays raised, so a second panic would trap); the package's guard replaces it.
pub(crate) fn install_panic_hook() {
    #[cfg(target_arch = "wasm32")]
    {
        static HOOK: std::sync::Once = std::sync::Once::new();
        HOOK.call_once(|| {
            std::panic::set_hook(Box::new(|info| {
                wasm_bindgen::throw_str(&format!(
                    "iot-jobs-lint: internal error (please report it): {info}"
                ))
            }));
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options() -> LintOptions {
        LintOptions::new("2026-01-01T00:00:00Z".parse().unwrap())
    }

    #[test]
    fn report_has_the_cli_fields() {
        let report = lint_bytes(
            br#"{"jobId": "a b", "targets": ["arn:aws:iot:us-east-1:111122223333:thing/t"], "document": "{}"}"#,
            &options(),
        );
        assert_eq!(report.operation, Some(dto::Operation::CreateJob));
        assert!(report.operation_detected);
        assert_eq!(report.service_model, dto::ServiceModel::Latest);
        let d = &report.diagnostics[0];
        assert_eq!(
            (d.code.as_str(), d.pointer.as_str()),
            ("model/pattern", "/jobId")
        );
        let json = serde_json::to_value(&report).unwrap();
        let keys: Vec<&str> = json["diagnostics"][0]
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        for key in [
            "code",
            "severity",
            "pointer",
            "message",
            "help",
            "line",
            "column",
            "endLine",
            "endColumn",
        ] {
            assert!(keys.contains(&key), "{key} in {keys:?}");
        }
        assert_eq!(json["operation"], "create-job");
        assert_eq!(json["serviceModel"], "latest");
        assert_eq!(json["diagnostics"][0]["severity"], "error");
    }

    /// The DTO serializes exactly as the core's report does (the CLI's JSON). This is also the
    /// alarm for a field the core adds: decide whether the JS contract gets it too.
    #[test]
    fn dto_matches_core_serialization() {
        for input in [
            &br#"{"jobId": "j", "targets": [], "document": "{}"}"#[..],
            b"\xff\xfe{",
            b"[1]",
            br#"{"jobTemplateId": "t", "description": "d", "document": "{}", "maintenanceWindows": [{"startTime": "cron(0 2 ? * SUN *)", "durationInMinutes": 15}]}"#,
        ] {
            let core = iot_jobs_lint::lint(input, &options());
            let dto = lint_bytes(input, &options());
            assert_eq!(
                serde_json::to_value(&core).unwrap(),
                serde_json::to_value(&dto).unwrap()
            );
        }
    }

    #[test]
    fn schedule_and_rules() {
        let input = br#"{"jobId": "j", "targets": ["arn:aws:iot:us-east-1:111122223333:thing/t"], "document": "{}",
            "schedulingConfig": {"maintenanceWindows": [{"startTime": "cron(0 2 ? * SUN *)", "durationInMinutes": 60}]}}"#;
        let s = schedule_bytes(input, &options(), 3);
        assert_eq!(s.scheduled_job_rollouts.len(), 3);
        assert_eq!(s.windows[0].start, s.scheduled_job_rollouts[0].start_time);
        assert_eq!(s.windows[0].maintenance_window, 0);
        let core = iot_jobs_lint::schedule(input, &options(), 3);
        // Equal to the core's serialization (the CLI's `schedule --format json`, without `path`);
        // see dto_matches_core_serialization.
        assert_eq!(
            serde_json::to_value(&core).unwrap(),
            serde_json::to_value(&s).unwrap()
        );
        let rules = rule_list();
        assert_eq!(rules.len(), iot_jobs_lint::registry::all().len());
        assert!(rules.iter().any(|r| r.code == "model/range"));
    }
}
