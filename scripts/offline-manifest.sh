#!/usr/bin/env bash
# Trunk post_build hook: writes sw.js into the staged build with the list of files the
# build produced (Trunk hashes their names) and a version derived from their contents, so
# the service worker pre-caches exactly this build and a new deploy is a new worker.
set -euo pipefail
staging="${TRUNK_STAGING_DIR:?run by trunk}"
source_dir="${TRUNK_SOURCE_DIR:-$PWD}"
cd "$staging"
files=$(find . -type f ! -name sw.js ! -name '*.map' | sed 's|^\./||' | LC_ALL=C sort)
version=$(for f in $files; do sha256sum "$f"; done | sha256sum | cut -c1-16)
assets=$( { echo "./"; for f in $files; do echo "./$f"; done; } | sed 's/.*/"&"/' | paste -sd, -)
sed -e "s|__VERSION__|$version|" -e "s|__ASSETS__|[$assets]|" "$source_dir/public/sw.js" > sw.js
echo "offline-manifest: sw.js caches $(echo "$files" | wc -l) files, version $version"
