//! Headers and cell values as client systems (Pegasos, Effica, Lifecare, Apotti) and hand-made
//! Excel lists write them, in Finnish, Swedish and English: read by their word stems, so that no
//! case silently drops out of its statutory group. Expected groups come from the law (an
//! 82-year-old is over 75; only the highest care allowance has its own deadline), not from runs.

use maaraika::input::{
    flag_word, names_care_allowance_level, parse_care_level, parse_flag, CareLevel, Column,
};

use crate::common;

const AS_OF: &str = "2026-11-23";

/// `audit -` of `input` as CSV: exit code, rows (without the header) and stderr.
fn audit(input: &str) -> (i32, Vec<csv::StringRecord>, String) {
    let (code, stdout, stderr) = common::run(
        &["audit", "-", "--as-of", AS_OF, "--format", "csv"],
        input.as_bytes(),
    );
    let rows = csv::Reader::from_reader(stdout.as_bytes())
        .records()
        .map(|record| record.unwrap())
        .collect();
    (code, rows, stderr)
}

/// The `groups` column of each evaluated row, by case id.
fn groups(rows: &[csv::StringRecord]) -> Vec<(String, String)> {
    rows.iter()
        .map(|row| (row[1].to_string(), row[4].to_string()))
        .collect()
}

fn pairs(expected: &[(&str, &str)]) -> Vec<(String, String)> {
    expected
        .iter()
        .map(|(id, groups)| (id.to_string(), groups.to_string()))
        .collect()
}

#[test]
fn an_82_year_old_read_from_syntymapaiva_is_in_the_over_75_group() {
    // Born 15.3.1944: 82 on 2.11.2026.
    let (code, rows, stderr) =
        audit("Asiatunnus;Syntymäpäivä;Vireilletulopäivämäärä\nA-1;15.3.1944;2.11.2026\n");
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(groups(&rows), pairs(&[("A-1", "over_75")]));
    assert_eq!(&rows[0][16], "82");
}

#[test]
fn an_urgency_column_with_kiireellinen_values_makes_the_case_urgent() {
    let (code, rows, stderr) = audit(
        "Asiatunnus;Vireilletulopvm;Kiireellisyys\n\
         A-1;20.11.2026;kiireellinen\n\
         A-2;20.11.2026;Kiireellinen\n\
         A-3;20.11.2026;ei kiireellinen\n\
         A-4;20.11.2026;kiireetön\n\
         A-5;20.11.2026;Ei-kiireellinen\n\
         A-6;20.11.2026;\n",
    );
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        groups(&rows),
        pairs(&[
            ("A-1", "urgent"),
            ("A-2", "urgent"),
            ("A-3", "none"),
            ("A-4", "none"),
            ("A-5", "none"),
            ("A-6", "none"),
        ])
    );
}

#[test]
fn a_flag_column_accepts_its_own_word_or_its_negation_and_nothing_else() {
    let yes_no = [
        (Column::Urgent, "kiireellinen", true),
        (Column::Urgent, "ei kiireellinen", false),
        (Column::Urgent, "kiireetön", false),
        (Column::Urgent, "Kiireellinen asia", true),
        (Column::Urgent, "brådskande", true),
        (Column::Urgent, "icke brådskande", false),
        (Column::Urgent, "ej brådskande", false),
        (Column::Urgent, "inte brådskande", false),
        (Column::Urgent, "urgent", true),
        (Column::Urgent, "not urgent", false),
        (Column::Urgent, "non-urgent", false),
        (Column::Urgent, "Normaali", false),
        (Column::Urgent, "tavallinen", false),
        (Column::Urgent, "normal", false),
        (Column::Disabled, "vammainen", true),
        (Column::Disabled, "ei vammainen", false),
        (Column::Disabled, "funktionshindrad", true),
        (Column::Disabled, "ingen funktionsnedsättning", false),
        (Column::Disabled, "disabled", true),
        (Column::ChildWelfare, "lastensuojelu", true),
        (Column::ChildWelfare, "Lastensuojeluasia", true),
        (Column::ChildWelfare, "ei lastensuojelu", false),
        (Column::ChildWelfare, "barnskydd", true),
        (Column::ChildSpecialSupport, "erityinen tuki", true),
        (Column::CareAllowance, "ylin hoitotuki", true),
        (Column::CareAllowance, "högsta vårdbidrag", true),
        (Column::CareAllowance, "ylin", true),
        (Column::CareAllowance, "korotettu", false),
        (Column::CareAllowance, "perushoitotuki", false),
    ];
    for (column, text, flag) in yes_no {
        assert_eq!(flag_word(column, text), Some(flag), "{column}: {text:?}");
    }
    for (column, text) in [
        (Column::Urgent, "vammainen"),
        (Column::Disabled, "kiireellinen"),
        (Column::Urgent, "joskus"),
        (Column::CareAllowance, "hoitotuki"),
        (Column::CareAllowance, "3"),
        (Column::CareAllowance, "kyl"),
    ] {
        assert_eq!(flag_word(column, text), None, "{column}: {text:?}");
    }
    for (text, flag) in [
        ("ja", true),
        ("JA", true),
        ("j", true),
        ("nej", false),
        ("Nej", false),
        ("n", false),
        ("ej", false),
        ("kyllä", true),
        ("k", true),
        ("e", false),
        ("x", true),
        ("true", true),
        ("false", false),
        ("yes", true),
        ("no", false),
        ("TOSI", true),
        ("EPÄTOSI", false),
        ("epätosi", false),
        ("SANT", true),
        ("FALSKT", false),
    ] {
        assert_eq!(parse_flag(text), Ok(flag), "{text:?}");
    }
}

