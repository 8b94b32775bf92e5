-- Proposals (提案) and their handling: co-signers, gapless numbers per session, unit
-- assignments, consultations with the proposer, replies, feedback, follow-ups, the step
-- history, the working-day calendar and in-app notifications.

CREATE TABLE proposals (
  id @PK@,
  committee_id BIGINT NOT NULL REFERENCES committees(id),
  session_id BIGINT NOT NULL REFERENCES sessions(id),
  between_sessions INTEGER NOT NULL DEFAULT 0,
  number INTEGER,
  number_label TEXT,
  kind TEXT NOT NULL DEFAULT 'individual',
  title TEXT NOT NULL,
  situation TEXT NOT NULL DEFAULT '',
  analysis TEXT NOT NULL DEFAULT '',
  suggestions TEXT NOT NULL DEFAULT '',
  category TEXT NOT NULL DEFAULT '',
  keywords TEXT NOT NULL DEFAULT '',
  suggested_unit_ids TEXT NOT NULL DEFAULT '[]',
  proposer_user_id BIGINT NOT NULL REFERENCES users(id),
  proposer_member_id BIGINT REFERENCES members(id),
  proposer_name TEXT NOT NULL,
  group_type TEXT,
  group_id BIGINT,
  consent_publish INTEGER NOT NULL DEFAULT 1,
  consent_reason TEXT NOT NULL DEFAULT '',
  state TEXT NOT NULL DEFAULT 'draft',
  version INTEGER NOT NULL DEFAULT 1,
  merged_into_id BIGINT REFERENCES proposals(id),
  decline_reason TEXT,
  decline_conversion TEXT,
  review_comment TEXT,
  handling_type TEXT,
  round INTEGER NOT NULL DEFAULT 1,
  result_category TEXT,
  satisfaction TEXT,
  is_key INTEGER NOT NULL DEFAULT 0,
  key_leader_ids TEXT NOT NULL DEFAULT '[]',
  key_special_committee_id BIGINT REFERENCES special_committees(id),
  published INTEGER NOT NULL DEFAULT 0,
  follow_up INTEGER NOT NULL DEFAULT 0,
  face_to_face INTEGER NOT NULL DEFAULT 0,
  due_at TEXT,
  submitted_at TEXT,
  filed_at TEXT,
  assigned_at TEXT,
  replied_at TEXT,
  closed_at TEXT,
  published_at TEXT,
  created_at TEXT NOT NULL DEFAULT @NOW@,
  updated_at TEXT NOT NULL DEFAULT @NOW@,
  UNIQUE (session_id, number)
);
CREATE INDEX proposals_committee_state ON proposals (committee_id, state);
CREATE INDEX proposals_proposer ON proposals (proposer_user_id);
CREATE INDEX proposals_session ON proposals (session_id, number);

