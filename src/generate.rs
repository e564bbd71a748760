//! Synthetic case lists for benchmarks and tests: any number of rows with a realistic mix of ages,
//! groups and start delays, the same columns and mix as `../shared/peers/gen_cases.py` (not the
//! same bytes: the random numbers differ).
//!
//! Deterministic: the same rows, seed and dialect give the same bytes on every machine, so a test
//! or a benchmark can regenerate its input instead of keeping it.

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
    let header = if finnish { HEADER_FI } else { HEADER_EN };
    line.push_str(&header.join(separator));
    line.push_str(line_end);
    emit(&line, out)?;

    let mut random = Random(seed);
    let first = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap_or_default();
    for i in 0..rows {
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

        line.clear();
        let date = |date: Option<NaiveDate>| match date {
            None => String::new(),
            Some(d) if finnish => format!("{}.{}.{}", d.day(), d.month(), d.year()),
            Some(d) => d.format("%Y-%m-%d").to_string(),
        };
        let flag = |yes: bool| match (finnish, yes) {
            (true, true) => "kyllä",
            (true, false) => "ei",
            (false, true) => "1",
            (false, false) => "0",
        };
        let fields = [
            format!("C{i:08}"),
            UNITS[random.below(UNITS.len() as u64) as usize].to_string(),
            date(Some(pending)),
            date(Some(birth)),
            flag(care).into(),
            flag(disabled).into(),
            flag(child).into(),
            flag(urgent).into(),
            date(started),
            date(completed),
        ];
        line.push_str(&fields.join(separator));
        line.push_str(line_end);
        emit(&line, out)?;
    }
    out.flush()
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
    fn finnish_dialects() {
        let utf8 = generated(20, 3, Dialect::FinnishUtf8);
        assert!(utf8.starts_with("\u{feff}Asiatunnus;Yksikkö;".as_bytes()));
        assert!(utf8.ends_with(b"\r\n"));
        let cp1252 = generated(20, 3, Dialect::FinnishCp1252);
        assert!(cp1252.starts_with(b"Asiatunnus;Yksikk\xF6;"));
        assert!(std::str::from_utf8(&cp1252).is_err());
    }
}
