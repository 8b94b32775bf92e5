-- A consultation's outcomes (协商成果: 意见建议, 调研报告, 建议案, 协商要报), compiled by staff,
-- approved by the lead, sent to the party committee and government; the leaders' instructions
-- (批示) on them with the departments that must act; and follow-through (成果转化): each
-- department's items with a due date, progress notes and a state, scanned for lateness.
CREATE TABLE consultation_outcomes (
  id @PK@,
  committee_id BIGINT NOT NULL REFERENCES committees(id),
  topic_id BIGINT NOT NULL REFERENCES consultation_topics(id),
  kind TEXT NOT NULL,
  title TEXT NOT NULL,
  body TEXT NOT NULL DEFAULT '',
  state TEXT NOT NULL DEFAULT 'drafting',
  sent_on TEXT,
  sent_to TEXT NOT NULL DEFAULT '',
  adoption TEXT NOT NULL DEFAULT '',
  adoption_note TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL DEFAULT 1,
  created_by BIGINT REFERENCES users(id),
  created_at TEXT NOT NULL DEFAULT @NOW@,
  updated_at TEXT NOT NULL DEFAULT @NOW@
);
CREATE INDEX consultation_outcomes_topic ON consultation_outcomes (topic_id);

CREATE TABLE consultation_outcome_history (
  id @PK@,
  outcome_id BIGINT NOT NULL REFERENCES consultation_outcomes(id),
  action TEXT NOT NULL,
  from_state TEXT NOT NULL DEFAULT '',
  to_state TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  actor_id BIGINT REFERENCES users(id),
  actor_name TEXT NOT NULL DEFAULT '',
  at TEXT NOT NULL DEFAULT @NOW@
);
CREATE INDEX consultation_outcome_history_outcome ON consultation_outcome_history (outcome_id);

CREATE TABLE consultation_instructions (
  id @PK@,
  outcome_id BIGINT NOT NULL REFERENCES consultation_outcomes(id),
  leader_name TEXT NOT NULL,
  leader_title TEXT NOT NULL DEFAULT '',
  instructed_on TEXT NOT NULL,
  text TEXT NOT NULL,
  created_by BIGINT REFERENCES users(id),
  created_at TEXT NOT NULL DEFAULT @NOW@
);
CREATE INDEX consultation_instructions_outcome ON consultation_instructions (outcome_id);

CREATE TABLE consultation_instruction_units (
  id @PK@,
  instruction_id BIGINT NOT NULL REFERENCES consultation_instructions(id),
  unit_id BIGINT NOT NULL REFERENCES units(id)
);
CREATE UNIQUE INDEX consultation_instruction_units_pair ON consultation_instruction_units (instruction_id, unit_id);

CREATE TABLE consultation_follow_items (
  id @PK@,
  committee_id BIGINT NOT NULL REFERENCES committees(id),
  outcome_id BIGINT NOT NULL REFERENCES consultation_outcomes(id),
  instruction_id BIGINT REFERENCES consultation_instructions(id),
  unit_id BIGINT NOT NULL REFERENCES units(id),
  title TEXT NOT NULL,
  due_on TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'open',
  done_on TEXT,
  result TEXT NOT NULL DEFAULT '',
  reminded_on TEXT,
  escalated_on TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  created_by BIGINT REFERENCES users(id),
  created_by_name TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL DEFAULT @NOW@,
  updated_at TEXT NOT NULL DEFAULT @NOW@
);
CREATE INDEX consultation_follow_items_outcome ON consultation_follow_items (outcome_id);
CREATE INDEX consultation_follow_items_due ON consultation_follow_items (committee_id, state, due_on);

CREATE TABLE consultation_follow_progress (
  id @PK@,
  item_id BIGINT NOT NULL REFERENCES consultation_follow_items(id),
  note TEXT NOT NULL,
  actor_id BIGINT REFERENCES users(id),
  actor_name TEXT NOT NULL DEFAULT '',
  at TEXT NOT NULL DEFAULT @NOW@
);
CREATE INDEX consultation_follow_progress_item ON consultation_follow_progress (item_id);
