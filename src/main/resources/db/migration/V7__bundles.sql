-- Report bundles (io.parley.bundle): external identifiers, the indexes the importer matches
-- records by, and one view per record type that writes a stored record in the bundle's own
-- shape, so export and the importer's "did anything change?" check read the same thing.

-- GeoNames IDs of places (https://www.geonames.org/<id>); positive integers.
alter table talk add column location_geonames_id integer check (location_geonames_id > 0);
alter table trip add column destination_geonames_id integer check (destination_geonames_id > 0);
alter table talk add check (location_name is not null or location_geonames_id is null);

-- The importer looks records up by these keys, once per bundle record: without an index a
-- 10,000-talk bundle would scan the talk table 10,000 times.
create index person_name_idx on person (name);
create index source_url_idx on source (url);
create index source_publisher_idx on source (publisher, title);
create index talk_title_idx on talk (title);
create index outcome_title_idx on outcome (title);
create index statement_quote_idx on statement (speaker_id, md5(quote));

-- A passage's local reference: its source's ID and a digest of its text, so the same excerpt
-- of the same source is one passage however many records cite it.
create function bundle_passage_ref(source_id bigint, excerpt text) returns text
    language sql immutable parallel safe strict
    return graphql_id('Source', source_id) || '#' || left(md5(excerpt), 12);

create function bundle_citation(c citation) returns jsonb
    language sql immutable parallel safe
    return jsonb_strip_nulls(jsonb_build_object('sourceId', graphql_id('Source', c.source_id),
                                                'passage', bundle_passage_ref(c.source_id, c.excerpt)));

create function bundle_location(name text, city text, country_code text, latitude double precision,
                                longitude double precision, geonames_id integer) returns jsonb
    language sql immutable parallel safe
    return case when name is not null then jsonb_strip_nulls(jsonb_build_object(
        'name', name, 'city', city, 'countryCode', country_code, 'latitude', latitude, 'longitude', longitude,
        'geonamesId', geonames_id)) end;

create view bundle_source as
select s.id, jsonb_strip_nulls(jsonb_build_object(
           'ref', graphql_id('Source', s.id), 'publisher', s.publisher, 'title', s.title, 'url', s.url,
           'publishedOn', s.published_on, 'language', s.language,
           'passages', (select coalesce(jsonb_agg(jsonb_build_object('ref', p.ref, 'text', p.excerpt) order by p.ref), '[]')
                          from (select distinct bundle_passage_ref(c.source_id, c.excerpt) as ref, c.excerpt
                                  from citation c where c.source_id = s.id and c.excerpt is not null) p))) as doc
  from source s;

create view bundle_person as
select p.id, jsonb_strip_nulls(jsonb_build_object(
           'ref', graphql_id('Person', p.id), 'name', p.name, 'wikidataId', p.wikidata_id,
           'aliases', to_jsonb(p.aliases), 'birthDate', p.birth_date, 'countryCode', p.country_code,
           'summary', p.summary,
           'positions', (select coalesce(jsonb_agg(jsonb_strip_nulls(jsonb_build_object(
                                'title', pp.title, 'organization', pp.organization,
                                'startDate', pp.start_date, 'endDate', pp.end_date)) order by pp.ordinal), '[]')
                           from person_position pp where pp.person_id = p.id),
           'citations', (select coalesce(jsonb_agg(bundle_citation(c) order by c.ordinal), '[]')
                          from citation c where c.person_id = p.id))) as doc
  from person p;

create view bundle_track as
select t.id, jsonb_strip_nulls(jsonb_build_object(
           'ref', graphql_id('Track', t.id), 'name', t.name, 'summary', t.summary, 'parties', to_jsonb(t.parties),
           'status', t.status, 'citations', (select coalesce(jsonb_agg(bundle_citation(c) order by c.ordinal), '[]')
                          from citation c where c.track_id = t.id))) as doc
  from track t;

create view bundle_envoy as
select e.id, jsonb_strip_nulls(jsonb_build_object(
           'ref', graphql_id('Envoy', e.id), 'personId', graphql_id('Person', e.person_id), 'title', e.title,
           'represents', e.represents, 'appointedById', graphql_id('Person', e.appointed_by_id),
           'mandate', e.mandate, 'announcedOn', e.announced_on, 'announcedOnPrecision', e.announced_on_precision,
           'startDate', e.start_date, 'endDate', e.end_date,
           'citations', (select coalesce(jsonb_agg(bundle_citation(c) order by c.ordinal), '[]')
                          from citation c where c.envoy_id = e.id))) as doc
  from envoy e;

create view bundle_talk as
select t.id, jsonb_strip_nulls(jsonb_build_object(
           'ref', graphql_id('Talk', t.id), 'title', t.title, 'trackId', graphql_id('Track', t.track_id),
           'date', t.date, 'datePrecision', t.date_precision,
           'startsAt', iso_instant(t.starts_at), 'endsAt', iso_instant(t.ends_at),
           'location', bundle_location(t.location_name, t.location_city, t.location_country_code,
                                       t.location_latitude, t.location_longitude, t.location_geonames_id),
           'format', t.format, 'closedDoor', t.closed_door, 'status', t.status, 'summary', t.summary,
           'participants', (select coalesce(jsonb_agg(jsonb_strip_nulls(jsonb_build_object(
                                   'personId', graphql_id('Person', tp.person_id), 'role', tp.role,
                                   'envoyId', graphql_id('Envoy', tp.envoy_id))) order by tp.ordinal), '[]')
                              from talk_participant tp where tp.talk_id = t.id),
           'citations', (select coalesce(jsonb_agg(bundle_citation(c) order by c.ordinal), '[]')
                          from citation c where c.talk_id = t.id))) as doc
  from talk t;

create view bundle_trip as
select t.id, jsonb_strip_nulls(jsonb_build_object(
           'ref', graphql_id('Trip', t.id), 'envoyId', graphql_id('Envoy', t.envoy_id),
           'destination', bundle_location(t.destination_name, t.destination_city, t.destination_country_code,
                                          t.destination_latitude, t.destination_longitude, t.destination_geonames_id),
           'arrivedOn', t.arrived_on, 'departedOn', t.departed_on, 'purpose', t.purpose, 'summary', t.summary,
           'talkIds', (select coalesce(jsonb_agg(graphql_id('Talk', tt.talk_id) order by tt.ordinal), '[]')
                         from trip_talk tt where tt.trip_id = t.id),
           'citations', (select coalesce(jsonb_agg(bundle_citation(c) order by c.ordinal), '[]')
                          from citation c where c.trip_id = t.id))) as doc
  from trip t;

create view bundle_outcome as
select o.id, jsonb_strip_nulls(jsonb_build_object(
           'ref', graphql_id('Outcome', o.id), 'kind', o.kind, 'status', o.status, 'title', o.title,
           'description', o.description, 'date', o.date, 'datePrecision', o.date_precision,
           'trackId', graphql_id('Track', o.track_id),
           'talkIds', (select coalesce(jsonb_agg(graphql_id('Talk', x.talk_id) order by x.ordinal), '[]')
                         from outcome_talk x where x.outcome_id = o.id),
           'figures', (select coalesce(jsonb_agg(jsonb_build_object('label', f.label, 'value', f.value,
                                                                     'approximate', f.approximate) order by f.ordinal), '[]')
                         from outcome_figure f where f.outcome_id = o.id),
           'beneficiaryIds', (select coalesce(jsonb_agg(graphql_id('Person', x.person_id) order by x.ordinal), '[]')
                                from outcome_beneficiary x where x.outcome_id = o.id),
           'creditedToIds', (select coalesce(jsonb_agg(graphql_id('Person', x.person_id) order by x.ordinal), '[]')
                               from outcome_credit x where x.outcome_id = o.id),
           'citations', (select coalesce(jsonb_agg(bundle_citation(c) order by c.ordinal), '[]')
                          from citation c where c.outcome_id = o.id))) as doc
  from outcome o;

create view bundle_statement as
select s.id, jsonb_strip_nulls(jsonb_build_object(
           'ref', graphql_id('Statement', s.id), 'speakerId', graphql_id('Person', s.speaker_id), 'quote', s.quote,
           'verbatim', s.verbatim, 'saidOn', s.said_on, 'saidOnPrecision', s.said_on_precision, 'tone', s.tone,
           'talkId', graphql_id('Talk', s.talk_id), 'trackId', graphql_id('Track', s.track_id),
           'citations', (select coalesce(jsonb_agg(bundle_citation(c) order by c.ordinal), '[]')
                          from citation c where c.statement_id = s.id))) as doc
  from statement s;
