//! `maaraika summary`: the counts of the national processing-time statistics, per group (and per
//! unit), for any period of pending dates.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::io::Write;

use chrono::NaiveDate;
use clap::{Args, ValueEnum};
use rust_decimal::Decimal;
use serde::Serialize;

use super::list::{exit_code, run_list, ListArgs, OutputArgs};
use super::{write_json, Format};
use maaraika::error::{csv_io, Error, Result};
use maaraika::evaluation::Status;
use maaraika::input::Column as InputColumn;
use maaraika::labels::{Label, Lang};
use maaraika::options::Options;
use maaraika::report::CsvStyle;
use maaraika::rules::{Group, Milestone};
use maaraika::terminal::{terminal_width, FittedColumn, Table};

const EXAMPLES: &str = "\
Examples:
  maaraika summary cases.csv --period 1.4.2026..30.9.2026
  maaraika summary cases.csv --period 1.10.2025..31.3.2026 --by unit --excel --output tilasto.csv

Each case counts once in every group it belongs to, once in `no_group` if it has none, and once in
`all`. on_time_pct = met / (met + late + overdue), as a percentage with one decimal; cases still due
are not counted in it. `invalid` (in the `all` rows) counts the rows that could not be evaluated.";

#[derive(Args, Debug)]
#[command(after_help = EXAMPLES)]
pub struct SummaryArgs {
    #[command(flatten)]
    pub list: ListArgs,
    /// Count only cases pending in this period, FROM..TO inclusive (e.g. 1.4.2026..30.9.2026).
    #[arg(long, value_parser = parse_period, value_name = "FROM..TO")]
    pub period: Option<(NaiveDate, NaiveDate)>,
    /// Break the counts down further.
    #[arg(long, value_enum)]
    pub by: Option<By>,
    #[command(flatten)]
    pub out: OutputArgs,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum By {
    /// One set of rows per unit (yksikkö).
    Unit,
}

/// Parses `--period FROM..TO`, what is wrong worded in the language of the messages.
pub(super) fn parse_period(text: &str) -> std::result::Result<(NaiveDate, NaiveDate), String> {
    let lang = super::message_lang();
    let (from, to) = text
        .split_once("..")
        .ok_or_else(|| lang.fill(Label::UseNotAPeriod, &[text]))?;
    let from = maaraika::problem::given_date_in(from, lang)?;
    let to = maaraika::problem::given_date_in(to, lang)?;
    if to < from {
        return Err(lang.fill(Label::UsePeriodBackwards, &[text]));
    }
    Ok((from, to))
}

/// One row of counts.
#[derive(Debug, Default, Clone, Copy)]
struct Counts {
    cases: u64,
    start: [u64; 5],
    completion: [u64; 5],
    decision: [u64; 5],
    implementation: [u64; 5],
    invalid: u64,
}

/// Counts a status in `counts` (in the order of [`Status::ALL`]); a milestone the list does not
/// record ([`Status::NotRecorded`]) is not counted.
fn count_status(counts: &mut [u64; 5], status: Status) {
    if let Some(index) = Status::ALL.iter().position(|s| *s == status) {
        counts[index] += 1;
    }
}

/// met / (met + late + overdue), as a percentage rounded half away from zero to one decimal.
pub fn on_time_share(counts: &[u64; 5]) -> Option<Decimal> {
    let [met, late, _due, overdue, _none] = *counts;
    maaraika::statistics::percent(met, met + late + overdue)
}

/// The row names, in order.
const ROWS: [&str; 8] = [
    "urgent",
    "over_75",
    "care_allowance",
    "disabled",
    "child_special_support",
    "child_welfare",
    "no_group",
    "all",
];

fn row_label(key: &str, lang: Lang) -> String {
    match Group::ALL.into_iter().find(|g| g.key() == key) {
        Some(g) => lang.group(g).to_string(),
        None if key == "no_group" => lang.get(Label::NoGroup).to_string(),
        None => lang.get(Label::All).to_string(),
    }
}

#[derive(Serialize)]
struct Row<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    unit: Option<&'a str>,
    group: &'a str,
    cases: u64,
    met: u64,
    late: u64,
    due: u64,
    overdue: u64,
    none: u64,
    on_time_pct: Option<Decimal>,
    completion_met: u64,
    completion_late: u64,
    completion_due: u64,
    completion_overdue: u64,
    completion_none: u64,
    completion_on_time_pct: Option<Decimal>,
    invalid: u64,
    /// The decision and the service, when the list records them.
    #[serde(flatten)]
    chain: Option<ChainCounts>,
}

