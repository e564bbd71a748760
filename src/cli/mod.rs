//! The command line: one file per subcommand, each with its own arguments and examples.
//! Everything here is presentation; the answers come from `calendar`, `rules` and `evaluation`.

mod assistance;
mod audit;
mod calendar;
mod check;
mod choices;
mod file;
mod list;
mod overdue;
#[cfg(feature = "serve")]
mod serve;
mod shell;
mod summary;
mod thl;

use std::io::{self, BufWriter, IsTerminal, Write};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};

use clap::error::ErrorKind;
use clap::{Args, CommandFactory, Parser, Subcommand, ValueEnum};

use maaraika::calendar::Reading;
use maaraika::error::{Error, Result, EXIT_ERROR};
use maaraika::labels::{Label, Lang};

const ABOUT: &str = "Statutory deadlines of Finnish service-need assessments \
(palvelutarpeen arviointi), counted in Finnish working days.";

const AFTER_HELP: &str = "\
Examples:
  maaraika audit cases.csv                       every case of a list, with deadlines and status
  maaraika overdue cases.csv --due-within 3      the morning list
  maaraika summary cases.csv --period 1.4.2026..30.9.2026 --by unit
  maaraika check --pending 18.12.2026 --age 78   by when must the assessment start?
  maaraika calendar add 23.11.2026 7             the 7th working day after 23.11.2026
  maaraika calendar holidays 2026                the holidays and eves of 2026

Exit codes:
  0  done
  1  --fail-on-overdue and something is overdue
  2  the command could not be done (a bad argument or value, unreadable input, unwritable output)
  3  done, but some rows of the input were invalid (they are listed)
  130, 143, 129  stopped by Ctrl-C, SIGTERM, SIGHUP: no temporary file left, earlier output kept

Nothing leaves this machine, and no output shows a personal identity code unless asked to.";

const CALENDAR_EXAMPLES: &str = "\
Examples:
  maaraika calendar add 23.11.2026 7            the 7th working day after 23.11.2026
  maaraika calendar add 2.12.2026 -7            the 7th working day before 2.12.2026
  maaraika calendar count 23.11.2026 2.12.2026  working days after the first date up to the second
  maaraika calendar is-working 24.12.2026       is Christmas Eve a working day?
  maaraika calendar holidays 2026               the holidays and eves of 2026";

#[derive(Parser, Debug)]
#[command(name = "maaraika", version, about = ABOUT, after_help = AFTER_HELP)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Finnish working days: count, add, list holidays.
    #[command(subcommand, after_help = CALENDAR_EXAMPLES)]
    Calendar(calendar::CalendarCommand),
    /// Check one case: its groups, deadlines and status, and why.
    Check(check::CheckArgs),
    /// Audit a case list (CSV or workbook): every case with its deadlines and status.
    Audit(audit::AuditArgs),
    /// The overdue cases of a list, most overdue first (and those due soon).
    Overdue(overdue::OverdueArgs),
    /// Counts per group (and unit) for a period: met, late, due, overdue, on-time share.
    Summary(summary::SummaryArgs),
    /// The national child-welfare report: the 7-working-day and 3-month figures of a period.
    Thl(thl::ThlArgs),
    /// A local web page and JSON API for the same jobs: `maaraika serve --open`.
    #[cfg(feature = "serve")]
    Serve(serve::ServeArgs),
    /// Shell completions, for example `maaraika completions bash > ~/.local/share/bash-completion/completions/maaraika`.
    Completions(shell::CompletionsArgs),
    /// The manual page (roff), for example `maaraika man > ~/.local/share/man/man1/maaraika.1`.
    Man(shell::ManArgs),
    /// Social assistance (toimeentulotuki): the counties' processing deadlines and the month's
    /// figures of a list of applications.
    #[command(subcommand)]
    Assistance(assistance::AssistanceCommand),
}

/// How a command prints its answer.
#[derive(ValueEnum, Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Format {
    /// Readable text and tables, for people.
    #[default]
    #[value(alias = "text")]
    Table,
    /// JSON, for programs.
    Json,
    /// CSV with stable English column names, for spreadsheets and scripts.
    Csv,
}

/// The reading of the law where it leaves room (docs/LAW.md, "Where the law leaves room").
#[derive(Args, Debug, Clone, Copy)]
pub struct ReadingArg {
    /// Use the conservative reading: Christmas Eve and Midsummer Eve count as working days, and a
    /// 3-month deadline on a non-working day does not move. Gives the earliest possible dates.
    #[arg(long)]
    conservative: bool,
}

