// What every family of effects shares: the settings, the due dates of a deadline rule, the unit
// the caller acts for, and the dispatch from an action to its family.
#include "modules/proposals/effects/effects.hpp"

#include <algorithm>

#include "modules/proposals/calendar.hpp"

namespace sl::proposals {

const Settings& Context::settings() {
  if (!loaded_settings) loaded_settings = load_settings(c, user().committee_id, config);
  return *loaded_settings;
}

Dues compute_dues(Deadline rule, Context& x) {
  Dues d;
  if (rule == Deadline::none) return d;
  const Settings& s = x.settings();
  std::string today = x.by.today();
  switch (rule) {
    case Deadline::none:
      break;
    case Deadline::cosign_window:
      d.cosign_due = x.by.at_after(int64_t{s.cosign_window_days} * 86400);
      break;
    case Deadline::handling:
      d.sign_due = WorkCalendar::load(x.c, x.user().committee_id).add_working_days(today, s.sign_window_working_days);
      d.opinion_due = add_months(today, s.opinion_months);
      d.reply_due = add_months(today, s.reply_months);
      break;
    case Deadline::sign_window:
      d.sign_due = WorkCalendar::load(x.c, x.user().committee_id).add_working_days(today, s.sign_window_working_days);
      break;
    case Deadline::second_handling:
      d.reply_due = add_months(today, s.second_handling_months);
      break;
  }
  return d;
}

int64_t pick_unit(const std::vector<int64_t>& units, std::optional<int64_t> chosen) {
  if (units.empty()) throw ApiError::forbidden("您所在单位不是该提案的承办单位");
  if (chosen) {
    if (std::find(units.begin(), units.end(), *chosen) == units.end())
      throw ApiError::forbidden("该单位不是您所在的承办单位");
    return *chosen;
  }
  return units.front();
}

std::vector<int64_t> handling_units(const Context& x) {
  std::vector<int64_t> mine = x.rel.lead_units;
  mine.insert(mine.end(), x.rel.co_units.begin(), x.rel.co_units.end());
  return mine;
}

void apply_effects(Action a, Context& x) {
  switch (a) {
    case Action::submit:
    case Action::withdraw:
    case Action::cosign:
      return drafting_effects(a, x);
    case Action::file:
    case Action::decline:
    case Action::return_for_revision:
    case Action::merge:
    case Action::mark_key:
      return review_effects(a, x);
    case Action::assign:
    case Action::sign:
    case Action::request_return:
    case Action::reassign:
    case Action::refuse_return:
      return assignment_effects(a, x);
    case Action::record_consultation:
    case Action::send_opinion:
    case Action::request_extension:
    case Action::grant_extension:
      return handling_effects(a, x);
    case Action::submit_reply:
    case Action::approve_reply:
    case Action::reject_reply:
    case Action::pass_reply:
    case Action::send_back_reply:
      return reply_effects(a, x);
    case Action::feedback:
    case Action::close:
    case Action::publish:
      return feedback_effects(a, x);
  }
}

}  // namespace sl::proposals
