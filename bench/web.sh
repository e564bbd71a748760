#!/usr/bin/env bash
# The benchmark of `maaraika serve` (README, "Web page"): `POST /api/check` under load from wrk
# (64 connections on loopback) for throughput and p99 latency, and the upload of a million-row
# list to `POST /api/audit` against the CLI's audit of the same file: wall time and the server's
# memory (peak RSS above its idle RSS).
#
# usage: bench/web.sh        (RUNS=5 by default; DATA=/tmp/maaraika-bench; DURATION=10s)
# needs: cargo, wrk (Debian), curl, python3 for the issue's generator (else the `generate` example).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
RUNS=${RUNS:-5}
DATA=${DATA:-/tmp/maaraika-bench}
DURATION=${DURATION:-10s}
AS_OF=2026-11-23
mkdir -p "$DATA"

echo "== building (release)"
cargo build --release --quiet --bin maaraika --example generate
MAARAIKA=${CARGO_TARGET_DIR:-$ROOT/target}/release/maaraika
GENERATE=${CARGO_TARGET_DIR:-$ROOT/target}/release/examples/generate

FILE=$DATA/cases1m.csv
if [ ! -s "$FILE" ]; then
  echo "== generating $FILE"
  if command -v python3 >/dev/null && [ -f "$ROOT/../shared/peers/gen_cases.py" ]; then
    python3 "$ROOT/../shared/peers/gen_cases.py" 1000000 1 "$FILE"
  else
    "$GENERATE" 1000000 1 --output "$FILE"
  fi
fi

WORK=$(mktemp -d)
trap 'kill "$PID" 2>/dev/null || true; rm -rf "$WORK"' EXIT
"$MAARAIKA" serve --port 0 >"$WORK/out" 2>/dev/null &
PID=$!
for _ in $(seq 100); do grep -q http "$WORK/out" 2>/dev/null && break; sleep 0.05; done
URL=$(grep -o 'http://[^ ]*' "$WORK/out")
echo "== server at $URL (pid $PID)"

rss() { awk '/VmRSS/ {print $2}' "/proc/$PID/status"; }
hwm() { awk '/VmHWM/ {print $2}' "/proc/$PID/status"; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
IDLE=$(rss)
echo "== 1M-row upload ($(du -hL "$FILE" | cut -f1)) vs the CLI, $RUNS runs each, alternating"
for FORMAT in csv json; do
  : >"$WORK/cli"; : >"$WORK/web"
  for i in $(seq "$RUNS"); do
    /usr/bin/time -f %e -o "$WORK/t" "$MAARAIKA" audit "$FILE" --as-of $AS_OF --format $FORMAT >/dev/null 2>&1 || true
    cat "$WORK/t" >>"$WORK/cli"
    curl -s -o /dev/null -w '%{time_total}\n' -H 'Content-Type: text/csv' --data-binary @"$FILE" \
      "${URL}api/audit?as_of=$AS_OF&format=$FORMAT" >>"$WORK/web"
  done
  CLI=$(median <"$WORK/cli"); WEB=$(median <"$WORK/web")
  echo "$FORMAT: CLI audit --format $FORMAT > /dev/null: median ${CLI} s; POST /api/audit?format=$FORMAT: median ${WEB} s ($(awk -v w="$WEB" -v c="$CLI" 'BEGIN {printf "%.2f", w / c}')x the CLI)"
done
echo "server memory: idle $((IDLE / 1024)) MB, peak $(( $(hwm) / 1024 )) MB: $(( ($(hwm) - IDLE) / 1024 )) MB above idle"

echo "== POST /api/check: wrk -t2 -c64 -d$DURATION"
for i in $(seq "$RUNS"); do
  wrk -t2 -c64 -d"$DURATION" -s bench/check.lua "${URL}api/check" | grep RESULT
done

