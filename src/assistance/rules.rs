//! The social-assistance clocks of the counties as data (docs/LAW.md, "Social assistance").
//!
//! Supplementary and preventive social assistance (täydentävä ja ehkäisevä toimeentulotuki;
//! kompletterande och förebyggande utkomststöd) is decided by the wellbeing services counties
//! under the Social Assistance Act 1412/1997. [`ASSISTANCE_RULES`] is the one table: each row a
//! span of arrival dates, a milestone, when it applies, its [`Period`] and the day it is counted
//! from, and the section that set it in that span. The rules did not change from 1.1.2008; the
//! section numbers moved with the reforms of 2017 and 2023. Before 1.1.2008 there was no day
//! count.

use chrono::NaiveDate;
use serde::Serialize;

use crate::calendar::{calendar, CalendarError, Reading};
use crate::rules::Period;

/// A point of an application that the law sets a clock on (or, for the payment, asks for
/// without one).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AssistanceMilestone {
    /// The decision on the application (päätös; beslut).
    Decision,
    /// A request to complete the application (lisäselvityspyyntö; begäran om
    /// tilläggsutredning).
    InfoRequest,
    /// A personal meeting with a social worker or counsellor, offered after the client asked
    /// (henkilökohtainen keskustelu; personligt samtal).
    Meeting,
    /// The decision carried out: the assistance paid (maksu; utbetalning).
    Payment,
}

impl AssistanceMilestone {
    /// Every milestone, in the order of the outputs.
    pub const ALL: [AssistanceMilestone; 4] = [
        AssistanceMilestone::Decision,
        AssistanceMilestone::InfoRequest,
        AssistanceMilestone::Meeting,
        AssistanceMilestone::Payment,
    ];

    /// Stable name for CSV and JSON.
    pub fn key(self) -> &'static str {
        match self {
            AssistanceMilestone::Decision => "decision",
            AssistanceMilestone::InfoRequest => "info_request",
            AssistanceMilestone::Meeting => "meeting",
            AssistanceMilestone::Payment => "payment",
        }
    }
}

/// The day a clock is counted from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AssistanceAnchor {
    /// The day the application arrived at the county (saapumispäivä).
    Arrival,
    /// The day the completed application arrived, or the day the time given to reply ran out
    /// without an answer, whichever came first.
    Completed,
    /// The day the client asked for a meeting.
    MeetingRequested,
    /// The day of the decision.
    Decision,
}

/// Which applications a row is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum When {
    /// Every application.
    Always,
    /// Urgent applications (kiireellinen; brådskande).
    Urgent,
    /// Applications not urgent, with no request for more information.
    NotUrgent,
    /// Applications not urgent, after a request for more information: the clock starts anew.
    AfterRequest,
}

/// One row of the table: a limit of one milestone, over a span of arrival dates.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct AssistanceRule {
    /// First arrival date the row applies to.
    pub from: NaiveDate,
    /// Last arrival date it applies to, where a later row took over.
    pub until: Option<NaiveDate>,
    /// The milestone it sets.
    pub milestone: AssistanceMilestone,
    /// Which applications it is for.
    pub when: When,
    /// How long the law gives; `None`: "without delay" with no day count.
    pub period: Option<Period>,
    /// The day the period is counted from.
    pub anchor: AssistanceAnchor,
    /// The provision, as it should be cited.
    pub statute: &'static str,
}

const fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(y, m, d) {
        Some(date) => date,
        None => panic!("valid constant date"),
    }
}

/// The day the 7-working-day clocks began (Act 1202/2007 amending 1412/1997).
pub const FIRST_ASSISTANCE_DATE: NaiveDate = date(2008, 1, 1);
/// The day basic assistance moved to Kela and the counties' sections were renumbered.
pub const KELA_REFORM_DATE: NaiveDate = date(2017, 1, 1);
/// The day the counties' sections were renumbered again (Act 1023/2022).
pub const COUNTY_REFORM_DATE: NaiveDate = date(2023, 1, 1);

/// The statute of an application that arrived before [`FIRST_ASSISTANCE_DATE`].
pub const BEFORE_DAY_COUNT: &str = "Social Assistance Act 1412/1997 before 1.1.2008: no day count";

const fn row(
    span: (NaiveDate, Option<NaiveDate>),
    milestone: AssistanceMilestone,
    when: When,
    period: Option<Period>,
    anchor: AssistanceAnchor,
    statute: &'static str,
) -> AssistanceRule {
    AssistanceRule {
        from: span.0,
        until: span.1,
        milestone,
        when,
        period,
        anchor,
        statute,
    }
}

