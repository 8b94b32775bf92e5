-- Search that costs the same at a million proposals as at a thousand (issue #5).
--
-- Each document gets an ordering key, fts_key = committee << 49 | sort_day << 33 | ref_id << 1 | is_reply:
-- a committee's documents form one key range, and within it the newest come last. Search takes the
-- matches of a query newest first and stops after a fixed window (ranking it there), instead of
-- ranking every match. The columns that decide who may see a document (proposer, group, key special
-- committee) are copied from the proposal, so that the scope needs no join, and the narrow columns
-- come before the long texts. SQLite's FTS5 table becomes contentless, keyed by fts_key, with the
-- title and the body in two columns (title hits rank higher); the server writes and deletes its
-- entries itself, so search_docs no longer stores the token string.
--
-- The index is derived data: the table is recreated empty and the server's catch-up at start (or
-- `shangliang search reindex`) fills it again.

-- @only sqlite
DROP TRIGGER IF EXISTS search_docs_ai;
DROP TRIGGER IF EXISTS search_docs_ad;
DROP TRIGGER IF EXISTS search_docs_au;
DROP TABLE IF EXISTS search_fts;
-- @end
DROP TABLE search_docs;

CREATE TABLE search_docs (
  id @PK@,
  fts_key BIGINT NOT NULL,
  committee_id BIGINT NOT NULL REFERENCES committees(id),
  doc_type TEXT NOT NULL,
  ref_id BIGINT NOT NULL,
  proposal_id BIGINT,
  session_id BIGINT,
  category TEXT NOT NULL DEFAULT '',
  state TEXT NOT NULL DEFAULT '',
  published INTEGER NOT NULL DEFAULT 0,
  proposer_user_id BIGINT,
  group_type TEXT,
  group_id BIGINT,
  key_special_committee_id BIGINT,
  sort_day INTEGER NOT NULL DEFAULT 0,
  source_updated_at TEXT,
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  norm TEXT NOT NULL,
  UNIQUE (doc_type, ref_id)
);
-- Covers the scope and the facets, so that a window of matches is filtered without reading rows.
CREATE UNIQUE INDEX search_docs_key ON search_docs (fts_key, state, published, doc_type, session_id, category,
  proposer_user_id, proposal_id, group_type, group_id, key_special_committee_id);
CREATE INDEX search_docs_proposal ON search_docs (proposal_id);
CREATE INDEX search_docs_updated ON search_docs (source_updated_at);

-- @only sqlite
CREATE VIRTUAL TABLE search_fts USING fts5(title, body, content='', tokenize='unicode61 remove_diacritics 0');
-- @end

-- @only postgres
ALTER TABLE search_docs ADD COLUMN tsv tsvector;
CREATE INDEX search_docs_tsv ON search_docs USING gin (tsv);
-- @end
