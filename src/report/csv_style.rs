//! How CSV is written: plain for programs (stable English keys and values, ISO dates) or for
//! people in Finnish Excel (`;`, a byte-order mark, CRLF, `d.m.yyyy`, labels in a language).
//! One small module below both CSV writers, the plain one (`csv`) and the fast one
//! (`csv_fast`), and the tables of `summary` and `thl`, so that none of them uses another.

use std::borrow::Cow;
use std::io::{self, Write};

use chrono::NaiveDate;

use super::csv_fast;
use super::schema::ReportValue;
use crate::calendar::Reading;
use crate::evaluation::{Note, Notes, Status};
use crate::labels::{Label, Lang};
use crate::rules::{Groups, Milestone};
use crate::text::spreadsheet_cell;

/// How dates and fields are written in CSV.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CsvStyle {
    /// Finnish Excel: `;`, a BOM, CRLF, `d.m.yyyy` dates, labels in `lang`.
    pub excel: bool,
    /// The language of the labels for people (`--excel`); plain CSV is English keys whatever it
    /// is.
    pub lang: Lang,
}

impl CsvStyle {
    /// CSV for programs: stable English keys and values, ISO dates.
    pub const PLAIN: CsvStyle = CsvStyle {
        excel: false,
        lang: Lang::En,
    };

    /// Every style there is: plain, and Finnish Excel in each language. For the tests that hold
    /// a fast writer to its plain twin in each.
    #[cfg(test)]
    pub(crate) const EVERY: [CsvStyle; 4] = [
        CsvStyle::PLAIN,
        CsvStyle::excel(Lang::Fi),
        CsvStyle::excel(Lang::Sv),
        CsvStyle::excel(Lang::En),
    ];

    #[cfg(test)]
    const fn excel(lang: Lang) -> CsvStyle {
        CsvStyle { excel: true, lang }
    }

    /// A csv crate writer in this style, the byte-order mark written (for the tables of
    /// `summary` and `thl`).
    pub fn writer<W: Write>(self, mut out: W) -> io::Result<csv::Writer<W>> {
        if self.excel {
            out.write_all("\u{feff}".as_bytes())?;
        }
        let mut builder = csv::WriterBuilder::new();
        if self.excel {
            builder.delimiter(b';').terminator(csv::Terminator::CRLF);
        }
        Ok(builder.from_writer(out))
    }

    /// A date as this style writes it, into `buffer`.
    pub fn date(self, date: Option<NaiveDate>, buffer: &mut [u8; 10]) -> &[u8] {
        let Some(date) = date else { return b"" };
        if self.excel {
            let n = csv_fast::finnish_date(date, buffer);
            &buffer[..n]
        } else {
            *buffer = csv_fast::iso_date(date);
            &buffer[..10]
        }
    }

    /// A status: its stable key (`overdue`), or for Excel its label in `lang`.
    pub fn status(self, status: Status) -> &'static str {
        if self.excel {
            self.lang.status(status)
        } else {
            status.as_str()
        }
    }

    /// The groups field: stable keys (`over_75|disabled`, `none`), or for Excel labels in `lang`
    /// (no group spelt out: a cell of a lone `-` would start like a formula).
    pub fn groups(self, groups: Groups, pending: NaiveDate) -> String {
        if self.excel && groups.is_empty() {
            self.lang.get(Label::NoGroup).to_owned()
        } else if self.excel {
            self.lang.groups(groups, pending)
        } else {
            groups.joined("|")
        }
    }

    /// The reading: its stable key (`standard`), or for Excel its name in `lang`.
    pub fn reading(self, reading: Reading) -> &'static str {
        if self.excel {
            self.lang.reading(reading)
        } else {
            reading.as_str()
        }
    }

    /// A column's name given with its label: its stable key, or for Excel the label in `lang`.
    pub fn header(self, key: &'static str, label: Label) -> &'static str {
        if self.excel {
            self.lang.get(label)
        } else {
            key
        }
    }

    /// Text from the input in one cell: as it is for programs; for Excel never a formula.
    pub fn cell(self, text: &str) -> Cow<'_, str> {
        if self.excel {
            spreadsheet_cell(text)
        } else {
            Cow::Borrowed(text)
        }
    }

    /// A date as a field of its own.
    pub fn date_text(self, date: NaiveDate) -> String {
        let mut buffer = [0; 10];
        String::from_utf8_lossy(self.date(Some(date), &mut buffer)).into_owned()
    }

    /// A share in per cent: `50.0`, or for Excel with the decimal comma of `lang`; empty for none.
    pub fn share(self, share: Option<rust_decimal::Decimal>) -> String {
        let text = share.map(|p| p.to_string()).unwrap_or_default();
        if self.excel {
            self.lang.decimal(&text)
        } else {
            text
        }
    }

    /// A note: its English text, or for Excel its text in `lang`.
    pub fn note(self, note: Note) -> &'static str {
        if self.excel {
            self.lang.note(note)
        } else {
            note.text()
        }
    }

    /// The notes of a case in one field: `; ` between them.
    pub fn notes(self, notes: Notes) -> String {
        let notes: Vec<_> = notes.iter().map(|n| self.note(n)).collect();
        notes.join("; ")
    }

    /// A column's value as the text of its field, the plain way (see `csv::write_plain`).
    pub fn value<'a>(self, value: ReportValue<'a>) -> Cow<'a, str> {
        let count = |n: Option<i64>| n.map(|n| n.to_string()).unwrap_or_default();
        match value {
            ReportValue::Number(n) => n.to_string().into(),
            ReportValue::Text(text) => text.unwrap_or_default().into(),
            ReportValue::Date(Some(date)) => self.date_text(date).into(),
            ReportValue::Date(None) => "".into(),
            ReportValue::Status(status) => self.status(status).into(),
            ReportValue::Count(n) => count(n).into(),
            ReportValue::Groups(groups, pending) => self.groups(groups, pending).into(),
            ReportValue::Notes(notes) => self.notes(notes).into(),
            ReportValue::Reading(reading) => self.reading(reading).into(),
            ReportValue::Days(_, n, _) => n.to_string().into(),
            ReportValue::Milestone(milestone) => self.milestone(milestone).into(),
        }
    }

    /// A milestone: its stable key (`completion`), or for Excel its name in `lang`; empty for
    /// none.
    pub fn milestone(self, milestone: Option<Milestone>) -> &'static str {
        match milestone {
            None => "",
            Some(m) if self.excel => self.lang.milestone(m),
            Some(m) => m.key(),
        }
    }
}
