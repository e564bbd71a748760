//! The county's route of docs/DEPLOY.md, run: Debian's nginx with the guide's own server block
//! (`packaging/standin-proxy.sh` takes it from the guide), terminating TLS with a self-signed
//! certificate made now, and a fixed map standing in for the sign-in (requests from 127.0.0.1
//! are "signed in" as one counsellor, from anywhere else as nobody), in front of `maaraika serve
//! --auth-proxy-header X-Forwarded-User --auth-proxy-from 127.0.0.1 --public-url https://…`.
//! Headless Chromium then works through `https://` as a counsellor would, with axe-core on every
//! page; requests that go around the proxy, or through it without a sign-in, are refused.
//!
//! Ignored in a plain `cargo test` (it needs nginx, openssl, curl, chromium, chromium-driver
//! and axe-core); `.ci/run` installs them and runs it, and a missing tool fails it.
#![cfg(target_os = "linux")]

use crate::common;

use std::net::Ipv4Addr;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::browser::{axe_script, free_port, manifest_dir, wait_for_file, Browser};
use common::server::{connect_from, request_over, Server};

const IGNORED: &str = "needs nginx, openssl, curl (Debian), chromium and chromium-driver";
/// Who the stand-in for the sign-in says is signed in (from 127.0.0.1).
const SIGNED_IN: &str = "anna.neuvoja@kunta.example";
/// Not the proxy, and not signed in at the proxy.
const ELSEWHERE: Ipv4Addr = Ipv4Addr::new(127, 0, 0, 2);

/// maaraika behind the guide's nginx: the server on a loopback port of its own, nginx on
/// `https://localhost:PORT/`.
struct Route {
    server: Server,
    nginx: Child,
    proxy: tempfile::TempDir,
    url: String,
}

