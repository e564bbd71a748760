//! `maaraika serve` as a county's shared server (issue 23): beyond this machine only behind a
//! sign-in (or `--no-login` said out loud), the sign-in proxy's header and addresses, the one
//! public address, HTTPS with HSTS, the access log, `/healthz` and `/metrics`, the limits, and
//! the refusals of hostile requests (issue 20): each on the real binary and a real socket.
#![cfg(target_os = "linux")]

use crate::common;

use std::net::Ipv4Addr;
use std::time::{Duration, Instant};

use common::server::{connect_from, multipart, request, request_over, Reply, Server};

/// A valid identity code (the README's example); never printed by these tests.
const HETU: &str = "010594Y9032";
const PUBLIC: &str = "https://maaraika.example.fi";
const PUBLIC_HOST: &str = "maaraika.example.fi";

/// A server on every address behind a sign-in proxy at 127.0.0.1, its user in `X-Remote-User`.
fn behind_proxy(extra: &[&str]) -> Server {
    let mut args = vec![
        "--listen",
        "0.0.0.0",
        "--auth-proxy-header",
        "X-Remote-User",
        "--auth-proxy-from",
        "127.0.0.1,10.0.0.0/8",
        "--public-url",
        PUBLIC,
    ];
    args.extend_from_slice(extra);
    Server::start(&args)
}

/// A request as the proxy sends it: from 127.0.0.1, for the public host, naming `user`.
fn via_proxy(server: &Server, method: &str, path: &str, user: &str, body: &[u8]) -> Reply {
    let mut headers = vec![("Host", PUBLIC_HOST), ("X-Remote-User", user)];
    if method == "POST" {
        headers.push(("Content-Type", "application/json"));
    }
    server.request(method, path, &headers, body)
}

/// The same request from 127.0.0.2: this machine, but not the proxy.
fn bypassing(server: &Server, path: &str, user: &str) -> Reply {
    request_over(
        connect_from(Ipv4Addr::new(127, 0, 0, 2), server.port),
        server.port,
        "GET",
        path,
        &[("Host", PUBLIC_HOST), ("X-Remote-User", user)],
        b"",
    )
}

