#!/usr/bin/env bash
# Report drafting, measured: how well each seed report is drafted (DraftAccuracyTest, record by
# record against the demo data) and how long drafting takes on the packaged JVM application,
# through POST /drafts, (a) against the demo data and (b) against the synthetic benchmark dataset
# (5,000 people, 50,000 talks), where matching reads every stored person.
# Usage: bench/drafting.sh [requests per report, default 200] -> the "Measured" section of docs/drafting.md
# BENCH_SMOKE=1: 10 requests per report, results in target/bench/drafting-smoke.md only.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
REQUESTS="${1:-200}"
[ "${BENCH_SMOKE:-}" = "1" ] && REQUESTS=10
BENCH_WORK="${BENCH_WORK:-$ROOT/target/bench/drafting}"
HTTP_PORT="${HTTP_PORT:-8080}"
MANAGEMENT_PORT="${MANAGEMENT_PORT:-9000}"
source bench/lib.sh
mkdir -p "$BENCH_WORK"

echo "Accuracy on the seed reports (DraftAccuracyTest)"
./mvnw -B -q -o test -Dtest=DraftAccuracyTest -Dsurefire.failIfNoSpecifiedTests=false >"$BENCH_WORK/accuracy.log" 2>&1 \
    || ./mvnw -B -q test -Dtest=DraftAccuracyTest -Dsurefire.failIfNoSpecifiedTests=false >"$BENCH_WORK/accuracy.log" 2>&1 \
    || { tail -50 "$BENCH_WORK/accuracy.log"; exit 1; }
cp target/drafting-accuracy.md "$BENCH_WORK/accuracy.md"

if [ "${SKIP_PACKAGE:-}" != "1" ] || [ ! -f target/quarkus-app/quarkus-run.jar ]; then
    echo "Packaging"
    ./mvnw -B -q package -DskipTests
fi
pg_start
parley_env
export MP_JWT_VERIFY_PUBLICKEY_LOCATION="$ROOT/src/main/resources/dev-keys/public.pem"
export MP_JWT_VERIFY_ISSUER=https://parley.dev/bench
export QUARKUS_HTTP_PORT="$HTTP_PORT" PARLEY_MANAGEMENT_PORT="$MANAGEMENT_PORT" PARLEY_JSON_LOGS=false
TOKEN="$(python3 bench/import_bundle.py token "$ROOT/src/main/resources/dev-keys/private.pem" "$MP_JWT_VERIFY_ISSUER")"

SERVER=
start_server() { # extra environment assignments
    env "$@" java -jar target/quarkus-app/quarkus-run.jar >"$BENCH_WORK/server.log" 2>&1 &
    SERVER=$!
    trap 'kill $SERVER 2>/dev/null || true; pg_stop_quietly' EXIT
    for _ in $(seq 1 120); do
        curl -fs "localhost:$MANAGEMENT_PORT/q/health/ready" >/dev/null && return 0
        sleep 0.5
    done
    echo "Parley did not start"; tail -30 "$BENCH_WORK/server.log"; exit 1
}
stop_server() {
    kill "$SERVER"; wait "$SERVER" || true
}

