-- Access codes subscribers type on the portal. Only the SHA-256 of a code is kept.
create table portal_access (
    code_hash        text primary key,
    organisation_id  bigint not null references organisation (id),
    case_id          bigint not null references subscriber_case (id),
    created_at       timestamptz not null default now()
);
create index portal_access_case on portal_access (organisation_id, case_id);
