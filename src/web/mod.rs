//! `maaraika serve`: the three jobs of the command line (check one case, audit a list, the
//! calendar) as a local web page and a JSON API, for people who do not use a terminal.
//!
//! A thin layer: requests are parsed here, the answers come from the library ([`crate::answer`],
//! [`crate::batch`], [`crate::report`]) and are rendered (`pages`) or serialized (`api`) as the
//! command line does. Nothing is written to disk: an uploaded list is read as it streams in and
//! dropped.
//!
//! A server on 127.0.0.1 is still reachable from every page the user's browser opens, so:
//! requests naming another `Host` are refused (DNS rebinding), state-changing requests from
//! another origin are refused (cross-site requests), every answer carries a strict
//! Content-Security-Policy and no-store, bodies are limited, slow clients time out, and the log
//! holds the method, the path, the status and the time only.

mod api;
mod assets;
mod lang;
mod pages;
mod stream;

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::body::Body;
use axum::extract::{DefaultBodyLimit, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;

use crate::hetu::redact_hetus;

/// How `maaraika serve` runs.
#[derive(Clone, Debug)]
pub struct Settings {
    /// The address to listen on (127.0.0.1 unless asked otherwise).
    pub listen: IpAddr,
    /// The port; 0 picks a free one.
    pub port: u16,
    /// The largest request body taken, in bytes (an uploaded list).
    pub max_upload: u64,
    /// Open the page in the browser once listening.
    pub open: bool,
    /// Audits run at once; more wait their turn.
    pub concurrent_audits: usize,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            listen: IpAddr::V4(Ipv4Addr::LOCALHOST),
            port: 0,
            max_upload: DEFAULT_MAX_UPLOAD,
            open: false,
            concurrent_audits: 2,
        }
    }
}

/// The default upload limit: a million-row list is about 71 MB; room for wider exports.
pub const DEFAULT_MAX_UPLOAD: u64 = 256 << 20;

/// The largest JSON or form body of one case.
const MAX_FORM_BODY: u64 = 64 << 10;
/// How long a client has to send its request headers.
const HEADER_TIMEOUT: Duration = Duration::from_secs(10);
/// How long a request may take until its answer starts (an upload of a large list included).
const REQUEST_TIMEOUT: Duration = Duration::from_secs(300);
/// How long an upload may stall between two pieces before it is given up.
const UPLOAD_IDLE_TIMEOUT: Duration = Duration::from_secs(30);
/// How long open connections get to finish after a stop signal.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(10);

/// The Content-Security-Policy of every answer: only this server's own scripts, styles and
/// images; no inline script; no framing; forms post only here.
const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; \
                   connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/// What every handler shares.
#[derive(Clone)]
struct AppState(Arc<Shared>);

struct Shared {
    /// The `Host` values this server answers to, lower case (`127.0.0.1:8080`, `localhost:8080`).
    hosts: Vec<String>,
    /// Listening on every address (0.0.0.0 or ::): any IP literal with the port is accepted too
    /// (a DNS-rebinding attack needs a name, not an address).
    any_ip: bool,
    port: u16,
    max_upload: u64,
    /// Permits for audits running at once.
    audits: Arc<Semaphore>,
}

impl std::ops::Deref for AppState {
    type Target = Shared;
    fn deref(&self) -> &Shared {
        &self.0
    }
}

impl Shared {
    fn host_allowed(&self, host: &str) -> bool {
        let host = host.trim().to_ascii_lowercase();
        if self.hosts.contains(&host) {
            return true;
        }
        if !self.any_ip {
            return false;
        }
        // An IP literal with our port: `192.0.2.1:8080`, `[2001:db8::1]:8080`.
        match host.parse::<SocketAddr>() {
            Ok(addr) => addr.port() == self.port,
            Err(_) => false,
        }
    }
}

/// Runs the server until Ctrl-C or SIGTERM. Prints the address to standard output once listening.
pub fn serve(settings: Settings) -> std::io::Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(run(settings))
}

