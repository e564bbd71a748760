//! What is wrong with a row of a case list, as a value: a kind with its values ([`Problem`]).
//! Every front end words it in the reader's language from the label table
//! ([`Problem::text`]), and programs get a stable key beside the words ([`Problem::code`]).
//! A problem never holds an identity code: a value is kept as shown ([`Shown::of`]).

use chrono::{Datelike, NaiveDate};

use crate::assistance::evaluation::ApplicationError;
use crate::calendar::{CalendarError, FIRST_DATE, LAST_DATE};
use crate::dates::{finnish, DateError, FIRST_YEAR};
use crate::evaluation::CaseError;
use crate::hetu::HetuError;
use std::sync::Arc;

use crate::input::cells::{CareLevelError, MAX_AGE};
use crate::input::column::{Column, ColumnRef};
use crate::input::error::{InputError, NotCsv, WorkbookProblem};
use crate::input::workbook::SheetPlaces;
use crate::labels::{Label, Lang};

/// A cell's value fit to quote in a message: never an identity code nor one inside it, cut at
/// 40 characters, a hidden character named by its code point (`<U+FEFF>`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shown {
    /// The value as quoted, without the quotes; `None` when it looks like an identity code.
    text: Option<String>,
    /// The first hidden character in it (a byte-order mark, a zero-width space: what makes a
    /// cell that reads `2.11.2026` fail as a date).
    hidden: Option<char>,
}

impl Shown {
    /// The value of a cell as a message may quote it.
    pub fn of(value: &str) -> Shown {
        let hidden = value.chars().find(|&c| crate::text::is_hidden(c));
        if crate::text::looks_like_hetu(value) {
            return Shown { text: None, hidden };
        }
        let value = crate::text::redact_hetus(value);
        let short: String = value.chars().take(40).collect();
        let more = if short.len() < value.len() { "…" } else { "" };
        let named: String = short
            .chars()
            .map(|c| match crate::text::is_hidden(c) {
                true => format!("<U+{:04X}>", u32::from(c)),
                false => c.to_string(),
            })
            .collect();
        Shown {
            text: Some(format!("{named}{more}")),
            hidden,
        }
    }

    /// `` `31.2.2026` ``, or `the value` (`arvo`, `värdet`) for what looks like an identity code.
    fn quoted(&self, lang: Lang) -> String {
        match &self.text {
            Some(text) => format!("`{text}`"),
            None => lang.get(Label::PrbTheValue).to_string(),
        }
    }

    /// The sentence about a hidden character, or nothing.
    fn hidden_note(&self, lang: Lang) -> String {
        match self.hidden {
            Some(c) => lang.fill(
                Label::PrbHiddenCharacter,
                &[&format!("<U+{:04X}>", u32::from(c))],
            ),
            None => String::new(),
        }
    }
}

/// Why a quoted value swallowed the lines after it (see [`Problem::StrayQuote`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QuoteWhy {
    /// The quote is never closed, or closes where nothing else explains it.
    Plain,
    /// A line break in a column that never holds one (a date, a flag), named as the file
    /// names it.
    LineBreakIn(String),
    /// A line inside the value looks like a row of its own.
    RowInside(u64),
}

