//! Social assistance (1412/1997): a test per sentence of the law, with dates worked by hand from
//! a wall calendar (holidays from the table in docs/LAW.md), never from the code's output.

use chrono::NaiveDate;
use maaraika::assistance::rules::AssistanceMilestone;
use maaraika::assistance::{
    evaluate_application, Application, ApplicationError, RecordedMilestones,
};
use maaraika::{Reading, Status};

fn d(day: u32, month: u32, year: i32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).unwrap()
}

fn app(arrival: NaiveDate) -> Application {
    Application {
        arrival,
        ..Application::default()
    }
}

/// The decision's deadline, status and statute, as of `as_of`, in `reading`.
fn decision(
    a: &Application,
    as_of: NaiveDate,
    reading: Reading,
) -> (Option<NaiveDate>, Status, &'static str) {
    let e = evaluate_application(a, RecordedMilestones::ALL, as_of, reading).unwrap();
    let v = e.verdict(AssistanceMilestone::Decision);
    (v.deadline(), v.status().unwrap(), v.statute)
}

fn decision_deadline(a: &Application, reading: Reading) -> NaiveDate {
    decision(a, d(1, 1, 2027), reading).0.unwrap()
}

// 14 a § 1 mom. (1023/2022): "Päätös on tehtävä ... viimeistään seitsemäntenä arkipäivänä
// hakemuksen saapumisesta": by the 7th working day after the application arrived.

#[test]
fn decision_by_the_7th_working_day_after_arrival_tuesday_to_thursday_of_the_next_week() {
    // Tue 3.3.2026: Wed 4 (1), Thu 5, Fri 6, Mon 9, Tue 10, Wed 11, Thu 12.3 (7).
    let a = app(d(3, 3, 2026));
    let (deadline, _, statute) = decision(&a, d(4, 3, 2026), Reading::Standard);
    assert_eq!(deadline, Some(d(12, 3, 2026)));
    assert!(statute.contains("14 a § 1 mom. (1023/2022)"), "{statute}");
}

#[test]
fn decision_on_the_7th_working_day_is_met_and_on_the_8th_late_by_one() {
    let mut a = app(d(3, 3, 2026));
    a.decision = Some(d(12, 3, 2026));
    assert_eq!(
        decision(&a, d(30, 3, 2026), Reading::Standard).1,
        Status::Met
    );
    a.decision = Some(d(13, 3, 2026));
    let e = evaluate_application(
        &a,
        RecordedMilestones::ALL,
        d(30, 3, 2026),
        Reading::Standard,
    )
    .unwrap();
    let v = e.verdict(AssistanceMilestone::Decision);
    assert_eq!(v.status(), Some(Status::Late));
    assert_eq!(v.outcome.unwrap().working_days_late, Some(1));
    // Tue 3.3 to Fri 13.3: 8 working days elapsed.
    assert_eq!(v.elapsed_working_days, Some(8));
}

#[test]
fn undecided_past_the_7th_working_day_is_overdue() {
    let a = app(d(3, 3, 2026));
    let e = evaluate_application(
        &a,
        RecordedMilestones::ALL,
        d(16, 3, 2026),
        Reading::Standard,
    )
    .unwrap();
    let v = e.verdict(AssistanceMilestone::Decision);
    assert_eq!(v.status(), Some(Status::Overdue));
    // Thu 12.3 → Fri 13 (1), Mon 16 (2).
    assert_eq!(v.outcome.unwrap().working_days_overdue, Some(2));
    assert!(e.is_overdue());
}

#[test]
fn a_friday_arrival_counts_from_the_monday_as_day_one() {
    // Fri 6.3.2026: Mon 9 (1) … Fri 13 (5), Mon 16 (6), Tue 17.3 (7).
    assert_eq!(
        decision_deadline(&app(d(6, 3, 2026)), Reading::Standard),
        d(17, 3, 2026)
    );
}

