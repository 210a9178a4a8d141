#!/usr/bin/env bash
# Size of a dist folder, gzip -9, by kind (wasm, JS, CSS, HTML, data and other), split into
# the first load and the rest, and the budget check: exits 1 when the first load's gzip
# total exceeds BUDGET bytes (default 600 KiB = 614,400 bytes). Sizes are deterministic,
# so this is a check, not a timing.
#
# The first load is what the default page fetches before it is ready: index.html, its
# stylesheets (every *.css), public/boot.js, and the page's JS glue and wasm, the files
# the boot script tag names in data-js and data-wasm. Everything else is the rest, fetched
# later or only on request: the workshop module (data-workshop-js and data-workshop-wasm,
# fetched when the reader reaches #workshop), the Chinese string table (data-strings-zh,
# fetched when a reader picks Chinese), sw.js (registered after the app has started), and
# downloads (study.json, the teaching sample).
# Usage: scripts/size-report.sh [dist] [budget-bytes]
set -euo pipefail
dir="${1:-dist}"
budget="${2:-614400}"
# The boot tag's file names, without the public URL (everything up to the last '/').
named() { grep -o "$1=\"[^\"]*\"" "$dir/index.html" | head -1 | sed -e "s/^$1=\"//" -e 's/"$//' -e 's|.*/||'; }
main_js=$(named data-js)
main_wasm=$(named data-wasm)
if [ -z "$main_js" ] || [ -z "$main_wasm" ]; then
  echo "size-report: $dir/index.html has no boot tag naming data-js and data-wasm" >&2
  exit 1
fi
first_load() {
  case "$1" in
    index.html | boot.js | *.css | "$main_js" | "$main_wasm") return 0 ;;
    *) return 1 ;;
  esac
}
declare -A raw gz
first_raw=0; first_gz=0; rest_raw=0; rest_gz=0
printf '%-52s %10s %10s  %s\n' "file" "raw" "gzip -9" "part"
while IFS= read -r f; do
  name="${f#"$dir"/}"
  r=$(stat -c %s "$f"); g=$(gzip -9 -c "$f" | wc -c)
  case "$f" in
    *.wasm) k=wasm ;;
    *.js) k=js ;;
    *.css) k=css ;;
    *.html) k=html ;;
    *) k=data/other ;;
  esac
  if first_load "$name"; then
    part=first; first_raw=$((first_raw + r)); first_gz=$((first_gz + g))
  else
    part=rest; rest_raw=$((rest_raw + r)); rest_gz=$((rest_gz + g))
  fi
  raw[$part/$k]=$(( ${raw[$part/$k]:-0} + r )); gz[$part/$k]=$(( ${gz[$part/$k]:-0} + g ))
  printf '%-52s %10d %10d  %s\n' "$name" "$r" "$g" "$part"
done < <(find "$dir" -type f | LC_ALL=C sort)
echo
printf '%-52s %10s %10s\n' "kind" "raw" "gzip -9"
for part in first rest; do
  for k in wasm js css html data/other; do
    if [ -n "${raw[$part/$k]:-}" ]; then
      printf '%-52s %10d %10d\n' "$part: $k" "${raw[$part/$k]}" "${gz[$part/$k]}"
    fi
  done
done
# The study inside each wasm: the postcard bytes crates/core/build.rs baked for this build.
baked=$(ls -t target/wasm32-unknown-unknown/release/build/study-core-*/out/study.postcard 2>/dev/null | head -1 || true)
embedded_raw=0; embedded=0
if [ -n "$baked" ]; then embedded_raw=$(stat -c %s "$baked"); embedded=$(gzip -9 -c "$baked" | wc -c); fi
printf '%-52s %10d %10d\n' "  the baked study (postcard, in each wasm)" "$embedded_raw" "$embedded"
printf '%-52s %10d %10d\n' "REST (workshop module, Chinese table, sw.js, downloads)" "$rest_raw" "$rest_gz"
printf '%-52s %10d %10d\n' "FIRST LOAD" "$first_raw" "$first_gz"
if [ "$first_gz" -gt "$budget" ]; then
  echo "size budget exceeded: first load $first_gz bytes gzip > $budget" >&2
  exit 1
fi
echo "size budget: first load $first_gz of $budget bytes gzip ($(( first_gz * 100 / budget ))%)"
