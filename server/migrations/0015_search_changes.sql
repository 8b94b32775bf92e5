-- The log of search document changes, read by each node's local full-text replica (issue #5).
--
-- On PostgreSQL a phrase of common bigrams (社区改造, 老旧小区加装电梯) matches few documents but
-- its bigrams occur together in tens of thousands; GIN has no positions, so PostgreSQL reads the
-- TOASTed tsvector of every candidate to check the phrase: seconds at a million proposals. Each
-- serving node therefore keeps a local SQLite FTS5 copy of search_docs (whose index holds the
-- positions) and answers full-text queries from it; see modules/search/replica.hpp.
--
-- Every write of a document (insert, update, delete) adds its key here, with the writing
-- transaction's id: a replica applies the keys of the transactions that ended since it last read,
-- whatever order their sequence numbers committed in. Changes older than a week are deleted
-- (search::Replica::prune); a replica stopped since before the newest deleted one is rebuilt.

-- @only postgres
CREATE TABLE search_changes (
  seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  xid XID8 NOT NULL DEFAULT pg_current_xact_id(),
  fts_key BIGINT NOT NULL,
  at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX search_changes_xid ON search_changes (xid);
-- The database's identity: a replica built from another database (or an earlier one at the same
-- address) is never used.
CREATE TABLE search_source (
  id TEXT NOT NULL,
  pruned_through BIGINT NOT NULL DEFAULT 0  -- the newest transaction id whose changes were deleted
);
INSERT INTO search_source (id) VALUES (md5(random()::text || clock_timestamp()::text));
-- @end
