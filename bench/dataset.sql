-- A synthetic dataset at the scale a busy newsroom reaches: 5,000 people, 50 tracks, 50,000
-- talks with 150,000 participants, 25,000 outcomes, 50,000 statements, 200 sources and 100,000
-- citations. Deterministic: every value is a function of its row number, so every run (and
-- both servers) see the same data. Loaded into Parley's own schema after its migrations ran.

-- A bulk load, not edits: the audit triggers would record 400,000 revisions nobody reads.
set session_replication_role = replica;

insert into source (id, publisher, title, url, published_on, language)
select i, 'Publisher ' || (1 + i % 40), 'Report ' || i, 'https://news.example/reports/' || i,
       date '2015-01-01' + (i * 17) % 4000, 'en'
from generate_series(1, 200) i;

insert into person (id, name, country_code, summary)
select i,
       (array['Steve', 'Kirill', 'Jared', 'Dmitry', 'Sergey', 'Marco', 'Rustem', 'Andriy', 'Hakan', 'Sheikh'])[1 + i % 10]
           || ' ' || (array['Witkoff', 'Dmitriev', 'Kushner', 'Peskov', 'Lavrov', 'Rubio', 'Umerov', 'Yermak', 'Fidan', 'Al Thani'])[1 + (i / 10) % 10]
           || ' ' || i,
       (array['US', 'RU', 'UA', 'QA', 'TR', 'SA', 'AE', 'EG'])[1 + i % 8],
       'Official ' || i || ' of the delegation.'
from generate_series(1, 5000) i;

insert into track (id, name, summary, parties, status)
select i, 'Track ' || i, 'Negotiation track number ' || i || '.',
       array['Party ' || (2 * i), 'Party ' || (2 * i + 1)], (array['ACTIVE', 'PAUSED', 'CONCLUDED'])[1 + i % 3]
from generate_series(1, 50) i;

insert into talk (id, title, track_id, date, date_precision, location_name, location_city, location_country_code,
                  format, closed_door, status, summary)
select i, 'Talk ' || i || ' on track ' || (1 + i % 50), 1 + i % 50,
       date '2015-01-01' + (i * 37) % 4000, 'DAY',
       'Venue ' || (i % 300), 'City ' || (i % 120), (array['US', 'RU', 'UA', 'QA', 'TR', 'SA', 'AE', 'EG'])[1 + i % 8],
       (array['IN_PERSON', 'PHONE', 'VIDEO', 'SHUTTLE'])[1 + i % 4], i % 5 = 0,
       (array['HELD', 'HELD', 'HELD', 'PLANNED', 'EXPECTED', 'CANCELLED'])[1 + i % 6],
       'What talk ' || i || ' was about, as reported.'
from generate_series(1, 50000) i;

-- Three people per talk, all different (1667 * k covers 0, 1667, 3334 modulo 5000).
insert into talk_participant (talk_id, ordinal, person_id, role)
select t, k, 1 + (t * 7 + k * 1667) % 5000, (array['HOST', 'VISITOR', 'MEDIATOR'])[1 + k]
from generate_series(1, 50000) t, generate_series(0, 2) k;

-- Every other talk produced an outcome.
insert into outcome (id, kind, status, title, description, date, date_precision, track_id)
select o, (array['MESSAGE_CONVEYED', 'CEASEFIRE', 'HOSTAGE_RELEASE', 'PRISONER_RELEASE', 'PRISONER_EXCHANGE',
                 'AGREEMENT', 'COMMITMENT', 'OTHER'])[1 + o % 8],
       (array['PROPOSED', 'AGREED', 'IMPLEMENTED', 'COLLAPSED'])[1 + o % 4],
       'Outcome ' || o, 'What was agreed after talk ' || (2 * o) || '.',
       date '2015-01-01' + (2 * o * 37) % 4000, 'DAY', 1 + (2 * o) % 50
from generate_series(1, 25000) o;
insert into outcome_talk (outcome_id, ordinal, talk_id)
select o, 0, 2 * o from generate_series(1, 25000) o;

insert into statement (id, speaker_id, quote, verbatim, said_on, said_on_precision, tone, talk_id, track_id)
select i, 1 + (i * 13) % 5000, 'Statement ' || i || ': the talks were ' || (array['productive', 'useful', 'difficult', 'frank', 'long'])[1 + i % 5] || '.',
       i % 3 <> 0, date '2015-01-01' + (i * 53) % 4000, 'DAY',
       (array['OPTIMISTIC', 'CAUTIOUSLY_OPTIMISTIC', 'NEUTRAL', 'SKEPTICAL', 'PESSIMISTIC'])[1 + i % 5],
       1 + i % 50000, 1 + (1 + i % 50000) % 50
from generate_series(1, 50000) i;

-- Two citations per talk.
insert into citation (source_id, ordinal, excerpt, talk_id)
select 1 + (t * 3 + k * 101) % 200, k, 'Passage ' || k || ' about talk ' || t || '.', t
from generate_series(1, 50000) t, generate_series(0, 1) k;

set session_replication_role = origin;

-- The search vocabulary (V10) is kept by triggers, which the bulk load bypassed.
select search_vocabulary_rebuild();

select setval(pg_get_serial_sequence('source', 'id'), 200);
select setval(pg_get_serial_sequence('person', 'id'), 5000);
select setval(pg_get_serial_sequence('track', 'id'), 50);
select setval(pg_get_serial_sequence('talk', 'id'), 50000);
select setval(pg_get_serial_sequence('outcome', 'id'), 25000);
select setval(pg_get_serial_sequence('statement', 'id'), 50000);
vacuum analyze;
