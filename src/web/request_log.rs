//! The record of who did what on a shared server: one access-log line per request (time, user,
//! action, status, rows read, duration: never a case's data, a file name or an identity code),
//! and the same counted in the metrics. Who may use the server is `access`'s.

use std::sync::atomic::Ordering;
use std::time::Instant;

use axum::body::Body;
use axum::extract::{MatchedPath, Request, State};
use axum::middleware::Next;
use axum::response::Response;

use super::access::{logged_path, Peer, RowCount, ROWS};
use super::state::{AppState, Shared};
use super::watched_body::{WatchedBody, Watcher};

/// The signed-in user a request names, when the sign-in route is on and the request comes
/// through it: redacted, so that a user known by an identity code is logged as
/// `[henkilötunnus]`.
pub fn user_of(state: &AppState, request: &Request) -> Option<String> {
    let proxy = state.auth_proxy.as_ref()?;
    let peer = request.extensions().get::<Peer>()?;
    if !proxy.trusts(peer.0) {
        return None;
    }
    let value = request.headers().get(&proxy.header)?;
    let text = String::from_utf8_lossy(value.as_bytes());
    let text = text.trim();
    (!text.is_empty()).then(|| {
        crate::text::shown(text, false)
            .chars()
            .map(|c| if c.is_control() { '?' } else { c })
            .take(200)
            .collect()
    })
}

impl Shared {
    /// Logs and counts a request refused before it was read whole (a bad or oversized head).
    pub(crate) fn refused_head(&self, status: u16) {
        self.metrics.finished("(refused head)", status, 0.0, 0);
        let line = serde_json::json!({
            "time": chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
            "user": null,
            "action": "(refused head)",
            "status": status,
            "rows": 0,
            "duration_ms": 0.0,
        });
        self.access_log.write(&line.to_string());
    }
}

/// What a finished request leaves in the log and the metrics.
struct Finished {
    state: AppState,
    started: Instant,
    time: chrono::DateTime<chrono::Utc>,
    user: Option<String>,
    method: String,
    route: String,
    status: u16,
    rows: RowCount,
}

impl Drop for Finished {
    /// Writes the line when the answer's body is done (or the client went away): the rows of a
    /// streamed audit are counted by then.
    fn drop(&mut self) {
        let seconds = self.started.elapsed().as_secs_f64();
        let rows = self.rows.0.load(Ordering::Relaxed);
        self.state
            .metrics
            .finished(&self.route, self.status, seconds, rows);
        /// One line, its keys in this order.
        #[derive(serde::Serialize)]
        struct Line<'a> {
            time: String,
            user: Option<&'a str>,
            action: String,
            status: u16,
            rows: u64,
            duration_ms: f64,
        }
        let line = Line {
            time: self
                .time
                .to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
            user: self.user.as_deref(),
            action: format!("{} {}", self.method, self.route),
            status: self.status,
            rows,
            duration_ms: (seconds * 10_000.0).round() / 10.0,
        };
        if let Ok(line) = serde_json::to_string(&line) {
            self.state.access_log.write(&line);
        }
    }
}

/// A response body's watcher that logs its request when the body ends (is dropped).
impl Watcher for Finished {}

/// One access-log line per request: time, user, action (the method and the route, never the
/// path's values: `/api/calendar/holidays/{year}`), status, rows read and duration.
pub async fn log_request(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let started = Instant::now();
    let time = chrono::Utc::now();
    let method = request.method().to_string();
    let route = match request.extensions().get::<MatchedPath>() {
        Some(matched) => matched.as_str().to_string(),
        None => logged_path(request.uri().path()),
    };
    let user = user_of(&state, &request);
    let rows = RowCount::default();
    let response = ROWS.scope(rows.clone(), next.run(request)).await;
    let (parts, body) = response.into_parts();
    let finished = Finished {
        state,
        started,
        time,
        user,
        method,
        route,
        status: parts.status.as_u16(),
        rows,
    };
    Response::from_parts(
        parts,
        Body::new(WatchedBody {
            inner: body,
            watcher: finished,
        }),
    )
}
