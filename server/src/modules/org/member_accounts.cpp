#include "modules/org/member_accounts.hpp"

#include <sodium.h>

namespace sl::org {

std::string random_initial_password() {
  static const std::string kLetters = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ";
  static const std::string kDigits = "23456789";
  std::string pw;
  for (int i = 0; i < 7; ++i) pw.push_back(kLetters[randombytes_uniform(static_cast<uint32_t>(kLetters.size()))]);
  for (int i = 0; i < 3; ++i) pw.push_back(kDigits[randombytes_uniform(static_cast<uint32_t>(kDigits.size()))]);
  return pw;
}

MemberAccount ensure_member_account(App& app, db::Connection& c, int64_t committee_id, int64_t member_id,
                                    bool dry_run) {
  auto m = c.exec("SELECT name, mobile, user_id FROM members WHERE id = $1", {member_id}).one();
  MemberAccount out;
  if (auto linked = m.opt_int("user_id")) {
    out.user_id = *linked;
  } else {
    auto existing = c.exec("SELECT id FROM users WHERE mobile = $1", {m.text("mobile")});
    if (!existing.empty()) {
      out.user_id = existing.one().integer(0);
    } else {
      std::string pw = random_initial_password();
      std::string hash = dry_run ? "" : app.passwords.hash(pw);
      out.user_id = c.exec(
                         "INSERT INTO users (mobile, name, password_hash, must_change_password) VALUES ($1, $2, $3, 1) "
                         "RETURNING id",
                         {m.text("mobile"), m.text("name"), hash})
                        .one()
                        .integer(0);
      out.initial_password = pw;
    }
    c.exec("UPDATE members SET user_id = $1 WHERE id = $2", {out.user_id, member_id});
  }
  bool granted = !c.exec("SELECT 1 FROM role_grants WHERE user_id = $1 AND committee_id = $2 AND role = 'member'",
                         {out.user_id, committee_id})
                      .empty();
  if (!granted)
    c.exec("INSERT INTO role_grants (user_id, committee_id, role) VALUES ($1, $2, 'member')",
           {out.user_id, committee_id});
  return out;
}

void sync_member_account(db::Connection& c, int64_t member_id) {
  auto m = c.exec("SELECT name, mobile, user_id FROM members WHERE id = $1", {member_id}).one();
  auto user_id = m.opt_int("user_id");
  if (!user_id) return;
  c.exec("UPDATE users SET name = $1, mobile = $2, updated_at = $3 WHERE id = $4",
         {m.text("name"), m.text("mobile"), db::now_iso(), *user_id});
}

}  // namespace sl::org
