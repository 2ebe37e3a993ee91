//! Which rules report, and at what severity: the part of a configuration that every host shares
//! (the CLI's `iot-jobs-lint.toml` and `--select`/`--ignore`, and any other front end), carried in
//! [`LintOptions::rules`](crate::LintOptions::rules) so that the engine applies it in its one pass.
//!
//! A pattern is `ALL`, a family (`cron`, also written `cron/`), or a code (`cron/every-minute`).
//! As in ruff, the more specific pattern wins: `select = ["cron"]` with `ignore =
//! ["cron/every-minute"]` runs every cron rule but that one, while `select =
//! ["cron/every-minute"]` with `ignore = ["cron"]` keeps that one. An empty `select` means `ALL`.
//!
//! Diagnostics that say the input was not checked at all (see [`is_always_reported`]) cannot be
//! ignored or lowered: a file that is not JSON must never pass because its syntax error was
//! switched off.

use crate::{RuleInfo, Severity, registry};

/// One selection pattern, resolved against the registry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pattern {
    /// `ALL`.
    All,
    /// A family, such as `cron`.
    Family(&'static str),
    /// One rule.
    Code(&'static str),
}

impl Pattern {
    /// How specific the pattern is when it matches `code` (`None` when it does not).
    fn matches(self, code: &str) -> Option<u8> {
        match self {
            Pattern::All => Some(0),
            Pattern::Family(f) => code
                .strip_prefix(f)
                .is_some_and(|rest| rest.starts_with('/'))
                .then_some(1),
            Pattern::Code(c) => (c == code).then_some(2),
        }
    }
}

/// What a severity override sets a rule to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Level {
    /// Report at this severity.
    Severity(Severity),
    /// Do not report (the same as ignoring the pattern).
    Off,
}

impl std::str::FromStr for Level {
    type Err = String;

    /// `error`, `warning`, `info` or `off`.
    fn from_str(s: &str) -> Result<Level, String> {
        match s {
            "error" => Ok(Level::Severity(Severity::Error)),
            "warning" => Ok(Level::Severity(Severity::Warning)),
            "info" => Ok(Level::Severity(Severity::Info)),
            "off" => Ok(Level::Off),
            other => Err(format!(
                "`{}` is not a level; use error, warning, info or off",
                crate::text::escape(other)
            )),
        }
    }
}

/// A pattern that names no rule or family, or asks for what cannot be done.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct SelectionError {
    /// The pattern as written.
    pub pattern: String,
    /// What is wrong, with a did-you-mean when a code or family is close.
    pub message: String,
}

/// Which rules report and at what severity. The default reports every rule at its own severity.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RuleSelection {
    select: Vec<Pattern>,
    ignore: Vec<Pattern>,
    /// Overrides, later ones winning among equally specific patterns.
    levels: Vec<(Pattern, Level)>,
}

/// Whether diagnostics of `code` are reported whatever the selection says: those that mean the
/// input was not checked at all (not UTF-8, not JSON, nested too deep, not an object, over the
/// size limit, of an unknown operation).
pub fn is_always_reported(code: &str) -> bool {
    matches!(
        code,
        "json/invalid-utf8"
            | "json/syntax"
            | "json/too-deep"
            | "json/root-not-object"
            | "input/too-large"
            | "input/operation-unknown"
    )
}

/// The families of the registry, in registry order (`json`, `input`, `model`, ...).
pub fn families() -> Vec<&'static str> {
    let mut out: Vec<&'static str> = Vec::new();
    for rule in registry::all() {
        let family = rule.code.split('/').next().unwrap_or(rule.code);
        if !out.contains(&family) {
            out.push(family);
        }
    }
    out
}

/// Resolves one pattern against the registry.
fn resolve(pattern: &str) -> Result<Pattern, SelectionError> {
    if pattern == "ALL" {
        return Ok(Pattern::All);
    }
    let trimmed = pattern.strip_suffix('/').unwrap_or(pattern);
    if let Some(rule) = registry::find(trimmed) {
        return Ok(Pattern::Code(rule.code));
    }
    let families = families();
    if let Some(family) = families.iter().find(|f| **f == trimmed) {
        return Ok(Pattern::Family(family));
    }
    let candidates = registry::all()
        .iter()
        .map(|r| r.code)
        .chain(families.iter().copied())
        .chain(["ALL"]);
    let shown = crate::text::escape(pattern);
    let message = match crate::text::closest(pattern, candidates) {
        Some(near) => format!("unknown rule or family `{shown}`; did you mean `{near}`?"),
        None => format!(
            "unknown rule or family `{shown}`; `iot-jobs-lint rules` lists the codes, whose first part is the family"
        ),
    };
    Err(SelectionError {
        pattern: pattern.to_string(),
        message,
    })
}

