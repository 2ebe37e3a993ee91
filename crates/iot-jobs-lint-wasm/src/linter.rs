//! The fast boundary behind `createLinter()` (pkg/src/linter.js): options read once, text passed
//! through a reusable buffer in WebAssembly memory.
//!
//! What a call of the plain `lint(text, options)` used to spend on the boundary, measured in
//! Node 20: reading the options object member by member (about 2.3 µs), converting the JS string
//! with wasm-bindgen's glue (3.0 µs for 1.9 KB) and building the result object property by
//! property with serde-wasm-bindgen (2.2 µs). Here:
//!
//! * the options are read once, by [`linter_config`], into five numbers that the JS side keeps and
//!   passes back with every call (numbers cross the boundary as they are); the checks and the
//!   `TypeError`s are those of `lint()`;
//! * the JS side encodes a string straight into `INPUT`, a buffer in WebAssembly memory that
//!   [`input_view`] hands out as a `Uint8Array` (`TextEncoder.encodeInto`: no intermediate copy),
//!   and [`run`] reads it there;
//! * the result (the DTO types of [`crate::dto`]: the very fields of the CLI's JSON) crosses in
//!   the [`crate::compact`] layout, one text and one array of numbers, which the JS side turns into
//!   objects. Measured at opt-level 3 in Node 20 over the lint itself, for a valid 1.9 KB request
//!   and for a report of 23 diagnostics: serde-wasm-bindgen +0.6 µs and +52 µs (a JS call per
//!   property, a UTF-8 decode per string), JSON text and `JSON.parse` +1.3 µs and +65 µs (the
//!   parse alone 28 µs); the compact layout's figures are in docs/benchmarks.md.
//!
//! Every other input (bytes, objects, strings that may be over the input limit) goes through
//! [`run_value`], which reads it as `lint()` does ([`crate::input`]).
//!
//! Nothing here is kept between calls but the buffer: the JS side owns the configuration, so a
//! linter survives the replacement of the WebAssembly instance after an internal error.

use crate::compact::Encoder;
use crate::{Call, Config, dto, input, install_panic_hook, options, read_config, type_error};
use chrono::DateTime;
use iot_jobs_lint::{Applicability, Edition, LintOptions, Operation};
use serde::Serialize;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;

/// The operations in the order of their codes (0 is "detect").
const OPERATIONS: [Operation; 4] = [
    Operation::CreateJob,
    Operation::CreateJobTemplate,
    Operation::DescribeJob,
    Operation::DescribeJobTemplate,
];

/// The editions in the order of their codes.
const EDITIONS: [Edition; 2] = [Edition::Latest, Edition::V2023_03_02];

/// What a call of [`run`] or [`run_value`] computes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// The report (`lint`).
    Lint,
    /// The maintenance-window preview (`schedule`).
    Schedule,
    /// Both, from one pass (`analyze`).
    Analyze,
    /// Fixes applied round after round (`fix`), safe ones only.
    FixSafe,
    /// Fixes applied round after round, suggested ones too.
    FixSuggested,
}

impl Mode {
    fn from_code(code: u32) -> Option<Mode> {
        Some(match code {
            0 => Mode::Lint,
            1 => Mode::Schedule,
            2 => Mode::Analyze,
            3 => Mode::FixSafe,
            4 => Mode::FixSuggested,
            _ => return None,
        })
    }

    /// The public method's name, for messages.
    fn name(self) -> &'static str {
        match self {
            Mode::Lint => "lint",
            Mode::Schedule => "schedule",
            Mode::Analyze => "analyze",
            Mode::FixSafe | Mode::FixSuggested => "fix",
        }
    }
}

/// The result of `analyze()`: the report and the preview from one pass.
#[derive(tsify::Tsify, Serialize, Debug)]
pub struct Analysis {
    /// What `lint()` returns.
    pub report: dto::LintReport,
    /// What `schedule()` returns.
    pub schedule: dto::Schedule,
}

