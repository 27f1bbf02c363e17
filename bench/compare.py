#!/usr/bin/env python3
"""Parley and PostGraphile 5, one after the other, on the same database and machine: the same
logical queries through both (checked to return the same answers first), driven by wrk, with
SQL statements per request from pg_stat_statements, RSS after load, time to first answer, and
the database's own ceiling for the equivalent SQL through pgbench. Questions PostGraphile has no
equivalent for (search, timeline) are measured against that ceiling alone, their answers checked
against the ceiling statement's.

Usage: compare.py CONFIG.json   (written by bench/vs-postgraphile.sh)
"""
import base64
import json
import os
import re
import signal
import socket
import string
import statistics
import subprocess
import sys
import time
import urllib.parse
import urllib.request

from forgiving import SEARCH_RESULT_FIELDS, fragments, search_sql
from server import children, post, rss_mib, wait_for_answer

CONFIG = json.load(open(sys.argv[1]))
WORK = CONFIG["work"]
PG = CONFIG["postgres"]
LOAD = CONFIG["load"]
# bench/vs-postgraphile.sh --constant-load: each question at its fixed rate instead of wrk's saturation.
CONSTANT = LOAD.get("constant", False)

# The same logical questions, asked in each server's own schema. Query texts are templates
# ($name) filled with the facts of the run (facts()): row ids picked from the database and the
# IDs each server gives them. "postgraphile": None marks a question PostGraphile has no
# equivalent for; Parley is then measured against the database ceiling alone, and its answer
# is checked against the ceiling statement's own answer instead. Each "answer" reduces a
# server's data (or the ceiling statement's JSON, "sql") to the same facts in the same order.
PERSON_ROW_ID = 4242
TALK_ROW_ID = 4242
SEARCH_TEXT = "Witkoff"


def edges(connection):
    return [edge["node"] for edge in connection["edges"]]


def nodes(connection):
    return connection["nodes"]


def rounded_scores(hits):
    """Scores to 9 decimal places: both sides hold the same double but may write it in different digits."""
    return [dict(hit, score=round(hit["score"], 9)) for hit in hits]


# Search's statement (SearchReads and ForgivingQuery in Python) and the fields the search query
# asks of each kind of result: bench/forgiving.py, shared with bench/search.py.
def result_json(label, table, fields, key="h.id"):
    """One record as Parley writes it in a union: __typename, global ID, then the asked fields."""
    pairs = ", ".join(f"'{name}', {column}" for name, column in fields)
    return (f"(select json_build_object('__typename', '{label}', 'id', graphql_id('{label}', x.id), {pairs})"
            f" from {table} x where x.id = {key})")


# TimelineService's entries of one person: (type, row source, period start, precision, end, how it
# relates to the person).
TIMELINE_KINDS = [
    ("Talk", "talk x", "x.date", "x.date_precision", "x.date_end",
     "exists (select 1 from talk_participant p where p.talk_id = x.id and p.person_id = {person})"),
    ("Trip", "trip x", "coalesce(x.arrived_on, x.departed_on)", "'DAY'", "coalesce(x.departed_on, x.arrived_on)",
     "exists (select 1 from envoy e where e.id = x.envoy_id and e.person_id = {person})"),
    # TimelineService asks the same as three exists() joined by "or", which PostgreSQL cannot turn
    # into a join: it tests every outcome (25,000 here), and the statement costs 25 ms, or 65 to
    # 150 ms once its cost estimate passes jit_above_cost (the default settings JIT-compile it),
    # against 1 ms for the person's outcome ids as one set; the answer is the same.
    ("Outcome", "outcome x", "x.date", "x.date_precision", "x.date_end",
     "x.id in (select b.outcome_id from outcome_beneficiary b where b.person_id = {person}"
     " union all select c.outcome_id from outcome_credit c where c.person_id = {person}"
     " union all select ot.outcome_id from outcome_talk ot join talk_participant p on p.talk_id = ot.talk_id"
     " where p.person_id = {person})"),
    ("Statement", "statement x", "x.said_on", "x.said_on_precision", "period_end(x.said_on, x.said_on_precision)",
     "x.speaker_id = {person}"),
]
TIMELINE_ITEM_FIELDS = {
    "Talk": [("title", "x.title"), ("status", "x.status")],
    "Trip": [("purpose", "x.purpose")],
    "Outcome": [("title", "x.title"), ("kind", "x.kind")],
    "Statement": [("quote", "x.quote"), ("tone", "x.tone")],
}


def timeline_sql(person):
    # NodeType names ('TALK', ...) order entries of the same period, as in TimelineService.
    entries = " union all ".join(
        f"select '{label.upper()}' as kind, x.id, {start} as start, {precision} as precision, {end} as finish"
        f" from {source} where {start} is not null and {related.format(person=person)}"
        for label, source, start, precision, end, related in TIMELINE_KINDS)
    item = "case e.kind " + " ".join(
        f"when '{label.upper()}' then {result_json(label, source.split()[0], TIMELINE_ITEM_FIELDS[label], 'e.id')}"
        for label, source, *_ in TIMELINE_KINDS) + " end"
    return f"""with e as (select * from ({entries}) entries order by start, finish, kind, id limit 50)
        select json_build_object('timeline', coalesce(json_agg(json_build_object('date', e.start,
            'datePrecision', e.precision, 'item', {item}) order by e.start, e.finish, e.kind, e.id), '[]'))
        from e;"""


TALK_PARTICIPANTS_PARLEY = "participants { person { name } role }"
TALK_PARTICIPANTS_POSTGRAPHILE = "talkParticipantsByTalkId(orderBy: ORDINAL_ASC) { nodes { personByPersonId { name } role } }"

