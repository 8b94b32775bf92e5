#pragma once
// Who may read the audit log, in one place.

#include "core/auth/principal.hpp"

namespace sl::audit_module {

/// Reading the committee's audit log: its system administrator only.
bool can_read_audit_log(const Principal& p);
/// Throws forbidden unless can_read_audit_log.
void require_audit_reader(const Principal& p);

}  // namespace sl::audit_module
