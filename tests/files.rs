//! The files a case-list command writes (`--output`, `--errors`), on the real binary: never the
//! case list it reads, by whatever route it is named; never a file the user may not write, or
//! one reached through another user's link in a shared folder; the earlier output kept whole
//! when the run is interrupted; the errors file whole whatever happens to standard output
//! (README, "Output" and "Personal data").
//!
//! Several tests change owners and run the binary as another user: like CI, they run as root.
#![cfg(target_os = "linux")]

use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command as Std, Stdio};

use crate::common;

const AS_OF: &str = "23.11.2026";
const COMMANDS: [&str; 3] = ["audit", "overdue", "summary"];
/// A case list with an invalid row: a run that read it would say so on stderr.
const CASES: &[u8] = b"case_id,pending_date,age\nA,2.11.2026,80\nB,31.2.2026,80\nC,20.11.2026,80\n";
/// A user and group that own nothing on the machine.
const OTHER_ID: u32 = 54_321;
const AS_ROOT: &str = "this test needs root (to act as another user), as it has in CI";

fn maaraika_path() -> PathBuf {
    assert_cmd::cargo::cargo_bin("maaraika")
}

/// The binary as a standard `Command` (for its standard streams), the locale cleared as in
/// `common::maaraika`.
fn maaraika() -> Std {
    let mut command = Std::new(maaraika_path());
    command
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES");
    command
}

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

/// Runs `maaraika ARGS` in `dir`, with `stdin` from a file there if given.
fn run_in(dir: &Path, args: &[&str], stdin: Option<&str>) -> Run {
    let mut command = maaraika();
    command.current_dir(dir).args(args);
    match stdin {
        Some(name) => command.stdin(fs::File::open(dir.join(name)).unwrap()),
        None => command.stdin(Stdio::null()),
    };
    let out = command.output().unwrap();
    let run = Run {
        code: out.status.code(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    };
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    run
}

/// A folder holding the case list `cases.csv` and an empty folder `sub`.
fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("cases.csv"), CASES).unwrap();
    fs::create_dir(dir.path().join("sub")).unwrap();
    dir
}

/// Every name in `dir` (not recursing), sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn temporary_files(dir: &Path) -> Vec<String> {
    names(dir)
        .into_iter()
        .filter(|n| n.starts_with(".maaraika-"))
        .collect()
}

/// Asserts that `COMMAND INPUT --as-of … ARGS` is refused before anything is read: exit 2, one
/// message naming `named` and saying why, nothing on stdout, the case list and the folder as
/// they were.
fn assert_refused(dir: &Path, input: &str, args: &[&str], stdin: Option<&str>, why: &str) {
    let named = args.last().unwrap();
    let before = names(dir);
    for command in COMMANDS {
        let mut all = vec![command, input, "--as-of", AS_OF];
        all.extend_from_slice(args);
        let run = run_in(dir, &all, stdin);
        assert_eq!(run.code, Some(2), "{all:?}: {}", run.stderr);
        assert!(run.stdout.is_empty(), "{all:?}: {}", run.stdout);
        let lines: Vec<&str> = run.stderr.lines().collect();
        assert_eq!(lines.len(), 1, "{all:?}: one message only: {}", run.stderr);
        assert!(
            lines[0].starts_with("maaraika: error: ") && lines[0].contains(named),
            "{all:?}: the message names {named}: {}",
            lines[0]
        );
        assert!(lines[0].contains(why), "{all:?}: {}", lines[0]);
        assert_eq!(
            fs::read(dir.join("cases.csv")).unwrap(),
            CASES,
            "{all:?}: the case list is untouched"
        );
        assert_eq!(names(dir), before, "{all:?}: no file added or removed");
    }
}

const INPUT: &str = "is the case list being read";

#[test]
fn output_or_errors_naming_the_input_by_its_path_is_refused_and_the_input_kept() {
    let dir = folder();
    let absolute = dir.path().join("cases.csv");
    for flag in ["--output", "--errors"] {
        for name in [
            "cases.csv",
            "./cases.csv",
            "sub/../cases.csv",
            absolute.to_str().unwrap(),
        ] {
            assert_refused(dir.path(), "cases.csv", &[flag, name], None, INPUT);
        }
    }
    // The input named by its absolute path, the output by a relative one.
    assert_refused(
        dir.path(),
        absolute.to_str().unwrap(),
        &["--output", "sub/../cases.csv"],
        None,
        INPUT,
    );
}

