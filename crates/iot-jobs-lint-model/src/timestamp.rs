//! The `DateType` timestamp shape.

use std::fmt;

use chrono::{DateTime, SecondsFormat, Utc};
use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A point in time carried by a member of the model shape `DateType`
/// (`createdAt`, `lastUpdatedAt`, `completedAt`).
///
/// # Accepted input
///
/// * **JSON number** — seconds since the Unix epoch, optionally with a
///   fraction, e.g. `1560787022.733`. This is what the service sends (the
///   model gives `DateType` no `timestampFormat`, so the rest-json default,
///   epoch seconds, applies) and what AWS CLI v1 prints. The value is rounded
///   to the nearest millisecond, the precision the service uses. Integers are
///   taken as whole seconds.
/// * **JSON string** — an RFC 3339 / ISO 8601 date-time with an offset, e.g.
///   `"2019-06-17T09:17:02.733000-07:00"`, as printed by AWS CLI v2. The
///   instant is converted to UTC (the original offset is not kept) and its
///   sub-second digits are kept as written.
///
/// Anything else (booleans, objects, strings that are not RFC 3339, numbers
/// outside chrono's representable range such as `1e300`) is a
/// deserialization error; it never panics.
///
/// # Output
///
/// Serialization always produces epoch seconds as a JSON number, matching the
/// wire format: an integer when the instant falls on a whole second, otherwise
/// a decimal such as `1560787022.733`. Instants with millisecond precision
/// round-trip exactly through this form.
///
/// Deserialization relies on `deserialize_any`, so it needs a self-describing
/// format such as JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Timestamp(pub DateTime<Utc>);

/// Largest magnitude (in milliseconds) that is still an exact integer in an
/// `f64`; chrono's own range (about ±262 000 years) is far inside it.
const MAX_EXACT_F64_MILLIS: f64 = 9_007_199_254_740_992.0;

impl Timestamp {
    /// Wraps a UTC date-time.
    pub const fn new(at: DateTime<Utc>) -> Self {
        Self(at)
    }

    /// The wrapped UTC date-time.
    pub const fn as_datetime(&self) -> &DateTime<Utc> {
        &self.0
    }

    /// Unwraps into the UTC date-time.
    pub const fn into_inner(self) -> DateTime<Utc> {
        self.0
    }

    /// Builds a timestamp from whole milliseconds since the Unix epoch.
    ///
    /// Returns `None` when the instant is outside chrono's range.
    pub fn from_epoch_millis(millis: i64) -> Option<Self> {
        DateTime::from_timestamp_millis(millis).map(Self)
    }

    /// Builds a timestamp from (possibly fractional) seconds since the Unix
    /// epoch, rounded to the nearest millisecond — the same conversion used
    /// when deserializing a JSON number.
    ///
    /// Returns `None` for non-finite input or an instant outside chrono's
    /// range.
    pub fn from_epoch_seconds(seconds: f64) -> Option<Self> {
        let millis = (seconds * 1000.0).round();
        if !millis.is_finite() || millis.abs() >= MAX_EXACT_F64_MILLIS {
            return None;
        }
        // In range and integral, so the cast is exact.
        Self::from_epoch_millis(millis as i64)
    }

    /// Parses an RFC 3339 date-time (any offset), as printed by AWS CLI v2.
    ///
    /// Returns `None` if the text is not RFC 3339.
    pub fn parse_rfc3339(text: &str) -> Option<Self> {
        crate::rfc3339::parse(text)
            .ok()
            .map(|at| Self(at.with_timezone(&Utc)))
    }

    /// Whole milliseconds since the Unix epoch (sub-millisecond digits are
    /// truncated toward negative infinity).
    pub fn epoch_millis(&self) -> i64 {
        self.0.timestamp_millis()
    }

    /// Seconds since the Unix epoch as a floating-point number, the value this
    /// type serializes to.
    pub fn epoch_seconds(&self) -> f64 {
        let nanos = self.0.timestamp_subsec_nanos();
        if nanos.is_multiple_of(1_000_000) {
            // Dividing an exactly representable integer gives the double
            // nearest to the decimal `s.mmm`, i.e. the same value a JSON
            // parser produces for that text.
            self.0.timestamp_millis() as f64 / 1000.0
        } else {
            self.0.timestamp() as f64 + f64::from(nanos) / 1e9
        }
    }
}

impl From<DateTime<Utc>> for Timestamp {
    fn from(at: DateTime<Utc>) -> Self {
        Self(at)
    }
}

impl From<Timestamp> for DateTime<Utc> {
    fn from(ts: Timestamp) -> Self {
        ts.0
    }
}

/// Formats as RFC 3339 in UTC with as many fractional digits as needed
/// (e.g. `2019-06-17T16:17:02.733Z`), for use in messages.
impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0.to_rfc3339_opts(SecondsFormat::AutoSi, true))
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.0.timestamp_subsec_nanos() == 0 {
            serializer.serialize_i64(self.0.timestamp())
        } else {
            serializer.serialize_f64(self.epoch_seconds())
        }
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(TimestampVisitor)
    }
}

struct TimestampVisitor;

impl TimestampVisitor {
    fn out_of_range<E: de::Error>(shown: impl fmt::Display) -> E {
        E::custom(format_args!(
            "timestamp out of range: {shown} seconds since the Unix epoch"
        ))
    }
}

impl<'de> Visitor<'de> for TimestampVisitor {
    type Value = Timestamp;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("epoch seconds (a number) or an RFC 3339 date-time string")
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Timestamp, E> {
        DateTime::from_timestamp(v, 0)
            .map(Timestamp)
            .ok_or_else(|| Self::out_of_range(v))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Timestamp, E> {
        i64::try_from(v)
            .ok()
            .and_then(|secs| DateTime::from_timestamp(secs, 0))
            .map(Timestamp)
            .ok_or_else(|| Self::out_of_range(v))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Timestamp, E> {
        Timestamp::from_epoch_seconds(v).ok_or_else(|| Self::out_of_range(v))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Timestamp, E> {
        Timestamp::parse_rfc3339(v).ok_or_else(|| {
            E::invalid_value(
                de::Unexpected::Str(v),
                &"an RFC 3339 date-time such as 2019-06-17T09:17:02.733-07:00",
            )
        })
    }
}

/// The JSON Schema of what [`Timestamp`] reads: epoch seconds or an RFC 3339 date-time string.
#[cfg(feature = "schemars")]
impl schemars::JsonSchema for Timestamp {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Timestamp".into()
    }

    fn schema_id() -> std::borrow::Cow<'static, str> {
        concat!(module_path!(), "::Timestamp").into()
    }

    fn json_schema(_generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A point in time: seconds since the Unix epoch (1970-01-01T00:00:00Z) as a number, with an optional fraction (what the API sends and AWS CLI v1 prints), or an RFC 3339 date-time string with an offset (what AWS CLI v2 prints).",
            "anyOf": [
                {
                    "type": "number",
                    "description": "Seconds since the Unix epoch, UTC; a fraction carries milliseconds.",
                    "examples": [1764406800.512]
                },
                {
                    "type": "string",
                    "format": "date-time",
                    "description": "An RFC 3339 date-time with a Z or numeric offset.",
                    "examples": ["2026-11-29T09:00:00.512000+00:00"]
                }
            ]
        })
    }
}