/// A summary row's counts of the decision and the service after it ([`CHAIN_COLUMNS`]).
#[derive(Serialize)]
struct ChainCounts {
    decision_met: u64,
    decision_late: u64,
    decision_due: u64,
    decision_overdue: u64,
    decision_none: u64,
    decision_on_time_pct: Option<Decimal>,
    implementation_met: u64,
    implementation_late: u64,
    implementation_due: u64,
    implementation_overdue: u64,
    implementation_none: u64,
    implementation_on_time_pct: Option<Decimal>,
}

impl ChainCounts {
    fn new(c: &Counts) -> Self {
        let [d_met, d_late, d_due, d_overdue, d_none] = c.decision;
        let [i_met, i_late, i_due, i_overdue, i_none] = c.implementation;
        ChainCounts {
            decision_met: d_met,
            decision_late: d_late,
            decision_due: d_due,
            decision_overdue: d_overdue,
            decision_none: d_none,
            decision_on_time_pct: on_time_share(&c.decision),
            implementation_met: i_met,
            implementation_late: i_late,
            implementation_due: i_due,
            implementation_overdue: i_overdue,
            implementation_none: i_none,
            implementation_on_time_pct: on_time_share(&c.implementation),
        }
    }

    /// The counts of a milestone and its on-time share.
    fn of(&self, decision: bool) -> ([u64; 5], Option<Decimal>) {
        if decision {
            (
                [
                    self.decision_met,
                    self.decision_late,
                    self.decision_due,
                    self.decision_overdue,
                    self.decision_none,
                ],
                self.decision_on_time_pct,
            )
        } else {
            (
                [
                    self.implementation_met,
                    self.implementation_late,
                    self.implementation_due,
                    self.implementation_overdue,
                    self.implementation_none,
                ],
                self.implementation_on_time_pct,
            )
        }
    }
}

impl<'a> Row<'a> {
    fn new(unit: Option<&'a str>, group: &'a str, c: &Counts, chain: bool) -> Self {
        let [met, late, due, overdue, none] = c.start;
        let [c_met, c_late, c_due, c_overdue, c_none] = c.completion;
        Row {
            unit,
            group,
            cases: c.cases,
            met,
            late,
            due,
            overdue,
            none,
            on_time_pct: on_time_share(&c.start),
            completion_met: c_met,
            completion_late: c_late,
            completion_due: c_due,
            completion_overdue: c_overdue,
            completion_none: c_none,
            completion_on_time_pct: on_time_share(&c.completion),
            invalid: c.invalid,
            chain: chain.then(|| ChainCounts::new(c)),
        }
    }

    /// The counts of `milestone` in this row and its on-time share.
    fn milestone(&self, milestone: Milestone) -> ([u64; 5], Option<Decimal>) {
        match milestone {
            Milestone::Start => (
                [self.met, self.late, self.due, self.overdue, self.none],
                self.on_time_pct,
            ),
            Milestone::Completion => (
                [
                    self.completion_met,
                    self.completion_late,
                    self.completion_due,
                    self.completion_overdue,
                    self.completion_none,
                ],
                self.completion_on_time_pct,
            ),
            Milestone::Decision | Milestone::Implementation => self
                .chain
                .as_ref()
                .map(|c| c.of(milestone == Milestone::Decision))
                .unwrap_or_default(),
        }
    }