QUERIES = [
    {
        "name": "recent talks, nested",
        "rate": 150,
        "what": "50 most recent talks with participants' names, outcomes and citations' publishers",
        "parley": """{ talks(first: 50, orderBy: {field: DATE, direction: DESC}) { edges { node {
            title date participants { person { name } } outcomes { title kind }
            citations { source { publisher } } } } } }""",
        "postgraphile": """{ allTalks(first: 50, orderBy: [DATE_DESC, ROW_ID_DESC]) { nodes {
            title date talkParticipantsByTalkId(orderBy: ORDINAL_ASC) { nodes { personByPersonId { name } } }
            outcomeTalksByTalkId(orderBy: OUTCOME_ID_ASC) { nodes { outcomeByOutcomeId { title kind } } }
            citationsByTalkId(orderBy: ORDINAL_ASC) { nodes { sourceBySourceId { publisher } } } } } }""",
        "answer": {
            "parley": lambda d: [(n["title"], n["date"], [p["person"]["name"] for p in n["participants"]],
                                  [(o["title"], o["kind"]) for o in n["outcomes"]],
                                  [c["source"]["publisher"] for c in n["citations"]]) for n in edges(d["talks"])],
            "postgraphile": lambda d: [(n["title"], n["date"], [p["personByPersonId"]["name"] for p in nodes(n["talkParticipantsByTalkId"])],
                                        [(o["outcomeByOutcomeId"]["title"], o["outcomeByOutcomeId"]["kind"]) for o in nodes(n["outcomeTalksByTalkId"])],
                                        [c["sourceBySourceId"]["publisher"] for c in nodes(n["citationsByTalkId"])]) for n in nodes(d["allTalks"])],
        },
        "sql": """select json_agg(json_build_object('title', t.title, 'date', t.date,
              'participants', (select json_agg(p.name order by tp.ordinal) from talk_participant tp join person p on p.id = tp.person_id where tp.talk_id = t.id),
              'outcomes', (select json_agg(json_build_object('title', o.title, 'kind', o.kind) order by o.id) from outcome_talk ot join outcome o on o.id = ot.outcome_id where ot.talk_id = t.id),
              'citations', (select json_agg(s.publisher order by c.ordinal) from citation c join source s on s.id = c.source_id where c.talk_id = t.id)))
            from (select * from talk order by date desc, id desc limit 50) t;""",
    },
    {
        "name": "person by id",
        "rate": 1000,
        "what": "one person by id",
        "parley": '{ person(id: "$person_by_id") { name countryCode summary } }',
        "postgraphile": '{ personByRowId(rowId: "$person_by_id_row") { name countryCode summary } }',
        "answer": {"parley": lambda d: d["person"], "postgraphile": lambda d: d["personByRowId"]},
        "sql": "select json_build_object('name', name, 'countryCode', country_code, 'summary', summary) from person where id = $person_by_id_row;",
    },
    {
        "name": "statements by tone and date",
        "rate": 400,
        "what": "20 skeptical statements of 2020, newest first, with their speakers",
        "parley": """{ statements(first: 20, filter: {tones: [SKEPTICAL], from: "2020-01-01", to: "2020-12-31"}) {
            edges { node { quote saidOn tone speaker { name } } } } }""",
        "postgraphile": """{ allStatements(first: 20, orderBy: [SAID_ON_DESC, ROW_ID_DESC],
            filter: {tone: {equalTo: "SKEPTICAL"}, saidOn: {greaterThanOrEqualTo: "2020-01-01", lessThanOrEqualTo: "2020-12-31"}}) {
            nodes { quote saidOn tone personBySpeakerId { name } } } }""",
        "answer": {
            "parley": lambda d: [(n["quote"], n["saidOn"], n["tone"], n["speaker"]["name"]) for n in edges(d["statements"])],
            "postgraphile": lambda d: [(n["quote"], n["saidOn"], n["tone"], n["personBySpeakerId"]["name"]) for n in nodes(d["allStatements"])],
        },
        "sql": """select json_agg(json_build_object('quote', s.quote, 'saidOn', s.said_on, 'tone', s.tone, 'speaker', p.name))
            from (select * from statement where tone = 'SKEPTICAL' and said_on between '2020-01-01' and '2020-12-31'
                  order by said_on desc, id desc limit 20) s join person p on p.id = s.speaker_id;""",
    },
    {
        "name": "person page",
        "rate": 300,
        "what": "a busy person with their 20 most recent talks and each talk's participants (name, role)",
        "parley": """{ person(id: "$busy_person") { name talks(first: 20) { edges { node {
            title date """ + TALK_PARTICIPANTS_PARLEY + """ } } } } }""",
        # PostGraphile nests a person's talks only through the join table, which cannot be ordered
        # by the talk's date; a frontend asks for the person and their talks side by side instead.
        "postgraphile": """{ personByRowId(rowId: "$busy_person_row") { name }
            allTalks(first: 20, orderBy: [DATE_DESC, ROW_ID_DESC],
                     filter: {talkParticipantsByTalkId: {some: {personId: {equalTo: "$busy_person_row"}}}}) {
              nodes { title date """ + TALK_PARTICIPANTS_POSTGRAPHILE + """ } } }""",
        "answer": {
            "parley": lambda d: (d["person"]["name"], [(n["title"], n["date"], [(p["person"]["name"], p["role"]) for p in n["participants"]])
                                                       for n in edges(d["person"]["talks"])]),
            "postgraphile": lambda d: (d["personByRowId"]["name"], [(n["title"], n["date"], [(p["personByPersonId"]["name"], p["role"]) for p in nodes(n["talkParticipantsByTalkId"])])
                                                                    for n in nodes(d["allTalks"])]),
        },
        "sql": """select json_build_object('name', p.name, 'talks', (select json_agg(json_build_object('title', t.title, 'date', t.date,
                'participants', (select json_agg(json_build_object('name', pp.name, 'role', tp.role) order by tp.ordinal)
                                 from talk_participant tp join person pp on pp.id = tp.person_id where tp.talk_id = t.id)) order by t.date desc, t.id desc)
              from (select t.* from talk t join talk_participant mine on mine.talk_id = t.id and mine.person_id = p.id
                    order by t.date desc, t.id desc limit 20) t))
            from person p where p.id = $busy_person_row;""",
    },
    {
        "name": "track page",
        "rate": 300,
        "what": "10 tracks, each with its 10 most recent talks and each talk's outcomes (kind, figures: none in the dataset)",
        "parley": """{ tracks(first: 10) { edges { node { name talks(first: 10) { edges { node {
            title date outcomes { kind figures { label value approximate } } } } } } } } }""",
        "postgraphile": """{ allTracks(first: 10, orderBy: [NAME_ASC, ROW_ID_ASC]) { nodes { name
            talksByTrackId(first: 10, orderBy: [DATE_DESC, ROW_ID_DESC]) { nodes { title date
              outcomeTalksByTalkId(orderBy: OUTCOME_ID_ASC) { nodes { outcomeByOutcomeId { kind
                outcomeFiguresByOutcomeId(orderBy: ORDINAL_ASC) { nodes { label value approximate } } } } } } } } } }""",
        "answer": {
            "parley": lambda d: [(track["name"], [(t["title"], t["date"], [(o["kind"], [(f["label"], f["value"], f["approximate"]) for f in o["figures"]])
                                                                            for o in t["outcomes"]]) for t in edges(track["talks"])])
                                 for track in edges(d["tracks"])],
            "postgraphile": lambda d: [(track["name"], [(t["title"], t["date"], [(o["kind"], [(f["label"], f["value"], f["approximate"]) for f in nodes(o["outcomeFiguresByOutcomeId"])])
                                                                                  for o in (ot["outcomeByOutcomeId"] for ot in nodes(t["outcomeTalksByTalkId"]))])
                                                        for t in nodes(track["talksByTrackId"])])
                                       for track in nodes(d["allTracks"])],
        },
        "sql": """select json_agg(json_build_object('name', tr.name, 'talks', (select json_agg(json_build_object('title', t.title, 'date', t.date,
                'outcomes', (select json_agg(json_build_object('kind', o.kind, 'figures',
                                 (select coalesce(json_agg(json_build_object('label', f.label, 'value', f.value, 'approximate', f.approximate) order by f.ordinal), '[]')
                                  from outcome_figure f where f.outcome_id = o.id)) order by o.id)
                             from outcome_talk ot join outcome o on o.id = ot.outcome_id where ot.talk_id = t.id)) order by t.date desc, t.id desc)
              from (select * from talk t where t.track_id = tr.id order by t.date desc, t.id desc limit 10) t)) order by tr.name, tr.id)
            from (select * from track order by name, id limit 10) tr;""",
    },
    {
        "name": "talk by node id",
        "rate": 800,
        "what": "node(id) of a talk with its participants (name, role)",
        "parley": '{ node(id: "$talk_node") { ... on Talk { title date ' + TALK_PARTICIPANTS_PARLEY + " } } }",
        "postgraphile": '{ node(id: "$talk_node") { ... on Talk { title date ' + TALK_PARTICIPANTS_POSTGRAPHILE + " } } }",
        "answer": {
            "parley": lambda d: (d["node"]["title"], d["node"]["date"], [(p["person"]["name"], p["role"]) for p in d["node"]["participants"]]),
            "postgraphile": lambda d: (d["node"]["title"], d["node"]["date"], [(p["personByPersonId"]["name"], p["role"]) for p in nodes(d["node"]["talkParticipantsByTalkId"])]),
        },
        "sql": """select json_build_object('title', t.title, 'date', t.date, 'participants',
                (select json_agg(json_build_object('name', p.name, 'role', tp.role) order by tp.ordinal)
                 from talk_participant tp join person p on p.id = tp.person_id where tp.talk_id = t.id))
            from talk t where t.id = $talk_row;""",
    },
    {
        "name": "search",
        "rate": 200,
        "what": f"search(query: \"{SEARCH_TEXT}\", first: 20): score, snippet and each hit's fields",
        "parley": '{ search(query: "%s", first: 20) { score snippet result { __typename %s } } }' % (SEARCH_TEXT, fragments(SEARCH_RESULT_FIELDS)),
        "postgraphile": None,
        "answer": {"parley": lambda d: rounded_scores(d["search"]), "sql": lambda d: rounded_scores(d["search"])},
        "sql": search_sql(SEARCH_TEXT, 20),
    },
    {
        "name": "timeline",
        "rate": 500,
        "what": "timeline(personId: a busy person, first: 50): date, precision and each item's fields",
        "parley": '{ timeline(personId: "$busy_person", first: 50) { date datePrecision item { __typename %s } } }' % fragments(TIMELINE_ITEM_FIELDS),
        "postgraphile": None,
        "answer": {"parley": lambda d: d["timeline"], "sql": lambda d: d["timeline"]},
        "sql": timeline_sql("$busy_person_row"),
    },
]


