//! Text from a case list made safe to show, in one place: identity codes redacted (see
//! [`redact_hetus`]), control and invisible characters made visible, and cells of
//! CSV meant for people kept from starting a spreadsheet formula.
//!
//! A case id or unit is whatever the client system or a person typed, and it ends up on a
//! terminal, in a spreadsheet and in files other people open. So:
//!
//! - every control character (C0 and C1, DEL, a NUL, the ESC that starts a terminal escape
//!   sequence, a line break or tab inside a value) and every invisible formatting character
//!   (zero-width space, joiner and non-joiner, soft hyphen, word joiner, BOM, bidirectional
//!   overrides and isolates, variation selectors) is shown as `?`: one character for one;
//! - an identity code is found through such characters (`0105\u{200b}94Y9032` is a code), so
//!   hiding one inside a code does not hide the code from the redaction;
//! - in CSV for people (`--excel`, the `--errors` file) a cell that a spreadsheet would read as
//!   a formula (`=`, `+`, `-`, `@`, a tab or CR first, and not a number) gets a `'` in front,
//!   as OWASP's guidance on CSV injection says.

use std::borrow::Cow;

/// What a hidden character is shown as.
pub const HIDDEN: char = '?';

/// Whether `c` is a control character or a character that shows nothing (or reorders what is
/// shown): such characters are never written out as they are.
pub fn is_hidden(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{ad}'
                | '\u{34f}'
                | '\u{600}'..='\u{605}'
                | '\u{61c}'
                | '\u{6dd}'
                | '\u{70f}'
                | '\u{115f}'
                | '\u{1160}'
                | '\u{17b4}'
                | '\u{17b5}'
                | '\u{180b}'..='\u{180f}'
                | '\u{200b}'..='\u{200f}'
                | '\u{2028}'..='\u{202e}'
                | '\u{2060}'..='\u{206f}'
                | '\u{3164}'
                | '\u{fe00}'..='\u{fe0f}'
                | '\u{feff}'
                | '\u{ffa0}'
                | '\u{fff9}'..='\u{fffb}'
                | '\u{1bca0}'..='\u{1bca3}'
                | '\u{1d173}'..='\u{1d17a}'
                | '\u{e0000}'..='\u{e0fff}'
        )
}

/// Whether `c` is looked through when identity codes are looked for: a hidden character, or a
/// combining mark (`0\u{301}10594Y9032` is a code with an accent on its first digit).
fn is_looked_through(c: char) -> bool {
    is_hidden(c)
        || matches!(
            c,
            '\u{300}'..='\u{36f}'
                | '\u{1ab0}'..='\u{1aff}'
                | '\u{1dc0}'..='\u{1dff}'
                | '\u{20d0}'..='\u{20ff}'
                | '\u{fe20}'..='\u{fe2f}'
        )
}

/// Whether every byte is printable ASCII (space to `~`): no control character, nothing hidden,
/// nothing to decode. The text of nearly every case id and unit. (Eight bytes at a time did not
/// pay on the 1M audit, where such texts are short: README, "Performance".)
pub fn is_plain(bytes: &[u8]) -> bool {
    bytes.iter().all(|b| (0x20..0x7f).contains(b))
}

/// Whether `text` holds a hidden character (see [`is_hidden`]).
pub fn has_hidden(text: &str) -> bool {
    !is_plain(text.as_bytes()) && text.chars().any(is_hidden)
}

/// Whether `text` holds something an identity code could hide behind: a hidden character or a
/// combining mark.
pub fn may_hide_code(text: &str) -> bool {
    !is_plain(text.as_bytes()) && text.chars().any(is_looked_through)
}

/// How many bytes starting at byte `at` of `text` (a character boundary) an identity code is
/// looked for through: a terminal escape sequence (`ESC [ … m`, or one started by the
/// one-character CSI) as a whole, or one hidden character or combining mark; 0 for any other
/// character.
///
/// Used where a code is looked for through hidden text: `0105\x1b[1m94Y9032` is a code.
pub fn hidden_len(text: &str, at: usize) -> usize {
    let rest = &text[at..];
    let Some(c) = rest.chars().next() else {
        return 0;
    };
    if !is_looked_through(c) {
        return 0;
    }
    let after = match (c, rest.as_bytes().get(1)) {
        ('\u{1b}', Some(b'[')) => 2,
        ('\u{9b}', _) => c.len_utf8(),
        _ => return c.len_utf8(),
    };
    // Parameter and intermediate bytes, then one final byte (ECMA-48 5.4).
    let bytes = rest.as_bytes();
    let mut end = after;
    while end < bytes.len() && (0x20..=0x3f).contains(&bytes[end]) {
        end += 1;
    }
    if end < bytes.len() && (0x40..=0x7e).contains(&bytes[end]) {
        end + 1
    } else {
        // Not a whole sequence: only the character itself.
        c.len_utf8()
    }
}

