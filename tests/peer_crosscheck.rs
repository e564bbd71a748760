//! Cross-checks against the peers in ../shared/peers: an analyst's pandas script built on the open
//! `holidays` data and numpy's business-day arithmetic, not on our code.
//!
//! They need what a fresh clone does not have: `../shared/peers` beside the repository, python3 (for
//! the generator) and a Python with pandas, polars, numpy and holidays (`MAARAIKA_PEER_PYTHON`, or
//! /tmp/peers/bin/python as `.ci/run` makes it). So they are ignored by `cargo test` and run by
//! `.ci/run` with `--ignored`, where a missing prerequisite fails the test: none of them skips.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use assert_cmd::cargo::CommandCargoExt;

fn peers_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/peers")
}

/// The first Python that imports `modules`; a test that asks for one fails without it.
fn python_with(modules: &str) -> String {
    assert!(
        peers_dir().join("gen_cases.py").is_file(),
        "{} is missing: the peers live in ../shared/peers beside the repository",
        peers_dir().display()
    );
    let candidates = [
        std::env::var("MAARAIKA_PEER_PYTHON").ok(),
        Some("/tmp/peers/bin/python".to_string()),
        Some("python3".to_string()),
    ];
    candidates
        .into_iter()
        .flatten()
        .find(|python| {
            Command::new(python)
                .args(["-c", &format!("import {modules}")])
                .output()
                .is_ok_and(|o| o.status.success())
        })
        .unwrap_or_else(|| {
            panic!("no Python with {modules}: set MAARAIKA_PEER_PYTHON (see .ci/run)")
        })
}

fn generate(python: &str, rows: u32, seed: u32, out: &Path, extra: &[&str]) {
    let status = Command::new(python)
        .arg(peers_dir().join("gen_cases.py"))
        .args([rows.to_string(), seed.to_string()])
        .arg(out)
        .args(extra)
        .status()
        .unwrap();
    assert!(status.success());
}

fn audit(file: &Path, as_of: &str) -> Vec<u8> {
    let out = Command::cargo_bin("maaraika")
        .unwrap()
        .arg("audit")
        .arg(file)
        .args(["--as-of", as_of, "--format", "csv", "--lang", "en"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// case_id -> (start_deadline, start_status)
fn start_columns(csv_bytes: &[u8]) -> HashMap<String, (String, String)> {
    let mut reader = csv::Reader::from_reader(csv_bytes);
    let headers = reader.headers().unwrap().clone();
    let index = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let (id, deadline, status) = (
        index("case_id"),
        index("start_deadline"),
        index("start_status"),
    );
    reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            (
                r[id].to_string(),
                (r[deadline].to_string(), r[status].to_string()),
            )
        })
        .collect()
}

#[test]
#[ignore = "needs ../shared/peers and a Python with pandas, polars, numpy and holidays; run by .ci/run"]
fn start_deadlines_and_statuses_match_the_pandas_peer() {
    matches_peer("peer_pandas.py", "pandas, numpy, holidays");
}

#[test]
#[ignore = "needs ../shared/peers and a Python with pandas, polars, numpy and holidays; run by .ci/run"]
fn start_deadlines_and_statuses_match_the_polars_peer() {
    matches_peer("peer_polars.py", "polars, holidays");
}

/// 20,000 generated cases at three as-of dates (an ordinary Monday, Midsummer Eve, Christmas Eve):
/// every row's start deadline and status as the peer computes them.
fn matches_peer(script: &str, modules: &str) {
    let python = python_with(modules);
    let dir = tempfile::tempdir().unwrap();
    let cases = dir.path().join("cases.csv");
    let peer_out = dir.path().join("peer.csv");
    generate(&python, 20_000, 7, &cases, &[]);
    for as_of in ["2026-11-23", "2025-06-19", "2024-12-24"] {
        let status = Command::new(&python)
            .arg(peers_dir().join(script))
            .arg(&cases)
            .arg(as_of)
            .arg(&peer_out)
            .output()
            .unwrap();
        assert!(
            status.status.success(),
            "{}",
            String::from_utf8_lossy(&status.stderr)
        );
        let peer = start_columns(&std::fs::read(&peer_out).unwrap());
        let ours = start_columns(&audit(&cases, as_of));
        assert_eq!(peer.len(), 20_000);
        assert_eq!(ours.len(), peer.len());
        let differing: Vec<_> = peer
            .iter()
            .filter(|(id, theirs)| ours.get(*id) != Some(theirs))
            .map(|(id, theirs)| (id, theirs, ours.get(id)))
            .take(10)
            .collect();
        assert!(differing.is_empty(), "as of {as_of}: {differing:?}");
    }
}

#[test]
#[ignore = "needs ../shared/peers and python3; run by .ci/run"]
fn finnish_excel_exports_in_both_encodings_audit_the_same_as_their_iso_twin() {
    let python = python_with("sys");
    let dir = tempfile::tempdir().unwrap();
    let iso = dir.path().join("iso.csv");
    let utf8 = dir.path().join("fi-utf8.csv");
    let cp1252 = dir.path().join("fi-1252.csv");
    generate(&python, 3_000, 11, &iso, &[]);
    generate(&python, 3_000, 11, &utf8, &["--finnish"]);
    generate(&python, 3_000, 11, &cp1252, &["--finnish", "--cp1252"]);
    let expected = audit(&iso, "2026-11-23");
    assert!(expected.len() > 3_000 * 50);
    assert_eq!(audit(&utf8, "2026-11-23"), expected);
    assert_eq!(audit(&cp1252, "2026-11-23"), expected);
}