def psql(sql, database=None):
    return subprocess.run(["psql", "-X", "-q", "-At", "-h", "127.0.0.1", "-p", str(PG["port"]), "-U", "postgres",
                           "-d", database or PG["database"], "-c", sql], check=True, capture_output=True, text=True).stdout.strip()


def statements_executed():
    """Statements the application role ran (pg_stat_statements counts each execution)."""
    return int(psql(f"""select coalesce(sum(calls), 0) from pg_stat_statements s join pg_roles r on r.oid = s.userid
                        where r.rolname = '{PG['user']}'""") or 0)


# A GraphQL error comes back with status 200 and is quick to write, so a server answering errors
# under load would look fast: each wrk thread counts answers carrying "errors" and the run fails
# on any.
COUNT_GRAPHQL_ERRORS = """
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) failed = 0 end
function response(status, headers, body)
  if string.find(body, '"errors"', 1, true) then failed = failed + 1 end
end
function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do total = total + thread:get("failed") end
  io.write("GraphQL errors: " .. total .. "\\n")
end
"""


def wrk(url, query, seconds, lua_dir, warm_up=False):
    script = os.path.join(lua_dir, "post.lua")
    with open(script, "w") as lua:
        lua.write('wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\n'
                  f"wrk.body = {json.dumps(json.dumps({'query': query}))}\n" + COUNT_GRAPHQL_ERRORS)
    return run_wrk(script, url, seconds, warm_up)


