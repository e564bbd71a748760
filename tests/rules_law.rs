//! The rules table of docs/LAW.md, one test per sentence. Expected dates are worked out by
//! hand from a wall calendar (weekdays and holidays named in the comments), not from the code.

use chrono::NaiveDate;
use maaraika::calendar::age_on;
use maaraika::calendar::Reading::{self, Conservative, Standard};
use maaraika::evaluation::{evaluate, Case, CaseError, Evaluation, Note, Person, Status};
use maaraika::hetu::Hetu;
use maaraika::rules::{Group, RULES};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// Monday 23.11.2026, no holidays in the next two weeks: the 7th working day is Wednesday 2.12.2026.
const PENDING: (i32, u32, u32) = (2026, 11, 23);

fn pending() -> NaiveDate {
    d(PENDING.0, PENDING.1, PENDING.2)
}

fn case(person: Person) -> Case {
    Case {
        pending: pending(),
        person,
        ..Case::default()
    }
}

fn eval(case: &Case, as_of: NaiveDate, reading: Reading) -> Evaluation {
    evaluate(case, as_of, reading).unwrap()
}

fn groups(e: &Evaluation) -> Vec<Group> {
    e.groups.iter().collect()
}

#[test]
fn urgent_need_is_assessed_on_the_pending_date_itself() {
    let c = Case {
        urgent: true,
        ..case(Person::Age(40))
    };
    let e = eval(&c, pending(), Standard);
    assert_eq!(groups(&e), [Group::Urgent]);
    assert_eq!(e.start.deadline, Some(pending()));
    assert!(e.rules[0].statute.contains("1301/2014, 36 § 1 mom."));
}

#[test]
fn aged_over_75_starts_by_the_7th_working_day() {
    let e = eval(&case(Person::Age(78)), pending(), Standard);
    assert_eq!(groups(&e), [Group::Over75]);
    assert_eq!(e.start.deadline, Some(d(2026, 12, 2)));
    assert_eq!(
        e.completion.deadline, None,
        "without undue delay: no day count"
    );
    assert!(e.rules[0].statute.contains("36 § 2 mom. 1 k."));
}

#[test]
fn the_75th_birthday_on_the_pending_date_puts_a_person_over_75() {
    let on_birthday = eval(
        &case(Person::BirthDate(d(1951, 11, 23))),
        pending(),
        Standard,
    );
    assert_eq!(groups(&on_birthday), [Group::Over75]);
    let day_before_birthday = eval(
        &case(Person::BirthDate(d(1951, 11, 24))),
        pending(),
        Standard,
    );
    assert!(day_before_birthday.groups.is_empty());
    assert_eq!(day_before_birthday.start.status, Status::None);
}

#[test]
fn a_29_february_birthday_falls_on_28_february_in_common_years() {
    let born = d(1952, 2, 29);
    assert_eq!(age_on(born, d(2027, 2, 27)), Some(74));
    assert_eq!(age_on(born, d(2027, 2, 28)), Some(75));
    assert_eq!(age_on(born, d(2028, 2, 28)), Some(75));
    assert_eq!(age_on(born, d(2028, 2, 29)), Some(76));
}

#[test]
fn highest_care_allowance_starts_by_the_7th_working_day() {
    let c = Case {
        care_allowance: true,
        ..case(Person::Age(40))
    };
    let e = eval(&c, pending(), Standard);
    assert_eq!(groups(&e), [Group::CareAllowance]);
    assert_eq!(e.start.deadline, Some(d(2026, 12, 2)));
    assert!(e.rules[0].statute.contains("36 § 2 mom. 2 k."));
}

#[test]
fn disabled_person_starts_by_the_7th_working_day() {
    let c = Case {
        disabled: true,
        ..case(Person::Age(40))
    };
    let e = eval(&c, pending(), Standard);
    assert_eq!(groups(&e), [Group::Disabled]);
    assert_eq!(e.start.deadline, Some(d(2026, 12, 2)));
    assert!(e.rules[0].statute.contains("675/2023"));
}

#[test]
fn disabled_person_before_2025_is_under_the_old_disability_services_act() {
    let c = Case {
        pending: d(2024, 11, 25),
        disabled: true,
        ..case(Person::Age(40))
    };
    let e = eval(&c, d(2024, 11, 25), Standard);
    assert!(e.rules[0].statute.contains("380/1987, 3 a §"));
    // Monday 25.11.2024 + 7 working days = Wednesday 4.12.2024.
    assert_eq!(e.start.deadline, Some(d(2024, 12, 4)));
}

