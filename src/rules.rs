//! Who is in which group, and which deadlines follow, with the statute cited
//! (../shared/DOMAIN.md, "The rules in force" and its history).
//!
//! [`RULES`] is the one table: each row is a group, the span of pending dates (asian vireille tulo)
//! it applies to, its statute, and its deadlines. Everything else here only reads it.

use chrono::{Datelike, NaiveDate};
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

    pub fn name_en(self) -> &'static str {
        match self {
            Group::Urgent => "urgent need",
            Group::Over75 => "aged over 75",
            Group::CareAllowance => "highest care allowance",
            Group::Disabled => "disabled person",
            Group::ChildSpecialSupport => "child in need of special support",
            Group::ChildWelfare => "child-welfare matter",
        }
    }

    pub fn name_fi(self) -> &'static str {
        match self {
            Group::Urgent => "kiireellinen",
            Group::Over75 => "yli 75-vuotias",
            Group::CareAllowance => "ylin hoitotuki",
            Group::Disabled => "vammainen henkilö",
            Group::ChildSpecialSupport => "erityistä tukea tarvitseva lapsi",
            Group::ChildWelfare => "lastensuojelu",
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
    pub fn insert(&mut self, group: Group) {
        self.0 |= group.bit();
    }

    pub fn contains(self, group: Group) -> bool {
        self.0 & group.bit() != 0
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The set as a number below 64, to index a table by.
    pub fn bits(self) -> u8 {
        self.0
    }

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

/// When the assessment must start.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum StartRule {
    /// On the pending date itself.
    SameDay,
    /// By the n-th working day after the pending date.
    WorkingDays(u32),
}

/// One row of the rules table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Rule {
    pub group: Group,
    /// First pending date the rule applies to (the day it took effect).
    pub from: NaiveDate,
    /// Last pending date it applies to, where a later row took over.
    pub until: Option<NaiveDate>,
    /// For [`Group::Over75`]: the age, reached on or before the pending date, that puts a person in
    /// the group.
    pub min_age: Option<u32>,
    pub start: StartRule,
    /// Months from the pending date within which the assessment must be complete.
    pub complete_within_months: Option<u32>,
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

/// The rules table, in the order groups are listed. Sources: ../shared/DOMAIN.md.
pub const RULES: &[Rule] = &[
    Rule {
        group: Group::Urgent,
        from: FIRST_RULE_DATE,
        until: Some(date(2015, 3, 31)),
        min_age: None,
        start: StartRule::SameDay,
        complete_within_months: None,
        statute: "Social Welfare Act 710/1982, 40 a § (125/2006)",
    },
    Rule {
        group: Group::Urgent,
        from: CURRENT_ACT_DATE,
        until: None,
        min_age: None,
        start: StartRule::SameDay,
        complete_within_months: None,
        statute: "Social Welfare Act 1301/2014, 36 § 1 mom.",
    },
    Rule {
        group: Group::Over75,
        from: FIRST_RULE_DATE,
        until: Some(date(2008, 12, 31)),
        min_age: Some(80),
        start: StartRule::WorkingDays(7),
        complete_within_months: None,
        statute: "Social Welfare Act 710/1982, 40 a § (125/2006): aged 80 or more",
    },
    Rule {
        group: Group::Over75,
        from: AGE_75_DATE,
        until: Some(date(2015, 3, 31)),
        min_age: Some(75),
        start: StartRule::WorkingDays(7),
        complete_within_months: None,
        statute: "Social Welfare Act 710/1982, 40 a § (751/2008)",
    },
    Rule {
        group: Group::Over75,
        from: CURRENT_ACT_DATE,
        until: None,
        min_age: Some(75),
        start: StartRule::WorkingDays(7),
        complete_within_months: None,
        statute: "Social Welfare Act 1301/2014, 36 § 2 mom. 1 k.",
    },
    Rule {
        group: Group::CareAllowance,
        from: FIRST_RULE_DATE,
        until: Some(date(2015, 3, 31)),
        min_age: None,
        start: StartRule::WorkingDays(7),
        complete_within_months: None,
        statute: "Social Welfare Act 710/1982, 40 a § (125/2006)",
    },
    Rule {
        group: Group::CareAllowance,
        from: CURRENT_ACT_DATE,
        until: None,
        min_age: None,
        start: StartRule::WorkingDays(7),
        complete_within_months: None,
        statute: "Social Welfare Act 1301/2014, 36 § 2 mom. 2 k.; care allowance: Act 570/2007, 9 § 3 mom. 3 k.",
    },
    Rule {
        group: Group::Disabled,
        from: date(2009, 9, 1),
        until: Some(date(2024, 12, 31)),
        min_age: None,
        start: StartRule::WorkingDays(7),
        complete_within_months: None,
        statute: "Disability Services Act 380/1987, 3 a § (981/2008)",
    },
    Rule {
        group: Group::Disabled,
        from: DISABILITY_ACT_2023_DATE,
        until: None,
        min_age: None,
        start: StartRule::WorkingDays(7),
        complete_within_months: None,
        statute: "Social Welfare Act 1301/2014, 36 § 2 mom. 3 k.; Disability Services Act 675/2023",
    },
    Rule {
        group: Group::ChildSpecialSupport,
        from: CURRENT_ACT_DATE,
        until: None,
        min_age: None,
        start: StartRule::WorkingDays(7),
        complete_within_months: Some(3),
        statute: "Social Welfare Act 1301/2014, 36 § 3 mom.",
    },
    Rule {
        group: Group::ChildWelfare,
        from: CHILD_WELFARE_ACT_DATE,
        until: Some(date(2010, 2, 28)),
        min_age: None,
        start: StartRule::WorkingDays(7),
        complete_within_months: Some(3),
        statute: "Child Welfare Act 417/2007, 26 § 2 mom. (decide by the 7th working day whether \
            an investigation is started) and 27 § 2 mom. (finished within 3 months)",
    },
    Rule {
        group: Group::ChildWelfare,
        from: date(2010, 3, 1),
        until: Some(date(2015, 3, 31)),
        min_age: None,
        start: StartRule::WorkingDays(7),
        complete_within_months: Some(3),
        statute: "Child Welfare Act 417/2007, 26 § 2 mom. (88/2010; decide by the 7th working day \
            whether an investigation is started) and 27 § 2 mom. (finished within 3 months)",
    },
    Rule {
        group: Group::ChildWelfare,
        from: CURRENT_ACT_DATE,
        until: None,
        min_age: None,
        start: StartRule::WorkingDays(7),
        complete_within_months: Some(3),
        statute: "Child Welfare Act 417/2007, 26 § 5 mom. (1302/2014)",
    },
];

/// The statute for everyone else: a duty to start without delay, with no day count.
pub const EVERYONE_ELSE: &str =
    "Social Welfare Act 1301/2014, 36 § 2 mom.: without delay, no day count";

impl Rule {
    pub fn applies_on(&self, pending: NaiveDate) -> bool {
        pending >= self.from && self.until.is_none_or(|until| pending <= until)
    }

    /// The start deadline for a matter pending on `pending`.
    pub fn start_deadline(
        &self,
        pending: NaiveDate,
        reading: Reading,
    ) -> Result<NaiveDate, CalendarError> {
        match self.start {
            StartRule::SameDay => Ok(pending),
            StartRule::WorkingDays(n) => calendar().add_working_days(pending, n.into(), reading),
        }
    }

    /// The completion deadline, where the rule has one (Act 150/1930 3 § and 5 §).
    pub fn completion_deadline(
        &self,
        pending: NaiveDate,
        reading: Reading,
    ) -> Result<Option<NaiveDate>, CalendarError> {
        self.complete_within_months
            .map(|months| months_deadline(pending, months, reading))
            .transpose()
    }
}

/// What puts a person in the groups: the facts of a case, before the law is applied.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Facts {
    /// Age in whole years on the pending date, where known.
    pub age: Option<u32>,
    pub care_allowance: bool,
    pub disabled: bool,
    pub child_special_support: bool,
    pub child_welfare: bool,
    pub urgent: bool,
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

/// Age in whole years on `on`. Someone born on 29 February has their birthday on 28 February in
/// common years (Act 150/1930 3 §, the month-end rule). `None` if `on` is before `birth`.
pub fn age_on(birth: NaiveDate, on: NaiveDate) -> Option<u32> {
    if on < birth {
        return None;
    }
    // The birthday in `on`'s year as (month, day): the same day-number, or the month's last day
    // where it has none, which can only be 28 February for someone born on 29 February. Compared
    // as numbers, without building a date: this runs for every case of an audit.
    let birthday = match (birth.month(), birth.day()) {
        (2, 29) if !on.leap_year() => (2, 28),
        other => other,
    };
    let years = on.year() - birth.year() - i32::from((on.month(), on.day()) < birthday);
    u32::try_from(years).ok()
}

fn same_day_or_month_end(year: i32, month: u32, day: u32) -> NaiveDate {
    (1..=day)
        .rev()
        .find_map(|d| NaiveDate::from_ymd_opt(year, month, d))
        .unwrap_or(NaiveDate::MIN)
}

/// `months` months after `pending` (Act 150/1930 3 §): the same day-number, or the month's last
/// day where it has no such day (30 November → 28 or 29 February). In the standard reading a
/// deadline on a non-working day moves to the next working day (150/1930 5 §); in the
/// conservative reading it stays.
pub fn months_deadline(
    pending: NaiveDate,
    months: u32,
    reading: Reading,
) -> Result<NaiveDate, CalendarError> {
    let total = pending.month0() + months;
    let year = pending.year() + (total / 12) as i32;
    let day = same_day_or_month_end(year, total % 12 + 1, pending.day());
    let cal = calendar();
    match reading {
        Reading::Conservative => {
            cal.is_working_day(day, reading)?;
            Ok(day)
        }
        Reading::Standard => {
            if cal.is_working_day(day, reading)? {
                Ok(day)
            } else {
                cal.add_working_days(day, 1, reading)
            }
        }
    }
}

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
    fn age_on_agrees_with_the_anniversary_as_a_date() {
        // The definition: the birthday in the year is the same day-number or the month's end.
        let reference = |birth: NaiveDate, on: NaiveDate| {
            let birthday = same_day_or_month_end(on.year(), birth.month(), birth.day());
            (on >= birth).then(|| (on.year() - birth.year() - i32::from(on < birthday)) as u32)
        };
        let births = [
            date(1952, 2, 29),
            date(1951, 2, 28),
            date(1950, 3, 1),
            date(1949, 12, 31),
        ];
        let mut on = date(1949, 1, 1);
        while on < date(2031, 1, 1) {
            for birth in births {
                assert_eq!(age_on(birth, on), reference(birth, on), "{birth} {on}");
            }
            on = on.succ_opt().unwrap();
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