def run_wrk(script, url, seconds, warm_up=False, args=()):
    """wrk with the Lua script (which must print "GraphQL errors: N" when done), at the run's
    connections; requests, requests/s, p50 and p99 in ms. Fails on any error. args reach the
    script's init()."""
    output = subprocess.run(["wrk", "-t", "2", "-c", str(LOAD["connections"]), "-d", f"{seconds}s", "--timeout", "10s", "--latency", "-s", script, url,
                             *(["--", *map(str, args)] if args else [])],
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
    graphql_errors = int(re.search(r"GraphQL errors: (\d+)", output).group(1))
    if bad or errors or graphql_errors:
        raise RuntimeError(f"wrk saw failures against {url}:\n{output}")
    return {"requests": requests, "rps": rps, "p50": p50, "p99": p99}


def constant_load(url, query, rate, seconds, log=None):
    """Requests at a fixed rate, timed from when each was due (bench/constant_load.mjs): the
    latency a client sees when the server stalls, which wrk's closed loop hides."""
    body = os.path.join(WORK, "constant-load.json")
    with open(body, "w") as out:
        json.dump({"query": query}, out)
    command = [CONFIG["node"], os.path.join(os.path.dirname(os.path.abspath(__file__)), "constant_load.mjs"),
               url, body, str(rate), str(seconds), "2"] + ([log] if log else [])
    measured = json.loads(subprocess.run(command, check=True, capture_output=True, text=True).stdout)
    if measured["errors"]:
        raise RuntimeError(f"the constant load saw failures against {url}: {measured}")
    if measured["achieved_rate"] < 0.95 * rate:
        raise RuntimeError(f"{url} did not keep up with {rate} requests/s: {measured}")
    return measured


def to_ms(value):
    parsed = re.match(r"([\d.]+)(\w+)", value)
    if not parsed:
        raise RuntimeError(f"unreadable latency from wrk: {value!r}")
    number, unit = parsed.groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


# CPU time, to say where a request's time goes: the server's processes and PostgreSQL's (every
# process of the cluster, backends included), read from /proc before and after each measured run.
# On a machine of 2 CPUs, what one request costs both in CPU bounds the requests per second.
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pids):
    """CPU of the processes, and of their children that ended and were waited for: a pool's
    backend that ends between two readings still counts (the postmaster collects its time)."""
    total = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
            total += sum(int(value) for value in fields[11:15])  # utime, stime, cutime, cstime
        except (FileNotFoundError, ProcessLookupError, IndexError):
            pass  # a process that ended between listing and reading
    return total / CLOCK_TICKS


def group_pids(group):
    """The processes of a server's process group (it runs in a session of its own)."""
    pids = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                if os.getpgid(int(entry)) == group:
                    pids.append(int(entry))
            except ProcessLookupError:
                pass
    return pids


def postgres_pids():
    """This run's cluster: its postmaster (whose CPU includes the backends it has reaped) and its
    processes. Other clusters on a shared machine (other people's benchmarks and tests) do not
    count; without the cluster's postmaster.pid, every process named postgres does."""
    try:
        with open(os.path.join(WORK, "pgdata", "postmaster.pid")) as pid_file:
            postmaster = int(pid_file.readline())
        return [postmaster] + children(postmaster)
    except (FileNotFoundError, ValueError):
        pass
    pids = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/comm") as comm:
                    if comm.read().strip() == "postgres":
                        pids.append(int(entry))
            except (FileNotFoundError, ProcessLookupError):
                pass
    return pids


def cpu_now(group):
    return {"server": cpu_seconds(group_pids(group)) if group else 0.0, "database": cpu_seconds(postgres_pids())}


def port_is_free(url):
    """Nothing listens on the URL's port (any server: another run's PostgreSQL answers no HTTP)."""
    address = urllib.parse.urlsplit(url)
    try:
        socket.create_connection((address.hostname, address.port), timeout=1).close()
    except OSError:
        return True
    return False


def global_id(label, key):
    """Parley's global ID: base64url of "Type:key", unpadded."""
    return base64.urlsafe_b64encode(f"{label}:{key}".encode()).decode().rstrip("=")