/// What is wrong with a row: the row is reported and not evaluated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// Fewer fields than the header.
    TooFewFields {
        /// Fields in the row.
        found: usize,
        /// Fields in the header.
        expected: usize,
    },
    /// More fields than the header, with values past it.
    TooManyFields {
        /// Fields in the row.
        found: usize,
        /// Fields in the header.
        expected: usize,
    },
    /// More fields than a sheet holds.
    OverMaxFields {
        /// The most fields read.
        max: usize,
        /// Fields in the header.
        expected: usize,
    },
    /// A quote that took the lines after it into one value.
    StrayQuote {
        /// The line the quote opened on.
        opened: u64,
        /// The line it closed on, if it did.
        closed: Option<u64>,
        /// The first and last line read as the one row.
        first: u64,
        /// See `first`.
        last: u64,
        /// Why it is taken for a mistake.
        why: QuoteWhy,
    },
    /// A cell that is not UTF-8 under `--encoding utf-8`.
    NotUtf8,
    /// No pending date.
    PendingEmpty,
    /// A date cell that is not a date.
    Date {
        /// The value.
        value: Shown,
        /// Why.
        error: DateError,
    },
    /// A date outside the calendar's years.
    OutsideCalendar {
        /// The date.
        date: NaiveDate,
    },
    /// An identity code that is not one.
    Hetu(HetuError),
    /// An age that is not one.
    Age {
        /// The value.
        value: Shown,
    },
    /// A yes/no cell that is neither.
    Flag {
        /// The value.
        value: Shown,
    },
    /// A care-allowance level that is not one.
    CareLevel {
        /// The value.
        value: Shown,
        /// Why.
        error: CareLevelError,
    },
    /// The birth date and the identity code's differ.
    BirthDateDiffers,
    /// The dates or facts of the case cannot all be true.
    Case(CaseError),
    /// An application without the day it arrived (a social-assistance list).
    ArrivalEmpty,
    /// The dates of an application that cannot all be true (a social-assistance list).
    Application(ApplicationError),
}

impl Problem {
    /// A stable key for programs (the JSON API's `code`, the `--errors` file's `code`).
    pub fn code(&self) -> &'static str {
        match self {
            Problem::TooFewFields { .. } => "too_few_fields",
            Problem::TooManyFields { .. } => "too_many_fields",
            Problem::OverMaxFields { .. } => "too_many_fields",
            Problem::StrayQuote { .. } => "stray_quote",
            Problem::NotUtf8 => "not_utf8",
            Problem::PendingEmpty => "missing_pending",
            Problem::Date { .. } => "not_a_date",
            Problem::OutsideCalendar { .. } => "date_outside_calendar",
            Problem::Hetu(_) => "invalid_hetu",
            Problem::Age { .. } => "invalid_age",
            Problem::Flag { .. } => "not_yes_or_no",
            Problem::CareLevel { .. } => "invalid_care_level",
            Problem::BirthDateDiffers => "birth_date_differs_from_hetu",
            Problem::Case(error) => case_code(error),
            Problem::ArrivalEmpty => "arrival_date_missing",
            Problem::Application(_) => "application_dates",
        }
    }

    /// What is wrong and how to fix it, in `lang`, without the place (the caller says where,
    /// as it names places).
    pub fn text(&self, lang: Lang) -> String {
        let n = |n: &dyn ToString| n.to_string();
        match self {
            Problem::TooFewFields { found, expected } => {
                lang.fill(Label::PrbTooFewFields, &[&n(found), &n(expected)])
            }
            Problem::TooManyFields { found, expected } => {
                lang.fill(Label::PrbTooManyFields, &[&n(found), &n(expected)])
            }
            Problem::OverMaxFields { max, expected } => {
                lang.fill(Label::PrbOverMaxFields, &[&n(max), &n(expected)])
            }
            Problem::StrayQuote {
                opened,
                closed,
                first,
                last,
                why,
            } => {
                let closed_text = match closed {
                    Some(line) => lang.fill(Label::PrbQuoteClosesOn, &[&n(line)]),
                    None => lang.get(Label::PrbQuoteNeverClosed).to_string(),
                };
                let to_end = closed.is_none();
                let lines = match (last - first + 1, to_end) {
                    (1, false) => lang.fill(Label::PrbQuoteOneLine, &[&n(first)]),
                    (1, true) => lang.fill(Label::PrbQuoteOneLineToEnd, &[&n(first)]),
                    (count, false) => {
                        lang.fill(Label::PrbQuoteLines, &[&n(first), &n(last), &n(&count)])
                    }
                    (count, true) => lang.fill(
                        Label::PrbQuoteLinesToEnd,
                        &[&n(first), &n(last), &n(&count)],
                    ),
                };
                let why = match why {
                    QuoteWhy::Plain => String::new(),
                    QuoteWhy::LineBreakIn(column) => {
                        lang.fill(Label::PrbQuoteLineBreakIn, &[column])
                    }
                    QuoteWhy::RowInside(line) => lang.fill(Label::PrbQuoteRowInside, &[&n(line)]),
                };
                lang.fill(
                    Label::PrbStrayQuote,
                    &[&n(opened), &closed_text, &lines, &why],
                )
            }
            Problem::NotUtf8 => lang.get(Label::PrbNotUtf8).to_string(),
            Problem::PendingEmpty => lang.get(Label::PrbPendingEmpty).to_string(),
            Problem::Date { value, error } => {
                let quoted = value.quoted(lang);
                let text = date_error(*error, &quoted, lang);
                format!("{text}{}", value.hidden_note(lang))
            }
            Problem::OutsideCalendar { date } => lang.fill(
                Label::PrbOutsideCalendar,
                &[
                    &finnish(*date),
                    &n(&FIRST_DATE.year()),
                    &n(&LAST_DATE.year()),
                ],
            ),
            Problem::Hetu(error) => hetu_error(error, lang),
            Problem::Age { value } => format!(
                "{}{}",
                lang.fill(Label::PrbAge, &[&value.quoted(lang), &n(&MAX_AGE)]),
                value.hidden_note(lang)
            ),
            Problem::Flag { value } => format!(
                "{}{}",
                lang.fill(Label::PrbFlag, &[&value.quoted(lang)]),
                value.hidden_note(lang)
            ),
            Problem::CareLevel { value, error } => {
                let label = match error {
                    CareLevelError::BareYes => Label::PrbCareLevelBareYes,
                    CareLevelError::Unknown => Label::PrbCareLevelUnknown,
                };
                format!(
                    "{}{}",
                    lang.fill(label, &[&value.quoted(lang)]),
                    value.hidden_note(lang)
                )
            }
            Problem::BirthDateDiffers => lang.get(Label::PrbBirthDateDiffers).to_string(),
            Problem::Case(error) => case_error(error, lang),
            Problem::ArrivalEmpty => lang.get(Label::PrbArrivalEmpty).to_string(),
            Problem::Application(error) => application_error(error, lang),
        }
    }
}

