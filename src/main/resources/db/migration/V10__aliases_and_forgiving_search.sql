-- Every name in every spelling (issue 22): a language for each alias, and the vocabulary that
-- lets search forgive typos the way search engines do (one edit in words of 5 to 8 letters, two
-- from 9, transpositions included), index-backed.

-- ---------------------------------------------------------------- aliases' languages
-- A BCP 47 tag per alias, parallel to person.aliases (null where unknown): "ru" for Путин,
-- "ru-Latn" for the transliteration Dmitriyev. Parallel arrays keep `aliases` what the search
-- vectors, the bundle views and the exports already read.
create function is_language_tag(tag text) returns boolean
    language sql immutable parallel safe
    return tag ~ '^[a-z]{2,3}(-[A-Z][a-z]{3})?(-[A-Z]{2})?$';

create function are_language_tags(tags text[]) returns boolean
    language sql immutable parallel safe
    return coalesce((select bool_and(tag is null or is_language_tag(tag)) from unnest(tags) tag), true);

alter table person add column alias_languages text[];
update person set alias_languages = array_fill(null::text, array[cardinality(aliases)]);
alter table person alter column alias_languages set not null,
                   alter column alias_languages set default '{}',
                   add constraint person_alias_languages_check
                       check (cardinality(alias_languages) = cardinality(aliases) and are_language_tags(alias_languages));

-- A writer that knows nothing of languages (plain SQL, another GraphQL layer on this schema) sets
-- aliases alone: their languages are then unknown, not an error.
create function person_alias_languages_pad() returns trigger
    language plpgsql as $$
begin
    if cardinality(new.alias_languages) < cardinality(new.aliases) then
        new.alias_languages := new.alias_languages
            || array_fill(null::text, array[cardinality(new.aliases) - cardinality(new.alias_languages)]);
    end if;
    return new;
end $$;

create trigger person_alias_languages_pad before insert or update of aliases, alias_languages on person
    for each row execute function person_alias_languages_pad();

-- The bundle shape of a person (V7) with each alias's language, so a re-import that only adds a
-- language is an update, and one that changes nothing is still recognised as such.
create or replace view bundle_person as
select p.id, jsonb_strip_nulls(jsonb_build_object(
           'ref', graphql_id('Person', p.id), 'name', p.name, 'wikidataId', p.wikidata_id,
           'aliases', to_jsonb(p.aliases), 'birthDate', p.birth_date, 'countryCode', p.country_code,
           'summary', p.summary,
           'positions', (select coalesce(jsonb_agg(jsonb_strip_nulls(jsonb_build_object(
                                'title', pp.title, 'organization', pp.organization,
                                'startDate', pp.start_date, 'endDate', pp.end_date)) order by pp.ordinal), '[]')
                           from person_position pp where pp.person_id = p.id),
           'citations', (select coalesce(jsonb_agg(bundle_citation(c) order by c.ordinal), '[]')
                          from citation c where c.person_id = p.id),
           'aliasesWithLanguage', (select jsonb_agg(jsonb_build_object('name', a.name, 'language', a.language)
                                                          order by a.ordinal)
                                     from unnest(p.aliases, p.alias_languages) with ordinality a(name, language, ordinal)
                                    where a.language is not null))) as doc
  from person p;

-- ---------------------------------------------------------------- the vocabulary
-- Every word any searchable text holds, folded (lower case, no accents), unstemmed: the words a
-- typo in a query can be forgiven into. Words are only added (a word whose records are gone
-- expands a query into a word that finds nothing, which costs an index probe);
-- search_vocabulary_rebuild() starts it afresh after bulk loads that bypass triggers.
-- No unique constraint, on purpose: `on conflict do nothing` would make a writer wait for every
-- uncommitted transaction that added the same new word, and two imports adding words in
-- different orders would deadlock. A race adds a word twice, which readers take distinctly.
create table search_word (
    word text not null check (word <> '')
);
-- Equality (is a word known) and prefixes (completing the last word of a query) alike.
create index search_word_word_idx on search_word (word text_pattern_ops);

-- Symmetric deletion keys (the SymSpell method): a word and what remains of it after deleting
-- up to as many letters as a typo budget of its length allows. Two words within that many edits
-- (insertion, deletion, substitution or adjacent transposition) share a key, so a query word's
-- candidates are a few equality probes of this index; osa_distance then keeps the true ones. At
-- most 1 + 8 keys for a word of 8 letters, 1 + 9 + 36 for one of 9.
create table search_word_key (
    key  text not null,
    word text not null
);
create index search_word_key_idx on search_word_key (key) include (word);

