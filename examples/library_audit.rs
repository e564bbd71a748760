//! A case list audited through the library alone (no command line): the smallest front end.
//! Prints one line of JSON, `{"evaluated": N, "invalid": N, "warnings": N}`.
//!
//! usage: cargo run --example library_audit -- FILE AS_OF
//!
//! FILE is a case list, CSV or a workbook (.xlsx, .xls, .ods: its first sheet); AS_OF the day it
//! is judged as of (23.11.2026 or 2026-11-23). A bad argument or an unreadable list: a message
//! on stderr and exit code 2.

use std::path::Path;
use std::process::ExitCode;

use maaraika::audit::{self, AuditFinding};
use maaraika::calendar::Reading;
use maaraika::dates::given_as_of;
use maaraika::error::EXIT_ERROR;
use maaraika::input::{CaseReader, InputError, InputOptions};
use maaraika::options::Options;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [file, as_of] = &args[..] else {
        eprintln!("usage: library_audit FILE AS_OF (a case list, CSV or workbook, and a date)");
        return ExitCode::from(EXIT_ERROR);
    };
    let as_of = match given_as_of(as_of) {
        Ok(date) => date,
        Err(problem) => {
            eprintln!("library_audit: AS_OF: {problem}");
            return ExitCode::from(EXIT_ERROR);
        }
    };
    match count(Path::new(file), &Options::new(as_of, Reading::Standard)) {
        Ok(outcome) => {
            println!(
                "{{\"evaluated\": {}, \"invalid\": {}, \"warnings\": {}}}",
                outcome.tally.evaluated,
                outcome.tally.invalid,
                outcome.warnings.total()
            );
            ExitCode::SUCCESS
        }
        Err(error) => {
            // The library's messages name the file, line and column, never a value.
            eprintln!("library_audit: {error}");
            ExitCode::from(EXIT_ERROR)
        }
    }
}

/// Audits the list. A front end would print each [`AuditFinding`] as it comes (a case, an invalid row,
/// a warning); here the outcome's counts are all that is wanted.
fn count(file: &Path, options: &Options) -> Result<audit::AuditOutcome, InputError> {
    let mut reader = CaseReader::open(file, &InputOptions::default())?;
    audit::run(&mut reader, options, |_: AuditFinding| Ok(()))
}