#[test]
fn child_in_need_of_special_support_starts_by_the_7th_working_day_and_completes_within_3_months() {
    let c = Case {
        child_special_support: true,
        ..case(Person::Age(9))
    };
    let e = eval(&c, pending(), Standard);
    assert_eq!(groups(&e), [Group::ChildSpecialSupport]);
    assert_eq!(e.start.deadline, Some(d(2026, 12, 2)));
    // 23.2.2027 is a Tuesday.
    assert_eq!(e.completion.deadline, Some(d(2027, 2, 23)));
    assert!(e.rules[0].statute.contains("36 § 3 mom."));
}

#[test]
fn child_welfare_matter_starts_by_the_7th_working_day_and_completes_within_3_months() {
    let c = Case {
        child_welfare: true,
        ..case(Person::Unknown)
    };
    let e = eval(&c, pending(), Standard);
    assert_eq!(groups(&e), [Group::ChildWelfare]);
    assert_eq!(e.start.deadline, Some(d(2026, 12, 2)));
    assert_eq!(e.completion.deadline, Some(d(2027, 2, 23)));
    assert!(e.rules[0].statute.contains("417/2007, 26 § 5 mom."));
}

fn child_case(pending: NaiveDate) -> Case {
    Case {
        pending,
        child_welfare: true,
        ..Case::default()
    }
}

#[test]
fn three_months_from_30_november_is_the_last_day_of_february() {
    // 28.2.2027 is a Sunday: the standard reading moves it to Monday 1.3.2027, the conservative
    // reading does not.
    let c = child_case(d(2026, 11, 30));
    assert_eq!(
        eval(&c, c.pending, Standard).completion.deadline,
        Some(d(2027, 3, 1))
    );
    assert_eq!(
        eval(&c, c.pending, Conservative).completion.deadline,
        Some(d(2027, 2, 28))
    );
    // 29.2.2028 is a Tuesday, in a leap year.
    let c = child_case(d(2027, 11, 30));
    assert_eq!(
        eval(&c, c.pending, Standard).completion.deadline,
        Some(d(2028, 2, 29))
    );
}

#[test]
fn three_months_from_31_august_is_30_november() {
    let c = child_case(d(2026, 8, 31));
    assert_eq!(
        eval(&c, c.pending, Standard).completion.deadline,
        Some(d(2026, 11, 30))
    );
}

#[test]
fn a_3_month_deadline_on_christmas_eve_moves_only_in_the_standard_reading() {
    // 24.9.2026 + 3 months = Thursday 24.12.2026, Christmas Eve; 25.12 Christmas Day, 26-27 weekend.
    let c = child_case(d(2026, 9, 24));
    assert_eq!(
        eval(&c, c.pending, Standard).completion.deadline,
        Some(d(2026, 12, 28))
    );
    assert_eq!(
        eval(&c, c.pending, Conservative).completion.deadline,
        Some(d(2026, 12, 24))
    );
}

#[test]
fn everyone_else_has_no_day_count_but_the_elapsed_working_days_are_shown() {
    let e = eval(&case(Person::Age(40)), d(2026, 12, 2), Standard);
    assert!(e.groups.is_empty());
    assert_eq!(e.start.status, Status::None);
    assert_eq!(e.start.deadline, None);
    assert_eq!(e.completion.status, Status::None);
    assert_eq!(e.elapsed_working_days, 7);
}

#[test]
fn several_groups_are_all_named_and_the_earliest_deadline_wins() {
    let c = Case {
        urgent: true,
        disabled: true,
        ..case(Person::Age(80))
    };
    let e = eval(&c, pending(), Standard);
    assert_eq!(groups(&e), [Group::Urgent, Group::Over75, Group::Disabled]);
    assert_eq!(e.start.deadline, Some(pending()));

    let c = Case {
        child_special_support: true,
        disabled: true,
        ..case(Person::Age(12))
    };
    let e = eval(&c, pending(), Standard);
    assert_eq!(groups(&e), [Group::Disabled, Group::ChildSpecialSupport]);
    assert_eq!(e.start.deadline, Some(d(2026, 12, 2)));
    assert_eq!(e.completion.deadline, Some(d(2027, 2, 23)));
}

