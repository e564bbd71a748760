//! `maaraika thl`: the national child-welfare report, the figures the national institute for
//! health and welfare collects twice a year (counted in `maaraika::statistics`).

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::io::Write;

use chrono::NaiveDate;
use clap::Args;
use rust_decimal::Decimal;
use serde::Serialize;

use super::list::{exit_code, run_list, ListArgs, OutputArgs};
use super::summary::{parse_period, too_many_units, unit_counts, By};
use super::{write_json, Format};
use maaraika::calendar::Reading;
use maaraika::dates::finnish;
use maaraika::error::{csv_io, Error, Result};
use maaraika::input::Column as InputColumn;
use maaraika::labels::{Label, Lang};
use maaraika::statistics::{ReportPeriod, ThlCounts};
use maaraika::terminal::{terminal_width, FittedColumn, Table};

const EXAMPLES: &str = "\
The national institute for health and welfare collects child-welfare processing times twice a \
year: for 1.4.–30.9. (due 17.10.) and for 1.10.–31.3. (due 17.4.).

Examples:
  maaraika thl cases.csv --period 1.4.2026..30.9.2026 --as-of 17.10.2026
  maaraika thl cases.csv --period 1.10.2025..31.3.2026 --by unit --excel --output thl.csv

Over the child-welfare and special-support matters that became pending in the period: started
within 7 working days, started late, not started with the 7th working day past (overdue) or not
(within); exceeded = started late + not started and overdue; exceeded_pct = exceeded / pending.
Over the assessments completed in the period, whenever pending: within 3 months of the pending
date, or over; completed_late_pct = completed_late / completed. Shares are exact to one decimal.";

#[derive(Args, Debug)]
#[command(after_help = EXAMPLES)]
pub struct ThlArgs {
    #[command(flatten)]
    pub list: ListArgs,
    /// The period of the report, FROM..TO inclusive: 1.4.YYYY..30.9.YYYY or 1.10.YYYY..31.3.YYYY.
    #[arg(long, value_parser = parse_period, value_name = "FROM..TO")]
    pub period: (NaiveDate, NaiveDate),
    /// Break the counts down further.
    #[arg(long, value_enum)]
    pub by: Option<By>,
    #[command(flatten)]
    pub out: OutputArgs,
}

/// One report as JSON: the period, the as-of date, the reading and the counts.
#[derive(Serialize)]
struct Report {
    from: NaiveDate,
    to: NaiveDate,
    as_of: NaiveDate,
    reading: Reading,
    #[serde(flatten)]
    counts: ThlCounts,
}

pub fn run(args: ThlArgs, stdout: &mut dyn Write) -> Result<u8> {
    let format = args.out.format()?;
    let mut reader = args.list.open(&args.out)?;
    let options = args.list.options();
    let period = ReportPeriod {
        from: args.period.0,
        to: args.period.1,
    };
    let by_unit = args.by == Some(By::Unit);
    let unit_header = reader.header_of(InputColumn::Unit).map(str::to_owned);
    let too_many = |line| too_many_units(&args.list.label(), unit_header.as_deref(), line);
    let units: RefCell<BTreeMap<String, ThlCounts>> = RefCell::new(BTreeMap::new());
    let outcome = run_list(
        &args.list,
        &options,
        &mut reader,
        |case| {
            let mut units = units.borrow_mut();
            let Some(counts) = unit_counts(&mut units, by_unit, &case.unit) else {
                return Err(too_many(case.line));
            };
            counts
                .add(
                    &case.case,
                    &case.evaluation,
                    period,
                    options.as_of,
                    options.reading,
                )
                .map_err(Error::from)
        },
        |_| {},
        args.out.style(args.list.lang()),
    )?;
    let units = units.into_inner();
    let mut all = ThlCounts::default();
    for counts in units.values() {
        all.merge(counts);
    }
    let report = |counts: ThlCounts| Report {
        from: period.from,
        to: period.to,
        as_of: options.as_of,
        reading: options.reading,
        counts,
    };
    // The rows: one per unit and `all`, or `all` alone.
    let mut rows: Vec<(Option<&str>, ThlCounts)> = Vec::new();
    if by_unit {
        rows.extend(units.iter().map(|(unit, c)| (Some(unit.as_str()), *c)));
    }
    rows.push((None, all));

    let lang = args.list.lang();
    let mut output = args.out.open(stdout)?;
    match format {
        _ if args.out.xlsx() => {
            write_workbook(&mut output, &args, &rows, lang, period, options.as_of)?
        }
        Format::Json if by_unit => {
            // One object per unit, keyed by its name, and `all`; a unit that is itself called
            // `all` is keyed `all (unit)` so that neither hides the other.
            let mut map: BTreeMap<String, Report> = BTreeMap::new();
            for (unit, counts) in units.iter() {
                let key = if unit == "all" { "all (unit)" } else { unit };
                map.insert(key.to_owned(), report(*counts));
            }
            map.insert("all".to_owned(), report(all));
            write_json(&mut output, &map)?
        }
        Format::Json => write_json(&mut output, &report(all))?,
        Format::Csv => {
            let style = args.out.style(lang);
            let mut header: Vec<&str> = CSV_COLUMNS
                .iter()
                .map(|(key, label)| style.header(key, *label))
                .collect();
            if by_unit {
                header.insert(0, style.header("unit", Label::ColUnit));
            }
            let mut writer = style.writer(&mut output)?;
            writer.write_record(&header).map_err(csv_io)?;
            for (unit, counts) in &rows {
                let mut fields = Vec::with_capacity(header.len());
                if by_unit {
                    fields.push(match unit {
                        Some(unit) => style.cell(unit).into_owned(),
                        None => style.header("all", Label::All).to_string(),
                    });
                }
                fields.extend([
                    style.date_text(period.from),
                    style.date_text(period.to),
                    style.date_text(options.as_of),
                    style.reading(options.reading).to_string(),
                ]);
                fields.extend(numbers(counts, |share| style.share(share)));
                writer.write_record(&fields).map_err(csv_io)?;
            }
            writer.flush()?;
        }
        Format::Table => write_tables(&mut output, &rows, lang, period, options.as_of)?,
    }
    if format == Format::Table {
        writeln!(output, "{}", lang.reading_line(options.reading))?;
    }
    let code = exit_code(&args.list, &options, &outcome);
    // Kept unless the run failed (`--strict` and an invalid row).
    output.finish(code != maaraika::error::EXIT_ERROR)?;
    Ok(code)
}

