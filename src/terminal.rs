//! Tables for people at a terminal: fitted to its width, written a row at a time.
//!
//! The column widths are decided before the first row, from the header and from what each column
//! can hold at most (a date is 10 characters, a status one of five words), so that a table of a
//! million rows is streamed in constant memory. Text wraps inside its cell at spaces; a word wider
//! than its column (a long case id) is broken. When even the narrowest layout is wider than the
//! terminal, the columns that matter least are left out, and a line under the table names them
//! and says how to see every column.

use std::io::{self, Write};

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::labels::{Label, Lang};

/// Spaces between two columns.
const GAP: usize = 2;

/// The width a table is fitted to when it is not written to a terminal and `COLUMNS` is not set.
const DEFAULT_WIDTH: usize = 120;

/// The width to fit tables to: [`known_width`], else 120 columns.
pub fn terminal_width() -> usize {
    known_width().unwrap_or(DEFAULT_WIDTH)
}

/// The width of the window people read in: `COLUMNS` when set (as shells and test harnesses
/// set it), else the terminal's width when standard output is one.
pub fn known_width() -> Option<usize> {
    known_width_of(false)
}

/// [`known_width`] for standard output, or with `stderr` for standard error.
pub fn known_width_of(stderr: bool) -> Option<usize> {
    let columns = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<usize>().ok())
        .filter(|c| *c > 0);
    let size = || match stderr {
        true => terminal_size::terminal_size_of(io::stderr()),
        false => terminal_size::terminal_size_of(io::stdout()),
    };
    columns
        .or_else(|| size().map(|(w, _)| usize::from(w.0)))
        .map(|w| w.max(20))
}

/// Writes text for people, its lines wrapped at spaces to the window's width when it is known
/// (continuation lines indented by two more spaces); as it is otherwise (to a file or a pipe).
pub fn write_text(out: &mut dyn Write, text: &str) -> io::Result<()> {
    let Some(limit) = known_width() else {
        return out.write_all(text.as_bytes());
    };
    for line in text.lines() {
        if width(line) <= limit {
            writeln!(out, "{line}")?;
            continue;
        }
        let indent = line.len() - line.trim_start_matches(' ').len();
        let room = limit.saturating_sub(indent + 2).max(10);
        for (n, part) in wrap(line.trim_start_matches(' '), room).iter().enumerate() {
            let pad = if n == 0 { indent } else { indent + 2 };
            writeln!(out, "{}{part}", " ".repeat(pad))?;
        }
    }
    Ok(())
}

/// What a column may hold, for fitting it.
#[derive(Clone, Debug)]
pub struct FittedColumn {
    /// Its header, as people read it.
    pub header: String,
    /// The narrowest it may be: its longest word (a column narrower than a date would break it).
    pub min: usize,
    /// The widest it needs to be.
    pub max: usize,
    /// Numbers are aligned right.
    pub right: bool,
    /// Left out when the table does not fit: the lowest number first; `None` never.
    pub leave_out: Option<u8>,
    /// Kept on one line: the columns that may be left out are, before this one wraps (it wraps
    /// only when the table does not fit without them).
    pub whole: bool,
}

impl FittedColumn {
    /// A column for the given cell values (all of them, or the longest ones it can hold).
    pub fn new<'a>(header: &str, values: impl IntoIterator<Item = &'a str>) -> FittedColumn {
        let mut column = FittedColumn {
            header: header.to_string(),
            min: longest_word(header),
            max: width(header),
            right: false,
            leave_out: None,
            whole: false,
        };
        for value in values {
            column.min = column.min.max(longest_word(value));
            column.max = column.max.max(width(value));
        }
        column
    }

    /// A column of free text of unknown length: at least `min`, at most `max` wide.
    pub fn text(header: &str, min: usize, max: usize) -> FittedColumn {
        let mut column = FittedColumn::new(header, []);
        column.min = column.min.max(min);
        column.max = column.max.max(max).max(column.min);
        column
    }

    /// Aligned right (numbers).
    pub fn right(mut self) -> FittedColumn {
        self.right = true;
        self
    }

    /// Left out when the table does not fit the terminal: the lowest `order` first.
    pub fn leave_out(mut self, order: u8) -> FittedColumn {
        self.leave_out = Some(order);
        self
    }

    /// Kept on one line while other columns can be left out instead ([`FittedColumn::whole`]).
    pub fn whole(mut self) -> FittedColumn {
        self.whole = true;
        self
    }
}

