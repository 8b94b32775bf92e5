#include "modules/consultations/deliberation_notices.hpp"

#include "core/app.hpp"
#include "core/clock.hpp"
#include "modules/consultations/deliberation_events.hpp"
#include "modules/consultations/deliberation_queries.hpp"
#include "modules/notifications/notify.hpp"
#include "modules/proposals/settings.hpp"

namespace sl::consultations {

namespace {

void on_invited(App& app, const Event& e) {
  const int64_t id = std::stoll(e.subject_id.empty() ? "0" : e.subject_id);
  const Json users = e.payload.value("user_ids", Json::array());
  if (users.empty()) return;
  auto c = app.db().acquire();
  auto r = c->exec(sql::kDeliberation, {id});
  if (r.empty()) return;
  const auto& w = r.one();
  Notice n;
  n.committee_id = e.committee_id;
  n.kind = events::kDeliberationInvited;
  n.title = "请参加网络议政“" + w.text("topic_title") + "”，" + clock::chinese_day(w.text("closes_at")) + "截止";
  n.body = w.text("prompt");
  n.dedupe_key = "consult-deliberation-" + std::to_string(id);
  n.link = "/consultations/topics/" + std::to_string(w.integer("topic_id"));
  n.sms = proposals::load_settings(*c, e.committee_id, app.config).sends_sms(n.kind);
  for (const auto& u : users) {
    const int64_t user = u.get<int64_t>();
    if (user != e.actor_user_id) notify(app, *c, user, n);
  }
}

}  // namespace

void subscribe_deliberation_notices(App& app) {
  app.events.subscribe(events::kDeliberationOpened, [&app](const Event& e) { on_invited(app, e); });
  app.events.subscribe(events::kDeliberationInvited, [&app](const Event& e) { on_invited(app, e); });
}

}  // namespace sl::consultations
