//! The declarative constraint table: every shape and member of the four operations, per edition.
//!
//! This is the service model (botocore `iot/2015-05-28/service-2.json`, vendored under
//! `model-data/`) written as Rust data. One [`Shape`] per model shape, one [`Member`] per structure
//! member, with the model's `required`, `min`, `max`, `pattern` and `enum` traits. Where the two
//! editions differ, the difference lives here and nowhere else:
//!
//! | what | `2023-03-02` | `latest` |
//! |---|---|---|
//! | `DurationInMinutes` | 30..=1430 | 1..=1430 |
//! | `ParameterValue` length | 1..=512 | 1..=30720 |
//! | `destinationPackageVersions` (CreateJob, CreateJobTemplate, Job, DescribeJobTemplate) | absent | present |
//! | DescribeJob request `beforeSubstitution` | absent | present |
//!
//! The coverage test (`tests/model_coverage.rs`) walks every member of every shape in both
//! vendored extracts and proves that this table carries the same traits, so a model constraint
//! can neither be missed nor drift.
//!
//! Units: `min`/`max` of a string count Unicode code points (Smithy's length semantics), of a list
//! count items, of a map count entries, of a number bound the value.

mod table;
pub use table::*;

use crate::{Edition, Operation};

/// The JSON type a shape expects, and its children.
#[derive(Debug, Clone, Copy)]
pub enum ShapeKind {
    /// A JSON string.
    String,
    /// A JSON integer that fits 32 bits (model type `integer`).
    Integer,
    /// A JSON integer that fits 64 bits (model type `long`).
    Long,
    /// A JSON number (model type `double`).
    Double,
    /// `true` or `false`.
    Boolean,
    /// A point in time. On the wire (rest-json) it is epoch seconds with an optional fraction;
    /// the AWS CLI v2 prints it as an ISO 8601 string, which we accept too.
    Timestamp,
    /// A JSON object with named members.
    Structure(&'static [Member]),
    /// A JSON array whose items have the given shape.
    List(&'static Shape),
    /// A JSON object with free keys.
    Map {
        /// Shape of the keys.
        key: &'static Shape,
        /// Shape of the values.
        value: &'static Shape,
    },
}

/// A lower or upper bound that may differ between editions. `None` means unbounded.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bound {
    /// The bound in the 2023-03-02 model.
    pub v2023_03_02: Option<f64>,
    /// The bound in the latest model.
    pub latest: Option<f64>,
}

impl Bound {
    /// No bound in either edition.
    pub const NONE: Bound = Bound {
        v2023_03_02: None,
        latest: None,
    };

    /// The same bound in both editions.
    pub const fn same(v: f64) -> Bound {
        Bound {
            v2023_03_02: Some(v),
            latest: Some(v),
        }
    }

    /// A bound that changed between editions.
    pub const fn per_edition(v2023_03_02: Option<f64>, latest: Option<f64>) -> Bound {
        Bound {
            v2023_03_02,
            latest,
        }
    }

    /// The bound in force in `edition`.
    pub fn get(&self, edition: Edition) -> Option<f64> {
        match edition {
            Edition::V2023_03_02 => self.v2023_03_02,
            Edition::Latest => self.latest,
        }
    }
}

/// Where a member travels in the HTTP request (informational: `--cli-input-json` carries all of
/// them in one JSON object).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Location {
    /// In the JSON body.
    Body,
    /// A label of the request URI (`jobId`, `jobTemplateId`).
    Uri,
    /// A query-string parameter (`beforeSubstitution`).
    QueryString,
}

/// One member of a structure shape.
#[derive(Debug, Clone, Copy)]
pub struct Member {
    /// The member name exactly as on the wire (`jobExecutionsRolloutConfig`, `Key`).
    pub name: &'static str,
    /// The member's shape.
    pub target: &'static Shape,
    /// The model's `required` trait (only meaningful when the parent is present).
    pub required: bool,
    /// The first edition whose model has this member.
    pub since: Edition,
    /// Where the member travels in the HTTP request.
    pub location: Location,
}

/// A model shape with its constraint traits.
#[derive(Debug)]
pub struct Shape {
    /// The model's shape name (`JobId`, `DurationInMinutes`).
    pub name: &'static str,
    /// JSON type and children.
    pub kind: ShapeKind,
    /// The first edition whose model has this shape.
    pub since: Edition,
    /// `min` trait: length in code points, item count, or numeric minimum.
    pub min: Bound,
    /// `max` trait: length in code points, item count, or numeric maximum.
    pub max: Bound,
    /// `pattern` trait.
    pub pattern: Option<&'static Pattern>,
    /// `enum` trait: the allowed string values (empty when not an enum).
    pub enum_values: &'static [&'static str],
}

impl Shape {
    /// The members of a structure that exist in `edition`.
    pub fn members(&self, edition: Edition) -> impl Iterator<Item = &'static Member> + use<> {
        let members: &'static [Member] = match self.kind {
            ShapeKind::Structure(m) => m,
            _ => &[],
        };
        members.iter().filter(move |m| m.since <= edition)
    }

    /// Looks a member up by name in `edition`.
    pub fn member(&self, name: &str, edition: Edition) -> Option<&'static Member> {
        self.members(edition).find(|m| m.name == name)
    }
}

