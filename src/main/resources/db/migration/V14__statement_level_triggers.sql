-- History (V3, V8) and the search vocabulary (V10, V13) written once per INSERT statement, not
-- once per inserted row: the same revisions, change-log positions and words, from the
-- statement's transition table. A row trigger runs its PL/pgSQL body and its statements once per
-- row; a bundle import inserts thousands of rows of a table in one multi-row insert (issue 25).
-- Measured on the benchmark machine, one insert of 10,000 talks: 0.23 s with no trigger at all,
-- 4.3 s with V13's row triggers (2.8 s of it the vocabulary's, ~280 us a row), 1.2 s with these.
-- Updates and deletes keep V8's and V13's row triggers: they are one record at a time (a
-- mutation, an import's changed record), and for one row a statement trigger costs more than a
-- row trigger (pgbench, one talk's title per transaction: 4,432-4,564 tps with statement
-- triggers, 5,378-5,422 with row triggers; a one-row insert is the same either way, 1,328-1,401
-- against 1,191-1,501).
--
-- What stays the same, row for row:
-- * one revision per record inserted, numbered after the record's earlier revisions (none: keys
--   are never reused), with the writer the transaction named (parley.actor), the fields set
--   (revision_fields, as before) and the record's version;
-- * the deferred trigger on revision (V8) still gives each revision its change-log position at
--   commit; it stays a row trigger (a constraint trigger can only be one);
-- * an insert takes no per-record advisory lock any more (V8's row trigger took one for every
--   write): no other transaction can see, and so write, a record before its insert commits.
--   A bundle of 100,000 records would otherwise hold 100,000 advisory locks at once, more than
--   PostgreSQL's shared lock table holds by default (max_locks_per_transaction 64 x
--   max_connections). Updates and deletes still take theirs.
-- Transition tables cannot serve a trigger for more than one event, so each table's insert
-- trigger is apart from its update (and delete) trigger.

-- The number a record's next revision takes.
create function next_revision_number(node text, key bigint) returns integer
    language sql stable parallel safe
return coalesce((select max(number) from revision where node_type = node and record_id = key), 0) + 1;

create function record_revisions() returns trigger
    language plpgsql as $$
begin
    -- V8's changes for a new record (every field that is not null, from null), read in one pass
    insert into revision (node_type, record_id, number, actor, action, changes, version)
    select tg_argv[0], n.id, next_revision_number(tg_argv[0], n.id), nullif(current_setting('parley.actor', true), ''),
           'CREATED',
           (select coalesce(jsonb_agg(jsonb_build_object('field', f.key, 'from', null, 'to', f.value #>> '{}')
                                      order by f.key), '[]'::jsonb)
              from jsonb_each(revision_fields(to_jsonb(n))) f
             where f.value <> 'null'::jsonb),
           n.version
      from new_rows n
     order by n.id;
    return null;
end
$$;

-- Words of the inserted rows the vocabulary lacks (V13: compared under the default collation, so
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
        execute format('create trigger %I after update or delete on %I'
                       ' for each row execute function record_revision(%L)', t.tbl || '_revision', t.tbl, t.node);
        execute format('create trigger search_vocabulary_insert after insert on %I referencing new table as new_rows'
                       ' for each statement execute function search_vocabulary_statement()', t.tbl);
        execute format('create trigger search_vocabulary after update on %I'
                       ' for each row execute function search_vocabulary_trigger()', t.tbl);
    end loop;
end $$;
