-- A reply file belongs to the unit whose staff uploaded it: it is shown to the proposer only once
-- that unit's reply is released, and only that unit (or proposal staff) may delete it.
ALTER TABLE attachments ADD COLUMN unit_id BIGINT REFERENCES units(id);
