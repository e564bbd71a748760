//! One CSV row under a header of every column, decoded and evaluated: never a panic, the row is
//! evaluated or reported, and nothing shown holds an identity code. The check is
//! `tests/fuzz_checks/mod.rs`.
#![no_main]

#[path = "../../tests/fuzz_checks/mod.rs"]
#[allow(dead_code)]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::check_row(data));
