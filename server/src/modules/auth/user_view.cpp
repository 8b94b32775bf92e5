#include "modules/auth/user_view.hpp"

#include <map>

#include "core/auth/queries.hpp"
#include "core/auth/session_store.hpp"
#include "modules/auth/queries.hpp"

namespace sl::auth_module {

Json user_view(db::Connection& c, int64_t user_id, int64_t committee_id) {
  auto u = c.exec(sql::kUserIdentity, {user_id}).one();
  auto grants = auth::load_grants(c, user_id);
  std::map<int64_t, Json> by_committee;
  for (const auto& g : grants) {
    auto& entry = by_committee[g.committee_id];
    if (entry.is_null()) entry = {{"id", g.committee_id}, {"roles", Json::array()}};
    bool dup = false;
    for (const auto& r : entry["roles"])
      if (r == role_name(g.role)) dup = true;
    if (!dup) entry["roles"].push_back(role_name(g.role));
  }
  Json committees = Json::array();
  Json roles = Json::array();
  for (auto& [id, entry] : by_committee) {
    auto n = c.exec(platform_sql::kCommitteeName, {id});
    entry["name"] = n.empty() ? "" : n.one().text(0);
    if (id == committee_id) roles = entry["roles"];
    committees.push_back(entry);
  }
  Json scopes = Json::array();
  for (const auto& g : grants) {
    if (g.committee_id != committee_id) continue;
    Json s = {{"role", role_name(g.role)}};
    if (g.unit_id) s["unit_id"] = *g.unit_id;
    if (g.special_committee_id) s["special_committee_id"] = *g.special_committee_id;
    if (g.party_id) s["party_id"] = *g.party_id;
    if (g.sector_id) s["sector_id"] = *g.sector_id;
    scopes.push_back(s);
  }
  return Json{{"id", u.integer("id")},
              {"name", u.text("name")},
              {"username", u.is_null("username") ? Json(nullptr) : Json(u.text("username"))},
              {"mobile", u.is_null("mobile") ? Json(nullptr) : Json(u.text("mobile"))},
              {"must_change_password", u.integer("must_change_password") != 0},
              {"committee_id", committee_id},
              {"roles", roles},
              {"grants", scopes},
              {"committees", committees}};
}

}  // namespace sl::auth_module
