//! The occurrence engine: a compiled schedule and a search that jumps field by field
//! (year → month → day → hour → minute).
//!
//! Work per search is bounded by the number of (selected year, selected month) pairs visited,
//! at most 230 × 12, each costing a constant number of bit operations; inside the first matching
//! day at most 24 hours are looked at. Nothing ever steps minute by minute.

/// First year of the dialect's year field.
pub(crate) const MIN_YEAR: i32 = 1970;
/// Last year of the dialect's year field.
pub(crate) const MAX_YEAR: i32 = 2199;

/// A set of small non-negative integers (0..256).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub(crate) struct Bits(pub(crate) [u64; 4]);

impl Bits {
    pub(crate) fn insert(&mut self, i: u32) {
        if let Some(word) = self.0.get_mut((i / 64) as usize) {
            *word |= 1u64 << (i % 64);
        }
    }

    pub(crate) fn union(&mut self, other: &Bits) {
        for (a, b) in self.0.iter_mut().zip(other.0.iter()) {
            *a |= *b;
        }
    }

    pub(crate) fn count(&self) -> u32 {
        self.0.iter().map(|w| w.count_ones()).sum()
    }

    /// Smallest member `>= from`.
    pub(crate) fn next_from(&self, from: u32) -> Option<u32> {
        let mut index = (from / 64) as usize;
        let mut mask = !0u64 << (from % 64);
        while let Some(word) = self.0.get(index) {
            let bits = word & mask;
            if bits != 0 {
                return Some(index as u32 * 64 + bits.trailing_zeros());
            }
            index += 1;
            mask = !0;
        }
        None
    }

    /// The low 64 bits.
    pub(crate) fn low(&self) -> u64 {
        self.0[0]
    }
}

/// Smallest set bit of `mask` at position `>= from`.
fn next_bit(mask: u64, from: u32) -> Option<u32> {
    if from >= 64 {
        return None;
    }
    let bits = mask & (!0u64 << from);
    (bits != 0).then(|| bits.trailing_zeros())
}

/// Is `year` a Gregorian leap year?
pub(crate) fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Number of days in `month` (1-12) of `year`.
pub(crate) fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
fn days_from_civil(year: i32, month: u32, day: u32) -> i64 {
    let y = i64::from(if month <= 2 { year - 1 } else { year });
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = i64::from((month + 9) % 12);
    let doy = (153 * mp + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Day of the week in this dialect's numbering: 1 = Sunday ... 7 = Saturday.
pub(crate) fn weekday(year: i32, month: u32, day: u32) -> u32 {
    // 1970-01-01 was a Thursday (5 in this numbering).
    (days_from_civil(year, month, day) + 4).rem_euclid(7) as u32 + 1
}

/// Day-of-month rule (day-of-week is `?`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub(crate) struct DomSpec {
    /// Bit `d` set: day `d` (1-31) of the month.
    pub(crate) days: u32,
    /// `L`: the last day of the month.
    pub(crate) last: bool,
    /// `LW`: the last Monday-Friday of the month.
    pub(crate) last_weekday: bool,
    /// Bit `n` set: `nW`, the Monday-Friday nearest day `n` within the same month.
    pub(crate) nearest: u32,
}

/// Day-of-week rule (day-of-month is `?`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub(crate) struct DowSpec {
    /// Bit `w` set: every weekday `w` (1 = Sunday ... 7 = Saturday).
    pub(crate) days: u8,
    /// Bit `w` set: `wL`, the last weekday `w` of the month.
    pub(crate) last: u8,
    /// Bit `(w - 1) * 5 + (k - 1)` set: `w#k`, the k-th weekday `w` of the month.
    pub(crate) nth: u64,
}

/// Which day field restricts the days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum DaySpec {
    /// Day-of-month is set, day-of-week is `?`.
    Dom(DomSpec),
    /// Day-of-week is set, day-of-month is `?`.
    Dow(DowSpec),
}

/// A compiled expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct Schedule {
    /// Bit m: minute m (0-59).
    pub(crate) minutes: u64,
    /// Bit h: hour h (0-23).
    pub(crate) hours: u32,
    /// Bit m: month m (1-12).
    pub(crate) months: u16,
    /// Bit `y - 1970`: year y.
    pub(crate) years: Bits,
    /// The day rule.
    pub(crate) days: DaySpec,
}

