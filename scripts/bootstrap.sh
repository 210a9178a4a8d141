#!/usr/bin/env bash
# Idempotent bootstrap: installs only what is missing, from the package registries.
#   - the wasm32 target            (rustup)
#   - trunk 0.21.14                (cargo install --locked; 0.22 needs rustc 1.96)
#   - wasm-bindgen-cli 0.2.130     (must equal the wasm-bindgen crate pin in Cargo.toml;
#                                   installed WITHOUT --locked: one locked dependency is
#                                   missing from the registry)
#   - Chromium + ChromeDriver      (Debian packages, for browser tests)
#   - pdftotext                    (Debian's poppler-utils: e2e/print.test.js reads the PDFs)
#   - npm tools                    (npm ci: binaryen's wasm-opt 132, playwright-core, axe-core;
#                                   Debian's binaryen 108 emits broken wasm, so it is never used)
#   - crate sources                (cargo fetch, so Trunk can build --offline)
# Trunk never downloads a tool: Trunk.toml pins the versions and builds offline.
#
# Usage: scripts/bootstrap.sh            everything (build and test tools)
#        scripts/bootstrap.sh --build    only what `make dist` needs (Chromium too: the
#                                        build prerenders the article in it)
#        scripts/bootstrap.sh --fuzz     everything, plus nightly and cargo-fuzz
set -euo pipefail
MODE="${1:-all}"
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
BINDGEN_VERSION=0.2.130
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

say() { printf '\033[1mbootstrap:\033[0m %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (about 15 CPU-minutes)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $BINDGEN_VERSION" ] || ! command -v wasm-bindgen-test-runner >/dev/null; then
  say "installing wasm-bindgen-cli $BINDGEN_VERSION"
  cargo install wasm-bindgen-cli --version "$BINDGEN_VERSION" --force
fi

if ! grep -q "\"=$BINDGEN_VERSION\"" Cargo.toml; then
  echo "bootstrap: Cargo.toml must pin wasm-bindgen to =$BINDGEN_VERSION (the CLI version)" >&2
  exit 1
fi

if [ ! -x /usr/bin/chromium ] || { [ "$MODE" != "--build" ] && { [ ! -x /usr/bin/chromedriver ] || [ ! -x /usr/bin/pdftotext ]; }; }; then
  say "installing Debian's chromium, chromium-driver and poppler-utils"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq chromium chromium-driver poppler-utils >/dev/null
fi

if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/playwright-core ] || [ ! -d node_modules/axe-core ] \
   || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm tools (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
fi

if [ "$(wasm-opt --version 2>/dev/null | awk '{print $3}')" != "132" ]; then
  echo "bootstrap: wasm-opt on PATH is not binaryen 132: $(command -v wasm-opt)" >&2
  exit 1
fi

# Fetch crate sources once, so `trunk build --offline` and `cargo --offline` work.
stamp=target/.fetched
if [ ! -f "$stamp" ] || [ Cargo.lock -nt "$stamp" ]; then
  say "fetching crate sources"
  cargo fetch
  mkdir -p target && touch "$stamp"
fi

if [ "$MODE" = "--fuzz" ]; then
  if ! rustup toolchain list | grep -q '^nightly'; then
    say "installing the nightly toolchain (cargo-fuzz needs it)"
    rustup toolchain install nightly --profile minimal
  fi
  if ! command -v cargo-fuzz >/dev/null; then
    say "installing cargo-fuzz"
    cargo install cargo-fuzz --locked
  fi
fi

say "ready (trunk $(trunk --version | awk '{print $2}'), wasm-bindgen $BINDGEN_VERSION, wasm-opt $(wasm-opt --version | awk '{print $3}'), $(chromium --version 2>/dev/null | head -1))"
