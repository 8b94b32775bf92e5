-- Full-text search over every module's records (proposals and released replies now), and the
-- search log behind hot searches. search_docs holds each record's display text, its normalised
-- text (for one-character queries) and its tokens from the C++ tokenizer; SQLite indexes the
-- tokens with FTS5, PostgreSQL with a tsvector column and a GIN index.

CREATE TABLE search_docs (
  id @PK@,
  committee_id BIGINT NOT NULL REFERENCES committees(id),
  doc_type TEXT NOT NULL,
  ref_id BIGINT NOT NULL,
  proposal_id BIGINT,
  session_id BIGINT,
  category TEXT NOT NULL DEFAULT '',
  state TEXT NOT NULL DEFAULT '',
  published INTEGER NOT NULL DEFAULT 0,
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  norm TEXT NOT NULL,
  tokens TEXT NOT NULL,
  sort_day INTEGER NOT NULL DEFAULT 0,
  source_updated_at TEXT,
  UNIQUE (doc_type, ref_id)
);
CREATE INDEX search_docs_proposal ON search_docs (proposal_id);
CREATE INDEX search_docs_committee ON search_docs (committee_id, doc_type);

-- @only sqlite
CREATE VIRTUAL TABLE search_fts USING fts5(tokens, content='search_docs', content_rowid='id',
  tokenize='unicode61 remove_diacritics 0');
CREATE TRIGGER search_docs_ai AFTER INSERT ON search_docs BEGIN
  INSERT INTO search_fts (rowid, tokens) VALUES (new.id, new.tokens);
END;
CREATE TRIGGER search_docs_ad AFTER DELETE ON search_docs BEGIN
  INSERT INTO search_fts (search_fts, rowid, tokens) VALUES ('delete', old.id, old.tokens);
END;
CREATE TRIGGER search_docs_au AFTER UPDATE ON search_docs BEGIN
  INSERT INTO search_fts (search_fts, rowid, tokens) VALUES ('delete', old.id, old.tokens);
  INSERT INTO search_fts (rowid, tokens) VALUES (new.id, new.tokens);
END;
-- @end

-- @only postgres
ALTER TABLE search_docs ADD COLUMN tsv tsvector;
CREATE INDEX search_docs_tsv ON search_docs USING gin (tsv);
-- @end

-- One row per committee, user, day and normalised term: hot searches count people, not requests.
CREATE TABLE search_log (
  committee_id BIGINT NOT NULL REFERENCES committees(id),
  user_id BIGINT NOT NULL,
  day TEXT NOT NULL,
  term TEXT NOT NULL,
  PRIMARY KEY (committee_id, user_id, day, term)
);
CREATE INDEX search_log_day ON search_log (committee_id, day);