impl Route {
    fn start() -> Route {
        let https_port = free_port();
        let url = format!("https://localhost:{https_port}/");
        let server = Server::start(&[
            "--auth-proxy-header",
            "X-Forwarded-User",
            "--auth-proxy-from",
            "127.0.0.1",
            "--public-url",
            &url,
        ]);
        let proxy = tempfile::tempdir().unwrap();
        let made = Command::new(manifest_dir().join("packaging/standin-proxy.sh"))
            .arg(proxy.path())
            .args([https_port.to_string(), server.port.to_string()])
            .arg(SIGNED_IN)
            .output()
            .unwrap_or_else(|e| panic!("{IGNORED}: packaging/standin-proxy.sh: {e}"));
        assert!(
            made.status.success(),
            "{IGNORED}: packaging/standin-proxy.sh: {}",
            String::from_utf8_lossy(&made.stderr)
        );
        // The guide's block as written, with oauth2-proxy's sign-in, is a valid configuration.
        let nginx = |conf: &str| {
            let mut command = Command::new(find_nginx());
            command
                .arg("-p")
                .arg(proxy.path())
                .arg("-e")
                .arg(proxy.path().join("error.log"))
                .arg("-c")
                .arg(proxy.path().join(conf));
            command
        };
        let tested = nginx("nginx-as-written.conf").arg("-t").output().unwrap();
        assert!(
            tested.status.success(),
            "nginx -t on the guide's block: {}",
            String::from_utf8_lossy(&tested.stderr)
        );
        let child = nginx("nginx.conf")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("{IGNORED}: cannot start nginx: {e}"));
        let route = Route {
            server,
            nginx: child,
            proxy,
            url,
        };
        let deadline = Instant::now() + Duration::from_secs(20);
        while std::net::TcpStream::connect(("127.0.0.1", https_port)).is_err() {
            assert!(
                Instant::now() < deadline,
                "nginx did not start: {}",
                std::fs::read_to_string(route.proxy.path().join("error.log")).unwrap_or_default()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        route
    }

    /// A request through nginx with curl: the status, the headers and the body. `from` is the
    /// address the request comes from.
    fn curl(&self, from: Ipv4Addr, path: &str, extra: &[&str]) -> (u16, String, String) {
        let headers = self.proxy.path().join(format!("headers-{}", free_port()));
        let out = Command::new("curl")
            .args(["--silent", "--show-error", "--insecure", "--interface"])
            .arg(from.to_string())
            .arg("--dump-header")
            .arg(&headers)
            .args(["--write-out", "\n%{http_code}"])
            .args(extra)
            .arg(format!("{}{}", self.url, path.trim_start_matches('/')))
            .output()
            .unwrap_or_else(|e| panic!("{IGNORED}: curl: {e}"));
        assert!(
            out.status.success(),
            "curl {path}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        let (body, status) = text.rsplit_once('\n').unwrap();
        let head = std::fs::read_to_string(&headers).unwrap_or_default();
        (status.parse().unwrap(), head, body.to_string())
    }
}

impl Drop for Route {
    fn drop(&mut self) {
        // SIGQUIT: nginx's master stops its workers too (a SIGKILL would leave them listening).
        let _ = Command::new("kill")
            .args(["-QUIT", &self.nginx.id().to_string()])
            .status();
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.nginx.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = self.nginx.kill();
        let _ = self.nginx.wait();
    }
}

fn find_nginx() -> PathBuf {
    ["/usr/sbin/nginx", "/usr/bin/nginx"]
        .iter()
        .map(PathBuf::from)
        .find(|p| p.exists())
        .unwrap_or_else(|| panic!("{IGNORED}: nginx not found"))
}

/// The access log's lines (JSON) that the server has written so far.
fn access_log(server: &Server) -> Vec<serde_json::Value> {
    server
        .log()
        .lines()
        .filter_map(|line| serde_json::from_str(line).ok())
        .collect()
}

#[test]
#[ignore = "needs nginx, openssl, curl (Debian); run by .ci/run"]
fn only_requests_signed_in_at_the_proxy_reach_the_server() {
    let route = Route::start();
    let port = route.server.port;

    // Through the proxy, signed in: the page, over HTTPS with HSTS, and the user in the log.
    let (status, head, body) = route.curl(Ipv4Addr::LOCALHOST, "/?lang=en", &[]);
    assert_eq!(status, 200, "{head}{body}");
    assert!(
        head.to_ascii_lowercase()
            .contains("strict-transport-security"),
        "{head}"
    );
    assert!(body.contains("<form"), "{body}");
    let (status, _, body) = route.curl(
        Ipv4Addr::LOCALHOST,
        "/api/check",
        &[
            "--header",
            "Content-Type: application/json",
            "--data",
            r#"{"pending": "17.12.2024", "age": 78, "as_of": "2.1.2025"}"#,
        ],
    );
    assert_eq!(status, 200, "{body}");
    assert!(body.contains("2024-12-31"), "the 7th working day: {body}");
    let log = access_log(&route.server);
    assert!(
        log.iter()
            .any(|l| l["user"] == SIGNED_IN && l["status"] == 200),
        "the access log names the signed-in user: {log:?}"
    );

    // Through the proxy but not signed in there: a user header sent by the browser is dropped
    // by the proxy, and the server answers 401.
    let (status, _, body) = route.curl(
        ELSEWHERE,
        "/?lang=en",
        &["--header", "X-Forwarded-User: mallory"],
    );
    assert_eq!(status, 401, "{body}");
    assert!(
        !access_log(&route.server)
            .iter()
            .any(|l| l["user"] == "mallory"),
        "a user header from the browser reached the server"
    );

    // Around the proxy, from another address, with a forged header: 403.
    let forged = request_over(
        connect_from(ELSEWHERE, port),
        port,
        "GET",
        "/?lang=en",
        &[
            ("Host", &route.url["https://".len()..route.url.len() - 1]),
            ("X-Forwarded-User", SIGNED_IN),
        ],
        b"",
    );
    assert_eq!(forged.status, 403, "{}", forged.text());
    // From the proxy's own address but without the header (not through nginx): 401.
    let bare = route.server.get("/?lang=en");
    assert_eq!(bare.status, 401, "{}", bare.text());

    // The operators' side: the health check on loopback without a sign-in; the metrics on
    // loopback, and not through the proxy.
    let health = route.server.get("/healthz");
    assert_eq!((health.status, health.text().trim()), (200, "ok"));
    let metrics = route.server.get("/metrics");
    assert_eq!(metrics.status, 200);
    assert!(
        metrics.text().contains("maaraika_http_requests_total"),
        "{}",
        metrics.text()
    );
    let (status, _, _) = route.curl(Ipv4Addr::LOCALHOST, "/metrics", &[]);
    assert_eq!(status, 403, "the guide's nginx keeps /metrics inside");
}

#[test]
#[ignore = "needs nginx, openssl, curl, chromium and chromium-driver (Debian) and axe-core (npm); run by .ci/run"]
fn a_counsellor_checks_audits_and_downloads_through_the_proxy_over_https_with_axe_clean() {
    let axe = axe_script();
    let route = Route::start();
    let browser = Browser::start_with(&["--ignore-certificate-errors"]);
    let mut failures = Vec::new();

    // One case.
    browser.go(&format!("{}?lang=en", route.url));
    browser.type_into("#pending", "17.12.2024");
    browser.type_into("#age", "78");
    browser.type_into("#as_of", "2.1.2025");
    browser.click("form.card button[type=submit]");
    browser.wait_for("#result-title");
    let result = browser.text("section.result");
    assert!(result.contains("Tue 31.12.2024"), "{result}");
    let location = browser.script("return location.href");
    assert!(
        location.as_str().unwrap().starts_with(&route.url),
        "the page stays on the public https:// address: {location}"
    );
    failures.extend(browser.axe(&axe).into_iter().map(|v| format!("check: {v}")));

    // A list audited, and its audit downloaded: the same file the command line writes.
    let sample = manifest_dir().join("samples/cases-with-errors.csv");
    browser.go(&format!("{}audit?lang=en", route.url));
    browser.type_into("#as_of", "23.11.2026");
    browser.choose_file("#file", &sample);
    browser.click("div.buttons button");
    browser.wait_for("#result-title");
    let result = browser.text("section.result");
    assert!(result.contains("Invalid rows"), "{result}");
    failures.extend(browser.axe(&axe).into_iter().map(|v| format!("audit: {v}")));
    browser.choose_file("#file", &sample);
    browser.click("button[formaction='/audit/download/csv']");
    let downloaded = wait_for_file(browser.downloads.path());
    let expected = common::maaraika()
        .args(["audit", sample.to_str().unwrap(), "--as-of", "23.11.2026"])
        .args(["--format", "csv"])
        .output()
        .unwrap()
        .stdout;
    assert_eq!(std::fs::read(downloaded).unwrap(), expected);

    assert!(
        failures.is_empty(),
        "axe-core found:\n{}",
        failures.join("\n")
    );
    // Each of those was done by the signed-in counsellor, and the log says so without the
    // list's name.
    let log = route.server.log();
    assert!(log.contains(SIGNED_IN), "{log}");
    assert!(
        !log.contains("cases-with-errors"),
        "the file's name is in the log: {log}"
    );
}