#[test]
fn output_or_errors_naming_the_input_through_a_symlink_is_refused_and_the_input_kept() {
    let dir = folder();
    std::os::unix::fs::symlink("cases.csv", dir.path().join("link.csv")).unwrap();
    std::os::unix::fs::symlink("../cases.csv", dir.path().join("sub/deep.csv")).unwrap();
    for flag in ["--output", "--errors"] {
        assert_refused(dir.path(), "cases.csv", &[flag, "link.csv"], None, INPUT);
        assert_refused(
            dir.path(),
            "cases.csv",
            &[flag, "sub/deep.csv"],
            None,
            INPUT,
        );
    }
    assert!(fs::symlink_metadata(dir.path().join("link.csv"))
        .unwrap()
        .file_type()
        .is_symlink());
}

#[test]
fn the_input_given_through_a_symlink_is_not_overwritten_by_its_real_name() {
    let dir = folder();
    std::os::unix::fs::symlink("cases.csv", dir.path().join("link.csv")).unwrap();
    for flag in ["--output", "--errors"] {
        assert_refused(dir.path(), "link.csv", &[flag, "cases.csv"], None, INPUT);
    }
}

#[test]
fn output_or_errors_naming_a_hard_link_of_the_input_is_refused_and_the_input_kept() {
    let dir = folder();
    fs::hard_link(
        dir.path().join("cases.csv"),
        dir.path().join("sub/hard.csv"),
    )
    .unwrap();
    for flag in ["--output", "--errors"] {
        assert_refused(
            dir.path(),
            "cases.csv",
            &[flag, "sub/hard.csv"],
            None,
            INPUT,
        );
        assert_refused(
            dir.path(),
            "sub/hard.csv",
            &[flag, "cases.csv"],
            None,
            INPUT,
        );
    }
}

#[test]
fn output_or_errors_naming_the_file_standard_input_comes_from_is_refused() {
    // maaraika audit - --output cases.csv < cases.csv
    let dir = folder();
    std::os::unix::fs::symlink("cases.csv", dir.path().join("link.csv")).unwrap();
    for flag in ["--output", "--errors"] {
        for name in ["cases.csv", "./link.csv"] {
            assert_refused(
                dir.path(),
                "-",
                &[flag, name],
                Some("cases.csv"),
                "is the file standard input is read from",
            );
        }
    }
}

#[test]
fn standard_output_appended_to_the_input_is_refused() {
    // maaraika audit cases.csv >> cases.csv would read its own output back for ever.
    let dir = folder();
    for command in COMMANDS {
        let out = maaraika()
            .current_dir(dir.path())
            .args([command, "cases.csv", "--as-of", AS_OF])
            .stdout(
                fs::OpenOptions::new()
                    .append(true)
                    .open(dir.path().join("cases.csv"))
                    .unwrap(),
            )
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{command}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains("standard output goes to the case list being read"),
            "{stderr}"
        );
        assert_eq!(fs::read(dir.path().join("cases.csv")).unwrap(), CASES);
    }
}

#[test]
fn output_and_errors_naming_the_same_file_are_refused() {
    let dir = folder();
    let absolute = dir.path().join("out.csv");
    // Not there yet, by two spellings of one path.
    for (output, errors) in [
        ("out.csv", "out.csv"),
        ("out.csv", "./out.csv"),
        ("sub/../out.csv", absolute.to_str().unwrap()),
    ] {
        assert_refused(
            dir.path(),
            "cases.csv",
            &["--output", output, "--errors", errors],
            None,
            "name the same file: give each its own file name",
        );
    }
    // There already, also through a symlink and a hard link.
    fs::write(dir.path().join("out.csv"), "earlier\n").unwrap();
    std::os::unix::fs::symlink("out.csv", dir.path().join("link.csv")).unwrap();
    fs::hard_link(dir.path().join("out.csv"), dir.path().join("sub/hard.csv")).unwrap();
    for (output, errors) in [
        ("out.csv", "./out.csv"),
        ("link.csv", "out.csv"),
        ("out.csv", "sub/hard.csv"),
    ] {
        assert_refused(
            dir.path(),
            "cases.csv",
            &["--output", output, "--errors", errors],
            None,
            "name the same file: give each its own file name",
        );
    }
    assert_eq!(
        fs::read_to_string(dir.path().join("out.csv")).unwrap(),
        "earlier\n"
    );
}

#[test]
fn output_and_errors_in_other_files_are_written() {
    let dir = folder();
    for command in COMMANDS {
        let run = run_in(
            dir.path(),
            &[
                command,
                "cases.csv",
                "--as-of",
                AS_OF,
                "--output",
                "out.csv",
                "--errors",
                "sub/errors.csv",
            ],
            None,
        );
        assert_eq!(run.code, Some(3), "{command}: {}", run.stderr);
        assert!(fs::metadata(dir.path().join("out.csv")).unwrap().len() > 0);
        let errors = fs::read_to_string(dir.path().join("sub/errors.csv")).unwrap();
        assert_eq!(errors.lines().count(), 2, "{errors}");
    }
}

