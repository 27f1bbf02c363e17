#!/usr/bin/env python3
"""Issue 22's measurement: search that forgives typos, against today's search and the database.

1. A typo set built from the benchmark dataset's names and titles (deterministic: seeded, and
   the dataset is a function of row numbers): people ("Kirill Dmitriev 11": given name,
   surname, number), tracks, outcomes, sources, talks and statements, each query with the one
   record it must find. One edit in words of 5 to 8 letters, two from 9 (insertions, deletions,
   substitutions, adjacent transpositions), transliterations, nickname variants, an unfinished
   last word; numbers and words under 5 letters are never edited (those are exact by rule). A
   few queries beyond the rules (two edits in a short word, a deletion that leaves 4 letters)
   are asked too and reported apart: they say where forgiveness stops, not whether it works.
2. Accuracy: each query through each server's GraphQL API, the rank of the record it must find.
3. Load: wrk rotating through the set, on each server; the database's ceiling is pgbench running
   the statement the new Parley runs for each query (bench/forgiving.py, checked first against
   Parley's own answers), on the same connections.

Usage: search.py CONFIG.json   (written by bench/search.sh)
"""
import base64
import csv
import json
import os
import random
import re
import resource
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.parse
import urllib.request

from forgiving import SEARCHABLE, SEARCH_RESULT_FIELDS, ForgivingQuery, Parameters, fragments, key, given_name_variants, search_sql
from server import rss_mib, wait_for_answer

CONFIG = json.load(open(sys.argv[1]))
WORK = CONFIG["work"]
PG = CONFIG["postgres"]
LOAD = CONFIG["load"]
FIRST = 10
SEED = 22
# Issue 22's targets.
ACCURACY_TARGET = 0.95
CEILING_TARGET = 0.77

DOCUMENT = ("query Search($query: String!) { search(query: $query, first: %d) { score snippet result { __typename %s } } }"
            % (FIRST, fragments(SEARCH_RESULT_FIELDS)))


# ---------------------------------------------------------------- the database

def psql(sql, database=None):
    """Runs SQL (one statement or a script) as the cluster's superuser; its rows, unaligned."""
    return subprocess.run(["psql", "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p", str(PG["port"]),
                           "-U", "postgres", "-d", database or PG["database"], "-f", "-"],
                          input=sql, check=True, capture_output=True, text=True).stdout.strip()


def rows(sql):
    return [line.split("|") for line in psql(sql).splitlines() if line]


# ---------------------------------------------------------------- the typo set

def osa(a, b):
    """Optimal string alignment distance, as PersonNames.distance and V10's osa_distance."""
    d = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) + 1):
        d[i][0] = i
    for j in range(len(b) + 1):
        d[0][j] = j
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] != b[j - 1]))
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[len(a)][len(b)]


def budget(word):
    """V10's typo_budget: none with digits or under 5 letters, one from 5, two from 9."""
    return 0 if re.search(r"[0-9]", word) else 2 if len(word) >= 9 else 1 if len(word) >= 5 else 0


def within_rules(written, typed):
    """The typo is one Parley's rule forgives: within the budget of the shorter of the two words
    (PersonNames.withinTypos, V10's within_typos)."""
    allowed = budget(written if len(written) <= len(typed) else typed)
    return allowed > 0 and abs(len(written) - len(typed)) <= allowed and osa(written, typed) <= allowed


EDITS = ["insertion", "deletion", "substitution", "transposition"]
LETTERS = "abcdefghijklmnopqrstuvwxyz"


def one_edit(word, kind, rng):
    if kind == "insertion":
        at = rng.randrange(len(word) + 1)
        # Half the time a doubled neighbour ("Witkkoff"), as fingers do; otherwise any letter.
        letter = word[min(at, len(word) - 1)] if rng.random() < 0.5 else rng.choice(LETTERS)
        return word[:at] + letter + word[at:]
    if kind == "deletion":
        at = rng.randrange(len(word))
        return word[:at] + word[at + 1:]
    if kind == "substitution":
        at = rng.randrange(len(word))
        return word[:at] + rng.choice([c for c in LETTERS if c != word[at]]) + word[at + 1:]
    swappable = [i for i in range(len(word) - 1) if word[i] != word[i + 1]]
    at = rng.choice(swappable)
    return word[:at] + word[at + 1] + word[at] + word[at + 2:]


def with_case(model, word):
    return word[0].upper() + word[1:] if model[:1].isupper() else word


def typo(word, kinds, rng, vocabulary):
    """`word` with one edit of each kind in `kinds`, within Parley's rules, and not another
    word of the vocabulary (a typo that lands on a real word is a different question)."""
    written = word.lower()
    for _ in range(1000):
        typed = written
        for kind in kinds:
            typed = one_edit(typed, kind, rng)
        if typed != written and osa(written, typed) == len(kinds) and within_rules(written, typed) and typed not in vocabulary:
            return with_case(word, typed)
    raise RuntimeError(f"no {kinds} typo of {word} within the rules")


# Transliterations and other spellings of the dataset's names that Parley's rules forgive (one
# edit; an accent or a hyphen folds away), and some that they do not (asked apart, "beyond").
TRANSLITERATIONS = {
    "Witkoff": ["Vitkoff", "Whitkoff", "Wittkoff"],
    "Dmitriev": ["Dmitriyev", "Dmitryev", "Dmitrijev", "Dmitriew"],
    "Kushner": ["Kuschner", "Kuszner"],
    "Peskov": ["Peskow", "Pesków", "Pieskov"],
    "Lavrov": ["Lavrow", "Lavróv"],
    "Rubio": ["Roubio"],
    "Umerov": ["Umierov", "Umerow", "Oumerov"],
    "Yermak": ["Jermak", "Iermak", "Yermack"],
    "Fidan": ["Fydan", "Fidán"],
    "Thani": ["Thany", "Al-Thani"],
    "Andriy": ["Andrii", "Andrij"],
    "Rustem": ["Rustam"],
    "Hakan": ["Hakkan", "Hakán"],
    "Sheikh": ["Shaikh", "Sheik"],
    "Kirill": ["Kiril"],
    "Marco": ["Marko"],
    "Jared": ["Jarred"],
    "Sergey": ["Serhey"],
}
BEYOND = {
    "Witkoff": ["Witkow", "Witkov", "Vitkov"], "Lavrov": ["Lawrow"], "Kushner": ["Kouchner"], "Sergey": ["Serguei"],
    "Kirill": ["Kiryl"], "Dmitry": ["Dmitrii"], "Steve": ["Stve"], "Rubio": ["Rubo"], "Fidan": ["Fian"],
}