/// The access-log lines written so far, as JSON.
fn access_lines(log: &str) -> Vec<serde_json::Value> {
    log.lines()
        .filter(|l| l.starts_with('{'))
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

#[test]
fn listening_beyond_this_machine_without_a_sign_in_is_refused() {
    for listen in ["0.0.0.0", "::"] {
        let (code, out, err) = common::run(&["serve", "--listen", listen, "--port", "0"], b"");
        assert_eq!(code, 2, "{err}");
        assert!(out.is_empty(), "it must not start: {out}");
        assert!(err.contains("--auth-proxy-header"), "{err}");
        assert!(err.contains("--no-login"), "{err}");
        assert!(
            !err.contains("  "),
            "the message reads as one sentence: {err:?}"
        );
    }
}

#[test]
fn no_login_beyond_this_machine_warns_at_start_and_on_every_page() {
    let server = Server::start(&["--listen", "0.0.0.0", "--no-login"]);
    for path in ["/", "/audit?lang=en", "/calendar?lang=sv", "/no/such/page"] {
        let page = server.get(path).text();
        assert!(page.contains("--no-login"), "{path}: {page}");
    }
    std::thread::sleep(Duration::from_millis(100));
    assert!(server.log().contains("warning"), "{}", server.log());
    // On this machine only, the footer says nothing of it.
    let local = Server::start(&[]);
    assert!(!local.get("/").text().contains("--no-login"));
}

#[test]
fn behind_the_sign_in_proxy_a_request_needs_the_proxy_address_and_the_user() {
    let server = behind_proxy(&[]);
    assert!(server.url.starts_with(PUBLIC), "{}", server.url);
    let page = via_proxy(&server, "GET", "/", "alice", b"");
    assert_eq!(page.status, 200, "{}", page.text());
    // No user: 401; an empty one is none.
    assert_eq!(via_proxy(&server, "GET", "/", "", b"").status, 401);
    assert_eq!(via_proxy(&server, "GET", "/", " ", b"").status, 401);
    assert_eq!(
        via_proxy(&server, "GET", "/api/openapi.json", "", b"").status,
        401
    );
    // Another address, with or without a user: 403.
    assert_eq!(bypassing(&server, "/", "alice").status, 403);
    assert_eq!(bypassing(&server, "/api/openapi.json", "").status, 403);
    // The API through the proxy answers as on this machine.
    let check = via_proxy(
        &server,
        "POST",
        "/api/check",
        "alice",
        br#"{"pending": "23.11.2026", "as_of": "23.11.2026"}"#,
    );
    assert_eq!(check.status, 200, "{}", check.text());
}

#[test]
fn the_public_url_is_the_only_host_and_origin_taken() {
    let server = behind_proxy(&[]);
    let port = server.port.to_string();
    for host in [
        format!("127.0.0.1:{port}"),
        format!("localhost:{port}"),
        "evil.example".to_string(),
        format!("{PUBLIC_HOST}.evil.example"),
    ] {
        let answer = server.request(
            "GET",
            "/",
            &[("Host", &host), ("X-Remote-User", "alice")],
            b"",
        );
        assert_eq!(answer.status, 421, "Host: {host}");
    }
    assert_eq!(
        server
            .request(
                "GET",
                "/",
                &[
                    ("Host", "maaraika.example.fi:443"),
                    ("X-Remote-User", "alice")
                ],
                b""
            )
            .status,
        200
    );
    let body = br#"{"pending": "23.11.2026", "as_of": "23.11.2026"}"#;
    for (origin, status) in [
        (PUBLIC, 200),
        ("http://maaraika.example.fi", 403),
        ("https://evil.example", 403),
    ] {
        let answer = server.request(
            "POST",
            "/api/check",
            &[
                ("Host", PUBLIC_HOST),
                ("X-Remote-User", "alice"),
                ("Origin", origin),
                ("Content-Type", "application/json"),
            ],
            body,
        );
        assert_eq!(answer.status, status, "Origin: {origin}");
    }
}

#[test]
fn the_health_check_answers_without_a_sign_in() {
    let server = behind_proxy(&[]);
    for host in [
        format!("127.0.0.1:{}", server.port),
        PUBLIC_HOST.to_string(),
    ] {
        let answer = server.request("GET", "/healthz", &[("Host", &host)], b"");
        assert_eq!(answer.status, 200);
        assert_eq!(answer.text(), "ok\n");
        assert!(answer.header("content-security-policy").is_some());
    }
    // On this machine without any sign-in too.
    let local = Server::start(&[]);
    assert_eq!(local.get("/healthz").text(), "ok\n");
}

#[test]
fn the_access_log_names_the_user_and_the_action_never_the_data() {
    let server = behind_proxy(&[]);
    let csv = std::fs::read("samples/cases.csv").unwrap();
    let rows = csv.iter().filter(|&&b| b == b'\n').count() as u64 - 1;
    let audit = server.request(
        "POST",
        "/api/audit?as_of=23.11.2026",
        &[
            ("Host", PUBLIC_HOST),
            ("X-Remote-User", "alice"),
            ("Content-Type", "text/csv"),
        ],
        &csv,
    );
    assert_eq!(audit.status, 200);
    let (content_type, form) = multipart(&[("as_of", "23.11.2026")], &format!("{HETU}.csv"), &csv);
    let page = server.request(
        "POST",
        "/audit",
        &[
            ("Host", PUBLIC_HOST),
            ("X-Remote-User", "bob"),
            ("Content-Type", &content_type),
        ],
        &form,
    );
    assert_eq!(page.status, 200);
    via_proxy(
        &server,
        "GET",
        &format!("/api/calendar/holidays/{HETU}"),
        "alice",
        b"",
    );
    via_proxy(
        &server,
        "GET",
        &format!("/x/{}", HETU.replace('Y', "%59")),
        "alice",
        b"",
    );
    // A user known by an identity code (Suomi.fi) is logged redacted.
    via_proxy(&server, "GET", "/calendar?from=23.11.2026", HETU, b"");
    std::thread::sleep(Duration::from_millis(300));
    let log = server.log();
    assert!(!log.contains(HETU) && !log.contains("%59"), "{log}");
    assert!(!log.contains("23.11.2026"), "a query value: {log}");
    assert!(
        !log.contains("cases.csv") && !log.contains(".csv"),
        "a file name: {log}"
    );
    let lines = access_lines(&log);
    assert_eq!(lines.len(), 5, "{log}");
    for line in &lines {
        for key in ["time", "user", "action", "status", "rows", "duration_ms"] {
            assert!(line.get(key).is_some(), "{key} in {line}");
        }
        assert!(line["time"].as_str().unwrap().ends_with('Z'));
    }
    assert_eq!(lines[0]["user"], "alice");
    assert_eq!(lines[0]["action"], "POST /api/audit");
    assert_eq!(lines[0]["status"], 200);
    assert_eq!(lines[0]["rows"], rows);
    assert_eq!(lines[1]["user"], "bob");
    assert_eq!(lines[1]["action"], "POST /audit");
    assert_eq!(lines[1]["rows"], rows);
    assert_eq!(lines[2]["action"], "GET /api/calendar/holidays/{year}");
    assert_eq!(lines[4]["user"], "[henkilötunnus]");
}

#[test]
fn the_access_log_goes_to_the_file_asked_for() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("access.log");
    std::fs::write(&file, "an earlier line\n").unwrap();
    let mut server = Server::start(&["--access-log", file.to_str().unwrap()]);
    assert_eq!(server.get("/calendar").status, 200);
    assert_eq!(server.get("/no/such/page").status, 404);
    assert!(server.stop_with("TERM").success());
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.starts_with("an earlier line\n"), "appended: {text}");
    let lines = access_lines(&text);
    assert_eq!(lines.len(), 2, "{text}");
    assert_eq!(lines[0]["action"], "GET /calendar");
    assert_eq!(lines[1]["status"], 404);
    assert!(access_lines(&server.log()).is_empty(), "{}", server.log());
    // A log that cannot be opened stops the start.
    let (code, _, err) = common::run(
        &["serve", "--access-log", "/no/such/folder/access.log"],
        b"",
    );
    assert_eq!(code, 2);
    assert!(err.contains("/no/such/folder/access.log"), "{err}");
}

