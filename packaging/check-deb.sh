#!/usr/bin/env bash
# CI's check of the package (docs/DEPLOY.md, "1. Install the package"): builds it, checks its
# contents, installs it with `dpkg -i` on this machine (CI runs as root on a throwaway machine;
# the real install runs the package's maintainer scripts and registers the conffile, which a
# `dpkg -x` into a scratch folder would not), runs the installed `maaraika --version`, checks the
# installed unit with `systemd-analyze verify` and rates it with `systemd-analyze security
# --offline=true` (at most 2.0), then purges the package again. Any failure fails CI.
#
# What it cannot check here: the service running under systemd. CI's machine is a container
# whose PID 1 is not systemd, so `systemctl start` has nothing to talk to; the unit is verified
# and rated offline instead, and docs/DEPLOY.md gives the commands to check it on the server.
#
# usage: packaging/check-deb.sh     (as root; needs cargo-deb, dpkg, systemd-analyze)
set -euo pipefail
cd "$(dirname "$0")/.."
TARGET=${CARGO_TARGET_DIR:-target}
fail() { echo "check-deb.sh: $*" >&2; exit 1; }

packaging/build-deb.sh
VERSION=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n1)
DEB=$TARGET/debian/maaraika_${VERSION}_amd64.deb
[ -f "$DEB" ] || fail "$DEB was not built"

echo "== contents of $DEB"
CONTENTS=$(dpkg-deb --contents "$DEB" | awk '{ print $NF }')
for WANTED in ./usr/bin/maaraika ./usr/share/man/man1/maaraika.1.gz ./usr/share/man/man1/maaraika-serve.1.gz \
  ./usr/share/man/man1/maaraika-audit.1.gz ./usr/share/bash-completion/completions/maaraika \
  ./usr/share/zsh/vendor-completions/_maaraika ./usr/share/fish/vendor_completions.d/maaraika.fish \
  ./etc/default/maaraika ./usr/lib/systemd/system/maaraika.service ./usr/share/doc/maaraika/DEPLOY.md; do
  grep -qxF "$WANTED" <<<"$CONTENTS" || fail "$WANTED is not in the package"
done
dpkg-deb --ctrl-tarfile "$DEB" | tar -xO ./conffiles | grep -qxF /etc/default/maaraika ||
  fail "/etc/default/maaraika is not a conffile"

echo "== dpkg -i $DEB"
if dpkg-query -W -f='${Status}' maaraika 2>/dev/null | grep -q installed; then
  fail "maaraika is already installed on this machine: this check installs and purges its own"
fi
trap 'dpkg --purge maaraika >/dev/null 2>&1 || true' EXIT
dpkg -i "$DEB"
INSTALLED=$(/usr/bin/maaraika --version)
[ "$INSTALLED" = "maaraika $VERSION" ] || fail "the installed maaraika says '$INSTALLED', not 'maaraika $VERSION'"
echo "$INSTALLED"
/usr/bin/maaraika calendar add 23.11.2026 7 >/dev/null || fail "the installed maaraika cannot count"
bash -c 'source /usr/share/bash-completion/completions/maaraika && complete -p maaraika' >/dev/null ||
  fail "the bash completion does not load"

echo "== systemd-analyze verify maaraika.service"
UNIT=/usr/lib/systemd/system/maaraika.service
VERIFY=$(systemd-analyze verify "$UNIT" 2>&1) || fail "systemd-analyze verify: $VERIFY"
# verify also reports on other units of the machine; nothing may be said about this one.
if grep -i maaraika <<<"$VERIFY"; then fail "systemd-analyze verify complains about maaraika.service"; fi

echo "== systemd-analyze security --offline=true maaraika.service (at most 2.0)"
# --threshold is on the 0-100 scale of which the printed level is a tenth: 20 is 2.0.
systemd-analyze security --offline=true --threshold=20 "$UNIT" | tail -n1

echo "== dpkg --purge maaraika"
trap - EXIT
dpkg --purge maaraika
[ ! -e /usr/bin/maaraika ] && [ ! -e /etc/default/maaraika ] || fail "the purge left files behind"
echo "package checked: $DEB"
