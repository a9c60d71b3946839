# execscope build and test entry points.
#
#   make tools   install what is missing (scripts/install-tools.sh + npm wasm-opt)
#   make pkg     build the npm package into pkg/ (wasm-pack, then wasm-opt -O3)
#   make demo    build pkg/, copy it to www/pkg/, serve www/ on 127.0.0.1:$PORT
#   make dist    dist/execscope.html: one self-contained file that works from file://
#   make npm     build the publishable npm package into pkg-npm/ (+ target/npm/*.tgz)
#   make test-npm  install that tarball in tests/consumer/: tsc, Vite + webpack + Chromium, Node
#   make fmt     cargo fmt
#   make lint    rustfmt check, clippy (host, all targets), clippy (wasm32 lib), the docs' links, tsc on the page (www/)
#   make test    tools, lint, cargo test, fuzz-short, wasm-pack test (Chrome, Firefox), test-js, test-npm
#   make bench   benchmarks in Node and headless Chromium -> BENCHMARKS.md (QUICK=1: subset)
#   make bench-profiles  the release profile's frontier: opt-level × wasm-opt level -> bench/PROFILES.md
#   make fuzz-short  every cargo-fuzz target for FUZZ_SHORT_SECONDS (12 s) each, under 1.5 minutes in all (part of make test)
#   make fuzz-long   the same for FUZZ_SECONDS (600 s) each; see docs/robustness.md
#   make clean
#
# Works on a fresh Debian machine (root, rustup, cargo, node, npm): whatever is
# missing is installed from crates.io, Debian apt and the npm registry only.

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help
MAKEFLAGS += --no-print-directory

THIS_MAKEFILE := $(abspath $(lastword $(MAKEFILE_LIST)))
ROOT := $(patsubst %/,%,$(dir $(THIS_MAKEFILE)))
SUBMAKE = $(MAKE) -f $(THIS_MAKEFILE)
TOOLS_SCRIPT := $(ROOT)/scripts/install-tools.sh

CARGO_HOME ?= $(HOME)/.cargo
export PATH := $(CARGO_HOME)/bin:$(PATH)

PORT ?= 8080

# Passed to wasm-pack per browser. Deliberately NOT exported: the test runner
# uses geckodriver whenever GECKODRIVER is in its environment, so a global
# GECKODRIVER would silently run the "Chrome" pass in Firefox.
CHROMEDRIVER ?= /usr/bin/chromedriver
GECKODRIVER ?= $(CARGO_HOME)/bin/geckodriver

# wasm-opt: Binaryen's Node.js build from npm (pinned in tools/binaryen). Debian
# bookworm's binaryen 108 writes the export of wasm-bindgen's second table
# (__wbindgen_externrefs) as table 0 (the funcref table), and the module then
# fails to instantiate. scripts/check-pkg.mjs catches that class of breakage.
BINARYEN_DIR := $(ROOT)/tools/binaryen
WASM_OPT ?= $(BINARYEN_DIR)/node_modules/.bin/wasm-opt
# The features rustc 1.95's wasm32-unknown-unknown output declares (LLVM's
# "generic" CPU): bulk-memory(-opt), nontrapping-fptoint, sign-ext,
# mutable-globals, reference-types, multivalue, call-indirect-overlong (the last
# two Binaryen folds into reference-types / bulk-memory).
# The level was chosen by measuring every opt-level × wasm-opt level
# (`make bench-profiles`, BENCHMARKS.md "The release profile").
WASM_OPT_LEVEL ?= -O3
WASM_OPT_FEATURES := --enable-bulk-memory \
	--enable-nontrapping-float-to-int \
	--enable-sign-ext \
	--enable-mutable-globals \
	--enable-reference-types \
	--enable-multivalue
WASM_OPT_FLAGS ?= $(WASM_OPT_LEVEL) --strip-debug --strip-producers $(WASM_OPT_FEATURES)

# Directories of JS test suites, each with its own package.json whose `npm test`
# runs the suite (dependencies installed by node-deps first). Empty for now.
JS_TESTS ?= tests/page tests/conformance tests/injection

# $(call node-deps,DIR): install DIR's npm dependencies: `npm ci` when there is
# a package-lock.json, else `npm install`. Skipped when node_modules is newer
# than both package.json and the lockfile.   From the shell: make node-deps DIR=...
define node-deps
	@d="$(1)"; \
	if [ -z "$$d" ] || [ ! -f "$$d/package.json" ]; then \
	  echo "node-deps: no package.json in '$$d'" >&2; exit 1; \
	fi; \
	stamp="$$d/node_modules/.package-lock.json"; \
	if [ -f "$$stamp" ] && [ "$$stamp" -nt "$$d/package.json" ] && \
	   { [ ! -f "$$d/package-lock.json" ] || [ "$$stamp" -nt "$$d/package-lock.json" ]; }; then \
	  echo "node-deps: $$d up to date"; \
	elif [ -f "$$d/package-lock.json" ]; then \
	  echo "node-deps: $$d: npm ci"; \
	  (cd "$$d" && npm ci --no-audit --no-fund --loglevel=error); \
	else \
	  echo "node-deps: $$d: npm install (no package-lock.json)"; \
	  (cd "$$d" && npm install --no-audit --no-fund --loglevel=error); \
	fi
