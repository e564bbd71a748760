//! `maaraika check`: one case, by hand. "This person contacted us on this day: by when must we
//! start, and are we late?"

use std::io::Write;

use chrono::NaiveDate;
use clap::{ArgGroup, Args};
use serde::Serialize;

use super::calendar::reading_line;
use super::{as_of_arg, date_arg, write_json, Format, ReadingArg};
use crate::answer::{check, CheckAnswer};
use crate::calendar::Reading;
use crate::dates::{long_date, today_in_finland};
use crate::error::{csv_io, Error, Result};
use crate::evaluation::{Case, Evaluation, Outcome, Person, Status};
use crate::hetu::Hetu;
use crate::rules::{Milestone, EVERYONE_ELSE};

const EXAMPLES: &str = "\
Examples:
  maaraika check --pending 18.12.2026 --age 78
  maaraika check --pending 18.12.2026 --birth-date 2.3.1948 --started 5.1.2027
  maaraika check --pending 2026-11-23 --child-special-support --as-of 2026-12-10 --format json
  maaraika check --pending 23.11.2026 --hetu 010594Y9032 --disabled --conservative

The identity code is used for the birth date only and is never printed.";

#[derive(Args, Debug)]
#[command(after_help = EXAMPLES, group(ArgGroup::new("person").args(["birth_date", "hetu", "age"])))]
pub struct CheckArgs {
    /// The day the matter became pending (asian vireille tulo): 23.11.2026 or 2026-11-23.
    #[arg(long, value_parser = date_arg, value_name = "DATE")]
    pending: NaiveDate,
    /// The person's birth date.
    #[arg(long, value_parser = date_arg, value_name = "DATE")]
    birth_date: Option<NaiveDate>,
    /// The person's identity code (henkilötunnus), for the birth date; never printed.
    #[arg(long, value_name = "CODE")]
    hetu: Option<String>,
    /// The person's age in years on the pending date.
    #[arg(long, value_name = "YEARS")]
    age: Option<u32>,
    /// Receives the highest care allowance (ylin hoitotuki).
    #[arg(long)]
    care_allowance: bool,
    /// A disabled person (Disability Services Act 675/2023).
    #[arg(long)]
    disabled: bool,
    /// A child in need of special support (erityistä tukea tarvitseva lapsi).
    #[arg(long)]
    child_special_support: bool,
    /// A child-welfare matter (lastensuojelu).
    #[arg(long)]
    child_welfare: bool,
    /// An urgent need (kiireellinen): assessed on the pending date itself.
    #[arg(long)]
    urgent: bool,
    /// The day the assessment started, if it has.
    #[arg(long, value_parser = date_arg, value_name = "DATE")]
    started: Option<NaiveDate>,
    /// The day the assessment was completed, if it has been.
    #[arg(long, value_parser = date_arg, value_name = "DATE")]
    completed: Option<NaiveDate>,
    /// The day of the decision on the application (päätös), if made.
    #[arg(long, value_parser = date_arg, value_name = "DATE")]
    decision: Option<NaiveDate>,
    /// The day the service granted began (palvelu alkanut), if it has.
    #[arg(long, value_parser = date_arg, value_name = "DATE")]
    implemented: Option<NaiveDate>,
    /// An older person (iäkäs henkilö, Act 980/2012 3 §: functional capacity reduced by age):
    /// a service granted must begin within 3 months of the decision.
    #[arg(long)]
    older_person: bool,
    /// Judge as of this day [default: today in Finland].
    #[arg(long, value_parser = as_of_arg, value_name = "DATE")]
    as_of: Option<NaiveDate>,
    #[command(flatten)]
    reading: ReadingArg,
    /// Output format (text is the same as table).
    #[arg(long, value_enum, default_value_t)]
    format: Format,
}

