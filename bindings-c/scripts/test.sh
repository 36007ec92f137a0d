#!/usr/bin/env bash
# The C door, tested from C: header drift, the header alone as C and C++, the C tests
# against the shared and the static library, under valgrind, and as an ASan+UBSan build.
# Part of tests/run-all.sh; needs gcc, g++ and valgrind (installed there if missing).
set -euo pipefail
source "$(dirname "$0")/tools.sh"
cd "$CNCD_ROOT"

say() { printf -- '-- %s\n' "$*"; }
CFLAGS=(-std=c99 -Wall -Wextra -Werror -pedantic -Ibindings-c/include)
out="target/c-tests"
mkdir -p "$out"

say "header: regenerated with cbindgen $CBINDGEN_VERSION and compared"
bindings-c/scripts/header.sh --check

say "header: compiles on its own as C and as C++"
echo '#include "cncd.h"' > "$out/only-header.c"
gcc "${CFLAGS[@]}" -c "$out/only-header.c" -o "$out/only-header.o"
g++ -std=c++11 -Wall -Wextra -Werror -pedantic -Ibindings-c/include -x c++ -c "$out/only-header.c" -o "$out/only-header-cpp.o"

say "libcncd: shared and static, release, installed into a scratch prefix as a C library"
prefix="$CNCD_ROOT/$out/prefix"
rm -rf "$prefix"
bindings-c/scripts/install.sh "$prefix"
lib="$prefix/lib"
cargo run --locked --release -q -p cncd-c --example c_fixtures -- "$out"

say "C tests against the shared library"
gcc "${CFLAGS[@]}" bindings-c/tests/c/test_cncd.c -o "$out/test-shared" -L"$lib" -lcncd -Wl,-rpath,"$lib" -lpthread
"$out/test-shared" "$out/vectors.txt" "$out"

say "C tests against the static library"
gcc "${CFLAGS[@]}" bindings-c/tests/c/test_cncd.c -o "$out/test-static" "$lib/libcncd.a" -lpthread -ldl -lm
"$out/test-static" "$out/vectors.txt" "$out"

say "C tests under valgrind: no errors, no leaks"
valgrind --quiet --leak-check=full --show-leak-kinds=definite,indirect,possible \
  --errors-for-leak-kinds=definite,indirect,possible --error-exitcode=99 \
  "$out/test-static" "$out/vectors.txt" "$out" > "$out/valgrind.log" 2>&1 || { cat "$out/valgrind.log"; exit 1; }
tail -3 "$out/valgrind.log"

say "C tests built with AddressSanitizer and UndefinedBehaviorSanitizer"
gcc "${CFLAGS[@]}" -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined \
  bindings-c/tests/c/test_cncd.c -o "$out/test-asan" "$lib/libcncd.a" -lpthread -ldl -lm
# ASan must really be there: a deliberate overflow has to be caught.
if ASAN_OPTIONS=detect_leaks=0 "$out/test-asan" --asan-selftest > "$out/asan-selftest.log" 2>&1; then
  echo "the sanitizer build did not catch a deliberate heap overflow: ASan is not linked" >&2
  exit 1
fi
grep -q "AddressSanitizer: heap-buffer-overflow" "$out/asan-selftest.log" || { cat "$out/asan-selftest.log" >&2; exit 1; }
echo "ASan is linked: it caught the deliberate overflow"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  "$out/test-asan" "$out/vectors.txt" "$out"

say "fuzz inputs of the api target replayed through cncd_call under ASan+UBSan"
gcc "${CFLAGS[@]}" -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined \
  bindings-c/tests/c/replay.c -o "$out/replay-asan" "$lib/libcncd.a" -lpthread -ldl -lm
# The seeds of the api target (every conformance vector as "op\nrequest"), the inputs the
# fuzzer found (committed), and its corpus when a fuzz run left one.
replay_dir="$out/replay-inputs"
rm -rf "$replay_dir"
python3 core/fuzz/seeds.py . "$replay_dir"
inputs=("$replay_dir"/api/*)
for d in core/fuzz/regressions/api core/fuzz/corpus/api; do
  [ -d "$d" ] && for f in "$d"/*; do [ -f "$f" ] && inputs+=("$f"); done
done
printf '%s\0' "${inputs[@]}" | ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  xargs -0 -n 2000 "$out/replay-asan"

say "examples/c: built with pkg-config against the installed library, and run"
export PKG_CONFIG_PATH="$prefix/lib/pkgconfig"
# shellcheck disable=SC2046
gcc -std=c99 -Wall -Wextra -Werror -pedantic examples/c/roster_report.c $(pkg-config --cflags --libs cncd) -o "$out/roster_report"
set +e
LD_LIBRARY_PATH="$prefix/lib" "$out/roster_report" examples/c/roster.csv > "$out/roster_report.txt"
status=$?
set -e
# The sample roster has faults on purpose: exit 1, and the report names them.
[ "$status" -eq 1 ] || { cat "$out/roster_report.txt"; echo "roster_report exited $status, 1 expected" >&2; exit 1; }
grep -q 'nên đổi thành "CNCĐ_Phước Nam_Thuận Nam"' "$out/roster_report.txt"
grep -q "TEAM-SIZE" "$out/roster_report.txt"
echo "examples/c/roster_report: built with pkg-config, ran, reported the sample's faults"
echo "C door: all passed"
