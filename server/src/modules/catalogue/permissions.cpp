#include "modules/catalogue/permissions.hpp"

namespace sl::catalogue {

bool can_edit(const Principal& p) {
  return is_proposal_staff(p);
}

bool can_read(const Principal& p) {
  return acts_in_committee(p);
}

void require_editor(const http::Request& req) {
  if (!can_edit(req.user())) throw ApiError::forbidden("只有管理员和提案委可以编辑和发布提案撰写参考目录");
}

void require_reader(const http::Request& req) {
  if (!can_read(req.user())) throw ApiError::forbidden("没有权限查看提案撰写参考目录");
}

void authorize_topics(const http::Request& req, api::Operation op) {
  const auto& p = req.user();
  bool write = api::is_write(op);
  if (write ? can_edit(p) : can_read(p)) return;
  throw ApiError::forbidden(write ? "只有管理员和提案委可以编辑提案撰写参考目录" : "没有权限查看提案撰写参考目录");
}

void authorize_withdraw(const Principal& p, bool own_group) {
  if (!own_group && !can_edit(p)) throw ApiError::forbidden("只能撤回本党派或界别的认领");
}

}  // namespace sl::catalogue
