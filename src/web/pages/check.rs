//! The check page (`GET /`, `/check`): one case's groups, deadlines and status, and why.

use axum::extract::{Query, Request, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use chrono::{Datelike, Duration, NaiveDate};
use maud::{html, Markup};
use serde::Deserialize;

use super::layout::{
    day, error_box, html_response, layout, read_form, reading_fieldset, shown, status_badge,
    LangQuery, Nav,
};
use crate::answer::CheckAnswer;
use crate::calendar::{calendar, Reading};
use crate::dates::{finnish, today_in_finland};
use crate::evaluation::{Case, MilestoneOutcome};
use crate::labels::capitalised;
use crate::rules::Milestone;
use crate::web::api::CheckRequest;
use crate::web::failure::Failure;
use crate::web::lang::{Texts, UiLang};
use crate::web::state::AppState;

/// The check form as filled in. The identity code is never put back into the form.
#[derive(Deserialize, Default, Debug)]
pub struct CheckForm {
    lang: Option<String>,
    pending: Option<String>,
    birth_date: Option<String>,
    hetu: Option<String>,
    age: Option<String>,
    urgent: Option<String>,
    care_allowance: Option<String>,
    disabled: Option<String>,
    child_special_support: Option<String>,
    child_welfare: Option<String>,
    started: Option<String>,
    completed: Option<String>,
    decision: Option<String>,
    implemented: Option<String>,
    older_person: Option<String>,
    as_of: Option<String>,
    reading: Option<String>,
}

impl CheckForm {
    fn request(&self) -> Result<CheckRequest, Failure> {
        let text = |v: &Option<String>| v.clone().filter(|t| !t.trim().is_empty());
        let age = match text(&self.age) {
            None => None,
            Some(age) => Some(age.trim().parse::<u32>().map_err(|_| {
                Failure::bad_request(format!(
                    "age: `{}` is not a whole number of years",
                    age.trim()
                ))
            })?),
        };
        Ok(CheckRequest {
            pending: text(&self.pending),
            birth_date: text(&self.birth_date),
            hetu: text(&self.hetu),
            age,
            care_allowance: self.care_allowance.is_some(),
            disabled: self.disabled.is_some(),
            child_special_support: self.child_special_support.is_some(),
            child_welfare: self.child_welfare.is_some(),
            urgent: self.urgent.is_some(),
            started: text(&self.started),
            completed: text(&self.completed),
            decision: text(&self.decision),
            implemented: text(&self.implemented),
            older_person: self.older_person.is_some(),
            as_of: text(&self.as_of),
            conservative: false,
            reading: text(&self.reading),
        })
    }
}

/// `GET /`: the check form.
pub async fn check_page(headers: HeaderMap, Query(q): Query<LangQuery>) -> Response {
    let lang = UiLang::choose(q.lang.as_deref(), &headers);
    let form = CheckForm {
        as_of: Some(finnish(today_in_finland())),
        ..CheckForm::default()
    };
    html_response(StatusCode::OK, check_markup(lang, &form, None))
}

/// `POST /check`: the form again, with the answer (or what is wrong) under it.
pub async fn check_post(
    State(state): State<AppState>,
    headers: HeaderMap,
    request: Request,
) -> Response {
    let refuse = |failure: Failure| {
        let lang = UiLang::choose(None, &headers);
        html_response(
            failure.status,
            check_markup(lang, &CheckForm::default(), Some(Err(failure))),
        )
    };
    let form: CheckForm = match read_form(&state, request).await {
        Ok(form) => form,
        Err(failure) => return refuse(failure),
    };
    let lang = UiLang::choose(form.lang.as_deref(), &headers);
    let result = form.request().and_then(|request| {
        let (case, _, _) = request.case_in(lang.labels())?;
        let answer = request.answer_in(lang.labels())?;
        Ok((case, answer, request.hetu.is_some()))
    });
    let status = match &result {
        Ok(_) => StatusCode::OK,
        Err(failure) => failure.status,
    };
    html_response(status, check_markup(lang, &form, Some(result)))
}

type CheckResult = Result<(Case, CheckAnswer, bool), Failure>;

fn check_markup(lang: UiLang, form: &CheckForm, result: Option<CheckResult>) -> Markup {
    let t = lang.t();
    let value = |v: &Option<String>| shown(v.as_deref().unwrap_or_default());
    let checked = |v: &Option<String>| v.is_some();
    let conservative = form.reading.as_deref() == Some("conservative");
    let body = html! {
        h1 { (t.check_title) }
        p.intro { (t.check_intro) }
        @if let Some(Err(failure)) = &result {
            (error_box(t, failure.text(lang.labels())))
        }
        form.card method="post" action="/check" {
            input type="hidden" name="lang" value=(lang.code());
            div.field {
                label for="pending" { (t.pending) }
                input #pending name="pending" type="text" inputmode="numeric" autocomplete="off" required aria-describedby="pending-hint" value=(value(&form.pending));
                span.hint #pending-hint { (t.pending_hint) }
            }
            fieldset {
                legend { (t.person) }
                p.hint #person-hint { (t.person_hint) }
                div.row {
                    div.field {
                        label for="birth_date" { (t.birth_date) }
                        input #birth_date name="birth_date" type="text" inputmode="numeric" autocomplete="off" aria-describedby="person-hint" value=(value(&form.birth_date));
                    }
                    div.field {
                        label for="hetu" { (t.hetu) }
                        // Never filled back in: the code is used once and dropped.
                        input #hetu name="hetu" type="text" autocomplete="off" spellcheck="false" aria-describedby="hetu-hint" value="";
                        span.hint #hetu-hint { (t.hetu_hint) }
                    }
                    div.field {
                        label for="age" { (t.age) }
                        input #age name="age" type="text" inputmode="numeric" autocomplete="off" value=(value(&form.age));
                    }
                }
            }
            fieldset {
                legend { (t.groups) }
                @for (name, text, on) in [
                    ("urgent", t.urgent, checked(&form.urgent)),
                    ("care_allowance", t.care_allowance, checked(&form.care_allowance)),
                    ("disabled", t.disabled, checked(&form.disabled)),
                    ("child_special_support", t.child_special_support, checked(&form.child_special_support)),
                    ("child_welfare", t.child_welfare, checked(&form.child_welfare)),
                    ("older_person", t.older_person, checked(&form.older_person)),
                ] {
                    div.check {
                        input id=(name) name=(name) type="checkbox" checked[on];
                        label for=(name) { (text) }
                    }
                }
            }
            fieldset {
                legend { (t.done) }
                div.row {
                    (recorded_date("started", t.started, t.optional, &form.started))
                    (recorded_date("completed", t.completed, t.optional, &form.completed))
                }
                div.row {
                    (recorded_date("decision", t.decision, t.optional, &form.decision))
                    (recorded_date("implemented", t.implemented, t.optional, &form.implemented))
                    div.field {
                        label for="as_of" { (t.as_of) }
                        input #as_of name="as_of" type="text" inputmode="numeric" autocomplete="off" aria-describedby="as_of-hint" value=(value(&form.as_of));
                        span.hint #as_of-hint { (t.as_of_hint) }
                    }
                }
            }
            (reading_fieldset(t, conservative))
            button type="submit" { (t.check_button) }
        }
        @if let Some(Ok((case, answer, from_hetu))) = &result {
            (check_answer(lang, case, answer, *from_hetu))
        }
    };
    layout(lang, t.check_title, Nav::Check, "/", body)
}

/// An optional date a case records (started, completed, decision, service began): its label and
/// field, the value as typed.
fn recorded_date(id: &str, label: &str, optional: &str, typed: &Option<String>) -> Markup {
    html! {
        div.field {
            label for=(id) { (label) " " span.opt { "(" (optional) ")" } }
            input id=(id) name=(id) type="text" inputmode="numeric" autocomplete="off" value=(shown(typed.as_deref().unwrap_or_default()));
        }
    }
}

fn milestone_label(t: &Texts, milestone: Milestone) -> &'static str {
    match milestone {
        Milestone::Start => t.start,
        Milestone::Completion => t.completion,
        Milestone::Decision => t.decision_milestone,
        Milestone::Implementation => t.implementation_milestone,
    }
}

