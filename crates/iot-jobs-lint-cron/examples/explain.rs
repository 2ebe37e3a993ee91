//! Prints what `parse` says about each argument, and the next few occurrences from
//! 2026-01-01T00:00:00Z when the expression is valid.
//!
//! `cargo run -p iot-jobs-lint-cron --example explain -- 'cron(0 10 * * ? *)'`

use chrono::{TimeZone, Utc};

fn main() {
    let Some(from) = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).single() else {
        return;
    };
    for text in std::env::args().skip(1) {
        println!("{text:?}");
        let parsed = iot_jobs_lint_cron::parse(&text);
        for p in &parsed.problems {
            println!(
                "  {} {} [{}..{}] `{}`: {}",
                p.level,
                p.code,
                p.start,
                p.end,
                text.get(p.start..p.end).unwrap_or(""),
                p.message
            );
            if let Some(help) = &p.help {
                println!("    help: {help}");
            }
            if let Some(fix) = &p.fix {
                println!(
                    "    fix ({}): {} => {}",
                    fix.applicability, fix.message, fix.replacement
                );
            }
        }
        if let Some(expr) = parsed.expression {
            for t in expr.occurrences(from).take(5) {
                println!("  -> {t}");
            }
        }
    }
}
