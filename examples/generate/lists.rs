//! Synthetic case lists for benchmarks and tests: any number of rows with a realistic mix of ages,
//! groups and start delays, the same columns and mix as `../shared/peers/gen_cases.py` (not the
//! same bytes: the random numbers differ).
//!
//! Deterministic: the same rows, seed and dialect give the same bytes on every machine, so a test
//! or a benchmark can regenerate its input instead of keeping it.
//!
//! Uses nothing but std and chrono, so that the example (`examples/generate/main.rs`), a
//! benchmark (`benches/hot.rs`) and the tests (`tests/common`) include this one file with
//! `#[path]`, without the command line or the library.

use std::io::{self, Write};

use chrono::{Datelike, Duration, NaiveDate};

/// How the generated file is written.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Dialect {
    /// `,`, English headers, ISO dates, `1`/`0`, LF: what a client system exports.
    #[default]
    Iso,
    /// As Finnish Excel saves "CSV UTF-8": `;`, a BOM, Finnish headers, `d.m.yyyy`, `kyllä`/`ei`,
    /// CRLF.
    FinnishUtf8,
    /// As Finnish Excel saves plain "CSV": the same in Windows-1252, without a BOM.
    FinnishCp1252,
}

const UNITS: [&str; 6] = [
    "Kotihoito Itä",
    "Kotihoito Länsi",
    "Seniorineuvonta",
    "Vammaispalvelut",
    "Lapsiperheiden palvelut",
    "Aikuissosiaalityö",
];

const HEADER_EN: [&str; 10] = [
    "case_id",
    "unit",
    "pending_date",
    "birth_date",
    "care_allowance",
    "disabled",
    "child_special_support",
    "urgent",
    "started_date",
    "completed_date",
];

const HEADER_FI: [&str; 10] = [
    "Asiatunnus",
    "Yksikkö",
    "Vireilletulopvm",
    "Syntymäaika",
    "Ylin hoitotuki",
    "Vammainen",
    "Erityistä tukea tarvitseva lapsi",
    "Kiireellinen",
    "Arviointi aloitettu",
    "Arviointi valmis",
];

/// A small, fast, seedable generator (SplitMix64): good enough for test data, and no dependency.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n`.
    fn below(&mut self, n: u64) -> u64 {
        ((u128::from(self.next()) * u128::from(n)) >> 64) as u64
    }

    /// Uniform in `[0, 1)`.
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Exponentially distributed with this mean, in whole days.
    fn exponential_days(&mut self, mean: f64) -> i64 {
        (-(1.0 - self.unit()).ln() * mean) as i64
    }
}

/// Writes a case list of `rows` generated cases to `out`.
pub fn write_cases(rows: u64, seed: u64, dialect: Dialect, out: &mut dyn Write) -> io::Result<()> {
    let finnish = dialect != Dialect::Iso;
    let header = if finnish { HEADER_FI } else { HEADER_EN };
    let mut random = Random(seed);
    let first = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap_or_default();
    write_rows(dialect, &header, rows, out, |i, fields| {
        let pending = first + Duration::days(random.below(1060) as i64);
        let age = match random.below(4) {
            0 => random.below(18),
            1 => 18 + random.below(57),
            2 => 70 + random.below(31),
            _ => 74 + random.below(3),
        };
        let birth =
            pending - Duration::days((age as f64 * 365.25) as i64 + random.below(365) as i64);
        let care = random.unit() < 0.05;
        let disabled = random.unit() < 0.10;
        let child = age < 18 && random.unit() < 0.5;
        let urgent = random.unit() < 0.03;
        let started =
            (random.unit() >= 0.15).then(|| pending + Duration::days(random.exponential_days(6.0)));
        let completed = started
            .filter(|_| random.unit() < 0.7)
            .map(|started| started + Duration::days(random.exponential_days(40.0)));
        fields.extend([
            format!("C{i:08}"),
            UNITS[random.below(UNITS.len() as u64) as usize].to_string(),
            date_field(Some(pending), finnish),
            date_field(Some(birth), finnish),
            flag_field(care, finnish).into(),
            flag_field(disabled, finnish).into(),
            flag_field(child, finnish).into(),
            flag_field(urgent, finnish).into(),
            date_field(started, finnish),
            date_field(completed, finnish),
        ]);
    })
}

