#!/usr/bin/env bash
# Exports of the synthetic dataset (bench/dataset.sql: 50,000 talks, 25,000 outcomes, ...) from
# the packaged application against a real PostgreSQL: every talk as CSV and every event as
# JSON Lines, at full speed and through a client reading at 2 MB/s (backpressure), with the
# application's heap capped at 96 MiB to show that no export is held in memory. Reports rows/s,
# MB/s and the Parley process's peak resident memory (VmHWM), and writes the "Export" section
# of docs/data-in-out.md.
#
# Usage: bench/export.sh           (about 3 minutes after the build)
# Environment: HTTP_PORT / MANAGEMENT_PORT (default 8152 / 9152), PG_PORT (default 55152),
#              BENCH_SKIP_BUILD=1 to reuse target/quarkus-app, EXPORT_HEAP (default 96m).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
BENCH_WORK="${BENCH_WORK:-$ROOT/target/bench/export}"
HTTP_PORT="${HTTP_PORT:-8152}"
MANAGEMENT_PORT="${MANAGEMENT_PORT:-9152}"
PG_PORT="${PG_PORT:-55152}"
EXPORT_HEAP="${EXPORT_HEAP:-96m}"
SLOW_RATE="${SLOW_RATE:-2M}"
OUTPUT="$ROOT/docs/data-in-out.md"
source bench/lib.sh
mkdir -p "$BENCH_WORK"
command -v psql >/dev/null || { echo "Installing postgresql-client (Debian)"; apt_install postgresql-client; }

if [ "${BENCH_SKIP_BUILD:-}" != "1" ] || [ ! -f target/quarkus-app/quarkus-run.jar ]; then
    echo "Packaging Parley"
    ./mvnw -B -q package -DskipTests
fi
rm -rf "$BENCH_WORK/parley" && cp -a target/quarkus-app "$BENCH_WORK/parley"

pg_start
MIGRATE_HTTP_PORT="$HTTP_PORT" MIGRATE_MANAGEMENT_PORT="$MANAGEMENT_PORT" migrate_and_load_dataset "$BENCH_WORK/parley"
parley_env

echo "Starting Parley (-Xmx$EXPORT_HEAP)"
(cd "$BENCH_WORK/parley" && PARLEY_JSON_LOGS=false QUARKUS_HTTP_PORT="$HTTP_PORT" PARLEY_MANAGEMENT_PORT="$MANAGEMENT_PORT" \
    exec java "-Xmx$EXPORT_HEAP" -jar quarkus-run.jar) > "$BENCH_WORK/parley.log" 2>&1 &
PARLEY=$!
stop_parley() { kill "$PARLEY" 2>/dev/null && wait "$PARLEY" 2>/dev/null || true; pg_stop_quietly; }
trap stop_parley EXIT
for _ in $(seq 1 120); do
    curl -fsS -o /dev/null "http://127.0.0.1:$MANAGEMENT_PORT/q/health/ready" 2>/dev/null && break
    sleep 1
done
curl -fsS -o /dev/null "http://127.0.0.1:$MANAGEMENT_PORT/q/health/ready"

rss_kib() { awk "/^$1:/{print \$2}" "/proc/$PARLEY/status"; }
# One warm-up pass of each export, so the measured runs see compiled code and a warm cache.
for path in talks.csv events.jsonl; do
    curl -fsS -o /dev/null "http://127.0.0.1:$HTTP_PORT/export/$path"
done
STARTED_RSS=$(rss_kib VmRSS)
STARTED_HWM=$(rss_kib VmHWM)

RESULTS="$BENCH_WORK/results.tsv"
: > "$RESULTS"
measure() { # name path rate(or "")
    local name="$1" path="$2" rate="$3" file="$BENCH_WORK/$1.out" stats rows
    stats=$(curl -fsS ${rate:+--limit-rate "$rate"} -o "$file" -w '%{size_download} %{time_total}' \
        "http://127.0.0.1:$HTTP_PORT/export/$path")
    if [[ "$path" == *.csv* ]]; then
        rows=$(python3 -c 'import csv,sys; r=csv.reader(open(sys.argv[1], newline="", encoding="utf-8")); next(r); print(sum(1 for _ in r))' "$file")
    else
        rows=$(python3 -c 'import json,sys; print(sum(1 for line in open(sys.argv[1], encoding="utf-8") if json.loads(line)))' "$file")
    fi
    local client="full speed"
    [ -n "$rate" ] && client="\`--limit-rate $rate\`"
    echo -e "$name\t$path\t$client\t$rows\t$stats\t$(rss_kib VmRSS)\t$(rss_kib VmHWM)" | tee -a "$RESULTS"
}
measure talks-csv "talks.csv" ""
measure events-jsonl "events.jsonl" ""
measure talks-csv-slow "talks.csv" "$SLOW_RATE"
measure events-jsonl-slow "events.jsonl" "$SLOW_RATE"

