//! The JSON API: the same answers as the command line's `--format json`, built by the same code.
//! Described by `/api/openapi.json`.

use std::collections::HashMap;

use axum::body::Body;
use axum::extract::{FromRequest, Multipart, Path, Query, Request, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use chrono::NaiveDate;
use serde::Deserialize;

use super::failure::{json_response, Failure};
use super::lang::UiLang;
use super::state::AppState;
use super::stream::{self, ChannelWriter, Upload};
use crate::answer;
use crate::calendar::Reading;
use crate::evaluation::{Case, Person};
use crate::hetu::Hetu;
use crate::labels::{Label, Lang};
use crate::options::{Given, Options};
use crate::report::{CaseSink, CsvSink, CsvStyle, JsonSink};

/// The OpenAPI document of this API.
pub const OPENAPI: &str = include_str!("assets/openapi.json");

pub async fn openapi() -> Response {
    (
        [(header::CONTENT_TYPE, "application/json")],
        Body::from(OPENAPI),
    )
        .into_response()
}

/// One case as the `check` command takes it: the fields are the flags' names.
#[derive(Deserialize, Debug, Default)]
#[serde(deny_unknown_fields)]
pub struct CheckRequest {
    pub pending: Option<String>,
    pub birth_date: Option<String>,
    pub hetu: Option<String>,
    pub age: Option<u32>,
    #[serde(default)]
    pub care_allowance: bool,
    #[serde(default)]
    pub disabled: bool,
    #[serde(default)]
    pub child_special_support: bool,
    #[serde(default)]
    pub child_welfare: bool,
    #[serde(default)]
    pub urgent: bool,
    pub started: Option<String>,
    pub completed: Option<String>,
    pub decision: Option<String>,
    pub implemented: Option<String>,
    #[serde(default)]
    pub older_person: bool,
    pub as_of: Option<String>,
    /// `--conservative`.
    #[serde(default)]
    pub conservative: bool,
    /// `standard` or `conservative` (instead of `conservative: true`).
    pub reading: Option<String>,
}

/// A date field: empty is none; otherwise it must read as a date.
pub(super) fn date_field(name: &str, text: Option<&str>) -> Result<Option<NaiveDate>, Failure> {
    let Some(text) = text.map(str::trim).filter(|t| !t.is_empty()) else {
        return Ok(None);
    };
    crate::dates::parse_date(text).map(Some).map_err(|_| {
        // The field by its key in English (for programs), by its label on a page.
        Failure::worded(StatusCode::BAD_REQUEST, "invalid_date", |lang| {
            let why = crate::problem::given_date_in(text, lang)
                .err()
                .unwrap_or_default();
            let label = crate::problem::assistance_date_label(name);
            let name = match lang {
                Lang::En => name,
                _ => lang.get(label),
            };
            lang.fill(Label::WebFieldValue, &[name, &why])
        })
    })
}

/// [`date_field`] with the problem in `lang`.
fn date_field_in(name: &str, text: Option<&str>, lang: Lang) -> Result<Option<NaiveDate>, Failure> {
    match text.map(str::trim).filter(|t| !t.is_empty()) {
        None => Ok(None),
        Some(text) => crate::problem::given_date_in(text, lang)
            .map(Some)
            .map_err(|e| Failure::bad_request(format!("{name}: {e}"))),
    }
}

/// A field of the check form as an answer names it: its key for programs (English), its label
/// on the page in Finnish and Swedish.
fn field_name(key: &'static str, label: Label, lang: Lang) -> &'static str {
    match lang {
        Lang::En => key,
        _ => lang.get(label),
    }
}

/// `standard` or `conservative`; absent is the standard reading (or `conservative: true`). Given
/// but empty (`reading=`) is refused as the OpenAPI document's enum says, not taken as absent.
pub fn reading_field(text: Option<&str>, conservative: bool) -> Result<Reading, Failure> {
    match text.map(str::trim) {
        None if conservative => Ok(Reading::Conservative),
        None | Some("standard") => Ok(Reading::Standard),
        Some("conservative") => Ok(Reading::Conservative),
        Some(other) => Err(Failure::worded(
            StatusCode::BAD_REQUEST,
            "invalid_reading",
            |lang| {
                let why = lang.fill(Label::WebNotAReading, &[other]);
                let name = field_name("reading", Label::WebReading, lang);
                lang.fill(Label::WebFieldValue, &[name, &why])
            },
        )),
    }
}

/// The as-of date given (inside the calendar), if one is: an empty field is none, and the job's
/// options then take today in Finland ([`Given::resolve`]).
pub fn as_of_field(text: Option<&str>) -> Result<Option<NaiveDate>, Failure> {
    match text.map(str::trim).filter(|t| !t.is_empty()) {
        None => Ok(None),
        Some(text) => crate::dates::given_as_of(text).map(Some).map_err(|e| {
            Failure::worded(StatusCode::BAD_REQUEST, "invalid_as_of", |lang| {
                let why = match crate::problem::given_date_in(text, lang) {
                    _ if lang == Lang::En => e.clone(),
                    Err(why) => why,
                    Ok(date) => crate::problem::calendar_error(
                        &crate::calendar::CalendarError::OutOfRange { date },
                        lang,
                    ),
                };
                let name = field_name("as_of", Label::WebAsOf, lang);
                lang.fill(Label::WebFieldValue, &[name, &why])
            })
        }),
    }
}

/// The options of a job from the query or form fields `as_of` and `reading`, resolved as the
/// command line resolves its flags ([`Given::resolve`]); nothing from the web shows identity
/// codes, and nothing but a bad input fails a web job.
pub fn options_of(fields: &HashMap<String, String>) -> Result<Options, Failure> {
    let get = |name: &str| fields.get(name).map(String::as_str);
    let as_of = as_of_field(get("as_of"))?;
    let reading = reading_field(get("reading"), false)?;
    Ok(Given::new(as_of, reading).resolve())
}

impl CheckRequest {
    /// The case, the as-of date and the reading, or what is wrong with them in `lang` (the
    /// command line's words, with the field's name for the flag's; its label on a page in
    /// Finnish or Swedish).
    pub fn case_in(&self, lang: Lang) -> Result<(Case, NaiveDate, Reading), Failure> {
        let date = |key, label, text: &Option<String>| {
            date_field_in(field_name(key, label, lang), text.as_deref(), lang)
        };
        let pending = date("pending", Label::WebPending, &self.pending)?
            .ok_or_else(|| Failure::bad_request(lang.get(Label::ErrPendingRequired)))?;
        let birth_date = date("birth_date", Label::WebBirthDate, &self.birth_date)?;
        let hetu = self
            .hetu
            .as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty());
        let given = [birth_date.is_some(), hetu.is_some(), self.age.is_some()];
        if given.iter().filter(|g| **g).count() > 1 {
            return Err(Failure::bad_request(lang.get(Label::ErrOnePerson)));
        }
        let person = match (birth_date, hetu, self.age) {
            (Some(birth), _, _) => Person::BirthDate(birth),
            (_, Some(code), _) => Person::Hetu(Hetu::parse(code).map_err(|e| {
                let name = field_name("hetu", Label::WebHetu, lang);
                let text = crate::problem::Problem::Hetu(e).text(lang);
                Failure::bad_request(format!("{name}: {text}"))
            })?),
            (_, _, Some(age)) => Person::Age(age),
            _ => Person::Unknown,
        };
        let case = Case {
            pending,
            person,
            care_allowance: self.care_allowance,
            disabled: self.disabled,
            child_special_support: self.child_special_support,
            child_welfare: self.child_welfare,
            urgent: self.urgent,
            started: date("started", Label::WebStarted, &self.started)?,
            completed: date("completed", Label::WebCompleted, &self.completed)?,
            decision: date("decision", Label::WebDecision, &self.decision)?,
            implemented: date("implemented", Label::WebImplemented, &self.implemented)?,
            older_person: self.older_person,
            unrecorded: Default::default(),
        };
        let given = Given::new(
            as_of_field(self.as_of.as_deref())?,
            reading_field(self.reading.as_deref(), self.conservative)?,
        );
        let Options { as_of, reading, .. } = given.resolve();
        Ok((case, as_of, reading))
    }

    /// The answer of `check --format json` for this case.
    pub fn answer(&self) -> Result<answer::CheckAnswer, Failure> {
        self.answer_in(Lang::En)
    }

    /// [`CheckRequest::answer`] with what is wrong in `lang`.
    pub fn answer_in(&self, lang: Lang) -> Result<answer::CheckAnswer, Failure> {
        let (case, as_of, reading) = self.case_in(lang)?;
        answer::check(&case, as_of, reading)
            .map_err(|e| Failure::bad_request(crate::problem::case_error(&e, lang)))
    }
}

/// `POST /api/check`: JSON in (the `check` flags' names), the `check --format json` object out.
pub async fn check(State(state): State<AppState>, request: Request) -> Result<Response, Failure> {
    let (_, body) =
        stream::small_body(request, super::state::MAX_FORM_BODY.min(state.max_upload)).await?;
    let request: CheckRequest = serde_json::from_slice(&body).map_err(|e| {
        Failure::bad_request(format!("the request body is not the JSON of one case: {e}"))
    })?;
    Ok(json_response(&request.answer()?))
}

/// The `reading` query parameter of the calendar calls.
#[derive(Deserialize, Debug, Default)]
pub struct ReadingQuery {
    pub reading: Option<String>,
    #[serde(default)]
    pub conservative: Option<String>,
}

impl ReadingQuery {
    fn reading(&self) -> Result<Reading, Failure> {
        let conservative = matches!(self.conservative.as_deref(), Some("true" | "1" | ""));
        reading_field(self.reading.as_deref(), conservative)
    }
}

fn query<T: serde::de::DeserializeOwned + Default>(
    query: Result<Query<T>, axum::extract::rejection::QueryRejection>,
) -> Result<T, Failure> {
    query
        .map(|Query(q)| q)
        .map_err(|e| Failure::bad_request(e.body_text()))
}

/// `GET /api/calendar/holidays/{year}`: `calendar holidays YEAR --format json`.
pub async fn holidays(
    Path(year): Path<String>,
    q: Result<Query<ReadingQuery>, axum::extract::rejection::QueryRejection>,
) -> Result<Response, Failure> {
    let reading = query(q)?.reading()?;
    let year: i32 = year
        .trim()
        .parse()
        .map_err(|_| Failure::bad_request(format!("`{year}` is not a year: write it as 2026")))?;
    let rows =
        answer::holidays(year, year, reading).map_err(|e| Failure::bad_request(e.to_string()))?;
    Ok(json_response(&rows))
}

#[derive(Deserialize, Debug, Default)]
pub struct AddQuery {
    from: Option<String>,
    days: Option<String>,
    #[serde(flatten)]
    reading: ReadingQuery,
}

fn required_date(name: &str, text: Option<&str>) -> Result<NaiveDate, Failure> {
    date_field(name, text)?.ok_or_else(|| {
        Failure::bad_request(format!(
            "{name}: a date is required (23.11.2026 or 2026-11-23)"
        ))
    })
}

/// `GET /api/calendar/add?from=DATE&days=N`: `calendar add DATE N --format json`.
pub async fn add(
    q: Result<Query<AddQuery>, axum::extract::rejection::QueryRejection>,
) -> Result<Response, Failure> {
    let q = query(q)?;
    let from = required_date("from", q.from.as_deref())?;
    let days = q.days.as_deref().map(str::trim).unwrap_or("");
    let days: i64 = days.parse().map_err(|_| {
        Failure::bad_request(format!(
            "days: `{days}` is not a whole number of working days (e.g. 7, or -7 to count back)"
        ))
    })?;
    let answer = answer::add(from, days, q.reading.reading()?)
        .map_err(|e| Failure::bad_request(e.to_string()))?;
    Ok(json_response(&answer))
}

#[derive(Deserialize, Debug, Default)]
pub struct CountQuery {
    from: Option<String>,
    to: Option<String>,
    #[serde(flatten)]
    reading: ReadingQuery,
}

/// `GET /api/calendar/count?from=DATE&to=DATE`: `calendar count A B --format json`.
pub async fn count(
    q: Result<Query<CountQuery>, axum::extract::rejection::QueryRejection>,
) -> Result<Response, Failure> {
    let q = query(q)?;
    let from = required_date("from", q.from.as_deref())?;
    let to = required_date("to", q.to.as_deref())?;
    let answer = answer::count(from, to, q.reading.reading()?)
        .map_err(|e| Failure::bad_request(e.to_string()))?;
    Ok(json_response(&answer))
}

/// What an audit is asked for: the job's options (the as-of date and reading, resolved as the
/// command line's), the language of Excel labels, and the output.
#[derive(Clone, Copy, Debug)]
pub struct AuditOptions {
    pub options: Options,
    pub lang: UiLang,
    pub format: AuditFormat,
}

/// What an audit answers with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AuditFormat {
    /// `{"cases": [...], "invalid": [...], "counts": {...}}`.
    Json,
    /// The audit CSV, as `audit --format csv`.
    Csv,
    /// The audit CSV for Finnish Excel, as `audit --excel`.
    Excel,
}

