//! Finnish working days (arkipäivät), counted from the holiday data in `holidays/finland.csv`.
//!
//! A working day is Monday to Friday except public holidays and, in the standard reading,
//! Christmas Eve and Midsummer Eve (Act 150/1930 5 §; docs/LAW.md "Counting").
//!
//! The calendar is a table built once (lazily, see [`calendar`]) over [`FIRST_DATE`]..=[`LAST_DATE`]:
//! for each reading, the number of working days up to each day (a prefix count) and the position
//! of every working day. Each operation afterwards is a couple of array look-ups.

mod data;
mod easter;
mod months;

use std::ops::RangeInclusive;
use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate, Weekday};

pub use data::{parse_rules, DataError, DateRule, HolidayKind, HolidayRule, HOLIDAY_DATA};
pub use easter::easter_sunday;
pub use months::{add_months, age_on};

/// The first day the calendar covers.
pub const FIRST_DATE: NaiveDate = match NaiveDate::from_ymd_opt(1955, 1, 1) {
    Some(date) => date,
    None => panic!("valid constant date"),
};

/// The last day the calendar covers.
pub const LAST_DATE: NaiveDate = match NaiveDate::from_ymd_opt(2199, 12, 31) {
    Some(date) => date,
    None => panic!("valid constant date"),
};

/// Where the law leaves room: are Christmas Eve and Midsummer Eve working days?
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Reading {
    /// Eves are not working days (offices are closed; listed beside holidays in 150/1930 5 §).
    #[default]
    Standard,
    /// Eves are working days: the earliest date any reasonable reading allows.
    Conservative,
}

impl Reading {
    /// The stable key (`standard`, `conservative`).
    pub fn as_str(self) -> &'static str {
        match self {
            Reading::Standard => "standard",
            Reading::Conservative => "conservative",
        }
    }

    /// Whether a day of this kind is a working day in this reading.
    fn counts_as_working(self, kind: HolidayKind) -> bool {
        match kind {
            HolidayKind::Holiday => false,
            HolidayKind::Eve => self == Reading::Conservative,
        }
    }
}

/// A calendar operation that cannot be answered.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CalendarError {
    #[error("{date} is outside the supported calendar {FIRST_DATE} to {LAST_DATE}")]
    /// A date before or after the calendar.
    OutOfRange {
        /// The date.
        date: NaiveDate,
    },
    #[error(
        "counting {n} working days from {from} goes past the supported calendar {FIRST_DATE} to {LAST_DATE}"
    )]
    /// Counting goes past the calendar's end (or before its start).
    ResultOutOfRange {
        /// The date counted from.
        from: NaiveDate,
        /// The working days counted.
        n: i64,
    },
    #[error("year {year} is outside the supported calendar {}-{}", FIRST_DATE.year(), LAST_DATE.year())]
    /// A year outside the calendar.
    YearOutOfRange {
        /// The year.
        year: i32,
    },
}

/// One holiday or eve on one date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Holiday {
    /// The date.
    pub date: NaiveDate,
    /// The stable key of the holiday.
    pub key: &'static str,
    /// Its name in Finnish.
    pub name_fi: &'static str,
    /// Its name in English.
    pub name_en: &'static str,
    /// Its name in Swedish.
    pub name_sv: &'static str,
    /// A holiday or an eve.
    pub kind: HolidayKind,
}

impl Holiday {
    /// Whether this holiday takes a day off the working week in `reading`: it falls on Monday to
    /// Friday and is not a working day in that reading.
    pub fn displaces_working_day(&self, reading: Reading) -> bool {
        is_weekday(self.date) && !reading.counts_as_working(self.kind)
    }
}

fn is_weekday(date: NaiveDate) -> bool {
    !matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
}

