#include "modules/catalogue/store.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "core/clock.hpp"
#include "modules/catalogue/permissions.hpp"
#include "modules/proposals/commands.hpp"
#include "modules/proposals/settings.hpp"

namespace sl::catalogue {

using api::Field;
using api::FieldKind;
using api::Presence;

std::vector<std::string> categories_of(db::Connection& c, int64_t committee_id, const Json& topics) {
  std::vector<std::string> out = proposals::load_categories(c, committee_id);
  for (const auto& t : topics)
    if (t["category"].is_string() && std::find(out.begin(), out.end(), t["category"].get<std::string>()) == out.end())
      out.push_back(t["category"].get<std::string>());
  return out;
}

SessionRef resolve_session(db::Connection& c, const Principal& p, std::optional<int64_t> requested) {
  if (requested) {
    auto r = c.exec("SELECT id, name FROM sessions WHERE id = $1 AND committee_id = $2", {*requested, p.committee_id});
    if (r.empty()) throw ApiError::not_found("会议");
    return {r.one().integer(0), r.one().text(1)};
  }
  auto r = c.exec("SELECT id, name FROM sessions WHERE committee_id = $1 AND is_current = 1", {p.committee_id});
  if (r.empty()) throw ApiError::validation("session_id", "本委员会尚未设置当前会议，请指定会议");
  return {r.one().integer(0), r.one().text(1)};
}

Json catalogue_header(db::Connection& c, int64_t committee_id, int64_t session_id) {
  auto r = c.exec(
      "SELECT state, claim_until, published_at, published_by_name FROM catalogues WHERE committee_id = $1 AND "
      "session_id = $2",
      {committee_id, session_id});
  Json h = {{"state", "draft"},
            {"claim_until", nullptr},
            {"published_at", nullptr},
            {"published_by_name", nullptr},
            {"claims_open", false}};
  if (r.empty()) return h;
  const auto& row = r.one();
  h["state"] = row.text(0);
  if (!row.is_null(1)) h["claim_until"] = row.text(1);
  if (!row.is_null(2)) h["published_at"] = row.text(2);
  if (!row.is_null(3)) h["published_by_name"] = row.text(3);
  h["claims_open"] = row.text(0) == "published" && (row.is_null(1) || clock::today() <= row.text(1));
  return h;
}

void ensure_catalogue(db::Connection& c, int64_t committee_id, int64_t session_id) {
  c.exec("INSERT INTO catalogues (committee_id, session_id) VALUES ($1, $2) ON CONFLICT (session_id) DO NOTHING",
         {committee_id, session_id});
}

std::vector<Group> claim_groups(db::Connection& c, const Principal& p) {
  std::vector<Group> out;
  for (const auto* g : p.grants_of(Role::group_contact)) {
    if (g->party_id) {
      auto r = c.exec("SELECT name FROM parties WHERE id = $1", {*g->party_id});
      if (!r.empty()) out.push_back({"party", *g->party_id, r.one().text(0)});
    }
    if (g->sector_id) {
      auto r = c.exec("SELECT name FROM sectors WHERE id = $1", {*g->sector_id});
      if (!r.empty()) out.push_back({"sector", *g->sector_id, r.one().text(0)});
    }
  }
  return out;
}

Json group_json(const Group& g) {
  return {{"group_type", g.type}, {"group_id", g.id}, {"name", g.name}};
}

namespace {

/// Names of units, claims and the number of proposals that picked each topic, for a page.
void decorate_topics(db::Connection& c, const http::Request&, Json& items) {
  std::vector<db::Value> params;
  std::string in;
  std::map<int64_t, Json*> by_id;
  std::set<int64_t> unit_ids;
  for (auto& item : items) {
    int64_t id = item["id"].get<int64_t>();
    in += (in.empty() ? "" : ", ") + api::add_param(params, id);
    by_id[id] = &item;
    item["claims"] = Json::array();
    item["claimed_by"] = "";
    item["proposal_count"] = 0;
    if (!item["suggested_unit_ids"].is_array()) item["suggested_unit_ids"] = Json::array();
    for (const auto& u : item["suggested_unit_ids"])
      if (u.is_number_integer()) unit_ids.insert(u.get<int64_t>());
  }
  if (by_id.empty()) return;
  std::map<int64_t, std::string> unit_names;
  if (!unit_ids.empty()) {
    std::vector<db::Value> up;
    std::string uin;
    for (int64_t u : unit_ids) uin += (uin.empty() ? "" : ", ") + api::add_param(up, u);
    for (const auto& r : c.exec("SELECT id, name FROM units WHERE id IN (" + uin + ")", up).rows)
      unit_names[r.integer(0)] = r.text(1);
  }
  for (auto& [id, item] : by_id) {
    Json units = Json::array();
    for (const auto& u : (*item)["suggested_unit_ids"]) {
      auto it = unit_names.find(u.get<int64_t>());
      if (it != unit_names.end()) units.push_back({{"id", it->first}, {"name", it->second}});
    }
    (*item)["suggested_units"] = units;
  }
  for (const auto& r : c.exec("SELECT id, topic_id, group_type, group_id, group_name, claimed_by_name, claimed_at "
                              "FROM catalogue_claims WHERE topic_id IN (" +
                                  in + ") ORDER BY claimed_at, id",
                              params)
                           .rows) {
    Json& item = *by_id.at(r.integer(1));
    item["claims"].push_back({{"id", r.integer(0)},
                              {"group_type", r.text(2)},
                              {"group_id", r.integer(3)},
                              {"group_name", r.text(4)},
                              {"claimed_by_name", r.text(5)},
                              {"claimed_at", r.text(6)}});
    std::string names = item["claimed_by"].get<std::string>();
    item["claimed_by"] = names + (names.empty() ? "" : "、") + r.text(4);
  }
  for (const auto& r : c.exec("SELECT catalogue_topic_id, COUNT(*) FROM proposals WHERE catalogue_topic_id IN (" + in +
                                  ") AND state <> 'draft' GROUP BY catalogue_topic_id",
                              params)
                           .rows)
    (*by_id.at(r.integer(0)))["proposal_count"] = r.integer(1);
}

api::ResourceSpec make_topic_spec() {
  api::ResourceSpec s;
  s.subject = "catalogue_topic";
  s.table = "catalogue_topics";
  s.path = "/api/v1/catalogue/topics";
  s.label = "参考选题";
  s.tag = "catalogue";
  s.order_by = "sort, id";
  Field session{"session_id", FieldKind::ref, Presence::required};
  session.ref_table = "sessions";
  session.filter = true;
  // One of the committee's proposal categories (checked in validate_extra).
  Field category{"category", FieldKind::text, Presence::optional, proposals::kMaxCategoryChars};
  category.default_value = "其他";
  category.filter = true;
  Field topic{"topic", FieldKind::text, Presence::required, 60};
  topic.search = true;
  Field description{"description", FieldKind::text, Presence::optional, 1000};
  description.search = true;
  Field units{"suggested_unit_ids", FieldKind::json, Presence::optional};
  Field proposed_by{"proposed_by", FieldKind::text, Presence::optional, 60};
  proposed_by.search = true;
  Field sort{"sort", FieldKind::integer, Presence::optional};
  Field sharing{"allow_sharing", FieldKind::boolean, Presence::optional};
  s.fields = {session, category, topic, description, units, proposed_by, sort, sharing};
  s.referenced_by = {{"catalogue_claims", "topic_id", "认领"}, {"proposals", "catalogue_topic_id", "提案"}};
  s.authorize = authorize_topics;
  // Members, group contacts and everyone else but staff see published catalogues only.
  s.scope = [](const http::Request& req, std::vector<db::Value>& params) -> std::string {
    if (can_edit(req.user())) return "";
    return "session_id IN (SELECT session_id FROM catalogues WHERE state = 'published' AND committee_id = " +
           api::add_param(params, req.user().committee_id) + ")";
  };
  s.decorate_page = decorate_topics;
  s.validate_extra = [](api::Validator& v, const Json& body, db::Connection& c, const http::Request& req,
                        bool creating) {
    if (!creating && body.contains("session_id")) v.fail("session_id", "选题所属会议不能修改");
    if (body.contains("category") && body["category"].is_string()) {
      auto names = proposals::load_categories(c, req.user().committee_id);
      std::string value = api::trim(body["category"].get<std::string>());
      if (std::find(names.begin(), names.end(), value) == names.end()) {
        std::string allowed;
        for (const auto& n : names) allowed += (allowed.empty() ? "" : "、") + n;
        v.fail("category", "类别应为：" + allowed);
      }
    }
    if (body.contains("suggested_unit_ids") && body["suggested_unit_ids"].is_array()) {
      for (const auto& u : body["suggested_unit_ids"])
        if (!u.is_number_integer() ||
            !api::exists_in_committee(c, "units", u.get<int64_t>(), req.user().committee_id)) {
          v.fail("suggested_unit_ids", "所选建议承办单位不存在或不属于本委员会");
          break;
        }
      if (body["suggested_unit_ids"].size() > 20) v.fail("suggested_unit_ids", "建议承办单位最多 20 个");
    }
  };
  s.after_write = [](db::Connection& c, const http::Request& req, int64_t id, const Json& body, bool creating, Json&) {
    if (!creating) return;
    auto row = c.exec("SELECT session_id FROM catalogue_topics WHERE id = $1", {id}).one();
    int64_t session_id = row.integer(0);
    ensure_catalogue(c, req.user().committee_id, session_id);
    if (!body.contains("category")) {  // the default: 其他 when the committee has it, else its last
      auto names = proposals::load_categories(c, req.user().committee_id);
      if (std::find(names.begin(), names.end(), "其他") == names.end())
        c.exec("UPDATE catalogue_topics SET category = $1 WHERE id = $2", {names.back(), id});
    }
    if (!body.contains("sort"))  // new entries go to the end of the catalogue
      c.exec(
          "UPDATE catalogue_topics SET sort = (SELECT COALESCE(MAX(sort), 0) + 1 FROM catalogue_topics WHERE "
          "session_id = $1 AND id <> $2) WHERE id = $2",
          {session_id, id});
  };
  return s;
}

}  // namespace

const api::ResourceSpec& topic_spec() {
  static const api::ResourceSpec kSpec = make_topic_spec();
  return kSpec;
}

Json session_topics(db::Connection& c, const http::Request& req, int64_t session_id) {
  const auto& spec = topic_spec();
  std::vector<db::Value> params = {req.user().committee_id, session_id};
  std::string where = "committee_id = $1 AND session_id = $2";
  if (spec.scope) {
    std::string extra = spec.scope(req, params);
    if (!extra.empty()) where += " AND (" + extra + ")";
  }
  Json items = Json::array();
  for (const auto& row : c.exec("SELECT * FROM catalogue_topics WHERE " + where + " ORDER BY sort, id", params).rows)
    items.push_back(api::row_to_json(row, spec));
  if (!items.empty()) spec.decorate_page(c, req, items);
  return items;
}

}  // namespace sl::catalogue
