//! Regular expressions for the documented rules the schemas carry.
//!
//! Each one is written in the subset that Rust's `regex` and ECMA-262 with the `u` flag read
//! alike (no look-around, no backreferences, ASCII classes), and is checked against the rule's
//! own code by the tests in `schema/tests.rs`.

/// `targets/arn-format`: the ARNs `rules::targets::target_problem` accepts. The partition starts
/// with `aws`, the region is letters, digits and `-`, the account 12 digits, the resource
/// `thing/NAME` or `thinggroup/NAME` with a name of 1 to 128 letters, digits, `:`, `_`, `-`.
pub(super) const TARGET_ARN: &str =
    "^arn:aws[^:]*:iot:[a-zA-Z0-9-]+:[0-9]{12}:(?:thing|thinggroup)/[a-zA-Z0-9:_-]{1,128}$";

/// `tags/reserved-prefix`: the values that do not start with `aws:` in any ASCII case (a prefix
/// avoided without look-ahead).
pub(super) fn not_reserved_tag_prefix() -> String {
    format!("^{}", avoiding_prefix("aws:"))
}

/// `document/parameters-without-managed-template`: an ARN whose first `:jobtemplate/` is followed
/// by `AWS-`, as `rules::document::is_managed_template` reads it (the `arn:` prefix is the
/// JobTemplateArn pattern's job).
pub(super) fn managed_template() -> String {
    format!("^{}:jobtemplate/AWS-", avoiding(":jobtemplate/"))
}

/// A regex for the strings that do not start with `prefix` (ASCII letters match in either case).
fn avoiding_prefix(prefix: &str) -> String {
    let mut out = String::new();
    for c in prefix.chars().rev() {
        let class = class_of(c);
        out = if out.is_empty() {
            format!("(?:$|[^{class}])")
        } else {
            format!("(?:$|[^{class}]|[{class}]{out})")
        };
    }
    out
}

/// A regex (unanchored) for the strings that do not contain `needle`. The needle's first
/// character must occur nowhere else in it, so a broken partial match can only restart at that
/// character; the expression is then unambiguous and backtracks in linear time.
pub(super) fn avoiding(needle: &str) -> String {
    let chars: Vec<char> = needle.chars().collect();
    let first = escape(chars[0]);
    assert!(
        chars.len() >= 2 && !chars[1..].contains(&chars[0]),
        "needle must be self-restarting"
    );
    // After the first character, level k has matched chars[..k]; it continues with chars[k],
    // leaves the needle on any other character but `first` (then runs on to the next `first`),
    // or stops right before a `first` (or the end). The last character may not follow.
    let mut level = String::new();
    for k in (1..chars.len()).rev() {
        let next = escape(chars[k]);
        let leave = format!("[^{first}{next}][^{first}]*");
        level = if k == chars.len() - 1 {
            format!("(?:{leave})?")
        } else {
            format!("(?:{leave}|{next}{level})?")
        };
    }
    format!("[^{first}]*(?:{first}{level})*")
}

fn class_of(c: char) -> String {
    if c.is_ascii_alphabetic() {
        format!("{}{}", c.to_ascii_lowercase(), c.to_ascii_uppercase())
    } else {
        escape(c)
    }
}

/// Escapes the characters both dialects give a meaning (ECMA-262's `u` flag allows no other
/// escapes).
fn escape(c: char) -> String {
    if "^$\\.*+?()[]{}|-".contains(c) {
        format!("\\{c}")
    } else {
        c.to_string()
    }
}

/// A maintenance window's `startTime` shaped as the dialect needs it: `cron(` six fields `)`,
/// fields separated by whitespace (the linter reads spaces and tabs; nothing stricter, so the
/// schema never flags what the linter accepts). It does not judge the fields' values.
pub(crate) const CRON_SHAPE: &str = r"^cron\(\s*[^\s()]+(\s+[^\s()]+){5}\s*\)$";

/// The date-time forms the linter reads: `YYYY-MM-DDTHH:MM`, optionally `:SS` with a fraction,
/// optionally `Z` or `±HH:MM`. The digits only; the calendar (30 February) needs the linter.
pub(crate) const DATE_TIME: &str = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?(Z|[+-][0-9]{2}:[0-9]{2})?$";
