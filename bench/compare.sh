#!/usr/bin/env bash
# The whole-process benchmark of the README's "Performance" section: `maaraika audit` of a million
# generated cases against the floor (the csv crate reading each row and writing three fields back,
# examples/floor.rs) and the peers of ../shared/peers (polars, pandas), in one run, alternating, on
# the same files. Prints the median wall times, the ratios, peak memory at 1M, 2M and 4M rows, and
# the wall time of `maaraika check`; then bench/workbook.sh (a 200,000-row .xlsx against polars).
#
# usage: bench/compare.sh            (RUNS=5 by default; PANDAS_RUNS=1; DATA=/tmp/maaraika-bench)
# needs: cargo, bash 5, GNU time (/usr/bin/time), python3 for the issue's generator; for the peers a Python with polars, pandas,
#        numpy and holidays (PEER_PYTHON, default /tmp/peers/bin/python; see ../shared/peers).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
PEERS=$ROOT/../shared/peers
RUNS=${RUNS:-5}
PANDAS_RUNS=${PANDAS_RUNS:-1}
DATA=${DATA:-/tmp/maaraika-bench}
PEER_PYTHON=${PEER_PYTHON:-/tmp/peers/bin/python}
AS_OF=2026-11-23
mkdir -p "$DATA"

echo "== building (release)"
cargo build --release --quiet --bin maaraika --example floor --example generate
TARGET=${CARGO_TARGET_DIR:-$ROOT/target}
MAARAIKA=$TARGET/release/maaraika
FLOOR=$TARGET/release/examples/floor
GENERATE=$TARGET/release/examples/generate

# The 1M file as the issue names it (../shared/peers/gen_cases.py 1000000 1), with its Finnish
# Excel twins; the project's own generator where Python is missing, and for the larger sizes.
generate() { # rows file [--finnish [--cp1252]]
  local rows=$1 file=$2
  shift 2
  [ -s "$file" ] && return
  echo "== generating $file"
  if command -v python3 >/dev/null && [ -f "$PEERS/gen_cases.py" ]; then
    python3 "$PEERS/gen_cases.py" "$rows" 1 "$file" "$@"
  else
    "$GENERATE" "$rows" 1 "$@" --output "$file"
  fi
}
generate 1000000 "$DATA/cases1m.csv"
generate 1000000 "$DATA/cases1m-fi.csv" --finnish
generate 1000000 "$DATA/cases1m-1252.csv" --finnish --cp1252
# Social assistance (issue 24): a million generated applications.
[ -s "$DATA/applications1m.csv" ] ||
  "$GENERATE" 1000000 1 --applications --output "$DATA/applications1m.csv"
for rows in 2000000 4000000; do
  [ -s "$DATA/cases$((rows / 1000000))m.csv" ] ||
    "$GENERATE" "$rows" 1 --output "$DATA/cases$((rows / 1000000))m.csv"
done

# Wall time of one command in seconds (bash's microsecond clock: no process of its own), its
# output discarded.
seconds() {
  local start=$EPOCHREALTIME
  "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; exit 1; }
  awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.4f\n", b - a }'
}
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f\n", a / b }'; }
megabytes() { awk -v kb="$1" 'BEGIN { printf "%.1f\n", kb / 1024 }'; }

have_peers=0
if "$PEER_PYTHON" -c "import polars, pandas, numpy, holidays" 2>/dev/null; then
  have_peers=1
else
  echo "!! $PEER_PYTHON lacks polars/pandas/numpy/holidays: peers skipped" >&2
fi

# `--output` writes a temporary file, syncs it to disk and renames it into place (atomic output);
# `> file` is measured too, for what the disk sync costs.
audit() { "$MAARAIKA" audit "$1" --as-of "$AS_OF" --output "$DATA/out-audit.csv"; }
assistance() { "$MAARAIKA" assistance audit "$1" --as-of "$AS_OF" --output "$DATA/out-assistance.csv"; }
audit_redirected() { "$MAARAIKA" audit "$1" --as-of "$AS_OF" --format csv >"$DATA/out-redirect.csv"; }
declare -A times
# The machine may be shared: its load is printed with the figures, which move with it.
load() { cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime; }
load_before=$(load)
echo "== $RUNS alternating runs at 1M rows"
for run in $(seq "$RUNS"); do
  times[audit]+="$(seconds audit "$DATA/cases1m.csv") "
  times[floor]+="$(seconds "$FLOOR" "$DATA/cases1m.csv" "$DATA/out-floor.csv") "
  times[redirect]+="$(seconds audit_redirected "$DATA/cases1m.csv") "
  times[semicolon]+="$(seconds audit "$DATA/cases1m-fi.csv") "
  times[cp1252]+="$(seconds audit "$DATA/cases1m-1252.csv") "
  times[assistance]+="$(seconds assistance "$DATA/applications1m.csv") "
  if [ $have_peers = 1 ]; then
    times[polars]+="$(seconds "$PEER_PYTHON" "$PEERS/peer_polars.py" "$DATA/cases1m.csv" "$AS_OF" "$DATA/out-polars.csv") "
    if [ "$run" -le "$PANDAS_RUNS" ]; then
      times[pandas]+="$(seconds "$PEER_PYTHON" "$PEERS/peer_pandas.py" "$DATA/cases1m.csv" "$AS_OF" "$DATA/out-pandas.csv") "
    fi
  fi
  echo "   run $run done"
