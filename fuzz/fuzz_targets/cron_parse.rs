//! `cron_parse`: the cron crate's parser on arbitrary text. No panic; every problem's span is
//! within the text, on char boundaries, non-empty for non-empty text; problems are sorted by
//! position; an expression exactly when no error; its text is the input; every suggestion
//! replacement re-parses without panicking.
//!
//! Not checked here: unsafe characters in messages. The cron crate quotes the offending text
//! as it is (a library message, like `str::parse` errors); the core escapes every cron message
//! on its way out (see the `lint` target, which checks the core's messages).
#![no_main]
use iot_jobs_lint_cron::{CronExpression, Level, parse};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let parsed = parse(&text);
    let mut last = 0;
    for p in &parsed.problems {
        assert!(
            p.start <= p.end && p.end <= text.len(),
            "span {}..{} of {}",
            p.start,
            p.end,
            text.len()
        );
        assert!(
            text.is_char_boundary(p.start) && text.is_char_boundary(p.end),
            "span off char boundary"
        );
        assert!(text.is_empty() || p.start < p.end, "empty span {p:?}");
        assert!(
            p.start >= last,
            "problems out of order: {:?}",
            parsed.problems
        );
        last = p.start;
        assert!(p.code.starts_with("cron/"));
        if let Some(f) = &p.fix {
            let _ = parse(&f.replacement);
        }
    }
    assert_eq!(
        parsed.expression.is_some(),
        !parsed.problems.iter().any(|p| p.level == Level::Error)
    );
    if let Some(e) = &parsed.expression {
        assert_eq!(e.text(), &*text);
        assert!(!e.never_fires());
    }
    let _ = CronExpression::parse_allowing_never_fires(&text);
});
