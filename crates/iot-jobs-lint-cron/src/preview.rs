//! Merged preview of several maintenance windows.

use crate::{CronExpression, Occurrences};
use chrono::{DateTime, Duration, Utc};
use serde::Serialize;

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
/// both appear. The work is proportional to `count` times the number of windows; pass a
/// bounded `count` (or an `until`) for dense expressions.
pub fn preview(
    windows: &[Window<'_>],
    from: DateTime<Utc>,
    until: Option<DateTime<Utc>>,
    count: usize,
) -> Vec<WindowOccurrence> {
    let mut heads: Vec<(Option<DateTime<Utc>>, Occurrences)> = windows
        .iter()
        .map(|w| {
            let mut it = w.expression.occurrences(from);
            (it.next(), it)
        })
        .collect();
    let mut out = Vec::with_capacity(count.min(1024));
    while out.len() < count {
        let best = heads
            .iter()
            .zip(windows)
            .enumerate()
            .filter_map(|(i, ((head, _), w))| head.map(|t| (t, w.index, i, w.duration_minutes)))
            .min();
        let Some((start, index, position, minutes)) = best else {
            break;
        };
        if until.is_some_and(|u| start >= u) {
            break;
        }
        let minutes = minutes.max(0);
        let end = Duration::try_minutes(minutes)
            .and_then(|d| start.checked_add_signed(d))
            .unwrap_or(DateTime::<Utc>::MAX_UTC);
        out.push(WindowOccurrence {
            start,
            end,
            window: index,
        });
        if let Some((head, it)) = heads.get_mut(position) {
            *head = it.next();
        }
    }
    out
}