#[test]
fn an_application_arriving_on_a_saturday_arrives_on_the_monday() {
    // Sat 7.3.2026 arrives Mon 9.3 (day 0): Tue 10 (1) … Fri 13 (4), Mon 16 (5), Tue 17 (6),
    // Wed 18.3 (7).
    let a = app(d(7, 3, 2026));
    assert_eq!(decision_deadline(&a, Reading::Standard), d(18, 3, 2026));
    let e = evaluate_application(
        &a,
        RecordedMilestones::ALL,
        d(9, 3, 2026),
        Reading::Standard,
    )
    .unwrap();
    assert_eq!(e.arrived, d(9, 3, 2026));
}

#[test]
fn easter_good_friday_and_easter_monday_are_not_working_days() {
    // Easter 2026: Good Friday 3.4, Easter Monday 6.4. Wed 1.4: Thu 2 (1), Tue 7 (2), Wed 8 (3),
    // Thu 9 (4), Fri 10 (5), Mon 13 (6), Tue 14.4 (7).
    assert_eq!(
        decision_deadline(&app(d(1, 4, 2026)), Reading::Standard),
        d(14, 4, 2026)
    );
    // Arriving on Good Friday: arrives Tue 7.4; Wed 8 (1) … Thu 16.4 (7).
    assert_eq!(
        decision_deadline(&app(d(3, 4, 2026)), Reading::Standard),
        d(16, 4, 2026)
    );
}

#[test]
fn midsummer_eve_is_not_a_working_day_in_the_standard_reading_and_is_in_the_conservative() {
    // Midsummer Eve Fri 19.6.2026. Wed 17.6: standard Thu 18 (1), Mon 22 (2) … Fri 26 (6),
    // Mon 29.6 (7); conservative Thu 18 (1), Fri 19 (2), Mon 22 (3) … Fri 26.6 (7).
    let a = app(d(17, 6, 2026));
    assert_eq!(decision_deadline(&a, Reading::Standard), d(29, 6, 2026));
    assert_eq!(decision_deadline(&a, Reading::Conservative), d(26, 6, 2026));
}

#[test]
fn the_year_end_skips_christmas_new_year_and_epiphany() {
    // Mon 22.12.2025. Standard: Tue 23 (1), [24 eve, 25, 26, weekend], Mon 29 (2), Tue 30 (3),
    // Wed 31 (4), [Thu 1.1], Fri 2.1 (5), Mon 5.1 (6), [Tue 6.1 Epiphany], Wed 7.1.2026 (7).
    // Conservative: Christmas Eve counts: Tue 23 (1), Wed 24 (2), … Mon 5.1.2026 (7).
    let a = app(d(22, 12, 2025));
    assert_eq!(decision_deadline(&a, Reading::Standard), d(7, 1, 2026));
    assert_eq!(decision_deadline(&a, Reading::Conservative), d(5, 1, 2026));
}

// 14 b § (urgent): "kiireellisessä tapauksessa ... viimeistään hakemuksen saapumista seuraavana
// arkipäivänä": the same day or the next working day.

#[test]
fn urgent_decision_the_same_or_the_next_working_day() {
    let mut a = app(d(6, 3, 2026));
    a.urgent = true;
    // Fri 6.3.2026: the next working day is Mon 9.3.
    let (deadline, _, statute) = decision(&a, d(6, 3, 2026), Reading::Standard);
    assert_eq!(deadline, Some(d(9, 3, 2026)));
    assert!(statute.contains("14 b §"), "{statute}");
    a.decision = Some(d(6, 3, 2026));
    assert_eq!(
        decision(&a, d(6, 3, 2026), Reading::Standard).1,
        Status::Met
    );
    a.decision = Some(d(10, 3, 2026));
    assert_eq!(
        decision(&a, d(10, 3, 2026), Reading::Standard).1,
        Status::Late
    );
}

#[test]
fn urgent_on_a_saturday_arrives_monday_and_is_decided_by_tuesday() {
    let mut a = app(d(7, 3, 2026));
    a.urgent = true;
    assert_eq!(decision_deadline(&a, Reading::Standard), d(10, 3, 2026));
}

