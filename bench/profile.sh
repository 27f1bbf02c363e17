#!/usr/bin/env bash
# Profiles Parley under the nested-talks load with JDK Flight Recorder, on the database the
# last bench/vs-postgraphile.sh run left behind, and prints where CPU and allocation go.
# Usage: bench/profile.sh [seconds of load, default 45] [GraphQL query, default the nested talks]
# (recording in target/bench/parley.jfr)
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_OF_LOAD="${1:-45}"
BENCH_WORK="${BENCH_WORK:-$PWD/target/bench/vs-postgraphile}"
source bench/lib.sh
pg_restart_existing || { echo "run bench/vs-postgraphile.sh first (it builds the database)" >&2; exit 1; }
parley_env
RECORDING="$PWD/target/bench/parley.jfr"
QUERY="${2:-}"
[ -n "$QUERY" ] || QUERY='{ talks(first: 50, orderBy: {field: DATE, direction: DESC}) { edges { node { title date participants { person { name } } outcomes { title kind } citations { source { publisher } } } } } }'
python3 -c "import json,sys; print('wrk.method = \"POST\"\nwrk.headers[\"Content-Type\"] = \"application/json\"\nwrk.body = ' + json.dumps(json.dumps({'query': sys.argv[1]})))" "$QUERY" > "$BENCH_WORK/profile.lua"
(cd "$BENCH_WORK/parley" && QUARKUS_HTTP_PORT=18080 PARLEY_MANAGEMENT_PORT=19080 PARLEY_JSON_LOGS=false \
    exec java -XX:StartFlightRecording=filename="$RECORDING",settings=profile,delay=20s,duration=$((SECONDS_OF_LOAD - 25))s \
    -jar quarkus-run.jar > "$BENCH_WORK/profile.log" 2>&1) &
PARLEY=$!
for _ in $(seq 1 120); do curl -fsS -o /dev/null http://127.0.0.1:19080/q/health/ready 2>/dev/null && break; sleep 1; done
wrk -t2 -c16 -d"${SECONDS_OF_LOAD}s" -s "$BENCH_WORK/profile.lua" http://127.0.0.1:18080/graphql | grep -E 'Requests/sec|Latency'
sleep 3
kill "$PARLEY"; wait "$PARLEY" || true
python3 bench/jfr_summary.py "$RECORDING"
