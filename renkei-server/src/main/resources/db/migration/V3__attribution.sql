-- Assignments: periods in which a subscriber held an IP (from RADIUS accounting sessions).
-- A session is identified by its key (Acct-Unique-Session-Id, or NAS + Acct-Session-Id);
-- fragments of one session arriving in several files are merged into one row.
create table assignment (
    id              bigint generated always as identity primary key,
    organisation_id bigint not null references organisation (id),
    session_key     text not null,
    subscriber_id   text not null,
    ip              inet not null,
    nas             text not null default '',
    started_at      timestamptz not null,
    stopped_at      timestamptz,
    last_seen_at    timestamptz not null,
    source          text not null,
    unique (organisation_id, session_key)
);
create index assignment_lookup on assignment (organisation_id, ip, started_at);
create index assignment_open_by_nas on assignment (organisation_id, nas) where stopped_at is null;

-- NAS restarts (Accounting-On/Off): the NAS forgot its sessions without sending Stops, so every
-- session of that NAS last seen before the restart ended then. Kept so that sessions imported
-- later (files arrive out of order) are closed too, and so a re-import is recognised.
create table nas_restart (
    organisation_id bigint not null references organisation (id),
    nas             text not null,
    at              timestamptz not null,
    status          text not null,
    primary key (organisation_id, nas, at)
);
