//! After the assessment: the decision and the service that follows it, one test per sentence of
//! the law (docs/LAW.md, "After the assessment"). Expected dates are worked out by hand
//! from a wall calendar (weekdays and holidays named in the comments), not from the code.

use chrono::NaiveDate;
use maaraika::calendar::Reading::{self, Conservative, Standard};
use maaraika::evaluation::{evaluate, Case, CaseError, Evaluation, Person, Status};
use maaraika::rules::{Group, Milestone};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn eval(case: &Case, as_of: NaiveDate, reading: Reading) -> Evaluation {
    evaluate(case, as_of, reading).unwrap()
}

fn disabled(pending: NaiveDate, decision: Option<NaiveDate>) -> Case {
    Case {
        pending,
        disabled: true,
        decision,
        ..Case::default()
    }
}

fn statute(e: &Evaluation, milestone: Milestone) -> String {
    e.deadlines()
        .find(|d| d.milestone == milestone)
        .unwrap()
        .statutes()
        .join("; ")
}

#[test]
fn a_disabled_persons_application_pending_from_1_september_2009_is_decided_within_3_months() {
    // Tuesday 1.9.2009, the first day of 380/1987 3 a § (981/2008): three months on is
    // Tuesday 1.12.2009, a working day.
    let on_time = eval(
        &disabled(d(2009, 9, 1), Some(d(2009, 12, 1))),
        d(2010, 6, 1),
        Standard,
    );
    assert_eq!(on_time.decision.deadline, Some(d(2009, 12, 1)));
    assert_eq!(on_time.decision.status, Status::Met);
    assert!(statute(&on_time, Milestone::Decision).contains("380/1987, 3 a § 3 mom."));
    // Decided on Wednesday 2.12.2009: one working day late.
    let late = eval(
        &disabled(d(2009, 9, 1), Some(d(2009, 12, 2))),
        d(2010, 6, 1),
        Standard,
    );
    assert_eq!(late.decision.status, Status::Late);
    assert_eq!(late.decision.working_days_late, Some(1));
    // Not decided by Wednesday 2.12.2009: overdue by one working day.
    let open = eval(&disabled(d(2009, 9, 1), None), d(2009, 12, 2), Standard);
    assert_eq!(open.decision.status, Status::Overdue);
    assert_eq!(open.decision.working_days_overdue, Some(1));
}

#[test]
fn before_1_september_2009_a_disabled_persons_application_had_no_decision_limit() {
    // Monday 31.8.2009.
    let e = eval(&disabled(d(2009, 8, 31), None), d(2010, 6, 1), Standard);
    assert!(e.groups.is_empty());
    assert_eq!(e.decision.deadline, None);
    assert_eq!(e.decision.status, Status::None);
}

#[test]
fn applications_still_pending_on_1_january_2025_keep_the_3_month_decision_limit() {
    // Tuesday 31.12.2024: still under 380/1987 (675/2023 42 § 2 mom.); three months on is
    // Monday 31.3.2025.
    let e = eval(&disabled(d(2024, 12, 31), None), d(2025, 3, 31), Standard);
    assert_eq!(groups(&e), [Group::Disabled]);
    assert_eq!(e.decision.deadline, Some(d(2025, 3, 31)));
    assert_eq!(e.decision.status, Status::Due);
    assert!(statute(&e, Milestone::Decision).contains("675/2023 42 § 2 mom."));
    // Wednesday 1.1.2025: the new act has no day count for the decision.
    let new_act = eval(&disabled(d(2025, 1, 1), None), d(2025, 6, 1), Standard);
    assert_eq!(groups(&new_act), [Group::Disabled]);
    assert_eq!(new_act.decision.deadline, None);
    assert_eq!(new_act.decision.status, Status::None);
    assert!(statute(&new_act, Milestone::Decision).contains("1301/2014, 45 § 1 mom."));
}