const SPAN_2008: (NaiveDate, Option<NaiveDate>) = (FIRST_ASSISTANCE_DATE, Some(date(2016, 12, 31)));
const SPAN_2017: (NaiveDate, Option<NaiveDate>) = (KELA_REFORM_DATE, Some(date(2022, 12, 31)));
const SPAN_2023: (NaiveDate, Option<NaiveDate>) = (COUNTY_REFORM_DATE, None);
const SEVEN: Option<Period> = Some(Period::WorkingDays(7));
/// "The same day or the next working day": by the 1st working day after arrival.
const NEXT: Option<Period> = Some(Period::WorkingDays(1));

/// The table, span by span. Sources: docs/LAW.md, "Social assistance".
pub const ASSISTANCE_RULES: &[AssistanceRule] = &[
    // 1.1.2008–31.12.2016: 14 a § as amended by 1202/2007.
    row(SPAN_2008, AssistanceMilestone::Decision, When::NotUrgent, SEVEN, AssistanceAnchor::Arrival,
        "Social Assistance Act 1412/1997, 14 a § 1 mom. (1202/2007): by the 7th working day after the application arrived"),
    row(SPAN_2008, AssistanceMilestone::Decision, When::Urgent, NEXT, AssistanceAnchor::Arrival,
        "Social Assistance Act 1412/1997, 14 a § 1 mom. (1202/2007): urgent, the same or the next working day"),
    row(SPAN_2008, AssistanceMilestone::InfoRequest, When::Always, SEVEN, AssistanceAnchor::Arrival,
        "Social Assistance Act 1412/1997, 14 a § 3 mom. (1202/2007): a request for more information by the 7th working day"),
    row(SPAN_2008, AssistanceMilestone::Decision, When::AfterRequest, SEVEN, AssistanceAnchor::Completed,
        "Social Assistance Act 1412/1997, 14 a § 3 mom. (1202/2007): by the 7th working day after the completed application arrived"),
    row(SPAN_2008, AssistanceMilestone::Meeting, When::Always, SEVEN, AssistanceAnchor::MeetingRequested,
        "Social Assistance Act 1412/1997, 14 a § 4 mom. (1202/2007): a meeting by the 7th working day after the client asked"),
    row(SPAN_2008, AssistanceMilestone::Payment, When::Always, None, AssistanceAnchor::Decision,
        "Social Assistance Act 1412/1997, 14 a §: carried out without delay, no day count"),
    // 1.1.2017–31.12.2022: the counties' sections after basic assistance moved to Kela.
    row(SPAN_2017, AssistanceMilestone::Decision, When::NotUrgent, SEVEN, AssistanceAnchor::Arrival,
        "Social Assistance Act 1412/1997, 14 c §: by the 7th working day after the application arrived"),
    row(SPAN_2017, AssistanceMilestone::Decision, When::Urgent, NEXT, AssistanceAnchor::Arrival,
        "Social Assistance Act 1412/1997, 14 b §: urgent, the same or the next working day"),
    row(SPAN_2017, AssistanceMilestone::InfoRequest, When::Always, SEVEN, AssistanceAnchor::Arrival,
        "Social Assistance Act 1412/1997, 14 c § 3 mom.: a request for more information by the 7th working day"),
    row(SPAN_2017, AssistanceMilestone::Decision, When::AfterRequest, SEVEN, AssistanceAnchor::Completed,
        "Social Assistance Act 1412/1997, 14 c § 3 mom.: by the 7th working day after the completed application arrived"),
    row(SPAN_2017, AssistanceMilestone::Meeting, When::Always, SEVEN, AssistanceAnchor::MeetingRequested,
        "Social Assistance Act 1412/1997, 14 e §: a meeting by the 7th working day after the client asked"),
    row(SPAN_2017, AssistanceMilestone::Payment, When::Always, None, AssistanceAnchor::Decision,
        "Social Assistance Act 1412/1997, 14 a §: carried out without delay, no day count"),
    // From 1.1.2023: 14 a § as amended by 1023/2022.
    row(SPAN_2023, AssistanceMilestone::Decision, When::NotUrgent, SEVEN, AssistanceAnchor::Arrival,
        "Social Assistance Act 1412/1997, 14 a § 1 mom. (1023/2022): by the 7th working day after the application arrived"),
    row(SPAN_2023, AssistanceMilestone::Decision, When::Urgent, NEXT, AssistanceAnchor::Arrival,
        "Social Assistance Act 1412/1997, 14 b §: urgent, the same or the next working day"),
    row(SPAN_2023, AssistanceMilestone::InfoRequest, When::Always, SEVEN, AssistanceAnchor::Arrival,
        "Social Assistance Act 1412/1997, 14 a § 3 mom. (1023/2022): a request for more information by the 7th working day"),
    row(SPAN_2023, AssistanceMilestone::Decision, When::AfterRequest, SEVEN, AssistanceAnchor::Completed,
        "Social Assistance Act 1412/1997, 14 a § 3 mom. (1023/2022): by the 7th working day after the completed application arrived"),
    row(SPAN_2023, AssistanceMilestone::Meeting, When::Always, SEVEN, AssistanceAnchor::MeetingRequested,
        "Social Assistance Act 1412/1997, 14 d § 2–3 mom.: a meeting by the 7th working day after the client asked"),
    row(SPAN_2023, AssistanceMilestone::Payment, When::Always, None, AssistanceAnchor::Decision,
        "Social Assistance Act 1412/1997, 14 a §: carried out without delay, no day count"),
];

