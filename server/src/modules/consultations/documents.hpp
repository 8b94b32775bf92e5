#pragma once
// The consultation module's Word documents in the official layout (core/docx): the year's plan.

#include <string>

#include "core/auth/principal.hpp"
#include "core/db/database.hpp"

namespace sl::consultations {

struct DocumentFile {
  std::string bytes;
  std::string filename;
};

/// The plan `id` as the caller may read it (plan_detail's rules): a draft is titled （草案） and
/// undated; a published plan carries its 文号 and the date it was issued.
DocumentFile plan_document(db::Connection& c, const Principal& p, int64_t id, const std::string& today);

}  // namespace sl::consultations
