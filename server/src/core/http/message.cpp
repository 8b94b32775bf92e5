#include "core/http/message.hpp"

#include <array>
#include <cctype>

namespace sl::http {

namespace {
constexpr std::array<const char*, 8> kMethodNames = {"GET",    "POST", "PUT",     "PATCH",
                                                     "DELETE", "HEAD", "OPTIONS", "OTHER"};

int hexval(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}
}  // namespace

const char* method_name(Method m) {
  return kMethodNames.at(static_cast<size_t>(m));
}

Method parse_method(std::string_view s) {
  for (size_t i = 0; i + 1 < kMethodNames.size(); ++i)
    if (s == kMethodNames[i]) return static_cast<Method>(i);
  return Method::OTHER;
}

std::string Request::header(const std::string& name) const {
  auto it = headers.find(name);
  return it == headers.end() ? std::string() : it->second;
}

std::optional<std::string> Request::query_param(const std::string& name) const {
  auto it = query.find(name);
  if (it == query.end()) return std::nullopt;
  return it->second;
}

int64_t Request::param_int(const std::string& name) const {
  return std::stoll(params.at(name));
}

std::string Request::cookie(const std::string& name) const {
  std::string all = header("cookie");
  size_t pos = 0;
  while (pos < all.size()) {
    size_t end = all.find(';', pos);
    if (end == std::string::npos) end = all.size();
    std::string_view part(all.data() + pos, end - pos);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    size_t eq = part.find('=');
    if (eq != std::string_view::npos && part.substr(0, eq) == name) return std::string(part.substr(eq + 1));
    pos = end + 1;
  }
  return {};
}

const Json& Request::json() const {
  if (parsed_json_) return *parsed_json_;
  if (body.empty()) throw ApiError(ErrorCode::bad_request, "请求体为空，需要 JSON 对象");
  require_json_depth(body);
  Json j = Json::parse(body, nullptr, false);
  // nlohmann::json stops at a NUL byte as if the input ended there ({"a":1}\0junk parses); JSON
  // text never holds one, so a body with a NUL is refused like any other malformed body.
  if (j.is_discarded() || body.find('\0') != std::string::npos)
    throw ApiError(ErrorCode::bad_request, "请求体不是合法的 JSON");
  if (!j.is_object()) throw ApiError(ErrorCode::bad_request, "请求体必须是 JSON 对象");
  parsed_json_ = std::move(j);
  return *parsed_json_;
}

void require_json_depth(std::string_view body) {
  if (!json_depth_within(body, kMaxJsonDepth))
    throw ApiError(ErrorCode::bad_request, "请求体嵌套层数过多（最多 " + std::to_string(kMaxJsonDepth) + " 层）");
}

bool json_depth_within(std::string_view text, size_t max_depth) {
  size_t depth = 0;
  bool in_string = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char ch = text[i];
    if (in_string) {
      if (ch == '\\')
        ++i;  // the escaped character cannot end the string
      else if (ch == '"')
        in_string = false;
    } else if (ch == '"') {
      in_string = true;
    } else if (ch == '[' || ch == '{') {
      if (++depth > max_depth) return false;
    } else if ((ch == ']' || ch == '}') && depth > 0) {
      --depth;
    }
  }
  return true;
}

const Principal& Request::user() const {
  if (!principal) throw ApiError(ErrorCode::unauthorized, "请先登录");
  return *principal;
}

Response Response::json(const Json& j, int status) {
  Response r;
  r.status = status;
  r.body = j.dump(-1, ' ', false, Json::error_handler_t::replace);
  return r;
}

Response Response::error(const ApiError& e) {
  return json(e.to_json(), e.status());
}

Response Response::no_content() {
  Response r;
  r.status = 204;
  r.content_type.clear();
  return r;
}

Response Response::file(std::string content_type, std::string bytes, const std::string& filename) {
  Response r;
  r.content_type = std::move(content_type);
  r.body = std::move(bytes);
  r.set_header("Content-Disposition", "attachment; filename*=UTF-8''" + url_encode(filename));
  return r;
}

std::string url_decode(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && hexval(s[i + 1]) >= 0 && hexval(s[i + 2]) >= 0) {
      out.push_back(static_cast<char>(hexval(s[i + 1]) * 16 + hexval(s[i + 2])));
      i += 2;
    } else if (s[i] == '+') {
      out.push_back(' ');
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

std::string url_encode(std::string_view s) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(hex[c >> 4]);
      out.push_back(hex[c & 15]);
    }
  }
  return out;
}

std::multimap<std::string, std::string> parse_query(std::string_view qs) {
  std::multimap<std::string, std::string> out;
  size_t pos = 0;
  while (pos <= qs.size() && !qs.empty()) {
    size_t end = qs.find('&', pos);
    if (end == std::string_view::npos) end = qs.size();
    std::string_view part = qs.substr(pos, end - pos);
    if (!part.empty()) {
      size_t eq = part.find('=');
      if (eq == std::string_view::npos)
        out.emplace(url_decode(part), "");
      else
        out.emplace(url_decode(part.substr(0, eq)), url_decode(part.substr(eq + 1)));
    }
    if (end == qs.size()) break;
    pos = end + 1;
  }
  return out;
}

}  // namespace sl::http
