-- Full-text and typo-tolerant search. Each searchable table gets a weighted tsvector (A: name or
-- title, B: body text, C: places and parties), accent-folded, with a GIN index; names and titles
-- also get trigram indexes so "Witkof" still finds Witkoff.

create extension if not exists unaccent;

-- unaccent() is only STABLE (its dictionary could change); pinning the dictionary makes it safe
-- to use in generated columns and indexes.
create function fold(t text) returns text
    language sql immutable parallel safe strict
    return lower(public.unaccent('public.unaccent'::regdictionary, t));

create function join_words(words text[]) returns text
    language sql immutable parallel safe strict
    return array_to_string(words, ' ');

-- The document a weight class contributes, folded and stemmed.
create function search_part(t text, weight "char") returns tsvector
    language sql immutable parallel safe
    return setweight(to_tsvector('english', fold(coalesce(t, ''))), weight);

alter table person add column search tsvector generated always as (
    search_part(name || ' ' || join_words(aliases), 'A') || search_part(summary, 'B')) stored;
alter table envoy add column search tsvector generated always as (
    search_part(title, 'A') || search_part(mandate, 'B')) stored;
alter table track add column search tsvector generated always as (
    search_part(name, 'A') || search_part(summary, 'B') || search_part(join_words(parties), 'C')) stored;
alter table talk add column search tsvector generated always as (
    search_part(title, 'A') || search_part(summary, 'B')
    || search_part(coalesce(location_name, '') || ' ' || coalesce(location_city, ''), 'C')) stored;
alter table trip add column search tsvector generated always as (
    search_part(destination_name || ' ' || coalesce(destination_city, ''), 'A')
    || search_part(coalesce(purpose, '') || ' ' || coalesce(summary, ''), 'B')) stored;
alter table outcome add column search tsvector generated always as (
    search_part(title, 'A') || search_part(description, 'B')) stored;
alter table statement add column search tsvector generated always as (
    search_part(quote, 'A')) stored;
alter table source add column search tsvector generated always as (
    search_part(publisher || ' ' || coalesce(title, ''), 'A')) stored;

create index person_search_idx on person using gin (search);
create index envoy_search_idx on envoy using gin (search);
create index track_search_idx on track using gin (search);
create index talk_search_idx on talk using gin (search);
create index trip_search_idx on trip using gin (search);
create index outcome_search_idx on outcome using gin (search);
create index statement_search_idx on statement using gin (search);
create index source_search_idx on source using gin (search);

-- The short text a typo may be made in: names and titles, folded.
create index person_name_trgm_idx on person using gin (fold(name || ' ' || join_words(aliases)) gin_trgm_ops);
create index envoy_title_trgm_idx on envoy using gin (fold(title) gin_trgm_ops);
create index track_name_trgm_idx on track using gin (fold(name) gin_trgm_ops);
create index talk_title_trgm_idx on talk using gin (fold(title) gin_trgm_ops);
create index trip_destination_trgm_idx on trip using gin (fold(destination_name) gin_trgm_ops);
create index outcome_title_trgm_idx on outcome using gin (fold(title) gin_trgm_ops);
create index statement_quote_trgm_idx on statement using gin (fold(quote) gin_trgm_ops);
create index source_publisher_trgm_idx on source using gin (fold(publisher || ' ' || coalesce(title, '')) gin_trgm_ops);

-- Snippets are HTML: the text is escaped and only the <mark> around matched words is markup.
create function html_escape(t text) returns text
    language sql immutable parallel safe strict
    return replace(replace(replace(t, '&', '&amp;'), '<', '&lt;'), '>', '&gt;');