#[test]
fn before_2009_the_age_limit_was_80() {
    // Monday 16.6.2008; Midsummer Eve Friday 20.6.2008 is skipped in the standard reading.
    let pending = d(2008, 6, 16);
    let at = |birth: NaiveDate, reading| {
        let c = Case {
            pending,
            person: Person::BirthDate(birth),
            ..Case::default()
        };
        eval(&c, pending, reading)
    };
    let aged_79 = at(d(1928, 6, 17), Standard);
    assert!(aged_79.groups.is_empty());
    let aged_80 = at(d(1928, 6, 16), Standard);
    assert_eq!(groups(&aged_80), [Group::Over75]);
    assert_eq!(aged_80.start.deadline, Some(d(2008, 6, 26)));
    assert_eq!(
        at(d(1928, 6, 16), Conservative).start.deadline,
        Some(d(2008, 6, 25))
    );
    assert!(aged_80.rules[0].statute.contains("125/2006"));
}

#[test]
fn from_2009_the_age_limit_is_75() {
    let c = |pending| Case {
        pending,
        person: Person::BirthDate(d(1932, 1, 1)),
        ..Case::default()
    };
    // Aged 76 on 31.12.2008: no group. Aged 77 on Friday 2.1.2009: in the group (act 751/2008).
    assert!(eval(&c(d(2008, 12, 31)), d(2009, 1, 31), Standard)
        .groups
        .is_empty());
    let e = eval(&c(d(2009, 1, 2)), d(2009, 1, 31), Standard);
    assert_eq!(groups(&e), [Group::Over75]);
    assert!(e.rules[0].statute.contains("751/2008"));
    // Fri 2.1 -> Mon 5 (1); Tue 6 is Epiphany; Wed 7 (2) Thu 8 (3) Fri 9 (4) Mon 12 (5) Tue 13 (6) Wed 14 (7).
    assert_eq!(e.start.deadline, Some(d(2009, 1, 14)));
}

#[test]
fn no_statutory_day_count_before_1_march_2006() {
    let c = |pending| Case {
        pending,
        person: Person::Age(90),
        care_allowance: true,
        ..Case::default()
    };
    let before = eval(&c(d(2006, 2, 28)), d(2006, 12, 31), Standard);
    assert!(before.groups.is_empty());
    assert_eq!(before.start.status, Status::None);
    assert!(before.notes.contains(Note::BeforeStatutoryDeadlines));
    // Wednesday 1.3.2006: Thu 2 (1) Fri 3 (2) Mon 6 (3) ... Fri 10 (7).
    let first_day = eval(&c(d(2006, 3, 1)), d(2006, 12, 31), Standard);
    assert_eq!(groups(&first_day), [Group::Over75, Group::CareAllowance]);
    assert_eq!(first_day.start.deadline, Some(d(2006, 3, 10)));
}

#[test]
fn started_on_the_deadline_is_met_and_a_day_later_is_late() {
    let started = |s| Case {
        started: Some(s),
        ..case(Person::Age(78))
    };
    let on_time = eval(&started(d(2026, 12, 2)), d(2026, 12, 31), Standard);
    assert_eq!(on_time.start.status, Status::Met);
    let late = eval(&started(d(2026, 12, 3)), d(2026, 12, 31), Standard);
    assert_eq!(late.start.status, Status::Late);
    assert_eq!(late.start.working_days_late, Some(1));
}

#[test]
fn not_started_is_due_up_to_and_including_the_deadline_then_overdue() {
    let c = case(Person::Age(78));
    let due = eval(&c, d(2026, 12, 2), Standard);
    assert_eq!(due.start.status, Status::Due);
    assert_eq!(due.start.working_days_remaining, Some(0));
    let earlier = eval(&c, d(2026, 11, 30), Standard);
    assert_eq!(earlier.start.working_days_remaining, Some(2));
    let overdue = eval(&c, d(2026, 12, 4), Standard);
    assert_eq!(overdue.start.status, Status::Overdue);
    assert_eq!(overdue.start.working_days_overdue, Some(2));
    assert!(overdue.is_overdue());
}

