#!/usr/bin/env python3
"""Single writes through Parley and PostGraphile 5 (issue 25), one server after the other on the
same database and machine: create a person, record a talk with three participants and two
citations, update a talk's title at its expected version. wrk drives each write with bodies that
differ per request (new names, new rows, the next version); SQL statements per request come from
pg_stat_statements, CPU per request from /proc, and each write's database ceiling is pgbench
replaying, in one transaction, the statements Parley issues for it (triggers fire there too).
After every measured run the database is asked whether each answered request wrote what it should.

Usage: mutations.py CONFIG.json   (written by bench/vs-postgraphile.sh --writes or --smoke)
Writes a "Writes" section into CONFIG's output, between <!-- writes --> and <!-- /writes -->.
"""
import base64
import json
import os
import statistics
import subprocess
import sys
import time

from compare import (CLOCK_TICKS, CONFIG, LOAD, PG, WORK, cpu_now, global_id, group_pids, percent, pgbench_script,
                     port_is_free, psql, ratio, run_wrk, statements_executed, stop)
from server import post, rss_mib, wait_for_answer

# The issue's targets for writes: at least 1.5x PostGraphile's throughput with p99 no worse, and
# at least 60% of the database ceiling.
POSTGRAPHILE_TARGET = 1.5
WARM_COMPILER_SHARE = 0.05  # warm_up
WARM_STEADY = 0.05
CEILING_TARGET = 0.60

ISSUER = "https://bench.parley.invalid"
SUBJECT = "bench-editor"
PEOPLE = 5000  # bench/dataset.sql's people, sources and talks
SOURCES = 200
TALKS = 50000
# The talks the update benchmark edits (each wrk thread its own half, round robin): with 8
# connections per thread and 1,000 talks per thread, a talk's previous edit answered long before
# the next is sent, so each request's expected version is the one its thread last wrote.
UPDATED_FIRST = 10001
UPDATED_PER_THREAD = 1000
THREADS = 2  # compare.run_wrk's -t
# Rows a run creates are told apart by a tag in their name; PostGraphile's talks get row ids
# chosen by the client, above every talk there is and far above the identity sequence Parley
# advances (Parley runs first), 10,000,000 apart per wrk thread.
POSTGRAPHILE_TALK_IDS = 1_000_000_000

# ---------------------------------------------------------------- Lua for wrk

# Every request's body comes from body(n): n counts this thread's requests from 1; serial(n)
# numbers it across threads. An answer that is
# not HTTP 200 or carries "errors" counts as failed; the first is printed to say why; any other
# goes to observe(answer) when the write defines it. wrk calls request() once more than it sends
# (on thread 0, to check the script), so body(n) must not change what later requests depend on.
LUA_PRELUDE = """
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local threads = {}
function setup(thread)
  thread:set("thread_index", #threads)
  table.insert(threads, thread)
end
function init(args)
  failed = 0
  first_failure = ""
  sent = 0
  run_base = tonumber(args[1])
end
function request()
  sent = sent + 1
  return wrk.format(nil, nil, nil, body(sent))
end
function response(status, headers, answer)
  if status ~= 200 or string.find(answer, '"errors"', 1, true) then
    failed = failed + 1
    if first_failure == "" then first_failure = string.sub(answer, 1, 600) end
  elseif observe then
    observe(answer)
  end
end
function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do
    total = total + thread:get("failed")
    local first = thread:get("first_failure")
    if first ~= "" then io.write("first failure: " .. first .. "\\n") end
  end
  io.write("GraphQL errors: " .. total .. "\\n")
end
-- a request's number across threads: unique within the run
function serial(n) return thread_index * 10000000 + n end
-- A name of words the vocabulary (search_word) already holds, as bench/dataset.sql makes them:
-- every new word would make the search vocabulary trigger's later scans longer (docs/benchmarks.md).
local first_names = {"Steve", "Kirill", "Jared", "Dmitry", "Sergey", "Marco", "Rustem", "Andriy", "Hakan", "Sheikh"}
local surnames = {"Witkoff", "Dmitriev", "Kushner", "Peskov", "Lavrov", "Rubio", "Umerov", "Yermak", "Fidan", "Al Thani"}
function known_name(s)
  return first_names[s % 10 + 1] .. " " .. surnames[math.floor(s / 10) % 10 + 1] .. " " .. (s % PEOPLE + 1)
end
"""


def lua_string(value):
    """A Lua string literal of ASCII text (json.dumps escapes as Lua 5.1 reads them, for ASCII)."""
    if not value.isascii():
        raise ValueError(f"not ASCII: {value!r}")
    return json.dumps(value)


def lua_table(values):
    return "{" + ", ".join(lua_string(v) if isinstance(v, str) else str(v) for v in values) + "}"


def body_function(query, variables_lua):
    """Lua function body(n) returning {"query": query, "variables": <variables_lua>}, where
    variables_lua is a Lua expression building the variables' JSON text."""
    return (f"local query_json = {lua_string(json.dumps(query))}\n"
            f"function body(n)\n  return '{{\"query\":' .. query_json .. ',\"variables\":' .. {variables_lua} .. '}}'\nend\n")


# ---------------------------------------------------------------- the writes

# Talk inputs the benchmark records: three different people of the dataset and two sources,
# chosen from the request's serial number so that rows spread over the tables as real writes do.
RECORD_TALK_PEOPLE = """
local function talk_people(s)
  local first = (3 * s) % (PEOPLE - 2)
  return first + 1, first + 2, first + 3
end
local function talk_sources(s)
  local first = s % (SOURCES - 1)
  return first + 1, first + 2
end
"""

