-- Prefix queries on SQLite (issue #5): a query term ending in a Latin word or a number matches the
-- words that start with it ("app" finds "apps", "12345" finds "123456"). FTS5 answers a prefix by
-- merging the whole doclist of every word it may stand for before returning the first row: 250 ms
-- for "PM2.5" at a million proposals, where the words starting with "5" number eleven thousand.
-- search_words keeps every indexed word that starts with an ASCII letter or digit (the server adds
-- them as it indexes), so that the search spells a prefix out as the few exact words it stands for,
-- which FTS5 reads lazily, newest first.
--
-- Filled here from the full-text index itself (its vocabulary, the words below U+0080 only).

-- @only sqlite
CREATE TABLE search_words (
  word TEXT PRIMARY KEY
) WITHOUT ROWID;
CREATE VIRTUAL TABLE temp.search_vocab_0012 USING fts5vocab(main, search_fts, row);
INSERT INTO search_words (word) SELECT term FROM temp.search_vocab_0012 WHERE term < char(128);
DROP TABLE temp.search_vocab_0012;
-- @end