#[test]
fn urgent_before_christmas_in_both_readings() {
    // Wed 23.12.2026: standard: Thu 24 eve, Fri 25, weekend: Mon 28.12; conservative: Thu 24.12.
    let mut a = app(d(23, 12, 2026));
    a.urgent = true;
    assert_eq!(decision_deadline(&a, Reading::Standard), d(28, 12, 2026));
    assert_eq!(
        decision_deadline(&a, Reading::Conservative),
        d(24, 12, 2026)
    );
}

#[test]
fn urgent_is_decided_on_the_information_at_hand_a_request_does_not_restart_it() {
    let mut a = app(d(6, 3, 2026));
    a.urgent = true;
    a.info_requested = Some(d(6, 3, 2026));
    a.info_received = Some(d(20, 3, 2026));
    assert_eq!(decision_deadline(&a, Reading::Standard), d(9, 3, 2026));
}

// 14 a § 3 mom.: a request to complete the application by the 7th working day after arrival,
// and the decision by the 7th working day after the completed application arrived.

#[test]
fn request_for_more_information_by_the_7th_working_day() {
    let mut a = app(d(3, 3, 2026));
    a.info_requested = Some(d(12, 3, 2026));
    let e = evaluate_application(
        &a,
        RecordedMilestones::ALL,
        d(12, 3, 2026),
        Reading::Standard,
    )
    .unwrap();
    let v = e.verdict(AssistanceMilestone::InfoRequest);
    assert_eq!(v.deadline(), Some(d(12, 3, 2026)));
    assert_eq!(v.status(), Some(Status::Met));
    assert!(v.statute.contains("14 a § 3 mom."), "{}", v.statute);
    a.info_requested = Some(d(13, 3, 2026));
    let e = evaluate_application(
        &a,
        RecordedMilestones::ALL,
        d(13, 3, 2026),
        Reading::Standard,
    )
    .unwrap();
    let v = e.verdict(AssistanceMilestone::InfoRequest);
    assert_eq!(v.status(), Some(Status::Late));
    assert_eq!(v.outcome.unwrap().working_days_late, Some(1));
}

#[test]
fn no_request_sent_owes_no_request() {
    let a = app(d(3, 3, 2026));
    let e = evaluate_application(
        &a,
        RecordedMilestones::ALL,
        d(30, 3, 2026),
        Reading::Standard,
    )
    .unwrap();
    let v = e.verdict(AssistanceMilestone::InfoRequest);
    assert_eq!(v.status(), Some(Status::None));
    assert_eq!(v.deadline(), None);
}

#[test]
fn after_a_request_a_new_7_working_day_clock_from_the_completed_application() {
    // Arrived Tue 3.3.2026, request Mon 9.3, completed application Fri 20.3: Mon 23 (1) …
    // Fri 27 (5), Mon 30 (6), Tue 31.3.2026 (7). The first deadline 12.3 no longer applies.
    let mut a = app(d(3, 3, 2026));
    a.info_requested = Some(d(9, 3, 2026));
    a.info_received = Some(d(20, 3, 2026));
    a.decision = Some(d(25, 3, 2026));
    let (deadline, status, statute) = decision(&a, d(31, 3, 2026), Reading::Standard);
    assert_eq!(deadline, Some(d(31, 3, 2026)));
    assert_eq!(status, Status::Met);
    assert!(statute.contains("14 a § 3 mom."), "{statute}");
    a.decision = Some(d(1, 4, 2026));
    assert_eq!(
        decision(&a, d(1, 4, 2026), Reading::Standard).1,
        Status::Late
    );
}

#[test]
fn the_new_clock_restarts_it_does_not_pause() {
    // A pause would have kept the 4 working days used before the request (Wed 4 – Mon 9.3)
    // and ended on Wed 25.3; the restart gives the full 7 from Fri 20.3: Tue 31.3.
    let mut a = app(d(3, 3, 2026));
    a.info_requested = Some(d(9, 3, 2026));
    a.info_received = Some(d(20, 3, 2026));
    assert_eq!(decision_deadline(&a, Reading::Standard), d(31, 3, 2026));
}

