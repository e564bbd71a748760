//! One application against the social-assistance clocks and an as-of date.
//!
//! A recorded date is a fact: it decides `met` or `late` whatever the as-of date, which decides
//! only `due` against `overdue` for what has not happened yet. A milestone whose column the list
//! does not have is `not_recorded`: no verdict is made on it.

use chrono::NaiveDate;
use serde::ser::{Serialize, SerializeStruct, Serializer};

use super::rules::{
    arrived, rule_for, AssistanceAnchor, AssistanceMilestone, AssistanceRule, BEFORE_DAY_COUNT,
    FIRST_ASSISTANCE_DATE,
};
use crate::calendar::{calendar, CalendarError, Reading};
use crate::dates::finnish;
use crate::evaluation::{MilestoneOutcome, Status};

/// An application as recorded. Dates not recorded are `None`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Application {
    /// The day the application arrived at the county (every clock of it counts from here).
    pub arrival: NaiveDate,
    /// Urgent (kiireellinen; brådskande): decided the same or the next working day.
    pub urgent: bool,
    /// The day of the decision.
    pub decision: Option<NaiveDate>,
    /// The day a request for more information (lisäselvitys) was sent.
    pub info_requested: Option<NaiveDate>,
    /// The day the completed application arrived.
    pub info_received: Option<NaiveDate>,
    /// The last day of the time given to reply.
    pub info_reply_due: Option<NaiveDate>,
    /// The day the client asked for a personal meeting.
    pub meeting_requested: Option<NaiveDate>,
    /// The day of the meeting.
    pub meeting: Option<NaiveDate>,
    /// The day the assistance was paid.
    pub paid: Option<NaiveDate>,
}

impl Application {
    /// The first recorded date after `as_of`, if any: worth a warning, since the as-of date may
    /// be the mistake. The application is evaluated as recorded all the same.
    pub fn first_date_after(&self, as_of: NaiveDate) -> Option<NaiveDate> {
        [
            Some(self.arrival),
            self.info_requested,
            self.info_received,
            self.decision,
            self.meeting_requested,
            self.meeting,
            self.paid,
        ]
        .into_iter()
        .flatten()
        .find(|date| *date > as_of)
    }
}

/// Which milestones the list records (has the columns of); a single application records all.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RecordedMilestones {
    /// The decision date.
    pub decision: bool,
    /// The date a request for more information was sent.
    pub info_request: bool,
    /// The date the client asked for a meeting.
    pub meeting: bool,
    /// The date of payment.
    pub payment: bool,
}

impl RecordedMilestones {
    /// Every milestone recorded.
    pub const ALL: RecordedMilestones = RecordedMilestones {
        decision: true,
        info_request: true,
        meeting: true,
        payment: true,
    };

    fn has(self, milestone: AssistanceMilestone) -> bool {
        match milestone {
            AssistanceMilestone::Decision => self.decision,
            AssistanceMilestone::InfoRequest => self.info_request,
            AssistanceMilestone::Meeting => self.meeting,
            AssistanceMilestone::Payment => self.payment,
        }
    }
}

/// Dates of an application that cannot all be true. Messages name the dates and the fix.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ApplicationError {
    /// Two dates in an order that cannot be.
    #[error("the {later} {} is before the {earlier} {}: check both dates", finnish(*later_date), finnish(*earlier_date))]
    Before {
        /// The name of the date that should come later.
        later: &'static str,
        /// Its date.
        later_date: NaiveDate,
        /// The name of the date it cannot precede.
        earlier: &'static str,
        /// Its date.
        earlier_date: NaiveDate,
    },
    /// A date that needs another one.
    #[error("there is a {what} but no {needs}: add the {needs}, or remove the {what}")]
    Without {
        /// The date recorded.
        what: &'static str,
        /// The date it needs.
        needs: &'static str,
    },
    /// A date outside the calendar.
    #[error("{0}")]
    Calendar(#[from] CalendarError),
}

impl ApplicationError {
    /// The column (by its canonical name) the fix is in: the later of the two dates.
    pub fn column(&self) -> Option<&'static str> {
        match self {
            ApplicationError::Before { later, .. } => Some(later),
            ApplicationError::Without { what, .. } => Some(what),
            ApplicationError::Calendar(_) => None,
        }
    }
}

/// The names the checks and their messages use, which are the columns' canonical names.
pub mod names {
    /// The arrival.
    pub const ARRIVAL: &str = "application_date";
    /// The decision.
    pub const DECISION: &str = "decision_date";
    /// The request.
    pub const REQUESTED: &str = "info_requested_date";
    /// The completed application.
    pub const RECEIVED: &str = "info_received_date";
    /// The reply time.
    pub const REPLY_DUE: &str = "info_reply_due_date";
    /// The meeting asked for.
    pub const MEETING_REQUESTED: &str = "meeting_requested_date";
    /// The meeting.
    pub const MEETING: &str = "meeting_date";
    /// The payment.
    pub const PAID: &str = "paid_date";
}

