//! Rows of cells (free text, dates, counts, words) as CSV, written fast: the tables of the
//! social-assistance commands, each record straight into reserved room (`csv_fast`) rather than a
//! field at a time through the csv crate. The plain twin is the csv crate writer of
//! [`CsvStyle::writer`] given each cell as [`GridCell::plain`] makes it; a test holds the two to
//! the same bytes.

use std::borrow::Cow;
use std::io::{self, Write};

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::csv_fast::{self, Records, DATE_ROOM, NUMBER_ROOM, TERMINATOR_ROOM};
use super::csv_style::CsvStyle;

/// One cell of a row, as the fast writer and its plain twin take it.
#[derive(Clone, Copy, Debug)]
pub enum GridCell<'a> {
    /// Text from the input: for people kept from starting a formula.
    Text(&'a str),
    /// A date in the style's form; empty for none.
    Date(Option<NaiveDate>),
    /// A number of days; empty for none.
    Count(Option<i64>),
    /// A share in per cent (see [`CsvStyle::share`]).
    Share(Option<Decimal>),
    /// A word written as it is (a header, a status in the style's words).
    Word(&'a str),
}

impl GridCell<'_> {
    /// The cell's text the plain way, for the csv crate (which quotes it as needed).
    pub fn plain(self, style: CsvStyle) -> Cow<'static, str> {
        match self {
            GridCell::Text(text) => style.cell(text).into_owned().into(),
            GridCell::Date(date) => date.map(|d| style.date_text(d)).unwrap_or_default().into(),
            GridCell::Count(n) => n.map(|n| n.to_string()).unwrap_or_default().into(),
            GridCell::Share(share) => style.share(share).into(),
            GridCell::Word(word) => word.to_owned().into(),
        }
    }
}

/// Rows of [`GridCell`]s as CSV in a style, written fast.
pub struct GridCsv<W: Write> {
    out: W,
    records: Records,
    style: CsvStyle,
}

impl<W: Write> GridCsv<W> {
    /// Writes the byte-order mark (for people) and the `header`.
    pub fn new(mut out: W, style: CsvStyle, header: &[&str]) -> io::Result<Self> {
        let records = if style.excel {
            out.write_all("\u{feff}".as_bytes())?;
            Records::new(b';', b"\r\n", true)
        } else {
            Records::new(b',', b"\n", false)
        };
        let mut grid = GridCsv {
            out,
            records,
            style,
        };
        grid.row(header.iter().map(|&word| GridCell::Word(word)))?;
        Ok(grid)
    }

    /// Writes one row; `cells` is gone through twice (the room it takes, then the fields).
    pub fn row<'c>(&mut self, cells: impl Iterator<Item = GridCell<'c>> + Clone) -> io::Result<()> {
        let style = self.style;
        let room = cells
            .clone()
            .map(|cell| match cell {
                GridCell::Text(text) | GridCell::Word(text) => csv_fast::text_room(text.as_bytes()),
                GridCell::Date(_) => DATE_ROOM,
                GridCell::Count(_) => NUMBER_ROOM,
                GridCell::Share(share) => csv_fast::text_room(style.share(share).as_bytes()),
            })
            .sum::<usize>()
            + TERMINATOR_ROOM;
        self.records.write(room, &mut self.out, |fields| {
            for cell in cells {
                match cell {
                    GridCell::Text(text) => fields.crate_cell(text),
                    GridCell::Word(word) => fields.crate_word(word),
                    GridCell::Date(date) => fields.date(style.excel, date),
                    GridCell::Count(n) => fields.count(n),
                    GridCell::Share(share) => fields.crate_word(&style.share(share)),
                }
            }
        })
    }

    /// Writes out what is left and hands the output back.
    pub fn finish(mut self) -> io::Result<W> {
        self.records.write_out(&mut self.out)?;
        self.out.flush()?;
        Ok(self.out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The plain twin: the csv crate writer of the style, each cell as [`GridCell::plain`].
    fn plain(style: CsvStyle, header: &[&str], rows: &[Vec<GridCell>]) -> Vec<u8> {
        let mut writer = style.writer(Vec::new()).unwrap();
        writer.write_record(header).unwrap();
        for row in rows {
            let cells: Vec<_> = row.iter().map(|c| c.plain(style)).collect();
            writer
                .write_record(cells.iter().map(|c| c.as_bytes()))
                .unwrap();
        }
        writer.into_inner().unwrap()
    }

    fn fast(style: CsvStyle, header: &[&str], rows: &[Vec<GridCell>]) -> Vec<u8> {
        let mut grid = GridCsv::new(Vec::new(), style, header).unwrap();
        for row in rows {
            grid.row(row.iter().copied()).unwrap();
        }
        grid.finish().unwrap()
    }

    #[test]
    fn the_fast_grid_writes_what_the_csv_crate_writes() {
        let texts = [
            "",
            "T00000001",
            "Aikuissosiaalityö Länsi",
            "=1+1",
            "@SUM(A1)",
            "-2+3",
            "-12",
            "+3,5",
            "\tx",
            "\rx",
            "a,b",
            "a;b",
            "say \"hi\"",
            "line\nbreak",
            "'quoted",
            "'=x,y",
            "=\"a\"",
            "a long unit name that takes more than a few words of eight bytes",
            "ää;öö,åå\r\n",
        ];
        let words = ["met", "Määräaika: tila", "a;b", "x,y", "-", "=", "\"q\""];
        let dates = [
            None,
            NaiveDate::from_ymd_opt(2026, 1, 5),
            NaiveDate::from_ymd_opt(2026, 11, 23),
            NaiveDate::from_ymd_opt(999, 12, 31),
        ];
        let counts = [
            None,
            Some(0),
            Some(7),
            Some(-3),
            Some(99),
            Some(100),
            Some(-123_456_789),
            Some(i64::MIN),
            Some(i64::MAX),
        ];
        let shares = [
            None,
            Decimal::new(505, 1).into(),
            Decimal::new(-1, 0).into(),
        ];
        let mut rows = Vec::new();
        for (i, text) in texts.iter().enumerate() {
            rows.push(vec![
                GridCell::Text(text),
                GridCell::Date(dates[i % dates.len()]),
                GridCell::Count(counts[i % counts.len()]),
                GridCell::Word(words[i % words.len()]),
                GridCell::Share(shares[i % shares.len()]),
                GridCell::Text(texts[texts.len() - 1 - i]),
                GridCell::Count(counts[(i + 3) % counts.len()]),
            ]);
        }
        rows.push(vec![
            GridCell::Count(None),
            GridCell::Date(None),
            GridCell::Share(None),
            GridCell::Text(""),
            GridCell::Word(""),
            GridCell::Count(None),
            GridCell::Date(None),
        ]);
        let header = [
            "case_id",
            "Hakemus; saapui",
            "a,b",
            "=x",
            "\"q\"",
            "",
            "x\ny",
        ];
        for style in CsvStyle::EVERY {
            let (fast, plain) = (fast(style, &header, &rows), plain(style, &header, &rows));
            assert_eq!(
                String::from_utf8_lossy(&fast),
                String::from_utf8_lossy(&plain),
                "{style:?}"
            );
        }
    }
}
