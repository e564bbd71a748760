//! The Finnish personal identity code (*henkilötunnus*, "hetu").
//!
//! A client of social services is identified by this code, so the tool has to
//! read it reliably and must never leak it.
//!
//! # Format
//!
//! `DDMMYYCZZZQ`, eleven characters:
//!
//! * `DDMMYY`: the birth date (day, month, two-digit year);
//! * `C`: the century sign: `+` for the 1800s; `-`, `Y`, `X`, `W`, `V`, `U`
//!   for the 1900s; `A`, `B`, `C`, `D`, `E`, `F` for the 2000s. The extra
//!   letters are in use since 1 January 2023 (decree 128/2010 as amended by
//!   690/2022). Two different people may have codes that differ only in the
//!   century sign, so the sign is kept exactly as given and never normalised
//!   (for example `Y` is never turned into `-`);
//! * `ZZZ`: the individual number, odd for men and even for women. Numbers
//!   900–999 are used for temporary codes: they are valid but flagged by
//!   [`Hetu::is_temporary`]. All of 000–999 are accepted;
//! * `Q`: the check character: the nine digits `DDMMYYZZZ` read as one number,
//!   modulo 31, used as an index into `0123456789ABCDEFHJKLMNPRSTUVWXY`
//!   (see [`check_character`]).
//!
//! The date must be a real calendar date in the century given by the sign
//! (`290200A…` is valid because 2000 was a leap year, `290223A…` is not).
//!
//! # Parsing
//!
//! [`Hetu::parse`] trims surrounding ASCII whitespace and accepts lowercase
//! letters for the century sign and the check character (treated as
//! uppercase: `y` is `Y`, not `-`). It never panics, whatever the input.
//!
//! # Privacy
//!
//! An identity code is personal data. No error message and no `Debug` output
//! of this module contains the code or any part of it longer than one
//! character; the only exception is that an impossible date names its day and
//! month numbers, which is needed to find the typing error. `Hetu` has no
//! `Display` implementation and its `Debug` prints `Hetu(<redacted>)`; the
//! code text is only available through [`Hetu::to_code_string`], which is
//! meant for an explicit `--show-hetu` request.

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};

/// The 31 check characters, indexed by the nine digits modulo 31.
const CHECK_CHARACTERS: &[u8; 31] = b"0123456789ABCDEFHJKLMNPRSTUVWXY";

/// Century signs of the 1800s.
const SIGNS_1800S: &[char] = &['+'];
/// Century signs of the 1900s, the traditional `-` first.
const SIGNS_1900S: &[char] = &['-', 'Y', 'X', 'W', 'V', 'U'];
/// Century signs of the 2000s, the traditional `A` first.
const SIGNS_2000S: &[char] = &['A', 'B', 'C', 'D', 'E', 'F'];

/// Number of characters in an identity code.
pub(crate) const CODE_LENGTH: usize = 11;

/// A valid Finnish personal identity code.
///
/// Holding a `Hetu` means the code has passed every check (length, real birth
/// date, known century sign, three-digit individual number, check character),
/// so the rest of the tool can rely on its parts. `Debug` is redacted and
/// there is deliberately no `Display`, so that the code cannot end up in logs
/// or reports by accident.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Hetu {
    birth: NaiveDate,
    /// The century sign as given (uppercased), never normalised.
    sign: char,
    individual: u16,
}

/// Why a text is not a valid personal identity code.
///
/// The messages are written for social workers, not programmers, and never
/// contain the code itself (only, for an impossible date, its day and month
/// numbers).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HetuError {
    /// The text (after trimming whitespace) does not have 11 characters.
    #[error(
        "the identity code has {}; a personal identity code has 11 (DDMMYYCZZZQ)",
        count_characters(*.chars)
    )]
    WrongLength {
        /// How many characters the trimmed text has.
        chars: usize,
    },
    /// One of the first six characters (the birth date) is not a digit.
    #[error("the identity code's first six characters must be digits (the birth date DDMMYY)")]
    BadDateDigits,
    /// The first six digits do not form a real calendar date in the century
    /// given by the century sign.
    #[error("the identity code's date part is not a real date (day {day:02} of month {month:02})")]
    ImpossibleDate {
        /// The day number of the date part.
        day: u32,
        /// The month number of the date part.
        month: u32,
    },
    /// The seventh character is not a known century sign.
    #[error(
        "the identity code's century sign `{}` is not one of + - Y X W V U A B C D E F",
        printable(*.sign)
    )]
    UnknownCenturySign {
        /// The character found where the century sign should be, as given.
        sign: char,
    },
    /// Characters 8 to 10 (the individual number) are not all digits.
    #[error("the identity code's individual number must be three digits")]
    BadIndividualNumber,
    /// The last character is not the check character computed from the digits.
    #[error(
        "the identity code's check character does not match its digits: check for a typing error"
    )]
    BadCheckCharacter,
}

