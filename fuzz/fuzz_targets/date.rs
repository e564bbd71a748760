//! Date parsing (`dates::parse_date_bytes`): any bytes, no panic; every date accepted reads back
//! the same from both forms it is written in.
#![no_main]

use libfuzzer_sys::fuzz_target;
use maaraika::dates::{finnish, parse_date, parse_date_bytes};

fuzz_target!(|data: &[u8]| {
    let parsed = parse_date_bytes(data);
    if let Ok(text) = std::str::from_utf8(data) {
        assert_eq!(parse_date(text), parsed);
    }
    if let Ok(date) = parsed {
        assert_eq!(parse_date(&finnish(date)), Ok(date));
        assert_eq!(parse_date(&date.format("%Y-%m-%d").to_string()), Ok(date));
    }
    if let Err(error) = parsed {
        // Messages quote nothing of the input.
        let _ = error.to_string();
    }
});
