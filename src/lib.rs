//! maaraika: statutory deadlines of Finnish social-welfare service-need assessments
//! (palvelutarpeen arviointi), counted in Finnish working days.
//!
//! - [`calendar`]: working days from the holiday data in `holidays/`;
//! - [`dates`]: dates as users write them;
//! - [`hetu`]: the personal identity code;
//! - [`rules`]: who is in which group and which deadlines follow, with the statute;
//! - [`evaluation`]: one case against the rules and an as-of date;
//! - [`cli`]: the command line.

pub mod calendar;
pub mod cli;
pub mod dates;
pub mod error;
pub mod evaluation;
pub mod hetu;
pub mod report;
pub mod rules;
