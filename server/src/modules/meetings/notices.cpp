#include "modules/meetings/notices.hpp"

#include <map>
#include <set>

#include "modules/meetings/documents.hpp"
#include "modules/meetings/events.hpp"
#include "modules/meetings/queries.hpp"
#include "modules/notifications/notify.hpp"

namespace sl::meetings {

namespace {

/// The users to tell for each invitee of meeting `id` (a unit's staff and leaders for a unit).
std::multimap<int64_t, int64_t> invitee_users(db::Connection& c, int64_t id) {
  std::multimap<int64_t, int64_t> out;
  for (const auto& r : c.exec(sql::kInviteeUsers, {id}).rows) out.emplace(r.integer(0), r.integer(1));
  return out;
}

void on_event(App& app, const Event& e) {
  int64_t id = e.payload.value("id", int64_t{0});
  auto c = app.db().acquire();
  auto mr = c->exec(sql::kMeeting, {id});
  if (mr.empty()) return;
  const db::Row& m = mr.one();
  const std::string title = "《" + m.text("title") + "》";
  const std::string when = chinese_time(m.text("starts_at"));
  Notice n;
  n.committee_id = e.committee_id;
  n.kind = e.name;
  n.link = "/meetings/" + std::to_string(id);
  auto users = invitee_users(*c, id);
  std::set<int64_t> to;
  auto all = [&] {
    for (const auto& [inv, u] : users) to.insert(u);
  };
  auto of_invitee = [&](int64_t invitee) {
    auto [a, b] = users.equal_range(invitee);
    for (auto it = a; it != b; ++it) to.insert(it->second);
  };
  if (e.name == events::kNotified) {
    all();
    n.title = "会议通知：" + title + "定于" + when + "在" + m.text("place") + "召开，请及时回执";
    n.body = m.text("agenda");
    n.dedupe_key = "meeting." + std::to_string(id) + ".notice";
    n.sms = true;
  } else if (e.name == events::kInvited && e.payload.value("notified", false)) {
    for (const auto& inv : e.payload.value("invitee_ids", Json::array())) of_invitee(inv.get<int64_t>());
    n.title = "会议通知：" + title + "定于" + when + "在" + m.text("place") + "召开，请及时回执";
    n.body = m.text("agenda");
    n.dedupe_key = "meeting." + std::to_string(id) + ".notice";
    n.sms = true;
  } else if (e.name == events::kUpdated && e.payload.value("notified", false) && e.payload.value("moved", false)) {
    all();
    n.title = "会议调整：" + title + "改为" + when + "在" + m.text("place") + "召开";
    n.sms = true;
  } else if (e.name == events::kCancelled && e.payload.value("was_notified", false)) {
    all();
    n.title = "会议取消：原定" + when + "召开的" + title + "已取消";
    n.body = m.text("cancel_reason");
    n.sms = true;
  } else if (e.name == events::kReminded) {
    std::set<int64_t> waiting;
    for (const auto& r : c->exec(sql::kInviteesOfMeeting, {id}).rows)
      if (r.text("reply") == "none") waiting.insert(r.integer("id"));
    for (int64_t inv : waiting) of_invitee(inv);
    n.title = "请回执：" + title + "将于" + when + "在" + m.text("place") + "召开，请确认是否参会";
    n.dedupe_key = "meeting." + std::to_string(id) + ".remind." + e.payload.value("day", "");
    n.sms = true;
  } else if (e.name == events::kLeaveDecided) {
    of_invitee(e.payload.value("invitee_id", int64_t{0}));
    bool ok = e.payload.value("decision", "") == "approved";
    n.title = std::string(ok ? "请假已同意：" : "请假未同意：") + title + (ok ? "" : "，请按时参会");
  } else if (e.name == events::kSpeechDecided) {
    to.insert(e.payload.value("user_id", int64_t{0}));
    bool ok = e.payload.value("decision", "") == "arranged";
    n.title = std::string(ok ? "发言已安排：" : "发言未安排：") + title;
  } else {
    return;
  }
  to.erase(e.actor_user_id);
  to.erase(0);
  for (int64_t u : to) notify(app, *c, u, n);
}

}  // namespace

void subscribe_notices(App& app) {
  app.events.subscribe(events::kPrefix, [&app](const Event& e) { on_event(app, e); });
}

}  // namespace sl::meetings
