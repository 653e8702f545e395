//! Coarse dates: responses keep only the ISO week they were given in.

/// The ISO 8601 week of a date, written `YYYY-Www` (e.g. `2026-W48`). Near new year the
/// ISO year can differ from the calendar year (29 Dec 2025 is in `2026-W01`).
///
/// Returns `None` for an impossible date.
///
/// ```
/// assert_eq!(spiegel::domain::calendar::iso_week(2026, 11, 23).as_deref(), Some("2026-W48"));
/// ```
pub fn iso_week(year: i32, month: u32, day: u32) -> Option<String> {
    let days_in_month =
        [31, if is_leap(year) { 29 } else { 28 }, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    let month_len = *days_in_month.get(usize::try_from(month).ok()?.checked_sub(1)?)?;
    if day == 0 || day > month_len {
        return None;
    }
    let ordinal = days_in_month[..(month as usize - 1)].iter().sum::<u32>() + day;
    let weekday = weekday(year, month, day); // 1 = Monday … 7 = Sunday
    let week = (i64::from(ordinal) - i64::from(weekday) + 10) / 7;
    let (iso_year, iso_week) = if week < 1 {
        (year - 1, weeks_in_year(year - 1))
    } else if week > i64::from(weeks_in_year(year)) {
        (year + 1, 1)
    } else {
        (year, u32::try_from(week).ok()?)
    };
    Some(format!("{iso_year}-W{iso_week:02}"))
}

/// Whether `y` is a leap year.
pub(crate) fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

/// Day of the week, 1 = Monday … 7 = Sunday (Sakamoto's method); `m` in 1..=12.
pub(crate) fn weekday(y: i32, m: u32, d: u32) -> u32 {
    const T: [i32; 12] = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
    let y = if m < 3 { y - 1 } else { y };
    let t = T.get(m.saturating_sub(1) as usize).copied().unwrap_or(0);
    let w = (y + y / 4 - y / 100 + y / 400 + t + d as i32).rem_euclid(7);
    if w == 0 {
        7
    } else {
        w as u32
    }
}

/// 53 when 1 January or 31 December is a Thursday, otherwise 52.
pub(crate) fn weeks_in_year(y: i32) -> u32 {
    if weekday(y, 1, 1) == 4 || weekday(y, 12, 31) == 4 {
        53
    } else {
        52
    }
}

#[cfg(test)]
mod tests {
    use super::iso_week;

    #[test]
    fn iso_weeks_match_the_calendar_including_year_boundaries() {
        assert_eq!(iso_week(2026, 11, 23).as_deref(), Some("2026-W48"));
        assert_eq!(iso_week(2025, 12, 29).as_deref(), Some("2026-W01"));
        assert_eq!(iso_week(2021, 1, 3).as_deref(), Some("2020-W53"));
        assert_eq!(iso_week(2024, 12, 30).as_deref(), Some("2025-W01"));
        assert_eq!(iso_week(2024, 2, 29).as_deref(), Some("2024-W09"));
        assert_eq!(iso_week(2023, 2, 29), None);
        assert_eq!(iso_week(2023, 13, 1), None);
    }
}
