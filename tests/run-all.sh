#!/usr/bin/env bash
# Every test of every part of cncd, on a fresh machine: the README's second command,
# and exactly what `.ci/run` runs. It installs what it needs (the wasm32 target).
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s\n' "$*"; }

step "tools"
command -v cargo >/dev/null || { echo "cargo is missing: install Rust with rustup first" >&2; exit 1; }
cargo --version
if command -v rustup >/dev/null && ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  rustup target add wasm32-unknown-unknown
fi
# The C door's tests need a C and a C++ compiler, valgrind and pkg-config; the
# WebAssembly door's, Node.js with npm and Debian's Chromium (driven by playwright-core).
missing=()
for tool in gcc:gcc g++:g++ valgrind:valgrind pkg-config:pkg-config node:nodejs npm:npm chromium:chromium; do
  command -v "${tool%%:*}" >/dev/null || missing+=("${tool##*:}")
done
if [ "${#missing[@]}" -gt 0 ]; then
  sudo_="$(command -v sudo || true)"
  $sudo_ apt-get update -qq && $sudo_ apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

step "Rust: unit, integration and documentation tests of every crate"
cargo test --workspace --locked

step "documentation: every crate's rustdoc builds without a warning (broken links included)"
# The C door's library is also called `cncd`, so it is documented on its own.
RUSTDOCFLAGS="-D warnings" cargo doc --workspace --exclude cncd-c --no-deps --locked
RUSTDOCFLAGS="-D warnings" cargo doc -p cncd-c --no-deps --locked

step "conformance vectors: extra files from CNCD_VECTORS are read, and a wrong answer fails"
extra="$(mktemp -d)"
trap 'rm -rf "$extra"' EXIT
echo '[{"name": "extra", "op": "text.clean", "request": {"text": " Xã  Phước Hà "}, "response": {"ok": {"text": "Xã Phước Hà"}}}]' > "$extra/good.json"
echo '[{"name": "wrong on purpose", "op": "text.clean", "request": {"text": "a"}, "response": {"ok": {"text": "b"}}}]' > "$extra/bad.json"
shipped="$(cargo test --locked -q -p cncd --test vectors | tail -1)"
with_extra="$(CNCD_VECTORS="$extra/good.json" cargo test --locked -q -p cncd --test vectors | tail -1)"
echo "shipped: $shipped; with one extra: $with_extra"
[ "${with_extra%% *}" -eq $(( ${shipped%% *} + 1 )) ] || { echo "CNCD_VECTORS was not read" >&2; exit 1; }
if CNCD_VECTORS="$extra/bad.json" cargo test --locked -q -p cncd --test vectors > "$extra/out" 2>&1; then
  echo "a wrong vector passed" >&2; exit 1
fi
grep -q "passed, 1 failed" "$extra/out" || { cat "$extra/out" >&2; exit 1; }

step "the core without its default features (no national lists): builds, and its tests pass"
cargo test --locked -p cncd --no-default-features --lib

step "benchmarks: each run once, as a test"
cargo test --workspace --locked --benches

step "fuzzing: a short pass of every target from a fixed seed (core/fuzz/run.sh SECONDS explores further)"
bash core/fuzz/run.sh --runs "${CNCD_FUZZ_RUNS:-20000}"

step "C door: header drift, C tests (shared, static, valgrind, ASan+UBSan), fuzz inputs under ASan, install and pkg-config"
bindings-c/scripts/test.sh

step "WebAssembly door: the npm package, its Node tests (vectors, API, types, size) and the web page in Chromium"
bash bindings-wasm/scripts/build.sh
node --test bindings-wasm/tests/

step "main job: cncd-audit on the embedded sample (it has faults on purpose: exit code 1)"
set +e
cargo run --locked -q -p cncd-audit > /dev/null
status=$?
set -e
[ "$status" -eq 1 ] || { echo "cncd-audit on the sample exited $status, 1 expected" >&2; exit 1; }

echo
echo "all tests passed"
