//! `maaraika overdue`: the morning list. The cases past a deadline, most overdue first, and with
//! `--due-within N` the cases due in the next N working days.

use std::borrow::Cow;
use std::io::Write;

use clap::Args;

use super::audit::sink;
use super::list::{exit_code, run_list, ListArgs, OutputArgs};
use crate::batch::Evaluated;
use crate::error::Result;
use crate::evaluation::{Evaluation, Status};

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

/// How urgent a case is: overdue before due; the most overdue, then the soonest due, first.
fn urgency(evaluation: &Evaluation, due_within: Option<u32>) -> Option<(u8, i64)> {
    let outcomes = [&evaluation.start, &evaluation.completion];
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

fn owned(case: &Evaluated) -> Evaluated<'static> {
    let own = |text: &Cow<str>| Cow::Owned(text.to_string());
    Evaluated {
        line: case.line,
        case_id: own(&case.case_id),
        unit: own(&case.unit),
        hetu: case.hetu.as_ref().map(own),
        case: case.case,
        evaluation: case.evaluation.clone(),
    }
}

pub fn run(args: OverdueArgs, stdout: &mut dyn Write) -> Result<u8> {
    let format = args.out.format()?;
    let mut reader = args.list.open(&args.out)?;
    let mut listed: Vec<((u8, i64), Evaluated<'static>)> = Vec::new();
    let tally = run_list(
        &args.list,
        &mut reader,
        |case| {
            if let Some(key) = urgency(&case.evaluation, args.due_within) {
                listed.push((key, owned(case)));
            }
            Ok(())
        },
        |_| {},
    )?;
    listed.sort_by_key(|(key, case)| {
        let deadline = case
            .evaluation
            .start
            .deadline
            .min(case.evaluation.completion.deadline);
        (*key, deadline, case.line)
    });
    let style = args.out.style(args.list.lang());
    let mut output = args.out.open(stdout)?;
    let mut sink = sink(format, &mut output, style, &args.list)?;
    for (_, case) in &listed {
        sink.case(case)?;
    }
    sink.finish()?;
    let code = exit_code(&args.list, tally);
    output.finish(!(args.list.strict && tally.invalid > 0))?;
    Ok(code)
}
