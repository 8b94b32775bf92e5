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

namespace sl::consultations {

/// The supervision notice (督查通报) of the follow-through items that are late today, grouped by
/// department, numbered `number` (e.g. "第3期", may be empty) and dated `today`.
DocumentFile late_notice(db::Connection& c, const Principal& p, const std::string& number, const std::string& today);

}  // namespace sl::consultations