#[test]
fn a_3_month_decision_limit_on_new_years_day_moves_only_in_the_standard_reading() {
    // Tuesday 1.10.2024 -> Wednesday 1.1.2025, New Year's Day -> Thursday 2.1.2025.
    let case = disabled(d(2024, 10, 1), None);
    let standard = eval(&case, d(2024, 12, 31), Standard);
    assert_eq!(standard.decision.deadline, Some(d(2025, 1, 2)));
    let conservative = eval(&case, d(2024, 12, 31), Conservative);
    assert_eq!(conservative.decision.deadline, Some(d(2025, 1, 1)));
}

#[test]
fn other_decisions_have_no_day_count_but_the_elapsed_working_days_are_shown() {
    // Monday 23.11.2026, not decided by Wednesday 2.12.2026: Tue 24 (1) Wed 25 (2) Thu 26 (3)
    // Fri 27 (4) Mon 30 (5) Tue 1.12 (6) Wed 2.12 (7).
    let case = Case {
        pending: d(2026, 11, 23),
        person: Person::Age(80),
        ..Case::default()
    };
    let e = eval(&case, d(2026, 12, 2), Standard);
    assert_eq!(e.decision.status, Status::None);
    assert_eq!(e.decision_elapsed_working_days(), 7);
    let decision = e
        .deadlines()
        .find(|d| d.milestone == Milestone::Decision)
        .unwrap();
    assert_eq!(decision.elapsed_working_days(), Some(7));
    assert!(statute(&e, Milestone::Decision).contains("45 § 1 mom."));
}

fn service(pending: NaiveDate, decision: Option<NaiveDate>) -> Case {
    Case {
        pending,
        decision,
        ..Case::default()
    }
}

#[test]
fn from_1_april_2015_a_granted_service_begins_within_3_months_of_the_matter_becoming_pending() {
    // Wednesday 1.4.2015 -> Wednesday 1.7.2015; decided on 15.5.2015, begun on 1.7.2015: met.
    let case = Case {
        implemented: Some(d(2015, 7, 1)),
        ..service(d(2015, 4, 1), Some(d(2015, 5, 15)))
    };
    let e = eval(&case, d(2015, 12, 31), Standard);
    assert_eq!(e.implementation.deadline, Some(d(2015, 7, 1)));
    assert_eq!(e.implementation.status, Status::Met);
    assert!(statute(&e, Milestone::Implementation).contains("1301/2014, 45 § 2 mom."));
    // Tuesday 31.3.2015, under the old act: no such limit.
    let old = eval(
        &service(d(2015, 3, 31), Some(d(2015, 5, 15))),
        d(2015, 12, 31),
        Standard,
    );
    assert_eq!(old.implementation.deadline, None);
    assert_eq!(old.implementation.status, Status::None);
}

#[test]
fn the_implementation_limit_applies_once_a_decision_is_recorded() {
    let e = eval(&service(d(2026, 6, 1), None), d(2026, 12, 31), Standard);
    assert_eq!(e.implementation.deadline, None);
    assert_eq!(e.implementation.status, Status::None);
    assert!(e.service_rules.is_empty());
}

#[test]
fn an_urgent_service_is_to_begin_without_delay_which_is_no_day_count() {
    // Urgent, pending Monday 20.4.2026, decided Wednesday 22.4.2026: "without delay" (1301/2014
    // 45 § 2 mom.) gives no day to count to, so no deadline and no verdict; the working days
    // since the decision are shown instead: 1 by Thursday 23.4.2026.
    let case = Case {
        urgent: true,
        ..service(d(2026, 4, 20), Some(d(2026, 4, 22)))
    };
    let e = eval(&case, d(2026, 4, 23), Standard);
    assert_eq!(e.implementation.deadline, None);
    assert_eq!(e.implementation.status, Status::None);
    assert!(statute(&e, Milestone::Implementation).contains("urgent, without delay"));
    let service = e.deadlines().nth(3).unwrap();
    assert_eq!(service.elapsed_working_days(), Some(1));
}

