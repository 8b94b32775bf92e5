#pragma once
// Publishing outcomes to the public (公开的协商成果): the office publishes an outcome once it has
// been sent up (or withdraws it), and anyone reads the published ones without an account through
// /api/v1/public/consultations/outcomes, the public site's source.

#include "core/command.hpp"
#include "core/db/database.hpp"

namespace sl::consultations {

/// Publishes (`publish`) or withdraws outcome `id` (the office; sent or concluded outcomes only).
Outcome publish_outcome(db::Connection& c, const Caller& by, int64_t id, bool publish);

/// Registers the office's publish route and the public read routes.
void register_publication_routes(App& app);

}  // namespace sl::consultations
