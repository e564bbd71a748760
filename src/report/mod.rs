//! Evaluated cases written out: the audit's columns, defined once ([`schema`]), and the formats
//! that write them, a file each behind one small trait ([`CaseSink`]): CSV for programs and for
//! Excel ([`csv`], fast thanks to `csv_fast`), JSON ([`json`]), the table for people
//! ([`table`]); the workbook writer (`xlsx`) is one more.
//!
//! Column names and JSON keys are stable English for scripts. `--lang fi` translates what people
//! read: tables, text, CSV written for Excel (`--excel`) and workbooks.
//!
//! Adding a format is a file here with a [`CaseSink`] that takes its columns from
//! [`schema::columns`] and writes each kind of [`schema::ReportValue`] its own way.

pub use crate::labels::Lang;

pub mod csv;
mod csv_fast;
mod csv_style;
mod grid_csv;
pub mod json;
pub mod schema;
mod sink;
pub mod table;

pub use self::csv::{write_plain, CsvSink};
pub use self::csv_style::CsvStyle;
pub use self::grid_csv::{GridCell, GridCsv};
pub use self::json::{CaseRecord, JsonSink};
pub use self::sink::CaseSink;
pub use self::table::{cell_text, TableSink};
