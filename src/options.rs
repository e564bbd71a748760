//! The options of one job, resolved once: what a front end was given ([`Given`]: flags, form or
//! query fields) becomes the one [`Options`] value the whole job runs on (the row pipeline, the
//! audit engine, every output), as ripgrep turns its low-level arguments into high-level ones.
//!
//! The only thing resolving adds is today's date, for a job given no as-of date: it is looked up
//! once, in Finland's time ([`crate::dates::today_in_finland`]), so that a run that passes
//! midnight keeps the day it began on and no output of it says another day. The command line and
//! the web server build their options through [`Given::resolve`] alike, so the same inputs give
//! the same value whichever door they come in by.

use chrono::{DateTime, NaiveDate, Utc};

use crate::calendar::Reading;
use crate::dates::finnish_date_at;

/// What a job was given, before anything is looked up: the as-of date if one was given.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Given {
    /// The day to judge as of (`--as-of`, the `as_of` field); absent: today in Finland.
    pub as_of: Option<NaiveDate>,
    /// The reading of the law where it leaves room.
    pub reading: Reading,
    /// Keep the identity codes in the case texts (`--show-hetu`).
    pub show_hetu: bool,
    /// Invalid rows fail the run (`--strict`).
    pub strict: bool,
    /// An overdue case fails the run (`--fail-on-overdue`).
    pub fail_on_overdue: bool,
}

impl Given {
    /// Only an as-of date (or none) and a reading; codes redacted, nothing fails the run but a
    /// bad input.
    pub fn new(as_of: Option<NaiveDate>, reading: Reading) -> Self {
        Given {
            as_of,
            reading,
            show_hetu: false,
            strict: false,
            fail_on_overdue: false,
        }
    }

    /// The job's options, today's date (when no as-of date was given) taken from the clock now.
    pub fn resolve(self) -> Options {
        self.resolve_at(Utc::now())
    }

    /// The job's options as of the instant `now`: an as-of date not given is the date in
    /// Finland at `now`.
    pub fn resolve_at(self, now: DateTime<Utc>) -> Options {
        let Given {
            as_of,
            reading,
            show_hetu,
            strict,
            fail_on_overdue,
        } = self;
        Options {
            as_of: as_of.unwrap_or_else(|| finnish_date_at(now.naive_utc())),
            reading,
            show_hetu,
            strict,
            fail_on_overdue,
        }
    }
}

/// How one job runs, resolved once ([`Given::resolve`]) and handed to everything that needs it:
/// the as-of date every output of the job shows and judges by, the reading, and what fails the
/// run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Options {
    /// The day the list is judged as of.
    pub as_of: NaiveDate,
    /// The reading of the law where it leaves room.
    pub reading: Reading,
    /// Keep the identity codes in the case texts handed back (they are redacted by default).
    pub show_hetu: bool,
    /// Invalid rows fail the run ([`crate::error::EXIT_ERROR`]) instead of ending it with
    /// `audit::EXIT_INVALID_ROWS` (`--strict`).
    pub strict: bool,
    /// An overdue case ends the run with `audit::EXIT_OVERDUE` (`--fail-on-overdue`).
    pub fail_on_overdue: bool,
}

impl Options {
    /// Judged as of `as_of` in `reading`; codes redacted; invalid rows end the run with
    /// `audit::EXIT_INVALID_ROWS`, overdue cases do not change the exit code.
    pub fn new(as_of: NaiveDate, reading: Reading) -> Self {
        Options {
            as_of,
            reading,
            show_hetu: false,
            strict: false,
            fail_on_overdue: false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn utc(y: i32, m: u32, day: u32, h: u32, min: u32, s: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, day, h, min, s).unwrap()
    }

    /// Helsinki is UTC+2 in winter and UTC+3 in summer: the day there begins at 22:00 or 21:00
    /// UTC the evening before (a wall clock in Helsinki and one in London side by side).
    #[test]
    fn today_is_the_day_in_helsinki_around_midnight() {
        let given = Given::new(None, Reading::Standard);
        for (now, today) in [
            // 23:59:59 in Helsinki on Sunday 6 December 2026.
            (utc(2026, 12, 6, 21, 59, 59), d(2026, 12, 6)),
            // 00:00 in Helsinki on the 7th, still the 6th in UTC.
            (utc(2026, 12, 6, 22, 0, 0), d(2026, 12, 7)),
            // 00:30 UTC on the 7th: 02:30 in Helsinki, the 7th in both.
            (utc(2026, 12, 7, 0, 30, 0), d(2026, 12, 7)),
            // New Year: 22:30 UTC on 31 December is already 1 January in Helsinki.
            (utc(2026, 12, 31, 22, 30, 0), d(2027, 1, 1)),
            // Summer time: 23:59:59 and 00:00 in Helsinki at the turn of June and July.
            (utc(2026, 6, 30, 20, 59, 59), d(2026, 6, 30)),
            (utc(2026, 6, 30, 21, 0, 0), d(2026, 7, 1)),
        ] {
            assert_eq!(given.resolve_at(now).as_of, today, "at {now}");
        }
    }

    /// An as-of date given is the job's date whatever the clock says.
    #[test]
    fn an_as_of_date_given_is_kept_whatever_the_clock() {
        let given = Given {
            as_of: Some(d(2026, 1, 15)),
            reading: Reading::Conservative,
            show_hetu: true,
            strict: true,
            fail_on_overdue: true,
        };
        for now in [utc(2026, 12, 6, 21, 59, 59), utc(2026, 12, 6, 22, 0, 0)] {
            assert_eq!(
                given.resolve_at(now),
                Options {
                    as_of: d(2026, 1, 15),
                    reading: Reading::Conservative,
                    show_hetu: true,
                    strict: true,
                    fail_on_overdue: true,
                }
            );
        }
    }
}
