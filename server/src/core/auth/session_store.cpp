#include "core/auth/session_store.hpp"

#include <ctime>

#include "core/auth/password.hpp"
#include "core/auth/queries.hpp"
#include "core/clock.hpp"

namespace sl::auth {

namespace {
constexpr const char* kInsertSession =
    "INSERT INTO auth_sessions (token_hash, user_id, committee_id, csrf_token, address, created_at, last_seen_at) "
    "VALUES ($1, $2, $3, $4, $5, $6, $6)";
constexpr const char* kSelectSession =
    "SELECT s.user_id, s.committee_id, s.csrf_token, s.created_at, s.last_seen_at, u.name, u.must_change_password, "
    "u.status "
    "FROM auth_sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = $1";
constexpr const char* kSelectGrants =
    "SELECT id, committee_id, role, unit_id, special_committee_id, party_id, sector_id FROM role_grants "
    "WHERE user_id = $1 ORDER BY committee_id, id";
constexpr int kTouchEverySeconds = 60;

int64_t parse_iso(const std::string& iso) {
  std::tm tm{};
  if (!strptime(iso.c_str(), "%Y-%m-%dT%H:%M:%SZ", &tm)) return 0;
  return timegm(&tm);
}
}  // namespace

std::vector<Grant> load_grants(db::Connection& c, int64_t user_id) {
  std::vector<Grant> out;
  for (const auto& r : c.exec(kSelectGrants, {user_id}).rows) {
    auto role = parse_role(r.text("role"));
    if (!role) continue;
    Grant g;
    g.id = r.integer("id");
    g.committee_id = r.integer("committee_id");
    g.role = *role;
    g.unit_id = r.opt_int("unit_id");
    g.special_committee_id = r.opt_int("special_committee_id");
    g.party_id = r.opt_int("party_id");
    g.sector_id = r.opt_int("sector_id");
    out.push_back(g);
  }
  return out;
}

NewSession create_session(db::Connection& c, int64_t user_id, int64_t committee_id, const std::string& address) {
  if (committee_id == 0) {
    // Start in the committee of the user's first grant: their home committee.
    auto first = c.exec(platform_sql::kHomeCommittee, {user_id});
    if (!first.empty()) committee_id = first.one().integer(0);
  }
  NewSession s{random_hex(32), random_hex(16)};
  c.exec(kInsertSession, {sha256_hex(s.token), user_id, committee_id ? db::Value(committee_id) : db::Value(nullptr),
                          s.csrf_token, address, db::now_iso()});
  return s;
}

std::optional<Principal> load_session(db::Connection& c, const std::string& token, int idle_timeout_seconds,
                                      int absolute_timeout_seconds) {
  if (token.size() != 64) return std::nullopt;
  std::string hash = sha256_hex(token);
  auto res = c.exec(kSelectSession, {hash});
  if (res.empty()) return std::nullopt;
  const auto& r = res.one();
  int64_t now = clock::now();
  int64_t last = parse_iso(r.text("last_seen_at"));
  int64_t created = parse_iso(r.text("created_at"));
  if (now - last > idle_timeout_seconds || now - created > absolute_timeout_seconds || r.text("status") != "active") {
    c.exec("DELETE FROM auth_sessions WHERE token_hash = $1", {hash});
    return std::nullopt;
  }
  if (now - last >= kTouchEverySeconds)
    c.exec("UPDATE auth_sessions SET last_seen_at = $1 WHERE token_hash = $2", {db::now_iso(), hash});
  Principal p;
  p.user_id = r.integer("user_id");
  p.name = r.text("name");
  p.token_hash = hash;
  p.csrf_token = r.text("csrf_token");
  p.must_change_password = r.integer("must_change_password") != 0;
  p.committee_id = r.opt_int("committee_id").value_or(0);
  p.grants = load_grants(c, p.user_id);
  return p;
}

void destroy_session(db::Connection& c, const std::string& token_hash) {
  c.exec("DELETE FROM auth_sessions WHERE token_hash = $1", {token_hash});
}

void destroy_user_sessions(db::Connection& c, int64_t user_id, const std::string& keep_token_hash) {
  c.exec("DELETE FROM auth_sessions WHERE user_id = $1 AND token_hash <> $2", {user_id, keep_token_hash});
}

std::string session_cookie(const std::string& token, bool secure) {
  std::string v = std::string(kSessionCookie) + "=" + token + "; Path=/; HttpOnly; SameSite=Lax";
  if (token.empty()) v += "; Max-Age=0";
  if (secure) v += "; Secure";
  return v;
}

}  // namespace sl::auth