pub fn run(args: CheckArgs, out: &mut dyn Write) -> Result<u8> {
    let person = match (args.birth_date, &args.hetu, args.age) {
        (Some(birth), _, _) => Person::BirthDate(birth),
        (_, Some(code), _) => {
            Person::Hetu(Hetu::parse(code).map_err(|e| Error::Usage(format!("--hetu: {e}")))?)
        }
        (_, _, Some(age)) => Person::Age(age),
        _ => Person::Unknown,
    };
    let case = Case {
        pending: args.pending,
        person,
        care_allowance: args.care_allowance,
        disabled: args.disabled,
        child_special_support: args.child_special_support,
        child_welfare: args.child_welfare,
        urgent: args.urgent,
        started: args.started,
        completed: args.completed,
        older_person: args.older_person,
        decision: args.decision,
        implemented: args.implemented,
    };
    let as_of = args.as_of.unwrap_or_else(today_in_finland);
    let answer =
        check(&case, as_of, args.reading.reading()).map_err(|e| Error::Usage(e.to_string()))?;
    match args.format {
        Format::Json => write_json(out, &answer)?,
        Format::Csv => {
            let mut writer = csv::Writer::from_writer(out);
            writer.serialize(CsvRow::from(&answer)).map_err(csv_io)?;
            writer.flush()?;
        }
        Format::Table => write_text(out, &case, &answer.evaluation, &answer)?,
    }
    Ok(0)
}

/// `check --format csv`: the audit columns for one case.
#[derive(Serialize)]
struct CsvRow {
    pending_date: NaiveDate,
    groups: String,
    start_deadline: Option<NaiveDate>,
    start_status: Status,
    completion_deadline: Option<NaiveDate>,
    completion_status: Status,
    elapsed_working_days: i64,
    reading: Reading,
}

impl From<&CheckAnswer> for CsvRow {
    fn from(answer: &CheckAnswer) -> Self {
        let r = &answer.record;
        CsvRow {
            pending_date: r.pending_date,
            groups: r.groups.joined("|"),
            start_deadline: r.start_deadline,
            start_status: r.start_status,
            completion_deadline: r.completion_deadline,
            completion_status: r.completion_status,
            elapsed_working_days: r.elapsed_working_days,
            reading: r.reading,
        }
    }
}

fn write_text(
    out: &mut dyn Write,
    case: &Case,
    evaluation: &Evaluation,
    answer: &CheckAnswer,
) -> Result<()> {
    writeln!(
        out,
        "Pending since {}, judged as of {}.",
        long_date(case.pending),
        long_date(answer.as_of)
    )?;
    match evaluation.age {
        Some(age) => writeln!(out, "Age on the pending date: {age}.")?,
        None => writeln!(out, "Age: not given.")?,
    }
    if evaluation.rules.is_empty() {
        writeln!(
            out,
            "Groups: none with a statutory day count ({EVERYONE_ELSE})."
        )?;
    } else {
        writeln!(out, "Groups:")?;
        for rule in &answer.rules {
            let completion = rule
                .complete_within_months
                .map(|m| format!(", complete within {m} months"))
                .unwrap_or_default();
            writeln!(
                out,
                "  - {} ({}): start {}{completion}. {}",
                rule.name_en, rule.name_fi, rule.start, rule.statute
            )?;
        }
    }
    writeln!(out)?;
    write_outcome(out, "Start", &evaluation.start, case.started, answer.as_of)?;
    if let Some(deadline) = evaluation.start.deadline {
        if deadline != case.pending {
            let skipped = &answer.start_skipped_holidays;
            let names = if skipped.is_empty() {
                "none".to_string()
            } else {
                skipped
                    .iter()
                    .map(|h| format!("{} ({}, {})", h.name_en, h.name_fi, long_date(h.date)))
                    .collect::<Vec<_>>()
                    .join("; ")
            };
            writeln!(out, "  holidays skipped: {names}")?;
        }
    } else {
        let until = if case.started.is_some() {
            "up to the start"
        } else {
            "so far"
        };
        writeln!(
            out,
            "  {} working days have passed {until}.",
            evaluation.elapsed_working_days
        )?;
    }
    write_outcome(
        out,
        "Completion",
        &evaluation.completion,
        case.completed,
        answer.as_of,
    )?;
    write_chain(out, case, evaluation, answer.as_of)?;
    for note in evaluation.notes.iter() {
        writeln!(out, "Note: {}.", note.text())?;
    }
    writeln!(out)?;
    writeln!(out, "{}", reading_line(answer.record.reading))?;
    match &answer.other_reading {
        None => writeln!(
            out,
            "The {} reading gives the same dates.",
            other_name(answer.record.reading)
        )?,
        Some(other) => {
            let mut dates = Vec::new();
            if let Some(start) = other.start_deadline {
                dates.push(format!(
                    "start by {} ({})",
                    long_date(start),
                    other.start_status.as_str()
                ));
            }
            if let Some(done_by) = other.completion_deadline {
                dates.push(format!(
                    "complete by {} ({})",
                    long_date(done_by),
                    other.completion_status.as_str()
                ));
            }
            writeln!(
                out,
                "The {} reading gives other dates: {}.",
                other.reading.as_str(),
                dates.join(", ")
            )?
        }
    }
    Ok(())
}

