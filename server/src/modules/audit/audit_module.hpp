#pragma once
namespace sl {
class App;
/// GET /api/v1/audit: the committee's audit log for its admins, with filters.
void register_audit(App& app);
}  // namespace sl