# An update's answer names the talk and its new version: the next edit of that talk expects it.
UPDATE_OBSERVE = """
function observe(answer)
  local key, version = string.match(answer, 'KEY_PATTERN')
  if key and KEY_INDEX[key] then versions[KEY_INDEX[key]] = tonumber(version) end
end
"""

# pgbench variables each write's ceiling and lean ceiling share: the request's number, the people
# and sources a talk names (record a talk), the dataset talk an update edits (update a title).
TALK_VARIABLES = r"""\set k random(1, 1000000000)
\set n :k % 50000 + 1
\set t :k % 50 + 1
\set a random(1, 4998)
\set b :a + 1
\set c :a + 2
\set x random(1, 199)
\set y :x + 1
"""
UPDATE_VARIABLES = r"""\set id random(10001, 50000)
\set track 1 + :id % 50
\set a 1 + (:id * 7) % 5000
\set b 1 + (:id * 7 + 1667) % 5000
\set c 1 + (:id * 7 + 3334) % 5000
\set x 1 + (:id * 3) % 200
\set y 1 + (:id * 3 + 101) % 200
"""

WRITES = [
    {
        "name": "create a person",
        "what": "createPerson with a name, country and summary; answers id and version",
        "parley": {
            "query": "mutation($input: PersonInput!) { createPerson(input: $input) { id version } }",
            "lua": """string.format('{"input":{"name":"%s","countryCode":"US","summary":"Official %d of the delegation."}}', known_name(serial(n)), serial(n) % PEOPLE + 1)""",
        },
        "postgraphile": {
            "query": "mutation($person: PersonInput!) { createPerson(input: {person: $person}) { person { id version } } }",
            "lua": """string.format('{"person":{"name":"%s","countryCode":"US","summary":"Official %d of the delegation."}}', known_name(serial(n)), serial(n) % PEOPLE + 1)""",
        },
        # What the run wrote: its people, and those of them with a revision (the audit trigger).
        "check": """select count(*), count(*) filter (where country_code = 'US' and version = 0
                        and exists (select 1 from revision r where r.node_type = 'PERSON' and r.record_id = p.id and r.action = 'CREATED'))
                    from person p where id > $person_before""",
        # Parley's statements for createPerson (pg_stat_statements, docs/benchmarks.md), in one
        # transaction; COMMIT runs the change feed's deferred trigger (advisory lock, change_log).
        "ceiling": r"""\set k random(1, 1000000000)
\set n :k % 5000 + 1
BEGIN;
select set_config('parley.actor', 'bench-editor', true);
insert into person (alias_languages, aliases, birth_date, country_code, name, summary, updated_at, version, wikidata_id) values ('{}', '{}', null, 'US', 'Steve Witkoff ' || :n, 'Official ' || :n || ' of the delegation.', now(), 0, null) returning * \gset
select cast(json_build_object('__typename', 'Person', 'id', graphql_id('Person', j1.id), 'version', j1.version) as text) from person j1 where j1.id = :id;
COMMIT;
""",
        # The same write without the statement that reads the answer back (id and version are
        # known once the insert returned).
        "lean": "the answer from the insert's returned row, not read back",
        "lean_ceiling": r"""\set k random(1, 1000000000)
\set n :k % 5000 + 1
BEGIN;
select set_config('parley.actor', 'bench-editor', true);
insert into person (alias_languages, aliases, birth_date, country_code, name, summary, updated_at, version, wikidata_id) values ('{}', '{}', null, 'US', 'Steve Witkoff ' || :n, 'Official ' || :n || ' of the delegation.', now(), 0, null) returning *;
COMMIT;
""",
    },
    {
        "name": "record a talk",
        "what": "a talk with three participants and two citations; answers id and version",
        "parley": {
            "query": "mutation($input: TalkInput!) { recordTalk(input: $input) { id version } }",
            "setup": lambda known: RECORD_TALK_PEOPLE + f"people = {lua_table(global_id('Person', i) for i in range(1, PEOPLE + 1))}\n"
                                                        f"sources = {lua_table(global_id('Source', i) for i in range(1, SOURCES + 1))}\n",
            "lua": """(function()
  local s = serial(n)
  local a, b, c = talk_people(s)
  local x, y = talk_sources(s)
  return string.format('{"input":{"title":"Talk %d on track %d","date":"2025-03-01","participants":['
    .. '{"personId":"%s","role":"HOST"},{"personId":"%s","role":"VISITOR"},{"personId":"%s","role":"MEDIATOR"}],'
    .. '"citations":[{"sourceId":"%s","excerpt":"Passage 0 of bench talk %d."},{"sourceId":"%s","excerpt":"Passage 1 of bench talk %d."}]}}',
    s % TALKS + 1, s % 50 + 1, people[a], people[b], people[c], sources[x], s, sources[y], s)
end)()""",
        },
        # PostGraphile creates one row per mutation field: the talk with a row id the client
        # chose (the others must name it), then its participants and citations, in one request.
        "postgraphile": {
            "query": """mutation($talk: TalkInput!, $p0: TalkParticipantInput!, $p1: TalkParticipantInput!, $p2: TalkParticipantInput!,
                $c0: CitationInput!, $c1: CitationInput!) {
              talk: createTalk(input: {talk: $talk}) { talk { id version } }
              p0: createTalkParticipant(input: {talkParticipant: $p0}) { clientMutationId }
              p1: createTalkParticipant(input: {talkParticipant: $p1}) { clientMutationId }
              p2: createTalkParticipant(input: {talkParticipant: $p2}) { clientMutationId }
              c0: createCitation(input: {citation: $c0}) { clientMutationId }
              c1: createCitation(input: {citation: $c1}) { clientMutationId } }""",
            "setup": lambda known: RECORD_TALK_PEOPLE,
            "lua": """(function()
  local s = serial(n)
  local id = string.format('%d', run_base + s)
  local a, b, c = talk_people(s)
  local x, y = talk_sources(s)
  return string.format('{"talk":{"rowId":"%s","title":"Talk %d on track %d","date":"2025-03-01"},'
    .. '"p0":{"talkId":"%s","ordinal":0,"personId":"%d","role":"HOST"},'
    .. '"p1":{"talkId":"%s","ordinal":1,"personId":"%d","role":"VISITOR"},'
    .. '"p2":{"talkId":"%s","ordinal":2,"personId":"%d","role":"MEDIATOR"},'
    .. '"c0":{"talkId":"%s","ordinal":0,"sourceId":"%d","excerpt":"Passage 0 of bench talk %d."},'
    .. '"c1":{"talkId":"%s","ordinal":1,"sourceId":"%d","excerpt":"Passage 1 of bench talk %d."}}',
    id, s % TALKS + 1, s % 50 + 1, id, a, id, b, id, c, id, x, s, id, y, s)
end)()""",
        },
        "check": """select count(*), count(*) filter (where t.version = 0 and t.status = 'HELD' and t.format = 'IN_PERSON' and t.date_precision = 'DAY'
                        and (select string_agg(tp.role, ',' order by tp.ordinal) from talk_participant tp where tp.talk_id = t.id) = 'HOST,VISITOR,MEDIATOR'
                        and (select count(*) from citation c where c.talk_id = t.id) = 2
                        and exists (select 1 from revision r where r.node_type = 'TALK' and r.record_id = t.id and r.action = 'CREATED'))
                    from talk t where id > $talk_before""",
        # Parley's statements for recordTalk: the merged-people lookup, the existence counts of
        # people and sources (Hibernate pads an in-list of 3 to 4), the talk, its rows, the
        # subscription notice, the answer.
        "ceiling": TALK_VARIABLES + r"""BEGIN;
select set_config('parley.actor', 'bench-editor', true);
select merged_id, kept_id from person_merge where merged_id in (:a, :b, :c);
select count(*) from person p1_0 where p1_0.id in (:a, :b, :c, :c);
select count(*) from source s1_0 where s1_0.id in (:x, :y);
insert into talk (closed_door, date, date_precision, ends_at, format, location_city, location_country_code, location_geonames_id, location_latitude, location_longitude, location_name, starts_at, status, summary, title, track_id, updated_at, version) values (false, '2025-03-01', 'DAY', null, 'IN_PERSON', null, null, null, null, null, null, null, 'HELD', null, 'Talk ' || :n || ' on track ' || :t, null, now(), 0) returning * \gset
insert into talk_participant (talk_id, ordinal, envoy_id, person_id, role) values (:id, 0, null, :a, 'HOST'), (:id, 1, null, :b, 'VISITOR'), (:id, 2, null, :c, 'MEDIATOR');
insert into citation (talk_id, ordinal, excerpt, source_id) values (:id, 0, 'Passage 0 of ceiling talk ' || :k, :x), (:id, 1, 'Passage 1 of ceiling talk ' || :k, :y);
select pg_notify('parley_changes', 'TALK:' || :id || ':');
select cast(json_build_object('__typename', 'Talk', 'id', graphql_id('Talk', j1.id), 'version', j1.version) as text) from talk j1 where j1.id = :id;
COMMIT;
""",
        "lean": "the merged-people lookup and the two existence counts as one statement; the answer not read back",
        "lean_ceiling": TALK_VARIABLES + r"""BEGIN;
select set_config('parley.actor', 'bench-editor', true);
select array(select array[merged_id, kept_id] from person_merge where merged_id in (:a, :b, :c)), (select count(*) from person where id in (:a, :b, :c)), (select count(*) from source where id in (:x, :y));
insert into talk (closed_door, date, date_precision, ends_at, format, location_city, location_country_code, location_geonames_id, location_latitude, location_longitude, location_name, starts_at, status, summary, title, track_id, updated_at, version) values (false, '2025-03-01', 'DAY', null, 'IN_PERSON', null, null, null, null, null, null, null, 'HELD', null, 'Talk ' || :n || ' on track ' || :t, null, now(), 0) returning * \gset
insert into talk_participant (talk_id, ordinal, envoy_id, person_id, role) values (:id, 0, null, :a, 'HOST'), (:id, 1, null, :b, 'VISITOR'), (:id, 2, null, :c, 'MEDIATOR');
insert into citation (talk_id, ordinal, excerpt, source_id) values (:id, 0, 'Passage 0 of ceiling talk ' || :k, :x), (:id, 1, 'Passage 1 of ceiling talk ' || :k, :y);
select pg_notify('parley_changes', 'TALK:' || :id || ':');
COMMIT;
""",
    },
    {
        "name": "update a talk's title",
        "what": "a dataset talk's new title at its expected version; answers id and version",
        # Parley's TalkInput replaces the whole talk: the request repeats every other field,
        # participants and citations included, as a client that read the talk sends it.
        "parley": {
            "query": "mutation($id: ID!, $version: Int, $input: TalkInput!) { updateTalk(id: $id, expectedVersion: $version, input: $input) { id version } }",
            "setup": lambda known: (f"talk_ids = {lua_table(t['gid'] for t in known['talks'])}\n"
                                    f"talk_rows = {lua_table(t['row'] for t in known['talks'])}\n"
                                    f"talk_rest = {lua_table(t['rest'] for t in known['talks'])}\n"
                                    f"versions = {lua_table(t['version'] for t in known['talks'])}\n"
                                    + UPDATE_OBSERVE.replace("KEY_PATTERN", '"id":"([^"]+)","version":(%d+)')
                                    .replace("KEY_INDEX", "talk_index")
                                    + "talk_index = {}\nfor i, id in ipairs(talk_ids) do talk_index[id] = i end\n"),
            "lua": """(function()
  local i = thread_index * PER_THREAD + (n - 1) % PER_THREAD + 1
  local v = versions[i]
  return string.format('{"id":"%s","version":%d,"input":{"title":"Talk %d, edit %d",%s}}', talk_ids[i], v, talk_rows[i], v + 1, talk_rest[i])
end)()""",
        },
        # No expected version in PostGraphile's CRUD mutations: updateTalkByRowId changes the row
        # whatever its version. The patch sets the next version so that both leave the same row.
        "postgraphile": {
            "query": "mutation($id: BigInt!, $patch: TalkPatch!) { updateTalkByRowId(input: {rowId: $id, talkPatch: $patch}) { talk { rowId version } } }",
            "setup": lambda known: (f"talk_rows = {lua_table(t['row'] for t in known['talks'])}\n"
                                    f"versions = {lua_table(t['version'] for t in known['talks'])}\n"
                                    + UPDATE_OBSERVE.replace("KEY_PATTERN", '"rowId":"(%d+)","version":(%d+)')
                                    .replace("KEY_INDEX", "row_index")
                                    + "row_index = {}\nfor i, row in ipairs(talk_rows) do row_index[tostring(row)] = i end\n"),
            "lua": """(function()
  local i = thread_index * PER_THREAD + (n - 1) % PER_THREAD + 1
  local v = versions[i]
  return string.format('{"id":"%d","patch":{"title":"Talk %d, edit %d","version":%d}}', talk_rows[i], talk_rows[i], v + 1, v + 1)
end)()""",
        },
        # Edits this run made: revisions of the edited talks since the run began, and those that
        # changed the title alone (participants and citations rewritten unchanged leave no trace).
        "check": """select count(*), count(*) filter (where r.action = 'UPDATED' and jsonb_array_length(r.changes) = 1
                        and r.changes -> 0 ->> 'field' = 'title' and r.version is not null)
                    from revision r where r.node_type = 'TALK' and r.record_id between $first and $last and r.id > $revision_before""",
        # Parley's statements for updateTalk: the talk read for update with its participants and
        # citations (one select: Hibernate joins them), the update at the expected version, the
        # notice, the answer. The edit repeats the talk's track, people and sources, which the
        # stored talk vouches for: no lookups (RecordService.noteReferences). The joined select
        # answers a row per participant and citation, which pgbench's \gset refuses, so the
        # update takes the next version from the row it updates (the same row, found the same way).
        "ceiling": UPDATE_VARIABLES + r"""BEGIN;
select set_config('parley.actor', 'bench-editor', true);
select t1_0.id, c1_0.talk_id, c1_0.ordinal, c1_0.excerpt, c1_0.source_id, t1_0.closed_door, t1_0.date, t1_0.date_precision, t1_0.ends_at, t1_0.format, t1_0.location_city, t1_0.location_country_code, t1_0.location_geonames_id, t1_0.location_latitude, t1_0.location_longitude, t1_0.location_name, p1_0.talk_id, p1_0.ordinal, p1_0.envoy_id, p1_0.person_id, p1_0.role, t1_0.starts_at, t1_0.status, t1_0.summary, t1_0.title, t1_0.track_id, t1_0.updated_at, t1_0.version from talk t1_0 left join citation c1_0 on t1_0.id = c1_0.talk_id left join talk_participant p1_0 on t1_0.id = p1_0.talk_id where t1_0.id = :id;
update talk set closed_door = false, date = '2017-08-12', date_precision = 'DAY', ends_at = null, format = 'VIDEO', location_city = 'City 1', location_country_code = 'UA', location_geonames_id = null, location_latitude = null, location_longitude = null, location_name = 'Venue 1', starts_at = null, status = 'HELD', summary = 'What the talk was about, as reported.', title = 'Talk ' || :id || ', edit ' || (version + 1), track_id = :track, updated_at = now(), version = version + 1 where id = :id;
select pg_notify('parley_changes', 'TALK:' || :id || ':' || :track);
select cast(json_build_object('__typename', 'Talk', 'id', graphql_id('Talk', j1.id), 'version', j1.version) as text) from talk j1 where j1.id = :id;
COMMIT;
""",
        "lean": "the answer not read back",
        "lean_ceiling": UPDATE_VARIABLES + r"""BEGIN;
select set_config('parley.actor', 'bench-editor', true);
select t1_0.id, c1_0.talk_id, c1_0.ordinal, c1_0.excerpt, c1_0.source_id, t1_0.closed_door, t1_0.date, t1_0.date_precision, t1_0.ends_at, t1_0.format, t1_0.location_city, t1_0.location_country_code, t1_0.location_geonames_id, t1_0.location_latitude, t1_0.location_longitude, t1_0.location_name, p1_0.talk_id, p1_0.ordinal, p1_0.envoy_id, p1_0.person_id, p1_0.role, t1_0.starts_at, t1_0.status, t1_0.summary, t1_0.title, t1_0.track_id, t1_0.updated_at, t1_0.version from talk t1_0 left join citation c1_0 on t1_0.id = c1_0.talk_id left join talk_participant p1_0 on t1_0.id = p1_0.talk_id where t1_0.id = :id;
update talk set closed_door = false, date = '2017-08-12', date_precision = 'DAY', ends_at = null, format = 'VIDEO', location_city = 'City 1', location_country_code = 'UA', location_geonames_id = null, location_latitude = null, location_longitude = null, location_name = 'Venue 1', starts_at = null, status = 'HELD', summary = 'What the talk was about, as reported.', title = 'Talk ' || :id || ', edit ' || (version + 1), track_id = :track, updated_at = now(), version = version + 1 where id = :id;
select pg_notify('parley_changes', 'TALK:' || :id || ':' || :track);
COMMIT;
""",
    },
]


