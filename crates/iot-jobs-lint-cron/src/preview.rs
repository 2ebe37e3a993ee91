//! Merged preview of several maintenance windows.

use crate::CronExpression;
use chrono::{DateTime, Duration, Utc};
use serde::Serialize;
use std::collections::BinaryHeap;

/// One maintenance window to preview: its start expression and its length.
#[derive(Debug, Clone, Copy)]
pub struct Window<'a> {
    /// When the window opens.
    pub expression: &'a CronExpression,
    /// How long it stays open, in minutes (`durationInMinutes`). Negative values are treated as 0.
    pub duration_minutes: i64,
    /// The caller's identifier for the window (typically its position in
    /// `maintenanceWindows`); copied into [`WindowOccurrence::window`] and used to order ties.
    pub index: usize,
}

/// One opening of one window.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct WindowOccurrence {
    /// When the window opens (UTC, whole minute).
    pub start: DateTime<Utc>,
    /// When it closes: `start` plus the duration (saturating at chrono's maximum instant).
    pub end: DateTime<Utc>,
    /// The [`Window::index`] of the window this opening belongs to.
    pub window: usize,
}

/// The next `count` window openings over all `windows`, merged and sorted by start time.
///
/// Only openings with `start >= from` (after `from` is rounded up to a whole minute) are
/// listed, and, when `until` is given, only those with `start < until` (strictly before: an
/// opening exactly at `until` is excluded). Openings at the same instant are ordered by
/// [`Window::index`], then by position in `windows`; two windows opening at the same instant
/// both appear. The same as adding each window to a [`Merge`] in turn.
pub fn preview(
    windows: &[Window<'_>],
    from: DateTime<Utc>,
    until: Option<DateTime<Utc>>,
    count: usize,
) -> Vec<WindowOccurrence> {
    // One window: its openings come in order, so the first `count` are the earliest (what the
    // merge would keep, without its heap).
    if let [window] = windows {
        return window
            .expression
            .occurrences(from)
            .take_while(|start| until.is_none_or(|u| *start < u))
            .take(count)
            .map(|start| opening(start, window.duration_minutes, window.index))
            .collect();
    }
    let mut merge = Merge::new(from, until, count);
    for w in windows {
        merge.add(w);
    }
    merge.finish()
}

/// The opening at `start` of a window of `minutes` minutes (its end saturates at chrono's last
/// instant).
fn opening(start: DateTime<Utc>, minutes: i64, window: usize) -> WindowOccurrence {
    let end = Duration::try_minutes(minutes.max(0))
        .and_then(|d| start.checked_add_signed(d))
        .unwrap_or(DateTime::<Utc>::MAX_UTC);
    WindowOccurrence { start, end, window }
}

/// [`preview`] one window at a time: only the `count` earliest openings seen so far are kept,
/// so a caller with many windows can parse, add and drop each in turn and hold `count`
/// openings, not one expression and one iterator per window.
///
/// Each window's openings are taken in order until one would not be among the `count`
/// earliest, so a window costs one search when it opens later than the others (or at the same
/// instants as an earlier-added one) and at most `count` otherwise.
///
/// ```
/// use iot_jobs_lint_cron::{CronExpression, Merge, Window};
/// use chrono::{TimeZone, Utc};
/// let from = Utc.with_ymd_and_hms(2026, 12, 1, 0, 0, 0).unwrap();
/// let mut merge = Merge::new(from, None, 3);
/// for (index, text) in ["cron(0 22 ? * SAT *)", "cron(0 3 ? * WED *)"].iter().enumerate() {
///     let expression: CronExpression = text.parse().unwrap();
///     merge.add(&Window { expression: &expression, duration_minutes: 60, index });
/// }
/// let starts: Vec<String> = merge.finish().iter().map(|o| o.start.to_rfc3339()).collect();
/// assert_eq!(starts, ["2026-12-02T03:00:00+00:00", "2026-12-05T22:00:00+00:00", "2026-12-09T03:00:00+00:00"]);
/// ```
#[derive(Debug)]
pub struct Merge {
    from: DateTime<Utc>,
    until: Option<DateTime<Utc>>,
    count: usize,
    /// The earliest openings so far, the latest on top: ((start, index, position), minutes).
    best: BinaryHeap<(Key, i64)>,
    /// How many windows were added (the position of the next one).
    added: usize,
}

/// The order of openings: start, then the window's index, then the order it was added in.
type Key = (DateTime<Utc>, usize, usize);

impl Merge {
    /// An empty merge of the openings at or after `from` and before `until`, keeping `count`.
    pub fn new(from: DateTime<Utc>, until: Option<DateTime<Utc>>, count: usize) -> Merge {
        Merge {
            from,
            until,
            count,
            best: BinaryHeap::with_capacity(count.min(1024)),
            added: 0,
        }
    }

    /// Adds the openings of `window` that are among the `count` earliest so far.
    pub fn add(&mut self, window: &Window<'_>) {
        let position = self.added;
        self.added = self.added.saturating_add(1);
        if self.count == 0 {
            return;
        }
        for start in window.expression.occurrences(self.from) {
            if self.until.is_some_and(|u| start >= u) {
                break;
            }
            let key = (start, window.index, position);
            if self.best.len() >= self.count {
                match self.best.peek() {
                    Some((top, _)) if key < *top => {
                        self.best.pop();
                    }
                    // This opening and every later one of the window are too late.
                    _ => break,
                }
            }
            self.best.push((key, window.duration_minutes));
        }
    }

    /// The openings kept, sorted by start (then index, then the order windows were added).
    pub fn finish(self) -> Vec<WindowOccurrence> {
        self.best
            .into_sorted_vec()
            .into_iter()
            .map(|((start, index, _), minutes)| opening(start, minutes, index))
            .collect()
    }
}