impl std::fmt::Display for Problem {
    /// The problem in English, as [`Problem::text`] has it.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

/// A date that is not one, in `lang`: `quoted` is the value as a message quotes it.
pub fn date_error(error: DateError, quoted: &str, lang: Lang) -> String {
    match error {
        DateError::Empty => lang.fill(Label::PrbDateEmpty, &[quoted]),
        DateError::Format => lang.fill(Label::PrbDateFormat, &[quoted]),
        DateError::ShortYear => lang.fill(Label::PrbDateShortYear, &[quoted]),
        DateError::Impossible { year, month, day } => lang.fill(
            Label::PrbDateImpossible,
            &[
                quoted,
                lang.month(month),
                &year.to_string(),
                &day.to_string(),
            ],
        ),
        DateError::Time => lang.fill(Label::PrbDateTime, &[quoted]),
        DateError::Year { year } => lang.fill(
            Label::PrbDateYear,
            &[quoted, &format!("{year:04}"), &FIRST_YEAR.to_string()],
        ),
    }
}

/// An identity code that is not one, in `lang`.
fn hetu_error(error: &HetuError, lang: Lang) -> String {
    match *error {
        HetuError::WrongLength { chars } => {
            let count = match (chars, lang) {
                (0, _) => lang.get(Label::PrbNoCharacters).to_string(),
                (1, _) => lang.get(Label::PrbOneCharacter).to_string(),
                (n, _) => lang.fill(Label::PrbCharacters, &[&n.to_string()]),
            };
            lang.fill(Label::PrbHetuLength, &[&count])
        }
        HetuError::BadDateDigits => lang.get(Label::PrbHetuDateDigits).to_string(),
        HetuError::ImpossibleDate { day, month } => lang.fill(
            Label::PrbHetuImpossibleDate,
            &[&format!("{day:02}"), &format!("{month:02}")],
        ),
        HetuError::UnknownCenturySign { sign } => lang.fill(
            Label::PrbHetuCenturySign,
            &[&crate::hetu::printable(sign).to_string()],
        ),
        HetuError::BadIndividualNumber => lang.get(Label::PrbHetuIndividualNumber).to_string(),
        HetuError::BadCheckCharacter => lang.get(Label::PrbHetuCheckCharacter).to_string(),
    }
}

/// A stable key for a case-level problem.
fn case_code(error: &CaseError) -> &'static str {
    match error {
        CaseError::StartBeforePending { .. } => "start_before_pending",
        CaseError::CompletionBeforePending { .. } => "completion_before_pending",
        CaseError::CompletionBeforeStart { .. } => "completion_before_start",
        CaseError::CompletionWithoutStart => "completion_without_start",
        CaseError::DecisionBeforePending { .. } => "decision_before_pending",
        CaseError::ImplementedBeforeDecision { .. } => "implemented_before_decision",
        CaseError::ImplementedWithoutDecision => "implemented_without_decision",
        CaseError::BornAfterPending { .. } => "born_after_pending",
        CaseError::AgeOutOfRange { .. } => "age_out_of_range",
        CaseError::ChildFlagForAdult { .. } => "child_flag_for_adult",
        CaseError::Calendar(_) => "date_outside_calendar",
    }
}

