#include "modules/proposals/settings.hpp"

#include <algorithm>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <sstream>

#include "core/api/resource.hpp"
#include "core/audit/audit.hpp"
#include "modules/proposals/commands.hpp"
#include "modules/proposals/events.hpp"
#include "modules/proposals/permissions.hpp"
#include "modules/proposals/queries.hpp"

namespace sl::proposals {

namespace {

constexpr const char* kTag = "proposals";

Json to_json(const Settings& s) {
  return {{"decline_reasons", s.decline_reasons},
          {"cosign_window_days", s.cosign_window_days},
          {"result_d_enabled", s.result_d_enabled},
          {"sign_window_working_days", s.sign_window_working_days},
          {"opinion_months", s.opinion_months},
          {"reply_months", s.reply_months},
          {"max_reply_months", s.max_reply_months},
          {"second_handling_months", s.second_handling_months},
          {"reminder_days", s.reminder_days},
          {"categories", s.categories},
          {"sms_kinds", s.sms_kinds}};
}

/// How many proposals and catalogue topics of the committee carry each category (those in use).
std::map<std::string, int64_t> category_usage(db::Connection& c, int64_t committee_id) {
  std::map<std::string, int64_t> out;
  for (const char* q : {sql::kProposalCategoryUse, sql::kTopicCategoryUse})
    for (const auto& r : c.exec(q, {committee_id}).rows) out[r.text(0)] += r.integer(1);
  return out;
}

/// The settings as the API answers them: the values, the result categories they allow, whether
/// the committee saved its own, and the defaults (for a "restore defaults" button).
Json answer(const Settings& s, const Config& config, const std::optional<std::map<std::string, int64_t>>& usage) {
  Json j = to_json(s);
  if (usage) j["category_usage"] = *usage;
  j["result_categories"] = s.result_categories();
  j["customised"] = s.customised;
  j["updated_at"] = s.updated_at.empty() ? Json(nullptr) : Json(s.updated_at);
  j["defaults"] = to_json(default_settings(config));
  Json kinds = Json::array();
  for (const auto& k : sms_kinds()) kinds.push_back(k.kind);
  j["sms_kind_options"] = kinds;
  return j;
}

/// An integer field in [min, max]; a readable message otherwise.
std::optional<int> bounded(api::Validator& v, const char* field, int min, int max) {
  auto raw = v.raw(field, api::Presence::optional);
  if (!raw) return std::nullopt;
  if (!raw->is_number_integer() || raw->get<int64_t>() < min || raw->get<int64_t>() > max) {
    v.fail(field, "应为 " + std::to_string(min) + " 到 " + std::to_string(max) + " 之间的整数");
    return std::nullopt;
  }
  return static_cast<int>(raw->get<int64_t>());
}

void normalise_reminders(std::vector<int>& days) {
  std::sort(days.begin(), days.end(), std::greater<>());
  days.erase(std::unique(days.begin(), days.end()), days.end());
}

/// Applies the fields present in `body` to `s`; throws validation_failed naming every problem.
void apply_fields(api::Validator& v, Settings& s) {
  if (auto raw = v.raw("decline_reasons", api::Presence::optional)) {
    std::vector<std::string> reasons;
    std::set<std::string> seen;
    bool ok = raw->is_array() && !raw->empty() && raw->size() <= 30;
    if (!ok) v.fail("decline_reasons", "请填写 1 到 30 条不立案理由");
    for (const auto& r : ok ? *raw : Json::array()) {
      std::string t = r.is_string() ? api::trim(r.get<std::string>()) : "";
      if (t.empty() || api::utf8_length(t) > 100) {
        v.fail("decline_reasons", "每条不立案理由应为 1 到 100 个字");
        break;
      }
      if (!seen.insert(t).second) {
        v.fail("decline_reasons", "不立案理由“" + t + "”重复");
        break;
      }
      reasons.push_back(t);
    }
    if (v.ok()) s.decline_reasons = reasons;
  }
  if (auto raw = v.raw("categories", api::Presence::optional)) {
    std::vector<std::string> names;
    std::set<std::string> seen;
    bool ok = raw->is_array() && !raw->empty() && raw->size() <= 50;
    if (!ok) v.fail("categories", "请填写 1 到 50 个提案类别");
    for (const auto& r : ok ? *raw : Json::array()) {
      std::string t = r.is_string() ? api::trim(r.get<std::string>()) : "";
      if (t.empty() || api::utf8_length(t) > kMaxCategoryChars) {
        v.fail("categories", "每个提案类别应为 1 到 " + std::to_string(kMaxCategoryChars) + " 个字");
        break;
      }
      if (!seen.insert(t).second) {
        v.fail("categories", "提案类别“" + t + "”重复");
        break;
      }
      names.push_back(t);
    }
    if (v.ok()) s.categories = names;
  }
  if (auto raw = v.raw("sms_kinds", api::Presence::optional)) {
    std::vector<std::string> kinds;
    bool ok = raw->is_array();
    for (const auto& k : ok ? *raw : Json::array()) {
      const auto& known = sms_kinds();
      if (!k.is_string() || std::none_of(known.begin(), known.end(), [&](const SmsKind& x) { return x.kind == k; })) {
        ok = false;
        break;
      }
      if (std::find(kinds.begin(), kinds.end(), k.get<std::string>()) == kinds.end()) kinds.push_back(k);
    }
    if (ok)
      s.sms_kinds = kinds;
    else
      v.fail("sms_kinds", "短信提醒应从可选的通知类别中选择");
  }
  if (auto n = bounded(v, "cosign_window_days", 1, 30)) s.cosign_window_days = *n;
  if (auto b = v.boolean("result_d_enabled", api::Presence::optional)) s.result_d_enabled = *b;
  if (auto n = bounded(v, "sign_window_working_days", 1, 30)) s.sign_window_working_days = *n;
  if (auto n = bounded(v, "opinion_months", 1, 6)) s.opinion_months = *n;
  if (auto n = bounded(v, "reply_months", 1, 12)) s.reply_months = *n;
  if (auto n = bounded(v, "max_reply_months", 1, 24)) s.max_reply_months = *n;
  if (auto n = bounded(v, "second_handling_months", 1, 12)) s.second_handling_months = *n;
  if (auto raw = v.raw("reminder_days", api::Presence::optional)) {
    std::vector<int> days;
    bool ok = raw->is_array() && raw->size() <= 5;
    for (const auto& d : ok ? *raw : Json::array()) {
      if (!d.is_number_integer() || d.get<int64_t>() < 0 || d.get<int64_t>() > 30) {
        ok = false;
        break;
      }
      days.push_back(static_cast<int>(d.get<int64_t>()));
    }
    if (!ok) {
      v.fail("reminder_days", "提醒时点最多 5 个，每个为到期前 0 到 30 个工作日");
    } else {
      normalise_reminders(days);
      s.reminder_days = days;
    }
  }
  if (v.ok() && s.max_reply_months < s.reply_months)
    v.fail("max_reply_months", "延期后的最长办理期限不能短于答复期限（" + std::to_string(s.reply_months) + " 个月）");
  if (v.ok() && s.opinion_months > s.reply_months)
    v.fail("opinion_months", "协办意见期限不能长于答复期限（" + std::to_string(s.reply_months) + " 个月）");
  v.finish();
}

std::vector<int> int_list(const std::string& text) {
  std::vector<int> out;
  Json j = Json::parse(text, nullptr, false);
  if (j.is_array())
    for (const auto& x : j)
      if (x.is_number_integer()) out.push_back(x.get<int>());
  return out;
}

}  // namespace

std::vector<std::string> Settings::result_categories() const {
  std::vector<std::string> out = {"A", "B", "C"};
  if (result_d_enabled) out.push_back("D");
  return out;
}

std::vector<int> parse_reminder_days(const std::string& spec) {
  std::vector<int> out;
  std::stringstream ss(spec);
  std::string part;
  while (std::getline(ss, part, ',')) try {
      int n = std::stoi(part);
      if (n >= 0) out.push_back(n);
    } catch (...) {
    }
  normalise_reminders(out);
  return out;
}

std::vector<std::string> load_categories(db::Connection& c, int64_t committee_id) {
  std::vector<std::string> out;
  for (const auto& r : c.exec(sql::kCategoriesOf, {committee_id}).rows) out.push_back(r.text(0));
  if (out.empty()) out = proposal_categories();
  return out;
}

std::vector<std::string> proposal_categories(db::Connection& c, int64_t committee_id) {
  return load_categories(c, committee_id);
}

namespace {
/// Replaces the committee's own list with `names` (in order).
void save_categories(db::Connection& c, int64_t committee_id, const std::vector<std::string>& names) {
  c.exec(sql::kDeleteCategories, {committee_id});
  int64_t sort = 0;
  for (const auto& n : names) c.exec(sql::kInsertCategory, {committee_id, n, ++sort});
}
}  // namespace

void add_category(db::Connection& c, int64_t committee_id, const std::string& name) {
  auto names = load_categories(c, committee_id);
  if (std::find(names.begin(), names.end(), name) != names.end()) return;
  names.push_back(name);
  save_categories(c, committee_id, names);
}

const std::vector<SmsKind>& sms_kinds() {
  static const std::vector<SmsKind> kKinds = [] {
    std::vector<SmsKind> out;
    for (const auto& rule : notice_rules()) {
      std::string kind = events::of(rule.action);
      auto it = std::find_if(out.begin(), out.end(), [&](const SmsKind& k) { return k.kind == kind; });
      if (it == out.end())
        out.push_back({kind, rule.sms});
      else
        it->by_default = it->by_default || rule.sms;
    }
    for (const SmsKind& k : std::initializer_list<SmsKind>{{events::kCosignExpired, false},
                                                           {events::kFollowUp, false},
                                                           {events::kArrangeFaceToFace, true},
                                                           {events::kRecordFaceToFace, false},
                                                           {events::kDeadlineReminder, true},
                                                           {events::kDeadlineEscalation, true}})
      out.push_back(k);
    return out;
  }();
  return kKinds;
}

bool Settings::sends_sms(const std::string& kind) const {
  return std::find(sms_kinds.begin(), sms_kinds.end(), kind) != sms_kinds.end();
}

Settings default_settings(const Config& config) {
  Settings s;
  for (const auto& k : sms_kinds())
    if (k.by_default) s.sms_kinds.push_back(k.kind);
  s.decline_reasons = decline_reasons();
  s.categories = proposal_categories();
  s.reminder_days = parse_reminder_days(config.proposals.reminder_days);
  return s;
}

Settings load_settings(db::Connection& c, int64_t committee_id, const Config& config) {
  Settings s = default_settings(config);
  s.categories = load_categories(c, committee_id);
  auto r = c.exec(sql::kSettingsOf, {committee_id});
  if (r.empty()) return s;
  const auto& row = r.one();
  Json reasons = Json::parse(row.text("decline_reasons"), nullptr, false);
  if (reasons.is_array() && !reasons.empty()) {
    s.decline_reasons.clear();
    for (const auto& x : reasons)
      if (x.is_string()) s.decline_reasons.push_back(x.get<std::string>());
  }
  s.cosign_window_days = static_cast<int>(row.integer("cosign_window_days"));
  s.result_d_enabled = row.integer("result_d_enabled") != 0;
  s.sign_window_working_days = static_cast<int>(row.integer("sign_window_working_days"));
  s.opinion_months = static_cast<int>(row.integer("opinion_months"));
  s.reply_months = static_cast<int>(row.integer("reply_months"));
  s.max_reply_months = static_cast<int>(row.integer("max_reply_months"));
  s.second_handling_months = static_cast<int>(row.integer("second_handling_months"));
  s.reminder_days = int_list(row.text("reminder_days"));
  if (!row.is_null("sms_kinds")) {
    Json kinds = Json::parse(row.text("sms_kinds"), nullptr, false);
    if (kinds.is_array()) {
      s.sms_kinds.clear();
      for (const auto& k : kinds)
        if (k.is_string()) s.sms_kinds.push_back(k.get<std::string>());
    }
  }
  s.customised = true;
  s.updated_at = row.text("updated_at");
  return s;
}

void register_settings(App& app) {
  app.route(http::Method::GET, "/api/v1/proposals/settings",
            [&app](http::Request& req) {
              auto c = app.db().acquire();
              const auto& user = req.user();
              std::optional<std::map<std::string, int64_t>> usage;
              if (is_proposal_staff(user)) usage = category_usage(*c, user.committee_id);
              return http::Response::json(answer(load_settings(*c, user.committee_id, app.config), app.config, usage));
            },
            {"提案设置（不立案理由、期限、D 类结果、提醒时点）", kTag});

  app.route(
      http::Method::PUT, "/api/v1/proposals/settings",
      [&app](http::Request& req) {
        const auto& user = req.user();
        require_proposal_staff(user, "修改提案设置");
        const Json& body = req.json();
        if (!body.is_object()) throw ApiError::validation("body", "请求内容应为 JSON 对象");
        std::map<std::string, int64_t> usage;
        Settings saved = app.db().transaction([&](db::Connection& c) {
          Settings before = load_settings(c, user.committee_id, app.config);
          Settings s = before;
          api::Validator v(body);
          apply_fields(v, s);
          usage = category_usage(c, user.committee_id);
          if (s.categories != before.categories) {
            // A category proposals or topics still carry stays: removing it would orphan them.
            std::string in_use;
            for (const auto& name : before.categories)
              if (std::find(s.categories.begin(), s.categories.end(), name) == s.categories.end() && usage.count(name))
                in_use += (in_use.empty() ? "“" : "”、“") + name;
            if (!in_use.empty())
              throw ApiError::validation("categories", "类别" + in_use +
                                                           "”已有提案或参考选题使用，不能删除或改名；"
                                                           "请先将这些提案和选题改为其他类别");
            save_categories(c, user.committee_id, s.categories);
          }
          std::string now = db::now_iso();
          std::vector<db::Value> params = {user.committee_id,
                                           Json(s.decline_reasons).dump(),
                                           int64_t{s.cosign_window_days},
                                           int64_t{s.result_d_enabled},
                                           int64_t{s.sign_window_working_days},
                                           int64_t{s.opinion_months},
                                           int64_t{s.reply_months},
                                           int64_t{s.max_reply_months},
                                           int64_t{s.second_handling_months},
                                           Json(s.reminder_days).dump(),
                                           Json(s.sms_kinds).dump(),
                                           user.user_id,
                                           now};
          c.exec(sql::kSaveSettings, params);
          auto e =
              audit::entry_for(req, "proposal_settings.update", "proposal_settings", std::to_string(user.committee_id));
          e.before = to_json(before);
          e.after = to_json(s);
          audit::record(c, e);
          s.customised = true;
          s.updated_at = now;
          return s;
        });
        return http::Response::json(answer(saved, app.config, usage));
      },
      {"修改提案设置（管理员、提案委）", kTag});

  app.route(http::Method::GET, "/api/v1/proposals/leaders",
            [&app](http::Request& req) {
              const auto& user = req.user();
              require_proposal_staff(user, "选择领衔督办领导");
              auto c = app.db().acquire();
              Json items = Json::array();
              for (const auto& r : c->exec(sql::kActiveLeaders, {user.committee_id}).rows)
                items.push_back({{"id", r.integer(0)}, {"name", r.text(1)}});
              return http::Response::json(
                  {{"items", items}, {"total", items.size()}, {"page", 1}, {"page_size", items.size()}});
            },
            {"可选的领衔督办领导（提案委选择重点提案领导用）", kTag});
}

}  // namespace sl::proposals
