//! The pages: server-rendered HTML that works without JavaScript, in Finnish, Swedish or English.
//! Templates are maud macros, checked when compiled; everything they show comes from the library.

use std::collections::HashMap;

use axum::extract::{Form, FromRequest, Multipart, Path, Query, Request, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use chrono::{Datelike, Duration, NaiveDate};
use maud::{html, Markup, DOCTYPE};
use serde::Deserialize;

use super::api::{self, AuditFormat, AuditOptions, CheckRequest};
use super::lang::{Texts, UiLang};
use super::stream::{self, Audited, Listed, StatusCounts, CASES_LISTED, INVALID_LISTED};
use super::{AppState, Failure};
use crate::answer::{self, CheckAnswer};
use crate::calendar::{calendar, Reading};
use crate::dates::{finnish, today_in_finland};
use crate::evaluation::{Case, Outcome, Status};
use crate::labels::{capitalised, Label};
use crate::report::{CaseSink, CsvSink, CsvStyle};
use crate::rules::{Group, Milestone};

/// Which page the navigation marks as the current one.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Nav {
    Check,
    Audit,
    Calendar,
    Assistance,
    None,
}

pub(super) fn html_response(status: StatusCode, markup: Markup) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        markup.into_string(),
    )
        .into_response()
}

/// The frame of every page: language, navigation, the privacy note.
pub(super) fn layout(lang: UiLang, title: &str, nav: Nav, path: &str, body: Markup) -> Markup {
    let t = lang.t();
    let link = |target: Nav, href: &str, text: &str| {
        html! {
            li {
                @if nav == target {
                    a href=(format!("{href}?lang={}", lang.code())) aria-current="page" { (text) }
                } @else {
                    a href=(format!("{href}?lang={}", lang.code())) { (text) }
                }
            }
        }
    };
    html! {
        (DOCTYPE)
        html lang=(lang.code()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " – " (t.app) }
                link rel="stylesheet" href="/assets/style.css";
                script src="/assets/app.js" defer {}
            }
            body {
                a.skip href="#main" { (t.skip) }
                header.top {
                    div.brand {
                        span.name { (t.app) }
                        span.tagline { (t.tagline) }
                    }
                    nav aria-label=(t.nav_label) {
                        ul {
                            (link(Nav::Check, "/", t.nav_check))
                            (link(Nav::Audit, "/audit", t.nav_audit))
                            (link(Nav::Calendar, "/calendar", t.nav_calendar))
                            (link(Nav::Assistance, "/assistance", lang.labels().get(crate::labels::Label::AsTitle)))
                        }
                    }
                    nav.langs aria-label=(t.lang_label) {
                        ul {
                            @for other in UiLang::ALL {
                                li {
                                    @if other == lang {
                                        a href=(format!("{path}?lang={}", other.code())) lang=(other.code()) hreflang=(other.code()) aria-current="true" { (other.own_name()) }
                                    } @else {
                                        a href=(format!("{path}?lang={}", other.code())) lang=(other.code()) hreflang=(other.code()) { (other.own_name()) }
                                    }
                                }
                            }
                        }
                    }
                }
                main #main tabindex="-1" {
                    (body)
                }
                footer {
                    p { (t.privacy) }
                    @if super::open_to_all() {
                        p.no-login { (super::no_login_notice(lang.code())) }
                    }
                }
            }
        }
    }
}

/// An error page (404, 405, a refused request).
pub fn failure_page(request: &Request, failure: &Failure) -> Response {
    let lang = UiLang::choose(None, request.headers());
    let t = lang.t();
    let title = if failure.status == StatusCode::NOT_FOUND {
        t.not_found
    } else {
        t.error_title
    };
    html_response(
        failure.status,
        layout(
            lang,
            title,
            Nav::None,
            "/",
            html! {
                h1 { (title) }
                p { (failure.message) }
            },
        ),
    )
}

#[derive(Deserialize, Default, Debug)]
pub struct LangQuery {
    pub(super) lang: Option<String>,
}

/// A value typed by the user, as put back into a form: an identity code typed into the wrong
/// field is not shown again.
pub(super) fn shown(text: &str) -> String {
    crate::hetu::redact_hetus(text).into_owned()
}

/// A date as the pages show it: `ke 2.12.2026`.
pub(super) fn day(lang: UiLang, date: NaiveDate) -> String {
    format!(
        "{} {}",
        lang.weekday_short(date.weekday().num_days_from_monday() as usize),
        finnish(date)
    )
}