/// The CSV columns after the unit: stable keys, and the labels `--excel` writes in their place.
const CSV_COLUMNS: [(&str, Label); 15] = [
    ("from", Label::ThlPeriodFrom),
    ("to", Label::ThlPeriodTo),
    ("as_of", Label::ColAsOf),
    ("reading", Label::ColReading),
    ("pending", Label::ThlPending),
    ("started_within", Label::ThlStartedWithin),
    ("started_late", Label::ThlStartedLate),
    ("not_started_overdue", Label::ThlNotStartedOverdue),
    ("not_started_within", Label::ThlNotStartedWithin),
    ("exceeded", Label::ThlExceeded),
    ("exceeded_pct", Label::ThlExceededPct),
    ("completed", Label::ThlCompleted),
    ("completed_within", Label::ThlCompletedWithin),
    ("completed_late", Label::ThlCompletedLate),
    ("completed_late_pct", Label::ThlCompletedLatePct),
];

/// The report as a workbook (`--format xlsx`): the columns of the CSV on one sheet, headed in
/// `--lang`, dates as date cells, counts as numbers and shares as percentages, with the file,
/// the as-of date and the reading under it and in the workbook's properties.
fn write_workbook<W: Write>(
    out: W,
    args: &ThlArgs,
    rows: &[(Option<&str>, ThlCounts)],
    lang: Lang,
    period: ReportPeriod,
    as_of: NaiveDate,
) -> Result<()> {
    use maaraika::xlsx::Cell;
    let by_unit = args.by == Some(By::Unit);
    // The period, the as-of date and the reading are the same on every row: said once, under
    // the table, and not as columns.
    let mut header: Vec<&str> = CSV_COLUMNS[4..]
        .iter()
        .map(|(_, label)| lang.get(*label))
        .collect();
    if by_unit {
        header.insert(0, lang.get(Label::ColUnit));
    }
    let reading = args.list.reading.reading();
    let units: Vec<std::borrow::Cow<str>> = rows
        .iter()
        .map(|(unit, _)| match unit {
            Some(unit) => maaraika::text::shown(unit, args.list.show_hetu),
            None => lang.get(Label::All).into(),
        })
        .collect();
    let cells: Vec<Vec<Cell>> = rows
        .iter()
        .zip(&units)
        .map(|((_, c), unit)| {
            let count = |n: u64| Cell::Number(n as f64);
            let mut cells = Vec::with_capacity(header.len());
            if by_unit {
                cells.push(Cell::Text(unit));
            }
            cells.extend(c.start_counts().map(count));
            cells.push(Cell::Percent(c.exceeded_pct));
            cells.extend(c.completion_counts().map(count));
            cells.push(Cell::Percent(c.completed_late_pct));
            cells
        })
        .collect();
    let about = maaraika::xlsx::About {
        source: args.list.label(),
        as_of,
        reading,
        lang,
        title: "thl",
        folder: super::audit::output_folder(&args.out),
        places: maaraika::problem::Places::default(),
    };
    let notes = [
        (Label::ThlPeriodFrom, Cell::Date(period.from)),
        (Label::ThlPeriodTo, Cell::Date(period.to)),
    ];
    maaraika::xlsx::table_workbook(out, &about, "THL", &header, &cells, &notes)?;
    Ok(())
}

