#!/usr/bin/env bash
# Trunk post_build hook, on the staged build, in order:
#   1. scripts/workshop-module.sh names the workshop module's files after their contents
#      and writes the names on the boot tag;
#   2. scripts/strings-table.sh writes the Chinese string table, which the wasm leaves
#      out, as a file of its own and writes its name on the boot tag;
#   3. scripts/offline-manifest.sh writes sw.js with the list of this build's files;
#   4. scripts/prerender.mjs writes the article for the default view into index.html (a
#      snapshot of the app in headless Chromium) and the sharing card's og.png.
# One script, because Trunk starts the hooks of a stage together.
set -euo pipefail
source_dir="${TRUNK_SOURCE_DIR:-$PWD}"
bash "$source_dir/scripts/workshop-module.sh"
bash "$source_dir/scripts/strings-table.sh"
bash "$source_dir/scripts/offline-manifest.sh"
node "$source_dir/scripts/prerender.mjs"