/// "no characters", "1 character", "12 characters".
fn count_characters(chars: usize) -> String {
    match chars {
        0 => "no characters".to_owned(),
        1 => "1 character".to_owned(),
        n => format!("{n} characters"),
    }
}

/// A character as it can be shown in a message: control characters escaped.
pub(crate) fn printable(c: char) -> String {
    if c.is_control() {
        c.escape_debug().to_string()
    } else {
        c.to_string()
    }
}

/// The first year of the century a (uppercase) century sign stands for.
pub(crate) fn century_start(sign: char) -> Option<i32> {
    if SIGNS_1800S.contains(&sign) {
        Some(1800)
    } else if SIGNS_1900S.contains(&sign) {
        Some(1900)
    } else if SIGNS_2000S.contains(&sign) {
        Some(2000)
    } else {
        None
    }
}

/// The value of an ASCII digit, `None` for anything else.
fn digit(c: char) -> Option<u32> {
    if c.is_ascii_digit() {
        c.to_digit(10)
    } else {
        None
    }
}

/// The value of consecutive ASCII digits, `None` if any is not a digit.
fn digits(chars: &[char]) -> Option<u32> {
    chars
        .iter()
        .try_fold(0u32, |acc, &c| Some(acc * 10 + digit(c)?))
}

impl Hetu {
    /// Reads and fully validates an identity code.
    ///
    /// Surrounding ASCII whitespace is ignored and lowercase letters are
    /// accepted for the century sign and check character, because codes are
    /// typed by hand and copied from other systems. The checks run in the
    /// order length, date digits, century sign, individual number, real date,
    /// check character, so the error names the first problem a person reading
    /// the code from left to right would meet. Never panics.
    pub fn parse(text: &str) -> Result<Hetu, HetuError> {
        let trimmed = text.trim_matches(|c: char| c.is_ascii_whitespace());
        let count = trimmed.chars().count();
        if count != CODE_LENGTH {
            return Err(HetuError::WrongLength { chars: count });
        }
        let mut chars = [' '; CODE_LENGTH];
        for (slot, c) in chars.iter_mut().zip(trimmed.chars()) {
            *slot = c;
        }

        let day = digits(&chars[0..2]).ok_or(HetuError::BadDateDigits)?;
        let month = digits(&chars[2..4]).ok_or(HetuError::BadDateDigits)?;
        let yy = digits(&chars[4..6]).ok_or(HetuError::BadDateDigits)?;

        let given_sign = chars[6];
        let sign = given_sign.to_ascii_uppercase();
        let century =
            century_start(sign).ok_or(HetuError::UnknownCenturySign { sign: given_sign })?;

        let individual = digits(&chars[7..10]).ok_or(HetuError::BadIndividualNumber)?;

        // yy < 100, so the sum cannot overflow.
        let year = century + yy as i32;
        let birth = NaiveDate::from_ymd_opt(year, month, day)
            .ok_or(HetuError::ImpossibleDate { day, month })?;

        let nine = (day * 10_000 + month * 100 + yy) * 1000 + individual;
        if chars[10].to_ascii_uppercase() != check_character(nine) {
            return Err(HetuError::BadCheckCharacter);
        }

        Ok(Hetu {
            birth,
            sign,
            // individual <= 999 because it has three digits.
            individual: individual as u16,
        })
    }

    /// The birth date, with the century taken from the century sign.
    ///
    /// Needed because age-dependent deadlines (children, the elderly) are
    /// counted from it.
    pub fn birth_date(&self) -> NaiveDate {
        self.birth
    }

