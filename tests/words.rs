//! What people read: every table fits the terminal, every word is in the chosen language
//! (English, Finnish, Swedish), the as-of date is in every output, and the small things of the
//! command line (help, error prefix, `<stdin>`, plurals) are right. On the real binary; the
//! terminal is a pseudo-terminal made by util-linux `script`.

use crate::common;

use common::words::assert_no_english;
use common::{maaraika, run, run_on_terminal};
use unicode_width::UnicodeWidthStr;

const AS_OF: &str = "23.11.2026";

fn sample(name: &str) -> String {
    format!("{}/samples/{name}", env!("CARGO_MANIFEST_DIR"))
}

/// Every table command, as a person types it (no `--format`: a table because it is a terminal).
fn table_commands() -> Vec<Vec<String>> {
    let cases = sample("cases.csv");
    let finnish = sample("cases-fi-1252.csv");
    let owned = |args: &[&str]| args.iter().map(|a| a.to_string()).collect::<Vec<_>>();
    vec![
        owned(&["audit", &cases, "--as-of", AS_OF]),
        owned(&["overdue", &finnish, "--as-of", AS_OF, "--due-within", "5"]),
        owned(&["summary", &cases, "--as-of", AS_OF]),
        owned(&["summary", &cases, "--as-of", AS_OF, "--by", "unit"]),
        owned(&[
            "check",
            "--pending",
            "18.12.2026",
            "--age",
            "78",
            "--as-of",
            AS_OF,
        ]),
        owned(&[
            "check",
            "--pending",
            "2.11.2026",
            "--child-welfare",
            "--age",
            "9",
            "--as-of",
            AS_OF,
        ]),
        owned(&["calendar", "holidays", "2026"]),
        owned(&["calendar", "add", "17.12.2024", "7"]),
    ]
}

#[test]
fn every_table_fits_80_columns_on_a_terminal_in_every_language() {
    for lang in ["en", "fi", "sv"] {
        for command in table_commands() {
            let mut args: Vec<&str> = command.iter().map(String::as_str).collect();
            args.extend(["--lang", lang]);
            let (code, shown) = run_on_terminal(&args, 80, &[]);
            assert_eq!(code, 0, "{args:?}: {shown}");
            for line in shown.lines() {
                assert!(
                    line.width() <= 80,
                    "{args:?}: a line of {} columns:\n{line}\n\n{shown}",
                    line.width()
                );
            }
            let is_table = matches!(command[0].as_str(), "audit" | "overdue" | "summary")
                || command[1] == "holidays";
            if is_table {
                assert!(shown.contains("──"), "{args:?}: not a table:\n{shown}");
                assert!(
                    !shown.contains(",20"),
                    "{args:?}: CSV on a terminal:\n{shown}"
                );
            }
        }
    }
}

#[test]
fn tables_follow_the_terminal_width_or_columns() {
    let args = [
        "overdue",
        &sample("cases.csv"),
        "--as-of",
        AS_OF,
        "--due-within",
        "5",
    ];
    // Wide: every column, no line saying some were left out.
    let (_, wide) = run_on_terminal(&args, 160, &[]);
    assert!(
        wide.contains("complete by") && wide.contains("groups"),
        "{wide}"
    );
    assert!(!wide.contains("Left out"), "{wide}");
    // COLUMNS wins over the terminal's own width (shells and harnesses set it).
    let (_, narrow) = run_on_terminal(&args, 160, &[("COLUMNS", "60")]);
    assert!(narrow.lines().all(|l| l.width() <= 60), "{narrow}");
    assert!(narrow.contains("Left out to fit 60 columns"), "{narrow}");
    assert!(narrow.contains("--format csv --output FILE"), "{narrow}");
    // Words are never broken inside a status or a group name.
    for broken in ["overd\n", "\nue "] {
        assert!(!narrow.contains(broken), "{narrow}");
    }
}

#[test]
fn a_table_of_many_rows_streams_in_bounded_memory() {
    // 300,000 rows: holding them all as a table took about 1 GB; streamed, the audit stays near
    // its usual 25 MB. A 400 MB address-space limit tells the two apart.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("cases.csv");
    let list = crate::common::generated_cases(300_000, 1, crate::common::generate::Dialect::Iso);
    std::fs::write(&file, list).unwrap();
    let bin = assert_cmd::cargo::cargo_bin("maaraika");
    let run = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!(
            "ulimit -v 400000 && exec '{}' audit '{}' --as-of 2026-11-23 --format table --lang fi",
            bin.display(),
            file.display()
        ))
        .env("COLUMNS", "80")
        .output()
        .unwrap();
    assert!(
        matches!(run.status.code(), Some(0 | 3)),
        "{:?}: {}",
        run.status,
        String::from_utf8_lossy(&run.stderr)
    );
    let text = String::from_utf8_lossy(&run.stdout);
    // Every row is there: each starts with its line number, right-aligned.
    let last = text
        .lines()
        .filter_map(|l| l.split_whitespace().next()?.parse::<u64>().ok())
        .max();
    assert_eq!(last, Some(300_001));
}

