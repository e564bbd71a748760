//! Shell completions and the manual page come from the same clap definitions as `--help`
//! (issue 11: "`maaraika completions bash|zsh|fish|powershell` and `maaraika man`").

use crate::common;

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

/// `maaraika` alone is no error: it prints the help (on standard output, without `error:`), and
/// exits 2 as nothing was done.
#[test]
fn maaraika_alone_prints_the_help_without_error() {
    let (code, out, err) = run(&[], b"");
    assert_eq!(code, 2);
    assert!(out.contains("Usage: maaraika <COMMAND>"), "{out}");
    assert!(out.contains("Commands:"), "{out}");
    assert!(!out.contains("error") && err.is_empty(), "{out}{err}");
}

/// The README's lines that install the completions and the manual pages work as written on a
/// fresh home (no folders yet), and every page the main page names is installed.
#[test]
fn the_readmes_install_lines_work_on_a_fresh_home() {
    let readme = include_str!("../README.md");
    let block = readme
        .split("on a fresh home the folders are made first:\n\n```sh\n")
        .nth(1)
        .and_then(|rest| rest.split("\n```").next())
        .expect("the README's install block");
    let home = tempfile::tempdir().unwrap();
    let bin = std::path::Path::new(env!("CARGO_BIN_EXE_maaraika"))
        .parent()
        .unwrap()
        .to_path_buf();
    let path = format!("{}:/usr/bin:/bin", bin.display());
    let out = std::process::Command::new("bash")
        .args(["-euo", "pipefail", "-c", block])
        .env("HOME", home.path())
        .env("PATH", &path)
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let share = home.path().join(".local/share");
    let completions =
        std::fs::read_to_string(share.join("bash-completion/completions/maaraika")).unwrap();
    assert!(completions.contains("maaraika"));
    let man1 = share.join("man/man1");
    let main = std::fs::read_to_string(man1.join("maaraika.1")).unwrap();
    assert!(
        main.starts_with(".ie") || main.contains(".TH maaraika"),
        "{main}"
    );
    // Every page the main page names (`maaraika\-audit(1)`) is there.
    for named in main.split("maaraika\\-").skip(1) {
        let command: String = named
            .chars()
            .take_while(|c| c.is_ascii_lowercase())
            .collect();
        if named[command.len()..].starts_with("(1)") {
            assert!(
                man1.join(format!("maaraika-{command}.1")).is_file(),
                "maaraika-{command}(1) is named but not installed"
            );
        }
    }
}

/// Every command the README shows (`$ maaraika …`) runs as written from the repository's folder
/// (the samples where it says, an as-of date where the answer depends on it), and says nothing
/// on standard error: no warning, no error.
#[test]
fn the_readmes_examples_run_as_written() {
    let readme = include_str!("../README.md");
    let dir = tempfile::tempdir().unwrap();
    let mut ran = 0;
    for line in readme.lines() {
        let Some(command) = line.strip_prefix("$ maaraika ") else {
            continue;
        };
        // Without the comment and the pipe; not the server, which runs until stopped.
        let command = command
            .split("   #")
            .next()
            .unwrap()
            .split(" | ")
            .next()
            .unwrap();
        if command.starts_with("serve") {
            continue;
        }
        let args: Vec<String> = command
            .split_whitespace()
            .map(|arg| match arg.strip_prefix("samples/") {
                Some(file) => format!("{}/samples/{file}", env!("CARGO_MANIFEST_DIR")),
                None => arg.to_string(),
            })
            .collect();
        let out = common::maaraika()
            .args(&args)
            .current_dir(dir.path())
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{command}: {stderr}");
        assert!(stderr.is_empty(), "{command}:\n{stderr}");
        ran += 1;
    }
    assert!(ran >= 10, "{ran} examples");
}
