-- Every index on observation is paid for on every imported row. (organisation_id, feed) served
-- nothing a search needs (a feed filter always comes with the organisation's time order).
drop index if exists observation_org_feed;