-- How many edits a word of this spelling may be forgiven: none under 5 letters or with digits
-- (numbers and short words are exact: "11" is not "12"), one from 5, two from 9.
create function typo_budget(word text) returns integer
    language sql immutable parallel safe strict
    return case when word ~ '[0-9]' then 0 when char_length(word) >= 9 then 2 when char_length(word) >= 5 then 1 else 0 end;

-- The word and every string left by deleting 1..depth (at most 2) of its letters.
create function deletion_keys(word text, depth integer) returns text[]
    language sql immutable parallel safe strict
return (select array_agg(distinct k) from (
            select word as k
            union all
            select left(word, i - 1) || substr(word, i + 1)
              from generate_series(1, char_length(word)) i where depth >= 1
            union all
            select left(word, i - 1) || substr(word, i + 1, j - i - 1) || substr(word, j + 1)
              from generate_series(1, char_length(word)) i, generate_series(i + 1, char_length(word)) j
             where depth >= 2) keys);

-- Optimal string alignment distance: Levenshtein plus adjacent transpositions ("fogle", "fogel").
create function osa_distance(a text, b text) returns integer
    language plpgsql immutable parallel safe strict as $$
declare
    m integer := char_length(a);
    n integer := char_length(b);
    w integer := n + 1;
    d integer[];
    cost integer;
begin
    if a = b then return 0; end if;
    if m = 0 or n = 0 then return greatest(m, n); end if;
    d := array_fill(0, array[(m + 1) * w]);
    for i in 0..m loop d[i * w + 1] := i; end loop;
    for j in 0..n loop d[j + 1] := j; end loop;
    for i in 1..m loop
        for j in 1..n loop
            cost := case when substr(a, i, 1) = substr(b, j, 1) then 0 else 1 end;
            d[i * w + j + 1] := least(d[(i - 1) * w + j + 1] + 1, d[i * w + j] + 1, d[(i - 1) * w + j] + cost);
            if i > 1 and j > 1 and substr(a, i, 1) = substr(b, j - 1, 1) and substr(a, i - 1, 1) = substr(b, j, 1) then
                d[i * w + j + 1] := least(d[i * w + j + 1], d[(i - 2) * w + j - 1] + 1);
            end if;
        end loop;
    end loop;
    return d[m * w + n + 1];
end $$;

-- The edits between two words when the shorter one's budget forgives them, else null
-- (PersonNames.withinTypos): the cheap length and budget checks first, the distance once.
create function typo_distance(a text, b text) returns integer
    language plpgsql immutable parallel safe strict as $$
declare
    shorter text := case when char_length(a) <= char_length(b) then a else b end;
    longer text := case when char_length(a) <= char_length(b) then b else a end;
    budget integer := typo_budget(shorter);
    distance integer;
begin
    if budget = 0 or typo_budget(longer) = 0 or char_length(longer) - char_length(shorter) > budget then
        return null;
    end if;
    distance := osa_distance(a, b);
    return case when distance <= budget then distance end;
end $$;

-- The vocabulary words a query word forgives into (not the word itself), closest first. The
-- distance is computed once per candidate: it was half a search statement's time when the
-- check and the ordering each computed it (2.0 of 3.6 ms, bench/search.sh).
create function forgiven_words(query_word text) returns text[]
    language sql stable parallel safe strict
return (select coalesce(array_agg(word order by distance, word), '{}') from (
            select word, typo_distance(query_word, word) as distance
              from (select distinct k.word
                      from search_word_key k
                     where k.key = any(deletion_keys(query_word, typo_budget(query_word)))
                       and k.word <> query_word) keyed) candidates
         where distance is not null);

create function search_word_keys_trigger() returns trigger
    language plpgsql as $$
begin
    insert into search_word_key (key, word)
    select k, new.word from unnest(deletion_keys(new.word, typo_budget(new.word))) k;
    return null;
end $$;

create trigger search_word_keys after insert on search_word
    for each row execute function search_word_keys_trigger();

-- The words of a text as the vocabulary keeps them: the text search parser's words, folded.
create function search_words(t text) returns text[]
    language sql immutable parallel safe
    return coalesce(tsvector_to_array(to_tsvector('simple', fold(coalesce(t, '')))), '{}');

-- The searchable text of a row of each searchable table: what V2's search vectors are made of.
create function searchable_text(tbl text, r jsonb) returns text
    language sql immutable parallel safe