/// Checks that the dates can all be true: the chain arrival → request → completed application,
/// the decision after arrival and request, payment after the decision, a meeting after it was
/// asked for.
pub fn validate(a: &Application) -> Result<(), ApplicationError> {
    use names::*;
    let before = |later: &'static str,
                  later_date: Option<NaiveDate>,
                  earlier: &'static str,
                  earlier_date: Option<NaiveDate>| {
        match (later_date, earlier_date) {
            (Some(later_date), Some(earlier_date)) if later_date < earlier_date => {
                Err(ApplicationError::Before {
                    later,
                    later_date,
                    earlier,
                    earlier_date,
                })
            }
            _ => Ok(()),
        }
    };
    let without = |what: &'static str,
                   date: Option<NaiveDate>,
                   needs: &'static str,
                   other: Option<NaiveDate>| {
        if date.is_some() && other.is_none() {
            Err(ApplicationError::Without { what, needs })
        } else {
            Ok(())
        }
    };
    let arrival = Some(a.arrival);
    before(DECISION, a.decision, ARRIVAL, arrival)?;
    before(REQUESTED, a.info_requested, ARRIVAL, arrival)?;
    before(DECISION, a.decision, REQUESTED, a.info_requested)?;
    without(RECEIVED, a.info_received, REQUESTED, a.info_requested)?;
    before(RECEIVED, a.info_received, REQUESTED, a.info_requested)?;
    without(REPLY_DUE, a.info_reply_due, REQUESTED, a.info_requested)?;
    before(REPLY_DUE, a.info_reply_due, REQUESTED, a.info_requested)?;
    before(MEETING, a.meeting, MEETING_REQUESTED, a.meeting_requested)?;
    without(PAID, a.paid, DECISION, a.decision)?;
    before(PAID, a.paid, DECISION, a.decision)?;
    Ok(())
}

/// One milestone of an evaluated application.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Verdict {
    /// Which milestone.
    pub milestone: AssistanceMilestone,
    /// Where it stands; `None` when the list does not record the milestone (`not_recorded`).
    pub outcome: Option<MilestoneOutcome>,
    /// The row of the law that sets it, where one does.
    pub rule: Option<&'static AssistanceRule>,
    /// The provision that sets it, or why there is no day count; empty for a milestone that did
    /// not arise (no request sent, no meeting asked for, no decision to pay).
    pub statute: &'static str,
    /// Working days elapsed from the day the clock started to the milestone or the as-of date,
    /// where there is a clock start: the decision from arrival, the payment from the decision.
    pub elapsed_working_days: Option<i64>,
}

impl Verdict {
    /// The stable status key: `met`, `late`, `due`, `overdue`, `none` or `not_recorded`.
    pub fn status_key(&self) -> &'static str {
        self.outcome.map_or("not_recorded", |o| o.status.as_str())
    }

    /// The status, `None` for not recorded.
    pub fn status(&self) -> Option<Status> {
        self.outcome.map(|o| o.status)
    }

    /// The deadline, where there is one.
    pub fn deadline(&self) -> Option<NaiveDate> {
        self.outcome.and_then(|o| o.deadline)
    }
}

/// An application evaluated: each milestone, in the order of [`AssistanceMilestone::ALL`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AssistanceEvaluation {
    /// The day the application counts as arrived (a weekend or holiday arrival: the next
    /// working day).
    pub arrived: NaiveDate,
    /// The verdicts: decision, info request, meeting, payment.
    pub verdicts: [Verdict; 4],
}

impl AssistanceEvaluation {
    /// The verdict of `milestone`.
    pub fn verdict(&self, milestone: AssistanceMilestone) -> &Verdict {
        &self.verdicts[milestone as usize]
    }

    /// Whether any milestone is overdue.
    pub fn is_overdue(&self) -> bool {
        self.verdicts
            .iter()
            .any(|v| v.status() == Some(Status::Overdue))
    }

