//! A whole small file through what `audit` does (reader, rows, CSV/JSON/table output), with the
//! reading options taken from the first byte: never a panic, and no identity code of the input
//! in any output or message. The check is `tests/fuzz_checks/mod.rs`, shared with the tests.
#![no_main]

#[path = "../../tests/fuzz_checks/mod.rs"]
#[allow(dead_code)]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::check_audit(data));
