//! Identity codes: parsing any text never panics, a valid code round-trips, errors never hold
//! the code, and redacted text holds no code any more.
#![no_main]

use libfuzzer_sys::fuzz_target;
use maaraika::hetu::{contains_hetu_like, looks_like_hetu, redact_hetus, Hetu};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    match Hetu::parse(&text) {
        Ok(hetu) => {
            assert!(looks_like_hetu(&text));
            let code = hetu.to_code_string();
            assert_eq!(Hetu::parse(&code), Ok(hetu));
            assert_eq!(format!("{hetu:?}"), "Hetu(<redacted>)");
        }
        Err(error) => {
            let message = error.to_string();
            assert!(!contains_hetu_like(&message), "{message}");
            if looks_like_hetu(&text) {
                let trimmed = text.trim_matches(|c: char| c.is_ascii_whitespace());
                assert!(!message.contains(trimmed), "{message}");
                assert!(!message.contains(&trimmed[..6]), "{message}");
            }
        }
    }
    let redacted = redact_hetus(&text);
    assert!(!contains_hetu_like(&redacted), "{redacted}");
});