return case tbl
    when 'person' then concat_ws(' ', r ->> 'name', (select string_agg(a, ' ') from jsonb_array_elements_text(r -> 'aliases') a), r ->> 'summary')
    when 'envoy' then concat_ws(' ', r ->> 'title', r ->> 'mandate')
    when 'track' then concat_ws(' ', r ->> 'name', r ->> 'summary', (select string_agg(a, ' ') from jsonb_array_elements_text(r -> 'parties') a))
    when 'talk' then concat_ws(' ', r ->> 'title', r ->> 'summary', r ->> 'location_name', r ->> 'location_city')
    when 'trip' then concat_ws(' ', r ->> 'destination_name', r ->> 'destination_city', r ->> 'purpose', r ->> 'summary')
    when 'outcome' then concat_ws(' ', r ->> 'title', r ->> 'description')
    when 'statement' then r ->> 'quote'
    when 'source' then concat_ws(' ', r ->> 'publisher', r ->> 'title')
end;

create function search_vocabulary_trigger() returns trigger
    language plpgsql as $$
begin
    insert into search_word (word)
    select distinct w from unnest(search_words(searchable_text(tg_table_name, to_jsonb(new)))) w
     where not exists (select from search_word s where s.word = w);
    return null;
end $$;

create trigger search_vocabulary after insert or update on person for each row execute function search_vocabulary_trigger();
create trigger search_vocabulary after insert or update on envoy for each row execute function search_vocabulary_trigger();
create trigger search_vocabulary after insert or update on track for each row execute function search_vocabulary_trigger();
create trigger search_vocabulary after insert or update on talk for each row execute function search_vocabulary_trigger();
create trigger search_vocabulary after insert or update on trip for each row execute function search_vocabulary_trigger();
create trigger search_vocabulary after insert or update on outcome for each row execute function search_vocabulary_trigger();
create trigger search_vocabulary after insert or update on statement for each row execute function search_vocabulary_trigger();
create trigger search_vocabulary after insert or update on source for each row execute function search_vocabulary_trigger();

-- The vocabulary from scratch: after a bulk load with triggers off (bench/dataset.sql), or to
-- drop the words of deleted records.
create function search_vocabulary_rebuild() returns bigint
    language plpgsql as $$
declare
    added bigint;
begin
    truncate search_word, search_word_key;
    insert into search_word (word)
    select distinct w from (
        select unnest(search_words(searchable_text('person', to_jsonb(x)))) from person x
        union all select unnest(search_words(searchable_text('envoy', to_jsonb(x)))) from envoy x
        union all select unnest(search_words(searchable_text('track', to_jsonb(x)))) from track x
        union all select unnest(search_words(searchable_text('talk', to_jsonb(x)))) from talk x
        union all select unnest(search_words(searchable_text('trip', to_jsonb(x)))) from trip x
        union all select unnest(search_words(searchable_text('outcome', to_jsonb(x)))) from outcome x
        union all select unnest(search_words(searchable_text('statement', to_jsonb(x)))) from statement x
        union all select unnest(search_words(searchable_text('source', to_jsonb(x)))) from source x) words(w)
    where w <> '';
    get diagnostics added = row_count;
    return added;
end $$;

-- Any of these words as a tsquery of their stems in a configuration (empty for none, or stop words only).
-- Vocabulary words are the parser's, so a backslash (which quote_literal would turn into an E''
-- string to_tsquery cannot read) is the one thing left out.
create function word_tsquery(config regconfig, words text[]) returns tsquery
    language sql immutable parallel safe strict
    return to_tsquery(config, coalesce((select string_agg(distinct quote_literal(w), ' | ')
                                             from unnest(words) w where w <> '' and strpos(w, chr(92)) = 0), ''));

-- The 50 shortest vocabulary words a typed word starts (the last word of a query is often
-- unfinished): they go into the query whole, so they are stemmed as the records' words were.
create function word_completions(prefix text) returns text[]
    language sql stable parallel safe strict
    return array(select word from search_word
                  where word like replace(replace(replace(prefix, chr(92), chr(92) || chr(92)), '%', chr(92) || '%'),
                                          '_', chr(92) || '_') || '%'
                    and word <> prefix
                  group by word order by char_length(word), word limit 50);

-- "Did you mean": the vocabulary's trigrams find words too far off to forgive.
create index search_word_trgm_idx on search_word using gin (word gin_trgm_ops);

-- The closest vocabulary words to a word it neither holds nor forgives (none when it does):
-- trigram neighbours, fewest edits first.
create function word_suggestions(query_word text) returns text[]
    language sql stable parallel safe strict
return case when exists (select from search_word where word = query_word) or cardinality(forgiven_words(query_word)) > 0
            then '{}'::text[]
            else array(select word from search_word where word % query_word group by word
                        order by osa_distance(query_word, word), similarity(word, query_word) desc, word limit 10) end;

select search_vocabulary_rebuild();
