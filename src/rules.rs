//! Who is in which group, and which deadlines follow, with the statute cited
//! (docs/LAW.md, "The assessment" and "After the assessment").
//!
//! [`RULES`] is the one table: each row is a group, the span of pending dates (asian vireille tulo)
//! it applies to, its statute, and its deadlines. Everything else here only reads it.

use chrono::NaiveDate;
use serde::Serialize;

use crate::calendar::{calendar, CalendarError, Reading};

/// A group the law gives a deadline to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Group {
    /// Urgent need (kiireellinen): start on the pending date itself.
    Urgent,
    /// Aged over 75 (yli 75-vuotias); 80 or more from March 2006 to the end of 2008.
    Over75,
    /// Receives the highest care allowance (ylin hoitotuki); the special care allowance before 2015.
    CareAllowance,
    /// Disabled person (vammainen henkilö).
    Disabled,
    /// Child in need of special support (erityistä tukea tarvitseva lapsi).
    ChildSpecialSupport,
    /// Child-welfare matter (lastensuojeluasia).
    ChildWelfare,
}

impl Group {
    /// Every group, in the order of the outputs.
    pub const ALL: [Group; 6] = [
        Group::Urgent,
        Group::Over75,
        Group::CareAllowance,
        Group::Disabled,
        Group::ChildSpecialSupport,
        Group::ChildWelfare,
    ];

    /// Stable name for CSV and JSON.
    pub fn key(self) -> &'static str {
        match self {
            Group::Urgent => "urgent",
            Group::Over75 => "over_75",
            Group::CareAllowance => "care_allowance",
            Group::Disabled => "disabled",
            Group::ChildSpecialSupport => "child_special_support",
            Group::ChildWelfare => "child_welfare",
        }
    }

    fn bit(self) -> u8 {
        1 << self as u8
    }
}

/// A set of groups, without allocation (an audit builds one per row).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Groups(u8);

impl Groups {
    /// Adds a group.
    pub fn insert(&mut self, group: Group) {
        self.0 |= group.bit();
    }

    /// Whether `group` is in the set.
    pub fn contains(self, group: Group) -> bool {
        self.0 & group.bit() != 0
    }

    /// Whether the set has no group.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The set as a number below 64, to index a table by.
    pub fn bits(self) -> u8 {
        self.0
    }

    /// The groups in the order of [`Group::ALL`].
    pub fn iter(self) -> impl Iterator<Item = Group> {
        Group::ALL.into_iter().filter(move |g| self.contains(*g))
    }

    /// `over_75|disabled`, or `none` for the empty set: one CSV field.
    pub fn joined(self, separator: &str) -> String {
        if self.is_empty() {
            return "none".into();
        }
        self.iter()
            .map(Group::key)
            .collect::<Vec<_>>()
            .join(separator)
    }
}

impl Serialize for Group {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.key())
    }
}

impl Serialize for Groups {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

/// A point in a case that the law sets a clock on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Milestone {
    /// The service-need assessment starts (palvelutarpeen arvioinnin aloittaminen).
    Start,
    /// The assessment is complete.
    Completion,
    /// The decision on the application (päätös).
    Decision,
    /// The service granted begins (palvelun järjestäminen, täytäntöönpano).
    Implementation,
}

impl Milestone {
    /// Every milestone, in the order a case passes them.
    pub const ALL: [Milestone; 4] = [
        Milestone::Start,
        Milestone::Completion,
        Milestone::Decision,
        Milestone::Implementation,
    ];

    /// Stable name for CSV and JSON.
    pub fn key(self) -> &'static str {
        match self {
            Milestone::Start => "start",
            Milestone::Completion => "completion",
            Milestone::Decision => "decision",
            Milestone::Implementation => "implementation",
        }
    }
}

/// How long the law gives, counted from a day (the [`Anchor`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Period {
    /// On that day itself ("immediately"; "without delay" where the law gives no day count but
    /// the matter is urgent).
    SameDay,
    /// By the n-th working day after it.
    WorkingDays(u32),
    /// Within n months of it (Act 150/1930 3 § and 5 §, see [`Calendar::months_deadline`]).
    ///
    /// [`Calendar::months_deadline`]: crate::calendar::Calendar::months_deadline
    Months(u32),
}

/// The day a [`Period`] is counted from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Anchor {
    /// The day the matter became pending (asian vireille tulo).
    Pending,
    /// The day of the decision.
    Decision,
}

