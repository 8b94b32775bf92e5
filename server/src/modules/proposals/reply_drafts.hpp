#pragma once
// The reply editor (答复函): a lead unit writes its reply over several sittings, starting from the
// committee's template for the result category it chooses; the draft is saved as it goes and is
// removed once the reply is submitted (effects/reply.cpp). Templates are built in per result
// category (A, B, C, D) and a committee may replace any of them with its own.
//
// GET    /api/v1/proposals/{id}/reply-draft               the caller's unit's draft (or where to start)
// PUT    /api/v1/proposals/{id}/reply-draft               save it
// POST   /api/v1/proposals/{id}/documents/reply-letter-preview   the letter as it will print
// GET    /api/v1/proposals/reply-templates                the committee's templates
// PUT    /api/v1/proposals/reply-templates/{category}     replace one (proposal staff)
// DELETE /api/v1/proposals/reply-templates/{category}     back to the built-in one (proposal staff)

#include <optional>
#include <string>

#include "core/app.hpp"
#include "modules/proposals/commands.hpp"

namespace sl::proposals {

/// A template's guidance is written between these brackets: 【请说明……】. A reply that still
/// holds one is not finished.
inline constexpr const char* kTemplatePromptOpen = "【请";

/// The built-in template of result category `category` (A, B, C or D), with the placeholders
/// {title}, {number} and {proposer}.
const std::string& builtin_reply_template(const std::string& category);

/// The template text of committee `committee_id` for each category in `categories`:
/// {category: {body, custom}}.
Json reply_templates(db::Connection& c, int64_t committee_id, const std::vector<std::string>& categories);

/// What a unit saves of its reply.
struct ReplyDraftInput {
  std::optional<int64_t> unit_id;  // the unit written for, when the caller acts for several
  std::string result_category;     // may be empty while undecided
  std::string body;
};

/// The caller's draft of its unit's reply to proposal `id`: {unit_id, round, result_category,
/// body, source, updated_at, updated_by_name, templates}; source says where the text comes from:
/// "draft" (saved), "sent_back" (the reply sent back for revision) or "empty".
Json reply_draft(db::Connection& c, const Config& config, const Caller& by, int64_t id, std::optional<int64_t> unit_id);
/// Saves the draft; only someone who may submit the reply now may.
Json save_reply_draft(db::Connection& c, const Config& config, const Caller& by, int64_t id, const ReplyDraftInput& in);

/// The reply letter as it would print with `in` as the reply, today: {blocks: [{kind, text}]}
/// (kind: title, subtitle, heading, paragraph, plain, signature, date, table).
Json preview_reply_letter(db::Connection& c, const Caller& by, int64_t id, const ReplyDraftInput& in);

void register_reply_drafts(App& app);

}  // namespace sl::proposals
