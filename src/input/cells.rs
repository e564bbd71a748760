//! What one cell means, from its text: a yes/no flag ([`parse_flag`], a column's own words
//! [`flag_word`]), an age ([`parse_age`]), a care-allowance level ([`parse_care_level`]). Each
//! error quotes no value: the caller adds where it was.

use super::column::Column;
use super::headers::{fold, from_key, names_care_allowance_level, RULES};

/// Why a text is not a yes/no flag. Quotes no value: the caller adds the line and column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("is not yes or no: write 1/0, kyllä/ei, ja/nej, k/e, x or leave it empty")]
pub struct FlagError;

/// Parses a yes/no cell: 1/0, true/false, yes/no, kyllä/ei (also kylla), k/e, Swedish ja/nej
/// and j/n, x/empty, y/n, Excel's TRUE/FALSE in Finnish (tosi/epätosi) and Swedish
/// (sant/falskt), in any case, surrounding spaces ignored; empty is no. Excel users mark
/// flags in all these ways. (A column's own word, `kiireellinen`/`ei kiireellinen`, is
/// [`flag_word`].)
pub fn parse_flag(text: &str) -> Result<bool, FlagError> {
    // Runs for several cells of every row: lowercase into a small buffer, then compare bytes.
    let text = text.trim().as_bytes();
    let mut buffer = [0u8; 8];
    if text.len() > buffer.len() {
        return Err(FlagError);
    }
    let lower = &mut buffer[..text.len()];
    for (slot, byte) in lower.iter_mut().zip(text) {
        *slot = byte.to_ascii_lowercase();
    }
    // The only non-ASCII letter of the words: `Ä` (C3 84) is `ä` (C3 A4), at the end of
    // `KYLLÄ` and third in `EPÄTOSI`.
    if let [.., 0xC3, last @ 0x84] = lower {
        *last = 0xA4;
    }
    if let [b'e', b'p', 0xC3, third @ 0x84, ..] = lower {
        *third = 0xA4;
    }
    match &*lower {
        b"" | b"0" | b"false" | b"no" | b"n" | b"ei" | b"e" | b"nej" | b"ej"
        | b"ep\xC3\xA4tosi" | b"epatosi" | b"falskt" => Ok(false),
        b"1" | b"true" | b"yes" | b"y" | b"kyll\xC3\xA4" | b"kylla" | b"k" | b"x" | b"ja"
        | b"j" | b"tosi" | b"sant" => Ok(true),
        _ => Err(FlagError),
    }
}

/// The oldest age accepted: older than anyone has lived, so a larger number is a typing error
/// (defined with the case's validation, [`crate::evaluation::CaseError::AgeOutOfRange`]).
pub use crate::evaluation::MAX_AGE;

/// Why a text is not an age. Quotes no value: the caller adds where it was.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("must be a whole number of years from 0 to {MAX_AGE}")]
pub struct AgeError;

/// Parses an age in whole years, 0 to [`MAX_AGE`], surrounding spaces ignored: the age column
/// and `check --age` follow this one rule.
pub fn parse_age(text: &str) -> Result<u32, AgeError> {
    text.trim()
        .parse::<u32>()
        .ok()
        .filter(|age| *age <= MAX_AGE)
        .ok_or(AgeError)
}

/// Letters and digits of a short cell, lowercased and folded like a header, in a buffer on the
/// stack: the cells that are not plain yes/no come on every row of some exports.
fn cell_key<'a>(text: &str, buffer: &'a mut [u8; 64]) -> Option<&'a str> {
    let mut length = 0;
    for c in text.chars().filter(|c| c.is_alphanumeric()) {
        for lower in c.to_lowercase() {
            let folded = fold(lower);
            let end = length + folded.len_utf8();
            folded.encode_utf8(buffer.get_mut(length..end)?);
            length = end;
        }
    }
    std::str::from_utf8(&buffer[..length]).ok()
}

/// Words that turn a cell's word into its negation: `ei kiireellinen`, `icke brådskande`,
/// `not urgent`, `non-urgent`, `ingen funktionsnedsättning`.
const NEGATIONS: [&str; 9] = [
    "eiole", "ei", "not", "non", "no", "ej", "inte", "icke", "ingen",
];