fn mode(path: &Path) -> u32 {
    fs::metadata(path).unwrap().permissions().mode() & 0o7777
}

#[test]
fn a_read_only_output_or_errors_file_is_refused_and_kept() {
    // chmod 444: no one may write it (root's shell would, but nobody means that).
    let dir = folder();
    let target = dir.path().join("out.csv");
    fs::write(&target, "earlier\n").unwrap();
    fs::set_permissions(&target, fs::Permissions::from_mode(0o444)).unwrap();
    for flag in ["--output", "--errors"] {
        assert_refused(
            dir.path(),
            "cases.csv",
            &[flag, "out.csv"],
            None,
            "permission denied",
        );
    }
    assert_eq!(fs::read_to_string(&target).unwrap(), "earlier\n");
    assert_eq!(mode(&target), 0o444);
}

/// Runs the binary as the user and group [`OTHER_ID`], in `dir`.
fn run_as_other_user(dir: &Path, args: &[&str]) -> Run {
    let out = maaraika()
        .current_dir(dir)
        .args(args)
        .uid(OTHER_ID)
        .gid(OTHER_ID)
        .output()
        .expect(AS_ROOT);
    Run {
        code: out.status.code(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

#[test]
fn a_file_the_user_may_not_write_is_refused_as_the_shell_would() {
    // A folder everyone may write to, holding a file only its owner (root) may write: the
    // shell's `> out.csv` is refused for another user, and so is --output, although renaming
    // over the file is allowed there.
    let dir = folder();
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o777)).unwrap();
    fs::set_permissions(
        dir.path().join("cases.csv"),
        fs::Permissions::from_mode(0o644),
    )
    .unwrap();
    let target = dir.path().join("out.csv");
    fs::write(&target, "earlier\n").unwrap();
    fs::set_permissions(&target, fs::Permissions::from_mode(0o644)).unwrap();
    for command in COMMANDS {
        for flag in ["--output", "--errors"] {
            let run = run_as_other_user(
                dir.path(),
                &[command, "cases.csv", "--as-of", AS_OF, flag, "out.csv"],
            );
            assert_eq!(run.code, Some(2), "{command} {flag}: {}", run.stderr);
            assert!(
                run.stderr
                    .starts_with("maaraika: error: cannot write out.csv: permission denied"),
                "{}",
                run.stderr
            );
            assert_eq!(fs::read_to_string(&target).unwrap(), "earlier\n");
            assert_eq!(fs::metadata(&target).unwrap().uid(), 0);
            assert!(temporary_files(dir.path()).is_empty());
        }
    }
    // The same user may write a file of their own beside it.
    let run = run_as_other_user(
        dir.path(),
        &[
            "audit",
            "cases.csv",
            "--as-of",
            AS_OF,
            "--output",
            "mine.csv",
        ],
    );
    assert_eq!(run.code, Some(3), "{}", run.stderr);
    assert_eq!(
        fs::metadata(dir.path().join("mine.csv")).unwrap().uid(),
        OTHER_ID
    );
}

#[test]
fn another_users_file_in_a_sticky_folder_is_refused_though_anyone_may_write_it() {
    // In /tmp only a file's owner may replace it: the rename would fail after the whole run.
    let dir = folder();
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o1777)).unwrap();
    fs::set_permissions(
        dir.path().join("cases.csv"),
        fs::Permissions::from_mode(0o644),
    )
    .unwrap();
    let target = dir.path().join("out.csv");
    fs::write(&target, "earlier\n").unwrap();
    fs::set_permissions(&target, fs::Permissions::from_mode(0o666)).unwrap();
    for command in COMMANDS {
        let run = run_as_other_user(
            dir.path(),
            &[
                command,
                "cases.csv",
                "--as-of",
                AS_OF,
                "--output",
                "out.csv",
            ],
        );
        assert_eq!(run.code, Some(2), "{command}: {}", run.stderr);
        assert_eq!(
            run.stderr.lines().collect::<Vec<_>>(),
            [
                "maaraika: error: cannot write out.csv: permission denied: you may not write this \
              file: give another file name, or ask its owner for write access"
            ],
            "{command}: refused before reading"
        );
        assert_eq!(fs::read_to_string(&target).unwrap(), "earlier\n");
    }
}

