//! maaraika: statutory deadlines of Finnish social-welfare service-need assessments
//! (palvelutarpeen arviointi), counted in Finnish working days.
//!
//! - [`calendar`]: working days from the holiday data in `holidays/`;
//! - [`dates`]: dates as users write them;
//! - [`hetu`]: the personal identity code;
//! - [`cli`]: the command line.

pub mod calendar;
pub mod cli;
pub mod dates;
pub mod error;
pub mod hetu;