/// The result of `fix()`.
#[derive(tsify::Tsify, Serialize, Debug)]
#[tsify(missing_as_null)]
pub struct FixResult {
    /// The text with every fix applied that could be; `null` when the input is not UTF-8 text
    /// (bytes that do not decode) or is over the input limit: no fix applies to it.
    pub output: Option<String>,
    /// How many fixes were applied, over all rounds.
    pub applied: u32,
    /// The report of `output` (or of the input when nothing could be applied).
    pub report: dto::LintReport,
}

/// What one call returns: the result of its mode, serialized as it is (untagged).
#[derive(Serialize, Debug)]
#[serde(untagged)]
pub enum Outcome {
    /// `lint()`.
    Lint(dto::LintReport),
    /// `schedule()`.
    Schedule(dto::Schedule),
    /// `analyze()`.
    Analysis(Analysis),
    /// `fix()`.
    Fix(FixResult),
}

/// Runs `mode` on one input of at most the limit (the core checks the limit again). `count` is
/// the preview's length (schedule, analyze).
pub fn run_bytes(mode: Mode, bytes: &[u8], options: &LintOptions, count: usize) -> Outcome {
    match mode {
        Mode::Lint => Outcome::Lint((&iot_jobs_lint::lint(bytes, options)).into()),
        Mode::Schedule => {
            Outcome::Schedule((&iot_jobs_lint::schedule(bytes, options, count)).into())
        }
        Mode::Analyze => {
            let a = iot_jobs_lint::analyze(bytes, options, count);
            Outcome::Analysis(Analysis {
                report: (&a.report).into(),
                schedule: (&a.schedule).into(),
            })
        }
        Mode::FixSafe | Mode::FixSuggested => {
            let up_to = if mode == Mode::FixSafe {
                Applicability::Safe
            } else {
                Applicability::Suggested
            };
            Outcome::Fix(match std::str::from_utf8(bytes) {
                Ok(text) if text.len() <= options.max_input_bytes => {
                    let f = iot_jobs_lint::fix_all(text, options, up_to);
                    FixResult {
                        output: Some(f.text),
                        applied: u32::try_from(f.applied).unwrap_or(u32::MAX),
                        report: (&f.report).into(),
                    }
                }
                _ => FixResult {
                    output: None,
                    applied: 0,
                    report: (&iot_jobs_lint::lint(bytes, options)).into(),
                },
            })
        }
    }
}

/// The outcome of `mode` for an input over the limit, known only by its length.
fn too_large(mode: Mode, len: u64, options: &LintOptions) -> Outcome {
    let a = iot_jobs_lint::too_large(Some(len), options);
    let report: dto::LintReport = (&a.report).into();
    match mode {
        Mode::Lint => Outcome::Lint(report),
        Mode::Schedule => Outcome::Schedule((&a.schedule).into()),
        Mode::Analyze => Outcome::Analysis(Analysis {
            report,
            schedule: (&a.schedule).into(),
        }),
        Mode::FixSafe | Mode::FixSuggested => Outcome::Fix(FixResult {
            output: None,
            applied: 0,
            report,
        }),
    }
}

/// Reads `options` for `createLinter()` (or for `lint()`, `schedule()` … named by `func`) and
/// returns them as six numbers: operation (0: detect, 1–4: create-job, create-job-template,
/// describe-job, describe-job-template), service model (0: latest, 1: 2023-03-02), `now` in
/// seconds since the epoch and its nanoseconds (`NaN` and 0: the host's clock at each call, which
/// the JS side reads before it writes the input), `maxInputBytes` and `count`. Misuse throws the
/// `TypeError`s of `lint()`.
#[wasm_bindgen(js_name = __linterConfig, skip_typescript)]
pub fn linter_config(
    options: Option<JsValue>,
    func: &str,
    with_count: bool,
) -> Result<Vec<f64>, JsValue> {
    let _call = Call::enter();
    install_panic_hook();
    let c = read_config(options, func, with_count)?;
    let operation = c
        .operation
        .and_then(|o| OPERATIONS.iter().position(|k| *k == o))
        .map_or(0.0, |i| (i + 1) as f64);
    let edition = EDITIONS
        .iter()
        .position(|e| *e == c.service_model)
        .unwrap_or(0) as f64;
    // Seconds and nanoseconds: one double cannot hold an RFC 3339 `now` with microseconds.
    let (seconds, nanos) = c.now.map_or((f64::NAN, 0.0), |t| {
        (t.timestamp() as f64, f64::from(t.timestamp_subsec_nanos()))
    });
    Ok(vec![
        operation,
        edition,
        seconds,
        nanos,
        c.max_input_bytes as f64,
        c.count as f64,
    ])
}

