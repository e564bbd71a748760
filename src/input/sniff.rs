//! What the bytes of a CSV file are before its rows: the encoding of a field ([`EncodingChoice`]),
//! the byte-order mark, a file that is not CSV at all, Excel's `sep=;` line and the delimiter
//! (`--delimiter`, [`parse_delimiter`], or sniffed from the header line).

use std::borrow::Cow;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};

use encoding_rs::WINDOWS_1252;

use super::error::{InputError, NotCsv};
use super::rows::MAX_ROW_BYTES;

/// The UTF-8 byte-order mark that Excel's "CSV UTF-8" writes first.
pub(super) const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// How the bytes of the file are turned into text (`--encoding`).
///
/// `Auto` is right for nearly every file; the explicit choices exist for the rare file where
/// guessing per field is not wanted. The command line spells them `auto`, `utf-8` and `windows-1252` (`src/cli/choices.rs`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum EncodingChoice {
    /// Each field that is valid UTF-8 is UTF-8, any other is Windows-1252.
    #[default]
    Auto,
    /// UTF-8 only: anything else is reported as a row problem.
    Utf8,
    /// Windows-1252 (Excel's plain "CSV" on Finnish Windows).
    Windows1252,
}

/// Parses `--delimiter`: `,` `;` `|`, or a tab as `tab`, `\t` or the character itself. Tab is
/// spelled out because a tab is hard to type on a command line.
pub fn parse_delimiter(text: &str) -> Result<u8, String> {
    match text {
        "," => Ok(b','),
        ";" => Ok(b';'),
        "|" => Ok(b'|'),
        "\t" | "\\t" => Ok(b'\t'),
        _ if text.eq_ignore_ascii_case("tab") => Ok(b'\t'),
        _ => Err(format!(
            "--delimiter \"{text}\" is not one maaraika reads: use , ; tab or |"
        )),
    }
}

/// A field as text, trimmed. Under `Auto`, notes when Windows-1252 was needed.
pub(super) fn decode<'a>(
    bytes: &'a [u8],
    encoding: EncodingChoice,
    cp1252_seen: &AtomicBool,
) -> Cow<'a, str> {
    let bytes = bytes.trim_ascii();
    // ASCII (nearly every case id and unit) is the same text in every encoding, and needs no
    // trimming of Unicode spaces: checking that is much quicker than validating UTF-8.
    if bytes.is_ascii() {
        // ASCII bytes are valid UTF-8: this cannot fail, and validating short ASCII is cheap.
        if let Ok(text) = std::str::from_utf8(bytes) {
            return Cow::Borrowed(text);
        }
    }
    let text = match encoding {
        EncodingChoice::Utf8 => String::from_utf8_lossy(bytes),
        EncodingChoice::Windows1252 => WINDOWS_1252.decode_without_bom_handling(bytes).0,
        EncodingChoice::Auto => match std::str::from_utf8(bytes) {
            Ok(text) => Cow::Borrowed(text),
            Err(_) => {
                cp1252_seen.store(true, Ordering::Relaxed);
                WINDOWS_1252.decode_without_bom_handling(bytes).0
            }
        },
    };
    // Unicode spaces too: Excel leaves no-break spaces around pasted values, and a byte-order
    // mark or zero-width space comes along with text copied from elsewhere. Those are not
    // ASCII, so a text with ASCII at both ends (nearly every one) is already trimmed.
    let bytes = text.as_bytes();
    if bytes.first().is_none_or(u8::is_ascii) && bytes.last().is_none_or(u8::is_ascii) {
        return text;
    }
    let blank = |c: char| c.is_whitespace() || (!c.is_ascii() && crate::text::is_hidden(c));
    match text {
        Cow::Borrowed(text) => Cow::Borrowed(text.trim_matches(blank)),
        Cow::Owned(text) if text.trim_matches(blank).len() == text.len() => Cow::Owned(text),
        Cow::Owned(text) => Cow::Owned(text.trim_matches(blank).to_owned()),
    }
}

/// What comes before the header row.
pub(super) struct Prefix {
    /// The header's first physical line, byte-order mark removed (it goes back in front of the
    /// rest of the input).
    pub(super) header_line: Vec<u8>,
    /// Lines skipped before it: blank lines and a `sep=` line.
    pub(super) skipped_lines: u64,
    /// The delimiter a `sep=` line gave.
    pub(super) sep: Option<u8>,
}

