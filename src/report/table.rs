//! The audit as a table for people: the [`schema`]'s table columns under their short headers in
//! `--lang`, fitted to the terminal's width and written a row at a time (a table of a million
//! rows takes no more memory than one of ten).

use std::borrow::Cow;
use std::io::{self, Write};

use super::schema::{self, ColumnOptions, ReportColumn, ReportFormat, ReportValue, Row, Spec};
use super::sink::CaseSink;
use crate::batch::EvaluatedCase;
use crate::calendar::Reading;
use crate::evaluation::Status;
use crate::labels::Label;
use crate::labels::Lang;
use crate::rules::{Group, Milestone};
use crate::terminal::FittedColumn;

/// Audit rows as a table for people.
pub struct TableSink<W: Write> {
    out: W,
    table: crate::terminal::Table,
    lang: Lang,
    reading: Reading,
    started: bool,
    columns: Vec<&'static Spec>,
}

impl<W: Write> TableSink<W> {
    /// A table fitted to the terminal; with `chain`, columns for the decision and the service;
    /// `reading`: the reading the cases were evaluated in.
    pub fn new(out: W, lang: Lang, chain: bool, reading: Reading) -> Self {
        Self::with_width(out, lang, crate::terminal::terminal_width(), chain, reading)
    }

    /// A table fitted to `width` columns.
    pub fn with_width(out: W, lang: Lang, width: usize, chain: bool, reading: Reading) -> Self {
        let options = ColumnOptions {
            chain,
            ..ColumnOptions::default()
        };
        let columns: Vec<&Spec> = schema::columns(ReportFormat::Table, options).collect();
        let fitted = columns.iter().filter_map(|spec| table_column(spec, lang));
        TableSink {
            out,
            table: crate::terminal::Table::fit(fitted.collect(), width, lang),
            lang,
            reading,
            started: false,
            columns,
        }
    }
}

/// How a column of the schema is fitted: free text and numbers to their widths, the others to
/// the values they can hold.
fn table_column(spec: &Spec, lang: Lang) -> Option<FittedColumn> {
    let table = spec.table?;
    let header = lang.get(table.label);
    let mut column = match table.width {
        Some((min, max)) => FittedColumn::text(header, min, max),
        None => {
            let words: Vec<Cow<str>> = match spec.column {
                ReportColumn::Line
                | ReportColumn::CaseId
                | ReportColumn::Unit
                | ReportColumn::Hetu
                | ReportColumn::ElapsedWorkingDays
                | ReportColumn::Age
                | ReportColumn::WorkingDaysLate(_)
                | ReportColumn::WorkingDaysRemaining(_)
                | ReportColumn::WorkingDaysOverdue(_) => vec!["99999".into()],
                ReportColumn::PendingDate | ReportColumn::Deadline(_) | ReportColumn::AsOf => {
                    vec!["30.12.2026".into()]
                }
                // Only these can be unrecorded (a list with one of the two columns).
                ReportColumn::Status(Milestone::Decision | Milestone::Implementation) => {
                    let mut words: Vec<Cow<str>> =
                        Status::ALL.map(|s| lang.status(s).into()).to_vec();
                    words.push(lang.status(Status::NotRecorded).into());
                    words
                }
                ReportColumn::Status(_) | ReportColumn::StandingStatus => {
                    Status::ALL.map(|s| lang.status(s).into()).to_vec()
                }
                ReportColumn::StandingMilestone => {
                    Milestone::ALL.map(|m| lang.milestone(m).into()).to_vec()
                }
                ReportColumn::StandingDeadline => vec!["30.12.2026".into()],
                ReportColumn::StandingWorkingDays => vec!["99999".into()],
                ReportColumn::Groups => Group::ALL.map(|g| lang.group(g).into()).to_vec(),
                // Not in the table (it says them once, after the rows): the header decides.
                ReportColumn::Notes | ReportColumn::Reading => Vec::new(),
                // Where the case stands, with its milestone: never left out.
                ReportColumn::WorkingDays => Milestone::ALL
                    .into_iter()
                    .flat_map(|m| {
                        [Label::DaysOverdue, Label::DaysLeft, Label::DaysLate]
                            .map(|l| days_cell(Some(m), 9999, l, lang))
                    })
                    .chain([days_cell(None, 9999, Label::DaysElapsed, lang)])
                    .map(Cow::Owned)
                    .collect(),
            };
            let fitted = FittedColumn::new(header, words.iter().map(|w| w.as_ref()));
            match spec.column {
                // Where the case stands is read whole (`valmistus 27 yli`): other columns are
                // left out before it wraps.
                ReportColumn::WorkingDays => fitted.whole(),
                _ => fitted,
            }
        }
    };
    if table.right {
        column = column.right();
    }
    if let Some(order) = table.leave_out {
        column = column.leave_out(order);
    }
    Some(column)
}

