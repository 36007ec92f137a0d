#!/usr/bin/env bash
# Builds the npm package `cncd` into bindings-wasm/pkg/:
#   web/                the module (wasm-opt -Oz) and its wasm-bindgen glue (--target web)
#   index.mjs           the camelCase API, an ES module for browsers and bundlers (js/)
#   node.mjs            the same for Node.js, with the module loaded at import (js/)
#   index.d.ts          TypeScript types of every function, request and result (js/)
#   data/               the national lists and the 2025 mapping, for a page to serve
#                       from its own origin and load with loadRegistry (core/data/)
# Installs its tools once (../shared/TOOLCHAIN.md): wasm-bindgen-cli pinned to the crate's
# wasm-bindgen, into .tools/; wasm-opt from the npm package binaryen (Debian's binaryen
# 108 produces broken modules), typescript and playwright-core for the tests, with the
# versions of package-lock.json, into bindings-wasm/node_modules.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
root="$(cd "$here/.." && pwd)"
tools="$root/.tools"
export PATH="$tools/bin:$PATH"
WASM_BINDGEN_VERSION=0.2.130

if command -v rustup >/dev/null && ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  rustup target add wasm32-unknown-unknown
fi
# The module is built with its own std (-Zbuild-std), with std's choices for small code
# (optimize_for_size) and panic=immediate-abort, so that no panic message, location or
# formatting code is in the module. A panic was already a trap there (panic=abort), which
# the JavaScript API turns into an error with code `internal`; the core is built never to
# panic. std stays compiled for speed, as the prebuilt one is: at opt-level "z", with the
# module, it made teams.validate and names.check 14 % slower and one asciiKey call 10 %
# slower, for 15 KB. (These overrides are given here, not in Cargo.toml, where every
# other build would warn that no package of theirs is built.) This takes the std sources
# (rustup's rust-src) and unstable flags on the stable toolchain (RUSTC_BOOTSTRAP=1, as
# core/fuzz/run.sh does). At c620370: 587,053 bytes instead of 631,587. Without rust-src
# the module is built with the prebuilt std, and the size test fails.
if command -v rustup >/dev/null && ! rustup component list --installed | grep -q '^rust-src'; then
  rustup component add rust-src || echo "build.sh: rust-src could not be installed; building without -Zbuild-std" >&2
fi
if ! wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $WASM_BINDGEN_VERSION"; then
  # `--locked` fails here: a pinned dependency version is missing from the registry.
  cargo install --quiet wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --root "$tools"
fi
if ! cmp -s "$here/package-lock.json" "$here/node_modules/.package-lock.json.installed" 2>/dev/null; then
  (cd "$here" && npm ci --silent --no-audit --no-fund && cp package-lock.json node_modules/.package-lock.json.installed)
fi
wasm_opt="$here/node_modules/.bin/wasm-opt"

cd "$root"
if [ -d "$(rustc --print sysroot)/lib/rustlib/src/rust/library" ]; then
  RUSTC_BOOTSTRAP=1 RUSTFLAGS="${RUSTFLAGS:-} -Zunstable-options -Cpanic=immediate-abort" \
    cargo build --locked -q -p cncd-wasm --target wasm32-unknown-unknown --profile wasm \
      -Zbuild-std=std,panic_abort -Zbuild-std-features=optimize_for_size \
      $(for p in core alloc std dlmalloc; do printf -- '--config profile.wasm.package.%s.opt-level=3 ' "$p"; done)
else
  echo "build.sh: no std sources (rust-src): the module is built with the prebuilt std, about 45 KB larger" >&2
  cargo build --locked -q -p cncd-wasm --target wasm32-unknown-unknown --profile wasm
fi
raw="target/wasm32-unknown-unknown/wasm/cncd_wasm.wasm"
out="$here/pkg"
rm -rf "$out" && mkdir -p "$out/web" "$out/data"
wasm-bindgen "$raw" --out-dir "$out/web" --target web --no-typescript --out-name cncd_wasm
"$wasm_opt" -Oz --strip-debug --strip-producers --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
  "$out/web/cncd_wasm_bg.wasm" -o "$out/web/cncd_wasm_bg.wasm"
cp -r "$here"/js/. "$out/"
cp "$here/README.md" "$out/"
cp "$root"/core/data/{vn-units-2022.csv,vn-units-2025.csv,vn-commune-mapping-2025.csv,SOURCES.md} "$out/data/"
printf 'cncd_wasm_bg.wasm: %s bytes, %s gzipped\n' "$(wc -c < "$out/web/cncd_wasm_bg.wasm")" "$(gzip -9 -c "$out/web/cncd_wasm_bg.wasm" | wc -c)"
