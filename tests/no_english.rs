//! Issue 21 item 4: no English reaches a Finnish or Swedish output. Every front end (the
//! command's tables and texts, `--excel` CSV, `--errors`, workbooks, the web pages, the API's
//! error texts) is rendered in Finnish and in Swedish over a list that raises every kind of row
//! problem and warning, and each output people read is searched for the English of every label
//! of the table and for maaraika's own column keys.

use crate::common;

use common::server::{multipart, Server};
use common::words::assert_no_english;
use common::{maaraika, run};

const AS_OF: &str = "23.11.2026";

/// The text of a page as read: the tags (with their names and ids, which are keys) left out.
fn visible(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                text.push(' ');
            }
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    text
}

fn every_problem() -> String {
    format!(
        "{}/tests/data/every-problem-fi.csv",
        env!("CARGO_MANIFEST_DIR")
    )
}

/// The command line: tables, `--excel` CSV, `--errors` (with `--excel`), workbooks, and
/// standard error, for every list command; `check` and `calendar` as text.
#[test]
fn no_english_in_any_command_output_in_finnish_or_swedish() {
    let dir = tempfile::tempdir().unwrap();
    let list = every_problem();
    for lang in ["fi", "sv"] {
        for command in ["audit", "overdue", "summary", "thl"] {
            let mut base = vec![command, list.as_str(), "--as-of", AS_OF, "--lang", lang];
            if command == "thl" {
                base.extend(["--period", "1.4.2026..30.11.2026"]);
            }
            // A table, and CSV for Finnish Excel with its errors file.
            let errors = dir.path().join(format!("{command}-{lang}-errors.csv"));
            let errors_arg = errors.to_str().unwrap().to_string();
            for extra in [
                vec!["--format", "table"],
                vec!["--excel", "--errors", errors_arg.as_str()],
            ] {
                let mut args = base.clone();
                args.extend(extra.iter().copied());
                let (code, out, err) = run(&args, b"");
                assert!(code == 3 || code == 0, "{args:?}: {err}");
                let what = format!("{args:?}");
                assert_no_english(&what, &out);
                assert_no_english(&what, &err);
            }
            if command != "thl" {
                let listed = std::fs::read_to_string(&errors).unwrap();
                assert_no_english(&format!("{command} --errors {lang}"), &listed);
            }
            // A workbook: every cell of every sheet.
            let book = dir.path().join(format!("{command}-{lang}.xlsx"));
            let mut args = base.clone();
            args.extend(["--format", "xlsx", "--output", book.to_str().unwrap()]);
            let (_, _, err) = run(&args, b"");
            assert_no_english(&format!("{args:?}"), &err);
            use calamine::Reader;
            let mut workbook: calamine::Xlsx<_> = calamine::open_workbook(&book).unwrap();
            for name in workbook.sheet_names() {
                let range = workbook.worksheet_range(&name).unwrap();
                let text: Vec<String> = range.rows().flatten().map(|c| c.to_string()).collect();
                assert_no_english(
                    &format!("{command} {lang} workbook sheet {name}"),
                    &text.join("\n"),
                );
            }
        }
        for args in [
            vec![
                "check",
                "--pending",
                "18.12.2026",
                "--age",
                "78",
                "--as-of",
                AS_OF,
            ],
            vec![
                "check",
                "--pending",
                "2.11.2026",
                "--child-welfare",
                "--age",
                "9",
                "--started",
                "3.11.2026",
                "--completed",
                "20.11.2026",
                "--as-of",
                AS_OF,
            ],
            vec!["check", "--pending", "31.2.2026"],
            vec!["check", "--pending", "2.11.2026", "--age", "200"],
            vec![
                "check",
                "--pending",
                "2.11.2026",
                "--started",
                "1.11.2026",
                "--as-of",
                AS_OF,
            ],
            vec!["calendar", "add", "17.12.2024", "7"],
            vec!["calendar", "count", "23.11.2026", "2.12.2026"],
            vec!["calendar", "is-working", "24.12.2026"],
            vec!["calendar", "holidays", "2026"],
        ] {
            let out = maaraika()
                .args(&args)
                .args(["--lang", lang])
                .output()
                .unwrap();
            let what = format!("{args:?} --lang {lang}");
            assert_no_english(&what, &String::from_utf8_lossy(&out.stdout));
            assert_no_english(&what, &String::from_utf8_lossy(&out.stderr));
        }
    }
}

