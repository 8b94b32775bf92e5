#pragma once
// The actions' own validation and effects, one file per family of actions. perform_transition
// (commands.cpp) has already chosen the table's row (actor and guard hold), checked the version,
// read the action's typed fields (payloads.hpp) and worked out the row's due dates; an effect
// checks the fields against the database and the settings, writes what the action changes
// besides the state, and says what the history row and the event record.

#include <optional>
#include <vector>

#include "modules/proposals/access.hpp"
#include "modules/proposals/commands.hpp"
#include "modules/proposals/payloads.hpp"
#include "modules/proposals/settings.hpp"

namespace sl::proposals {

/// The due dates a transition's deadline rule sets (empty when the rule sets none).
struct Dues {
  std::string cosign_due;   // co-signers answer by (UTC timestamp)
  std::string sign_due;     // a unit signs for it by (date)
  std::string opinion_due;  // a co-unit sends its opinion by (date)
  std::string reply_due;    // the reply is due by (date)
};

/// Everything an effect reads and writes.
struct Context {
  db::Connection& c;
  const Config& config;
  const Caller& by;
  int64_t id;
  db::Row row;  // the proposal as it was before the action
  Relations rel;
  State to;  // the state the chosen row leads to
  Dues dues;
  const Payload* payload = nullptr;  // the action's fields, read once the caller may act
  Json history = Json::object();     // what the history row records of the payload
  Json event = Json::object();       // extra event payload (recipients)

  std::optional<Settings> loaded_settings = std::nullopt;  // see settings()

  const Principal& user() const { return by.user; }
  /// The action's fields as the type the action takes.
  template <class T>
  const T& input() const {
    return std::get<T>(*payload);
  }
  /// The committee's proposal settings (loaded on first use).
  const Settings& settings();
};

/// The due dates of `rule` for the act in `x` (reads the settings and the working-day calendar).
Dues compute_dues(Deadline rule, Context& x);

/// The unit the caller acts for among `units`: `chosen` when sent (it must be one of them), else
/// the first; forbidden when `units` is empty.
int64_t pick_unit(const std::vector<int64_t>& units, std::optional<int64_t> chosen);
/// The caller's lead and co units for the proposal, in that order.
std::vector<int64_t> handling_units(const Context& x);

// One function per family; each handles the actions listed.
void drafting_effects(Action a, Context& x);    // submit, withdraw, cosign
void review_effects(Action a, Context& x);      // file, decline, return_for_revision, merge, mark_key
void assignment_effects(Action a, Context& x);  // assign, sign, request_return, reassign, refuse_return
void handling_effects(Action a, Context& x);    // record_consultation, send_opinion, request/grant_extension
void reply_effects(Action a, Context& x);       // submit_reply, approve/reject/pass/send_back_reply
void feedback_effects(Action a, Context& x);    // feedback, close, publish

/// Runs the effects of `a`.
void apply_effects(Action a, Context& x);

}  // namespace sl::proposals
