#pragma once
// Who may do what in the consultation module, in one place. A topic's actions follow the
// workflow table (workflow.hpp) with the caller's relations to the topic (relations_to below);
// these are the module-wide rules the commands and routes check.
//
// The committee office (政协办公室) that drafts the plan and runs the topics is, in this release,
// held by the committee's administrators and proposal staff (the "三办一委" office staff of the
// proposal module); a dedicated office role is a later change of this one file.

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "core/auth/principal.hpp"
#include "modules/consultations/workflow.hpp"

namespace sl::consultations {

/// The committee office: drafts the plan, takes it through its steps, runs every topic.
bool is_office(const Principal& p);
/// Reads every plan (drafts included) and every topic of the committee: the office, special
/// committees' staff, leaders and supervisors.
bool reads_everything(const Principal& p);
/// May put a topic forward (an in-year addition, a special committee's or a party's or sector's
/// proposal): the office, special committees' staff and party and sector contacts.
bool may_propose_topic(const Principal& p);
/// Throws forbidden unless the caller is the office; `what` completes "只有政协办公室可以…".
void require_office(const Principal& p, std::string_view what);

/// What a topic is to the caller's rights: its leading special committee, party or sector, its
/// lead leader, its counterpart units and who put it forward.
struct TopicRef {
  int64_t id = 0;
  int64_t committee_id = 0;
  std::optional<int64_t> special_committee_id;
  std::optional<int64_t> party_id;
  std::optional<int64_t> sector_id;
  std::optional<int64_t> lead_leader_id;
  std::optional<int64_t> proposed_by;
  std::vector<int64_t> unit_ids;
};

/// The actors of the workflow table the caller is for topic `t`.
std::vector<Actor> relations_to(const Principal& p, const TopicRef& t);
/// True when the caller staffs the special committee `special_committee_id`.
bool staffs(const Principal& p, std::optional<int64_t> special_committee_id);
/// True when the caller is a contact of the party or sector the topic is led by.
bool contact_of(const Principal& p, const TopicRef& t);
/// True when the caller acts for one of the topic's counterpart units.
bool counterpart_of(const Principal& p, const TopicRef& t);

}  // namespace sl::consultations