#[test]
fn the_metrics_count_requests_rows_and_refusals_in_prometheus_text() {
    let server = behind_proxy(&["--max-upload", "1KB", "--concurrent-audits", "3"]);
    let csv = b"case_id,pending_date,birth_date\nA,23.11.2026,1.1.1990\nB,23.11.2026,1.1.1990\n";
    let audit = server.request(
        "POST",
        "/api/audit?as_of=23.11.2026",
        &[
            ("Host", PUBLIC_HOST),
            ("X-Remote-User", "alice"),
            ("Content-Type", "text/csv"),
        ],
        csv,
    );
    assert_eq!(audit.status, 200, "{}", audit.text());
    let large = vec![b'x'; 4096];
    let refused = server.request(
        "POST",
        "/api/audit",
        &[
            ("Host", PUBLIC_HOST),
            ("X-Remote-User", "alice"),
            ("Content-Type", "text/csv"),
        ],
        &large,
    );
    assert_eq!(refused.status, 413);
    assert_eq!(via_proxy(&server, "GET", "/", "", b"").status, 401);
    std::thread::sleep(Duration::from_millis(200));
    // On this machine, whatever Host it names.
    let metrics = server.get("/metrics");
    assert_eq!(metrics.status, 200);
    assert!(metrics
        .header("content-type")
        .unwrap()
        .starts_with("text/plain; version=0.0.4"));
    let text = metrics.text();
    for line in [
        "maaraika_http_requests_total{route=\"/api/audit\",status=\"200\"} 1",
        "maaraika_http_requests_total{route=\"/api/audit\",status=\"413\"} 1",
        "maaraika_http_requests_total{route=\"/\",status=\"401\"} 1",
        "maaraika_audit_rows_total 2",
        "maaraika_uploads_refused_total 1",
        "maaraika_audits_allowed 3",
        "# TYPE maaraika_http_request_duration_seconds histogram",
    ] {
        assert!(text.contains(line), "{line} in\n{text}");
    }
    assert!(text.contains("process_resident_memory_bytes "));
    // Every sample line is `name{labels} value`.
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        let value = line.rsplit(' ').next().unwrap();
        assert!(value.parse::<f64>().is_ok(), "{line}");
    }
}

