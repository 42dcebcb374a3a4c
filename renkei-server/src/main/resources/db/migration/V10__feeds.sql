-- Feeds: where an ISP's device reports come from, and the files their collectors took in.
create table feed (
    id                  bigint generated always as identity primary key,
    organisation_id     bigint not null references organisation (id),
    name                text not null,
    provider            text not null default '',
    format              text not null,
    report_type         text,
    mapping             text,
    source              text not null check (source in ('upload', 'rest', 'directory', 'imap', 'url')),
    -- ISO-8601 interval (PT1H) or a cron expression; empty: every collector tick
    schedule            text not null default '',
    -- source settings (url, imap host/port/user/folder, trusted certificate); never the password
    settings            jsonb not null default '{}',
    -- the IMAP password; write-only over the API and UI
    secret              text,
    enabled             boolean not null default true,
    next_run_at         timestamptz,
    last_run_at         timestamptz,
    last_status         text,
    last_detail         text not null default '',
    -- conditional GET state of URL feeds
    http_etag           text,
    http_last_modified  text,
    created_at          timestamptz not null default now(),
    unique (organisation_id, name)
);

-- One file a collector received. The file is kept (spooled) until its import run is recorded;
-- rows left 'importing' by a killed process are imported again at startup.
create table feed_delivery (
    id              bigint generated always as identity primary key,
    organisation_id bigint not null references organisation (id),
    feed_name       text not null,
    format          text not null,
    report_type     text,
    mapping         text,
    actor           text not null,
    origin          text not null,
    file_name       text not null,
    spool_path      text not null,
    size_bytes      bigint not null,
    content_sha256  text not null,
    state           text not null check (state in ('received', 'importing', 'imported', 'duplicate', 'failed')),
    import_run_id   bigint references import_run (id),
    detail          text not null default '',
    attempts        integer not null default 0,
    received_at     timestamptz not null default now(),
    finished_at     timestamptz
);
create index feed_delivery_open on feed_delivery (state) where state in ('received', 'importing');
create index feed_delivery_org_feed on feed_delivery (organisation_id, feed_name, received_at desc);

-- "Already taken in?" is asked of every file by every collector.
create index import_run_org_sha on import_run (organisation_id, content_sha256);

-- The feed an observation came from (written by the import; searched on /observations).
alter table observation add column if not exists feed text;
create index if not exists observation_org_feed on observation (organisation_id, feed);