# ---------------------------------------------------------------- Parley's token


def b64url(data):
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def editor_token():
    """A key pair made for this run (openssl) and an editor's RS256 token signed with it: Parley's
    production profile trusts the public key through MP_JWT_VERIFY_PUBLICKEY_LOCATION and
    MP_JWT_VERIFY_ISSUER, as a deployment trusts its identity provider's (README, Security)."""
    private, public = os.path.join(WORK, "jwt-private.pem"), os.path.join(WORK, "jwt-public.pem")
    subprocess.run(["openssl", "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", private],
                   check=True, capture_output=True)
    subprocess.run(["openssl", "pkey", "-in", private, "-pubout", "-out", public], check=True, capture_output=True)
    now = int(time.time())
    signed = (b64url(json.dumps({"alg": "RS256", "typ": "JWT"}).encode()) + "." +
              b64url(json.dumps({"iss": ISSUER, "sub": SUBJECT, "groups": ["editor"], "iat": now,
                                 "exp": now + 6 * 3600, "jti": f"bench-{now}"}).encode()))
    signature = subprocess.run(["openssl", "dgst", "-sha256", "-sign", private], input=signed.encode(),
                               check=True, capture_output=True).stdout
    return public, signed + "." + b64url(signature)


# ---------------------------------------------------------------- runs