/// One deadline a rule sets: a milestone, a period, and the day it is counted from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Limit {
    /// Which milestone the limit sets.
    pub milestone: Milestone,
    /// How long the law gives.
    pub period: Period,
    /// The date the period is counted from.
    pub from: Anchor,
    /// The provision that sets this limit, where the rule's own citation does not name it.
    pub statute: Option<&'static str>,
}

impl Limit {
    /// The deadline of this limit for a case whose anchor day is `from`.
    pub fn deadline(&self, from: NaiveDate, reading: Reading) -> Result<NaiveDate, CalendarError> {
        let cal = calendar();
        match self.period {
            Period::SameDay => Ok(from),
            Period::WorkingDays(n) => cal.add_working_days(from, n.into(), reading),
            Period::Months(n) => cal.months_deadline(from, n, reading),
        }
    }
}

const fn limit(milestone: Milestone, period: Period, from: Anchor) -> Limit {
    Limit {
        milestone,
        period,
        from,
        statute: None,
    }
}

/// Start on the pending date itself.
const START_SAME_DAY: &[Limit] = &[limit(Milestone::Start, Period::SameDay, Anchor::Pending)];
/// Start by the 7th working day after the pending date.
const START_7: &[Limit] = &[limit(
    Milestone::Start,
    Period::WorkingDays(7),
    Anchor::Pending,
)];
/// Start by the 7th working day, complete within 3 months of the pending date.
const START_7_COMPLETE_3M: &[Limit] = &[
    limit(Milestone::Start, Period::WorkingDays(7), Anchor::Pending),
    limit(Milestone::Completion, Period::Months(3), Anchor::Pending),
];
/// Start by the 7th working day, decide within 3 months of the application.
const START_7_DECIDE_3M: &[Limit] = &[
    limit(Milestone::Start, Period::WorkingDays(7), Anchor::Pending),
    Limit {
        statute: Some(
            "Disability Services Act 380/1987, 3 a § 3 mom. (981/2008): decide within 3 months \
             of the application; applications pending on 1.1.2025 keep that limit (675/2023 42 § \
             2 mom.)",
        ),
        ..limit(Milestone::Decision, Period::Months(3), Anchor::Pending)
    },
];

/// One row of the rules table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Rule {
    /// The group the row is for.
    pub group: Group,
    /// First pending date the rule applies to (the day it took effect).
    pub from: NaiveDate,
    /// Last pending date it applies to, where a later row took over.
    pub until: Option<NaiveDate>,
    /// For [`Group::Over75`]: the age, reached on or before the pending date, that puts a person in
    /// the group.
    pub min_age: Option<u32>,
    /// The deadlines the group gets, at most one per milestone.
    pub limits: &'static [Limit],
    /// The statute, as it should be cited.
    pub statute: &'static str,
}

const fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(y, m, d) {
        Some(date) => date,
        None => panic!("valid constant date"),
    }
}

/// The day the 7-working-day rule began (Act 125/2006 amending the old Social Welfare Act).
pub const FIRST_RULE_DATE: NaiveDate = date(2006, 3, 1);
/// The day the current Social Welfare Act 1301/2014 took effect.
pub const CURRENT_ACT_DATE: NaiveDate = date(2015, 4, 1);
/// The day the age limit fell from 80 to 75 (Act 751/2008).
pub const AGE_75_DATE: NaiveDate = date(2009, 1, 1);
/// The day the Child Welfare Act 417/2007 took effect with its 7-working-day and 3-month limits.
pub const CHILD_WELFARE_ACT_DATE: NaiveDate = date(2008, 1, 1);
/// The day the Disability Services Act 675/2023 took effect and disability moved into 36 §.
pub const DISABILITY_ACT_2023_DATE: NaiveDate = date(2025, 1, 1);