/// The counts in the order of [`CSV_COLUMNS`], shares written by `pct`.
fn numbers(c: &ThlCounts, pct: impl Fn(Option<Decimal>) -> String) -> [String; 11] {
    [
        c.pending.to_string(),
        c.started_within.to_string(),
        c.started_late.to_string(),
        c.not_started_overdue.to_string(),
        c.not_started_within.to_string(),
        c.exceeded.to_string(),
        pct(c.exceeded_pct),
        c.completed.to_string(),
        c.completed_within.to_string(),
        c.completed_late.to_string(),
        pct(c.completed_late_pct),
    ]
}

const START_HEADERS: [Label; 7] = [
    Label::ThlPending,
    Label::ThlStartedWithin,
    Label::ThlStartedLate,
    Label::ThlNotStartedOverdue,
    Label::ThlNotStartedWithin,
    Label::ThlExceeded,
    Label::ThlExceededPct,
];

const COMPLETION_HEADERS: [Label; 4] = [
    Label::ThlCompleted,
    Label::ThlCompletedWithin,
    Label::ThlCompletedLate,
    Label::ThlCompletedLatePct,
];

/// The report as two tables for people, fitted to the terminal: the 7-working-day measure and the
/// 3-month measure, a row per unit and one for all.
fn write_tables(
    out: &mut dyn Write,
    rows: &[(Option<&str>, ThlCounts)],
    lang: Lang,
    period: ReportPeriod,
    as_of: NaiveDate,
) -> Result<()> {
    let width = terminal_width();
    let (from, to) = (finnish(period.from), finnish(period.to));
    let name = |unit: Option<&str>| match unit {
        Some(unit) => maaraika::report::cell_text(unit).into_owned(),
        None => lang.get(Label::All).to_string(),
    };
    let pct = |p: Option<Decimal>| p.map(|p| lang.decimal(&p.to_string())).unwrap_or_default();
    // The 7-working-day measure, then the 3-month one: the title, the column headers, the counts.
    let parts = [
        (Label::ThlStartTitle, &START_HEADERS[..], false),
        (Label::ThlCompletionTitle, &COMPLETION_HEADERS[..], true),
    ];
    let cells_of = |c: &ThlCounts, completion: bool| -> Vec<String> {
        let (counts, share) = if completion {
            (c.completion_counts().to_vec(), c.completed_late_pct)
        } else {
            (c.start_counts().to_vec(), c.exceeded_pct)
        };
        let mut cells: Vec<String> = counts.iter().map(u64::to_string).collect();
        cells.push(pct(share));
        cells
    };
    for (n, (title, headers, completion)) in parts.iter().enumerate() {
        if n > 0 {
            writeln!(out)?;
        }
        for line in maaraika::terminal::wrap(&lang.fill(*title, &[&from, &to]), width) {
            writeln!(out, "{line}")?;
        }
        let cells: Vec<Vec<String>> = rows
            .iter()
            .map(|(unit, counts)| {
                let mut row = vec![name(*unit)];
                row.extend(cells_of(counts, *completion));
                row
            })
            .collect();
        let mut columns = vec![FittedColumn::new(
            lang.get(Label::TabUnit),
            cells.iter().map(|c| c[0].as_str()),
        )];
        for (i, header) in headers.iter().enumerate() {
            let column =
                FittedColumn::new(lang.get(*header), cells.iter().map(|c| c[i + 1].as_str()))
                    .right();
            // In a narrow window the cases still open within the limit go first.
            columns.push(match header {
                Label::ThlNotStartedWithin => column.leave_out(1),
                _ => column,
            });
        }
        let table = Table::fit(columns, width, lang);
        table.header(out)?;
        for row in &cells {
            table.row(out, row)?;
        }
        table.finish(out)?;
    }
    writeln!(out)?;
    writeln!(out, "{}", lang.fill(Label::ThlAsOfLine, &[&finnish(as_of)]))?;
    Ok(())
}