fn days_text(lang: UiLang, outcome: &MilestoneOutcome) -> String {
    let t = lang.t();
    let days = |n: i64| lang.labels().working_days(n);
    match (
        outcome.working_days_remaining,
        outcome.working_days_late,
        outcome.working_days_overdue,
    ) {
        (Some(n), _, _) => format!("{} {}", days(n), t.days_left),
        (_, Some(n), _) => format!("{} {}", days(n), t.days_late),
        (_, _, Some(n)) => format!("{} {}", days(n), t.days_overdue),
        _ => String::new(),
    }
}

fn check_answer(lang: UiLang, case: &Case, answer: &CheckAnswer, from_hetu: bool) -> Markup {
    let t = lang.t();
    let e = &answer.evaluation;
    html! {
        section.card.result aria-labelledby="result-title" {
            h2 #result-title tabindex="-1" { (t.result) }
            @if from_hetu {
                p.note { (t.hetu_used) }
            }
            @if let Some(age) = e.age {
                p { (t.age_on_pending) ": " strong { (age) } }
            }
            @if answer.rules.is_empty() {
                p { (t.no_group) }
            } @else {
                h3 { (t.groups) }
                ul.rules {
                    @for rule in e.rules.iter() {
                        li {
                            strong { (capitalised(lang.labels().group_on(rule.group, case.pending))) }
                            " — " (t.statute) ": " (lang.labels().statute(rule.statute))
                        }
                    }
                }
            }
            div.scroll tabindex="0" role="region" aria-label=(t.result) {
            table.outcomes {
                caption.sr { (t.result) }
                thead {
                    tr {
                        th scope="col" { "" }
                        th scope="col" { (t.deadline) }
                        th scope="col" { (t.status) }
                        th scope="col" { (t.working_days) }
                        th scope="col" { (t.statute) }
                    }
                }
                tbody {
                    @for deadline in e.deadlines() {
                        @let outcome = deadline.outcome();
                        @let waits = deadline.milestone == Milestone::Implementation && case.decision.is_none();
                        @if deadline.milestone != Milestone::Implementation || outcome.deadline.is_some() || !deadline.statutes().is_empty() {
                            tr {
                                th scope="row" { (milestone_label(t, deadline.milestone)) }
                                td.deadline {
                                    @match outcome.deadline {
                                        Some(d) => strong { (day(lang, d)) },
                                        None if waits => (t.after_decision),
                                        None => (t.no_deadline),
                                    }
                                }
                                td { (status_badge(lang, outcome.status)) }
                                td {
                                    (days_text(lang, outcome))
                                    @if outcome.deadline.is_none() {
                                        @if let Some(n) = deadline.elapsed_working_days() {
                                            (t.elapsed) ": " (lang.labels().working_days(n))
                                        }
                                    }
                                }
                                td.statute { (deadline.statutes().iter().map(|s| lang.labels().statute(s)).collect::<Vec<_>>().join("; ")) }
                            }
                        }
                    }
                }
            }
            }
            @if !e.notes.is_empty() {
                h3 { (t.notes) }
                ul {
                    @for note in e.notes.iter() {
                        li { (lang.labels().note(note)) }
                    }
                }
            }
            @match &answer.other_reading {
                None => p.muted { (t.same_in_other_reading) },
                Some(other) => p.muted {
                    (t.other_reading) ": "
                    @if let Some(d) = other.start_deadline {
                        (t.start) " " (day(lang, d)) " (" (lang.status(other.start_status)) ")"
                    }
                    @if let Some(d) = other.completion_deadline {
                        "; " (t.completion) " " (day(lang, d)) " (" (lang.status(other.completion_status)) ")"
                    }
                },
            }
            @if let Some(deadline) = e.start.deadline {
                @if deadline > case.pending {
                    (month_calendars(lang, case.pending, deadline, answer.record.reading))
                }
            }
        }
    }
}

