#include "modules/org/permissions.hpp"

namespace sl::org {

bool can_administer(const Principal& p) {
  return is_proposal_staff(p);
}

bool can_read_directory(const Principal& p) {
  return p.has_any({Role::admin, Role::proposal_staff, Role::committee_staff, Role::leader, Role::supervisor});
}

void authorize_committees(const http::Request& req, api::Operation op) {
  const auto& p = req.user();
  if (api::is_write(op) ? p.has(Role::admin) : p.committee_id != 0) return;
  throw ApiError::forbidden("只有系统管理员可以管理委员会");
}

void authorize_reference_data(const http::Request& req, api::Operation op) {
  const auto& p = req.user();
  if (api::is_write(op) ? can_administer(p) : acts_in_committee(p)) return;
  throw ApiError::forbidden();
}

void authorize_members(const http::Request& req, api::Operation op) {
  const auto& p = req.user();
  if (api::is_write(op) ? can_administer(p) : (can_read_directory(p) || p.has(Role::group_contact))) return;
  throw ApiError::forbidden("没有权限查看或修改委员信息");
}

void authorize_units(const http::Request& req, api::Operation op) {
  const auto& p = req.user();
  if (api::is_write(op) ? can_administer(p) : acts_in_committee(p)) return;
  throw ApiError::forbidden("没有权限查看或修改承办单位");
}

bool can_manage_users(const Principal& p) {
  return p.has(Role::admin);
}

void authorize_users(const http::Request& req, api::Operation op) {
  const auto& p = req.user();
  if (can_manage_users(p)) return;
  if (op == api::Operation::list && p.has(Role::proposal_staff) && req.query_param("role") == "leader") return;
  throw ApiError::forbidden("只有系统管理员可以管理用户和角色");
}

}  // namespace sl::org
