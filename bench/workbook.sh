#!/usr/bin/env bash
# The workbook benchmark (run by bench/compare.sh, or alone): `maaraika audit` of a 200,000-row
# .xlsx against ../shared/peers/peer_polars_xlsx.py (polars.read_excel with the calamine engine),
# alternating, on the same file. Prints the median wall times, the ratio and the peak memory of
# both (max RSS, median of the runs), and their CPU time (user + system), which the load of a
# shared machine moves less than the wall time.
#
# usage: bench/workbook.sh         (RUNS=3 by default; DATA=/tmp/maaraika-bench)
# needs: GNU time (/usr/bin/time), python3 for the generator, and a Python with xlsxwriter,
#        polars, fastexcel and holidays (PEER_PYTHON, default /tmp/peers/bin/python).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
PEERS=$ROOT/../shared/peers
RUNS=${RUNS:-3}
DATA=${DATA:-/tmp/maaraika-bench}
PEER_PYTHON=${PEER_PYTHON:-/tmp/peers/bin/python}
AS_OF=2026-11-23
mkdir -p "$DATA"
cargo build --release --quiet --bin maaraika
MAARAIKA=${CARGO_TARGET_DIR:-$ROOT/target}/release/maaraika

CSV=$DATA/cases200k.csv
XLSX=$DATA/cases200k.xlsx
[ -s "$CSV" ] || python3 "$PEERS/gen_cases.py" 200000 1 "$CSV"
[ -s "$XLSX" ] || "$PEER_PYTHON" "$PEERS/xlsx_from_csv.py" "$CSV" "$XLSX"

# Wall time (s), max RSS (KB) and CPU time (s) of one command, its output discarded.
measure() {
  /usr/bin/time -f "%e %M %U %S" -o "$DATA/time.txt" "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; exit 1; }
  awk '{ printf "%s %s %.2f\n", $1, $2, $3 + $4 }' "$DATA/time.txt"
}
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

ours=() theirs=()
echo "== $RUNS alternating runs on $XLSX ($(du -m "$XLSX" | cut -f1) MB, 200,000 rows), $(nproc) cores"
for run in $(seq "$RUNS"); do
  ours+=("$(measure "$MAARAIKA" audit "$XLSX" --as-of "$AS_OF" --output "$DATA/out-xlsx.csv")")
  theirs+=("$(measure "$PEER_PYTHON" "$PEERS/peer_polars_xlsx.py" "$XLSX" "$AS_OF" "$DATA/out-polars-xlsx.csv")")
  echo "   run $run: maaraika ${ours[-1]}, polars ${theirs[-1]}   (seconds, KB, CPU seconds)"
done
column() { printf '%s\n' "${@:2}" | awk -v f="$1" '{ print $f }' | median; }
t_ours=$(column 1 "${ours[@]}") m_ours=$(column 2 "${ours[@]}")
t_theirs=$(column 1 "${theirs[@]}") m_theirs=$(column 2 "${theirs[@]}")
c_ours=$(column 3 "${ours[@]}") c_theirs=$(column 3 "${theirs[@]}")
echo "== median of $RUNS runs"
printf '  %-30s %7.2f s %8.1f MB %7.2f s CPU\n' "maaraika audit cases200k.xlsx" "$t_ours" "$(awk -v k="$m_ours" 'BEGIN { print k / 1024 }')" "$c_ours"
printf '  %-30s %7.2f s %8.1f MB %7.2f s CPU\n' "peer_polars_xlsx.py" "$t_theirs" "$(awk -v k="$m_theirs" 'BEGIN { print k / 1024 }')" "$c_theirs"
awk -v a="$t_theirs" -v b="$t_ours" -v m="$m_theirs" -v n="$m_ours" 'BEGIN {
  printf "  polars / maaraika: %.2fx the time (target >= 2), %.2fx the memory (target >= 2)\n", a / b, m / n }'
cmp -s <("$MAARAIKA" audit "$XLSX" --as-of "$AS_OF" --format csv 2>/dev/null) <("$MAARAIKA" audit "$CSV" --as-of "$AS_OF" --format csv 2>/dev/null) &&
  echo "  the workbook's audit is byte for byte the CSV's" || echo "!! the workbook's audit differs from the CSV's"
