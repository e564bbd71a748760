//! `maaraika calendar`: Finnish working days on their own.

use std::io::Write;

use chrono::{Datelike, NaiveDate};
use clap::{Args, Subcommand};
use serde::Serialize;

use super::{date_arg, ordinal, write_json, Format, ReadingArg};
use crate::answer::{self, CountAnswer, HolidayRow};
use crate::calendar::{calendar, Holiday, Reading};
use crate::dates::{finnish, long_date, weekday_name};
use crate::error::{csv_io, Result};
use crate::report::new_table;

#[derive(Subcommand, Debug)]
pub enum CalendarCommand {
    /// List the holidays and eves of a year or a range of years, weekends included.
    #[command(after_help = "Examples:\n  maaraika calendar holidays 2026\n  \
        maaraika calendar holidays 1955 2099 --format csv > holidays.csv")]
    Holidays {
        /// First year (1955-2199).
        first_year: i32,
        /// Last year; the first year alone when left out.
        last_year: Option<i32>,
        #[command(flatten)]
        common: Common,
    },
    /// The N-th working day after a date (the date itself not counted).
    #[command(after_help = "Examples:\n  maaraika calendar add 23.11.2026 7\n  \
        maaraika calendar add 2024-12-17 7 --conservative --format json\n  \
        maaraika calendar add 2.12.2026 -7        counts back")]
    Add {
        /// The date to count from, 23.11.2026 or 2026-11-23.
        #[arg(value_parser = date_arg)]
        date: NaiveDate,
        /// How many working days; negative counts back.
        #[arg(allow_negative_numbers = true)]
        working_days: i64,
        #[command(flatten)]
        common: Common,
    },
    /// Working days after the first date up to and including the second.
    #[command(after_help = "Examples:\n  maaraika calendar count 23.11.2026 2.12.2026")]
    Count {
        #[arg(value_parser = date_arg)]
        from: NaiveDate,
        #[arg(value_parser = date_arg)]
        to: NaiveDate,
        #[command(flatten)]
        common: Common,
    },
    /// Whether a date is a working day, and why not.
    #[command(
        after_help = "Examples:\n  maaraika calendar is-working 24.12.2026\n  \
        maaraika calendar is-working 24.12.2026 --conservative"
    )]
    IsWorking {
        #[arg(value_parser = date_arg)]
        date: NaiveDate,
        #[command(flatten)]
        common: Common,
    },
}

#[derive(Args, Debug, Clone, Copy)]
pub struct Common {
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    format: Format,
    #[command(flatten)]
    reading: ReadingArg,
}

#[derive(Serialize)]
struct IsWorkingAnswer<'a> {
    date: NaiveDate,
    weekday: &'a str,
    working_day: bool,
    reading: Reading,
    holidays: Vec<HolidayRow>,
}

