-- One record per person (mergePeople, io.parley.person.PersonMerger): a duplicate's facts move to
-- the person kept and the duplicate is deleted, but its ID lives on: it answers with the person
-- it was merged into, in reads (node, nodes, person, timeline, counterparts) and in writes that
-- name a person.

-- One row per merged person. Person keys are never reused (identity), so a merged key names
-- nothing else. kept_id is who answers for it now: merging B into C re-points the rows that
-- pointed at B, so every chain is one step, and deleting the kept person forgets its merges.
-- merged_into_id and merged_into_revision say where it went at the time, and which revision of
-- that person the merge wrote (history shows it there).
create table person_merge (
    merged_id            bigint primary key,
    kept_id              bigint not null references person (id) on delete cascade,
    merged_into_id       bigint not null,
    merged_into_revision integer not null,
    merged_at            timestamptz not null default now(),
    check (merged_id <> kept_id),
    check (merged_id <> merged_into_id)
);
create index person_merge_kept_idx on person_merge (kept_id);
create index person_merge_into_idx on person_merge (merged_into_id, merged_into_revision);

-- The key a person's key answers with now: the person it was merged into, or itself.
create function person_key(key bigint) returns bigint
    language sql stable parallel safe strict
    return coalesce((select m.kept_id from person_merge m where m.merged_id = key), key);

-- The record a deleted record was merged into, as its change-feed entry points to it: for now
-- only people are merged. Null for anything else.
create function merged_into(node_type text, record_id bigint) returns bigint
    language sql stable parallel safe strict
    return case when node_type = 'PERSON' then (select m.kept_id from person_merge m where m.merged_id = record_id) end;

-- The records a revision merged into its record (their keys, in order).
create function merged_by_revision(node_type text, record_id bigint, number integer) returns bigint[]
    language sql stable parallel safe strict
    return case when node_type = 'PERSON'
                then array(select m.merged_id from person_merge m
                            where m.merged_into_id = record_id and m.merged_into_revision = number
                            order by m.merged_id)
                else '{}'::bigint[] end;