#[test]
fn an_unknown_value_in_a_flag_column_is_an_invalid_row_that_says_what_to_write() {
    let (code, rows, stderr) = audit("Vireilletulopvm;Kiireellinen\n20.11.2026;joskus\n");
    assert_eq!(code, 3, "{stderr}");
    assert!(rows.is_empty());
    assert!(
        stderr.contains("line 2, column 2 (Kiireellinen): `joskus` is not yes or no"),
        "{stderr}"
    );
    assert!(stderr.contains("ja/nej"), "{stderr}");
}

#[test]
fn unused_columns_are_named_once_on_stderr() {
    let (code, rows, stderr) = audit(
        "Asiatunnus;Nimi;Vireilletulopvm;Puhelinnumero;Nimi;;Huom 010594Y9032;\x1b[2JX\n\
         A-1;Matti;2.11.2026;0401234567;Matti;;;\n",
    );
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(rows.len(), 1);
    let lines: Vec<&str> = stderr.lines().filter(|l| l.contains("not used")).collect();
    assert_eq!(lines.len(), 1, "{stderr}");
    assert!(
        lines[0].starts_with("<stdin>: not used: Nimi, Puhelinnumero, Huom [henkilötunnus], ?[2JX"),
        "{stderr}"
    );
    assert!(
        !stderr.contains('\x1b'),
        "no control character reaches the terminal"
    );
    assert!(
        !stderr.contains("010594Y9032"),
        "an identity code in a header is redacted"
    );
    // A file whose every column is used says nothing of its columns (only, once, that a list
    // without a start date is of matters not yet started).
    let (_, _, stderr) = audit("case_id,pending_date,age\nA,2.11.2026,80\n");
    assert!(only_the_not_started_notice(&stderr), "{stderr}");
}

/// Standard error holds one line, the notice that a list without a start date is read as one of
/// matters not yet started.
fn only_the_not_started_notice(stderr: &str) -> bool {
    let lines: Vec<&str> = stderr.lines().collect();
    lines.len() == 1 && lines[0].ends_with(common::NOT_STARTED_NOTICE)
}

#[test]
fn headers_read_by_their_stems_are_named_on_one_line() {
    let (code, _, stderr) = audit(
        "Asian numero;Vireilletulon päivämäärä;Syntymäpäivä;Kiireellisyys;Hoitotuki\n\
         A-1;2.11.2026;1.1.1950;ei;\n",
    );
    assert_eq!(code, 0, "{stderr}");
    let read: Vec<&str> = stderr.lines().filter(|l| l.contains(": read: ")).collect();
    assert_eq!(read.len(), 1, "{stderr}");
    for part in [
        "Asian numero → case_id",
        "Vireilletulon päivämäärä → pending_date",
        "Syntymäpäivä → birth_date",
        "Kiireellisyys → urgent",
        "Hoitotuki → care_allowance (the level",
    ] {
        assert!(read[0].contains(part), "{part}: {stderr}");
    }
    // Full names are read as expected and need no word.
    let (_, _, stderr) = audit("Asiatunnus;Vireilletulopvm;Syntymäaika\nA;2.11.2026;1.1.1950\n");
    assert!(only_the_not_started_notice(&stderr), "{stderr}");
}