#[test]
fn a_request_naming_a_host_an_origin_or_a_fetch_site_twice_is_refused() {
    let server = Server::start(&[]);
    let port = server.port;
    let ours = format!("127.0.0.1:{port}");
    let origin = format!("http://127.0.0.1:{port}");
    let raw = |extra: &str| {
        use std::io::{Read, Write};
        let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(30)))
            .unwrap();
        let body = r#"{"pending": "23.11.2026", "as_of": "23.11.2026"}"#;
        write!(
            stream,
            "POST /api/check HTTP/1.1\r\nHost: {ours}\r\nConnection: close\r\n\
             Content-Type: application/json\r\nContent-Length: {}\r\n{extra}\r\n{body}",
            body.len()
        )
        .unwrap();
        let mut answer = String::new();
        let _ = stream.read_to_string(&mut answer);
        answer
    };
    for extra in [
        "Host: evil.example\r\n".to_string(),
        format!("Host: {ours}\r\n"),
        format!("Origin: {origin}\r\nOrigin: https://evil.example\r\n"),
        "Sec-Fetch-Site: same-origin\r\nSec-Fetch-Site: cross-site\r\n".to_string(),
    ] {
        let answer = raw(&extra);
        assert!(answer.starts_with("HTTP/1.1 400"), "{extra:?}: {answer}");
        assert!(answer.contains("twice"), "{answer}");
        assert!(answer.contains("content-security-policy"), "{answer}");
    }
    assert!(raw("").starts_with("HTTP/1.1 200"));
}

#[test]
fn a_bad_shared_server_argument_is_refused_with_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.pem");
    std::fs::write(&empty, "").unwrap();
    let text = dir.path().join("text.pem");
    std::fs::write(&text, "not a certificate\n").unwrap();
    let (cert, key) = certificate(dir.path());
    let (other_cert, _) = certificate(&dir.path().join("other"));
    let path = |p: &std::path::Path| p.to_str().unwrap().to_string();
    let cases: Vec<(Vec<String>, &str)> = vec![
        (
            vec!["--auth-proxy-header".into(), "X-User".into()],
            "--auth-proxy-from",
        ),
        (
            vec![
                "--auth-proxy-header".into(),
                "X-User".into(),
                "--auth-proxy-from".into(),
                "proxy.example".into(),
            ],
            "proxy.example",
        ),
        (
            vec![
                "--auth-proxy-header".into(),
                "X User".into(),
                "--auth-proxy-from".into(),
                "127.0.0.1".into(),
            ],
            "X User",
        ),
        (
            vec![
                "--auth-proxy-header".into(),
                "X-User".into(),
                "--auth-proxy-from".into(),
                "10.0.0.0/40".into(),
            ],
            "10.0.0.0/40",
        ),
        (
            vec!["--public-url".into(), "maaraika.example.fi".into()],
            "maaraika.example.fi",
        ),
        (
            vec!["--public-url".into(), "https://x.example/app".into()],
            "path",
        ),
        (
            vec![
                "--no-login".into(),
                "--auth-proxy-header".into(),
                "X-User".into(),
                "--auth-proxy-from".into(),
                "127.0.0.1".into(),
            ],
            "--no-login",
        ),
        (
            vec!["--concurrent-audits".into(), "0".into()],
            "--concurrent-audits",
        ),
        (
            vec!["--request-deadline".into(), "0".into()],
            "--request-deadline",
        ),
        (vec!["--tls-cert".into(), path(&cert)], "--tls-key"),
        (
            vec![
                "--tls-cert".into(),
                path(&dir.path().join("missing.pem")),
                "--tls-key".into(),
                path(&key),
            ],
            "missing.pem: no such file",
        ),
        (
            vec![
                "--tls-cert".into(),
                path(&empty),
                "--tls-key".into(),
                path(&key),
            ],
            "empty.pem: the file is empty",
        ),
        (
            vec![
                "--tls-cert".into(),
                path(&text),
                "--tls-key".into(),
                path(&key),
            ],
            "text.pem: no certificate",
        ),
        (
            vec![
                "--tls-cert".into(),
                path(&cert),
                "--tls-key".into(),
                path(&cert),
            ],
            "no private key",
        ),
        (
            vec![
                "--tls-cert".into(),
                path(&other_cert),
                "--tls-key".into(),
                path(&key),
            ],
            "does not belong",
        ),
    ];
    for (args, named) in cases {
        let mut all = vec!["serve", "--port", "0"];
        all.extend(args.iter().map(String::as_str));
        let (code, out, err) = common::run(&all, b"");
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(out.is_empty(), "{args:?} started: {out}");
        assert!(err.contains(named), "{args:?}: {named:?} not in {err}");
    }
}