#[test]
fn excel_output_is_in_the_chosen_language() {
    let cases = sample("cases.csv");
    let audit = |lang: &str| {
        let (_, out, _) = run(
            &["audit", &cases, "--as-of", AS_OF, "--excel", "--lang", lang],
            b"",
        );
        out
    };
    let fi = audit("fi");
    let header = fi.lines().next().unwrap().trim_start_matches('\u{feff}');
    assert!(
        header.starts_with("rivi;asiatunnus;yksikkö;vireilletulopäivä;ryhmät;"),
        "{header}"
    );
    assert!(
        header.ends_with(";tulkinta;huomautukset;tilannepäivä"),
        "{header}"
    );
    assert!(fi.contains(";tavanomainen;"), "{fi}");
    assert!(
        fi.contains("ei syntymäaikaa, henkilötunnusta eikä ikää"),
        "{fi}"
    );
    assert!(fi.contains(";määräaika ylittynyt;"), "{fi}");
    for english in [
        "standard",
        "overdue",
        ";met;",
        "no birth date",
        "aged over 75",
    ] {
        assert!(!fi.contains(english), "{english} in:\n{fi}");
    }
    let sv = audit("sv");
    let header = sv.lines().next().unwrap().trim_start_matches('\u{feff}');
    assert!(header.starts_with("rad;ärendenummer;enhet;"), "{header}");
    assert!(
        header.ends_with(";tolkning;anmärkningar;lägesdatum"),
        "{header}"
    );
    assert!(sv.contains(";sedvanlig;"), "{sv}");
    assert!(sv.contains(";över 75 år;"), "{sv}");
    assert!(sv.contains(";i tid;"), "{sv}");
    assert!(sv.contains("inget födelsedatum"), "{sv}");

    let (_, summary, _) = run(
        &[
            "summary", &cases, "--as-of", AS_OF, "--excel", "--lang", "sv",
        ],
        b"",
    );
    let header = summary
        .lines()
        .next()
        .unwrap()
        .trim_start_matches('\u{feff}');
    assert!(
        header.starts_with("grupp;ärenden;påbörjat i tid;"),
        "{header}"
    );
    assert!(summary.contains(";63,6;"), "{summary}");
    assert!(summary.contains("\r\nalla;20;"), "{summary}");
}

#[test]
fn tables_use_decimal_commas_in_finnish_and_swedish() {
    for (lang, all) in [("fi", "kaikki"), ("sv", "alla"), ("en", "all")] {
        let (_, shown) = run_on_terminal(
            &[
                "summary",
                &sample("cases.csv"),
                "--as-of",
                AS_OF,
                "--lang",
                lang,
            ],
            100,
            &[],
        );
        let row = shown.lines().find(|l| l.starts_with(all)).unwrap();
        let share = if lang == "en" { "63.6" } else { "63,6" };
        assert!(row.ends_with(share), "{row}");
    }
}

#[test]
fn the_language_comes_from_the_locale_in_posix_order() {
    let said = |env: &[(&str, &str)]| {
        let mut cmd = maaraika();
        cmd.args(["calendar", "is-working", "24.12.2026", "--format", "table"]);
        for (name, value) in env {
            cmd.env(name, value);
        }
        String::from_utf8(cmd.output().unwrap().stdout).unwrap()
    };
    assert!(said(&[("LANG", "sv_FI.UTF-8")]).starts_with("Torsdag 24.12.2026 är inte"));
    assert!(said(&[("LANG", "fi_FI.UTF-8")]).starts_with("Torstai 24.12.2026 ei ole"));
    assert!(said(&[("LANG", "en_GB.UTF-8")]).starts_with("Thursday 24.12.2026 is not"));
    // LC_ALL before LC_MESSAGES before LANG.
    let all = said(&[
        ("LC_ALL", "sv_FI.UTF-8"),
        ("LC_MESSAGES", "fi_FI"),
        ("LANG", "en_US"),
    ]);
    assert!(all.starts_with("Torsdag"), "{all}");
    let messages = said(&[("LC_MESSAGES", "fi_FI.UTF-8"), ("LANG", "sv_FI.UTF-8")]);
    assert!(messages.starts_with("Torstai"), "{messages}");
    // --lang wins over the locale.
    let mut cmd = maaraika();
    cmd.args([
        "calendar",
        "is-working",
        "24.12.2026",
        "--format",
        "table",
        "--lang",
        "en",
    ])
    .env("LANG", "fi_FI.UTF-8");
    let out = String::from_utf8(cmd.output().unwrap().stdout).unwrap();
    assert!(out.starts_with("Thursday"), "{out}");
}