def case(query, category, change, record_type, row, name, kinds=(), counted=True, written=None):
    """A query, the record it must find, and `written`: the query as it would be without the
    change (the record's own words), by which it must name that record alone."""
    return {"query": query, "category": category, "change": change, "kinds": list(kinds), "type": record_type, "row": int(row),
            "name": name, "counted": counted, "written": written or name}


def kind_for(n, word):
    """The n-th query's kind of edit, in turn; a deletion in a five-letter word would leave four
    letters, which the rules keep exact, so such a word gets a substitution instead."""
    kind = EDITS[n % 4]
    return "substitution" if kind == "deletion" and len(word) <= 5 else kind


def two_kinds(n, word):
    """Two edits, in turn, that leave the word 9 letters or more (the shorter word's budget counts)."""
    pairs = [("substitution", "transposition"), ("insertion", "substitution"), ("transposition", "insertion"),
             ("insertion", "deletion"), ("substitution", "substitution"), ("deletion", "insertion")]
    return list(pairs[n % len(pairs)])


def typo_set(limit=None):
    """The queries and the record each must find, from the dataset in the database."""
    rng = random.Random(SEED)
    vocabulary = set(psql("select word from search_word").split("\n"))
    people = {int(i): name for i, name in rows("select id, name from person order by id")}
    cases = []

    def split_person(row):
        words = people[row].split(" ")
        return words[0], words[1:-1], words[-1]  # given name, surname's words, number

    def pick(candidates, count):
        return rng.sample(sorted(candidates), count)

    def bearers(word):
        return [r for r in people if word in people[r].split(" ")]

    def surname_word(surname):  # the editable word of a surname ("Al Thani": Thani)
        return max(surname, key=len)

    def person(row, given, surname, number, category, change, kinds=(), counted=True):
        cases.append(case(" ".join([given] + surname + [number]), category, change, "Person", row, people[row], kinds, counted))

    # People: one edit in the surname, each kind of edit in turn.
    for n, row in enumerate(pick(people, 48)):
        given, surname, number = split_person(row)
        word = surname_word(surname)
        kind = kind_for(n, word)
        typed = typo(word, [kind], rng, vocabulary)
        person(row, given, [typed if w == word else w for w in surname], number, "person: surname, 1 edit",
               f"{word} -> {typed} ({kind})", [kind])
    # One edit in the given name.
    for n, row in enumerate(pick(people, 24)):
        given, surname, number = split_person(row)
        kind = kind_for(n, given)
        typed = typo(given, [kind], rng, vocabulary)
        person(row, typed, surname, number, "person: given name, 1 edit", f"{given} -> {typed} ({kind})", [kind])
    # One edit in each.
    for n, row in enumerate(pick(people, 16)):
        given, surname, number = split_person(row)
        word = surname_word(surname)
        kinds = [kind_for(n, given), kind_for(n + 1, word)]
        typed_given, typed_surname = typo(given, kinds[:1], rng, vocabulary), typo(word, kinds[1:], rng, vocabulary)
        person(row, typed_given, [typed_surname if w == word else w for w in surname], number, "person: both names, 1 edit each",
               f"{given} -> {typed_given} ({kinds[0]}), {word} -> {typed_surname} ({kinds[1]})", kinds)
    # Transliterations and accents: every spelling listed, of one or two people each.
    for word, spellings in TRANSLITERATIONS.items():
        for spelling in spellings:
            if " " not in key(spelling) and not within_rules(word.lower(), key(spelling)) and key(spelling) != word.lower():
                raise RuntimeError(f"{spelling} for {word} is beyond the rules: list it in BEYOND")
            for row in pick(bearers(word), 1 if len(spellings) > 2 else 2):
                given, surname, number = split_person(row)
                if word == given:
                    given = spelling
                elif spelling == "Al-Thani":
                    surname = [spelling]
                else:
                    surname = [spelling if w == word else w for w in surname]
                person(row, given, surname, number, "person: transliteration or accent", f"{word} -> {spelling}")
    # Nickname variants of the given name.
    for given_name in ("Steve", "Dmitry", "Sergey", "Andriy", "Kirill"):
        for variant in given_name_variants(given_name):
            for row in pick([r for r in people if people[r].startswith(given_name + " ")], 2 if given_name == "Steve" else 1):
                _, surname, number = split_person(row)
                person(row, variant.capitalize(), surname, number, "person: nickname variant", f"{given_name} -> {variant.capitalize()}")
    # The last word unfinished: the number first, then the names, the last one cut short.
    for row in pick(people, 14):
        given, surname, number = split_person(row)
        last = surname[-1]
        cut = last[:rng.randint(3, len(last) - 1)]
        cases.append(case(" ".join([number, given] + surname[:-1] + [cut]), "person: last word unfinished", f"{last} -> {cut}",
                          "Person", row, people[row]))

    def titled(record_type, sql, count, category, target_of, edits=None, words=lambda parts: parts):
        """Records of one table by their name or title (as `sql` reads it): the word `target_of`
        picks edited by `edits` (n, word -> kinds), or cut short and written last."""
        records = {int(i): title for i, title in rows(sql)}
        for n, row in enumerate(pick(records, count)):
            title = records[row]
            parts = words(title.replace(":", "").rstrip(".").split(" "))
            target = target_of(parts)
            if edits is None:
                cut = target[:rng.randint(3, len(target) - 1)]
                cases.append(case(" ".join([p for p in parts if p != target] + [cut]), category, f"{target} -> {cut}",
                                  record_type, row, title, written=" ".join(parts)))
                continue
            kinds = edits(n, target)
            typed = typo(target, kinds, rng, vocabulary)
            cases.append(case(" ".join(typed if p == target else p for p in parts), category,
                              f"{target} -> {typed} ({' + '.join(kinds)})", record_type, row, title, kinds, written=" ".join(parts)))

    def one(n, word):
        return [kind_for(n, word)]

    titled("Track", "select id, name from track", 12, "track: 1 edit", lambda p: p[0], one)
    titled("Track", "select id, name from track", 4, "track: last word unfinished", lambda p: p[0])
    titled("Outcome", "select id, title from outcome", 16, "outcome: 1 edit", lambda p: p[0], one)
    titled("Outcome", "select id, title from outcome", 5, "outcome: last word unfinished", lambda p: p[0])
    titled("Source", "select id, publisher || ' ' || title from source", 14, "source: publisher and title, 2 edits in Publisher",
           lambda p: p[0], two_kinds)
    titled("Source", "select id, title from source", 14, "source: title, 1 edit", lambda p: p[0], one)
    titled("Source", "select id, title from source", 5, "source: last word unfinished", lambda p: p[0])
    titled("Talk", "select id, title from talk where id % 97 = 0", 10, "talk: title, 1 edit in track", lambda p: p[3], one)
    titled("Statement", "select id, quote from statement where id % 89 = 0 and quote ~ '(productive|difficult)'", 10,
           "statement: 2 edits in a word of 9 letters or more", lambda p: p[-1], two_kinds, words=lambda p: [p[0], p[1], p[-1]])

    # Beyond the rules: asked, reported apart, not counted.
    for word, spellings in BEYOND.items():
        for spelling in spellings:
            row = pick(bearers(word), 1)[0]
            given, surname, number = split_person(row)
            person(row, spelling if word == given else given, [spelling if w == word else w for w in surname], number,
                   "beyond the rules", f"{word} -> {spelling} ({osa(word.lower(), key(spelling))} edit{'s' if osa(word.lower(), key(spelling)) > 1 else ''}, "
                   f"{len(key(spelling))} letters)",
                   counted=False)
    tracks = {int(i): name for i, name in rows("select id, name from track")}
    row = pick(tracks, 1)[0]
    cases.append(case(tracks[row].replace("Track", "Trak"), "beyond the rules", "Track -> Trak (1 edit, 4 letters)", "Track", row,
                      tracks[row], counted=False))
    sources = {int(i): name for i, name in rows("select id, publisher || ' ' || title from source")}
    row = pick(sources, 1)[0]
    cases.append(case(sources[row].replace("Publisher", "Pblishr"), "beyond the rules", "Publisher -> Pblishr (2 edits, 7 letters)",
                      "Source", row, sources[row], counted=False))

    # A query whose unchanged form names several records of its kind ("Report 17" is also in
    # "Publisher 17 — Report 16") has no one right answer: asked, but left out of the count.
    tables = {label: table for label, table, *_ in SEARCHABLE}
    named = psql("\n".join(
        f"select count(*) || ' ' || bool_or(x.id = {c['row']}) from {tables[c['type']]} x where ts_filter(x.search, '{{a}}') "
        f"@@ websearch_to_tsquery('english', fold('{c['written'].replace(chr(39), chr(39) * 2)}'));" for c in cases)).split("\n")
    for c, line in zip(cases, named):
        count, includes = line.split(" ")
        if includes != "true":
            raise RuntimeError(f"{c['written']!r} does not name {c['type']} {c['row']}")
        c["ambiguous"] = int(count) > 1
        c["counted"] = c["counted"] and not c["ambiguous"]

    seen = set()
    for c in cases:
        if c["query"] in seen:
            raise RuntimeError(f"the typo set asks {c['query']!r} twice")
        seen.add(c["query"])
    if limit:  # a sample across every category (the smoke run)
        cases = cases[::max(1, len(cases) // limit)]
    return cases


def write_set(cases, path):
    with open(path, "w", newline="") as out:
        out.write("# Issue 22's typo set (generated by bench/search.py from bench/dataset.sql; seed %d).\n" % SEED)
        out.write("# counted: yes = within Parley's rules (one edit from 5 letters, two from 9, the shorter word's length counting;\n"
                  "# numbers and shorter words exact) and the unchanged query names the record alone among records of its kind\n"
                  "# (its words all in their name or title); no (beyond the rules) and no (ambiguous) are asked, reported apart.\n")
        writer = csv.writer(out, delimiter="\t", lineterminator="\n")
        writer.writerow(["query", "category", "change", "must find", "row", "its name or title", "counted"])
        for c in cases:
            writer.writerow([c["query"], c["category"], c["change"], c["type"], c["row"], c["name"], why_not(c) or "yes"])


def why_not(c):
    """Why a query is left out of the count, or None."""
    return None if c["counted"] else "no (ambiguous)" if c["ambiguous"] else "no (beyond the rules)"


# ---------------------------------------------------------------- servers and load

def global_id(label, row):
    return base64.urlsafe_b64encode(f"{label}:{row}".encode()).decode().rstrip("=")


def body(query):
    return json.dumps({"query": DOCUMENT, "variables": {"query": query}})


def ask(url, query):
    answer = post_body(url, body(query))
    if answer.get("errors") or "data" not in answer:
        raise SystemExit(f"{url} did not answer {query!r}: {json.dumps(answer)[:1000]}")
    return answer["data"]["search"]


def post_body(url, data):
    request = urllib.request.Request(url, data=data.encode(), headers={"Content-Type": "application/json", "Accept": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.load(response)


def rank(hits, c):
    wanted = (c["type"], global_id(c["type"], c["row"]))
    for position, hit in enumerate(hits, 1):
        if (hit["result"]["__typename"], hit["result"].get("id")) == wanted:
            return position
    return None


# Each wrk thread walks the set from its own starting point, one query after the other; answers
# carrying "errors" are counted, and the run fails on any (an error is quick to write).
WRK_SCRIPT = """
local bodies = {%s}
local threads = {}
local started = 0
function setup(thread)
  thread:set("first", started)
  started = started + 1
  table.insert(threads, thread)
end
function init(args)
  failed = 0
  next_body = (first * math.floor(#bodies / 2)) %% #bodies
end
function request()
  next_body = next_body %% #bodies + 1
  return wrk.format("POST", nil, {["Content-Type"] = "application/json"}, bodies[next_body])
end
function response(status, headers, body)
  if string.find(body, '"errors"', 1, true) then failed = failed + 1 end
end
function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do total = total + thread:get("failed") end
  io.write("GraphQL errors: " .. total .. "\\n")
end
"""


def wrk(url, cases, seconds, warm_up=False):
    script = os.path.join(WORK, "search.lua")
    with open(script, "w") as lua:
        lua.write(WRK_SCRIPT % ", ".join(json.dumps(body(c["query"])) for c in cases))
    output = subprocess.run(["wrk", "-t", "2", "-c", str(LOAD["connections"]), "-d", f"{seconds}s", "--timeout", "10s", "--latency",
                             "-s", script, url], check=True, capture_output=True, text=True).stdout
    if warm_up:
        return None
    if "Latency Distribution" not in output:
        raise RuntimeError(f"wrk gave no latency distribution:\n{output}")
    requests = int(re.search(r"(\d+) requests in", output).group(1))
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    errors = re.search(r"Socket errors: (.*)", output)
    graphql_errors = int(re.search(r"GraphQL errors: (\d+)", output).group(1))
    if requests == 0 or bad or errors or graphql_errors:
        raise RuntimeError(f"wrk saw failures against {url}:\n{output}")
    return {"requests": requests, "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
            "p50": to_ms(re.search(r"^\s+50%\s+(\S+)", output, re.M).group(1)),
            "p99": to_ms(re.search(r"^\s+99%\s+(\S+)", output, re.M).group(1))}


def to_ms(value):
    number, unit = re.match(r"([\d.]+)(\w+)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pids):
    """User and system time of the processes and of their waited-for children (compare.py's)."""
    total = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
            total += sum(int(v) for v in fields[11:15])
        except (FileNotFoundError, ProcessLookupError, IndexError):
            pass
    return total / CLOCK_TICKS


def pids_where(test):
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                if test(int(entry)):
                    found.append(int(entry))
            except (FileNotFoundError, ProcessLookupError):
                pass
    return found


def group_pids(group):
    return pids_where(lambda pid: os.getpgid(pid) == group)


def postgres_pids():
    return pids_where(lambda pid: open(f"/proc/{pid}/comm").read().strip() == "postgres")


def statements_executed():
    return int(psql(f"""select coalesce(sum(calls), 0) from pg_stat_statements s join pg_roles r on r.oid = s.userid
                        where r.rolname = '{PG['user']}'""") or 0)


def machine_busy():
    """CPU-seconds the whole machine has been busy (every process, the kernel's work included)."""
    with open("/proc/stat") as stat:
        user, nice, system, idle, iowait, irq, softirq, steal = (int(v) for v in stat.readline().split()[1:9])
    return (user + nice + system + irq + softirq + steal) / CLOCK_TICKS


def children_cpu():
    """CPU of this script's finished children (wrk, pgbench)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def measure_once(url, cases, group):
    """One measured wrk run: its figures, with CPU and SQL statements per request, and the CPU
    other processes on the machine used meanwhile (a run they disturbed shows there)."""
    psql("select pg_stat_statements_reset()")
    before = statements_executed()
    server_before, database_before = cpu_seconds(group_pids(group)), cpu_seconds(postgres_pids())
    machine_before, wrk_before, started = machine_busy(), children_cpu(), time.monotonic()
    measured = wrk(url, cases, LOAD["duration_s"])
    elapsed = time.monotonic() - started
    server = cpu_seconds(group_pids(group)) - server_before
    database = cpu_seconds(postgres_pids()) - database_before
    generator = children_cpu() - wrk_before
    measured["server_cpu_us"] = server / measured["requests"] * 1e6
    measured["database_cpu_us"] = database / measured["requests"] * 1e6
    measured["generator_cpu_us"] = generator / measured["requests"] * 1e6
    measured["others_cpus"] = max(0.0, machine_busy() - machine_before - server - database - generator) / elapsed
    measured["statements"] = (statements_executed() - before) / measured["requests"]
    return measured


def medians(runs):
    return {k: statistics.median(r[k] for r in runs) for k in runs[0] if k != "requests"}


def stop(process):
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
    except ProcessLookupError:
        pass
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def start(name):
    spec = CONFIG["servers"][name]
    address = urllib.parse.urlsplit(spec["url"])
    try:
        socket.create_connection((address.hostname, address.port), timeout=1).close()
        raise SystemExit(f"something already listens at {spec['url']}; stop it or choose other ports")
    except OSError:
        pass
    log = open(os.path.join(WORK, f"{name}.log"), "w")
    process = subprocess.Popen(spec["command"], cwd=spec["cwd"], env=dict(os.environ, **spec["env"]), stdout=log,
                               stderr=subprocess.STDOUT, start_new_session=True)
    wait_for_answer(spec["url"], '{ search(query: "Witkoff", first: 1) { score } }', process)
    return process


def accuracy(name, cases):
    """Every query asked once: the answers and the rank of the record each must find."""
    url = CONFIG["servers"][name]["url"]
    answers = {c["query"]: ask(url, c["query"]) for c in cases}
    ranks = {c["query"]: rank(answers[c["query"]], c) for c in cases}
    # An ambiguous query's unchanged form too: whether the typo or the ambiguity costs the rank.
    written_ranks = {c["query"]: rank(ask(url, c["written"]), c) for c in cases if c["ambiguous"]}
    print(f"{name}: rank 1 for {sum(1 for c in cases if c['counted'] and ranks[c['query']] == 1)} of "
          f"{sum(1 for c in cases if c['counted'])}", flush=True)
    return {"answers": answers, "ranks": ranks, "written_ranks": written_ranks}


def rounded(hits):
    return [dict(hit, score=round(hit["score"], 9)) for hit in hits]


def check_ceiling_statements(cases, answers):
    """The ceiling's statements answer exactly as Parley did, query for query."""
    script = "\n".join(search_sql(c["query"], FIRST) for c in cases) + "\n"
    lines = psql(script).split("\n")
    if len(lines) != len(cases):
        raise SystemExit(f"the ceiling statements gave {len(lines)} answers for {len(cases)} queries")
    for c, line in zip(cases, lines):
        theirs, ours = rounded(json.loads(line)["search"]), rounded(answers[c["query"]])
        if theirs != ours:
            raise SystemExit(f"the ceiling statement disagrees with Parley on {c['query']!r}:\nParley: {ours}\nSQL: {theirs}")


def ceiling_script(cases, protocol):
    """pgbench's script: each transaction one query of the set, at random. "simple": the
    statement with its values written in. "prepared": as Parley asks it, the values as
    parameters of a statement text shared by every query of the same shape (the same number of
    words, name variants or not), set by a first small select (\\gset) pgbench then binds."""
    lines = [f"\\set n random(0, {len(cases) - 1})"]
    if protocol == "simple":
        for n, c in enumerate(cases):
            lines += [("\\if" if n == 0 else "\\elif") + f" :n = {n}", search_sql(c["query"], FIRST)]
        return "\n".join(lines + ["\\endif"]) + "\n"
    shapes = {}
    for n, c in enumerate(cases):
        parameters = Parameters()
        shape = shapes.setdefault(search_sql(c["query"], FIRST, value=parameters), len(shapes))
        values = ", ".join(f"'{v.replace(chr(39), chr(39) * 2)}' as p{i}" for i, v in enumerate(parameters.values, 1))
        lines += [("\\if" if n == 0 else "\\elif") + f" :n = {n}", f"select {shape} as shape, {values} \\gset"]
    lines.append("\\endif")
    for text, shape in shapes.items():
        lines += [("\\if" if shape == 0 else "\\elif") + f" :shape = {shape}", text]
    return "\n".join(lines + ["\\endif"]) + "\n"


def pgbench_once(cases, protocol):
    """One run of the ceiling: pgbench's clients each ask the set's statements in random order
    (one script choosing among them: pgbench takes at most 128 script files), on the same
    connections; latencies from its per-transaction log, and PostgreSQL's CPU per statement,
    read while the clients are still connected. "simple" sends each statement as text, planned
    every time; "prepared" binds the values to statements prepared once per connection."""
    script = os.path.join(WORK, f"ceiling-{protocol}.sql")
    with open(script, "w") as sql:
        sql.write(ceiling_script(cases, protocol))
    logs = os.path.join(WORK, "pgbench-log")
    for old in os.listdir(WORK):
        if old.startswith("pgbench-log"):
            os.remove(os.path.join(WORK, old))
    # Settling first: with -M prepared each client prepares statements on their first use.
    settle = 3 if protocol == "simple" else 8
    # Its output to a file, not a pipe: the server's notices (a stop word alone in a tsquery:
    # "on" in a talk's title) fill a pipe nobody reads until the end, and pgbench then stalls.
    output_file = open(os.path.join(WORK, f"pgbench-{protocol}.out"), "w+")
    run = subprocess.Popen([CONFIG["pgbench"], "-n", "-h", "127.0.0.1", "-p", str(PG["port"]), "-U", PG["user"],
                            "-c", str(LOAD["connections"]), "-j", "2", "-T", str(LOAD["duration_s"] + settle + 1),
                            "-M", protocol, "-l", "--log-prefix", logs, "-f", script, PG["database"]],
                           stdout=output_file, stderr=subprocess.STDOUT, env=dict(os.environ, PGPASSWORD=PG["password"]))
    time.sleep(settle)
    window = (time.time(), time.time() + LOAD["duration_s"])
    before, machine_before, generator_before = cpu_seconds(postgres_pids()), machine_busy(), cpu_seconds([run.pid])
    time.sleep(LOAD["duration_s"])
    used = cpu_seconds(postgres_pids()) - before
    generator = cpu_seconds([run.pid]) - generator_before
    others = max(0.0, machine_busy() - machine_before - used - generator) / LOAD["duration_s"]
    run.wait()
    output_file.seek(0)
    if run.returncode != 0:
        raise RuntimeError(f"pgbench failed:\n{output_file.read()[-3000:]}")
    output_file.close()
    # The per-transaction log: client, transaction, latency (µs), script, epoch s, µs.
    latencies = []
    for name in os.listdir(WORK):
        if name.startswith("pgbench-log"):
            for line in open(os.path.join(WORK, name)):
                fields = line.split()
                if window[0] <= int(fields[4]) + int(fields[5]) / 1e6 < window[1]:
                    latencies.append(int(fields[2]) / 1000)
    latencies.sort()
    return {"tps": len(latencies) / LOAD["duration_s"], "p50": latencies[len(latencies) // 2],
            "p99": latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))], "database_cpu_us": used / len(latencies) * 1e6,
            "generator_cpu_us": generator / len(latencies) * 1e6, "others_cpus": others}


def breakdown(cases):
    """Where the database's time for a search goes, one client at a time (no contention): the
    whole statement; only its first part (the CTE q: the query's three tsqueries, where typos
    are looked up and words completed); and the rest with q's tsqueries given as constants (the
    index scans, ranking, snippets and JSON). Each statement is prepared once per connection
    (-M prepared), as Parley's are; mean latency per statement, round trip included."""
    tsqueries = psql("\n".join(
        f"select concat_ws(chr(1), {q.exact()}, {q.prefix()}, {q.forgiven()});" for q in map(ForgivingQuery, (c["query"] for c in cases))))
    given = []
    for c, line in zip(cases, tsqueries.split("\n")):
        statement = search_sql(c["query"], FIRST)
        head, tail = statement.index("with q as (select "), statement.index(" as forgiven), ")
        constants = ", ".join(f"'{t.replace(chr(39), chr(39) * 2)}'::tsquery as {name}"
                              for t, name in zip(line.split(chr(1)), ("exact", "prefix", "forgiven")))
        given.append(statement[:head] + "with q as (select " + constants[:-len(" as forgiven")] + statement[tail:])
    parts = {
        "whole statement": [search_sql(c["query"], FIRST) for c in cases],
        "the CTE q alone (building the forgiving tsqueries)": [
            f"select {q.exact()} as exact, {q.prefix()} as prefix, {q.forgiven()} as forgiven;"
            for q in map(ForgivingQuery, (c["query"] for c in cases))],
        "the rest, with q's tsqueries as constants (finding, ranking, snippets, JSON)": given,
    }
    results = {}
    for part, statements in parts.items():
        script = os.path.join(WORK, "breakdown.sql")
        with open(script, "w") as sql:
            sql.write(f"\\set n random(0, {len(statements) - 1})\n")
            for n, statement in enumerate(statements):
                sql.write(("\\if" if n == 0 else "\\elif") + f" :n = {n}\n{statement}\n")
            sql.write("\\endif\n")
        output = subprocess.run([CONFIG["pgbench"], "-n", "-h", "127.0.0.1", "-p", str(PG["port"]), "-U", PG["user"], "-c", "1",
                                 "-T", str(LOAD["breakdown_s"]), "-M", "prepared", "-f", script, PG["database"]],
                                check=True, capture_output=True, text=True, env=dict(os.environ, PGPASSWORD=PG["password"])).stdout
        results[part] = float(re.search(r"latency average = ([\d.]+) ms", output).group(1))
        print(f"  breakdown: {part}: {results[part]} ms", flush=True)
    # By kind of query: EXPLAIN ANALYZE of each statement (a second time, warm), q's share.
    plans = psql("\n".join(f"explain (analyze, format json) {search_sql(c['query'], FIRST)}" for c in cases * 2))
    decoder, position, found = json.JSONDecoder(), 0, []
    while position < len(plans):
        while position < len(plans) and plans[position].isspace():
            position += 1
        if position < len(plans):
            plan, position = decoder.raw_decode(plans, position)
            found.append(plan[0])
    by_category = {}
    for c, plan in zip(cases, found[len(cases):]):
        q = next(n for n in walk(plan["Plan"]) if n.get("Subplan Name") == "CTE q")
        by_category.setdefault(c["category"], []).append((plan["Execution Time"], q["Actual Total Time"], plan["Planning Time"]))
    results["by category"] = {k: tuple(statistics.mean(x[i] for x in v) for i in range(3)) for k, v in by_category.items()}
    return results


def walk(node):
    yield node
    for child in node.get("Plans", []):
        yield from walk(child)


# ---------------------------------------------------------------- the report

def share(ranks, cases, test):
    chosen = [c for c in cases if test(c)]
    hits1 = sum(1 for c in chosen if ranks[c["query"]] == 1)
    hits3 = sum(1 for c in chosen if ranks[c["query"]] is not None and ranks[c["query"]] <= 3)
    found = sum(1 for c in chosen if ranks[c["query"]] is not None)
    return len(chosen), hits1, hits3, found


def pct(part, whole):
    return f"{100 * part / whole:.1f}%" if whole else "—"


def first_hit(hits):
    if not hits:
        return "nothing"
    r = hits[0]["result"]
    label = r.get("name") or r.get("title") or r.get("publisher") or r.get("quote") or r.get("purpose") or r["__typename"]
    return f"{r['__typename']} \"{label}\" (score {hits[0]['score']:.3f})"


def report(cases, new, old, ceilings, parts, set_path):
    # The stricter ceiling is the higher one.
    ceiling = max(ceilings.values(), key=lambda c: c["tps"])
    counted = [c for c in cases if c["counted"]]
    servers = [("new", "Parley (issue 22)", new)] + ([("old", "today's Parley (42c0be3)", old)] if old else [])
    lines = [
        "<!-- bench:search -->",
        "",
        "## Measured (issue 22)",
        "",
        f"- Date: {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}",
        f"- Machine: {CONFIG['machine']}",
        f"- Load average (1/5/15 min) before: {' / '.join(f'{v:.2f}' for v in CONFIG['load_before'])}, after: "
        f"{' / '.join(f'{v:.2f}' for v in os.getloadavg())}",
        f"- Versions: {CONFIG['versions']}",
        f"- Dataset: bench/dataset.sql ({CONFIG['dataset']}); search vocabulary: {CONFIG['vocabulary']}",
        f"- Typo set: [{os.path.relpath(set_path, CONFIG['root'])}](../{os.path.relpath(set_path, CONFIG['root'])}), "
        f"{len(counted)} queries counted, plus {sum(1 for c in cases if c['ambiguous'])} whose unchanged form is ambiguous and "
        f"{sum(1 for c in cases if not c['counted'] and not c['ambiguous'])} beyond the rules (asked, reported apart); seed {SEED}",
        f"- Query: `search(query: $query, first: {FIRST}) {{ score snippet result {{ __typename ... on T {{ id <fields> }} }} }}` "
        "(the fields of bench/forgiving.py's SEARCH_RESULT_FIELDS), the query as a variable",
        f"- Load: wrk, {LOAD['connections']} connections, each of its 2 threads walking the set from its own point; the ceiling: pgbench, "
        f"same connections, each transaction one of the set's statements (bench/forgiving.py: the new Parley's) at random. Both "
        f"servers up at once (each on its database), {LOAD['warmup_s']} s warm-up each, then {LOAD['repetitions']} rounds of "
        f"{LOAD['duration_s']} s each in turn: the new Parley, today's, the ceiling prepared, the ceiling simple; medians of the rounds",
        f"- Reproduce: `{CONFIG['command']}`",
        "",
        "### Accuracy: the record each query must find, at rank 1 and in the first 3",
        "",
        "| Queries | n | " + " | ".join(f"{label}: rank 1 | rank <= 3" for _, label, _ in servers) + " |",
        "|---|---|" + "---|---|" * len(servers),
    ]
    categories = []
    for c in cases:
        if c["category"] not in categories:
            categories.append(c["category"])

    def row(title, test):
        cells = []
        n = 0
        for _, _, result in servers:
            n, one, three, _ = share(result["ranks"], cases, test)
            cells.append(f"{one} ({pct(one, n)}) | {three} ({pct(three, n)})")
        return f"| {title} | {n} | " + " | ".join(cells) + " |"

    lines.append(row("**all within the rules**", lambda c: c["counted"]))
    for category in categories:
        if any(c["counted"] for c in cases if c["category"] == category):
            lines.append(row(category, lambda c, k=category: c["counted"] and c["category"] == k))
    for kind in EDITS:
        lines.append(row(f"with an edit by {kind}", lambda c, k=kind: c["counted"] and k in c["kinds"]))
    lines.append("")

    misses = [c for c in counted if new["ranks"][c["query"]] != 1]
    if misses:
        lines += ["Within the rules, the new search missed rank 1 for:", "",
                  "| Query | Change | Must find | Its rank | First instead |", "|---|---|---|---|---|"]
        for c in misses:
            lines.append(f"| {c['query']} | {c['change']} | {c['type']} \"{c['name']}\" | {new['ranks'][c['query']] or 'not in 10'} | "
                         f"{first_hit(new['answers'][c['query']])} |")
        lines.append("")
    left_out = [c for c in cases if not c["counted"]]
    lines += ["Left out of the count: queries beyond the rules, and queries whose unchanged form names several records of its",
              "kind (rank of the unchanged form in brackets):", "",
              "| Query | Change | Must find | Why left out | " + " | ".join(f"{label}: rank" for _, label, _ in servers) + " |",
              "|---|---|---|---|" + "---|" * len(servers)]
    for c in left_out:
        cells = []
        for _, _, result in servers:
            cell = str(result["ranks"][c["query"]] or "not in 10")
            if c["query"] in result["written_ranks"]:
                cell += f" ({result['written_ranks'][c['query']] or 'not in 10'})"
            cells.append(cell)
        lines.append(f"| {c['query']} | {c['change']} | {c['type']} \"{c['name']}\" | {why_not(c)[4:-1]} | " + " | ".join(cells) + " |")
    lines.append("")

    lines += [
        "### Throughput and latency, rotating through the whole set",
        "",
        "\"of the ceiling\" is throughput as a share of the higher of the two ceilings: pgbench -M prepared binds each query's values",
        "to statements prepared once per connection, as Parley's JDBC driver does (PostgreSQL then runs a generic plan);",
        "-M simple sends each statement as text with its values written in, planned every time. CPU per request is the",
        "server's processes' and PostgreSQL's (all its processes) user and system time over each run, per request.",
        "",
        "| | requests/s | p50 ms | p99 ms | SQL statements / request | CPU / request, µs: server | PostgreSQL | load generator "
        "| RSS after load, MiB | of the ceiling |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for _, label, result in servers:
        m = result["load"]
        lines.append(f"| {label} | {m['rps']:.0f} | {m['p50']:.2f} | {m['p99']:.2f} | {m['statements']:.2f} | {m['server_cpu_us']:.0f} | "
                     f"{m['database_cpu_us']:.0f} | {m['generator_cpu_us']:.0f} (wrk) | {m['rss_after_load']:.0f} | "
                     f"{pct(m['rps'], ceiling['tps'])} |")
    for protocol, measured in ceilings.items():
        lines.append(f"| database ceiling: the new statements through pgbench -M {protocol} | {measured['tps']:.0f} tps | "
                     f"{measured['p50']:.2f} | {measured['p99']:.2f} | {'2 (a select of the values, then the search)' if protocol == 'prepared' else '1'} "
                     f"| | {measured['database_cpu_us']:.0f} | {measured['generator_cpu_us']:.0f} (pgbench) | | "
                     f"{'100%' if measured is ceiling else pct(measured['tps'], ceiling['tps'])} |")
    lines += [
        "",
        "Each round in turn (requests/s; CPUs' worth other processes on the machine used meanwhile, which a disturbed run shows):",
        "",
        "| Round | " + " | ".join(label for _, label, _ in servers) + " | " + " | ".join(f"ceiling, -M {p}" for p in ceilings) + " |",
        "|---|" + "---|" * (len(servers) + len(ceilings)),
        *[f"| {n + 1} | " + " | ".join(f"{r['rps']:.0f}; {r['others_cpus']:.2f}" for r in
                                         [result["runs"][n] for _, _, result in servers])
          + " | " + " | ".join(f"{c['runs'][n]['tps']:.0f}; {c['runs'][n]['others_cpus']:.2f}" for c in ceilings.values()) + " |"
          for n in range(len(new["runs"]))],
        "",
    ]

    ok_accuracy = share(new["ranks"], cases, lambda c: c["counted"])
    of_ceiling = new["load"]["rps"] / ceiling["tps"] if ceiling["tps"] else 0
    lines += [
        "| Target (issue 22) | Measured | Met? |",
        "|---|---|---|",
        f"| >= 200 queries{' (this sample is smaller)' if CONFIG.get('limit') else ''}, rank 1 for >= {ACCURACY_TARGET:.0%} | {ok_accuracy[0]} queries, rank 1 for {ok_accuracy[1]} "
        f"({pct(ok_accuracy[1], ok_accuracy[0])}) | {'yes' if ok_accuracy[0] >= 200 and ok_accuracy[1] >= ACCURACY_TARGET * ok_accuracy[0] else 'no'} |",
        f"| throughput >= {CEILING_TARGET:.0%} of the database ceiling | {new['load']['rps']:.0f} req/s of {ceiling['tps']:.0f}: "
        f"{pct(new['load']['rps'], ceiling['tps'])} | {'yes' if of_ceiling >= CEILING_TARGET else 'no'} |",
    ]
    if old:
        lines.append(f"| beside today's | {new['load']['rps'] / old['load']['rps']:.2f}x today's throughput, p99 "
                     f"{new['load']['p99']:.1f} against {old['load']['p99']:.1f} ms | |")
    cpus = os.cpu_count()
    m = new["load"]
    lines += [
        "",
        "### What bounds it",
        "",
        f"Every process shares {cpus} CPUs, so requests/s can at most reach {cpus} CPU-seconds over the CPU one request costs: "
        f"the new Parley's {m['server_cpu_us']:.0f} µs in the server, {m['database_cpu_us']:.0f} µs in PostgreSQL and "
        f"{m['generator_cpu_us']:.0f} in wrk allow {cpus * 1e6 / (m['server_cpu_us'] + m['database_cpu_us'] + m['generator_cpu_us']):.0f} "
        f"requests/s ({m['rps']:.0f} measured); the ceiling's {ceiling['database_cpu_us']:.0f} µs in PostgreSQL and "
        f"{ceiling['generator_cpu_us']:.0f} in pgbench allow {cpus * 1e6 / (ceiling['database_cpu_us'] + ceiling['generator_cpu_us']):.0f} "
        f"({ceiling['tps']:.0f} measured). "
        f"PostgreSQL's share is {100 * m['database_cpu_us'] / (m['server_cpu_us'] + m['database_cpu_us']):.0f}% of a request's CPU. "
        "Server CPU per request by round: "
        + "; ".join(f"{label} {', '.join(f'{v:.0f}' for v in result['load']['server_cpu_by_round'])} µs" for _, label, result in servers)
        + ".",
        "",
        f"Where PostgreSQL's time goes, one client at a time (pgbench -c 1 -M prepared, {LOAD['breakdown_s']} s each, mean latency "
        "per statement, round trip included):",
        "",
        "| Statement | ms |",
        "|---|---|",
        *[f"| {part} | {value:.2f} |" for part, value in parts.items() if part != "by category"],
        "",
        "By kind of query (EXPLAIN ANALYZE of each statement, warm, means; planning is what -M simple adds):",
        "",
        "| Queries | execution, ms | of which the CTE q, ms | planning, ms |",
        "|---|---|---|---|",
        *[f"| {category} | {ex:.2f} | {q:.2f} | {plan:.2f} |" for category, (ex, q, plan) in parts["by category"].items()],
    ]
    lines += ["", "<!-- /bench:search -->"]
    return "\n".join(lines) + "\n"


INTRO = """# Search that forgives

Search forgives typos the way search engines do (issue 22): one edit in words of 5 to 8 letters,
two from 9, name variants, the last word completed. What follows between the markers is written
by `bench/search.sh`.

"""


def write_report(text):
    output = CONFIG["output"]
    existing = open(output).read() if os.path.exists(output) else INTRO
    start, end = "<!-- bench:search -->", "<!-- /bench:search -->"
    if start in existing and end in existing:
        existing = existing[:existing.index(start)] + text + existing[existing.index(end) + len(end) + 1:]
    else:
        existing = existing.rstrip("\n") + "\n\n" + text
    with open(output, "w") as out:
        out.write(existing)
    print(f"wrote {output}")


def main():
    CONFIG["load_before"] = os.getloadavg()
    cases = typo_set(CONFIG.get("limit"))
    write_set(cases, CONFIG["typo_set"])
    print(f"{len(cases)} queries ({sum(1 for c in cases if c['counted'])} counted) -> {CONFIG['typo_set']}", flush=True)
    names = list(CONFIG["servers"])
    processes = {}
    try:
        # Every server up at once (each on its own port and database), so that the runs below
        # can take turns: drift in what else the machine does then falls on all of them alike.
        for name in names:
            processes[name] = start(name)
        results = {name: accuracy(name, cases) for name in names}
        check_ceiling_statements(cases, results["parley"]["answers"])
        for name in names:
            wrk(CONFIG["servers"][name]["url"], cases, LOAD["warmup_s"], warm_up=True)
        runs = {name: [] for name in names + ["prepared", "simple"]}
        for repetition in range(LOAD["repetitions"]):
            for name in names:
                runs[name].append(measure_once(CONFIG["servers"][name]["url"], cases, processes[name].pid))
                print(f"  {name}, run {repetition + 1}: {runs[name][-1]}", flush=True)
            for protocol in ("prepared", "simple"):
                runs[protocol].append(pgbench_once(cases, protocol))
                print(f"  ceiling ({protocol}), run {repetition + 1}: {runs[protocol][-1]}", flush=True)
        for name in names:
            results[name]["load"] = dict(medians(runs[name]), rss_after_load=rss_mib(processes[name].pid),
                                         server_cpu_by_round=[r["server_cpu_us"] for r in runs[name]])
            results[name]["runs"] = runs[name]
    finally:
        for process in processes.values():
            stop(process)
    ceilings = {protocol: dict(medians(runs[protocol]), runs=runs[protocol]) for protocol in ("prepared", "simple")}
    parts = breakdown(cases)
    with open(os.path.join(WORK, "results.json"), "w") as saved:  # for report_only()
        json.dump({"cases": cases, "results": results, "ceilings": ceilings, "parts": parts}, saved)
    write_report(report(cases, results["parley"], results.get("parley-old"), ceilings, parts, CONFIG["typo_set"]))


def report_only():
    """Writes the report again from the last run's results (search.py CONFIG.json --report)."""
    saved = json.load(open(os.path.join(WORK, "results.json")))
    results = saved["results"]
    write_report(report(saved["cases"], results["parley"], results.get("parley-old"), saved["ceilings"], saved["parts"],
                        CONFIG["typo_set"]))


if __name__ == "__main__":
    report_only() if sys.argv[2:] == ["--report"] else main()
