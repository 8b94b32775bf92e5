#pragma once
// Who may do what with the organisation model, in one place, built on the shared predicates of
// core/auth/principal.hpp. Data scopes (a unit's staff see only their unit) are applied in the
// queries by the resource specs, through these helpers.

#include "core/api/resource.hpp"

namespace sl::org {

/// Administration: the committee's admin and proposal staff (is_proposal_staff).
bool can_administer(const Principal& p);
/// Reading the organisation's people and units in full: staff, leaders, supervisors.
bool can_read_directory(const Principal& p);
/// Committees: the admin writes (creating only below their own, checked by the spec); anyone
/// acting in a committee reads.
void authorize_committees(const http::Request& req, api::Operation op);
/// Throws forbidden unless the caller may administer (writes) or read (lists/reads) reference data.
void authorize_reference_data(const http::Request& req, api::Operation op);
/// Members: staff read all, a group contact reads their own party's or sector's members.
void authorize_members(const http::Request& req, api::Operation op);
/// Units: everyone in the committee lists them (to suggest units); unit staff see only their own.
void authorize_units(const http::Request& req, api::Operation op);
/// Managing accounts and their roles: the admin.
bool can_manage_users(const Principal& p);
/// Users and role grants: the admin. Proposal staff also list the committee's leaders
/// (`?role=leader`, a picker's fields only) to name them for key proposals.
void authorize_users(const http::Request& req, api::Operation op);

}  // namespace sl::org