/// `text` with every hidden character shown as `?`. Borrowed when there was none.
pub fn visible(text: &str) -> Cow<'_, str> {
    if !has_hidden(text) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| if is_hidden(c) { HIDDEN } else { c })
            .collect(),
    )
}

/// Text from the input as every output shows it: identity codes redacted (also through hidden
/// characters) unless `show_hetu`, and hidden characters shown as `?` (but those inside a code
/// shown with `show_hetu`, which are taken out).
pub fn shown(text: &str, show_hetu: bool) -> Cow<'_, str> {
    let redacted = if show_hetu {
        // A code asked for is shown without the hidden characters inside it: as `?` they would
        // hide it from the redaction of messages and the errors file.
        unhide_codes(text)
    } else {
        redact_hetus(text)
    };
    match redacted {
        Cow::Borrowed(text) => visible(text),
        Cow::Owned(text) => Cow::Owned(visible(&text).into_owned()),
    }
}

/// Whether a spreadsheet would read a cell holding `text` as a formula: it starts with `=`,
/// `+`, `-`, `@`, a tab or a carriage return, and is not a plain number (`-5`, `+3,5`).
pub fn starts_formula(text: &[u8]) -> bool {
    match text.first() {
        Some(b'=' | b'@' | b'\t' | b'\r') => true,
        Some(b'+' | b'-') => !is_number(&text[1..]),
        _ => false,
    }
}

/// Digits, optionally with a decimal point or comma between them.
fn is_number(text: &[u8]) -> bool {
    let (whole, fraction) = match text.iter().position(|&b| b == b'.' || b == b',') {
        Some(at) => (&text[..at], Some(&text[at + 1..])),
        None => (text, None),
    };
    let digits = |part: &[u8]| !part.is_empty() && part.iter().all(u8::is_ascii_digit);
    digits(whole) && fraction.is_none_or(digits)
}

/// A cell of CSV meant for people (`--excel`, the `--errors` file): `text`, with a `'` in front
/// when a spreadsheet would otherwise run it as a formula. The one place this is decided; plain
/// CSV for programs and JSON keep text exactly.
pub fn spreadsheet_cell(text: &str) -> Cow<'_, str> {
    if starts_formula(text.as_bytes()) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

// Identity codes in free text: found (also through hidden characters) and redacted.

/// True if `text` looks like an identity code, used to detect codes in free
/// text so that they can be redacted.
///
/// After trimming ASCII whitespace the text must have 11 ASCII characters:
/// six digits, a century sign (either case) at index 6, three digits and a
/// letter or digit. The date and check character are deliberately not
/// verified, so that mistyped codes are redacted too. Cheap: no allocation.
pub fn looks_like_hetu(text: &str) -> bool {
    let bytes = text
        .trim_matches(|c: char| c.is_ascii_whitespace())
        .as_bytes();
    // Exactly 11 bytes and all ASCII means exactly 11 characters.
    bytes.len() == crate::hetu::CODE_LENGTH && is_code_shaped(bytes)
}

/// Whether 11 bytes have the shape of a code: six digits, a century sign, three digits and a
/// letter or digit.
fn is_code_shaped(bytes: &[u8]) -> bool {
    is_code_start(bytes)
        && bytes[7..10].iter().all(u8::is_ascii_digit)
        && bytes[10].is_ascii_alphanumeric()
}

/// What an identity code is replaced with in redacted text.
pub const REDACTED: &str = "[henkilötunnus]";