    /// The century sign as given (uppercase).
    ///
    /// Kept as given because two people may have codes that differ only in the
    /// sign; see [`century_signs`] for the valid signs of a year.
    pub fn century_sign(&self) -> char {
        self.sign
    }

    /// The three-digit individual number (0..=999).
    pub fn individual_number(&self) -> u16 {
        self.individual
    }

    /// True for individual numbers 900–999, which are used for temporary
    /// codes: valid, but a worker may need to replace them with a permanent
    /// code later.
    pub fn is_temporary(&self) -> bool {
        (900..=999).contains(&self.individual)
    }

    /// Builds the code text for a birth date (years 1800..=2099), individual
    /// number (0..=999) and a century sign valid for that century.
    ///
    /// Returns `None` if the sign does not fit the century (it must be one of
    /// [`century_signs`] for the year, uppercase) or values are out of range.
    /// Used to make test data and to check the parser against its inverse.
    pub fn format_code(birth: NaiveDate, individual: u16, sign: char) -> Option<String> {
        if individual > 999 || !century_signs(birth.year()).contains(&sign) {
            return None;
        }
        // The year is in 1800..=2099 here, because century_signs is empty
        // for every other year.
        let yy = birth.year().rem_euclid(100) as u32;
        let (day, month) = (birth.day(), birth.month());
        let nine = (day * 10_000 + month * 100 + yy) * 1000 + u32::from(individual);
        Some(format!(
            "{day:02}{month:02}{yy:02}{sign}{individual:03}{}",
            check_character(nine)
        ))
    }

    /// The code as given (uppercase, whitespace trimmed).
    ///
    /// This is the only way to get the code text out of a `Hetu`; use it only
    /// when the user explicitly asked to see codes (`--show-hetu`).
    pub fn to_code_string(&self) -> String {
        // A parsed Hetu always satisfies format_code's conditions.
        Self::format_code(self.birth, self.individual, self.sign)
            .unwrap_or_else(|| unreachable!("a parsed identity code is always formattable"))
    }
}

impl fmt::Debug for Hetu {
    /// Redacted, so that debugging output and logs never reveal the code.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Hetu(<redacted>)")
    }
}

impl FromStr for Hetu {
    type Err = HetuError;

    /// Same as [`Hetu::parse`], so that `"…".parse::<Hetu>()` and command-line
    /// parsers work.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Hetu::parse(s)
    }
}

/// The century signs valid for a year, first the traditional one.
///
/// Empty for years outside 1800..=2099, which no identity code can express.
/// The traditional sign comes first so that generated codes look familiar.
pub fn century_signs(year: i32) -> &'static [char] {
    match year {
        1800..=1899 => SIGNS_1800S,
        1900..=1999 => SIGNS_1900S,
        2000..=2099 => SIGNS_2000S,
        _ => &[],
    }
}

