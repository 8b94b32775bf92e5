#pragma once
// Who is making a request: the signed-in user, the committee they act in, and their role
// grants there. Built by the session middleware; read by every module's permission policy.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sl {

enum class Role {
  admin,
  proposal_staff,
  committee_staff,
  member,
  group_contact,
  unit_staff,
  unit_leader,
  leader,
  supervisor,
};

/// Wire name of `role` ("proposal_staff").
const char* role_name(Role role);
/// Parses a wire name; nullopt when unknown.
std::optional<Role> parse_role(std::string_view name);
/// Every role, in declaration order.
const std::vector<Role>& all_roles();

/// One role held in one committee, with its data scope (the unit, special committee, party or
/// sector it is limited to, where the role has one).
struct Grant {
  int64_t id = 0;
  int64_t committee_id = 0;
  Role role = Role::member;
  std::optional<int64_t> unit_id;
  std::optional<int64_t> special_committee_id;
  std::optional<int64_t> party_id;
  std::optional<int64_t> sector_id;
};

struct Principal {
  int64_t user_id = 0;
  std::string name;
  std::string token_hash;
  std::string csrf_token;
  bool must_change_password = false;
  /// The committee the user currently acts in (0 when they hold no grant anywhere).
  int64_t committee_id = 0;
  /// All grants of the user, in every committee.
  std::vector<Grant> grants;

  /// True when the user holds `role` in the current committee.
  bool has(Role role) const;
  /// True when the user holds any of `roles` in the current committee.
  bool has_any(std::initializer_list<Role> roles) const;
  /// The grants of `role` in the current committee (several when scoped to several units).
  std::vector<const Grant*> grants_of(Role role) const;
  /// The unit ids the user acts for as unit staff or leader in the current committee.
  std::vector<int64_t> unit_scope() const;
  /// A short label of the strongest role held in the current committee, for the audit log.
  std::string primary_role() const;
};

// Shared predicates every module's permissions file builds on (one definition each).

/// The committee's proposal office: admins and proposal staff (提案委工作人员).
bool is_proposal_staff(const Principal& p);
/// Reads everything in the committee: proposal staff, leaders and supervisors.
bool reads_all_proposals(const Principal& p);
/// Holds some role in the committee the principal currently acts in.
bool acts_in_committee(const Principal& p);

}  // namespace sl
