-- A topic's research (调研) and inspections (视察): an activity with a team (committee people by
-- their account, experts from outside by name, employer and title), an outline, site visits
-- (date, place, participants, notes, photos), materials, and a report written in drafts,
-- submitted to the topic's lead leader, returned with a reason or approved as the final version.
CREATE TABLE consultation_research (
  id @PK@,
  committee_id BIGINT NOT NULL REFERENCES committees(id),
  topic_id BIGINT NOT NULL REFERENCES consultation_topics(id),
  kind TEXT NOT NULL DEFAULT 'research',
  title TEXT NOT NULL,
  outline TEXT NOT NULL DEFAULT '',
  state TEXT NOT NULL DEFAULT 'drafting',
  report_body TEXT NOT NULL DEFAULT '',
  report_version INTEGER NOT NULL DEFAULT 0,
  finalised_at TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  created_by BIGINT REFERENCES users(id),
  created_at TEXT NOT NULL DEFAULT @NOW@,
  updated_at TEXT NOT NULL DEFAULT @NOW@
);
CREATE INDEX consultation_research_topic ON consultation_research (topic_id);

-- The team: user_id for the committee's own people (leader, member, staff), NULL for an expert.
CREATE TABLE consultation_research_members (
  id @PK@,
  research_id BIGINT NOT NULL REFERENCES consultation_research(id),
  user_id BIGINT REFERENCES users(id),
  role TEXT NOT NULL,
  name TEXT NOT NULL,
  employer TEXT NOT NULL DEFAULT '',
  title TEXT NOT NULL DEFAULT '',
  position INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX consultation_research_members_research ON consultation_research_members (research_id);
CREATE INDEX consultation_research_members_user ON consultation_research_members (user_id);

CREATE TABLE consultation_research_visits (
  id @PK@,
  research_id BIGINT NOT NULL REFERENCES consultation_research(id),
  visited_on TEXT NOT NULL,
  place TEXT NOT NULL,
  participants TEXT NOT NULL DEFAULT '',
  notes TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL DEFAULT 1,
  created_by BIGINT REFERENCES users(id),
  created_at TEXT NOT NULL DEFAULT @NOW@,
  updated_at TEXT NOT NULL DEFAULT @NOW@
);
CREATE INDEX consultation_research_visits_research ON consultation_research_visits (research_id, visited_on);

-- The team's own people who took part in a visit (they may add its photos and materials).
CREATE TABLE consultation_research_visit_members (
  id @PK@,
  visit_id BIGINT NOT NULL REFERENCES consultation_research_visits(id),
  user_id BIGINT NOT NULL REFERENCES users(id)
);
CREATE UNIQUE INDEX consultation_research_visit_members_pair ON consultation_research_visit_members (visit_id, user_id);

-- Photos, materials and report files; kept in the database, base64-encoded, as proposals'
-- attachments are, so that every node serves them.
CREATE TABLE consultation_research_files (
  id @PK@,
  committee_id BIGINT NOT NULL REFERENCES committees(id),
  research_id BIGINT NOT NULL REFERENCES consultation_research(id),
  visit_id BIGINT REFERENCES consultation_research_visits(id),
  purpose TEXT NOT NULL,
  filename TEXT NOT NULL,
  content_type TEXT NOT NULL,
  size BIGINT NOT NULL,
  sha256 TEXT NOT NULL,
  data TEXT NOT NULL,
  uploaded_by BIGINT REFERENCES users(id),
  uploaded_by_name TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL DEFAULT @NOW@
);
CREATE INDEX consultation_research_files_research ON consultation_research_files (research_id);

-- Every saved version of the report.
CREATE TABLE consultation_research_report_drafts (
  id @PK@,
  research_id BIGINT NOT NULL REFERENCES consultation_research(id),
  version INTEGER NOT NULL,
  body TEXT NOT NULL,
  author_id BIGINT REFERENCES users(id),
  author_name TEXT NOT NULL DEFAULT '',
  at TEXT NOT NULL DEFAULT @NOW@
);
CREATE UNIQUE INDEX consultation_research_report_drafts_version ON consultation_research_report_drafts (research_id, version);

-- The report's review: submitted, returned (with the reason), approved.
CREATE TABLE consultation_research_history (
  id @PK@,
  research_id BIGINT NOT NULL REFERENCES consultation_research(id),
  action TEXT NOT NULL,
  from_state TEXT NOT NULL DEFAULT '',
  to_state TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  actor_id BIGINT REFERENCES users(id),
  actor_name TEXT NOT NULL DEFAULT '',
  at TEXT NOT NULL DEFAULT @NOW@
);
CREATE INDEX consultation_research_history_research ON consultation_research_history (research_id);