impl AuditOptions {
    /// From the query or form fields `as_of`, `reading`, `lang`, `format`.
    pub fn from_fields(
        fields: &HashMap<String, String>,
        default: AuditFormat,
    ) -> Result<Self, Failure> {
        let get = |name: &str| fields.get(name).map(String::as_str);
        let lang = match get("lang").map(str::trim).filter(|l| !l.is_empty()) {
            None => UiLang::En,
            Some(text) => UiLang::from_code(text).ok_or_else(|| {
                Failure::bad_request(format!(
                    "lang: `{text}` is not a language: write fi, sv or en"
                ))
            })?,
        };
        let format = match get("format").map(str::trim).filter(|f| !f.is_empty()) {
            None => default,
            Some("json") => AuditFormat::Json,
            Some("csv") => AuditFormat::Csv,
            Some("excel") => AuditFormat::Excel,
            Some(other) => {
                return Err(Failure::bad_request(format!(
                    "format: `{other}` is not a format: write json, csv or excel"
                )))
            }
        };
        Ok(AuditOptions {
            options: options_of(fields)?,
            lang,
            format,
        })
    }
}

/// `POST /api/audit?as_of=&reading=&lang=&format=`: the list as the body (CSV), or a multipart
/// form with the list in its `file` field; the audit out as it streams.
pub async fn audit(
    State(state): State<AppState>,
    q: Result<Query<HashMap<String, String>>, axum::extract::rejection::QueryRejection>,
    request: Request,
) -> Result<Response, Failure> {
    let fields = query(q)?;
    // What is wrong in the language asked for, as far as it is known yet.
    let asked = |fields: &HashMap<String, String>| {
        let code = fields.get("lang").map_or("", |l| l.trim());
        UiLang::from_code(code).map_or(Lang::En, UiLang::labels)
    };
    let lang = asked(&fields);
    let (fields, upload) = upload(&state, fields, request)
        .await
        .map_err(|f| f.in_lang(lang))?;
    let lang = asked(&fields);
    let options =
        AuditOptions::from_fields(&fields, AuditFormat::Json).map_err(|f| f.in_lang(lang))?;
    stream_audit(upload, options, None)
        .await
        .map_err(|f| f.in_lang(lang))
}

