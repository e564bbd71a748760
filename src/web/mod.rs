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

mod access;
mod api;
mod assets;
mod assistance;
mod conn;
mod failure;
mod lang;
mod limits;
mod metrics;
mod pages;
mod request_log;
mod state;
mod stream;
mod tls;
mod watched_body;

pub use access::{AuthProxy, IpNet, PublicUrl};
pub use tls::{load as load_tls, Tls};

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::PathBuf;
use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::Duration;

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
use tower::ServiceExt;

use access::{AccessLog, Peer};
use failure::Failure;
use state::{AppState, Shared, OPEN_TO_ALL};

use crate::labels::Label;
use crate::text::redact_hetus;

/// How `maaraika serve` runs.
#[derive(Clone, Debug)]
pub struct ServeSettings {
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
    /// The sign-in route: requests only from the county's proxy, naming the signed-in user.
    pub auth_proxy: Option<AuthProxy>,
    /// The one address users reach the server at: the only `Host` and `Origin` taken.
    pub public_url: Option<PublicUrl>,
    /// Listening beyond this machine without a sign-in route, said explicitly.
    pub no_login: bool,
    /// HTTPS with this certificate and key.
    pub tls: Option<Tls>,
    /// Access-log lines to this file (appended) instead of standard error.
    pub access_log: Option<PathBuf>,
    /// How long a whole request (headers and body) may take.
    pub request_deadline: Duration,
}

impl Default for ServeSettings {
    fn default() -> Self {
        ServeSettings {
            listen: IpAddr::V4(Ipv4Addr::LOCALHOST),
            port: 0,
            max_upload: DEFAULT_MAX_UPLOAD,
            open: false,
            concurrent_audits: DEFAULT_CONCURRENT_AUDITS,
            auth_proxy: None,
            public_url: None,
            no_login: false,
            tls: None,
            access_log: None,
            request_deadline: DEFAULT_REQUEST_DEADLINE,
        }
    }
}

impl ServeSettings {
    /// Why these settings cannot be served, if they cannot: listening beyond this machine
    /// needs a sign-in route, or `--no-login` saying there is none on purpose.
    pub fn refusal(&self) -> Option<String> {
        if self.listen.is_loopback() || self.auth_proxy.is_some() || self.no_login {
            return None;
        }
        Some(format!(
            "--listen {}: listening beyond this machine without a sign-in would let anyone who \
             can reach the address use the page: put the server behind the county's sign-in \
             proxy with --auth-proxy-header NAME --auth-proxy-from ADDR (and --public-url), or \
             say --no-login to serve without one",
            self.listen
        ))
    }
}

/// Audits run at once by default; more wait their turn.
pub const DEFAULT_CONCURRENT_AUDITS: usize = 2;
/// How long a whole request may take by default (an upload of a large list included).
pub const DEFAULT_REQUEST_DEADLINE: Duration = Duration::from_secs(300);

/// The default upload limit: a million-row list is about 71 MB; room for wider exports.
pub const DEFAULT_MAX_UPLOAD: u64 = 256 << 20;

/// How long a client has to send its request headers.
const HEADER_TIMEOUT: Duration = Duration::from_secs(10);
/// How long open connections get to finish after a stop signal.
pub const SHUTDOWN_GRACE: Duration = Duration::from_secs(10);
/// `Strict-Transport-Security` on every answer over HTTPS (or behind an `https` public URL):
/// a year.
const HSTS: &str = "max-age=31536000";

/// The Content-Security-Policy of every answer: only this server's own scripts, styles and
/// images; no inline script; no framing; forms post only here.
const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; \
                   connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/// Runs the server until Ctrl-C or SIGTERM. Prints the address to standard output once listening.
pub fn serve(settings: ServeSettings) -> std::io::Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(run(settings))
}

