//! The recipes a county's IT runs (docs/DEPLOY.md): the container recipe (`Containerfile`) and
//! the Debian package's unit and options file (`packaging/`), read as the tools read them and
//! held to the promises of the deployment guide. The package itself is built, installed and its
//! unit rated by `packaging/check-deb.sh` in CI; the proxy in front by `tests/behind_proxy.rs`.
//!
//! The container image itself is not built here: CI's machine reaches package registries only,
//! not a container registry, so the base images cannot be pulled (and podman cannot run a build
//! step in CI's container). This test lints the recipe instead.

use crate::common;

use std::path::PathBuf;

fn repo_file(path: &str) -> String {
    let full = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(path);
    std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{}: {e}", full.display()))
}

/// One instruction of a Containerfile: its keyword (upper case) and the rest of its line, with
/// continuation lines joined and comments left out.
#[derive(Debug)]
struct Instruction {
    keyword: String,
    args: String,
}

fn instructions(text: &str) -> Vec<Instruction> {
    let mut found = Vec::new();
    let mut current = String::new();
    for line in text.lines() {
        let trimmed = line.trim();
        if current.is_empty() && (trimmed.is_empty() || trimmed.starts_with('#')) {
            continue;
        }
        if let Some(head) = trimmed.strip_suffix('\\') {
            current.push_str(head);
            current.push(' ');
            continue;
        }
        current.push_str(trimmed);
        let (keyword, args) = current
            .split_once(char::is_whitespace)
            .unwrap_or((&current, ""));
        found.push(Instruction {
            keyword: keyword.to_ascii_uppercase(),
            args: args.trim().to_string(),
        });
        current.clear();
    }
    assert!(
        current.is_empty(),
        "the Containerfile ends inside a continued line"
    );
    found
}

/// The instructions of each stage (from its FROM to the next).
fn stages(all: &[Instruction]) -> Vec<&[Instruction]> {
    let starts: Vec<usize> = all
        .iter()
        .enumerate()
        .filter(|(_, i)| i.keyword == "FROM")
        .map(|(n, _)| n)
        .collect();
    starts
        .iter()
        .enumerate()
        .map(|(n, &start)| &all[start..*starts.get(n + 1).unwrap_or(&all.len())])
        .collect()
}

/// The words of an exec-form (JSON array) instruction.
fn exec_form(args: &str) -> Vec<String> {
    serde_json::from_str(args)
        .unwrap_or_else(|e| panic!("`{args}` is not in exec form (a JSON array): {e}"))
}

