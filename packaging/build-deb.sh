#!/usr/bin/env bash
# Builds the package the county's IT installs: target/debian/maaraika_<version>_amd64.deb
# (docs/DEPLOY.md; the contents are listed in Cargo.toml, [package.metadata.deb]).
#
# Why a script and not `cargo deb` alone: the manual pages and the shell completions are made by
# the program itself (`maaraika man [COMMAND]`, `maaraika completions SHELL`) from the same clap
# definitions as `--help`, so that they can never disagree with it. They can only be made once
# the release binary exists, and cargo-deb has no step that runs it (nor can build.rs, which runs
# before the binary is linked). So: build once, generate the pages and completions into
# target/packaging/, then `cargo deb --no-build` packs that same binary (no second build).
#
# usage: packaging/build-deb.sh     (needs cargo-deb: `cargo install cargo-deb`)
set -euo pipefail
cd "$(dirname "$0")/.."
TARGET=${CARGO_TARGET_DIR:-target}

cargo build --release --locked --bin maaraika
BIN=$TARGET/release/maaraika
OUT=target/packaging
rm -rf "$OUT"
mkdir -p "$OUT/man" "$OUT/completions"

# The commands, from `maaraika --help` (English whatever the machine's locale): the lines of its
# "Commands:" list indented by two spaces, less `help`.
COMMANDS=$(LANG= LC_ALL= "$BIN" --help |
  awk '/^Commands:/ { on = 1; next } on && /^$/ { exit } on && /^  [a-z]/ && $1 != "help" { print $1 }')
[ -n "$COMMANDS" ] || { echo "build-deb.sh: no commands found in maaraika --help" >&2; exit 1; }
"$BIN" man >"$OUT/man/maaraika.1"
for COMMAND in $COMMANDS; do
  "$BIN" man "$COMMAND" >"$OUT/man/maaraika-$COMMAND.1"
done
"$BIN" completions bash >"$OUT/completions/maaraika.bash"
"$BIN" completions zsh >"$OUT/completions/_maaraika"
"$BIN" completions fish >"$OUT/completions/maaraika.fish"

cargo deb --no-build --locked --output "$TARGET/debian/"
