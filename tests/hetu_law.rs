//! Laws of the identity code: `format_code` and `parse` are inverses over
//! every valid birth date, individual number and century sign, and `parse`
//! never panics nor leaks the code into its error messages.

use chrono::{Datelike, Days, NaiveDate};
use maaraika::hetu::{century_signs, Hetu};
use maaraika::text::looks_like_hetu;
use proptest::prelude::*;

/// The check characters, written out independently of the module.
const ALPHABET: &str = "0123456789ABCDEFHJKLMNPRSTUVWXY";

fn first_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(1800, 1, 1).unwrap()
}

fn last_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2099, 12, 31).unwrap()
}

/// A birth date in 1800-01-01..=2099-12-31.
fn birth_date() -> impl Strategy<Value = NaiveDate> {
    let span = (last_day() - first_day()).num_days() as u64;
    (0..=span).prop_map(|offset| first_day().checked_add_days(Days::new(offset)).unwrap())
}

/// Strings made of characters that occur in identity codes (no spaces), so
/// that no three-character part can coincide with the fixed message text.
fn hetu_like() -> impl Strategy<Value = String> {
    "[0-9+\\-A-FUVWXa-f]{9,13}"
}

proptest! {
    #[test]
    fn format_code_round_trips_through_parse(birth in birth_date(), individual in 0u16..=999) {
        let signs = century_signs(birth.year());
        prop_assert!(!signs.is_empty());
        for &sign in signs {
            let code = Hetu::format_code(birth, individual, sign).unwrap();
            prop_assert_eq!(code.chars().count(), 11);
            prop_assert!(looks_like_hetu(&code));

            // The check character, recomputed from the text.
            let nine: u32 = format!("{}{}", &code[0..6], &code[7..10]).parse().unwrap();
            let expected = ALPHABET.as_bytes()[(nine % 31) as usize] as char;
            prop_assert_eq!(code.chars().last(), Some(expected));

            let hetu = Hetu::parse(&code).unwrap();
            prop_assert_eq!(hetu.birth_date(), birth);
            prop_assert_eq!(hetu.century_sign(), sign);
            prop_assert_eq!(hetu.individual_number(), individual);
            prop_assert_eq!(hetu.is_temporary(), individual >= 900);
            prop_assert_eq!(hetu.to_code_string(), code.clone());

            // Lowercase and surrounding whitespace give the same code.
            let lower = Hetu::parse(&format!(" {}\t", code.to_lowercase())).unwrap();
            prop_assert_eq!(lower, hetu);
        }
    }

    #[test]
    fn signs_of_other_centuries_are_refused(birth in birth_date(), individual in 0u16..=999) {
        for year in [1850, 1950, 2050] {
            for &sign in century_signs(year) {
                let fits = century_signs(birth.year()).contains(&sign);
                prop_assert_eq!(Hetu::format_code(birth, individual, sign).is_some(), fits);
            }
        }
    }

    #[test]
    fn arbitrary_strings_never_panic_parse(text in any::<String>()) {
        let _ = Hetu::parse(&text);
        let _ = looks_like_hetu(&text);
    }

    #[test]
    fn printable_strings_never_panic_parse(text in "\\PC{0,20}") {
        if let Ok(hetu) = Hetu::parse(&text) {
            prop_assert!(looks_like_hetu(&text));
            prop_assert_eq!(Hetu::parse(&hetu.to_code_string()), Ok(hetu));
        }
    }

    #[test]
    fn errors_never_contain_three_characters_of_the_code(text in hetu_like()) {
        if let Err(err) = Hetu::parse(&text) {
            let chars: Vec<char> = text.chars().collect();
            let outputs = [err.to_string(), format!("{err:?}")];
            // The personal part of a code is its digits: no run of three characters with at least
            // two digits may be repeated (words such as variant names are not the code).
            for window in chars.windows(3).filter(|w| w.iter().filter(|c| c.is_ascii_digit()).count() >= 2) {
                let part: String = window.iter().collect();
                for output in &outputs {
                    prop_assert!(!output.contains(&part), "{:?} contains {:?}", output, part);
                }
            }
        }
    }

    #[test]
    fn parsed_codes_look_like_codes(birth in birth_date(), individual in 0u16..=999, pick in any::<prop::sample::Index>()) {
        let signs = century_signs(birth.year());
        let sign = signs[pick.index(signs.len())];
        let code = Hetu::format_code(birth, individual, sign).unwrap();
        prop_assert!(looks_like_hetu(&code));
        let padded = format!("\n{code} ");
        prop_assert!(looks_like_hetu(&padded));
    }
}
