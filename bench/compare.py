#!/usr/bin/env python3
"""Parley and PostGraphile 5, one after the other, on the same database and machine: the same
logical queries through both (checked to return the same answers first), driven by wrk, with
SQL statements per request from pg_stat_statements, RSS after load, time to first answer, and
the database's own ceiling for the equivalent SQL through pgbench.

Usage: compare.py CONFIG.json   (written by bench/vs-postgraphile.sh)
"""
import base64
import json
import os
import re
import signal
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request

from server import post, rss_mib, wait_for_answer

CONFIG = json.load(open(sys.argv[1]))
WORK = CONFIG["work"]
PG = CONFIG["postgres"]
LOAD = CONFIG["load"]

# The same logical questions, asked in each server's own schema.
PERSON_ROW_ID = 4242
QUERIES = [
    {
        "name": "recent talks, nested",
        "what": "50 most recent talks with participants' names, outcomes and citations' publishers",
        "parley": """{ talks(first: 50, orderBy: {field: DATE, direction: DESC}) { edges { node {
            title date participants { person { name } } outcomes { title kind }
            citations { source { publisher } } } } } }""",
        "postgraphile": """{ allTalks(first: 50, orderBy: [DATE_DESC, ROW_ID_DESC]) { nodes {
            title date talkParticipantsByTalkId(orderBy: ORDINAL_ASC) { nodes { personByPersonId { name } } }
            outcomeTalksByTalkId { nodes { outcomeByOutcomeId { title kind } } }
            citationsByTalkId(orderBy: ORDINAL_ASC) { nodes { sourceBySourceId { publisher } } } } } }""",
        "sql": """select json_agg(json_build_object('title', t.title, 'date', t.date,
              'participants', (select json_agg(p.name order by tp.ordinal) from talk_participant tp join person p on p.id = tp.person_id where tp.talk_id = t.id),
              'outcomes', (select json_agg(json_build_object('title', o.title, 'kind', o.kind)) from outcome_talk ot join outcome o on o.id = ot.outcome_id where ot.talk_id = t.id),
              'citations', (select json_agg(s.publisher order by c.ordinal) from citation c join source s on s.id = c.source_id where c.talk_id = t.id)))
            from (select * from talk order by date desc, id desc limit 50) t;""",
    },
    {
        "name": "person by id",
        "what": "one person by id",
        "parley": '{ person(id: "%s") { name countryCode summary } }'
                  % base64.urlsafe_b64encode(f"Person:{PERSON_ROW_ID}".encode()).decode().rstrip("="),
        "postgraphile": '{ personByRowId(rowId: "%d") { name countryCode summary } }' % PERSON_ROW_ID,
        "sql": f"select json_build_object('name', name, 'countryCode', country_code, 'summary', summary) from person where id = {PERSON_ROW_ID};",
    },
    {
        "name": "statements by tone and date",
        "what": "20 skeptical statements of 2020, newest first, with their speakers",
        "parley": """{ statements(first: 20, filter: {tones: [SKEPTICAL], from: "2020-01-01", to: "2020-12-31"}) {
            edges { node { quote saidOn tone speaker { name } } } } }""",
        "postgraphile": """{ allStatements(first: 20, orderBy: [SAID_ON_DESC, ROW_ID_DESC],
            filter: {tone: {equalTo: "SKEPTICAL"}, saidOn: {greaterThanOrEqualTo: "2020-01-01", lessThanOrEqualTo: "2020-12-31"}}) {
            nodes { quote saidOn tone personBySpeakerId { name } } } }""",
        "sql": """select json_agg(json_build_object('quote', s.quote, 'saidOn', s.said_on, 'tone', s.tone, 'speaker', p.name))
            from (select * from statement where tone = 'SKEPTICAL' and said_on between '2020-01-01' and '2020-12-31'
                  order by said_on desc, id desc limit 20) s join person p on p.id = s.speaker_id;""",
    },
]


def canonical(server, data):
    """Each server's answer reduced to the same plain shape, to check they agree."""
    if server == "parley":
        if "talks" in data:
            return [(n["title"], n["date"], [p["person"]["name"] for p in n["participants"]],
                     sorted((o["title"], o["kind"]) for o in n["outcomes"]), [c["source"]["publisher"] for c in n["citations"]])
                    for n in (e["node"] for e in data["talks"]["edges"])]
        if "person" in data:
            return data["person"]
        return [(n["quote"], n["saidOn"], n["tone"], n["speaker"]["name"]) for n in (e["node"] for e in data["statements"]["edges"])]
    if "allTalks" in data:
        return [(n["title"], n["date"], [p["personByPersonId"]["name"] for p in n["talkParticipantsByTalkId"]["nodes"]],
                 sorted((o["outcomeByOutcomeId"]["title"], o["outcomeByOutcomeId"]["kind"]) for o in n["outcomeTalksByTalkId"]["nodes"]),
                 [c["sourceBySourceId"]["publisher"] for c in n["citationsByTalkId"]["nodes"]])
                for n in data["allTalks"]["nodes"]]
    if "personByRowId" in data:
        return data["personByRowId"]
    return [(n["quote"], n["saidOn"], n["tone"], n["personBySpeakerId"]["name"]) for n in data["allStatements"]["nodes"]]


