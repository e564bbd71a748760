//! `maaraika calendar`: Finnish working days on their own.

use std::io::Write;

use chrono::{Datelike, NaiveDate};
use clap::{Args, Subcommand};
use serde::Serialize;

use super::{date_arg, write_json, Format, ReadingArg};
use maaraika::answer::{self, CountAnswer, HolidayRow};
use maaraika::calendar::{calendar, Holiday, Reading};
use maaraika::dates::finnish;
use maaraika::error::{csv_io, Result};
use maaraika::labels::{capitalised, Label, Lang};
use maaraika::terminal::{terminal_width, FittedColumn, Table};

#[derive(Subcommand, Debug)]
pub enum CalendarCommand {
    /// List the holidays and eves of a year or a range of years, weekends included.
    #[command(after_help = "Examples:\n  maaraika calendar holidays 2026\n  \
        maaraika calendar holidays 1955 2099 --format csv > holidays.csv")]
    Holidays {
        /// First year (1955-2199).
        #[arg(value_name = "FIRST_YEAR")]
        first_year: i32,
        /// Last year; the first year alone when left out.
        #[arg(value_name = "LAST_YEAR")]
        last_year: Option<i32>,
        #[command(flatten)]
        common: Common,
    },
    /// The N-th working day after a date (the date itself not counted).
    #[command(after_help = "Examples:\n  maaraika calendar add 23.11.2026 7\n  \
        maaraika calendar add 2024-12-17 7 --conservative --format json\n  \
        maaraika calendar add 2.12.2026 -7        counts back")]
    Add {
        /// The date to count from (not counted itself): 23.11.2026 or 2026-11-23.
        #[arg(value_parser = date_arg, value_name = "DATE")]
        date: NaiveDate,
        /// How many working days; negative counts back, 0 gives the date itself.
        #[arg(allow_negative_numbers = true, value_name = "N")]
        working_days: i64,
        #[command(flatten)]
        common: Common,
    },
    /// Working days after the first date up to and including the second.
    #[command(after_help = "Examples:\n  maaraika calendar count 23.11.2026 2.12.2026")]
    Count {
        /// The first date, not counted: 23.11.2026 or 2026-11-23.
        #[arg(value_parser = date_arg, value_name = "FROM")]
        from: NaiveDate,
        /// The last date, counted (before FROM: the count is negative).
        #[arg(value_parser = date_arg, value_name = "TO")]
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
        /// The date to look at: 24.12.2026 or 2026-12-24.
        #[arg(value_parser = date_arg, value_name = "DATE")]
        date: NaiveDate,
        #[command(flatten)]
        common: Common,
    },
}

#[derive(Args, Debug, Clone, Copy)]
pub struct Common {
    /// Output format [default: table on a terminal, CSV otherwise].
    #[arg(long, value_enum)]
    format: Option<Format>,
    #[command(flatten)]
    reading: ReadingArg,
    /// Language of the text and tables [default: from LC_ALL/LC_MESSAGES/LANG, else en].
    #[arg(long, value_parser = super::choices::lang(), value_name = "LANG")]
    lang: Option<Lang>,
}

impl Common {
    /// The format asked for, or text for a person at a terminal and CSV for files and pipes.
    fn format(&self) -> Format {
        self.format.unwrap_or_else(super::default_format)
    }

