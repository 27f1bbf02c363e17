#!/usr/bin/env bash
# Imports a synthetic report bundle of N talks (default 10,000, with the people, envoys, tracks,
# sources, trips, outcomes and statements they need) into the packaged application on a real
# PostgreSQL, then imports it again (nothing may change) and exports everything as a bundle.
# Reports throughput and the server's peak heap and resident memory.
# Usage: bench/import.sh [talks]   -> the "Import" section of docs/data-in-out.md
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
TALKS="${1:-10000}"
BENCH_WORK="${BENCH_WORK:-$ROOT/target/bench/import}"
HTTP_PORT="${HTTP_PORT:-8080}"
MANAGEMENT_PORT="${MANAGEMENT_PORT:-9000}"
source bench/lib.sh
mkdir -p "$BENCH_WORK"

if [ "${SKIP_PACKAGE:-}" != "1" ] || [ ! -f target/quarkus-app/quarkus-run.jar ]; then
    echo "Packaging"
    ./mvnw -B -q package -DskipTests
fi
pg_start
parley_env
# The dev key pair verifies the benchmark's own token; it is only read from the source tree here.
export MP_JWT_VERIFY_PUBLICKEY_LOCATION="$ROOT/src/main/resources/dev-keys/public.pem"
export MP_JWT_VERIFY_ISSUER=https://parley.dev/bench
export QUARKUS_HTTP_PORT="$HTTP_PORT" PARLEY_MANAGEMENT_PORT="$MANAGEMENT_PORT" PARLEY_JSON_LOGS=false
export PARLEY_IMPORT_MAX_BODY=512M
TOKEN="$(python3 bench/import_bundle.py token "$ROOT/src/main/resources/dev-keys/private.pem" "$MP_JWT_VERIFY_ISSUER")"

echo "Generating a bundle of $TALKS talks"
python3 bench/import_bundle.py bundle "$TALKS" "$BENCH_WORK/bundle.json"
BYTES=$(stat -c %s "$BENCH_WORK/bundle.json")
RECORDS=$(python3 -c "import json,sys; print(sum(len(v) for v in json.load(open(sys.argv[1])).values()))" "$BENCH_WORK/bundle.json")
# The warm-up: another bundle of the same size, no record of which the measured one matches
# (other names, titles, URLs and Wikidata IDs), imported first so that the measured imports run
# on compiled code, as on a server that has been up, not in a JVM's first seconds.
WARMUP_TALKS=$TALKS
python3 bench/import_bundle.py bundle "$WARMUP_TALKS" "$BENCH_WORK/warmup.json"
sed -i -e 's/Bench/Warmup/g; s/bench\.parley/warmup.parley/g; s/"Q9/"Q8/g; s/person \([0-9]\)/subject \1/g' "$BENCH_WORK/warmup.json"

java -jar target/quarkus-app/quarkus-run.jar >"$BENCH_WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; pg_stop_quietly' EXIT
for _ in $(seq 1 120); do
    curl -fs "localhost:$MANAGEMENT_PORT/q/health/ready" >/dev/null && break
    sleep 0.5
done

import() { # label -> seconds; PostgreSQL's own time for it in $BENCH_WORK/postgres-<label>.txt
    rm -f "$BENCH_WORK/stop"
    psql_admin -d "$PG_DB" -Atc "select pg_stat_statements_reset()" >/dev/null
    python3 bench/import_bundle.py sample "$SERVER" "http://localhost:$MANAGEMENT_PORT/q/metrics" \
        "$BENCH_WORK/stop" "$BENCH_WORK/memory-$1.json" &
    local sampler=$! seconds
    seconds=$(curl -s -o "$BENCH_WORK/answer-$1.json" -w '%{time_total}' -H "Authorization: Bearer $TOKEN" \
        -H 'Content-Type: application/json' --data-binary "@$BENCH_WORK/bundle.json" "localhost:$HTTP_PORT/import")
    touch "$BENCH_WORK/stop"
    wait $sampler
    # Every statement's execution time, triggers included (track = top counts a trigger's work in
    # the statement that fired it, and the change log's deferred insert, which runs at commit
    # outside any statement, on its own).
    psql_admin -d "$PG_DB" -Atc "select round(sum(total_exec_time + total_plan_time)::numeric) from pg_stat_statements
        where query not like '%pg_stat_statements%'" > "$BENCH_WORK/postgres-$1.txt"
    echo "$seconds"
}
echo "Warming up"
for _ in first again; do # both paths: creating records, and matching them all
    curl -fsS -o "$BENCH_WORK/answer-warmup.json" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
        --data-binary "@$BENCH_WORK/warmup.json" "localhost:$HTTP_PORT/import"
done
# Then until the server is idle (its CPU under 5% for two seconds in a row, at most 60 s): the
# JIT compiles what the warm-up made hot for seconds after it, and a measured import running
# beside that compilation measured the compiler (4-5 CPU seconds of C2 in a 5 s import).
python3 - "$SERVER" <<'IDLE'
import os, sys, time
pid, ticks = sys.argv[1], os.sysconf("SC_CLK_TCK")
def cpu():
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / ticks
quiet, start, last = 0, time.time(), cpu()
while quiet < 2 and time.time() - start < 60:
    time.sleep(1)
    now = cpu()
    quiet = quiet + 1 if now - last < 0.05 else 0
    last = now
