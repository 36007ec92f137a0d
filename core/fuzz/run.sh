#!/usr/bin/env bash
# core/fuzz/run.sh [SECONDS] [TARGET...]: fuzzes the core with cargo-fuzz (libFuzzer,
# AddressSanitizer), each target for SECONDS (60 by default), from a seed corpus of the
# real names and the conformance vectors, at random: each run explores further.
# core/fuzz/run.sh --runs N [TARGET...]: each target for N inputs, from libFuzzer's
# seed 1 and the seed corpus alone (a fresh corpus in a temporary directory): the pass
# the test command runs, which starts the same on every machine. (Two such runs of the
# api target, 3,000 inputs, were the same; two of the names target drifted apart after
# about 2,000 inputs, with ASLR off too, and two of the text target from one build,
# 20,000 inputs, added 1,207 and 1,204 inputs to their corpus: the cause is not found.)
# Targets: text, names, api, roster, profile (core/tests/fuzz_checks/mod.rs says what
# each checks). A crash is copied into core/fuzz/regressions/<target>/, which
# `cargo test -p cncd --test fuzz_regressions` replays for ever after, and fails the run.
# The corpus of the random runs grows in core/fuzz/corpus/ (not committed).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
runs=""
if [ "${1:-}" = "--runs" ]; then
  runs="${2:?--runs takes a number of inputs}"
  shift 2
  limits=(-runs="$runs" -seed=1)
else
  seconds="${1:-60}"
  limits=(-max_total_time="$seconds")
  shift || true
fi
targets=("$@")
[ "${#targets[@]}" -gt 0 ] || targets=(text names api roster profile)
CARGO_FUZZ_VERSION=0.13.2
export PATH="$root/.tools/bin:$PATH"
if ! cargo fuzz --version 2>/dev/null | grep -qx "cargo-fuzz $CARGO_FUZZ_VERSION"; then
  cargo install --locked --quiet cargo-fuzz --version "$CARGO_FUZZ_VERSION" --root "$root/.tools"
fi
# cargo-fuzz builds with -Z flags (the sanitizer); this machine has one stable toolchain.
export RUSTC_BOOTSTRAP=1

# Seeds: every commune name of both lists, group names built from them, and each
# vector's request, in the input shape of each target.
python3 "$here/seeds.py" "$root" "$here/seeds"

cd "$here"
cargo fuzz build -O
status=0
fresh="$(mktemp -d)"
trap 'rm -rf "$fresh"' EXIT
for t in "${targets[@]}"; do
  mkdir -p "corpus/$t" "regressions/$t"
  corpus="corpus/$t"
  if [ -n "$runs" ]; then
    corpus="$fresh/$t" && mkdir -p "$corpus"
    echo "== fuzz $t for $runs inputs from seed 1"
  else
    echo "== fuzz $t for ${seconds}s"
  fi
  if ! cargo fuzz run -O "$t" "$corpus" "seeds/$t" -- "${limits[@]}" -rss_limit_mb=2048 -max_len=65536 \
       -print_final_stats=1 2> "corpus/$t.log"; then
    status=1
    for crash in artifacts/"$t"/*; do
      [ -f "$crash" ] && cp "$crash" "regressions/$t/" && echo "!! $t: $crash copied to core/fuzz/regressions/$t/"
    done
    tail -n 40 "corpus/$t.log"
  fi
  grep -E "^stat::number_of_executed_units|^stat::new_units_added" "corpus/$t.log" | sed "s/^/   $t /" || true
done
exit "$status"