/// The list of an audit request, with the audit slot it holds: the body itself (CSV), or the
/// `file` field of a multipart form whose other fields join `fields` (the query's win).
pub(super) async fn upload(
    state: &AppState,
    mut fields: HashMap<String, String>,
    request: Request,
) -> Result<(HashMap<String, String>, Upload), Failure> {
    let multipart = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.to_ascii_lowercase().starts_with("multipart/"));
    let request = stream::refuse_oversized(request, state.max_upload).await?;
    // The audit slot first: no upload is read before it has one.
    let permit = state.audit_permit().await?;
    let upload = if multipart {
        let form = Multipart::from_request(request, &())
            .await
            .map_err(|e| Failure::new(e.status(), e.body_text()))?;
        let (texts, upload) = stream::multipart_upload(form, state.max_upload, permit).await?;
        for (name, value) in texts {
            fields.entry(name).or_insert(value);
        }
        upload
    } else {
        stream::raw_upload(request.into_body(), state.max_upload, permit)
    };
    Ok((fields, upload))
}

/// Runs an audit and streams its answer: JSON, or a CSV file (`attachment` names the download).
pub async fn stream_audit(
    upload: Upload,
    options: AuditOptions,
    attachment: Option<&str>,
) -> Result<Response, Failure> {
    let (ready_sender, ready) = tokio::sync::oneshot::channel();
    let (mut writer, body) = ChannelWriter::new();
    tokio::task::spawn_blocking(move || {
        let input = crate::input::InputOptions::default();
        let (mut reader, failure) = match stream::open_with(upload, &input, options.lang.labels()) {
            Ok(opened) => opened,
            Err(failure) => {
                let _ = ready_sender.send(Err(failure));
                return;
            }
        };
        if ready_sender.send(Ok(())).is_err() {
            return;
        }
        let job = options.options;
        let outcome = match options.format {
            AuditFormat::Json => write_json(
                &mut writer,
                &mut reader,
                &failure,
                &job,
                options.lang.labels(),
            ),
            AuditFormat::Csv | AuditFormat::Excel => {
                let style = CsvStyle {
                    excel: options.format == AuditFormat::Excel,
                    lang: options.lang.labels(),
                };
                write_csv(&mut writer, &mut reader, &failure, &job, style)
            }
        };
        match outcome {
            Ok(()) => {
                let _ = std::io::Write::flush(&mut writer);
            }
            Err(message) => writer.abort(&message),
        }
    });
    match ready.await {
        Ok(Ok(())) => {}
        Ok(Err(failure)) => return Err(failure),
        Err(_) => {
            return Err(Failure::new(
                StatusCode::INTERNAL_SERVER_ERROR,
                "the audit stopped unexpectedly",
            ))
        }
    }
    let content_type = match (options.format, attachment) {
        (AuditFormat::Json, _) => "application/json",
        (_, _) => "text/csv; charset=utf-8",
    };
    let mut response = ([(header::CONTENT_TYPE, content_type)], body).into_response();
    let name = attachment
        .map(str::to_string)
        .or_else(|| (options.format != AuditFormat::Json).then(|| "audit.csv".to_string()));
    if let Some(name) = name {
        if let Ok(value) = format!("attachment; filename=\"{name}\"").parse() {
            response
                .headers_mut()
                .insert(header::CONTENT_DISPOSITION, value);
        }
    }
    Ok(response)
}

