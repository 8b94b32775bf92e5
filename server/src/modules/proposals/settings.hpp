#pragma once
// Per-committee proposal settings (提案设置): the 不立案 reasons, the co-signature window, whether
// result category D is used, the sign-for window (working days), the co-unit opinion, reply,
// maximum extension and second handling windows (months), and the reminder points (working
// days before a deadline), and the proposal categories (提案类别, table proposal_categories). A
// committee that never saved them uses the defaults: the ten national grounds, 3 days, no D, 5
// working days, 1/3/6/3 months, the configured `[proposals] reminder_days`, and the six built-in
// categories. Commands, the deadline scan, the historical import and the topic catalogue read
// them from here (the categories through load_categories()).
//
// GET /api/v1/proposals/settings (any signed-in user of the committee),
// PUT /api/v1/proposals/settings (admin, proposal staff; fields left out keep their value; a
// category still carried by proposals or catalogue topics cannot be removed),
// GET /api/v1/proposals/leaders (admin, proposal staff: the leader picker of key proposals).

#include <string>
#include <vector>

#include "core/app.hpp"

namespace sl::proposals {

struct Settings {
  std::vector<std::string> decline_reasons;
  int cosign_window_days = 3;
  bool result_d_enabled = false;
  int sign_window_working_days = 5;
  int opinion_months = 1;
  int reply_months = 3;
  int max_reply_months = 6;
  int second_handling_months = 3;
  std::vector<int> reminder_days;       // descending, distinct
  std::vector<std::string> categories;  // the committee's proposal categories, in order
  std::vector<std::string> sms_kinds;   // the notice kinds that also go by SMS
  bool customised = false;              // the committee saved its own
  std::string updated_at;

  /// The result categories a reply may carry: A, B, C, and D when enabled.
  std::vector<std::string> result_categories() const;
  /// Whether a notice of `kind` also goes by SMS.
  bool sends_sms(const std::string& kind) const;
};

/// A kind of notice a committee may also send by SMS, and whether it does unless told otherwise.
struct SmsKind {
  std::string kind;  // the notice's kind: "proposal.<action>", "deadline.reminder", …
  bool by_default = false;
};
/// Every kind of notice the proposals send, in the workflow's order: the workflow's notice rules
/// (by default by SMS where a rule asks for it), then the module's other notices.
const std::vector<SmsKind>& sms_kinds();

/// The defaults (built in, reminder points from the configuration).
Settings default_settings(const Config& config);
/// `committee_id`'s settings, or the defaults when it has none.
Settings load_settings(db::Connection& c, int64_t committee_id, const Config& config);
/// `committee_id`'s proposal categories in order: its own list, or the built-in six.
std::vector<std::string> load_categories(db::Connection& c, int64_t committee_id);
/// Adds `name` at the end of the committee's categories (its own list starts as a copy of the
/// built-in six); nothing when it is there already. Inside the caller's transaction.
void add_category(db::Connection& c, int64_t committee_id, const std::string& name);
/// The longest category name.
inline constexpr size_t kMaxCategoryChars = 20;

/// Reminder points from a "3,1" list (invalid parts skipped).
std::vector<int> parse_reminder_days(const std::string& spec);

void register_settings(App& app);

}  // namespace sl::proposals