/// `text` with every identity code in it replaced by [`REDACTED`]: the whole text when it
/// [`looks_like_hetu`], and otherwise every run of 11 characters inside it that does and whose
/// day (01-31) and month (01-12) could be a date. Borrowed exactly when nothing was replaced.
///
/// Messages and free-text fields (case ids, units, values quoted in errors) pass through this,
/// so that a code typed into the wrong column, or next to other text (`Matti 010594Y9032`),
/// is not repeated either. The date check keeps case numbers like `SH-202611-0001` readable.
///
/// Every such run is found, wherever it starts: code-shaped text in front of a code
/// (`231126-1010594Y9032`), or two codes run together (`010594Y903020516C903K`), are replaced
/// as one, so that no part of a real code is left. Control and invisible characters
/// ([`is_hidden`]), combining marks and terminal escape sequences are looked through
/// (`0105\u{200b}94Y9032` is a code) and replaced with the code they are in.
pub fn redact_hetus(text: &str) -> std::borrow::Cow<'_, str> {
    // Every case id and unit of an audit passes through here, and nearly all of them are
    // shorter than a code or hold no digits followed by a century sign, without which nothing
    // can match.
    if text.len() < crate::hetu::CODE_LENGTH {
        return std::borrow::Cow::Borrowed(text);
    }
    if may_hide_code(text) {
        // A code has nine digits: most text with an accent or a hidden character has fewer.
        if text.bytes().filter(u8::is_ascii_digit).count() < 9 {
            return std::borrow::Cow::Borrowed(text);
        }
        return redact_through_hidden(text);
    }
    if !may_hold_code(text.as_bytes()) {
        return std::borrow::Cow::Borrowed(text);
    }
    redact_found_hetus(text)
}

/// [`redact_hetus`] for text without hidden characters that may hold a code. Not inlined into
/// it: the quick answer for all other text then needs none of the set-up the replacing takes.
#[inline(never)]
fn redact_found_hetus(text: &str) -> std::borrow::Cow<'_, str> {
    use std::borrow::Cow;
    if looks_like_hetu(text) {
        return Cow::Owned(REDACTED.to_owned());
    }
    let spans = code_spans(text.as_bytes());
    if spans.is_empty() {
        return Cow::Borrowed(text);
    }
    Cow::Owned(replaced(text, &spans))
}

/// [`redact_hetus`] for text with hidden characters: the codes are looked for in the text
/// without them, and each is replaced from its first character to its last in the text as it
/// is, the hidden characters between them included.
#[cold]
#[inline(never)]
fn redact_through_hidden(text: &str) -> std::borrow::Cow<'_, str> {
    use std::borrow::Cow;
    match spans_through_hidden(text) {
        (true, _) => Cow::Owned(REDACTED.to_owned()),
        (false, spans) if spans.is_empty() => Cow::Borrowed(text),
        (false, spans) => Cow::Owned(replaced(text, &spans)),
    }
}

/// `text` with the hidden characters inside identity codes taken out, so that a code shown on
/// request (`--show-hetu`) reads as the code it is, and is still found by [`redact_hetus`]
/// once its hidden characters are shown as `?` elsewhere. Borrowed when nothing was taken out.
pub fn unhide_codes(text: &str) -> std::borrow::Cow<'_, str> {
    use std::borrow::Cow;
    if !may_hide_code(text) || text.bytes().filter(u8::is_ascii_digit).count() < 9 {
        return Cow::Borrowed(text);
    }
    let (_, spans) = spans_through_hidden(text);
    if spans.is_empty() {
        return Cow::Borrowed(text);
    }
    let mut shown = String::with_capacity(text.len());
    let mut copied = 0;
    for span in spans {
        shown.push_str(&text[copied..span.start]);
        let mut i = span.start;
        while i < span.end {
            let hidden = hidden_len(text, i);
            if hidden > 0 {
                i += hidden;
            } else {
                let len = text[i..].chars().next().map_or(1, char::len_utf8);
                shown.push_str(&text[i..i + len]);
                i += len;
            }
        }
        copied = span.end;
    }
    shown.push_str(&text[copied..]);
    Cow::Owned(shown)
}

/// Where the codes are in text with hidden characters, looked for in the text without them:
/// each from its first character to its last in `text`, the hidden characters between them
/// included. True with the one span of the whole code when the text is one code.
fn spans_through_hidden(text: &str) -> (bool, Vec<std::ops::Range<usize>>) {
    // The text without its hidden parts, and where each of its bytes is in `text`.
    let mut seen = Vec::with_capacity(text.len());
    let mut at = Vec::with_capacity(text.len());
    let mut i = 0;
    while i < text.len() {
        let hidden = hidden_len(text, i);
        if hidden > 0 {
            i += hidden;
            continue;
        }
        let len = text[i..].chars().next().map_or(1, char::len_utf8);
        seen.extend_from_slice(&text.as_bytes()[i..i + len]);
        at.extend(i..i + len);
        i += len;
    }
    let to_text = |span: std::ops::Range<usize>| at[span.start]..at[span.end - 1] + 1;
    let trimmed = seen.trim_ascii();
    if trimmed.len() == crate::hetu::CODE_LENGTH && is_code_shaped(trimmed) {
        let start = seen.len() - seen.trim_ascii_start().len();
        return (true, vec![to_text(start..start + crate::hetu::CODE_LENGTH)]);
    }
    (false, code_spans(&seen).into_iter().map(to_text).collect())
}