async fn run(settings: Settings) -> std::io::Result<()> {
    let listener = TcpListener::bind((settings.listen, settings.port))
        .await
        .map_err(|e| {
            std::io::Error::new(
                e.kind(),
                format!(
                    "cannot listen on {}: {e}",
                    SocketAddr::new(settings.listen, settings.port)
                ),
            )
        })?;
    let address = listener.local_addr()?;
    let stop = stop_signal()?;
    let state = AppState(Arc::new(shared(&settings, address)));
    let app = router(state);
    let url = format!("http://{}/", url_host(address));
    {
        use std::io::Write;
        let mut out = std::io::stdout().lock();
        writeln!(out, "maaraika: serving {url}  (Ctrl-C stops)")?;
        out.flush()?;
    }
    if !address.ip().is_loopback() {
        log(&format!(
            "maaraika: warning: listening on {address}, beyond this machine: there is no login, \
             anyone who can reach this address can use the page and the API"
        ));
    }
    if settings.open {
        open_browser(&url);
    }
    let graceful = hyper_util::server::graceful::GracefulShutdown::new();
    let mut stop = std::pin::pin!(stop);
    loop {
        tokio::select! {
            accepted = listener.accept() => {
                let stream = match accepted {
                    Ok((stream, _)) => stream,
                    Err(error) => {
                        // Out of file descriptors and the like: wait a moment instead of spinning.
                        log(&format!("maaraika: cannot accept a connection: {error}"));
                        tokio::time::sleep(Duration::from_millis(100)).await;
                        continue;
                    }
                };
                let _ = stream.set_nodelay(true);
                let service = TowerToHyperService::new(app.clone());
                let connection = hyper::server::conn::http1::Builder::new()
                    .timer(TokioTimer::new())
                    .header_read_timeout(HEADER_TIMEOUT)
                    .serve_connection(TokioIo::new(stream), service);
                let connection = graceful.watch(connection);
                tokio::spawn(async move {
                    let _ = connection.await;
                });
            }
            () = &mut stop => break,
        }
    }
    drop(listener);
    tokio::select! {
        () = graceful.shutdown() => {}
        () = tokio::time::sleep(SHUTDOWN_GRACE) => {}
    }
    log("maaraika: stopped");
    Ok(())
}

fn shared(settings: &Settings, address: SocketAddr) -> Shared {
    let port = address.port();
    let ip = address.ip();
    let mut hosts = vec![
        format!("127.0.0.1:{port}"),
        format!("localhost:{port}"),
        format!("[::1]:{port}"),
    ];
    if !ip.is_unspecified() {
        hosts.push(format!("{}", SocketAddr::new(ip, port)));
    }
    if port == 80 {
        // A browser leaves the default port out of `Host`.
        hosts.extend(["127.0.0.1".into(), "localhost".into(), "[::1]".into()]);
    }
    Shared {
        hosts,
        any_ip: ip.is_unspecified(),
        port,
        max_upload: settings.max_upload,
        audits: Arc::new(Semaphore::new(settings.concurrent_audits.max(1))),
    }
}

/// The host part of the printed address: the loopback address when listening everywhere.
fn url_host(address: SocketAddr) -> String {
    let ip = match address.ip() {
        IpAddr::V4(ip) if ip.is_unspecified() => IpAddr::V4(Ipv4Addr::LOCALHOST),
        IpAddr::V6(ip) if ip.is_unspecified() => IpAddr::V4(Ipv4Addr::LOCALHOST),
        ip => ip,
    };
    SocketAddr::new(ip, address.port()).to_string()
}

/// Ctrl-C, or SIGTERM on Unix: listened for from the start (before the address is printed), so
/// that a signal sent as soon as the server answers is never missed.
fn stop_signal() -> std::io::Result<impl std::future::Future<Output = ()>> {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        let mut interrupt = signal(SignalKind::interrupt())?;
        let mut terminate = signal(SignalKind::terminate())?;
        Ok(async move {
            tokio::select! {
                _ = interrupt.recv() => {}
                _ = terminate.recv() => {}
            }
        })
    }
    #[cfg(not(unix))]
    {
        Ok(async {
            let _ = tokio::signal::ctrl_c().await;
        })
    }
}

fn open_browser(url: &str) {
    let program = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    };
    let started = std::process::Command::new(program)
        .arg(url)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
    if started.is_err() {
        log(&format!(
            "maaraika: could not open a browser ({program}); open {url} yourself"
        ));
    }
}

/// One line on standard error, identity codes redacted, control characters as `?`; a closed
/// standard error is ignored.
fn log(text: &str) {
    use std::io::Write;
    let line: String = redact_hetus(text)
        .chars()
        .map(|c| if c.is_control() { '?' } else { c })
        .collect();
    let _ = writeln!(std::io::stderr().lock(), "{line}");
}

fn router(state: AppState) -> Router {
    let upload_limit = usize::try_from(state.max_upload).unwrap_or(usize::MAX);
    let large = DefaultBodyLimit::max(upload_limit);
    Router::new()
        .route("/", get(pages::check_page))
        .route("/check", get(pages::check_page).post(pages::check_post))
        .route(
            "/audit",
            get(pages::audit_page).post(pages::audit_post).layer(large),
        )
        .route(
            "/audit/download/{format}",
            post(pages::audit_download).layer(large),
        )
        .route("/calendar", get(pages::calendar_page))
        .route("/assets/{name}", get(assets::asset))
        .route("/api/check", post(api::check))
        .route("/api/audit", post(api::audit).layer(large))
        .route("/api/calendar/holidays/{year}", get(api::holidays))
        .route("/api/calendar/add", get(api::add))
        .route("/api/calendar/count", get(api::count))
        .route("/api/openapi.json", get(api::openapi))
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(tower_http::timeout::TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            REQUEST_TIMEOUT,
        ))
        .layer(middleware::from_fn_with_state(state.clone(), guard))
        .layer(middleware::from_fn(log_request))
        .layer(middleware::from_fn(security_headers))
        .with_state(state)
}

