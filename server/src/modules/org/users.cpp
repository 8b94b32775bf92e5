#include "modules/org/users.hpp"

#include "core/audit/audit.hpp"
#include "modules/org/member_accounts.hpp"
#include "modules/org/permissions.hpp"
#include "modules/org/queries.hpp"
#include "modules/org/specs.hpp"

namespace sl::org {

namespace {
constexpr const char* kTag = "org";

Json grants_json(db::Connection& c, int64_t user_id, int64_t committee_id) {
  Json out = Json::array();
  for (const auto& r : c.exec(sql::kGrantsOfUser, {user_id, committee_id}).rows) {
    Json g = Json::object();
    for (size_t i = 0; i < r.size(); ++i)
      g[r.names()[i]] = r.is_null(i) ? Json(nullptr) : (r.names()[i] == "role" ? Json(r.text(i)) : Json(r.integer(i)));
    out.push_back(g);
  }
  return out;
}

/// Reads one grant from `v` and checks its scope fits the role; returns column → value.
std::vector<std::pair<std::string, db::Value>> read_grant(api::Validator& v, db::Connection& c,
                                                          const http::Request& req) {
  std::vector<std::string> names;
  for (Role r : all_roles()) names.push_back(role_name(r));
  auto role_s = v.one_of("role", api::Presence::required, names);
  std::vector<std::pair<std::string, db::Value>> out;
  struct Scope {
    const char* field;
    const char* table;
  };
  static const Scope kScopes[] = {{"unit_id", "units"},
                                  {"special_committee_id", "special_committees"},
                                  {"party_id", "parties"},
                                  {"sector_id", "sectors"}};
  for (const auto& s : kScopes) {
    auto id = v.id(s.field, api::Presence::optional, true);
    if (!id || *id == 0) continue;
    if (!api::exists_in_committee(c, s.table, *id, req.user().committee_id))
      v.fail(s.field, "所选记录不存在或不属于本委员会");
    else
      out.emplace_back(s.field, *id);
  }
  if (role_s) {
    auto has = [&](const char* f) {
      for (auto& [k, _] : out)
        if (k == f) return true;
      return false;
    };
    Role role = *parse_role(*role_s);
    if ((role == Role::unit_staff || role == Role::unit_leader) && !has("unit_id"))
      v.fail("unit_id", "承办单位角色须指定单位");
    if (role == Role::committee_staff && !has("special_committee_id"))
      v.fail("special_committee_id", "专委会工作人员须指定专委会");
    if (role == Role::group_contact && !has("party_id") && !has("sector_id"))
      v.fail("party_id", "党派界别联络人须指定党派或界别");
    out.emplace_back("role", *role_s);
  }
  return out;
}

int64_t insert_grant(db::Connection& c, int64_t user_id, int64_t committee_id,
                     const std::vector<std::pair<std::string, db::Value>>& cols) {
  std::string names = "user_id, committee_id", vals = "$1, $2";
  std::vector<db::Value> params = {user_id, committee_id};
  for (const auto& [k, val] : cols) {
    names += ", " + k;
    vals += ", " + api::add_param(params, val);
  }
  return c.exec("INSERT INTO role_grants (" + names + ") VALUES (" + vals + ") RETURNING id", params).one().integer(0);
}

api::ResourceSpec user_spec(App& app) {
  auto s = org_resource("user", "users", "/api/v1/users", "用户", authorize_users);
  s.committee_scoped = false;
  s.order_by = "id";
  api::Field username{"username", api::FieldKind::text, api::Presence::optional, 32};
  username.unique = true;
  username.search = true;
  api::Field mobile{"mobile", api::FieldKind::mobile, api::Presence::optional};
  mobile.unique = true;
  mobile.search = true;
  api::Field name{"name", api::FieldKind::text, api::Presence::required, 20};
  name.search = true;
  api::Field status{"status", api::FieldKind::choice, api::Presence::optional};
  status.choices = {"active", "disabled"};
  status.default_value = "active";
  status.filter = true;
  s.fields = {username, mobile, name, status};
  s.referenced_by = {{"members", "user_id", "委员"}};
  // Passwords, status, deletion: only for accounts that live wholly in this committee's subtree.
  // (An admin's own account is theirs whatever else it holds.)
  s.authorize_row = [](db::Connection& c, const http::Request& req, int64_t id) {
    if (id != req.user().user_id) require_account_within_subtree(c, id, req.user().committee_id);
  };
  // The login mobile is the holder's to change (我的信息, SMS-verified), never an admin's.
  s.validate_update = [](api::Validator& v, const Json& before, const Json& body) {
    if (!body.contains("mobile")) return;
    auto text_of = [](const Json& j) { return j.is_string() ? api::trim(j.get<std::string>()) : std::string(); };
    if (!(body["mobile"].is_null() || body["mobile"].is_string()) ||
        text_of(body["mobile"]) != text_of(before["mobile"]))
      v.fail("mobile", "登录手机号只能由本人在“我的信息”中通过短信验证更换");
  };
  // An admin manages the accounts that hold a role in their committee.
  s.scope = [](const http::Request& req, std::vector<db::Value>& params) {
    return "id IN (SELECT user_id FROM role_grants WHERE committee_id = " +
           api::add_param(params, req.user().committee_id) + ")";
  };
  // ?role=: the accounts holding that role in the committee. Proposal staff, who may list the
  // leaders only (to name them for key proposals), see the active ones.
  s.filters = [](const http::Request& req, std::vector<db::Value>& params) -> std::string {
    auto role = req.query_param("role");
    if (!role || role->empty()) return "";
    if (!parse_role(*role)) throw ApiError::validation("role", "没有这个角色");
    std::string cond = "id IN (SELECT user_id FROM role_grants WHERE committee_id = " +
                       api::add_param(params, req.user().committee_id) +
                       " AND role = " + api::add_param(params, *role) + ")";
    return can_manage_users(req.user()) ? cond : cond + " AND status = 'active'";
  };
  s.decorate = [](db::Connection& c, const http::Request& req, Json& item) {
    if (!can_manage_users(req.user())) {
      // A picker's fields only.
      item = {{"id", item["id"]}, {"name", item["name"]}};
      return;
    }
    for (const char* k : {"password_hash", "failed_logins"}) item.erase(k);
    item["must_change_password"] = item["must_change_password"] == "1";
    item["grants"] = grants_json(c, item["id"].get<int64_t>(), req.user().committee_id);
  };
  s.validate_extra = [](api::Validator& v, const Json& body, db::Connection& c, const http::Request& req,
                        bool creating) {
    auto pw = v.text("password", creating ? api::Presence::required : api::Presence::optional, 64, true);
    if (pw && !pw->empty())
      if (auto problem = auth::password_problem(*pw)) v.fail("password", *problem);
    if (creating && !(body.contains("username") && body["username"].is_string()) &&
        !(body.contains("mobile") && body["mobile"].is_string()))
      v.fail("username", "用户名和手机号至少填写一项");
    if (creating) {
      auto grants = v.raw("grants", api::Presence::required);
      if (grants && (!grants->is_array() || grants->empty()))
        v.fail("grants", "新用户至少需要一个角色");
      else if (grants)
        for (const auto& g : *grants) {
          static const Json kEmpty = Json::object();
          api::Validator gv(g.is_object() ? g : kEmpty);
          read_grant(gv, c, req);
          if (!gv.ok() || !g.is_object()) v.fail("grants", "角色授权不完整：请检查角色及其所属单位/专委会/党派界别");
        }
    }
  };
  s.after_write = [&app](db::Connection& c, const http::Request& req, int64_t id, const Json& body, bool creating,
                         Json&) {
    if (body.contains("password") && body["password"].is_string() && !body["password"].get<std::string>().empty()) {
      // Staff set an initial password; the user changes it at first login.
      c.exec(sql::kSetInitialPassword,
             {req.dry_run ? std::string() : app.passwords.hash(body["password"].get<std::string>()), id});
    }
    if (body.contains("status") && body["status"] == "disabled") c.exec(sql::kEndUserSessions, {id});
    if (creating)
      for (const auto& g : body["grants"]) {
        api::Validator gv(g);
        insert_grant(c, id, req.user().committee_id, read_grant(gv, c, req));
      }
  };
  return s;
}
}  // namespace

void register_users(App& app) {
  api::register_resource(app, user_spec(app));

  app.route(http::Method::POST, "/api/v1/users/{id:int}/grants",
            [&app](http::Request& req) {
              authorize_users(req, api::Operation::update);
              int64_t user_id = req.param_int("id");
              const Json& body = req.json();
              auto spec = user_spec(app);
              Json answer = app.db().transaction([&](db::Connection& c) {
                Json before = api::load_item(c, spec, req, user_id);
                // Grants change only for accounts that live wholly in this committee's subtree.
                if (user_id != req.user().user_id) require_account_within_subtree(c, user_id, req.user().committee_id);
                api::Validator v(body);
                auto cols = read_grant(v, c, req);
                v.finish();
                insert_grant(c, user_id, req.user().committee_id, cols);
                Json after = api::load_item(c, spec, req, user_id);
                auto e = audit::entry_for(req, "user.grant", "user", std::to_string(user_id));
                e.before = before["grants"];
                e.after = after["grants"];
                audit::record(c, e);
                return after;
              });
              return http::Response::json(answer, 201);
            },
            {"授予角色", kTag});

  app.route(http::Method::DELETE, "/api/v1/users/{id:int}/grants/{grant_id:int}",
            [&app](http::Request& req) {
              authorize_users(req, api::Operation::update);
              int64_t user_id = req.param_int("id");
              int64_t grant_id = req.param_int("grant_id");
              auto spec = user_spec(app);
              app.db().transaction([&](db::Connection& c) {
                Json before = api::load_item(c, spec, req, user_id);
                if (user_id != req.user().user_id) require_account_within_subtree(c, user_id, req.user().committee_id);
                auto g = c.exec(sql::kGrantRole, {grant_id, user_id, req.user().committee_id});
                if (g.empty()) throw ApiError::not_found("角色授权");
                if (g.one().text(0) == "admin") {
                  auto admins = c.exec(sql::kCountAdmins, {req.user().committee_id});
                  if (admins.one().integer(0) <= 1) throw ApiError::conflict("这是本委员会最后一个管理员，不能撤销");
                }
                c.exec(sql::kDeleteGrant, {grant_id});
                auto e = audit::entry_for(req, "user.revoke", "user", std::to_string(user_id));
                e.before = before["grants"];
                e.after = grants_json(c, user_id, req.user().committee_id);
                audit::record(c, e);
              });
              return http::Response::no_content();
            },
            {"撤销角色", kTag});
}

}  // namespace sl::org