/// Where the codes in `bytes` are: every run of 11 bytes that [`embedded_code_at`], runs that
/// overlap taken together, in order.
fn code_spans(bytes: &[u8]) -> Vec<std::ops::Range<usize>> {
    let mut spans: Vec<std::ops::Range<usize>> = Vec::new();
    for start in 0..(bytes.len() + 1).saturating_sub(crate::hetu::CODE_LENGTH) {
        if embedded_code_at(&bytes[start..start + crate::hetu::CODE_LENGTH]) {
            match spans.last_mut() {
                Some(last) if start < last.end => last.end = start + crate::hetu::CODE_LENGTH,
                _ => spans.push(start..start + crate::hetu::CODE_LENGTH),
            }
        }
    }
    spans
}

/// `text` with each of `spans` (in order, apart, on character boundaries) replaced by
/// [`REDACTED`].
fn replaced(text: &str, spans: &[std::ops::Range<usize>]) -> String {
    let mut redacted = String::with_capacity(text.len() + REDACTED.len() * spans.len());
    let mut copied = 0;
    for span in spans {
        redacted.push_str(&text[copied..span.start]);
        redacted.push_str(REDACTED);
        copied = span.end;
    }
    redacted.push_str(&text[copied..]);
    redacted
}

/// True when [`redact_hetus`] would change `text`: it holds something that looks like an
/// identity code.
pub fn contains_hetu_like(text: &str) -> bool {
    matches!(redact_hetus(text), std::borrow::Cow::Owned(_))
}

/// Whether a byte is a century sign, in either case.
fn is_century_sign(byte: u8) -> bool {
    crate::hetu::century_start(char::from(byte.to_ascii_uppercase())).is_some()
}

/// Six digits and a century sign: how every identity code begins.
const CODE_START: usize = 7;

/// Whether `bytes` begin with six ASCII digits followed by a century sign.
fn is_code_start(bytes: &[u8]) -> bool {
    bytes.len() >= CODE_START
        && is_century_sign(bytes[6])
        && bytes[..6].iter().all(u8::is_ascii_digit)
}

/// Whether `bytes` are long enough for a code and six ASCII digits followed by a century sign
/// occur anywhere in them: false means that neither [`looks_like_hetu`] nor the search for
/// embedded codes can find anything. (Looking at every sixth byte only did not pay on the 1M
/// audit, where most texts are shorter than a code: README, "Performance".)
pub(crate) fn may_hold_code(bytes: &[u8]) -> bool {
    bytes.len() >= crate::hetu::CODE_LENGTH && bytes.windows(CODE_START).any(is_code_start)
}

