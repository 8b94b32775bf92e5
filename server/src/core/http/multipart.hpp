#pragma once
// Reading an uploaded file from a request: multipart/form-data (field `field`), or the raw body
// with the file name in an X-Filename header.

#include <string>

#include "core/http/message.hpp"

namespace sl::http {

struct UploadedFile {
  std::string filename;
  std::string content;
};

/// The file in `req`; 400 bad_request when there is none.
UploadedFile uploaded_file(const Request& req, const std::string& field = "file");

}  // namespace sl::http
