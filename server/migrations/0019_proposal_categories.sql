-- A committee's own proposal categories (提案类别), in their order. A committee without rows uses
-- the built-in six (经济建设, 城市建设, 社会事业, 科教文卫, 政治法律, 其他). Proposal create/update,
-- the historical import, the topic catalogue and the web's editor all read this one list.
CREATE TABLE proposal_categories (
  id @PK@,
  committee_id BIGINT NOT NULL REFERENCES committees(id),
  name TEXT NOT NULL,
  sort INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL DEFAULT @NOW@
);
CREATE UNIQUE INDEX proposal_categories_name ON proposal_categories (committee_id, name);
