//! The quick route of `dates::parse_date_bytes`: the two forms nearly every
//! export writes, ISO `2026-11-23` and Finnish `23.11.2026` / `1.2.2026`, read straight from
//! their bytes. The plain version the tests hold it to is `dates::parse_general`,
//! which reads every form and says why a text is not a date.
//!
//! What it buys: the ISO form is checked eight bytes at a time (one word for `YYYY-MM-`, instead
//! of a test and a branch per byte), and the Finnish form no longer takes the general route's
//! digit runs. Measured with callgrind on the first 200k rows of the 1M audit (README,
//! "Performance").

use chrono::NaiveDate;

/// The earliest year read: no client, case or deadline is older, so an earlier year (`0026`,
/// `1026`) is a typing error, not a date to compute with.
pub const FIRST_YEAR: i32 = 1800;

/// The date of `bytes` when they are exactly `YYYY-MM-DD` or `D.M.YYYY` (day and month of one or
/// two digits), a real date from [`FIRST_YEAR`] on. `None` for anything else, which then takes
/// the general route: other forms, spaces around the date, a time of day, an impossible date
/// (for its message).
#[inline]
pub(crate) fn date(bytes: &[u8]) -> Option<NaiveDate> {
    let (year, month, day) = match bytes.len() {
        10 if bytes[4] == b'-' => iso(bytes)?,
        8..=10 => finnish(bytes)?,
        _ => return None,
    };
    if year < FIRST_YEAR as u32 {
        return None;
    }
    NaiveDate::from_ymd_opt(year as i32, month, day)
}

/// Year, month and day of exactly `YYYY-MM-DD`.
#[inline]
fn iso(bytes: &[u8]) -> Option<(u32, u32, u32)> {
    let head: [u8; 8] = bytes.get(..8)?.try_into().ok()?;
    let tail: [u8; 2] = bytes.get(8..10)?.try_into().ok()?;
    // `YYYY-MM-` against its template: a digit becomes its value (0 to 9), a dash 0; any other
    // byte leaves a bit in its high nibble, or is a value above 9 (then adding 6 carries into
    // the high nibble). No byte can carry into the next one: each is at most 15 + 6 before the
    // second test.
    let word = u64::from_le_bytes(head) ^ u64::from_le_bytes(*b"0000-00-");
    const HIGH: u64 = 0xf0f0_f0f0_f0f0_f0f0;
    const DASHES: u64 = 0xff00_00ff_0000_0000;
    if word & HIGH != 0
        || word.wrapping_add(0x0606_0606_0606_0606) & HIGH != 0
        || word & DASHES != 0
    {
        return None;
    }
    let digit = |i: u32| (word >> (8 * i)) as u32 & 0xff;
    let year = digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3);
    let month = digit(5) * 10 + digit(6);
    let day = two_digits(tail[0], tail[1])?;
    Some((year, month, day))
}

/// Year, month and day of exactly `D.M.YYYY`, day and month of one or two digits.
#[inline]
fn finnish(bytes: &[u8]) -> Option<(u32, u32, u32)> {
    let (day, rest) = day_or_month(bytes)?;
    let (month, rest) = day_or_month(rest)?;
    let [y0, y1, y2, y3] = *rest else {
        return None;
    };
    let year = two_digits(y0, y1)? * 100 + two_digits(y2, y3)?;
    Some((year, month, day))
}

/// One or two digits and a dot: their value, and what follows the dot.
#[inline]
fn day_or_month(bytes: &[u8]) -> Option<(u32, &[u8])> {
    match *bytes {
        [a, b'.', ref rest @ ..] => Some((one_digit(a)?, rest)),
        [a, b, b'.', ref rest @ ..] => Some((two_digits(a, b)?, rest)),
        _ => None,
    }
}

#[inline]
fn one_digit(byte: u8) -> Option<u32> {
    let digit = byte.wrapping_sub(b'0');
    (digit < 10).then_some(u32::from(digit))
}

#[inline]
fn two_digits(a: u8, b: u8) -> Option<u32> {
    Some(one_digit(a)? * 10 + one_digit(b)?)
}

#[cfg(test)]
mod tests {
    use super::super::parse_general;
    use super::*;
    use proptest::prelude::*;

    /// Where the quick route gives a date, it is the general route's; where the general route
    /// gives one for an exact form the quick route reads, the quick route gives it too.
    fn agrees(text: &str) {
        let general = parse_general(text.as_bytes());
        match date(text.as_bytes()) {
            Some(quick) => assert_eq!(Ok(quick), general, "{text:?}"),
            None => {
                let exact = text.len() == 10 && text.as_bytes()[4] == b'-'
                    || text.bytes().all(|b| b.is_ascii_digit() || b == b'.');
                if exact {
                    assert!(
                        general.is_err(),
                        "{text:?} is a date the quick route missed"
                    );
                }
            }
        }
        let trimmed = parse_general(text.as_bytes().trim_ascii());
        assert_eq!(super::super::parse_date(text), trimmed, "{text:?}");
    }

    #[test]
    fn every_written_day_agrees_with_the_general_route() {
        for year in [
            0, 26, 999, 1026, 1799, 1800, 1900, 1999, 2000, 2024, 2025, 2100, 9999,
        ] {
            for month in 0..=13 {
                for day in 0..=32 {
                    agrees(&format!("{year:04}-{month:02}-{day:02}"));
                    agrees(&format!("{day}.{month}.{year:04}"));
                    agrees(&format!("{day:02}.{month:02}.{year}"));
                    agrees(&format!("{day}.{month:02}.{year:04}"));
                }
            }
        }
    }

    #[test]
    fn near_misses_take_the_general_route() {
        for text in [
            "2026-11-2",
            "2026-1-23",
            "2026/11/23",
            "2026-11-2x",
            "2026-1a-23",
            "2026:11:23",
            "2026-11-23 ",
            " 2026-11-23",
            "202a-11-23",
            "2026-11-23T",
            "23.11.26",
            "23.11.20266",
            "123.1.2026",
            "1.123.2026",
            ".1.12026",
            "1..12026",
            "23,11,2026",
            "23.11.2026.",
            "2026-\u{0}1-23",
            "2026-\u{ff}1-23",
            "2026-:1-23",
            "2026-11/23",
            "2026-11.23",
            "2026.11-23",
            "2026-/1-23",
        ] {
            assert_eq!(date(text.as_bytes()), None, "{text:?}");
            agrees(text);
        }
    }

    proptest! {
        #[test]
        fn quick_route_agrees_with_the_general_route(text in "[0-9.:/ T-]{0,12}") {
            agrees(&text);
        }

        #[test]
        fn any_bytes_agree(bytes in proptest::collection::vec(any::<u8>(), 0..12)) {
            if let Some(quick) = date(&bytes) {
                prop_assert_eq!(Ok(quick), parse_general(&bytes));
            }
        }

        #[test]
        fn near_dates_agree(
            y in 0u32..10000, m in 0u32..100, d in 0u32..100,
            byte in any::<u8>(), at in 0usize..10,
        ) {
            let mut iso = format!("{y:04}-{m:02}-{d:02}").into_bytes();
            iso[at] = byte;
            if let Some(quick) = date(&iso) {
                prop_assert_eq!(Ok(quick), parse_general(&iso));
            }
            let mut fi = format!("{d}.{m}.{y:04}").into_bytes();
            let at = at % fi.len();
            fi[at] = byte;
            if let Some(quick) = date(&fi) {
                prop_assert_eq!(Ok(quick), parse_general(&fi));
            }
        }
    }
}
