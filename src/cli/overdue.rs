//! `maaraika overdue`: the morning list. The cases past a deadline, most overdue first, and with
//! `--due-within N` the cases due in the next N working days.

use std::borrow::Cow;
use std::io::Write;

use clap::Args;

use super::audit::sink;
use super::list::{exit_code, run_list, ListArgs, OutputArgs};
use chrono::NaiveDate;

use maaraika::batch::{Evaluated, Settings};
use maaraika::error::{Error, Result};
use maaraika::evaluation::{evaluate, Case, Evaluation, Status};
use maaraika::rules::Milestone;

const EXAMPLES: &str = "\
Examples:
  maaraika overdue cases.csv                        overdue cases, most overdue first
  maaraika overdue cases.csv --due-within 3         and those due in the next 3 working days
  maaraika overdue cases.csv --excel --output aamulista.csv
  maaraika overdue cases.csv --fail-on-overdue      exit code 1 when anything is overdue";

#[derive(Args, Debug)]
#[command(after_help = EXAMPLES)]
pub struct OverdueArgs {
    #[command(flatten)]
    pub list: ListArgs,
    /// Also list the cases due within this many working days (0: due today).
    #[arg(long, value_name = "N")]
    pub due_within: Option<u32>,
    #[command(flatten)]
    pub out: OutputArgs,
}

/// How urgent a case is: overdue before due; the most overdue, then the soonest due, first. Every
/// milestone counts: the start, the completion, the decision and the service.
fn urgency(evaluation: &Evaluation, due_within: Option<u32>) -> Option<(u8, i64)> {
    let outcomes = Milestone::ALL.map(|m| evaluation.outcome(m));
    let overdue = outcomes
        .iter()
        .filter(|o| o.status == Status::Overdue)
        .filter_map(|o| o.working_days_overdue)
        .max();
    if let Some(days) = overdue {
        return Some((0, -days));
    }
    let limit = i64::from(due_within?);
    outcomes
        .iter()
        .filter(|o| o.status == Status::Due)
        .filter_map(|o| o.working_days_remaining)
        .filter(|days| *days <= limit)
        .min()
        .map(|days| (1, days))
}

/// A case kept for the list until it is sorted: its facts and texts only, some 160 bytes. The
/// evaluation (four times that) is made again when the case is written: it is the same, and
/// takes a few nanoseconds. 115,000 overdue cases of a million took 87 MB kept whole, 45 MB so.
struct Kept {
    /// Urgency, the earliest deadline, the line: the order of the list.
    order: ((u8, i64), Option<NaiveDate>, u64),
    case: Case,
    case_id: Box<str>,
    unit: Box<str>,
    hetu: Option<Box<str>>,
}

impl Kept {
    fn new(key: (u8, i64), case: &Evaluated) -> Kept {
        let e = &case.evaluation;
        Kept {
            order: (key, e.start.deadline.min(e.completion.deadline), case.line),
            case: case.case,
            case_id: case.case_id.as_ref().into(),
            unit: case.unit.as_ref().into(),
            hetu: case.hetu.as_deref().map(Into::into),
        }
    }

    /// The case evaluated again, as it was read.
    fn evaluated(&self, settings: Settings) -> Result<Evaluated<'_>> {
        let evaluation = evaluate(&self.case, settings.as_of, settings.reading)
            .map_err(|e| Error::Usage(e.to_string()))?;
        Ok(Evaluated {
            line: self.order.2,
            case_id: Cow::Borrowed(&self.case_id),
            unit: Cow::Borrowed(&self.unit),
            hetu: self.hetu.as_deref().map(Cow::Borrowed),
            case: self.case,
            evaluation,
        })
    }
}

pub fn run(mut args: OverdueArgs, stdout: &mut dyn Write) -> Result<u8> {
    // One as-of date for the whole run, even one that passes midnight.
    args.list.as_of = Some(args.list.settings().as_of);
    let format = args.out.format()?;
    let mut reader = args.list.open(&args.out)?;
    let mut listed: Vec<Kept> = Vec::new();
    let outcome = run_list(
        &args.list,
        &mut reader,
        |case| {
            if let Some(key) = urgency(&case.evaluation, args.due_within) {
                listed.push(Kept::new(key, case));
            }
            Ok(())
        },
        |_| {},
        args.out.style(args.list.lang()),
    )?;
    listed.sort_unstable_by_key(|kept| kept.order);
    let settings = args.list.settings();
    let style = args.out.style(args.list.lang());
    let mut output = args.out.open(stdout)?;
    let xlsx = args.out.xlsx().then(|| {
        let folder = super::audit::output_folder(&args.out);
        ("overdue", args.due_within.unwrap_or(0), false, folder)
    });
    let mut sink = sink(format, &mut output, style, &args.list, &reader, xlsx)?;
    for kept in &listed {
        sink.case(&kept.evaluated(settings)?)?;
    }
    sink.finish()?;
    let code = exit_code(&args.list, &outcome);
    // Kept unless the run failed (`--strict` and an invalid row).
    output.finish(code != maaraika::error::EXIT_ERROR)?;
    Ok(code)
}