def psql(sql, database=None):
    return subprocess.run(["psql", "-X", "-q", "-At", "-h", "127.0.0.1", "-p", str(PG["port"]), "-U", "postgres",
                           "-d", database or PG["database"], "-c", sql], check=True, capture_output=True, text=True).stdout.strip()


def statements_executed():
    """Statements the application role ran (pg_stat_statements counts each execution)."""
    return int(psql(f"""select coalesce(sum(calls), 0) from pg_stat_statements s join pg_roles r on r.oid = s.userid
                        where r.rolname = '{PG['user']}'""") or 0)


def wrk(url, query, seconds, lua_dir, warm_up=False):
    script = os.path.join(lua_dir, "post.lua")
    with open(script, "w") as lua:
        lua.write('wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\n'
                  f"wrk.body = {json.dumps(json.dumps({'query': query}))}\n")
    output = subprocess.run(["wrk", "-t", "2", "-c", str(LOAD["connections"]), "-d", f"{seconds}s", "--timeout", "10s", "--latency", "-s", script, url],
                            check=True, capture_output=True, text=True).stdout
    if warm_up:
        return None
    if "Latency Distribution" not in output:
        raise RuntimeError(f"wrk gave no latency distribution:\n{output}")
    requests = int(re.search(r"(\d+) requests in", output).group(1))
    if requests == 0:
        raise RuntimeError(f"no request completed against {url}:\n{output}")
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    p50 = to_ms(re.search(r"^\s+50%\s+(\S+)", output, re.M).group(1))
    p99 = to_ms(re.search(r"^\s+99%\s+(\S+)", output, re.M).group(1))
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    errors = re.search(r"Socket errors: (.*)", output)
    if bad or errors:
        raise RuntimeError(f"wrk saw failures against {url}:\n{output}")
    return {"requests": requests, "rps": rps, "p50": p50, "p99": p99}


def to_ms(value):
    parsed = re.match(r"([\d.]+)(\w+)", value)
    if not parsed:
        raise RuntimeError(f"unreadable latency from wrk: {value!r}")
    number, unit = parsed.groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def port_is_free(url):
    try:
        urllib.request.urlopen(url, timeout=1)
    except urllib.error.HTTPError:
        return False
    except OSError:
        return True
    return False


def run_server(server):
    spec = CONFIG["servers"][server]
    schema = spec.get("schema", server)  # every Parley variant answers Parley's schema
    if not port_is_free(spec["url"]):
        raise SystemExit(f"something already answers at {spec['url']}; stop it first")
    log = open(os.path.join(WORK, f"{server}.log"), "w")
    env = dict(os.environ, **spec["env"])
    started = time.monotonic()
    process = subprocess.Popen(spec["command"], cwd=spec["cwd"], env=env, stdout=log, stderr=subprocess.STDOUT,
                               start_new_session=True)
    results = {"queries": {}}
    try:
        wait_for_answer(spec["url"], QUERIES[1][schema], process)
        results["first_answer_ms"] = (time.monotonic() - started) * 1000
        results["rss_idle"] = rss_mib(process.pid)
        results["answers"] = [canonical(schema, post(spec["url"], q[schema])["data"]) for q in QUERIES]
        for query in QUERIES:
            # Warm-up: the JIT compiles the hot paths; slow first answers are expected here.
            wrk(spec["url"], query[schema], LOAD["warmup_s"], WORK, warm_up=True)
            runs = []
            for _ in range(LOAD["repetitions"]):
                psql("select pg_stat_statements_reset()")
                before = statements_executed()
                measured = wrk(spec["url"], query[schema], LOAD["duration_s"], WORK)
                measured["statements"] = (statements_executed() - before) / measured["requests"]
                runs.append(measured)
            results["queries"][query["name"]] = {key: statistics.median(r[key] for r in runs)
                                                 for key in ("rps", "p50", "p99", "statements")}
            print(f"{server} / {query['name']}: {results['queries'][query['name']]}", flush=True)
        results["rss_after_load"] = rss_mib(process.pid)
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    return results


def pgbench(query):
    script = os.path.join(WORK, "pgbench.sql")
    with open(script, "w") as sql:
        sql.write(" ".join(query["sql"].split()) + "\n")
    output = subprocess.run([CONFIG["pgbench"], "-n", "-h", "127.0.0.1", "-p", str(PG["port"]), "-U", PG["user"],
                             "-c", str(LOAD["connections"]), "-j", "2", "-T", str(LOAD["duration_s"]), "-f", script, PG["database"]],
                            check=True, capture_output=True, text=True, env=dict(os.environ, PGPASSWORD=PG["password"])).stdout
    return float(re.search(r"tps = ([\d.]+)", output).group(1))