    fn lang(&self) -> Lang {
        self.lang.unwrap_or_else(Lang::from_env)
    }
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
            let holidays = cal.holidays(first_year..=last_year.unwrap_or(first_year))?;
            let rows: Vec<_> = holidays
                .iter()
                .map(|h| HolidayRow::new(h, common.reading.reading()))
                .collect();
            match common.format() {
                Format::Json => write_json(out, &rows)?,
                Format::Csv => write_csv(out, &rows)?,
                Format::Table => {
                    holidays_table(out, holidays, common.reading.reading(), common.lang())?
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
            match common.format() {
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
                    let lang = common.lang();
                    let mut text = Vec::new();
                    let out_text = &mut *out;
                    let out = &mut text;
                    let sentence = match working_days {
                        0 => lang.fill(Label::CalAddZero, &[&lang.long_date(date)]),
                        n => lang.fill(
                            if n < 0 {
                                Label::CalAddBefore
                            } else {
                                Label::CalAddAfter
                            },
                            &[
                                &capitalised(&lang.long_date(result)),
                                &lang.ordinal(n.abs()),
                                &lang.long_date(date),
                            ],
                        ),
                    };
                    writeln!(out, "{}", capitalised(&sentence))?;
                    if working_days != 0 {
                        let list = holiday_list(skipped, lang);
                        writeln!(out, "{}", lang.fill(Label::CalSkipped, &[&list]))?;
                    }
                    writeln!(out, "{}", lang.reading_line(reading))?;
                    maaraika::terminal::write_text(out_text, &String::from_utf8_lossy(&text))?;
                }
            }
        }
        CalendarCommand::Count { from, to, common } => {
            let reading = common.reading.reading();
            let answer = answer::count(from, to, reading)?;
            match common.format() {
                Format::Json => write_json(out, &answer)?,
                Format::Csv => write_csv(out, &[answer])?,
                Format::Table => {
                    let lang = common.lang();
                    let mut text = Vec::new();
                    let out_text = &mut *out;
                    let out = &mut text;
                    let sentence = lang.fill(
                        Label::CalCount,
                        &[
                            &lang.working_days(answer.working_days),
                            &lang.long_date(from),
                            &lang.long_date(to),
                        ],
                    );
                    writeln!(out, "{}", capitalised(&sentence))?;
                    let skipped = cal.skipped_holidays(from, to, reading);
                    let list = holiday_list(&skipped, lang);
                    writeln!(out, "{}", lang.fill(Label::CalSkipped, &[&list]))?;
                    writeln!(out, "{}", lang.reading_line(reading))?;
                    maaraika::terminal::write_text(out_text, &String::from_utf8_lossy(&text))?;
                }
            }
        }
        CalendarCommand::IsWorking { date, common } => {
            let reading = common.reading.reading();
            let working_day = cal.is_working_day(date, reading)?;
            let on_day = cal.holidays_on(date);
            let answer = IsWorkingAnswer {
                date,
                weekday: Lang::En.weekday(date.weekday()),
                working_day,
                reading,
                holidays: on_day.iter().map(|h| HolidayRow::new(h, reading)).collect(),
            };
            match common.format() {
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
                    let lang = common.lang();
                    let mut text = Vec::new();
                    let out_text = &mut *out;
                    let out = &mut text;
                    let why = if on_day.is_empty() {
                        if working_day {
                            String::new()
                        } else {
                            lang.get(Label::CalWeekend).to_string()
                        }
                    } else {
                        lang.fill(Label::CalBecause, &[&holiday_list(on_day, lang)])
                    };
                    let verdict = if working_day {
                        Label::CalIsWorking
                    } else {
                        Label::CalIsNotWorking
                    };
                    let sentence = lang.fill(verdict, &[&lang.long_date(date), &why]);
                    writeln!(out, "{}", capitalised(&sentence))?;
                    writeln!(out, "{}", lang.reading_line(reading))?;
                    maaraika::terminal::write_text(out_text, &String::from_utf8_lossy(&text))?;
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

/// The holidays of `calendar holidays` as a table fitted to the terminal.
fn holidays_table(
    out: &mut dyn Write,
    holidays: &[Holiday],
    reading: Reading,
    lang: Lang,
) -> Result<()> {
    let cal = calendar();
    let rows: Vec<Vec<String>> = holidays
        .iter()
        .map(|h| {
            let working = cal.is_working_day(h.date, reading).unwrap_or(false);
            vec![
                finnish(h.date),
                lang.weekday(h.date.weekday()).to_string(),
                lang.holiday(h).to_string(),
                h.name_fi.to_string(),
                lang.holiday_kind(h.kind).to_string(),
                lang.yes_no(working).to_string(),
            ]
        })
        .collect();
    let headers = [
        Label::HolDate,
        Label::HolWeekday,
        Label::HolName,
        Label::HolNameFi,
        Label::HolKind,
        Label::HolWorkingDay,
    ];
    let mut columns: Vec<FittedColumn> = headers
        .iter()
        .enumerate()
        .map(|(i, label)| FittedColumn::new(lang.get(*label), rows.iter().map(|r| r[i].as_str())))
        .collect();
    // The Finnish name beside the English one (it goes first when the window is narrow); in
    // Finnish and Swedish the name is already in the reader's language.
    columns[3] = columns[3].clone().leave_out(1);
    let keep_fi = lang == Lang::En;
    let table = Table::fit(
        columns
            .into_iter()
            .enumerate()
            .filter(|(i, _)| keep_fi || *i != 3)
            .map(|(_, c)| c)
            .collect(),
        terminal_width(),
        lang,
    );
    table.header(out)?;
    for mut row in rows {
        if !keep_fi {
            row.remove(3);
        }
        table.row(out, &row)?;
    }
    table.finish(out)?;
    writeln!(out, "{}", lang.reading_line(reading))?;
    Ok(())
}

/// `Christmas Eve (jouluaatto, Thursday 24.12.2026); …`, `julafton (torsdag 24.12.2026); …` or
/// `none`, in `lang`.
pub fn holiday_list(holidays: &[Holiday], lang: Lang) -> String {
    if holidays.is_empty() {
        return lang.get(Label::NoneSkipped).into();
    }
    holidays
        .iter()
        .map(|h| match lang {
            // Swedish readers get the Swedish name alone; English ones the Finnish name too,
            // as the calendars they meet print it.
            Lang::Fi | Lang::Sv => format!("{} ({})", lang.holiday(h), lang.long_date(h.date)),
            Lang::En => format!(
                "{} ({}, {})",
                lang.holiday(h),
                h.name_fi,
                lang.long_date(h.date)
            ),
        })
        .collect::<Vec<_>>()
        .join("; ")
}
