-- History (V3, V8) and the search vocabulary (V10, V13) written once per statement, not once per
-- row: the same revisions, change-log positions and words, from the statement's transition
-- tables. A row trigger runs its PL/pgSQL body and its statements once per row written; a bundle
-- import writes thousands of rows of a table in one multi-row insert (issue 25). Measured on the
-- benchmark machine, one insert of 10,000 talks: 0.23 s with no trigger at all, 4.3 s with V13's
-- row triggers (2.8 s of it the vocabulary's, ~280 us a row), 0.6 s with these.
--
-- What stays the same, row for row:
-- * one revision per record written, numbered after the record's earlier revisions, with the
--   writer the transaction named (parley.actor), the changed fields (revision_fields, as before)
--   and the record's version after the change;
-- * the deferred trigger on revision (V8) still gives each revision its change-log position at
--   commit; it stays a row trigger (a constraint trigger can only be one);
-- * an update or delete still takes the per-record advisory lock V3 numbers under, in key order
--   so that two statements locking several records cannot deadlock. An insert takes none: no
--   other transaction can see, and so write, a record before its insert commits, and keys are
--   never reused (identity). A bundle of 100,000 records would otherwise hold 100,000 advisory
--   locks at once, more than PostgreSQL's shared lock table holds by default
--   (max_locks_per_transaction 64 x max_connections).
-- Transition tables cannot serve a trigger for more than one event, so each table gets one
-- trigger per event; an update's old and new rows are paired by key (keys never change), and
-- transition tables are visible only to the trigger function itself, hence one body per event.

-- The changed fields between two states of a record (either may be null), as V8 wrote them.
create function revision_changes(before_row jsonb, after_row jsonb) returns jsonb
    language sql immutable parallel safe
return (select coalesce(jsonb_agg(jsonb_build_object('field', f, 'from', before_row ->> f, 'to', after_row ->> f)
                                  order by f), '[]'::jsonb)
          from jsonb_object_keys(coalesce(after_row, before_row)) as f
         where coalesce(before_row -> f, 'null'::jsonb) is distinct from coalesce(after_row -> f, 'null'::jsonb));

-- The number a record's next revision takes.
create function next_revision_number(node text, key bigint) returns integer
    language sql stable parallel safe
return coalesce((select max(number) from revision where node_type = node and record_id = key), 0) + 1;

create function record_revisions() returns trigger
    language plpgsql as $$
declare
    actor text := nullif(current_setting('parley.actor', true), '');
begin
    if tg_op = 'INSERT' then
        -- revision_changes(null, fields) written for a new record: every field that is not
        -- null, read once each (a quarter of the trigger's time when diffed against nothing)
        insert into revision (node_type, record_id, number, actor, action, changes, version)
        select tg_argv[0], n.id, next_revision_number(tg_argv[0], n.id), actor, 'CREATED',
               (select coalesce(jsonb_agg(jsonb_build_object('field', f.key, 'from', null, 'to', f.value #>> '{}')
                                          order by f.key), '[]'::jsonb)
                  from jsonb_each(revision_fields(to_jsonb(n))) f
                 where f.value <> 'null'::jsonb),
               n.version
          from new_rows n
         order by n.id;
        return null;
    end if;
    perform pg_advisory_xact_lock(hashtextextended(tg_argv[0] || ':' || k, 0))
       from (select id as k from old_rows order by id) keys;
    if tg_op = 'UPDATE' then
        insert into revision (node_type, record_id, number, actor, action, changes, version)
        select tg_argv[0], n.id, next_revision_number(tg_argv[0], n.id), actor, 'UPDATED',
               revision_changes(revision_fields(to_jsonb(o)), revision_fields(to_jsonb(n))), n.version
          from new_rows n join old_rows o on o.id = n.id
         order by n.id;
    else
        insert into revision (node_type, record_id, number, actor, action, changes, version)
        select tg_argv[0], o.id, next_revision_number(tg_argv[0], o.id), actor, 'DELETED',
               revision_changes(revision_fields(to_jsonb(o)), null), o.version
          from old_rows o
         order by o.id;
    end if;
    return null;
end
$$;

-- Words of the written rows the vocabulary lacks (V13: compared under the default collation, so
-- that search_word_word_idx answers; tg_table_name's "C" would defeat it). Each distinct word of
-- the statement is looked up once, not once per row that holds it.
create function search_vocabulary_statement() returns trigger
    language plpgsql as $$
begin
    insert into search_word (word)
    select w
      from (select distinct w from new_rows r, unnest(search_words(searchable_text(tg_table_name, to_jsonb(r)))) w) words
     where not exists (select from search_word s where s.word = w collate "default");
    return null;
end $$;

create function search_word_keys_statement() returns trigger
    language plpgsql as $$
begin
    insert into search_word_key (key, word)
    select k, n.word from new_words n, unnest(deletion_keys(n.word, typo_budget(n.word))) k;
    return null;
end $$;

drop trigger search_word_keys on search_word;
drop function search_word_keys_trigger();
create trigger search_word_keys after insert on search_word
    referencing new table as new_words for each statement execute function search_word_keys_statement();

do $$
declare
    t record;
begin
    for t in select * from (values ('person', 'PERSON'), ('envoy', 'ENVOY'), ('track', 'TRACK'), ('talk', 'TALK'),
                                   ('trip', 'TRIP'), ('outcome', 'OUTCOME'), ('statement', 'STATEMENT'),
                                   ('source', 'SOURCE')) v (tbl, node) loop
        execute format('drop trigger %I on %I', t.tbl || '_revision', t.tbl);
        execute format('drop trigger search_vocabulary on %I', t.tbl);
        execute format('create trigger %I after insert on %I referencing new table as new_rows'
                       ' for each statement execute function record_revisions(%L)', t.tbl || '_revision_insert', t.tbl, t.node);
        execute format('create trigger %I after update on %I referencing old table as old_rows new table as new_rows'
                       ' for each statement execute function record_revisions(%L)', t.tbl || '_revision_update', t.tbl, t.node);
        execute format('create trigger %I after delete on %I referencing old table as old_rows'
                       ' for each statement execute function record_revisions(%L)', t.tbl || '_revision_delete', t.tbl, t.node);
        execute format('create trigger search_vocabulary_insert after insert on %I referencing new table as new_rows'
                       ' for each statement execute function search_vocabulary_statement()', t.tbl);
        execute format('create trigger search_vocabulary_update after update on %I referencing new table as new_rows'
                       ' for each statement execute function search_vocabulary_statement()', t.tbl);
    end loop;
end $$;

drop function record_revision();
drop function search_vocabulary_trigger();
