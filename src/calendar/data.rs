//! The holiday rules of `holidays/finland.csv`, compiled into the binary.
//!
//! The file is the single source of truth; this module only reads it. Its format is documented in
//! the file's own header comment.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use super::easter::easter_sunday;

/// The holiday data, embedded at compile time so that an installed binary needs no files beside it.
pub const HOLIDAY_DATA: &str = include_str!("../../holidays/finland.csv");

/// Whether a day is a public holiday or one of the two eves (Christmas Eve, Midsummer Eve).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum HolidayKind {
    /// A public holiday (pyhäpäivä): never a working day.
    Holiday,
    /// Christmas Eve or Midsummer Eve (aatto): not a working day in the standard reading, a
    /// working day in the conservative one.
    Eve,
}

impl HolidayKind {
    /// The stable key (`holiday`, `eve`).
    pub fn as_str(self) -> &'static str {
        match self {
            HolidayKind::Holiday => "holiday",
            HolidayKind::Eve => "eve",
        }
    }
}

/// How a holiday's date is found in a given year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateRule {
    /// The same month and day every year.
    Fixed {
        /// The month, 1–12.
        month: u32,
        /// The day of the month.
        day: u32,
    },
    /// A number of days after (negative: before) Western Easter Sunday.
    Easter {
        /// Days after Easter Sunday (negative: before).
        offset: i64,
    },
    /// The given weekday falling in a seven-day window starting at month/day.
    WeekdayInWindow {
        /// The weekday.
        weekday: Weekday,
        /// The month the window starts in.
        month: u32,
        /// The day the window starts on.
        day: u32,
    },
}

impl DateRule {
    /// The date of this rule in `year`, or `None` where the year has no such date.
    pub fn date_in(self, year: i32) -> Option<NaiveDate> {
        match self {
            DateRule::Fixed { month, day } => NaiveDate::from_ymd_opt(year, month, day),
            DateRule::Easter { offset } => Some(easter_sunday(year)? + Duration::days(offset)),
            DateRule::WeekdayInWindow {
                weekday,
                month,
                day,
            } => {
                let first = NaiveDate::from_ymd_opt(year, month, day)?;
                let ahead = (7 + weekday.num_days_from_monday() as i64
                    - first.weekday().num_days_from_monday() as i64)
                    % 7;
                Some(first + Duration::days(ahead))
            }
        }
    }
}

/// One row of the holiday table: a holiday with the rule that gives its date over a span of years.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HolidayRule {
    /// The stable key (`christmas_eve`, …).
    pub key: &'static str,
    /// The name in Finnish.
    pub name_fi: &'static str,
    /// The name in English.
    pub name_en: &'static str,
    /// The name in Swedish.
    pub name_sv: &'static str,
    /// A holiday or an eve.
    pub kind: HolidayKind,
    /// How its date is found.
    pub rule: DateRule,
    /// First year the row applies, inclusive (`None`: always).
    pub from_year: Option<i32>,
    /// Last year the row applies, inclusive (`None`: still in force).
    pub to_year: Option<i32>,
}

impl HolidayRule {
    /// Whether the row applies in `year`.
    pub fn applies_in(&self, year: i32) -> bool {
        self.from_year.is_none_or(|from| year >= from) && self.to_year.is_none_or(|to| year <= to)
    }
}

/// A problem in the holiday data, with the line it is on.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("holidays/finland.csv line {line}: {problem}")]
pub struct DataError {
    /// The line of `holidays/finland.csv`.
    pub line: usize,
    /// What is wrong with it.
    pub problem: String,
}

const HEADER: &str = "key,name_fi,name_en,name_sv,kind,rule,from,to";

