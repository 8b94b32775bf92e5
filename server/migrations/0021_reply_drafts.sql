-- The reply editor (答复函): a unit's draft of its reply, saved as it is written and removed
-- once the reply is submitted; and a committee's own reply templates per result category (a
-- committee without a row for a category uses the built-in template).
CREATE TABLE proposal_reply_drafts (
  id @PK@,
  proposal_id BIGINT NOT NULL REFERENCES proposals(id),
  unit_id BIGINT NOT NULL REFERENCES units(id),
  round INTEGER NOT NULL DEFAULT 1,
  result_category TEXT NOT NULL DEFAULT '',
  body TEXT NOT NULL DEFAULT '',
  updated_by BIGINT REFERENCES users(id),
  updated_by_name TEXT NOT NULL DEFAULT '',
  updated_at TEXT NOT NULL DEFAULT @NOW@
);
CREATE UNIQUE INDEX proposal_reply_drafts_unit ON proposal_reply_drafts (proposal_id, unit_id, round);

CREATE TABLE reply_templates (
  id @PK@,
  committee_id BIGINT NOT NULL REFERENCES committees(id),
  result_category TEXT NOT NULL,
  body TEXT NOT NULL,
  updated_at TEXT NOT NULL DEFAULT @NOW@
);
CREATE UNIQUE INDEX reply_templates_category ON reply_templates (committee_id, result_category);