#[test]
fn an_existing_output_keeps_its_mode_and_owner_and_a_new_one_is_owner_only() {
    let dir = folder();
    for (flag, name) in [("--output", "out.csv"), ("--errors", "errors.csv")] {
        let target = dir.path().join(name);
        fs::write(&target, "earlier\n").unwrap();
        std::os::unix::fs::chown(&target, Some(OTHER_ID), Some(OTHER_ID)).expect(AS_ROOT);
        fs::set_permissions(&target, fs::Permissions::from_mode(0o664)).unwrap();
        let run = run_in(
            dir.path(),
            &["audit", "cases.csv", "--as-of", AS_OF, flag, name],
            None,
        );
        assert_eq!(run.code, Some(3), "{}", run.stderr);
        assert_ne!(fs::read_to_string(&target).unwrap(), "earlier\n", "{flag}");
        let meta = fs::metadata(&target).unwrap();
        assert_eq!(meta.permissions().mode() & 0o7777, 0o664, "{flag}");
        assert_eq!((meta.uid(), meta.gid()), (OTHER_ID, OTHER_ID), "{flag}");
    }
    for command in COMMANDS {
        let (out, errors) = (
            format!("new-{command}.csv"),
            format!("new-errors-{command}.csv"),
        );
        let run = run_in(
            dir.path(),
            &[
                command,
                "cases.csv",
                "--as-of",
                AS_OF,
                "--output",
                &out,
                "--errors",
                &errors,
            ],
            None,
        );
        assert_eq!(run.code, Some(3), "{}", run.stderr);
        assert_eq!(mode(&dir.path().join(out)), 0o600, "{command}");
        assert_eq!(mode(&dir.path().join(errors)), 0o600, "{command}");
    }
}

#[test]
fn a_symlink_owned_by_another_user_in_a_shared_sticky_folder_is_not_written_through() {
    // Like /tmp: everyone may write the folder, the sticky bit keeps them to their own files.
    // Another user's link there may point anywhere (the kernel's protected_symlinks rule).
    let dir = folder();
    let shared = dir.path().join("shared");
    fs::create_dir(&shared).unwrap();
    fs::set_permissions(&shared, fs::Permissions::from_mode(0o1777)).unwrap();
    let precious = dir.path().join("precious.csv");
    fs::write(&precious, "not to be lost\n").unwrap();
    let link = shared.join("out.csv");
    std::os::unix::fs::symlink(&precious, &link).unwrap();
    std::os::unix::fs::lchown(&link, Some(OTHER_ID), Some(OTHER_ID)).expect(AS_ROOT);
    // A folder in it, by another user's link: the same.
    let folder_link = shared.join("reports");
    std::os::unix::fs::symlink(dir.path().join("sub"), &folder_link).unwrap();
    std::os::unix::fs::lchown(&folder_link, Some(OTHER_ID), Some(OTHER_ID)).expect(AS_ROOT);
    for flag in ["--output", "--errors"] {
        for name in ["shared/out.csv", "shared/reports/out.csv"] {
            assert_refused(
                dir.path(),
                "cases.csv",
                &[flag, name],
                None,
                "a symbolic link owned by another user in a folder everyone may write to",
            );
        }
    }
    // The user's own link to such a link: the same.
    std::os::unix::fs::symlink("shared/out.csv", dir.path().join("mine.csv")).unwrap();
    assert_refused(
        dir.path(),
        "cases.csv",
        &["--output", "mine.csv"],
        None,
        "a symbolic link owned by another user in a folder everyone may write to",
    );
    assert_eq!(fs::read_to_string(&precious).unwrap(), "not to be lost\n");
    assert!(names(&dir.path().join("sub")).is_empty());
    // The user's own link there is followed, as the kernel would.
    std::os::unix::fs::lchown(&link, Some(0), Some(0)).expect(AS_ROOT);
    let run = run_in(
        dir.path(),
        &[
            "audit",
            "cases.csv",
            "--as-of",
            AS_OF,
            "--output",
            "shared/out.csv",
        ],
        None,
    );
    assert_eq!(run.code, Some(3), "{}", run.stderr);
    assert!(fs::read_to_string(&precious).unwrap().starts_with("line,"));
}

#[test]
fn an_output_symlink_to_the_users_own_file_writes_that_file_and_keeps_the_link() {
    let dir = folder();
    let real = dir.path().join("sub/real.csv");
    fs::write(&real, "earlier\n").unwrap();
    fs::set_permissions(&real, fs::Permissions::from_mode(0o640)).unwrap();
    std::os::unix::fs::symlink("sub/real.csv", dir.path().join("link.csv")).unwrap();
    for command in COMMANDS {
        let run = run_in(
            dir.path(),
            &[
                command,
                "cases.csv",
                "--as-of",
                AS_OF,
                "--output",
                "link.csv",
            ],
            None,
        );
        assert_eq!(run.code, Some(3), "{}", run.stderr);
        let link = fs::symlink_metadata(dir.path().join("link.csv")).unwrap();
        assert!(link.file_type().is_symlink(), "{command}");
        assert_ne!(fs::read_to_string(&real).unwrap(), "earlier\n", "{command}");
        assert_eq!(mode(&real), 0o640, "{command}");
        assert!(temporary_files(&dir.path().join("sub")).is_empty());
    }
}