/// Working-day counts for one reading.
#[derive(Debug)]
struct Table {
    /// `prefix[i]`: working days among days `0..=i`.
    prefix: Vec<u32>,
    /// `working[k]`: the (k+1)-th working day (dates, not day numbers: an audit looks up a
    /// million deadlines, and converting a day number back to a date is the slow part).
    working: Vec<NaiveDate>,
}

impl Table {
    /// The tables of both readings from each day's level (see [`Calendar::from_rules`]): a day
    /// is a working day in the standard reading below level 1, in the conservative one below 2.
    fn build(off: &[u8]) -> (Table, Table) {
        let prefix = |limit: u8| {
            let mut count = 0;
            off.iter()
                .map(|&level| {
                    count += u32::from(level < limit);
                    count
                })
                .collect()
        };
        let capacity = off.len() * 5 / 7 + 1;
        let (mut standard, mut conservative) =
            (Vec::with_capacity(capacity), Vec::with_capacity(capacity));
        let mut date = FIRST_DATE;
        for &level in off {
            if level < 2 {
                conservative.push(date);
                if level < 1 {
                    standard.push(date);
                }
            }
            date = date.succ_opt().unwrap_or(date);
        }
        (
            Table {
                prefix: prefix(1),
                working: standard,
            },
            Table {
                prefix: prefix(2),
                working: conservative,
            },
        )
    }

    /// Working days strictly before day `i`.
    fn before(&self, i: usize) -> u32 {
        if i == 0 {
            0
        } else {
            self.prefix[i - 1]
        }
    }
}

/// The Finnish working-day calendar over [`FIRST_DATE`]..=[`LAST_DATE`].
#[derive(Debug)]
pub struct Calendar {
    /// The number of the first day of each year, `FIRST_DATE.year()` first: a date's number is
    /// its year's plus its day of the year (see [`Calendar::index`]).
    year_starts: Vec<usize>,
    holidays: Vec<Holiday>,
    standard: Table,
    conservative: Table,
}

/// The calendar built from the embedded holiday data, once per process, on first use.
pub fn calendar() -> &'static Calendar {
    static CALENDAR: OnceLock<Calendar> = OnceLock::new();
    CALENDAR.get_or_init(|| {
        // The embedded data is checked by the test suite; a failure here is a build defect.
        let rules = parse_rules(HOLIDAY_DATA).expect("holidays/finland.csv is valid");
        Calendar::from_rules(&rules)
    })
}

impl Calendar {
    /// Builds the calendar from holiday rules (normally those of `holidays/finland.csv`).
    pub fn from_rules(rules: &[HolidayRule]) -> Calendar {
        let first_day = FIRST_DATE.num_days_from_ce();
        let days = (LAST_DATE.num_days_from_ce() - first_day + 1) as usize;
        let mut holidays: Vec<Holiday> = (FIRST_DATE.year()..=LAST_DATE.year())
            .flat_map(|year| {
                rules
                    .iter()
                    .filter(move |rule| rule.applies_in(year))
                    .filter_map(move |rule| {
                        Some(Holiday {
                            date: rule.rule.date_in(year)?,
                            key: rule.key,
                            name_fi: rule.name_fi,
                            name_en: rule.name_en,
                            name_sv: rule.name_sv,
                            kind: rule.kind,
                        })
                    })
            })
            .collect();
        holidays.sort_by_key(|h| h.date);

        // Per day: 0 = a working day in both readings, 1 = an eve (a working day only in the
        // conservative reading), 2 = never a working day (a weekend or a public holiday).
        let mut off = vec![0u8; days];
        let mut weekday = FIRST_DATE.weekday().num_days_from_monday();
        for level in off.iter_mut() {
            if weekday >= 5 {
                *level = 2;
            }
            weekday = if weekday == 6 { 0 } else { weekday + 1 };
        }
        for holiday in &holidays {
            let index = (holiday.date.num_days_from_ce() - first_day) as usize;
            let level = match holiday.kind {
                HolidayKind::Eve => 1,
                HolidayKind::Holiday => 2,
            };
            off[index] = off[index].max(level);
        }
        let (standard, conservative) = Table::build(&off);
        let year_starts = (FIRST_DATE.year()..=LAST_DATE.year())
            .map(|year| {
                let new_year = NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(FIRST_DATE);
                (new_year.num_days_from_ce() - first_day) as usize
            })
            .collect();
        Calendar {
            year_starts,
            standard,
            conservative,
            holidays,
        }
    }