#[test]
fn without_an_answer_the_clock_runs_from_the_day_the_reply_time_ran_out() {
    // Reply due Fri 13.3.2026, no answer: Mon 16 (1) … Fri 20 (5), Mon 23 (6), Tue 24.3 (7).
    let mut a = app(d(3, 3, 2026));
    a.info_requested = Some(d(5, 3, 2026));
    a.info_reply_due = Some(d(13, 3, 2026));
    let e = evaluate_application(
        &a,
        RecordedMilestones::ALL,
        d(25, 3, 2026),
        Reading::Standard,
    )
    .unwrap();
    let v = e.verdict(AssistanceMilestone::Decision);
    assert_eq!(v.deadline(), Some(d(24, 3, 2026)));
    assert_eq!(v.status(), Some(Status::Overdue));
    // A late answer (after the reply time ran out) does not move the clock later.
    a.info_received = Some(d(18, 3, 2026));
    assert_eq!(decision_deadline(&a, Reading::Standard), d(24, 3, 2026));
    // An answer before the reply time ran out starts it from the answer: Tue 10.3 → Thu 19.3.
    a.info_received = Some(d(10, 3, 2026));
    assert_eq!(decision_deadline(&a, Reading::Standard), d(19, 3, 2026));
}

#[test]
fn a_completed_application_arriving_on_a_saturday_arrives_on_the_monday() {
    // Sat 14.3.2026 → Mon 16.3 (day 0): Tue 17 (1) … Wed 25.3 (7).
    let mut a = app(d(3, 3, 2026));
    a.info_requested = Some(d(9, 3, 2026));
    a.info_received = Some(d(14, 3, 2026));
    assert_eq!(decision_deadline(&a, Reading::Standard), d(25, 3, 2026));
}

#[test]
fn a_completed_application_before_easter_counts_past_the_easter_holidays() {
    // Thu 2.4.2026: Tue 7 (1), Wed 8, Thu 9, Fri 10, Mon 13, Tue 14, Wed 15.4 (7).
    let mut a = app(d(20, 3, 2026));
    a.info_requested = Some(d(24, 3, 2026));
    a.info_received = Some(d(2, 4, 2026));
    assert_eq!(decision_deadline(&a, Reading::Standard), d(15, 4, 2026));
}

// 14 d § 2–3 mom.: a personal meeting by the 7th working day after the client asked.

#[test]
fn meeting_offered_by_the_7th_working_day_after_the_client_asked() {
    let mut a = app(d(2, 3, 2026));
    a.meeting_requested = Some(d(6, 3, 2026));
    // Asked Fri 6.3.2026: Tue 17.3.
    let e = evaluate_application(
        &a,
        RecordedMilestones::ALL,
        d(17, 3, 2026),
        Reading::Standard,
    )
    .unwrap();
    let v = e.verdict(AssistanceMilestone::Meeting);
    assert_eq!(v.deadline(), Some(d(17, 3, 2026)));
    assert_eq!(v.status(), Some(Status::Due));
    assert_eq!(v.outcome.unwrap().working_days_remaining, Some(0));
    assert!(v.statute.contains("14 d §"), "{}", v.statute);
    a.meeting = Some(d(18, 3, 2026));
    let e = evaluate_application(
        &a,
        RecordedMilestones::ALL,
        d(18, 3, 2026),
        Reading::Standard,
    )
    .unwrap();
    assert_eq!(
        e.verdict(AssistanceMilestone::Meeting).status(),
        Some(Status::Late)
    );
}

#[test]
fn no_meeting_asked_for_owes_no_meeting() {
    let e = evaluate_application(
        &app(d(2, 3, 2026)),
        RecordedMilestones::ALL,
        d(30, 3, 2026),
        Reading::Standard,
    )
    .unwrap();
    assert_eq!(
        e.verdict(AssistanceMilestone::Meeting).status(),
        Some(Status::None)
    );
}

// 14 a §: the decision carried out without delay: no day count; the working days are shown.