def updated_talks():
    """The talks the update benchmark edits, with what Parley's whole-talk input repeats of each
    and their current versions (read before every wrk run: each run moves them on)."""
    rows = json.loads(psql(f"""select json_agg(json_build_object('row', t.id, 'version', t.version, 'rest', json_build_object(
            'trackId', t.track_id, 'date', t.date, 'datePrecision', t.date_precision, 'format', t.format,
            'closedDoor', t.closed_door, 'status', t.status, 'summary', t.summary,
            'location', json_build_object('name', t.location_name, 'city', t.location_city, 'countryCode', t.location_country_code),
            'participants', (select json_agg(json_build_object('personId', tp.person_id, 'role', tp.role) order by tp.ordinal)
                             from talk_participant tp where tp.talk_id = t.id),
            'citations', (select json_agg(json_build_object('sourceId', c.source_id, 'excerpt', c.excerpt) order by c.ordinal)
                          from citation c where c.talk_id = t.id))) order by t.id)
        from talk t where t.id between {UPDATED_FIRST} and {UPDATED_FIRST + THREADS * UPDATED_PER_THREAD - 1}"""))
    talks = []
    for row in rows:
        rest = row["rest"]
        rest["trackId"] = global_id("Track", rest["trackId"])
        for participant in rest["participants"]:
            participant["personId"] = global_id("Person", participant["personId"])
        for citation in rest["citations"]:
            citation["sourceId"] = global_id("Source", citation["sourceId"])
        talks.append({"row": row["row"], "version": row["version"], "gid": global_id("Talk", row["row"]),
                      "rest": json.dumps(rest, separators=(",", ":"))[1:-1]})
    return talks


