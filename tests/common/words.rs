//! What no Finnish or Swedish output may hold: the English of the label table and maaraika's
//! own column keys (issue 21).

/// The English of the label table as it could leak into a Finnish or Swedish output: every
/// stretch of a label's English text between its values (`{0}`), of 14 characters or more, that
/// is not also in its Finnish or Swedish words (command-line flags and example values are).
pub fn english_fragments() -> Vec<&'static str> {
    let mut fragments = Vec::new();
    for &label in maaraika::labels::ALL_LABELS {
        let [en, fi, sv] = maaraika::labels::words(label);
        for part in en.split(['{', '}']) {
            let part = part.trim_matches(|c: char| !c.is_alphanumeric());
            if part.chars().count() >= 14 && !fi.contains(part) && !sv.contains(part) {
                fragments.push(part);
            }
        }
    }
    fragments
}

/// Fails on any English sentence of the label table, and on maaraika's own column keys, in a
/// Finnish or Swedish output.
pub fn assert_no_english(what: &str, text: &str) {
    for fragment in english_fragments() {
        assert!(
            !text.contains(fragment),
            "{what}: English `{fragment}` in:\n{text}"
        );
    }
    for key in [
        "pending_date",
        "started_date",
        "completed_date",
        "birth_date",
        "care_allowance",
        "child_welfare",
        "decision_date",
        "implemented_date",
    ] {
        assert!(!text.contains(key), "{what}: the key `{key}` in:\n{text}");
    }
}