/// Reads up to the header's first line: checks for files that are not CSV, removes a byte-order
/// mark, skips blank lines and Excel's `sep=;` line.
pub(super) fn read_prefix(
    input: &mut BufReader<Box<dyn Read + Send>>,
    path: &Path,
) -> Result<Prefix, InputError> {
    let mut line = Vec::new();
    let mut skipped_lines = 0;
    let mut sep = None;
    let mut first = true;
    loop {
        line.clear();
        input
            .by_ref()
            .take(MAX_ROW_BYTES)
            .read_until(b'\n', &mut line)
            .map_err(|source| InputError::Read {
                path: path.to_path_buf(),
                line: skipped_lines + 1,
                source,
            })?;
        if line.is_empty() {
            return Err(InputError::Empty {
                path: path.to_path_buf(),
            });
        }
        let mut content = line.as_slice();
        if first {
            first = false;
            if let Some(kind) = not_csv(content) {
                return Err(InputError::NotCsv {
                    path: path.to_path_buf(),
                    kind,
                });
            }
            content = content.strip_prefix(UTF8_BOM).unwrap_or(content);
        }
        let whole_line = content.ends_with(b"\n");
        if content.trim_ascii().is_empty() {
            skipped_lines += u64::from(whole_line);
            continue;
        }
        if sep.is_none() {
            if let Some(delimiter) = sep_line(content) {
                sep = Some(delimiter);
                skipped_lines += u64::from(whole_line);
                continue;
            }
        }
        let start = line.len() - content.len();
        line.drain(..start);
        return Ok(Prefix {
            header_line: line,
            skipped_lines,
            sep,
        });
    }
}

/// Files staff may pick by mistake, recognised by their first bytes.
fn not_csv(start: &[u8]) -> Option<NotCsv> {
    if start.starts_with(b"PK\x03\x04") {
        Some(NotCsv::Zip)
    } else if start.starts_with(b"\xD0\xCF\x11\xE0") {
        Some(NotCsv::OldExcel)
    } else if let Some(kind) = wide_encoding(start) {
        Some(kind)
    } else if start.contains(&0)
        || start
            .iter()
            .filter(|&&byte| byte.is_ascii_control() && !matches!(byte, b'\t' | b'\r' | b'\n'))
            .nth(2)
            .is_some()
    {
        // No text export has a NUL or several control characters in its header line (a stray
        // one or two are shown as `?` in the message about the headers instead).
        Some(NotCsv::NotText)
    } else {
        None
    }
}

/// UTF-32 or UTF-16 (Excel's "Unicode text"), by the byte-order mark (UTF-32's `FF FE 00 00`
/// begins with UTF-16's `FF FE`, so it is looked for first) or, without one, by the zero bytes
/// that ASCII text has in fixed places in them.
fn wide_encoding(start: &[u8]) -> Option<NotCsv> {
    const UTF32: NotCsv = NotCsv::Utf32;
    const UTF16: NotCsv = NotCsv::Utf16;
    if start.starts_with(b"\xFF\xFE\0\0") || start.starts_with(b"\0\0\xFE\xFF") {
        return Some(UTF32);
    }
    if start.starts_with(b"\xFF\xFE") || start.starts_with(b"\xFE\xFF") {
        return Some(UTF16);
    }
    // Whether every unit of `width` bytes of the start holds its one ASCII byte at `at`.
    let ascii_in = |width: usize, at: usize| {
        let units = start.chunks_exact(width);
        units.len() >= 2
            && units.into_iter().all(|unit| {
                unit.iter()
                    .enumerate()
                    .all(|(index, &byte)| (index == at) == (byte != 0))
            })
    };
    if ascii_in(4, 0) || ascii_in(4, 3) {
        Some(UTF32)
    } else if ascii_in(2, 0) || ascii_in(2, 1) {
        Some(UTF16)
    } else {
        None
    }
}

/// The delimiter of Excel's `sep=;` hint line (also `"sep=;"` and `sep=;;;;` as re-saved by Excel).
fn sep_line(line: &[u8]) -> Option<u8> {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    let (quoted, line) = match line.strip_prefix(b"\"") {
        Some(rest) => (true, rest),
        None => (false, line),
    };
    if line.len() < 5 || !line[..4].eq_ignore_ascii_case(b"sep=") {
        return None;
    }
    let delimiter = line[4];
    let mut rest = &line[5..];
    if quoted {
        rest = rest.strip_prefix(b"\"")?;
    }
    let usable = !matches!(delimiter, b'"' | b'\r' | b'\n');
    (usable && rest.iter().all(|&byte| byte == delimiter)).then_some(delimiter)
}

/// The most frequent of `;`, `,` and tab outside double quotes; ties go to `;`, then `,`.
pub(super) fn sniff_delimiter(line: &[u8]) -> u8 {
    let (mut semicolons, mut commas, mut tabs) = (0usize, 0usize, 0usize);
    let mut quoted = false;
    for &byte in line {
        match byte {
            b'"' => quoted = !quoted,
            _ if quoted => {}
            b';' => semicolons += 1,
            b',' => commas += 1,
            b'\t' => tabs += 1,
            _ => {}
        }
    }
    if semicolons >= commas && semicolons >= tabs {
        b';'
    } else if commas >= tabs {
        b','
    } else {
        b'\t'
    }
}
