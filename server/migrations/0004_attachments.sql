-- Files attached to proposals (the proposal's own material, and units' reply attachments). Kept
-- in the database, base64-encoded, so every node serves them; identified by their SHA-256.
CREATE TABLE attachments (
  id @PK@,
  committee_id BIGINT NOT NULL REFERENCES committees(id),
  proposal_id BIGINT NOT NULL REFERENCES proposals(id) ON DELETE CASCADE,
  purpose TEXT NOT NULL DEFAULT 'proposal',
  filename TEXT NOT NULL,
  content_type TEXT NOT NULL,
  size BIGINT NOT NULL,
  sha256 TEXT NOT NULL,
  data TEXT NOT NULL,
  uploaded_by BIGINT REFERENCES users(id),
  created_at TEXT NOT NULL DEFAULT @NOW@
);
CREATE INDEX attachments_proposal ON attachments (proposal_id);
