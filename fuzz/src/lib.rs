//! Shared pieces of the fuzz targets: the option header that the `lint`, `schedule` and `fixes`
//! targets read from the first bytes of their input, and the well-formedness checks of a report.
//!
//! Header layout ([`HEADER_LEN`] bytes, then the input proper):
//!
//! | byte  | meaning |
//! |-------|---------|
//! | 0     | operation: `% 5`, 0 = detect from content, 1..=4 = `Operation::ALL[n - 1]` |
//! | 1     | edition: `% 2`, 0 = latest, 1 = 2023-03-02 |
//! | 2     | how `now` is chosen, `% 6` (see [`now_from`]) |
//! | 3..11 | `i64` little-endian, the offset or instant for byte 2 |
//! | 11    | sub-second part: `0` none, else `byte * 3_921_568` nanoseconds |
//! | 12..14| `u16` little-endian, the preview count `% 1001` (schedule target) |
//!
//! An all-zero header means: detect the operation, latest model, now = 2026-01-01T00:00:00Z,
//! count 0. `fuzz/seed.sh` writes the header `0…0 07 00` (count 7) before each seed file.

use chrono::{DateTime, TimeZone, Utc};
use iot_jobs_lint::{Diagnostic, Edition, LintOptions, Operation, Report, text::is_unsafe};

/// Length of the option header.
pub const HEADER_LEN: usize = 14;

/// The options, preview count and the rest of the input, read from `data`.
pub fn split(data: &[u8]) -> (LintOptions, usize, &[u8]) {
    let mut h = [0u8; HEADER_LEN];
    let n = data.len().min(HEADER_LEN);
    h[..n].copy_from_slice(&data[..n]);
    let operation = match h[0] % 5 {
        0 => None,
        k => Some(Operation::ALL[usize::from(k) - 1]),
    };
    let service_model = if h[1] % 2 == 0 {
        Edition::Latest
    } else {
        Edition::V2023_03_02
    };
    let raw = i64::from_le_bytes(h[3..11].try_into().unwrap());
    let nanos = u32::from(h[11]) * 3_921_568; // 255 * 3_921_568 < 10^9
    let now = now_from(h[2], raw, nanos);
    let count = usize::from(u16::from_le_bytes([h[12], h[13]])) % 1001;
    (
        LintOptions {
            operation,
            service_model,
            // The default input limit; inputs over it get input/too-large alone.
            ..LintOptions::new(now)
        },
        count,
        &data[n..],
    )
}

/// `now` anywhere in chrono's range, biased towards the ends and towards today:
/// 0: 2026-01-01 plus `raw` seconds bounded to ±2^31; 1: `MIN_UTC` plus `raw` seconds (mod 2^32);
/// 2: `MAX_UTC` minus that; 3: any second in range; 4: exactly `MIN_UTC`; 5: exactly `MAX_UTC`.
pub fn now_from(mode: u8, raw: i64, nanos: u32) -> DateTime<Utc> {
    let min = DateTime::<Utc>::MIN_UTC;
    let max = DateTime::<Utc>::MAX_UTC;
    let at = |secs: i64| {
        let secs = secs.clamp(min.timestamp(), max.timestamp());
        let ns = if secs == max.timestamp() { 0 } else { nanos };
        Utc.timestamp_opt(secs, ns).single().unwrap_or(max)
    };
    match mode % 6 {
        0 => at(1_767_225_600 + i64::from(raw as i32)),
        1 => at(min.timestamp() + (raw as u32) as i64),
        2 => at(max.timestamp() - (raw as u32) as i64),
        3 => {
            let span = (max.timestamp() - min.timestamp()) as u64 + 1;
            at(min.timestamp() + ((raw as u64) % span) as i64)
        }
        4 => min,
        _ => max,
    }
}

/// The 1-based (line, column in code points) of byte `offset` of `text`, as the reports count
/// them: lines end at `\n`.
pub fn position(text: &str, offset: usize) -> (u32, u32) {
    let before = &text[..offset];
    let line = before.bytes().filter(|b| *b == b'\n').count() + 1;
    let col = match before.rfind('\n') {
        Some(i) => before[i + 1..].chars().count() + 1,
        None => before.chars().count() + 1,
    };
    (line as u32, col as u32)
}

fn check_text(what: &str, s: &str, d: &Diagnostic) {
    if let Some(c) = s.chars().find(|c| is_unsafe(*c)) {
        panic!(
            "unsafe character {:?} in the {what} of {}: {s:?}",
            c, d.code
        );
    }
}

/// A byte range of `input` (and on char boundaries when `text` is the input as UTF-8).
fn check_span(what: &str, span: &std::ops::Range<usize>, input: &[u8], text: Option<&str>) {
    assert!(
        span.start <= span.end && span.end <= input.len(),
        "{what} span {span:?} outside the input of {} bytes",
        input.len()
    );
    if let Some(t) = text {
        assert!(
            t.is_char_boundary(span.start) && t.is_char_boundary(span.end),
            "{what} span {span:?} not on char boundaries"
        );
    }
}

/// Every diagnostic of `report` (produced from `input`) is well-formed; the report serializes
/// with serde_json and reads back equal.
pub fn check_report(report: &Report, input: &[u8]) {
    let text = std::str::from_utf8(input).ok();
    for d in &report.diagnostics {
        check_diagnostic(d, input, text);
    }
    let json = serde_json::to_string(report).expect("report serializes");
    let back: Report = serde_json::from_str(&json).expect("report reads back");
    assert_eq!(&back, report, "report changes through JSON");
}

/// One diagnostic is well-formed (see [`check_report`]).
pub fn check_diagnostic(d: &Diagnostic, input: &[u8], text: Option<&str>) {
    check_span("diagnostic", &d.span, input, text);
    assert!(d.line >= 1 && d.column >= 1, "{}: line/column 0", d.code);
    assert!(
        (d.end_line, d.end_column) >= (d.line, d.column),
        "{}: end {}:{} before start {}:{}",
        d.code,
        d.end_line,
        d.end_column,
        d.line,
        d.column
    );
    if let Some(t) = text {
        let start = position(t, d.span.start);
        assert_eq!(
            (d.line, d.column),
            start,
            "{}: line/column do not match span start {}",
            d.code,
            d.span.start
        );
        let end = position(t, d.span.end);
        assert_eq!(
            (d.end_line, d.end_column),
            end,
            "{}: end line/column do not match span end {}",
            d.code,
            d.span.end
        );
    }
    check_text("message", &d.message, d);
    if let Some(h) = &d.help {
        check_text("help", h, d);
    }
    for f in &d.fixes {
        check_text("fix message", &f.message, d);
        let mut last = 0usize;
        for (i, e) in f.edits.iter().enumerate() {
            check_span("edit", &e.span, input, text);
            assert!(
                i == 0 || e.span.start >= last,
                "{}: fix edits overlap or are unsorted",
                d.code
            );
            last = e.span.end;
        }
    }
    for r in &d.related {
        check_span("related", &r.span, input, text);
        assert!(
            r.line >= 1 && r.column >= 1,
            "{}: related line/column 0",
            d.code
        );
        check_text("related message", &r.message, d);
        if let Some(t) = text {
            assert_eq!(
                (r.line, r.column),
                position(t, r.span.start),
                "{}: related line/column do not match its span",
                d.code
            );
        }
    }
}

/// The `json/*` errors that mean the input was not read as JSON at all.
pub fn unreadable(report: &Report) -> bool {
    report.diagnostics.iter().any(|d| {
        matches!(
            d.code.as_str(),
            "json/syntax" | "json/too-deep" | "json/invalid-utf8"
        )
    })
}
