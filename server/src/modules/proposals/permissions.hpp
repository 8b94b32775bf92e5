#pragma once
// Who may do what in the proposal module, in one place. What a person may do to one proposal
// (which actor takes which action in which state) is the workflow table's (workflow.hpp) with the
// caller's relations to it (access.hpp); these are the module-wide rules the routes check.

#include <string_view>

#include "core/auth/principal.hpp"

namespace sl::proposals {

/// Reads every proposal of the committee (beyond drafts): proposal staff, leaders, supervisors.
bool sees_all(const Principal& p);
/// May put forward proposals: members, party and sector contacts, special committees' staff.
bool may_propose(const Principal& p);
/// Throws forbidden unless the caller is proposal staff (or an admin); `what` completes
/// "只有管理员和提案委可以…" (e.g. "修改提案设置").
void require_proposal_staff(const Principal& p, std::string_view what);
/// Throws forbidden unless the caller sees all proposals; `what` completes
/// "只有提案委、领导和督查室可以…".
void require_sees_all(const Principal& p, std::string_view what);

}  // namespace sl::proposals