/// Small month calendars from the pending date to the deadline: the pending day, the working
/// days counted 1, 2, …, the days skipped (weekends, holidays, eves), the deadline.
fn month_calendars(
    lang: UiLang,
    pending: NaiveDate,
    deadline: NaiveDate,
    reading: Reading,
) -> Markup {
    let t = lang.t();
    let cal = calendar();
    let mut months = Vec::new();
    let mut first = pending.with_day(1).unwrap_or(pending);
    while first <= deadline && months.len() < 4 {
        months.push(first);
        first = next_month(first);
    }
    html! {
        figure.calendars {
            figcaption { (t.calendar_caption) }
            div.months {
                @for month in &months {
                    (month_table(lang, *month, pending, deadline, reading, cal))
                }
            }
            ul.legend {
                li { span.swatch.pending {} (t.legend_pending) }
                li { span.swatch.counted {} (t.legend_counted) }
                li { span.swatch.skipped {} (t.legend_skipped) }
                li { span.swatch.deadline {} (t.legend_deadline) }
            }
        }
    }
}

fn next_month(first: NaiveDate) -> NaiveDate {
    let (y, m) = if first.month() == 12 {
        (first.year() + 1, 1)
    } else {
        (first.year(), first.month() + 1)
    };
    NaiveDate::from_ymd_opt(y, m, 1).unwrap_or(first)
}

