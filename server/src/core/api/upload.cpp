#include "core/api/upload.hpp"

namespace sl::api {

Sheet read_uploaded_sheet(const http::UploadedFile& file) {
  try {
    return read_sheet(file.content, file.filename);
  } catch (const SheetError& e) {
    throw ApiError(
        e.kind == SheetError::Kind::too_large ? ErrorCode::payload_too_large : ErrorCode::unsupported_media_type,
        e.what());
  }
}

}  // namespace sl::api
