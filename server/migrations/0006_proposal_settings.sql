-- Per-committee proposal settings (提案设置): the 不立案 reasons, the co-signature window, whether
-- result category D is used, the sign-for / co-unit opinion / reply / extension / second
-- handling windows and the reminder points. A committee without a row uses the built-in and
-- configured defaults. Lists are JSON text.
CREATE TABLE proposal_settings (
  committee_id BIGINT PRIMARY KEY REFERENCES committees(id),
  decline_reasons TEXT NOT NULL,
  cosign_window_days INTEGER NOT NULL,
  result_d_enabled INTEGER NOT NULL DEFAULT 0,
  sign_window_working_days INTEGER NOT NULL,
  opinion_months INTEGER NOT NULL,
  reply_months INTEGER NOT NULL,
  max_reply_months INTEGER NOT NULL,
  second_handling_months INTEGER NOT NULL,
  reminder_days TEXT NOT NULL,
  updated_by BIGINT REFERENCES users(id),
  updated_at TEXT NOT NULL DEFAULT @NOW@
);

-- The face-to-face consultation (当面协商) staff arrange for a proposal still unsatisfied after
-- second handling (proposals.face_to_face = 1), and its outcome.
CREATE TABLE proposal_face_to_face (
  proposal_id BIGINT PRIMARY KEY REFERENCES proposals(id) ON DELETE CASCADE,
  state TEXT NOT NULL DEFAULT 'arranged',
  meeting_date TEXT NOT NULL,
  place TEXT NOT NULL,
  attendees TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  outcome TEXT,
  held_on TEXT,
  arranged_by BIGINT REFERENCES users(id),
  arranged_at TEXT NOT NULL DEFAULT @NOW@,
  recorded_by BIGINT REFERENCES users(id),
  recorded_at TEXT
);
CREATE INDEX proposals_face_to_face ON proposals (committee_id, face_to_face);