/// The display width of a text (a wide character takes two columns).
pub fn width(text: &str) -> usize {
    UnicodeWidthStr::width(text)
}

fn longest_word(text: &str) -> usize {
    text.split(' ').map(width).max().unwrap_or(0)
}

/// A table being written: the fitted widths and where it goes.
pub struct Table {
    columns: Vec<FittedColumn>,
    /// The width of each column, `None` where it was left out.
    widths: Vec<Option<usize>>,
    total: usize,
    lang: Lang,
}

impl Table {
    /// Fits `columns` into `total` characters.
    pub fn fit(columns: Vec<FittedColumn>, total: usize, lang: Lang) -> Table {
        let mut kept: Vec<bool> = vec![true; columns.len()];
        // The width the kept columns need, with the whole ones on one line or not.
        let needed_as = |kept: &[bool], whole: bool| {
            let shown: Vec<&FittedColumn> = columns
                .iter()
                .zip(kept)
                .filter(|(_, k)| **k)
                .map(|(c, _)| c)
                .collect();
            let least = |c: &&FittedColumn| if whole && c.whole { c.max } else { c.min };
            shown.iter().map(least).sum::<usize>() + GAP * shown.len().saturating_sub(1)
        };
        while needed_as(&kept, true) > total {
            let next = columns
                .iter()
                .enumerate()
                .filter(|(i, c)| kept[*i] && c.leave_out.is_some())
                .min_by_key(|(_, c)| c.leave_out);
            match next {
                Some((i, _)) => kept[i] = false,
                None => break,
            }
        }
        let whole = needed_as(&kept, true) <= total;
        let mut widths: Vec<Option<usize>> = columns
            .iter()
            .zip(&kept)
            .map(|(c, k)| k.then_some(if whole && c.whole { c.max } else { c.min }))
            .collect();
        // The room left: first so that headers need not wrap, then a character at a time to
        // each column that can use it.
        let mut room = total.saturating_sub(needed_as(&kept, whole));
        for (w, c) in widths.iter_mut().zip(&columns) {
            if let Some(w) = w {
                let more = width(&c.header).min(c.max).saturating_sub(*w).min(room);
                *w += more;
                room -= more;
            }
        }
        while room > 0 {
            let mut gave = false;
            for (w, c) in widths.iter_mut().zip(&columns) {
                if let Some(w) = w {
                    if *w < c.max && room > 0 {
                        *w += 1;
                        room -= 1;
                        gave = true;
                    }
                }
            }
            if !gave {
                break;
            }
        }
        Table {
            columns,
            widths,
            total,
            lang,
        }
    }

    /// Writes the header and the rule under it.
    pub fn header(&self, out: &mut dyn Write) -> io::Result<()> {
        let headers: Vec<String> = self.columns.iter().map(|c| c.header.clone()).collect();
        self.write_row(out, &headers, false)?;
        let rule: Vec<String> = self
            .widths
            .iter()
            .flatten()
            .map(|w| "─".repeat(*w))
            .collect();
        writeln!(out, "{}", rule.join(&" ".repeat(GAP)))
    }

    /// Writes one row: a cell for every column (left-out ones included, and skipped here).
    pub fn row(&self, out: &mut dyn Write, cells: &[String]) -> io::Result<()> {
        self.write_row(out, cells, true)
    }

    fn write_row(&self, out: &mut dyn Write, cells: &[String], align: bool) -> io::Result<()> {
        use std::borrow::Cow;
        // Most cells fit on one line as they are: only the others are wrapped.
        let wrapped: Vec<(Vec<Cow<str>>, usize, bool)> = self
            .widths
            .iter()
            .zip(&self.columns)
            .zip(cells)
            .filter_map(|((w, c), cell)| {
                let w = (*w)?;
                let lines = if width(cell) <= w && !cell.contains("  ") {
                    vec![Cow::Borrowed(cell.trim())]
                } else {
                    wrap(cell, w).into_iter().map(Cow::Owned).collect()
                };
                Some((lines, w, align && c.right))
            })
            .collect();
        let lines = wrapped.iter().map(|(l, _, _)| l.len()).max().unwrap_or(1);
        let mut line = String::with_capacity(self.total + 16);
        for n in 0..lines {
            line.clear();
            for (i, (cell, w, right)) in wrapped.iter().enumerate() {
                if i > 0 {
                    pad(&mut line, GAP);
                }
                let text = cell.get(n).map(|t| t.as_ref()).unwrap_or("");
                let spaces = w.saturating_sub(width(text));
                if *right {
                    pad(&mut line, spaces);
                    line.push_str(text);
                } else {
                    line.push_str(text);
                    pad(&mut line, spaces);
                }
            }
            let end = line.trim_end().len();
            line.truncate(end);
            line.push('\n');
            out.write_all(line.as_bytes())?;
        }
        Ok(())
    }

