-- The topic catalogue (提案撰写参考目录) of a session: entries staff edit and publish, claims of
-- key topics by parties and sectors for their collective proposals, and the entry a proposal
-- picked.

CREATE TABLE catalogues (
  id @PK@,
  committee_id BIGINT NOT NULL REFERENCES committees(id),
  session_id BIGINT NOT NULL REFERENCES sessions(id),
  state TEXT NOT NULL DEFAULT 'draft',
  claim_until TEXT,
  published_at TEXT,
  published_by_name TEXT,
  created_at TEXT NOT NULL DEFAULT @NOW@,
  updated_at TEXT NOT NULL DEFAULT @NOW@,
  UNIQUE (session_id)
);

CREATE TABLE catalogue_topics (
  id @PK@,
  committee_id BIGINT NOT NULL REFERENCES committees(id),
  session_id BIGINT NOT NULL REFERENCES sessions(id),
  category TEXT NOT NULL DEFAULT '其他',
  topic TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  suggested_unit_ids TEXT NOT NULL DEFAULT '[]',
  proposed_by TEXT NOT NULL DEFAULT '',
  sort INTEGER NOT NULL DEFAULT 0,
  allow_sharing INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL DEFAULT @NOW@,
  updated_at TEXT NOT NULL DEFAULT @NOW@
);
CREATE INDEX catalogue_topics_session ON catalogue_topics (session_id, sort, id);

CREATE TABLE catalogue_claims (
  id @PK@,
  topic_id BIGINT NOT NULL REFERENCES catalogue_topics(id),
  group_type TEXT NOT NULL,
  group_id BIGINT NOT NULL,
  group_name TEXT NOT NULL,
  claimed_by BIGINT REFERENCES users(id),
  claimed_by_name TEXT NOT NULL,
  claimed_at TEXT NOT NULL DEFAULT @NOW@,
  UNIQUE (topic_id, group_type, group_id)
);

ALTER TABLE proposals ADD COLUMN catalogue_topic_id BIGINT REFERENCES catalogue_topics(id);
