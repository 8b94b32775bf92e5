// Fuzz target: http::uploaded_file, which reads an uploaded file from a multipart/form-data body
// (or from the raw body with an X-Filename header). The input's first line is the Content-Type
// header, the rest is the body; e.g. "multipart/form-data; boundary=X\n--X\r\n…".
//
// Properties: only ApiError (400) escapes; a file read from a multipart body is a piece of it.

#include <cstdint>
#include <string>
#include <string_view>

#include "check.hpp"
#include "core/http/multipart.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  size_t nl = input.find('\n');
  if (nl == std::string_view::npos) return -1;  // not in this target's format: keep out of the corpus

  sl::http::Request req;
  req.method = sl::http::Method::POST;
  req.headers["content-type"] = std::string(input.substr(0, nl));
  req.headers["x-filename"] = "%E6%8F%90%E6%A1%88.xlsx";
  req.body.assign(input.substr(nl + 1));
  bool multipart = req.headers["content-type"].rfind("multipart/form-data", 0) == 0;
  for (const char* field : {"file", "attachment"}) {
    try {
      sl::http::UploadedFile f = sl::http::uploaded_file(req, field);
      if (multipart) {
        fuzz::require(req.body.find(f.content) != std::string::npos, "the file is not a piece of the body");
        fuzz::require(f.content.size() + f.filename.size() <= req.body.size(), "the file is larger than the body");
      } else {
        fuzz::require(f.content == req.body && f.filename == "提案.xlsx", "a raw upload was not the body");
      }
    } catch (const sl::ApiError& e) {
      fuzz::require(e.status() == 400, "an upload was refused with a status other than 400");
    }
  }
  return 0;
}
