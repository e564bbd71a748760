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

/// Words of English sentences that no Finnish or Swedish sentence has, spaces round them: what
/// gives away an English message that is in no label (a library error's own words, a clap
/// message, the system's).
pub const ENGLISH_WORDS: [&str; 24] = [
    " the ",
    " cannot ",
    " is not ",
    " must ",
    " does not ",
    " not a ",
    " should ",
    " could not ",
    " file ",
    " folder ",
    " column ",
    " value ",
    " write ",
    " give ",
    " check the ",
    " which ",
    " with ",
    " and ",
    " use ",
    " has no ",
    " is too ",
    " found",
    " invalid ",
    " expected ",
];

/// The text without what a message quotes from its input or command line (`value`, "header")
/// nor file paths: those are the user's words, not maaraika's.
pub fn without_quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut quote = None;
    for c in text.chars() {
        match (quote, c) {
            (_, '\n') => {
                quote = None;
                out.push(c);
            }
            (None, '`' | '"') => quote = Some(c),
            (Some(q), c) if c == q => {
                quote = None;
                out.push(' ');
            }
            (Some(_), _) => {}
            (None, c) => out.push(c),
        }
    }
    out.split(' ')
        .filter(|word| !word.contains('/'))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Fails on any English sentence of the label table and on words of English sentences
/// ([`ENGLISH_WORDS`]) outside quoted values, in a Finnish or Swedish output.
pub fn assert_no_english_words(what: &str, text: &str) {
    let plain = without_quoted(text).to_lowercase();
    let plain = format!(
        " {} ",
        plain.replace(['\n', '\t', ':', ',', ';', '(', ')', '.'], " ")
    );
    for word in ENGLISH_WORDS {
        assert!(
            !plain.contains(word),
            "{what}: the English word `{}` in:\n{text}",
            word.trim()
        );
    }
    for fragment in english_fragments() {
        assert!(
            !text.contains(fragment),
            "{what}: English `{fragment}` in:\n{text}"
        );
    }
}

/// [`assert_no_english_words`], and no maaraika's own column key either but in the flag that
/// reads a column (`--column case_id=Asiakasnumero`, the flag's own word).
pub fn assert_no_english(what: &str, text: &str) {
    assert_no_english_words(what, text);
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
        let outside_flag = text
            .split("--column ")
            .enumerate()
            .any(|(i, part)| part.contains(key) && (i == 0 || !part.starts_with(key)));
        assert!(!outside_flag, "{what}: the key `{key}` in:\n{text}");
    }
}
