#!/usr/bin/env bash
# Trunk post_build hook (run before offline-manifest.sh): names the workshop module's files
# after their contents. Trunk builds the second binary (src/bin/workshop.rs, a
# `data-type="worker"` link in index.html) under fixed names, workshop.js and
# workshop_bg.wasm; a fixed name could be served stale from a cache after a deploy, so
# this renames them workshop-<hash>.js and workshop-<hash>_bg.wasm, as Trunk names the
# page's own files, and rewrites the names where they are read: the boot script tag's
# data-workshop-js and data-workshop-wasm (Trunk.toml's pattern_script writes the fixed
# names there, after the public URL) and the glue's default path to its wasm.
set -euo pipefail
staging="${TRUNK_STAGING_DIR:?run by trunk}"
cd "$staging"
if [ ! -f workshop.js ] || [ ! -f workshop_bg.wasm ]; then
  echo "workshop-module: the build has no workshop.js and workshop_bg.wasm" >&2
  exit 1
fi
hash=$(cat workshop.js workshop_bg.wasm | sha256sum | cut -c1-16)
js="workshop-$hash.js"
wasm="workshop-${hash}_bg.wasm"
sed "s/workshop_bg\.wasm/$wasm/g" workshop.js > "$js"
mv workshop_bg.wasm "$wasm"
rm workshop.js
sed -i -e "s|workshop\.js\"|$js\"|" -e "s|workshop_bg\.wasm\"|$wasm\"|" index.html
if ! grep -q "data-workshop-js=\"[^\"]*$js\"" index.html || ! grep -q "data-workshop-wasm=\"[^\"]*$wasm\"" index.html; then
  echo "workshop-module: index.html has no data-workshop-js / data-workshop-wasm to rewrite" >&2
  exit 1
fi
echo "workshop-module: $js, $wasm"