/// Whether 11 bytes look like an identity code with a plausible day and month.
fn embedded_code_at(window: &[u8]) -> bool {
    let two = |i: usize| u32::from(window[i] - b'0') * 10 + u32::from(window[i + 1] - b'0');
    is_code_shaped(window) && (1..=31).contains(&two(0)) && (1..=12).contains(&two(2))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hetu::{century_signs, Hetu};
    use chrono::NaiveDate;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn plain_is_printable_ascii_exactly() {
        for len in 0..=20 {
            for at in 0..len {
                for byte in 0..=255u8 {
                    let mut text = vec![b'a'; len];
                    text[at] = byte;
                    assert_eq!(is_plain(&text), (0x20..0x7f).contains(&byte), "{text:?}");
                }
            }
        }
        assert!(is_plain(b""));
        assert!(!is_plain("Kotihoito Itä".as_bytes()));
    }

    #[test]
    fn hidden_characters_are_shown_as_question_marks() {
        assert_eq!(visible("SH-1"), "SH-1");
        assert_eq!(visible("Kotihoito Itä"), "Kotihoito Itä");
        assert_eq!(visible("\u{1b}[31mred\u{7}"), "?[31mred?");
        assert_eq!(
            visible("a\u{0}b\u{200b}c\u{feff}d\u{ad}e\u{202e}f\u{9b}"),
            "a?b?c?d?e?f?"
        );
        assert_eq!(visible("rivi\r\nrivi\t"), "rivi??rivi?");
        assert!(matches!(visible("ä ö å € – “x”"), Cow::Borrowed(_)));
    }

    #[test]
    fn escape_sequences_are_hidden_as_a_whole() {
        let text = "a\u{1b}[1;31mb\u{1b}c\u{9b}2Jd\u{1b}[";
        assert_eq!(hidden_len(text, 0), 0);
        assert_eq!(hidden_len(text, 1), 7);
        assert_eq!(hidden_len(text, 9), 1);
        assert_eq!(hidden_len(text, 11), 4);
        assert_eq!(hidden_len(text, 16), 1);
    }

    #[test]
    fn formulas_are_recognised_and_numbers_are_not() {
        for formula in [
            "=1+1",
            "=HYPERLINK(\"http://x\",\"click\")",
            "+1+2",
            "@SUM(1+1)",
            "-2+3",
            "\tx",
            "\rx",
            "-",
            "+",
            "-1,",
            "--1",
            "-1.2.3",
        ] {
            assert!(starts_formula(formula.as_bytes()), "{formula}");
            assert_eq!(spreadsheet_cell(formula), format!("'{formula}"));
        }
        for kept in [
            "",
            "SH-1",
            "-5",
            "+3,5",
            "-0.25",
            "12",
            "'=1",
            " =1",
            "Kotihoito",
        ] {
            assert!(!starts_formula(kept.as_bytes()), "{kept}");
            assert_eq!(spreadsheet_cell(kept), kept);
        }
    }

    #[test]
    fn looks_like_hetu_detects_codes_and_typos() {
        assert!(looks_like_hetu("010594Y9032"));
        assert!(looks_like_hetu(" 020516c903k "));
        assert!(looks_like_hetu("010594Y9033")); // wrong check character
        assert!(looks_like_hetu("310206A2345")); // impossible date
        assert!(!looks_like_hetu("010594Q9032"));
        assert!(!looks_like_hetu("010594Y903"));
        assert!(!looks_like_hetu("sosiaalityö"));
        assert!(!looks_like_hetu("kokoontumis"));
        assert!(!looks_like_hetu("010594Y903ä"));
        assert!(!looks_like_hetu(""));
    }

    #[test]
    fn codes_inside_text_are_redacted() {
        assert_eq!(redact_hetus("010594Y9032"), REDACTED);
        assert_eq!(redact_hetus(" 310206A2345 "), REDACTED);
        assert_eq!(
            redact_hetus("Matti 010594Y9032, 020516c903k."),
            format!("Matti {REDACTED}, {REDACTED}.")
        );
        assert_eq!(redact_hetus("x010594-9032y"), format!("x{REDACTED}y"));
        assert_eq!(redact_hetus("ä010594Y9032ö"), format!("ä{REDACTED}ö"));
        for kept in ["SH-202611-0001", "SH-2026-0101", "", "23.11.2026", "kyllä"] {
            assert_eq!(redact_hetus(kept), kept);
            assert!(!contains_hetu_like(kept));
        }
        assert!(contains_hetu_like("hetu 010594Y9032"));
    }

    #[test]
    fn text_the_quick_look_passes_over_holds_no_code() {
        // Every text of up to 12 bytes made of a digit, a century sign and something else:
        // where the quick look finds no code start, the full search finds no code either.
        let alphabet = [b'1', b'-', b'x'];
        let mut texts = vec![Vec::new()];
        for _ in 0..12 {
            texts = texts
                .iter()
                .flat_map(|text| {
                    alphabet.iter().map(move |&b| {
                        let mut longer = text.clone();
                        longer.push(b);
                        longer
                    })
                })
                .collect();
            for text in &texts {
                let text = std::str::from_utf8(text).unwrap();
                if !may_hold_code(text.as_bytes()) {
                    assert!(
                        matches!(redact_found_hetus(text), std::borrow::Cow::Borrowed(_)),
                        "{text:?}"
                    );
                }
            }
        }
        assert!(!may_hold_code(b"C00000123"));
        assert!(!may_hold_code(b"010594Y903"));
        assert!(!may_hold_code("Lapsiperheiden palvelut".as_bytes()));
        assert!(may_hold_code(b"Matti 010594y9032"));
    }

    #[test]
    fn code_shaped_text_in_front_of_a_code_does_not_shift_the_redaction() {
        // `231126-1010` looks like a code too; the real code after it is redacted with it.
        assert_eq!(redact_hetus("231126-1010594Y9032"), REDACTED);
        assert_eq!(
            redact_hetus("x231126-1010594Y9032 y"),
            format!("x{REDACTED} y")
        );
        // Two codes run together: the first one's check character is the second one's start.
        assert_eq!(redact_hetus("010594Y903020516C903K"), REDACTED);
        assert_eq!(
            redact_hetus("a 010594Y9032020516C903K b"),
            format!("a {REDACTED}{REDACTED} b")
        );
    }

    #[test]
    fn codes_are_found_through_hidden_characters() {
        for hidden in [
            "\u{200b}",
            "\u{200c}",
            "\u{200d}",
            "\u{ad}",
            "\u{2060}",
            "\u{feff}",
            "\u{0}",
            "\u{1b}[31m",
            "\u{1b}[0m",
            "\u{9b}1m",
            "\u{202e}",
            "\n",
            "\t",
            "\u{301}",
            "\u{fe0f}",
            "\u{34f}",
        ] {
            for at in 1..11 {
                let code = format!("{}{hidden}{}", &"010594Y9032"[..at], &"010594Y9032"[at..]);
                assert_eq!(redact_hetus(&code), REDACTED, "{at} {hidden:?}");
                assert_eq!(
                    redact_hetus(&format!("Matti {code}, ä")),
                    format!("Matti {REDACTED}, ä"),
                    "{at} {hidden:?}"
                );
            }
        }
        // Hidden characters elsewhere are left for the caller to show.
        assert_eq!(redact_hetus("SH-1\u{200b}2345678"), "SH-1\u{200b}2345678");
        assert_eq!(
            redact_hetus("\u{1b}[1m010594Y9032\u{1b}[0m x"),
            format!("\u{1b}[1m{REDACTED}\u{1b}[0m x")
        );
    }

    #[test]
    fn hidden_characters_inside_a_code_shown_on_request_are_taken_out() {
        assert_eq!(unhide_codes("0105\u{200b}94Y\u{1b}[1m9032"), "010594Y9032");
        assert_eq!(
            unhide_codes("\u{feff}Matti 0105\u{ad}94Y9032\u{200b} x\u{200b}"),
            "\u{feff}Matti 010594Y9032\u{200b} x\u{200b}"
        );
        for kept in [
            "SH-1\u{200b}",
            "Kotihoito Itä",
            "010594Y9032",
            "12345678\u{200b}9",
        ] {
            assert!(
                matches!(unhide_codes(kept), std::borrow::Cow::Borrowed(_)),
                "{kept:?}"
            );
        }
    }

    /// Text around a code: code-shaped runs, digits, century signs, letters, hidden characters.
    fn neighbour() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let piece = prop_oneof![
            "[0-9]{1,8}",
            "[0-9]{6}[-+AYXWVUBCDEF][0-9]{3}[0-9A-Y]",
            "[-+AaYy ,;.xä]",
            Just("\u{200b}".to_string()),
            Just("\u{feff}".to_string()),
            Just("\u{1b}[31m".to_string()),
            Just("\0".to_string()),
        ];
        proptest::collection::vec(piece, 0..5).prop_map(|pieces| pieces.concat())
    }

    proptest::proptest! {
        #[test]
        fn no_seven_characters_of_a_real_code_survive(
            day in 1u32..=28,
            month in 1u32..=12,
            year in 1850i32..2099,
            individual in 0u16..1000,
            sign_pick in 0usize..6,
            lower in proptest::bool::ANY,
            before in neighbour(),
            after in neighbour(),
            hide_at in proptest::option::of((1usize..11, 0usize..3)),
        ) {
            let signs = century_signs(year);
            let sign = signs[sign_pick % signs.len()];
            let mut code = Hetu::format_code(date(year, month, day), individual, sign).unwrap();
            if lower {
                code = code.to_lowercase();
            }
            let mut written = code.clone();
            if let Some((at, which)) = hide_at {
                written.insert_str(at, ["\u{200b}", "\u{1b}[1m", "\u{ad}"][which]);
            }
            let text = format!("{before}{written}{after}");
            let redacted = redact_hetus(&text);
            let chars: Vec<char> = code.chars().collect();
            for part in chars.windows(7) {
                let part: String = part.iter().collect();
                // A part the text around the code holds on its own is that text's.
                if before.contains(&part) || after.contains(&part) {
                    continue;
                }
                proptest::prop_assert!(
                    !redacted.contains(&part),
                    "7 characters of the code survive in {:?}",
                    redacted.replace(&code, "<code>")
                );
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn the_quick_look_changes_no_answer(text in "[0-9 +\\-AaYyxä]{0,40}") {
            proptest::prop_assert_eq!(redact_hetus(&text), redact_found_hetus(&text));
        }
    }
}
