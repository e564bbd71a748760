//! maaraika: statutory deadlines of Finnish social-welfare service-need assessments
//! (palvelutarpeen arviointi), counted in Finnish working days.
//!
//! - [`answer`]: the answers of `check` and `calendar`, shared by the command line and the web API;
//! - [`assistance`]: social assistance: the counties' processing deadlines and the month's figures;
//! - [`mod@calendar`]: working days from the holiday data in `holidays/`;
//! - [`dates`]: dates as users write them;
//! - [`hetu`]: the personal identity code;
//! - [`rules`]: who is in which group and which deadlines follow, with the statute;
//! - [`evaluation`]: one case against the rules and an as-of date;
//! - [`input`]: case lists as exported from client systems and Excel;
//! - [`batch`]: a case list row by row, each row evaluated or reported;
//! - [`audit`]: the case-list engine: evaluated cases, invalid rows, warnings, counts, exit code;
//! - [`report`]: evaluated cases written out;
//! - [`labels`]: every word people read, in English, Finnish and Swedish;
//! - [`terminal`]: tables fitted to the terminal, streamed;
//! - [`text`]: text from the input made safe to show (codes, control characters, formulas);
//! - `web` (the `web` feature, on by default): `maaraika serve`, the local web page and JSON API.
//!
//! Without default features the library has no front end: no command line, no server, none of
//! their crates (clap, axum, tokio, hyper, maud, rustls); `examples/library_audit.rs` builds so.
//!
//! The items most programs need are re-exported here: [`calendar()`], [`Reading`], [`evaluate`],
//! [`Case`], [`Person`], [`Evaluation`], [`Status`], [`Group`], [`Milestone`], [`Lang`], and for a
//! whole list [`CaseReader`], [`InputOptions`] and [`audit::run`] (see `examples/library_audit.rs`).
//!
//! ```
//! use chrono::NaiveDate;
//! use maaraika::{calendar, evaluate, Case, Person, Reading, Status};
//!
//! // Tuesday 17.12.2024: the 7th working day skips Christmas Eve, Christmas Day and St Stephen's Day.
//! let pending = NaiveDate::from_ymd_opt(2024, 12, 17).unwrap();
//! let deadline = calendar().add_working_days(pending, 7, Reading::Standard).unwrap();
//! assert_eq!(deadline, NaiveDate::from_ymd_opt(2024, 12, 31).unwrap());
//!
//! // A 78-year-old who contacted on that day, not yet assessed on 2.1.2025: overdue.
//! let case = Case { pending, person: Person::Age(78), ..Case::default() };
//! let as_of = NaiveDate::from_ymd_opt(2025, 1, 2).unwrap();
//! let evaluation = evaluate(&case, as_of, Reading::Standard).unwrap();
//! assert_eq!(evaluation.start.deadline, Some(deadline));
//! assert_eq!(evaluation.start.status, Status::Overdue);
//! ```

#![forbid(unsafe_code)]
// Every public item is documented: CI denies warnings (clippy `-D warnings`).
#![warn(missing_docs)]

pub mod answer;
pub mod assistance;
pub mod audit;
pub mod batch;
pub mod calendar;
pub mod dates;
pub mod error;
pub mod evaluation;
pub mod hetu;
pub mod input;
pub mod labels;
pub mod options;
pub mod problem;
pub mod report;
pub mod rules;
pub mod statistics;
pub mod terminal;
pub mod text;
#[cfg(feature = "web")]
pub mod web;
pub mod xlsx;

pub use calendar::{calendar, Calendar, Reading};
pub use evaluation::{evaluate, Case, Evaluation, Person, Status};
pub use input::{CaseReader, InputOptions};
pub use labels::Lang;
pub use rules::{Group, Milestone};