    fn fields(&self, style: CsvStyle) -> Vec<String> {
        let pct = |share| style.share(share);
        let mut fields = Vec::with_capacity(16);
        if let Some(unit) = self.unit {
            fields.push(style.cell(unit).into_owned());
        }
        fields.push(if style.excel {
            row_label(self.group, style.lang)
        } else {
            self.group.to_string()
        });
        fields.extend(
            [
                self.cases,
                self.met,
                self.late,
                self.due,
                self.overdue,
                self.none,
            ]
            .map(|n| n.to_string()),
        );
        fields.push(pct(self.on_time_pct));
        fields.extend(
            [
                self.completion_met,
                self.completion_late,
                self.completion_due,
                self.completion_overdue,
                self.completion_none,
            ]
            .map(|n| n.to_string()),
        );
        fields.push(pct(self.completion_on_time_pct));
        fields.push(self.invalid.to_string());
        if self.chain.is_some() {
            for milestone in [Milestone::Decision, Milestone::Implementation] {
                let (counts, share) = self.milestone(milestone);
                fields.extend(counts.map(|n| n.to_string()));
                fields.push(pct(share));
            }
        }
        fields
    }
}

/// The CSV columns: stable keys, and the labels `--excel` writes in their place.
const COLUMNS: [(&str, Label); 15] = [
    ("group", Label::SumGroup),
    ("cases", Label::SumCases),
    ("met", Label::SumStartMet),
    ("late", Label::SumStartLate),
    ("due", Label::SumStartDue),
    ("overdue", Label::SumStartOverdue),
    ("none", Label::SumStartNone),
    ("on_time_pct", Label::SumStartOnTimePct),
    ("completion_met", Label::SumCompletionMet),
    ("completion_late", Label::SumCompletionLate),
    ("completion_due", Label::SumCompletionDue),
    ("completion_overdue", Label::SumCompletionOverdue),
    ("completion_none", Label::SumCompletionNone),
    ("completion_on_time_pct", Label::SumCompletionOnTimePct),
    ("invalid", Label::SumInvalid),
];

/// The CSV columns of the decision and the service, after [`COLUMNS`], when the list records them.
const CHAIN_COLUMNS: [(&str, Label); 12] = [
    ("decision_met", Label::SumDecisionMet),
    ("decision_late", Label::SumDecisionLate),
    ("decision_due", Label::SumDecisionDue),
    ("decision_overdue", Label::SumDecisionOverdue),
    ("decision_none", Label::SumDecisionNone),
    ("decision_on_time_pct", Label::SumDecisionOnTimePct),
    ("implementation_met", Label::SumImplementationMet),
    ("implementation_late", Label::SumImplementationLate),
    ("implementation_due", Label::SumImplementationDue),
    ("implementation_overdue", Label::SumImplementationOverdue),
    ("implementation_none", Label::SumImplementationNone),
    (
        "implementation_on_time_pct",
        Label::SumImplementationOnTimePct,
    ),
];

/// The columns a summary has: [`COLUMNS`], and [`CHAIN_COLUMNS`] when the list records the chain.
fn columns(chain: bool) -> impl Iterator<Item = &'static (&'static str, Label)> {
    COLUMNS
        .iter()
        .chain(CHAIN_COLUMNS.iter().filter(move |_| chain))
}

