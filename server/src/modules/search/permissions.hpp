#pragma once
// Who may use which part of the search API, in one place. Full-text search and similar proposals
// are open to every signed-in user (their results are limited by proposals::visibility_condition);
// the staff tools (merge and unit suggestions, index status) belong to the proposal office.

#include "core/auth/principal.hpp"

namespace sl::search {

/// Throws forbidden unless `user` is proposal staff: merge and unit suggestions, the index status.
void require_staff_tools(const Principal& user);
/// True when `user` is told about every similar proposal, not only those they may see (proposal
/// staff review for duplicates).
bool sees_all_similar(const Principal& user);
/// True when `user` may look below the configured similarity threshold (weaker matches, for review).
bool may_lower_similar_threshold(const Principal& user);

}  // namespace sl::search