def facts():
    """The row ids the questions name, and Parley's IDs for them. The busy person is the one in
    most talks (lowest id among equals), so every run and both servers ask about the same one."""
    busy = int(psql("""select person_id from talk_participant group by person_id
                       order by count(*) desc, person_id limit 1"""))
    return {"person_by_id_row": PERSON_ROW_ID, "person_by_id": global_id("Person", PERSON_ROW_ID),
            "busy_person_row": busy, "busy_person": global_id("Person", busy),
            "talk_row": TALK_ROW_ID, "talk_node": global_id("Talk", TALK_ROW_ID)}


def text(query, side, known):
    return string.Template(query[side]).substitute(known)


def ask(url, query):
    body = post(url, query)
    if body.get("errors") or not body.get("data"):
        raise SystemExit(f"{url} did not answer {' '.join(query.split())}:\n{json.dumps(body)[:2000]}")
    return body["data"]


def ceiling_answer(query, known):
    """What the ceiling statement itself answers, for the questions only Parley is asked."""
    return query["answer"]["sql"](json.loads(psql(text(query, "sql", known))))


def run_server(server, known, expected):
    """Starts the server, checks its answers against the expected ones (the other server's, or the
    ceiling statement's) before any load, then measures every question it has an equivalent for."""
    spec = CONFIG["servers"][server]
    log = open(os.path.join(WORK, f"{server}.log"), "w")
    env = dict(os.environ, **spec["env"])
    variant, server = server, spec.get("schema", server)  # every Parley variant answers Parley's questions
    queries = [q for q in QUERIES if q[server]]
    started = time.monotonic()
    process = subprocess.Popen(spec["command"], cwd=spec["cwd"], env=env, stdout=log, stderr=subprocess.STDOUT,
                               start_new_session=True)
    results = {"queries": {}, "answers": {}}
    try:
        wait_for_answer(spec["url"], text(next(q for q in QUERIES if q["name"] == "person by id"), server, known), process)
        results["first_answer_ms"] = (time.monotonic() - started) * 1000
        results["cpu_to_first_answer_s"] = cpu_now(process.pid)["server"]
        results["rss_idle"] = rss_mib(process.pid)
        if server == "postgraphile":
            # PostGraphile's node IDs are its own; ask it for the talk's.
            known = dict(known, talk_node=ask(spec["url"], '{ talkByRowId(rowId: "%d") { id } }' % known["talk_row"])["talkByRowId"]["id"])
        # Each question as sent, for bench/profile.sh's second argument.
        os.makedirs(os.path.join(WORK, "queries"), exist_ok=True)
        for query in queries:
            with open(os.path.join(WORK, "queries", f"{variant}-{query['name'].replace(' ', '-').replace(',', '')}.graphql"), "w") as sent:
                sent.write(text(query, server, known) + "\n")
        for query in queries:
            answer = query["answer"][server](ask(spec["url"], text(query, server, known)))
            if not answer:
                raise SystemExit(f"{server} answered nothing to '{query['name']}': the comparison would prove nothing")
            if query["name"] in expected and answer != expected[query["name"]]:
                raise SystemExit(f"{server} disagrees on '{query['name']}':\n{server}: {answer}\nexpected: {expected[query['name']]}")
            results["answers"][query["name"]] = answer
        for query in queries:
            # Warm-up: the JIT compiles the hot paths; slow first answers are expected here.
            wrk(spec["url"], text(query, server, known), LOAD["warmup_s"], WORK, warm_up=True)
            if CONSTANT:
                # Each request's due time and latency are kept, to see when slow ones happened.
                log = os.path.join(WORK, f"constant-{variant}-{query['name'].replace(' ', '-').replace(',', '')}.log")
                measured = constant_load(spec["url"], text(query, server, known), query["rate"], LOAD["duration_s"], log)
                results["queries"][query["name"]] = measured
                print(f"{server} / {query['name']} at {query['rate']}/s: {measured}", flush=True)
                continue
            runs = []
            for _ in range(LOAD["repetitions"]):
                psql("select pg_stat_statements_reset()")
                before = statements_executed()
                cpu_before = cpu_now(process.pid)
                measured = wrk(spec["url"], text(query, server, known), LOAD["duration_s"], WORK)
                cpu_after = cpu_now(process.pid)
                measured["statements"] = (statements_executed() - before) / measured["requests"]
                for side in ("server", "database"):
                    measured[f"{side}_cpu_us"] = (cpu_after[side] - cpu_before[side]) / measured["requests"] * 1e6
                runs.append(measured)
            results["queries"][query["name"]] = {key: statistics.median(r[key] for r in runs)
                                                 for key in ("rps", "p50", "p99", "statements", "server_cpu_us", "database_cpu_us")}
            print(f"{server} / {query['name']}: {results['queries'][query['name']]}", flush=True)
        results["rss_after_load"] = rss_mib(process.pid)
    finally:
        stop(process)
    return results


def stop(process):
    """Stops the server's whole process group; it may have exited already (a port taken, a crash)."""
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
    except ProcessLookupError:
        pass
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def pgbench(query, known):
    """The ceiling of a question: its statement alone, sent as text (planned each time)."""
    return pgbench_script(" ".join(text(query, "sql", known).split()) + "\n")