/// The summary as a workbook: the table of [`COLUMNS`] on a sheet, counts as numbers and shares
/// as percentages, with the file, the as-of date and the reading under it.
fn write_workbook<W: Write>(
    out: W,
    args: &SummaryArgs,
    options: &Options,
    rows: &[Row],
    lang: Lang,
    by_unit: bool,
) -> Result<()> {
    use maaraika::xlsx::Cell;
    let chain = rows.first().is_some_and(|row| row.chain.is_some());
    let mut header: Vec<&str> = columns(chain).map(|(_, label)| lang.get(*label)).collect();
    if by_unit {
        header.insert(0, lang.get(Label::ColUnit));
    }
    let labels: Vec<String> = rows.iter().map(|row| row_label(row.group, lang)).collect();
    let units: Vec<Option<std::borrow::Cow<str>>> = rows
        .iter()
        .map(|row| {
            row.unit
                .map(|unit| maaraika::text::shown(unit, args.list.show_hetu))
        })
        .collect();
    let cells: Vec<Vec<Cell>> = rows
        .iter()
        .zip(&labels)
        .zip(&units)
        .map(|((row, label), unit)| {
            let count = |n: u64| Cell::Number(n as f64);
            let mut cells = Vec::with_capacity(16);
            if let Some(unit) = unit {
                cells.push(Cell::Text(unit));
            }
            cells.push(Cell::Text(label));
            cells.extend([row.cases, row.met, row.late, row.due, row.overdue, row.none].map(count));
            cells.push(Cell::Percent(row.on_time_pct));
            cells.extend(
                [
                    row.completion_met,
                    row.completion_late,
                    row.completion_due,
                    row.completion_overdue,
                    row.completion_none,
                ]
                .map(count),
            );
            cells.push(Cell::Percent(row.completion_on_time_pct));
            cells.push(count(row.invalid));
            if row.chain.is_some() {
                for milestone in [Milestone::Decision, Milestone::Implementation] {
                    let (counts, share) = row.milestone(milestone);
                    cells.extend(counts.map(count));
                    cells.push(Cell::Percent(share));
                }
            }
            cells
        })
        .collect();
    let about = maaraika::xlsx::About {
        source: args.list.label(),
        as_of: options.as_of,
        reading: options.reading,
        lang,
        title: "summary",
        folder: super::audit::output_folder(&args.out),
        places: maaraika::problem::Places::default(),
    };
    let name = lang.get(Label::XlsSummary);
    maaraika::xlsx::table_workbook(out, &about, name, &header, &cells, &[])?;
    Ok(())
}

/// The summary as tables for people, fitted to the terminal: one for the start of the
/// assessment and one for its completion (with `--by unit`, a pair per unit), and the invalid
/// rows in a line under them.
fn write_tables(out: &mut dyn Write, rows: &[Row], lang: Lang, by_unit: bool) -> Result<()> {
    let width = terminal_width();
    let mut statuses: Vec<&str> = Status::ALL.iter().map(|s| lang.status(*s)).collect();
    statuses.push(lang.get(Label::SumOnTimePct));
    let mut headers = vec![lang.get(Label::SumGroup), lang.get(Label::SumCases)];
    headers.extend(statuses);
    // Each table's cells: the group, the cases, the five statuses and the share.
    let cells = |row: &Row, milestone: Milestone| -> Vec<String> {
        let (counts, share) = row.milestone(milestone);
        let mut cells = vec![row_label(row.group, lang), row.cases.to_string()];
        cells.extend(counts.iter().map(u64::to_string));
        cells.push(
            share
                .map(|p| lang.decimal(&p.to_string()))
                .unwrap_or_default(),
        );
        cells
    };
    // The start and the completion; the decision and the service when the list records them.
    let mut parts = vec![
        (Label::SumStartTitle, Milestone::Start),
        (Label::SumCompletionTitle, Milestone::Completion),
    ];
    if rows.first().is_some_and(|row| row.chain.is_some()) {
        parts.push((Label::SumDecisionTitle, Milestone::Decision));
        parts.push((Label::SumImplementationTitle, Milestone::Implementation));
    }
    let all_cells: Vec<Vec<String>> = rows
        .iter()
        .flat_map(|row| parts.iter().map(|(_, milestone)| cells(row, *milestone)))
        .collect();
    let columns: Vec<FittedColumn> = headers
        .iter()
        .enumerate()
        .map(|(i, header)| {
            let column = FittedColumn::new(header, all_cells.iter().map(|c| c[i].as_str()));
            match i {
                0 => column,
                // `none` is left out first, then the counts of cases still open.
                6 => column.right().leave_out(1),
                4 => column.right().leave_out(2),
                _ => column.right(),
            }
        })
        .collect();
    let table = Table::fit(columns, width, lang);
    let mut invalid = 0;
    let units: Vec<&[Row]> = rows.chunks(ROWS.len()).collect();
    for (n, unit_rows) in units.iter().enumerate() {
        if by_unit {
            if n > 0 {
                writeln!(out)?;
            }
            let unit = maaraika::report::cell_text(unit_rows[0].unit.unwrap_or_default());
            for line in maaraika::terminal::wrap(&lang.fill(Label::SumUnitTitle, &[&unit]), width) {
                writeln!(out, "{line}")?;
            }
        }
        for (n, (title, milestone)) in parts.iter().enumerate() {
            if n > 0 {
                writeln!(out)?;
            }
            for line in maaraika::terminal::wrap(lang.get(*title), width) {
                writeln!(out, "{line}")?;
            }
            table.header(out)?;
            for row in unit_rows.iter() {
                table.row(out, &cells(row, *milestone))?;
            }
        }
        invalid += unit_rows.iter().map(|r| r.invalid).sum::<u64>();
    }
    table.finish(out)?;
    writeln!(
        out,
        "{}",
        lang.fill(Label::SumInvalidLine, &[&invalid.to_string()])
    )?;
    Ok(())
}