#[test]
fn a_bare_yes_in_hoitotuki_is_an_invalid_row_asking_for_the_level() {
    let (code, rows, stderr) = audit(
        "Asiatunnus;Vireilletulopvm;Hoitotuki\n\
         A-1;10.11.2026;kyllä\n\
         A-2;10.11.2026;x\n\
         A-3;10.11.2026;ylin\n",
    );
    assert_eq!(code, 3, "{stderr}");
    assert_eq!(groups(&rows), pairs(&[("A-3", "care_allowance")]));
    for line in [2, 3] {
        let message = stderr
            .lines()
            .find(|l| l.contains(&format!("line {line}, column 3 (Hoitotuki)")))
            .unwrap_or_else(|| panic!("line {line}: {stderr}"));
        assert!(message.contains("not its level"), "{message}");
        assert!(message.contains("ylin, korotettu or perus"), "{message}");
    }
    // The same in Swedish.
    let (code, rows, stderr) = audit(
        "Ärende;Anhängiggjord;Vårdbidrag
Ä-1;10.11.2026;ja
Ä-2;10.11.2026;högsta
",
    );
    assert_eq!(code, 3, "{stderr}");
    assert_eq!(groups(&rows), pairs(&[("Ä-2", "care_allowance")]));
    assert!(
        stderr.contains("line 2, column 3 (Vårdbidrag): `ja` says")
            && stderr.contains("högsta, förhöjt, grund"),
        "{stderr}"
    );
}

#[test]
fn a_care_allowance_level_column_puts_only_the_highest_in_the_group() {
    let (code, rows, stderr) = audit(
        "Asiatunnus;Vireilletulopvm;Hoitotuen taso\n\
         A-1;10.11.2026;ylin\n\
         A-2;10.11.2026;Ylin hoitotuki\n\
         A-3;10.11.2026;3\n\
         A-4;10.11.2026;korotettu\n\
         A-5;10.11.2026;2\n\
         A-6;10.11.2026;perus\n\
         A-7;10.11.2026;1\n\
         A-8;10.11.2026;\n\
         A-9;10.11.2026;ei\n\
         A-10;10.11.2026;0\n\
         A-11;10.11.2026;högsta\n\
         A-12;10.11.2026;förhöjt\n\
         A-13;10.11.2026;highest\n\
         A-14;10.11.2026;basic\n\
         A-15;10.11.2026;ei hoitotukea\n",
    );
    assert_eq!(code, 0, "{stderr}");
    let highest = ["A-1", "A-2", "A-3", "A-11", "A-13"];
    for (id, groups) in groups(&rows) {
        let expected = if highest.contains(&id.as_str()) {
            "care_allowance"
        } else {
            "none"
        };
        assert_eq!(groups, expected, "{id}");
    }
    assert_eq!(rows.len(), 15);
    assert_eq!(parse_care_level("grund"), Ok(CareLevel::Basic));
    assert_eq!(parse_care_level("increased"), Ok(CareLevel::Increased));
    assert!(parse_care_level("paljon").is_err());
}

#[test]
fn a_header_naming_the_allowance_or_all_its_levels_asks_for_the_level() {
    for header in [
        "Hoitotuki",
        "Hoitotuen taso",
        "Eläkettä saavan hoitotuki",
        "Hoitotuki (ylin/korotettu/perus)",
        "Vårdbidrag",
        "Vårdbidragsnivå",
        "Care allowance level",
    ] {
        assert!(names_care_allowance_level(header), "{header}");
    }
    for header in [
        "care_allowance",
        "Ylin hoitotuki",
        "Ylin hoitotuki (kyllä/ei)",
        "Högsta vårdbidrag",
        "Highest care allowance",
    ] {
        assert!(!names_care_allowance_level(header), "{header}");
    }
}

#[test]
fn a_column_naming_the_highest_care_allowance_keeps_yes_and_no() {
    for header in [
        "care_allowance",
        "Care allowance",
        "Ylin hoitotuki",
        "Ylimmän hoitotuen saaja",
        "Hoitotuki (ylin)",
        "Högsta vårdbidrag",
        "Highest care allowance",
    ] {
        let (code, rows, stderr) = audit(&format!(
            "case_id;pending_date;{header}\nA-1;10.11.2026;1\nA-2;10.11.2026;kyllä\nA-3;10.11.2026;ja\nA-4;10.11.2026;0\n"
        ));
        assert_eq!(code, 0, "{header}: {stderr}");
        assert_eq!(
            groups(&rows),
            pairs(&[
                ("A-1", "care_allowance"),
                ("A-2", "care_allowance"),
                ("A-3", "care_allowance"),
                ("A-4", "none"),
            ]),
            "{header}"
        );
    }
}