/// The configuration back from the six numbers of [`linter_config`] (which only the package's
/// JS passes; anything else is refused as misuse).
fn config(
    operation: u32,
    edition: u32,
    (seconds, nanos): (f64, u32),
    max: f64,
    count: f64,
) -> Result<Config, JsValue> {
    let bad = || type_error("iot-jobs-lint: the linter's configuration is damaged");
    let operation = match operation {
        0 => None,
        n => Some(*OPERATIONS.get(n as usize - 1).ok_or_else(bad)?),
    };
    let service_model = *EDITIONS.get(edition as usize).ok_or_else(bad)?;
    let now = if seconds.is_nan() {
        None
    } else {
        Some(DateTime::from_timestamp(seconds as i64, nanos).ok_or_else(bad)?)
    };
    let max_input_bytes = options::max_input_bytes(max, "maxInputBytes").map_err(|_| bad())?;
    let count = options::count(count, "count").map_err(|_| bad())?;
    Ok(Config {
        operation,
        service_model,
        now,
        max_input_bytes,
        count,
    })
}

/// The core's options and the preview's length of one call of [`run`] or [`run_value`], from the
/// configuration's numbers and the call's own count.
fn settings(
    mode: Mode,
    (operation, edition): (u32, u32),
    now: (f64, u32),
    (max, count): (f64, f64),
    call_count: f64,
) -> Result<(LintOptions, usize), JsValue> {
    let config = config(operation, edition, now, max, count)?;
    let count = count_of(mode, call_count, &config)?;
    Ok((config.options()?, count))
}

/// The count of a call: `NaN` (not given) is the linter's own, else `options::count`'s checks.
fn count_of(mode: Mode, given: f64, config: &Config) -> Result<usize, JsValue> {
    if given.is_nan() {
        Ok(config.count)
    } else {
        options::count(given, &format!("{}(): count", mode.name())).map_err(type_error)
    }
}

thread_local! {
    /// The input buffer: the JS side encodes strings into it (see [`input_view`]).
    static INPUT: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
    /// The numbers of the last result (see [`result_numbers`]).
    static NUMBERS: RefCell<Vec<u32>> = const { RefCell::new(Vec::new()) };
}

/// Writes `outcome` in the [`crate::compact`] layout: returns the text, keeps the numbers for
/// [`result_numbers`].
fn encode(outcome: &Outcome) -> String {
    let mut e = Encoder::default();
    e.outcome(outcome);
    NUMBERS.with(|n| *n.borrow_mut() = e.numbers);
    e.text
}

/// A `Uint32Array` over the numbers of the last result of [`run`] or [`run_value`], to be read
/// at once: the next call into the module may move or free them.
#[wasm_bindgen(js_name = __resultNumbers, skip_typescript)]
pub fn result_numbers() -> js_sys::Uint32Array {
    let _call = Call::enter();
    NUMBERS.with(|numbers| {
        let numbers = numbers.borrow();
        // SAFETY: the view covers the vector's elements, which stay in place until the next call
        // into the module; the JS side reads them before making one.
        #[allow(unsafe_code)]
        unsafe {
            js_sys::Uint32Array::view(&numbers)
        }
    })
}

/// A buffer this large or larger is given back when a call needs less than a quarter of it, so
/// that one big input does not keep its memory for the life of the instance.
const KEEP_BYTES: usize = 1 << 20;