impl ReadingArg {
    pub fn reading(self) -> Reading {
        if self.conservative {
            Reading::Conservative
        } else {
            Reading::Standard
        }
    }
}

/// Date arguments for clap: the same words as the web API's date fields.
pub use maaraika::dates::{given_as_of as as_of_arg, given_date as date_arg};

/// Writes a message to standard error, with any identity code in it redacted and control or
/// invisible characters of quoted values (an escape sequence, a line break in a cell) shown as
/// `?` ([`maaraika::text::shown`]), so one
/// message stays one line and cannot restyle the terminal. A closed or full standard error is
/// ignored: a message that cannot be shown must not end the run (`eprintln!` would panic).
///
/// On a terminal the message wraps at spaces to its width (`COLUMNS`, else the terminal's), the
/// lines after the first indented by two spaces.
pub fn stderr_line(text: &str) {
    let shown = maaraika::text::shown(text, false);
    let width = match io::stderr().is_terminal() {
        true => maaraika::terminal::known_width_of(true),
        false => None,
    };
    match width {
        Some(width) if maaraika::terminal::width(&shown) > width => {
            let redacted = maaraika::text::redact_hetus(&shown);
            let first = maaraika::terminal::wrap(&redacted, width);
            let mut lines = vec![first[0].clone()];
            let rest = first[1..].join(" ");
            if !rest.is_empty() {
                let more = maaraika::terminal::wrap(&rest, width.saturating_sub(2));
                lines.extend(more.into_iter().map(|l| format!("  {l}")));
            }
            stderr_text(&lines.join("\n"));
        }
        _ => stderr_text(&shown),
    }
}

/// Writes text (possibly several lines) to standard error, identity codes redacted and hidden
/// characters but the line breaks shown as `?`, write errors ignored.
fn stderr_text(text: &str) {
    let text = maaraika::text::redact_hetus(text);
    let mut err = io::stderr().lock();
    for line in text.split('\n') {
        let _ = writeln!(err, "{}", maaraika::text::visible(line));
    }
}

/// Standard output was closed when the process started (`>&-`).
static STDOUT_CLOSED: AtomicBool = AtomicBool::new(false);

/// Notes whether standard output is closed. Called by `main.rs` before the Rust runtime starts,
/// which puts `/dev/null` in place of a closed standard output: every write would then succeed
/// and the output be lost without a word. Linux only (it looks in `/proc`).
pub fn note_closed_stdout() {
    let closed = std::path::Path::new("/proc/self/fd").is_dir()
        && std::fs::symlink_metadata("/proc/self/fd/1")
            .is_err_and(|e| e.kind() == io::ErrorKind::NotFound);
    STDOUT_CLOSED.store(closed, Ordering::Relaxed);
}

fn stdout_closed() -> bool {
    STDOUT_CLOSED.load(Ordering::Relaxed)
}

/// The error of every write to a closed standard output.
fn closed_stdout_error() -> io::Error {
    let text = message_lang().get(Label::UseStdoutClosed).to_string();
    io::Error::other(maaraika::error::Worded(text))
}

/// Standard output, or where it was closed, a writer that fails with [`closed_stdout_error`].
enum Stdout {
    Open(io::StdoutLock<'static>),
    Closed,
}

impl Write for Stdout {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Stdout::Open(out) => out.write(buf),
            Stdout::Closed => Err(closed_stdout_error()),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Stdout::Open(out) => out.flush(),
            Stdout::Closed => Ok(()),
        }
    }
}

/// The language of the messages, known before the arguments are parsed: `--lang` as given on
/// the command line, else the locale's.
pub(crate) fn message_lang() -> Lang {
    let args: Vec<String> = std::env::args().collect();
    let given = args
        .iter()
        .enumerate()
        .find_map(|(i, arg)| match arg.strip_prefix("--lang=") {
            Some(value) => Some(value.to_string()),
            None if arg == "--lang" => args.get(i + 1).cloned(),
            None => None,
        });
    given
        .map(|value| Lang::from_locale(&value))
        .unwrap_or_else(Lang::from_env)
}