/// A case's problem in English: what the error says wherever it is not worded in a language
/// (`?` in a program, a log line). Worded here, not in `evaluation`, which returns the problem
/// as data and knows no words.
impl std::fmt::Display for CaseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&case_error(self, Lang::En))
    }
}

impl std::error::Error for CaseError {}

/// A case whose dates or facts cannot all be true, in `lang`.
pub fn case_error(error: &CaseError, lang: Lang) -> String {
    let d = |date: &NaiveDate| finnish(*date);
    match error {
        CaseError::StartBeforePending { started, pending } => {
            lang.fill(Label::PrbStartBeforePending, &[&d(started), &d(pending)])
        }
        CaseError::CompletionBeforePending { completed, pending } => lang.fill(
            Label::PrbCompletionBeforePending,
            &[&d(completed), &d(pending)],
        ),
        CaseError::CompletionBeforeStart { completed, started } => lang.fill(
            Label::PrbCompletionBeforeStart,
            &[&d(completed), &d(started)],
        ),
        CaseError::CompletionWithoutStart => lang.get(Label::PrbCompletionWithoutStart).to_string(),
        CaseError::DecisionBeforePending { decision, pending } => lang.fill(
            Label::PrbDecisionBeforePending,
            &[&d(decision), &d(pending)],
        ),
        CaseError::ImplementedBeforeDecision {
            implemented,
            decision,
        } => lang.fill(
            Label::PrbImplementedBeforeDecision,
            &[&d(implemented), &d(decision)],
        ),
        CaseError::ImplementedWithoutDecision => {
            lang.get(Label::PrbImplementedWithoutDecision).to_string()
        }
        CaseError::BornAfterPending { birth, pending } => {
            lang.fill(Label::PrbBornAfterPending, &[&d(birth), &d(pending)])
        }
        CaseError::AgeOutOfRange { age } => lang.fill(
            Label::PrbAgeOutOfRange,
            &[&age.to_string(), &crate::evaluation::MAX_AGE.to_string()],
        ),
        CaseError::ChildFlagForAdult { age } => {
            lang.fill(Label::PrbChildFlagForAdult, &[&age.to_string()])
        }
        CaseError::Calendar(error) => calendar_error(error, lang),
    }
}

/// An application whose dates cannot all be true, in `lang`: each date named as the
/// social-assistance pages name it (`päätös`, `hakemus saapunut`), never by its key.
pub fn application_error(error: &ApplicationError, lang: Lang) -> String {
    let name = |key: &str| lang.get(assistance_date_label(key));
    match error {
        ApplicationError::Before {
            later,
            later_date,
            earlier,
            earlier_date,
        } => lang.fill(
            Label::PrbApplicationBefore,
            &[
                &finnish(*later_date),
                name(later),
                &finnish(*earlier_date),
                name(earlier),
            ],
        ),
        ApplicationError::Without { what, needs } => {
            lang.fill(Label::PrbApplicationWithout, &[name(what), name(needs)])
        }
        ApplicationError::Calendar(error) => calendar_error(error, lang),
    }
}

