#pragma once
// The meeting's Word documents in the official layout (core/docx): the notice (会议通知) and
// the minutes (会议纪要).
//
// GET /api/v1/meetings/{id}/documents/notice   anyone who reads the meeting in full
// GET /api/v1/meetings/{id}/documents/minutes  the same, once the minutes are approved (managers
//                                              and readers: the draft too)

#include "core/app.hpp"

namespace sl::meetings {

/// "2026年11月9日 9:30" of a stored UTC timestamp, in China Standard Time.
std::string chinese_time(const std::string& utc);

void register_documents(App& app);

}  // namespace sl::meetings
