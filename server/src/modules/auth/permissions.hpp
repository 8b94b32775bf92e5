#pragma once
// The auth module's rules, in one place: who may act in which committee.

#include <cstdint>

#include "core/auth/principal.hpp"

namespace sl::auth_module {

/// Entering a committee: only one where the user holds some role.
bool may_enter_committee(const Principal& p, int64_t committee_id);
/// Throws forbidden unless may_enter_committee.
void require_may_enter_committee(const Principal& p, int64_t committee_id);

}  // namespace sl::auth_module