done
declare -A med
for key in "${!times[@]}"; do
  med[$key]=$(tr ' ' '\n' <<<"${times[$key]}" | grep . | median)
done

echo
echo "== median wall time, 1M rows ($(du -mL "$DATA/cases1m.csv" | cut -f1) MB), $RUNS runs, $(nproc) cores, load average $load_before before, $(load) after"
printf '  %-34s %7.3f s\n' "maaraika audit (ISO, ',')" "${med[audit]}"
printf '  %-34s %7.3f s\n' "maaraika audit > file (no sync)" "${med[redirect]}"
printf '  %-34s %7.3f s\n' "floor (csv crate, 3 fields)" "${med[floor]}"
printf '  %-34s %7.3f s\n' "maaraika audit (Finnish, ';')" "${med[semicolon]}"
printf '  %-34s %7.3f s\n' "maaraika audit (Windows-1252, ';')" "${med[cp1252]}"
printf '  %-34s %7.3f s\n' "maaraika assistance audit (1M)" "${med[assistance]}"
if [ $have_peers = 1 ]; then
  printf '  %-34s %7.3f s\n' "peer_polars.py" "${med[polars]}"
  printf '  %-34s %7.3f s   (%s run(s))\n' "peer_pandas.py" "${med[pandas]}" "$PANDAS_RUNS"
fi
echo "== ratios"
[ $have_peers = 1 ] && echo "  polars / maaraika:      $(ratio "${med[polars]}" "${med[audit]}")   (target >= 10; > file: $(ratio "${med[polars]}" "${med[redirect]}"))"
[ $have_peers = 1 ] && echo "  pandas / maaraika:      $(ratio "${med[pandas]}" "${med[audit]}")"
echo "  maaraika / floor:       $(ratio "${med[audit]}" "${med[floor]}")   (target <= 2; > file: $(ratio "${med[redirect]}" "${med[floor]}"))"
echo "  semicolon / ISO:        $(ratio "${med[semicolon]}" "${med[audit]}")   (target <= 1.5)"
echo "  Windows-1252 / ISO:     $(ratio "${med[cp1252]}" "${med[audit]}")   (target <= 1.5)"
echo "  assistance / audit:     $(ratio "${med[assistance]}" "${med[audit]}")   (target <= 2)"

echo "== peak memory of the audit (max RSS)"
for size in 1m 2m 4m; do
  kb=$(/usr/bin/time -f %M "$MAARAIKA" audit "$DATA/cases$size.csv" --as-of "$AS_OF" \
    --output "$DATA/out-audit.csv" 2>&1 >/dev/null | tail -1)
  printf '  %-4s rows: %6.1f MB\n' "${size^^}" "$(megabytes "$kb")"
done
for command in overdue summary; do
  kb=$(/usr/bin/time -f %M "$MAARAIKA" "$command" "$DATA/cases1m.csv" --as-of "$AS_OF" \
    --format csv --output "$DATA/out-$command.csv" 2>&1 >/dev/null | tail -1)
  printf '  %-7s 1M rows: %6.1f MB\n' "$command" "$(megabytes "$kb")"
done

kb=$(/usr/bin/time -f %M "$MAARAIKA" assistance audit "$DATA/applications1m.csv" --as-of "$AS_OF" \
  --output "$DATA/out-assistance.csv" 2>&1 >/dev/null | tail -1)
printf '  %-7s 1M rows: %6.1f MB   (target <= 64 MB)\n' "assistance audit" "$(megabytes "$kb")"

echo "== maaraika check, start to finish (100 runs)"
check=()
for _ in $(seq 100); do
  check+=("$(seconds "$MAARAIKA" check --pending 18.12.2026 --age 78 --as-of 23.11.2026)")
done
printf '  median %.2f ms (target < 5 ms)\n' "$(printf '%s\n' "${check[@]}" | median | awk '{ print $1 * 1000 }')"

echo
bench/workbook.sh