/// What clap refused, in `lang` (Finnish or Swedish; English as clap says it): a value worded
/// as the lists word it (a date, an age, a period, a number, a column, one of the choices), a
/// missing, unknown or conflicting option, with where to see the options.
fn clap_error(err: &clap::Error, lang: Lang) -> Option<String> {
    use clap::error::{ContextKind, ContextValue};
    if lang == Lang::En {
        return None;
    }
    let text = |kind| match err.get(kind) {
        Some(ContextValue::String(text)) => Some(text.as_str()),
        Some(ContextValue::Strings(texts)) => texts.first().map(String::as_str),
        _ => None,
    };
    // Options named as typed, without clap's English placeholders (`--pending <DATE>`).
    let flag_of = |arg: &str| arg.split(' ').next().unwrap_or(arg).to_string();
    let texts = |kind| match err.get(kind) {
        Some(ContextValue::Strings(texts)) => texts
            .iter()
            .map(|t| flag_of(t))
            .collect::<Vec<_>>()
            .join(", "),
        Some(ContextValue::String(text)) => flag_of(text),
        _ => String::new(),
    };
    let arg = text(ContextKind::InvalidArg)?;
    let flag = arg.split(' ').next().unwrap_or(arg);
    // The command as typed, up to its first option: `maaraika assistance thl`.
    let see_help = || {
        let mut command = Cli::command();
        let mut typed = vec!["maaraika".to_string()];
        for word in std::env::args().skip(1) {
            let Some(sub) = command.find_subcommand(&word).cloned() else {
                break;
            };
            typed.push(word);
            command = sub;
        }
        lang.fill(Label::UseSeeHelp, &[&typed.join(" ")])
    };
    match err.kind() {
        ErrorKind::MissingRequiredArgument => {
            let missing = texts(ContextKind::InvalidArg);
            return Some(format!(
                "{} ({})",
                lang.fill(Label::UseMissing, &[&missing]),
                see_help()
            ));
        }
        ErrorKind::ArgumentConflict => {
            let prior = flag_of(text(ContextKind::PriorArg)?);
            return Some(lang.fill(Label::UseConflict, &[flag, &prior]));
        }
        ErrorKind::UnknownArgument => {
            let mut line = lang.fill(Label::UseUnknownArgument, &[arg]);
            if let Some(suggested) = text(ContextKind::SuggestedArg) {
                line.push_str(&format!(
                    " ({})",
                    lang.fill(Label::UseDidYouMean, &[suggested])
                ));
            }
            return Some(format!("{line} ({})", see_help()));
        }
        ErrorKind::InvalidValue => {
            let value = text(ContextKind::InvalidValue)?;
            let valid = texts(ContextKind::ValidValue);
            let why = lang.fill(Label::UseNotOneOf, &[value, &valid]);
            return Some(lang.fill(Label::MsgInvalidValue, &[flag, &why]));
        }
        ErrorKind::ValueValidation => {}
        _ => return None,
    }
    let value = text(ContextKind::InvalidValue)?;
    let why = if arg.ends_with("<DATE>") {
        maaraika::problem::given_date_in(value, lang).err()?
    } else if arg.ends_with("<YEARS>") {
        let value = maaraika::problem::Shown::of(value);
        maaraika::problem::Problem::Age { value }.text(lang)
    } else if arg.ends_with("<COLUMN=HEADER>") {
        column_problem(value, lang)
    } else if arg.ends_with("<CHAR>") {
        lang.fill(Label::UseNotADelimiter, &[value])
    } else if arg.ends_with("<YYYY-MM>") {
        lang.fill(Label::UseNotAMonth, &[value])
    } else if arg.ends_with("<FROM..TO>") {
        // Worded by the parser itself (`summary::parse_period`), in this language.
        std::error::Error::source(err)?.to_string()
    } else if std::error::Error::source(err).is_some_and(|e| e.is::<std::num::ParseIntError>()) {
        lang.fill(Label::UseNotAWholeNumber, &[value])
    } else {
        return None;
    };
    Some(lang.fill(Label::MsgInvalidValue, &[flag, &why]))
}

/// What is wrong with a `--column COLUMN=HEADER` the library refused
/// ([`maaraika::input::parse_column_mapping`]), in `lang`.
fn column_problem(value: &str, lang: Lang) -> String {
    use maaraika::input::Column;
    let Some((name, _)) = value.split_once('=') else {
        return lang.fill(Label::UseColumnForm, &[value]);
    };
    match Column::from_name(name) {
        None => lang.fill(
            Label::UseColumnUnknown,
            &[name.trim(), &Column::ALL.map(Column::name).join(", ")],
        ),
        Some(column) => lang.fill(Label::UseColumnNoHeader, &[column.name()]),
    }
}