/// `{"cases": [the audit --format json array], "invalid": [...], "warnings": [...], "notices":
/// [...], "counts": {...}}`; a reading stopped early adds `"error"`.
fn write_json(
    out: &mut ChannelWriter,
    reader: &mut crate::input::CaseReader,
    failure: &stream::UploadFailure,
    options: &Options,
    lang: crate::labels::Lang,
) -> Result<(), String> {
    use std::io::Write;
    let io = |e: std::io::Error| e.to_string();
    out.write_all(b"{\n\"cases\": ").map_err(io)?;
    let mut sink = Box::new(JsonSink::new(&mut *out, false, options.reading));
    let audited = stream::audit(reader, failure, options, Some(&mut *sink), false, lang);
    sink.finish().map_err(io)?;
    if let Some(error) = &audited.error {
        if error.message.contains("client went away") {
            return Err(error.message.clone());
        }
    }
    let json = |out: &mut ChannelWriter, key: &str, value: &dyn erased::ErasedJson| {
        write!(out, ",\n\"{key}\": ").map_err(io)?;
        value.write(out).map_err(|e| e.to_string())
    };
    json(out, "invalid", &audited.invalid)?;
    json(out, "invalid_listed", &audited.invalid.len())?;
    json(out, "warnings", &audited.warnings)?;
    json(out, "warnings_listed", &audited.warnings.len())?;
    let notices: Vec<stream::NoticeRow> = audited
        .notices
        .iter()
        .map(|notice| stream::NoticeRow::new(notice, lang))
        .collect();
    json(out, "notices", &notices)?;
    json(out, "counts", &audited.counts)?;
    if let Some(error) = &audited.error {
        json(out, "error", &error.text(lang))?;
    }
    out.write_all(b"\n}\n").map_err(io)?;
    Ok(())
}

