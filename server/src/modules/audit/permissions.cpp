#include "modules/audit/permissions.hpp"

#include "core/errors.hpp"

namespace sl::audit_module {

bool can_read_audit_log(const Principal& p) {
  return p.has(Role::admin);
}

void require_audit_reader(const Principal& p) {
  if (!can_read_audit_log(p)) throw ApiError::forbidden("只有系统管理员可以查看审计日志");
}

}  // namespace sl::audit_module
