//! maaraika: statutory deadlines of Finnish social-welfare service-need assessments
//! (palvelutarpeen arviointi), counted in Finnish working days.
//!
//! - [`calendar`]: working days from the holiday data in `holidays/`;
//! - [`dates`]: dates as users write them;
//! - [`hetu`]: the personal identity code;
//! - [`rules`]: who is in which group and which deadlines follow, with the statute;
//! - [`evaluation`]: one case against the rules and an as-of date;
//! - [`input`]: case lists as exported from client systems and Excel;
//! - [`batch`]: a case list row by row, each row evaluated or reported;
//! - [`report`]: evaluated cases written out;
//! - [`generate`]: synthetic case lists for benchmarks and tests;
//! - [`cli`]: the command line.

pub mod batch;
pub mod calendar;
pub mod cli;
pub mod dates;
pub mod error;
pub mod evaluation;
pub mod generate;
pub mod hetu;
pub mod input;
pub mod report;
pub mod rules;