/// Reads the holiday table. Lines starting with `#` and blank lines are comments.
pub fn parse_rules(text: &'static str) -> Result<Vec<HolidayRule>, DataError> {
    let mut rules = Vec::new();
    let mut seen_header = false;
    for (index, raw) in text.lines().enumerate() {
        let line = index + 1;
        let row = raw.trim_end_matches('\r');
        if row.trim().is_empty() || row.starts_with('#') {
            continue;
        }
        let err = |problem: String| DataError { line, problem };
        if !seen_header {
            if row != HEADER {
                return Err(err(format!("expected the header `{HEADER}`")));
            }
            seen_header = true;
            continue;
        }
        let fields: Vec<&'static str> = row.split(',').collect();
        let [key, name_fi, name_en, name_sv, kind, rule, from, to] = fields[..] else {
            return Err(err(format!("expected 8 fields, found {}", fields.len())));
        };
        let kind = match kind {
            "holiday" => HolidayKind::Holiday,
            "eve" => HolidayKind::Eve,
            other => {
                return Err(err(format!(
                    "kind `{other}` is neither `holiday` nor `eve`"
                )))
            }
        };
        let year = |text: &str| -> Result<Option<i32>, DataError> {
            if text.is_empty() {
                return Ok(None);
            }
            text.parse()
                .map(Some)
                .map_err(|_| err(format!("year `{text}` is not a number")))
        };
        let (from_year, to_year) = (year(from)?, year(to)?);
        if let (Some(from), Some(to)) = (from_year, to_year) {
            if from > to {
                return Err(err(format!("year range {from}..{to} is empty")));
            }
        }
        rules.push(HolidayRule {
            key,
            name_fi,
            name_en,
            name_sv,
            kind,
            rule: parse_date_rule(rule).map_err(err)?,
            from_year,
            to_year,
        });
    }
    if !seen_header {
        return Err(DataError {
            line: 0,
            problem: "no header line".into(),
        });
    }
    Ok(rules)
}

fn parse_month_day(text: &str) -> Result<(u32, u32), String> {
    let bad = || format!("`{text}` is not a MM-DD date");
    let (m, d) = text.split_once('-').ok_or_else(bad)?;
    let (month, day) = (
        m.parse::<u32>().map_err(|_| bad())?,
        d.parse::<u32>().map_err(|_| bad())?,
    );
    // 2000 is a leap year, so this accepts 02-29 and nothing impossible.
    NaiveDate::from_ymd_opt(2000, month, day).ok_or_else(bad)?;
    Ok((month, day))
}

fn parse_date_rule(text: &str) -> Result<DateRule, String> {
    let (head, arg) = text
        .split_once(' ')
        .ok_or_else(|| format!("rule `{text}` has no argument"))?;
    match head {
        "fixed" => {
            let (month, day) = parse_month_day(arg)?;
            Ok(DateRule::Fixed { month, day })
        }
        "easter" => arg
            .parse()
            .map(|offset| DateRule::Easter { offset })
            .map_err(|_| format!("easter offset `{arg}` is not a whole number")),
        weekday => {
            let weekday: Weekday = weekday.parse().map_err(|_| {
                format!("rule `{text}`: `{weekday}` is not fixed, easter or a weekday")
            })?;
            let (first, last) = arg
                .split_once("..")
                .ok_or_else(|| format!("rule `{text}`: expected MM-DD..MM-DD"))?;
            let (month, day) = parse_month_day(first)?;
            let (last_month, last_day) = parse_month_day(last)?;
            // The window must be exactly seven days long so that it holds each weekday once.
            let start = NaiveDate::from_ymd_opt(2001, month, day).unwrap_or_default();
            let end = NaiveDate::from_ymd_opt(2001, last_month, last_day).unwrap_or_default();
            let end = if end < start {
                NaiveDate::from_ymd_opt(2002, last_month, last_day).unwrap_or_default()
            } else {
                end
            };
            if (end - start).num_days() != 6 {
                return Err(format!(
                    "rule `{text}`: the window must span exactly 7 days"
                ));
            }
            Ok(DateRule::WeekdayInWindow {
                weekday,
                month,
                day,
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_data_parses() {
        let rules = parse_rules(HOLIDAY_DATA).expect("embedded data is valid");
        assert!(rules.len() >= 17);
    }

    #[test]
    fn weekday_window_finds_the_weekday() {
        let rule = parse_date_rule("saturday 10-31..11-06").unwrap();
        // All Saints' Day 2026 is Saturday 31 October; 2025 Saturday 1 November.
        assert_eq!(rule.date_in(2026), NaiveDate::from_ymd_opt(2026, 10, 31));
        assert_eq!(rule.date_in(2025), NaiveDate::from_ymd_opt(2025, 11, 1));
    }

    #[test]
    fn bad_rules_are_rejected_with_the_line() {
        let text = "key,name_fi,name_en,name_sv,kind,rule,from,to\nx,a,b,c,holiday,fixed 02-30,,\n";
        let err = parse_rules(text).unwrap_err();
        assert_eq!(err.line, 2);
        assert!(err.problem.contains("02-30"));
        assert!(parse_date_rule("friday 06-19..06-26").is_err());
        assert!(parse_date_rule("easter x").is_err());
        assert!(parse_date_rule("someday 01-01..01-07").is_err());
    }
}