/// How the social-assistance pages name a date of an application, by its key
/// ([`crate::assistance::evaluation::names`], the API's field names).
pub fn assistance_date_label(key: &str) -> Label {
    use crate::assistance::evaluation::names;
    match key {
        names::DECISION => Label::AsDecision,
        names::REQUESTED => Label::AsInfoRequest,
        names::RECEIVED => Label::AsInfoReceived,
        names::REPLY_DUE => Label::AsInfoReplyDue,
        names::MEETING_REQUESTED => Label::AsMeetingRequested,
        names::MEETING => Label::AsMeeting,
        names::PAID => Label::AsPayment,
        _ => Label::AsApplicationDate,
    }
}

/// A date the calendar cannot count with, in `lang`.
pub fn calendar_error(error: &CalendarError, lang: Lang) -> String {
    let (first, last) = (finnish(FIRST_DATE), finnish(LAST_DATE));
    match error {
        CalendarError::OutOfRange { date } => {
            lang.fill(Label::PrbCalendarDate, &[&finnish(*date), &first, &last])
        }
        CalendarError::ResultOutOfRange { from, n } => lang.fill(
            Label::PrbCalendarCount,
            &[&n.to_string(), &finnish(*from), &first, &last],
        ),
        CalendarError::YearOutOfRange { year } => lang.fill(
            Label::PrbCalendarYear,
            &[
                &year.to_string(),
                &FIRST_DATE.year().to_string(),
                &LAST_DATE.year().to_string(),
            ],
        ),
    }
}

/// Parses a date a person typed, with the problem worded in `lang`: the same rule as
/// [`crate::dates::given_date`].
pub fn given_date_in(text: &str, lang: Lang) -> Result<NaiveDate, String> {
    crate::dates::parse_date(text)
        .map_err(|e| date_error(e, &format!("`{}`", crate::text::shown(text, false)), lang))
}

/// A column named in a sentence: in English by its key (`decision_date`), as a file's header or
/// `--column` would write it; in Finnish and Swedish by its name in the language, lower case
/// (`päätös tehty`), the key left to the flag that reads it.
pub fn column_in_words(column: Column, lang: Lang) -> String {
    match lang {
        Lang::En => column.name().to_string(),
        _ => lang.get(column_label(column)).to_lowercase(),
    }
}

/// A column maaraika reads, as people call it where the file does not name it.
pub fn column_label(column: Column) -> Label {
    match column {
        Column::CaseId => Label::ColCaseId,
        Column::Unit => Label::ColUnit,
        Column::PendingDate => Label::WebPending,
        Column::BirthDate => Label::WebBirthDate,
        Column::Hetu => Label::ColHetu,
        Column::Age => Label::ColAge,
        Column::CareAllowance => Label::WebCareAllowance,
        Column::Disabled => Label::WebDisabled,
        Column::ChildSpecialSupport => Label::WebChildSpecialSupport,
        Column::ChildWelfare => Label::WebChildWelfare,
        Column::Urgent => Label::WebUrgent,
        Column::StartedDate => Label::WebStarted,
        Column::CompletedDate => Label::WebCompleted,
        Column::DecisionDate => Label::WebDecision,
        Column::ImplementedDate => Label::WebImplemented,
        Column::OlderPerson => Label::WebOlderPerson,
        Column::InfoRequestedDate => Label::AsInfoRequest,
        Column::InfoReceivedDate => Label::AsInfoReceived,
        Column::InfoReplyDueDate => Label::AsInfoReplyDue,
        Column::MeetingRequestedDate => Label::AsMeetingRequested,
        Column::MeetingDate => Label::AsMeeting,
        Column::PaidDate => Label::AsPayment,
    }
}

/// Where a problem is, as the user finds it in the file: the columns maaraika reads with their
/// positions and headers as the file names them, and the sheet of a workbook. Every front end
/// names places through it, so that none shows an internal key (`started_date`).
#[derive(Clone, Debug, Default)]
pub struct Places {
    /// The columns read: the column, its position (1 = the first), its header as shown.
    columns: Vec<(Column, usize, String)>,
    /// The sheet a workbook's rows came from.
    sheet: Option<Arc<SheetPlaces>>,
}

impl Places {
    /// Places from the columns read (the column, its position, 1 = the first, and its header as
    /// shown) and the sheet; `Places::of` (beside `CaseReader`) gives those of a list.
    pub(crate) fn new(
        columns: Vec<(Column, usize, String)>,
        sheet: Option<Arc<SheetPlaces>>,
    ) -> Places {
        Places { columns, sheet }
    }

