-- Record keys handed out in blocks of 50 (VersionedEntity.KEYS_PER_FETCH): the application takes
-- one value of a table's key sequence for every 50 records it creates and uses the 50 keys up to
-- it (Hibernate's pooled optimizer), so it knows a record's key before the insert and can send
-- many records in one multi-row insert (issue 25: a bundle import created each record with a
-- statement of its own, since an identity key is only known after its insert).
--
-- Each key column keeps a default from the same sequence: a writer inserting without a key
-- (PostGraphile, psql) takes the top key of a block of its own, so no two writers' keys collide.
-- Keys stay unique and are still never reused: each new sequence starts past the last value its
-- identity sequence handed out, not merely past the keys in use (a deleted record's key stays
-- spent). Keys are no longer dense and two application instances interleave blocks, so a larger
-- key is not always a later record; nothing relies on that (IDs are opaque, order by key is only
-- a stable tie-break). The columns stop being identity columns only because Hibernate's schema
-- validation reads information_schema.sequences, which leaves identity sequences out.
do $$
declare
    t text;
    last bigint;
begin
    foreach t in array array['person', 'envoy', 'track', 'talk', 'trip', 'outcome', 'statement', 'source'] loop
        last := pg_sequence_last_value(pg_get_serial_sequence(t, 'id'));
        execute format('alter table %I alter column id drop identity', t);
        execute format('create sequence %I as bigint increment by 50 start with %s owned by %I.id',
                       t || '_id_seq', coalesce(last, 0) + 50, t);
        execute format('alter table %I alter column id set default nextval(%L)', t, t || '_id_seq');
    end loop;
end $$;