def lua_script(write, side, token, name):
    spec = write[side]
    known = {"talks": updated_talks()} if write["name"].startswith("update") else {}
    script = os.path.join(WORK, f"{name}.lua")
    with open(script, "w") as lua:
        lua.write(LUA_PRELUDE)
        if token:
            lua.write(f'wrk.headers["Authorization"] = {lua_string("Bearer " + token)}\n')
        lua.write(f"PEOPLE = {PEOPLE}\nSOURCES = {SOURCES}\nTALKS = {TALKS}\nPER_THREAD = {UPDATED_PER_THREAD}\n")
        if "setup" in spec:
            lua.write(spec["setup"](known))
        lua.write(body_function(" ".join(spec["query"].split()), spec["lua"]))
    return script


def check(write, existing, requests):
    """Fails unless every answered request wrote its rows as it should: wrk counts answers, and up
    to one request per connection may still have been answered after wrk stopped counting."""
    sql = (write["check"].replace("$person_before", str(existing["person"])).replace("$talk_before", str(existing["talk"]))
           .replace("$revision_before", str(existing["revision"]))
           .replace("$first", str(UPDATED_FIRST)).replace("$last", str(UPDATED_FIRST + THREADS * UPDATED_PER_THREAD - 1)))
    written, right = (int(v) for v in psql(" ".join(sql.split())).split("|"))
    if not requests <= written <= requests + LOAD["connections"] or right != written:
        raise SystemExit(f"'{write['name']}': {requests} answered requests, {written} rows written, {right} as expected")
    return written


