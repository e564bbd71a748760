//! Identity codes: parsing any text never panics, a valid code round-trips, errors never hold
//! the code, and redacted text holds no code any more. The check is `tests/fuzz_checks/mod.rs`.
#![no_main]

#[path = "../../tests/fuzz_checks/mod.rs"]
#[allow(dead_code)]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::check_hetu(data));
