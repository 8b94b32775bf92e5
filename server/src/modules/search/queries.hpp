#pragma once
// The fixed SQL statements of the search API, named and kept together. Statements assembled from
// parts (the search scope, the window, id lists) are built where they are assembled.

namespace sl::search::sql {

// ---------- full-text search ----------

/// The indexed words in [$1, $2), in order, at most $3: the exact words a Latin or numeric prefix may end in.
inline constexpr const char* kPrefixWords =
    "SELECT word FROM search_words WHERE word >= $1 AND word < $2 ORDER BY word LIMIT $3";
/// The newest key in the key range [$1, $2].
inline constexpr const char* kNewestKey = "SELECT MAX(fts_key) FROM search_docs WHERE fts_key BETWEEN $1 AND $2";
/// The key of the ($3 + 1)-th newest document in the key range [$1, $2].
inline constexpr const char* kNthNewestKey =
    "SELECT fts_key FROM search_docs WHERE fts_key BETWEEN $1 AND $2 ORDER BY fts_key DESC LIMIT 1 OFFSET $3";

// ---------- hot searches ----------

inline constexpr const char* kLogSearch =
    "INSERT INTO search_log (committee_id, user_id, day, term) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING";
/// The 50 most searched terms of committee $1 since day $2 (YYYY-MM-DD, compared as text).
inline constexpr const char* kHotSearches =
    "SELECT term, COUNT(*) AS n FROM search_log WHERE committee_id = $1 AND day >= $2 GROUP BY term ORDER BY n DESC, "
    "term LIMIT 50";

// ---------- similar proposals, merge and unit suggestions ----------

/// Proposal $1 of committee $2, with the fields its text is made of.
inline constexpr const char* kProposalText =
    "SELECT id, title, situation, analysis, suggestions, state, committee_id, session_id FROM proposals WHERE id = $1 "
    "AND committee_id = $2";
/// Fallback while the similar index is built: the newest proposals matching tsquery $1 in key range [$2, $3],
/// except $4, at most $5 (PostgreSQL).
inline constexpr const char* kFallbackSimilarPg =
    "SELECT d.proposal_id, ts_rank(d.tsv, $1::tsquery) AS s FROM search_docs d WHERE d.tsv @@ $1::tsquery AND "
    "d.fts_key BETWEEN $2 AND $3 AND d.doc_type = 'proposal' AND d.state <> 'draft' AND d.proposal_id <> $4 "
    "ORDER BY d.fts_key DESC LIMIT $5";
/// The same on SQLite, with FTS5 expression $1.
inline constexpr const char* kFallbackSimilarFts =
    "SELECT d.proposal_id, sl_rank(search_fts) AS s FROM search_fts JOIN search_docs d ON d.fts_key = "
    "search_fts.rowid WHERE search_fts MATCH $1 AND search_fts.rowid BETWEEN $2 AND $3 AND d.doc_type = "
    "'proposal' AND d.state <> 'draft' AND d.proposal_id <> $4 ORDER BY search_fts.rowid DESC LIMIT $5";
/// The proposals of committee $1 and session $2 that may still be merged, in id order.
inline constexpr const char* kMergeCandidates =
    "SELECT id, title, situation, analysis, suggestions, state, number_label, proposer_name, submitted_at FROM "
    "proposals WHERE committee_id = $1 AND session_id = $2 AND state IN (";  // + the mergeable states + ") ORDER BY id"
/// Every current lead assignment, for the evaluation of unit suggestions.
inline constexpr const char* kLeadAssignments =
    "SELECT proposal_id, unit_id FROM proposal_assignments WHERE role = 'lead' AND state <> 'reassigned'";
/// Proposal $1's committee and text, for the evaluation of unit suggestions.
inline constexpr const char* kProposalForEvaluation =
    "SELECT committee_id, title, situation, analysis, suggestions FROM proposals WHERE id = $1";

// ---------- the in-memory similar index ----------

/// Proposal $1's search document, to update the similar index.
inline constexpr const char* kProposalDoc =
    "SELECT committee_id, session_id, state, title, body FROM search_docs WHERE doc_type = 'proposal' AND ref_id = $1";
inline constexpr const char* kMaxDocId = "SELECT COALESCE(MAX(id), 0) FROM search_docs";
/// The next 2,000 proposal documents after id $1, in id order by the primary key: `doc_type || ''` keeps the
/// planner off the (doc_type, ref_id) index, which would read and sort every proposal's document for each batch.
inline constexpr const char* kSimilarBatch =
    "SELECT id, ref_id, committee_id, session_id, state, title, body FROM search_docs WHERE doc_type || '' = "
    "'proposal' AND state <> 'draft' AND id > $1 ORDER BY id LIMIT 2000";
inline constexpr const char* kLastProposalChange = "SELECT MAX(updated_at) FROM proposals";
/// Proposal documents whose proposal changed at or after $1, oldest change first.
inline constexpr const char* kChangedDocs =
    "SELECT ref_id, source_updated_at FROM search_docs WHERE doc_type = 'proposal' AND source_updated_at >= $1 ORDER "
    "BY source_updated_at";

// ---------- the index (indexer.cpp) ----------

/// SQLite: the full-text index's segments that hold at least 1/64 of its pages.
inline constexpr const char* kLargeFtsSegments =
    "WITH s AS (SELECT segid, MAX(pgno) AS pages FROM search_fts_idx GROUP BY segid) SELECT COUNT(*) FROM s WHERE "
    "pages * 64 >= (SELECT SUM(pages) FROM s)";
inline constexpr const char* kTotalChanges = "SELECT total_changes()";
/// SQLite: one FTS5 merge step of $1 pages (negative: first gather every segment into one level).
inline constexpr const char* kFtsMerge = "INSERT INTO search_fts (search_fts, rank) VALUES ('merge', $1)";
inline constexpr const char* kCatchUpFrom = "SELECT value FROM search_state WHERE name = 'catch_up_from'";
inline constexpr const char* kSaveCatchUpFrom =
    "INSERT INTO search_state (name, value) VALUES ('catch_up_from', $1) ON CONFLICT (name) DO UPDATE SET value = "
    "excluded.value";

// ---------- the replica (replica.cpp): on the PostgreSQL source ----------

inline constexpr const char* kSourceId = "SELECT id FROM search_source";
inline constexpr const char* kPgSnapshot =
    "SELECT pg_snapshot_xmin(s)::text, pg_snapshot_xmax(s)::text FROM pg_current_snapshot() s";
/// Deletes the changes older than $1 days and records the newest transaction deleted.
inline constexpr const char* kPruneChanges =
    "WITH gone AS (DELETE FROM search_changes WHERE at < now() - make_interval(days => $1) RETURNING xid) "
    "UPDATE search_source SET pruned_through = GREATEST(pruned_through, (SELECT MAX(xid::text::bigint) FROM gone)) "
    "WHERE EXISTS (SELECT 1 FROM gone)";
inline constexpr const char* kPrunedThrough = "SELECT pruned_through FROM search_source";
/// The changes of transactions from $1 (a transaction id as text) on, in order.
inline constexpr const char* kChangesSince =
    "SELECT seq, fts_key, xid::text FROM search_changes WHERE xid >= $1::text::xid8 ORDER BY seq";

// ---------- the replica (replica.cpp): in its own SQLite file ----------

inline constexpr const char* kUserVersion = "PRAGMA user_version";
inline constexpr const char* kReplicaDropTables =
    "DROP TABLE IF EXISTS search_docs; DROP TABLE IF EXISTS search_texts; DROP TABLE IF EXISTS search_fts; "
    "DROP TABLE IF EXISTS replica_state;";
inline constexpr const char* kReplicaState = "SELECT v FROM replica_state WHERE k = $1";
inline constexpr const char* kReplicaSetState =
    "INSERT INTO replica_state (k, v) VALUES ($1, $2) ON CONFLICT (k) DO UPDATE SET v = excluded.v";
inline constexpr const char* kReplicaInsertText = "INSERT INTO search_texts (fts_key, title, body) VALUES ($1, $2, $3)";
/// Empties the replica, in this order.
inline constexpr const char* kReplicaWipe[] = {"INSERT INTO search_fts (search_fts) VALUES ('delete-all')",
                                               "DELETE FROM search_docs", "DELETE FROM search_texts",
                                               "DELETE FROM replica_state"};

}  // namespace sl::search::sql
