-- Vendor PSIRT: the published contact point, vulnerability reports with their timeline, and the
-- vulnerability records they are triaged into, with the catalogue products and firmware affected.
-- Every row belongs to the vendor's organisation; nothing here is ever shown to another one.

-- One per vendor: the public address of its contact point and the words it publishes there.
create table psirt_contact (
    organisation_id            bigint primary key references organisation (id),
    -- /vendors/{slug}/...: the vendor's public pages; unique across the instance.
    slug                       text not null unique check (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
    contact_email              text not null default '',
    acknowledgments_url        text not null default '',
    encryption_url             text not null default '',
    policy_ja                  text not null,
    policy_en                  text not null,
    -- Targets of the clocks shown to the PSIRT (ISO/IEC 29147-style: acknowledge, triage, fix).
    acknowledge_business_days  integer not null default 5 check (acknowledge_business_days between 1 and 60),
    triage_business_days       integer not null default 10 check (triage_business_days between 1 and 120),
    fix_days                   integer not null default 90 check (fix_days between 1 and 730),
    updated_at                 timestamptz not null default now(),
    updated_by                 text not null default 'system'
);

-- Tracking ids count per vendor and year: RK-2026-000001, RK-2026-000002, …
create table psirt_report_counter (
    organisation_id  bigint not null references organisation (id),
    year             integer not null,
    last_number      integer not null,
    primary key (organisation_id, year)
);

create table vulnerability_record (
    id               bigint generated always as identity primary key,
    organisation_id  bigint not null references organisation (id),
    title            text not null,
    description      text not null default '',
    cve_id           text check (cve_id ~ '^CVE-[0-9]{4}-[0-9]{4,}$'),
    jvn_id           text check (jvn_id ~ '^JVN(VU)?#[0-9]{8}$'),
    jvndb_id         text check (jvndb_id ~ '^JVNDB-[0-9]{4}-[0-9]{6}$'),
    cwe_id           text check (cwe_id ~ '^CWE-[1-9][0-9]*$'),
    cvss31_vector    text,
    cvss31_score     numeric(3, 1),
    cvss40_vector    text,
    cvss40_score     numeric(3, 1),
    status           text not null check (status in
                         ('under-investigation', 'affected', 'not-affected', 'fix-planned', 'fixed')),
    -- CSAF/VEX justification, required exactly when the status is not-affected.
    justification    text check (justification in ('component_not_present', 'vulnerable_code_not_present',
                         'vulnerable_code_not_in_execute_path', 'vulnerable_code_cannot_be_controlled_by_adversary',
                         'inline_mitigations_already_exist')),
    embargoed        boolean not null default false,
    embargo_until    date,
    publication      text not null default 'draft' check (publication in ('draft', 'published')),
    published_at     timestamptz,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    updated_by       text not null,
    check ((status = 'not-affected') = (justification is not null))
);
create index vulnerability_record_org on vulnerability_record (organisation_id, updated_at desc);
create unique index vulnerability_record_cve on vulnerability_record (organisation_id, cve_id) where cve_id is not null;

-- Which products a record affects, and from/to which firmware version; the fixing firmware when known.
create table vulnerability_affected (
    id                 bigint generated always as identity primary key,
    organisation_id    bigint not null references organisation (id),
    vulnerability_id   bigint not null references vulnerability_record (id) on delete cascade,
    product_id         bigint not null references product (id),
    all_versions       boolean not null,
    version_from       text,
    from_inclusive     boolean not null default true,
    version_to         text,
    to_inclusive       boolean not null default false,
    fixed_firmware_id  bigint references firmware (id),
    position           integer not null,
    check (all_versions = (version_from is null and version_to is null))
);
create index vulnerability_affected_record on vulnerability_affected (organisation_id, vulnerability_id);

create table vulnerability_report (
    id                bigint generated always as identity primary key,
    organisation_id   bigint not null references organisation (id),
    tracking_id       text not null,
    channel           text not null check (channel in ('form', 'api')),
    -- Who handed it in through the API (the token's user); empty for the public form.
    source            text not null default '',
    -- The coordinator's own reference: the same one again answers the existing report.
    external_id       text,
    reporter_name     text not null default '',
    reporter_email    text not null default '',
    language          text not null check (language in ('ja', 'en')),
    product_id        bigint references product (id),
    product_text      text not null default '',
    firmware_text     text not null default '',
    description       text not null,
    credit_consent    boolean not null default false,
    credit_name       text not null default '',
    received_at       timestamptz not null default now(),
    acknowledged_at   timestamptz,
    triaged_at        timestamptz,
    fixed_at          timestamptz,
    closed_reason     text check (closed_reason in ('not-a-vulnerability', 'duplicate', 'out-of-scope')),
    vulnerability_id  bigint references vulnerability_record (id),
    unique (organisation_id, tracking_id)
);
create index vulnerability_report_queue on vulnerability_report (organisation_id, received_at desc);
create unique index vulnerability_report_external on vulnerability_report (organisation_id, source, external_id)
    where external_id is not null;
create index vulnerability_report_record on vulnerability_report (organisation_id, vulnerability_id);

create table vulnerability_report_attachment (
    id               bigint generated always as identity primary key,
    organisation_id  bigint not null references organisation (id),
    report_id        bigint not null references vulnerability_report (id),
    file_name        text not null,
    content_type     text not null,
    size_bytes       integer not null,
    sha256           text not null,
    content          bytea not null
);
create index vulnerability_report_attachment_report on vulnerability_report_attachment (organisation_id, report_id);

create table vulnerability_report_event (
    id               bigint generated always as identity primary key,
    organisation_id  bigint not null references organisation (id),
    report_id        bigint not null references vulnerability_report (id),
    at               timestamptz not null default now(),
    kind             text not null,
    actor            text not null,
    detail           text not null default ''
);
create index vulnerability_report_event_report on vulnerability_report_event (organisation_id, report_id, at);
