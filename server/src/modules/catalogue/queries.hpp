#pragma once
// The fixed SQL statements of the catalogue module (its routes and the demo catalogue of
// cli/seed_catalogue.cpp), named and kept together, grouped by table. A committee's name comes
// from the platform's core/auth/queries.hpp (kCommitteeName).

namespace sl::catalogue::sql {

// ---------- catalogues: a session's catalogue state ----------

/// Claims for session $3 end on $1 (a date, or null), changed at $2.
inline constexpr const char* kSetClaimUntil =
    "UPDATE catalogues SET claim_until = $1, updated_at = $2 WHERE session_id = $3";
/// Session $3's catalogue is published at $1 by $2 (a name).
inline constexpr const char* kPublishCatalogue =
    "UPDATE catalogues SET state = 'published', published_at = $1, published_by_name = $2, updated_at = $1 WHERE "
    "session_id = $3";
/// Session $2's catalogue goes back to a draft at $1.
inline constexpr const char* kUnpublishCatalogue =
    "UPDATE catalogues SET state = 'draft', updated_at = $1 WHERE session_id = $2";
/// Demo data: the published catalogue of committee $1's session $2, at $3.
inline constexpr const char* kInsertPublishedCatalogue =
    "INSERT INTO catalogues (committee_id, session_id, state, published_at, published_by_name) VALUES ($1, $2, "
    "'published', $3, '田伟')";

// ---------- catalogue_topics ----------

inline constexpr const char* kCountTopics = "SELECT COUNT(*) FROM catalogue_topics WHERE session_id = $1";
/// The topics of session $1 in committee $2, in catalogue order.
inline constexpr const char* kTopicIdsInOrder =
    "SELECT id FROM catalogue_topics WHERE session_id = $1 AND committee_id = $2 ORDER BY sort, id";
/// Topic $3 takes place $1 at $2.
inline constexpr const char* kSetTopicSort = "UPDATE catalogue_topics SET sort = $1, updated_at = $2 WHERE id = $3";
/// Takes topic $1 of committee $2's row lock (PostgreSQL) for the rest of the transaction.
inline constexpr const char* kLockTopic =
    "UPDATE catalogue_topics SET updated_at = updated_at WHERE id = $1 AND committee_id = $2";
inline constexpr const char* kTopic = "SELECT * FROM catalogue_topics WHERE id = $1";
/// The session of topic $1 of committee $2.
inline constexpr const char* kTopicSession =
    "SELECT session_id FROM catalogue_topics WHERE id = $1 AND committee_id = $2";
/// Demo data: a topic of committee $1 and session $2 (category $3, topic $4, description $5,
/// suggested units $6 as a JSON array, proposed by $7, place $8, sharing allowed $9).
inline constexpr const char* kInsertTopic =
    "INSERT INTO catalogue_topics (committee_id, session_id, category, topic, description, suggested_unit_ids, "
    "proposed_by, sort, allow_sharing) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id";

// ---------- catalogue_claims ----------

/// The claims of topic $1, in order.
inline constexpr const char* kClaimsOfTopic =
    "SELECT group_type, group_id, group_name FROM catalogue_claims WHERE topic_id = $1 ORDER BY id";
/// A claim of topic $1 by group $2 (party, sector) $3 named $4, made by user $5 (may be null)
/// named $6 at $7.
inline constexpr const char* kInsertClaim =
    "INSERT INTO catalogue_claims (topic_id, group_type, group_id, group_name, claimed_by, claimed_by_name, "
    "claimed_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id";
/// Claim $1 of a topic of committee $2, with the topic's name.
inline constexpr const char* kClaimWithTopic =
    "SELECT k.topic_id, k.group_type, k.group_id, k.group_name, k.claimed_by_name, t.topic FROM catalogue_claims k "
    "JOIN catalogue_topics t ON t.id = k.topic_id WHERE k.id = $1 AND t.committee_id = $2";
inline constexpr const char* kDeleteClaim = "DELETE FROM catalogue_claims WHERE id = $1";

// ---------- the demo catalogue's references ----------

/// Unit named $2 of committee $1.
inline constexpr const char* kUnitByName = "SELECT id FROM units WHERE committee_id = $1 AND name = $2";
/// Party named $2 of committee $1.
inline constexpr const char* kPartyByName = "SELECT id FROM parties WHERE committee_id = $1 AND name = $2";
inline constexpr const char* kUserByUsername = "SELECT id, name FROM users WHERE username = $1";

}  // namespace sl::catalogue::sql
