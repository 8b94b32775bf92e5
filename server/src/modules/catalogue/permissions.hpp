#pragma once
// Who may do what with the topic catalogue, in one place. Built on the shared predicates of
// core/auth/principal.hpp.

#include "core/api/resource.hpp"

namespace sl::catalogue {

/// Editing and publishing the catalogue, seeing drafts and withdrawing anyone's claim: the
/// proposal office (admin and proposal staff).
bool can_edit(const Principal& p);
/// Reading the (published) catalogue: anyone holding a role in the current committee.
bool can_read(const Principal& p);
/// Throws forbidden unless the caller may edit the catalogue.
void require_editor(const http::Request& req);
/// Throws forbidden unless the caller may read the catalogue.
void require_reader(const http::Request& req);
/// The topic resource's rule: writes need can_edit, reads can_read.
void authorize_topics(const http::Request& req, api::Operation op);
/// Withdrawing a claim: the claiming group's own contact (`own_group`) or the proposal office.
void authorize_withdraw(const Principal& p, bool own_group);

}  // namespace sl::catalogue
