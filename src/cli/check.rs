//! `maaraika check`: one case, by hand. "This person contacted us on this day: by when must we
//! start, and are we late?"

use std::io::Write;

use chrono::NaiveDate;
use clap::{ArgGroup, Args};

use super::calendar::holiday_list;
use super::{as_of_arg, date_arg, write_json, Format, ReadingArg};
use maaraika::answer::{check, start_rule_text, CheckAnswer};
use maaraika::calendar::Reading;
use maaraika::error::{Error, Result};
use maaraika::evaluation::{Case, Evaluation, MilestoneOutcome, Person, Status};
use maaraika::hetu::Hetu;
use maaraika::labels::{Label, Lang};
use maaraika::options::Given;
use maaraika::report::{schema, write_plain, CsvStyle};
use maaraika::rules::{Milestone, Period, EVERYONE_ELSE};

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
    /// The person's age in years on the pending date (0-130).
    #[arg(long, value_name = "YEARS", value_parser = age_arg, allow_negative_numbers = true)]
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
    /// Language of the text [default: from LC_ALL/LC_MESSAGES/LANG, else en].
    #[arg(long, value_parser = super::choices::lang(), value_name = "LANG")]
    lang: Option<Lang>,
}

/// Parses `--age` as whole years; `-5` arrives here as a value, not as a flag. An age over the
/// oldest is the case's validation's to refuse ([`maaraika::evaluation::CaseError`]), in the
/// words the web API and a list's rows use.
fn age_arg(text: &str) -> std::result::Result<u32, String> {
    text.trim()
        .parse::<u32>()
        .map_err(|_| format!("the age {}", maaraika::input::AgeError))
}

pub fn run(args: CheckArgs, out: &mut dyn Write) -> Result<u8> {
    // What is wrong with the case, in the language of the answer.
    let lang = args.lang.unwrap_or_else(Lang::from_env);
    let person = match (args.birth_date, &args.hetu, args.age) {
        (Some(birth), _, _) => Person::BirthDate(birth),
        (_, Some(code), _) => Person::Hetu(Hetu::parse(code).map_err(|e| {
            let text = maaraika::problem::Problem::Hetu(e).text(lang);
            Error::Usage(format!("--hetu: {text}"))
        })?),
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
        unrecorded: Default::default(),
    };
    let options = Given::new(args.as_of, args.reading.reading()).resolve();
    let answer = check(&case, options.as_of, options.reading)
        .map_err(|e| Error::Usage(maaraika::problem::case_error(&e, lang)))?;
    let evaluation = &answer.evaluation;
    match args.format {
        Format::Json => write_json(out, &answer)?,
        Format::Csv => {
            // The columns of the case at a glance, as the audit's plain CSV writes them.
            let row = schema::Row::case(case.pending, evaluation, answer.record.reading);
            let options = schema::ColumnOptions {
                case_only: true,
                ..schema::ColumnOptions::default()
            };
            write_plain(
                out,
                CsvStyle::PLAIN,
                schema::ReportFormat::CheckCsv,
                options,
                [row],
            )?;
        }
        Format::Table => {
            let mut text = Vec::new();
            let lang = args.lang.unwrap_or_else(Lang::from_env);
            write_text(&mut text, &case, evaluation, &answer, lang)?;
            maaraika::terminal::write_text(out, &String::from_utf8_lossy(&text))?;
        }
    }
    Ok(0)
}

