-- The vendor's catalogue: device models, their hardware revisions and firmware versions, with the
-- support lifecycle that decides whether the advice is "update" or "replace".
create table product (
    id                    bigint generated always as identity primary key,
    organisation_id       bigint not null references organisation (id),
    model_number          text not null,
    name                  text not null,
    -- automatic: the device updates itself; user-applied: the owner must act; on-site: a technician.
    update_mechanism      text not null default 'user-applied'
                          check (update_mechanism in ('automatic', 'user-applied', 'on-site')),
    end_of_sale           date,
    end_of_support        date,
    -- The support period as published to customers, in words (e.g. "5 years after end of sale").
    support_period        text not null default '',
    created_at            timestamptz not null default now(),
    unique (organisation_id, model_number)
);

create table hardware_revision (
    id                    bigint generated always as identity primary key,
    organisation_id       bigint not null references organisation (id),
    product_id            bigint not null references product (id),
    revision              text not null,
    unique (product_id, revision)
);
create index hardware_revision_org on hardware_revision (organisation_id, product_id);

create table firmware (
    id                    bigint generated always as identity primary key,
    organisation_id       bigint not null references organisation (id),
    product_id            bigint not null references product (id),
    version               text not null,
    release_date          date,
    -- What this release fixes, in words (vulnerability ids are linked from the PSIRT records).
    fixes                 text not null default '',
    created_at            timestamptz not null default now(),
    unique (product_id, version)
);
create index firmware_org on firmware (organisation_id, product_id);