def start(server, token_key):
    spec = CONFIG["servers"][server]
    env = dict(os.environ, **spec["env"])
    if server == "parley":
        env.update(MP_JWT_VERIFY_ISSUER=ISSUER, MP_JWT_VERIFY_PUBLICKEY_LOCATION=token_key)
    log = open(os.path.join(WORK, f"{server}-writes.log"), "w")
    process = subprocess.Popen(spec["command"], cwd=spec["cwd"], env=env, stdout=log, stderr=subprocess.STDOUT,
                               start_new_session=True)
    wait_for_answer(spec["url"], "{ __typename }", process)
    return process


def compiler_cpu_seconds(group):
    """CPU the JIT's compiler threads (HotSpot's C1 and C2) of the server's processes have used; 0
    for a server without them (Node compiles on threads named otherwise)."""
    total = 0
    for pid in group_pids(group):
        try:
            tasks = os.listdir(f"/proc/{pid}/task")
        except FileNotFoundError:
            continue
        for task in tasks:
            try:
                with open(f"/proc/{pid}/task/{task}/stat") as stat:
                    text = stat.read()
            except (FileNotFoundError, ProcessLookupError):
                continue
            name = text[text.index("(") + 1:text.rindex(")")]
            if "CompilerThre" in name:
                total += sum(int(value) for value in text.rsplit(")", 1)[1].split()[11:13])
    return total / CLOCK_TICKS


def run_server(server, token, token_key):
    """Every write through one server: warm-up runs until it is warm (warm_up), then the measured
    repetitions, each checked against the rows it left."""
    spec = CONFIG["servers"][server]
    process = start(server, token_key)
    results = {}
    runs_started = 0

    def one_run(write, seconds):
        nonlocal runs_started
        runs_started += 1
        # PostGraphile's new talks: row ids above every talk there is (Parley's included)
        base = max(POSTGRAPHILE_TALK_IDS, int(psql("select coalesce(max(id), 0) from talk"))) + 1
        script = lua_script(write, server, token if server == "parley" else None, f"{server}-{runs_started}")
        # what there was before the run: what the run wrote is what came after (no other writer)
        existing = dict(zip(("person", "talk", "revision"), (int(v) for v in psql(
            "select (select coalesce(max(id), 0) from person), (select coalesce(max(id), 0) from talk),"
            " (select coalesce(max(id), 0) from revision)").split("|"))))
        psql("select pg_stat_statements_reset()")
        before = statements_executed()
        cpu_before, compiler_before = cpu_now(process.pid), compiler_cpu_seconds(process.pid)
        measured = run_wrk(script, spec["url"], seconds, args=(base,))
        cpu_after, compiler_after = cpu_now(process.pid), compiler_cpu_seconds(process.pid)
        statements = statements_executed() - before
        time.sleep(0.5)  # the requests still in flight when wrk stopped
        measured["written"] = check(write, existing, measured["requests"])
        measured["statements"] = statements / measured["requests"]
        for side in ("server", "database"):
            measured[f"{side}_cpu_us"] = (cpu_after[side] - cpu_before[side]) / measured["requests"] * 1e6
        server_cpu = cpu_after["server"] - cpu_before["server"]
        measured["compiler_share"] = (compiler_after - compiler_before) / server_cpu if server_cpu else 0.0
        return measured

    try:
        for write in WRITES:
            warm_up_s = warm_up(write, lambda: one_run(write, LOAD["warmup_s"]))
            runs = [one_run(write, LOAD["duration_s"]) for _ in range(LOAD["repetitions"])]
            results[write["name"]] = {key: statistics.median(r[key] for r in runs)
                                      for key in ("rps", "p50", "p99", "statements", "server_cpu_us", "database_cpu_us",
                                                  "compiler_share")}
            results[write["name"]]["warm_up_s"] = warm_up_s
            print(f"{server} / {write['name']}: {results[write['name']]}", flush=True)
            if server == "parley":
                results[write["name"]]["sql"] = statement_listing()
        results["rss_after_load"] = rss_mib(process.pid)
    finally:
        stop(process)
    return results


def warm_up(write, run):
    """Runs the write until the server is warm, its numbers dropped; the seconds it took. A JVM
    takes minutes of a write's load to settle here: on 2 CPUs shared with the load and PostgreSQL,
    its one C2 thread compiled through the first 3 minutes of creating people, while throughput
    went 174, 253, 270, 292, 280, 424, 519, 671, 921 requests/s in successive 20 s runs (server CPU
    per request 9.1 ms down to 0.8 ms). Throughput alone stalls on the way (270 to 292 to 280), so
    warm means both: the JIT's compiler threads used under WARM_COMPILER_SHARE of the server's CPU
    in the last run, and its throughput within WARM_STEADY of the run before; at most
    LOAD["max_warmup_s"] (default 300 s) for every server alike."""
    limit = LOAD.get("max_warmup_s", 300)
    spent, previous = 0, None
    while True:
        measured = run()
        spent += LOAD["warmup_s"]
        steady = previous is not None and measured["rps"] <= previous * (1 + WARM_STEADY)
        if (steady and measured["compiler_share"] < WARM_COMPILER_SHARE) or spent >= limit:
            print(f"  warm after {spent} s of '{write['name']}': {measured['rps']:.0f} requests/s, "
                  f"compiler {measured['compiler_share']:.1%} of the server's CPU", flush=True)
            return spent
        previous = measured["rps"]


