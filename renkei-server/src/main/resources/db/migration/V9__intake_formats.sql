-- Intake formats: every observation names the feed it came from and the firmware when known; an
-- observation of the same device seen by another feed within the link window points at the first
-- one (linked_to) and is not counted again. Operators save column mappings for CSV lists.
alter table observation add column feed text not null default 'unknown';
alter table observation add column device_firmware text;
alter table observation add column linked_to bigint references observation (id);
-- the same-device lookup: organisation, address and kind, then time
create index observation_same_device on observation (organisation_id, ip, kind, source_time);

-- A saved column mapping for format=notice / format=csv imports, per organisation.
create table column_mapping (
    organisation_id  bigint not null references organisation (id),
    name             text not null,
    definition       jsonb not null,
    updated_at       timestamptz not null default now(),
    updated_by       text not null,
    primary key (organisation_id, name)
);
