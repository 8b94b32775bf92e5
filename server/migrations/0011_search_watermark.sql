-- The search catch-up at start looks only at proposals changed since the last catch-up that
-- completed (search_state 'catch_up_from'), through an index on updated_at, instead of comparing
-- every proposal with its document (minutes at a million proposals). `shangliang search reindex`
-- still checks them all.
CREATE INDEX proposals_updated ON proposals (updated_at);
CREATE TABLE search_state (
  name TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
