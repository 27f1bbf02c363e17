#!/usr/bin/env bash
# Issue 22's measurement: search that forgives typos, on the synthetic dataset (50,000 talks).
# A typo set of names and titles (bench/search.py builds it, deterministically) is asked through
# Parley's GraphQL API and through today's search (Parley at $BENCH_OLD_COMMIT, before issue 22,
# on a database of its own: its Flyway would refuse V10), for the rank of the record each query
# must find; then wrk rotates through the set on each server, and pgbench runs the statements
# the new Parley runs for the same queries (the database's ceiling), on the same connections.
#
# Usage: bench/search.sh          full run (about 20 minutes) -> docs/search.md (between its markers)
#                                  and the typo set -> bench/search-typos.tsv
#        bench/search.sh --smoke  a sample of the set, a few seconds of load, the new Parley only
#                                  -> target/bench/search-smoke.md
# Ports, for running beside other work: PG_PORT (PostgreSQL, 55432), BENCH_PARLEY_PORT and
# BENCH_PARLEY_MANAGEMENT_PORT (18080, 19080; today's Parley listens on the next port of each). BENCH_SKIP_BUILD=1 reuses target/quarkus-app and
# the old build; BENCH_OLD_SOURCE=/path uses a checkout of the old commit (default: a git archive
# of it under the work directory); BENCH_OLD=0 skips today's search, BENCH_OLD=1 adds it to the
# smoke run. The ceiling is measured with pgbench -M prepared and -M simple.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
MODE="${1:-full}"
BENCH_WORK="${BENCH_WORK:-$ROOT/target/bench/search}"
BENCH_OLD_COMMIT="${BENCH_OLD_COMMIT:-42c0be3}"
source bench/lib.sh
PARLEY_PORT="${BENCH_PARLEY_PORT:-18080}"
PARLEY_MANAGEMENT_PORT="${BENCH_PARLEY_MANAGEMENT_PORT:-19080}"
export MIGRATE_HTTP_PORT="$PARLEY_PORT" MIGRATE_MANAGEMENT_PORT="$PARLEY_MANAGEMENT_PORT"

if [ "$MODE" = "--smoke" ]; then
    LOAD='{"connections": 4, "warmup_s": 2, "duration_s": 3, "repetitions": 1, "breakdown_s": 2}'
    LIMIT=40
    OUTPUT="$ROOT/target/bench/search-smoke.md"
    TYPO_SET="$ROOT/target/bench/search-typos-smoke.tsv"
    COMMAND="bench/search.sh --smoke"
    OLD="${BENCH_OLD:-0}"
else
    LOAD='{"connections": 16, "warmup_s": 60, "duration_s": 20, "repetitions": 5, "breakdown_s": 15}'
    LIMIT=None
    OUTPUT="$ROOT/docs/search.md"
    TYPO_SET="$ROOT/bench/search-typos.tsv"
    COMMAND="bench/search.sh"
    OLD="${BENCH_OLD:-1}"
fi
mkdir -p "$BENCH_WORK" "$(dirname "$OUTPUT")"

command -v wrk >/dev/null || { echo "Installing wrk (Debian)"; apt_install wrk; }
command -v psql >/dev/null || { echo "Installing postgresql-client (Debian)"; apt_install postgresql-client; }

# ---- Parley as it is, and as it was (today's search), each packaged as in production
if [ "${BENCH_SKIP_BUILD:-}" != "1" ] || [ ! -f target/quarkus-app/quarkus-run.jar ]; then
    echo "Packaging Parley"
    ./mvnw -B -q package -DskipTests
