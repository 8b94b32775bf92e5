-- Prefix queries on PostgreSQL (issue #5), as 0012 did for SQLite. GIN answers a prefix entry
-- ('12345':*) by collecting every row of every lexeme it stands for before it can intersect them
-- with anything else: 944 ms for "12345" at a million proposals. The search now spells a prefix out
-- as the exact words it stands for, which GIN skips through.
--
-- Filled here from the lexemes of the stored tsvectors (ts_stat reads each of them once: as long as
-- a reindex at a million proposals, seconds for a committee). Period lexemes ('~p…') are not words.
-- The "C" collation orders the words byte by byte, as the search's range lookup expects.

-- @only postgres
CREATE TABLE search_words (
  word TEXT COLLATE "C" PRIMARY KEY
);
INSERT INTO search_words (word)
  SELECT word FROM ts_stat('SELECT tsv FROM search_docs WHERE tsv IS NOT NULL')
  WHERE ascii(word) BETWEEN 48 AND 57 OR ascii(word) BETWEEN 97 AND 122;
-- @end