#[test]
fn a_recorded_date_decides_whatever_the_as_of_date() {
    let c = Case {
        started: Some(d(2026, 12, 4)),
        ..case(Person::Age(78))
    };
    // The as-of date is before the recorded start: still late, with a note.
    let e = eval(&c, d(2026, 11, 25), Standard);
    assert_eq!(e.start.status, Status::Late);
    assert!(e.notes.contains(Note::DateAfterAsOf));
}

#[test]
fn completion_is_judged_the_same_way() {
    let c = Case {
        child_special_support: true,
        started: Some(d(2026, 11, 24)),
        completed: Some(d(2027, 2, 24)),
        ..case(Person::Age(9))
    };
    let e = eval(&c, d(2027, 3, 31), Standard);
    assert_eq!(e.start.status, Status::Met);
    assert_eq!(e.completion.status, Status::Late);
    assert_eq!(e.completion.working_days_late, Some(1));
    let open = Case {
        completed: None,
        ..c
    };
    assert_eq!(
        eval(&open, d(2027, 2, 23), Standard).completion.status,
        Status::Due
    );
    assert_eq!(
        eval(&open, d(2027, 2, 24), Standard).completion.status,
        Status::Overdue
    );
}

#[test]
fn the_identity_code_gives_the_birth_date() {
    // 010594Y9032: born 1.5.1994, aged 32 on the pending date.
    let hetu = Hetu::parse("010594Y9032").unwrap();
    let e = eval(&case(Person::Hetu(hetu)), pending(), Standard);
    assert_eq!(e.age, Some(32));
    assert!(e.groups.is_empty());
}

#[test]
fn impossible_case_histories_are_rejected() {
    let base = case(Person::Age(78));
    let bad = |c: Case| evaluate(&c, pending(), Standard).unwrap_err();
    assert!(matches!(
        bad(Case {
            started: Some(d(2026, 11, 22)),
            ..base
        }),
        CaseError::StartBeforePending { .. }
    ));
    assert!(matches!(
        bad(Case {
            started: Some(d(2026, 11, 30)),
            completed: Some(d(2026, 11, 27)),
            ..base
        }),
        CaseError::CompletionBeforeStart { .. }
    ));
    assert!(matches!(
        bad(Case {
            person: Person::BirthDate(d(2027, 1, 1)),
            ..base
        }),
        CaseError::BornAfterPending { .. }
    ));
    assert!(matches!(
        bad(Case {
            pending: d(1950, 1, 1),
            ..base
        }),
        CaseError::Calendar(_)
    ));
}

#[test]
fn every_rule_cites_its_statute() {
    for rule in RULES {
        assert!(rule.statute.contains('§'), "{rule:?}");
    }
}

/// Child Welfare Act 417/2007 as enacted: from 1.1.2008 a notification or contact had to be answered
/// by the 7th working day with the decision whether an investigation is started (26 § 2 mom.), and
/// the investigation finished within 3 months of the matter becoming pending (27 § 2 mom.).
#[test]
fn from_2008_a_child_welfare_matter_is_decided_by_the_7th_working_day_and_investigated_within_3_months(
) {
    // Tuesday 1.1.2008 is New Year's Day: Wed 2 (1) Thu 3 (2) Fri 4 (3); Sun 6 is Epiphany;
    // Mon 7 (4) Tue 8 (5) Wed 9 (6) Thu 10.1.2008 (7). Three months: Tuesday 1.4.2008, a working day
    // (Easter 2008 was 23 March).
    let e = eval(&child_case(d(2008, 1, 1)), d(2008, 12, 31), Standard);
    assert_eq!(groups(&e), [Group::ChildWelfare]);
    assert_eq!(e.start.deadline, Some(d(2008, 1, 10)));
    assert_eq!(e.completion.deadline, Some(d(2008, 4, 1)));
    assert!(e.rules[0].statute.contains("417/2007, 26 § 2 mom."));
    assert!(e.rules[0].statute.contains("27 § 2 mom."));
    assert!(!e.rules[0].statute.contains("88/2010"));
}

#[test]
fn before_2008_a_child_welfare_matter_has_no_day_count() {
    // Monday 31.12.2007: the old Child Welfare Act 683/1983 set no such limits.
    let e = eval(&child_case(d(2007, 12, 31)), d(2008, 12, 31), Standard);
    assert!(e.groups.is_empty());
    assert_eq!(e.start.status, Status::None);
    assert_eq!(e.completion.status, Status::None);
}

