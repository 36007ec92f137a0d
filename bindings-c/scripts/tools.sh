# Sourced by the C scripts: puts the pinned cbindgen on PATH, installing it once into
# .tools/ at the top of the repository (../shared/TOOLCHAIN.md: about a minute).
CNCD_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CBINDGEN_VERSION=0.29.4
export PATH="$CNCD_ROOT/.tools/bin:$PATH"
if ! cbindgen --version 2>/dev/null | grep -qx "cbindgen $CBINDGEN_VERSION"; then
  cargo install --locked --quiet cbindgen --version "$CBINDGEN_VERSION" --root "$CNCD_ROOT/.tools"
fi