async fn run(settings: ServeSettings) -> std::io::Result<()> {
    let access_log = match &settings.access_log {
        None => AccessLog::Stderr,
        Some(path) => {
            let file = std::fs::OpenOptions::new()
                .append(true)
                .create(true)
                .open(path)
                .map_err(|e| {
                    std::io::Error::new(
                        e.kind(),
                        format!("cannot open the access log {}: {e}", path.display()),
                    )
                })?;
            AccessLog::File(std::sync::Mutex::new(file))
        }
    };
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
    let state = AppState(Arc::new(shared(&settings, address, access_log)));
    let app = router(state.clone());
    let scheme = state.scheme;
    let url = match &settings.public_url {
        Some(public) => public.to_string(),
        None => format!("{scheme}://{}/", url_host(address)),
    };
    {
        use std::io::Write;
        let mut out = std::io::stdout().lock();
        match &settings.public_url {
            None => writeln!(out, "maaraika: serving {url}  (Ctrl-C stops)")?,
            // The address listened on comes last: the port when 0 was asked for.
            Some(_) => writeln!(
                out,
                "maaraika: serving {url}  (Ctrl-C stops; listening on {scheme}://{address}/)"
            )?,
        }
        out.flush()?;
    }
    if OPEN_TO_ALL.load(Ordering::Relaxed) {
        log(&format!(
            "maaraika: warning: listening on {address}, beyond this machine, with --no-login: there is no login \
             (no sign-in), anyone who can reach this address can use the page and the API"
        ));
    }
    if settings.open {
        open_browser(&url);
    }
    let tls = settings
        .tls
        .as_ref()
        .map(|tls| tokio_rustls::TlsAcceptor::from(Arc::clone(&tls.0)));
    let graceful = hyper_util::server::graceful::GracefulShutdown::new();
    let mut stop = std::pin::pin!(stop);
    loop {
        tokio::select! {
            accepted = listener.accept() => {
                let (stream, peer) = match accepted {
                    Ok(accepted) => accepted,
                    Err(error) => {
                        // Out of file descriptors and the like: wait a moment instead of spinning.
                        log(&format!("maaraika: cannot accept a connection: {error}"));
                        tokio::time::sleep(Duration::from_millis(100)).await;
                        continue;
                    }
                };
                let _ = stream.set_nodelay(true);
                let peer = access::canonical(peer.ip());
                let app = app.clone();
                let state = state.clone();
                let watcher = graceful.watcher();
                match &tls {
                    None => {
                        tokio::spawn(serve_connection(stream, peer, app, state, watcher));
                    }
                    Some(acceptor) => {
                        let acceptor = acceptor.clone();
                        tokio::spawn(async move {
                            // A client that does not finish its handshake is let go like one
                            // that does not finish its headers.
                            let handshake = tokio::time::timeout(HEADER_TIMEOUT, acceptor.accept(stream));
                            if let Ok(Ok(stream)) = handshake.await {
                                serve_connection(stream, peer, app, state, watcher).await;
                            }
                        });
                    }
                }
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

/// Serves the requests of one connection (plain or TLS), each marked with the address it
/// comes from.
async fn serve_connection<I>(
    io: I,
    peer: IpAddr,
    app: Router,
    state: AppState,
    watcher: hyper_util::server::graceful::Watcher,
) where
    I: tokio::io::AsyncRead + tokio::io::AsyncWrite + Unpin + Send + 'static,
{
    let refused = state.clone();
    let io = conn::Guarded::new(
        io,
        Arc::from(security_head(state.hsts)),
        Arc::new(move |status| refused.refused_head(status)),
    );
    let close = Arc::clone(&io.close);
    let service = TowerToHyperService::new(
        app.map_request(move |mut request: Request<hyper::body::Incoming>| {
            request.extensions_mut().insert(Peer(peer));
            request
        })
        .map_response(move |mut response: Response| {
            // After a chunked body the next head could not be found: close.
            if close.load(Ordering::Relaxed) {
                response
                    .headers_mut()
                    .insert(header::CONNECTION, HeaderValue::from_static("close"));
            }
            response
        }),
    );
    let connection = hyper::server::conn::http1::Builder::new()
        .timer(TokioTimer::new())
        .header_read_timeout(HEADER_TIMEOUT)
        .serve_connection(TokioIo::new(io), service);
    let _ = watcher.watch(connection).await;
}

fn shared(settings: &ServeSettings, address: SocketAddr, access_log: AccessLog) -> Shared {
    OPEN_TO_ALL.store(
        !address.ip().is_loopback() && settings.auth_proxy.is_none(),
        Ordering::Relaxed,
    );
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
        audits_allowed: settings.concurrent_audits.max(1),
        auth_proxy: settings.auth_proxy.clone(),
        public_url: settings.public_url.clone(),
        hsts: settings.tls.is_some()
            || settings
                .public_url
                .as_ref()
                .is_some_and(|p| p.scheme == "https"),
        scheme: if settings.tls.is_some() {
            "https"
        } else {
            "http"
        },
        access_log,
        metrics: metrics::Metrics::default(),
        request_deadline: settings.request_deadline,
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
        .route(
            "/assistance",
            get(assistance::page).post(assistance::check_post),
        )
        .route(
            "/assistance/audit",
            post(assistance::audit_post).layer(large),
        )
        .route("/api/assistance/check", post(assistance::check_api))
        .route(
            "/api/assistance/audit",
            post(assistance::audit_api).layer(large),
        )
        .route("/assets/{name}", get(assets::asset))
        .route("/api/check", post(api::check))
        .route("/api/audit", post(api::audit).layer(large))
        .route("/api/calendar/holidays/{year}", get(api::holidays))
        .route("/api/calendar/add", get(api::add))
        .route("/api/calendar/count", get(api::count))
        .route("/api/openapi.json", get(api::openapi))
        .route("/healthz", get(healthz))
        .route("/metrics", get(metrics_text))
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(tower_http::timeout::TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            state.request_deadline,
        ))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            limits::deadline,
        ))
        .layer(middleware::from_fn_with_state(state.clone(), guard))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            request_log::log_request,
        ))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            security_headers,
        ))
        .with_state(state)
}