/// The web pages in Finnish and Swedish (the audit page over the list of every problem, the
/// check page with a date it cannot read and with dates that cannot all be true, the calendar)
/// and the JSON API's problem texts with `lang=fi|sv`.
#[test]
fn no_english_on_the_web_pages_or_in_the_api_texts_in_finnish_or_swedish() {
    let server = Server::start(&[]);
    let csv = std::fs::read(every_problem()).unwrap();
    for lang in ["fi", "sv"] {
        let (content_type, body) = multipart(&[("lang", lang), ("as_of", AS_OF)], "list.csv", &csv);
        let page = server.request("POST", "/audit", &[("Content-Type", &content_type)], &body);
        assert_eq!(page.status, 200, "{}", page.text());
        // The page carries the audit's files as links: those are CSV, not page text.
        let text: String = page
            .text()
            .split("href=\"data:")
            .enumerate()
            .map(|(i, part)| {
                if i == 0 {
                    part
                } else {
                    part.split_once('"').map_or("", |(_, rest)| rest)
                }
            })
            .collect();
        assert_no_english(&format!("/audit {lang}"), &visible(&text));
        for form in [
            format!("lang={lang}&pending=31.2.2026"),
            format!("lang={lang}&pending=2.11.2026&started=1.11.2026&as_of=23.11.2026"),
            format!("lang={lang}&pending=2.11.2026&hetu=131052-308X"),
            format!("lang={lang}&pending=18.12.2026&age=78&as_of=23.11.2026"),
        ] {
            let page = server.request(
                "POST",
                "/check",
                &[("Content-Type", "application/x-www-form-urlencoded")],
                form.as_bytes(),
            );
            assert_no_english(&format!("/check {form}"), &visible(&page.text()));
        }
        for path in [
            format!("/calendar?lang={lang}&year=2026&from=17.12.2024&days=7&to=2.1.2025"),
            format!("/audit?lang={lang}"),
            format!("/?lang={lang}"),
        ] {
            let page = server.request("GET", &path, &[], b"");
            assert_no_english(&path, &visible(&page.text()));
        }
        let api = server
            .request(
                "POST",
                &format!("/api/audit?as_of={AS_OF}&lang={lang}"),
                &[("Content-Type", "text/csv")],
                &csv,
            )
            .json();
        for kind in ["invalid", "warnings"] {
            for row in api[kind].as_array().unwrap() {
                let problem = row["problem"].as_str().unwrap();
                assert_no_english(&format!("api {kind} {lang}"), problem);
                if let Some(column) = row["column"].as_str() {
                    assert_no_english(&format!("api {kind} column {lang}"), column);
                }
            }
        }
        assert!(!api["invalid"].as_array().unwrap().is_empty());
    }
}