print(f"idle after {time.time() - start:.0f} s")
IDLE
echo "Importing"
FIRST=$(import first)
echo "Importing again"
SECOND=$(import second)
echo "Exporting"
EXPORT=$(curl -s -o "$BENCH_WORK/export.json" -w '%{time_total}' "localhost:$HTTP_PORT/export/bundle")
EXPORT_BYTES=$(stat -c %s "$BENCH_WORK/export.json")

python3 - "$BENCH_WORK" "$TALKS" "$RECORDS" "$BYTES" "$FIRST" "$SECOND" "$EXPORT" "$EXPORT_BYTES" "$(machine_description)" <<'PY'
import json, re, sys
work, talks, records, size, first, second, export, export_size, machine = sys.argv[1:10]
talks, records, size, export_size = int(talks), int(records), int(size), int(export_size)
first, second, export = float(first), float(second), float(export)
a1, a2 = (json.load(open(f"{work}/answer-{n}.json")) for n in ("first", "second"))
for answer in (a1, a2):
    if "errors" in answer:
        sys.exit("import failed: " + json.dumps(answer)[:2000])
if a1["created"] != records:
    sys.exit(f"the first import matched records the warm-up wrote: created {a1['created']} of {records}")
m1, m2 = (json.load(open(f"{work}/memory-{n}.json")) for n in ("first", "second"))
pg1, pg2 = (int(open(f"{work}/postgres-{n}.txt").read()) / 1000 for n in ("first", "second"))
mib = lambda b: b / 1048576
section = f"""## Import

`bench/import.sh {talks}` on {machine}: the packaged JVM application with its default heap
settings against PostgreSQL on the same machine (fsync off), one `POST /import` with curl, after
a warm-up (another bundle of the same size, whose records the measured bundle does not match,
imported twice) and once the server is idle.

| run | records | bundle | time | records/s | talks/s | PostgreSQL's part | its ceiling | peak heap | peak RSS |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
| first import (all created: {a1['created']}) | {records:,} | {mib(size):.1f} MiB | {first:.1f} s | {records/first:,.0f} | {talks/first:,.0f} | {pg1:.1f} s | {records/pg1:,.0f}/s | {mib(m1['peak_heap_bytes']):.0f} MiB | {m1['peak_rss_kb']/1024:.0f} MiB |
| same bundle again (matched: {a2['matched']}, updated: {a2['updated']}, created: {a2['created']}) | {records:,} | {mib(size):.1f} MiB | {second:.1f} s | {records/second:,.0f} | {talks/second:,.0f} | {pg2:.1f} s | {records/pg2:,.0f}/s | {mib(m2['peak_heap_bytes']):.0f} MiB | {m2['peak_rss_kb']/1024:.0f} MiB |

PostgreSQL's part is the execution time of every statement of the import as
`pg_stat_statements` sums it, the triggers' work (history, the search vocabulary, the change
log) included; "its ceiling" is the records per second an import would reach if everything
outside PostgreSQL took no time at all, the bound no change to the application can pass on this
machine without PostgreSQL doing less per record.

Peak heap is the largest `jvm_memory_used_bytes{{area="heap"}}` sampled every 0.2 s; peak RSS is
the process's `VmHWM` after the run (so the second row includes the first). Peak heap includes
garbage not yet collected under the default heap sizing, so it bounds the working set from
above. The importer keeps the parsed bundle (the JSON tree, needed to check every reference and
report every problem before writing), the map of refs to IDs and one slice of 1,000 records with
their stored counterparts; the persistence context is cleared after every slice.

How it writes, all in one transaction: a type at a time, a slice of 1,000 records at a time, one
statement finds the stored records the slice's records match (by the natural keys
`BundleWriter` lists; people by `PersonMatching`'s four rules, asked for the whole slice, a
person who could be one the slice wrote just before being asked again alone), one reads those back in the
bundle's shape (V7's views) and one per referenced type reads the records the slice refers to. A
record that says exactly what is stored (`Unchanged`: only the defaults its service fills in are
added, so it can only err towards "changed") is matched with no write at all, so a re-import of
an unchanged bundle writes nothing. Every other record goes through its feature's service as a
GraphQL mutation would (validation, history, change events, a notification to subscribers); a
changed one is updated at a savepoint. New records are held back and sent at the slice's end:
their keys come from sequence blocks (V15), so a slice's new rows of a table go as multi-row
inserts of up to 128 rows, and their notifications as one statement; history and the search
vocabulary are written per insert statement from transition tables (V14). What bounds each run is
under "Issue 25" below.

The whole database exported afterwards with `GET /export/bundle`: {mib(export_size):.1f} MiB in {export:.1f} s.
"""
path = "docs/data-in-out.md"
try:
    text = open(path).read()
except FileNotFoundError:
    text = "# Data in and out: measurements\n\nWritten by the scripts under `bench/`; each section by its own script.\n\n"
if "## Import\n" in text:
    text = re.sub(r"## Import\n.*?(?=\n## |\n<!-- |\Z)", section.rstrip("\n") + "\n", text, flags=re.S)
else:
    text = text.rstrip("\n") + "\n\n" + section
open(path, "w").write(text)
print(section)
PY