fn is_api(path: &str) -> bool {
    path == "/api" || path.starts_with("/api/")
}

async fn not_found(request: Request) -> Response {
    let failure = Failure::worded(StatusCode::NOT_FOUND, "not_found", |lang| {
        lang.get(Label::WebNoSuchAddress).to_string()
    });
    if is_api(request.uri().path()) {
        failure.json()
    } else {
        pages::failure_page(&request, &failure)
    }
}

async fn method_not_allowed(request: Request) -> Response {
    let method = request.method().to_string();
    let failure = Failure::worded(
        StatusCode::METHOD_NOT_ALLOWED,
        "method_not_allowed",
        |lang| lang.fill(Label::WebMethodNotAllowed, &[&method]),
    );
    if is_api(request.uri().path()) {
        failure.json()
    } else {
        pages::failure_page(&request, &failure)
    }
}

/// `GET /healthz`: `ok` while the server can serve (no sign-in needed).
async fn healthz(State(state): State<AppState>) -> Response {
    if state.audits.is_closed() {
        return (StatusCode::SERVICE_UNAVAILABLE, "stopping\n").into_response();
    }
    (
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        "ok\n",
    )
        .into_response()
}

/// `GET /metrics`: the counts in Prometheus' text format.
async fn metrics_text(State(state): State<AppState>) -> Response {
    let running = state.audits_allowed - state.audits.available_permits().min(state.audits_allowed);
    (
        [(
            header::CONTENT_TYPE,
            "text/plain; version=0.0.4; charset=utf-8",
        )],
        state.metrics.render(running, state.audits_allowed),
    )
        .into_response()
}