/// The check character for the nine digits DDMMYYZZZ as one number.
///
/// The number modulo 31 indexes `0123456789ABCDEFHJKLMNPRSTUVWXY` (the letters
/// G, I, O, Q and Z are left out because they are easily confused). Any `u32`
/// is accepted; only its remainder matters.
pub fn check_character(nine_digits: u32) -> char {
    char::from(CHECK_CHARACTERS[(nine_digits % 31) as usize])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    /// Asserts that neither the message nor the Debug output of `err` contains
    /// any part of `input` longer than one character, except the `allowed`
    /// parts (day and month of an impossible date).
    fn assert_no_leak(input: &str, err: &HetuError, allowed: &[&str]) {
        let chars: Vec<char> = input.chars().collect();
        let outputs = [err.to_string(), format!("{err:?}")];
        for len in 2..=chars.len() {
            for window in chars.windows(len) {
                let part: String = window.iter().collect();
                if allowed.contains(&part.as_str()) {
                    continue;
                }
                for output in &outputs {
                    assert!(
                        !output.contains(&part),
                        "output {output:?} contains {part:?} of the code"
                    );
                }
            }
        }
    }

    #[test]
    #[allow(non_snake_case)]
    fn public_test_code_010594Y9032_validates() {
        // 010594903 mod 31 = 2 -> '2'
        let hetu = Hetu::parse("010594Y9032").unwrap();
        assert_eq!(hetu.birth_date(), date(1994, 5, 1));
        assert_eq!(hetu.century_sign(), 'Y');
        assert_eq!(hetu.individual_number(), 903);
        assert_eq!(hetu.to_code_string(), "010594Y9032");
    }

    #[test]
    #[allow(non_snake_case)]
    fn public_test_code_020516C903K_validates() {
        // 020516903 mod 31 = 18 -> 'K'
        let hetu = Hetu::parse("020516C903K").unwrap();
        assert_eq!(hetu.birth_date(), date(2016, 5, 2));
        assert_eq!(hetu.century_sign(), 'C');
        assert_eq!(hetu.individual_number(), 903);
        assert_eq!(hetu.to_code_string(), "020516C903K");
    }

    #[test]
    fn check_character_matches_hand_computed_values() {
        // Remainders computed by hand (long division), independent of the code.
        let golden = [
            (10_594_903, '2'),  // 2
            (20_516_903, 'K'),  // 18
            (131_052_308, 'T'), // 25
            (290_200_123, '9'), // 9
            (10_101_123, 'N'),  // 21
            (311_299_999, 'E'), // 14
            (280_164_001, 'D'), // 13
            (150_620_900, 'P'), // 22
            (0, '0'),
            (30, 'Y'),
            (31, '0'),
        ];
        for (nine, expected) in golden {
            assert_eq!(check_character(nine), expected, "for {nine}");
        }
    }

    #[test]
    fn hand_computed_codes_validate() {
        for code in ["131052-308T", "010101-123N", "311299-999E", "280164+001D"] {
            assert!(Hetu::parse(code).is_ok(), "{code} should be valid");
        }
    }

    #[test]
    fn wrong_check_character_is_rejected() {
        assert_eq!(
            Hetu::parse("010594Y9033"),
            Err(HetuError::BadCheckCharacter)
        );
        // Letters that are never check characters.
        for c in ['G', 'I', 'O', 'Q', 'Z', 'g', 'ä'] {
            let code = format!("010594Y903{c}");
            assert_eq!(Hetu::parse(&code), Err(HetuError::BadCheckCharacter));
        }
    }

    #[test]
    fn impossible_date_is_rejected() {
        // 2023 is not a leap year.
        assert_eq!(
            Hetu::parse("290223A123H"),
            Err(HetuError::ImpossibleDate { day: 29, month: 2 })
        );
        assert_eq!(
            Hetu::parse("310206A1234"),
            Err(HetuError::ImpossibleDate { day: 31, month: 2 })
        );
        assert_eq!(
            Hetu::parse("001390-1234"),
            Err(HetuError::ImpossibleDate { day: 0, month: 13 })
        );
        // 1900 was not a leap year, 2000 was.
        assert_eq!(
            Hetu::parse("290200-1239"),
            Err(HetuError::ImpossibleDate { day: 29, month: 2 })
        );
    }

    #[test]
    fn leap_day_of_2000_is_a_real_date() {
        // 290200123 mod 31 = 9
        let hetu = Hetu::parse("290200A1239").unwrap();
        assert_eq!(hetu.birth_date(), date(2000, 2, 29));
    }

    #[test]
    fn impossible_date_message_names_day_and_month() {
        let err = Hetu::parse("310206A1234").unwrap_err();
        assert_eq!(
            err.to_string(),
            "the identity code's date part is not a real date (day 31 of month 02)"
        );
    }

    #[test]
    fn unknown_century_sign_is_rejected() {
        assert_eq!(
            Hetu::parse("010594Q9032"),
            Err(HetuError::UnknownCenturySign { sign: 'Q' })
        );
        assert_eq!(
            Hetu::parse("010594G9032"),
            Err(HetuError::UnknownCenturySign { sign: 'G' })
        );
        assert_eq!(
            Hetu::parse("010594ä9032"),
            Err(HetuError::UnknownCenturySign { sign: 'ä' })
        );
        assert_eq!(
            Hetu::parse("010594 9032"),
            Err(HetuError::UnknownCenturySign { sign: ' ' })
        );
        assert_eq!(
            Hetu::parse("010594Q9032").unwrap_err().to_string(),
            "the identity code's century sign `Q` is not one of + - Y X W V U A B C D E F"
        );
    }

    #[test]
    fn every_century_sign_gives_its_century() {
        let cases: [(char, i32); 13] = [
            ('+', 1800),
            ('-', 1900),
            ('Y', 1900),
            ('X', 1900),
            ('W', 1900),
            ('V', 1900),
            ('U', 1900),
            ('A', 2000),
            ('B', 2000),
            ('C', 2000),
            ('D', 2000),
            ('E', 2000),
            ('F', 2000),
        ];
        // 010203123 mod 31 = 10203123 - 31 * 329133 = 0 -> '0'
        assert_eq!(10_203_123 % 31, 0);
        for (sign, century) in cases {
            let code = format!("010203{sign}1230");
            let hetu = Hetu::parse(&code).unwrap();
            assert_eq!(hetu.birth_date(), date(century + 3, 2, 1), "sign {sign}");
            assert_eq!(hetu.century_sign(), sign, "sign is kept as given");
            assert_eq!(hetu.to_code_string(), code);
            assert!(century_signs(century + 3).contains(&sign));
        }
    }

    #[test]
    fn codes_differing_only_in_sign_are_different() {
        let a = Hetu::parse("010594-9032").unwrap();
        let b = Hetu::parse("010594Y9032").unwrap();
        assert_eq!(a.birth_date(), b.birth_date());
        assert_ne!(a, b);
        assert_eq!(a.century_sign(), '-');
        assert_eq!(b.century_sign(), 'Y');
    }

    #[test]
    fn century_signs_list_the_traditional_sign_first() {
        assert_eq!(century_signs(1850), &['+']);
        assert_eq!(century_signs(1999), &['-', 'Y', 'X', 'W', 'V', 'U']);
        assert_eq!(century_signs(2000), &['A', 'B', 'C', 'D', 'E', 'F']);
        assert!(century_signs(1799).is_empty());
        assert!(century_signs(2100).is_empty());
    }

    #[test]
    fn temporary_individual_numbers_are_flagged() {
        assert!(Hetu::parse("010594Y9032").unwrap().is_temporary());
        // 150620900 mod 31 = 22 -> 'P'
        assert!(Hetu::parse("150620A900P").unwrap().is_temporary());
        // 311299999 mod 31 = 14 -> 'E'
        assert!(Hetu::parse("311299-999E").unwrap().is_temporary());
        assert!(!Hetu::parse("131052-308T").unwrap().is_temporary());
        let just_below = Hetu::format_code(date(2001, 1, 1), 899, 'A').unwrap();
        assert!(!Hetu::parse(&just_below).unwrap().is_temporary());
    }

    #[test]
    fn individual_numbers_000_and_001_are_accepted() {
        for individual in [0, 1] {
            let code = Hetu::format_code(date(1980, 6, 15), individual, '-').unwrap();
            assert_eq!(Hetu::parse(&code).unwrap().individual_number(), individual);
        }
        // 280164001 mod 31 = 13 -> 'D'
        assert_eq!(
            Hetu::parse("280164+001D").unwrap().birth_date(),
            date(1864, 1, 28)
        );
    }

    #[test]
    fn non_digit_individual_number_is_rejected() {
        assert_eq!(
            Hetu::parse("010594Y9O32"),
            Err(HetuError::BadIndividualNumber)
        );
        assert_eq!(
            Hetu::parse("010594Y9½32"),
            Err(HetuError::BadIndividualNumber)
        );
    }

    #[test]
    fn non_digit_date_is_rejected() {
        assert_eq!(Hetu::parse("O10594Y9032"), Err(HetuError::BadDateDigits));
        assert_eq!(Hetu::parse("01059٤Y9032"), Err(HetuError::BadDateDigits));
    }

    #[test]
    fn wrong_length_is_rejected() {
        assert_eq!(Hetu::parse(""), Err(HetuError::WrongLength { chars: 0 }));
        assert_eq!(
            Hetu::parse("010594Y903"),
            Err(HetuError::WrongLength { chars: 10 })
        );
        assert_eq!(
            Hetu::parse("010594Y90322"),
            Err(HetuError::WrongLength { chars: 12 })
        );
        assert_eq!(
            Hetu::parse("010594Y903").unwrap_err().to_string(),
            "the identity code has 10 characters; a personal identity code has 11 (DDMMYYCZZZQ)"
        );
        assert_eq!(
            Hetu::parse("x").unwrap_err().to_string(),
            "the identity code has 1 character; a personal identity code has 11 (DDMMYYCZZZQ)"
        );
    }

    #[test]
    fn surrounding_whitespace_is_ignored() {
        let hetu = Hetu::parse(" \t010594Y9032\r\n").unwrap();
        assert_eq!(hetu.to_code_string(), "010594Y9032");
    }

    #[test]
    fn lowercase_is_accepted() {
        let hetu = Hetu::parse("020516c903k").unwrap();
        assert_eq!(hetu.century_sign(), 'C');
        assert_eq!(hetu.to_code_string(), "020516C903K");
        // `y` is `Y`, not `-`.
        let y = Hetu::parse("010594y9032").unwrap();
        assert_eq!(y.century_sign(), 'Y');
        assert_eq!(y, Hetu::parse("010594Y9032").unwrap());
        assert_eq!(y.to_code_string(), "010594Y9032");
    }

    #[test]
    fn from_str_is_parse() {
        let hetu: Hetu = "010594Y9032".parse().unwrap();
        assert_eq!(hetu, Hetu::parse("010594Y9032").unwrap());
        assert_eq!(
            "010594Y9033".parse::<Hetu>(),
            Err(HetuError::BadCheckCharacter)
        );
    }

    #[test]
    fn debug_is_redacted() {
        let hetu = Hetu::parse("010594Y9032").unwrap();
        assert_eq!(format!("{hetu:?}"), "Hetu(<redacted>)");
        assert_eq!(format!("{hetu:#?}"), "Hetu(<redacted>)");
        assert_eq!(format!("{:?}", Some(hetu)), "Some(Hetu(<redacted>))");
    }

    #[test]
    fn errors_never_contain_the_code() {
        // Inputs chosen so that no two-character part coincides with the fixed
        // text of the messages; the day and month of an impossible date are
        // the only parts allowed to appear.
        let cases: [(&str, &[&str]); 8] = [
            ("020594Y903", &[]),            // wrong length
            ("020594Y90322", &[]),          // wrong length
            ("O20594Y9032", &[]),           // date digits
            ("020594Q9032", &[]),           // century sign
            ("020594Y9O32", &[]),           // individual number
            ("310206A2345", &["31", "02"]), // impossible date
            ("290223A2345", &["29", "02"]), // impossible date
            ("020594Y9037", &[]),           // check character
        ];
        for (input, allowed) in cases {
            let err = Hetu::parse(input).unwrap_err();
            assert_no_leak(input, &err, allowed);
        }
    }

    #[test]
    fn format_code_rejects_signs_of_other_centuries() {
        assert_eq!(Hetu::format_code(date(1994, 5, 1), 903, 'A'), None);
        assert_eq!(Hetu::format_code(date(2016, 5, 2), 903, '-'), None);
        assert_eq!(Hetu::format_code(date(1864, 1, 28), 1, 'Y'), None);
        assert_eq!(Hetu::format_code(date(1799, 12, 31), 1, '+'), None);
        assert_eq!(Hetu::format_code(date(2100, 1, 1), 1, 'A'), None);
        assert_eq!(Hetu::format_code(date(2016, 5, 2), 1000, 'A'), None);
        assert_eq!(Hetu::format_code(date(2016, 5, 2), 903, 'c'), None);
        assert_eq!(
            Hetu::format_code(date(2016, 5, 2), 903, 'C').as_deref(),
            Some("020516C903K")
        );
        assert_eq!(
            Hetu::format_code(date(1994, 5, 1), 903, 'Y').as_deref(),
            Some("010594Y9032")
        );
    }

    #[test]
    fn non_ascii_input_does_not_panic() {
        let inputs = [
            "ääääääääääää",
            "010594Y903ä",
            "äää594Y9032",
            "010594ÿ9032",
            "0105９４Y9032",
            "😀😀😀😀😀😀😀😀😀😀😀",
            "010594\u{0301}9032",
            "\u{feff}010594Y9032",
            "010594Y9032\u{a0}",
        ];
        for input in inputs {
            let _ = Hetu::parse(input);
            let _ = crate::text::looks_like_hetu(input);
            let _ = crate::text::redact_hetus(input);
        }
        // Unicode whitespace is not trimmed: only ASCII whitespace is.
        assert!(Hetu::parse("010594Y9032\u{a0}").is_err());
    }
}
