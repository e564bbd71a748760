//! The command line: one file per subcommand, each with its own arguments and examples.
//! Everything here is presentation; the answers come from `calendar`, `rules` and `evaluation`.

mod audit;
mod calendar;
mod check;
mod generate;
mod list;
mod overdue;
mod summary;

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::calendar::Reading;
use crate::error::{Error, Result, EXIT_ERROR};

const ABOUT: &str = "Statutory deadlines of Finnish service-need assessments \
(palvelutarpeen arviointi), counted in Finnish working days.";

const AFTER_HELP: &str = "\
Examples:
  maaraika audit cases.csv                       every case of a list, with deadlines and status
  maaraika overdue cases.csv --due-within 3      the morning list
  maaraika summary cases.csv --period 1.4.2026..30.9.2026 --by unit
  maaraika check --pending 18.12.2026 --age 78   by when must the assessment start?
  maaraika calendar add 23.11.2026 7          the 7th working day after 23.11.2026
  maaraika calendar holidays 2026             the holidays and eves of 2026

Exit codes:
  0  done
  1  --fail-on-overdue and something is overdue
  2  the command could not be done (a bad argument or value, unreadable input, unwritable output)
  3  done, but some rows of the input were invalid (they are listed)

Nothing leaves this machine, and no output shows a personal identity code unless asked to.";

#[derive(Parser, Debug)]
#[command(name = "maaraika", version, about = ABOUT, after_help = AFTER_HELP)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Finnish working days: count, add, list holidays.
    #[command(subcommand)]
    Calendar(calendar::CalendarCommand),
    /// Check one case: its groups, deadlines and status, and why.
    Check(check::CheckArgs),
    /// Audit a case list (CSV): every case with its deadlines and status.
    Audit(audit::AuditArgs),
    /// The overdue cases of a list, most overdue first (and those due soon).
    Overdue(overdue::OverdueArgs),
    /// Counts per group (and unit) for a period: met, late, due, overdue, on-time share.
    Summary(summary::SummaryArgs),
    /// Write a synthetic case list (for benchmarks and tests).
    #[command(hide = true)]
    Generate(generate::GenerateArgs),
}

/// How a command prints its answer.
#[derive(ValueEnum, Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Format {
    /// Readable text and tables, for people.
    #[default]
    #[value(alias = "text")]
    Table,
    /// JSON, for programs.
    Json,
    /// CSV with stable English column names, for spreadsheets and scripts.
    Csv,
}

/// The reading of the law where it leaves room (DOMAIN.md, "Where the law leaves room").
#[derive(Args, Debug, Clone, Copy)]
pub struct ReadingArg {
    /// Use the conservative reading: Christmas Eve and Midsummer Eve count as working days, and a
    /// 3-month deadline on a non-working day does not move. Gives the earliest possible dates.
    #[arg(long)]
    conservative: bool,
}

impl ReadingArg {
    pub fn reading(self) -> Reading {
        if self.conservative {
            Reading::Conservative
        } else {
            Reading::Standard
        }
    }
}

/// Parses a date argument (`2026-11-23` or `23.11.2026`) for clap, with a message that says why not.
pub fn date_arg(text: &str) -> Result<NaiveDate, String> {
    crate::dates::parse_date(text).map_err(|e| format!("`{text}` {e}"))
}

/// Runs the command line and returns the process exit code.
pub fn run() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) if err.kind() == clap::error::ErrorKind::ValueValidation => {
            // One clear line naming the value and the problem; the usage adds nothing here.
            let text = err.render().to_string();
            eprintln!("maaraika: {}", text.lines().next().unwrap_or_default());
            return ExitCode::from(EXIT_ERROR);
        }
        Err(err) => {
            let _ = err.print();
            return ExitCode::from(if err.use_stderr() { EXIT_ERROR } else { 0 });
        }
    };
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let result = match cli.command {
        Command::Calendar(command) => calendar::run(command, &mut out),
        Command::Check(args) => check::run(args, &mut out),
        Command::Audit(args) => audit::run(args, &mut out),
        Command::Overdue(args) => overdue::run(args, &mut out),
        Command::Summary(args) => summary::run(args, &mut out),
        Command::Generate(args) => generate::run(args, &mut out),
    }
    .and_then(|code| out.flush().map(|()| code).map_err(Error::from));
    match result {
        Ok(code) => ExitCode::from(code),
        Err(err) if err.is_broken_pipe() => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("maaraika: error: {err}");
            ExitCode::from(EXIT_ERROR)
        }
    }
}

/// Writes one JSON value followed by a newline.
pub fn write_json(out: &mut dyn Write, value: &impl serde::Serialize) -> Result<()> {
    serde_json::to_writer_pretty(&mut *out, value).map_err(io::Error::from)?;
    writeln!(out)?;
    Ok(())
}

/// English ordinal, `1st`, `2nd`, `7th`, `11th`.
pub fn ordinal(n: i64) -> String {
    let suffix = match (n.rem_euclid(10), n.rem_euclid(100)) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}
