#include "modules/consultations/permissions.hpp"

#include <algorithm>
#include <string>

#include "core/errors.hpp"

namespace sl::consultations {

bool is_office(const Principal& p) {
  return is_proposal_staff(p);
}

bool reads_everything(const Principal& p) {
  return is_office(p) || p.has_any({Role::committee_staff, Role::leader, Role::supervisor});
}

bool may_propose_topic(const Principal& p) {
  return is_office(p) || p.has_any({Role::committee_staff, Role::group_contact});
}

void require_office(const Principal& p, std::string_view what) {
  if (!is_office(p)) throw ApiError::forbidden("只有政协办公室可以" + std::string(what));
}

bool staffs(const Principal& p, std::optional<int64_t> special_committee_id) {
  if (!special_committee_id) return false;
  for (const auto* g : p.grants_of(Role::committee_staff))
    if (g->special_committee_id == special_committee_id) return true;
  return false;
}

bool contact_of(const Principal& p, const TopicRef& t) {
  for (const auto* g : p.grants_of(Role::group_contact)) {
    if (g->party_id && g->party_id == t.party_id) return true;
    if (g->sector_id && g->sector_id == t.sector_id) return true;
  }
  return false;
}

bool counterpart_of(const Principal& p, const TopicRef& t) {
  auto scope = p.unit_scope();
  return std::any_of(t.unit_ids.begin(), t.unit_ids.end(),
                     [&](int64_t u) { return std::find(scope.begin(), scope.end(), u) != scope.end(); });
}

std::vector<Actor> relations_to(const Principal& p, const TopicRef& t) {
  std::vector<Actor> out;
  if (p.committee_id != t.committee_id) return out;
  if (is_office(p)) out.push_back(Actor::office);
  if (staffs(p, t.special_committee_id)) out.push_back(Actor::lead_staff);
  if (p.has(Role::leader)) {
    out.push_back(Actor::leader);
    if (t.lead_leader_id ? *t.lead_leader_id == p.user_id : true) out.push_back(Actor::lead_leader);
  }
  return out;
}

}  // namespace sl::consultations