/// Runs the command line and returns the process exit code.
pub fn run() -> ExitCode {
    let lang = message_lang();
    if file::stderr_is_a_given_file() {
        // Not a byte into it, so the message goes to a terminal if standard output is one.
        if io::stdout().is_terminal() {
            let _ = writeln!(
                io::stdout(),
                "maaraika: {}: {}",
                lang.get(Label::MsgError),
                lang.get(Label::UseStderrIsGiven)
            );
        }
        return ExitCode::from(EXIT_ERROR);
    }
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err)
            if matches!(
                err.kind(),
                ErrorKind::ValueValidation | ErrorKind::InvalidValue | ErrorKind::ArgumentConflict
            ) =>
        {
            // One clear line naming the value and the problem; the usage adds nothing here.
            if let Some(text) = clap_error(&err, lang) {
                stderr_line(&format!("maaraika: {}: {text}", lang.get(Label::MsgError)));
                return ExitCode::from(EXIT_ERROR);
            }
            let text = err.render().to_string();
            let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
            let first = lines.next().unwrap_or_default();
            // Keep clap's `[possible values: …]` and `tip: …` on the same line.
            let hints: Vec<&str> = lines
                .filter(|l| l.starts_with('[') || l.starts_with("tip:"))
                .collect();
            let line = format!("maaraika: {first} {}", hints.join(" "));
            stderr_line(line.trim_end());
            return ExitCode::from(EXIT_ERROR);
        }
        Err(err) if err.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            // `maaraika` alone: the help, as `--help` gives it, not an error; exit 2 all the same,
            // as nothing was done.
            let help = err.render().to_string();
            let help = help.strip_prefix("error: ").unwrap_or(&help);
            let _ = writeln!(io::stdout(), "{}", help.trim_end());
            return ExitCode::from(EXIT_ERROR);
        }
        Err(err) if err.use_stderr() && clap_error(&err, lang).is_some() => {
            let text = clap_error(&err, lang).unwrap_or_default();
            stderr_line(&format!("maaraika: {}: {text}", lang.get(Label::MsgError)));
            return ExitCode::from(EXIT_ERROR);
        }
        Err(err) if err.use_stderr() => {
            // Rendered as text so that a value repeated from the command line is redacted too,
            // with the prefix every message of maaraika has.
            let text = err.render().to_string();
            let text = text.strip_prefix("error: ").unwrap_or(&text);
            stderr_text(&format!("maaraika: error: {}", text.trim_end()));
            return ExitCode::from(EXIT_ERROR);
        }
        Err(err) => {
            // --help and --version: a closed pipe is not worth a message.
            let _ = err.print();
            return ExitCode::SUCCESS;
        }
    };
    let mut out = BufWriter::new(match stdout_closed() {
        true => Stdout::Closed,
        false => Stdout::Open(io::stdout().lock()),
    });
    let result = match cli.command {
        Command::Calendar(command) => calendar::run(command, &mut out),
        Command::Check(args) => check::run(args, &mut out),
        Command::Audit(args) => audit::run(args, &mut out),
        Command::Overdue(args) => overdue::run(args, &mut out),
        Command::Summary(args) => summary::run(args, &mut out),
        Command::Thl(args) => thl::run(args, &mut out),
        #[cfg(feature = "serve")]
        Command::Serve(args) => serve::run(args),
        Command::Completions(args) => shell::completions(args, &mut out),
        Command::Man(args) => shell::man(args, &mut out),
        Command::Assistance(command) => assistance::run(command, &mut out),
    }
    .and_then(|code| out.flush().map(|()| code).map_err(Error::from));
    match result {
        Ok(code) => ExitCode::from(code),
        Err(err) if err.is_broken_pipe() => ExitCode::SUCCESS,
        Err(err) => {
            let text = maaraika::problem::error_text(&err, lang);
            stderr_line(&format!("maaraika: {}: {text}", lang.get(Label::MsgError)));
            ExitCode::from(EXIT_ERROR)
        }
    }
}

/// Writes one JSON value followed by a newline.
pub fn write_json(out: &mut dyn Write, value: &impl serde::Serialize) -> Result<()> {
    serde_json::to_writer_pretty(&mut *out, value).map_err(io::Error::from)?;
    writeln!(out)?;
    Ok(())
}

/// The format when none is asked for: text and tables for a person at a terminal, CSV for
/// files and pipes.
pub fn default_format() -> Format {
    if io::stdout().is_terminal() {
        Format::Table
    } else {
        Format::Csv
    }
}
