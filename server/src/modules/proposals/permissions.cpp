#include "modules/proposals/permissions.hpp"

#include <string>

#include "core/errors.hpp"

namespace sl::proposals {

bool sees_all(const Principal& p) {
  return reads_all_proposals(p);
}

bool may_propose(const Principal& p) {
  return p.has_any({Role::member, Role::group_contact, Role::committee_staff});
}

void require_proposal_staff(const Principal& p, std::string_view what) {
  if (!is_proposal_staff(p)) throw ApiError::forbidden("只有管理员和提案委可以" + std::string(what));
}

void require_sees_all(const Principal& p, std::string_view what) {
  if (!sees_all(p)) throw ApiError::forbidden("只有提案委、领导和督查室可以" + std::string(what));
}

}  // namespace sl::proposals