/// The decision and the service that follows it, each with the statute that sets its limit.
fn write_chain(
    out: &mut dyn Write,
    case: &Case,
    evaluation: &Evaluation,
    as_of: NaiveDate,
) -> Result<()> {
    for deadline in evaluation.deadlines() {
        let (label, done) = match deadline.milestone {
            Milestone::Decision => ("Decision", case.decision),
            Milestone::Implementation => ("Service begins", case.implemented),
            Milestone::Start | Milestone::Completion => continue,
        };
        if deadline.milestone == Milestone::Implementation && case.decision.is_none() {
            writeln!(
                out,
                "{label}: counted once a decision is recorded (--decision)."
            )?;
            continue;
        }
        write_outcome(out, label, deadline.outcome(), done, as_of)?;
        let statutes = deadline.statutes();
        if !statutes.is_empty() {
            writeln!(out, "  {}", statutes.join("; "))?;
        }
        if deadline.outcome().deadline.is_none() {
            if let Some(days) = deadline.elapsed_working_days() {
                let until = if done.is_some() { "up to it" } else { "so far" };
                writeln!(out, "  {days} working days have passed {until}.")?;
            }
        }
    }
    Ok(())
}

fn other_name(reading: Reading) -> &'static str {
    match reading {
        Reading::Standard => "conservative",
        Reading::Conservative => "standard",
    }
}

fn write_outcome(
    out: &mut dyn Write,
    label: &str,
    outcome: &Outcome,
    done: Option<NaiveDate>,
    as_of: NaiveDate,
) -> Result<()> {
    let Some(deadline) = outcome.deadline else {
        let done = done
            .map(|d| format!(" (done {})", long_date(d)))
            .unwrap_or_default();
        writeln!(out, "{label}: no statutory deadline{done}.")?;
        return Ok(());
    };
    let days = |n: Option<i64>| {
        let n = n.unwrap_or(0);
        format!("{n} working day{}", if n == 1 { "" } else { "s" })
    };
    let status = match outcome.status {
        Status::Met => format!("MET, done {}", done.map(long_date).unwrap_or_default()),
        Status::Late => format!(
            "LATE, done {}, {} after the deadline",
            done.map(long_date).unwrap_or_default(),
            days(outcome.working_days_late)
        ),
        Status::Due if deadline == as_of => "DUE TODAY".to_string(),
        Status::Due => format!("DUE, {} left", days(outcome.working_days_remaining)),
        Status::Overdue => format!(
            "OVERDUE by {} (not done)",
            days(outcome.working_days_overdue)
        ),
        Status::None => "none".to_string(),
    };
    writeln!(out, "{label} by {}: {status}.", long_date(deadline))?;
    Ok(())
}