/// The options `maaraika serve --help` lists.
fn serve_options() -> String {
    let out = common::maaraika()
        .args(["serve", "--help"])
        .output()
        .unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_container_recipe_builds_in_one_stage_and_runs_the_binary_alone_in_a_slim_one() {
    let all = instructions(&repo_file("Containerfile"));
    let stages = stages(&all);
    assert!(
        stages.len() >= 2,
        "a multi-stage build: {} stage(s)",
        stages.len()
    );
    let build = stages[0];
    let from = &build[0].args;
    let build_name = from
        .rsplit_once(" AS ")
        .map(|(_, name)| name.trim())
        .unwrap_or_else(|| panic!("the build stage is named (`FROM … AS build`): {from}"));
    assert!(
        build
            .iter()
            .any(|i| i.keyword == "RUN" && i.args.contains("cargo build --release --locked")),
        "the build stage builds the release binary from Cargo.lock"
    );
    let runtime = stages[stages.len() - 1];
    let image = runtime[0].args.split_whitespace().next().unwrap();
    assert!(
        (image.contains("debian:") && image.ends_with("-slim")) || image.contains("distroless"),
        "the final image is a slim Debian or distroless one: {image}"
    );
    // Only the binary comes over from the build.
    let copies: Vec<&Instruction> = runtime.iter().filter(|i| i.keyword == "COPY").collect();
    assert_eq!(copies.len(), 1, "{copies:?}");
    assert!(
        copies[0].args.starts_with(&format!("--from={build_name} ")),
        "{copies:?}"
    );
    assert!(copies[0].args.ends_with("/usr/bin/maaraika"), "{copies:?}");
    // The build context leaves the build folders out.
    let ignored = repo_file(".containerignore");
    assert!(ignored.lines().any(|l| l.trim() == "target"), "{ignored}");
}

#[test]
fn the_container_runs_as_an_unprivileged_user_on_a_read_only_root() {
    let all = instructions(&repo_file("Containerfile"));
    let stages = stages(&all);
    let runtime = stages[stages.len() - 1];
    let user = runtime
        .iter()
        .rfind(|i| i.keyword == "USER")
        .expect("the final stage sets a USER");
    let uid = user.args.split(':').next().unwrap();
    assert!(
        uid.parse::<u32>().is_ok_and(|uid| uid >= 1000),
        "a numeric, unprivileged user (not root, no passwd entry needed): {}",
        user.args
    );
    // Nothing is written at run time: no volume to mount, no step after the user is set.
    for i in runtime {
        assert!(i.keyword != "VOLUME", "a VOLUME: the server stores nothing");
        assert!(
            i.keyword != "RUN",
            "the final stage runs nothing: {}",
            i.args
        );
    }
}

#[test]
fn the_container_serves_on_its_exposed_port_and_its_health_check_asks_healthz_there() {
    let all = instructions(&repo_file("Containerfile"));
    let stages = stages(&all);
    let runtime = stages[stages.len() - 1];
    let find = |keyword: &str| {
        runtime
            .iter()
            .find(|i| i.keyword == keyword)
            .unwrap_or_else(|| panic!("no {keyword} in the final stage"))
    };
    let port = find("EXPOSE").args.clone();
    let entrypoint = exec_form(&find("ENTRYPOINT").args);
    assert_eq!(entrypoint[..2], ["/usr/bin/maaraika", "serve"]);
    let value_of = |flag: &str| {
        let at = entrypoint
            .iter()
            .position(|w| w == flag)
            .unwrap_or_else(|| panic!("{flag} in {entrypoint:?}"));
        entrypoint[at + 1].clone()
    };
    assert_eq!(value_of("--port"), port);
    assert_eq!(value_of("--listen"), "0.0.0.0");
    let options = serve_options();
    for flag in entrypoint.iter().filter(|w| w.starts_with("--")) {
        assert!(
            options.contains(flag.as_str()),
            "`maaraika serve` has no {flag}"
        );
    }
    let health = &find("HEALTHCHECK").args;
    let command = exec_form(&health[health.find("CMD").expect("HEALTHCHECK … CMD") + 3..]);
    let script = command.join(" ");
    assert!(
        script.contains(&format!("/dev/tcp/127.0.0.1/{port}")) && script.contains("GET /healthz"),
        "the health check asks /healthz on the served port: {script}"
    );
    assert!(script.contains(" 200 "), "and wants 200: {script}");
}

/// The options of `maaraika serve` in a text: every `--word`, in order.
fn options_in(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find("--") {
        let word: String = rest[at + 2..]
            .chars()
            .take_while(|c| c.is_ascii_lowercase() || *c == '-')
            .collect();
        if word.len() > 1 && !word.ends_with('-') {
            found.push(format!("--{word}"));
        }
        rest = &rest[at + 2..];
    }
    found
}

#[test]
fn the_service_reads_its_options_from_etc_default_and_each_one_exists() {
    let unit = repo_file("packaging/systemd/maaraika.service");
    assert!(
        unit.contains("\nEnvironmentFile=/etc/default/maaraika\n"),
        "{unit}"
    );
    assert!(
        unit.contains("\nExecStart=/usr/bin/maaraika serve $MAARAIKA_OPTS\n"),
        "{unit}"
    );
    let defaults = repo_file("packaging/default/maaraika");
    let line = defaults
        .lines()
        .find(|l| l.starts_with("MAARAIKA_OPTS="))
        .expect("a MAARAIKA_OPTS line");
    let help = serve_options();
    let given = options_in(line);
    for flag in [
        "--listen",
        "--auth-proxy-header",
        "--auth-proxy-from",
        "--public-url",
    ] {
        assert!(given.iter().any(|g| g == flag), "{flag} in {line}");
    }
    for flag in options_in(line) {
        assert!(help.contains(&flag), "`maaraika serve` has no {flag}");
    }
    // The guide shows the same line.
    let guide = repo_file("docs/DEPLOY.md");
    assert!(guide.contains(line.trim()), "docs/DEPLOY.md shows: {line}");
}

#[test]
fn the_deployment_guide_names_every_option_of_serve_and_only_those() {
    let guide = repo_file("docs/DEPLOY.md");
    let help = serve_options();
    // Every option the guide gives to the server exists (the lines that run it or set its
    // options: the container's run, MAARAIKA_OPTS, the options table).
    for line in guide.lines().filter(|l| {
        l.contains("MAARAIKA_OPTS=") || l.starts_with("| `--") || l.contains("  --auth")
    }) {
        for flag in options_in(line) {
            assert!(
                help.contains(&flag),
                "docs/DEPLOY.md: `maaraika serve` has no {flag}: {line}"
            );
        }
    }
    // And the options table has a row for every option a county's IT may set.
    for flag in options_in(&help) {
        if ["--help", "--open", "--no-login", "--port"].contains(&flag.as_str()) {
            continue;
        }
        assert!(
            guide
                .lines()
                .any(|l| l.starts_with("| `--") && options_in(l).contains(&flag)),
            "docs/DEPLOY.md's options table has no row for {flag}"
        );
    }
}