#[test]
fn swedish_headers_and_values_are_read() {
    let (code, rows, stderr) = audit(
        "Ärendenummer;Enhet;Anhängiggjord;Födelsedatum;Personbeteckning;Högsta vårdbidrag;\
         Funktionsnedsättning;Barn i behov av särskilt stöd;Barnskydd;Brådskande;\
         Bedömningen inledd;Bedömningen klar\n\
         Ä-1;Hemvård;2.11.2026;15.3.1944;;nej;nej;nej;nej;nej;6.11.2026;\n\
         Ä-2;Hemvård;10.11.2026;1.1.1966;;ja;nej;nej;nej;nej;;\n\
         Ä-3;Handikappservice;12.11.2026;30.8.1992;;nej;ja;nej;nej;nej;;\n\
         Ä-4;Familjetjänster;31.8.2026;2.4.2019;;nej;nej;ja;nej;nej;8.9.2026;20.11.2026\n\
         Ä-5;Barnskydd;15.7.2026;9.3.2012;;nej;nej;nej;j;n;21.7.2026;\n\
         Ä-6;Vuxensocialarbete;20.11.2026;5.5.1981;;nej;nej;nej;nej;brådskande;20.11.2026;\n\
         Ä-7;Vuxensocialarbete;20.11.2026;5.5.1981;;nej;nej;nej;nej;icke brådskande;;\n",
    );
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.is_empty(),
        "every column is read by its name: {stderr}"
    );
    assert_eq!(
        groups(&rows),
        pairs(&[
            ("Ä-1", "over_75"),
            ("Ä-2", "care_allowance"),
            ("Ä-3", "disabled"),
            ("Ä-4", "child_special_support"),
            ("Ä-5", "child_welfare"),
            ("Ä-6", "urgent"),
            ("Ä-7", "none"),
        ])
    );
    // The unit, start and completion were read too: Ä-4 started 8.9. and completed 20.11.
    let a4 = &rows[3];
    assert_eq!((&a4[2], &a4[6], &a4[11]), ("Familjetjänster", "met", "met"));
}

#[test]
fn a_full_name_beats_a_stem_match_and_two_stem_matches_are_an_error() {
    // `Yksikkö` is the unit's full name; `Yksikkökoodi` beside it is not used.
    let (code, rows, stderr) =
        audit("Yksikkö;Yksikkökoodi;Vireilletulopvm\nKotihoito;K12;2.11.2026\n");
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(&rows[0][2], "Kotihoito");
    assert!(stderr.contains("not used: Yksikkökoodi"), "{stderr}");
    // The highest care allowance beside the allowance: the highest is read, as yes/no.
    let (code, rows, stderr) = audit(
        "case_id;unit;Team;pending_date;Hoitotuki;Ylin hoitotuki
A;Koti;T1;2.11.2026;perus;kyllä
",
    );
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(groups(&rows), pairs(&[("A", "care_allowance")]));
    assert_eq!(&rows[0][2], "Koti");
    assert!(stderr.contains("not used: Team, Hoitotuki"), "{stderr}");
    // Two stem matches and no full name: which one is meant is not known.
    let (code, _, stderr) =
        audit("Yksikön nimi;Toimipiste;Vireilletulopvm\nKotihoito;Itä;2.11.2026\n");
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("\"Yksikön nimi\" and \"Toimipiste\" both mean unit"),
        "{stderr}"
    );
    assert!(stderr.contains("--column unit="), "{stderr}");
}