#[test]
fn from_1_march_2010_the_reworded_26_section_keeps_the_same_limits() {
    // Sunday 28.2.2010, the last day of the wording as enacted: Mon 1.3 (1) ... Fri 5 (5),
    // Mon 8 (6), Tue 9.3.2010 (7); three months: Friday 28.5.2010.
    let last = eval(&child_case(d(2010, 2, 28)), d(2010, 12, 31), Standard);
    assert_eq!(last.start.deadline, Some(d(2010, 3, 9)));
    assert_eq!(last.completion.deadline, Some(d(2010, 5, 28)));
    assert!(!last.rules[0].statute.contains("88/2010"));
    // Monday 1.3.2010 (act 88/2010): Tue 2 (1) Wed 3 (2) Thu 4 (3) Fri 5 (4) Mon 8 (5) Tue 9 (6)
    // Wed 10.3.2010 (7); three months: Tuesday 1.6.2010.
    let first = eval(&child_case(d(2010, 3, 1)), d(2010, 12, 31), Standard);
    assert_eq!(first.start.deadline, Some(d(2010, 3, 10)));
    assert_eq!(first.completion.deadline, Some(d(2010, 6, 1)));
    assert!(first.rules[0].statute.contains("26 § 2 mom. (88/2010"));
}

#[test]
fn the_last_day_of_the_old_child_welfare_wording_is_31_march_2015() {
    // Tuesday 31.3.2015: Wed 1.4 (1) Thu 2 (2); Fri 3 is Good Friday, Mon 6 Easter Monday;
    // Tue 7 (3) Wed 8 (4) Thu 9 (5) Fri 10 (6) Mon 13.4.2015 (7). Three months: Tuesday 30.6.2015.
    let last = eval(&child_case(d(2015, 3, 31)), d(2015, 12, 31), Standard);
    assert_eq!(last.start.deadline, Some(d(2015, 4, 13)));
    assert_eq!(last.completion.deadline, Some(d(2015, 6, 30)));
    assert!(last.rules[0].statute.contains("26 § 2 mom."));
    // Wednesday 1.4.2015: the Social Welfare Act's day, and 26 § 5 mom. (1302/2014).
    let first = eval(&child_case(d(2015, 4, 1)), d(2015, 12, 31), Standard);
    assert!(first.rules[0].statute.contains("26 § 5 mom."));
}

#[test]
fn an_old_act_3_month_deadline_on_christmas_eve_moves_only_in_the_standard_reading() {
    // Monday 24.9.2012 -> Monday 24.12.2012, Christmas Eve; Christmas Day and St Stephen's Day
    // follow, so the standard reading moves it to Thursday 27.12.2012.
    let pending = d(2012, 9, 24);
    let standard = eval(&child_case(pending), d(2013, 6, 1), Standard);
    assert_eq!(standard.completion.deadline, Some(d(2012, 12, 27)));
    let conservative = eval(&child_case(pending), d(2013, 6, 1), Conservative);
    assert_eq!(conservative.completion.deadline, Some(d(2012, 12, 24)));
}

#[test]
fn an_old_act_3_month_deadline_on_a_sunday_moves_only_in_the_standard_reading() {
    // Saturday 13.7.2013 -> Sunday 13.10.2013 -> Monday 14.10.2013 in the standard reading.
    let pending = d(2013, 7, 13);
    let standard = eval(&child_case(pending), d(2014, 6, 1), Standard);
    assert_eq!(standard.completion.deadline, Some(d(2013, 10, 14)));
    let conservative = eval(&child_case(pending), d(2014, 6, 1), Conservative);
    assert_eq!(conservative.completion.deadline, Some(d(2013, 10, 13)));
}

#[test]
fn the_disabled_persons_rule_of_2009_was_added_by_act_981_2008() {
    // Tuesday 1.9.2009, the first day of 380/1987 3 a §.
    let c = Case {
        pending: d(2009, 9, 1),
        disabled: true,
        ..Case::default()
    };
    let e = eval(&c, d(2009, 12, 31), Standard);
    assert_eq!(groups(&e), [Group::Disabled]);
    assert!(e.rules[0].statute.contains("380/1987, 3 a § (981/2008)"));
    for rule in RULES {
        assert!(!rule.statute.contains("19/2009"), "{rule:?}");
    }
}
