-- Documents clients name by id instead of sending them (io.parley.http.persisted): automatic
-- persisted queries any client registers by sending hash and query together, and trusted
-- documents from the start-up manifest or an admin. Shared by every replica.
create table persisted_document (
    -- SHA-256 in hex for automatic and admin documents; a manifest's own keys (Relay writes MD5).
    id text primary key check (id ~ '^[A-Za-z0-9:_.-]{1,128}$'),
    -- The application caps automatic documents far lower (parley.persisted.max-document-size);
    -- nothing larger than a request body (256 KB by default, at most 1 MB here) is ever stored.
    document text not null check (octet_length(document) between 1 and 1048576),
    origin text not null check (origin in ('automatic', 'manifest', 'admin')),
    registered_at timestamptz not null default now()
);

-- The cap on automatic registrations counts these.
create index persisted_document_automatic on persisted_document (id) where origin = 'automatic';
