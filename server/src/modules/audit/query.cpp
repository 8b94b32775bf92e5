#include "modules/audit/query.hpp"

#include <map>
#include <regex>
#include <set>

#include "core/api/resource.hpp"
#include "core/api/validation.hpp"
#include "core/clock.hpp"
#include "core/http/message.hpp"

namespace sl::audit_module {

namespace {

/// The records a subject type names, and the column that names them (all carry committee_id).
struct Named {
  const char* table;
  const char* label;
};
const std::map<std::string, Named>& named_tables() {
  static const std::map<std::string, Named> kTables = {
      {"committee", {"committees", "name"}},
      {"term", {"terms", "name"}},
      {"session", {"sessions", "name"}},
      {"sector", {"sectors", "name"}},
      {"party", {"parties", "name"}},
      {"special_committee", {"special_committees", "name"}},
      {"unit", {"units", "name"}},
      {"member", {"members", "name"}},
      {"catalogue_topic", {"catalogue_topics", "topic"}},
  };
  return kTables;
}

/// The UTC time at which China Standard Time day `date` (YYYY-MM-DD) plus `days` begins.
std::string cst_midnight(const std::string& date, int days) {
  int64_t d = clock::days_from_civil(std::stoll(date.substr(0, 4)), static_cast<unsigned>(std::stoi(date.substr(5, 2))),
                                     static_cast<unsigned>(std::stoi(date.substr(8, 2))));
  return clock::iso_at((d + days) * 86400 - 8 * 3600);
}

bool is_id(const std::string& s) {
  return !s.empty() && s.size() <= 15 && s.find_first_not_of("0123456789") == std::string::npos;
}

/// The name a deleted (or renamed) record had, from what its entry kept.
Json kept_name(const Json& item) {
  for (const char* side : {"before", "after"}) {
    const Json& j = item[side];
    if (!j.is_object()) continue;
    for (const char* k : {"name", "title", "topic", "day"})
      if (j.contains(k) && j[k].is_string() && !j[k].get<std::string>().empty()) return j[k];
  }
  return nullptr;
}

}  // namespace

Filter read_filter(const http::Request& req, int64_t committee_id, const std::string& keyword) {
  static const std::regex kAction("^[a-z_]{1,40}(\\.[a-z_]{0,40})?$");
  static const std::regex kType("^[a-z_]{1,40}$");
  Filter f;
  auto& params = f.params;
  f.where = "committee_id = " + api::add_param(params, committee_id);
  Json problems = Json::object();
  auto text = [&](const char* name) -> std::string {
    auto v = req.query_param(name);
    return v ? *v : std::string();
  };
  if (std::string v = text("action"); !v.empty()) {
    if (!std::regex_match(v, kAction))
      problems["action"] = "操作应为操作代码（如 proposal.submit）或操作类别（如 proposal）";
    else if (v.find('.') != std::string::npos && v.back() != '.')  // one action: proposal.submit
      f.where += " AND action = " + api::add_param(params, v);
    else  // the actions that begin so: a kind ("proposal."), or any prefix of one ("catalogue")
      f.where += " AND substr(action, 1, " + std::to_string(v.size()) + ") = " + api::add_param(params, v);
  }
  if (std::string v = text("subject_type"); !v.empty()) {
    if (!std::regex_match(v, kType))
      problems["subject_type"] = "对象类型应为对象类型代码（如 proposal）";
    else
      f.where += " AND subject_type = " + api::add_param(params, v);
  }
  if (std::string v = text("subject_id"); !v.empty()) {
    if (api::utf8_length(v) > 40)
      problems["subject_id"] = "对象编号不能超过 40 个字";
    else
      f.where += " AND subject_id = " + api::add_param(params, v);
  }
  if (std::string v = api::trim(text("subject")); !v.empty()) {
    if (api::utf8_length(v) > 60) {
      problems["subject"] = "提案号或标题不能超过 60 个字";
    } else {
      // A proposal by its number (0082 or 82, or the whole 十四届五次会议 第0082号) or its title.
      std::string cond = "title LIKE " + api::add_param(params, "%" + v + "%") + " OR number_label LIKE " +
                         api::add_param(params, "%" + v + "%");
      if (v.size() <= 9 && v.find_first_not_of("0123456789") == std::string::npos)
        cond += " OR number = " + api::add_param(params, static_cast<int64_t>(std::stoll(v)));
      f.where +=
          " AND subject_type = 'proposal' AND subject_id IN (SELECT CAST(id AS TEXT) FROM proposals WHERE "
          "committee_id = " +
          api::add_param(params, committee_id) + " AND (" + cond + "))";
    }
  }
  if (auto v = req.query_param("actor"); v && !v->empty()) {
    auto id = api::query_int(req, "actor");
    if (*id < 1)
      problems["actor"] = "操作人应为用户编号";
    else
      f.where += " AND actor_user_id = " + api::add_param(params, *id);
  }
  std::string from = text("from"), to = text("to");
  if (!from.empty() && !api::is_date(from)) problems["from"] = "日期格式应为 YYYY-MM-DD";
  if (!to.empty() && !api::is_date(to)) problems["to"] = "日期格式应为 YYYY-MM-DD";
  if (!problems.contains("from") && !problems.contains("to") && !from.empty() && !to.empty() && to < from)
    problems["to"] = "结束日期不能早于开始日期";
  if (!problems.empty()) throw ApiError(ErrorCode::validation_failed, "查询参数有误", problems);
  // `at` is a UTC time (2026-10-09T08:00:00Z); the dates are days in China Standard Time, the
  // days people see (a change at 01:00 in Beijing belongs to that day).
  if (!from.empty()) f.where += " AND at >= " + api::add_param(params, cst_midnight(from, 0));
  if (!to.empty()) f.where += " AND at < " + api::add_param(params, cst_midnight(to, 1));
  if (!keyword.empty()) {
    std::string like = "%" + keyword + "%";
    f.where += " AND (actor_name LIKE " + api::add_param(params, like) + " OR action LIKE " +
               api::add_param(params, like) + ")";
  }
  return f;
}

void add_subject_labels(db::Connection& c, int64_t committee_id, Json& items) {
  std::map<std::string, std::set<std::string>> ids;  // subject_type → ids on this page
  for (auto& item : items) {
    item["subject_label"] = nullptr;
    const std::string type = item.value("subject_type", ""),
                      id = item["subject_id"].is_string() ? item["subject_id"].get<std::string>() : std::string();
    if (is_id(id) && (type == "proposal" || type == "user" || type == "catalogue" || named_tables().count(type)))
      ids[type].insert(id);
  }
  std::map<std::pair<std::string, std::string>, Json> labels, titles;
  for (const auto& [type, set] : ids) {
    std::vector<db::Value> params;
    std::string in;
    for (const auto& id : set)
      in += (in.empty() ? "" : ", ") + api::add_param(params, static_cast<int64_t>(std::stoll(id)));
    std::string sql;
    if (type == "proposal")
      sql =
          "SELECT id, number_label, title FROM proposals WHERE committee_id = " + api::add_param(params, committee_id) +
          " AND id IN (" + in + ")";
    else if (type == "user")  // accounts are shared by committees
      sql = "SELECT id, name FROM users WHERE id IN (" + in + ")";
    else if (type == "catalogue")  // a session's catalogue is named by its session
      sql = "SELECT id, name FROM sessions WHERE id IN (" + in + ")";
    else if (type == "committee")
      sql = "SELECT id, name FROM committees WHERE id IN (" + in + ")";
    else {
      const Named& n = named_tables().at(type);
      sql = std::string("SELECT id, ") + n.label + " FROM " + n.table +
            " WHERE committee_id = " + api::add_param(params, committee_id) + " AND id IN (" + in + ")";
    }
    for (const auto& r : c.exec(sql, params).rows) {
      auto key = std::make_pair(type, std::to_string(r.integer(0)));
      if (type == "proposal") {
        labels[key] = r.is_null(1) || r.text(1).empty() ? Json(r.text(2)) : Json(r.text(1));
        titles[key] = r.text(2);
      } else {
        labels[key] = r.text(1);
      }
    }
  }
  for (auto& item : items) {
    const std::string type = item.value("subject_type", "");
    const std::string id = item["subject_id"].is_string() ? item["subject_id"].get<std::string>() : std::string();
    auto key = std::make_pair(type, id);
    if (auto it = labels.find(key); it != labels.end())
      item["subject_label"] = it->second;
    else if (type == "calendar_day" && api::is_date(id))
      item["subject_label"] = id;
    else
      item["subject_label"] = kept_name(item);
    if (auto it = titles.find(key); it != titles.end()) item["subject_title"] = it->second;
  }
}

}  // namespace sl::audit_module
