//! The social-assistance tab (Toimeentulotuki; Utkomststöd) and its API: one application
//! checked, and a list of applications audited, by `maaraika::assistance` as the command line's
//! `maaraika assistance` does.

use std::collections::HashMap;

use axum::extract::{FromRequest, Multipart, Query, Request, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use chrono::NaiveDate;
use maud::{html, Markup};
use serde::{Deserialize, Serialize};

use super::api::{as_of_field, date_field, options_of, reading_field, upload};
use super::failure::{json_response, Failure};
use super::lang::UiLang;
use super::pages::layout::{
    day, error_box, html_response, layout, read_form, reading_fieldset, LangQuery, Nav,
};
use super::state::AppState;
use super::stream::{self, UploadFailure};
use crate::assistance::read::{self, ApplicationStanding, AssistanceFinding, Record};
use crate::assistance::{
    evaluate_application, Application, AssistanceMilestone, RecordedMilestones, Verdict,
};
use crate::calendar::Reading;
use crate::dates::{finnish, today_in_finland};
use crate::evaluation::Status;
use crate::input::CaseReader;
use crate::labels::Label;
use crate::options::{Given, Options};

/// One application as the API takes it: the list's column names.
#[derive(Deserialize, Debug, Default)]
#[serde(deny_unknown_fields)]
pub struct AssistanceRequest {
    pub application_date: Option<String>,
    #[serde(default)]
    pub urgent: bool,
    pub decision_date: Option<String>,
    pub info_requested_date: Option<String>,
    pub info_received_date: Option<String>,
    pub info_reply_due_date: Option<String>,
    pub meeting_requested_date: Option<String>,
    pub meeting_date: Option<String>,
    pub paid_date: Option<String>,
    pub as_of: Option<String>,
    #[serde(default)]
    pub conservative: bool,
    /// `standard` or `conservative`.
    pub reading: Option<String>,
}

/// The answer for one application: where each milestone stands, and where the other reading of
/// the eves gives other deadlines, those too.
#[derive(Serialize, Debug)]
pub struct AssistanceAnswer {
    pub application_date: NaiveDate,
    pub arrived: NaiveDate,
    pub urgent: bool,
    pub as_of: NaiveDate,
    pub reading: Reading,
    pub standing: Option<ApplicationStanding>,
    pub deadlines: [Verdict; 4],
    /// The deadlines in the other reading, where any differs.
    pub other_reading: Option<AssistanceOtherReading>,
}

/// The deadlines of the other reading.
#[derive(Serialize, Debug)]
pub struct AssistanceOtherReading {
    pub reading: Reading,
    pub deadlines: [Verdict; 4],
}

impl AssistanceRequest {
    fn application(&self) -> Result<(Application, NaiveDate, Reading), Failure> {
        let date = |name: &str, text: &Option<String>| date_field(name, text.as_deref());
        let arrival = date("application_date", &self.application_date)?.ok_or_else(|| {
            Failure::bad_request(
                "application_date: the day the application arrived is required (3.3.2026 or \
                 2026-03-03)",
            )
        })?;
        let application = Application {
            arrival,
            urgent: self.urgent,
            decision: date("decision_date", &self.decision_date)?,
            info_requested: date("info_requested_date", &self.info_requested_date)?,
            info_received: date("info_received_date", &self.info_received_date)?,
            info_reply_due: date("info_reply_due_date", &self.info_reply_due_date)?,
            meeting_requested: date("meeting_requested_date", &self.meeting_requested_date)?,
            meeting: date("meeting_date", &self.meeting_date)?,
            paid: date("paid_date", &self.paid_date)?,
        };
        let given = Given::new(
            as_of_field(self.as_of.as_deref())?,
            reading_field(self.reading.as_deref(), self.conservative)?,
        );
        let Options { as_of, reading, .. } = given.resolve();
        Ok((application, as_of, reading))
    }

    /// The answer, or what is wrong with the dates (worded in `lang`).
    pub fn answer(&self, lang: crate::labels::Lang) -> Result<AssistanceAnswer, Failure> {
        let (a, as_of, reading) = self.application()?;
        let evaluate = |reading| {
            evaluate_application(&a, RecordedMilestones::ALL, as_of, reading).map_err(|e| {
                // In English the fields by their keys, as the API's other errors name them.
                Failure::bad_request(match lang {
                    crate::labels::Lang::En => e.to_string(),
                    _ => crate::problem::application_error(&e, lang),
                })
            })
        };
        let e = evaluate(reading)?;
        let other = match reading {
            Reading::Standard => Reading::Conservative,
            Reading::Conservative => Reading::Standard,
        };
        let o = evaluate(other)?;
        let differs = e
            .verdicts
            .iter()
            .zip(&o.verdicts)
            .any(|(x, y)| x.deadline() != y.deadline());
        Ok(AssistanceAnswer {
            application_date: a.arrival,
            arrived: e.arrived,
            urgent: a.urgent,
            as_of,
            reading,
            standing: ApplicationStanding::of(&e),
            deadlines: e.verdicts,
            other_reading: differs.then_some(AssistanceOtherReading {
                reading: other,
                deadlines: o.verdicts,
            }),
        })
    }
}

/// `POST /api/assistance/check`: one application as JSON in, its deadlines out.
pub async fn check_api(
    State(state): State<AppState>,
    request: Request,
) -> Result<Response, Failure> {
    let (_, body) =
        stream::small_body(request, super::state::MAX_FORM_BODY.min(state.max_upload)).await?;
    let request: AssistanceRequest = serde_json::from_slice(&body).map_err(|e| {
        Failure::bad_request(format!(
            "the request body is not the JSON of one application: {e}"
        ))
    })?;
    Ok(json_response(&request.answer(crate::labels::Lang::En)?))
}

/// A row that could not be read, as the API and the page list it.
#[derive(Serialize, Debug)]
pub struct InvalidApplication {
    pub line: u64,
    pub column: Option<String>,
    pub case_id: String,
    /// What is wrong and how to fix it, in the answer's language.
    pub problem: String,
    /// The problem's kind, a stable key for programs (`not_a_date`, `application_dates`).
    pub code: &'static str,
}

/// A list audited: the applications (as `assistance audit --format json` writes them), the
/// invalid rows and the counts.
#[derive(Serialize, Debug, Default)]
pub struct ListAnswer {
    pub as_of: Option<NaiveDate>,
    pub reading: Reading,
    pub applications: Vec<serde_json::Value>,
    pub invalid: Vec<InvalidApplication>,
    pub counts: ListCounts,
    /// Reading stopped early: why.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

/// How many rows were evaluated, invalid, and with a milestone overdue.
#[derive(Serialize, Debug, Default, Clone, Copy)]
pub struct ListCounts {
    pub evaluated: u64,
    pub invalid: u64,
    pub overdue: u64,
}

/// Audits a list read from `reader`; `keep(application)` says which applications to list. What
/// is wrong with a row is worded in `lang`, and in Finnish and Swedish its column is named as
/// the file names it (in English by its key, for programs).
fn audit_list(
    reader: &mut CaseReader,
    failure: &UploadFailure,
    options: &Options,
    keep: impl Fn(&read::EvaluatedApplication) -> bool,
    lang: crate::labels::Lang,
) -> ListAnswer {
    let places = crate::problem::Places::of(reader);
    let mut answer = ListAnswer {
        as_of: Some(options.as_of),
        reading: options.reading,
        ..ListAnswer::default()
    };
    let result = read::run(
        reader,
        options,
        |found| -> Result<(), crate::input::InputError> {
            match found {
                AssistanceFinding::Application(a) if keep(a) => {
                    let record = serde_json::to_value(Record::of(a, options.reading));
                    answer.applications.extend(record.ok());
                }
                AssistanceFinding::Application(_) => {}
                AssistanceFinding::Invalid(invalid) => answer.invalid.push(InvalidApplication {
                    line: invalid.problem.line,
                    column: invalid.problem.column.as_ref().map(|c| match lang {
                        crate::labels::Lang::En => c.name().to_string(),
                        _ => places.column_name(c, lang),
                    }),
                    case_id: invalid.case_id.to_string(),
                    problem: invalid.problem.problem.text(lang),
                    code: invalid.problem.problem.code(),
                }),
            }
            Ok(())
        },
    );
    match result {
        Ok(tally) => {
            answer.counts = ListCounts {
                evaluated: tally.evaluated,
                invalid: tally.invalid,
                overdue: tally.overdue,
            }
        }
        Err(error) => {
            answer.error = Some(match failure.take() {
                Some(failure) => failure.text(lang).to_string(),
                None => error.to_string(),
            })
        }
    }
    answer
}

/// Runs an audit of an upload (which holds its audit slot) on a blocking thread.
async fn run_audit(
    upload: stream::Upload,
    options: Options,
    keep: fn(&read::EvaluatedApplication) -> bool,
    lang: crate::labels::Lang,
) -> Result<ListAnswer, Failure> {
    tokio::task::spawn_blocking(move || {
        let input = crate::input::InputOptions::default();
        let (mut reader, failure) = stream::open_with(upload, &input, lang)?;
        Ok(audit_list(&mut reader, &failure, &options, keep, lang))
    })
    .await
    .unwrap_or_else(|_| {
        Err(Failure::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "the audit stopped unexpectedly",
        ))
    })
}

/// `POST /api/assistance/audit?as_of=&reading=`: the list as the body (CSV), or a multipart form
/// with it in its `file` field; every application with its deadlines, the invalid rows, the counts.
pub async fn audit_api(
    State(state): State<AppState>,
    q: Result<Query<HashMap<String, String>>, axum::extract::rejection::QueryRejection>,
    request: Request,
) -> Result<Response, Failure> {
    let fields = q
        .map(|Query(q)| q)
        .map_err(|e| Failure::bad_request(e.body_text()))?;
    let (fields, upload) = upload(&state, fields, request).await?;
    let lang = fields
        .get("lang")
        .and_then(|code| UiLang::from_code(code.trim()))
        .map_or(crate::labels::Lang::En, UiLang::labels);
    let options = options_of(&fields).map_err(|f| f.in_lang(lang))?;
    let answer = run_audit(upload, options, |_| true, lang)
        .await
        .map_err(|f| f.in_lang(lang))?;
    Ok(json_response(&answer))
}

/// The form of one application, as typed.
#[derive(Deserialize, Default, Debug)]
pub struct AssistanceForm {
    lang: Option<String>,
    application_date: Option<String>,
    urgent: Option<String>,
    decision_date: Option<String>,
    info_requested_date: Option<String>,
    info_received_date: Option<String>,
    info_reply_due_date: Option<String>,
    meeting_requested_date: Option<String>,
    meeting_date: Option<String>,
    paid_date: Option<String>,
    as_of: Option<String>,
    reading: Option<String>,
}

impl AssistanceForm {
    fn request(&self) -> AssistanceRequest {
        let text = |v: &Option<String>| v.clone().filter(|t| !t.trim().is_empty());
        AssistanceRequest {
            application_date: text(&self.application_date),
            urgent: self.urgent.is_some(),
            decision_date: text(&self.decision_date),
            info_requested_date: text(&self.info_requested_date),
            info_received_date: text(&self.info_received_date),
            info_reply_due_date: text(&self.info_reply_due_date),
            meeting_requested_date: text(&self.meeting_requested_date),
            meeting_date: text(&self.meeting_date),
            paid_date: text(&self.paid_date),
            as_of: text(&self.as_of),
            conservative: false,
            reading: text(&self.reading),
        }
    }
}

/// What the page shows under its forms.
enum Shown {
    Nothing,
    One(Box<Result<AssistanceAnswer, Failure>>),
    List(Result<ListAnswer, Failure>),
}

/// `GET /assistance`: the forms.
pub async fn page(headers: HeaderMap, Query(q): Query<LangQuery>) -> Response {
    let lang = UiLang::choose(q.lang.as_deref(), &headers);
    let form = AssistanceForm {
        as_of: Some(finnish(today_in_finland())),
        ..AssistanceForm::default()
    };
    html_response(StatusCode::OK, markup(lang, &form, Shown::Nothing))
}

/// `POST /assistance`: one application checked.
pub async fn check_post(
    State(state): State<AppState>,
    headers: HeaderMap,
    request: Request,
) -> Response {
    let refuse = |failure: Failure| {
        let lang = UiLang::choose(None, &headers);
        html_response(
            failure.status,
            markup(
                lang,
                &AssistanceForm::default(),
                Shown::One(Box::new(Err(failure))),
            ),
        )
    };
    let form: AssistanceForm = match read_form(&state, request).await {
        Ok(form) => form,
        Err(failure) => return refuse(failure),
    };
    let lang = UiLang::choose(form.lang.as_deref(), &headers);
    let answer = form.request().answer(lang.labels());
    let status = answer
        .as_ref()
        .map_or_else(|f| f.status, |_| StatusCode::OK);
    html_response(status, markup(lang, &form, Shown::One(Box::new(answer))))
}

/// `POST /assistance/audit`: a list uploaded; its counts, the applications overdue or due, the
/// invalid rows.
pub async fn audit_post(
    State(state): State<AppState>,
    headers: HeaderMap,
    request: Request,
) -> Response {
    let lang = UiLang::choose(None, &headers);
    let refuse = |lang: UiLang, failure: Failure| {
        html_response(
            failure.status,
            markup(lang, &AssistanceForm::default(), Shown::List(Err(failure))),
        )
    };
    let request = match stream::refuse_oversized(request, state.max_upload).await {
        Ok(request) => request,
        Err(failure) => return refuse(lang, failure),
    };
    let multipart = match Multipart::from_request(request, &()).await {
        Ok(multipart) => multipart,
        Err(rejection) => {
            return refuse(
                lang,
                Failure::new(rejection.status(), rejection.body_text()),
            )
        }
    };
    let permit = match state.audit_permit().await {
        Ok(permit) => permit,
        Err(failure) => return refuse(lang, failure),
    };
    let (texts, upload) = match stream::multipart_upload(multipart, state.max_upload, permit).await
    {
        Ok(read) => read,
        Err(failure) => return refuse(lang, failure),
    };
    let fields: HashMap<String, String> = texts.into_iter().collect();
    let lang = UiLang::choose(fields.get("lang").map(String::as_str), &headers);
    let options = match options_of(&fields) {
        Ok(options) => options,
        Err(failure) => return refuse(lang, failure),
    };
    // The page lists what needs doing: applications with a milestone overdue or due.
    let pressing = |a: &read::EvaluatedApplication| {
        a.evaluation
            .verdicts
            .iter()
            .any(|v| matches!(v.status(), Some(Status::Overdue | Status::Due)))
    };
    let answer = run_audit(upload, options, pressing, lang.labels()).await;
    let form = AssistanceForm {
        as_of: fields.get("as_of").cloned(),
        reading: fields.get("reading").cloned(),
        ..AssistanceForm::default()
    };
    let status = answer
        .as_ref()
        .map_or_else(|f| f.status, |_| StatusCode::OK);
    html_response(status, markup(lang, &form, Shown::List(answer)))
}

/// Applications listed on the page at most.
const LISTED: usize = 200;

fn markup(lang: UiLang, form: &AssistanceForm, shown: Shown) -> Markup {
    let t = lang.t();
    let w = |label| lang.labels().get(label);
    let value = |v: &Option<String>| super::pages::layout::shown(v.as_deref().unwrap_or_default());
    let conservative = form.reading.as_deref() == Some("conservative");
    let date_input = |id: &'static str, label: Label, required: bool, typed: &Option<String>| {
        html! {
            div.field {
                label for=(id) { (w(label)) @if !required { " " span.optional { (t.optional) } } }
                input id=(id) name=(id) type="text" inputmode="numeric" autocomplete="off" required[required] aria-describedby="date-hint" value=(value(typed));
            }
        }
    };
    let body = html! {
        h1 { (w(Label::AsTitle)) }
        p.intro { (w(Label::AsIntro)) }
        h2 { (w(Label::AsOneTitle)) }
        @if let Shown::One(one) = &shown { @if let Err(failure) = one.as_ref() {
            (error_box(t, failure.text(lang.labels())))
        } }
        form.card method="post" action="/assistance" {
            input type="hidden" name="lang" value=(lang.code());
            p.hint #date-hint { (t.date_hint) }
            div.row {
                (date_input("application_date", Label::AsApplicationDate, true, &form.application_date))
                div.check {
                    input #urgent name="urgent" type="checkbox" checked[form.urgent.is_some()];
                    label for="urgent" { (w(Label::AsUrgent)) }
                }
            }
            div.row {
                (date_input("info_requested_date", Label::AsInfoRequest, false, &form.info_requested_date))
                (date_input("info_received_date", Label::AsInfoReceived, false, &form.info_received_date))
                (date_input("info_reply_due_date", Label::AsInfoReplyDue, false, &form.info_reply_due_date))
            }
            div.row {
                (date_input("decision_date", Label::AsDecision, false, &form.decision_date))
                (date_input("paid_date", Label::AsPayment, false, &form.paid_date))
            }
            div.row {
                (date_input("meeting_requested_date", Label::AsMeetingRequested, false, &form.meeting_requested_date))
                (date_input("meeting_date", Label::AsMeeting, false, &form.meeting_date))
                div.field {
                    label for="as_of" { (t.as_of) }
                    input #as_of name="as_of" type="text" inputmode="numeric" autocomplete="off" value=(value(&form.as_of));
                }
            }
            (reading_fieldset(t, conservative))
            button type="submit" { (t.check_button) }
        }
        @if let Shown::One(one) = &shown { @if let Ok(answer) = one.as_ref() {
            (one_answer(lang, answer))
        } }
        h2 { (w(Label::AsListTitle)) }
        @if let Shown::List(Err(failure)) = &shown {
            (error_box(t, failure.text(lang.labels())))
        }
        form.card method="post" action="/assistance/audit" enctype="multipart/form-data" {
            input type="hidden" name="lang" value=(lang.code());
            div.field {
                label for="list_as_of" { (t.as_of) }
                input #list_as_of name="as_of" type="text" inputmode="numeric" autocomplete="off" value=(value(&form.as_of));
            }
            (reading_fieldset_list(t, conservative))
            div.field {
                label for="file" { (t.file) }
                input #file name="file" type="file" accept=".csv,.txt,text/csv,.xlsx,.xlsm,.xlsb,.xls,.ods" required aria-describedby="file-hint";
                span.hint #file-hint { (w(Label::AsFileHint)) }
            }
            button type="submit" { (t.audit_button) }
        }
        @if let Shown::List(Ok(answer)) = &shown {
            (list_answer(lang, answer))
        }
    };
    layout(
        lang,
        w(Label::AsTitle),
        Nav::Assistance,
        "/assistance",
        body,
    )
}