/// A minute as (year, month, day, hour, minute).
pub(crate) type Tuple = (i32, u32, u32, u32, u32);

impl DomSpec {
    fn mask(&self, year: i32, month: u32) -> u32 {
        let n = days_in_month(year, month);
        let valid = if n >= 31 {
            !0u32
        } else {
            (1u32 << (n + 1)) - 1
        };
        let mut mask = self.days & valid & !1;
        if self.last {
            mask |= 1 << n;
        }
        if self.last_weekday {
            let day = match weekday(year, month, n) {
                7 => n - 1,
                1 => n - 2,
                _ => n,
            };
            mask |= 1 << day;
        }
        let mut nearest = self.nearest & valid & !1;
        while nearest != 0 {
            let d = nearest.trailing_zeros();
            nearest &= nearest - 1;
            let day = match weekday(year, month, d) {
                // Saturday: the Friday before, unless that leaves the month.
                7 if d == 1 => 3,
                7 => d - 1,
                // Sunday: the Monday after, unless that leaves the month.
                1 if d == n => d - 2,
                1 => d + 1,
                _ => d,
            };
            mask |= 1 << day;
        }
        mask
    }
}

impl DowSpec {
    fn mask(&self, year: i32, month: u32) -> u32 {
        let n = days_in_month(year, month);
        let first = weekday(year, month, 1);
        let mut mask = 0u32;
        for w in 1..=7u32 {
            let wanted = self.days & (1 << w) != 0;
            let last = self.last & (1 << w) != 0;
            let nth = (self.nth >> ((w - 1) * 5)) & 0b1_1111;
            if !wanted && !last && nth == 0 {
                continue;
            }
            // First day of the month that falls on weekday w.
            let first_day = 1 + (w + 7 - first) % 7;
            if wanted {
                let mut d = first_day;
                while d <= n {
                    mask |= 1 << d;
                    d += 7;
                }
            }
            if last {
                mask |= 1 << (first_day + 7 * ((n - first_day) / 7));
            }
            let mut ks = nth;
            while ks != 0 {
                let k = ks.trailing_zeros();
                ks &= ks - 1;
                let d = first_day + 7 * k;
                if d <= n {
                    mask |= 1 << d;
                }
            }
        }
        mask
    }
}

impl Schedule {
    /// Bit d set when day d of the month matches the day rule.
    pub(crate) fn day_mask(&self, year: i32, month: u32) -> u32 {
        match &self.days {
            DaySpec::Dom(spec) => spec.mask(year, month),
            DaySpec::Dow(spec) => spec.mask(year, month),
        }
    }

    /// Whether the minute `at` (a valid date) matches: a test of each field, no search.
    pub(crate) fn matches(&self, (y, mo, d, h, mi): Tuple) -> bool {
        let bit = |mask: u64, i: u32| mask.checked_shr(i).is_some_and(|m| m & 1 == 1);
        (MIN_YEAR..=MAX_YEAR).contains(&y)
            && u32::try_from(y - MIN_YEAR).is_ok_and(|o| self.years.next_from(o) == Some(o))
            && bit(u64::from(self.months), mo)
            && bit(u64::from(self.day_mask(y, mo)), d)
            && bit(u64::from(self.hours), h)
            && bit(self.minutes, mi)
    }

    /// The first matching minute at or after `from` (which must be a valid date), or `None`
    /// if there is none up to the end of 2199.
    pub(crate) fn next_tuple(&self, from: Tuple) -> Option<Tuple> {
        let (y, mo, d, h, mi) = from;
        if y > MAX_YEAR {
            return None;
        }
        let (y, mo, d, h, mi) = if y < MIN_YEAR {
            (MIN_YEAR, 1, 1, 0, 0)
        } else {
            (y, mo, d, h, mi)
        };
        let offset = u32::try_from(y - MIN_YEAR).ok()?;
        let mut year_index = self.years.next_from(offset)?;
        let mut bound = (year_index == offset).then_some((mo, d, h, mi));
        loop {
            let year = MIN_YEAR + i32::try_from(year_index).ok()?;
            if year > MAX_YEAR {
                return None;
            }
            if let Some((month, day, hour, minute)) = self.in_year(year, bound) {
                return Some((year, month, day, hour, minute));
            }
            year_index = self.years.next_from(year_index + 1)?;
            bound = None;
        }
    }