/// Every way a command can refuse to run, in Finnish and Swedish: what is wrong and the flag to
/// change, with no English word (issue 21 item 1: the command's own errors).
#[test]
fn no_english_in_any_command_error_in_finnish_or_swedish() {
    use common::words::assert_no_english_words;
    let dir = tempfile::tempdir().unwrap();
    let list = dir.path().join("cases.csv");
    std::fs::copy(every_problem(), &list).unwrap();
    let read_only = dir.path().join("read-only.csv");
    std::fs::write(&read_only, "").unwrap();
    let mut permissions = std::fs::metadata(&read_only).unwrap().permissions();
    permissions.set_readonly(true);
    std::fs::set_permissions(&read_only, permissions).unwrap();
    let path = |p: &std::path::Path| p.to_str().unwrap().to_string();
    let (list, read_only) = (path(&list), path(&read_only));
    let folder = path(dir.path());
    let missing_folder = path(&dir.path().join("no-such-folder").join("out.csv"));
    let same = path(&dir.path().join("same.csv"));
    let not_text = path(&dir.path().join("binary.csv"));
    std::fs::write(&not_text, b"\x00\x01\x02\x03").unwrap();
    // A damaged .xlsx and .xls (read as workbooks by their names), and a workbook whose sheet
    // holds nothing.
    let zip = path(&dir.path().join("damaged.xlsx"));
    std::fs::write(&zip, b"PK\x03\x04 not really a workbook").unwrap();
    let old_excel = path(&dir.path().join("damaged.xls"));
    std::fs::write(&old_excel, b"\xD0\xCF\x11\xE0 not really a workbook").unwrap();
    let empty_sheet = path(&dir.path().join("empty.xlsx"));
    let mut book = rust_xlsxwriter::Workbook::new();
    book.add_worksheet().set_name("Asiakkaat").unwrap();
    book.save(&empty_sheet).unwrap();
    let errors: Vec<Vec<&str>> = vec![
        vec!["summary", &list, "--period", "1.4.2026"],
        vec!["summary", &list, "--period", "1.4.2026..x"],
        vec!["thl", &list, "--period", "30.4.2026..1.4.2026"],
        vec!["summary", &list, "--by", "everything"],
        vec!["audit", &list, "--output", &list],
        vec!["audit", &list, "--errors", &list],
        vec!["audit", &list, "--output", &missing_folder],
        vec!["audit", &list, "--output", &folder],
        vec!["audit", &list, "--output", &read_only],
        vec!["audit", &list, "--output", &same, "--errors", &same],
        vec!["audit", &list, "--format", "xlsx"],
        vec!["audit", &list, "--excel", "--format", "json"],
        vec!["audit", &list, "--column", "case_id"],
        vec!["audit", &list, "--column", "case_id="],
        vec!["audit", &list, "--column", "case_id=Asiakasnumero"],
        vec!["audit", &list, "--delimiter", "xx"],
        vec!["audit", &list, "--encoding", "ebcdic"],
        vec!["audit", &list, "--no-such-flag"],
        vec!["audit", "no-such-list.csv"],
        vec!["audit", &folder],
        vec!["audit", &not_text],
        vec!["audit", &zip],
        vec!["audit", &old_excel],
        vec!["audit", &empty_sheet],
        vec!["overdue", &list, "--due-within", "x"],
        vec!["check"],
        vec!["check", "--pending", "31.2.2026"],
        vec!["check", "--pending", "2.11.2026", "--age", "x"],
        vec!["check", "--pending", "2.11.2026", "--hetu", "131052-308X"],
        vec![
            "check",
            "--pending",
            "2.11.2026",
            "--hetu",
            "1",
            "--age",
            "3",
        ],
        vec![
            "check",
            "--pending",
            "2.11.2026",
            "--child-welfare",
            "--age",
            "30",
        ],
        vec!["calendar", "add", "1.1.2026", "x"],
        vec!["calendar", "holidays", "3000"],
        vec!["assistance", "thl", &list, "--month", "2026-13"],
    ];
    for lang in ["fi", "sv"] {
        for args in &errors {
            let mut args = args.clone();
            args.extend(["--lang", lang]);
            let (code, _, err) = run(&args, b"");
            assert_eq!(code, 2, "{args:?}: {err}");
            assert!(!err.trim().is_empty(), "{args:?}: no message");
            assert_no_english_words(&format!("{args:?}"), &err);
        }
    }
}

