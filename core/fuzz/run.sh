#!/usr/bin/env bash
# core/fuzz/run.sh [SECONDS] [TARGET...]: fuzzes the core with cargo-fuzz (libFuzzer,
# AddressSanitizer), each target for SECONDS (60 by default; the test command runs a
# short pass), from a seed corpus of the real names and the conformance vectors.
# Targets: text, names, api, roster, profile (core/tests/fuzz_checks/mod.rs says what
# each checks). A crash is copied into core/fuzz/regressions/<target>/, which
# `cargo test -p cncd --test fuzz_regressions` replays for ever after, and fails the run.
# The corpus grows in core/fuzz/corpus/ (not committed) from run to run.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
seconds="${1:-60}"
shift || true
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
python3 - "$root" "$here/seeds" <<'PY'
import csv, json, os, sys, glob
root, out = sys.argv[1], sys.argv[2]
def write(target, i, data):
    d = os.path.join(out, target); os.makedirs(d, exist_ok=True)
    open(os.path.join(d, f"{i:05d}"), "wb").write(data if isinstance(data, bytes) else data.encode())
names = []
for f in ("vn-units-2022.csv", "vn-units-2025.csv"):
    with open(os.path.join(root, "core/data", f), encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    names += [(r["commune_name"], r.get("district_name") or r["province_name"]) for r in rows[::25]]
for i, (c, p) in enumerate(names):
    write("text", i, c)
    write("names", i, f"CNCĐ_{c.split(' ', 1)[-1]}_{p.split(' ', 1)[-1]}")
n = 0
for f in sorted(glob.glob(os.path.join(root, "tests/vectors/*.json"))):
    for v in json.load(open(f, encoding="utf-8")):
        req = v["request"] if isinstance(v["request"], str) else json.dumps(v["request"], ensure_ascii=False)
        write("api", n, f"{v['op']}\n{req}")
        if isinstance(v["request"], dict) and isinstance(v["request"].get("roster"), dict):
            write("roster", n, json.dumps(v["request"]["roster"], ensure_ascii=False))
        if v["op"] == "profile.get" and "ok" in v["response"]:
            write("profile", n, json.dumps(v["response"]["ok"]["profile"], ensure_ascii=False))
        if isinstance(v["request"], dict) and isinstance(v["request"].get("profile"), dict):
            write("profile", n, json.dumps(v["request"]["profile"], ensure_ascii=False))
        n += 1
PY

cd "$here"
cargo fuzz build -O
status=0
for t in "${targets[@]}"; do
  mkdir -p "corpus/$t" "regressions/$t"
  echo "== fuzz $t for ${seconds}s"
  if ! cargo fuzz run -O "$t" "corpus/$t" "seeds/$t" -- -max_total_time="$seconds" -rss_limit_mb=2048 -max_len=65536 \
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