/// A `Uint8Array` over the input buffer, at least `capacity` bytes long, for the JS side to
/// encode the next input into. The view stays valid until the next call of this function or until
/// WebAssembly memory grows (the JS side then sees a detached, empty view and asks again).
#[wasm_bindgen(js_name = __inputView, skip_typescript)]
pub fn input_view(capacity: usize) -> js_sys::Uint8Array {
    let _call = Call::enter();
    INPUT.with(|buffer| {
        let mut buffer = buffer.borrow_mut();
        let len = buffer.len();
        if len < capacity || (len >= KEEP_BYTES && capacity < len / 4) {
            *buffer = vec![0; capacity.max(1024)];
        }
        // SAFETY: the view covers the buffer's initialized bytes. The buffer is neither moved
        // nor freed until the next call of this function, and the view is only written by
        // `TextEncoder.encodeInto` between this call and `run` (no Rust code runs meanwhile).
        #[allow(unsafe_code)]
        unsafe {
            js_sys::Uint8Array::view_mut_raw(buffer.as_mut_ptr(), buffer.len())
        }
    })
}

/// Runs `mode` (0 lint, 1 schedule, 2 analyze, 3 fix safe, 4 fix suggested) on the first `len`
/// bytes of the input buffer, with the configuration of [`linter_config`]; `count` is the call's
/// own (`NaN`: the configuration's). Returns the result's text; its numbers are read with
/// [`result_numbers`] (the layout of [`crate::compact`]).
#[wasm_bindgen(js_name = __run, skip_typescript)]
#[allow(clippy::too_many_arguments)]
pub fn run(
    mode: u32,
    len: usize,
    operation: u32,
    edition: u32,
    seconds: f64,
    nanos: u32,
    max: f64,
    count: f64,
    call_count: f64,
) -> Result<String, JsValue> {
    let _call = Call::enter();
    install_panic_hook();
    let mode = Mode::from_code(mode).ok_or_else(|| type_error("iot-jobs-lint: unknown mode"))?;
    // The JS side reads the host's clock before it writes the input: reading it here could run
    // a replaced `Date.now` that calls the package and overwrites the buffer.
    if seconds.is_nan() {
        return Err(type_error(
            "iot-jobs-lint: no time given for a buffered input",
        ));
    }
    let (options, count) = settings(
        mode,
        (operation, edition),
        (seconds, nanos),
        (max, count),
        call_count,
    )?;
    INPUT.with(|buffer| {
        let buffer = buffer.borrow();
        let bytes = buffer
            .get(..len)
            .ok_or_else(|| type_error("iot-jobs-lint: input length past the buffer"))?;
        crate::forced_failure(bytes);
        Ok(encode(&run_bytes(mode, bytes, &options, count)))
    })
}