/// A date as the dialect writes it: `d.m.yyyy` for Finnish Excel, ISO otherwise.
fn date_field(date: Option<NaiveDate>, finnish: bool) -> String {
    match date {
        None => String::new(),
        Some(d) if finnish => format!("{}.{}.{}", d.day(), d.month(), d.year()),
        Some(d) => d.format("%Y-%m-%d").to_string(),
    }
}

/// A flag as the dialect writes it: `kyllä`/`ei` for Finnish Excel, `1`/`0` otherwise.
fn flag_field(yes: bool, finnish: bool) -> &'static str {
    match (finnish, yes) {
        (true, true) => "kyllä",
        (true, false) => "ei",
        (false, true) => "1",
        (false, false) => "0",
    }
}

/// Writes `header` and `rows` rows in `dialect`: each row's fields made by `fill(i, fields)`.
fn write_rows(
    dialect: Dialect,
    header: &[&str],
    rows: u64,
    out: &mut dyn Write,
    mut fill: impl FnMut(u64, &mut Vec<String>),
) -> io::Result<()> {
    let finnish = dialect != Dialect::Iso;
    let (separator, line_end) = if finnish { (";", "\r\n") } else { (",", "\n") };
    let mut line = String::with_capacity(256);
    let mut bytes = Vec::with_capacity(256);
    let mut emit = |line: &str, out: &mut dyn Write| match dialect {
        Dialect::FinnishCp1252 => {
            bytes.clear();
            // Every character written here is in Windows-1252.
            bytes.extend(
                line.chars()
                    .map(|c| u8::try_from(u32::from(c)).unwrap_or(b'?')),
            );
            out.write_all(&bytes)
        }
        _ => out.write_all(line.as_bytes()),
    };
    if dialect == Dialect::FinnishUtf8 {
        out.write_all("\u{feff}".as_bytes())?;
    }
    line.push_str(&header.join(separator));
    line.push_str(line_end);
    emit(&line, out)?;
    let mut fields = Vec::with_capacity(header.len());
    for i in 0..rows {
        fields.clear();
        fill(i, &mut fields);
        line.clear();
        line.push_str(&fields.join(separator));
        line.push_str(line_end);
        emit(&line, out)?;
    }
    out.flush()
}

const APPLICATION_HEADER_EN: [&str; 11] = [
    "case_id",
    "unit",
    "application_date",
    "urgent",
    "decision_date",
    "info_requested_date",
    "info_received_date",
    "info_reply_due_date",
    "meeting_requested_date",
    "meeting_date",
    "paid_date",
];

const APPLICATION_HEADER_FI: [&str; 11] = [
    "Asiatunnus",
    "Yksikkö",
    "Saapumispäivä",
    "Kiireellinen",
    "Päätöspvm",
    "Lisäselvityspyyntö",
    "Täydennys saapunut",
    "Vastausaika",
    "Keskustelupyyntö",
    "Keskustelu",
    "Maksupäivä",
];

const ASSISTANCE_UNITS: [&str; 4] = [
    "Aikuissosiaalityö Itä",
    "Aikuissosiaalityö Länsi",
    "Lapsiperheiden sosiaalityö",
    "Nuorten palvelut",
];