/// The rules table, in the order groups are listed. Sources: docs/LAW.md.
pub const RULES: &[Rule] = &[
    Rule {
        group: Group::Urgent,
        from: FIRST_RULE_DATE,
        until: Some(date(2015, 3, 31)),
        min_age: None,
        limits: START_SAME_DAY,
        statute: "Social Welfare Act 710/1982, 40 a § (125/2006)",
    },
    Rule {
        group: Group::Urgent,
        from: CURRENT_ACT_DATE,
        until: None,
        min_age: None,
        limits: START_SAME_DAY,
        statute: "Social Welfare Act 1301/2014, 36 § 1 mom.",
    },
    Rule {
        group: Group::Over75,
        from: FIRST_RULE_DATE,
        until: Some(date(2008, 12, 31)),
        min_age: Some(80),
        limits: START_7,
        statute: "Social Welfare Act 710/1982, 40 a § (125/2006): aged 80 or more",
    },
    Rule {
        group: Group::Over75,
        from: AGE_75_DATE,
        until: Some(date(2015, 3, 31)),
        min_age: Some(75),
        limits: START_7,
        statute: "Social Welfare Act 710/1982, 40 a § (751/2008)",
    },
    Rule {
        group: Group::Over75,
        from: CURRENT_ACT_DATE,
        until: None,
        min_age: Some(75),
        limits: START_7,
        statute: "Social Welfare Act 1301/2014, 36 § 2 mom. 1 k.",
    },
    Rule {
        group: Group::CareAllowance,
        from: FIRST_RULE_DATE,
        until: Some(date(2015, 3, 31)),
        min_age: None,
        limits: START_7,
        statute: "Social Welfare Act 710/1982, 40 a § (125/2006)",
    },
    Rule {
        group: Group::CareAllowance,
        from: CURRENT_ACT_DATE,
        until: None,
        min_age: None,
        limits: START_7,
        statute: "Social Welfare Act 1301/2014, 36 § 2 mom. 2 k.; care allowance: Act 570/2007, 9 § 3 mom. 3 k.",
    },
    Rule {
        group: Group::Disabled,
        from: date(2009, 9, 1),
        until: Some(date(2024, 12, 31)),
        min_age: None,
        limits: START_7_DECIDE_3M,
        statute: "Disability Services Act 380/1987, 3 a § (981/2008)",
    },
    Rule {
        group: Group::Disabled,
        from: DISABILITY_ACT_2023_DATE,
        until: None,
        min_age: None,
        limits: START_7,
        statute: "Social Welfare Act 1301/2014, 36 § 2 mom. 3 k.; Disability Services Act 675/2023",
    },
    Rule {
        group: Group::ChildSpecialSupport,
        from: CURRENT_ACT_DATE,
        until: None,
        min_age: None,
        limits: START_7_COMPLETE_3M,
        statute: "Social Welfare Act 1301/2014, 36 § 3 mom.",
    },
    Rule {
        group: Group::ChildWelfare,
        from: CHILD_WELFARE_ACT_DATE,
        until: Some(date(2010, 2, 28)),
        min_age: None,
        limits: START_7_COMPLETE_3M,
        statute: "Child Welfare Act 417/2007, 26 § 2 mom. (decide by the 7th working day whether \
            an investigation is started) and 27 § 2 mom. (finished within 3 months)",
    },
    Rule {
        group: Group::ChildWelfare,
        from: date(2010, 3, 1),
        until: Some(date(2015, 3, 31)),
        min_age: None,
        limits: START_7_COMPLETE_3M,
        statute: "Child Welfare Act 417/2007, 26 § 2 mom. (88/2010; decide by the 7th working day \
            whether an investigation is started) and 27 § 2 mom. (finished within 3 months)",
    },
    Rule {
        group: Group::ChildWelfare,
        from: CURRENT_ACT_DATE,
        until: None,
        min_age: None,
        limits: START_7_COMPLETE_3M,
        statute: "Child Welfare Act 417/2007, 26 § 5 mom. (1302/2014)",
    },
];

/// The statute for everyone else: a duty to start without delay, with no day count.
pub const EVERYONE_ELSE: &str =
    "Social Welfare Act 1301/2014, 36 § 2 mom.: without delay, no day count";

/// The statute for decisions with no day count: without undue delay (urgent: without delay).
pub const DECISION_WITHOUT_DAY_COUNT: &str =
    "Social Welfare Act 1301/2014, 45 § 1 mom.: without undue delay, no day count";

/// The day the Older Persons Services Act 980/2012 18 § took effect.
pub const OLDER_PERSONS_ACT_DATE: NaiveDate = date(2013, 7, 1);

/// Whom a limit of the service chain applies to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Who {
    /// Every case whose need is urgent.
    Urgent,
    /// Every case whose need is not urgent.
    NotUrgent,
    /// An older person (iäkäs henkilö, 980/2012 3 §: functional capacity reduced by age; a fact
    /// recorded about the person, not an age limit) whose need is not urgent.
    OlderPersonNotUrgent,
}

