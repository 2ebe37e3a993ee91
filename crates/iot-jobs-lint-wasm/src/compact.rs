//! The compact layout in which a linter's results cross to JS: every string of the result
//! concatenated into one text, and everything else (numbers, enum codes, string lengths, list
//! lengths) in one array of `u32`, in a fixed order that `pkg/src/linter.js` (`decode*`) reads back
//! into the same objects serde-wasm-bindgen would build from the [`crate::dto`] types.
//!
//! Why: serde-wasm-bindgen builds the result one JS call per property and one UTF-8 decode per
//! string; a diagnostic (code, pointer, message, help, fixes) costs about 2.2 µs that way in Node
//! 20, more than a small request's whole lint. Here the text is decoded once and sliced (engines
//! share the slices), and the numbers are read from WebAssembly memory in place.
//!
//! A string is written as its length in UTF-16 code units (what JS slices by), or [`NONE`] for
//! `null`. The order of each type is its fields' order in [`crate::dto`]; the linter tests compare
//! every corpus result with serde-wasm-bindgen's (`pkg/test/linter.test.mjs`).

use crate::dto;
use crate::linter::{Analysis, FixResult, Outcome};

/// `null` (a string), absent (`templateResources`).
pub const NONE: u32 = u32::MAX;

/// A result being written.
#[derive(Default)]
pub struct Encoder {
    /// Every string, one after the other.
    pub text: String,
    /// Everything else.
    pub numbers: Vec<u32>,
}

impl Encoder {
    fn num(&mut self, n: u32) {
        self.numbers.push(n);
    }

    fn flag(&mut self, b: bool) {
        self.num(u32::from(b));
    }

    fn len(&mut self, n: usize) {
        self.num(u32::try_from(n).unwrap_or(NONE - 1));
    }

    fn str(&mut self, s: &str) {
        let units = if s.is_ascii() {
            s.len()
        } else {
            s.chars().map(char::len_utf16).sum()
        };
        self.len(units);
        self.text.push_str(s);
    }

    fn opt_str(&mut self, s: Option<&str>) {
        match s {
            Some(s) => self.str(s),
            None => self.num(NONE),
        }
    }

    fn operation(&mut self, o: Option<dto::Operation>) {
        self.num(match o {
            None => 0,
            Some(dto::Operation::CreateJob) => 1,
            Some(dto::Operation::CreateJobTemplate) => 2,
            Some(dto::Operation::DescribeJob) => 3,
            Some(dto::Operation::DescribeJobTemplate) => 4,
        });
    }

    fn span(&mut self, s: &dto::Span) {
        self.num(s.start);
        self.num(s.end);
    }

    fn diagnostic(&mut self, d: &dto::Diagnostic) {
        self.str(&d.code);
        self.num(match d.severity {
            dto::Severity::Error => 0,
            dto::Severity::Warning => 1,
            dto::Severity::Info => 2,
        });
        self.str(&d.pointer);
        self.str(&d.message);
        self.opt_str(d.help.as_deref());
        for n in [d.line, d.column, d.end_line, d.end_column] {
            self.num(n);
        }
        self.span(&d.span);
        self.len(d.fixes.len());
        for f in &d.fixes {
            self.str(&f.message);
            self.flag(f.applicability == dto::Applicability::Suggested);
            self.len(f.edits.len());
            for e in &f.edits {
                self.span(&e.span);
                self.str(&e.replacement);
            }
        }
        self.len(d.related.len());
        for r in &d.related {
            self.str(&r.pointer);
            self.str(&r.message);
            self.span(&r.span);
            self.num(r.line);
            self.num(r.column);
        }
    }

    fn diagnostics(&mut self, list: &[dto::Diagnostic]) {
        self.len(list.len());
        for d in list {
            self.diagnostic(d);
        }
    }

    fn report(&mut self, r: &dto::LintReport) {
        self.operation(r.operation);
        self.flag(r.operation_detected);
        self.flag(r.service_model == dto::ServiceModel::V2023_03_02);
        self.diagnostics(&r.diagnostics);
        self.num(r.template_resources.unwrap_or(NONE));
    }

    fn schedule(&mut self, s: &dto::Schedule) {
        self.operation(s.operation);
        self.str(&s.from);
        self.opt_str(s.until.as_deref());
        self.num(s.declared_windows);
        self.num(s.previewable_windows);
        self.len(s.scheduled_job_rollouts.len());
        for r in &s.scheduled_job_rollouts {
            self.str(&r.start_time);
        }
        self.len(s.windows.len());
        for w in &s.windows {
            self.str(&w.start);
            self.str(&w.end);
            self.num(w.maintenance_window);
        }
        self.diagnostics(&s.diagnostics);
    }

    /// Writes one outcome.
    pub fn outcome(&mut self, o: &Outcome) {
        match o {
            Outcome::Lint(r) => self.report(r),
            Outcome::Schedule(s) => self.schedule(s),
            Outcome::Analysis(Analysis { report, schedule }) => {
                self.report(report);
                self.schedule(schedule);
            }
            Outcome::Fix(FixResult {
                output,
                applied,
                report,
            }) => {
                self.opt_str(output.as_deref());
                self.num(*applied);
                self.report(report);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_measured_in_utf16_units() {
        let mut e = Encoder::default();
        e.str("ab");
        e.str("é🚀");
        e.opt_str(None);
        e.str("");
        assert_eq!(e.numbers, [2, 3, NONE, 0]);
        assert_eq!(e.text, "abé🚀");
    }
}