/// A certificate authority and a certificate for `localhost` issued by it, written as PEM files
/// into `dir`; returns the certificate (then the authority's, as a chain) and the key.
fn certificate(dir: &std::path::Path) -> (std::path::PathBuf, std::path::PathBuf) {
    std::fs::create_dir_all(dir).unwrap();
    let authority_key = rcgen::KeyPair::generate().unwrap();
    let mut params = rcgen::CertificateParams::new(Vec::<String>::new()).unwrap();
    params.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
    let authority = rcgen::CertifiedIssuer::self_signed(params, authority_key).unwrap();
    let key = rcgen::KeyPair::generate().unwrap();
    let cert = rcgen::CertificateParams::new(vec!["localhost".to_string()])
        .unwrap()
        .signed_by(&key, &authority)
        .unwrap();
    let cert_file = dir.join("cert.pem");
    let key_file = dir.join("key.pem");
    std::fs::write(&cert_file, format!("{}{}", cert.pem(), authority.pem())).unwrap();
    std::fs::write(&key_file, key.serialize_pem()).unwrap();
    std::fs::write(dir.join("ca.pem"), authority.pem()).unwrap();
    (cert_file, key_file)
}

/// A TLS connection to the server that trusts only the authority in `dir`.
fn tls_connect(
    dir: &std::path::Path,
    port: u16,
) -> rustls::StreamOwned<rustls::ClientConnection, std::net::TcpStream> {
    use rustls::pki_types::pem::PemObject;
    let mut roots = rustls::RootCertStore::empty();
    let ca = std::fs::read(dir.join("ca.pem")).unwrap();
    for cert in rustls::pki_types::CertificateDer::pem_slice_iter(&ca) {
        roots.add(cert.unwrap()).unwrap();
    }
    #[allow(deprecated)]
    let provider = std::sync::Arc::new(rustls::crypto::ring::default_provider());
    let config = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_root_certificates(roots)
        .with_no_client_auth();
    let connection =
        rustls::ClientConnection::new(std::sync::Arc::new(config), "localhost".try_into().unwrap())
            .unwrap();
    let tcp = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
    tcp.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    rustls::StreamOwned::new(connection, tcp)
}

#[test]
fn with_a_certificate_it_serves_https_with_hsts_on_every_answer() {
    let dir = tempfile::tempdir().unwrap();
    let (cert, key) = certificate(dir.path());
    let server = Server::start(&[
        "--tls-cert",
        cert.to_str().unwrap(),
        "--tls-key",
        key.to_str().unwrap(),
    ]);
    assert!(
        server.url.starts_with("https://127.0.0.1:"),
        "{}",
        server.url
    );
    let port = server.port;
    let host = format!("localhost:{port}");
    let get = |path: &str| {
        request_over(
            tls_connect(dir.path(), port),
            port,
            "GET",
            path,
            &[("Host", &host)],
            b"",
        )
    };
    for (path, status) in [
        ("/", 200),
        ("/healthz", 200),
        ("/no/such/page", 404),
        ("/api/openapi.json", 200),
    ] {
        let answer = get(path);
        assert_eq!(answer.status, status, "{path}");
        assert_eq!(
            answer.header("strict-transport-security"),
            Some("max-age=31536000"),
            "{path}"
        );
        assert!(answer.header("content-security-policy").is_some());
    }
    // A form posted from the page's own https origin is taken.
    let posted = request_over(
        tls_connect(dir.path(), port),
        port,
        "POST",
        "/api/check",
        &[
            ("Host", &host),
            ("Origin", &format!("https://{host}")),
            ("Content-Type", "application/json"),
        ],
        br#"{"pending": "23.11.2026", "as_of": "23.11.2026"}"#,
    );
    assert_eq!(posted.status, 200, "{}", posted.text());
    // Plain HTTP on the TLS port gets no page.
    use std::io::{Read, Write};
    let mut plain = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
    plain
        .set_read_timeout(Some(Duration::from_secs(15)))
        .unwrap();
    let _ = plain.write_all(format!("GET / HTTP/1.1\r\nHost: {host}\r\n\r\n").as_bytes());
    let mut answer = Vec::new();
    let _ = plain.read_to_end(&mut answer);
    assert!(!String::from_utf8_lossy(&answer).contains("<html"));
    // Plain HTTP on this machine sends no HSTS (browsers would ignore it anyway).
    let local = Server::start(&[]);
    assert_eq!(local.get("/").header("strict-transport-security"), None);
}

