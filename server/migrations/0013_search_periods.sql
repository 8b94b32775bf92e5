-- Search on PostgreSQL that asks the GIN index for the newest matches (issue #5).
--
-- A search takes the newest matches of its query (the window). PostgreSQL found them either by
-- walking the key index newest first and checking each row's tsvector (a TOASTed value: about 6 µs
-- a row warm, 70 ms for a word in one document in ten at a million proposals, seconds for a phrase
-- of common bigrams), or by reading every match from the GIN index and sorting them. Each
-- document's tsvector now also holds the lexeme of its period of 32 days ('~p<sort_day / 32>', the
-- day clamped as in fts_key), and the search first asks for the query AND the newest periods, then
-- widens. See search::tsquery_periods and search_window().
--
-- At a million proposals this rewrites every tsvector (as long as `search reindex`); a committee's
-- few thousand documents take seconds.

-- @only postgres
UPDATE search_docs SET tsv = tsv || ('~p' || (LEAST(GREATEST(sort_day, 0), 65535) / 32))::tsvector
  WHERE tsv IS NOT NULL;
-- @end
