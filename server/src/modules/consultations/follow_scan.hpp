#pragma once
// The follow-through scan (成果转化催办): reminders to a department's staff at the committee's
// reminder points (the proposal settings' working days before the due date, on the same
// working-day calendar), and once an item is late, escalations to the department's staff and
// leader and to the committee office. Every notice carries a dedupe key, so the scan may run any
// number of times a day; on PostgreSQL an advisory lock lets one node run it.

#include "core/app.hpp"
#include "core/periodic.hpp"

namespace sl::consultations {

struct FollowScanReport {
  int reminders = 0;
  int escalations = 0;
  bool ran = false;  // false when another node held the lock
};

/// Runs one scan now.
FollowScanReport run_follow_scan(App& app);

/// The scan at start and every `config.proposals.scan_interval_seconds` until destroyed.
class FollowScheduler {
 public:
  explicit FollowScheduler(App& app);

 private:
  Periodic periodic_;
};

}  // namespace sl::consultations
