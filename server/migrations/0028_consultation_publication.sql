-- Outcomes the committee publishes (公开的协商成果): once sent, the office may publish an outcome
-- for the public pages; published_at is null while it is not public.
ALTER TABLE consultation_outcomes ADD COLUMN published_at TEXT;
ALTER TABLE consultation_outcomes ADD COLUMN published_by_name TEXT NOT NULL DEFAULT '';
CREATE INDEX consultation_outcomes_published ON consultation_outcomes (committee_id, published_at);
