#pragma once
// Word and Excel documents of proposals: the proposal form (提案表), the assignment notice
// (交办通知), the reply letter (答复函), a session's compendium (提案汇编) and its .xlsx list.

#include "core/docx/docx.hpp"
#include "core/errors.hpp"

namespace sl {
class App;
}

namespace sl::proposals {

/// Writes the reply letter of proposal `p` (its detail) for `reply` ({unit_name, body,
/// result_category, created_at, released_at}) into `d`.
void add_reply_letter(docx::Document& d, const Json& p, const Json& reply);

void register_documents(App& app);

}  // namespace sl::proposals