#[test]
fn behind_a_proxy_and_with_a_certificate_together() {
    let dir = tempfile::tempdir().unwrap();
    let (cert, key) = certificate(dir.path());
    let server = behind_proxy(&[
        "--tls-cert",
        cert.to_str().unwrap(),
        "--tls-key",
        key.to_str().unwrap(),
    ]);
    let port = server.port;
    let answer = request_over(
        tls_connect(dir.path(), port),
        port,
        "GET",
        "/",
        &[("Host", PUBLIC_HOST), ("X-Remote-User", "alice")],
        b"",
    );
    assert_eq!(answer.status, 200);
    assert!(answer.header("strict-transport-security").is_some());
    let anonymous = request_over(
        tls_connect(dir.path(), port),
        port,
        "GET",
        "/",
        &[("Host", PUBLIC_HOST)],
        b"",
    );
    assert_eq!(anonymous.status, 401);
}

#[test]
fn a_trickling_upload_is_cut_off_at_the_deadline_and_frees_its_audit_slot() {
    use std::io::Write;
    let server = Server::start(&["--request-deadline", "2", "--concurrent-audits", "1"]);
    let port = server.port;
    // One byte a second, for ever: it holds the only audit slot until the deadline.
    let trickle = std::thread::spawn(move || {
        let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(30)))
            .unwrap();
        let started = Instant::now();
        let _ = write!(
            stream,
            "POST /api/audit?as_of=23.11.2026 HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\
             Content-Type: text/csv\r\nContent-Length: 100000\r\n\r\ncase_id,pending_date,birth_date\n"
        );
        for _ in 0..20 {
            if stream.write_all(b"A").is_err() {
                break;
            }
            std::thread::sleep(Duration::from_secs(1));
        }
        started.elapsed()
    });
    std::thread::sleep(Duration::from_millis(500));
    let csv = b"case_id,pending_date,birth_date\nA,23.11.2026,1.1.1990\n";
    let started = Instant::now();
    let answer = request(
        port,
        "POST",
        "/api/audit?as_of=23.11.2026",
        &[("Content-Type", "text/csv")],
        csv,
    );
    assert_eq!(answer.status, 200, "{}", answer.text());
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "the second audit waited {:?}",
        started.elapsed()
    );
    let trickled = trickle.join().unwrap();
    assert!(trickled < Duration::from_secs(15), "{trickled:?}");
}

#[test]
fn a_long_form_field_is_refused_while_it_streams() {
    let server = Server::start(&["--max-upload", "64MB"]);
    let long = "1".repeat(32 << 20);
    let (content_type, body) = multipart(&[("as_of", &long)], "cases.csv", b"case_id\n");
    let started = Instant::now();
    let answer = server.request(
        "POST",
        "/api/audit",
        &[("Content-Type", &content_type)],
        &body,
    );
    assert_eq!(answer.status, 400, "{}", answer.text());
    assert!(answer.json()["error"]
        .as_str()
        .unwrap()
        .contains("too long"));
    assert!(started.elapsed() < Duration::from_secs(30));
    assert_eq!(server.get("/healthz").status, 200);
}

/// Sends `bytes` on a new connection and reads until the server closes it or 10 s pass.
fn raw_exchange(port: u16, bytes: &[u8]) -> String {
    use std::io::{Read, Write};
    let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let _ = stream.write_all(bytes);
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    String::from_utf8_lossy(&answer).into_owned()
}

#[test]
fn a_head_the_server_cannot_take_is_answered_with_the_security_headers() {
    let server = Server::start(&[]);
    let port = server.port;
    let host = format!("Host: 127.0.0.1:{port}\r\n");
    let cases = [
        (
            format!(
                "GET / HTTP/1.1\r\n{host}X-Big: {}\r\n\r\n",
                "a".repeat(100 << 10)
            ),
            "431",
        ),
        (
            format!("GET / HTTP/1.1\r\n{host}{}\r\n", "X-A: 1\r\n".repeat(200)),
            "431",
        ),
        (
            format!("GET /{} HTTP/1.1\r\n{host}\r\n", "a".repeat(70 << 10)),
            "414",
        ),
        (
            format!("GET / HTTP/1.1\r\n{host}Bad Header: x\r\n\r\n"),
            "400",
        ),
        (
            format!("GET / HTTP/1.1\r\n{host}Content-Length: 1, 2\r\n\r\n"),
            "400",
        ),
        ("\x16\x03\x01\x02\x00 not http\r\n\r\n".to_string(), "400"),
    ];
    for (request, status) in cases {
        let answer = raw_exchange(port, request.as_bytes());
        assert!(
            answer.starts_with(&format!("HTTP/1.1 {status} ")),
            "{status}: {}",
            &answer[..answer.len().min(200)]
        );
        assert!(
            answer.contains("content-security-policy: default-src 'none'"),
            "{answer}"
        );
        assert!(
            answer.contains("x-content-type-options: nosniff"),
            "{answer}"
        );
        assert!(answer.contains("\"error\""), "{answer}");
    }
    assert_eq!(server.get("/healthz").status, 200);
}