def ratio(parley, other, higher_is_better=True):
    if not other:
        return "—"
    return f"{(parley / other if higher_is_better else other / parley):.2f}x"


def main():
    load_before = os.getloadavg()
    # The plain JVM first (the baseline every earlier run measured), then the production
    # packaging (trained JDK 25 AOT cache and the image's JVM options) when it was built.
    parleys = [name for name in CONFIG["servers"] if name != "postgraphile"]
    measured = {name: run_server(name) for name in parleys}
    postgraphile = run_server("postgraphile")
    for name in parleys:
        for query, ours, theirs in zip(QUERIES, measured[name]["answers"], postgraphile["answers"]):
            if ours != theirs:
                raise SystemExit(f"the servers disagree on '{query['name']}':\n{name}: {ours}\nPostGraphile: {theirs}")
    ceilings = {q["name"]: pgbench(q) for q in QUERIES}
    load_after = os.getloadavg()

    labels = {name: CONFIG["servers"][name].get("label", "Parley") for name in parleys}
    lines = [
        "# Parley and PostGraphile 5, side by side",
        "",
        CONFIG["intro"],
        "",
        f"- Date: {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}",
        f"- Machine: {CONFIG['machine']}",
        f"- Load average (1/5/15 min) before: {' / '.join(f'{v:.2f}' for v in load_before)}, after: {' / '.join(f'{v:.2f}' for v in load_after)}",
        f"- Versions: {CONFIG['versions']}",
        f"- Load: wrk, {LOAD['connections']} connections, {LOAD['warmup_s']} s warm-up then {LOAD['repetitions']} x {LOAD['duration_s']} s per query; medians",
        f"- Reproduce: `{CONFIG['command']}`",
        *[f"- {labels[name]}{CONFIG['servers'][name].get('about', '')}: `{CONFIG['servers'][name].get('shown') or ' '.join(CONFIG['servers'][name]['command'])}`" for name in parleys],
        "",
        "Ratios are Parley / PostGraphile for throughput, PostGraphile / Parley for latency, statements and memory",
        "(above 1.00x means Parley is ahead). Both servers returned the same answers to every query before the",
        "load began (the harness compares them).",
        "",
        "| Query | Measure | " + " | ".join(labels[n] for n in parleys) + " | PostGraphile | "
        + " | ".join(f"Ratio, {labels[n]}" if len(parleys) > 1 else "Ratio" for n in parleys) + " | Database ceiling (pgbench) |",
        "|---|---|" + "---|" * (2 * len(parleys) + 2),
    ]

    def row(label, measure, key, fmt, higher_is_better, ceiling="", source=lambda r: r):
        values = [source(measured[n])[key] for n in parleys]
        theirs = source(postgraphile)[key]
        return (f"| {label} | {measure} | " + " | ".join(fmt(v) for v in values) + f" | {fmt(theirs)} | "
                + " | ".join(ratio(v, theirs, higher_is_better) for v in values) + f" | {ceiling} |")

    for query in QUERIES:
        name = query["name"]
        per_query = lambda r: r["queries"][name]  # noqa: E731 (bound per loop turn, used at once)
        lines += [
            row(f"{name}: {query['what']}", "requests/s", "rps", lambda v: f"{v:.0f}", True, f"{ceilings[name]:.0f} tps", per_query),
            row("", "p50 latency, ms", "p50", lambda v: f"{v:.2f}", False, "", per_query),
            row("", "p99 latency, ms", "p99", lambda v: f"{v:.2f}", False, "", per_query),
            row("", "SQL statements / request", "statements", lambda v: f"{v:.2f}", False, "1", per_query),
        ]
    lines += [
        row("Whole server", "RSS after load, MiB", "rss_after_load", lambda v: f"{v:.0f}", False),
        row("", "RSS idle after start, MiB", "rss_idle", lambda v: f"{v:.0f}", False),
        row("", "launch to first answer, ms", "first_answer_ms", lambda v: f"{v:.0f}", False),
        "",
    ]
    if len(parleys) > 1:
        baseline, *others = parleys
        lines += ["Each Parley variant against the plain JVM in this run (throughput: variant / plain JVM):", ""]
        for other in others:
            lines.append(f"- {labels[other]}: " + ", ".join(
                f"{q['name']} {measured[other]['queries'][q['name']]['rps'] / measured[baseline]['queries'][q['name']]['rps']:.2f}x"
                for q in QUERIES) + f"; launch to first answer {measured[other]['first_answer_ms'] / measured[baseline]['first_answer_ms']:.2f}x"
                f", RSS after load {measured[other]['rss_after_load'] / measured[baseline]['rss_after_load']:.2f}x of the plain JVM's")
        lines.append("")
    output = CONFIG["output"]
    existing = open(output).read() if os.path.exists(output) else ""
    marker = "<!-- analysis -->"
    analysis = existing[existing.index(marker):] if marker in existing else marker + "\n"
    with open(output, "w") as out:
        out.write("\n".join(lines) + "\n" + analysis)
    print(f"wrote {output}")


if __name__ == "__main__":
    main()
