#!/usr/bin/env bash
# Regenerates bindings-c/include/cncd.h with the pinned cbindgen. With --check, writes
# nothing and fails if the committed header differs from a fresh one (drift).
set -euo pipefail
source "$(dirname "$0")/tools.sh"
cd "$CNCD_ROOT"
fresh="$(mktemp)"
trap 'rm -f "$fresh"' EXIT
cbindgen --quiet --config bindings-c/cbindgen.toml --crate cncd-c --output "$fresh" bindings-c
if [ "${1:-}" = "--check" ]; then
  if ! diff -u bindings-c/include/cncd.h "$fresh"; then
    echo "bindings-c/include/cncd.h is stale: run bindings-c/scripts/header.sh and commit it" >&2
    exit 1
  fi
  echo "header: bindings-c/include/cncd.h matches the code"
else
  cp "$fresh" bindings-c/include/cncd.h
  echo "wrote bindings-c/include/cncd.h"
fi
