//! The pages in a real browser: headless Chromium (Debian's `chromium` and `chromium-driver`)
//! driven over WebDriver, and axe-core (npm) for accessibility (WCAG 2.1 A and AA, the rule for
//! the Finnish public sector, Act 306/2019). Ignored in a plain `cargo test`; `.ci/run` installs
//! the tools and runs them, and a missing tool fails the test instead of skipping it.
//!
//! Screenshots of every page at phone (375 px) and desktop (1280 px) widths are kept in
//! `target/screenshots/`.
#![cfg(unix)]

use crate::common;

use common::browser::{axe_script, manifest_dir, wait_for_file, Browser};
use common::server::Server;

fn cli_stdout(args: &[&str]) -> Vec<u8> {
    common::maaraika().args(args).output().unwrap().stdout
}

#[test]
#[ignore = "needs chromium and chromium-driver (Debian) and axe-core (npm); run by .ci/run"]
fn a_person_checks_one_case_in_the_browser_with_the_keyboard_only() {
    let server = Server::start(&[]);
    let browser = Browser::start();
    browser.go(&format!("{}?lang=en", server.url));
    // Keyboard only: Tab into each field, type, and Enter on the button.
    browser.tab_to("pending");
    browser.keys("17.12.2024");
    browser.tab_to("age");
    browser.keys("78");
    browser.tab_to("as_of");
    browser.keys(&"\u{E003}".repeat(12));
    browser.keys("2.1.2025");
    browser.tab_to("disabled");
    browser.keys("\u{E00D}");
    let button = browser.find("form.card button[type=submit]");
    browser.script("document.querySelector('form.card button[type=submit]').id = 'check-button'");
    let _ = button;
    browser.tab_to("check-button");
    browser.script("document.documentElement.setAttribute('data-old', '')");
    browser.keys("\u{E007}");
    browser.wait_for("#result-title");
    let result = browser.text("section.result");
    assert!(result.contains("Tue 31.12.2024"), "{result}");
    assert!(result.contains("overdue"), "{result}");
    assert!(browser.exists("td.day.counted.deadline"));
    assert_eq!(
        browser.focused_id(),
        "result-title",
        "the focus moves to the result"
    );
    // The calendar's counter, by keyboard too: Enter in a field sends its form.
    browser.go(&format!("{}calendar?lang=en", server.url));
    browser.tab_to("from");
    browser.keys("23.11.2026");
    browser.tab_to("to");
    browser.keys("2.12.2026");
    browser.script("document.documentElement.setAttribute('data-old', '')");
    browser.keys("\u{E007}");
    browser.wait_for("p.answer");
    assert!(browser.text("p.answer").contains("7 working days"));
    browser.go(&format!("{}?lang=en", server.url));
    browser.type_into("#pending", "17.12.2024");
    browser.type_into("#as_of", "2.1.2025");
    // The identity code is not put back into the form.
    browser.type_into("#hetu", "010594Y9032");
    browser.type_into("#age", "");
    browser.click("form.card button[type=submit]");
    browser.wait_for("#result-title");
    let value = browser.script("return document.getElementById('hetu').value");
    assert!(value == "", "the identity code is back in the form");
    assert!(!browser
        .script("return document.documentElement.outerHTML")
        .as_str()
        .unwrap()
        .contains("010594Y9032"));
}

#[test]
#[ignore = "needs chromium and chromium-driver (Debian) and axe-core (npm); run by .ci/run"]
fn a_person_audits_a_list_and_downloads_the_audit_in_the_browser() {
    let server = Server::start(&[]);
    let browser = Browser::start();
    let sample = manifest_dir().join("samples/cases-with-errors.csv");
    browser.go(&format!("{}audit?lang=en", server.url));
    browser.type_into("#as_of", "23.11.2026");
    // Keyboard: the file is chosen by its path (a file dialog cannot be driven), the rest by keys.
    browser.choose_file("#file", &sample);
    browser.script("document.querySelector('div.buttons button').id = 'audit-button'");
    browser.tab_to("audit-button");
    browser.script("document.documentElement.setAttribute('data-old', '')");
    browser.keys("\u{E007}");
    browser.wait_for("#result-title");
    let result = browser.text("section.result");
    assert!(result.contains("Invalid rows"), "{result}");
    assert!(result.contains("Overdue, most overdue first"), "{result}");
    // Download: the same file the CLI writes.
    browser.choose_file("#file", &sample);
    browser.click("button[formaction='/audit/download/csv']");
    let downloaded = wait_for_file(browser.downloads.path());
    let expected = cli_stdout(&[
        "audit",
        sample.to_str().unwrap(),
        "--as-of",
        "23.11.2026",
        "--format",
        "csv",
    ]);
    assert_eq!(std::fs::read(downloaded).unwrap(), expected);
}