def pgbench_script(script_text, protocol="simple", count_statements=False):
    """The ceiling: transactions per second of the script, and PostgreSQL's CPU per transaction
    (read while pgbench's clients are still connected: their backends end with it); with
    count_statements, also the statements pg_stat_statements counted per transaction, as it
    counts a server's (pgbench connects as the application's role)."""
    script = os.path.join(WORK, "pgbench.sql")
    with open(script, "w") as sql:
        sql.write(script_text)
    settle = 2
    if count_statements:
        psql("select pg_stat_statements_reset()")
        before_statements = statements_executed()
    pgbench_run = subprocess.Popen([CONFIG["pgbench"], "-n", "-h", "127.0.0.1", "-p", str(PG["port"]), "-U", PG["user"],
                                    "-c", str(LOAD["connections"]), "-j", "2", "-T", str(LOAD["duration_s"] + 2 * settle),
                                    "-M", protocol, "-P", "1", "-f", script, PG["database"]],
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                   env=dict(os.environ, PGPASSWORD=PG["password"]))
    time.sleep(settle)
    before = cpu_seconds(postgres_pids())
    time.sleep(LOAD["duration_s"])
    used = cpu_seconds(postgres_pids()) - before
    output, progress = pgbench_run.communicate()
    if pgbench_run.returncode != 0:
        raise RuntimeError(f"pgbench failed:\n{progress}")
    # -P 1 reports each second's tps on stderr: those of the measured window count.
    per_second = [float(tps) for tps in re.findall(r"progress: [\d.]+ s, ([\d.]+) tps", progress)]
    window = per_second[settle:settle + LOAD["duration_s"]] or per_second
    transactions = sum(window)
    result = {"tps": float(re.search(r"tps = ([\d.]+)", output).group(1)),
              "database_cpu_us": used / transactions * 1e6 if transactions else 0.0}
    if count_statements:
        processed = int(re.search(r"number of transactions actually processed: (\d+)", output).group(1))
        result["statements"] = (statements_executed() - before_statements) / processed if processed else 0.0
    return result


def ratio(parley, other, higher_is_better=True):
    if not other:
        return "—"
    return f"{(parley / other if higher_is_better else other / parley):.2f}x"


def percent(part, whole):
    return f"{100 * part / whole:.0f}%" if whole else "—"


# Issue 11's targets: every shape at 77% or more of its statement's database ceiling; every
# shape both servers answer at 1.5x PostGraphile's throughput or more, with p99 no worse.
CEILING_TARGET = 0.77
POSTGRAPHILE_TARGET = 1.5


# Issue 21's targets for the native executable: first answer at least 10x sooner than
# PostGraphile's, RSS after load at most half of PostGraphile's; a shape where native throughput
# falls more than 20% under the JVM's is profiled (docs/benchmarks.md, analysis).
NATIVE_LAUNCH_TARGET = 10
NATIVE_RSS_TARGET = 0.5
NATIVE_THROUGHPUT_FLOOR = 0.8


def native_section(parley, native, postgraphile, aot):
    """Native, JVM (and the AOT JVM when measured) and PostGraphile in one table, from this run."""
    spec = CONFIG["servers"]["parley-native"]
    variants = [("native", native), ("JVM", parley)] + ([("AOT JVM", aot)] if aot else []) + [("PostGraphile", postgraphile)]
    head = " | ".join(f"{name} req/s | {name} p99 ms" for name, _ in variants)
    lines = [
        "## The native executable beside the JVM and PostGraphile (issue 21)",
        "",
        f"{spec.get('shown', '')}{spec.get('about', '')}, in the same run, against the same already migrated database.",
        "",
        f"| Query | {head} | native / JVM req/s | native / PostGraphile req/s | server CPU / request, µs: native, JVM |",
        "|---|" + "---|" * (2 * len(variants) + 3),
    ]
    def whole(label, key, fmt):
        return f"| {label} | {' | '.join(fmt.format(measured[key]) for _, measured in variants)} |"

    slow = []
    for query in QUERIES:
        name = query["name"]
        cells = []
        for _, measured in variants:
            q = measured["queries"].get(name)
            cells.append(f"{q['rps']:.0f} | {q['p99']:.1f}" if q else "— | —")
        vs_jvm = native["queries"][name]["rps"] / parley["queries"][name]["rps"] if parley["queries"][name]["rps"] else 0
        if vs_jvm < NATIVE_THROUGHPUT_FLOOR:
            slow.append(f"{name} ({vs_jvm:.2f}x)")
        theirs = postgraphile["queries"].get(name)
        lines.append(f"| {name} | {' | '.join(cells)} | {vs_jvm:.2f}x | "
                     f"{ratio(native['queries'][name]['rps'], theirs['rps']) if theirs else '—'} | "
                     f"{native['queries'][name]['server_cpu_us']:.0f}, {parley['queries'][name]['server_cpu_us']:.0f} |")
    lines += [
        "",
        f"| Whole server | {' | '.join(name for name, _ in variants)} |",
        "|---|" + "---|" * len(variants),
        whole("launch to first answer, ms", "first_answer_ms", "{:.0f}"),
        whole("CPU to first answer, s", "cpu_to_first_answer_s", "{:.2f}"),
        whole("RSS idle after start, MiB", "rss_idle", "{:.0f}"),
        whole("RSS after load, MiB", "rss_after_load", "{:.0f}"),
        "",
    ]
    launch = postgraphile["first_answer_ms"] / native["first_answer_ms"]
    memory = native["rss_after_load"] / postgraphile["rss_after_load"]
    lines += [
        "| Target (issue 21) | Measured | Met? |",
        "|---|---|---|",
        f"| first answer >= {NATIVE_LAUNCH_TARGET}x sooner than PostGraphile's | {native['first_answer_ms']:.0f} ms against "
        f"{postgraphile['first_answer_ms']:.0f}: {launch:.1f}x sooner | {'yes' if launch >= NATIVE_LAUNCH_TARGET else 'no'} |",
        f"| RSS after load <= {NATIVE_RSS_TARGET:.0%} of PostGraphile's | {native['rss_after_load']:.0f} MiB against "
        f"{postgraphile['rss_after_load']:.0f}: {memory:.0%} | {'yes' if memory <= NATIVE_RSS_TARGET else 'no'} |",
        f"| native throughput within {1 - NATIVE_THROUGHPUT_FLOOR:.0%} of the JVM's, or profiled | "
        f"{'every shape within' if not slow else 'under by more: ' + ', '.join(slow)} | {'yes' if not slow else 'profiled (below)'} |",
        "",
    ]
    return lines


