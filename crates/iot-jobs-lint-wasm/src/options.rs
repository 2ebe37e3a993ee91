//! Reading option values: the part that does not touch JS, so it is tested natively.
//!
//! Every function returns the message of the `TypeError` that the JS side throws; the messages
//! name the option and show the value, so a caller can tell at once what to change.

use chrono::{DateTime, Utc};
use iot_jobs_lint::text::float;
use iot_jobs_lint::{Edition, Operation};

/// The largest `count` `schedule()` accepts (as the CLI's `--count`).
pub const MAX_COUNT: u32 = 1000;

/// `options.operation` (or `schema()`'s first argument): `create-job` … or the API name.
pub fn operation(value: &str, what: &str) -> Result<Operation, String> {
    value.parse().map_err(|_| {
        format!(
            "{what} must be one of \"create-job\", \"create-job-template\", \"describe-job\", \"describe-job-template\" (or the API names, \"CreateJob\", ...); got {}",
            quote(value)
        )
    })
}

/// `options.serviceModel`: `2023-03-02` or `latest`.
pub fn service_model(value: &str, what: &str) -> Result<Edition, String> {
    value.parse().map_err(|_| {
        format!(
            "{what} must be \"2023-03-02\" or \"latest\"; got {}",
            quote(value)
        )
    })
}

/// `options.now` given as a string: RFC 3339, as the CLI's `--now`.
pub fn now_from_str(value: &str, what: &str) -> Result<DateTime<Utc>, String> {
    // chrono's reading and error texts, without chrono's format parsers (see the core's
    // `model::rfc3339`).
    iot_jobs_lint::model::rfc3339::parse(value)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|e| {
            format!(
                "{what} must be a Date or an RFC 3339 date-time such as \"2026-03-01T12:00:00Z\"; got {} ({e})",
                quote(value)
            )
        })
}

/// `options.now` given as a `Date` (its `getTime()`, milliseconds since the epoch; `NaN` for an
/// invalid date), or the host clock's `Date.now()`.
pub fn now_from_millis(millis: f64, what: &str) -> Result<DateTime<Utc>, String> {
    if !millis.is_finite() {
        return Err(format!("{what} is an invalid Date"));
    }
    // A finite Date value is an integer within ±8.64e15 ms, which fits i64; chrono's range is
    // narrower (±262 143 years), so out-of-range dates are refused rather than clamped.
    let whole = millis.trunc();
    if whole.abs() > 8.64e15 {
        return Err(format!("{what} is out of range"));
    }
    DateTime::from_timestamp_millis(whole as i64)
        .ok_or_else(|| format!("{what} is out of the supported range (years -262143 to 262142)"))
}

/// `options.count`: an integer from 1 to [`MAX_COUNT`].
pub fn count(value: f64, what: &str) -> Result<usize, String> {
    if value.fract() == 0.0 && (1.0..=f64::from(MAX_COUNT)).contains(&value) {
        Ok(value as usize)
    } else {
        Err(format!(
            "{what} must be an integer from 1 to {MAX_COUNT}; got {}",
            js_number(value)
        ))
    }
}

/// The largest `maxInputBytes` accepted: 2^31 - 1 (a WebAssembly memory cannot hold more).
pub const MAX_INPUT_LIMIT: f64 = 2_147_483_647.0;

/// `maxInputBytes`: a whole number of bytes from 1 to [`MAX_INPUT_LIMIT`].
pub fn max_input_bytes(value: f64, what: &str) -> Result<usize, String> {
    if value.fract() == 0.0 && (1.0..=MAX_INPUT_LIMIT).contains(&value) {
        Ok(value as usize)
    } else {
        Err(format!(
            "{what} must be a whole number of bytes from 1 to {}; got {}",
            MAX_INPUT_LIMIT as u32,
            js_number(value)
        ))
    }
}

/// A number as JS writes it (`NaN`, `Infinity`, `-Infinity`, else as `{}` would), for messages.
pub fn js_number(value: f64) -> String {
    if value.is_infinite() {
        return if value < 0.0 { "-Infinity" } else { "Infinity" }.into();
    }
    float(value)
}

/// A string value for a message, quoted and cut to a readable length.
pub fn quote(value: &str) -> String {
    const MAX: usize = 60;
    if value.chars().count() <= MAX {
        format!("{value:?}")
    } else {
        let cut: String = value.chars().take(MAX).collect();
        format!("{cut:?}…")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn operations_by_cli_or_api_name() {
        assert_eq!(operation("create-job", "o").unwrap(), Operation::CreateJob);
        assert_eq!(
            operation("DescribeJobTemplate", "o").unwrap(),
            Operation::DescribeJobTemplate
        );
        let e = operation("createJob", "options.operation").unwrap_err();
        assert!(e.starts_with("options.operation must be one of"), "{e}");
        assert!(e.ends_with("got \"createJob\""), "{e}");
    }

    #[test]
    fn editions() {
        assert_eq!(
            service_model("2023-03-02", "m").unwrap(),
            Edition::V2023_03_02
        );
        assert_eq!(service_model("latest", "m").unwrap(), Edition::Latest);
        assert!(service_model("2024", "m").is_err());
    }

    #[test]
    fn now_strings_and_dates() {
        let t = now_from_str("2026-03-01T12:00:00+02:00", "now").unwrap();
        assert_eq!(t.to_rfc3339(), "2026-03-01T10:00:00+00:00");
        assert!(now_from_str("2026-03-01", "now").is_err());
        assert!(now_from_str("", "now").is_err());
        let t = now_from_millis(1_767_225_600_000.0, "now").unwrap();
        assert_eq!(t.to_rfc3339(), "2026-01-01T00:00:00+00:00");
        assert!(now_from_millis(f64::NAN, "now").is_err());
        assert!(now_from_millis(f64::INFINITY, "now").is_err());
        // The extremes of a JS Date are outside chrono's range: refused, not a panic.
        assert!(now_from_millis(8.64e15, "now").is_err());
        assert!(now_from_millis(-8.64e15, "now").is_err());
        assert!(now_from_millis(1e300, "now").is_err());
    }

    #[test]
    fn counts() {
        assert_eq!(count(7.0, "c").unwrap(), 7);
        assert_eq!(count(1000.0, "c").unwrap(), 1000);
        for bad in [0.0, -1.0, 1.5, 1001.0, f64::NAN, f64::INFINITY] {
            assert!(count(bad, "c").is_err(), "{bad}");
        }
    }

    #[test]
    fn input_limits() {
        assert_eq!(max_input_bytes(100.0, "m").unwrap(), 100);
        for bad in [0.0, -1.0, 1.5, 3e9, f64::NAN, f64::INFINITY] {
            assert!(max_input_bytes(bad, "m").is_err(), "{bad}");
        }
    }

    #[test]
    fn long_values_are_cut_in_messages() {
        let long = "x".repeat(500);
        assert!(quote(&long).len() < 80);
    }
}