    /// The sheet of a workbook.
    pub fn sheet(&self) -> Option<&SheetPlaces> {
        self.sheet.as_deref()
    }

    /// The position (1 = the first) and header of a column, when the file has it.
    pub fn found<'a>(&'a self, column: &'a ColumnRef) -> Option<(usize, &'a str)> {
        match column {
            ColumnRef::Known(column) => self
                .columns
                .iter()
                .find(|(known, _, _)| known == column)
                .map(|(_, position, header)| (*position, header.as_str())),
            ColumnRef::Header { index, header } => Some((index + 1, header.as_str())),
        }
    }

    /// The column as the file names it (its header), else as `lang` names the column.
    pub fn column_name(&self, column: &ColumnRef, lang: Lang) -> String {
        match self.found(column) {
            Some((_, header)) => header.to_string(),
            None => match column {
                ColumnRef::Known(column) => lang.get(column_label(*column)).to_string(),
                ColumnRef::Header { header, .. } => header.clone(),
            },
        }
    }

    /// The row of `line` as the user finds it: the line of a CSV file, the sheet row of a
    /// workbook.
    pub fn row(&self, line: u64) -> u64 {
        self.sheet.as_ref().map_or(line, |sheet| sheet.row(line))
    }

    /// Where a problem is: `line 4, column 3 (Arviointi aloitettu)` (`rivi 4, sarake 3 (…)`)
    /// in a CSV file; the cell `Asiakkaat!C4 (Arviointi aloitettu)` (or the row `Asiakkaat
    /// rivi 4`) in a workbook.
    pub fn place(&self, line: u64, column: Option<&ColumnRef>, lang: Lang) -> String {
        let found = column.and_then(|column| self.found(column));
        if let Some(sheet) = &self.sheet {
            return match found {
                Some((position, header)) => {
                    format!("{} ({header})", sheet.cell(line, position - 1))
                }
                None => lang.fill(
                    Label::PlaceSheetRow,
                    &[&sheet.quoted_name(), &sheet.row(line).to_string()],
                ),
            };
        }
        let line_text = line.to_string();
        match (column, found) {
            (_, Some((position, header))) => lang.fill(
                Label::PlaceLineColumn,
                &[&line_text, &position.to_string(), header],
            ),
            (Some(column), None) => lang.fill(
                Label::PlaceLineNamed,
                &[&line_text, &self.column_name(column, lang)],
            ),
            (None, None) => lang.fill(Label::PlaceLine, &[&line_text]),
        }
    }
}