def constant_main(known, parley_only, load_before):
    """--constant-load: every question at its fixed rate through both servers; replaces only the
    section between the markers in the output (the saturation table and the analysis stay)."""
    parley = run_server("parley", known, parley_only)
    postgraphile = run_server("postgraphile", known, parley["answers"])
    load_after = os.getloadavg()
    worse = []
    rows = []
    for query in QUERIES:
        name = query["name"]
        ours, theirs = parley["queries"][name], postgraphile["queries"].get(name)
        if theirs and ours["p99"] > theirs["p99"]:
            worse.append(name)
        cells = [f"{ours[k]:.1f}" for k in ("p50", "p99", "p999", "max")]
        cells += [f"{theirs[k]:.1f}" for k in ("p50", "p99", "p999", "max")] if theirs else ["—"] * 4
        verdict = ("yes" if ours["p99"] <= theirs["p99"] else "**no**") if theirs else "no equivalent"
        rows.append(f"| {name} | {query['rate']} | {' | '.join(cells)} | {verdict} |")
    lines = [
        CONSTANT_BEGIN,
        "## At a constant offered load (issue 25)",
        "",
        "Each question at a fixed rate that both servers sustain (at most about half of PostGraphile's saturated",
        "throughput in the table above; Parley's alone for search and timeline), sent whatever the answers do and",
        "timed from when each request was due (bench/constant_load.mjs; wrk's closed loop sends nothing while a",
        "server stalls, and so hides most of a stall from its percentiles). Same database and machine, one server",
        f"at a time; each question after {LOAD['warmup_s']} s of wrk at {LOAD['connections']} connections to warm it,",
        f"then {LOAD['duration_s']} s at its rate. Latency in ms; p99.9 of a few thousand requests is among the slowest few.",
        "",
        f"- Date: {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; machine: {CONFIG['machine']}",
        f"- Load average (1/5/15 min) before: {' / '.join(f'{v:.2f}' for v in load_before)}, after: {' / '.join(f'{v:.2f}' for v in load_after)}"
        " (a quiet machine stays near 1 while one server and the load run; other work on the 2 CPUs shows above it)",
        f"- Versions: {CONFIG['versions']}",
        f"- Reproduce: `{CONFIG['command']}` (about {round(sum(2 if q['postgraphile'] else 1 for q in QUERIES) * (LOAD['warmup_s'] + LOAD['duration_s']) / 60) + 1} minutes;"
        " per-request due times and latencies in target/bench/vs-postgraphile/constant-*.log)",
        "",
        "| Query | rate, req/s | Parley p50 | p99 | p99.9 | max | PostGraphile p50 | p99 | p99.9 | max | Parley's p99 no worse? |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
        *rows,
        "",
        f"Goal: no shape with a p99 worse than PostGraphile's at equal load: "
        f"{'met on every shape both answer' if not worse else 'not met on ' + ', '.join(worse)}.",
        CONSTANT_END,
    ]
    output = CONFIG["output"]
    existing = open(output).read() if os.path.exists(output) else "<!-- analysis -->\n"
    section = "\n".join(lines)
    if CONSTANT_BEGIN in existing:
        before, rest = existing.split(CONSTANT_BEGIN, 1)
        existing = before + section + rest.split(CONSTANT_END, 1)[1]
    else:
        marker = "<!-- analysis -->"
        at = existing.index(marker) + len(marker) if marker in existing else len(existing)
        existing = existing[:at] + "\n\n" + section + existing[at:]
    with open(output, "w") as out:
        out.write(existing)
    print(f"wrote the constant-load section of {output}")


CONSTANT_BEGIN = "<!-- constant-load: written by bench/vs-postgraphile.sh --constant-load -->"
CONSTANT_END = "<!-- /constant-load -->"