#[test]
fn a_dangling_output_symlink_creates_its_target_and_keeps_the_link() {
    // As the shell's `> link.csv` would: the file the link names is created, the link stays.
    let dir = folder();
    std::os::unix::fs::symlink("sub/new.csv", dir.path().join("link.csv")).unwrap();
    std::os::unix::fs::symlink(
        dir.path().join("sub/errors.csv"),
        dir.path().join("sub/errors-link.csv"),
    )
    .unwrap();
    for command in COMMANDS {
        let _ = fs::remove_file(dir.path().join("sub/new.csv"));
        let _ = fs::remove_file(dir.path().join("sub/errors.csv"));
        let run = run_in(
            dir.path(),
            &[
                command,
                "cases.csv",
                "--as-of",
                AS_OF,
                "--output",
                "link.csv",
                "--errors",
                "sub/errors-link.csv",
            ],
            None,
        );
        assert_eq!(run.code, Some(3), "{command}: {}", run.stderr);
        for link in ["link.csv", "sub/errors-link.csv"] {
            let meta = fs::symlink_metadata(dir.path().join(link)).unwrap();
            assert!(meta.file_type().is_symlink(), "{command}: {link} kept");
        }
        let output = fs::read_to_string(dir.path().join("sub/new.csv")).unwrap();
        let stdout = run_in(dir.path(), &[command, "cases.csv", "--as-of", AS_OF], None).stdout;
        assert_eq!(output, stdout, "{command}: the output, whole");
        let errors = fs::read_to_string(dir.path().join("sub/errors.csv")).unwrap();
        assert!(errors.contains("31.2.2026"), "{command}: {errors}");
        assert!(temporary_files(&dir.path().join("sub")).is_empty());
        assert!(temporary_files(dir.path()).is_empty());
    }
}

#[test]
fn a_dangling_output_symlink_is_compared_as_the_file_it_names() {
    let dir = folder();
    std::os::unix::fs::symlink("sub/out.csv", dir.path().join("link.csv")).unwrap();
    std::os::unix::fs::symlink("link.csv", dir.path().join("sub/chain.csv")).unwrap();
    // `sub/chain.csv` → `link.csv` (relative to sub/: dangling) is no link to `sub/out.csv`.
    for (output, errors) in [
        ("link.csv", "sub/out.csv"),
        ("sub/out.csv", "link.csv"),
        ("link.csv", "./sub/../link.csv"),
    ] {
        assert_refused(
            dir.path(),
            "cases.csv",
            &["--output", output, "--errors", errors],
            None,
            "name the same file: give each its own file name",
        );
    }
    // A link that leads back to itself is refused, not replaced.
    std::os::unix::fs::symlink("loop-b.csv", dir.path().join("loop-a.csv")).unwrap();
    std::os::unix::fs::symlink("loop-a.csv", dir.path().join("loop-b.csv")).unwrap();
    assert_refused(
        dir.path(),
        "cases.csv",
        &["--output", "loop-a.csv"],
        None,
        "too many levels of symbolic links",
    );
    assert!(!dir.path().join("sub/out.csv").exists());
}

