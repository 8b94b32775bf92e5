#pragma once
// Reading an uploaded spreadsheet for an import, with the sheet reader's refusals mapped to HTTP:
// 413 for a file beyond one import's limits, 415 for one that is not a readable spreadsheet.

#include "core/http/multipart.hpp"
#include "core/sheet/sheet.hpp"

namespace sl::api {

/// The first worksheet of `file`; throws ApiError (413 or 415, Chinese message) when unreadable.
Sheet read_uploaded_sheet(const http::UploadedFile& file);

}  // namespace sl::api
