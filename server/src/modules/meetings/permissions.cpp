#include "modules/meetings/permissions.hpp"

#include <string>

#include "core/api/resource.hpp"
#include "core/errors.hpp"

namespace sl::meetings {

namespace {

std::vector<int64_t> special_scope(const Principal& p) {
  std::vector<int64_t> out;
  for (const Grant* g : p.grants_of(Role::committee_staff))
    if (g->special_committee_id) out.push_back(*g->special_committee_id);
  return out;
}

std::string id_list(const std::vector<int64_t>& ids, std::vector<db::Value>& params) {
  std::string out;
  for (int64_t id : ids) out += (out.empty() ? "" : ", ") + api::add_param(params, id);
  return out;
}

}  // namespace

bool manages(const Principal& p, std::optional<int64_t> special_committee_id) {
  if (is_proposal_staff(p)) return true;
  if (!special_committee_id) return false;
  for (int64_t s : special_scope(p))
    if (s == *special_committee_id) return true;
  return false;
}

bool may_create(const Principal& p, std::optional<int64_t> special_committee_id) {
  return manages(p, special_committee_id);
}

void require_arranger(const Principal& p) {
  if (!may_create(p, std::nullopt) && p.grants_of(Role::committee_staff).empty())
    throw ApiError::forbidden("只有政协办、提案委和专委会工作人员可以安排会议");
}

bool reads_all(const Principal& p) {
  return reads_all_proposals(p);
}

bool reads_calendar(const Principal& p) {
  return reads_all(p) || p.has_any({Role::member, Role::group_contact, Role::committee_staff});
}

Access access_to(const Principal& p, const db::Row& m, bool invited) {
  if (m.integer("committee_id") != p.committee_id || !acts_in_committee(p)) return Access::none;
  if (manages(p, m.opt_int("special_committee_id"))) return Access::manager;
  if (reads_all(p)) return Access::reader;
  std::string state = m.text("state");
  if (invited && state != "draft") return Access::invitee;
  if ((state == "notified" || state == "held") && reads_calendar(p)) return Access::calendar;
  return Access::none;
}

std::string visible_condition(const Principal& p, std::vector<db::Value>& params) {
  std::string cond = "m.committee_id = " + api::add_param(params, p.committee_id);
  if (!acts_in_committee(p)) return cond + " AND 1 = 0";
  if (is_proposal_staff(p) || reads_all(p)) return cond;
  std::vector<std::string> any;
  if (reads_calendar(p)) any.push_back("m.state IN ('notified', 'held')");
  std::string mine = "mi.user_id = " + api::add_param(params, p.user_id);
  auto units = p.unit_scope();
  if (!units.empty()) mine = "(" + mine + " OR mi.unit_id IN (" + id_list(units, params) + "))";
  any.push_back("(m.state <> 'draft' AND EXISTS (SELECT 1 FROM meeting_invitees mi WHERE mi.meeting_id = m.id AND " +
                mine + "))");
  auto specials = special_scope(p);
  if (!specials.empty()) any.push_back("m.special_committee_id IN (" + id_list(specials, params) + ")");
  std::string joined;
  for (const auto& a : any) joined += (joined.empty() ? "" : " OR ") + a;
  return cond + " AND (" + joined + ")";
}

}  // namespace sl::meetings
