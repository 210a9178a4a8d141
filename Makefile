# Study Explorer. The two set-up commands are `make serve` and `make test`; both
# bootstrap a fresh machine first (scripts/bootstrap.sh installs only what is missing).
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export CHROMEDRIVER := /usr/bin/chromedriver
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER := wasm-bindgen-test-runner
# wasm-bindgen-test-runner: fail rather than hang when the browser does not answer.
export WASM_BINDGEN_TEST_TIMEOUT := 120

PUBLIC_URL ?= /
# First-load budget, gzip -9, in bytes: 600 KiB for what the default page fetches before
# it is ready (index.html, CSS, boot.js, the page's JS glue and wasm; the rule is in
# scripts/size-report.sh's header). The workshop module, sw.js and the downloads are
# reported beside it, outside the budget. It rises only with a feature whose cost
# BENCHMARKS.md ("First load") lists; the current size and what it is made of are there.
SIZE_BUDGET ?= 614400

.PHONY: all bootstrap serve dist test lint test-native test-wasm test-e2e bench fuzz clean

all: test

bootstrap:
	@scripts/bootstrap.sh

## The main job: build the release app and serve it on http://127.0.0.1:8080
serve: bootstrap
	trunk serve --release --offline --address 127.0.0.1 --port 8080

## Release build into dist/ (wasm-opt -Oz through Trunk). PUBLIC_URL=/sub/path/ for a sub-path.
dist:
	@scripts/bootstrap.sh --build
	trunk build --release --offline --public-url "$(PUBLIC_URL)"
	@scripts/size-report.sh dist $(SIZE_BUDGET)

## Every test: formatting and lints, native core, wasm in headless Chromium, release
## build, browser end-to-end.
test: bootstrap
	@start=$$(date +%s); \
	$(MAKE) --no-print-directory lint test-native test-wasm dist test-e2e; \
	echo "make test: all suites passed in $$(( $$(date +%s) - start )) s"

## Formatting (rustfmt.toml) and clippy with warnings as errors, natively for the whole
## workspace and for the wasm32 UI; the core's docs must build without a broken link.
lint:
	cargo fmt --all --check
	cargo clippy --workspace --all-targets --locked -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --lib --bins --test web --locked -- -D warnings
	RUSTDOCFLAGS="-D warnings" cargo doc -p study-core --no-deps --locked

test-native:
	cargo test --workspace --locked

test-wasm:
	cargo test --locked --target wasm32-unknown-unknown --test web

test-e2e:
	trunk build --release --offline --public-url /study-explorer/ --dist target/dist-subpath
	node --test --test-concurrency=1 e2e/

## Benchmarks (never timed tests): native criterion benches of the core (with the scale
## group: 10,000 informants per group), then browser timings of the release build (startup,
## recompute, the robustness recompute, ?scale=10000, a 100,000-row file of one's own, and
## the first load: slow 4G phone and loopback, with the layout shift at takeover).
bench: bootstrap dist
	cargo bench --locked --bench core
	node scripts/bench-browser.mjs 15 240
	node scripts/bench-permutation.mjs 40
	node scripts/bench-scale.mjs 3 10000
	node scripts/bench-own.mjs 3 100000
	node scripts/bench-firstload.mjs 3

## Fuzzing (cargo-fuzz on nightly; not part of `make test`). FUZZ_SECONDS per target.
FUZZ_SECONDS ?= 30
FUZZ_TARGETS ?= $(shell sed -n 's/^name = "\(.*\)"/\1/p' fuzz/Cargo.toml | grep -v study-explorer-fuzz)
fuzz:
	@scripts/bootstrap.sh --fuzz
	cd fuzz && for t in $(FUZZ_TARGETS); do \
	  mkdir -p ../target/fuzz-corpus/$$t; \
	  cargo +nightly fuzz run $$t ../target/fuzz-corpus/$$t corpus/$$t -- -max_total_time=$(FUZZ_SECONDS) -print_final_stats=1 2>&1 | grep -E "stat::number_of_executed_units|ERROR|panicked|SUMMARY" | sed "s/^/$$t: /"; \
	  test $${PIPESTATUS[0]} -eq 0 || exit 1; \
	done

clean:
	rm -rf dist target/wasm32-unknown-unknown