/// Free text (a case id, a unit) as a table cell for a terminal: at most 60 characters, and
/// hidden characters (an escape sequence from a damaged export) as `?`, as everywhere
/// ([`crate::text::visible`]). A 5 MB cell would take minutes to lay out and fill screens; CSV
/// and JSON keep the whole value.
pub fn cell_text(text: &str) -> Cow<'_, str> {
    const LONGEST: usize = 60;
    let long = text.len() > LONGEST && text.chars().nth(LONGEST).is_some();
    if !long {
        return crate::text::visible(text);
    }
    let cell: String = text.chars().take(LONGEST).collect();
    let mut cell = crate::text::visible(&cell).into_owned();
    cell.push('…');
    Cow::Owned(cell)
}

/// Working days as people read them, with the milestone they are of: `completion 5 overdue`,
/// `valmistus 5 yli`; `12 elapsed` of none.
fn days_cell(milestone: Option<Milestone>, n: i64, label: Label, lang: Lang) -> String {
    match milestone {
        Some(m) => format!("{} {n} {}", lang.milestone(m), lang.get(label)),
        None => format!("{n} {}", lang.get(label)),
    }
}

/// A value as a table cell in `lang`.
fn cell(value: ReportValue, lang: Lang) -> String {
    match value {
        ReportValue::Number(n) => n.to_string(),
        ReportValue::Text(text) => cell_text(text.unwrap_or_default()).into_owned(),
        ReportValue::Date(date) => date.map(crate::dates::finnish).unwrap_or_default(),
        ReportValue::Status(status) => lang.status(status).to_string(),
        ReportValue::Count(n) => n.map(|n| n.to_string()).unwrap_or_default(),
        ReportValue::Groups(groups, pending) => lang.groups(groups, pending),
        ReportValue::Notes(notes) => {
            let notes: Vec<_> = notes.iter().map(|n| lang.note(n)).collect();
            notes.join("; ")
        }
        ReportValue::Reading(reading) => lang.reading(reading).to_string(),
        ReportValue::Days(milestone, n, label) => days_cell(milestone, n, label, lang),
        ReportValue::Milestone(m) => m.map(|m| lang.milestone(m)).unwrap_or_default().to_string(),
    }
}

impl<W: Write> CaseSink for TableSink<W> {
    fn case(&mut self, case: &EvaluatedCase) -> io::Result<()> {
        if !self.started {
            self.started = true;
            self.table.header(&mut self.out)?;
        }
        // The as-of date is said once, after the rows.
        let row = Row::new(case, self.reading, None);
        let cells: Vec<String> = self
            .columns
            .iter()
            .map(|spec| cell(spec.value(&row), self.lang))
            .collect();
        self.table.row(&mut self.out, &cells)
    }

    fn finish(mut self: Box<Self>) -> io::Result<()> {
        if !self.started {
            self.table.header(&mut self.out)?;
        }
        self.table.finish(&mut self.out)?;
        self.out.flush()
    }
}