pub(super) fn error_box(t: &Texts, message: &str) -> Markup {
    html! {
        div.error role="alert" {
            h2 { (t.error_title) }
            p { (shown(message)) }
        }
    }
}

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
    let limit = super::MAX_FORM_BODY.min(state.max_upload);
    let (parts, body) = match stream::small_body(request, limit).await {
        Ok(read) => read,
        Err(failure) => return refuse(failure),
    };
    let request = Request::from_parts(parts, axum::body::Body::from(body));
    let form = match Form::<CheckForm>::from_request(request, &()).await {
        Ok(Form(form)) => form,
        Err(rejection) => return refuse(Failure::new(rejection.status(), rejection.body_text())),
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
            (error_box(t, &failure.message))
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

pub(super) fn reading_fieldset(t: &Texts, conservative: bool) -> Markup {
    html! {
        fieldset {
            legend { (t.reading) }
            div.check {
                input #reading-standard name="reading" type="radio" value="standard" checked[!conservative];
                label for="reading-standard" { (t.reading_standard) }
            }
            div.check {
                input #reading-conservative name="reading" type="radio" value="conservative" checked[conservative];
                label for="reading-conservative" { (t.reading_conservative) }
            }
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

fn status_badge(lang: UiLang, status: Status) -> Markup {
    html! {
        span class=(format!("badge status-{}", status.as_str())) { (lang.status(status)) }
    }
}

fn days_text(lang: UiLang, outcome: &Outcome) -> String {
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

/// `GET /audit`: the upload form.
pub async fn audit_page(headers: HeaderMap, Query(q): Query<LangQuery>) -> Response {
    let lang = UiLang::choose(q.lang.as_deref(), &headers);
    html_response(StatusCode::OK, audit_markup(lang, &HashMap::new(), None))
}

fn audit_markup(
    lang: UiLang,
    fields: &HashMap<String, String>,
    result: Option<Result<Audited, Failure>>,
) -> Markup {
    let t = lang.t();
    let as_of = fields
        .get("as_of")
        .map(|v| shown(v))
        .unwrap_or_else(|| finnish(today_in_finland()));
    let conservative = fields.get("reading").map(String::as_str) == Some("conservative");
    let body = html! {
        h1 { (t.audit_title) }
        p.intro { (t.audit_intro) }
        @if let Some(Err(failure)) = &result {
            (error_box(t, &failure.message))
        }
        form.card method="post" action="/audit" enctype="multipart/form-data" {
            input type="hidden" name="lang" value=(lang.code());
            div.field {
                label for="as_of" { (t.as_of) }
                input #as_of name="as_of" type="text" inputmode="numeric" autocomplete="off" aria-describedby="as_of-hint" value=(as_of);
                span.hint #as_of-hint { (t.as_of_hint) }
            }
            (reading_fieldset(t, conservative))
            // The list had no case id column: the user picks the column that holds it.
            @if let Some(Ok(Audited { case_id_missing: Some(headers), .. })) = &result {
                @if !headers.is_empty() {
                    div.field {
                        label for="case_id_column" { (t.case_id_column) }
                        select #case_id_column name="case_id_column" aria-describedby="case-id-missing" {
                            @for header in headers {
                                option value=(header) { (header) }
                            }
                        }
                    }
                }
            }
            // The file last: the server reads the other fields first, then streams the file.
            div.field {
                label for="file" { (t.file) }
                input #file name="file" type="file" accept=".csv,.txt,text/csv,.xlsx,.xlsm,.xlsb,.xls,.ods" required aria-describedby="file-hint";
                span.hint #file-hint { (t.file_hint) }
            }
            div.buttons {
                button type="submit" { (t.audit_button) }
                button.secondary type="submit" formaction="/audit/download/csv" { (t.download_csv) }
                button.secondary type="submit" formaction="/audit/download/excel" { (t.download_excel) }
            }
            p.hint { (t.download_note) }
        }
        @if let Some(Ok(audited)) = &result {
            (audit_result(lang, audited))
        }
    };
    layout(lang, t.audit_title, Nav::Audit, "/audit", body)
}

fn audit_result(lang: UiLang, audited: &Audited) -> Markup {
    let t = lang.t();
    let c = &audited.counts;
    html! {
        section.result aria-labelledby="result-title" {
            h2 #result-title tabindex="-1" { (t.result) }
            @if let Some(error) = &audited.error {
                (error_box(t, &error.message))
            }
            @if audited.case_id_missing.is_some() {
                p.note #case-id-missing role="status" { (t.case_id_missing) }
            }
            // What the list's columns leave out, in the command line's words.
            @for notice in &audited.notices {
                p.note.notice data-code=(notice.code()) { (notice.text(lang.labels())) }
            }
            @if let Some([plain, excel]) = &audited.downloads {
                p.downloads {
                    (t.download_ready) " "
                    a.button download="audit.csv" href=(data_uri(plain)) { (t.download_csv) }
                    " "
                    a.button download="audit-excel.csv" href=(data_uri(excel)) { (t.download_excel) }
                }
            }
            ul.cards {
                li.card.count { span.big { (c.rows) } span { (t.rows) } }
                li.card.count { span.big { (c.evaluated) } span { (t.evaluated) } }
                li.card.count.status-overdue { span.big { (c.overdue) } span { (lang.status(Status::Overdue)) } }
                li.card.count.status-invalid { span.big { (c.invalid) } span { (t.invalid) } }
            }
            @for (title, counts) in [(t.start_statuses, &c.start), (t.completion_statuses, &c.completion)] {
                h3 { (title) }
                ul.cards.small {
                    @for status in Status::ALL {
                        li class=(format!("card count status-{}", status.as_str())) {
                            span.big { (counts.0[status as usize]) }
                            span { (lang.status(status)) }
                        }
                    }
                }
            }
            (group_chart(lang, &audited.by_group))
            h3 { (t.overdue_cases) }
            @if audited.overdue.is_empty() {
                p { (t.none_overdue) }
            } @else {
                (case_table(lang, t.overdue_cases, &audited.overdue, c.overdue > CASES_LISTED as u64))
            }
            @if !audited.due.is_empty() {
                h3 { (t.due_cases) }
                (case_table(lang, t.due_cases, &audited.due, audited.due.len() >= CASES_LISTED))
            }
            @if !audited.invalid.is_empty() {
                h3 { (t.invalid_rows) }
                (problem_table(t, t.invalid_rows, true, audited.invalid.iter().map(|row| ProblemRow {
                    line: row.line,
                    position: row.position,
                    column: row.column.as_deref(),
                    case_id: &row.case_id,
                    problem: &row.problem,
                })))
                @if c.invalid > INVALID_LISTED as u64 {
                    p.hint { (t.more_listed) }
                }
            }
            @if !audited.warnings.is_empty() {
                h3 { (t.warning_rows) }
                p.hint { (t.warnings_intro) }
                (problem_table(t, t.warning_rows, false, audited.warnings.iter().map(|row| ProblemRow {
                    line: row.line,
                    position: row.position,
                    column: row.column.as_deref(),
                    case_id: "",
                    problem: &row.problem,
                })))
                @if audited.counts.warnings.total() > INVALID_LISTED as u64 {
                    p.hint { (t.first_listed) }
                }
            }
        }
    }
}

/// A row of the invalid rows or of the rows to check.
struct ProblemRow<'a> {
    line: u64,
    /// The column's position (1 = the first), when known.
    position: Option<usize>,
    /// The column's header or key, when the problem is in one column.
    column: Option<&'a str>,
    case_id: &'a str,
    problem: &'a str,
}

/// The table of the invalid rows (`with_case`: their case ids too) or of the rows to check: the
/// line, the column and what is wrong, in the order found.
fn problem_table<'a>(
    t: &Texts,
    title: &str,
    with_case: bool,
    rows: impl Iterator<Item = ProblemRow<'a>>,
) -> Markup {
    html! {
        div.scroll tabindex="0" role="region" aria-label=(title) {
            table.list {
                thead {
                    tr {
                        th scope="col" { (t.line) }
                        th scope="col" { (t.column) }
                        @if with_case { th scope="col" { (t.case_id) } }
                        th scope="col" { (t.problem) }
                    }
                }
                tbody {
                    @for row in rows {
                        tr {
                            td.num { (row.line) }
                            td {
                                @if let Some(col) = row.column { (col) }
                                @if let Some(p) = row.position { " (" (p) ")" }
                            }
                            @if with_case { td { (row.case_id) } }
                            td { (row.problem) }
                        }
                    }
                }
            }
        }
    }
}

/// The chart per group: a table of the counts (what a screen reader reads) with one bar per
/// group drawn in SVG (hidden from screen readers), its parts the statuses; the longest bar is
/// the largest group. Colours come from the style sheet: the policy allows no inline styles.
fn group_chart(lang: UiLang, by_group: &[StatusCounts; 7]) -> Markup {
    const WIDTH: u64 = 240;
    let t = lang.t();
    let largest = by_group
        .iter()
        .map(|c| c.0.iter().sum::<u64>())
        .max()
        .unwrap_or(0);
    let names = Group::ALL
        .iter()
        .map(|g| lang.group(*g))
        .chain([t.no_group_short]);
    html! {
        h3 #by-group { (t.by_group) }
        p.hint { (t.by_group_hint) }
        div.scroll tabindex="0" role="region" aria-labelledby="by-group" {
            table.list.chart aria-labelledby="by-group" {
                thead {
                    tr {
                        th scope="col" { (t.group) }
                        @for status in Status::ALL {
                            th scope="col" { (lang.status(status)) }
                        }
                        th scope="col" { span.sr { (t.by_group) } }
                    }
                }
                tbody {
                    @for (name, counts) in names.zip(by_group) {
                        tr {
                            th scope="row" { (name) }
                            @for status in Status::ALL {
                                td.num { (counts.0[status as usize]) }
                            }
                            td {
                                svg.bar width=(WIDTH) height="16" viewBox=(format!("0 0 {WIDTH} 16")) aria-hidden="true" focusable="false" {
                                    @for (status, x, w) in bar_parts(counts, largest, WIDTH) {
                                        rect class=(format!("bar-{}", status.as_str())) x=(x) y="0" width=(w) height="16" {}
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// The parts of one bar: `(status, x, width)` for each status with cases, scaled so that
/// `largest` cases fill `width`; a part is at least 1 wide.
fn bar_parts(counts: &StatusCounts, largest: u64, width: u64) -> Vec<(Status, u64, u64)> {
    let mut x = 0;
    let mut parts = Vec::new();
    for status in Status::ALL {
        let count = counts.0[status as usize];
        if count > 0 {
            let w = (count * width / largest.max(1)).max(1);
            parts.push((status, x, w));
            x += w;
        }
    }
    parts
}

fn case_table(lang: UiLang, title: &str, cases: &[Listed], more: bool) -> Markup {
    let t = lang.t();
    html! {
        div.scroll tabindex="0" role="region" aria-label=(title) {
            table.list {
                thead {
                    tr {
                        th scope="col" { (t.line) }
                        th scope="col" { (t.case_id) }
                        th scope="col" { (t.unit) }
                        th scope="col" { (t.groups) }
                        th scope="col" { (t.start) }
                        th scope="col" { (t.completion) }
                        th scope="col" { (lang.labels().get(Label::ColReasonMilestone)) }
                        th scope="col" { (t.working_days) }
                    }
                }
                tbody {
                    @for case in cases {
                        @let s = &case.standing;
                        @let r = &case.record.evaluation;
                        tr {
                            td.num { (case.line) }
                            td { (case.case_id) }
                            td { (case.unit) }
                            td { (r.groups.iter().map(|g| lang.labels().group_on(g, case.record.pending_date)).collect::<Vec<_>>().join(", ")) }
                            td {
                                @if let Some(d) = r.start.deadline { (finnish(d)) " " }
                                (status_badge(lang, r.start.status))
                            }
                            td {
                                @if let Some(d) = r.completion.deadline { (finnish(d)) " " }
                                (status_badge(lang, r.completion.status))
                            }
                            // The deadline that put the case on the list: its milestone, date
                            // and status.
                            td {
                                @if let Some(m) = s.milestone { (lang.labels().milestone(m)) " " }
                                @if let Some(d) = s.deadline { (finnish(d)) " " }
                                (status_badge(lang, s.status))
                            }
                            td.num { (case.days) }
                        }
                    }
                }
            }
        }
        @if more {
            p.hint { (t.more_listed) }
        }
    }
}

/// Reads the audit form: its fields and the uploaded list, or the form again with what is wrong.
async fn audit_form(
    state: &AppState,
    headers: &HeaderMap,
    request: Request,
    format: AuditFormat,
) -> Result<
    (
        UiLang,
        HashMap<String, String>,
        AuditOptions,
        stream::Upload,
    ),
    Response,
> {
    let lang = UiLang::choose(None, headers);
    let refuse = |lang: UiLang, fields: &HashMap<String, String>, failure: Failure| {
        html_response(
            failure.status,
            audit_markup(lang, fields, Some(Err(failure))),
        )
    };
    let request = match stream::refuse_oversized(request, state.max_upload).await {
        Ok(request) => request,
        Err(failure) => return Err(refuse(lang, &HashMap::new(), failure)),
    };
    // The audit slot first: no upload is read before it has one.
    let permit = match state.audit_permit().await {
        Ok(permit) => permit,
        Err(failure) => return Err(refuse(lang, &HashMap::new(), failure)),
    };
    let multipart = match Multipart::from_request(request, &()).await {
        Ok(multipart) => multipart,
        Err(rejection) => {
            let failure = Failure::new(rejection.status(), rejection.body_text());
            return Err(refuse(lang, &HashMap::new(), failure));
        }
    };
    let (texts, upload) = match stream::multipart_upload(multipart, state.max_upload, permit).await
    {
        Ok(read) => read,
        Err(failure) => return Err(refuse(lang, &HashMap::new(), failure)),
    };
    let fields: HashMap<String, String> = texts.into_iter().collect();
    let lang = UiLang::choose(fields.get("lang").map(String::as_str), headers);
    match AuditOptions::from_fields(&fields, format) {
        Ok(options) => Ok((lang, fields, options, upload)),
        Err(failure) => Err(refuse(lang, &fields, failure)),
    }
}

/// `POST /audit`: the counts, the overdue and due cases, the invalid rows.
pub async fn audit_post(
    State(state): State<AppState>,
    headers: HeaderMap,
    request: Request,
) -> Response {
    let (lang, fields, options, upload) =
        match audit_form(&state, &headers, request, AuditFormat::Json).await {
            Ok(read) => read,
            Err(response) => return response,
        };
    let job = options.options;
    // The user's choice of the case id column, when an earlier audit found none.
    let mut input = crate::input::InputOptions::default();
    if let Some(header) = fields
        .get("case_id_column")
        .filter(|h| !h.trim().is_empty())
    {
        input
            .columns
            .push((crate::input::Column::CaseId, header.trim().to_string()));
    }
    let result = tokio::task::spawn_blocking(move || {
        let (mut reader, failure) = stream::open_with(upload, &input, lang.labels())?;
        // The page carries the audit's two files, so that saving them needs no second upload.
        let chain = reader.has_chain_columns();
        let kept = [Kept::default(), Kept::default()];
        let sink = |excel: bool, out: Kept| -> std::io::Result<Box<dyn CaseSink>> {
            let style = CsvStyle {
                excel,
                lang: lang.labels(),
            };
            let sink = CsvSink::new(out, style, false, chain, job.reading, job.as_of)?;
            Ok(Box::new(sink))
        };
        let io = |e: std::io::Error| Failure::new(StatusCode::INTERNAL_SERVER_ERROR, e.to_string());
        let mut both = Box::new(Both(
            sink(false, kept[0].clone()).map_err(io)?,
            sink(true, kept[1].clone()).map_err(io)?,
        ));
        let mut audited = stream::audit(
            &mut reader,
            &failure,
            &job,
            Some(&mut *both),
            true,
            lang.labels(),
        );
        both.finish().map_err(io)?;
        audited.downloads = match kept.map(Kept::take) {
            [Some(plain), Some(excel)] if audited.error.is_none() => Some([plain, excel]),
            _ => None,
        };
        Ok(audited)
    })
    .await
    .unwrap_or_else(|_| {
        Err(Failure::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "the audit stopped unexpectedly",
        ))
    });
    let status = match &result {
        Ok(_) => StatusCode::OK,
        Err(failure) => failure.status,
    };
    html_response(status, audit_markup(lang, &fields, Some(result)))
}

/// `POST /audit/download/{csv|excel}`: the audit of the uploaded list as a file.
pub async fn audit_download(
    State(state): State<AppState>,
    Path(format): Path<String>,
    headers: HeaderMap,
    request: Request,
) -> Response {
    let format = match format.as_str() {
        "csv" => AuditFormat::Csv,
        "excel" => AuditFormat::Excel,
        _ => return StatusCode::NOT_FOUND.into_response(),
    };
    let (lang, fields, options, upload) = match audit_form(&state, &headers, request, format).await
    {
        Ok(read) => read,
        Err(response) => return response,
    };
    let name = match format {
        AuditFormat::Excel => "audit-excel.csv",
        _ => "audit.csv",
    };
    match api::stream_audit(upload, options, Some(name)).await {
        Ok(response) => response,
        Err(failure) => html_response(
            failure.status,
            audit_markup(lang, &fields, Some(Err(failure))),
        ),
    }
}

/// The calendar page's fields.
#[derive(Deserialize, Default, Debug)]
pub struct CalendarQuery {
    lang: Option<String>,
    year: Option<String>,
    from: Option<String>,
    to: Option<String>,
    days: Option<String>,
    reading: Option<String>,
}

/// `GET /calendar`: the holidays of a year, a working-day counter and the N-th working day.
pub async fn calendar_page(
    headers: HeaderMap,
    q: Result<Query<CalendarQuery>, axum::extract::rejection::QueryRejection>,
) -> Response {
    let q = q.map(|Query(q)| q).unwrap_or_default();
    let lang = UiLang::choose(q.lang.as_deref(), &headers);
    let t = lang.t();
    let today = today_in_finland();
    let text = |v: &Option<String>| v.clone().filter(|s| !s.trim().is_empty());
    let conservative = q.reading.as_deref() == Some("conservative");
    let reading = if conservative {
        Reading::Conservative
    } else {
        Reading::Standard
    };
    let mut errors: Vec<String> = Vec::new();
    let year_text = text(&q.year).unwrap_or_else(|| today.year().to_string());
    let year = match year_text.trim().parse::<i32>() {
        Ok(year) => Some(year),
        Err(_) => {
            errors.push(format!(
                "{}: `{}` is not a year: write it as 2026",
                t.year,
                year_text.trim()
            ));
            None
        }
    };
    let holidays = year.and_then(|year| match answer::holidays(year, year, reading) {
        Ok(rows) => Some(rows),
        Err(e) => {
            errors.push(e.to_string());
            None
        }
    });
    let parse = |name: &str, v: &Option<String>, errors: &mut Vec<String>| {
        text(v).and_then(|s| match crate::dates::given_date(s.trim()) {
            Ok(d) => Some(d),
            Err(e) => {
                errors.push(format!("{name}: {e}"));
                None
            }
        })
    };
    let from = parse(t.from, &q.from, &mut errors);
    let to = parse(t.to, &q.to, &mut errors);
    let count = match (from, to) {
        (Some(from), Some(to)) => match answer::count(from, to, reading) {
            Ok(count) => Some(count),
            Err(e) => {
                errors.push(e.to_string());
                None
            }
        },
        _ => None,
    };
    let days = text(&q.days).and_then(|d| match d.trim().parse::<i64>() {
        Ok(n) => Some(n),
        Err(_) => {
            errors.push(format!(
                "{}: `{}` is not a whole number",
                t.add_days,
                d.trim()
            ));
            None
        }
    });
    let added = match (from, days) {
        (Some(from), Some(days)) => match answer::add(from, days, reading) {
            Ok(added) => Some(added),
            Err(e) => {
                errors.push(e.to_string());
                None
            }
        },
        _ => None,
    };
    let value = |v: &Option<String>| shown(v.as_deref().unwrap_or_default());
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::BAD_REQUEST
    };
    let body = html! {
        h1 { (t.calendar_title) }
        @if !errors.is_empty() {
            (error_box(t, &errors.join(" ")))
        }
        div.columns {
            section.card aria-labelledby="counter-title" {
                h2 #counter-title { (t.counter_title) }
                form method="get" action="/calendar" {
                    input type="hidden" name="lang" value=(lang.code());
                    input type="hidden" name="year" value=(shown(&year_text));
                    div.field {
                        label for="from" { (t.from) }
                        input #from name="from" type="text" inputmode="numeric" autocomplete="off" aria-describedby="date-hint" value=(value(&q.from));
                    }
                    div.field {
                        label for="to" { (t.to) }
                        input #to name="to" type="text" inputmode="numeric" autocomplete="off" aria-describedby="date-hint" value=(value(&q.to));
                    }
                    div.field {
                        label for="days" { (t.add_days_field) }
                        input #days name="days" type="text" inputmode="numeric" autocomplete="off" value=(value(&q.days));
                    }
                    p.hint #date-hint { (t.date_hint) }
                    (reading_fieldset(t, conservative))
                    button type="submit" { (t.count_button) }
                }
                @if let Some(count) = &count {
                    p.answer role="status" {
                        (day(lang, count.from)) " → " (day(lang, count.to)) ": "
                        strong { (count.working_days) " " (t.count_result) }
                    }
                }
                @if let Some(added) = &added {
                    p.answer role="status" {
                        strong { (day(lang, added.date)) } " " (t.add_result) " " (added.working_days)
                        " (" (day(lang, added.from)) ")"
                    }
                    // The holidays and eves the count passed over (weekends aside), as the
                    // command line lists them.
                    p.skipped {
                        (t.skipped_days) ": "
                        @if added.skipped.is_empty() {
                            (t.none_skipped)
                        }
                        @for (i, holiday) in added.skipped.iter().enumerate() {
                            @if i > 0 { "; " }
                            (lang.labels().holiday(holiday)) " (" (day(lang, holiday.date)) ")"
                        }
                    }
                }
            }
            section.card aria-labelledby="holidays-title" {
                h2 #holidays-title { (t.holidays_of) " " (year.map(|y| y.to_string()).unwrap_or_default()) }
                form.inline method="get" action="/calendar" {
                    input type="hidden" name="lang" value=(lang.code());
                    label for="year" { (t.year) }
                    input #year name="year" type="text" inputmode="numeric" size="6" value=(shown(&year_text));
                    button type="submit" { (t.show) }
                }
                @if let Some(rows) = &holidays {
                    div.scroll tabindex="0" role="region" aria-label=(t.holidays_of) {
                        table.list {
                            thead {
                                tr {
                                    th scope="col" { (t.date) }
                                    th scope="col" { (t.holiday) }
                                    th scope="col" { (t.working_day) }
                                }
                            }
                            tbody {
                                @for row in rows {
                                    tr {
                                        td { (day(lang, row.date)) }
                                        td { (match lang { UiLang::Fi => row.name_fi, UiLang::Sv => row.name_sv, UiLang::En => row.name_en }) }
                                        td { (if row.working_day { t.yes } else { t.no }) }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    };
    html_response(
        status,
        layout(lang, t.calendar_title, Nav::Calendar, "/calendar", body),
    )
}

/// The most a result page carries of each saved file; a larger audit is saved with the buttons
/// of the form (which send the list again).
const KEPT_BYTES: usize = 2 * 1024 * 1024;

/// A writer that keeps what it is given, up to [`KEPT_BYTES`]; past that it keeps nothing.
#[derive(Clone, Default)]
struct Kept(std::sync::Arc<std::sync::Mutex<(Vec<u8>, bool)>>);

impl Kept {
    /// What was written, unless it was too much.
    fn take(self) -> Option<Vec<u8>> {
        let mut kept = self.0.lock().unwrap_or_else(|e| e.into_inner());
        match kept.1 {
            true => None,
            false => Some(std::mem::take(&mut kept.0)),
        }
    }
}

impl std::io::Write for Kept {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let mut kept = self.0.lock().unwrap_or_else(|e| e.into_inner());
        if kept.1 || kept.0.len() + buf.len() > KEPT_BYTES {
            kept.1 = true;
            kept.0 = Vec::new();
        } else {
            kept.0.extend_from_slice(buf);
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Two outputs of the same cases.
struct Both(Box<dyn CaseSink>, Box<dyn CaseSink>);

impl CaseSink for Both {
    fn case(&mut self, case: &crate::batch::Evaluated) -> std::io::Result<()> {
        self.0.case(case)?;
        self.1.case(case)
    }

    fn invalid(&mut self, invalid: &crate::batch::Invalid) -> std::io::Result<()> {
        self.0.invalid(invalid)?;
        self.1.invalid(invalid)
    }

    fn finish(self: Box<Self>) -> std::io::Result<()> {
        let Both(first, second) = *self;
        first.finish()?;
        second.finish()
    }
}

/// A file as a link's `data:` address: the bytes percent-encoded, all but letters and digits.
fn data_uri(bytes: &[u8]) -> String {
    let mut uri = String::with_capacity(bytes.len() * 2 + 32);
    uri.push_str("data:text/csv;charset=utf-8,");
    for &byte in bytes {
        if byte.is_ascii_alphanumeric() || b"-_.~".contains(&byte) {
            uri.push(byte as char);
        } else {
            uri.push_str(&format!("%{byte:02X}"));
        }
    }
    uri
}