/// The reading radios of the list form: ids of their own beside the one-application form's.
fn reading_fieldset_list(t: &super::lang::Texts, conservative: bool) -> Markup {
    html! {
        fieldset {
            legend { (t.reading) }
            div.check {
                input #list-reading-standard name="reading" type="radio" value="standard" checked[!conservative];
                label for="list-reading-standard" { (t.reading_standard) }
            }
            div.check {
                input #list-reading-conservative name="reading" type="radio" value="conservative" checked[conservative];
                label for="list-reading-conservative" { (t.reading_conservative) }
            }
        }
    }
}

fn milestone_word(lang: UiLang, milestone: AssistanceMilestone) -> &'static str {
    lang.labels().get(match milestone {
        AssistanceMilestone::Decision => Label::AsDecision,
        AssistanceMilestone::InfoRequest => Label::AsInfoRequest,
        AssistanceMilestone::Meeting => Label::AsMeeting,
        AssistanceMilestone::Payment => Label::AsPayment,
    })
}

fn status_text(lang: UiLang, verdict: &Verdict) -> Markup {
    match verdict.status() {
        Some(status) => {
            html! { span class=(format!("badge status-{}", status.as_str())) { (lang.status(status)) } }
        }
        None => html! { span.badge { (lang.labels().get(Label::AsNotRecorded)) } },
    }
}

