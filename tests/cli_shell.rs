//! Shell completions and the manual page come from the same clap definitions as `--help`
//! (issue 11: "`maaraika completions bash|zsh|fish|powershell` and `maaraika man`").

mod common;

use common::run;

const COMMANDS: [&str; 5] = ["calendar", "check", "audit", "overdue", "summary"];

#[test]
fn completions_for_every_shell_name_every_command() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let (code, out, err) = run(&["completions", shell], b"");
        assert_eq!(code, 0, "{shell}: {err}");
        for command in COMMANDS {
            assert!(
                out.contains(command),
                "{shell} completions lack `{command}`"
            );
        }
        assert!(
            out.contains("as-of"),
            "{shell} completions lack the options"
        );
    }
}

#[test]
fn bash_completions_are_a_script_bash_accepts() {
    let (code, out, _) = run(&["completions", "bash"], b"");
    assert_eq!(code, 0);
    let dir = tempfile::tempdir().unwrap();
    let script = dir.path().join("maaraika.bash");
    std::fs::write(&script, &out).unwrap();
    // `bash -n` parses without running; then sourcing must register the completion function.
    let status = std::process::Command::new("bash")
        .arg("-c")
        .arg(format!(
            "bash -n '{0}' && source '{0}' && complete -p maaraika",
            script.display()
        ))
        .output()
        .unwrap();
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    assert!(String::from_utf8_lossy(&status.stdout).contains("maaraika"));
}

#[test]
fn an_unknown_shell_is_refused_naming_the_ones_there_are() {
    let (code, out, err) = run(&["completions", "tcsh"], b"");
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(err.contains("bash") && err.contains("powershell"), "{err}");
}

#[test]
fn the_manual_page_is_roff_listing_every_command() {
    let (code, out, err) = run(&["man"], b"");
    assert_eq!(code, 0, "{err}");
    assert!(out.contains(".TH maaraika 1"), "{out}");
    for command in COMMANDS {
        assert!(out.contains(command), "the page lacks `{command}`");
    }
}

#[test]
fn each_command_has_its_own_manual_page_with_its_options() {
    let (code, out, err) = run(&["man", "audit"], b"");
    assert_eq!(code, 0, "{err}");
    assert!(out.contains(".TH maaraika-audit 1"), "{out}");
    assert!(out.contains(r"\-\-as\-of"), "{out}");
    let (code, _, err) = run(&["man", "nope"], b"");
    assert_eq!(code, 2);
    assert!(err.contains("audit"), "{err}");
}