/// Most units `--by unit` counts: more than an organisation has teams, few enough that the
/// counts and their output stay small in memory. A column with more different values is not one
/// of units.
pub(super) const MAX_UNITS: usize = 1_000;

/// The counts per unit (one set, under "", without `--by unit`).
struct Units {
    by_unit: bool,
    table: BTreeMap<String, [Counts; 8]>,
    /// The line of the first row whose unit was one too many.
    too_many: Option<u64>,
}

impl Units {
    /// The counts of `unit`; `None` when it would be one unit too many.
    fn counts(&mut self, unit: &str, line: u64) -> Option<&mut [Counts; 8]> {
        let key = if self.by_unit { unit } else { "" };
        if !self.table.contains_key(key) {
            if self.table.len() >= MAX_UNITS {
                self.too_many.get_or_insert(line);
                return None;
            }
            self.table.insert(key.to_owned(), Default::default());
        }
        self.table.get_mut(key)
    }
}

/// Why a list cannot be counted by unit: its unit column is not one of units.
/// The counts of a case's unit (every case under one key when not by unit), a new entry made
/// while there are fewer than [`MAX_UNITS`]; `None` past that, for the caller's
/// [`too_many_units`]. What `thl` and the social-assistance commands share with this command.
pub(super) fn unit_counts<'a, T: Default>(
    units: &'a mut BTreeMap<String, T>,
    by_unit: bool,
    unit: &str,
) -> Option<&'a mut T> {
    let key = if by_unit { unit } else { "" };
    if !units.contains_key(key) {
        if units.len() >= MAX_UNITS {
            return None;
        }
        units.insert(key.to_owned(), T::default());
    }
    units.get_mut(key)
}

pub(super) fn too_many_units(label: &str, header: Option<&str>, line: u64) -> Error {
    let lang = super::message_lang();
    let header = header.unwrap_or_else(|| lang.get(Label::ColUnit));
    Error::Usage(lang.fill(
        Label::UseTooManyUnits,
        &[label, &line.to_string(), header, &MAX_UNITS.to_string()],
    ))
}

