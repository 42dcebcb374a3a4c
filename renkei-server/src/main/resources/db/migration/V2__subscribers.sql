-- The ISP's subscriber directory, upserted from CSV. Identity data: reads are audited.
create table subscriber (
    organisation_id bigint not null references organisation (id),
    subscriber_id   text not null,
    name            text not null,
    email           text not null,
    phone           text not null default '',
    language        text not null check (language in ('ja', 'en')),
    updated_at      timestamptz not null default now(),
    primary key (organisation_id, subscriber_id)
);
