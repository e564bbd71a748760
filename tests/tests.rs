//! The integration tests, one binary (as ripgrep, xsv and jiff have it): each `tests/NAME.rs` is
//! a module here, named after its area, and they share `common` (running the binary, servers,
//! browsers, crafted lists) and `fuzz_checks` (the fuzz targets' checks). One binary links the
//! crate once instead of once per file. Run one area with `cargo test --test tests NAME::`.
//!
//! A new test file needs its `mod NAME;` below: `Cargo.toml` has `autotests = false`, so a file
//! that is not declared here is never compiled nor run (`every_test_file_is_a_module_of_this_binary`
//! fails until it is).

mod common;
mod fuzz_checks;

mod assistance_law;
mod audit_stable;
mod behind_proxy;
mod calendar_law;
mod chain_law;
mod cli_assistance;
mod cli_audit;
mod cli_calendar;
mod cli_chain;
mod cli_check;
mod cli_shell;
mod cli_thl;
mod deploy;
mod files;
mod fuzz_regressions;
mod headers;
mod hetu_law;
mod hostile_workbooks;
mod input_dialects;
mod law_corrections;
mod layers;
mod library_example;
mod malformed_input;
mod memory;
mod no_english;
mod one_validation;
mod output_schema;
mod peer_crosscheck;
mod privacy;
mod properties;
mod rules_law;
mod spreadsheet_safety;
mod standing;
mod web_assistance;
mod web_browser;
mod web_server;
mod web_shared;
mod words;
mod workbook_input;
mod workbook_output;

/// With `autotests = false` cargo builds only this file; a `tests/NAME.rs` without its `mod NAME;`
/// here would silently never run.
#[test]
fn every_test_file_is_a_module_of_this_binary() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let declared = include_str!("tests.rs");
    let mut missing = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        let Some(module) = name.strip_suffix(".rs") else {
            continue;
        };
        if module != "tests" && !declared.contains(&format!("\nmod {module};\n")) {
            missing.push(name);
        }
    }
    missing.sort();
    assert!(
        missing.is_empty(),
        "tests/tests.rs does not declare {missing:?}: add `mod NAME;` for each to tests/tests.rs \
         (and `use crate::common;` in the file instead of `mod common;`), or they never run"
    );
}