/// A model `pattern` trait with the full-match test we actually run.
///
/// The model's patterns are Java regular expressions and are not anchored (`[a-zA-Z0-9_-]+`); the
/// service requires the whole value to match (Smithy semantics), so we apply the anchored form.
/// The anchored forms use only constructs that Rust's `regex` and ECMA-262 (with the `u` flag) both
/// accept, so the same text goes into the exported JSON Schema. The linter itself does not compile
/// them: each pattern is a character class repeated, so [`Pattern::is_full_match`] is a
/// hand-written loop (no regex engine in the library or its WASM build). The Unicode classes
/// (`\p{C}`, `\p{L}`, `\p{Z}`, `\p{N}`) read the General_Category of the `unicode-properties`
/// crate, where an unassigned code point is `Cn`. `tests/pattern_matchers.rs` checks every matcher
/// against the `regex` crate running `anchored`.
#[derive(Debug)]
pub struct Pattern {
    /// The pattern exactly as the model writes it.
    pub model: &'static str,
    /// The full-match regular expression the matcher implements (`^…$`).
    pub anchored: &'static str,
    /// What the pattern allows, for messages ("letters, digits, '-' and '_'").
    pub allows: &'static str,
    matcher: Matcher,
}

/// The hand-written full-match test of each pattern.
#[derive(Debug, Clone, Copy)]
enum Matcher {
    /// `^[a-zA-Z0-9_-]+$`
    Id,
    /// `^[^\p{C}]+$`
    NoControl,
    /// `^([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$`
    TagKey,
    /// `^arn:[!-~]+$`
    Arn,
    /// `^[A-Z0-9_]+$`
    ReasonCode,
}

impl Pattern {
    const fn new(
        model: &'static str,
        anchored: &'static str,
        allows: &'static str,
        matcher: Matcher,
    ) -> Pattern {
        Pattern {
            model,
            anchored,
            allows,
            matcher,
        }
    }

    /// Whether the whole of `value` matches.
    pub fn is_full_match(&self, value: &str) -> bool {
        // The ASCII classes test bytes: every byte of a non-ASCII character is >= 0x80 and fails.
        match self.matcher {
            Matcher::Id => {
                !value.is_empty()
                    && value
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
            }
            // ASCII fast paths: in ASCII, general category C is exactly the controls (0x00-0x1F,
            // 0x7F); L, Z and N are the letters, the space and the digits. The differential test
            // (tests/pattern_matchers.rs) holds both paths to the regex crate's reading.
            Matcher::NoControl => {
                !value.is_empty()
                    && (value.bytes().all(|b| matches!(b, b' '..=b'~'))
                        || value.chars().all(|c| !crate::unicode::is_other(c)))
            }
            Matcher::TagKey => {
                value.bytes().all(|b| {
                    b.is_ascii_alphanumeric()
                        || matches!(
                            b,
                            b' ' | b'_' | b'.' | b':' | b'/' | b'=' | b'+' | b'-' | b'@'
                        )
                }) || value.chars().all(|c| {
                    matches!(c, '_' | '.' | ':' | '/' | '=' | '+' | '-' | '@')
                        || crate::unicode::is_letter_separator_number(c)
                })
            }
            Matcher::Arn => value.strip_prefix("arn:").is_some_and(|rest| {
                !rest.is_empty() && rest.bytes().all(|b| matches!(b, b'!'..=b'~'))
            }),
            Matcher::ReasonCode => {
                !value.is_empty()
                    && value
                        .bytes()
                        .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_')
            }
        }
    }
}

/// `JobId`, `JobTemplateId`, `NamespaceId`, `ParameterKey`: ASCII letters, digits, `-`, `_`.
pub static PATTERN_ID: Pattern = Pattern::new(
    "[a-zA-Z0-9_-]+",
    "^[a-zA-Z0-9_-]+$",
    "only ASCII letters, digits, '-' and '_'",
    Matcher::Id,
);
/// `JobDescription`, `Comment`, `ParameterValue`: no Unicode control, format, private-use,
/// surrogate or unassigned character (general category C), so no newline or tab either.
pub static PATTERN_NO_CONTROL: Pattern = Pattern::new(
    "[^\\p{C}]+",
    "^[^\\p{C}]+$",
    "no control or format characters (Unicode category C: newline, tab, zero-width characters, ...)",
    Matcher::NoControl,
);
/// `TagKey`: letters, separators (spaces), numbers and `_ . : / = + - @`.
pub static PATTERN_TAG_KEY: Pattern = Pattern::new(
    "^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$",
    "^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$",
    "only letters, numbers, spaces and _ . : / = + - @",
    Matcher::TagKey,
);
/// `JobTemplateArn`, `PackageVersionArn`: `arn:` followed by printable ASCII without spaces.
pub static PATTERN_ARN: Pattern = Pattern::new(
    "^arn:[!-~]+$",
    "^arn:[!-~]+$",
    "'arn:' followed by printable ASCII characters without spaces",
    Matcher::Arn,
);
/// `ReasonCode`: Java's `\p{Upper}` and `\p{Digit}` are the ASCII POSIX classes, so this is
/// `[A-Z0-9_]`.
pub static PATTERN_REASON_CODE: Pattern = Pattern::new(
    "[\\p{Upper}\\p{Digit}_]+",
    "^[A-Z0-9_]+$",
    "only upper-case ASCII letters, digits and '_'",
    Matcher::ReasonCode,
);

/// The shape a file of `operation` is checked against: the request for the two create
/// operations, the response for the two describe operations.
pub fn root_shape(operation: Operation) -> &'static Shape {
    match operation {
        Operation::CreateJob => &CREATE_JOB_REQUEST,
        Operation::CreateJobTemplate => &CREATE_JOB_TEMPLATE_REQUEST,
        Operation::DescribeJob => &DESCRIBE_JOB_RESPONSE,
        Operation::DescribeJobTemplate => &DESCRIBE_JOB_TEMPLATE_RESPONSE,
    }
}
