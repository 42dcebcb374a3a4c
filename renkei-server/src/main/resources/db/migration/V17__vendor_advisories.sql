-- Vendor advisories: CSAF 2.0 documents a vendor authors from its vulnerability records (or imports
-- from other parties), their published revisions, and the device owners who asked to be told.
-- Every row belongs to the vendor's organisation; drafts are never shown outside it.

-- Tracking ids count per vendor and year: RK-SA-2026-0001, RK-SA-2026-0002, …
create table advisory_counter (
    organisation_id  bigint not null references organisation (id),
    year             integer not null,
    last_number      integer not null,
    primary key (organisation_id, year)
);

create table advisory (
    id               bigint generated always as identity primary key,
    organisation_id  bigint not null references organisation (id),
    tracking_id      text not null,
    -- authored: written by Renkei from the records; imported: another party's document, read-only.
    origin           text not null check (origin in ('authored', 'imported')),
    title            text not null,
    language         text not null,
    -- An imported document may carry no TLP label (null); Renkei's own always do.
    tlp              text check (tlp in ('WHITE', 'GREEN', 'AMBER', 'RED')),
    -- draft until the first publication; then the CSAF tracking status of the latest revision.
    status           text not null check (status in ('draft', 'interim', 'final')),
    -- The document version: for authored advisories the number of published revisions (integer
    -- versioning, 0 for a draft never published); for imported ones as the issuer wrote it.
    version          text not null default '0',
    summary          text not null default '',
    workaround       text not null default '',
    mitigation       text not null default '',
    -- The latest published (or imported) document, byte for byte as served and hashed.
    document         bytea,
    initial_release  timestamptz,
    current_release  timestamptz,
    -- Parts of an imported document Renkei does not model (JSON pointers), kept with the original.
    unmodelled       text not null default '',
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    updated_by       text not null,
    unique (organisation_id, origin, tracking_id),
    check (origin = 'imported' or (status = 'draft') = (document is null)),
    check (origin = 'imported' or tlp is not null)
);
create index advisory_org on advisory (organisation_id, updated_at desc);

-- The vulnerability records an authored advisory speaks about, in the order given.
create table advisory_record (
    organisation_id   bigint not null references organisation (id),
    advisory_id       bigint not null references advisory (id) on delete cascade,
    vulnerability_id  bigint not null references vulnerability_record (id),
    position          integer not null,
    primary key (advisory_id, vulnerability_id)
);
create index advisory_record_org on advisory_record (organisation_id, advisory_id);

-- Each publication adds one revision (the CSAF revision history).
create table advisory_revision (
    organisation_id  bigint not null references organisation (id),
    advisory_id      bigint not null references advisory (id) on delete cascade,
    number           integer not null,
    date             timestamptz not null,
    summary          text not null,
    document         bytea not null,
    published_by     text not null,
    primary key (advisory_id, number)
);
create index advisory_revision_org on advisory_revision (organisation_id, advisory_id);

-- Device owners who registered a product of the vendor to be told about its advisories. A
-- registration counts once confirmed through the link mailed to the address (double opt-in).
create table device_owner (
    id               bigint generated always as identity primary key,
    organisation_id  bigint not null references organisation (id),
    product_id       bigint not null references product (id),
    email            text not null,
    language         text not null check (language in ('ja', 'en')),
    token            text not null unique,
    confirmed_at     timestamptz,
    created_at       timestamptz not null default now(),
    unique (organisation_id, product_id, email)
);
create index device_owner_product on device_owner (organisation_id, product_id) where confirmed_at is not null;
