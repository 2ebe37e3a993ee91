//! Baselines: the findings a team has accepted, so that only new ones are reported.
//! `check --write-baseline FILE` records every finding of the run; `check --baseline FILE`
//! hides the findings recorded there. A finding is matched by its file, code and the core's
//! fingerprint (the code, the pointer and the offending text, not its position: it survives edits
//! elsewhere in the file), as a multiset: two identical findings recorded once hide one. A
//! diagnostic that means the input was not checked at all (not JSON, unknown operation, ...) is
//! never recorded nor hidden, as it cannot be ignored.

use iot_jobs_lint::selection::is_always_reported;
use iot_jobs_lint::{Diagnostic, Report};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// The largest baseline read: about a million findings.
const MAX_BASELINE_BYTES: usize = 256 * 1024 * 1024;

/// The baseline format's version.
const VERSION: u32 = 1;

/// One accepted finding.
#[derive(Serialize, Deserialize, Clone, PartialEq, Eq, Hash)]
#[serde(deny_unknown_fields)]
struct Entry {
    /// The file, as the run showed it.
    file: String,
    code: String,
    /// Where it was (for people reading the file; not matched).
    pointer: String,
    fingerprint: String,
}

/// The key a finding is matched by.
type Key = (String, String, String);

/// The file as written.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    version: u32,
    findings: Vec<Entry>,
}

/// A loaded baseline: how many findings of each key are still to be hidden.
pub(crate) struct Baseline {
    remaining: HashMap<Key, usize>,
    /// How many findings it hid.
    pub(crate) hidden: usize,
}

impl Baseline {
    /// Reads a baseline written by `--write-baseline`.
    pub(crate) fn load(path: &str) -> Result<Baseline, String> {
        let shown = iot_jobs_lint::text::printable(path);
        let text = crate::input::read_aux(std::path::Path::new(path), MAX_BASELINE_BYTES)
            .map_err(|e| format!("cannot read baseline {shown}: {e}"))?;
        let file: File = serde_json::from_slice(&text).map_err(|e| {
            let e = iot_jobs_lint::text::printable(&e.to_string()).into_owned();
            format!("{shown} is not a baseline written by --write-baseline: {e}")
        })?;
        if file.version != VERSION {
            return Err(format!(
                "{shown} is a baseline of version {}; this iot-jobs-lint reads version {VERSION}",
                file.version
            ));
        }
        let mut remaining = HashMap::new();
        for e in file.findings {
            *remaining
                .entry((e.file, e.code, e.fingerprint))
                .or_insert(0) += 1;
        }
        Ok(Baseline {
            remaining,
            hidden: 0,
        })
    }

    /// Removes from `report` the findings the baseline accepts.
    pub(crate) fn filter(&mut self, file: &str, text: Option<&str>, report: &mut Report) {
        report.diagnostics.retain(|d| {
            if is_always_reported(d.code.as_str()) {
                return true;
            }
            let key = (
                file.to_string(),
                d.code.as_str().to_string(),
                iot_jobs_lint::output::fingerprint(text, d),
            );
            match self.remaining.get_mut(&key) {
                Some(n) if *n > 0 => {
                    *n -= 1;
                    self.hidden += 1;
                    false
                }
                _ => true,
            }
        });
    }

    /// How many recorded findings no longer occur (fixed since the baseline was written).
    pub(crate) fn stale(&self) -> usize {
        self.remaining.values().sum()
    }
}

/// The findings of a run, for `--write-baseline`.
#[derive(Default)]
pub(crate) struct Recorder {
    findings: Vec<Entry>,
}

impl Recorder {
    /// Records the diagnostics of one file.
    pub(crate) fn record(&mut self, file: &str, text: Option<&str>, diagnostics: &[Diagnostic]) {
        let accepted = diagnostics
            .iter()
            .filter(|d| !is_always_reported(d.code.as_str()));
        self.findings.extend(accepted.map(|d| Entry {
            file: file.to_string(),
            code: d.code.as_str().to_string(),
            pointer: d.pointer.clone(),
            fingerprint: iot_jobs_lint::output::fingerprint(text, d),
        }));
    }

    /// Adds the findings another recorder collected (one file's, from a worker thread).
    pub(crate) fn extend(&mut self, other: Recorder) {
        self.findings.extend(other.findings);
    }

    /// Writes the baseline file (pretty JSON, one finding per entry, in run order).
    pub(crate) fn write(self, path: &str) -> Result<usize, String> {
        let count = self.findings.len();
        let file = File {
            version: VERSION,
            findings: self.findings,
        };
        let text = serde_json::to_string_pretty(&file).unwrap_or_default() + "\n";
        std::fs::write(path, text).map_err(|e| {
            format!(
                "cannot write baseline {}: {e}",
                iot_jobs_lint::text::printable(path)
            )
        })?;
        Ok(count)
    }
}
