#include "core/http/multipart.hpp"

#include "core/utf8.hpp"

namespace sl::http {

namespace {
std::string param_of(const std::string& header, const std::string& name) {
  auto pos = header.find(name + "=");
  if (pos == std::string::npos) return {};
  pos += name.size() + 1;
  if (pos < header.size() && header[pos] == '"') {
    auto end = header.find('"', pos + 1);
    return header.substr(pos + 1, end == std::string::npos ? std::string::npos : end - pos - 1);
  }
  auto end = header.find_first_of("; \r\n", pos);
  return header.substr(pos, end == std::string::npos ? std::string::npos : end - pos);
}

/// A file name is shown and stored as text: refuse bytes that are not (400, not a failed write).
std::string checked_filename(std::string name) {
  for (unsigned char ch : name)
    if (ch < 0x20 || ch == 0x7F) throw ApiError::validation("file", "文件名含有控制字符");
  if (!utf8_well_formed(name)) throw ApiError::validation("file", "文件名不是有效的 UTF-8 文本");
  return name;
}
}  // namespace

UploadedFile uploaded_file(const Request& req, const std::string& field) {
  std::string ct = req.header("content-type");
  if (ct.rfind("multipart/form-data", 0) != 0) {
    if (req.body.empty()) throw ApiError(ErrorCode::bad_request, "请上传文件");
    return {checked_filename(url_decode(req.header("x-filename"))), req.body};
  }
  std::string boundary = param_of(ct, "boundary");
  if (boundary.empty()) throw ApiError(ErrorCode::bad_request, "上传格式有误：缺少 multipart 边界");
  std::string delim = "--" + boundary;
  const std::string& b = req.body;
  size_t pos = b.find(delim);
  while (pos != std::string::npos) {
    pos += delim.size();
    if (b.compare(pos, 2, "--") == 0) break;
    size_t head_end = b.find("\r\n\r\n", pos);
    if (head_end == std::string::npos) break;
    std::string head = b.substr(pos, head_end - pos);
    size_t next = b.find("\r\n" + delim, head_end + 4);
    if (next == std::string::npos) break;
    if (param_of(head, "name") == field)
      return {checked_filename(param_of(head, "filename")), b.substr(head_end + 4, next - head_end - 4)};
    pos = b.find(delim, next);
  }
  throw ApiError(ErrorCode::bad_request, "请上传文件（表单字段 " + field + "）");
}

}  // namespace sl::http
