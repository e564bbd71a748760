//! Headless Chromium (Debian's `chromium` and `chromium-driver`) driven over WebDriver, and
//! axe-core (npm) run in it, for the browser tests (`tests/web_browser.rs`,
//! `tests/behind_proxy.rs`). A missing tool fails the test instead of skipping it.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use super::server::request;
use serde_json::{json, Value};

const IGNORED: &str = "needs chromium and chromium-driver (Debian) and axe-core (npm)";
const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

pub fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn find_tool(name: &str, candidates: &[&str]) -> PathBuf {
    if let Ok(path) = std::env::var(name.to_ascii_uppercase()) {
        return PathBuf::from(path);
    }
    candidates
        .iter()
        .map(PathBuf::from)
        .find(|p| p.exists())
        .unwrap_or_else(|| panic!("{IGNORED}: {name} not found in {candidates:?}"))
}

/// axe-core's script: from `target/axe` (installed there by `.ci/run`, or now with npm).
pub fn axe_script() -> String {
    let prefix = manifest_dir().join("target/axe");
    let script = prefix.join("node_modules/axe-core/axe.min.js");
    if !script.exists() {
        let status = Command::new("npm")
            .args(["install", "--silent", "--no-audit", "--no-fund", "--prefix"])
            .arg(&prefix)
            .arg("axe-core@4")
            .status();
        assert!(
            matches!(status, Ok(s) if s.success()),
            "{IGNORED}: npm install axe-core failed ({status:?})"
        );
    }
    std::fs::read_to_string(&script)
        .unwrap_or_else(|e| panic!("{IGNORED}: {} ({e})", script.display()))
}

/// A WebDriver session on a chromedriver of its own.
pub struct Browser {
    driver: Child,
    port: u16,
    pub session: String,
    _profile: tempfile::TempDir,
    pub downloads: tempfile::TempDir,
}

pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

impl Browser {
    pub fn start() -> Browser {
        Browser::start_with(&[])
    }

