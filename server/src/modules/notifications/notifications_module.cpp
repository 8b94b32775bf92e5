#include "modules/notifications/notifications_module.hpp"

#include <spdlog/spdlog.h>

#include <set>

#include "core/api/resource.hpp"
#include "core/auth/sms.hpp"
#include "modules/notifications/notify.hpp"

namespace sl {

namespace {

constexpr const char* kTag = "notifications";

std::set<int64_t> users_of(db::Connection& c, const std::string& sql, const std::vector<db::Value>& params) {
  std::set<int64_t> out;
  for (const auto& r : c.exec(sql, params).rows) out.insert(r.integer(0));
  return out;
}

std::set<int64_t> proposers(db::Connection& c, int64_t id) {
  auto s = users_of(c, "SELECT proposer_user_id FROM proposals WHERE id = $1", {id});
  auto co = users_of(c, "SELECT user_id FROM proposal_cosigners WHERE proposal_id = $1 AND status <> 'declined'", {id});
  s.insert(co.begin(), co.end());
  return s;
}

std::set<int64_t> unit_people(db::Connection& c, int64_t id, const std::string& assignment_filter,
                              const std::string& roles) {
  return users_of(c,
                  "SELECT DISTINCT g.user_id FROM role_grants g JOIN proposal_assignments a ON a.unit_id = g.unit_id "
                  "WHERE a.proposal_id = $1 AND g.role IN (" +
                      roles + ") AND " + assignment_filter,
                  {id});
}

std::set<int64_t> staff(db::Connection& c, int64_t committee) {
  return users_of(c, "SELECT DISTINCT user_id FROM role_grants WHERE committee_id = $1 AND role = 'proposal_staff'",
                  {committee});
}

void on_proposal_event(App& app, const Event& e) {
  int64_t id = e.payload.value("id", int64_t{0});
  std::string action = e.payload.value("action", "");
  std::string to = e.payload.value("to", "");
  if (id == 0 || action.empty()) return;
  auto c = app.db().acquire();
  auto p = c->exec("SELECT title, number_label, due_at FROM proposals WHERE id = $1", {id});
  if (p.empty()) return;
  std::string title = "《" + p.one().text("title") + "》";
  std::string due = p.one().is_null("due_at") ? "" : p.one().text("due_at").substr(0, 10);
  Notice n{e.committee_id, "proposal." + action, "", "", id, "", false};
  std::set<int64_t> to_users;
  const std::string live = "a.state <> 'reassigned'";
  if (action == "submit" && to == "awaiting_cosign") {
    to_users = users_of(*c, "SELECT user_id FROM proposal_cosigners WHERE proposal_id = $1", {id});
    n.title = "联名邀请：请确认是否联名提案" + title;
    n.sms = true;  // the co-signer has a few days to answer
  } else if (action == "cosign") {
    to_users = users_of(*c, "SELECT proposer_user_id FROM proposals WHERE id = $1", {id});
    n.title = "联名确认进展：" + title + (to == "submitted" ? " 已完成联名确认并提交" : " 有委员答复了联名邀请");
  } else if (action == "return_for_revision") {
    to_users = proposers(*c, id);
    n.title = "提案" + title + "被退回修改，请按意见修改后重新提交";
  } else if (action == "file") {
    to_users = proposers(*c, id);
    n.title = "提案" + title + "已立案，编号 " + p.one().text("number_label");
  } else if (action == "decline") {
    to_users = proposers(*c, id);
    n.title = "提案" + title + "未予立案";
  } else if (action == "merge") {
    to_users = proposers(*c, id);
    int64_t into = e.payload.value("into_id", int64_t{0});
    auto lead = proposers(*c, into);
    to_users.insert(lead.begin(), lead.end());
    n.title = "提案" + title + "已与相似提案并案办理";
  } else if (action == "assign" || action == "reassign") {
    to_users = unit_people(*c, id, live + " AND a.state = 'awaiting_sign'", "'unit_staff', 'unit_leader'");
    n.title = "新交办提案" + title + "，请及时签收";
    n.sms = true;
  } else if (action == "request_return" || action == "request_extension") {
    to_users = staff(*c, e.committee_id);
    n.title = std::string(action == "request_return" ? "承办单位申请退回：" : "承办单位申请延期：") + title;
  } else if (action == "submit_reply") {
    to_users = unit_people(*c, id, live + " AND a.role = 'lead'", "'unit_leader'");
    n.title = "答复待审核：" + title;
  } else if (action == "approve_reply") {
    to_users = staff(*c, e.committee_id);
    n.title = "答复待提案委审核：" + title;
  } else if (action == "reject_reply" || action == "send_back_reply") {
    to_users = unit_people(*c, id, live + " AND a.role = 'lead'", "'unit_staff'");
    n.title = "答复被退回，请修改后重新提交：" + title;
  } else if (action == "pass_reply") {
    to_users = proposers(*c, id);
    n.title = "提案" + title + "已答复，请查看并反馈意见";
    n.sms = true;
  } else if (action == "feedback" && to == "second_handling") {
    to_users = unit_people(*c, id, live + " AND a.role = 'lead'", "'unit_staff', 'unit_leader'");
    n.title = "提案人对答复不满意，请重新办理：" + title + (due.empty() ? "" : "，期限 " + due);
    n.sms = true;
  } else if (action == "close") {
    to_users = proposers(*c, id);
    n.title = "提案" + title + "已办结";
  } else if (action == "publish") {
    to_users = proposers(*c, id);
    n.title = "提案" + title + "及答复已向社会公开";
  } else if (action == "follow_up") {
    to_users = proposers(*c, id);
    n.title = "提案" + title + "新增了跟踪落实事项";
  } else if (action == "arrange_face_to_face") {
    // The proposer (and co-signers) and the lead unit meet face to face with staff.
    to_users = proposers(*c, id);
    auto lead = unit_people(*c, id, live + " AND a.role = 'lead'", "'unit_staff', 'unit_leader'");
    to_users.insert(lead.begin(), lead.end());
    n.title = std::string(e.payload.value("rearranged", false) ? "当面协商安排已调整：" : "当面协商安排：") + "提案" +
              title + "定于 " + e.payload.value("meeting_date", "") + " 在" + e.payload.value("place", "") +
              "当面协商，请准时参加";
    n.sms = true;
  } else if (action == "record_face_to_face") {
    to_users = proposers(*c, id);
    auto lead = unit_people(*c, id, live + " AND a.role = 'lead'", "'unit_staff', 'unit_leader'");
    to_users.insert(lead.begin(), lead.end());
    n.title = "提案" + title + "的当面协商已完成，协商结果已记录";
  } else if (action == "grant_extension") {
    to_users = unit_people(*c, id, live + " AND a.role = 'lead'", "'unit_staff', 'unit_leader'");
    n.title = "延期申请已处理：" + title;
  } else {
    return;
  }
  to_users.erase(e.actor_user_id);  // nobody is told what they just did
  for (int64_t u : to_users) notify(app, *c, u, n);
}

}  // namespace

void register_notifications(App& app) {
  app.events.subscribe("proposal.", [&app](const Event& e) { on_proposal_event(app, e); });

  app.route(
      http::Method::GET, "/api/v1/notifications",
      [&app](http::Request& req) {
        auto q = api::parse_list_query(req);
        std::vector<db::Value> params;
        std::string where = "user_id = " + api::add_param(params, req.user().user_id) +
                            " AND committee_id = " + api::add_param(params, req.user().committee_id);
        if (auto v = req.query_param("unread"); v && (*v == "true" || *v == "1")) where += " AND read_at IS NULL";
        auto c = app.db().acquire();
        int64_t total = c->exec("SELECT COUNT(*) FROM notifications WHERE " + where, params).one().integer(0);
        Json items = Json::array();
        for (const auto& r :
             c->exec("SELECT * FROM notifications WHERE " + where + " ORDER BY id DESC LIMIT " +
                         api::add_param(params, q.page_size) + " OFFSET " + api::add_param(params, q.offset()),
                     params)
                 .rows)
          items.push_back({{"id", r.integer("id")},
                           {"kind", r.text("kind")},
                           {"title", r.text("title")},
                           {"body", r.text("body")},
                           {"proposal_id", r.opt_int("proposal_id") ? Json(*r.opt_int("proposal_id")) : Json(nullptr)},
                           {"read", !r.is_null("read_at")},
                           {"created_at", r.text("created_at")}});
        return http::Response::json(api::list_envelope(std::move(items), total, q));
      },
      {"我的通知", kTag});

  app.route(http::Method::GET, "/api/v1/notifications/unread-count",
            [&app](http::Request& req) {
              auto c = app.db().acquire();
              auto n = c->exec(
                  "SELECT COUNT(*) FROM notifications WHERE user_id = $1 AND committee_id = $2 AND read_at IS NULL",
                  {req.user().user_id, req.user().committee_id});
              return http::Response::json({{"unread", n.one().integer(0)}});
            },
            {"未读通知数", kTag});

  app.route(http::Method::POST, "/api/v1/notifications/{id:int}/read",
            [&app](http::Request& req) {
              auto c = app.db().acquire();
              auto r =
                  c->exec("UPDATE notifications SET read_at = $1 WHERE id = $2 AND user_id = $3 AND read_at IS NULL",
                          {db::now_iso(), req.param_int("id"), req.user().user_id});
              if (r.affected == 0 && c->exec("SELECT 1 FROM notifications WHERE id = $1 AND user_id = $2",
                                             {req.param_int("id"), req.user().user_id})
                                         .empty())
                throw ApiError::not_found("通知");
              return http::Response::json({{"ok", true}});
            },
            {"标记通知为已读", kTag});

  app.route(http::Method::POST, "/api/v1/notifications/read-all",
            [&app](http::Request& req) {
              auto c = app.db().acquire();
              auto r = c->exec(
                  "UPDATE notifications SET read_at = $1 WHERE user_id = $2 AND committee_id = $3 AND read_at IS NULL",
                  {db::now_iso(), req.user().user_id, req.user().committee_id});
              return http::Response::json({{"marked", r.affected}});
            },
            {"全部标记为已读", kTag});
}

}  // namespace sl
