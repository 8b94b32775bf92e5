-- Historical import: closed proposals of past sessions brought in from a spreadsheet. Each
-- import is one batch (who, when, which file, how many); imported proposals carry the flag and
-- their batch so they can be told apart from those that went through the workflow here.
CREATE TABLE proposal_imports (
  id @PK@,
  committee_id BIGINT NOT NULL REFERENCES committees(id),
  user_id BIGINT REFERENCES users(id),
  filename TEXT NOT NULL DEFAULT '',
  row_count INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL DEFAULT @NOW@
);
CREATE INDEX proposal_imports_committee ON proposal_imports (committee_id, id);

ALTER TABLE proposals ADD COLUMN imported INTEGER NOT NULL DEFAULT 0;
ALTER TABLE proposals ADD COLUMN import_id BIGINT REFERENCES proposal_imports(id);
