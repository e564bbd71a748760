//! One evaluated case as a flat record: the columns of `audit` CSV and the keys of `check` and
//! `audit` JSON, defined once so that every output says the same thing the same way.

use chrono::NaiveDate;
use serde::Serialize;

use crate::calendar::Reading;
use crate::evaluation::{Evaluation, Outcome, Status};
use crate::rules::Groups;

/// The stable English column names of the CSV outputs, in order.
pub const CSV_COLUMNS: [&str; 17] = [
    "line",
    "case_id",
    "unit",
    "pending_date",
    "groups",
    "start_deadline",
    "start_status",
    "start_working_days_late",
    "start_working_days_remaining",
    "start_working_days_overdue",
    "completion_deadline",
    "completion_status",
    "completion_working_days_late",
    "completion_working_days_remaining",
    "completion_working_days_overdue",
    "elapsed_working_days",
    "reading",
];

/// The flat record of one evaluated case.
#[derive(Serialize, Debug, Clone, PartialEq, Eq)]
pub struct CaseRecord<'a> {
    pub pending_date: NaiveDate,
    pub groups: Groups,
    pub start_deadline: Option<NaiveDate>,
    pub start_status: Status,
    pub start_working_days_late: Option<i64>,
    pub start_working_days_remaining: Option<i64>,
    pub start_working_days_overdue: Option<i64>,
    pub completion_deadline: Option<NaiveDate>,
    pub completion_status: Status,
    pub completion_working_days_late: Option<i64>,
    pub completion_working_days_remaining: Option<i64>,
    pub completion_working_days_overdue: Option<i64>,
    pub elapsed_working_days: i64,
    pub age: Option<u32>,
    pub reading: Reading,
    pub notes: Vec<&'a str>,
}

impl CaseRecord<'static> {
    pub fn new(pending: NaiveDate, evaluation: &Evaluation, reading: Reading) -> Self {
        let Outcome {
            deadline: start_deadline,
            status: start_status,
            working_days_late: start_working_days_late,
            working_days_remaining: start_working_days_remaining,
            working_days_overdue: start_working_days_overdue,
        } = evaluation.start;
        let Outcome {
            deadline: completion_deadline,
            status: completion_status,
            working_days_late: completion_working_days_late,
            working_days_remaining: completion_working_days_remaining,
            working_days_overdue: completion_working_days_overdue,
        } = evaluation.completion;
        CaseRecord {
            pending_date: pending,
            groups: evaluation.groups,
            start_deadline,
            start_status,
            start_working_days_late,
            start_working_days_remaining,
            start_working_days_overdue,
            completion_deadline,
            completion_status,
            completion_working_days_late,
            completion_working_days_remaining,
            completion_working_days_overdue,
            elapsed_working_days: evaluation.elapsed_working_days,
            age: evaluation.age,
            reading,
            notes: evaluation.notes.iter().map(|n| n.text()).collect(),
        }
    }
}