def statement_listing():
    """What the last measured run's requests executed, most frequent first: the evidence behind
    each ceiling script and the write path's statement counts."""
    rows = psql(f"""select calls, regexp_replace(left(query, 110), '\\s+', ' ', 'g') from pg_stat_statements s
                    join pg_roles r on r.oid = s.userid where r.rolname = '{PG['user']}' order by calls desc, query""")
    return [line.split("|", 1) for line in rows.splitlines() if line]


def section(parley, postgraphile, ceilings, leaner, load_before, load_after):
    load = LOAD
    lines = [
        "<!-- writes -->",
        "## Writes (issue 25)",
        "",
        f"- Date: {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; same database, machine and servers as above, "
        f"after them in a run of their own (`{CONFIG['writes_command']}`)",
        f"- Load average (1/5/15 min) before: {' / '.join(f'{v:.2f}' for v in load_before)}, after: {' / '.join(f'{v:.2f}' for v in load_after)}",
        f"- Load: wrk, {load['connections']} connections; per write, {load['warmup_s']} s warm-up runs until the server "
        f"is warm (its JIT compiler under {WARM_COMPILER_SHARE:.0%} of its CPU and its throughput within "
        f"{WARM_STEADY:.0%} of the run before; at most {load.get('max_warmup_s', 300)} s; `warm_up` in bench/mutations.py), "
        f"then {load['repetitions']} x {load['duration_s']} s; medians. Ceiling: pgbench -M prepared (as pgjdbc "
        "prepares a statement used 5 times), same connections, one transaction per request",
        "- Warm-up each server took, per write: " + "; ".join(
            f"{write['name']}: Parley {parley[write['name']]['warm_up_s']} s, PostGraphile "
            f"{postgraphile[write['name']]['warm_up_s']} s" for write in WRITES),
        "",
        "Each request writes new rows or the next version, in words the dataset's search vocabulary already holds",
        "(names and titles as bench/dataset.sql makes them: a new word per request would make the vocabulary",
        "trigger slower run after run); record a talk names three different people and two sources of the",
        "dataset by the request's number;",
        "update edits 2,000 of the dataset's talks round robin, each request at the version its talk is at. After",
        "every measured run the harness asks the database whether each answered request wrote what it should (the",
        "rows, their participants, citations and revisions) and stops the run if not. Parley's writes carry an",
        "editor's token (RS256, signed with a key pair the run makes; the production profile trusts its public key",
        "through `MP_JWT_VERIFY_PUBLICKEY_LOCATION`); PostGraphile's have no authentication. Parley runs a write in",
        "one transaction; PostGraphile runs each mutation field as a statement of its own (autocommit), so its",
        "talk is six transactions in one request, with row ids the client chose (the participants must name the",
        "talk), and its update has no version check: `updateTalkByRowId` writes whatever the row's version (the",
        "patch sets the next version, so both leave the same row). Parley's update repeats the whole talk (its",
        "`TalkInput` replaces a talk: participants and citations too); PostGraphile's patch carries the title.",
        "The ceiling replays Parley's statements for the write (listed below), with the triggers they fire: the",
        "audit revision and search vocabulary per row, and at commit the change feed's entry under its advisory lock.",
        "",
        "| Write | Measure | Parley | PostGraphile | Ratio | Database ceiling (pgbench) | Parley, of ceiling |",
        "|---|---|---|---|---|---|---|",
    ]
    targets = []
    for write in WRITES:
        name = write["name"]
        ours, theirs, ceiling = parley[name], postgraphile[name], ceilings[name]
        lines += [
            f"| {name}: {write['what']} | requests/s | {ours['rps']:.0f} | {theirs['rps']:.0f} | {ratio(ours['rps'], theirs['rps'])} | {ceiling['tps']:.0f} tps | {percent(ours['rps'], ceiling['tps'])} |",
            f"| | p50 latency, ms | {ours['p50']:.2f} | {theirs['p50']:.2f} | {ratio(ours['p50'], theirs['p50'], False)} | | |",
            f"| | p99 latency, ms | {ours['p99']:.2f} | {theirs['p99']:.2f} | {ratio(ours['p99'], theirs['p99'], False)} | | |",
            f"| | SQL statements / request | {ours['statements']:.2f} | {theirs['statements']:.2f} | {ratio(ours['statements'], theirs['statements'], False)} | {ceiling['statements']:.2f} | |",
            f"| | server CPU / request, µs | {ours['server_cpu_us']:.0f} | {theirs['server_cpu_us']:.0f} | {ratio(ours['server_cpu_us'], theirs['server_cpu_us'], False)} | | |",
            f"| | of which the JIT compiler | {ours['compiler_share']:.1%} | | | | |",
            f"| | database CPU / request, µs | {ours['database_cpu_us']:.0f} | {theirs['database_cpu_us']:.0f} | {ratio(ours['database_cpu_us'], theirs['database_cpu_us'], False)} | {ceiling['database_cpu_us']:.0f} µs | |",
        ]
        faster = ours["rps"] / theirs["rps"] if theirs["rps"] else 0
        of_ceiling = ours["rps"] / ceiling["tps"] if ceiling["tps"] else 0
        p99_level = ours["p99"] <= theirs["p99"]
        met = faster >= POSTGRAPHILE_TARGET and p99_level and of_ceiling >= CEILING_TARGET
        targets.append(f"| {name} | {faster:.2f}x; p99 {ours['p99']:.1f} against {theirs['p99']:.1f} ms "
                       f"({'no worse' if p99_level else 'worse'}) | {percent(ours['rps'], ceiling['tps'])} | {'yes' if met else 'no'} |")
    lines += [
        "",
        f"| Write | Parley / PostGraphile (>= {POSTGRAPHILE_TARGET}x, p99 no worse) | Parley, of ceiling (>= {CEILING_TARGET:.0%}) | Met? |",
        "|---|---|---|---|",
        *targets,
        "",
        *leaner_table(parley, ceilings, leaner),
        "What Parley's requests executed in the last measured run of each write (pg_stat_statements, calls over",
        "the run; the change_log insert and advisory lock are the change feed's deferred trigger, counted at",
        "commit):",
        "",
    ]
    for write in WRITES:
        listing = parley[write["name"]]["sql"]
        total = sum(int(calls) for calls, _ in listing)
        lines += [f"<details><summary>{write['name']}: {total} statements</summary>", "", "| Calls | Statement |", "|---|---|"]
        lines += [f"| {calls} | `{text.replace('|', '&#124;')}` |" for calls, text in listing]
        lines += ["", "</details>", ""]
    lines.append("<!-- /writes -->")
    return lines