/// Runs `maaraika ARGS` in `dir` from a shell with `redirections` (`2>>cases.csv`).
fn with_redirections(dir: &Path, redirections: &str, args: &[&str]) -> Run {
    let out = Std::new("sh")
        .current_dir(dir)
        .arg("-c")
        .arg(format!("exec \"$0\" \"$@\" {redirections}"))
        .arg(maaraika_path())
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .output()
        .unwrap();
    Run {
        code: out.status.code(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

#[test]
fn standard_error_that_is_the_case_list_is_refused_before_anything_is_written() {
    // The case list has an invalid row: every run that read it would write a message.
    let dir = folder();
    std::os::unix::fs::symlink("cases.csv", dir.path().join("link.csv")).unwrap();
    for command in COMMANDS {
        for (redirections, input) in [
            ("2>>cases.csv", "cases.csv"),
            ("2<>cases.csv", "cases.csv"),
            ("2>>link.csv", "cases.csv"),
            ("2<>cases.csv", "link.csv"),
            ("<cases.csv 2>>cases.csv", "-"),
            ("<cases.csv 2<>link.csv", "-"),
        ] {
            // And a run that fails on its arguments, before any reading.
            for extra in [&[][..], &["--no-such-flag"], &["--format", "xlsx"]] {
                let mut args = vec![command, input, "--as-of", AS_OF];
                args.extend_from_slice(extra);
                let run = with_redirections(dir.path(), redirections, &args);
                let label = format!("{} {redirections}", args.join(" "));
                assert_eq!(run.code, Some(2), "{label}");
                assert!(run.stdout.is_empty(), "{label}: {}", run.stdout);
                assert_eq!(
                    fs::read(dir.path().join("cases.csv")).unwrap(),
                    CASES,
                    "{label}: the case list is untouched"
                );
            }
        }
        // Standard error to another file is written as before.
        let run = with_redirections(
            dir.path(),
            "2>>sub/messages.txt",
            &[command, "cases.csv", "--as-of", AS_OF],
        );
        assert_eq!(run.code, Some(3), "{command}");
        let messages = fs::read_to_string(dir.path().join("sub/messages.txt")).unwrap();
        assert!(messages.contains("31.2.2026"), "{command}: {messages}");
    }
    // Only the case-list commands: others may share a file with standard error (like
    // `serve --access-log FILE 2>> FILE`).
    fs::write(dir.path().join("sub/log.txt"), "").unwrap();
    let run = with_redirections(
        dir.path(),
        "2>>sub/log.txt",
        &["calendar", "holidays", "2026"],
    );
    assert_eq!(run.code, Some(0), "{}", run.stderr);
}

/// A generated case list of `rows` rows, with `invalid` rows spread through it made invalid
/// (an impossible pending date).
fn generated(rows: u64, invalid: u64) -> Vec<u8> {
    let text = String::from_utf8(common::generated_cases(
        rows,
        7,
        common::generate::Dialect::Iso,
    ))
    .unwrap();
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    let column = lines[0]
        .split(',')
        .position(|h| h == "pending_date")
        .unwrap();
    for k in 1..=invalid {
        // From the second row to the last one.
        let line = (1 + (rows - 1) * (k - 1) / (invalid - 1).max(1)) as usize;
        let mut fields: Vec<&str> = lines[line].split(',').collect();
        fields[column] = "31.2.2026";
        lines[line] = fields.join(",");
    }
    (lines.join("\n") + "\n").into_bytes()
}

#[test]
fn interrupt_terminate_and_hangup_remove_the_temporary_files_and_keep_the_earlier_output() {
    use rustix::process::{kill_process, Pid, Signal};
    let list = generated(30_000, 4);
    let dir = tempfile::tempdir().unwrap();
    for (signal, code) in [(Signal::INT, 130), (Signal::TERM, 143), (Signal::HUP, 129)] {
        for command in COMMANDS {
            fs::write(dir.path().join("audit.csv"), "earlier output\n").unwrap();
            fs::write(dir.path().join("errors.csv"), "earlier errors\n").unwrap();
            let mut child = maaraika()
                .current_dir(dir.path())
                .args([command, "-", "--as-of", AS_OF])
                .args(["--output", "audit.csv", "--errors", "errors.csv"])
                .stdin(Stdio::piped())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .unwrap();
            // Two thirds of the list, and the pipe left open: the run is mid-way, its
            // temporary files there, until the signal comes.
            let mut stdin = child.stdin.take().unwrap();
            stdin.write_all(&list[..list.len() * 2 / 3]).unwrap();
            let started = std::time::Instant::now();
            while temporary_files(dir.path()).is_empty() {
                assert!(
                    started.elapsed().as_secs() < 60,
                    "{command}: no temporary file appeared"
                );
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            kill_process(Pid::from_child(&child), signal).unwrap();
            let status = child.wait().unwrap();
            drop(stdin);
            assert_eq!(status.code(), Some(code), "{command} {signal:?}");
            assert_eq!(
                temporary_files(dir.path()),
                Vec::<String>::new(),
                "{command} {signal:?}"
            );
            assert_eq!(
                fs::read_to_string(dir.path().join("audit.csv")).unwrap(),
                "earlier output\n"
            );
            assert_eq!(
                fs::read_to_string(dir.path().join("errors.csv")).unwrap(),
                "earlier errors\n"
            );
        }
    }
}

/// Whether process `pid` has its own handler for `signal` (`SigCgt` in /proc/PID/status).
fn catches(pid: u32, signal: i32) -> bool {
    let status = fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    status
        .lines()
        .find_map(|line| line.strip_prefix("SigCgt:"))
        .and_then(|mask| u64::from_str_radix(mask.trim(), 16).ok())
        .is_some_and(|mask| mask & (1 << (signal - 1)) != 0)
}

#[test]
fn a_signal_before_anything_is_written_ends_a_run_with_files_the_same_way() {
    use rustix::process::{kill_process, Pid, Signal};
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("audit.csv"), "earlier output\n").unwrap();
    let mut child = maaraika()
        .current_dir(dir.path())
        .args(["audit", "-", "--as-of", AS_OF, "--output", "audit.csv"])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Nothing sent: the run waits for the header row (until the pipe closes, after the end).
    let stdin = child.stdin.take().unwrap();
    let started = std::time::Instant::now();
    while !catches(child.id(), Signal::INT.as_raw()) {
        assert!(started.elapsed().as_secs() < 60, "no signal handler");
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    kill_process(Pid::from_child(&child), Signal::INT).unwrap();
    assert_eq!(child.wait().unwrap().code(), Some(130));
    drop(stdin);
    assert_eq!(names(dir.path()), ["audit.csv"]);
    assert_eq!(
        fs::read_to_string(dir.path().join("audit.csv")).unwrap(),
        "earlier output\n"
    );
}

#[test]
fn a_temporary_file_holding_output_is_removed_on_a_signal() {
    // The audit writes as it reads: wait until its temporary file holds client data.
    use rustix::process::{kill_process, Pid, Signal};
    let list = generated(30_000, 0);
    let dir = tempfile::tempdir().unwrap();
    let mut child = maaraika()
        .current_dir(dir.path())
        .args(["audit", "-", "--as-of", AS_OF, "--output", "audit.csv"])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(&list[..list.len() * 2 / 3]).unwrap();
    let started = std::time::Instant::now();
    let has_data = || {
        temporary_files(dir.path())
            .iter()
            .any(|name| fs::metadata(dir.path().join(name)).is_ok_and(|m| m.len() > 0))
    };
    while !has_data() {
        assert!(started.elapsed().as_secs() < 60, "no output was written");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    kill_process(Pid::from_child(&child), Signal::TERM).unwrap();
    assert_eq!(child.wait().unwrap().code(), Some(143));
    drop(stdin);
    assert!(names(dir.path()).is_empty(), "{:?}", names(dir.path()));
}

/// Rows whose audit output is several times the 8 MB at which `--output` starts syncing the
/// temporary file to disk while it is written (src/cli/file.rs, `WriteBack`).
const ROWS_PAST_WRITE_BACK: u64 = 250_000;

#[test]
fn an_output_synced_while_written_is_whole_and_a_signal_mid_sync_still_removes_it() {
    use rustix::process::{kill_process, Pid, Signal};
    let list = generated(ROWS_PAST_WRITE_BACK, 0);
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("cases.csv"), &list).unwrap();
    // Whole: the same bytes as the audit on standard output.
    let audit = |output: &[&str]| {
        let mut args = vec!["audit", "cases.csv", "--as-of", AS_OF];
        args.extend_from_slice(output);
        let run = run_in(dir.path(), &args, None);
        assert_eq!(run.code, Some(0), "{args:?}: {}", run.stderr);
        run.stdout
    };
    let expected = audit(&["--format", "csv"]);
    assert!(expected.len() > 16 << 20, "{} bytes", expected.len());
    audit(&["--output", "audit.csv"]);
    let written = fs::read_to_string(dir.path().join("audit.csv")).unwrap();
    assert!(
        written == expected,
        "the --output file differs from standard output"
    );
    assert_eq!(temporary_files(dir.path()), Vec::<String>::new());
    // A signal once the temporary file is past the first syncs: removed, the earlier output kept.
    let mut child = maaraika()
        .current_dir(dir.path())
        .args(["audit", "-", "--as-of", AS_OF, "--output", "audit.csv"])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(&list[..list.len() * 2 / 3]).unwrap();
    let started = std::time::Instant::now();
    let past_write_back = || {
        temporary_files(dir.path())
            .iter()
            .any(|name| fs::metadata(dir.path().join(name)).is_ok_and(|m| m.len() > 12 << 20))
    };
    while !past_write_back() {
        assert!(
            started.elapsed().as_secs() < 120,
            "the output did not grow past 12 MB"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    kill_process(Pid::from_child(&child), Signal::TERM).unwrap();
    assert_eq!(child.wait().unwrap().code(), Some(143));
    drop(stdin);
    assert_eq!(temporary_files(dir.path()), Vec::<String>::new());
    assert!(fs::read_to_string(dir.path().join("audit.csv")).unwrap() == written);
}

#[test]
fn the_errors_file_is_written_whole_when_the_reader_of_the_output_goes_away() {
    // maaraika audit … --errors errors.csv | head -1
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("cases.csv"), generated(30_000, 4)).unwrap();
    let mut child = maaraika()
        .current_dir(dir.path())
        .args(["audit", "cases.csv", "--as-of", AS_OF, "--format", "csv"])
        .args(["--errors", "errors.csv"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    assert!(first.starts_with("line,case_id"), "{first}");
    // The reader goes away here, with most of the output not yet written.
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    let errors = fs::read_to_string(dir.path().join("errors.csv")).unwrap();
    let lines: Vec<&str> = errors.lines().collect();
    assert_eq!(lines.len(), 5, "a header and the 4 invalid rows: {errors}");
    assert!(
        lines[4].starts_with("cases.csv,30001,"),
        "the last row: {errors}"
    );
    assert_eq!(stderr.matches("is not a real date").count(), 4, "{stderr}");
    assert!(temporary_files(dir.path()).is_empty());
}

#[test]
fn the_errors_file_is_written_whole_when_standard_output_fails() {
    // maaraika audit … --errors errors.csv > /dev/full
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("cases.csv"), generated(30_000, 4)).unwrap();
    let out = maaraika()
        .current_dir(dir.path())
        .args(["audit", "cases.csv", "--as-of", AS_OF, "--format", "csv"])
        .args(["--errors", "errors.csv"])
        .stdout(fs::File::create("/dev/full").unwrap())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.ends_with(
            "maaraika: error: cannot write the output: the disk is full: free some space or \
             choose another place for the file\n"
        ),
        "{stderr}"
    );
    let errors = fs::read_to_string(dir.path().join("errors.csv")).unwrap();
    assert_eq!(
        errors.lines().count(),
        5,
        "a header and the 4 invalid rows: {errors}"
    );
    assert!(temporary_files(dir.path()).is_empty());
}

/// Runs `maaraika ARGS` from a shell with standard output closed (`>&-`).
fn with_stdout_closed(dir: &Path, args: &[&str]) -> Run {
    let out = Std::new("sh")
        .current_dir(dir)
        .arg("-c")
        .arg("exec \"$0\" \"$@\" >&-")
        .arg(maaraika_path())
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .output()
        .unwrap();
    Run {
        code: out.status.code(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

#[test]
fn a_closed_standard_output_is_an_error_not_a_silent_success() {
    let dir = folder();
    for command in COMMANDS {
        let run = with_stdout_closed(
            dir.path(),
            &[
                command,
                "cases.csv",
                "--as-of",
                AS_OF,
                "--errors",
                "errors.csv",
            ],
        );
        assert_eq!(run.code, Some(2), "{command}: {}", run.stderr);
        assert_eq!(
            run.stderr.trim_end(),
            "maaraika: error: cannot write the output: standard output is closed: send it to \
             a file (> FILE or --output FILE), or to /dev/null to discard it",
            "{command}"
        );
        assert!(!dir.path().join("errors.csv").exists(), "{command}");
        // With --output, standard output is not needed.
        let run = with_stdout_closed(
            dir.path(),
            &[
                command,
                "cases.csv",
                "--as-of",
                AS_OF,
                "--output",
                "out.csv",
            ],
        );
        assert_eq!(run.code, Some(3), "{command}: {}", run.stderr);
        assert!(run.stdout.is_empty());
    }
    for args in [
        &["check", "--pending", "18.12.2026", "--age", "78"][..],
        &["calendar", "add", "23.11.2026", "7"],
    ] {
        let run = with_stdout_closed(dir.path(), args);
        assert_eq!(run.code, Some(2), "{args:?}: {}", run.stderr);
        assert!(
            run.stderr.contains("standard output is closed"),
            "{}",
            run.stderr
        );
    }
}

#[test]
fn overdue_sorts_through_a_nameless_file_and_leaves_nothing_behind() {
    // The listed cases wait for the sort in a temporary file with no name: in the folder of
    // --output, else in $TMPDIR. Neither folder holds anything new after the run, and the list
    // is the same by either route, from a file or from standard input.
    let dir = folder();
    fs::write(dir.path().join("cases.csv"), generated(20_000, 3)).unwrap();
    let temp = tempfile::tempdir().unwrap();
    let args = [
        "overdue",
        "cases.csv",
        "--as-of",
        AS_OF,
        "--due-within",
        "5",
    ];
    let mut to_file = args.to_vec();
    to_file.extend(["--output", "sub/list.csv"]);
    let run = |args: &[&str], stdin: Option<&str>| {
        let mut command = maaraika();
        command
            .current_dir(dir.path())
            .args(args)
            .env("TMPDIR", temp.path());
        match stdin {
            Some(name) => command.stdin(fs::File::open(dir.path().join(name)).unwrap()),
            None => command.stdin(Stdio::null()),
        };
        let out = command.output().unwrap();
        assert_eq!(out.status.code(), Some(3), "{args:?}");
        out.stdout
    };
    let listed = run(&args, None);
    assert!(
        listed.len() > 100_000,
        "a long list: {} bytes",
        listed.len()
    );
    let mut from_stdin = args.to_vec();
    from_stdin[1] = "-";
    assert_eq!(run(&from_stdin, Some("cases.csv")), listed);
    assert!(run(&to_file, None).is_empty());
    assert_eq!(fs::read(dir.path().join("sub/list.csv")).unwrap(), listed);
    assert_eq!(names(&dir.path().join("sub")), ["list.csv"]);
    assert_eq!(names(dir.path()), ["cases.csv", "sub"]);
    assert!(names(temp.path()).is_empty(), "{:?}", names(temp.path()));
}