/// The web's refusals of a bad upload or field in Finnish and Swedish, on the pages and in the
/// API's `error` (with its stable `code` beside it): a form without a file, an upload over the
/// limit, an as-of date or reading that is not one, a list without the pending date's column,
/// and the social-assistance list's row problems.
#[test]
fn no_english_in_the_web_refusals_in_finnish_or_swedish() {
    let server = Server::start(&["--max-upload", "2KB"]);
    let csv = std::fs::read(every_problem()).unwrap();
    let no_pending = b"Asiatunnus;Yksikk\xc3\xb6\nA1;Koti\n".to_vec();
    let assistance = b"Hakemus saapunut,P\xc3\xa4\xc3\xa4t\xc3\xb6s,Lis\xc3\xa4selvitys saapunut\n\
        3.2.2026,1.2.2026,\n,,6.2.2026\n3.2.2026,,5.2.2026\n"
        .to_vec();
    let boundary = "----maaraika-test-boundary-7d2a";
    for lang in ["fi", "sv"] {
        let page = |path: &str, fields: &[(&str, &str)], file: Option<&[u8]>| {
            let mut fields = fields.to_vec();
            fields.push(("lang", lang));
            let (content_type, body) = match file {
                Some(file) => multipart(&fields, "list.csv", file),
                None => {
                    let mut body = String::new();
                    for (name, value) in &fields {
                        body.push_str(&format!(
                            "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
                        ));
                    }
                    body.push_str(&format!("--{boundary}--\r\n"));
                    (
                        format!("multipart/form-data; boundary={boundary}"),
                        body.into_bytes(),
                    )
                }
            };
            let headers = [
                ("Content-Type", content_type.as_str()),
                ("Accept-Language", lang),
            ];
            server.request("POST", path, &headers, &body)
        };
        let mut big = csv.clone();
        while big.len() < 4096 {
            big.extend_from_slice(&csv[csv.iter().position(|&b| b == b'\n').unwrap() + 1..]);
        }
        for (what, reply) in [
            ("no file", page("/audit", &[("as_of", AS_OF)], None)),
            ("too large", page("/audit", &[("as_of", AS_OF)], Some(&big))),
            (
                "bad as-of",
                page("/audit", &[("as_of", "31.2.2026")], Some(&csv)),
            ),
            (
                "bad reading",
                page("/audit", &[("reading", "lenient")], Some(&no_pending)),
            ),
            (
                "no pending column",
                page("/audit", &[("as_of", AS_OF)], Some(&no_pending)),
            ),
            (
                "assistance rows",
                page("/assistance/audit", &[("as_of", AS_OF)], Some(&assistance)),
            ),
            (
                "assistance bad as-of",
                page("/assistance/audit", &[("as_of", "x")], Some(&assistance)),
            ),
        ] {
            assert_no_english(&format!("{what} {lang}: page"), &visible(&reply.text()));
        }
        for (path, body, code) in [
            (
                format!("/api/audit?lang={lang}&as_of={AS_OF}"),
                &no_pending,
                "missing_column",
            ),
            (
                format!("/api/audit?lang={lang}&as_of=31.2.2026"),
                &csv,
                "invalid_as_of",
            ),
            (
                format!("/api/audit?lang={lang}&reading=lenient"),
                &csv,
                "invalid_reading",
            ),
            (format!("/api/audit?lang={lang}"), &big, "too_large"),
        ] {
            let reply = server.request("POST", &path, &[("Content-Type", "text/csv")], body);
            let json = reply.json();
            assert_eq!(json["code"], code, "{path}: {json}");
            assert_no_english(&path, json["error"].as_str().unwrap());
        }
        let reply = server.request(
            "POST",
            &format!("/api/assistance/audit?lang={lang}&as_of={AS_OF}"),
            &[("Content-Type", "text/csv")],
            &assistance,
        );
        let json = reply.json();
        for row in json["invalid"].as_array().unwrap() {
            assert_no_english(&format!("assistance api {lang}"), &row.to_string());
        }
        assert_eq!(json["invalid"][0]["code"], "arrival_date_missing", "{json}");
        assert_eq!(json["invalid"][1]["code"], "application_dates", "{json}");
    }
}
