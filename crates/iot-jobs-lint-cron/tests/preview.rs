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
