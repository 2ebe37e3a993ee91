//! The merged preview of several maintenance windows.

use chrono::{DateTime, TimeZone, Utc};
use iot_jobs_lint_cron::{CronExpression, Window, WindowOccurrence, preview};

fn at(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, mo, d, h, mi, 0).unwrap()
}

fn expr(text: &str) -> CronExpression {
    text.parse().unwrap()
}

fn occ(start: DateTime<Utc>, minutes: i64, window: usize) -> WindowOccurrence {
    WindowOccurrence {
        start,
        end: start + chrono::Duration::minutes(minutes),
        window,
    }
}

#[test]
fn merges_sorted_and_keeps_ties_by_index() {
    let daily = expr("cron(0 2 * * ? *)");
    let sunday = expr("cron(0 2 ? * SUN *)");
    let windows = [
        Window {
            expression: &sunday,
            duration_minutes: 120,
            index: 1,
        },
        Window {
            expression: &daily,
            duration_minutes: 30,
            index: 0,
        },
    ];
    // 2026-01-03 is a Saturday, the 4th a Sunday.
    let got = preview(&windows, at(2026, 1, 3, 0, 0), None, 4);
    assert_eq!(
        got,
        [
            occ(at(2026, 1, 3, 2, 0), 30, 0),
            occ(at(2026, 1, 4, 2, 0), 30, 0),
            occ(at(2026, 1, 4, 2, 0), 120, 1),
            occ(at(2026, 1, 5, 2, 0), 30, 0),
        ]
    );
}

#[test]
fn until_is_exclusive() {
    let daily = expr("cron(0 2 * * ? *)");
    let windows = [Window {
        expression: &daily,
        duration_minutes: 60,
        index: 7,
    }];
    let got = preview(
        &windows,
        at(2026, 1, 1, 0, 0),
        Some(at(2026, 1, 3, 2, 0)),
        10,
    );
    assert_eq!(
        got,
        [
            occ(at(2026, 1, 1, 2, 0), 60, 7),
            occ(at(2026, 1, 2, 2, 0), 60, 7)
        ]
    );
}

#[test]
fn ends_when_every_window_is_exhausted() {
    let once = expr("cron(0 0 1 1 ? 2027)");
    let twice = expr("cron(30 0 1 1 ? 2027-2028)");
    let windows = [
        Window {
            expression: &once,
            duration_minutes: 30,
            index: 0,
        },
        Window {
            expression: &twice,
            duration_minutes: -5,
            index: 1,
        },
    ];
    let got = preview(&windows, at(2026, 6, 1, 0, 0), None, 100);
    assert_eq!(
        got,
        [
            occ(at(2027, 1, 1, 0, 0), 30, 0),
            occ(at(2027, 1, 1, 0, 30), 0, 1),
            occ(at(2028, 1, 1, 0, 30), 0, 1),
        ]
    );
    assert!(preview(&[], at(2026, 1, 1, 0, 0), None, 5).is_empty());
    assert!(preview(&windows, at(2026, 1, 1, 0, 0), None, 0).is_empty());
}

#[test]
fn huge_durations_saturate() {
    let daily = expr("cron(0 2 * * ? *)");
    let windows = [Window {
        expression: &daily,
        duration_minutes: i64::MAX,
        index: 0,
    }];
    let got = preview(&windows, at(2026, 1, 1, 0, 0), None, 1);
    assert_eq!(got[0].end, DateTime::<Utc>::MAX_UTC);
}

/// The one-window-at-a-time merge against the obvious one: every window's first `count`
/// openings, all of them sorted by (start, index, position), the first `count` kept. Windows
/// share expressions and indexes on purpose (ties), and some never open before `until`.
mod merge_against_sorting {
    use super::*;
    use proptest::prelude::*;

    const EXPRESSIONS: &[&str] = &[
        "cron(0 22 ? * SAT *)",
        "cron(0 0/6 * * ? *)",
        "cron(30 1 ? * MON-FRI *)",
        "cron(0 0 1 * ? *)",
        "cron(15 3 L * ? *)",
        "cron(0 2 ? * 2#1 *)",
        "cron(0 0 29 2 ? *)",
        "cron(0 12 * * ? 2030)",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(500))]
        #[test]
        fn same_as_sorting_everything(
            windows in proptest::collection::vec((0..EXPRESSIONS.len(), 0usize..6, 0i64..2000), 0..12),
            count in 0usize..20,
            bounded in any::<bool>(),
        ) {
            let from = at(2026, 12, 1, 0, 7);
            let until = bounded.then(|| at(2027, 3, 1, 0, 0));
            let parsed: Vec<CronExpression> = windows.iter().map(|(e, _, _)| expr(EXPRESSIONS[*e])).collect();
            let list: Vec<Window<'_>> = windows
                .iter()
                .zip(&parsed)
                .map(|((_, index, minutes), expression)| Window { expression, duration_minutes: *minutes, index: *index })
                .collect();
            let mut all = Vec::new();
            for (position, w) in list.iter().enumerate() {
                for start in w.expression.occurrences(from).take(count) {
                    if until.is_some_and(|u| start >= u) {
                        break;
                    }
                    all.push(((start, w.index, position), occ(start, w.duration_minutes, w.index)));
                }
            }
            all.sort_by_key(|(key, _)| *key);
            let expected: Vec<WindowOccurrence> = all.into_iter().take(count).map(|(_, o)| o).collect();
            prop_assert_eq!(preview(&list, from, until, count), expected);
        }
    }
}