#[test]
fn requests_one_after_another_on_one_connection_are_each_answered() {
    let server = Server::start(&[]);
    let port = server.port;
    let body = r#"{"pending": "23.11.2026", "as_of": "23.11.2026"}"#;
    let one = format!(
        "POST /api/check HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\n\
         Content-Length: {}\r\n\r\n{body}",
        body.len()
    );
    let last =
        format!("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n");
    let answer = raw_exchange(port, format!("{one}{one}{last}").as_bytes());
    assert_eq!(answer.matches("HTTP/1.1 200 OK").count(), 3, "{answer}");
    assert!(answer.ends_with("ok\n"), "{answer}");
    // A chunked body is taken, and its answer closes the connection.
    let chunked = format!(
        "POST /api/check HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\n\
         Transfer-Encoding: chunked\r\n\r\n{:x}\r\n{body}\r\n0\r\n\r\n{last}",
        body.len()
    );
    let answer = raw_exchange(port, chunked.as_bytes());
    assert!(answer.starts_with("HTTP/1.1 200 OK"), "{answer}");
    assert!(answer.contains("connection: close"), "{answer}");
}

/// schemathesis (`MAARAIKA_SCHEMATHESIS`, else `st` on the PATH; `.ci/run` installs it) sends
/// the API what its OpenAPI document allows and forbids, and checks every answer against the
/// document: status codes, content types, headers, response schemas, schema-violating requests
/// refused (`--checks all`). One check is left out: `positive_data_acceptance`, that every
/// request the document allows is answered 2xx. JSON Schema cannot say what makes a date real
/// (31.2.), in the calendar's years, or a case consistent (a child-welfare matter of a
/// 78-year-old, a start before the pending day): those are answered 400 with the reason.
#[test]
#[ignore = "needs schemathesis (pip install schemathesis); run by .ci/run"]
fn the_openapi_document_and_the_server_agree_by_schemathesis() {
    let st = std::env::var("MAARAIKA_SCHEMATHESIS").unwrap_or_else(|_| "st".into());
    let server = Server::start(&[]);
    let report = tempfile::tempdir().unwrap();
    let out = std::process::Command::new(&st)
        .args([
            "run",
            &format!("http://127.0.0.1:{}/api/openapi.json", server.port),
            "--checks",
            "all",
            "--exclude-checks",
            "positive_data_acceptance",
            "--max-examples",
            "20",
            // One seed: the same requests on every run, so that CI's answer does not depend on
            // the draw (another seed is one edit away, and was tried: see the commit).
            "--seed",
            "20261206",
            "--no-color",
        ])
        .current_dir(report.path())
        .output()
        .unwrap_or_else(|e| panic!("schemathesis ({st}) cannot be run: {e}"));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "schemathesis found disagreements:\n{text}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(text.contains("passed"), "{text}");
}