endef

banner = @printf '\n==> %s\n' "$(1)"

.PHONY: help tools tools-build pkg demo dist fmt lint test test-rust test-wasm \
	test-wasm-chrome test-wasm-firefox test-js node-deps clean bench bench-profiles fuzz-short fuzz-long

help:
	@sed -n '3,/^#$$/{/^#$$/!s/^# \{0,1\}//p}' $(THIS_MAKEFILE)

tools:
	$(call banner,tools)
	@bash $(TOOLS_SCRIPT)
	$(call node-deps,$(BINARYEN_DIR))

# Only what `make pkg` / `make demo` need (no browsers).
tools-build:
	@bash $(TOOLS_SCRIPT) build
	$(call node-deps,$(BINARYEN_DIR))

pkg: tools-build
	$(call banner,pkg: wasm-pack build --release --target web)
	wasm-pack --quiet build --release --target web --out-dir pkg --out-name execscope
	$(call banner,pkg: wasm-opt $(WASM_OPT_LEVEL))
	@before=$$(stat -c %s pkg/execscope_bg.wasm); \
	$(WASM_OPT) $(WASM_OPT_FLAGS) pkg/execscope_bg.wasm -o pkg/execscope_bg.opt.wasm; \
	mv pkg/execscope_bg.opt.wasm pkg/execscope_bg.wasm; \
	echo "pkg/execscope_bg.wasm: $$before -> $$(stat -c %s pkg/execscope_bg.wasm) bytes"
	@node $(ROOT)/scripts/check-pkg.mjs pkg

demo: pkg
	@rm -rf www/pkg && cp -R pkg www/pkg
	$(call banner,demo (Ctrl-C to stop))
	@PORT=$(PORT) node www/serve.mjs

