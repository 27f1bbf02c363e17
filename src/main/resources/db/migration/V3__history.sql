-- Audit history: every insert, update and delete of a top-level record is kept, with the
-- changed fields and the authenticated subject the application names for its transaction
-- (set_config('parley.actor', ...)). Revisions outlive the records they describe and are
-- append-only.

create table revision (
    id          bigint generated always as identity primary key,
    node_type   text not null,
    record_id   bigint not null,
    number      integer not null,
    at          timestamptz not null default clock_timestamp(),
    actor       text,
    action      text not null check (action in ('CREATED', 'UPDATED', 'DELETED')),
    changes     jsonb not null,
    unique (node_type, record_id, number)
);

create function revision_is_append_only() returns trigger
    language plpgsql as $$
begin
    raise exception 'revisions are append-only';
end
$$;

create trigger revision_append_only before update or delete or truncate on revision
    for each statement execute function revision_is_append_only();

-- Bookkeeping columns are not changes anyone made.
create function revision_fields(row_data jsonb) returns jsonb
    language sql immutable parallel safe
    return row_data - 'id' - 'version' - 'updated_at' - 'search' - 'date_end';

create function record_revision() returns trigger
    language plpgsql as $$
declare
    before_row jsonb := case when tg_op <> 'INSERT' then revision_fields(to_jsonb(old)) end;
    after_row jsonb := case when tg_op <> 'DELETE' then revision_fields(to_jsonb(new)) end;
    key bigint := case when tg_op = 'DELETE' then old.id else new.id end;
    changed jsonb;
begin
    select coalesce(jsonb_agg(jsonb_build_object('field', f, 'from', before_row ->> f, 'to', after_row ->> f)
                              order by f), '[]'::jsonb)
      into changed
      from jsonb_object_keys(coalesce(after_row, before_row)) as f
     where coalesce(before_row -> f, 'null'::jsonb) is distinct from coalesce(after_row -> f, 'null'::jsonb);
    -- one writer per record at a time (the version check), so max + 1 is safe under this lock
    perform pg_advisory_xact_lock(hashtextextended(tg_argv[0] || ':' || key, 0));
    insert into revision (node_type, record_id, number, actor, action, changes)
    values (tg_argv[0], key,
            coalesce((select max(number) from revision where node_type = tg_argv[0] and record_id = key), 0) + 1,
            nullif(current_setting('parley.actor', true), ''),
            case tg_op when 'INSERT' then 'CREATED' when 'UPDATE' then 'UPDATED' else 'DELETED' end,
            changed);
    return null;
end
$$;

create trigger person_revision after insert or update or delete on person
    for each row execute function record_revision('PERSON');
create trigger envoy_revision after insert or update or delete on envoy
    for each row execute function record_revision('ENVOY');
create trigger track_revision after insert or update or delete on track
    for each row execute function record_revision('TRACK');
create trigger talk_revision after insert or update or delete on talk
    for each row execute function record_revision('TALK');
create trigger trip_revision after insert or update or delete on trip
    for each row execute function record_revision('TRIP');
create trigger outcome_revision after insert or update or delete on outcome
    for each row execute function record_revision('OUTCOME');
create trigger statement_revision after insert or update or delete on statement
    for each row execute function record_revision('STATEMENT');
create trigger source_revision after insert or update or delete on source
    for each row execute function record_revision('SOURCE');