    /// Ends the table: names the columns left out, if any.
    pub fn finish(&self, out: &mut dyn Write) -> io::Result<()> {
        let left_out: Vec<&str> = self
            .widths
            .iter()
            .zip(&self.columns)
            .filter(|(w, _)| w.is_none())
            .map(|(_, c)| c.header.as_str())
            .collect();
        if !left_out.is_empty() {
            let line = self.lang.fill(
                Label::TabLeftOut,
                &[&left_out.join(", "), &self.total.to_string()],
            );
            for part in wrap(&line, self.total) {
                writeln!(out, "{part}")?;
            }
        }
        Ok(())
    }
}

/// Appends `n` spaces.
fn pad(line: &mut String, n: usize) {
    line.extend(std::iter::repeat_n(' ', n));
}

/// `text` in lines of at most `limit` columns, broken at spaces; a word wider than that is broken
/// where it must be.
pub fn wrap(text: &str, limit: usize) -> Vec<String> {
    let limit = limit.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut line_width = 0;
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let word_width = width(word);
        if line_width > 0 && line_width + 1 + word_width <= limit {
            line.push(' ');
            line.push_str(word);
            line_width += 1 + word_width;
            continue;
        }
        if line_width > 0 {
            lines.push(std::mem::take(&mut line));
            line_width = 0;
        }
        if word_width <= limit {
            line.push_str(word);
            line_width = word_width;
            continue;
        }
        for c in word.chars() {
            let w = c.width().unwrap_or(0);
            if line_width + w > limit && line_width > 0 {
                lines.push(std::mem::take(&mut line));
                line_width = 0;
            }
            line.push(c);
            line_width += w;
        }
    }
    if line_width > 0 || lines.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_wraps_at_spaces_and_breaks_only_words_too_long() {
        assert_eq!(
            wrap("child in need of special support", 12),
            ["child in", "need of", "special", "support"]
        );
        assert_eq!(wrap("SH-2026-000123", 6), ["SH-202", "6-0001", "23"]);
        assert_eq!(wrap("", 5), [""]);
        assert_eq!(wrap("kotihoito", 20), ["kotihoito"]);
    }

    #[test]
    fn columns_are_left_out_in_order_until_the_table_fits() {
        let columns = vec![
            FittedColumn::text("a", 10, 10),
            FittedColumn::text("b", 10, 10).leave_out(2),
            FittedColumn::text("c", 10, 10).leave_out(1),
        ];
        let table = Table::fit(columns.clone(), 34, Lang::En);
        assert_eq!(table.widths, [Some(10), Some(10), Some(10)]);
        let table = Table::fit(columns.clone(), 25, Lang::En);
        assert_eq!(table.widths, [Some(10), Some(10), None]);
        let table = Table::fit(columns, 12, Lang::En);
        assert_eq!(table.widths, [Some(10), None, None]);
    }

    #[test]
    fn every_line_fits_the_width() {
        let columns = vec![
            FittedColumn::text("line", 4, 8).right(),
            FittedColumn::text("case", 8, 30),
            FittedColumn::new("groups", ["child in need of special support"]),
        ];
        let table = Table::fit(columns, 30, Lang::En);
        let mut out = Vec::new();
        table.header(&mut out).unwrap();
        table
            .row(
                &mut out,
                &[
                    "12".into(),
                    "SH-2026-0001 Kotihoito".into(),
                    "child in need of special support, aged over 75".into(),
                ],
            )
            .unwrap();
        table.finish(&mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.lines().all(|l| width(l) <= 30), "{text}");
        assert!(text.contains("special"), "{text}");
    }
}
