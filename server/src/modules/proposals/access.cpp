#include "modules/proposals/access.hpp"
#include "modules/proposals/permissions.hpp"

#include "core/api/resource.hpp"
#include "modules/proposals/queries.hpp"

namespace sl::proposals {

bool handles_proposal(const Relations& rel, const Principal& user) {
  return rel.has(Actor::proposal_staff) || !rel.lead_units.empty() || !rel.co_units.empty() || sees_all(user);
}

Relations relations_of(db::Connection& c, const Principal& p, int64_t proposal_id, int64_t proposer_user_id) {
  Relations r;
  if (proposer_user_id == p.user_id) r.actors.insert(Actor::proposer);
  if (!c.exec(sql::kIsCosigner, {proposal_id, p.user_id}).empty()) r.actors.insert(Actor::cosigner);
  if (is_proposal_staff(p)) r.actors.insert(Actor::proposal_staff);
  auto units = p.unit_scope();
  if (!units.empty()) {
    for (const auto& a : c.exec(sql::kLiveAssignmentUnits, {proposal_id}).rows) {
      int64_t unit = a.integer(0);
      if (std::find(units.begin(), units.end(), unit) == units.end()) continue;
      bool lead = a.text(1) == "lead";
      (lead ? r.lead_units : r.co_units).push_back(unit);
      r.actors.insert(lead ? Actor::lead_unit_staff : Actor::co_unit_staff);
      if (lead)
        for (const auto* g : p.grants_of(Role::unit_leader))
          if (g->unit_id && *g->unit_id == unit) r.actors.insert(Actor::lead_unit_leader);
    }
  }
  return r;
}

std::string in_subquery(const std::string& column, const std::string& subquery, db::Connection* lists_from) {
  if (!lists_from) return column + " IN (" + subquery + ")";
  std::string ids;
  for (const auto& r : lists_from->exec(subquery).rows) ids += (ids.empty() ? "" : ", ") + std::to_string(r.integer(0));
  return column + " IN (" + (ids.empty() ? "0" : ids) + ")";
}

std::string visibility_condition(const Principal& user, std::vector<db::Value>& params, const std::string& alias,
                                 const std::string& id_column, db::Connection* lists_from) {
  std::string a = alias + ".";
  std::string id = a + id_column;
  std::string uid = api::add_param(params, user.user_id);
  // The subqueries' ids are integers written into the text, so that they can run on their own.
  std::string own =
      a + "proposer_user_id = " + uid + " OR " +
      in_subquery(id, "SELECT proposal_id FROM proposal_cosigners WHERE user_id = " + std::to_string(user.user_id),
                  lists_from);
  std::vector<std::string> ors = {own};
  if (sees_all(user)) ors.push_back(a + "state <> 'draft'");
  auto units = user.unit_scope();
  if (!units.empty()) {
    std::string in;
    for (int64_t u : units) in += (in.empty() ? "" : ", ") + std::to_string(u);
    ors.push_back(in_subquery(
        id, "SELECT proposal_id FROM proposal_assignments WHERE state <> 'reassigned' AND unit_id IN (" + in + ")",
        lists_from));
  }
  for (const auto* g : user.grants_of(Role::committee_staff))
    if (g->special_committee_id) {
      std::string sc = api::add_param(params, *g->special_committee_id);
      ors.push_back("(" + a + "state <> 'draft' AND (" + a + "key_special_committee_id = " + sc + " OR (" + a +
                    "group_type = 'special_committee' AND " + a + "group_id = " + sc + ")))");
    }
  for (const auto* g : user.grants_of(Role::group_contact)) {
    if (g->party_id)
      ors.push_back("(" + a + "group_type = 'party' AND " + a + "group_id = " + api::add_param(params, *g->party_id) +
                    ")");
    if (g->sector_id)
      ors.push_back("(" + a + "group_type = 'sector' AND " + a + "group_id = " + api::add_param(params, *g->sector_id) +
                    ")");
  }
  std::string out;
  for (const auto& o : ors) out += (out.empty() ? "" : " OR ") + std::string("(") + o + ")";
  return out;
}

}  // namespace sl::proposals
