//! Text from a case list made safe to show, in one place: identity codes redacted (see
//! [`crate::hetu::redact_hetus`]), control and invisible characters made visible, and cells of
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
        crate::hetu::unhide_codes(text)
    } else {
        crate::hetu::redact_hetus(text)
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
