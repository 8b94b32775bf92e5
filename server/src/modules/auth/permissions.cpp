#include "modules/auth/permissions.hpp"

#include <algorithm>

#include "core/errors.hpp"

namespace sl::auth_module {

bool may_enter_committee(const Principal& p, int64_t committee_id) {
  return std::any_of(p.grants.begin(), p.grants.end(), [&](const Grant& g) { return g.committee_id == committee_id; });
}

void require_may_enter_committee(const Principal& p, int64_t committee_id) {
  if (!may_enter_committee(p, committee_id)) throw ApiError::forbidden("您在该委员会没有任何角色");
}

}  // namespace sl::auth_module