/// An error answer: JSON `{"error": …}` under `/api/`, a page elsewhere. The message is
/// redacted (an identity code typed into the wrong field comes back as `[henkilötunnus]`).
#[derive(Debug)]
pub(crate) struct Failure {
    pub status: StatusCode,
    pub message: String,
}

impl Failure {
    pub fn new(status: StatusCode, message: impl Into<String>) -> Self {
        Failure {
            status,
            message: redact_hetus(&message.into()).into_owned(),
        }
    }

    pub fn bad_request(message: impl Into<String>) -> Self {
        Failure::new(StatusCode::BAD_REQUEST, message)
    }

    /// The JSON answer.
    pub fn json(&self) -> Response {
        let body = serde_json::json!({ "error": self.message });
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

fn is_api(path: &str) -> bool {
    path == "/api" || path.starts_with("/api/")
}

async fn not_found(request: Request) -> Response {
    let failure = Failure::new(StatusCode::NOT_FOUND, "no such page or API call");
    if is_api(request.uri().path()) {
        failure.json()
    } else {
        pages::failure_page(&request, &failure)
    }
}

async fn method_not_allowed(request: Request) -> Response {
    let failure = Failure::new(
        StatusCode::METHOD_NOT_ALLOWED,
        format!("{} is not allowed here", request.method()),
    );
    if is_api(request.uri().path()) {
        failure.json()
    } else {
        pages::failure_page(&request, &failure)
    }
}

/// Refuses requests for another host (DNS rebinding) and state-changing requests from another
/// origin (cross-site request forgery).
async fn guard(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let host = request
        .headers()
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("");
    if !state.host_allowed(host) {
        return Failure::new(
            StatusCode::MISDIRECTED_REQUEST,
            "this server answers only to the address it printed when it started \
             (http://127.0.0.1:PORT or http://localhost:PORT)",
        )
        .json();
    }
    let safe = matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    );
    if !safe && !same_origin(request.headers(), &state) {
        return Failure::new(
            StatusCode::FORBIDDEN,
            "a request from another web site is refused: use the page this server shows",
        )
        .json();
    }
    next.run(request).await
}

/// Whether a state-changing request comes from this server's own pages (or from no page at all:
/// a script or `curl` sends neither `Origin` nor `Sec-Fetch-Site`).
///
/// A browser says where a request comes from in `Sec-Fetch-Site`; only `same-origin` (and
/// `none`, the user's own action) is taken. `Origin`, where it names a site, must name this one.
/// Under `Referrer-Policy: no-referrer` a browser sends `Origin: null` with a form of the same
/// origin: that is taken only with `Sec-Fetch-Site: same-origin`.
fn same_origin(headers: &HeaderMap, state: &Shared) -> bool {
    let site = headers
        .get("sec-fetch-site")
        .map(|v| v.to_str().unwrap_or("invalid"));
    if let Some(site) = site {
        if !matches!(site, "same-origin" | "none") {
            return false;
        }
    }
    match headers.get(header::ORIGIN) {
        None => true,
        Some(origin) if origin.as_bytes() == b"null" => site == Some("same-origin"),
        Some(origin) => {
            let Ok(origin) = origin.to_str() else {
                return false;
            };
            let Some(host) = origin.strip_prefix("http://") else {
                return false;
            };
            let host_header = headers
                .get(header::HOST)
                .and_then(|h| h.to_str().ok())
                .unwrap_or("");
            host.eq_ignore_ascii_case(host_header.trim()) && state.host_allowed(host)
        }
    }
}

/// Logs one line per request: method, path (no query: it may hold dates or a code), status and
/// time. Never a body, a header or a query value.
async fn log_request(request: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = request.method().clone();
    let path = request.uri().path().to_string();
    let response = next.run(request).await;
    log(&format!(
        "{method} {path} {} {:.1} ms",
        response.status().as_u16(),
        started.elapsed().as_secs_f64() * 1000.0
    ));
    response
}

/// The headers every answer carries.
async fn security_headers(request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    for (name, value) in [
        ("content-security-policy", CSP),
        ("x-content-type-options", "nosniff"),
        ("referrer-policy", "no-referrer"),
        ("cache-control", "no-store"),
        ("x-frame-options", "DENY"),
        ("cross-origin-opener-policy", "same-origin"),
        ("cross-origin-resource-policy", "same-origin"),
    ] {
        headers.insert(name, HeaderValue::from_static(value));
    }
    response
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
