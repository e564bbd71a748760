//! Dates as users write them: ISO `2026-11-23` and Finnish `23.11.2026` / `1.2.2026`, optionally
//! followed by a time of day (client systems and Excel export timestamps), which is ignored.
//!
//! Hand-written rather than format-string based: this runs for every date of every row of an audit.

use chrono::{Datelike, NaiveDate};

mod fast;

/// The quick route alone, for callers that look at a cell as read before trimming it: the date
/// of a bare `YYYY-MM-DD` or `D.M.YYYY`, `None` for anything else (then [`parse_date_bytes`]).
pub(crate) use fast::date as quick_date;
/// Defined beside the quick route, the first of the readers to need it.
pub use fast::FIRST_YEAR;

/// Why a text is not a date. The message quotes nothing: callers add the value where it is safe.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    /// Nothing was written.
    #[error("is empty")]
    Empty,
    /// Not a date in any form read.
    #[error("is not a date: write it as 23.11.2026 or 2026-11-23")]
    Format,
    /// A two-digit year, which could be any century.
    #[error("has a two-digit year: write the year with four digits, e.g. 23.11.2026")]
    ShortYear,
    /// A day the month does not have (31.2.).
    #[error("is not a real date: {month_name} {year} has no day {day}", month_name = month_name_en(*.month))]
    Impossible {
        /// The year written.
        year: i32,
        /// The month written.
        month: u32,
        /// The day written, which the month does not have.
        day: u32,
    },
    /// A time of day after the date that is not a time.
    #[error("has a time of day that is not one: write e.g. 23.11.2026 14:30, or the date alone")]
    Time,
    /// A year no case can have (before the dates read).
    #[error("has the year {year:04}, which cannot be right: check the year (dates from {FIRST_YEAR} on are read)")]
    Year {
        /// The year written.
        year: i32,
    },
}

/// Parses a date, see the module documentation.
pub fn parse_date(text: &str) -> Result<NaiveDate, DateError> {
    parse_date_bytes(text.as_bytes())
}

/// [`parse_date`] on raw bytes, as a CSV field arrives.
#[inline]
pub fn parse_date_bytes(bytes: &[u8]) -> Result<NaiveDate, DateError> {
    // The forms of nearly every export, `2026-11-23` and `23.11.2026`, straight; anything else
    // (spaces around it, another form, or an impossible date, for its message) takes the
    // general route.
    match fast::date(bytes) {
        Some(date) => Ok(date),
        None => parse_general(bytes.trim_ascii()),
    }
}

/// Every form of [`parse_date_bytes`], with the reason for a text that is not a date. Not
/// inlined: the common form then needs none of its set-up.
#[inline(never)]
fn parse_general(bytes: &[u8]) -> Result<NaiveDate, DateError> {
    if bytes.is_empty() {
        return Err(DateError::Empty);
    }
    let (first, rest) = number(bytes);
    let (year, month, day, rest) = match (first, rest.first()) {
        (Some((value, 4)), Some(b'-')) => {
            let (month, rest) = number_after(rest, b'-').ok_or(DateError::Format)?;
            let (day, rest) = number_after(rest, b'-').ok_or(DateError::Format)?;
            (value, month, day, rest)
        }
        (Some((day, 1..=2)), Some(b'.')) => {
            let (month, rest) = number_after(rest, b'.').ok_or(DateError::Format)?;
            let rest = rest.strip_prefix(b".").ok_or(DateError::Format)?;
            match number(rest) {
                (Some((year, 4)), rest) => (year, month, day, rest),
                (Some((_, 1..=2)), _) => return Err(DateError::ShortYear),
                _ => return Err(DateError::Format),
            }
        }
        _ => return Err(DateError::Format),
    };
    check_time(rest)?;
    let (year, month, day) = (year as i32, month, day);
    if year < FIRST_YEAR {
        return Err(DateError::Year { year });
    }
    NaiveDate::from_ymd_opt(year, month, day).ok_or(if (1..=12).contains(&month) && day >= 1 {
        DateError::Impossible { year, month, day }
    } else {
        DateError::Format
    })
}