    fn in_year(
        &self,
        year: i32,
        bound: Option<(u32, u32, u32, u32)>,
    ) -> Option<(u32, u32, u32, u32)> {
        let m0 = bound.map_or(1, |b| b.0);
        let mut month = next_bit(u64::from(self.months), m0)?;
        let mut rest = bound.filter(|_| month == m0).map(|b| (b.1, b.2, b.3));
        loop {
            if month > 12 {
                return None;
            }
            if let Some((day, hour, minute)) = self.in_month(year, month, rest) {
                return Some((month, day, hour, minute));
            }
            month = next_bit(u64::from(self.months), month + 1)?;
            rest = None;
        }
    }

    fn in_month(
        &self,
        year: i32,
        month: u32,
        bound: Option<(u32, u32, u32)>,
    ) -> Option<(u32, u32, u32)> {
        let days = u64::from(self.day_mask(year, month));
        let d0 = bound.map_or(1, |b| b.0);
        let mut day = next_bit(days, d0)?;
        let mut rest = bound.filter(|_| day == d0).map(|b| (b.1, b.2));
        loop {
            if let Some((hour, minute)) = self.in_day(rest) {
                return Some((day, hour, minute));
            }
            day = next_bit(days, day + 1)?;
            rest = None;
        }
    }

    /// The first (hour, minute) of a matching day at or after `bound` (the day's start when `None`).
    pub(crate) fn in_day(&self, bound: Option<(u32, u32)>) -> Option<(u32, u32)> {
        let h0 = bound.map_or(0, |b| b.0);
        let hour = next_bit(u64::from(self.hours), h0)?;
        let m0 = bound.filter(|_| hour == h0).map_or(0, |b| b.1);
        if let Some(minute) = next_bit(self.minutes, m0) {
            return Some((hour, minute));
        }
        let hour = next_bit(u64::from(self.hours), hour + 1)?;
        Some((hour, next_bit(self.minutes, 0)?))
    }

    /// True when no minute from 1970-01-01 00:00 to 2199-12-31 23:59 matches.
    pub(crate) fn never_fires(&self) -> bool {
        self.next_tuple((MIN_YEAR, 1, 1, 0, 0)).is_none()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weekday_matches_known_dates() {
        assert_eq!(weekday(1970, 1, 1), 5); // Thursday
        assert_eq!(weekday(2000, 2, 29), 3); // Tuesday
        assert_eq!(weekday(2026, 8, 1), 7); // Saturday
        assert_eq!(weekday(2199, 12, 31), 3); // Tuesday
    }

    #[test]
    fn days_in_month_handles_centuries() {
        assert_eq!(days_in_month(2000, 2), 29);
        assert_eq!(days_in_month(2100, 2), 28);
        assert_eq!(days_in_month(2028, 2), 29);
        assert_eq!(days_in_month(2027, 4), 30);
    }

    #[test]
    fn bits_next_from_crosses_words() {
        let mut b = Bits::default();
        b.insert(3);
        b.insert(200);
        assert_eq!(b.next_from(0), Some(3));
        assert_eq!(b.next_from(4), Some(200));
        assert_eq!(b.next_from(201), None);
        assert_eq!(b.next_from(10_000), None);
        assert_eq!(b.count(), 2);
    }

    #[test]
    fn nearest_weekday_edges() {
        // August 2026: the 1st is a Saturday, the 31st a Monday.
        let spec = DomSpec {
            nearest: 1 << 1,
            ..DomSpec::default()
        };
        assert_eq!(spec.mask(2026, 8), 1 << 3);
        // May 2026: the 31st is a Sunday.
        let spec = DomSpec {
            nearest: 1 << 31,
            ..DomSpec::default()
        };
        assert_eq!(spec.mask(2026, 5), 1 << 29);
        // April has no 31st.
        assert_eq!(spec.mask(2026, 4), 0);
    }
}
