-- Retry-safe writes (io.parley.idempotency): the answer to each write a client sent with an
-- idempotency key, so that the same request sent again gets the same answer without writing
-- again. One row per caller and key, written in the same transaction as the write itself, so a
-- row exists exactly when its write committed. Shared by every replica of Parley; rows older
-- than parley.idempotency.retention (24 h) are deleted as writes go by.
create table idempotency_key (
    -- the caller's token subject; '' for an anonymous caller
    subject     text        not null check (length(subject) <= 300),
    key         text        not null check (length(key) between 1 and 255),
    -- SHA-256 of what the request asked (route, document, operation name, variables, body)
    fingerprint bytea       not null check (length(fingerprint) = 32),
    -- the answer as first sent: the body, and what its HTTP status is derived from
    response    text        not null,
    has_data    boolean     not null,
    has_errors  boolean     not null,
    created_at  timestamptz not null default now(),
    primary key (subject, key)
);

-- The purge deletes by age.
create index idempotency_key_created_at on idempotency_key (created_at);
