//! The month's figures of the national collection (1412/1997 27 c §): twice a year, for April
//! and October, the counties report the applications of the month and how many were decided
//! past the 7-working-day limit, the requests for more information and how many were sent late,
//! the urgent applications and the meetings.
//!
//! The form is not public. Which date puts an application in the month is a reading: the arrival
//! month ([`CountedBy::ArrivalMonth`], the likelier one and the default) or the decision month.

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use serde::Serialize;

use super::evaluation::{Application, AssistanceEvaluation};
use super::rules::AssistanceMilestone;
use crate::evaluation::Status;
use crate::statistics::percent;

/// A calendar month, `YYYY-MM`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Month {
    /// The year.
    pub year: i32,
    /// The month, 1–12.
    pub month: u32,
}

impl Month {
    /// Reads `2024-04` (also `4/2024` and `04.2024`).
    pub fn parse(text: &str) -> Result<Month, String> {
        let text = text.trim();
        let bad = || format!("`{text}` is not a month: write YYYY-MM, e.g. 2026-04 for April 2026");
        let (year, month) = if let Some((y, m)) = text.split_once('-') {
            (y, m)
        } else if let Some((m, y)) = text.split_once(['/', '.']) {
            (y, m)
        } else {
            return Err(bad());
        };
        let year: i32 = year.trim().parse().map_err(|_| bad())?;
        let month: u32 = month.trim().parse().map_err(|_| bad())?;
        if !(1..=12).contains(&month) || !(1900..=2199).contains(&year) {
            return Err(bad());
        }
        Ok(Month { year, month })
    }

    /// Whether `date` is in the month.
    pub fn contains(self, date: NaiveDate) -> bool {
        date.year() == self.year && date.month() == self.month
    }
}

impl std::fmt::Display for Month {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

impl Serialize for Month {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// Which date puts an application in the month.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CountedBy {
    /// The day it arrived (the default, and the likelier reading of the collection).
    #[default]
    ArrivalMonth,
    /// The day it was decided.
    DecisionMonth,
}

impl CountedBy {
    /// The stable key.
    pub fn key(self) -> &'static str {
        match self {
            CountedBy::ArrivalMonth => "arrival_month",
            CountedBy::DecisionMonth => "decision_month",
        }
    }
}

/// The month's counts, with their shares in per cent to one decimal.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct MonthCounts {
    /// Applications in the month.
    pub applications: u64,
    /// Of them urgent.
    pub urgent: u64,
    /// `urgent` of `applications`, %.
    pub urgent_pct: Option<Decimal>,
    /// Decided after the limit, or undecided with the limit past at the as-of date.
    pub over_limit: u64,
    /// `over_limit` of `applications`, %.
    pub over_limit_pct: Option<Decimal>,
    /// Applications with a request for more information.
    pub info_requests: u64,
    /// `info_requests` of `applications`, %.
    pub info_requests_pct: Option<Decimal>,
    /// Requests sent after the 7th working day.
    pub info_requests_over_limit: u64,
    /// `info_requests_over_limit` of `info_requests`, %.
    pub info_requests_over_limit_pct: Option<Decimal>,
    /// Applications whose client asked for a meeting.
    pub meetings_requested: u64,
    /// Meetings held after the 7th working day, or not held with it past at the as-of date.
    pub meetings_over_limit: u64,
    /// `meetings_over_limit` of `meetings_requested`, %.
    pub meetings_over_limit_pct: Option<Decimal>,
}

/// The counts of [`MonthCounts`] in the order of the outputs, with their keys.
pub const COUNT_KEYS: [&str; 7] = [
    "applications",
    "urgent",
    "over_limit",
    "info_requests",
    "info_requests_over_limit",
    "meetings_requested",
    "meetings_over_limit",
];

impl MonthCounts {
    /// Counts an application, if the month (by `counted_by`) is its.
    pub fn add(
        &mut self,
        application: &Application,
        evaluation: &AssistanceEvaluation,
        month: Month,
        counted_by: CountedBy,
    ) {
        let day = match counted_by {
            CountedBy::ArrivalMonth => Some(application.arrival),
            CountedBy::DecisionMonth => application.decision,
        };
        if !day.is_some_and(|day| month.contains(day)) {
            return;
        }
        let status = |m: AssistanceMilestone| evaluation.verdict(m).status();
        let past =
            |m: AssistanceMilestone| matches!(status(m), Some(Status::Late | Status::Overdue));
        self.applications += 1;
        self.urgent += u64::from(application.urgent);
        self.over_limit += u64::from(past(AssistanceMilestone::Decision));
        self.info_requests += u64::from(application.info_requested.is_some());
        self.info_requests_over_limit +=
            u64::from(status(AssistanceMilestone::InfoRequest) == Some(Status::Late));
        self.meetings_requested += u64::from(application.meeting_requested.is_some());
        self.meetings_over_limit += u64::from(past(AssistanceMilestone::Meeting));
        self.derive();
    }

    /// Adds the counts of `other` (a unit's, to make the whole).
    pub fn merge(&mut self, other: &MonthCounts) {
        self.applications += other.applications;
        self.urgent += other.urgent;
        self.over_limit += other.over_limit;
        self.info_requests += other.info_requests;
        self.info_requests_over_limit += other.info_requests_over_limit;
        self.meetings_requested += other.meetings_requested;
        self.meetings_over_limit += other.meetings_over_limit;
        self.derive();
    }

    /// The counts in the order of [`COUNT_KEYS`].
    pub fn counts(&self) -> [u64; 7] {
        [
            self.applications,
            self.urgent,
            self.over_limit,
            self.info_requests,
            self.info_requests_over_limit,
            self.meetings_requested,
            self.meetings_over_limit,
        ]
    }

    fn derive(&mut self) {
        self.urgent_pct = percent(self.urgent, self.applications);
        self.over_limit_pct = percent(self.over_limit, self.applications);
        self.info_requests_pct = percent(self.info_requests, self.applications);
        self.info_requests_over_limit_pct =
            percent(self.info_requests_over_limit, self.info_requests);
        self.meetings_over_limit_pct = percent(self.meetings_over_limit, self.meetings_requested);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_month_is_read_as_yyyy_mm_and_nothing_else() {
        assert_eq!(
            Month::parse("2024-04"),
            Ok(Month {
                year: 2024,
                month: 4
            })
        );
        assert_eq!(
            Month::parse("4/2024"),
            Ok(Month {
                year: 2024,
                month: 4
            })
        );
        assert!(Month::parse("2024-13").is_err());
        assert!(Month::parse("April").is_err());
        assert_eq!(
            Month {
                year: 2024,
                month: 4
            }
            .to_string(),
            "2024-04"
        );
    }
}