impl AssistanceRule {
    /// Whether the row covers an application that arrived on `arrival`.
    pub fn applies_on(&self, arrival: NaiveDate) -> bool {
        arrival >= self.from && self.until.is_none_or(|until| arrival <= until)
    }

    /// Whether the row is for an application with these facts.
    pub fn applies_to(&self, urgent: bool, info_requested: bool) -> bool {
        match self.when {
            When::Always => true,
            When::Urgent => urgent,
            When::NotUrgent => !urgent && !info_requested,
            When::AfterRequest => !urgent && info_requested,
        }
    }

    /// The deadline for an anchor day `from`; `None` where the law gives no day count.
    pub fn deadline(
        &self,
        from: NaiveDate,
        reading: Reading,
    ) -> Result<Option<NaiveDate>, CalendarError> {
        match self.period {
            None => Ok(None),
            Some(period) => counted(from, period, reading).map(Some),
        }
    }
}

/// The day a paper or request counts as arrived: the day itself on a working day, else the next
/// working day (an application arriving on a Saturday arrives on the Monday, docs/LAW.md).
pub fn arrived(day: NaiveDate, reading: Reading) -> Result<NaiveDate, CalendarError> {
    let cal = calendar();
    if cal.is_working_day(day, reading)? {
        Ok(day)
    } else {
        cal.add_working_days(day, 1, reading)
    }
}

/// A period counted from the day `from` arrived (see [`arrived`]).
fn counted(from: NaiveDate, period: Period, reading: Reading) -> Result<NaiveDate, CalendarError> {
    let cal = calendar();
    let start = arrived(from, reading)?;
    match period {
        Period::SameDay => Ok(start),
        Period::WorkingDays(n) => cal.add_working_days(start, n.into(), reading),
        Period::Months(n) => cal.months_deadline(start, n, reading),
    }
}

/// The row of `milestone` for an application that arrived on `arrival` with these facts.
pub fn rule_for(
    milestone: AssistanceMilestone,
    arrival: NaiveDate,
    urgent: bool,
    info_requested: bool,
) -> Option<&'static AssistanceRule> {
    ASSISTANCE_RULES.iter().find(|rule| {
        rule.milestone == milestone
            && rule.applies_on(arrival)
            && rule.applies_to(urgent, info_requested)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_milestone_and_case_has_exactly_one_row_on_every_span_boundary() {
        let days = [
            date(2007, 12, 31),
            FIRST_ASSISTANCE_DATE,
            date(2016, 12, 31),
            KELA_REFORM_DATE,
            date(2022, 12, 31),
            COUNTY_REFORM_DATE,
            date(2026, 12, 6),
        ];
        for day in days {
            for milestone in AssistanceMilestone::ALL {
                for (urgent, requested) in
                    [(false, false), (true, false), (false, true), (true, true)]
                {
                    let found = ASSISTANCE_RULES
                        .iter()
                        .filter(|r| {
                            r.milestone == milestone
                                && r.applies_on(day)
                                && r.applies_to(urgent, requested)
                        })
                        .count();
                    let expected = usize::from(day >= FIRST_ASSISTANCE_DATE);
                    assert_eq!(found, expected, "{milestone:?} {day} {urgent} {requested}");
                }
            }
        }
    }
}