fn write_text(
    out: &mut dyn Write,
    case: &Case,
    evaluation: &Evaluation,
    answer: &CheckAnswer,
    lang: Lang,
) -> Result<()> {
    let date = |d: NaiveDate| lang.long_date(d);
    writeln!(
        out,
        "{}",
        lang.fill(
            Label::ChkPending,
            &[&date(case.pending), &date(answer.as_of)]
        )
    )?;
    match evaluation.age {
        Some(age) => writeln!(out, "{}", lang.fill(Label::ChkAge, &[&age.to_string()]))?,
        None => writeln!(out, "{}", lang.get(Label::ChkAgeUnknown))?,
    }
    if evaluation.rules.is_empty() {
        let everyone = lang.statute(EVERYONE_ELSE);
        writeln!(out, "{}", lang.fill(Label::ChkNoGroups, &[&everyone]))?;
    } else {
        writeln!(out, "{}", lang.get(Label::ChkGroups))?;
        for rule in evaluation.rules.iter() {
            let completion = rule
                .limit(Milestone::Completion)
                .and_then(|limit| match limit.period {
                    Period::Months(m) => {
                        Some(lang.fill(Label::ChkCompleteWithin, &[&m.to_string()]))
                    }
                    _ => None,
                })
                .unwrap_or_default();
            let start = rule
                .limit(Milestone::Start)
                .map(|limit| start_rule_text(limit, lang))
                .unwrap_or_default();
            // The group as the act in force words it; for an English reader with the Finnish
            // words beside it, as the documents they meet are in Finnish.
            let name = match lang {
                Lang::Fi | Lang::Sv => lang.group_on(rule.group, case.pending).to_string(),
                Lang::En => format!(
                    "{} ({})",
                    lang.group_on(rule.group, case.pending),
                    Lang::Fi.group_on(rule.group, case.pending)
                ),
            };
            writeln!(
                out,
                "{}",
                lang.fill(
                    Label::ChkRule,
                    &[&name, &start, &completion, &lang.statute(rule.statute),]
                )
            )?;
        }
    }
    writeln!(out)?;
    write_outcome(
        out,
        Label::ChkStart,
        &evaluation.start,
        case.started,
        answer.as_of,
        lang,
    )?;
    if let Some(deadline) = evaluation.start.deadline {
        if deadline != case.pending {
            let names = holiday_list(&answer.start_skipped_holidays, lang);
            writeln!(out, "{}", lang.fill(Label::ChkSkipped, &[&names]))?;
        }
    } else {
        let label = if case.started.is_some() {
            Label::ChkElapsedToStart
        } else {
            Label::ChkElapsedSoFar
        };
        let days = evaluation.elapsed_working_days.to_string();
        writeln!(out, "{}", lang.fill(label, &[&days]))?;
    }
    write_outcome(
        out,
        Label::ChkCompletion,
        &evaluation.completion,
        case.completed,
        answer.as_of,
        lang,
    )?;
    write_chain(out, case, evaluation, answer.as_of, lang)?;
    for note in evaluation.notes.iter() {
        writeln!(out, "{}", lang.fill(Label::ChkNote, &[lang.note(note)]))?;
    }
    writeln!(out)?;
    writeln!(out, "{}", lang.reading_line(answer.record.reading))?;
    let other = match answer.record.reading {
        Reading::Standard => Reading::Conservative,
        Reading::Conservative => Reading::Standard,
    };
    match &answer.other_reading {
        None => writeln!(
            out,
            "{}",
            lang.fill(Label::ChkOtherSame, &[lang.reading(other)])
        )?,
        Some(other) => {
            let mut dates = Vec::new();
            for (deadline, status, label) in [
                (
                    other.start_deadline,
                    other.start_status,
                    Label::ChkOtherStart,
                ),
                (
                    other.completion_deadline,
                    other.completion_status,
                    Label::ChkOtherCompletion,
                ),
                (
                    other.decision_deadline,
                    other.decision_status,
                    Label::ChkOtherDecision,
                ),
                (
                    other.implementation_deadline,
                    other.implementation_status,
                    Label::ChkOtherService,
                ),
            ] {
                if let Some(deadline) = deadline {
                    dates.push(lang.fill(label, &[&lang.on_date(deadline), lang.status(status)]));
                }
            }
            writeln!(
                out,
                "{}",
                lang.fill(
                    Label::ChkOtherDiffers,
                    &[lang.reading(other.reading), &dates.join(", ")]
                )
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
    lang: Lang,
) -> Result<()> {
    for deadline in evaluation.deadlines() {
        let (label, done) = match deadline.milestone {
            Milestone::Decision => (Label::ChkDecision, case.decision),
            Milestone::Implementation => (Label::ChkServiceBegins, case.implemented),
            Milestone::Start | Milestone::Completion => continue,
        };
        if deadline.milestone == Milestone::Implementation && case.decision.is_none() {
            let line = lang.fill(Label::ChkAfterDecision, &[lang.get(label)]);
            writeln!(out, "{line}")?;
            continue;
        }
        write_outcome(out, label, deadline.outcome(), done, as_of, lang)?;
        let statutes = deadline.statutes();
        if !statutes.is_empty() {
            let statutes: Vec<String> = statutes.iter().map(|s| lang.statute(s)).collect();
            writeln!(out, "  {}", statutes.join("; "))?;
        }
        if deadline.outcome().deadline.is_none() {
            if let Some(days) = deadline.elapsed_working_days() {
                let label = if done.is_some() {
                    Label::ChkElapsedUpToIt
                } else {
                    Label::ChkElapsedSoFar
                };
                writeln!(out, "{}", lang.fill(label, &[&days.to_string()]))?;
            }
        }
    }
    Ok(())
}

fn write_outcome(
    out: &mut dyn Write,
    label: Label,
    outcome: &MilestoneOutcome,
    done: Option<NaiveDate>,
    as_of: NaiveDate,
    lang: Lang,
) -> Result<()> {
    let name = lang.get(label);
    let Some(deadline) = outcome.deadline else {
        let done = done
            .map(|d| lang.fill(Label::ChkDone, &[&lang.long_date(d)]))
            .unwrap_or_default();
        writeln!(out, "{}", lang.fill(Label::ChkNoDeadline, &[name, &done]))?;
        return Ok(());
    };
    let days = |n: Option<i64>| lang.working_days(n.unwrap_or(0));
    let done_date = done.map(|d| lang.long_date(d)).unwrap_or_default();
    let status = match outcome.status {
        Status::Met => lang.fill(Label::ChkMet, &[&done_date]),
        Status::Late => lang.fill(
            Label::ChkLate,
            &[&done_date, &days(outcome.working_days_late)],
        ),
        Status::Due if deadline == as_of => lang.get(Label::ChkDueToday).to_string(),
        Status::Due => lang.fill(Label::ChkDue, &[&days(outcome.working_days_remaining)]),
        Status::Overdue => lang.fill(Label::ChkOverdue, &[&days(outcome.working_days_overdue)]),
        Status::NotRecorded => lang.get(Label::ChkGiveDecision).to_string(),
        Status::None => lang.status(outcome.status).to_string(),
    };
    let by = match label {
        Label::ChkStart => Label::ChkStartBy,
        Label::ChkCompletion => Label::ChkCompletionBy,
        Label::ChkDecision => Label::ChkDecisionBy,
        _ => Label::ChkServiceBy,
    };
    writeln!(
        out,
        "{}",
        lang.fill(by, &[&lang.on_date(deadline), &status])
    )?;
    Ok(())
}
