//! The `DateType` timestamp: both input forms, output form, and refusal of
//! absurd values without panicking.

use chrono::{DateTime, TimeZone, Utc};
use iot_jobs_lint_model::Timestamp;
use serde_json::{Value, json};

fn parse(v: Value) -> Result<Timestamp, serde_json::Error> {
    serde_json::from_value(v)
}

fn parse_text(text: &str) -> Result<Timestamp, serde_json::Error> {
    serde_json::from_str(text)
}

#[test]
fn epoch_seconds_with_fraction_keep_milliseconds() {
    let ts = parse_text("1560787022.733").unwrap();
    assert_eq!(ts.epoch_millis(), 1_560_787_022_733);
    assert_eq!(serde_json::to_string(&ts).unwrap(), "1560787022.733");
}

#[test]
fn integer_epoch_seconds_stay_integers() {
    let ts = parse_text("1560787022").unwrap();
    assert_eq!(ts.epoch_millis(), 1_560_787_022_000);
    assert_eq!(serde_json::to_string(&ts).unwrap(), "1560787022");
    assert_eq!(serde_json::to_value(ts).unwrap(), json!(1_560_787_022));
}

#[test]
fn sub_millisecond_digits_round_to_nearest_millisecond() {
    assert_eq!(
        parse_text("1560787022.7334").unwrap().epoch_millis(),
        1_560_787_022_733
    );
    assert_eq!(
        parse_text("1560787022.7336").unwrap().epoch_millis(),
        1_560_787_022_734
    );
}

#[test]
fn rfc3339_strings_from_cli_v2_are_accepted() {
    let iso = parse(json!("2019-06-17T08:57:02.733000-07:00")).unwrap();
    let epoch = parse(json!(1_560_787_022.733)).unwrap();
    assert_eq!(iso, epoch);
    assert_eq!(iso.to_string(), "2019-06-17T15:57:02.733Z");
    // Serialized in wire form regardless of how it was read.
    assert_eq!(serde_json::to_string(&iso).unwrap(), "1560787022.733");

    let utc = parse(json!("2019-06-17T15:57:02Z")).unwrap();
    assert_eq!(utc.epoch_millis(), 1_560_787_022_000);
    assert_eq!(serde_json::to_string(&utc).unwrap(), "1560787022");
}

#[test]
fn string_precision_beyond_milliseconds_is_serialized_approximately() {
    let ts = parse(json!("2019-06-17T15:57:02.733250Z")).unwrap();
    assert_eq!(ts.as_datetime().timestamp_subsec_micros(), 733_250);
    let secs = ts.epoch_seconds();
    assert!((secs - 1_560_787_022.733_25).abs() < 1e-6, "{secs}");
}

#[test]
fn pre_epoch_instants_work() {
    let ts = parse_text("-1.5").unwrap();
    assert_eq!(ts.epoch_millis(), -1500);
    assert_eq!(serde_json::to_string(&ts).unwrap(), "-1.5");
    assert_eq!(
        parse_text("-86400").unwrap().to_string(),
        "1969-12-31T00:00:00Z"
    );
}

#[test]
fn absurd_numbers_are_errors_not_panics() {
    for text in [
        "1e300",
        "-1e300",
        "1.7976931348623157e308",
        "9007199254740993.5",
        "9223372036854775807",
        "-9223372036854775808",
        "18446744073709551615",
        "100000000000000",
    ] {
        let err = parse_text(text).expect_err(text).to_string();
        assert!(err.contains("timestamp out of range"), "{text}: {err}");
    }
    // JSON itself cannot express NaN/inf; the helper refuses them anyway.
    assert_eq!(Timestamp::from_epoch_seconds(f64::NAN), None);
    assert_eq!(Timestamp::from_epoch_seconds(f64::INFINITY), None);
    assert_eq!(Timestamp::from_epoch_millis(i64::MAX), None);
}

#[test]
fn other_json_types_and_bad_strings_are_errors() {
    for v in [
        json!(true),
        json!(null),
        json!([1]),
        json!({"seconds": 1}),
        json!("1560787022.733"),
        json!("2019-06-17 15:57"),
        json!("2019-06-17T15:57:02"),
        json!(""),
    ] {
        assert!(parse(v.clone()).is_err(), "{v} should be rejected");
    }
    let msg = parse(json!("yesterday")).unwrap_err().to_string();
    assert!(msg.contains("RFC 3339"), "{msg}");
}

#[test]
fn conversions() {
    let at: DateTime<Utc> = Utc.with_ymd_and_hms(2024, 5, 1, 22, 0, 0).unwrap();
    let ts = Timestamp::from(at);
    assert_eq!(ts, Timestamp::new(at));
    assert_eq!(DateTime::<Utc>::from(ts), at);
    assert_eq!(ts.into_inner(), at);
    assert_eq!(ts.0, at);
    assert_eq!(
        Timestamp::parse_rfc3339("2024-05-01T15:00:00-07:00"),
        Some(ts)
    );
    assert_eq!(Timestamp::parse_rfc3339("2024-05-01"), None);
    assert!(Timestamp::from_epoch_seconds(1.0).unwrap() < ts);
}
