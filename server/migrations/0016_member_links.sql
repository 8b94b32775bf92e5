-- A member whose mobile already belongs to an account waits for that account holder to accept
-- the link (members.user_id is set only then): staff never join someone else's account alone.
ALTER TABLE members ADD COLUMN pending_user_id BIGINT REFERENCES users(id);
CREATE INDEX members_pending_user ON members (pending_user_id);
