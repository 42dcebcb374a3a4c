-- The vendor's SBOMs, known vulnerabilities (OSV) and what matching one against the other found.

-- The current SBOM of one firmware version; a new one for the same firmware replaces it.
create table firmware_sbom (
    firmware_id           bigint primary key references firmware (id),
    organisation_id       bigint not null references organisation (id),
    -- Re-posting the same file is recognised by this and changes nothing.
    content_sha256        text not null,
    file_name             text not null,
    format                text not null check (format in ('json', 'xml')),
    spec_version          text not null,
    serial_number         text,
    bom_version           integer not null,
    -- The component the SBOM describes (metadata.component), as JSON; null when the file names none.
    subject               jsonb,
    -- What was kept but needs attention (components nobody can match, bad purls), as [{kind, location, reason}].
    notes                 jsonb not null default '[]',
    imported_at           timestamptz not null default now(),
    imported_by           text not null
);
create index firmware_sbom_org on firmware_sbom (organisation_id);

-- The components of a firmware's current SBOM, nested ones flattened, in document order.
create table sbom_component (
    id                    bigint generated always as identity primary key,
    organisation_id       bigint not null references organisation (id),
    firmware_id           bigint not null references firmware (id),
    position              integer not null,
    type                  text not null,
    bom_ref               text,
    supplier              text,
    manufacturer          text,
    component_group       text,
    name                  text not null,
    version               text,
    cpe                   text,
    purl                  text,
    hashes                jsonb not null default '[]',
    -- The SBOM author's own VEX statements about this component: [{vulnerability, state, justification, detail}].
    vex                   jsonb not null default '[]',
    unique (firmware_id, position)
);
create index sbom_component_org on sbom_component (organisation_id, firmware_id);

-- Known vulnerabilities as imported from OSV dumps, one row per record id and organisation. The
-- record is kept whole so the in-memory matching index can be rebuilt from it; a newer 'modified'
-- replaces an older one, the same or an older one is a duplicate.
create table osv_record (
    organisation_id       bigint not null references organisation (id),
    id                    text not null,
    modified              timestamptz not null,
    withdrawn             boolean not null default false,
    record                text not null,
    primary key (organisation_id, id)
);

-- A component of a firmware is affected by a known vulnerability. Kept across re-matching while
-- it still holds, so first_found says since when the PSIRT could have known.
create table finding (
    id                    bigint generated always as identity primary key,
    organisation_id       bigint not null references organisation (id),
    firmware_id           bigint not null references firmware (id),
    -- The component's purl, or its CPE when it has no purl.
    component             text not null,
    component_name        text not null,
    component_version     text not null default '',
    vulnerability_id      text not null,
    aliases               text[] not null default '{}',
    basis                 text not null check (basis in ('purl', 'cpe')),
    -- What the SBOM's own VEX says about this vulnerability in this component, when it says anything.
    vex_state             text,
    vex_justification     text,
    first_found           timestamptz not null default now(),
    unique (firmware_id, component, vulnerability_id)
);
create index finding_org on finding (organisation_id, firmware_id);

-- What re-matching changed for one firmware: findings that appeared and findings that went away,
-- after new vulnerability data or a new SBOM. The PSIRT's "what changed" list.
create table finding_change (
    id                    bigint generated always as identity primary key,
    organisation_id       bigint not null references organisation (id),
    firmware_id           bigint not null references firmware (id),
    cause                 text not null check (cause in ('sbom', 'vulnerability-data')),
    import_run_id         bigint references import_run (id),
    changed_at            timestamptz not null default now(),
    -- [{component, vulnerability, aliases}]
    added                 jsonb not null,
    removed               jsonb not null
);
create index finding_change_org on finding_change (organisation_id, changed_at desc);

-- Re-matching every SBOM of an organisation after an import, done in the background right after it
-- and written here first, so one a crash interrupted is done on the next start.
create table findings_rematch (
    id                    bigint generated always as identity primary key,
    organisation_id       bigint not null references organisation (id),
    import_run_id         bigint references import_run (id),
    queued_at             timestamptz not null default now(),
    started_at            timestamptz,
    finished_at           timestamptz,
    firmware              integer not null default 0,
    changed               integer not null default 0
);
create index findings_rematch_pending on findings_rematch (id) where finished_at is null;
create index findings_rematch_org on findings_rematch (organisation_id, id desc);