    fn table(&self, reading: Reading) -> &Table {
        match reading {
            Reading::Standard => &self.standard,
            Reading::Conservative => &self.conservative,
        }
    }

    /// The number of `date`, counted from [`FIRST_DATE`]: where it is in the tables. The
    /// calendar covers whole years, so the year alone tells whether a date is inside it, and
    /// the number is a look-up by year plus the day of the year, not a count of days from year
    /// 1 (this runs several times for every case of an audit).
    fn index(&self, date: NaiveDate) -> Result<usize, CalendarError> {
        let year_start = usize::try_from(date.year() - FIRST_DATE.year())
            .ok()
            .and_then(|year| self.year_starts.get(year))
            .ok_or(CalendarError::OutOfRange { date })?;
        Ok(year_start + date.ordinal0() as usize)
    }

    /// Whether `date` is a working day: Monday to Friday, not a public holiday, and (in the
    /// standard reading) not Christmas Eve or Midsummer Eve.
    pub fn is_working_day(&self, date: NaiveDate, reading: Reading) -> Result<bool, CalendarError> {
        let i = self.index(date)?;
        let table = self.table(reading);
        Ok(table.prefix[i] > table.before(i))
    }

    /// The `n`-th working day after `date`; `date` itself is not counted.
    ///
    /// - `n > 0`: the first working day after `date` is day 1. A non-working `date` (a weekend or
    ///   holiday) counts from the next working day the same way (docs/LAW.md, "Counting").
    /// - `n == 0`: `date` itself, unchanged.
    /// - `n < 0`: the mirror image, the `|n|`-th working day before `date` (`date` not counted):
    ///   Monday with n = -1 gives the Friday before, and so does Saturday or Sunday.
    ///
    /// For every n, `working_days_between(date, add_working_days(date, n)) == n`.
    pub fn add_working_days(
        &self,
        date: NaiveDate,
        n: i64,
        reading: Reading,
    ) -> Result<NaiveDate, CalendarError> {
        let i = self.index(date)?;
        let table = self.table(reading);
        // Zero-based position, among all working days, of the answer.
        let position = match n {
            0 => return Ok(date),
            1.. => (table.prefix[i] as i64 - 1).checked_add(n),
            _ => (table.before(i) as i64).checked_add(n),
        };
        let position = position
            .and_then(|p| usize::try_from(p).ok())
            .filter(|&p| p < table.working.len())
            .ok_or(CalendarError::ResultOutOfRange { from: date, n })?;
        Ok(table.working[position])
    }

    /// Working days after `a` up to and including `b`. When `b` is before `a`, the mirror image,
    /// negated: minus the working days before `a` down to and including `b`. Zero when equal.
    pub fn working_days_between(
        &self,
        a: NaiveDate,
        b: NaiveDate,
        reading: Reading,
    ) -> Result<i64, CalendarError> {
        let (i, j) = (self.index(a)?, self.index(b)?);
        let table = self.table(reading);
        Ok(if j >= i {
            table.prefix[j] as i64 - table.prefix[i] as i64
        } else {
            table.before(j) as i64 - table.before(i) as i64
        })
    }