/// Headers as client systems and people write them, and the column each must be read as.
const SPELLINGS: &[(&str, Option<Column>)] = &[
    // Pending date (asian vireilletulo).
    ("Vireilletulopvm", Some(Column::PendingDate)),
    ("Vireilletulopäivä", Some(Column::PendingDate)),
    ("Vireilletulopäivämäärä", Some(Column::PendingDate)),
    ("VIREILLETULO_PVM", Some(Column::PendingDate)),
    ("Vireilletulo pvm.", Some(Column::PendingDate)),
    ("Asia tullut vireille", Some(Column::PendingDate)),
    ("Vireillepanopäivä", Some(Column::PendingDate)),
    ("Saapumispäivä", Some(Column::PendingDate)),
    ("Saapunut", Some(Column::PendingDate)),
    ("Hakemus saapunut", Some(Column::PendingDate)),
    ("Yhteydenottopäivä", Some(Column::PendingDate)),
    ("Yhteydenoton pvm", Some(Column::PendingDate)),
    ("Pending date", Some(Column::PendingDate)),
    ("pendingDate", Some(Column::PendingDate)),
    ("Date received", Some(Column::PendingDate)),
    ("Anhängig", Some(Column::PendingDate)),
    ("Anhängiggjord", Some(Column::PendingDate)),
    ("Ärendet anhängigt", Some(Column::PendingDate)),
    ("Inkommen", Some(Column::PendingDate)),
    ("Inkomstdatum", Some(Column::PendingDate)),
    ("Ärendet inkom", Some(Column::PendingDate)),
    ("Datum då ärendet inkom", Some(Column::PendingDate)),
    ("Ilmoituksen saapumispäivä", Some(Column::PendingDate)),
    ("Referral received", Some(Column::PendingDate)),
    ("Hakemuspvm", Some(Column::PendingDate)),
    ("Hakemuksen saapumispäivä", Some(Column::PendingDate)),
    ("Ilmoituksen päivämäärä", Some(Column::PendingDate)),
    ("Lähete vastaanotettu", Some(Column::PendingDate)),
    ("Tulopäivä", Some(Column::PendingDate)),
    ("Ankomstdatum", Some(Column::PendingDate)),
    ("Ansökan inkom", Some(Column::PendingDate)),
    ("Mottagen", Some(Column::PendingDate)),
    ("Vireilletulotapa", None),
    ("Hakemuksen tyyppi", None),
    ("Yhteydenottaja", None),
    ("Yhteydenoton syy", None),
    // Birth date, identity code, age.
    ("Syntymäaika", Some(Column::BirthDate)),
    ("Syntymäpäivä", Some(Column::BirthDate)),
    ("Syntymäpvm", Some(Column::BirthDate)),
    ("Synt.pvm", Some(Column::BirthDate)),
    ("Lapsen syntymäaika", Some(Column::BirthDate)),
    ("Asiakkaan syntymäaika", Some(Column::BirthDate)),
    ("Date of birth", Some(Column::BirthDate)),
    ("DOB", Some(Column::BirthDate)),
    ("birthDate", Some(Column::BirthDate)),
    ("Födelsedatum", Some(Column::BirthDate)),
    ("Födelsedag", Some(Column::BirthDate)),
    ("Klientens födelsedatum", Some(Column::BirthDate)),
    ("Född", Some(Column::BirthDate)),
    ("Syntynyt", Some(Column::BirthDate)),
    ("Syntymävuosi", None),
    ("Syntymäpaikka", None),
    ("Henkilötunnus", Some(Column::Hetu)),
    ("Henkilötunnus (hetu)", Some(Column::Hetu)),
    ("Asiakkaan henkilötunnus", Some(Column::Hetu)),
    ("HETU", Some(Column::Hetu)),
    ("Sotu", Some(Column::Hetu)),
    ("Personbeteckning", Some(Column::Hetu)),
    ("Personnummer", Some(Column::Hetu)),
    ("Ikä", Some(Column::Age)),
    ("Asiakkaan ikä", Some(Column::Age)),
    ("Ikä vuosina", Some(Column::Age)),
    ("Ikä (v)", Some(Column::Age)),
    ("Ålder", Some(Column::Age)),
    ("Age", Some(Column::Age)),
    ("Klientens ålder", Some(Column::Age)),
    ("Age at referral", Some(Column::Age)),
    ("Ikävuodet", Some(Column::Age)),
    ("Ikäryhmä", None),
    // Assessment started and completed.
    ("Arviointi aloitettu", Some(Column::StartedDate)),
    ("Arviointi aloitettu pvm", Some(Column::StartedDate)),
    ("Arvioinnin aloituspäivä", Some(Column::StartedDate)),
    (
        "Palvelutarpeen arvioinnin aloitus",
        Some(Column::StartedDate),
    ),
    ("Aloituspvm", Some(Column::StartedDate)),
    ("Arviointi alkanut", Some(Column::StartedDate)),
    ("Assessment started", Some(Column::StartedDate)),
    ("Start date", Some(Column::StartedDate)),
    ("Bedömningen inledd", Some(Column::StartedDate)),
    ("Bedömningen påbörjad", Some(Column::StartedDate)),
    ("Påbörjad", Some(Column::StartedDate)),
    ("Arviointi alkanut", Some(Column::StartedDate)),
    ("Arvioinnin alkupäivä", Some(Column::StartedDate)),
    ("Servicebehovsbedömning inledd", Some(Column::StartedDate)),
    ("Date started", Some(Column::StartedDate)),
    ("Arviointi alkoi", Some(Column::StartedDate)),
    (
        "Bedömning av servicebehov påbörjad",
        Some(Column::StartedDate),
    ),
    ("Aloitettava viimeistään", None),
    ("Påbörjad av", None),
    ("Started by", None),
    ("start_status", None),
    ("start_working_days_late", None),
    ("Asiakkuus alkanut", None),
    ("Asiakkuus aloitettu", None),
    ("Palvelu alkanut", Some(Column::ImplementedDate)),
    ("decision_status", None),
    ("implementation_deadline", None),
    ("decision_working_days_late", None),
    ("Lastensuojelun asiakas", Some(Column::ChildWelfare)),
    ("start_deadline", None),
    ("Arviointi valmis", Some(Column::CompletedDate)),
    ("Arviointi valmistunut", Some(Column::CompletedDate)),
    (
        "Palvelutarpeen arviointi valmistunut",
        Some(Column::CompletedDate),
    ),
    ("Valmistumispäivä", Some(Column::CompletedDate)),
    ("Arviointi päättynyt", Some(Column::CompletedDate)),
    ("Completed", Some(Column::CompletedDate)),
    ("Completion date", Some(Column::CompletedDate)),
    ("Bedömningen klar", Some(Column::CompletedDate)),
    ("Bedömningen slutförd", Some(Column::CompletedDate)),
    ("Avslutad", Some(Column::CompletedDate)),
    ("Arviointi tehty", Some(Column::CompletedDate)),
    ("Arviointi suoritettu", Some(Column::CompletedDate)),
    ("Bedömningen färdig", Some(Column::CompletedDate)),
    ("Assessment finished", Some(Column::CompletedDate)),
    ("Arviointi päättyi", Some(Column::CompletedDate)),
    ("Arvioinnin loppupvm", Some(Column::CompletedDate)),
    ("Bedömningen gjord", Some(Column::CompletedDate)),
    ("completion_deadline", None),
    ("Asiakkuus loppunut", None),
    ("Asiakkuus päättynyt", None),
    // Unit.
    ("Yksikkö", Some(Column::Unit)),
    ("Yksikön nimi", Some(Column::Unit)),
    ("Tiimi", Some(Column::Unit)),
    ("Tiimin nimi", Some(Column::Unit)),
    ("Toimipiste", Some(Column::Unit)),
    ("Palvelualue", Some(Column::Unit)),
    ("Team", Some(Column::Unit)),
    ("Office", Some(Column::Unit)),
    ("Enhet", Some(Column::Unit)),
    ("Enhetens namn", Some(Column::Unit)),
    ("Team/enhet", Some(Column::Unit)),
    ("Verksamhet", Some(Column::Unit)),
    ("Department", Some(Column::Unit)),
    ("Tiimivastaava", None),
    ("Handläggare", None),
    // Groups.
    ("Kiireellinen", Some(Column::Urgent)),
    ("Kiireellisyys", Some(Column::Urgent)),
    ("Kiireellinen tarve", Some(Column::Urgent)),
    ("Urgent", Some(Column::Urgent)),
    ("Brådskande", Some(Column::Urgent)),
    ("Brådskande ärende", Some(Column::Urgent)),
    ("Asian kiireellisyys", Some(Column::Urgent)),
    ("Brådskande behov", Some(Column::Urgent)),
    ("Akut", Some(Column::Urgent)),
    ("Urgency", Some(Column::Urgent)),
    ("Kiireellisyyden peruste", None),
    ("Ylin hoitotuki", Some(Column::CareAllowance)),
    ("Hoitotuki", Some(Column::CareAllowance)),
    ("Hoitotuen taso", Some(Column::CareAllowance)),
    ("Eläkkeensaajan hoitotuki", Some(Column::CareAllowance)),
    ("Vårdbidrag", Some(Column::CareAllowance)),
    ("Högsta vårdbidrag", Some(Column::CareAllowance)),
    ("Vårdbidrag för pensionstagare", Some(Column::CareAllowance)),
    ("Care allowance level", Some(Column::CareAllowance)),
    ("Hoitotuen määrä", None),
    ("Vammainen", Some(Column::Disabled)),
    ("Vammaisuus", Some(Column::Disabled)),
    ("Vamma", Some(Column::Disabled)),
    ("Disabled", Some(Column::Disabled)),
    ("Funktionsnedsättning", Some(Column::Disabled)),
    ("Funktionshindrad", Some(Column::Disabled)),
    ("Vaikeavammainen", Some(Column::Disabled)),
    ("Person med funktionsnedsättning", Some(Column::Disabled)),
    ("Disability", Some(Column::Disabled)),
    ("Kehitysvamma", Some(Column::Disabled)),
    ("Vammaistuki", None),
    (
        "Erityistä tukea tarvitseva lapsi",
        Some(Column::ChildSpecialSupport),
    ),
    (
        "Lapsi tarvitsee erityistä tukea",
        Some(Column::ChildSpecialSupport),
    ),
    (
        "Lapsen erityisen tuen tarve",
        Some(Column::ChildSpecialSupport),
    ),
    ("Erityinen tuki", Some(Column::ChildSpecialSupport)),
    (
        "Child in need of special support",
        Some(Column::ChildSpecialSupport),
    ),
    (
        "Barn i behov av särskilt stöd",
        Some(Column::ChildSpecialSupport),
    ),
    (
        "Behov av särskilt stöd (barn)",
        Some(Column::ChildSpecialSupport),
    ),
    ("Special needs child", Some(Column::ChildSpecialSupport)),
    ("Erityisen tuen tarve", None),
    ("Lastensuojelu", Some(Column::ChildWelfare)),
    ("Lastensuojeluasia", Some(Column::ChildWelfare)),
    ("Lastensuojelun asiakas", Some(Column::ChildWelfare)),
    ("LaSu", Some(Column::ChildWelfare)),
    ("Barnskydd", Some(Column::ChildWelfare)),
    ("Barnskyddsärende", Some(Column::ChildWelfare)),
    ("Child welfare", Some(Column::ChildWelfare)),
    ("Lastensuojeluasiakkuus", Some(Column::ChildWelfare)),
    ("Barnskyddsklient", Some(Column::ChildWelfare)),
    // Case id.
    ("Asiatunnus", Some(Column::CaseId)),
    ("Asian numero", Some(Column::CaseId)),
    ("Asianro", Some(Column::CaseId)),
    ("Diaarinumero", Some(Column::CaseId)),
    ("Tunnus", Some(Column::CaseId)),
    ("ID", Some(Column::CaseId)),
    ("Case ID", Some(Column::CaseId)),
    ("caseId", Some(Column::CaseId)),
    ("Case number", Some(Column::CaseId)),
    ("Ärende", Some(Column::CaseId)),
    ("Ärendenummer", Some(Column::CaseId)),
    ("Ärende-id", Some(Column::CaseId)),
    ("Diarienummer", Some(Column::CaseId)),
    ("Dnr", Some(Column::CaseId)),
    ("Case no.", Some(Column::CaseId)),
    ("Asiakasnumero", None),
    ("AsiakasID", None),
    ("Klientnummer", None),
    ("Postinumero", None),
    // Not columns maaraika reads.
    ("Nimi", None),
    ("Sukunimi", None),
    ("Puhelinnumero", None),
    ("Osoite", None),
    ("Sosiaalityöntekijä", None),
    ("Huomiot", None),
    ("Notes", None),
    ("Tulot", None),
    ("Ilmoittaja", None),
    ("elapsed_working_days", None),
    // Headers run together by the wrong delimiter: not guessed at.
    ("Asiatunnus;Vireilletulopvm", None),
    ("Syntymäaika,Ikä", None),
];