def leaner_table(parley, ceilings, leaner):
    """What the database could do with fewer statements per write (pgbench, same load)."""
    if not leaner:
        return []
    lines = [
        "What fewer statements would leave the database (pgbench of the same write with the statements named",
        "cut, same connections): a ceiling, not a measurement of Parley.",
        "",
        "| Write | Cut | Statements / request | Ceiling, tps | Against today's statements |",
        "|---|---|---|---|---|",
    ]
    for write in WRITES:
        name = write["name"]
        now, lean = ceilings[name], leaner[name]
        lines.append(f"| {name} | {write['lean']} | {lean['statements']:.2f} (today {now['statements']:.2f}) | "
                     f"{lean['tps']:.0f} (today {now['tps']:.0f}) | {ratio(lean['tps'], now['tps'])} |")
    return lines + [""]


def write_section(lines):
    """Replaces the writes section of the output (or adds it after the analysis marker, which the
    read benchmark keeps with everything after it)."""
    output = CONFIG["output"]
    existing = open(output).read() if os.path.exists(output) else ""
    block = "\n".join(lines)
    start, end = "<!-- writes -->", "<!-- /writes -->"
    if start in existing and end in existing:
        updated = existing[:existing.index(start)] + block + existing[existing.index(end) + len(end):]
    elif "<!-- analysis -->\n" in existing:
        updated = existing.replace("<!-- analysis -->\n", "<!-- analysis -->\n\n" + block + "\n", 1)
    else:
        updated = existing + ("\n" if existing else "") + "<!-- analysis -->\n\n" + block + "\n"
    with open(output, "w") as out:
        out.write(updated)
    print(f"wrote the writes section of {output}")


def restore_dataset(first):
    """Each server, and then the ceilings, write into the dataset as it was before any write: a copy
    kept when the writes begin (first) and copied back before each. Without it, the second server
    wrote into the rows the first left: after Parley's warm-ups (about 120,000 people and 40,000
    talks more), PostGraphile's create-a-person cost the database 1,915 µs of CPU, where it had
    cost 938 µs when Parley's warm-up was 10 s."""
    database, kept = PG["database"], PG["database"] + "_before_writes"
    if first:
        psql(f"drop database if exists {kept}", database="postgres")
        psql(f"create database {kept} template {database}", database="postgres")
    else:
        psql(f"drop database {database} with (force)", database="postgres")
        psql(f"create database {database} template {kept} owner {PG['user']}", database="postgres")


def main():
    for server in ("parley", "postgraphile"):
        if not port_is_free(CONFIG["servers"][server]["url"]):
            raise SystemExit(f"something already listens at {CONFIG['servers'][server]['url']}; stop it or choose other ports")
    load_before = os.getloadavg()
    token_key, token = editor_token()
    restore_dataset(first=True)
    parley = run_server("parley", token, token_key)
    restore_dataset(first=False)
    postgraphile = run_server("postgraphile", token, token_key)
    restore_dataset(first=False)
    ceilings, leaner = {}, {}
    for write in WRITES:
        ceilings[write["name"]] = pgbench_script(write["ceiling"], protocol="prepared", count_statements=True)
        print(f"ceiling / {write['name']}: {ceilings[write['name']]}", flush=True)
    if not CONFIG["writes_command"].endswith("--smoke"):
        for write in WRITES:
            leaner[write["name"]] = pgbench_script(write["lean_ceiling"], protocol="prepared", count_statements=True)
            print(f"leaner ceiling / {write['name']}: {leaner[write['name']]}", flush=True)
    load_after = os.getloadavg()
    write_section(section(parley, postgraphile, ceilings, leaner, load_before, load_after))


if __name__ == "__main__":
    main()