#[test]
fn payment_without_delay_has_no_day_count_and_shows_the_working_days_elapsed() {
    let mut a = app(d(3, 3, 2026));
    a.decision = Some(d(9, 3, 2026));
    // Not paid as of Mon 30.3.2026: Tue 10 – Fri 13 (4), 16–20 (5), 23–27 (5), Mon 30 (1) = 15.
    let e = evaluate_application(
        &a,
        RecordedMilestones::ALL,
        d(30, 3, 2026),
        Reading::Standard,
    )
    .unwrap();
    let v = e.verdict(AssistanceMilestone::Payment);
    assert_eq!(v.status(), Some(Status::None));
    assert_eq!(v.deadline(), None);
    assert_eq!(v.elapsed_working_days, Some(15));
    assert!(v.statute.contains("without delay"), "{}", v.statute);
    // Paid Fri 13.3: 4 working days after the decision.
    a.paid = Some(d(13, 3, 2026));
    let e = evaluate_application(
        &a,
        RecordedMilestones::ALL,
        d(30, 3, 2026),
        Reading::Standard,
    )
    .unwrap();
    assert_eq!(
        e.verdict(AssistanceMilestone::Payment).elapsed_working_days,
        Some(4)
    );
}

#[test]
fn a_list_without_a_payment_column_gives_no_payment_verdict() {
    let mut a = app(d(3, 3, 2026));
    a.decision = Some(d(9, 3, 2026));
    let recorded = RecordedMilestones {
        payment: false,
        ..RecordedMilestones::ALL
    };
    let e = evaluate_application(&a, recorded, d(30, 3, 2026), Reading::Standard).unwrap();
    let v = e.verdict(AssistanceMilestone::Payment);
    assert_eq!(v.outcome, None);
    assert_eq!(v.status_key(), "not_recorded");
}

// The sections by period, and no day count before 1.1.2008.

#[test]
fn before_1_1_2008_there_was_no_day_count() {
    let (deadline, status, statute) =
        decision(&app(d(31, 12, 2007)), d(31, 3, 2008), Reading::Standard);
    assert_eq!(deadline, None);
    assert_eq!(status, Status::None);
    assert!(statute.contains("no day count"), "{statute}");
}

#[test]
fn from_1_1_2008_the_7_working_days_of_14_a_by_1202_2007() {
    // New Year's Day 1.1.2008 (a holiday) arrives Wed 2.1: Thu 3 (1), Fri 4, Mon 7, Tue 8, Wed 9,
    // Thu 10, Fri 11.1.2008 (7); Epiphany 6.1.2008 was a Sunday.
    let (deadline, _, statute) = decision(&app(d(1, 1, 2008)), d(2, 1, 2008), Reading::Standard);
    assert_eq!(deadline, Some(d(11, 1, 2008)));
    assert!(statute.contains("14 a § 1 mom. (1202/2007)"), "{statute}");
}

#[test]
fn in_2017_to_2022_the_counties_clocks_are_in_14_b_14_c_and_14_e() {
    // Fri 30.12.2016 still under 14 a §: Mon 2.1.2017 (1) … Thu 5 (4), [Fri 6.1 Epiphany],
    // Mon 9 (5), Tue 10 (6), Wed 11.1.2017 (7).
    let (deadline, _, statute) = decision(&app(d(30, 12, 2016)), d(2, 1, 2017), Reading::Standard);
    assert_eq!(deadline, Some(d(11, 1, 2017)));
    assert!(statute.contains("14 a § 1 mom. (1202/2007)"), "{statute}");
    let mut a = app(d(2, 1, 2017));
    a.meeting_requested = Some(d(2, 1, 2017));
    a.info_requested = Some(d(4, 1, 2017));
    let e = evaluate_application(
        &a,
        RecordedMilestones::ALL,
        d(3, 1, 2017),
        Reading::Standard,
    )
    .unwrap();
    assert!(e
        .verdict(AssistanceMilestone::Decision)
        .statute
        .contains("14 c § 3 mom."));
    assert!(e
        .verdict(AssistanceMilestone::InfoRequest)
        .statute
        .contains("14 c § 3 mom."));
    assert!(e
        .verdict(AssistanceMilestone::Meeting)
        .statute
        .contains("14 e §"));
    a.info_requested = None;
    let e = evaluate_application(
        &a,
        RecordedMilestones::ALL,
        d(3, 1, 2017),
        Reading::Standard,
    )
    .unwrap();
    assert!(e
        .verdict(AssistanceMilestone::Decision)
        .statute
        .contains("14 c §"));
    a.urgent = true;
    let e = evaluate_application(
        &a,
        RecordedMilestones::ALL,
        d(3, 1, 2017),
        Reading::Standard,
    )
    .unwrap();
    assert!(e
        .verdict(AssistanceMilestone::Decision)
        .statute
        .contains("14 b §"));
}