fi
rm -rf "$BENCH_WORK/parley" && cp -a target/quarkus-app "$BENCH_WORK/parley"
if [ "$OLD" = "1" ]; then
    OLD_SOURCE="${BENCH_OLD_SOURCE:-$BENCH_WORK/old-source}"
    if [ ! -d "$OLD_SOURCE" ]; then
        mkdir -p "$OLD_SOURCE"
        git archive "$BENCH_OLD_COMMIT" | tar -x -C "$OLD_SOURCE"
    fi
    if [ "${BENCH_SKIP_BUILD:-}" != "1" ] || [ ! -f "$OLD_SOURCE/target/quarkus-app/quarkus-run.jar" ]; then
        echo "Packaging Parley at $BENCH_OLD_COMMIT (today's search) in $OLD_SOURCE"
        (cd "$OLD_SOURCE" && ./mvnw -B -q package -DskipTests)
    fi
    rm -rf "$BENCH_WORK/parley-old" && cp -a "$OLD_SOURCE/target/quarkus-app" "$BENCH_WORK/parley-old"
fi

# ---- databases: the new Parley's, and today's (the same dataset, without the vocabulary V10 adds)
pg_start
migrate_and_load_dataset "$BENCH_WORK/parley"
NEW_URL="$PG_URL"
if [ "$OLD" = "1" ]; then
    psql_admin -c "create database parley_old owner $PG_USER" >/dev/null
    grep -v 'search_vocabulary_rebuild' bench/dataset.sql > "$BENCH_WORK/dataset-old.sql"
    (PG_DB=parley_old PG_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/parley_old" migrate_and_load_dataset "$BENCH_WORK/parley-old" "$BENCH_WORK/dataset-old.sql") > "$BENCH_WORK/old-database.log"
fi
VOCABULARY="$(psql_admin -d "$PG_DB" -Atc "select (select count(*) from search_word) || ' words, ' || (select count(*) from search_word_key) || ' deletion keys'")"

python3 - "$BENCH_WORK/config.json" "$OLD" <<PY
import json, sys
old = sys.argv[2] == "1"
def env(database, offset=0):
    return {"QUARKUS_HTTP_PORT": str($PARLEY_PORT + offset), "PARLEY_MANAGEMENT_PORT": str($PARLEY_MANAGEMENT_PORT + offset),
            "PARLEY_JSON_LOGS": "false",
            "PARLEY_DB_POOL_MAX": "20", "QUARKUS_DATASOURCE_JDBC_URL": f"jdbc:postgresql://127.0.0.1:$PG_PORT/{database}",
            "QUARKUS_DATASOURCE_USERNAME": "$PG_USER", "QUARKUS_DATASOURCE_PASSWORD": "$PG_PASSWORD"}
servers = {"parley": {"cwd": "$BENCH_WORK/parley", "command": ["java", "-jar", "quarkus-run.jar"],
                      "url": "http://127.0.0.1:$PARLEY_PORT/graphql", "env": env("$PG_DB")}}
if old:
    servers["parley-old"] = {"cwd": "$BENCH_WORK/parley-old", "command": ["java", "-jar", "quarkus-run.jar"],
                             "url": "http://127.0.0.1:$((PARLEY_PORT + 1))/graphql", "env": env("parley_old", 1)}
json.dump({
    "root": "$ROOT",
    "work": "$BENCH_WORK",
    "output": "$OUTPUT",
    "typo_set": "$TYPO_SET",
    "limit": $LIMIT,
    "command": "$COMMAND",
    "machine": """$(machine_description)""",
    "versions": "Parley at $(git log -1 --format=%h -- src pom.xml)$(git diff --quiet HEAD -- src pom.xml || echo " with local changes") against today's $BENCH_OLD_COMMIT (Quarkus 3.34.1, JVM mode, Java $(java -version 2>&1 | head -1 | cut -d'"' -f2), pool of 20 connections), PostgreSQL $(psql_admin -Atc 'show server_version')",
    "dataset": "$(cat "$BENCH_WORK/dataset.txt")",
    "vocabulary": "$VOCABULARY",
    "pgbench": "$PG_BIN/pgbench",
    "postgres": {"port": $PG_PORT, "user": "$PG_USER", "password": "$PG_PASSWORD", "database": "$PG_DB"},
    "load": json.loads('$LOAD'),
    "servers": servers,
}, open(sys.argv[1], "w"), indent=2)
PY
python3 bench/search.py "$BENCH_WORK/config.json"
