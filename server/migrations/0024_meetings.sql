-- Meetings and activities (会议活动): one capability that consultations, plenaries, standing
-- committee meetings and sector activities use. A meeting may name what it is about
-- (subject_type + subject_id, e.g. 'consultation_topic'); the meetings module knows nothing of
-- the subject. Invitees (members, a unit's people, guests, staff) reply (回执), ask for leave,
-- sign in with a rotating QR code or are marked by hand; members apply to speak; the minutes
-- (会议纪要) are drafted and approved. Attendance and speeches stay here as rows that the member
-- records read.
CREATE TABLE meetings (
  id @PK@,
  committee_id BIGINT NOT NULL REFERENCES committees(id),
  kind TEXT NOT NULL,
  title TEXT NOT NULL,
  agenda TEXT NOT NULL DEFAULT '',
  place TEXT NOT NULL DEFAULT '',
  starts_at TEXT NOT NULL,
  ends_at TEXT NOT NULL,
  subject_type TEXT,
  subject_id BIGINT,
  special_committee_id BIGINT REFERENCES special_committees(id),
  state TEXT NOT NULL DEFAULT 'draft',
  notified_at TEXT,
  cancel_reason TEXT NOT NULL DEFAULT '',
  minutes TEXT NOT NULL DEFAULT '',
  minutes_state TEXT NOT NULL DEFAULT 'draft',
  minutes_approved_by BIGINT REFERENCES users(id),
  minutes_approved_at TEXT,
  sign_in_secret TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  created_by BIGINT REFERENCES users(id),
  created_at TEXT NOT NULL DEFAULT @NOW@,
  updated_at TEXT NOT NULL DEFAULT @NOW@
);
CREATE INDEX meetings_committee_start ON meetings (committee_id, starts_at);
CREATE INDEX meetings_subject ON meetings (subject_type, subject_id);

CREATE TABLE meeting_invitees (
  id @PK@,
  meeting_id BIGINT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
  user_id BIGINT REFERENCES users(id),
  unit_id BIGINT REFERENCES units(id),
  guest_name TEXT NOT NULL DEFAULT '',
  guest_employer TEXT NOT NULL DEFAULT '',
  invited_as TEXT NOT NULL,
  reply TEXT NOT NULL DEFAULT 'none',
  leave_reason TEXT NOT NULL DEFAULT '',
  leave_state TEXT,
  leave_note TEXT NOT NULL DEFAULT '',
  leave_decided_by BIGINT REFERENCES users(id),
  leave_decided_at TEXT,
  replied_at TEXT,
  attendance TEXT NOT NULL DEFAULT 'none',
  signed_in_at TEXT,
  sign_in_how TEXT,
  manual_reason TEXT NOT NULL DEFAULT '',
  marked_by BIGINT REFERENCES users(id),
  created_at TEXT NOT NULL DEFAULT @NOW@
);
CREATE INDEX meeting_invitees_meeting ON meeting_invitees (meeting_id);
CREATE INDEX meeting_invitees_user ON meeting_invitees (user_id);
CREATE UNIQUE INDEX meeting_invitees_one_user ON meeting_invitees (meeting_id, user_id);
CREATE UNIQUE INDEX meeting_invitees_one_unit ON meeting_invitees (meeting_id, unit_id);

-- Every change of a reply: from what to what, why, by whom, when.
CREATE TABLE meeting_reply_changes (
  id @PK@,
  meeting_id BIGINT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
  invitee_id BIGINT NOT NULL REFERENCES meeting_invitees(id) ON DELETE CASCADE,
  from_reply TEXT NOT NULL,
  to_reply TEXT NOT NULL,
  reason TEXT NOT NULL DEFAULT '',
  by_user_id BIGINT REFERENCES users(id),
  at TEXT NOT NULL
);
CREATE INDEX meeting_reply_changes_invitee ON meeting_reply_changes (invitee_id);

CREATE TABLE meeting_speeches (
  id @PK@,
  meeting_id BIGINT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
  user_id BIGINT NOT NULL REFERENCES users(id),
  title TEXT NOT NULL,
  mode TEXT NOT NULL,
  body TEXT NOT NULL DEFAULT '',
  attachment_id BIGINT,
  position INTEGER NOT NULL DEFAULT 0,
  state TEXT NOT NULL DEFAULT 'applied',
  decided_by BIGINT REFERENCES users(id),
  decided_at TEXT,
  created_at TEXT NOT NULL DEFAULT @NOW@
);
CREATE INDEX meeting_speeches_meeting ON meeting_speeches (meeting_id, position);
CREATE INDEX meeting_speeches_user ON meeting_speeches (user_id);

-- A notice may point at any page of the web (a meeting: /meetings/12), beside proposal_id.
ALTER TABLE notifications ADD COLUMN link TEXT;
