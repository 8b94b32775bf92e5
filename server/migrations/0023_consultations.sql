-- The other three consultations (专题、对口、界别协商): the year's consultation plan (协商计划) with
-- its approval steps, the plan's topics (协商议题) with their counterpart departments and linked key
-- proposals, each topic's history (its phases are a transition table), and in-year changes
-- (postponements) awaiting a leader's approval. Topics added during the year wait as 'proposed'.
CREATE TABLE consultation_plans (
  id @PK@,
  committee_id BIGINT NOT NULL REFERENCES committees(id),
  year INTEGER NOT NULL,
  title TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'drafting',
  doc_number TEXT NOT NULL DEFAULT '',
  published_on TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  created_by BIGINT REFERENCES users(id),
  created_at TEXT NOT NULL DEFAULT @NOW@,
  updated_at TEXT NOT NULL DEFAULT @NOW@
);
CREATE UNIQUE INDEX consultation_plans_year ON consultation_plans (committee_id, year);

CREATE TABLE consultation_plan_steps (
  id @PK@,
  plan_id BIGINT NOT NULL REFERENCES consultation_plans(id),
  action TEXT NOT NULL,
  from_state TEXT NOT NULL,
  to_state TEXT NOT NULL,
  acted_on TEXT NOT NULL,
  doc_number TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  actor_id BIGINT REFERENCES users(id),
  actor_name TEXT NOT NULL DEFAULT '',
  at TEXT NOT NULL DEFAULT @NOW@
);
CREATE INDEX consultation_plan_steps_plan ON consultation_plan_steps (plan_id);

CREATE TABLE consultation_topics (
  id @PK@,
  committee_id BIGINT NOT NULL REFERENCES committees(id),
  plan_id BIGINT NOT NULL REFERENCES consultation_plans(id),
  kind TEXT NOT NULL,
  title TEXT NOT NULL,
  purpose TEXT NOT NULL DEFAULT '',
  lead_leader_id BIGINT REFERENCES users(id),
  special_committee_id BIGINT REFERENCES special_committees(id),
  party_id BIGINT REFERENCES parties(id),
  sector_id BIGINT REFERENCES sectors(id),
  planned_month INTEGER NOT NULL,
  form TEXT NOT NULL,
  participants TEXT NOT NULL DEFAULT '',
  state TEXT NOT NULL,
  added_in_year INTEGER NOT NULL DEFAULT 0,
  addition_reason TEXT NOT NULL DEFAULT '',
  proposed_by BIGINT REFERENCES users(id),
  proposed_by_name TEXT NOT NULL DEFAULT '',
  held_on TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL DEFAULT @NOW@,
  updated_at TEXT NOT NULL DEFAULT @NOW@
);
CREATE INDEX consultation_topics_plan ON consultation_topics (plan_id);
CREATE INDEX consultation_topics_committee ON consultation_topics (committee_id, state);

CREATE TABLE consultation_topic_units (
  id @PK@,
  topic_id BIGINT NOT NULL REFERENCES consultation_topics(id),
  unit_id BIGINT NOT NULL REFERENCES units(id)
);
CREATE UNIQUE INDEX consultation_topic_units_pair ON consultation_topic_units (topic_id, unit_id);
CREATE INDEX consultation_topic_units_unit ON consultation_topic_units (unit_id);

CREATE TABLE consultation_topic_proposals (
  id @PK@,
  topic_id BIGINT NOT NULL REFERENCES consultation_topics(id),
  proposal_id BIGINT NOT NULL REFERENCES proposals(id)
);
CREATE UNIQUE INDEX consultation_topic_proposals_pair ON consultation_topic_proposals (topic_id, proposal_id);

CREATE TABLE consultation_topic_history (
  id @PK@,
  topic_id BIGINT NOT NULL REFERENCES consultation_topics(id),
  action TEXT NOT NULL,
  from_state TEXT NOT NULL DEFAULT '',
  to_state TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  actor_id BIGINT REFERENCES users(id),
  actor_name TEXT NOT NULL DEFAULT '',
  at TEXT NOT NULL DEFAULT @NOW@
);
CREATE INDEX consultation_topic_history_topic ON consultation_topic_history (topic_id);

CREATE TABLE consultation_postponements (
  id @PK@,
  topic_id BIGINT NOT NULL REFERENCES consultation_topics(id),
  from_month INTEGER NOT NULL,
  to_month INTEGER NOT NULL,
  reason TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'pending',
  requested_by BIGINT REFERENCES users(id),
  requested_by_name TEXT NOT NULL DEFAULT '',
  requested_at TEXT NOT NULL DEFAULT @NOW@,
  decided_by BIGINT REFERENCES users(id),
  decided_by_name TEXT NOT NULL DEFAULT '',
  decided_at TEXT,
  decision_note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX consultation_postponements_topic ON consultation_postponements (topic_id);