    /// Every holiday and eve in the given years (inclusive), weekends included, in date order.
    /// Two holidays on one day (Ascension Day and May Day in 2008) are two entries.
    pub fn holidays(&self, years: RangeInclusive<i32>) -> Result<&[Holiday], CalendarError> {
        for year in [*years.start(), *years.end()] {
            if !(FIRST_DATE.year()..=LAST_DATE.year()).contains(&year) {
                return Err(CalendarError::YearOutOfRange { year });
            }
        }
        let start = self
            .holidays
            .partition_point(|h| h.date.year() < *years.start());
        let end = self
            .holidays
            .partition_point(|h| h.date.year() <= *years.end());
        Ok(&self.holidays[start..end.max(start)])
    }

    /// The holidays and eves on `date` (none, one, or two).
    pub fn holidays_on(&self, date: NaiveDate) -> &[Holiday] {
        let start = self.holidays.partition_point(|h| h.date < date);
        let end = self.holidays.partition_point(|h| h.date <= date);
        &self.holidays[start..end]
    }

    /// The holidays after `a` up to and including `b` that took a working day away in `reading`:
    /// the ones a count from `a` to `b` skipped.
    pub fn skipped_holidays(&self, a: NaiveDate, b: NaiveDate, reading: Reading) -> Vec<Holiday> {
        let (from, to) = if a <= b { (a, b) } else { (b, a) };
        let start = self.holidays.partition_point(|h| h.date <= from);
        let end = self.holidays.partition_point(|h| h.date <= to);
        self.holidays[start..end.max(start)]
            .iter()
            .filter(|h| h.displaces_working_day(reading))
            .copied()
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn first_day_is_a_saturday() {
        assert_eq!(FIRST_DATE.weekday(), Weekday::Sat);
        let cal = calendar();
        assert!(!cal.is_working_day(FIRST_DATE, Reading::Standard).unwrap());
        assert!(cal
            .is_working_day(d(1955, 1, 3), Reading::Standard)
            .unwrap());
    }

    #[test]
    fn the_calendar_covers_whole_years() {
        // What `Calendar::index` relies on.
        assert_eq!((FIRST_DATE.month(), FIRST_DATE.day()), (1, 1));
        assert_eq!((LAST_DATE.month(), LAST_DATE.day()), (12, 31));
        let cal = calendar();
        let mut date = FIRST_DATE;
        for number in 0..=(LAST_DATE - FIRST_DATE).num_days() as usize {
            assert_eq!(cal.index(date), Ok(number), "{date}");
            date = date.succ_opt().unwrap();
        }
        for outside in [
            d(1954, 12, 31),
            d(2200, 1, 1),
            NaiveDate::MIN,
            NaiveDate::MAX,
        ] {
            assert_eq!(
                cal.index(outside),
                Err(CalendarError::OutOfRange { date: outside })
            );
        }
    }

    #[test]
    fn edges_of_the_range() {
        let cal = calendar();
        assert!(cal.is_working_day(LAST_DATE, Reading::Standard).is_ok());
        assert_eq!(
            cal.is_working_day(d(1954, 12, 31), Reading::Standard),
            Err(CalendarError::OutOfRange {
                date: d(1954, 12, 31)
            })
        );
        assert!(matches!(
            cal.add_working_days(d(2199, 12, 30), 5, Reading::Standard),
            Err(CalendarError::ResultOutOfRange { .. })
        ));
        assert!(matches!(
            cal.add_working_days(FIRST_DATE, -1, Reading::Standard),
            Err(CalendarError::ResultOutOfRange { .. })
        ));
        assert!(cal
            .add_working_days(FIRST_DATE, i64::MIN, Reading::Standard)
            .is_err());
        assert!(cal
            .add_working_days(FIRST_DATE, i64::MAX, Reading::Standard)
            .is_err());
        assert!(cal.holidays(1954..=1955).is_err());
    }

    #[test]
    fn two_holidays_on_one_day() {
        let names: Vec<_> = calendar()
            .holidays_on(d(2008, 5, 1))
            .iter()
            .map(|h| h.key)
            .collect();
        assert_eq!(names.len(), 2, "{names:?}");
    }
}
