-- The tables every imported record writes a row to (observation, its attribution outcome and the
-- audit entry of its attribution) no longer check organisation_id against organisation with a
-- foreign key. PostgreSQL checks a foreign key with one query per inserted row; on a
-- Shadowserver-sized import that was a tenth of the import's time, spent re-proving the same
-- organisation id two thousand times a chunk. The id is never taken from the input: it is the
-- authenticated tenant of the import, resolved before the first row, and organisations are never
-- deleted, so the check could not fail. Every row still names its organisation (not null).
alter table observation drop constraint if exists observation_organisation_id_fkey;
alter table attribution_outcome drop constraint if exists attribution_outcome_organisation_id_fkey;
alter table audit_event drop constraint if exists audit_event_organisation_id_fkey;