fn write_csv(
    out: &mut ChannelWriter,
    reader: &mut crate::input::CaseReader,
    failure: &stream::UploadFailure,
    options: &Options,
    style: CsvStyle,
) -> Result<(), String> {
    let chain = reader.has_chain_columns();
    let sink = CsvSink::new(
        &mut *out,
        style,
        false,
        chain,
        options.reading,
        options.as_of,
    )
    .map_err(|e| e.to_string())?;
    let mut sink = Box::new(sink);
    let lang = style.lang;
    let audited = stream::audit(reader, failure, options, Some(&mut *sink), false, lang);
    if let Some(error) = audited.error {
        return Err(error.message);
    }
    sink.finish().map_err(|e| e.to_string())
}

/// A serializable value behind a reference (serde's trait is not object safe).
mod erased {
    pub trait ErasedJson {
        fn write(&self, out: &mut dyn std::io::Write) -> serde_json::Result<()>;
    }

    impl<T: serde::Serialize> ErasedJson for T {
        fn write(&self, out: &mut dyn std::io::Write) -> serde_json::Result<()> {
            serde_json::to_writer(out, self)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(pairs: &[(&str, &str)]) -> HashMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    /// The web builds a job's options as the command line does (`cli::list::ListArgs::given`
    /// maps `--as-of 1.12.2026 --conservative` to the same [`Given`], and the test beside it
    /// holds it to that): the same inputs, the same value, whichever door.
    #[test]
    fn the_web_resolves_the_options_the_command_line_resolves() {
        let given = Given::new(NaiveDate::from_ymd_opt(2026, 12, 1), Reading::Conservative);
        let asked = fields(&[("as_of", "1.12.2026"), ("reading", "conservative")]);
        assert_eq!(options_of(&asked).unwrap(), given.resolve());
        // The audit's form and query fields take the same route.
        let audit = AuditOptions::from_fields(&asked, AuditFormat::Json).unwrap();
        assert_eq!(audit.options, given.resolve());
        // Left out (or empty), the as-of date is today in Finland, as `--as-of` left out.
        for asked in [fields(&[]), fields(&[("as_of", " ")])] {
            let before = Given::new(None, Reading::Standard).resolve();
            let options = options_of(&asked).unwrap();
            let after = Given::new(None, Reading::Standard).resolve();
            assert!(options == before || options == after, "{options:?}");
        }
    }

    /// A web job never shows identity codes and never fails on what it finds: those are the
    /// command line's `--show-hetu`, `--strict` and `--fail-on-overdue`, which the web has not.
    #[test]
    fn a_web_job_hides_codes_and_fails_only_on_bad_input() {
        let options = options_of(&fields(&[("as_of", "2026-12-01")])).unwrap();
        assert!(!options.show_hetu && !options.strict && !options.fail_on_overdue);
        assert!(options_of(&fields(&[("as_of", "31.2.2026")])).is_err());
        assert!(options_of(&fields(&[("reading", "")])).is_err());
    }
}
