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
if ! wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $WASM_BINDGEN_VERSION"; then
  # `--locked` fails here: a pinned dependency version is missing from the registry.
  cargo install --quiet wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --root "$tools"
fi
if ! cmp -s "$here/package-lock.json" "$here/node_modules/.package-lock.json.installed" 2>/dev/null; then
  (cd "$here" && npm ci --silent --no-audit --no-fund && cp package-lock.json node_modules/.package-lock.json.installed)
fi
wasm_opt="$here/node_modules/.bin/wasm-opt"

cd "$root"
cargo build --locked -q -p cncd-wasm --target wasm32-unknown-unknown --profile wasm
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
