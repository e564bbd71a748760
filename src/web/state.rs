//! What every handler of the server shares: the server's settings as the handlers need them,
//! the audit slots, the limits of a request body, and whether the server is open to all.

use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use axum::http::StatusCode;
use tokio::sync::Semaphore;

use super::access::{AccessLog, AuthProxy, PublicUrl};
use super::failure::Failure;
use super::metrics;

/// The largest JSON or form body of one case.
pub(super) const MAX_FORM_BODY: u64 = 64 << 10;
/// How long an upload may stall between two pieces before it is given up.
pub(super) const UPLOAD_IDLE_TIMEOUT: Duration = Duration::from_secs(30);

/// What every handler shares.
#[derive(Clone)]
pub(super) struct AppState(pub(super) Arc<Shared>);

pub(super) struct Shared {
    /// The `Host` values this server answers to, lower case (`127.0.0.1:8080`, `localhost:8080`).
    pub(super) hosts: Vec<String>,
    /// Listening on every address (0.0.0.0 or ::): any IP literal with the port is accepted too
    /// (a DNS-rebinding attack needs a name, not an address).
    pub(super) any_ip: bool,
    pub(super) port: u16,
    pub(super) max_upload: u64,
    /// Permits for audits running at once.
    pub(super) audits: Arc<Semaphore>,
    pub(super) audits_allowed: usize,
    pub(super) auth_proxy: Option<AuthProxy>,
    pub(super) public_url: Option<PublicUrl>,
    /// Answers carry `Strict-Transport-Security` (HTTPS here, or an `https` public URL).
    pub(super) hsts: bool,
    /// The scheme of this server's own origin when no public URL is given.
    pub(super) scheme: &'static str,
    pub(super) access_log: AccessLog,
    pub(super) metrics: metrics::Metrics,
    pub(super) request_deadline: Duration,
}

impl std::ops::Deref for AppState {
    type Target = Shared;
    fn deref(&self) -> &Shared {
        &self.0
    }
}

impl Shared {
    /// An audit slot: waits while `--concurrent-audits` audits run.
    pub(super) async fn audit_permit(&self) -> Result<tokio::sync::OwnedSemaphorePermit, Failure> {
        Arc::clone(&self.audits)
            .acquire_owned()
            .await
            .map_err(|_| Failure::new(StatusCode::SERVICE_UNAVAILABLE, "the server is stopping"))
    }

    pub(super) fn host_allowed(&self, host: &str) -> bool {
        if let Some(public) = &self.public_url {
            return public.is_host(host);
        }
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

/// Listening beyond this machine with `--no-login`: every page's footer says so.
pub(super) static OPEN_TO_ALL: AtomicBool = AtomicBool::new(false);

/// Whether this server listens beyond this machine without a sign-in (`--no-login`).
pub(crate) fn open_to_all() -> bool {
    OPEN_TO_ALL.load(Ordering::Relaxed)
}

/// The footer's warning of a server without a sign-in, in the page's language.
pub(crate) fn no_login_notice(lang: &str) -> &'static str {
    match lang {
        "sv" => {
            "Varning: den här servern har ingen inloggning (--no-login). Alla som når den \
                 kan använda sidan."
        }
        "en" => {
            "Warning: this server has no sign-in (--no-login). Anyone who can reach it can \
                 use the page."
        }
        _ => {
            "Varoitus: tällä palvelimella ei ole kirjautumista (--no-login). Kuka tahansa, \
              joka tavoittaa sen, voi käyttää sivua."
        }
    }
}
