//! What every page shares: the frame (navigation, language links), the error page and box,
//! how a date and a typed value are shown, the reading fieldset, a status badge, the form reader.

use axum::extract::{Form, FromRequest, Request};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use chrono::{Datelike, NaiveDate};
use maud::{html, Markup, DOCTYPE};
use serde::Deserialize;

use crate::dates::finnish;
use crate::evaluation::Status;
use crate::web::failure::Failure;
use crate::web::lang::{Texts, UiLang};
use crate::web::state::AppState;
use crate::web::stream::{self};

/// Which page the navigation marks as the current one.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(in crate::web) enum Nav {
    Check,
    Audit,
    Calendar,
    Assistance,
    None,
}

pub(in crate::web) fn html_response(status: StatusCode, markup: Markup) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        markup.into_string(),
    )
        .into_response()
}

/// The frame of every page: language, navigation, the privacy note.
pub(in crate::web) fn layout(
    lang: UiLang,
    title: &str,
    nav: Nav,
    path: &str,
    body: Markup,
) -> Markup {
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
                    @if crate::web::state::open_to_all() {
                        p.no-login { (crate::web::state::no_login_notice(lang.code())) }
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
                p { (failure.text(lang.labels())) }
            },
        ),
    )
}

#[derive(Deserialize, Default, Debug)]
pub struct LangQuery {
    pub(in crate::web) lang: Option<String>,
}

/// A value typed by the user, as put back into a form: an identity code typed into the wrong
/// field is not shown again.
pub(in crate::web) fn shown(text: &str) -> String {
    crate::text::redact_hetus(text).into_owned()
}

/// A date as the pages show it: `ke 2.12.2026`.
pub(in crate::web) fn day(lang: UiLang, date: NaiveDate) -> String {
    format!(
        "{} {}",
        lang.weekday_short(date.weekday().num_days_from_monday() as usize),
        finnish(date)
    )
}

pub(in crate::web) fn error_box(t: &Texts, message: &str) -> Markup {
    html! {
        div.error role="alert" {
            h2 { (t.error_title) }
            p { (shown(message)) }
        }
    }
}

pub(in crate::web) fn reading_fieldset(t: &Texts, conservative: bool) -> Markup {
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

pub(in crate::web) fn status_badge(lang: UiLang, status: Status) -> Markup {
    html! {
        span class=(format!("badge status-{}", status.as_str())) { (lang.status(status)) }
    }
}

/// A page's small form (`application/x-www-form-urlencoded`), read within the form limit (and
/// the upload limit): the one reader of every page's form.
pub(in crate::web) async fn read_form<T: serde::de::DeserializeOwned>(
    state: &AppState,
    request: Request,
) -> Result<T, Failure> {
    let limit = crate::web::state::MAX_FORM_BODY.min(state.max_upload);
    let (parts, body) = stream::small_body(request, limit).await?;
    let request = Request::from_parts(parts, axum::body::Body::from(body));
    match Form::<T>::from_request(request, &()).await {
        Ok(Form(form)) => Ok(form),
        Err(rejection) => Err(Failure::new(rejection.status(), rejection.body_text())),
    }
}