/// Issue 20: crafted uploads (three lists, three workbooks) and three forms with an oversized
/// field, all at once, and the server's peak memory stays within 256 MB (it was 898 MB for four
/// oversized fields, 1-3 GB for one crafted workbook); the server answers each and stays up.
#[test]
#[ignore = "sends 6 uploads of 60-64 MB and 3 crafted workbooks at once: run by .ci/run"]
fn crafted_uploads_and_oversized_form_fields_at_once_stay_within_256_mb() {
    let server = Server::start(&["--concurrent-audits", "3", "--max-upload", "256MB"]);
    let port = server.port;
    let idle = server.peak_rss_kb();
    // Crafted lists: one field that runs on for 64 MB, a row of 60 million empty fields, a
    // header of 30 million columns.
    let mut long_field = b"case_id,pending_date,birth_date\n\"".to_vec();
    long_field.resize(64 << 20, b'x');
    let mut commas = b"case_id,pending_date,birth_date\n".to_vec();
    commas.resize(60 << 20, b',');
    let mut header = b"case_id".to_vec();
    header.extend(b",x".repeat(30 << 20));
    header.push(b'\n');
    // Crafted workbooks (issue 20's classes): rows that jump to a billion, one merged region
    // across a whole row copying 100 KB, a .xlsb record claiming a huge length.
    let xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    let uploads: Vec<(&str, Vec<u8>)> = vec![
        ("text/csv", long_field),
        ("text/csv", commas),
        ("text/csv", header),
        (xlsx, common::crafted::row_jump()),
        (xlsx, common::crafted::wide_merge(100_000)),
        (
            "application/octet-stream",
            common::crafted::xlsb_huge_record(),
        ),
    ];
    let mut threads = Vec::new();
    for (content_type, body) in uploads {
        threads.push(std::thread::spawn(move || {
            request(
                port,
                "POST",
                "/api/audit?as_of=23.11.2026",
                &[("Content-Type", content_type)],
                &body,
            )
            .status
        }));
    }
    for _ in 0..3 {
        threads.push(std::thread::spawn(move || {
            let long = "1".repeat(64 << 20);
            let (content_type, body) = multipart(&[("as_of", &long)], "cases.csv", b"case_id\n");
            request(
                port,
                "POST",
                "/api/audit",
                &[("Content-Type", &content_type)],
                &body,
            )
            .status
        }));
    }
    let statuses: Vec<u16> = threads.into_iter().map(|t| t.join().unwrap()).collect();
    let peak = server.peak_rss_kb();
    eprintln!(
        "statuses {statuses:?}; peak {} MB (idle {} MB)",
        peak / 1024,
        idle / 1024
    );
    assert!(statuses[6..].iter().all(|&s| s == 400), "{statuses:?}");
    assert!(statuses.iter().all(|&s| s != 500 && s != 0), "{statuses:?}");
    assert!(peak < 256 * 1024, "peak {} MB", peak / 1024);
    assert_eq!(server.get("/healthz").status, 200);
}

/// SIGTERM while an upload is under way: no new connection is taken, the upload is answered
/// whole, and the server ends with 0 within its 10 s grace.
#[test]
fn sigterm_lets_a_request_under_way_finish_and_stops() {
    use std::io::{Read, Write};
    let mut server = Server::start(&[]);
    let port = server.port;
    let rows = "A,23.11.2026,1.1.1990\n".repeat(4);
    let body = format!("case_id,pending_date,birth_date\n{rows}");
    let slow = std::thread::spawn(move || {
        let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(30)))
            .unwrap();
        write!(
            stream,
            "POST /api/audit?as_of=23.11.2026 HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\
             Content-Type: text/csv\r\nConnection: close\r\nContent-Length: {}\r\n\r\n",
            body.len()
        )
        .unwrap();
        for piece in body.as_bytes().chunks(24) {
            stream.write_all(piece).unwrap();
            std::thread::sleep(Duration::from_millis(300));
        }
        let mut answer = String::new();
        let _ = stream.read_to_string(&mut answer);
        answer
    });
    std::thread::sleep(Duration::from_millis(500));
    let started = Instant::now();
    let status = server.stop_with("TERM");
    assert_eq!(status.code(), Some(0));
    assert!(started.elapsed() < Duration::from_secs(10));
    let answer = slow.join().unwrap();
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    assert!(
        answer.contains("\"rows\":4,\"evaluated\":4"),
        "{}",
        &answer[answer.len().saturating_sub(600)..]
    );
}

/// The OpenAPI document gives `reading` as `standard` or `conservative`: a `reading=` given empty
/// is refused, not taken as the default (schemathesis sent it and was answered 200).
#[test]
fn an_empty_reading_is_refused_as_the_openapi_document_says() {
    let server = Server::start(&[]);
    for path in [
        "/api/calendar/holidays/2026?reading=",
        "/api/calendar/add?from=23.11.2026&days=7&reading=",
        "/api/calendar/count?from=23.11.2026&to=2.12.2026&reading=",
    ] {
        assert_eq!(server.get(path).status, 400, "{path}");
    }
    assert_eq!(
        server
            .get("/api/calendar/holidays/2026?reading=standard")
            .status,
        200
    );
}
