#!/usr/bin/env bash
# The native executable under the benchmark load with different heap options (docs/native.md),
# against the database and executable a full bench/vs-postgraphile.sh run left behind.
# Usage: bench/native-heap.sh ["<options>" ...]   -> target/bench/native-heap.md
#        default options: "" (the executable's defaults) -Xmx64m -Xmx128m -Xmx256m
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
BENCH_WORK="${BENCH_WORK:-$ROOT/target/bench/vs-postgraphile}"
source bench/lib.sh
[ -f "$BENCH_WORK/config.json" ] && [ -x "$BENCH_WORK/parley-native/application" ] \
    || { echo "run bench/vs-postgraphile.sh (with the native executable) first" >&2; exit 1; }
pg_restart_existing || { echo "no database left by bench/vs-postgraphile.sh in $BENCH_WORK" >&2; exit 1; }
parley_env
if [ "$#" -eq 0 ]; then set -- "" -Xmx64m -Xmx128m -Xmx256m; fi
python3 bench/native_heap.py "$BENCH_WORK/config.json" "$ROOT/target/bench/native-heap.md" "$@"
