//! `maaraika summary`: the counts of the national processing-time statistics, per group (and per
//! unit), for any period of pending dates.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::io::Write;

use chrono::NaiveDate;
use clap::{Args, ValueEnum};
use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;

use super::list::{exit_code, run_list, ListArgs, OutputArgs};
use super::{write_json, Format};
use crate::dates::parse_date;
use crate::error::{csv_io, Error, Result};
use crate::evaluation::Status;
use crate::input::Column;
use crate::report::{keep_whole, new_table, Lang};
use crate::rules::Group;

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

fn parse_period(text: &str) -> std::result::Result<(NaiveDate, NaiveDate), String> {
    let (from, to) = text.split_once("..").ok_or_else(|| {
        format!("`{text}` is not a period: write FROM..TO, e.g. 1.4.2026..30.9.2026")
    })?;
    let from = parse_date(from).map_err(|e| format!("`{from}` {e}"))?;
    let to = parse_date(to).map_err(|e| format!("`{to}` {e}"))?;
    if to < from {
        return Err(format!("the period {text} ends before it starts"));
    }
    Ok((from, to))
}

/// One row of counts.
#[derive(Debug, Default, Clone, Copy)]
struct Counts {
    cases: u64,
    start: [u64; 5],
    completion: [u64; 5],
    invalid: u64,
}

fn status_index(status: Status) -> usize {
    Status::ALL.iter().position(|s| *s == status).unwrap_or(4)
}

/// met / (met + late + overdue), as a percentage rounded half away from zero to one decimal.
pub fn on_time_share(counts: &[u64; 5]) -> Option<Decimal> {
    let [met, late, _due, overdue, _none] = *counts;
    let decided = met + late + overdue;
    if decided == 0 {
        return None;
    }
    let share = Decimal::from(met) * Decimal::from(100) / Decimal::from(decided);
    let mut share = share.round_dp_with_strategy(1, RoundingStrategy::MidpointAwayFromZero);
    share.rescale(1);
    Some(share)
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
    let group = Group::ALL.into_iter().find(|g| g.key() == key);
    match (group, key, lang) {
        (Some(g), _, lang) => lang.group(g).to_string(),
        (None, "no_group", Lang::En) => "no statutory group".into(),
        (None, "no_group", Lang::Fi) => "ei lakisääteistä ryhmää".into(),
        (None, _, Lang::En) => "all".into(),
        (None, _, Lang::Fi) => "kaikki".into(),
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
}

impl<'a> Row<'a> {
    fn new(unit: Option<&'a str>, group: &'a str, c: &Counts) -> Self {
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
        }
    }

    fn fields(&self, lang: Lang, excel: bool) -> Vec<String> {
        let pct = |p: Option<Decimal>| {
            let text = p.map(|p| p.to_string()).unwrap_or_default();
            if excel {
                text.replace('.', ",")
            } else {
                text
            }
        };
        let mut fields = Vec::with_capacity(16);
        if let Some(unit) = self.unit {
            fields.push(unit.to_string());
        }
        fields.push(if excel {
            row_label(self.group, lang)
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
        fields
    }
}

const COLUMNS: [&str; 15] = [
    "group",
    "cases",
    "met",
    "late",
    "due",
    "overdue",
    "none",
    "on_time_pct",
    "completion_met",
    "completion_late",
    "completion_due",
    "completion_overdue",
    "completion_none",
    "completion_on_time_pct",
    "invalid",
];

const COLUMNS_FI: [&str; 15] = [
    "ryhmä",
    "asioita",
    "ajoissa",
    "myöhässä",
    "avoinna",
    "ylittynyt",
    "ei määräaikaa",
    "ajoissa %",
    "valmis ajoissa",
    "valmis myöhässä",
    "valmistuminen avoinna",
    "valmistuminen ylittynyt",
    "ei valmistumisaikaa",
    "valmis ajoissa %",
    "virheellisiä",
];

/// Most units `--by unit` counts: more than an organisation has teams, few enough that the
/// counts and their table stay small in memory (a table of 1,000 units, 8,000 rows, takes about
/// 56 MB at its peak). A column with more different values is not one of units.
const MAX_UNITS: usize = 1_000;

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
fn too_many_units(label: &str, header: Option<&str>, line: u64) -> Error {
    Error::Usage(format!(
        "{label} line {line}: the unit column ({}) has more than {MAX_UNITS} different values, \
         which does not look like units or teams: check that it is the right column (or name \
         it with --column unit=HEADER), or leave out --by unit",
        header.unwrap_or("unit")
    ))
}

pub fn run(args: SummaryArgs, stdout: &mut dyn Write) -> Result<u8> {
    let mut reader = args.list.open(&args.out)?;
    let by_unit = args.by == Some(By::Unit);
    let unit_header = reader.header_of(Column::Unit).map(str::to_owned);
    let too_many = |line| too_many_units(&args.list.label(), unit_header.as_deref(), line);
    let units = RefCell::new(Units {
        by_unit,
        table: BTreeMap::new(),
        too_many: None,
    });
    let tally = run_list(
        &args.list,
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
                c.start[status_index(e.start.status)] += 1;
                c.completion[status_index(e.completion.status)] += 1;
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
    let rows: Vec<Row> = table
        .iter()
        .flat_map(|(unit, counts)| {
            let unit = by_unit.then_some(unit.as_str());
            ROWS.iter()
                .zip(counts)
                .map(move |(key, c)| Row::new(unit, key, c))
        })
        .collect();

    let format = args.out.format();
    let mut output = args.out.open(stdout)?;
    let mut header: Vec<&str> = match (format, lang) {
        (Format::Table, Lang::Fi) => COLUMNS_FI.to_vec(),
        _ => COLUMNS.to_vec(),
    };
    if by_unit {
        header.insert(
            0,
            if lang == Lang::Fi && format == Format::Table {
                "yksikkö"
            } else {
                "unit"
            },
        );
    }
    match format {
        Format::Json => write_json(&mut output, &rows)?,
        Format::Csv => {
            let mut writer = args.out.style(lang).writer(&mut output)?;
            writer.write_record(&header).map_err(csv_io)?;
            for row in &rows {
                writer
                    .write_record(row.fields(lang, args.out.excel))
                    .map_err(csv_io)?;
            }
            writer.flush()?;
        }
        Format::Table => {
            let mut t = new_table(&header);
            let group_at = usize::from(by_unit);
            // The counts stay whole; the unit and group names may wrap.
            keep_whole(&mut t, |column| column > group_at);
            for row in &rows {
                let mut fields = row.fields(lang, false);
                if by_unit {
                    fields[0] = crate::report::cell_text(&fields[0]).into_owned();
                }
                fields[group_at] = row_label(row.group, lang);
                t.add_row(fields);
            }
            writeln!(output, "{t}")?;
            if let Some((from, to)) = args.period {
                writeln!(
                    output,
                    "Pending {} to {}.",
                    crate::dates::finnish(from),
                    crate::dates::finnish(to)
                )?;
            }
            writeln!(
                output,
                "{}",
                super::calendar::reading_line(args.list.reading.reading())
            )?;
        }
    }
    let code = exit_code(&args.list, tally);
    output.finish(!(args.list.strict && tally.invalid > 0))?;
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
