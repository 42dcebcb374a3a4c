-- Observations: one report that a device at IP(:port) at an instant is vulnerable or infected.
-- The fingerprint (hash of the raw record) makes re-imports idempotent.
create table observation (
    id                   bigint generated always as identity primary key,
    organisation_id      bigint not null references organisation (id),
    fingerprint          text not null,
    report_type          text not null,
    file_name            text not null,
    line                 bigint not null,
    source_time          timestamptz not null,
    ip                   inet not null,
    port                 integer,
    transport            text not null default '',
    kind                 text not null,
    severity             text,
    malware_family       text,
    device_vendor        text,
    device_model         text,
    evidence             jsonb not null,
    imported_at          timestamptz not null default now(),
    -- attribution outcome: a subscriber with the covering assignment, or the reason there is none
    subscriber_id        text,
    assignment_id        bigint references assignment (id),
    assignment_from      timestamptz,
    assignment_to        timestamptz,
    assignment_source    text,
    unattributed_reason  text,
    unique (organisation_id, fingerprint)
);
create index observation_org_time on observation (organisation_id, source_time desc);
create index observation_unattributed on observation (organisation_id) where subscriber_id is null;