impl RuleSelection {
    /// A selection from `select` and `ignore` patterns (see the module docs); every unknown
    /// pattern is an error, as is ignoring by name a code that [`is_always_reported`].
    pub fn new<S: AsRef<str>>(select: &[S], ignore: &[S]) -> Result<Self, Vec<SelectionError>> {
        let mut errors = Vec::new();
        let mut resolve_all = |patterns: &[S], ignoring: bool| -> Vec<Pattern> {
            let mut out = Vec::new();
            for p in patterns {
                match resolve(p.as_ref()) {
                    Ok(Pattern::Code(c)) if ignoring && is_always_reported(c) => {
                        errors.push(always_reported(c, "ignored"));
                    }
                    Ok(pattern) => out.push(pattern),
                    Err(e) => errors.push(e),
                }
            }
            out
        };
        let select = resolve_all(select, false);
        let ignore = resolve_all(ignore, true);
        if errors.is_empty() {
            Ok(RuleSelection {
                select,
                ignore,
                levels: Vec::new(),
            })
        } else {
            Err(errors)
        }
    }

    /// Sets the rules that `pattern` names to `level`: a severity changes how the selected ones
    /// report (it does not select any), `Off` ignores them. Among overrides that match a rule,
    /// the most specific wins, then the one set last. Lowering or switching off a
    /// code that [`is_always_reported`] is an error.
    pub fn set_level(&mut self, pattern: &str, level: Level) -> Result<(), SelectionError> {
        let resolved = resolve(pattern)?;
        if let Pattern::Code(c) = resolved
            && is_always_reported(c)
            && level != Level::Severity(Severity::Error)
        {
            return Err(always_reported(c, "lowered"));
        }
        self.levels.push((resolved, level));
        Ok(())
    }

    /// Adds `patterns` to the ignored ones (a per-file ignore on top of the project's selection).
    pub fn ignore_more<S: AsRef<str>>(
        &mut self,
        patterns: &[S],
    ) -> Result<(), Vec<SelectionError>> {
        let extra = RuleSelection::new(&[] as &[S], patterns)?;
        self.ignore.extend(extra.ignore);
        Ok(())
    }

    /// Whether this is the default selection (every rule at its own severity).
    pub fn is_default(&self) -> bool {
        self.select.is_empty() && self.ignore.is_empty() && self.levels.is_empty()
    }

    /// The most specific override matching `code`, the later one on a tie.
    fn level_of(&self, code: &str) -> Option<(u8, Level)> {
        let mut best: Option<(u8, Level)> = None;
        for (pattern, level) in &self.levels {
            if let Some(s) = pattern.matches(code)
                && best.is_none_or(|(b, _)| s >= b)
            {
                best = Some((s, *level));
            }
        }
        best
    }

    /// Whether `rule`'s diagnostics are reported.
    pub fn enabled(&self, rule: &RuleInfo) -> bool {
        if self.is_default() || is_always_reported(rule.code) {
            return true;
        }
        let most =
            |patterns: &[Pattern]| patterns.iter().filter_map(|p| p.matches(rule.code)).max();
        let selected = if self.select.is_empty() {
            Some(0)
        } else {
            most(&self.select)
        };
        let mut ignored = most(&self.ignore);
        // An override to `off` ignores the rule at its own specificity; one to a severity
        // changes only how a selected rule reports, never whether it runs.
        if let Some((s, Level::Off)) = self.level_of(rule.code) {
            ignored = ignored.max(Some(s));
        }
        match (selected, ignored) {
            (Some(s), Some(i)) => s > i,
            (Some(_), None) => true,
            (None, _) => false,
        }
    }

    /// The severity `rule`'s diagnostics are reported at.
    pub fn severity(&self, rule: &RuleInfo) -> Severity {
        match self.level_of(rule.code) {
            Some((_, Level::Severity(s))) if !is_always_reported(rule.code) => s,
            _ => rule.severity,
        }
    }
}