/// Headers a request may carry only once: two `Host`s could name us and another site.
const SINGLE_HEADERS: [&str; 3] = ["host", "origin", "sec-fetch-site"];

/// Refuses requests that do not come through the sign-in route (403 from another address, 401
/// without the user), requests for another host (DNS rebinding), state-changing requests from
/// another origin (cross-site request forgery) and requests naming a host or an origin twice.
async fn guard(State(state): State<AppState>, request: Request, next: Next) -> Response {
    if let Some(name) = SINGLE_HEADERS
        .into_iter()
        .find(|name| request.headers().get_all(*name).iter().nth(1).is_some())
    {
        return Failure::bad_request(format!(
            "the request names its {name} header twice: send it once"
        ))
        .json();
    }
    let peer = request
        .extensions()
        .get::<Peer>()
        .map_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED), |p| p.0);
    let path = request.uri().path();
    // The health check and the metrics answer on this machine whatever `Host` it names (a
    // container's HEALTHCHECK, a local Prometheus); the metrics only there and to the proxy.
    let operator = path == "/healthz" || path == "/metrics";
    if path == "/metrics"
        && !peer.is_loopback()
        && !state.auth_proxy.as_ref().is_some_and(|p| p.trusts(peer))
    {
        return Failure::new(
            StatusCode::FORBIDDEN,
            "the metrics are served to this machine and the sign-in proxy only",
        )
        .json();
    }
    if !operator {
        if let Some(proxy) = &state.auth_proxy {
            if !proxy.trusts(peer) {
                return Failure::new(
                    StatusCode::FORBIDDEN,
                    "this server is used through the county's sign-in: open it at its public \
                     address",
                )
                .json();
            }
            let signed_in = request
                .headers()
                .get(&proxy.header)
                .is_some_and(|v| !v.as_bytes().trim_ascii().is_empty());
            if !signed_in {
                return Failure::new(
                    StatusCode::UNAUTHORIZED,
                    "not signed in: the sign-in proxy did not name the user",
                )
                .json();
            }
        }
    }
    let host = request
        .headers()
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("");
    let local_operator = operator && peer.is_loopback();
    if !local_operator && !state.host_allowed(host) {
        let answer = match &state.public_url {
            Some(public) => format!("this server answers only at its public address, {public}"),
            None => "this server answers only to the address it printed when it started \
                     (http://127.0.0.1:PORT or http://localhost:PORT)"
                .to_string(),
        };
        return Failure::new(StatusCode::MISDIRECTED_REQUEST, answer).json();
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
            if let Some(public) = &state.public_url {
                return public.is_origin(origin);
            }
            let Some(host) = origin
                .strip_prefix(state.scheme)
                .and_then(|rest| rest.strip_prefix("://"))
            else {
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

/// The headers every answer carries.
async fn security_headers(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    if state.hsts {
        headers.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static(HSTS),
        );
    }
    for (name, value) in SECURITY_HEADERS {
        headers.insert(name, HeaderValue::from_static(value));
    }
    response
}

/// The headers every answer carries (and HSTS where [`Shared::hsts`]).
const SECURITY_HEADERS: [(&str, &str); 7] = [
    ("content-security-policy", CSP),
    ("x-content-type-options", "nosniff"),
    ("referrer-policy", "no-referrer"),
    ("cache-control", "no-store"),
    ("x-frame-options", "DENY"),
    ("cross-origin-opener-policy", "same-origin"),
    ("cross-origin-resource-policy", "same-origin"),
];

/// The security headers as lines of a head (`name: value\r\n` each), for the answers
/// written before hyper reads a request ([`conn`]).
fn security_head(hsts: bool) -> String {
    let mut head: String = SECURITY_HEADERS
        .iter()
        .map(|(name, value)| format!("{name}: {value}\r\n"))
        .collect();
    if hsts {
        head.push_str(&format!("strict-transport-security: {HSTS}\r\n"));
    }
    head
}
