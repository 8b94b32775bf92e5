#include "modules/registry.hpp"

#include "modules/audit/audit_module.hpp"
#include "modules/auth/auth_module.hpp"
#include "modules/catalogue/catalogue_module.hpp"
#include "modules/notifications/notifications_module.hpp"
#include "modules/org/org_module.hpp"
#include "modules/proposals/proposals_module.hpp"
#include "modules/search/search_module.hpp"
#include "modules/system/system_module.hpp"

namespace sl {

void register_modules(App& app) {
  register_system(app);
  register_auth(app);
  register_org(app);
  register_audit(app);
  register_proposals(app);
  register_search(app);
  register_notifications(app);
  register_catalogue(app);
}

}  // namespace sl
