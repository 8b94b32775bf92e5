#include "modules/consultations/notices.hpp"

#include <set>

#include "core/app.hpp"
#include "modules/consultations/events.hpp"
#include "modules/consultations/queries.hpp"
#include "modules/notifications/notify.hpp"
#include "modules/proposals/settings.hpp"

namespace sl::consultations {

namespace {

void send(App& app, db::Connection& c, const Event& e, std::set<int64_t> to, Notice n) {
  n.sms = proposals::load_settings(c, e.committee_id, app.config).sends_sms(n.kind);
  to.erase(e.actor_user_id);  // nobody is told what they just did
  for (int64_t u : to) notify(app, c, u, n);
}

std::set<int64_t> ids(db::Connection& c, const char* q, int64_t id) {
  std::set<int64_t> out;
  for (const auto& r : c.exec(q, {id}).rows) out.insert(r.integer(0));
  return out;
}

std::string topic_link(int64_t topic_id) {
  return "/consultations/topics/" + std::to_string(topic_id);
}

void on_event(App& app, const Event& e) {
  const int64_t subject = std::stoll(e.subject_id.empty() ? "0" : e.subject_id);
  auto c = app.db().acquire();
  if (e.name == events::of(OutcomeAction::submit) || e.name == events::kInstructionRecorded) {
    auto r = c->exec(sql::kOutcomeForNotice, {subject});
    if (r.empty()) return;
    const auto& o = r.one();
    Notice n{e.committee_id, e.name, "", "", 0, "", false, topic_link(o.integer("topic_id"))};
    std::set<int64_t> to;
    if (e.name == events::kInstructionRecorded) {
      n.title = "领导对协商成果《" + o.text("title") + "》作出批示，请研究落实并登记成果转化事项";
      n.dedupe_key = "consult-instruction-" + std::to_string(e.payload.value("instruction_id", int64_t{0}));
      for (const auto& u : e.payload.value("unit_ids", Json::array())) {
        auto some = ids(*c, sql::kUnitPeople, u.get<int64_t>());
        to.insert(some.begin(), some.end());
      }
    } else {
      n.title = "协商成果《" + o.text("title") + "》待您审定";
      if (!o.is_null("lead_leader_id"))
        to.insert(o.integer("lead_leader_id"));
      else
        to = ids(*c, sql::kLeaders, e.committee_id);
    }
    send(app, *c, e, to, n);
  } else if (e.name == std::string(events::kResearchPrefix) + "submit") {
    auto r = c->exec(sql::kResearchForNotice, {subject});
    if (r.empty()) return;
    const auto& x = r.one();
    Notice n{e.committee_id,
             e.name,
             "调研报告《" + x.text("title") + "》待您审定",
             "",
             0,
             "",
             false,
             topic_link(x.integer("topic_id"))};
    send(app, *c, e,
         x.is_null("lead_leader_id") ? ids(*c, sql::kLeaders, e.committee_id)
                                     : std::set<int64_t>{x.integer("lead_leader_id")},
         n);
  } else if (e.name == events::kTopicCreated && e.payload.value("state", "") == name(TopicState::proposed)) {
    auto r = c->exec(sql::kTopicForNotice, {subject});
    if (r.empty()) return;
    Notice n{e.committee_id,     e.name, "协商议题“" + r.one().text("title") + "”待审批", "", 0, "", false,
             topic_link(subject)};
    send(app, *c, e, ids(*c, sql::kLeaders, e.committee_id), n);
  }
}

}  // namespace

void subscribe_notices(App& app) {
  app.events.subscribe(events::kPrefix, [&app](const Event& e) { on_event(app, e); });
}

}  // namespace sl::consultations
