//! The audit page (`/audit`): a list uploaded, its counts, the overdue and due cases, the
//! invalid rows, and the two files to save.

use std::collections::HashMap;

use axum::extract::{FromRequest, Multipart, Path, Query, Request, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use maud::{html, Markup};

use super::layout::{
    error_box, html_response, layout, reading_fieldset, shown, status_badge, LangQuery, Nav,
};
use crate::dates::{finnish, today_in_finland};
use crate::evaluation::Status;
use crate::labels::Label;
use crate::report::{CaseSink, CsvSink, CsvStyle};
use crate::rules::Group;
use crate::web::api::{self, AuditFormat, AuditOptions};
use crate::web::failure::Failure;
use crate::web::lang::{Texts, UiLang};
use crate::web::state::AppState;
use crate::web::stream::{self, Audited, Listed, StatusCounts, CASES_LISTED, INVALID_LISTED};

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
            (error_box(t, failure.text(lang.labels())))
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
                (error_box(t, error.text(lang.labels())))
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
    fn case(&mut self, case: &crate::batch::EvaluatedCase) -> std::io::Result<()> {
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
