#include "modules/org/specs.hpp"

#include <algorithm>
#include <map>
#include <regex>

#include "modules/org/member_accounts.hpp"
#include "modules/org/permissions.hpp"
#include "modules/org/queries.hpp"

namespace sl::org {

using api::Field;
using api::FieldKind;
using api::Presence;

namespace {
Field text(std::string name, Presence p, size_t max, bool search = false) {
  Field f{std::move(name), FieldKind::text, p, max};
  f.search = search;
  return f;
}
Field integer(std::string name, Presence p) {
  return Field{std::move(name), FieldKind::integer, p};
}
Field date(std::string name, Presence p) {
  return Field{std::move(name), FieldKind::date, p};
}
Field boolean(std::string name) {
  Field f{std::move(name), FieldKind::boolean, Presence::optional};
  f.filter = true;
  return f;
}
Field choice(std::string name, std::vector<std::string> choices, std::string def) {
  Field f{std::move(name), FieldKind::choice, Presence::optional};
  f.choices = std::move(choices);
  f.default_value = std::move(def);
  f.filter = true;
  return f;
}
Field ref(std::string name, std::string table, Presence p, bool nullable = false) {
  Field f{std::move(name), FieldKind::ref, p};
  f.ref_table = std::move(table);
  f.nullable = nullable;
  f.filter = true;
  return f;
}
Field unique_name(size_t max) {
  Field f = text("name", Presence::required, max, true);
  f.unique = true;
  return f;
}

/// Replaces the rows of link table `table` (owner_col = id) by `ids`.
void replace_links(db::Connection& c, const std::string& table, const std::string& owner_col,
                   const std::string& other_col, int64_t id, const std::vector<int64_t>& ids) {
  c.exec("DELETE FROM " + table + " WHERE " + owner_col + " = $1", {id});
  for (int64_t other : ids)
    c.exec("INSERT INTO " + table + " (" + owner_col + ", " + other_col + ") VALUES ($1, $2)", {id, other});
}

/// Validates `field` as a list of ids of committee-scoped `table`.
void validate_id_list(api::Validator& v, const std::string& field, const std::string& table, db::Connection& c,
                      const http::Request& req) {
  auto ids = v.id_list(field, Presence::optional);
  if (!ids) return;
  for (int64_t id : *ids)
    if (!api::exists_in_committee(c, table, id, req.user().committee_id)) {
      v.fail(field, "所选记录不存在或不属于本委员会");
      return;
    }
}
}  // namespace

api::ResourceSpec org_resource(std::string subject, std::string table, std::string path, std::string label,
                               std::function<void(const http::Request&, api::Operation)> authorize) {
  api::ResourceSpec s;
  s.subject = std::move(subject);
  s.table = std::move(table);
  s.path = std::move(path);
  s.label = std::move(label);
  s.tag = "org";
  s.authorize = std::move(authorize);
  return s;
}

api::ResourceSpec committee_spec() {
  auto s = org_resource("committee", "committees", "/api/v1/committees", "委员会", authorize_committees);
  s.committee_scoped = false;
  s.order_by = "id";
  Field parent = integer("parent_id", Presence::optional);
  s.fields = {parent, unique_name(60), text("short_name", Presence::optional, 30),
              choice("level", {"province", "city", "district"}, "district"), text("region", Presence::optional, 60)};
  s.fields[1].unique = true;
  s.referenced_by = {{"committees", "parent_id", "下级委员会"},
                     {"members", "committee_id", "委员"},
                     {"units", "committee_id", "承办单位"},
                     {"terms", "committee_id", "届次"}};
  // A committee's people see it and the committees directly under it (上下联动).
  s.scope = [](const http::Request& req, std::vector<db::Value>& params) {
    std::string cur = api::add_param(params, req.user().committee_id);
    return "id = " + cur + " OR parent_id = " + cur;
  };
  // Committees are created downwards only: a province's admin adds cities, a city's admin adds
  // districts, a district's admin none. The creator administers the new committee, which lies
  // in the subtree they already administer, so creating one gives no power over anyone else.
  s.validate_extra = [](api::Validator& v, const Json& body, db::Connection& c, const http::Request& req,
                        bool creating) {
    if (creating) {
      static const std::vector<std::string> kLevels = {"province", "city", "district"};
      auto here = c.exec(sql::kCommitteeLevel, {req.user().committee_id});
      std::string level = here.empty() ? "district" : here.one().text(0);
      auto at = std::find(kLevels.begin(), kLevels.end(), level);
      if (at == kLevels.end() || at + 1 == kLevels.end())
        throw ApiError::forbidden("只有省级、市级政协的管理员可以为本委员会新建下级委员会");
      const std::string& child = *(at + 1);
      if (body.contains("level") ? body["level"] != child : child != "district")
        v.fail("level", "下级委员会的级别须为" + std::string(child == "city" ? "市级" : "区县级"));
    }
    if (creating && !body.contains("parent_id")) v.fail("parent_id", "必填：新委员会须挂在本委员会之下");
    if (body.contains("parent_id") && body["parent_id"].is_number_integer() &&
        body["parent_id"].get<int64_t>() != req.user().committee_id)
      v.fail("parent_id", "上级委员会只能是当前委员会");
  };
  s.after_write = [](db::Connection& c, const http::Request& req, int64_t id, const Json&, bool creating, Json&) {
    // The admin who creates a committee administers it until they grant others.
    if (creating) c.exec(sql::kGrantAdmin, {req.user().user_id, id});
  };
  return s;
}

api::ResourceSpec term_spec() {
  auto s = org_resource("term", "terms", "/api/v1/terms", "届次", authorize_reference_data);
  s.order_by = "number DESC";
  Field number = integer("number", Presence::required);
  number.unique = true;
  s.fields = {number, text("name", Presence::required, 30, true), date("start_date", Presence::required),
              date("end_date", Presence::required)};
  s.referenced_by = {{"sessions", "term_id", "会议"}};
  return s;
}

api::ResourceSpec session_spec() {
  auto s = org_resource("session", "sessions", "/api/v1/sessions", "会议", authorize_reference_data);
  s.order_by = "start_date DESC, id DESC";
  s.fields = {ref("term_id", "terms", Presence::required), integer("number", Presence::required),
              text("name", Presence::required, 40, true),  date("start_date", Presence::required),
              date("end_date", Presence::required),        boolean("is_current")};
  s.after_write = [](db::Connection& c, const http::Request& req, int64_t id, const Json& body, bool, Json&) {
    // Exactly one current session per committee.
    if (body.value("is_current", false)) c.exec(sql::kUnsetOtherCurrentSessions, {req.user().committee_id, id});
  };
  return s;
}

api::ResourceSpec sector_spec() {
  auto s = org_resource("sector", "sectors", "/api/v1/sectors", "界别", authorize_reference_data);
  s.fields = {unique_name(30), text("description", Presence::optional, 200), integer("sort", Presence::optional)};
  s.referenced_by = {{"members", "sector_id", "委员"}, {"role_grants", "sector_id", "角色授权"}};
  return s;
}

api::ResourceSpec party_spec() {
  auto s = org_resource("party", "parties", "/api/v1/parties", "党派", authorize_reference_data);
  s.fields = {unique_name(30), text("short_name", Presence::optional, 10), integer("sort", Presence::optional)};
  s.referenced_by = {{"members", "party_id", "委员"}, {"role_grants", "party_id", "角色授权"}};
  return s;
}

api::ResourceSpec special_committee_spec() {
  auto s = org_resource("special_committee", "special_committees", "/api/v1/special-committees", "专委会",
                        authorize_reference_data);
  s.fields = {unique_name(30), choice("kind", {"proposal", "other"}, "other"),
              text("description", Presence::optional, 500), integer("sort", Presence::optional)};
  s.referenced_by = {{"member_special_committees", "special_committee_id", "委员"},
                     {"role_grants", "special_committee_id", "角色授权"}};
  s.validate_extra = [](api::Validator& v, const Json&, db::Connection& c, const http::Request& req, bool) {
    validate_id_list(v, "unit_ids", "units", c, req);
  };
  s.after_write = [](db::Connection& c, const http::Request&, int64_t id, const Json& body, bool, Json&) {
    if (body.contains("unit_ids"))
      replace_links(c, "special_committee_units", "special_committee_id", "unit_id", id,
                    body["unit_ids"].get<std::vector<int64_t>>());
  };
  s.decorate = [](db::Connection& c, const http::Request&, Json& item) {
    Json units = Json::array();
    Json ids = Json::array();
    for (const auto& r : c.exec(sql::kSpecialCommitteeUnits, {item["id"].get<int64_t>()}).rows) {
      units.push_back({{"id", r.integer(0)}, {"name", r.text(1)}});
      ids.push_back(r.integer(0));
    }
    item["unit_ids"] = ids;
    item["units"] = units;
  };
  return s;
}

api::ResourceSpec unit_spec() {
  auto s = org_resource("unit", "units", "/api/v1/units", "承办单位", authorize_units);
  Field contact_phone = text("contact_phone", Presence::optional, 20);
  Field contacts{"contacts", FieldKind::json, Presence::optional};
  s.fields = {unique_name(50),
              text("short_name", Presence::optional, 20, true),
              choice("kind", {"government", "party", "court", "procuratorate", "enterprise", "other"}, "government"),
              text("leader_name", Presence::optional, 20),
              text("contact_name", Presence::optional, 20),
              contact_phone,
              text("address", Presence::optional, 100),
              contacts,
              integer("sort", Presence::optional)};
  s.referenced_by = {{"special_committee_units", "unit_id", "专委会对口"}, {"role_grants", "unit_id", "角色授权"}};
  // A unit's own staff see their unit only, never another unit's records (not even by id).
  s.scope = [](const http::Request& req, std::vector<db::Value>& params) -> std::string {
    const auto& p = req.user();
    auto units = p.unit_scope();
    if (units.empty() || can_read_directory(p) || p.has_any({Role::member, Role::group_contact})) return "";
    std::string in;
    for (int64_t id : units) in += (in.empty() ? "" : ", ") + api::add_param(params, id);
    return "id IN (" + in + ")";
  };
  s.decorate = [](db::Connection&, const http::Request& req, Json& item) {
    // Contact details are for staff and the unit itself; members see the unit's name and kind.
    const auto& p = req.user();
    auto own = p.unit_scope();
    bool is_own = std::find(own.begin(), own.end(), item["id"].get<int64_t>()) != own.end();
    if (can_read_directory(p) || is_own) return;
    for (const char* k : {"leader_name", "contact_name", "contact_phone", "address", "contacts"}) item.erase(k);
  };
  s.validate_extra = [](api::Validator& v, const Json& body, db::Connection&, const http::Request&, bool) {
    if (body.contains("contact_phone") && body["contact_phone"].is_string()) {
      std::string phone = api::trim(body["contact_phone"].get<std::string>());
      static const std::regex kPhone("^[0-9+\\- ]{7,20}$");
      if (!phone.empty() && !std::regex_match(phone, kPhone))
        v.fail("contact_phone", "格式不正确：只能填写数字、+、- 和空格，共 7 到 20 个字符");
    }
    if (body.contains("contacts") && body["contacts"].is_array()) {
      for (const auto& ct : body["contacts"])
        if (!ct.is_object() || !ct.contains("name") || !ct["name"].is_string() ||
            api::trim(ct["name"].get<std::string>()).empty())
          v.fail("contacts", "每位联系人须有姓名");
    }
  };
  return s;
}

api::ResourceSpec member_spec(App& app) {
  auto s = org_resource("member", "members", "/api/v1/members", "委员", authorize_members);
  s.order_by = "id";
  Field mobile{"mobile", FieldKind::mobile, Presence::required};
  mobile.unique = true;
  mobile.search = true;
  s.fields = {text("name", Presence::required, 20, true),
              choice("gender", {"male", "female"}, "male"),
              mobile,
              ref("sector_id", "sectors", Presence::required),
              ref("party_id", "parties", Presence::optional, true),
              boolean("is_standing"),
              text("employer", Presence::optional, 60, true),
              text("title", Presence::optional, 40),
              choice("status", {"active", "suspended", "left"}, "active")};
  // A party's or sector's contact sees that group's members only.
  s.scope = [](const http::Request& req, std::vector<db::Value>& params) -> std::string {
    const auto& p = req.user();
    if (can_read_directory(p)) return "";
    std::string ors;
    for (const auto* g : p.grants_of(Role::group_contact)) {
      if (g->party_id)
        ors += (ors.empty() ? "" : " OR ") + std::string("party_id = ") + api::add_param(params, *g->party_id);
      if (g->sector_id)
        ors += (ors.empty() ? "" : " OR ") + std::string("sector_id = ") + api::add_param(params, *g->sector_id);
    }
    return ors.empty() ? "1=0" : ors;
  };
  s.filters = [](const http::Request& req, std::vector<db::Value>& params) -> std::string {
    auto sc = api::query_int(req, "special_committee_id");
    if (!sc) return "";
    return "id IN (SELECT member_id FROM member_special_committees WHERE special_committee_id = " +
           api::add_param(params, *sc) + ")";
  };
  // Names and special committees for a whole page in two queries (a list page was 41 queries).
  s.decorate_page = [](db::Connection& c, const http::Request&, Json& items) {
    std::vector<db::Value> params;
    std::string in;
    std::map<int64_t, Json*> by_id;
    for (auto& item : items) {
      int64_t id = item["id"].get<int64_t>();
      in += (in.empty() ? "" : ", ") + api::add_param(params, id);
      by_id[id] = &item;
      item["sector_name"] = "";
      item["party_name"] = "";
      item["special_committee_ids"] = Json::array();
      // Whether the member signs in yet: their own account, or one waiting for its holder's consent.
      item["account"] = !item["user_id"].is_null()           ? "linked"
                        : !item["pending_user_id"].is_null() ? "pending_consent"
                                                             : "none";
    }
    for (const auto& r : c.exec(sql::kMemberGroupNamesIn + in + ")", params).rows) {
      Json& item = *by_id.at(r.integer(0));
      item["sector_name"] = r.text(1);
      item["party_name"] = r.is_null(2) ? "" : r.text(2);
    }
    for (const auto& r : c.exec(sql::kMemberSpecialCommitteesIn + in + sql::kMemberSpecialCommitteesOrder, params).rows)
      (*by_id.at(r.integer(0)))["special_committee_ids"].push_back(r.integer(1));
  };
  s.validate_extra = [](api::Validator& v, const Json&, db::Connection& c, const http::Request& req, bool) {
    validate_id_list(v, "special_committee_ids", "special_committees", c, req);
  };
  // A linked account's mobile is its login: only its holder changes it (我的信息, SMS-verified).
  s.validate_update = [](api::Validator& v, const Json& before, const Json& body) {
    if (!before["user_id"].is_null() && body.contains("mobile") && body["mobile"].is_string() &&
        api::trim(body["mobile"].get<std::string>()) != before["mobile"].get<std::string>())
      v.fail("mobile", "该委员已关联登录账号，手机号须由委员本人在“我的信息”中通过短信验证更换");
  };
  s.after_write = [&app](db::Connection& c, const http::Request& req, int64_t id, const Json& body, bool creating,
                         Json& answer) {
    if (body.contains("special_committee_ids"))
      replace_links(c, "member_special_committees", "member_id", "special_committee_id", id,
                    body["special_committee_ids"].get<std::vector<int64_t>>());
    int64_t committee_id = req.user().committee_id;
    bool unlinked = !c.exec(sql::kIsUnlinkedMember, {id}).empty();
    if (creating || (unlinked && body.contains("mobile"))) {
      // A new mobile of an unlinked member: the earlier link request no longer applies.
      if (!creating) c.exec(sql::kDropLinkRequest, {id});
      auto account = ensure_member_account(app, c, committee_id, id, req.dry_run);
      answer = Json::object();
      if (account.initial_password) answer["initial_password"] = *account.initial_password;
    } else {
      sync_member_account(c, id, committee_id);
    }
  };
  return s;
}

}  // namespace sl::org