/// A limit on the service that follows a decision, for everyone it names, whatever the
/// assessment groups: the second half of the chain.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct ServiceRule {
    /// Who the row is for.
    pub who: Who,
    /// First pending date the rule applies to.
    pub from: NaiveDate,
    /// Last pending date it applies to, where it ended.
    pub until: Option<NaiveDate>,
    /// The limit it sets.
    pub limit: Limit,
    /// Whether the law counts days: an urgent service is to begin "without delay" (45 § 2
    /// mom.), which is no day count. Such a rule sets no deadline; the working days since the
    /// decision are shown instead, as for a decision without a day count.
    pub day_count: bool,
    /// The statute, as it should be cited.
    pub statute: &'static str,
}

/// The service chain's table: when a decision has been made, by when the service must begin.
/// Where several apply, the earliest deadline wins and all are named.
pub const SERVICE_RULES: &[ServiceRule] = &[
    ServiceRule {
        who: Who::NotUrgent,
        from: CURRENT_ACT_DATE,
        until: None,
        limit: limit(
            Milestone::Implementation,
            Period::Months(3),
            Anchor::Pending,
        ),
        day_count: true,
        statute: "Social Welfare Act 1301/2014, 45 § 2 mom.: within 3 months of the matter \
            becoming pending",
    },
    ServiceRule {
        who: Who::Urgent,
        from: CURRENT_ACT_DATE,
        until: None,
        limit: limit(Milestone::Implementation, Period::SameDay, Anchor::Decision),
        day_count: false,
        statute: "Social Welfare Act 1301/2014, 45 § 2 mom.: urgent, without delay, no day count",
    },
    ServiceRule {
        who: Who::OlderPersonNotUrgent,
        from: OLDER_PERSONS_ACT_DATE,
        until: None,
        limit: limit(
            Milestone::Implementation,
            Period::Months(3),
            Anchor::Decision,
        ),
        day_count: true,
        statute: "Older Persons Services Act 980/2012, 18 §: within 3 months of the decision",
    },
];

impl ServiceRule {
    /// Whether the rule applies to a case with these facts, pending on `pending`.
    pub fn applies_to(&self, facts: &Facts, pending: NaiveDate) -> bool {
        let who = match self.who {
            Who::Urgent => facts.urgent,
            Who::NotUrgent => !facts.urgent,
            Who::OlderPersonNotUrgent => facts.older_person && !facts.urgent,
        };
        who && pending >= self.from && self.until.is_none_or(|until| pending <= until)
    }
}

impl Rule {
    /// Whether the row covers a case pending on `pending`.
    pub fn applies_on(&self, pending: NaiveDate) -> bool {
        pending >= self.from && self.until.is_none_or(|until| pending <= until)
    }

    /// The limit the rule sets for `milestone`, if any.
    pub fn limit(&self, milestone: Milestone) -> Option<&'static Limit> {
        self.limits
            .iter()
            .find(|limit| limit.milestone == milestone)
    }
}

/// What puts a person in the groups: the facts of a case, before the law is applied.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Facts {
    /// Age in whole years on the pending date, where known.
    pub age: Option<u32>,
    /// Receives the highest care allowance.
    pub care_allowance: bool,
    /// A disabled person.
    pub disabled: bool,
    /// A child in need of special support.
    pub child_special_support: bool,
    /// A child-welfare matter.
    pub child_welfare: bool,
    /// An urgent need.
    pub urgent: bool,
    /// An older person (iäkäs henkilö, 980/2012 3 §), for the service chain.
    pub older_person: bool,
}

/// The rules that apply to a case pending on `pending`, one per group, in table order.
pub fn applicable_rules(facts: &Facts, pending: NaiveDate) -> impl Iterator<Item = &'static Rule> {
    applicable_rule_indexes(facts, pending).map(|index| &RULES[index])
}

