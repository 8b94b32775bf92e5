#include "modules/consultations/follow_scan.hpp"

#include <spdlog/spdlog.h>

#include <map>
#include <set>

#include "core/clock.hpp"
#include "modules/consultations/events.hpp"
#include "modules/consultations/queries.hpp"
#include "modules/notifications/notify.hpp"
#include "modules/proposals/calendar.hpp"
#include "modules/proposals/settings.hpp"

namespace sl::consultations {

namespace {

constexpr int64_t kFollowLockKey = 0x464f4c4c;  // "FOLL"
constexpr const char* kTryLock = "SELECT pg_try_advisory_lock($1)";
constexpr const char* kUnlock = "SELECT pg_advisory_unlock($1)";

struct Rules {
  proposals::WorkCalendar calendar;
  std::set<int> points;
  proposals::Settings settings;
};

std::vector<int64_t> users(db::Connection& c, const char* q, int64_t id) {
  std::vector<int64_t> out;
  for (const auto& r : c.exec(q, {id}).rows) out.push_back(r.integer(0));
  return out;
}

void scan(App& app, db::Connection& c, FollowScanReport& report) {
  std::map<int64_t, Rules> cache;
  const std::string today = clock::today();
  for (const auto& r : c.exec(sql::kOpenFollowItems).rows) {
    int64_t committee = r.integer("committee_id");
    auto it = cache.find(committee);
    if (it == cache.end()) {
      auto s = proposals::load_settings(c, committee, app.config);
      it = cache
               .emplace(committee, Rules{proposals::WorkCalendar::load(c, committee),
                                         {s.reminder_days.begin(), s.reminder_days.end()},
                                         s})
               .first;
    }
    const Rules& rule = it->second;
    const std::string due = r.text("due_on");
    const std::string key = std::to_string(r.integer("id")) + "-" + due;
    Notice n{committee, "", "", "", 0, "", false, "/consultations/topics/" + std::to_string(r.integer("topic_id"))};
    std::vector<int64_t> to;
    if (today > due) {
      n.kind = events::kFollowEscalation;
      n.title = "【督办】协商成果转化事项“" + r.text("title") + "”（" + r.text("topic_title") + "）已超过办理期限（" +
                clock::chinese_day(due) + "），请尽快办理";
      n.dedupe_key = "follow-escalate-" + key;
      to = users(c, sql::kUnitPeople, r.integer("unit_id"));
      auto office = users(c, sql::kOfficeStaff, committee);
      to.insert(to.end(), office.begin(), office.end());
    } else {
      int left = rule.calendar.working_days_between(today, due);
      if (!rule.points.count(left)) continue;
      n.kind = events::kFollowReminder;
      n.title = "【提醒】协商成果转化事项“" + r.text("title") + "”还有 " + std::to_string(left) + " 个工作日到期（" +
                clock::chinese_day(due) + "）";
      n.dedupe_key = "follow-remind-" + key + "-" + std::to_string(left);
      to = users(c, sql::kUnitStaff, r.integer("unit_id"));
    }
    n.sms = rule.settings.sends_sms(n.kind);
    bool any = false;
    for (int64_t u : to) any = notify(app, c, u, n) || any;
    if (any) (n.kind == events::kFollowEscalation ? report.escalations : report.reminders)++;
  }
}

}  // namespace

FollowScanReport run_follow_scan(App& app) {
  FollowScanReport report;
  auto c = app.db().acquire();
  const bool pg = app.db().dialect() == db::Dialect::postgres;
  if (pg && c->exec(kTryLock, {kFollowLockKey}).one().text(0) != "t") return report;
  try {
    scan(app, *c, report);
    report.ran = true;
  } catch (const std::exception& e) {
    spdlog::error("follow-through scan failed: {}", e.what());
  }
  if (pg) c->exec(kUnlock, {kFollowLockKey});
  return report;
}

FollowScheduler::FollowScheduler(App& app)
    : periodic_(
          [&app] {
            auto r = run_follow_scan(app);
            if (r.ran && (r.reminders || r.escalations))
              spdlog::info("follow-through scan: {} reminders, {} escalations", r.reminders, r.escalations);
          },
          [&app] { return app.config.proposals.scan_interval_seconds; }) {}

}  // namespace sl::consultations