time_drafts() { # label -> $BENCH_WORK/times-<label>.json
    python3 - "$1" "$REQUESTS" "$HTTP_PORT" "$TOKEN" "$BENCH_WORK" <<'PY'
import json, sys, time, urllib.request
label, requests, port, token, work = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
seeds = [("report-1", "src/test/resources/seeds/report-1.txt", "2025-03-14"),
         ("report-2", "src/test/resources/seeds/report-2.txt", "2025-04-11")]
def draft(text, published):
    body = json.dumps({"text": text, "publisher": "Bench wire", "publishedOn": published}).encode()
    request = urllib.request.Request(f"http://localhost:{port}/drafts", body, method="POST",
        headers={"Content-Type": "application/json", "Authorization": "Bearer " + token})
    started = time.perf_counter()
    with urllib.request.urlopen(request) as response:
        answer = json.load(response)
    return (time.perf_counter() - started) * 1000, answer
results = {}
for name, path, published in seeds:
    text = open(path, encoding="utf-8").read()
    first_ms, answer = draft(text, published)
    for _ in range(min(50, requests)):
        draft(text, published)
    client, server = [], []
    for _ in range(requests):
        ms, answer = draft(text, published)
        client.append(ms)
        server.append(answer["tookMs"])
    client.sort(); server.sort()
    pick = lambda xs, q: xs[min(len(xs) - 1, int(q * len(xs)))]
    actions = {}
    for proposal in answer["proposals"]:
        actions[proposal["action"]] = actions.get(proposal["action"], 0) + 1
    results[name] = {"chars": len(text), "first_ms": first_ms, "p50": pick(client, 0.5), "p99": pick(client, 0.99),
                     "server_p50": pick(server, 0.5), "server_p99": pick(server, 0.99), "proposals": len(answer["proposals"]),
                     "actions": actions}
json.dump(results, open(f"{work}/times-{label}.json", "w"), indent=1)
print(label, json.dumps(results))
PY
}

echo "Drafting against the demo data"
start_server PARLEY_DEMO_DATA=true
time_drafts demo
stop_server

echo "Drafting against the synthetic dataset"
pg_start
migrate_and_load_dataset target/quarkus-app
parley_env
start_server
time_drafts synthetic
stop_server

OUT=docs/drafting.md
[ "${BENCH_SMOKE:-}" = "1" ] && OUT=target/bench/drafting-smoke.md
python3 - "$BENCH_WORK" "$REQUESTS" "$OUT" "$(machine_description)" "$(cat "$BENCH_WORK/dataset.txt")" <<'PY'
import json, re, sys
work, requests, out, machine, dataset = sys.argv[1:6]
times = {label: json.load(open(f"{work}/times-{label}.json")) for label in ("demo", "synthetic")}
rows = []
for label, caption in (("demo", "the demo data (matches proposed)"), ("synthetic", f"the synthetic dataset ({dataset})")):
    for name, t in times[label].items():
        actions = ", ".join(f"{v} {k}" for k, v in sorted(t["actions"].items()))
        rows.append(f"| {name} ({t['chars']:,} characters) | {caption} | {t['first_ms']:.0f} ms | {t['p50']:.1f} ms | {t['p99']:.1f} ms "
                    f"| {t['server_p50']} ms | {t['server_p99']} ms | {t['proposals']} ({actions}) |")
section = f"""<!-- bench:drafting -->
## Measured

`bench/drafting.sh {requests}` on {machine}: the packaged JVM application (default heap) against
PostgreSQL on the same machine; each seed report posted to `POST /drafts` {requests} times after 50
warm-up requests, one at a time. "first" is the first draft after start-up (the models and the
gazetteer load then). Server time is the draft's own `tookMs` (reading, matching, writing the bundle);
client time adds HTTP and JSON.

| report | held by Parley | first | p50 | p99 | server p50 | server p99 | proposals |
| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |
{chr(10).join(rows)}

### Accuracy on the seed reports

Each seed report drafted from its text into an empty Parley, the draft bundle held to the demo
data record by record (`DraftAccuracyTest`, which fails under the targets: 90% recall of people
and talks, 80% of statements and outcomes, 90% precision).

{open(f"{work}/accuracy.md").read().replace("#### ", "#### ")}
<!-- /bench:drafting -->"""
try:
    text = open(out).read()
except FileNotFoundError:
    text = ""
if "<!-- bench:drafting -->" in text:
    text = re.sub(r"<!-- bench:drafting -->.*?<!-- /bench:drafting -->", lambda m: section, text, flags=re.S)
else:
    text = text + "\n" + section + "\n"
open(out, "w").write(text)
print("wrote", out)
PY
