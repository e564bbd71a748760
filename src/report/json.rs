//! The audit as JSON: an array of one object per case, streamed, with the keys of the
//! [`schema`]'s JSON columns and the `deadlines` list; and the record of a case that `check`'s
//! JSON shares ([`CaseRecord`]).

use std::io::{self, Write};

use chrono::NaiveDate;
use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;

use super::schema::{self, ColumnOptions, ReportFormat, ReportValue, Row, Spec};
use super::sink::CaseSink;
use crate::batch::EvaluatedCase;
use crate::calendar::Reading;
use crate::evaluation::{DeadlineList, Evaluation, Note};

/// One evaluated case as `check --format json` gives it: the case columns of the [`schema`]
/// (its pending date, groups, each deadline with its status and working days, …).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseRecord {
    /// The day the matter became pending.
    pub pending_date: NaiveDate,
    /// The reading the case was evaluated in.
    pub reading: Reading,
    /// What the evaluation found.
    pub evaluation: Evaluation,
}

impl CaseRecord {
    /// The record of a case pending since `pending`, evaluated in `reading`.
    pub fn new(pending: NaiveDate, evaluation: &Evaluation, reading: Reading) -> Self {
        CaseRecord {
            pending_date: pending,
            reading,
            evaluation: evaluation.clone(),
        }
    }
}

impl Serialize for CaseRecord {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let row = Row::case(self.pending_date, &self.evaluation, self.reading);
        let options = ColumnOptions {
            case_only: true,
            ..ColumnOptions::default()
        };
        let mut map = serializer.serialize_map(None)?;
        for spec in schema::columns(ReportFormat::Json, options) {
            entry(&mut map, spec, &row)?;
        }
        map.end()
    }
}

/// A column's entry, unless its value is absent text (an identity code the row does not have).
fn entry<M: SerializeMap>(map: &mut M, spec: &Spec, row: &Row) -> Result<(), M::Error> {
    match spec.value(row) {
        ReportValue::Text(None) => Ok(()),
        value => map.serialize_entry(spec.key, &JsonValue(value)),
    }
}

/// A column's value as JSON: numbers as numbers, dates as `yyyy-mm-dd`, absent ones as `null`,
/// statuses, groups, notes and the reading by their stable English keys.
struct JsonValue<'a>(ReportValue<'a>);

impl Serialize for JsonValue<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            ReportValue::Number(n) => serializer.serialize_u64(n),
            ReportValue::Text(text) => text.serialize(serializer),
            ReportValue::Date(date) => date.serialize(serializer),
            ReportValue::Status(status) => status.serialize(serializer),
            ReportValue::Count(n) => n.serialize(serializer),
            ReportValue::Groups(groups, _) => groups.serialize(serializer),
            ReportValue::Notes(notes) => serializer.collect_seq(notes.iter().map(Note::text)),
            ReportValue::Reading(reading) => reading.serialize(serializer),
            ReportValue::Days(_, n, _) => serializer.serialize_i64(n),
            ReportValue::Milestone(m) => m.serialize(serializer),
        }
    }
}

/// Audit rows as a JSON array, one object per case, streamed.
pub struct JsonSink<W: Write> {
    out: W,
    first: bool,
    reading: Reading,
    columns: Vec<&'static Spec>,
}

/// One case of a list: its JSON columns, then its `deadlines`.
struct JsonCase<'a> {
    row: Row<'a>,
    columns: &'a [&'static Spec],
}

impl Serialize for JsonCase<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        for spec in self.columns {
            entry(&mut map, spec, &self.row)?;
        }
        map.serialize_entry("deadlines", &DeadlineList(self.row.evaluation))?;
        map.end()
    }
}

impl<W: Write> JsonSink<W> {
    /// An array into `out`; `show_hetu`: each case's identity code too (where it has one);
    /// `reading`: the run's.
    pub fn new(out: W, show_hetu: bool, reading: Reading) -> Self {
        let options = ColumnOptions {
            show_hetu,
            ..ColumnOptions::default()
        };
        Self::with_options(out, options, reading)
    }

    /// [`JsonSink::new`] with the columns of `options` (the decision and the service are in
    /// the `deadlines` list whatever `chain` says).
    pub fn with_options(out: W, options: ColumnOptions, reading: Reading) -> Self {
        let options = ColumnOptions {
            chain: false,
            case_only: false,
            ..options
        };
        JsonSink {
            out,
            first: true,
            reading,
            columns: schema::columns(ReportFormat::Json, options).collect(),
        }
    }
}

impl<W: Write> CaseSink for JsonSink<W> {
    fn case(&mut self, case: &EvaluatedCase) -> io::Result<()> {
        self.out
            .write_all(if self.first { b"[\n  " } else { b",\n  " })?;
        self.first = false;
        let record = JsonCase {
            row: Row::new(case, self.reading, None),
            columns: &self.columns,
        };
        serde_json::to_writer(&mut self.out, &record).map_err(io::Error::from)
    }

    fn finish(mut self: Box<Self>) -> io::Result<()> {
        self.out
            .write_all(if self.first { b"[]\n" } else { b"\n]\n" })?;
        self.out.flush()
    }
}
