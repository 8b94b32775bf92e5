-- Lists page through a committee's rows by id: without these, SQLite sorts the whole committee
-- for every page (measured: 1.5 ms → 0.07 ms a page of members at 10k members).
CREATE INDEX members_committee_id ON members (committee_id, id);
CREATE INDEX units_committee_sort ON units (committee_id, sort, id);
CREATE INDEX proposals_committee_id ON proposals (committee_id, id);