fn always_reported(code: &str, what: &str) -> SelectionError {
    SelectionError {
        pattern: code.to_string(),
        message: format!(
            "`{code}` cannot be {what}: it means the input was not checked at all, so a file with it would pass unchecked"
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(code: &str) -> &'static RuleInfo {
        registry::find(code).unwrap()
    }

    #[test]
    fn more_specific_pattern_wins() {
        let s = RuleSelection::new(&["cron"], &["cron/every-minute"]).unwrap();
        assert!(s.enabled(rule("cron/day-fields")));
        assert!(!s.enabled(rule("cron/every-minute")));
        assert!(!s.enabled(rule("targets/duplicate")));
        let s = RuleSelection::new(&["cron/every-minute"], &["cron"]).unwrap();
        assert!(s.enabled(rule("cron/every-minute")));
        assert!(!s.enabled(rule("cron/day-fields")));
        let s = RuleSelection::new(&["ALL"], &["tags/"]).unwrap();
        assert!(!s.enabled(rule("tags/duplicate-key")));
        assert!(s.enabled(rule("model/range")));
    }

    #[test]
    fn fatal_codes_stay() {
        let s = RuleSelection::new(&["cron"], &["json"]).unwrap();
        assert!(s.enabled(rule("json/syntax")));
        assert!(!s.enabled(rule("json/duplicate-key")));
        let e = RuleSelection::new(&[] as &[&str], &["json/syntax"]).unwrap_err();
        assert!(e[0].message.contains("cannot be ignored"), "{e:?}");
        let mut s = RuleSelection::default();
        assert!(s.set_level("json/syntax", Level::Off).is_err());
        assert!(
            s.set_level("input/too-large", Level::Severity(Severity::Warning))
                .is_err()
        );
        s.set_level("json", Level::Severity(Severity::Warning))
            .unwrap();
        assert_eq!(s.severity(rule("json/syntax")), Severity::Error);
        assert_eq!(s.severity(rule("json/duplicate-key")), Severity::Warning);
    }

    #[test]
    fn unknown_patterns_suggest() {
        let e = RuleSelection::new(&["cron/evry-minute", "targts", "zzzz"], &[]).unwrap_err();
        assert_eq!(e.len(), 3);
        assert!(
            e[0].message.contains("did you mean `cron/every-minute`"),
            "{}",
            e[0]
        );
        assert!(e[1].message.contains("did you mean `targets`"), "{}", e[1]);
        assert!(e[2].message.contains("iot-jobs-lint rules"), "{}", e[2]);
        let e = RuleSelection::new(&["\u{1b}[31m"], &[]).unwrap_err();
        assert!(!e[0].message.contains('\u{1b}'));
    }

    #[test]
    fn levels() {
        let mut s = RuleSelection::default();
        s.set_level("window", Level::Severity(Severity::Error))
            .unwrap();
        s.set_level("window/overlap", Level::Off).unwrap();
        assert_eq!(s.severity(rule("window/self-overlap")), Severity::Error);
        assert!(!s.enabled(rule("window/overlap")));
        assert!(s.enabled(rule("window/self-overlap")));
        // A severity does not select a rule that the select list left out.
        let mut s = RuleSelection::new(&["cron"], &[] as &[&str]).unwrap();
        s.set_level("tags/too-many", Level::Severity(Severity::Warning))
            .unwrap();
        assert!(!s.enabled(rule("tags/too-many")));
        assert!(s.enabled(rule("cron/day-fields")));
    }

    #[test]
    fn the_engine_applies_it() {
        let now = "2026-01-01T00:00:00Z".parse().unwrap();
        let targets: Vec<String> = (0..150).map(|i| format!("\"bad-{i}\"")).collect();
        let request = format!(
            r#"{{"jobId":"a","targets":[{}],"document":"{{}}","tags":[{{"Key":"k","Value":"1"}},{{"Key":"k","Value":"2"}}]}}"#,
            targets.join(",")
        );
        let mut options = crate::LintOptions::new(now);
        let all = crate::lint_str(&request, &options);
        let codes = |r: &crate::Report| {
            r.diagnostics
                .iter()
                .map(|d| d.code.as_str())
                .collect::<Vec<_>>()
        };
        assert!(codes(&all).contains(&"targets/arn-format"));
        assert!(codes(&all).contains(&"input/too-many-diagnostics"));
        options.rules = RuleSelection::new(&["ALL"], &["targets"]).unwrap();
        options
            .rules
            .set_level("tags/duplicate-key", Level::Severity(Severity::Info))
            .unwrap();
        let some = crate::lint_str(&request, &options);
        // The ignored family is gone, and so is the note that summarised its overflow.
        assert_eq!(codes(&some), ["tags/duplicate-key"]);
        assert_eq!(some.diagnostics[0].severity, Severity::Info);
        // A syntax error stays whatever is ignored.
        options.rules = RuleSelection::new(&["tags"], &["json"]).unwrap();
        assert_eq!(codes(&crate::lint_str("{", &options)), ["json/syntax"]);
    }
}