#[test]
fn header_spellings_of_client_systems_and_excel_lists_are_read_as_their_column() {
    let wrong: Vec<String> = SPELLINGS
        .iter()
        .filter(|(header, column)| Column::from_name(header) != *column)
        .map(|(header, column)| {
            format!(
                "{header}: {:?} instead of {column:?}",
                Column::from_name(header)
            )
        })
        .collect();
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn exports_of_client_systems_put_every_case_in_its_group() {
    // The same four cases, as different systems and hand-made lists export them: an 82-year-old,
    // a disabled person, a child-welfare matter and an urgent one.
    let exports = [
        "Asiakasnumero;Asian numero;Vireilletulopäivämäärä;Syntymäaika;Vammaisuus;\
         Lastensuojeluasia;Kiireellisyys;Arvioinnin aloituspäivä;Toimipiste\n",
        "Nro;Henkilötunnus (hetu);Yhteydenottopäivä;Asiakkaan ikä;Vamma;Lastensuojelu;\
         Kiireellinen tarve;Arviointi aloitettu pvm;Palvelutarpeen arviointi valmistunut;Tiimi\n",
        "Diaarinumero,Date received,Date of birth,Disability,Child protection,Urgency,\
         Assessment started,Completed,Team\n",
        "Ärende;Inkommen;Ålder;Funktionshindrad;Barnskyddsärende;Brådskande ärende;\
         Bedömningen påbörjad;Bedömningen slutförd;Enhet\n",
    ];
    let cells = [
        ["A-1", "2.11.2026", "15.3.1944", "82", "ei", "ei", "ei"],
        ["A-2", "12.11.2026", "30.8.1992", "34", "kyllä", "ei", "ei"],
        ["A-3", "18.11.2026", "1.4.2012", "14", "ei", "kyllä", "ei"],
        ["A-4", "20.11.2026", "5.5.1981", "45", "ei", "ei", "kyllä"],
    ];
    let expected = pairs(&[
        ("A-1", "over_75"),
        ("A-2", "disabled"),
        ("A-3", "child_welfare"),
        ("A-4", "urgent"),
    ]);
    for header in exports {
        let delimiter = if header.contains(';') { ";" } else { "," };
        let names: Vec<&str> = header.trim_end().split(delimiter).collect();
        let mut file = header.to_string();
        for row in &cells {
            let [id, pending, birth, age, disabled, welfare, urgent] = *row;
            let values: Vec<String> = names
                .iter()
                .map(|name| match Column::from_name(name) {
                    Some(Column::CaseId) => id.into(),
                    Some(Column::PendingDate) => pending.into(),
                    Some(Column::BirthDate) => birth.into(),
                    Some(Column::Age) => age.into(),
                    Some(Column::Disabled) => disabled.into(),
                    Some(Column::ChildWelfare) => welfare.into(),
                    Some(Column::Urgent) => urgent.into(),
                    Some(Column::Unit) => "Itä".into(),
                    _ => String::new(),
                })
                .collect();
            file.push_str(&values.join(delimiter));
            file.push('\n');
        }
        let (code, rows, stderr) = audit(&file);
        assert_eq!(code, 0, "{header}: {stderr}");
        assert_eq!(groups(&rows), expected, "{header}\n{stderr}");
    }
}

#[test]
fn generated_lists_in_english_and_finnish_keep_care_allowance_yes_and_no_and_audit_alike() {
    // `care_allowance` 0/1 and `Ylin hoitotuki` kyllä/ei, as the peers' gen_cases.py writes
    // them: the highest care allowance as yes/no, every column read by its name.
    use common::generate::Dialect;
    let generate = |dialect| String::from_utf8(common::generated_cases(2000, 7, dialect)).unwrap();
    let english = audit(&generate(Dialect::Iso));
    let finnish = audit(&generate(Dialect::FinnishUtf8));
    for (code, rows, stderr) in [&english, &finnish] {
        assert_eq!(*code, 0, "{stderr}");
        assert!(
            !stderr.contains("not used") && !stderr.contains(": read: "),
            "{stderr}"
        );
        assert_eq!(rows.len(), 2000);
    }
    assert!(english
        .1
        .iter()
        .any(|row| row[4].contains("care_allowance")));
    assert_eq!(groups(&english.1), groups(&finnish.1));
}

#[test]
fn the_swedish_sample_saved_as_windows_1252_audits_like_its_iso_twin() {
    let samples = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
    let swedish = std::fs::read_to_string(samples.join("cases-sv.csv")).unwrap();
    let plain = encoding_rs::WINDOWS_1252
        .encode(swedish.trim_start_matches('\u{feff}'))
        .0
        .into_owned();
    let iso = std::fs::read(samples.join("cases.csv")).unwrap();
    let run =
        |input: &[u8]| common::run(&["audit", "-", "--as-of", AS_OF, "--format", "csv"], input);
    let (code, stdout, stderr) = run(&plain);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.is_empty(), "{stderr}");
    assert_eq!(stdout, run(&iso).1);
}

proptest::proptest! {
    /// Any header text and any cell: an answer, never a panic (headers come from unknown files).
    #[test]
    fn any_header_and_cell_is_read_without_a_panic(header in "\\PC{0,80}", cell in "\\PC{0,80}") {
        let column = Column::from_name(&header);
        let _ = names_care_allowance_level(&header);
        for column in column.into_iter().chain(Column::ALL) {
            let _ = flag_word(column, &cell);
        }
        let _ = parse_care_level(&cell);
    }
}
