#!/usr/bin/env bash
# Trunk post_build hook (run after workshop-module.sh, before offline-manifest.sh): writes
# the Chinese string table as a file of its own. The page and the workshop module are
# built without it (study-core's `zh` feature is off for them), so readers who never pick
# Chinese do not download it; ui::lang fetches this file when one does. The core's
# strings-table tool packs the table (text::i18n::packed); the file is named after its
# contents, strings-zh-<hash>.postcard, so a cache never serves a stale one, and the name is
# written on the boot script tag's data-strings-zh (Trunk.toml's pattern_script writes
# the fixed name there, after the public URL).
set -euo pipefail
staging="${TRUNK_STAGING_DIR:?run by trunk}"
source_dir="${TRUNK_SOURCE_DIR:-$PWD}"
table=$(mktemp)
trap 'rm -f "$table"' EXIT
(cd "$source_dir" && cargo run --quiet --locked --offline -p study-core --bin strings-table -- zh) > "$table"
hash=$(sha256sum "$table" | cut -c1-16)
name="strings-zh-$hash.postcard"
cp "$table" "$staging/$name"
sed -i "s|strings-zh\.postcard\"|$name\"|" "$staging/index.html"
if ! grep -q "data-strings-zh=\"[^\"]*$name\"" "$staging/index.html"; then
  echo "strings-table: index.html has no data-strings-zh to rewrite" >&2
  exit 1
fi
echo "strings-table: $name ($(wc -c < "$staging/$name") bytes)"