#[test]
fn check_and_calendar_text_are_fully_translated() {
    let text = |args: &[&str]| {
        let out = maaraika()
            .args(args)
            .args(["--format", "table"])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let check = [
        "check",
        "--pending",
        "18.12.2026",
        "--age",
        "78",
        "--as-of",
        AS_OF,
    ];
    let fi = text(&[&check[..], &["--lang", "fi"]].concat());
    for words in [
        "Vireillä perjantai 18.12.2026 alkaen, tilanne päivänä maanantai 23.11.2026.",
        "Ikä vireilletulopäivänä: 78.",
        "  - yli 75-vuotias: aloitettava viimeistään 7. arkipäivänä. Sosiaalihuoltolaki 1301/2014",
        "Aloitettava viimeistään torstaina 31.12.2026: MÄÄRÄAIKA KULUMASSA, 26 arkipäivää jäljellä.",
        "jouluaatto (torstai 24.12.2026); joulupäivä (perjantai 25.12.2026)",
        "Valmistuminen: ei lakisääteistä määräaikaa.",
        "Tulkinta: tavanomainen (jouluaatto ja juhannusaatto eivät ole arkipäiviä).",
        "Toinen tulkinta (varovainen) antaa muut päivät: aloitettava viimeistään keskiviikkona 30.12.2026",
    ] {
        assert!(fi.contains(words), "{words}\nnot in:\n{fi}");
    }
    let sv = text(&[&check[..], &["--lang", "sv"]].concat());
    for words in [
        "Anhängigt sedan fredag 18.12.2026, bedömt per måndag 23.11.2026.",
        "  - över 75 år: påbörjas senast den 7:e vardagen. Socialvårdslagen",
        "Påbörjas senast torsdag 31.12.2026: TIDSFRISTEN LÖPER, 26 vardagar kvar.",
        "julafton (torsdag 24.12.2026); juldagen (fredag 25.12.2026)",
        "Slutförande: ingen lagstadgad tidsfrist.",
        "Tolkning: sedvanlig (julafton och midsommarafton är inte vardagar).",
    ] {
        assert!(sv.contains(words), "{words}\nnot in:\n{sv}");
    }
    for english in [
        "Reading",
        "working day",
        "Start",
        "Monday",
        "Friday",
        "Christmas",
        "Note",
        "DUE",
    ] {
        assert!(!fi.contains(english), "{english} in:\n{fi}");
        assert!(!sv.contains(english), "{english} in:\n{sv}");
    }

    // The service chain and its statutes too.
    let chain = [
        "check",
        "--pending",
        "2.11.2026",
        "--age",
        "80",
        "--older-person",
        "--decision",
        "20.11.2026",
        "--as-of",
        AS_OF,
    ];
    let fi = text(&[&chain[..], &["--lang", "fi"]].concat());
    assert!(
        fi.contains("Palvelun alettava viimeistään tiistaina 2.2.2027"),
        "{fi}"
    );
    assert!(
        fi.contains("Vanhuspalvelulaki 980/2012, 18 §: 3 kuukauden kuluessa päätöksestä"),
        "{fi}"
    );
    let sv = text(&[&chain[..], &["--lang", "sv"]].concat());
    assert!(
        sv.contains("Beslut: ingen lagstadgad tidsfrist (gjort fredag 20.11.2026)."),
        "{sv}"
    );
    for english in [
        "Act", "within", "delay", "Decision", "Service", "working", "the ",
    ] {
        assert!(!fi.contains(english), "{english} in:\n{fi}");
        assert!(!sv.contains(english), "{english} in:\n{sv}");
    }

    let add = text(&["calendar", "add", "17.12.2024", "7", "--lang", "fi"]);
    assert!(
        add.starts_with("Tiistai 31.12.2024 on 7. arkipäivä päivän tiistai 17.12.2024 jälkeen.\n"),
        "{add}"
    );
    assert!(
        add.contains("Ohitetut pyhät ja aatot: jouluaatto (tiistai 24.12.2024); joulupäivä"),
        "{add}"
    );
    let add = text(&["calendar", "add", "2.12.2026", "-1", "--lang", "sv"]);
    assert!(
        add.starts_with("Tisdag 1.12.2026 är den 1:a vardagen före onsdag 2.12.2026."),
        "{add}"
    );
    let count = text(&[
        "calendar",
        "count",
        "23.11.2026",
        "2.12.2026",
        "--lang",
        "sv",
    ]);
    assert!(
        count.starts_with("7 vardagar efter måndag 23.11.2026 till och med onsdag 2.12.2026."),
        "{count}"
    );
    let weekend = text(&["calendar", "is-working", "28.11.2026", "--lang", "fi"]);
    assert!(
        weekend.starts_with("Lauantai 28.11.2026 ei ole arkipäivä (viikonloppu)."),
        "{weekend}"
    );
    let holidays = text(&["calendar", "holidays", "2026", "--lang", "sv"]);
    for words in [
        "datum",
        "veckodag",
        "helgdag",
        "midsommarafton",
        "afton",
        "fredag",
        "nej",
    ] {
        assert!(holidays.contains(words), "{words}\nnot in:\n{holidays}");
    }
}

#[test]
fn holidays_have_their_swedish_names() {
    let out = maaraika()
        .args(["calendar", "holidays", "2026", "--format", "csv"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("date,weekday,name_fi,name_en,name_sv,kind,working_day\n"));
    // As Act 150/1930 5 § names them in Swedish.
    for row in [
        "2026-01-01,Thursday,uudenvuodenpäivä,New Year's Day,nyårsdagen,holiday,false",
        "2026-01-06,Tuesday,loppiainen,Epiphany,trettondagen,holiday,false",
        "2026-04-03,Friday,pitkäperjantai,Good Friday,långfredagen,holiday,false",
        "2026-05-14,Thursday,helatorstai,Ascension Day,Kristi himmelsfärdsdag,holiday,false",
        "2026-10-31,Saturday,pyhäinpäivä,All Saints' Day,alla helgons dag,holiday,false",
        "2026-12-26,Saturday,tapaninpäivä,St Stephen's Day,annandag jul,holiday,false",
    ] {
        assert!(text.lines().any(|l| l == row), "{row}\nnot in:\n{text}");
    }
    let json = common::json(&["calendar", "holidays", "2026"]);
    assert_eq!(json[13]["name_sv"], "juldagen");
}

#[test]
fn the_audit_csv_ends_with_the_as_of_date() {
    let cases = sample("cases.csv");
    let (_, plain, _) = run(&["audit", &cases, "--as-of", AS_OF, "--format", "csv"], b"");
    let mut lines = plain.lines();
    assert!(lines.next().unwrap().ends_with(",reading,notes,as_of"));
    let rows: Vec<&str> = lines.collect();
    assert_eq!(rows.len(), 20);
    assert!(rows.iter().all(|r| r.ends_with(",2026-11-23")), "{plain}");
    let (_, excel, _) = run(&["audit", &cases, "--as-of", AS_OF, "--excel"], b"");
    let rows: Vec<&str> = excel.lines().skip(1).collect();
    assert_eq!(rows.len(), 20);
    assert!(rows.iter().all(|r| r.ends_with(";23.11.2026")), "{excel}");
}

/// A list where each milestone alone makes one case overdue (the start, the completion, the
/// decision, the service), and one case met; as of Monday 16.12.2024. Worked by hand in
/// `tests/standing.rs`.
const EACH_MILESTONE: &str = "\
case_id,unit,pending_date,age,disabled,child_special_support,started_date,completed_date,decision_date,implemented_date
S-1,Seniorineuvonta,2.12.2024,80,0,0,,,,
C-1,Lapsiperheet,4.9.2024,10,0,1,5.9.2024,,,
D-1,Vammaispalvelut,2.9.2024,40,1,0,4.9.2024,,,
I-1,Aikuissosiaalityo,9.9.2024,50,0,0,,,15.10.2024,
N-1,Seniorineuvonta,2.12.2024,80,0,0,3.12.2024,,,
";

#[test]
fn audit_on_a_terminal_ends_with_one_line_counting_each_case_by_where_it_stands() {
    let dir = tempfile::tempdir().unwrap();
    let list = dir.path().join("each.csv");
    std::fs::write(&list, EACH_MILESTONE).unwrap();
    let output = dir.path().join("audit.csv");
    let audit = |lang: &str| {
        run_on_terminal(
            &[
                "audit",
                list.to_str().unwrap(),
                "--as-of",
                "16.12.2024",
                "--output",
                output.to_str().unwrap(),
                "--lang",
                lang,
            ],
            200,
            &[],
        )
    };
    // Each case once, by the milestone that matters most: four overdue, each on one milestone
    // only (the decision's and the service's among them), and one met. Counting by the start
    // and the completion alone said "2 overdue, 1 met, 2 no deadline".
    let (code, shown) = audit("en");
    assert_eq!(code, 0, "{shown}");
    let expected = "5 cases: 1 met, 0 late, 0 due, 4 overdue, 0 no deadline; 0 invalid rows.";
    assert!(
        shown.trim_end().ends_with(expected),
        "{expected}\nnot at the end of:\n{shown}"
    );
    let (_, finnish) = audit("fi");
    assert!(finnish.contains("5 asiaa: "), "{finnish}");
    // Not when nobody watches: standard error is a pipe.
    let cases = sample("cases.csv");
    let (_, _, stderr) = run(&["audit", &cases, "--as-of", AS_OF], b"");
    assert!(!stderr.contains("cases:"), "{stderr}");
}

#[test]
fn calendar_writes_csv_when_not_on_a_terminal() {
    let (code, out, _) = run(&["calendar", "add", "23.11.2026", "7"], b"");
    assert_eq!(code, 0);
    assert_eq!(
        out,
        "from,to,working_days,reading\n2026-11-23,2026-12-02,7,standard\n"
    );
    let (_, out, _) = run(&["calendar", "holidays", "2026"], b"");
    assert!(out.starts_with("date,weekday,"), "{out}");
    let (_, shown) = run_on_terminal(&["calendar", "add", "23.11.2026", "7"], 80, &[]);
    assert!(
        shown.starts_with("Wednesday 2.12.2026 is the 7th working day after Monday 23.11.2026."),
        "{shown}"
    );
}

#[test]
fn excel_with_json_or_table_is_refused() {
    for command in ["audit", "overdue", "summary"] {
        for format in ["json", "table"] {
            let (code, out, err) = run(
                &[command, &sample("cases.csv"), "--excel", "--format", format],
                b"",
            );
            assert_eq!(code, 2, "{command} {format}: {err}");
            assert!(out.is_empty(), "{out}");
            assert!(
                err.starts_with("maaraika: error: --excel writes CSV for Excel and cannot be combined with --format"),
                "{err}"
            );
        }
    }
    let (code, _, _) = run(
        &["audit", &sample("cases.csv"), "--excel", "--format", "csv"],
        b"",
    );
    assert_eq!(code, 0);
}

#[test]
fn help_names_every_value_and_says_each_default_once() {
    let subcommands: [&[&str]; 8] = [
        &["audit"],
        &["overdue"],
        &["summary"],
        &["check"],
        &["calendar", "add"],
        &["calendar", "count"],
        &["calendar", "is-working"],
        &["calendar", "holidays"],
    ];
    for sub in subcommands {
        let out = maaraika()
            .args(sub)
            .arg("--help")
            .env("COLUMNS", "200")
            .output()
            .unwrap();
        let help = String::from_utf8(out.stdout).unwrap();
        for line in help.lines() {
            assert!(line.matches("[default:").count() <= 1, "{sub:?}: {line}");
        }
        // An option whose text gives the default is not followed by clap's own.
        let lines: Vec<&str> = help.lines().collect();
        for pair in lines.windows(2) {
            let doubled = pair[0].contains("[default:") && pair[1].trim().starts_with("[default:");
            assert!(!doubled, "{sub:?}: {pair:?}");
        }
        assert!(!help.contains("[default: auto]"), "{sub:?}:\n{help}");
    }
    let help = |sub: &[&str]| {
        let out = maaraika().args(sub).arg("--help").output().unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    let count = help(&["calendar", "count"]);
    assert!(
        count.contains("<FROM>") && count.contains("<TO>"),
        "{count}"
    );
    assert!(count.contains("The first date, not counted"), "{count}");
    assert!(count.contains("The last date, counted"), "{count}");
    let add = help(&["calendar", "add"]);
    assert!(
        add.contains("<DATE>") && add.contains("The date to count from"),
        "{add}"
    );
    let working = help(&["calendar", "is-working"]);
    assert!(
        working.contains("<DATE>") && working.contains("The date to look at"),
        "{working}"
    );
}

#[test]
fn every_error_has_one_prefix() {
    for args in [
        &["audit"][..],
        &["audit", "x.csv", "--bogus"],
        &["audit", "x.csv", "--format", "nope"],
        &["calendar", "add"],
        &["check", "--pending", "31.2.2026"],
        &["audit", "/nonexistent/cases.csv"],
    ] {
        let (code, _, err) = run(args, b"");
        assert_eq!(code, 2, "{args:?}");
        assert!(err.starts_with("maaraika: error: "), "{args:?}: {err}");
        assert_eq!(err.matches("error:").count(), 1, "{args:?}: {err}");
    }
}

#[test]
fn standard_input_is_named_stdin_everywhere() {
    let (_, _, empty) = run(&["audit", "-"], b"");
    assert!(empty.contains("<stdin> is empty"), "{empty}");
    let (_, _, bad) = run(
        &["audit", "-", "--as-of", AS_OF],
        b"pending_date\n31.2.2026\n",
    );
    assert!(bad.contains("<stdin> line 2"), "{bad}");
    let (_, _, missing) = run(&["audit", "-"], b"x,y\n1,2\n");
    assert!(missing.contains("<stdin>"), "{missing}");
    for message in [empty, bad, missing] {
        assert!(!message.contains("standard input"), "{message}");
    }
}

#[test]
fn one_working_day_is_singular_in_every_language() {
    let text = |args: &[&str]| {
        let out = maaraika()
            .args(args)
            .args(["--format", "table"])
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    let count = |lang| {
        text(&[
            "calendar",
            "count",
            "23.11.2026",
            "24.11.2026",
            "--lang",
            lang,
        ])
    };
    assert!(
        count("en").starts_with("1 working day after"),
        "{}",
        count("en")
    );
    assert!(
        count("fi").starts_with("1 arkipäivä päivän"),
        "{}",
        count("fi")
    );
    assert!(count("sv").starts_with("1 vardag efter"), "{}", count("sv"));
    assert!(text(&[
        "calendar",
        "count",
        "23.11.2026",
        "25.11.2026",
        "--lang",
        "fi"
    ])
    .starts_with("2 arkipäivää"));
    // Due tomorrow: one working day left.
    let check = |lang| {
        text(&[
            "check",
            "--pending",
            "20.11.2026",
            "--age",
            "80",
            "--as-of",
            "30.11.2026",
            "--lang",
            lang,
        ])
    };
    assert!(
        check("en").contains("DUE, 1 working day left."),
        "{}",
        check("en")
    );
    assert!(
        check("fi").contains("1 arkipäivä jäljellä."),
        "{}",
        check("fi")
    );
    assert!(check("sv").contains("1 vardag kvar."), "{}", check("sv"));
}

#[test]
fn adding_zero_working_days_gives_the_date_itself() {
    let out = maaraika()
        .args(["calendar", "add", "23.11.2026", "0", "--format", "table"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(!text.contains("0th"), "{text}");
    assert!(
        text.starts_with("Monday 23.11.2026: 0 working days from a date is the date itself."),
        "{text}"
    );
    let json = common::json(&["calendar", "add", "23.11.2026", "0"]);
    assert_eq!(json["date"], "2026-11-23");
}

#[test]
fn messages_on_a_terminal_wrap_to_its_width() {
    let dir = tempfile::tempdir().unwrap();
    let output = dir.path().join("audit.csv");
    // Every pending date is after 1.10.2026: a warning per row, each longer than 80 columns.
    let (code, shown) = run_on_terminal(
        &[
            "audit",
            &sample("cases.csv"),
            "--as-of",
            "1.10.2026",
            "--output",
            output.to_str().unwrap(),
        ],
        80,
        &[],
    );
    assert_eq!(code, 0, "{shown}");
    assert!(shown.lines().all(|l| l.width() <= 80), "{shown}");
    assert!(
        shown.contains("2.11.2026 is after the as-of date"),
        "{shown}"
    );
    // A message's later lines are indented under its first.
    assert!(
        shown
            .lines()
            .any(|l| l.starts_with("  ") && l.contains("as-of")),
        "{shown}"
    );
    // Through a pipe a message stays one line.
    let (_, _, stderr) = run(
        &[
            "audit",
            &sample("cases.csv"),
            "--as-of",
            "1.10.2026",
            "--format",
            "csv",
        ],
        b"",
    );
    assert!(stderr.lines().all(|l| !l.starts_with("  ")), "{stderr}");
}

/// Every kind of row problem and warning (tests/data/every-problem-fi.csv has one row of each:
/// an impossible date, a word in a flag column, a start before the pending date, a short row, no
/// pending date, an age of 200, a care allowance without its level, a child's flag at 40, a
/// completion without a start, a date after the as-of date, a repeated id, a birth after the
/// pending date, a two-digit year, a year outside the calendar, a bad time of day, the year 0026,
/// a completion before the start, a quote never closed) on standard error and in the `--errors`
/// file, in Finnish and in Swedish: the place named as the file names the column, the problem
/// in the reader's words, and the stable code beside it.
#[test]
fn every_row_problem_and_warning_is_in_the_chosen_language() {
    let list = format!(
        "{}/tests/data/every-problem-fi.csv",
        env!("CARGO_MANIFEST_DIR")
    );
    let dir = tempfile::tempdir().unwrap();
    for (lang, expected) in [
        (
            "fi",
            [
                "rivi 2, sarake 3 (Vireilletulopvm): `31.2.2026` ei ole oikea päivämäärä: \
                 helmikuussa 2026 ei ole 31. päivää",
                "rivi 4, sarake 10 (Arviointi aloitettu): aloituspäivä 9.11.2026 on ennen \
                 vireilletulopäivää 10.11.2026: tarkista molemmat päivämäärät",
                "rivi 12, sarake 3 (Vireilletulopvm): varoitus: 30.11.2026 on tilannepäivän \
                 23.11.2026 jälkeen",
                "16 riviä virheellisiä (lueteltu yllä), 3 käsitelty.",
            ],
        ),
        (
            "sv",
            [
                "rad 2, kolumn 3 (Vireilletulopvm): `31.2.2026` är inte ett riktigt datum: \
                 februari 2026 har ingen dag 31",
                "rad 4, kolumn 10 (Arviointi aloitettu): datumet för påbörjandet 9.11.2026 är \
                 före datum då ärendet blev anhängigt 10.11.2026",
                "rad 12, kolumn 3 (Vireilletulopvm): varning: 30.11.2026 är efter lägesdatumet \
                 23.11.2026",
                "16 rader felaktiga (visas ovan), 3 behandlade.",
            ],
        ),
    ] {
        let errors = dir.path().join(format!("errors-{lang}.csv"));
        let (code, _, stderr) = run(
            &[
                "audit",
                &list,
                "--as-of",
                AS_OF,
                "--format",
                "csv",
                "--lang",
                lang,
                "--errors",
                errors.to_str().unwrap(),
            ],
            b"",
        );
        assert_eq!(code, 3, "{stderr}");
        for line in expected {
            assert!(stderr.contains(line), "{line}\nnot in:\n{stderr}");
        }
        assert_no_english(lang, &stderr);
        // The file's keys and codes are for programs (stable English); its columns and
        // problems are for people.
        let mut codes = std::collections::BTreeSet::new();
        for record in csv::Reader::from_path(&errors).unwrap().records() {
            let record = record.unwrap();
            assert_no_english(lang, &record[2]);
            assert_no_english(lang, &record[4]);
            codes.insert(record[5].to_string());
        }
        for code in [
            "not_a_date",
            "not_yes_or_no",
            "start_before_pending",
            "too_few_fields",
            "missing_pending",
            // An age over 130 is refused by the case's one validation (`CaseError`).
            "age_out_of_range",
            "invalid_care_level",
            "child_flag_for_adult",
            "completion_without_start",
            "born_after_pending",
            "date_outside_calendar",
            "completion_before_start",
            "stray_quote",
        ] {
            assert!(codes.contains(code), "{code} not in {codes:?}");
        }
    }
}

/// A command's own errors follow `--lang` too: a date or an age it cannot read, a list without
/// a pending-date column, and the hint that names the exact flag for a case id column not
/// found.
#[test]
fn command_errors_and_hints_follow_the_language() {
    let (code, _, stderr) = run(&["check", "--pending", "31.2.2026", "--lang", "fi"], b"");
    assert_eq!(code, 2);
    assert_eq!(
        stderr.trim_end(),
        "maaraika: virhe: virheellinen arvo valitsimelle --pending: `31.2.2026` ei ole oikea \
         päivämäärä: helmikuussa 2026 ei ole 31. päivää"
    );
    let (_, _, stderr) = run(
        &[
            "check",
            "--pending",
            "2.11.2026",
            "--age",
            "200",
            "--lang",
            "sv",
        ],
        b"",
    );
    assert!(
        // Whole years over 130: refused by the case's one validation, as the API and a list's
        // rows refuse it.
        stderr
            .contains("åldern 200 är inte ett helt antal år mellan 0 och 130: kontrollera åldern"),
        "{stderr}"
    );
    let (code, _, stderr) = run(
        &["audit", "-", "--as-of", AS_OF, "--lang", "fi"],
        b"Asiakasnumero;Pvm\nX-1;2.11.2026\n",
    );
    assert_eq!(code, 2);
    assert!(
        stderr.starts_with(
            "maaraika: virhe: tiedostossa <stdin> ei ole saraketta vireilletulopäivä."
        ),
        "{stderr}"
    );
    assert_no_english("fi", &stderr.replace("--column pending_date=", ""));
    let (code, _, stderr) = run(&["audit", "/no/such/list.csv", "--lang", "fi"], b"");
    assert_eq!(code, 2);
    assert_eq!(
        stderr.trim_end(),
        "maaraika: virhe: tiedostoa /no/such/list.csv ei voi avata: tiedostoa ei löydy: \
         tarkista tiedoston nimi ja kansio"
    );
    let (_, _, stderr) = run(
        &["audit", "-", "--lang", "sv", "--column", "case_id=Nummer"],
        b"Asiakasnumero;Vireilletulopvm\nX-1;2.11.2026\n",
    );
    assert!(
        stderr.contains(
            "maaraika: fel: --column case_id=Nummer: filen <stdin> har ingen kolumn \"Nummer\""
        ),
        "{stderr}"
    );
    let (_, _, stderr) = run(
        &[
            "audit", "-", "--as-of", AS_OF, "--lang", "fi", "--format", "csv",
        ],
        b"Asiakasnumero;Vireilletulopvm\nX-1;2.11.2026\n",
    );
    assert!(
        stderr.contains(
            "ei käytetty: Asiakasnumero (sarakkeen saa luettua valitsimella \
             --column case_id=Asiakasnumero)"
        ),
        "{stderr}"
    );
}

/// 1301/2014 names the group `yli 75-vuotias` (över 75 år) from 1.4.2015; 710/1982 40 a § named
/// it `75 vuotta täyttänyt` (som fyllt 75 år, 751/2008) in 2009 to 3/2015 and `80 vuotta
/// täyttänyt` (som fyllt 80 år, 125/2006) before: every list names a case's group as the act
/// in force on its pending date words it (the table, Excel CSV, the workbook), as `check` does.
#[test]
fn list_outputs_name_the_older_persons_group_as_the_act_in_force_words_it() {
    let dir = tempfile::tempdir().unwrap();
    let list = dir.path().join("old.csv");
    std::fs::write(
        &list,
        "Asiatunnus,Vireilletulopvm,Ikä\nA1,10.3.2012,80\nA2,10.3.2007,82\nA3,10.3.2026,80\n",
    )
    .unwrap();
    let list = list.to_str().unwrap();
    for (lang, names) in [
        (
            "fi",
            [
                "75 vuotta täyttänyt",
                "80 vuotta täyttänyt",
                "yli 75-vuotias",
            ],
        ),
        ("sv", ["som fyllt 75 år", "som fyllt 80 år", "över 75 år"]),
    ] {
        let base = ["--as-of", "1.4.2026", "--lang", lang];
        let book = dir.path().join(format!("old-{lang}.xlsx"));
        let mut outputs = Vec::new();
        for command in ["audit", "overdue"] {
            for extra in [vec!["--format", "table"], vec!["--excel"]] {
                let mut args = vec![command, list];
                args.extend(base);
                args.extend(extra);
                // Wide enough that the table keeps its groups column.
                let out = maaraika()
                    .args(&args)
                    .env("COLUMNS", "400")
                    .output()
                    .unwrap();
                let out = String::from_utf8_lossy(&out.stdout).into_owned();
                outputs.push((format!("{args:?}"), out));
            }
        }
        let mut args = vec!["audit", list, "--format", "xlsx", "--output"];
        args.push(book.to_str().unwrap());
        args.extend(base);
        let (code, _, err) = run(&args, b"");
        assert_eq!(code, 0, "{err}");
        use calamine::Reader;
        let mut workbook: calamine::Xlsx<_> = calamine::open_workbook(&book).unwrap();
        let first = workbook.sheet_names()[0].clone();
        let range = workbook.worksheet_range(&first).unwrap();
        let cells: Vec<String> = range.rows().flatten().map(|c| c.to_string()).collect();
        outputs.push((format!("{lang} workbook"), cells.join("\n")));
        for (what, out) in outputs {
            let lines: Vec<&str> = out.lines().collect();
            for (case, name) in ["A1", "A2", "A3"].iter().zip(names) {
                let row = lines
                    .iter()
                    .position(|l| l.contains(case))
                    .map(|at| lines[at..].iter().take(12).copied().collect::<String>());
                let row = row.unwrap_or_else(|| panic!("{what}: no {case} in\n{out}"));
                assert!(row.contains(name), "{what}: {case} not `{name}` in\n{out}");
            }
        }
    }
}
