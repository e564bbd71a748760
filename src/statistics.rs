//! The national child-welfare statistics (docs/LAW.md, "The national child-welfare statistics"):
//! the figures the national institute for health and welfare collects twice a year, counted the
//! way it counts them.
//!
//! Two measures over two different sets of cases, both limited to child-welfare matters and
//! matters of a child in need of special support:
//!
//! - the **7-working-day measure**, over the matters that *became pending* in the period: started
//!   within the limit, started late, not started with the limit past, not started and still within
//!   it;
//! - the **3-month measure**, over the assessments *completed* in the period, whenever they became
//!   pending: within 3 months of the pending date, or over.
//!
//! The limits are the children's own (the 7th working day, 3 months): a child-welfare case that is
//! also urgent has the same-day start of an urgent need in an audit, but the statistics ask about
//! the 7 working days.

use chrono::NaiveDate;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;

use crate::calendar::{CalendarError, Reading};
use crate::evaluation::{Case, Evaluation};
use crate::rules::{Group, Milestone};

/// `part` of `whole` as a percentage, rounded half away from zero to one decimal; `None` for an
/// empty whole.
pub fn percent(part: u64, whole: u64) -> Option<Decimal> {
    if whole == 0 {
        return None;
    }
    let share = Decimal::from(part) * Decimal::from(100) / Decimal::from(whole);
    let mut share = share.round_dp_with_strategy(1, RoundingStrategy::MidpointAwayFromZero);
    share.rescale(1);
    Some(share)
}

/// The counts of one report (the whole list, or one unit).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ThlCounts {
    /// Matters that became pending in the period.
    pub pending: u64,
    /// Of those, started by the 7th working day.
    pub started_within: u64,
    /// Started after it.
    pub started_late: u64,
    /// Not started, and the 7th working day is past as of the as-of date.
    pub not_started_overdue: u64,
    /// Not started, and still within the limit.
    pub not_started_within: u64,
    /// Started late plus not started past the limit.
    pub exceeded: u64,
    /// `exceeded` as a share of `pending`, in per cent to one decimal.
    pub exceeded_pct: Option<Decimal>,
    /// Assessments completed in the period, whenever pending.
    pub completed: u64,
    /// Of those, completed within 3 months of the pending date.
    pub completed_within: u64,
    /// Completed after it.
    pub completed_late: u64,
    /// `completed_late` as a share of `completed`, in per cent to one decimal.
    pub completed_late_pct: Option<Decimal>,
}

/// The period a report counts (`thl --from --to`), both days included; not a [`crate::rules::Period`],
/// which is a span of time the law allows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReportPeriod {
    /// The first day.
    pub from: NaiveDate,
    /// The last day.
    pub to: NaiveDate,
}

impl ReportPeriod {
    /// Whether `date` is in the period, both days included.
    pub fn contains(&self, date: NaiveDate) -> bool {
        self.from <= date && date <= self.to
    }
}

impl ThlCounts {
    /// The counts of the 7-working-day measure, in the report's order: pending, started within,
    /// started late, not started and overdue, not started and within, exceeded.
    pub fn start_counts(&self) -> [u64; 6] {
        [
            self.pending,
            self.started_within,
            self.started_late,
            self.not_started_overdue,
            self.not_started_within,
            self.exceeded,
        ]
    }

    /// The counts of the 3-month measure, in the report's order: completed, within, late.
    pub fn completion_counts(&self) -> [u64; 3] {
        [self.completed, self.completed_within, self.completed_late]
    }

    /// Counts one evaluated case. Cases of no child group count nowhere.
    pub fn add(
        &mut self,
        case: &Case,
        evaluation: &Evaluation,
        period: ReportPeriod,
        as_of: NaiveDate,
        reading: Reading,
    ) -> Result<(), CalendarError> {
        let Some(rule) = evaluation
            .rules
            .iter()
            .find(|r| matches!(r.group, Group::ChildWelfare | Group::ChildSpecialSupport))
        else {
            return Ok(());
        };
        if period.contains(case.pending) {
            if let Some(limit) = rule.limit(Milestone::Start) {
                let deadline = limit.deadline(case.pending, reading)?;
                self.pending += 1;
                match case.started {
                    Some(started) if started <= deadline => self.started_within += 1,
                    Some(_) => self.started_late += 1,
                    None if as_of > deadline => self.not_started_overdue += 1,
                    None => self.not_started_within += 1,
                }
            }
        }
        if let (Some(completed), Some(limit)) = (case.completed, rule.limit(Milestone::Completion))
        {
            if period.contains(completed) {
                self.completed += 1;
                if completed <= limit.deadline(case.pending, reading)? {
                    self.completed_within += 1;
                } else {
                    self.completed_late += 1;
                }
            }
        }
        self.derive();
        Ok(())
    }

    /// Adds another report's counts (a unit's to the whole).
    pub fn merge(&mut self, other: &ThlCounts) {
        self.pending += other.pending;
        self.started_within += other.started_within;
        self.started_late += other.started_late;
        self.not_started_overdue += other.not_started_overdue;
        self.not_started_within += other.not_started_within;
        self.completed += other.completed;
        self.completed_within += other.completed_within;
        self.completed_late += other.completed_late;
        self.derive();
    }

    /// The sums and shares, from the counts.
    fn derive(&mut self) {
        self.exceeded = self.started_late + self.not_started_overdue;
        self.exceeded_pct = percent(self.exceeded, self.pending);
        self.completed_late_pct = percent(self.completed_late, self.completed);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_are_exact_to_one_decimal_rounding_half_away_from_zero() {
        assert_eq!(percent(2, 6), Some(Decimal::new(333, 1)));
        assert_eq!(percent(2, 3), Some(Decimal::new(667, 1)));
        // 1/16 = 6.25 exactly: rounds to 6.3.
        assert_eq!(percent(1, 16), Some(Decimal::new(63, 1)));
        assert_eq!(percent(0, 5), Some(Decimal::new(0, 1)));
        assert_eq!(percent(0, 0), None);
    }
}