/// [`applicable_rules`] as positions in [`RULES`].
pub fn applicable_rule_indexes(facts: &Facts, pending: NaiveDate) -> impl Iterator<Item = usize> {
    let age = facts.age;
    // The rows of the groups the case can be in: those its flags name, and the over-75 group
    // when the age is known. Only they are looked at; most cases are in no group or one.
    let mut rows: u32 = 0;
    for (fact, group) in [
        (facts.urgent, Group::Urgent),
        (age.is_some(), Group::Over75),
        (facts.care_allowance, Group::CareAllowance),
        (facts.disabled, Group::Disabled),
        (facts.child_special_support, Group::ChildSpecialSupport),
        (facts.child_welfare, Group::ChildWelfare),
    ] {
        if fact {
            rows |= GROUP_ROWS[group as usize];
        }
    }
    // The rows of the set in table order: the lowest bit's row, then the same without that bit.
    std::iter::from_fn(move || {
        let index = (rows != 0).then(|| rows.trailing_zeros() as usize)?;
        rows &= rows - 1;
        Some(index)
    })
    .filter(move |&index| {
        let rule = &RULES[index];
        let old_enough = rule.group != Group::Over75
            || matches!((age, rule.min_age), (Some(age), Some(min)) if age >= min);
        old_enough && rule.applies_on(pending)
    })
}

/// The rows of [`RULES`] of each group, by [`Group`] number, as a set: bit `i` stands for
/// `RULES[i]`.
const GROUP_ROWS: [u32; Group::ALL.len()] = {
    assert!(RULES.len() <= 32, "GROUP_ROWS holds up to 32 rows of RULES");
    let mut rows = [0; Group::ALL.len()];
    let mut index = 0;
    while index < RULES.len() {
        rows[RULES[index].group as usize] |= 1 << index;
        index += 1;
    }
    rows
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_group_has_a_rule_in_force_today() {
        let today = date(2026, 11, 23);
        for group in Group::ALL {
            let rules: Vec<_> = RULES
                .iter()
                .filter(|r| r.group == group && r.applies_on(today))
                .collect();
            assert_eq!(rules.len(), 1, "{group:?}");
        }
    }

    #[test]
    fn rules_of_one_group_do_not_overlap() {
        for a in RULES {
            for b in RULES {
                if a != b && a.group == b.group {
                    let a_end = a.until.unwrap_or(NaiveDate::MAX);
                    let b_end = b.until.unwrap_or(NaiveDate::MAX);
                    assert!(a_end < b.from || b_end < a.from, "{a:?} {b:?}");
                }
            }
        }
    }

    #[test]
    fn applicable_rules_are_the_rows_whose_group_and_dates_fit() {
        // The definition, row by row, against the look-up by group, on every day around the
        // first and last day of every row and for every combination of facts.
        let reference = |facts: &Facts, pending: NaiveDate| -> Vec<usize> {
            let in_group = |rule: &Rule| match rule.group {
                Group::Urgent => facts.urgent,
                Group::Over75 => {
                    matches!((facts.age, rule.min_age), (Some(age), Some(min)) if age >= min)
                }
                Group::CareAllowance => facts.care_allowance,
                Group::Disabled => facts.disabled,
                Group::ChildSpecialSupport => facts.child_special_support,
                Group::ChildWelfare => facts.child_welfare,
            };
            (0..RULES.len())
                .filter(|&i| RULES[i].applies_on(pending) && in_group(&RULES[i]))
                .collect()
        };
        let mut days: Vec<NaiveDate> = RULES
            .iter()
            .flat_map(|rule| [Some(rule.from), rule.until])
            .flatten()
            .flat_map(|day| [day.pred_opt().unwrap(), day, day.succ_opt().unwrap()])
            .collect();
        days.push(date(2026, 11, 23));
        for flags in 0..32u8 {
            for age in [
                None,
                Some(0),
                Some(17),
                Some(74),
                Some(75),
                Some(79),
                Some(80),
                Some(99),
            ] {
                let facts = Facts {
                    age,
                    urgent: flags & 1 != 0,
                    care_allowance: flags & 2 != 0,
                    disabled: flags & 4 != 0,
                    child_special_support: flags & 8 != 0,
                    child_welfare: flags & 16 != 0,
                    older_person: false,
                };
                for &pending in &days {
                    let found: Vec<usize> = applicable_rule_indexes(&facts, pending).collect();
                    assert_eq!(found, reference(&facts, pending), "{facts:?} {pending}");
                }
            }
        }
    }

    #[test]
    fn groups_set_is_ordered_and_joined() {
        let mut groups = Groups::default();
        assert_eq!(groups.joined("|"), "none");
        groups.insert(Group::Disabled);
        groups.insert(Group::Over75);
        assert_eq!(groups.joined("|"), "over_75|disabled");
    }
}