# One self-contained HTML file (wasm, scripts, styles and samples inlined) that
# works double-clicked from file:// with no network. scripts/build-dist.mjs
# bundles the page's modules with esbuild, pinned in tools/esbuild (npm ci).
ESBUILD_DIR := $(ROOT)/tools/esbuild
dist: pkg
	$(call node-deps,$(ESBUILD_DIR))
	$(call banner,dist: dist/execscope.html)
	node scripts/build-dist.mjs --pkg pkg --out dist/execscope.html
	@for f in dist/*.html; do echo "$$f: $$(stat -c %s $$f) bytes"; done

fmt:
	cargo fmt --all

lint:
	$(call banner,lint: cargo fmt --check)
	cargo fmt --all -- --check
	$(call banner,lint: clippy --all-targets (host))
	cargo clippy --quiet --all-targets -- -D warnings
	$(call banner,lint: clippy --lib (wasm32-unknown-unknown))
	cargo clippy --quiet --target wasm32-unknown-unknown --lib -- -D warnings
	$(call banner,lint: the docs' links (scripts/check-docs.mjs))
	node scripts/check-docs.mjs --self-test
	node scripts/check-docs.mjs
	@$(SUBMAKE) lint-www

# The page's JavaScript, type-checked: TypeScript from npm (pinned in tools/tsc),
# `tsc -p www` (www/tsconfig.json: strict, noEmit; JSDoc types from
# www/js/types.d.ts, src/types.d.ts and the wasm-bindgen declarations of pkg/,
# which is built first when src/ is newer). Every module must say
# `// @ts-check` (checked here; www/tsconfig.json's checkJs checks them all anyway).
TSC_DIR := $(ROOT)/tools/tsc
.PHONY: lint-www
lint-www: $(ROOT)/pkg/execscope.d.ts
	$(call banner,lint: tsc -p www (the page's JavaScript))
	$(call node-deps,$(TSC_DIR))
	@cd $(ROOT)/www/js && missing=""; \
	for f in $$(find . -name '*.js' | sed 's|^\./||' | sort); do \
	  head -n 1 "$$f" | grep -qx '// @ts-check' || missing="$$missing www/js/$$f"; \
	done; \
	if [ -n "$$missing" ]; then echo "lint-www: these modules do not start with // @ts-check:$$missing" >&2; exit 1; fi
	$(TSC_DIR)/node_modules/.bin/tsc -p $(ROOT)/www
	@echo "lint-www: tsc: 0 errors"

$(ROOT)/pkg/execscope.d.ts: $(shell find $(ROOT)/src -name '*.rs') $(ROOT)/src/types.d.ts $(ROOT)/Cargo.toml
	@$(SUBMAKE) pkg

test:
	@$(SUBMAKE) tools
	@$(SUBMAKE) lint
	@$(SUBMAKE) test-rust
	@$(SUBMAKE) fuzz-short
	@$(SUBMAKE) test-wasm
	@$(SUBMAKE) test-js
	@$(SUBMAKE) test-npm

test-rust:
	$(call banner,test: cargo test)
	@test -d "$(ROOT)/../shared/jsontestsuite" || test -n "$${EXECSCOPE_SHARED:-}" || \
		echo "NOTE: no ../shared/jsontestsuite beside the repository and EXECSCOPE_SHARED unset: the JSONTestSuite tests are skipped"
	cargo test

# Fuzzing (cargo-fuzz, libFuzzer; nightly when rustup has it, else stable with
# RUSTC_BOOTSTRAP=1): scripts/fuzz.sh runs every target in fuzz/ from a
# temporary copy of its checked-in seeds; crashes land in fuzz/artifacts/.
FUZZ_SHORT_SECONDS ?= 12
FUZZ_SECONDS ?= 600

fuzz-short:
	$(call banner,fuzz-short: $(FUZZ_SHORT_SECONDS) s per target)
	@bash $(ROOT)/scripts/fuzz.sh $(FUZZ_SHORT_SECONDS)

fuzz-long:
	$(call banner,fuzz-long: $(FUZZ_SECONDS) s per target)
	@bash $(ROOT)/scripts/fuzz.sh $(FUZZ_SECONDS)

# Same as `wasm-pack test --headless --chrome --firefox`, one run per browser
# with its own banner; both run even when the first fails. `env -u` drops any
# inherited driver variables; wasm-pack sets CHROMEDRIVER / GECKODRIVER itself
# for the matching pass.
WASM_PACK_TEST = env -u CHROMEDRIVER -u GECKODRIVER -u SAFARIDRIVER -u MSEDGEDRIVER \
	-u CHROMEDRIVER_REMOTE -u GECKODRIVER_REMOTE wasm-pack test --headless

test-wasm:
	@rc=0; $(SUBMAKE) test-wasm-chrome || rc=1; $(SUBMAKE) test-wasm-firefox || rc=1; exit $$rc

test-wasm-chrome:
	$(call banner,test: wasm-pack test --headless --chrome)
	$(WASM_PACK_TEST) --chrome --chromedriver $(CHROMEDRIVER)

test-wasm-firefox:
	$(call banner,test: wasm-pack test --headless --firefox)
	$(WASM_PACK_TEST) --firefox --geckodriver $(GECKODRIVER)

# Builds pkg/ first only when there is a JS suite to run. The page and injection
# suites build the single file too (esbuild, tools/esbuild).
test-js: $(if $(strip $(JS_TESTS)),pkg)
	$(call banner,test-js)
ifeq ($(strip $(JS_TESTS)),)
	@echo "test-js: no JS test suites yet (JS_TESTS is empty)"
else
	$(call node-deps,$(ESBUILD_DIR))
	@$(foreach d,$(JS_TESTS),$(SUBMAKE) node-deps DIR=$(d) && (echo "==> npm test in $(d)" && cd $(d) && npm test) && ) true
endif

node-deps:
	$(call node-deps,$(DIR))

# The npm package (docs/javascript.md). wasm-pack's bundler-target glue and .wasm
# (wasm-opt'd as in `pkg`), turned by scripts/npm-package.mjs into one package
# for Node ("node" condition: fs + synchronous compile), browsers and bundlers
# (fetch + top-level await) and "execscope/init" (the caller loads the .wasm).
#   make npm        writes NPM_DIR (publish it with `npm publish pkg-npm`), packs
#                   it into NPM_PACK_DIR and prints the tarball and .wasm sizes
#   make test-npm   installs that tarball into tests/consumer/ (offline, --no-save)
#                   and runs its node --test suite: tsc --strict on a consumer file,
#                   a Node-only TypeScript project and a deliberate-error file; Vite
#                   and webpack builds in headless Chromium; plain pages without a
#                   bundler; Node 20; the examples of docs/javascript.md
NPM_DIR := $(ROOT)/pkg-npm
NPM_PACK_DIR := $(ROOT)/target/npm
CONSUMER_DIR := $(ROOT)/tests/consumer
.PHONY: npm test-npm

npm: tools-build
	$(call banner,npm: wasm-pack build --release --target bundler)
	rm -rf $(NPM_DIR)
	cd $(ROOT) && wasm-pack --quiet build --release --target bundler --out-dir $(NPM_DIR) --out-name execscope
	$(call banner,npm: wasm-opt $(WASM_OPT_LEVEL))
	@before=$$(stat -c %s $(NPM_DIR)/execscope_bg.wasm); \
	$(WASM_OPT) $(WASM_OPT_FLAGS) $(NPM_DIR)/execscope_bg.wasm -o $(NPM_DIR)/execscope_bg.opt.wasm; \
	mv $(NPM_DIR)/execscope_bg.opt.wasm $(NPM_DIR)/execscope_bg.wasm; \
	echo "execscope_bg.wasm: $$before -> $$(stat -c %s $(NPM_DIR)/execscope_bg.wasm) bytes"
	$(call banner,npm: package $(NPM_DIR))
	node $(ROOT)/scripts/npm-package.mjs $(NPM_DIR)
	@rm -rf $(NPM_PACK_DIR) && mkdir -p $(NPM_PACK_DIR)
	@tgz=$$(cd $(NPM_DIR) && npm pack --silent --pack-destination $(NPM_PACK_DIR) 2>/dev/null); \
	wasm=$(NPM_DIR)/execscope_bg.wasm; \
	echo "npm: $(NPM_PACK_DIR)/$$tgz: $$(stat -c %s $(NPM_PACK_DIR)/$$tgz) bytes"; \
	echo "npm: execscope_bg.wasm: $$(stat -c %s $$wasm) bytes, $$(gzip -9 -c $$wasm | wc -c) bytes gzip -9"

test-npm: npm
	@bash $(TOOLS_SCRIPT)
	$(call banner,test-npm: install $(NPM_PACK_DIR)/execscope-*.tgz in tests/consumer)
	$(call node-deps,$(CONSUMER_DIR))
	cd $(CONSUMER_DIR) && npm install --no-save --offline --no-audit --no-fund --loglevel=error $(NPM_PACK_DIR)/execscope-*.tgz
	$(call banner,test-npm: npm test in tests/consumer)
	cd $(CONSUMER_DIR) && EXECSCOPE_NPM_DIR=$(NPM_DIR) npm test

# Benchmarks (bench/run.mjs): summarize()/timeline() against JSON.parse and a
# plain-JS baseline at 1k..1M events, AOS and workflow payloads, in Node and in
# headless Chromium (/usr/bin/chromium, or CHROMIUM=...). Builds pkg/ first.
#   make bench            full run (~10 min): prints the tables, writes BENCHMARKS.md
#   make bench QUICK=1    a subset in ~1-2 min: bench/results/BENCHMARKS-quick.md
#   BENCH_ARGS='--node-only --cases events-100k'   other flags for bench/run.mjs
BENCH_DIR := $(ROOT)/bench
bench: pkg
	$(call node-deps,$(BENCH_DIR))
	$(call banner,bench$(if $(filter 1,$(QUICK)), (QUICK=1)))
	node $(BENCH_DIR)/run.mjs --pkg $(ROOT)/pkg $(if $(filter 1,$(QUICK)),--quick) $(BENCH_ARGS)

# The release profile's frontier (bench/profiles.mjs): the .wasm built at every
# opt-level (z, s, 2, 3, 3 + simd128, two per-crate overrides) in its own
# target/profiles/<build>/, wasm-opt'd at none / -Oz / -O3 / -O4, and summarize(bytes)
# of each timed against JSON.parse in Node and Chromium (100k events), with the
# sizes. Writes bench/PROFILES.md (part of every generated BENCHMARKS.md) and
# splices it into BENCHMARKS.md. About 20-40 min on 2 cores, mostly the builds.
#   PROFILES_ARGS='--skip-build'   re-measure the builds already made
#   PROFILES_ARGS='--case aos-100k --no-splice --out /tmp/aos.md'   another payload
bench-profiles: tools-build
	$(call node-deps,$(BENCH_DIR))
	$(call banner,bench-profiles)
	node $(BENCH_DIR)/profiles.mjs --wasm-opt $(WASM_OPT) --wasm-opt-flags "--strip-debug --strip-producers $(WASM_OPT_FEATURES)" --chosen 2/O3 $(PROFILES_ARGS)

clean:
	cargo clean
	rm -rf fuzz/target
	rm -rf $(NPM_DIR) $(CONSUMER_DIR)/node_modules $(CONSUMER_DIR)/build
	rm -rf pkg www/pkg dist $(BINARYEN_DIR)/node_modules $(ESBUILD_DIR)/node_modules $(TSC_DIR)/node_modules $(addsuffix /node_modules,$(JS_TESTS)) $(BENCH_DIR)/node_modules
