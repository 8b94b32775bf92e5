#include "core/auth/principal.hpp"

#include <algorithm>
#include <array>

namespace sl {

namespace {
constexpr std::array<const char*, 9> kRoleNames = {
    "admin",      "proposal_staff", "committee_staff", "member",     "group_contact",
    "unit_staff", "unit_leader",    "leader",          "supervisor",
};
}  // namespace

const char* role_name(Role role) {
  return kRoleNames.at(static_cast<size_t>(role));
}

std::optional<Role> parse_role(std::string_view name) {
  for (size_t i = 0; i < kRoleNames.size(); ++i)
    if (name == kRoleNames[i]) return static_cast<Role>(i);
  return std::nullopt;
}

const std::vector<Role>& all_roles() {
  static const std::vector<Role> kAll = [] {
    std::vector<Role> v;
    for (size_t i = 0; i < kRoleNames.size(); ++i) v.push_back(static_cast<Role>(i));
    return v;
  }();
  return kAll;
}

bool Principal::has(Role role) const {
  return std::any_of(grants.begin(), grants.end(),
                     [&](const Grant& g) { return g.committee_id == committee_id && g.role == role; });
}

bool Principal::has_any(std::initializer_list<Role> roles) const {
  return std::any_of(roles.begin(), roles.end(), [&](Role r) { return has(r); });
}

std::vector<const Grant*> Principal::grants_of(Role role) const {
  std::vector<const Grant*> out;
  for (const auto& g : grants)
    if (g.committee_id == committee_id && g.role == role) out.push_back(&g);
  return out;
}

std::vector<int64_t> Principal::unit_scope() const {
  std::vector<int64_t> ids;
  for (const auto& g : grants)
    if (g.committee_id == committee_id && (g.role == Role::unit_staff || g.role == Role::unit_leader) && g.unit_id)
      ids.push_back(*g.unit_id);
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

std::string Principal::primary_role() const {
  for (Role r : all_roles())
    if (has(r)) return role_name(r);
  return "";
}

bool is_proposal_staff(const Principal& p) {
  return p.has_any({Role::admin, Role::proposal_staff});
}

bool reads_all_proposals(const Principal& p) {
  return p.has_any({Role::admin, Role::proposal_staff, Role::leader, Role::supervisor});
}

bool acts_in_committee(const Principal& p) {
  for (const auto& g : p.grants)
    if (g.committee_id == p.committee_id) return true;
  return false;
}

}  // namespace sl