/// Writes a list of `rows` generated social-assistance applications to `out`: about 3 % urgent,
/// 12 % with a request for more information, 5 % with a meeting asked for, most decided and
/// paid, with delays drawn so that some are late. The dates always make a possible chain.
pub fn write_applications(
    rows: u64,
    seed: u64,
    dialect: Dialect,
    out: &mut dyn Write,
) -> io::Result<()> {
    let finnish = dialect != Dialect::Iso;
    let header = if finnish {
        APPLICATION_HEADER_FI
    } else {
        APPLICATION_HEADER_EN
    };
    let mut random = Random(seed);
    let first = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap_or_default();
    let days = |date: NaiveDate, n: i64| date + Duration::days(n);
    write_rows(dialect, &header, rows, out, |i, fields| {
        let arrival = days(first, random.below(1060) as i64);
        let urgent = random.unit() < 0.03;
        let requested =
            (!urgent && random.unit() < 0.12).then(|| days(arrival, random.exponential_days(3.0)));
        let reply_due = requested.map(|r| days(r, 14));
        let received = requested
            .filter(|_| random.unit() < 0.8)
            .map(|r| days(r, random.exponential_days(6.0).min(20)));
        let decided = random.unit() < 0.95;
        let decision = decided.then(|| match (received, reply_due) {
            (Some(from), _) | (None, Some(from)) => days(from, random.exponential_days(4.0)),
            _ if urgent => days(arrival, random.below(2) as i64),
            _ => days(arrival, random.exponential_days(5.0)),
        });
        let paid = decision
            .filter(|_| random.unit() < 0.9)
            .map(|d| days(d, random.exponential_days(2.0)));
        let meeting_requested =
            (random.unit() < 0.05).then(|| days(arrival, random.below(5) as i64));
        let meeting = meeting_requested
            .filter(|_| random.unit() < 0.8)
            .map(|m| days(m, random.exponential_days(6.0)));
        let unit = ASSISTANCE_UNITS[random.below(ASSISTANCE_UNITS.len() as u64) as usize];
        fields.push(format!("T{i:08}"));
        fields.push(unit.to_string());
        fields.push(date_field(Some(arrival), finnish));
        fields.push(flag_field(urgent, finnish).into());
        for date in [
            decision,
            requested,
            received,
            reply_due,
            meeting_requested,
            meeting,
            paid,
        ] {
            fields.push(date_field(date, finnish));
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn generated(rows: u64, seed: u64, dialect: Dialect) -> Vec<u8> {
        let mut out = Vec::new();
        write_cases(rows, seed, dialect, &mut out).unwrap();
        out
    }

    #[test]
    fn deterministic_and_seeded() {
        assert_eq!(
            generated(50, 1, Dialect::Iso),
            generated(50, 1, Dialect::Iso)
        );
        assert_ne!(
            generated(50, 1, Dialect::Iso),
            generated(50, 2, Dialect::Iso)
        );
        let text = String::from_utf8(generated(3, 1, Dialect::Iso)).unwrap();
        assert_eq!(text.lines().count(), 4);
        assert!(text.starts_with("case_id,unit,pending_date,"));
    }

    #[test]
    fn application_lists_are_deterministic_and_their_dates_make_a_possible_chain() {
        let mut out = Vec::new();
        write_applications(2000, 7, Dialect::Iso, &mut out).unwrap();
        let mut again = Vec::new();
        write_applications(2000, 7, Dialect::Iso, &mut again).unwrap();
        assert_eq!(out, again);
        let text = String::from_utf8(out).unwrap();
        assert!(text.starts_with("case_id,unit,application_date,urgent,decision_date,"));
        let date = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
        for line in text.lines().skip(1) {
            let f: Vec<&str> = line.split(',').collect();
            let a = maaraika::assistance::Application {
                arrival: date(f[2]).unwrap(),
                urgent: f[3] == "1",
                decision: date(f[4]),
                info_requested: date(f[5]),
                info_received: date(f[6]),
                info_reply_due: date(f[7]),
                meeting_requested: date(f[8]),
                meeting: date(f[9]),
                paid: date(f[10]),
            };
            assert_eq!(
                maaraika::assistance::evaluation::validate(&a),
                Ok(()),
                "{line}"
            );
        }
    }

    #[test]
    fn finnish_dialects() {
        let utf8 = generated(20, 3, Dialect::FinnishUtf8);
        assert!(utf8.starts_with("\u{feff}Asiatunnus;Yksikkö;".as_bytes()));
        assert!(utf8.ends_with(b"\r\n"));
        let cp1252 = generated(20, 3, Dialect::FinnishCp1252);
        assert!(cp1252.starts_with(b"Asiatunnus;Yksikk\xF6;"));
        assert!(std::str::from_utf8(&cp1252).is_err());
    }
}
