#include "modules/org/member_accounts.hpp"

#include <sodium.h>

#include "modules/org/queries.hpp"

namespace sl::org {

std::string random_initial_password() {
  static const std::string kLetters = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ";
  static const std::string kDigits = "23456789";
  std::string pw;
  for (int i = 0; i < 7; ++i) pw.push_back(kLetters[randombytes_uniform(static_cast<uint32_t>(kLetters.size()))]);
  for (int i = 0; i < 3; ++i) pw.push_back(kDigits[randombytes_uniform(static_cast<uint32_t>(kDigits.size()))]);
  return pw;
}

void grant_member_role(db::Connection& c, int64_t user_id, int64_t committee_id) {
  if (c.exec(sql::kHasMemberGrant, {user_id, committee_id}).empty())
    c.exec(sql::kInsertMemberGrant, {user_id, committee_id});
}

MemberAccount ensure_member_account(App& app, db::Connection& c, int64_t committee_id, int64_t member_id,
                                    bool dry_run) {
  auto m = c.exec(sql::kSelectMember, {member_id}).one();
  MemberAccount out;
  if (auto linked = m.opt_int("user_id")) {
    out.link = AccountLink::linked;
    out.user_id = *linked;
  } else if (auto existing = c.exec(sql::kSelectUserByMobile, {m.text("mobile")}); !existing.empty()) {
    // Someone already signs in with this mobile: only they may join it to this member.
    out.link = AccountLink::pending_consent;
    c.exec(sql::kRequestLink, {existing.one().integer(0), member_id});
    return out;
  } else {
    std::string pw = random_initial_password();
    std::string hash = dry_run ? "" : app.passwords.hash(pw);
    out.user_id = c.exec(sql::kInsertMemberUser, {m.text("mobile"), m.text("name"), hash}).one().integer(0);
    out.initial_password = pw;
    c.exec(sql::kLinkMember, {out.user_id, member_id});
  }
  grant_member_role(c, out.user_id, committee_id);
  return out;
}

void sync_member_account(db::Connection& c, int64_t member_id, int64_t committee_id) {
  auto m = c.exec(sql::kSelectMember, {member_id}).one();
  auto user_id = m.opt_int("user_id");
  if (!user_id || !account_within_subtree(c, *user_id, committee_id)) return;
  c.exec(sql::kSyncName, {m.text("name"), db::now_iso(), *user_id});
}

bool account_within_subtree(db::Connection& c, int64_t user_id, int64_t committee_id) {
  return c.exec(sql::kGrantsOutsideSubtree, {committee_id, user_id}).one().integer(0) == 0;
}

void require_account_within_subtree(db::Connection& c, int64_t user_id, int64_t committee_id) {
  if (!account_within_subtree(c, user_id, committee_id))
    throw ApiError::forbidden(
        "该账号在其他委员会（本委员会及下级以外）也有角色，只有那些委员会的上级管理员或本人可以修改密码、停用或删除它");
}

}  // namespace sl::org
