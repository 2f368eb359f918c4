//! Dates as briefs write them: the timestamp a project, a lock or a recovery copy records,
//! and the long form ("28 November 2026") that briefs print and importers normalise to.
//! A leaf: it imports nothing from the crate, so import, project and draft can all use it.

/// Now as an ISO 8601 UTC timestamp, as projects record when they were made.
pub fn now_timestamp() -> String {
    timestamp_of(std::time::SystemTime::now())
}

/// `time` as an ISO 8601 UTC timestamp ("2026-12-06T13:05:00Z").
pub fn timestamp_of(time: std::time::SystemTime) -> String {
    let seconds = time
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let days = (seconds / 86_400) as i64;
    let (year, month, day) = civil_from_days(days);
    let rest = seconds % 86_400;
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rest / 3600,
        rest % 3600 / 60,
        rest % 60
    )
}

/// "2026-11-28T…" as "28 November 2026", the way briefs print dates.
pub fn long_date(timestamp: &str) -> Option<String> {
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
    let year: u32 = timestamp.get(0..4)?.parse().ok()?;
    let month: usize = timestamp.get(5..7)?.parse().ok()?;
    let day: u32 = timestamp.get(8..10)?.parse().ok()?;
    Some(format!(
        "{day} {} {year}",
        MONTHS.get(month.checked_sub(1)?)?
    ))
}

/// Days since 1970-01-01 to a calendar date (Howard Hinnant's algorithm).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let mp = (5 * day_of_year + 2) / 153;
    let day = (day_of_year - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_dates_are_right() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(20_524), (2026, 3, 12));
        assert_eq!(civil_from_days(11_016), (2000, 2, 29));
        assert_eq!(
            long_date("2026-11-28T10:00:00Z").as_deref(),
            Some("28 November 2026")
        );
        assert_eq!(long_date("garbage"), None);
    }
}
