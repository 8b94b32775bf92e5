#pragma once
// The deadline scan: reminders before sign-for and reply deadlines (at the configured working
// days before), escalations to the unit leader and proposal staff once overdue, and the end of
// the co-signature window. It runs at start and then periodically on a background thread; with
// several nodes on PostgreSQL a session advisory lock lets exactly one node run each scan. Every
// notice carries a dedupe key, so a scan may run any number of times a day.

#include "core/app.hpp"
#include "core/periodic.hpp"

namespace sl::proposals {

struct ScanReport {
  int reminders = 0;
  int escalations = 0;
  int cosigners_expired = 0;
  bool ran = false;  // false when another node held the lock
};

/// Runs one scan now.
ScanReport run_deadline_scan(App& app);

/// Runs the scan at start and every `config.proposals.scan_interval_seconds` until destroyed.
class DeadlineScheduler {
 public:
  explicit DeadlineScheduler(App& app);

 private:
  Periodic periodic_;
};

}  // namespace sl::proposals
