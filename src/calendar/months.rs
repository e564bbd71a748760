//! Months and years on the calendar, as Act 150/1930 on the computation of statutory time limits
//! counts them: a period of months ends on the same day-number, or on the month's last day where
//! the month has no such day (3 §); a last day that is not a working day may move to the next
//! working day (5 §).

use chrono::{Datelike, NaiveDate};

use super::{Calendar, CalendarError, Reading};

/// `months` months after `date` (150/1930 3 §): the same day-number, or the month's last day where
/// it has no such day (30 November + 3 months is 28 or 29 February). `None` past chrono's range.
pub fn add_months(date: NaiveDate, months: u32) -> Option<NaiveDate> {
    let total = date.month0() + months;
    let year = date.year().checked_add(i32::try_from(total / 12).ok()?)?;
    let month = total % 12 + 1;
    (1..=date.day())
        .rev()
        .find_map(|day| NaiveDate::from_ymd_opt(year, month, day))
}

/// Age in whole years on `on`. Someone born on 29 February has their birthday on 28 February in
/// common years (the month-end rule of 150/1930 3 §). `None` if `on` is before `birth`.
pub fn age_on(birth: NaiveDate, on: NaiveDate) -> Option<u32> {
    if on < birth {
        return None;
    }
    // The birthday in `on`'s year as (month, day): the same day-number, or the month's last day
    // where it has none, which can only be 28 February for someone born on 29 February. Compared
    // as numbers, without building a date: this runs for every case of an audit.
    let birthday = match (birth.month(), birth.day()) {
        (2, 29) if !on.leap_year() => (2, 28),
        other => other,
    };
    let years = on.year() - birth.year() - i32::from((on.month(), on.day()) < birthday);
    u32::try_from(years).ok()
}

impl Calendar {
    /// The last day of a period of `months` months from `date`: [`add_months`], and in the
    /// standard reading, when that day is not a working day, the next working day (150/1930 5 §,
    /// applied as the national guidance does); in the conservative reading it stays.
    pub fn months_deadline(
        &self,
        date: NaiveDate,
        months: u32,
        reading: Reading,
    ) -> Result<NaiveDate, CalendarError> {
        let day = add_months(date, months).ok_or(CalendarError::OutOfRange { date })?;
        let working = self.is_working_day(day, reading)?;
        match reading {
            Reading::Standard if !working => self.add_working_days(day, 1, reading),
            _ => Ok(day),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn months_end_on_the_same_day_number_or_the_months_last_day() {
        assert_eq!(add_months(d(2026, 11, 30), 3), Some(d(2027, 2, 28)));
        assert_eq!(add_months(d(2027, 11, 30), 3), Some(d(2028, 2, 29)));
        assert_eq!(add_months(d(2026, 8, 31), 3), Some(d(2026, 11, 30)));
        assert_eq!(add_months(d(2026, 1, 15), 3), Some(d(2026, 4, 15)));
        assert_eq!(add_months(d(2026, 10, 5), 3), Some(d(2027, 1, 5)));
        assert_eq!(add_months(NaiveDate::MAX, 1), None);
    }

    #[test]
    fn age_on_agrees_with_the_anniversary_as_a_date() {
        // The definition: the birthday in the year is the same day-number or the month's end.
        let reference = |birth: NaiveDate, on: NaiveDate| {
            let birthday = (1..=birth.day())
                .rev()
                .find_map(|day| NaiveDate::from_ymd_opt(on.year(), birth.month(), day))
                .unwrap();
            (on >= birth).then(|| (on.year() - birth.year() - i32::from(on < birthday)) as u32)
        };
        let births = [
            d(1952, 2, 29),
            d(1951, 2, 28),
            d(1950, 3, 1),
            d(1949, 12, 31),
        ];
        let mut on = d(1949, 1, 1);
        while on < d(2031, 1, 1) {
            for birth in births {
                assert_eq!(age_on(birth, on), reference(birth, on), "{birth} {on}");
            }
            on = on.succ_opt().unwrap();
        }
    }
}
