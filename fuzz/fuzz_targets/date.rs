//! Date parsing (`dates::parse_date_bytes`): any bytes, no panic; every date accepted reads back
//! the same from both forms it is written in. The check is `tests/fuzz_checks/mod.rs`.
#![no_main]

#[path = "../../tests/fuzz_checks/mod.rs"]
#[allow(dead_code)]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::check_date(data));