    /// Where the application stands: the milestone that matters most now (overdue before due
    /// before late before met; the most overdue, the soonest due), as the case lists judge a case.
    pub fn standing(&self) -> Option<&Verdict> {
        let rank = |v: &&Verdict| -> Option<(u8, i64)> {
            let o = v.outcome?;
            Some(match o.status {
                Status::Overdue => (0, -o.working_days_overdue.unwrap_or(0)),
                Status::Due => (1, o.working_days_remaining.unwrap_or(0)),
                Status::Late => (2, -o.working_days_late.unwrap_or(0)),
                Status::Met => (3, 0),
                Status::None | Status::NotRecorded => return None,
            })
        };
        self.verdicts
            .iter()
            .filter(|v| rank(v).is_some())
            .min_by_key(|v| rank(v))
    }
}

/// Evaluates an application as of `as_of`, for the milestones the list records.
pub fn evaluate_application(
    a: &Application,
    recorded: RecordedMilestones,
    as_of: NaiveDate,
    reading: Reading,
) -> Result<AssistanceEvaluation, ApplicationError> {
    validate(a)?;
    let cal = calendar();
    let arrival_day = arrived(a.arrival, reading)?;
    let requested = a.info_requested.is_some();
    let verdict = |milestone: AssistanceMilestone| -> Result<Verdict, ApplicationError> {
        let mut verdict = Verdict {
            milestone,
            outcome: None,
            rule: None,
            statute: "",
            elapsed_working_days: None,
        };
        if !recorded.has(milestone) {
            return Ok(verdict);
        }
        // A clock runs only once its start has happened: a request sent, a meeting asked for, a
        // decision to carry out. Without it nothing is owed.
        let arisen = match milestone {
            AssistanceMilestone::Decision => true,
            AssistanceMilestone::InfoRequest => requested,
            AssistanceMilestone::Meeting => a.meeting_requested.is_some(),
            AssistanceMilestone::Payment => a.decision.is_some(),
        };
        let rule = rule_for(milestone, a.arrival, a.urgent, requested).filter(|_| arisen);
        verdict.rule = rule;
        verdict.statute = match rule {
            Some(rule) => rule.statute,
            None if a.arrival < FIRST_ASSISTANCE_DATE => BEFORE_DAY_COUNT,
            None => "",
        };
        let done = match milestone {
            AssistanceMilestone::Decision => a.decision,
            AssistanceMilestone::InfoRequest => a.info_requested,
            AssistanceMilestone::Meeting => a.meeting,
            AssistanceMilestone::Payment => a.paid,
        };
        let from = match rule.map(|rule| rule.anchor) {
            None => None,
            Some(AssistanceAnchor::Arrival) => Some(a.arrival),
            Some(AssistanceAnchor::Completed) => match (a.info_received, a.info_reply_due) {
                (Some(received), Some(due)) => Some(received.min(due)),
                (received, due) => received.or(due),
            },
            Some(AssistanceAnchor::MeetingRequested) => a.meeting_requested,
            Some(AssistanceAnchor::Decision) => a.decision,
        };
        let deadline = match (rule, from) {
            (Some(rule), Some(from)) => rule.deadline(from, reading)?,
            _ => None,
        };
        verdict.outcome = Some(MilestoneOutcome::judge(deadline, done, as_of, reading)?);
        verdict.elapsed_working_days = match milestone {
            AssistanceMilestone::Decision => Some(
                cal.working_days_between(arrival_day, a.decision.unwrap_or(as_of), reading)?
                    .max(0),
            ),
            AssistanceMilestone::Payment => match a.decision {
                Some(decision) => Some(
                    cal.working_days_between(decision, a.paid.unwrap_or(as_of), reading)?
                        .max(0),
                ),
                None => None,
            },
            _ => None,
        };
        Ok(verdict)
    };
    Ok(AssistanceEvaluation {
        arrived: arrival_day,
        verdicts: [
            verdict(AssistanceMilestone::Decision)?,
            verdict(AssistanceMilestone::InfoRequest)?,
            verdict(AssistanceMilestone::Meeting)?,
            verdict(AssistanceMilestone::Payment)?,
        ],
    })
}

impl Serialize for Verdict {
    /// One entry of the `deadlines` list of the JSON outputs.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let outcome = self.outcome;
        let mut s = serializer.serialize_struct("Verdict", 8)?;
        s.serialize_field("milestone", &self.milestone)?;
        s.serialize_field("deadline", &self.deadline())?;
        s.serialize_field("status", self.status_key())?;
        s.serialize_field("statute", self.statute)?;
        s.serialize_field(
            "working_days_remaining",
            &outcome.and_then(|o| o.working_days_remaining),
        )?;
        s.serialize_field(
            "working_days_late",
            &outcome.and_then(|o| o.working_days_late),
        )?;
        s.serialize_field(
            "working_days_overdue",
            &outcome.and_then(|o| o.working_days_overdue),
        )?;
        s.serialize_field("elapsed_working_days", &self.elapsed_working_days)?;
        s.end()
    }
}