python3 - "$RESULTS" "$OUTPUT" "$STARTED_RSS" "$STARTED_HWM" "$EXPORT_HEAP" "$(cat "$BENCH_WORK/dataset.txt")" \
    "$(machine_description)" "$(java -version 2>&1 | head -1 | cut -d'"' -f2)" "$(psql_admin -Atc 'show server_version')" <<'PY'
import re, sys
results, output, started_rss, started_hwm, heap, dataset, machine, java, pg = sys.argv[1:]
rows = [line.rstrip("\n").split("\t") for line in open(results) if line.strip()]
mib = lambda kib: f"{int(kib) / 1024:.0f} MiB"
table = ["| export | client | rows | size | time | rows/s | MB/s | RSS after | peak RSS so far |",
         "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
for name, path, rate, count, stats, rss, hwm in rows:
    size, seconds = stats.split()
    size, seconds, count = int(size), float(seconds), int(count)
    table.append(f"| `GET /export/{path}` | {rate} | {count:,} | {size / 1e6:.1f} MB | {seconds:.2f} s "
                 f"| {count / seconds:,.0f} | {size / 1e6 / seconds:.1f} | {mib(rss)} | {mib(hwm)} |")
section = f"""<!-- export:begin (written by bench/export.sh) -->
## Export

`bench/export.sh` exports the synthetic dataset ({dataset}) from the packaged application
(JVM mode, Java {java}, heap capped with `-Xmx{heap}`) against PostgreSQL {pg} on the same
machine ({machine}): every talk as CSV and every event (talks and outcomes, see
[exports.md](exports.md)) as JSON Lines, first at full speed, then through a client limited
to 2 MiB/s (`curl --limit-rate 2M`, an average: curl lets a transfer burst, which is why the
smaller CSV finishes early), each once after a warm-up pass. Rows are counted by parsing the downloaded files
(Python's csv and json modules).

Resident memory of the Parley process after start-up and warm-up: {mib(started_rss)}
(peak so far {mib(started_hwm)}).

{chr(10).join(table)}

"peak RSS so far" is the process's high-water mark (VmHWM) since it started. The exports are
streamed through a server-side cursor, 500 rows per fetch, in 64 KiB chunks that wait for the
client to drain them, so neither a whole export nor a large slice of it is held: the heap cap
of {heap} is far below the size of the exports, and a slow client holds the same memory as a
fast one (it holds a database connection for longer instead).

A CSV export's statement reads related rows in sets (`Columns`): the listed records' keys are
numbered once in the list's order (its own filters and ordering), each related table (a talk's
participants, its citations) is aggregated once for those keys and hash-joined, and a single
related record (the track) is joined, where a correlated subquery per row and related table
cost about 35 µs each. Global IDs and instants leave PostgreSQL as keys and epoch microseconds
and are written in Java (`GlobalId.encode`, `Instant.toString`, the same text `graphql_id()` and
`iso_instant()` wrote): in SQL they were 0.8 s of the statement's 1.8 s for the 50,000 talks.
PostgreSQL sorts the shaped rows back into the list's order before the first is sent, so the
first byte waits for the whole statement and the rest streams as before; the cells are written
by `Csv`, unchanged. What remains in the statement is mostly the ordered `string_agg`s (each
sorts its group's rows on PostgreSQL 15; 16 and later sort once for aggregates that share an
order). The JSON Lines events are still built per row by correlated subqueries (`PloverEvents`).
<!-- export:end -->"""
try:
    text = open(output).read()
except FileNotFoundError:
    text = "# Data in and out: measurements\n\n"
if "<!-- export:begin" in text:
    text = re.sub(r"<!-- export:begin.*?<!-- export:end -->", lambda m: section, text, flags=re.S)
else:
    text = text.rstrip("\n") + "\n\n" + section + "\n"
open(output, "w").write(text)
print(f"wrote {output}")
PY
