#!/usr/bin/env bash
# Installs the tools that `make pkg`, `make demo` and `make test` need, from the
# package registries only (crates.io, Debian apt): nothing here downloads a
# prebuilt binary or a browser from anywhere else. (wasm-opt comes from the npm
# registry: the Makefile's node-deps on tools/binaryen.)
#
# Idempotent: every step checks first and prints one line; when everything is
# present the whole script takes about a second.
#
#   scripts/install-tools.sh          # everything (build + test tools)
#   scripts/install-tools.sh build    # only what `make pkg` needs (no browsers)
#
# Long installs write their output to $TOOLS_LOG_DIR (default /tmp) and print
# the tail of the log if they fail.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

GROUP="${1:-all}"
case "$GROUP" in
  all | build) ;;
  *) echo "usage: $0 [all|build]" >&2; exit 2 ;;
esac

CARGO_BIN="${CARGO_HOME:-$HOME/.cargo}/bin"
export PATH="$CARGO_BIN:$PATH"
LOG_DIR="${TOOLS_LOG_DIR:-${TMPDIR:-/tmp}}"

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

say() { printf 'tools: %-22s %s\n' "$1" "$2"; }

# run_logged NAME CMD...: runs CMD with its output in a log file; on failure
# prints the end of the log and exits.
run_logged() {
  local name="$1"; shift
  local log="$LOG_DIR/execscope-tools-$name.log"
  if ! "$@" >"$log" 2>&1; then
    say "$name" "FAILED: $* (last lines of $log follow)"
    tail -n 40 "$log" >&2
    exit 1
  fi
}

# ---------------------------------------------------------------- rust target
if rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "wasm32 target" "present"
else
  say "wasm32 target" "installing: rustup target add wasm32-unknown-unknown"
  run_logged rustup-target rustup target add wasm32-unknown-unknown
fi

# ------------------------------------------------------------------ wasm-pack
if command -v wasm-pack >/dev/null 2>&1; then
  say "wasm-pack" "present ($(wasm-pack --version 2>/dev/null | awk '{print $2}'))"
else
  say "wasm-pack" "installing: cargo install wasm-pack (several minutes)"
  run_logged wasm-pack cargo install wasm-pack
fi

# ---------------------------------------------------------- wasm-bindgen-cli
# Must be exactly the wasm-bindgen version in Cargo.lock: wasm-pack and the
# test runner refuse (or try to download) any other.
if [ ! -f Cargo.lock ]; then
  say "Cargo.lock" "missing: cargo generate-lockfile"
  run_logged generate-lockfile cargo generate-lockfile
fi
WB_WANT="$(awk '
  /^\[\[package\]\]/ { in_wb = 0 }
  /^name = "wasm-bindgen"$/ { in_wb = 1; next }
  in_wb && /^version = / { gsub(/"/, "", $3); print $3; exit }
' Cargo.lock)"
if [ -z "$WB_WANT" ]; then
  say "wasm-bindgen-cli" "FAILED: no wasm-bindgen package in Cargo.lock"
  exit 1
fi
WB_HAVE="$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)"
if [ "$WB_HAVE" = "$WB_WANT" ]; then
  say "wasm-bindgen-cli" "present ($WB_HAVE, matches Cargo.lock)"
else
  say "wasm-bindgen-cli" "installing $WB_WANT (have: ${WB_HAVE:-none}): cargo install wasm-bindgen-cli --version $WB_WANT"
  run_logged wasm-bindgen-cli cargo install wasm-bindgen-cli --version "$WB_WANT"
fi

# --------------------------------------------------------------- node, npm
# Given on every machine (the project's baseline); only checked here. wasm-opt
# is Binaryen's Node.js build, installed by the Makefile from tools/binaryen
# (Debian's binaryen 108 miscompiles wasm-bindgen's externref table export).
if command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; then
  say "node, npm" "present (node $(node --version), npm $(npm --version 2>/dev/null))"
else
  say "node, npm" "FAILED: node and npm must be installed (node 20 or later)"
  exit 1
fi

if [ "$GROUP" = build ]; then
  exit 0
fi

# --------------------------------------------------------------- apt packages
# Debian: chromium + chromium-driver (chromedriver) and firefox-esr, for
# `wasm-pack test --headless --chrome --firefox`.
have_firefox() { command -v firefox >/dev/null 2>&1 || command -v firefox-esr >/dev/null 2>&1; }
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/chromedriver ] || missing+=(chromedriver)
have_firefox || missing+=(firefox)
if [ "${#missing[@]}" -eq 0 ]; then
  say "browsers (apt)" "present (chromium, chromedriver, firefox)"
else
  pkgs=(chromium chromium-driver firefox-esr)
  say "browsers (apt)" "missing ${missing[*]}: apt-get install ${pkgs[*]} (a few minutes)"
  export DEBIAN_FRONTEND=noninteractive
  run_logged apt-update $SUDO apt-get update
  run_logged apt-install $SUDO apt-get install -y "${pkgs[@]}"
fi

# ---------------------------------------------------------------- geckodriver
if [ -x "$CARGO_BIN/geckodriver" ]; then
  say "geckodriver" "present ($("$CARGO_BIN/geckodriver" --version 2>/dev/null | head -n 1 | awk '{print $2}'))"
else
  say "geckodriver" "installing: cargo install geckodriver (a few minutes)"
  run_logged geckodriver cargo install geckodriver
fi

# ----------------------------------------------------------------- cargo-fuzz
# `make fuzz-short` (part of `make test`) and `make fuzz-long`; scripts/fuzz.sh
# uses the nightly toolchain when rustup has one, else stable with RUSTC_BOOTSTRAP.
if cargo fuzz --version >/dev/null 2>&1; then
  say "cargo-fuzz" "present ($(cargo fuzz --version 2>/dev/null | awk '{print $2}'))"
else
  say "cargo-fuzz" "installing: cargo install cargo-fuzz (a few minutes)"
  run_logged cargo-fuzz cargo install cargo-fuzz
fi

# -------------------------------------------------------- clippy and rustfmt
installed_components="$(rustup component list --installed 2>/dev/null || true)"
comps=()
grep -q '^clippy' <<<"$installed_components" || comps+=(clippy)
grep -q '^rustfmt' <<<"$installed_components" || comps+=(rustfmt)
if [ "${#comps[@]}" -eq 0 ]; then
  say "clippy, rustfmt" "present"
else
  say "clippy, rustfmt" "installing: rustup component add ${comps[*]}"
  run_logged rustup-components rustup component add "${comps[@]}"
fi