/// [`run`] for an input that is not a string known to fit: bytes, an object, or a long string,
/// read (and refused when over the limit, without copying it) as `lint()` reads it.
#[wasm_bindgen(js_name = __runValue, skip_typescript)]
#[allow(clippy::too_many_arguments)]
pub fn run_value(
    mode: u32,
    value: JsValue,
    operation: u32,
    edition: u32,
    seconds: f64,
    nanos: u32,
    max: f64,
    count: f64,
    call_count: f64,
) -> Result<String, JsValue> {
    let _call = Call::enter();
    install_panic_hook();
    let mode = Mode::from_code(mode).ok_or_else(|| type_error("iot-jobs-lint: unknown mode"))?;
    let given = input::given(&value, mode.name())?;
    let (options, count) = settings(
        mode,
        (operation, edition),
        (seconds, nanos),
        (max, count),
        call_count,
    )?;
    let loaded = input::load(given, options.max_input_bytes, mode.name())?;
    Ok(encode(&match loaded.bytes() {
        Ok(bytes) => {
            crate::forced_failure(bytes);
            run_bytes(mode, bytes, &options, count)
        }
        Err(len) => too_large(mode, len, &options),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options() -> LintOptions {
        LintOptions::new("2026-01-01T00:00:00Z".parse().unwrap())
    }

    /// An outcome as the JS side sees it (serde-wasm-bindgen's json_compatible mode writes the
    /// same values as serde_json).
    fn json(outcome: Outcome) -> serde_json::Value {
        serde_json::to_value(outcome).unwrap()
    }

    const WINDOWED: &[u8] = br#"{"jobId": "j", "targets": ["arn:aws:iot:us-east-1:111122223333:thing/t"], "document": "{}",
        "schedulingConfig": {"maintenanceWindows": [{"startTime": "cron(0 2 ? * SUN *)", "durationInMinutes": 1500}]}}"#;

    /// Each mode's JSON is the DTO's serialization, which equals the core's (the CLI's JSON).
    #[test]
    fn modes_write_the_cores_json() {
        let o = options();
        let lint = json(run_bytes(Mode::Lint, WINDOWED, &o, 7));
        assert_eq!(
            lint,
            serde_json::to_value(iot_jobs_lint::lint(WINDOWED, &o)).unwrap()
        );
        let schedule = json(run_bytes(Mode::Schedule, WINDOWED, &o, 3));
        assert_eq!(
            schedule,
            serde_json::to_value(iot_jobs_lint::schedule(WINDOWED, &o, 3)).unwrap()
        );
        let analysis = json(run_bytes(Mode::Analyze, WINDOWED, &o, 3));
        assert_eq!(analysis["report"], lint);
        assert_eq!(analysis["schedule"], schedule);
    }

    #[test]
    fn fix_applies_rounds_and_reports_what_is_left() {
        let o = options();
        let input = br#"{"jobId": "j", "targets": ["arn:aws:iot:us-east-1:111122223333:thing/t"], "document": "{}",
            "descripton": "x", "schedulingConfig": {"startTime": "2026-03-01T12:00:30"}}"#;
        let fixed = json(run_bytes(Mode::FixSuggested, input, &o, 7));
        let core = iot_jobs_lint::fix_all(
            std::str::from_utf8(input).unwrap(),
            &o,
            Applicability::Suggested,
        );
        assert_eq!(core.applied, 2, "a rename and a canonical time");
        assert!(core.text.contains(r#""description": "x""#), "{}", core.text);
        // Safe fixes only: both are suggested, nothing changes.
        let safe = json(run_bytes(Mode::FixSafe, input, &o, 7));
        assert_eq!(safe["applied"], 0);
        assert_eq!(safe["output"], std::str::from_utf8(input).unwrap());
        assert_eq!(fixed["output"], core.text.as_str());
        assert_eq!(fixed["applied"], core.applied);
        assert_eq!(fixed["report"], serde_json::to_value(&core.report).unwrap());
        // Bytes that are not UTF-8: no output, the report says why.
        let fixed = json(run_bytes(Mode::FixSafe, b"\xff{", &o, 7));
        assert!(fixed["output"].is_null());
        assert_eq!(
            fixed["report"]["diagnostics"][0]["code"],
            "json/invalid-utf8"
        );
    }

    #[test]
    fn too_large_in_every_mode() {
        let o = LintOptions {
            max_input_bytes: 10,
            ..options()
        };
        for mode in [
            Mode::Lint,
            Mode::Schedule,
            Mode::Analyze,
            Mode::FixSafe,
            Mode::FixSuggested,
        ] {
            let from_length = json(too_large(mode, 11, &o));
            let from_bytes = json(run_bytes(mode, &[b' '; 11], &o, 7));
            assert_eq!(from_length, from_bytes, "{mode:?}");
        }
    }

    #[test]
    fn configuration_round_trip() {
        let c = config(2, 1, (1_767_225_600.0, 250_000), 100.0, 7.0).unwrap();
        assert_eq!(c.operation, Some(Operation::CreateJobTemplate));
        assert_eq!(c.service_model, Edition::V2023_03_02);
        assert_eq!(c.now.unwrap().timestamp(), 1_767_225_600);
        assert_eq!(c.now.unwrap().timestamp_subsec_nanos(), 250_000);
        assert_eq!((c.max_input_bytes, c.count), (100, 7));
        assert!(
            config(0, 0, (f64::NAN, 0), 100.0, 7.0)
                .unwrap()
                .now
                .is_none()
        );
    }
}