fn days(verdict: &Verdict) -> String {
    let o = verdict.outcome;
    let over = o.and_then(|o| o.working_days_late.or(o.working_days_overdue));
    let left = o.and_then(|o| o.working_days_remaining);
    match (over, left, verdict.elapsed_working_days) {
        (Some(n), _, _) => format!("+{n}"),
        (_, Some(n), _) => format!("{n}"),
        (_, _, Some(n)) => format!("({n})"),
        _ => String::new(),
    }
}

fn verdict_rows(lang: UiLang, verdicts: &[Verdict; 4]) -> Markup {
    html! {
        @for v in verdicts {
            tr {
                th scope="row" { (milestone_word(lang, v.milestone)) }
                td { (v.deadline().map(|d| day(lang, d)).unwrap_or_default()) }
                td { (status_text(lang, v)) }
                td.num { (days(v)) }
                td.statute { (lang.labels().statute(v.statute)) }
            }
        }
    }
}

fn one_answer(lang: UiLang, answer: &AssistanceAnswer) -> Markup {
    let t = lang.t();
    let w = |label| lang.labels().get(label);
    html! {
        section.result aria-labelledby="result-title" {
            h2 #result-title tabindex="-1" { (t.result) }
            p { (w(Label::AsArrived)) ": " strong { (day(lang, answer.arrived)) } }
            table.outcomes {
                thead { tr { th scope="col" { (w(Label::AsMilestone)) } th scope="col" { (t.deadline) } th scope="col" { (t.status) } th scope="col" { (t.working_days) } th scope="col" { (t.statute) } } }
                tbody { (verdict_rows(lang, &answer.deadlines)) }
            }
            p.hint { (w(Label::AsDaysNote)) }
            @if let Some(other) = &answer.other_reading {
                h3 { (t.other_reading) ": " (lang.labels().reading(other.reading)) }
                table.outcomes {
                    thead { tr { th scope="col" { (w(Label::AsMilestone)) } th scope="col" { (t.deadline) } th scope="col" { (t.status) } th scope="col" { (t.working_days) } th scope="col" { (t.statute) } } }
                    tbody { (verdict_rows(lang, &other.deadlines)) }
                }
            } @else {
                p { (t.same_in_other_reading) }
            }
        }
    }
}

