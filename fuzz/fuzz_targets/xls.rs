//! A sheet of an .xls workbook read as a case list, through the library (calamine in a thread,
//! with `catch_unwind`): never a panic out of maaraika, and no identity code of the input in a
//! message. The check is `tests/fuzz_checks/mod.rs` (`check_workbook`), whose crashes are kept
//! in `tests/fuzz_regressions.rs`. A crash inside calamine that aborts (an allocation it cannot
//! make) ends this target as it would a library caller; the `maaraika` binary reads such files
//! in a child process (`tests/hostile_workbooks.rs`).
#![no_main]

#[path = "../../tests/fuzz_checks/mod.rs"]
#[allow(dead_code)]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::check_workbook(checks::WorkbookKind::Xls, data));