#[test]
fn from_1_july_2013_an_older_persons_service_begins_within_3_months_of_the_decision() {
    // Monday 1.7.2013, decided Thursday 15.8.2013: by Friday 15.11.2013 (980/2012 18 §); the
    // Social Welfare Act's 45 § did not apply yet.
    let case = Case {
        older_person: true,
        ..service(d(2013, 7, 1), Some(d(2013, 8, 15)))
    };
    let e = eval(&case, d(2013, 11, 15), Standard);
    assert_eq!(e.implementation.deadline, Some(d(2013, 11, 15)));
    assert_eq!(e.implementation.status, Status::Due);
    let cited = statute(&e, Milestone::Implementation);
    assert!(cited.contains("980/2012, 18 §"), "{cited}");
    assert!(!cited.contains("45 §"), "{cited}");
    // Sunday 30.6.2013: before the act.
    let before = Case {
        older_person: true,
        ..service(d(2013, 6, 30), Some(d(2013, 8, 15)))
    };
    assert_eq!(
        eval(&before, d(2013, 11, 15), Standard)
            .implementation
            .deadline,
        None
    );
}

#[test]
fn both_implementation_limits_apply_and_the_earliest_wins_with_both_named() {
    // Older person pending Monday 1.6.2026, decided Saturday 15.8.2026: 45 § gives Tuesday
    // 1.9.2026; 18 § gives Sunday 15.11.2026 (Monday 16.11 in the standard reading). 1.9 wins.
    let case = Case {
        older_person: true,
        ..service(d(2026, 6, 1), Some(d(2026, 8, 15)))
    };
    let e = eval(&case, d(2026, 8, 20), Standard);
    assert_eq!(e.implementation.deadline, Some(d(2026, 9, 1)));
    let cited = statute(&e, Milestone::Implementation);
    assert!(
        cited.contains("45 § 2 mom.") && cited.contains("980/2012, 18 §"),
        "{cited}"
    );
}

#[test]
fn a_3_month_implementation_limit_on_midsummer_eve_moves_only_in_the_standard_reading() {
    // Thursday 19.3.2026 -> Friday 19.6.2026, Midsummer Eve; Saturday 20.6 is Midsummer Day, so
    // the standard reading gives Monday 22.6.2026.
    let case = service(d(2026, 3, 19), Some(d(2026, 4, 1)));
    let standard = eval(&case, d(2026, 5, 1), Standard);
    assert_eq!(standard.implementation.deadline, Some(d(2026, 6, 22)));
    let conservative = eval(&case, d(2026, 5, 1), Conservative);
    assert_eq!(conservative.implementation.deadline, Some(d(2026, 6, 19)));
}

#[test]
fn a_decision_before_the_pending_date_or_a_service_before_the_decision_is_impossible() {
    let before = service(d(2026, 6, 1), Some(d(2026, 5, 31)));
    assert!(matches!(
        evaluate(&before, d(2026, 7, 1), Standard),
        Err(CaseError::DecisionBeforePending { .. })
    ));
    let service_first = Case {
        implemented: Some(d(2026, 6, 9)),
        ..service(d(2026, 6, 1), Some(d(2026, 6, 10)))
    };
    assert!(matches!(
        evaluate(&service_first, d(2026, 7, 1), Standard),
        Err(CaseError::ImplementedBeforeDecision { .. })
    ));
    let no_decision = Case {
        implemented: Some(d(2026, 6, 9)),
        ..service(d(2026, 6, 1), None)
    };
    assert!(matches!(
        evaluate(&no_decision, d(2026, 7, 1), Standard),
        Err(CaseError::ImplementedWithoutDecision)
    ));
}

#[test]
fn an_overdue_decision_or_service_makes_the_case_overdue() {
    let open = eval(&disabled(d(2009, 9, 1), None), d(2009, 12, 2), Standard);
    assert_eq!(open.start.status, Status::Overdue);
    let started = Case {
        started: Some(d(2009, 9, 2)),
        ..disabled(d(2009, 9, 1), None)
    };
    let e = eval(&started, d(2009, 12, 2), Standard);
    assert_eq!(e.start.status, Status::Met);
    assert!(e.is_overdue(), "the decision is overdue");
}

fn groups(e: &Evaluation) -> Vec<Group> {
    e.groups.iter().collect()
}
