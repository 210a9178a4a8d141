#!/usr/bin/env bash
# Size of a dist folder, gzip -9, by kind (wasm, JS glue, CSS, HTML, data and other), and
# the budget check: exits 1 when the gzip total exceeds BUDGET bytes (default 400 KB =
# 409,600 bytes). Sizes are deterministic, so this is a check, not a timing.
# Usage: scripts/size-report.sh [dist] [budget-bytes]
set -euo pipefail
dir="${1:-dist}"
budget="${2:-409600}"
declare -A raw gz
total_raw=0; total_gz=0
printf '%-52s %10s %10s\n' "file" "raw" "gzip -9"
while IFS= read -r f; do
  r=$(stat -c %s "$f"); g=$(gzip -9 -c "$f" | wc -c)
  case "$f" in
    *.wasm) k=wasm ;;
    *.js) k=js ;;
    *.css) k=css ;;
    *.html) k=html ;;
    *) k=data/other ;;
  esac
  raw[$k]=$(( ${raw[$k]:-0} + r )); gz[$k]=$(( ${gz[$k]:-0} + g ))
  total_raw=$((total_raw + r)); total_gz=$((total_gz + g))
  printf '%-52s %10d %10d\n' "${f#"$dir"/}" "$r" "$g"
done < <(find "$dir" -type f | LC_ALL=C sort)
echo
printf '%-52s %10s %10s\n' "kind" "raw" "gzip -9"
for k in wasm js css html data/other; do
  printf '%-52s %10d %10d\n' "$k" "${raw[$k]:-0}" "${gz[$k]:-0}"
done
# The study inside the wasm: the postcard bytes crates/core/build.rs baked for this build.
baked=$(ls -t target/wasm32-unknown-unknown/release/build/study-core-*/out/study.postcard 2>/dev/null | head -1 || true)
embedded_raw=0; embedded=0
if [ -n "$baked" ]; then embedded_raw=$(stat -c %s "$baked"); embedded=$(gzip -9 -c "$baked" | wc -c); fi
printf '%-52s %10d %10d\n' "  of which the baked study (postcard, in the wasm)" "$embedded_raw" "$embedded"
printf '%-52s %10d %10d\n' "TOTAL" "$total_raw" "$total_gz"
if [ "$total_gz" -gt "$budget" ]; then
  echo "size budget exceeded: $total_gz bytes gzip > $budget" >&2
  exit 1
fi
echo "size budget: $total_gz of $budget bytes gzip ($(( total_gz * 100 / budget ))%)"
