#include "modules/registry.hpp"

#include "core/app.hpp"
#include "modules/audit/audit_module.hpp"
#include "modules/auth/auth_module.hpp"
#include "modules/catalogue/catalogue_module.hpp"
#include "modules/consultations/consultations_module.hpp"
#include "modules/consultations/follow_scan.hpp"
#include "modules/meetings/meetings_module.hpp"
#include "modules/notifications/notifications_module.hpp"
#include "modules/org/org_module.hpp"
#include "modules/proposals/proposals_module.hpp"
#include "modules/proposals/scheduler.hpp"
#include "modules/search/replica.hpp"
#include "modules/search/search_module.hpp"
#include "modules/system/system_module.hpp"

namespace sl {

namespace {

/// The proposals module's worker: the deadline scan (reminders, escalations, co-signature window).
void add_proposals_workers(App& app) {
  app.add_worker("proposals.deadline_scan", [](App& a) -> std::unique_ptr<Worker> {
    return std::make_unique<WorkerOf<proposals::DeadlineScheduler>>(a);
  });
}

/// The consultations module's worker: the follow-through scan (reminders, escalations).
void add_consultations_workers(App& app) {
  app.add_worker("consultations.follow_scan", [](App& a) -> std::unique_ptr<Worker> {
    return std::make_unique<WorkerOf<consultations::FollowScheduler>>(a);
  });
}

/// The search module's workers: on PostgreSQL with a replica directory, this node's FTS5 replica
/// (searches read it once ready; it leaves on destruction), then the background indexing and
/// similar-proposal index.
void add_search_workers(App& app) {
  app.add_worker("search.replica", [](App& a) -> std::unique_ptr<Worker> {
    if (a.db().dialect() != db::Dialect::postgres || a.config.search.replica_dir.empty()) return nullptr;
    auto w = std::make_unique<WorkerOf<search::Replica>>(a.db(), a.config.search.replica_dir);
    search::set_replica(&w->get());
    return w;
  });
  app.add_worker("search.background",
                 [](App& a) -> std::unique_ptr<Worker> { return std::make_unique<WorkerOf<search::Background>>(a); });
}

}  // namespace

void register_modules(App& app) {
  register_system(app);
  register_auth(app);
  register_org(app);
  register_audit(app);
  register_proposals(app);
  add_proposals_workers(app);
  register_search(app);
  add_search_workers(app);
  register_notifications(app);
  register_catalogue(app);
  register_meetings(app);
  register_consultations(app);
  add_consultations_workers(app);
}

}  // namespace sl