/// A run of up to 4 ASCII digits at the start: its value and length, and what follows.
fn number(bytes: &[u8]) -> (Option<(u32, usize)>, &[u8]) {
    let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    if digits == 0 || digits > 4 {
        return (None, bytes);
    }
    let value = bytes[..digits]
        .iter()
        .fold(0u32, |acc, b| acc * 10 + u32::from(b - b'0'));
    (Some((value, digits)), &bytes[digits..])
}

/// A separator followed by a one- or two-digit number.
fn number_after(bytes: &[u8], separator: u8) -> Option<(u32, &[u8])> {
    match bytes.split_first() {
        Some((&b, rest)) if b == separator => match number(rest) {
            (Some((value, 1..=2)), rest) => Some((value, rest)),
            _ => None,
        },
        _ => None,
    }
}

/// Accepts nothing, or a time of day after a space or `T`: `14:30`, `14:30:00`, `14.30`,
/// `klo 14.30`, with optional fractions of a second and a `Z` or `+02:00` zone.
fn check_time(rest: &[u8]) -> Result<(), DateError> {
    let time = match rest.split_first() {
        None => return Ok(()),
        Some((b' ' | b'T', time)) => time.trim_ascii(),
        Some(_) => return Err(DateError::Format),
    };
    let time = time.strip_prefix(b"klo ").unwrap_or(time);
    let time = match time.iter().position(|&b| b == b'Z' || b == b'+') {
        Some(zone) => &time[..zone],
        None => time,
    };
    let mut parts = time.split(|&b| b == b':' || b == b'.' || b == b',');
    let mut limits = [24u32, 60, 60].into_iter();
    let mut count = 0;
    for part in parts.by_ref() {
        let limit = limits.next().unwrap_or(u32::MAX);
        let ok = match number(part) {
            (Some((value, 1..=2)), []) => value < limit,
            // fractions of a second
            (Some(_), []) if count == 3 => true,
            _ => part.len() > 2 && part.iter().all(u8::is_ascii_digit) && count == 3,
        };
        if !ok {
            return Err(DateError::Time);
        }
        count += 1;
    }
    if count < 2 {
        return Err(DateError::Time);
    }
    Ok(())
}

/// Today's date in Finland (Europe/Helsinki), whatever the machine's time zone: UTC+2, and UTC+3
/// from the last Sunday of March to the last Sunday of October, switching at 01:00 UTC (the EU rule
/// Finland has followed since 1981).
pub fn today_in_finland() -> NaiveDate {
    finnish_date_at(chrono::Utc::now().naive_utc())
}

/// The Finnish calendar date at a UTC instant, see [`today_in_finland`].
pub fn finnish_date_at(utc: chrono::NaiveDateTime) -> NaiveDate {
    let year = utc.date().year();
    let last_sunday = |month: u32| {
        let last = NaiveDate::from_ymd_opt(year, month, 31).unwrap_or(utc.date());
        last - chrono::Duration::days(i64::from(last.weekday().num_days_from_sunday()))
    };
    let switch = |day: NaiveDate| day.and_hms_opt(1, 0, 0).unwrap_or_default();
    let summer = utc >= switch(last_sunday(3)) && utc < switch(last_sunday(10));
    (utc + chrono::Duration::hours(if summer { 3 } else { 2 })).date()
}

/// English month names, for messages.
pub fn month_name_en(month: u32) -> &'static str {
    const NAMES: [&str; 12] = [
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
    NAMES
        .get((month as usize).wrapping_sub(1))
        .copied()
        .unwrap_or("month")
}

/// The Finnish way of writing a date, `2.12.2026`.
pub fn finnish(date: NaiveDate) -> String {
    format!("{}.{}.{}", date.day(), date.month(), date.year())
}

/// A date a person gives (a command-line argument, a form or API field): as [`parse_date`], with
/// a message that quotes the text and says why it is not a date.
pub fn given_date(text: &str) -> Result<NaiveDate, String> {
    parse_date(text).map_err(|e| format!("`{text}` {e}"))
}