fn month_table(
    lang: UiLang,
    first: NaiveDate,
    pending: NaiveDate,
    deadline: NaiveDate,
    reading: Reading,
    cal: &crate::calendar::Calendar,
) -> Markup {
    let t = lang.t();
    let last = next_month(first) - Duration::days(1);
    let lead = first.weekday().num_days_from_monday() as usize;
    let mut cells: Vec<Option<NaiveDate>> = vec![None; lead];
    let mut d = first;
    while d <= last {
        cells.push(Some(d));
        d += Duration::days(1);
    }
    while !cells.len().is_multiple_of(7) {
        cells.push(None);
    }
    html! {
        table.month {
            caption { (lang.month(first.month())) " " (first.year()) }
            thead {
                tr {
                    @for i in 0..7 {
                        th scope="col" { (lang.weekday_short(i)) }
                    }
                }
            }
            tbody {
                @for week in cells.chunks(7) {
                    tr {
                        @for cell in week {
                            @match cell {
                                None => td.empty {},
                                Some(date) => (day_cell(lang, t, *date, pending, deadline, reading, cal)),
                            }
                        }
                    }
                }
            }
        }
    }
}

fn day_cell(
    lang: UiLang,
    t: &Texts,
    date: NaiveDate,
    pending: NaiveDate,
    deadline: NaiveDate,
    reading: Reading,
    cal: &crate::calendar::Calendar,
) -> Markup {
    let working = cal.is_working_day(date, reading).unwrap_or(false);
    let in_span = date > pending && date <= deadline;
    let holidays = cal.holidays_on(date);
    let holiday_name = holidays
        .first()
        .map(|h| lang.labels().holiday(h))
        .unwrap_or("");
    let number = if in_span && working {
        cal.working_days_between(pending, date, reading).ok()
    } else {
        None
    };
    let mut class = String::from("day");
    let mut said = Vec::new();
    if date == pending {
        class.push_str(" pending");
        said.push(t.legend_pending.to_string());
    }
    if in_span && !working {
        class.push_str(" skipped");
        said.push(if holiday_name.is_empty() {
            t.legend_skipped.to_string()
        } else {
            holiday_name.to_string()
        });
    } else if !working {
        class.push_str(" off");
    }
    if let Some(n) = number {
        class.push_str(" counted");
        said.push(format!("{} {n}", t.legend_counted));
    }
    if date == deadline {
        class.push_str(" deadline");
        said.push(t.legend_deadline.to_string());
    }
    let title = if holiday_name.is_empty() {
        None
    } else {
        Some(holiday_name)
    };
    html! {
        td class=(class) title=[title] {
            span.num { (date.day()) }
            @if let Some(n) = number {
                span.count aria-hidden="true" { (n) }
            }
            @if !said.is_empty() {
                span.sr { ": " (said.join("; ")) }
            }
        }
    }
}
