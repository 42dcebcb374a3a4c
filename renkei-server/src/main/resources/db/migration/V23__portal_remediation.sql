-- Issue 5, portal and remediation steps.

-- The ISP's own steps for a problem kind, optionally for one device vendor, model and firmware
-- ('' = any), in Japanese and English. Steps are stored one per line, in order.
create table remediation_entry (
    id               bigint generated always as identity primary key,
    organisation_id  bigint not null references organisation (id),
    kind             text not null,
    vendor           text not null default '',
    model            text not null default '',
    firmware         text not null default '',
    title_ja         text not null,
    explanation_ja   text not null,
    steps_ja         text not null,
    title_en         text not null,
    explanation_en   text not null,
    steps_en         text not null,
    updated_by       text not null,
    updated_at       timestamptz not null,
    -- a model only under a vendor, a firmware only under a model: the match goes from specific to general
    check (model = '' or vendor <> ''),
    check (firmware = '' or model <> '')
);
-- Vendors and models are matched case-insensitively, so "ExampleCam" and "examplecam" are one entry.
create unique index remediation_entry_device on remediation_entry
    (organisation_id, kind, lower(vendor), lower(model), lower(firmware));

-- "I did this step", ticked by the subscriber on the portal, per case and step number (1-based).
create table portal_step_done (
    organisation_id  bigint not null references organisation (id),
    case_id          bigint not null references subscriber_case (id),
    step             integer not null check (step >= 1),
    step_text        text not null,
    done_at          timestamptz not null,
    primary key (organisation_id, case_id, step)
);