/// What is done on a page before it is checked: nothing, or filling in and sending its form.
type Step<'a> = Box<dyn Fn(&Browser) + 'a>;

#[test]
#[ignore = "needs chromium and chromium-driver (Debian) and axe-core (npm); run by .ci/run"]
fn every_page_passes_axe_and_is_photographed_at_phone_and_desktop_widths() {
    let axe = axe_script();
    let server = Server::start(&[]);
    let browser = Browser::start();
    let sample = manifest_dir().join("samples/cases-with-errors.csv");
    let applications = manifest_dir().join("samples/applications-fi.csv");
    let mut failures = Vec::new();
    let pages: Vec<(&str, Step)> = vec![
        ("check", Box::new(|_: &Browser| {})),
        (
            "check-result",
            Box::new(|b: &Browser| {
                b.type_into("#pending", "17.12.2024");
                b.type_into("#age", "78");
                b.type_into("#as_of", "2.1.2025");
                b.click("form.card button[type=submit]");
                b.wait_for("#result-title");
            }),
        ),
        (
            "check-error",
            Box::new(|b: &Browser| {
                b.type_into("#pending", "31.2.2026");
                b.click("form.card button[type=submit]");
                b.wait_for(".error");
            }),
        ),
        ("audit", Box::new(|_: &Browser| {})),
        (
            "audit-result",
            Box::new(|b: &Browser| {
                b.type_into("#as_of", "23.11.2026");
                b.choose_file("#file", &sample);
                b.click("div.buttons button");
                b.wait_for("#result-title");
            }),
        ),
        ("assistance", Box::new(|_: &Browser| {})),
        (
            "assistance-result",
            Box::new(|b: &Browser| {
                b.type_into("#application_date", "6.3.2026");
                b.type_into("#decision_date", "18.3.2026");
                b.type_into("#as_of", "23.3.2026");
                b.click("form.card[action='/assistance'] button[type=submit]");
                b.wait_for("#result-title");
            }),
        ),
        (
            "assistance-list",
            Box::new(|b: &Browser| {
                b.type_into("#list_as_of", "23.11.2026");
                b.choose_file("#file", &applications);
                b.click("form.card[action='/assistance/audit'] button[type=submit]");
                b.wait_for("#list-result-title");
            }),
        ),
        ("calendar", Box::new(|_: &Browser| {})),
        (
            "calendar-count",
            Box::new(|b: &Browser| {
                b.type_into("#from", "23.11.2026");
                b.type_into("#to", "2.12.2026");
                b.click("section.card form button");
                b.wait_for("p.answer");
            }),
        ),
    ];
    for lang in ["fi", "sv", "en"] {
        for (name, act) in &pages {
            let path = match name.split('-').next().unwrap() {
                "check" => "",
                other => other,
            };
            browser.go(&format!("{}{path}?lang={lang}", server.url));
            act(&browser);
            for violation in browser.axe(&axe) {
                failures.push(format!("{lang} {name}: {violation}"));
            }
            if lang == "en" && *name == "check-result" {
                browser.resize(1000, 1400);
                browser.element_screenshot("section.result", "check-result-section-en");
            }
            if lang == "fi" || *name == "check-result" {
                for width in [375, 1280] {
                    browser.screenshot(&format!("{name}-{lang}"), width);
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "axe-core found:\n{}",
        failures.join("\n")
    );
}
