//! An error answer of the server: a page or `{"error": …, "code": …}` in the language asked
//! for, and the JSON body every answer of the API is written as.

use axum::body::Body;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};

use crate::labels::Lang;
use crate::text::redact_hetus;

/// An error answer: JSON `{"error": …, "code": …}` under `/api/`, a page elsewhere. The
/// message is redacted (an identity code typed into the wrong field comes back as
/// `[henkilötunnus]`). One worded from the label table ([`Failure::worded`]) is in each
/// language, and the page or the API's `lang` picks one; `code` is the stable key for programs.
#[derive(Debug)]
pub(crate) struct Failure {
    pub status: StatusCode,
    /// A stable key for programs: the JSON answer's `code`.
    pub code: &'static str,
    /// What is wrong and how to fix it, in English.
    pub message: String,
    /// The same in Finnish and Swedish, where it is worded from the label table.
    words: Option<Box<[String; 2]>>,
    /// The language of the JSON answer's `error`.
    lang: Lang,
}

impl Failure {
    /// A failure in English only (the server's own refusals, for its operator).
    pub fn new(status: StatusCode, message: impl Into<String>) -> Self {
        Failure {
            status,
            code: code_of(status),
            message: redact_hetus(&message.into()).into_owned(),
            words: None,
            lang: Lang::En,
        }
    }

    pub fn bad_request(message: impl Into<String>) -> Self {
        Failure::new(StatusCode::BAD_REQUEST, message)
    }

    /// A failure people read, worded in each language by `word` (from the label table), with
    /// its stable key.
    pub fn worded(status: StatusCode, code: &'static str, word: impl Fn(Lang) -> String) -> Self {
        let redacted = |lang| redact_hetus(&word(lang)).into_owned();
        Failure {
            status,
            code,
            message: redacted(Lang::En),
            words: Some(Box::new([redacted(Lang::Fi), redacted(Lang::Sv)])),
            lang: Lang::En,
        }
    }

    /// What is wrong and how to fix it, in `lang` where it is worded so, else in English.
    pub fn text(&self, lang: Lang) -> &str {
        match (&self.words, lang) {
            (Some(words), Lang::Fi) => &words[0],
            (Some(words), Lang::Sv) => &words[1],
            _ => &self.message,
        }
    }

    /// The same failure with its JSON answer in `lang`.
    pub fn in_lang(mut self, lang: Lang) -> Self {
        self.lang = lang;
        self
    }

    /// The JSON answer.
    pub fn json(&self) -> Response {
        let body = serde_json::json!({ "error": self.text(self.lang), "code": self.code });
        let mut text = serde_json::to_vec_pretty(&body).unwrap_or_default();
        text.push(b'\n');
        (
            self.status,
            [(header::CONTENT_TYPE, "application/json")],
            text,
        )
            .into_response()
    }
}

impl IntoResponse for Failure {
    fn into_response(self) -> Response {
        self.json()
    }
}

/// The stable key of a failure that has none of its own: its status's.
pub(super) fn code_of(status: StatusCode) -> &'static str {
    match status {
        StatusCode::NOT_FOUND => "not_found",
        StatusCode::METHOD_NOT_ALLOWED => "method_not_allowed",
        StatusCode::PAYLOAD_TOO_LARGE => "too_large",
        StatusCode::REQUEST_TIMEOUT => "timeout",
        StatusCode::UNPROCESSABLE_ENTITY => "unreadable",
        StatusCode::FORBIDDEN => "forbidden",
        StatusCode::UNAUTHORIZED => "not_signed_in",
        StatusCode::MISDIRECTED_REQUEST => "wrong_address",
        StatusCode::SERVICE_UNAVAILABLE => "unavailable",
        StatusCode::TOO_MANY_REQUESTS => "busy",
        status if status.is_server_error() => "internal",
        _ => "bad_request",
    }
}

/// A response body of JSON text, pretty like the command line's, with a final newline.
pub(crate) fn json_response(value: &impl serde::Serialize) -> Response {
    match serde_json::to_vec_pretty(value) {
        Ok(mut text) => {
            text.push(b'\n');
            (
                [(header::CONTENT_TYPE, "application/json")],
                Body::from(text),
            )
                .into_response()
        }
        Err(error) => Failure::new(StatusCode::INTERNAL_SERVER_ERROR, error.to_string()).json(),
    }
}