pub fn run(args: SummaryArgs, stdout: &mut dyn Write) -> Result<u8> {
    let format = args.out.format()?;
    let options = args.list.options();
    let mut reader = args.list.open(&args.out)?;
    let by_unit = args.by == Some(By::Unit);
    let unit_header = reader.header_of(InputColumn::Unit).map(str::to_owned);
    let too_many = |line| too_many_units(&args.list.label(), unit_header.as_deref(), line);
    let units = RefCell::new(Units {
        by_unit,
        table: BTreeMap::new(),
        too_many: None,
    });
    let outcome = run_list(
        &args.list,
        &options,
        &mut reader,
        |case| {
            if let Some((from, to)) = args.period {
                if case.case.pending < from || case.case.pending > to {
                    return Ok(());
                }
            }
            let mut units = units.borrow_mut();
            let Some(counts) = units.counts(&case.unit, case.line) else {
                return Err(too_many(case.line));
            };
            let e = &case.evaluation;
            let mut add = |index: usize| {
                let c = &mut counts[index];
                c.cases += 1;
                count_status(&mut c.start, e.start.status);
                count_status(&mut c.completion, e.completion.status);
                count_status(&mut c.decision, e.decision.status);
                count_status(&mut c.implementation, e.implementation.status);
            };
            for group in e.groups.iter() {
                add(group as usize);
            }
            if e.groups.is_empty() {
                add(6);
            }
            add(7);
            Ok(())
        },
        |invalid| {
            if let Some(counts) = units
                .borrow_mut()
                .counts(&invalid.unit, invalid.problem.line)
            {
                counts[7].invalid += 1;
            }
        },
        args.out.style(args.list.lang()),
    )?;
    let Units {
        mut table,
        too_many: first_too_many,
        ..
    } = units.into_inner();
    if let Some(line) = first_too_many {
        return Err(too_many(line));
    }
    if table.is_empty() {
        table.insert(String::new(), Default::default());
    }

    let lang = args.list.lang();
    let chain = reader.has_chain_columns();
    let rows: Vec<Row> = table
        .iter()
        .flat_map(|(unit, counts)| {
            let unit = by_unit.then_some(unit.as_str());
            ROWS.iter()
                .zip(counts)
                .map(move |(key, c)| Row::new(unit, key, c, chain))
        })
        .collect();

    let mut output = args.out.open(stdout)?;
    match format {
        _ if args.out.xlsx() => write_workbook(&mut output, &args, &options, &rows, lang, by_unit)?,
        Format::Json => write_json(&mut output, &rows)?,
        Format::Csv => {
            let style = args.out.style(lang);
            let mut header: Vec<&str> = columns(chain)
                .map(|(key, label)| style.header(key, *label))
                .collect();
            if by_unit {
                header.insert(0, style.header("unit", Label::ColUnit));
            }
            let mut writer = style.writer(&mut output)?;
            writer.write_record(&header).map_err(csv_io)?;
            for row in &rows {
                writer.write_record(row.fields(style)).map_err(csv_io)?;
            }
            writer.flush()?;
        }
        Format::Table => {
            write_tables(&mut output, &rows, lang, by_unit)?;
            if let Some((from, to)) = args.period {
                let (from, to) = (maaraika::dates::finnish(from), maaraika::dates::finnish(to));
                writeln!(output, "{}", lang.fill(Label::SumPeriodLine, &[&from, &to]))?;
            }
            writeln!(output, "{}", lang.reading_line(options.reading))?;
        }
    }
    let code = exit_code(&args.list, &options, &outcome);
    // Kept unless the run failed (`--strict` and an invalid row).
    output.finish(code != maaraika::error::EXIT_ERROR)?;
    Ok(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn on_time_share_is_exact_to_one_decimal() {
        assert_eq!(on_time_share(&[2, 1, 5, 0, 9]), Some(Decimal::new(667, 1)));
        assert_eq!(on_time_share(&[1, 1, 0, 0, 0]), Some(Decimal::new(500, 1)));
        // 1/8 = 12.5 exactly; 1/16 = 6.25 rounds half away from zero to 6.3.
        assert_eq!(on_time_share(&[1, 7, 0, 0, 0]), Some(Decimal::new(125, 1)));
        assert_eq!(on_time_share(&[1, 15, 0, 0, 0]), Some(Decimal::new(63, 1)));
        assert_eq!(on_time_share(&[0, 0, 3, 0, 2]), None);
        assert_eq!(
            on_time_share(&[3, 0, 0, 0, 0]).map(|d| d.to_string()),
            Some("100.0".into())
        );
    }
}
