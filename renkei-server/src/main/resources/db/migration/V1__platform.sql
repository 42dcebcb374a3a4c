-- Platform: tenants, people, credentials, and the logs every other module writes to.
create table organisation (
    id          bigint generated always as identity primary key,
    name        text not null unique,
    kind        text not null check (kind in ('isp', 'vendor', 'coordinator')),
    created_at  timestamptz not null default now()
);

create table app_user (
    id              bigint generated always as identity primary key,
    organisation_id bigint not null references organisation (id),
    username        text not null unique,
    display_name    text not null,
    password_hash   text,
    role            text not null check (role in ('administrator', 'operator', 'auditor')),
    created_at      timestamptz not null default now()
);
create index app_user_org on app_user (organisation_id);

-- Only a SHA-256 of each token is kept: a leaked database does not leak credentials.
create table api_token (
    id              bigint generated always as identity primary key,
    organisation_id bigint not null references organisation (id),
    user_id         bigint not null references app_user (id),
    name            text not null,
    token_hash      text not null unique,
    created_at      timestamptz not null default now(),
    last_used_at    timestamptz,
    revoked_at      timestamptz
);
create index api_token_user on api_token (user_id);

-- Who looked up whom: secrecy of communications requires every identity lookup to be traceable.
create table audit_event (
    id              bigint generated always as identity primary key,
    organisation_id bigint not null references organisation (id),
    at              timestamptz not null default now(),
    actor           text not null,
    action          text not null,
    subject         text not null,
    detail          text not null default ''
);
create index audit_event_org_at on audit_event (organisation_id, at desc);

-- One row per file taken in, whatever the module: what came in, from whom, and what became of it.
create table import_run (
    id              bigint generated always as identity primary key,
    organisation_id bigint not null references organisation (id),
    kind            text not null,
    format          text not null,
    file_name       text not null,
    content_sha256  text not null,
    actor           text not null,
    started_at      timestamptz not null,
    finished_at     timestamptz not null,
    accepted        bigint not null,
    duplicates      bigint not null,
    rejected_count  bigint not null,
    rejected        jsonb not null default '[]'
);
create index import_run_org_at on import_run (organisation_id, started_at desc);
