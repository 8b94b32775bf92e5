-- A topic's online deliberation (网络议政 / 远程协商): one window per topic, set by those who run
-- the topic (opens_at … closes_at, UTC timestamps, and the question put to members), the members
-- invited to it, and their opinions. An opinion waits for moderation (pending), is published or
-- hidden with a reason, and may be selected into the topic's outcome. state 'closed' records that
-- the window was closed early (closes_at is then the moment it closed); extending it reopens it.
CREATE TABLE consultation_deliberations (
  id @PK@,
  committee_id BIGINT NOT NULL REFERENCES committees(id),
  topic_id BIGINT NOT NULL REFERENCES consultation_topics(id),
  prompt TEXT NOT NULL,
  opens_at TEXT NOT NULL,
  closes_at TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'open',
  closed_at TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  created_by BIGINT REFERENCES users(id),
  created_at TEXT NOT NULL DEFAULT @NOW@,
  updated_at TEXT NOT NULL DEFAULT @NOW@
);
CREATE UNIQUE INDEX consultation_deliberations_topic ON consultation_deliberations (topic_id);
CREATE INDEX consultation_deliberations_committee ON consultation_deliberations (committee_id, closes_at);

CREATE TABLE consultation_deliberation_invitees (
  id @PK@,
  deliberation_id BIGINT NOT NULL REFERENCES consultation_deliberations(id),
  user_id BIGINT NOT NULL REFERENCES users(id),
  invited_by BIGINT REFERENCES users(id),
  invited_at TEXT NOT NULL DEFAULT @NOW@
);
CREATE UNIQUE INDEX consultation_deliberation_invitees_pair ON consultation_deliberation_invitees (deliberation_id, user_id);
CREATE INDEX consultation_deliberation_invitees_user ON consultation_deliberation_invitees (user_id);

CREATE TABLE consultation_deliberation_opinions (
  id @PK@,
  committee_id BIGINT NOT NULL REFERENCES committees(id),
  deliberation_id BIGINT NOT NULL REFERENCES consultation_deliberations(id),
  author_id BIGINT NOT NULL REFERENCES users(id),
  author_name TEXT NOT NULL DEFAULT '',
  body TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'pending',
  moderated_by BIGINT REFERENCES users(id),
  moderated_by_name TEXT NOT NULL DEFAULT '',
  moderated_at TEXT,
  moderation_reason TEXT NOT NULL DEFAULT '',
  selected INTEGER NOT NULL DEFAULT 0,
  selected_by BIGINT REFERENCES users(id),
  selected_at TEXT,
  created_at TEXT NOT NULL DEFAULT @NOW@,
  updated_at TEXT NOT NULL DEFAULT @NOW@
);
CREATE INDEX consultation_deliberation_opinions_window ON consultation_deliberation_opinions (deliberation_id, id);
CREATE INDEX consultation_deliberation_opinions_author ON consultation_deliberation_opinions (author_id);