#[test]
fn from_2023_14_a_by_1023_2022_and_the_meeting_in_14_d() {
    let mut a = app(d(30, 12, 2022));
    let e = evaluate_application(
        &a,
        RecordedMilestones::ALL,
        d(2, 1, 2023),
        Reading::Standard,
    )
    .unwrap();
    assert!(e
        .verdict(AssistanceMilestone::Decision)
        .statute
        .contains("14 c §"));
    a.arrival = d(2, 1, 2023);
    a.meeting_requested = Some(d(2, 1, 2023));
    let e = evaluate_application(
        &a,
        RecordedMilestones::ALL,
        d(2, 1, 2023),
        Reading::Standard,
    )
    .unwrap();
    assert!(e
        .verdict(AssistanceMilestone::Decision)
        .statute
        .contains("14 a § 1 mom. (1023/2022)"));
    assert!(e
        .verdict(AssistanceMilestone::Meeting)
        .statute
        .contains("14 d § 2–3 mom."));
}

// Dates that cannot all be true.

#[test]
fn impossible_chains_are_refused_with_the_column_to_fix() {
    let base = app(d(3, 3, 2026));
    type Change = fn(&mut Application);
    let cases: [(Change, &str); 6] = [
        (|a| a.decision = Some(d(2, 3, 2026)), "decision_date"),
        (
            |a| {
                a.info_requested = Some(d(9, 3, 2026));
                a.info_received = Some(d(6, 3, 2026));
            },
            "info_received_date",
        ),
        (
            |a| a.info_received = Some(d(6, 3, 2026)),
            "info_received_date",
        ),
        (
            |a| {
                a.decision = Some(d(9, 3, 2026));
                a.paid = Some(d(6, 3, 2026));
            },
            "paid_date",
        ),
        (|a| a.paid = Some(d(6, 3, 2026)), "paid_date"),
        (
            |a| {
                a.meeting_requested = Some(d(9, 3, 2026));
                a.meeting = Some(d(6, 3, 2026));
            },
            "meeting_date",
        ),
    ];
    for (change, column) in cases {
        let mut a = base;
        change(&mut a);
        let err = evaluate_application(
            &a,
            RecordedMilestones::ALL,
            d(30, 3, 2026),
            Reading::Standard,
        )
        .unwrap_err();
        assert_eq!(err.column(), Some(column), "{err}");
        assert!(matches!(
            err,
            ApplicationError::Before { .. } | ApplicationError::Without { .. }
        ));
    }
}

#[test]
fn the_standing_is_the_milestone_that_matters_most_now() {
    // Decided late, meeting overdue: the overdue meeting comes first.
    let mut a = app(d(3, 3, 2026));
    a.decision = Some(d(13, 3, 2026));
    a.meeting_requested = Some(d(3, 3, 2026));
    let e = evaluate_application(
        &a,
        RecordedMilestones::ALL,
        d(30, 3, 2026),
        Reading::Standard,
    )
    .unwrap();
    assert_eq!(
        e.standing().unwrap().milestone,
        AssistanceMilestone::Meeting
    );
    assert_eq!(e.standing().unwrap().status(), Some(Status::Overdue));
}