    /// A session whose Chromium also gets `extra` arguments (`--ignore-certificate-errors`).
    pub fn start_with(extra: &[&str]) -> Browser {
        let chromedriver = find_tool("chromedriver", &["/usr/bin/chromedriver"]);
        let chromium = find_tool(
            "chromium",
            &["/usr/bin/chromium", "/usr/bin/chromium-browser"],
        );
        let port = free_port();
        let driver = Command::new(&chromedriver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("{IGNORED}: cannot start chromedriver: {e}"));
        let deadline = Instant::now() + Duration::from_secs(20);
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(Instant::now() < deadline, "chromedriver did not start");
            std::thread::sleep(Duration::from_millis(50));
        }
        let profile = tempfile::tempdir().unwrap();
        let downloads = tempfile::tempdir().unwrap();
        let mut args: Vec<String> = [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--no-first-run",
            "--disable-dev-shm-usage",
            "--window-size=1280,1000",
        ]
        .iter()
        .chain(extra)
        .map(|a| a.to_string())
        .collect();
        args.push(format!("--user-data-dir={}", profile.path().display()));
        let capabilities = json!({
            "capabilities": {"alwaysMatch": {
                "browserName": "chrome",
                "goog:chromeOptions": {
                    "binary": chromium,
                    "args": args,
                    "prefs": {
                        "download.default_directory": downloads.path(),
                        "download.prompt_for_download": false,
                    },
                },
            }},
        });
        let mut browser = Browser {
            driver,
            port,
            session: String::new(),
            _profile: profile,
            downloads,
        };
        let answer = browser.call("POST", "/session", Some(capabilities));
        browser.session = answer["value"]["sessionId"]
            .as_str()
            .unwrap_or_else(|| panic!("no session: {answer}"))
            .to_string();
        // Downloads in headless Chromium go where the profile says only when allowed.
        browser.cdp(
            "Browser.setDownloadBehavior",
            json!({"behavior": "allow", "downloadPath": browser.downloads.path()}),
        );
        browser
    }

    pub fn call(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let body = body.map(|b| b.to_string()).unwrap_or_default();
        let reply = request(
            self.port,
            method,
            path,
            &[("Content-Type", "application/json; charset=utf-8")],
            body.as_bytes(),
        );
        let value = reply.json();
        assert!(
            reply.status < 400,
            "WebDriver {method} {path}: {}",
            value["value"]["message"]
        );
        value
    }

    pub fn session_call(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let path = format!("/session/{}{path}", self.session);
        self.call(method, &path, body)["value"].clone()
    }

    pub fn cdp(&self, cmd: &str, params: Value) -> Value {
        self.session_call(
            "POST",
            "/goog/cdp/execute",
            Some(json!({"cmd": cmd, "params": params})),
        )
    }

    pub fn go(&self, url: &str) {
        self.session_call("POST", "/url", Some(json!({ "url": url })));
    }

    pub fn find(&self, css: &str) -> String {
        let found = self.session_call(
            "POST",
            "/element",
            Some(json!({"using": "css selector", "value": css})),
        );
        found[ELEMENT].as_str().unwrap().to_string()
    }

    pub fn exists(&self, css: &str) -> bool {
        let found = self.session_call(
            "POST",
            "/elements",
            Some(json!({"using": "css selector", "value": css})),
        );
        !found.as_array().unwrap().is_empty()
    }

    pub fn type_into(&self, css: &str, text: &str) {
        let element = self.find(css);
        self.session_call(
            "POST",
            &format!("/element/{element}/clear"),
            Some(json!({})),
        );
        self.session_call(
            "POST",
            &format!("/element/{element}/value"),
            Some(json!({ "text": text })),
        );
    }

    /// Clicks; a click that sends a form leaves the page, and [`Browser::wait_for`] then waits
    /// for the new one (the old one is marked so that its elements do not count).
    pub fn click(&self, css: &str) {
        self.script("document.documentElement.setAttribute('data-old', '')");
        let element = self.find(css);
        self.session_call(
            "POST",
            &format!("/element/{element}/click"),
            Some(json!({})),
        );
    }

    /// Chooses a file in a file field by its path (a file dialog cannot be driven).
    pub fn choose_file(&self, css: &str, path: &Path) {
        let field = self.find(css);
        self.session_call(
            "POST",
            &format!("/element/{field}/value"),
            Some(json!({"text": path.display().to_string()})),
        );
    }

    pub fn text(&self, css: &str) -> String {
        let element = self.find(css);
        self.session_call("GET", &format!("/element/{element}/text"), None)
            .as_str()
            .unwrap()
            .to_string()
    }

    pub fn script(&self, script: &str) -> Value {
        self.session_call(
            "POST",
            "/execute/sync",
            Some(json!({"script": script, "args": []})),
        )
    }

    /// Presses keys on whatever has the focus (WebDriver key codes: `\u{E004}` Tab,
    /// `\u{E007}` Enter, `\u{E00D}` space).
    pub fn keys(&self, keys: &str) {
        let actions: Vec<Value> = keys
            .chars()
            .flat_map(|c| {
                [
                    json!({"type": "keyDown", "value": c.to_string()}),
                    json!({"type": "keyUp", "value": c.to_string()}),
                ]
            })
            .collect();
        self.session_call(
            "POST",
            "/actions",
            Some(json!({"actions": [{"type": "key", "id": "keyboard", "actions": actions}]})),
        );
    }

    pub fn focused_id(&self) -> String {
        self.script("return document.activeElement ? document.activeElement.id : ''")
            .as_str()
            .unwrap_or("")
            .to_string()
    }

    /// Tabs until the element with `id` has the focus (at most 60 presses).
    pub fn tab_to(&self, id: &str) {
        for _ in 0..60 {
            if self.focused_id() == id {
                return;
            }
            self.keys("\u{E004}");
        }
        panic!("Tab never reached #{id}");
    }

    pub fn wait_for(&self, css: &str) {
        let deadline = Instant::now() + Duration::from_secs(30);
        let css = &format!("html:not([data-old]) {css}");
        while !self.exists(css) {
            if Instant::now() > deadline {
                let shown = self.script("return document.body ? document.body.innerText : ''");
                panic!("{css} never appeared; the page shows: {shown}");
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    pub fn resize(&self, width: u32, height: u32) {
        self.session_call(
            "POST",
            "/window/rect",
            Some(json!({"width": width, "height": height})),
        );
    }

    /// Saves a screenshot of the page at a width, as tall as the page (at most 4000 px).
    pub fn screenshot(&self, name: &str, width: u32) {
        self.resize(width, 900);
        let height = self
            .script("return document.documentElement.scrollHeight")
            .as_u64()
            .unwrap_or(900)
            .clamp(600, 4000) as u32;
        self.resize(width, height + 140);
        let png = self.session_call("GET", "/screenshot", None);
        let bytes = decode_base64(png.as_str().unwrap());
        let dir = manifest_dir().join("target/screenshots");
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join(format!("{name}-{width}.png")), bytes).unwrap();
        self.resize(1280, 1000);
    }

    /// Saves a screenshot of one element (for the README).
    pub fn element_screenshot(&self, css: &str, name: &str) {
        let element = self.find(css);
        let png = self.session_call("GET", &format!("/element/{element}/screenshot"), None);
        let dir = manifest_dir().join("target/screenshots");
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(
            dir.join(format!("{name}.png")),
            decode_base64(png.as_str().unwrap()),
        )
        .unwrap();
    }

    /// Runs axe-core on the page with the WCAG 2.1 A and AA rules; the violations.
    pub fn axe(&self, script: &str) -> Vec<Value> {
        self.script(script);
        let result = self.session_call(
            "POST",
            "/execute/async",
            Some(json!({
                "script": "var done = arguments[arguments.length - 1];
                    axe.run(document, {runOnly: {type: 'tag',
                        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
                      .then(function (r) { done(r.violations.map(function (v) {
                          return {id: v.id, impact: v.impact, help: v.help,
                                  nodes: v.nodes.map(function (n) { return n.html; })};
                      })); })
                      .catch(function (e) { done([{id: 'axe-error', help: String(e)}]); });",
                "args": [],
            })),
        );
        result.as_array().cloned().unwrap_or_default()
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        if !self.session.is_empty() {
            let path = format!("/session/{}", self.session);
            let _ = std::panic::catch_unwind(|| request(self.port, "DELETE", &path, &[], b""));
        }
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

pub fn decode_base64(text: &str) -> Vec<u8> {
    let value = |c: u8| -> u32 {
        match c {
            b'A'..=b'Z' => u32::from(c - b'A'),
            b'a'..=b'z' => u32::from(c - b'a') + 26,
            b'0'..=b'9' => u32::from(c - b'0') + 52,
            b'+' => 62,
            b'/' => 63,
            _ => 0,
        }
    };
    let clean: Vec<u8> = text.bytes().filter(|c| !c.is_ascii_whitespace()).collect();
    let mut out = Vec::with_capacity(clean.len() * 3 / 4);
    for chunk in clean.chunks(4) {
        let pad = chunk.iter().filter(|&&c| c == b'=').count();
        let n = chunk
            .iter()
            .fold(0u32, |n, &c| n << 6 | if c == b'=' { 0 } else { value(c) });
        let n = n << (6 * (4 - chunk.len() as u32));
        let bytes = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
        out.extend_from_slice(&bytes[..3 - pad]);
    }
    out
}

pub fn wait_for_file(dir: &Path) -> PathBuf {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let done: Vec<PathBuf> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "csv"))
            .collect();
        if let Some(path) = done.into_iter().next() {
            // Let the browser finish writing it.
            std::thread::sleep(Duration::from_millis(300));
            return path;
        }
        assert!(Instant::now() < deadline, "the download never arrived");
        std::thread::sleep(Duration::from_millis(100));
    }
}
