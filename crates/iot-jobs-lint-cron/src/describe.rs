//! A valid expression in words, for people reading a job file (an editor's hover, a preview):
//! `cron(0 22 ? * SAT *)` is "at 22:00 UTC, on Saturday".
//!
//! Only for expressions [`crate::parse`] accepted, so every field is known to be well formed;
//! anything this module does not phrase is quoted as written rather than guessed.

/// Full English names of the months, January first.
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Full English names of the weekdays in this dialect's numbering: 1 is Sunday.
const WEEKDAYS: [&str; 7] = [
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
];

/// The ordinals of `n#k` (k is 1 to 5).
const ORDINALS: [&str; 5] = ["first", "second", "third", "fourth", "fifth"];

/// The number of a month or weekday written as a number or a three-letter name.
fn number(token: &str, names: &[&str]) -> Option<usize> {
    if let Ok(n) = token.parse::<usize>() {
        return (1..=names.len()).contains(&n).then_some(n);
    }
    names
        .iter()
        .position(|name| {
            name.get(..3)
                .is_some_and(|short| short.eq_ignore_ascii_case(token))
        })
        .map(|i| i + 1)
}

/// One list item of the month or day-of-week field in words (`MON-FRI`: "Monday to Friday").
fn named(item: &str, names: &[&str]) -> String {
    let name = |t: &str| number(t, names).and_then(|n| names.get(n - 1)).copied();
    match item.split_once('-') {
        Some((a, b)) => match (name(a), name(b)) {
            (Some(a), Some(b)) => format!("{a} to {b}"),
            _ => format!("`{item}`"),
        },
        None => name(item).map_or_else(|| format!("`{item}`"), str::to_string),
    }
}

/// A list of phrases joined as English does: "a", "a and b", "a, b and c".
fn and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// Whether the field means "every value" (`*`) or "no restriction" (`?`).
fn any(field: &str) -> bool {
    field == "*" || field == "?"
}

/// The day-of-month field in words (`L`, `15W`, `LW`, lists and ranges).
fn day_of_month(field: &str) -> String {
    let items: Vec<String> = field
        .split(',')
        .map(|item| match item.to_ascii_uppercase().as_str() {
            "L" => "the last day".to_string(),
            "LW" => "the last weekday (Monday to Friday)".to_string(),
            upper => match upper.strip_suffix('W') {
                Some(day) => format!("the weekday (Monday to Friday) nearest day {day}"),
                None => match item.split_once('/') {
                    Some((start, step)) => {
                        format!("every {step} days from day {}", start.replace('*', "1"))
                    }
                    None => match item.split_once('-') {
                        Some((a, b)) => format!("days {a} to {b}"),
                        None => format!("day {item}"),
                    },
                },
            },
        })
        .collect();
    format!("on {} of the month", and(&items))
}

/// The day-of-week field in words (`MON-FRI`, `2#1`, `6L`).
fn day_of_week(field: &str) -> String {
    let items: Vec<String> = field
        .split(',')
        .map(|item| {
            if let Some((day, k)) = item.split_once('#') {
                let ordinal = k
                    .parse::<usize>()
                    .ok()
                    .and_then(|k| ORDINALS.get(k.wrapping_sub(1)));
                return match ordinal {
                    Some(o) => format!("the {o} {} of the month", named(day, &WEEKDAYS)),
                    None => format!("`{item}`"),
                };
            }
            if let Some(day) = item
                .strip_suffix('L')
                .or_else(|| item.strip_suffix('l'))
                .filter(|d| !d.is_empty())
            {
                return format!("the last {} of the month", named(day, &WEEKDAYS));
            }
            named(item, &WEEKDAYS)
        })
        .collect();
    format!("on {}", and(&items))
}

/// The minutes and hours fields in words: "at 22:00 UTC" when each is one number, else each
/// field said on its own.
fn time_of_day(minutes: &str, hours: &str) -> String {
    let single = |f: &str| f.parse::<u32>().ok();
    match (single(minutes), single(hours)) {
        (Some(m), Some(h)) => format!("at {h:02}:{m:02} UTC"),
        (Some(m), None) => {
            let hours = if any(hours) {
                "of every hour".to_string()
            } else {
                format!("in hours {hours} (UTC)")
            };
            format!("at minute {m} {hours}")
        }
        _ => {
            let minutes = if any(minutes) {
                "every minute".to_string()
            } else {
                format!("at minutes {minutes}")
            };
            if any(hours) {
                format!("{minutes} of every hour (UTC)")
            } else {
                format!("{minutes} of hours {hours} (UTC)")
            }
        }
    }
}

/// `text` (an expression [`crate::parse`] accepted) in words; `None` if it does not have the
/// `cron(` six fields `)` shape.
pub(crate) fn describe(text: &str) -> Option<String> {
    let inner = text.trim().strip_prefix("cron(")?.strip_suffix(')')?;
    let fields: Vec<&str> = inner.split_whitespace().collect();
    let [minutes, hours, dom, month, dow, year] = fields.as_slice() else {
        return None;
    };
    let mut parts = vec![time_of_day(minutes, hours)];
    if !any(dom) {
        parts.push(day_of_month(dom));
    }
    if !any(dow) {
        parts.push(day_of_week(dow));
    }
    if any(dom) && any(dow) {
        parts.push("every day".to_string());
    }
    if !any(month) {
        let months: Vec<String> = month.split(',').map(|m| named(m, &MONTHS)).collect();
        parts.push(format!("in {}", and(&months)));
    }
    if !any(year) {
        parts.push(format!("in {}", year.replace(',', ", ")));
    }
    Some(parts.join(", "))
}

#[cfg(test)]
mod tests {
    use crate::CronExpression;

    #[test]
    fn expressions_in_words() {
        for (text, words) in [
            ("cron(0 22 ? * SAT *)", "at 22:00 UTC, on Saturday"),
            (
                "cron(0 2 ? * MON-FRI *)",
                "at 02:00 UTC, on Monday to Friday",
            ),
            (
                "cron(30 1 L * ? 2027)",
                "at 01:30 UTC, on the last day of the month, in 2027",
            ),
            (
                "cron(0 3 15W * ? *)",
                "at 03:00 UTC, on the weekday (Monday to Friday) nearest day 15 of the month",
            ),
            (
                "cron(0 4 ? * 2#1 *)",
                "at 04:00 UTC, on the first Monday of the month",
            ),
            (
                "cron(0 4 ? * 6L *)",
                "at 04:00 UTC, on the last Friday of the month",
            ),
            (
                "cron(0 0 1,15 JAN,JUL ? *)",
                "at 00:00 UTC, on day 1 and day 15 of the month, in January and July",
            ),
            (
                "cron(0 0/6 * * ? *)",
                "at minute 0 in hours 0/6 (UTC), every day",
            ),
            (
                "cron(15 * * * ? *)",
                "at minute 15 of every hour, every day",
            ),
            (
                "cron(0/5 8-17 ? * 2-6 2026-2028)",
                "at minutes 0/5 of hours 8-17 (UTC), on Monday to Friday, in 2026-2028",
            ),
            (
                "cron(0 0 29 2 ? *)",
                "at 00:00 UTC, on day 29 of the month, in February",
            ),
        ] {
            let e: CronExpression = text.parse().unwrap();
            assert_eq!(e.describe(), words, "{text}");
        }
    }
}