fn list_answer(lang: UiLang, answer: &ListAnswer) -> Markup {
    let t = lang.t();
    let w = |label| lang.labels().get(label);
    let c = answer.counts;
    html! {
        section.result aria-labelledby="list-result-title" {
            h2 #list-result-title tabindex="-1" { (t.result) }
            @if let Some(error) = &answer.error {
                (error_box(t, error))
            }
            p { (t.evaluated) ": " (c.evaluated) " · " (t.invalid) ": " (c.invalid) " · " (w(Label::AsOverdueApplications)) ": " (c.overdue) }
            @if !answer.applications.is_empty() {
                table.list {
                    caption { (w(Label::AsPressing)) }
                    thead { tr {
                        th scope="col" { (t.line) } th scope="col" { (t.case_id) } th scope="col" { (t.unit) }
                        @for m in AssistanceMilestone::ALL { th scope="col" { (milestone_word(lang, m)) } }
                    } }
                    tbody {
                        @for a in answer.applications.iter().take(LISTED) {
                            tr {
                                td.num { (a["line"]) }
                                td { (a["case_id"].as_str().unwrap_or_default()) }
                                td { (a["unit"].as_str().unwrap_or_default()) }
                                @for d in a["deadlines"].as_array().into_iter().flatten() {
                                    td { (cell(lang, d)) }
                                }
                            }
                        }
                    }
                }
                @if answer.applications.len() > LISTED { p.hint { (t.first_listed) } }
            }
            @if !answer.invalid.is_empty() {
                table.list {
                    caption { (t.invalid_rows) }
                    thead { tr { th scope="col" { (t.line) } th scope="col" { (t.case_id) } th scope="col" { (t.problem) } } }
                    tbody {
                        @for row in answer.invalid.iter().take(LISTED) {
                            tr { td.num { (row.line) } td { (row.case_id) } td { (row.column.as_deref().unwrap_or_default()) ": " (row.problem) } }
                        }
                    }
                }
            }
        }
    }
}

/// A milestone of a listed application: its status word and deadline.
fn cell(lang: UiLang, deadline: &serde_json::Value) -> String {
    let status = deadline["status"].as_str().unwrap_or_default();
    let word = Status::ALL
        .into_iter()
        .find(|s| s.as_str() == status)
        .map_or_else(
            || lang.labels().get(Label::AsNotRecorded),
            |s| lang.status(s),
        );
    match deadline["deadline"]
        .as_str()
        .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
    {
        Some(date) => format!("{word} {}", finnish(date)),
        None => word.to_string(),
    }
}
