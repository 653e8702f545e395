//! Coarse periods: ISO weeks (`2026-W48`) and the months they fall in (`2026-11`).

use crate::domain::calendar::{is_leap, weekday, weeks_in_year};

/// A parsed ISO week.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Week {
    year: i32,
    week: u32,
}

impl Week {
    /// Reads `YYYY-Www`; `None` unless the week exists in that ISO year.
    pub fn parse(text: &str) -> Option<Week> {
        let (year, week) = text.split_once("-W")?;
        if year.len() != 4 || week.len() != 2 {
            return None;
        }
        if !year.bytes().chain(week.bytes()).all(|b| b.is_ascii_digit()) {
            return None;
        }
        let (year, week) = (year.parse::<i32>().ok()?, week.parse::<u32>().ok()?);
        (1..=weeks_in_year(year)).contains(&week).then_some(Week { year, week })
    }

    /// The month of the week's Thursday, `YYYY-MM` (ISO 8601 puts a week in the year of
    /// its Thursday; the month follows the same rule).
    pub fn month(self) -> String {
        // Day of the year (1-based) of the Monday of week 1: 4 January minus its weekday.
        let monday = 4 - (weekday(self.year, 1, 4) as i32 - 1);
        let mut day = monday + (self.week as i32 - 1) * 7 + 3;
        let mut year = self.year;
        let len = |y: i32| if is_leap(y) { 366 } else { 365 };
        if day < 1 {
            year -= 1;
            day += len(year);
        } else if day > len(year) {
            day -= len(year);
            year += 1;
        }
        let mut month = 1;
        for m in 1..=12u32 {
            let days = month_len(year, m) as i32;
            if day <= days {
                month = m;
                break;
            }
            day -= days;
        }
        format!("{year:04}-{month:02}")
    }
}

/// Whether `text` is an ISO week `YYYY-Www` that exists.
pub(super) fn is_week(text: &str) -> bool {
    Week::parse(text).is_some()
}

/// Whether `text` is a month `YYYY-MM`.
pub(super) fn is_month(text: &str) -> bool {
    let b = text.as_bytes();
    b.len() == 7
        && b.get(4) == Some(&b'-')
        && text.get(..4).is_some_and(|y| y.bytes().all(|c| c.is_ascii_digit()))
        && text.get(5..).and_then(|m| m.parse::<u32>().ok()).is_some_and(|m| (1..=12).contains(&m))
        && text.get(5..).is_some_and(|m| m.bytes().all(|c| c.is_ascii_digit()))
}

fn month_len(y: i32, m: u32) -> u32 {
    match m {
        2 if is_leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn month(w: &str) -> String {
        Week::parse(w).map(Week::month).unwrap_or_default()
    }

    #[test]
    fn a_week_lies_in_the_month_of_its_thursday() {
        assert_eq!(month("2026-W48"), "2026-11"); // Thu 26 Nov 2026
        assert_eq!(month("2026-W49"), "2026-12"); // Thu 3 Dec 2026
        assert_eq!(month("2026-W01"), "2026-01"); // Thu 1 Jan 2026
        assert_eq!(month("2021-W01"), "2021-01"); // Thu 7 Jan 2021
        assert_eq!(month("2020-W53"), "2020-12"); // Thu 31 Dec 2020
        assert_eq!(month("2025-W01"), "2025-01"); // Thu 2 Jan 2025 (Mon 30 Dec 2024)
        assert_eq!(month("2019-W01"), "2019-01"); // Thu 3 Jan 2019
        assert_eq!(month("2024-W09"), "2024-02"); // Thu 29 Feb 2024
        assert_eq!(month("2024-W05"), "2024-02"); // Thu 1 Feb 2024
    }

    #[test]
    fn only_real_weeks_and_months_are_read() {
        assert!(is_week("2026-W48"));
        assert!(is_week("2020-W53"));
        assert!(!is_week("2021-W53"));
        assert!(!is_week("2026-W00"));
        assert!(!is_week("2026-W4"));
        assert!(!is_week("26-W48"));
        assert!(!is_week("2026-w48"));
        assert!(!is_week("+026-W48"));
        assert!(is_month("2026-11"));
        assert!(!is_month("2026-13"));
        assert!(!is_month("2026-1"));
        assert!(!is_month("2026-+1"));
    }
}