/// Why a case list cannot be read at all, in `lang`: the missing column, an empty file, a file
/// without a header row. The other kinds are in English for now ([`InputError`]'s own words).
pub fn input_error(error: &InputError, lang: Lang) -> String {
    if lang == Lang::En {
        return error.to_string();
    }
    match error {
        InputError::MissingColumn {
            path,
            column,
            found,
        } => {
            let known = Column::from_name(column);
            let name = known.map_or((*column).to_string(), |c| column_in_words(c, lang));
            let finnish = known.map_or(*column, |c| c.finnish_name());
            let found: Vec<String> = found.iter().map(|f| format!("\"{f}\"")).collect();
            let mut text = lang.fill(
                Label::ErrMissingColumn,
                &[
                    &path.display().to_string(),
                    &name,
                    &found.join(", "),
                    finnish,
                    column,
                ],
            );
            if found.len() == 1 {
                text.push_str(lang.get(Label::ErrOneColumnFound));
            }
            text
        }
        InputError::Empty { path } => {
            lang.fill(Label::ErrEmptyFile, &[&path.display().to_string()])
        }
        InputError::NoHeader { path } => {
            lang.fill(Label::ErrNoHeader, &[&path.display().to_string()])
        }
        InputError::Open { path, source } => {
            let why = crate::error::read_reason(source, lang);
            lang.fill(Label::ErrCannotOpen, &[&path.display().to_string(), &why])
        }
        InputError::UnknownSheet {
            path,
            sheet,
            sheets,
        } => lang.fill(
            Label::ErrUnknownSheet,
            &[&path.display().to_string(), sheet, &quoted(sheets)],
        ),
        InputError::DuplicateColumn {
            path,
            column,
            first,
            second,
        } => {
            let name = Column::from_name(column)
                .map_or((*column).to_string(), |c| column_in_words(c, lang));
            lang.fill(
                Label::ErrDuplicateColumn,
                &[&path.display().to_string(), first, second, &name, column],
            )
        }
        InputError::MappedColumnNotFound {
            path,
            column,
            header,
            found,
        } => lang.fill(
            Label::ErrMappedColumnNotFound,
            &[column, header, &path.display().to_string(), &quoted(found)],
        ),
        InputError::UnclosedQuote { path, line } => lang.fill(
            Label::ErrUnclosedQuote,
            &[&line.to_string(), &path.display().to_string()],
        ),
        InputError::TooManyColumns { path, line } => lang.fill(
            Label::ErrTooManyColumns,
            &[&path.display().to_string(), &line.to_string()],
        ),
        InputError::RowTooLong { path, line } => lang.fill(
            Label::ErrRowTooLong,
            &[&line.to_string(), &path.display().to_string()],
        ),
        InputError::NotCsv { path, kind } => {
            let (what, fix) = match kind {
                NotCsv::Zip => (Label::NotCsvZip, Label::NotCsvSaveAs),
                NotCsv::OldExcel => (Label::NotCsvOldExcel, Label::NotCsvSaveAs),
                NotCsv::Utf32 => (Label::NotCsvUtf32, Label::NotCsvSaveAs),
                NotCsv::Utf16 => (Label::NotCsvUtf16, Label::NotCsvSaveAs),
                NotCsv::NotText => (Label::NotCsvNotText, Label::NotCsvChooseCsv),
            };
            lang.fill(
                Label::ErrNotCsv,
                &[&path.display().to_string(), lang.get(what), lang.get(fix)],
            )
        }
        InputError::Workbook { path, problem } => lang.fill(
            Label::ErrWorkbook,
            &[
                &path.display().to_string(),
                &workbook_problem(problem, lang),
            ],
        ),
        InputError::Read { path, line, source } => lang.fill(
            Label::ErrReadAtLine,
            &[
                &path.display().to_string(),
                &line.to_string(),
                &crate::error::read_reason(source, lang),
            ],
        ),
    }
}

/// What is wrong with a workbook that cannot be read, and what to do, in `lang`.
fn workbook_problem(problem: &WorkbookProblem, lang: Lang) -> String {
    let resave = lang.get(Label::WbResave);
    match problem {
        WorkbookProblem::Encrypted => lang.get(Label::WbEncrypted).to_string(),
        WorkbookProblem::Password => lang.get(Label::WbPassword).to_string(),
        WorkbookProblem::Damaged => lang.fill(Label::WbDamaged, &[resave]),
        WorkbookProblem::TooManyMerges => lang.fill(
            Label::WbTooManyMerges,
            &[&WorkbookProblem::MAX_MERGES.to_string(), resave],
        ),
        WorkbookProblem::NoWorksheet => lang.fill(Label::WbNoWorksheet, &[resave]),
        WorkbookProblem::RowsOutOfOrder => lang.fill(Label::WbRowsOutOfOrder, &[resave]),
        WorkbookProblem::MergesTooLarge => lang.fill(Label::WbMergesTooLarge, &[resave]),
        WorkbookProblem::EmptySheet(sheet) => lang.fill(Label::WbEmptySheet, &[sheet]),
    }
}

/// Names in quotes, one after another: `"Nimi", "Pvm"`.
fn quoted(names: &[String]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("\"{n}\"")).collect();
    quoted.join(", ")
}

/// What ended a command, in `lang`: the case list's errors ([`input_error`]), the calendar's
/// ([`calendar_error`]), the files' ([`crate::error::Error::text`]).
pub fn error_text(error: &crate::error::Error, lang: Lang) -> String {
    match error {
        crate::error::Error::Input(error) => input_error(error, lang),
        crate::error::Error::Calendar(error) if lang != Lang::En => calendar_error(error, lang),
        _ => error.text(lang),
    }
}