def main():
    # Both ports checked first: a run should not find the second one taken after the first's load.
    for spec in CONFIG["servers"].values():
        if not port_is_free(spec["url"]):
            raise SystemExit(f"something already listens at {spec['url']}; stop it or choose other ports")
    load_before = os.getloadavg()
    known = facts()
    parley_only = {q["name"]: ceiling_answer(q, known) for q in QUERIES if not q["postgraphile"]}
    if CONSTANT:
        constant_main(known, parley_only, load_before)
        return
    parley = run_server("parley", known, parley_only)
    # The production packaging (trained JDK 25 AOT cache and the image's JVM options), when built.
    aot = run_server("parley-aot", known, parley["answers"]) if "parley-aot" in CONFIG["servers"] else None
    # The native executable (issue 21), when built.
    native = run_server("parley-native", known, parley["answers"]) if "parley-native" in CONFIG["servers"] else None
    postgraphile = run_server("postgraphile", known, parley["answers"])
    ceilings = {q["name"]: pgbench(q, known) for q in QUERIES}
    load_after = os.getloadavg()

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
        "",
        "Ratios are Parley / PostGraphile for throughput, PostGraphile / Parley for latency, statements and memory",
        "(above 1.00x means Parley is ahead); \"of ceiling\" is Parley's throughput as a share of the database's",
        "own for one SQL statement answering the same question (pgbench, same connections). Both servers returned",
        "the same answers to every query they share before the load began (the harness compares them); search and",
        "timeline, which PostGraphile has no equivalent of, were checked against their ceiling statement's answer.",
        "CPU per request is the server's processes' and PostgreSQL's (all its processes) user and system time over",
        "each measured run, divided by its requests (for the ceiling: PostgreSQL's per pgbench transaction, which plans",
        "the statement each time as a client sending text does). With every process on the same CPUs, requests/s can",
        "at most reach the CPUs' time over the server's, PostgreSQL's and the load generator's CPU per request.",
        "",
        "| Query | Measure | Parley | PostGraphile | Ratio | Database ceiling (pgbench) | Parley, of ceiling |",
        "|---|---|---|---|---|---|---|",
    ]
    targets = []
    for query in QUERIES:
        name = query["name"]
        ours, theirs = parley["queries"][name], postgraphile["queries"].get(name)
        ceiling = ceilings[name]["tps"]

        def cell(key, fmt):
            return fmt.format(theirs[key]) if theirs else "—"

        def compared(key, higher_is_better=True):
            return ratio(ours[key], theirs[key], higher_is_better) if theirs else "—"

        lines += [
            f"| {name}: {query['what']} | requests/s | {ours['rps']:.0f} | {cell('rps', '{:.0f}')} | {compared('rps')} | {ceiling:.0f} tps | {percent(ours['rps'], ceiling)} |",
            f"| | p50 latency, ms | {ours['p50']:.2f} | {cell('p50', '{:.2f}')} | {compared('p50', False)} | | |",
            f"| | p99 latency, ms | {ours['p99']:.2f} | {cell('p99', '{:.2f}')} | {compared('p99', False)} | | |",
            f"| | SQL statements / request | {ours['statements']:.2f} | {cell('statements', '{:.2f}')} | {compared('statements', False)} | 1 | |",
            f"| | server CPU / request, µs | {ours['server_cpu_us']:.0f} | {cell('server_cpu_us', '{:.0f}')} | {compared('server_cpu_us', False)} | | |",
            f"| | database CPU / request, µs | {ours['database_cpu_us']:.0f} | {cell('database_cpu_us', '{:.0f}')} | {compared('database_cpu_us', False)} | {ceilings[name]['database_cpu_us']:.0f} µs | |",
        ]
        of_ceiling = ours["rps"] / ceiling if ceiling else 0
        met = of_ceiling >= CEILING_TARGET
        if theirs:
            faster = ours["rps"] / theirs["rps"] if theirs["rps"] else 0
            p99_level = ours["p99"] <= theirs["p99"]
            met = met and faster >= POSTGRAPHILE_TARGET and p99_level
            against = (f"{faster:.2f}x; p99 {ours['p99']:.1f} against {theirs['p99']:.1f} ms "
                       f"({'no worse' if p99_level else 'worse'})")
        else:
            against = "no equivalent"
        targets.append(f"| {name} | {percent(ours['rps'], ceiling)} | {against} | {'yes' if met else 'no'} |")
    lines += [
        f"| Whole server | RSS after load, MiB | {parley['rss_after_load']:.0f} | {postgraphile['rss_after_load']:.0f} | {ratio(parley['rss_after_load'], postgraphile['rss_after_load'], False)} | | |",
        f"| | RSS idle after start, MiB | {parley['rss_idle']:.0f} | {postgraphile['rss_idle']:.0f} | {ratio(parley['rss_idle'], postgraphile['rss_idle'], False)} | | |",
        f"| | launch to first answer, ms | {parley['first_answer_ms']:.0f} | {postgraphile['first_answer_ms']:.0f} | {ratio(parley['first_answer_ms'], postgraphile['first_answer_ms'], False)} | | |",
        "",
        *([] if aot is None else [
            "## The production JVM packaging (issue 15)",
            "",
            f"{CONFIG['servers']['parley-aot'].get('shown', '')}{CONFIG['servers']['parley-aot'].get('about', '')}, in the same run.",
            "",
            "| Query | Parley AOT requests/s | p99 ms | vs Parley JVM | vs PostGraphile |",
            "|---|---|---|---|---|",
            *[f"| {q['name']} | {aot['queries'][q['name']]['rps']:.0f} | {aot['queries'][q['name']]['p99']:.1f} | "
              f"{ratio(aot['queries'][q['name']]['rps'], parley['queries'][q['name']]['rps'])} | "
              f"{ratio(aot['queries'][q['name']]['rps'], postgraphile['queries'][q['name']]['rps']) if q['name'] in postgraphile['queries'] else '—'} |"
              for q in QUERIES],
            f"| Whole server | RSS after load {aot['rss_after_load']:.0f} MiB ({ratio(aot['rss_after_load'], postgraphile['rss_after_load'], False)} of PostGraphile's) | "
            f"idle {aot['rss_idle']:.0f} MiB | first answer {aot['first_answer_ms']:.0f} ms | "
            f"{ratio(aot['first_answer_ms'], postgraphile['first_answer_ms'], False)} of PostGraphile's speed |",
            "",
        ]),
        *([] if native is None else native_section(parley, native, postgraphile, aot)),
        "## Against the targets (issue 11)",
        "",
        f"| Query | Parley, of ceiling (>= {CEILING_TARGET:.0%}) | Parley / PostGraphile (>= {POSTGRAPHILE_TARGET}x, p99 no worse) | Met? |",
        "|---|---|---|---|",
        *targets,
        "",
    ]
    output = CONFIG["output"]
    existing = open(output).read() if os.path.exists(output) else ""
    marker = "<!-- analysis -->"
    analysis = existing[existing.index(marker):] if marker in existing else marker + "\n"
    with open(output, "w") as out:
        out.write("\n".join(lines) + "\n" + analysis)
    print(f"wrote {output}")


if __name__ == "__main__":
    main()