CREATE TABLE proposal_number_counters (
  session_id BIGINT PRIMARY KEY REFERENCES sessions(id),
  last_number INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE proposal_cosigners (
  proposal_id BIGINT NOT NULL REFERENCES proposals(id) ON DELETE CASCADE,
  member_id BIGINT NOT NULL REFERENCES members(id),
  user_id BIGINT NOT NULL REFERENCES users(id),
  name TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'pending',
  due_at TEXT,
  answered_at TEXT,
  PRIMARY KEY (proposal_id, member_id)
);
CREATE INDEX proposal_cosigners_user ON proposal_cosigners (user_id);

CREATE TABLE proposal_assignments (
  id @PK@,
  proposal_id BIGINT NOT NULL REFERENCES proposals(id) ON DELETE CASCADE,
  unit_id BIGINT NOT NULL REFERENCES units(id),
  role TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'awaiting_sign',
  round INTEGER NOT NULL DEFAULT 1,
  sign_due TEXT,
  opinion_due TEXT,
  reply_due TEXT,
  return_reason TEXT,
  opinion TEXT,
  signed_at TEXT,
  created_at TEXT NOT NULL DEFAULT @NOW@
);
CREATE INDEX proposal_assignments_unit ON proposal_assignments (unit_id, state);
CREATE INDEX proposal_assignments_proposal ON proposal_assignments (proposal_id);

CREATE TABLE proposal_consultations (
  id @PK@,
  proposal_id BIGINT NOT NULL REFERENCES proposals(id) ON DELETE CASCADE,
  unit_id BIGINT NOT NULL REFERENCES units(id),
  method TEXT NOT NULL,
  held_on TEXT NOT NULL,
  people TEXT NOT NULL DEFAULT '',
  content TEXT NOT NULL,
  created_by BIGINT REFERENCES users(id),
  created_at TEXT NOT NULL DEFAULT @NOW@
);

CREATE TABLE proposal_replies (
  id @PK@,
  proposal_id BIGINT NOT NULL REFERENCES proposals(id) ON DELETE CASCADE,
  unit_id BIGINT NOT NULL REFERENCES units(id),
  round INTEGER NOT NULL,
  body TEXT NOT NULL,
  result_category TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'unit_review',
  comment TEXT,
  created_by BIGINT REFERENCES users(id),
  approved_by BIGINT REFERENCES users(id),
  created_at TEXT NOT NULL DEFAULT @NOW@,
  released_at TEXT
);
CREATE INDEX proposal_replies_proposal ON proposal_replies (proposal_id, round);

CREATE TABLE proposal_feedback (
  id @PK@,
  proposal_id BIGINT NOT NULL REFERENCES proposals(id) ON DELETE CASCADE,
  round INTEGER NOT NULL,
  user_id BIGINT NOT NULL REFERENCES users(id),
  rating TEXT NOT NULL,
  consulted TEXT NOT NULL DEFAULT '',
  attitude TEXT NOT NULL DEFAULT '',
  answers_proposal TEXT NOT NULL DEFAULT '',
  comment TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL DEFAULT @NOW@,
  UNIQUE (proposal_id, round, user_id)
);

CREATE TABLE proposal_extensions (
  id @PK@,
  proposal_id BIGINT NOT NULL REFERENCES proposals(id) ON DELETE CASCADE,
  unit_id BIGINT NOT NULL REFERENCES units(id),
  reason TEXT NOT NULL,
  requested_due TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'requested',
  created_at TEXT NOT NULL DEFAULT @NOW@
);

CREATE TABLE proposal_follow_ups (
  id @PK@,
  proposal_id BIGINT NOT NULL REFERENCES proposals(id) ON DELETE CASCADE,
  unit_id BIGINT REFERENCES units(id),
  commitment TEXT NOT NULL,
  due_date TEXT,
  progress TEXT NOT NULL DEFAULT '[]',
  done INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL DEFAULT @NOW@
);

CREATE TABLE proposal_history (
  id @PK@,
  proposal_id BIGINT NOT NULL REFERENCES proposals(id) ON DELETE CASCADE,
  at TEXT NOT NULL,
  actor_user_id BIGINT,
  actor_name TEXT NOT NULL DEFAULT '',
  role TEXT NOT NULL DEFAULT '',
  action TEXT NOT NULL,
  from_state TEXT NOT NULL,
  to_state TEXT NOT NULL,
  payload TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX proposal_history_proposal ON proposal_history (proposal_id, id);

-- The committee's working-day calendar: weekends are rest days unless listed as 'workday'
-- (调休上班); listed 'holiday' dates are rest days.
CREATE TABLE calendar_days (
  committee_id BIGINT NOT NULL REFERENCES committees(id),
  day TEXT NOT NULL,
  kind TEXT NOT NULL,
  name TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (committee_id, day)
);

CREATE TABLE notifications (
  id @PK@,
  committee_id BIGINT NOT NULL REFERENCES committees(id),
  user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  title TEXT NOT NULL,
  body TEXT NOT NULL DEFAULT '',
  proposal_id BIGINT REFERENCES proposals(id) ON DELETE CASCADE,
  dedupe_key TEXT,
  read_at TEXT,
  created_at TEXT NOT NULL DEFAULT @NOW@,
  UNIQUE (user_id, dedupe_key)
);
CREATE INDEX notifications_user ON notifications (user_id, read_at);
