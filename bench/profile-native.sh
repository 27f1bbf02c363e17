#!/usr/bin/env bash
# Profiles the native executable under load with perf (no JFR in a native image built without
# --enable-monitoring=jfr), on the database and executable the last bench/vs-postgraphile.sh run
# left behind, and prints where its CPU goes: by shared object, then the hottest symbols.
# Usage: bench/profile-native.sh [seconds of load, default 30] [query file, default the nested talks]
#        (query files: target/bench/vs-postgraphile/queries/parley-native-*.graphql)
# Needs perf (Debian: linux-perf) and root or kernel.perf_event_paranoid <= 1. Java methods have
# symbols only in an executable built with -Dquarkus.native.additional-build-args=-H:-DeleteLocalSymbols
# (the default build keeps none: its samples land on the nearest exported symbol); the split
# between the image's code, the kernel and the C libraries is right either way.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_OF_LOAD="${1:-30}"
BENCH_WORK="${BENCH_WORK:-$PWD/target/bench/vs-postgraphile}"
source bench/lib.sh
command -v perf >/dev/null || { echo "Installing perf (Debian)"; apt_install linux-perf; }
[ -x "$BENCH_WORK/parley-native/application" ] || { echo "run bench/vs-postgraphile.sh first (with the native executable)" >&2; exit 1; }
pg_restart_existing || { echo "run bench/vs-postgraphile.sh first (it builds the database)" >&2; exit 1; }
parley_env
QUERY_FILE="${2:-$BENCH_WORK/queries/parley-native-recent-talks-nested.graphql}"
python3 -c "import json,sys; print('wrk.method = \"POST\"\nwrk.headers[\"Content-Type\"] = \"application/json\"\nwrk.body = ' + json.dumps(json.dumps({'query': open(sys.argv[1]).read()})))" "$QUERY_FILE" > "$BENCH_WORK/profile-native.lua"
(cd "$BENCH_WORK/parley-native" && QUARKUS_HTTP_PORT=18080 PARLEY_MANAGEMENT_PORT=19080 PARLEY_JSON_LOGS=false \
    PARLEY_DB_POOL_MAX=20 exec $(native_command | paste -sd' ')) > "$BENCH_WORK/profile-native.log" 2>&1 &
PARLEY=$!
for _ in $(seq 1 120); do curl -fsS -o /dev/null http://127.0.0.1:19080/q/health/ready 2>/dev/null && break; sleep 0.5; done
wrk -t2 -c16 -d10s -s "$BENCH_WORK/profile-native.lua" http://127.0.0.1:18080/graphql > /dev/null   # warm-up
wrk -t2 -c16 -d"${SECONDS_OF_LOAD}s" -s "$BENCH_WORK/profile-native.lua" http://127.0.0.1:18080/graphql \
    | grep -E 'Requests/sec|Latency' &
LOAD=$!
perf record -q -F 499 -g -p "$PARLEY" -o "$BENCH_WORK/perf-native.data" -- sleep "$((SECONDS_OF_LOAD - 2))" 2>/dev/null
wait "$LOAD"
kill "$PARLEY"; wait "$PARLEY" || true
echo "== CPU by shared object"
perf report -q -i "$BENCH_WORK/perf-native.data" --no-children --sort dso -g none 2>/dev/null | grep -v '^$' | head -12
echo "== hottest symbols (self)"
perf report -q -i "$BENCH_WORK/perf-native.data" --no-children --sort sym -g none 2>/dev/null | grep -v '^$' | head -40
