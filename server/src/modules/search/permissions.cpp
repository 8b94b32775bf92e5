#include "modules/search/permissions.hpp"

#include "core/errors.hpp"

namespace sl::search {

void require_staff_tools(const Principal& user) {
  if (!is_proposal_staff(user)) throw ApiError::forbidden("只有提案工作人员可以查看");
}

bool sees_all_similar(const Principal& user) {
  return is_proposal_staff(user);
}

bool may_lower_similar_threshold(const Principal& user) {
  return is_proposal_staff(user);
}

}  // namespace sl::search
