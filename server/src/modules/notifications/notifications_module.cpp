#include "modules/notifications/notifications_module.hpp"

#include <spdlog/spdlog.h>

#include <set>

#include "core/api/resource.hpp"
#include "core/auth/sms.hpp"
#include "modules/notifications/notify.hpp"
#include "modules/notifications/queries.hpp"
#include "modules/proposals/events.hpp"
#include "modules/proposals/queries.hpp"
#include "modules/proposals/settings.hpp"

namespace sl {

namespace {

constexpr const char* kTag = "notifications";

std::set<int64_t> users_of(db::Connection& c, const std::string& sql, const std::vector<db::Value>& params) {
  std::set<int64_t> out;
  for (const auto& r : c.exec(sql, params).rows) out.insert(r.integer(0));
  return out;
}

std::set<int64_t> proposers(db::Connection& c, int64_t id) {
  auto s = users_of(c, notifications::sql::kProposer, {id});
  auto co = users_of(c, notifications::sql::kCosigningUsers, {id});
  s.insert(co.begin(), co.end());
  return s;
}

std::set<int64_t> unit_people(db::Connection& c, int64_t id, const std::string& assignment_filter,
                              const std::string& roles) {
  return users_of(c, notifications::sql::kUnitPeopleWhere + ("g.role IN (" + roles + ") AND " + assignment_filter),
                  {id});
}

std::set<int64_t> staff(db::Connection& c, int64_t committee) {
  return users_of(c, proposals::sql::kProposalStaffUsers, {committee});
}

/// Fills the {title}, {number} and {due} slots of a notice rule's title.
std::string notice_title(std::string text, const db::Row& p) {
  std::string due = p.is_null("due_at") ? "" : p.text("due_at").substr(0, 10);
  auto fill = [&text](const std::string& slot, const std::string& value) {
    for (size_t at = text.find(slot); at != std::string::npos; at = text.find(slot, at + value.size()))
      text.replace(at, slot.size(), value);
  };
  fill("{title}", "《" + p.text("title") + "》");
  fill("{number}", p.text("number_label"));
  fill("{due}", due.empty() ? "" : "，期限 " + due);
  return text;
}

/// The users a workflow notice goes to.
std::set<int64_t> recipients(db::Connection& c, proposals::Recipient r, int64_t id, int64_t committee, const Event& e) {
  using R = proposals::Recipient;
  const std::string live = "a.state <> 'reassigned'";
  switch (r) {
    case R::invited_cosigners:
      return users_of(c, notifications::sql::kInvitedCosigners, {id});
    case R::proposer:
      return users_of(c, notifications::sql::kProposer, {id});
    case R::proposers:
      return proposers(c, id);
    case R::merged_into:
      return proposers(c, e.payload.value("into_id", int64_t{0}));
    case R::units_to_sign:
      return unit_people(c, id, live + " AND a.state = 'awaiting_sign'", "'unit_staff', 'unit_leader'");
    case R::proposal_staff:
      return staff(c, committee);
    case R::lead_unit_leaders:
      return unit_people(c, id, live + " AND a.role = 'lead'", "'unit_leader'");
    case R::lead_unit_staff:
      return unit_people(c, id, live + " AND a.role = 'lead'", "'unit_staff'");
    case R::lead_units:
      return unit_people(c, id, live + " AND a.role = 'lead'", "'unit_staff', 'unit_leader'");
  }
  return {};
}

/// The notices of the proposal module's own events beside the workflow's actions.
bool other_proposal_notice(db::Connection& c, const Event& e, int64_t id, const std::string& title, Notice& n,
                           std::set<int64_t>& to_users) {
  const std::string live = "a.state <> 'reassigned'";
  if (e.name == proposals::events::kFollowUp) {
    to_users = proposers(c, id);
    n.title = "提案" + title + "新增了跟踪落实事项";
  } else if (e.name == proposals::events::kArrangeFaceToFace) {
    // The proposer (and co-signers) and the lead unit meet face to face with staff.
    to_users = proposers(c, id);
    auto lead = unit_people(c, id, live + " AND a.role = 'lead'", "'unit_staff', 'unit_leader'");
    to_users.insert(lead.begin(), lead.end());
    n.title = std::string(e.payload.value("rearranged", false) ? "当面协商安排已调整：" : "当面协商安排：") + "提案" +
              title + "定于 " + e.payload.value("meeting_date", "") + " 在" + e.payload.value("place", "") +
              "当面协商，请准时参加";
  } else if (e.name == proposals::events::kRecordFaceToFace) {
    to_users = proposers(c, id);
    auto lead = unit_people(c, id, live + " AND a.role = 'lead'", "'unit_staff', 'unit_leader'");
    to_users.insert(lead.begin(), lead.end());
    n.title = "提案" + title + "的当面协商已完成，协商结果已记录";
  } else {
    return false;
  }
  return true;
}

void on_proposal_event(App& app, const Event& e) {
  int64_t id = e.payload.value("id", int64_t{0});
  std::string action = e.payload.value("action", "");
  if (id == 0 || action.empty()) return;
  auto c = app.db().acquire();
  auto p = c->exec(notifications::sql::kProposalForNotice, {id});
  if (p.empty()) return;
  Notice n{e.committee_id, e.name, "", "", id, "", false};
  std::set<int64_t> to_users;
  auto workflow_action = proposals::parse_action(action);
  auto to = proposals::parse_state(e.payload.value("to", ""));
  if (workflow_action && to) {
    const auto* rule = proposals::notice_rule(*workflow_action, *to);
    if (!rule) return;
    for (auto r : rule->recipients) {
      auto some = recipients(*c, r, id, e.committee_id, e);
      to_users.insert(some.begin(), some.end());
    }
    n.title = notice_title(rule->title, p.one());
  } else if (!other_proposal_notice(*c, e, id, "《" + p.one().text("title") + "》", n, to_users)) {
    return;
  }
  // Whether it also goes by SMS is the committee's choice (proposal settings).
  n.sms = proposals::load_settings(*c, e.committee_id, app.config).sends_sms(e.name);
  to_users.erase(e.actor_user_id);  // nobody is told what they just did
  for (int64_t u : to_users) notify(app, *c, u, n);
}

}  // namespace

void register_notifications(App& app) {
  app.events.subscribe(proposals::events::kPrefix, [&app](const Event& e) { on_proposal_event(app, e); });

  app.route(
      http::Method::GET, "/api/v1/notifications",
      [&app](http::Request& req) {
        auto q = api::parse_list_query(req);
        std::vector<db::Value> params;
        std::string where = "user_id = " + api::add_param(params, req.user().user_id) +
                            " AND committee_id = " + api::add_param(params, req.user().committee_id);
        if (auto v = req.query_param("unread"); v && (*v == "true" || *v == "1")) where += " AND read_at IS NULL";
        auto c = app.db().acquire();
        int64_t total = c->exec(notifications::sql::kCountNoticesWhere + where, params).one().integer(0);
        Json items = Json::array();
        for (const auto& r :
             c->exec(notifications::sql::kNoticesWhere + where + " ORDER BY id DESC LIMIT " +
                         api::add_param(params, q.page_size) + " OFFSET " + api::add_param(params, q.offset()),
                     params)
                 .rows)
          items.push_back({{"id", r.integer("id")},
                           {"kind", r.text("kind")},
                           {"title", r.text("title")},
                           {"body", r.text("body")},
                           {"proposal_id", r.opt_int("proposal_id") ? Json(*r.opt_int("proposal_id")) : Json(nullptr)},
                           {"link", r.is_null("link") ? Json(nullptr) : Json(r.text("link"))},
                           {"read", !r.is_null("read_at")},
                           {"created_at", r.text("created_at")}});
        return http::Response::json(api::list_envelope(std::move(items), total, q));
      },
      {"我的通知", kTag});

  app.route(http::Method::GET, "/api/v1/notifications/unread-count",
            [&app](http::Request& req) {
              auto c = app.db().acquire();
              auto n = c->exec(notifications::sql::kCountUnread, {req.user().user_id, req.user().committee_id});
              return http::Response::json({{"unread", n.one().integer(0)}});
            },
            {"未读通知数", kTag});

  app.route(http::Method::POST, "/api/v1/notifications/{id:int}/read",
            [&app](http::Request& req) {
              auto c = app.db().acquire();
              auto r = c->exec(notifications::sql::kMarkRead, {db::now_iso(), req.param_int("id"), req.user().user_id});
              if (r.affected == 0 &&
                  c->exec(notifications::sql::kIsOwnNotice, {req.param_int("id"), req.user().user_id}).empty())
                throw ApiError::not_found("通知");
              return http::Response::json({{"ok", true}});
            },
            {"标记通知为已读", kTag});

  app.route(http::Method::POST, "/api/v1/notifications/read-all",
            [&app](http::Request& req) {
              auto c = app.db().acquire();
              auto r = c->exec(notifications::sql::kMarkAllRead,
                               {db::now_iso(), req.user().user_id, req.user().committee_id});
              return http::Response::json({{"marked", r.affected}});
            },
            {"全部标记为已读", kTag});
}

}  // namespace sl