/// The as-of date a person gives: a date (as [`given_date`]) inside the calendar, so that a
/// mistyped year ends the run with one message instead of failing every row of a list.
pub fn given_as_of(text: &str) -> Result<NaiveDate, String> {
    let date = given_date(text)?;
    let (first, last) = (crate::calendar::FIRST_DATE, crate::calendar::LAST_DATE);
    if date < first || date > last {
        return Err(format!(
            "{} is outside the calendar maaraika covers, {} to {}: check the year",
            finnish(date),
            finnish(first),
            finnish(last)
        ));
    }
    Ok(date)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn finnish_date_follows_helsinki_time() {
        let at = |y, m, day, h, min| d(y, m, day).and_hms_opt(h, min, 0).unwrap();
        // Winter, UTC+2: 21:59 UTC is 23:59 in Helsinki, 22:00 UTC is already the next day.
        assert_eq!(finnish_date_at(at(2026, 11, 22, 21, 59)), d(2026, 11, 22));
        assert_eq!(finnish_date_at(at(2026, 11, 22, 22, 0)), d(2026, 11, 23));
        // Summer, UTC+3.
        assert_eq!(finnish_date_at(at(2026, 7, 1, 21, 0)), d(2026, 7, 2));
        assert_eq!(finnish_date_at(at(2026, 7, 1, 20, 59)), d(2026, 7, 1));
        // Summer time 2026 runs from Sunday 29 March 01:00 UTC to Sunday 25 October 01:00 UTC.
        assert_eq!(finnish_date_at(at(2026, 3, 29, 20, 59)), d(2026, 3, 29));
        assert_eq!(finnish_date_at(at(2026, 3, 29, 21, 0)), d(2026, 3, 30));
        assert_eq!(finnish_date_at(at(2026, 10, 25, 21, 30)), d(2026, 10, 25));
        assert_eq!(finnish_date_at(at(2026, 10, 25, 22, 0)), d(2026, 10, 26));
    }

    #[test]
    fn iso_and_finnish_forms() {
        assert_eq!(parse_date("2026-11-23"), Ok(d(2026, 11, 23)));
        assert_eq!(parse_date("23.11.2026"), Ok(d(2026, 11, 23)));
        assert_eq!(parse_date("1.2.2026"), Ok(d(2026, 2, 1)));
        assert_eq!(parse_date("01.02.2026"), Ok(d(2026, 2, 1)));
        assert_eq!(parse_date(" 2026-1-5 "), Ok(d(2026, 1, 5)));
    }

    #[test]
    fn a_time_of_day_is_ignored() {
        for text in [
            "2026-11-23 14:30",
            "2026-11-23T14:30:00",
            "2026-11-23T14:30:00.123Z",
            "2026-11-23T14:30:00+02:00",
            "23.11.2026 14.30",
            "23.11.2026 klo 14.30",
            "23.11.2026 0:00:00",
        ] {
            assert_eq!(parse_date(text), Ok(d(2026, 11, 23)), "{text}");
        }
    }

    #[test]
    fn impossible_dates_say_why() {
        let err = parse_date("31.2.2026").unwrap_err();
        assert_eq!(
            err,
            DateError::Impossible {
                year: 2026,
                month: 2,
                day: 31
            }
        );
        assert_eq!(
            err.to_string(),
            "is not a real date: February 2026 has no day 31"
        );
        assert_eq!(
            parse_date("29.2.2025"),
            Err(DateError::Impossible {
                year: 2025,
                month: 2,
                day: 29
            })
        );
        assert_eq!(parse_date("29.2.2024"), Ok(d(2024, 2, 29)));
    }

    #[test]
    fn malformed_dates_are_rejected() {
        for text in [
            "2026/11/23",
            "23-11-2026",
            "2026-11",
            "23.11.",
            "23.11.2026x",
            "0.1.2026",
            "1.13.2026",
            "2026-00-10",
            "tomorrow",
            "٣.١١.٢٠٢٦",
            "23.11.20266",
            "2026-11-23 25:00",
            "2026-11-23 12",
            "2026-11-23 12:61",
        ] {
            assert!(parse_date(text).is_err(), "{text}");
        }
        assert_eq!(parse_date(""), Err(DateError::Empty));
        // Found by the date fuzz target: a year with a leading zero was read as the year 26.
        assert_eq!(parse_date("23.11.0026"), Err(DateError::Year { year: 26 }));
        assert_eq!(
            parse_date("1026-11-23"),
            Err(DateError::Year { year: 1026 })
        );
        assert_eq!(
            parse_date("23.11.0026").unwrap_err().to_string(),
            "has the year 0026, which cannot be right: check the year (dates from 1800 on are read)"
        );
        assert_eq!(parse_date("23.11.26"), Err(DateError::ShortYear));
    }
}