pub fn run(command: CalendarCommand, out: &mut dyn Write) -> Result<u8> {
    let cal = calendar();
    match command {
        CalendarCommand::Holidays {
            first_year,
            last_year,
            common,
        } => {
            let rows = answer::holidays(
                first_year,
                last_year.unwrap_or(first_year),
                common.reading.reading(),
            )?;
            match common.format {
                Format::Json => write_json(out, &rows)?,
                Format::Csv => write_csv(out, &rows)?,
                Format::Table => {
                    let mut table =
                        new_table(&["date", "weekday", "holiday", "pyhä", "kind", "working day"]);
                    for row in &rows {
                        table.add_row(vec![
                            finnish(row.date),
                            row.weekday.to_string(),
                            row.name_en.to_string(),
                            row.name_fi.to_string(),
                            row.kind.as_str().to_string(),
                            yes_no(row.working_day).to_string(),
                        ]);
                    }
                    writeln!(out, "{table}")?;
                    writeln!(out, "{}", reading_line(common.reading.reading()))?;
                }
            }
        }
        CalendarCommand::Add {
            date,
            working_days,
            common,
        } => {
            let reading = common.reading.reading();
            let answer = answer::add(date, working_days, reading)?;
            let (result, skipped) = (answer.date, &answer.skipped);
            match common.format {
                Format::Json => write_json(out, &answer)?,
                Format::Csv => write_csv(
                    out,
                    &[CountAnswer {
                        from: date,
                        to: result,
                        working_days,
                        reading,
                    }],
                )?,
                Format::Table => {
                    let direction = if working_days < 0 { "before" } else { "after" };
                    writeln!(
                        out,
                        "{} is the {} working day {direction} {}.",
                        long_date(result),
                        ordinal(working_days.abs()),
                        long_date(date)
                    )?;
                    writeln!(out, "Holidays skipped: {}", holiday_list(skipped))?;
                    writeln!(out, "{}", reading_line(reading))?;
                }
            }
        }
        CalendarCommand::Count { from, to, common } => {
            let reading = common.reading.reading();
            let answer = answer::count(from, to, reading)?;
            match common.format {
                Format::Json => write_json(out, &answer)?,
                Format::Csv => write_csv(out, &[answer])?,
                Format::Table => {
                    writeln!(
                        out,
                        "{} working days after {} up to and including {}.",
                        answer.working_days,
                        long_date(from),
                        long_date(to)
                    )?;
                    let skipped = cal.skipped_holidays(from, to, reading);
                    writeln!(out, "Holidays skipped: {}", holiday_list(&skipped))?;
                    writeln!(out, "{}", reading_line(reading))?;
                }
            }
        }
        CalendarCommand::IsWorking { date, common } => {
            let reading = common.reading.reading();
            let working_day = cal.is_working_day(date, reading)?;
            let on_day = cal.holidays_on(date);
            let answer = IsWorkingAnswer {
                date,
                weekday: weekday_name(date.weekday(), false),
                working_day,
                reading,
                holidays: on_day.iter().map(|h| HolidayRow::new(h, reading)).collect(),
            };
            match common.format {
                Format::Json => write_json(out, &answer)?,
                Format::Csv => {
                    #[derive(Serialize)]
                    struct Row<'a> {
                        date: NaiveDate,
                        weekday: &'a str,
                        working_day: bool,
                        reading: Reading,
                    }
                    write_csv(
                        out,
                        &[Row {
                            date,
                            weekday: answer.weekday,
                            working_day,
                            reading,
                        }],
                    )?
                }
                Format::Table => {
                    let verdict = if working_day { "is" } else { "is not" };
                    let why = if on_day.is_empty() {
                        if working_day {
                            String::new()
                        } else {
                            " (weekend)".to_string()
                        }
                    } else {
                        format!(": {}", holiday_list(on_day))
                    };
                    writeln!(out, "{} {verdict} a working day{why}.", long_date(date))?;
                    writeln!(out, "{}", reading_line(reading))?;
                }
            }
        }
    }
    Ok(0)
}

fn write_csv<T: Serialize>(out: &mut dyn Write, rows: &[T]) -> Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    for row in rows {
        writer.serialize(row).map_err(csv_io)?;
    }
    writer.flush()?;
    Ok(())
}

fn yes_no(value: bool) -> &'static str {
    if value {
        "yes"
    } else {
        "no"
    }
}

/// `Christmas Eve (jouluaatto, Thursday 24.12.2026); …` or `none`.
fn holiday_list(holidays: &[Holiday]) -> String {
    if holidays.is_empty() {
        return "none".into();
    }
    holidays
        .iter()
        .map(|h| format!("{} ({}, {})", h.name_en, h.name_fi, long_date(h.date)))
        .collect::<Vec<_>>()
        .join("; ")
}

/// Says which reading was used, as every output must.
pub fn reading_line(reading: Reading) -> &'static str {
    match reading {
        Reading::Standard => {
            "Reading: standard (Christmas Eve and Midsummer Eve are not working days)."
        }
        Reading::Conservative => {
            "Reading: conservative (Christmas Eve and Midsummer Eve count as working days)."
        }
    }
}
