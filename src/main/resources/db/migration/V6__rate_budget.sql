-- Per-client rate-limit budgets (io.parley.limits.RateLimits), shared by every replica. One row
-- per client (token subject or client address) holding the points charged in its current
-- window; rows of ended windows are deleted, so the table holds about one row per recent client.
create table rate_budget (
    client       text        primary key check (length(client) between 1 and 300),
    window_start timestamptz not null,
    used         bigint      not null check (used >= 0),
    -- whether the last request charged was refused: the upsert's answer under the row lock
    refused      boolean     not null
);