/// A flag cell that names its column's own word, or its negation: `kiireellinen` and
/// `ei kiireellinen`/`kiireetön` in an urgency column, `brådskande`/`icke brådskande`,
/// `vammainen`, `lastensuojelu`; `normaali`/`normal` in an urgency column is a no; in a column of
/// the highest care allowance also a level in words
/// (`ylin` yes, `korotettu`/`perus` no). `None` for anything else.
pub fn flag_word(column: Column, text: &str) -> Option<bool> {
    let mut buffer = [0u8; 64];
    let key = cell_key(text, &mut buffer)?;
    // An urgency column's other class: `normaali`, `tavallinen`, `normal`, `routine`.
    const NOT_URGENT: [&str; 6] = [
        "normaali",
        "tavallinen",
        "normal",
        "routine",
        "rutin",
        "ordinary",
    ];
    if column == Column::Urgent && NOT_URGENT.contains(&key) {
        return Some(false);
    }
    let names = |key: &str| {
        let named = from_key(key) == Some(column)
            || RULES
                .iter()
                .any(|rule| rule.column == column && rule.fits(key, &[key]));
        // In a column of the highest care allowance, only the highest is a yes.
        named && (column != Column::CareAllowance || !names_care_allowance_level(key))
    };
    for negation in NEGATIONS {
        if key
            .strip_prefix(negation)
            .is_some_and(|rest| !rest.is_empty() && names(rest))
        {
            return Some(false);
        }
    }
    // Finnish -ton/-tön, "without": `kiireetön`.
    if key.ends_with("ton") && names(key) {
        return Some(false);
    }
    if names(key) {
        return Some(true);
    }
    // A level in a column of the highest care allowance: `ylin` is a yes, `korotettu` a no.
    if column == Column::CareAllowance && !key.bytes().all(|byte| byte.is_ascii_digit()) {
        return parse_care_level(text)
            .ok()
            .map(|level| level == CareLevel::Highest);
    }
    None
}

/// The level of a care allowance (hoitotuki), as a column that names only the allowance gives it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CareLevel {
    /// No allowance.
    None,
    /// Perushoitotuki, grundbelopp, basic: level 1.
    Basic,
    /// Korotettu hoitotuki, förhöjt vårdbidrag, increased: level 2.
    Increased,
    /// Ylin hoitotuki, högsta vårdbidrag, highest: level 3, the group with its own deadline.
    Highest,
}

/// Why a cell of a care-allowance level column was not read. Quotes no value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum CareLevelError {
    /// A yes without the level.
    #[error(
        "says the client has a care allowance but not its level: write ylin, korotettu or perus \
         (högsta, förhöjt, grund; or 3, 2, 1; only the highest has its own deadline), or name the \
         column \"Ylin hoitotuki\" if it says yes or no to the highest level"
    )]
    BareYes,
    /// Neither a level nor a no.
    #[error(
        "is not a care allowance level: write ylin, korotettu or perus (högsta, förhöjt, grund; \
         or 3, 2, 1), or leave it empty (or ei/0) for none"
    )]
    Unknown,
}

/// Parses a cell of a care-allowance level column: `ylin`/`korotettu`/`perus`, `3`/`2`/`1`,
/// Swedish `högsta`/`förhöjt`/`grund`, English `highest`/`increased`/`basic`, also as part of a
/// longer text (`ylin hoitotuki`, `förhöjt vårdbidrag`); empty, `0` and the ways of writing no are
/// none. A yes (`kyllä`, `x`) is [`CareLevelError::BareYes`].
pub fn parse_care_level(text: &str) -> Result<CareLevel, CareLevelError> {
    match text.trim() {
        "3" => return Ok(CareLevel::Highest),
        "2" => return Ok(CareLevel::Increased),
        "1" => return Ok(CareLevel::Basic),
        _ => {}
    }
    match parse_flag(text) {
        Ok(false) => return Ok(CareLevel::None),
        Ok(true) => return Err(CareLevelError::BareYes),
        Err(_) => {}
    }
    let mut buffer = [0u8; 64];
    let key = cell_key(text, &mut buffer).ok_or(CareLevelError::Unknown)?;
    // `ei hoitotukea`, `ingen vårdbidrag`.
    let allowance = |rest: &str| {
        ["hoitotu", "vardbidr", "careallow"]
            .iter()
            .any(|s| rest.contains(s))
    };
    if NEGATIONS
        .iter()
        .any(|negation| key.strip_prefix(negation).is_some_and(allowance))
    {
        return Ok(CareLevel::None);
    }
    const LEVELS: [(CareLevel, &[&str]); 3] = [
        (
            CareLevel::Highest,
            &[
                "ylin", "ylim", "korkein", "hogst", "highest", "taso3", "level3",
            ],
        ),
        (
            CareLevel::Increased,
            &["korot", "forhoj", "increased", "raised", "taso2", "level2"],
        ),
        (
            CareLevel::Basic,
            &[
                "perus", "grund", "basic", "alin", "lowest", "taso1", "level1",
            ],
        ),
    ];
    LEVELS
        .iter()
        .find(|(_, stems)| stems.iter().any(|stem| key.contains(stem)))
        .map(|(level, _)| *level)
        .ok_or(CareLevelError::Unknown)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_cell_is_no_word() {
        assert_eq!(flag_word(Column::Urgent, &"kiire".repeat(20)), None);
    }
}
