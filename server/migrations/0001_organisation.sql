-- The organisation model: committees (tenants), terms and sessions, sectors, parties,
-- special committees, handling units, members, users and role grants.

CREATE TABLE committees (
  id @PK@,
  parent_id BIGINT REFERENCES committees(id),
  name TEXT NOT NULL UNIQUE,
  short_name TEXT NOT NULL DEFAULT '',
  level TEXT NOT NULL DEFAULT 'district',
  region TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL DEFAULT @NOW@,
  updated_at TEXT NOT NULL DEFAULT @NOW@
);

CREATE TABLE terms (
  id @PK@,
  committee_id BIGINT NOT NULL REFERENCES committees(id),
  number INTEGER NOT NULL,
  name TEXT NOT NULL,
  start_date TEXT NOT NULL,
  end_date TEXT NOT NULL,
  created_at TEXT NOT NULL DEFAULT @NOW@,
  updated_at TEXT NOT NULL DEFAULT @NOW@,
  UNIQUE (committee_id, number)
);

CREATE TABLE sessions (
  id @PK@,
  committee_id BIGINT NOT NULL REFERENCES committees(id),
  term_id BIGINT NOT NULL REFERENCES terms(id),
  number INTEGER NOT NULL,
  name TEXT NOT NULL,
  start_date TEXT NOT NULL,
  end_date TEXT NOT NULL,
  is_current INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL DEFAULT @NOW@,
  updated_at TEXT NOT NULL DEFAULT @NOW@,
  UNIQUE (term_id, number)
);

CREATE TABLE sectors (
  id @PK@,
  committee_id BIGINT NOT NULL REFERENCES committees(id),
  name TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  sort INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL DEFAULT @NOW@,
  updated_at TEXT NOT NULL DEFAULT @NOW@,
  UNIQUE (committee_id, name)
);

CREATE TABLE parties (
  id @PK@,
  committee_id BIGINT NOT NULL REFERENCES committees(id),
  name TEXT NOT NULL,
  short_name TEXT NOT NULL DEFAULT '',
  sort INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL DEFAULT @NOW@,
  updated_at TEXT NOT NULL DEFAULT @NOW@,
  UNIQUE (committee_id, name)
);

CREATE TABLE units (
  id @PK@,
  committee_id BIGINT NOT NULL REFERENCES committees(id),
  name TEXT NOT NULL,
  short_name TEXT NOT NULL DEFAULT '',
  kind TEXT NOT NULL DEFAULT 'government',
  leader_name TEXT NOT NULL DEFAULT '',
  contact_name TEXT NOT NULL DEFAULT '',
  contact_phone TEXT NOT NULL DEFAULT '',
  address TEXT NOT NULL DEFAULT '',
  contacts TEXT NOT NULL DEFAULT '[]',
  sort INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL DEFAULT @NOW@,
  updated_at TEXT NOT NULL DEFAULT @NOW@,
  UNIQUE (committee_id, name)
);

CREATE TABLE special_committees (
  id @PK@,
  committee_id BIGINT NOT NULL REFERENCES committees(id),
  name TEXT NOT NULL,
  kind TEXT NOT NULL DEFAULT 'other',
  description TEXT NOT NULL DEFAULT '',
  sort INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL DEFAULT @NOW@,
  updated_at TEXT NOT NULL DEFAULT @NOW@,
  UNIQUE (committee_id, name)
);

CREATE TABLE special_committee_units (
  special_committee_id BIGINT NOT NULL REFERENCES special_committees(id) ON DELETE CASCADE,
  unit_id BIGINT NOT NULL REFERENCES units(id),
  PRIMARY KEY (special_committee_id, unit_id)
);

CREATE TABLE users (
  id @PK@,
  username TEXT UNIQUE,
  mobile TEXT UNIQUE,
  name TEXT NOT NULL,
  password_hash TEXT NOT NULL DEFAULT '',
  must_change_password INTEGER NOT NULL DEFAULT 0,
  status TEXT NOT NULL DEFAULT 'active',
  failed_logins INTEGER NOT NULL DEFAULT 0,
  locked_until TEXT,
  last_login_at TEXT,
  created_at TEXT NOT NULL DEFAULT @NOW@,
  updated_at TEXT NOT NULL DEFAULT @NOW@
);

CREATE TABLE members (
  id @PK@,
  committee_id BIGINT NOT NULL REFERENCES committees(id),
  user_id BIGINT REFERENCES users(id),
  name TEXT NOT NULL,
  gender TEXT NOT NULL DEFAULT 'male',
  mobile TEXT NOT NULL,
  sector_id BIGINT NOT NULL REFERENCES sectors(id),
  party_id BIGINT REFERENCES parties(id),
  is_standing INTEGER NOT NULL DEFAULT 0,
  employer TEXT NOT NULL DEFAULT '',
  title TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'active',
  created_at TEXT NOT NULL DEFAULT @NOW@,
  updated_at TEXT NOT NULL DEFAULT @NOW@,
  UNIQUE (committee_id, mobile)
);
CREATE INDEX members_committee_name ON members (committee_id, name);

CREATE TABLE member_special_committees (
  member_id BIGINT NOT NULL REFERENCES members(id) ON DELETE CASCADE,
  special_committee_id BIGINT NOT NULL REFERENCES special_committees(id),
  PRIMARY KEY (member_id, special_committee_id)
);

CREATE TABLE role_grants (
  id @PK@,
  user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  committee_id BIGINT NOT NULL REFERENCES committees(id),
  role TEXT NOT NULL,
  unit_id BIGINT REFERENCES units(id),
  special_committee_id BIGINT REFERENCES special_committees(id),
  party_id BIGINT REFERENCES parties(id),
  sector_id BIGINT REFERENCES sectors(id),
  created_at TEXT NOT NULL DEFAULT @NOW@
);
CREATE INDEX role_grants_user ON role_grants (user_id, committee_id);

-- Accounts: sessions, captchas, SMS codes, failed logins by address.
CREATE TABLE auth_sessions (
  token_hash TEXT PRIMARY KEY,
  user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  committee_id BIGINT REFERENCES committees(id),
  csrf_token TEXT NOT NULL,
  address TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL
);
CREATE INDEX auth_sessions_user ON auth_sessions (user_id);

CREATE TABLE captchas (
  id TEXT PRIMARY KEY,
  answer TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE sms_codes (
  id @PK@,
  phone TEXT NOT NULL,
  purpose TEXT NOT NULL,
  code_hash TEXT NOT NULL,
  tries INTEGER NOT NULL DEFAULT 0,
  used INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE INDEX sms_codes_phone ON sms_codes (phone, purpose, created_at);

CREATE TABLE login_failures (
  address TEXT PRIMARY KEY,
  failures INTEGER NOT NULL DEFAULT 0,
  last_failed_at TEXT NOT NULL
);

-- The audit log: one row per write, each carrying the hash of the previous row.
CREATE TABLE audit_log (
  id @PK@,
  committee_id BIGINT,
  actor_user_id BIGINT,
  actor_name TEXT NOT NULL DEFAULT '',
  role TEXT NOT NULL DEFAULT '',
  address TEXT NOT NULL DEFAULT '',
  at TEXT NOT NULL,
  action TEXT NOT NULL,
  subject_type TEXT NOT NULL,
  subject_id TEXT NOT NULL DEFAULT '',
  before_json TEXT,
  after_json TEXT,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX audit_log_committee ON audit_log (committee_id, id);
