#!/usr/bin/env bash
# Installs libcncd like a C library: PREFIX/include/cncd.h, PREFIX/lib/libcncd.a,
# PREFIX/lib/libcncd.so.X.Y.Z with its soname link libcncd.so.X and libcncd.so, and
# PREFIX/lib/pkgconfig/cncd.pc. Then:
#   cc app.c $(pkg-config --cflags --libs cncd)
# (PKG_CONFIG_PATH=PREFIX/lib/pkgconfig for a prefix pkg-config does not search).
# Usage: bindings-c/scripts/install.sh [PREFIX]   (default /usr/local)
set -euo pipefail
cd "$(dirname "$0")/../.."
prefix="${1:-/usr/local}"
version="$(cargo metadata --no-deps --format-version 1 | python3 -c 'import json,sys; print(next(p["version"] for p in json.load(sys.stdin)["packages"] if p["name"] == "cncd-c"))')"
major="${version%%.*}"
cargo build --locked --release -q -p cncd-c
install -d "$prefix/include" "$prefix/lib/pkgconfig"
install -m 644 bindings-c/include/cncd.h "$prefix/include/cncd.h"
install -m 644 target/release/libcncd.a "$prefix/lib/libcncd.a"
install -m 755 target/release/libcncd.so "$prefix/lib/libcncd.so.$version"
ln -sf "libcncd.so.$version" "$prefix/lib/libcncd.so.$major"
ln -sf "libcncd.so.$major" "$prefix/lib/libcncd.so"
sed -e "s|@PREFIX@|$prefix|" -e "s|@VERSION@|$version|" bindings-c/cncd.pc.in > "$prefix/lib/pkgconfig/cncd.pc"
echo "installed libcncd $version into $prefix"
