#include "modules/proposals/scheduler.hpp"

#include <spdlog/spdlog.h>

#include <chrono>
#include <map>
#include <set>

#include "core/clock.hpp"
#include "modules/notifications/notify.hpp"
#include "modules/proposals/calendar.hpp"
#include "modules/proposals/events.hpp"
#include "modules/proposals/queries.hpp"
#include "modules/proposals/settings.hpp"

namespace sl::proposals {

namespace {

constexpr int64_t kSchedulerLockKey = 0x5343414e;  // "SCAN"

/// Each committee's calendar and reminder points, loaded once per scan.
struct CommitteeRules {
  WorkCalendar calendar;
  std::set<int> points;
  Settings settings;
};

const CommitteeRules& rules_of(App& app, db::Connection& c, std::map<int64_t, CommitteeRules>& cache,
                               int64_t committee) {
  auto it = cache.find(committee);
  if (it == cache.end()) {
    auto settings = load_settings(c, committee, app.config);
    it = cache
             .emplace(committee, CommitteeRules{WorkCalendar::load(c, committee),
                                                {settings.reminder_days.begin(), settings.reminder_days.end()},
                                                settings})
             .first;
  }
  return it->second;
}

std::vector<int64_t> user_ids(db::Connection& c, const char* query, const std::vector<db::Value>& params) {
  std::vector<int64_t> out;
  for (const auto& r : c.exec(query, params).rows) out.push_back(r.integer(0));
  return out;
}

std::vector<int64_t> proposal_staff(db::Connection& c, int64_t committee_id) {
  return user_ids(c, sql::kProposalStaffUsers, {committee_id});
}

/// Reminders and escalations for one kind of deadline on every live assignment.
void scan_deadlines(App& app, db::Connection& c, ScanReport& report, std::map<int64_t, CommitteeRules>& rules,
                    bool sign) {
  std::string today = clock::today();
  std::string query = sign ? sql::kSignDeadlines : sql::kReplyDeadlinesIn + sql_list(overdue_states()) + ")";
  for (const auto& r : c.exec(query).rows) {
    int64_t committee = r.integer("committee_id");
    const auto& rule = rules_of(app, c, rules, committee);
    std::string due = r.text("due").substr(0, 10);
    int left = rule.calendar.working_days_between(today, due);
    std::string what = sign ? "签收" : "答复";
    std::string key_base = std::string(sign ? "sign-" : "reply-") + std::to_string(r.integer("id")) + "-" + due;
    Notice n{committee, "", "", "", r.integer("pid"), "", false};
    if (today > due) {
      n.kind = events::kDeadlineEscalation;
      n.sms = rule.settings.sends_sms(n.kind);
      n.title = "【督办】提案《" + r.text("title") + "》已超过" + what + "期限（" + clock::chinese_day(due) +
                "），请尽快办理";
      n.dedupe_key = "escalate-" + key_base;
      auto to = user_ids(c, sql::kUnitLeadersAndStaff, {r.integer("unit_id")});
      auto staff = proposal_staff(c, committee);
      to.insert(to.end(), staff.begin(), staff.end());
      bool any = false;
      for (int64_t u : to) any = notify(app, c, u, n) || any;
      if (any) report.escalations++;
    } else if (rule.points.count(left)) {
      n.kind = events::kDeadlineReminder;
      n.sms = rule.settings.sends_sms(n.kind);
      n.title = "【提醒】提案《" + r.text("title") + "》还有 " + std::to_string(left) + " 个工作日到" + what +
                "期限（" + clock::chinese_day(due) + "）";
      n.dedupe_key = "remind-" + key_base + "-" + std::to_string(left);
      bool any = false;
      for (int64_t u : user_ids(c, sql::kUnitStaff, {r.integer("unit_id")})) any = notify(app, c, u, n) || any;
      if (any) report.reminders++;
    }
  }
}

/// Co-signers who did not answer in time drop off; the proposer is told; a proposal with no
/// one left pending goes on to review.
void expire_cosigners(App& app, db::Connection& c, ScanReport& report, std::map<int64_t, CommitteeRules>& rules) {
  std::string now = db::now_iso();
  for (const auto& r : c.exec(sql::kOverdueCosigners, {now}).rows) {
    int64_t pid = r.integer("proposal_id");
    c.exec(sql::kExpireCosigner, {now, pid, r.integer("member_id")});
    report.cosigners_expired++;
    notify(app, c, r.integer("proposer_user_id"),
           {r.integer("committee_id"), events::kCosignExpired,
            r.text("name") + " 未在期限内确认联名，已不再列为提案《" + r.text("title") + "》的联名人", "", pid,
            "cosign-expired-" + std::to_string(pid) + "-" + std::to_string(r.integer("member_id")),
            rules_of(app, c, rules, r.integer("committee_id")).settings.sends_sms(events::kCosignExpired)});
    bool pending = !c.exec(sql::kAnyPendingCosigner, {pid}).empty();
    if (!pending) {
      c.exec(sql::kCloseCosignWindow, {now, pid});
      c.exec(sql::kInsertCosignWindowClosedHistory, {pid, now});
    }
  }
}

}  // namespace

ScanReport run_deadline_scan(App& app) {
  ScanReport report;
  auto c = app.db().acquire();
  bool locked = true;
  if (app.db().dialect() == db::Dialect::postgres)
    locked = c->exec(sql::kTryAdvisoryLock, {kSchedulerLockKey}).one().text(0) == "t";
  if (!locked) return report;
  try {
    std::map<int64_t, CommitteeRules> rules;
    expire_cosigners(app, *c, report, rules);
    scan_deadlines(app, *c, report, rules, true);
    scan_deadlines(app, *c, report, rules, false);
    report.ran = true;
  } catch (const std::exception& e) {
    spdlog::error("deadline scan failed: {}", e.what());
  }
  if (app.db().dialect() == db::Dialect::postgres) c->exec(sql::kAdvisoryUnlock, {kSchedulerLockKey});
  return report;
}

DeadlineScheduler::DeadlineScheduler(App& app)
    : periodic_(
          [&app] {
            auto r = run_deadline_scan(app);
            if (r.ran && (r.reminders || r.escalations || r.cosigners_expired))
              spdlog::info("deadline scan: {} reminders, {} escalations, {} co-signers expired", r.reminders,
                           r.escalations, r.cosigners_expired);
          },
          [&app] { return app.config.proposals.scan_interval_seconds; }) {}

}  // namespace sl::proposals
