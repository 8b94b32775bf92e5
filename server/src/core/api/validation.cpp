#include "core/api/validation.hpp"

#include <regex>

namespace sl::api {

size_t utf8_length(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

std::string trim(const std::string& s) {
  static const std::string kIdeoSpace = "\xE3\x80\x80";
  size_t b = 0, e = s.size();
  for (;;) {
    if (b < e && std::isspace(static_cast<unsigned char>(s[b])))
      ++b;
    else if (e - b >= 3 && s.compare(b, 3, kIdeoSpace) == 0)
      b += 3;
    else
      break;
  }
  for (;;) {
    if (e > b && std::isspace(static_cast<unsigned char>(s[e - 1])))
      --e;
    else if (e - b >= 3 && s.compare(e - 3, 3, kIdeoSpace) == 0)
      e -= 3;
    else
      break;
  }
  return s.substr(b, e - b);
}

bool is_mobile(const std::string& s) {
  static const std::regex kMobile("^1[3-9][0-9]{9}$");
  return std::regex_match(s, kMobile);
}

bool is_date(const std::string& s) {
  static const std::regex kDate("^([0-9]{4})-([0-9]{2})-([0-9]{2})$");
  std::smatch m;
  if (!std::regex_match(s, m, kDate)) return false;
  int y = std::stoi(m[1]), mo = std::stoi(m[2]), d = std::stoi(m[3]);
  if (y < 1900 || y > 2200 || mo < 1 || mo > 12 || d < 1) return false;
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int max = kDays[mo - 1] + ((mo == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) ? 1 : 0);
  return d <= max;
}

const Json* Validator::get(const std::string& field, Presence p) {
  seen_.insert(field);
  auto it = body_.find(field);
  if (it == body_.end()) {
    if (p == Presence::required) fail(field, "必填");
    return nullptr;
  }
  return &*it;
}

void Validator::fail(const std::string& field, const std::string& problem) {
  if (!problems_.contains(field)) problems_[field] = problem;
}

std::optional<std::string> Validator::text(const std::string& field, Presence p, size_t max_chars, bool allow_empty) {
  const Json* v = get(field, p);
  if (!v) return std::nullopt;
  if (v->is_null() && p == Presence::optional) return std::string();
  if (!v->is_string()) {
    fail(field, "应为文本");
    return std::nullopt;
  }
  std::string s = trim(v->get<std::string>());
  // Control characters (NUL, BEL, ESC …) are never part of what people type; PostgreSQL refuses
  // NUL in text outright. Tab and line breaks stay.
  for (unsigned char ch : s)
    if ((ch < 0x20 && ch != '\t' && ch != '\n' && ch != '\r') || ch == 0x7F) {
      fail(field, "不能包含控制字符");
      return std::nullopt;
    }
  if (s.empty() && !allow_empty) {
    if (p == Presence::required) {
      fail(field, "不能为空");
      return std::nullopt;
    }
    return s;
  }
  if (utf8_length(s) > max_chars) {
    fail(field, "不能超过 " + std::to_string(max_chars) + " 个字");
    return std::nullopt;
  }
  return s;
}

std::optional<int64_t> Validator::integer(const std::string& field, Presence p, int64_t min, int64_t max) {
  const Json* v = get(field, p);
  if (!v) return std::nullopt;
  if (!v->is_number_integer()) {
    fail(field, "应为整数");
    return std::nullopt;
  }
  int64_t n = v->get<int64_t>();
  if (n < min || n > max) {
    fail(field, "超出允许范围");
    return std::nullopt;
  }
  return n;
}

std::optional<int64_t> Validator::id(const std::string& field, Presence p, bool nullable) {
  const Json* v = get(field, p);
  if (!v) return std::nullopt;
  if (v->is_null()) {
    if (nullable) return int64_t{0};
    fail(field, "必填");
    return std::nullopt;
  }
  if (!v->is_number_integer() || v->get<int64_t>() <= 0) {
    fail(field, "应为有效的编号");
    return std::nullopt;
  }
  return v->get<int64_t>();
}

std::optional<bool> Validator::boolean(const std::string& field, Presence p) {
  const Json* v = get(field, p);
  if (!v) return std::nullopt;
  if (!v->is_boolean()) {
    fail(field, "应为是或否（true/false）");
    return std::nullopt;
  }
  return v->get<bool>();
}

std::optional<std::string> Validator::one_of(const std::string& field, Presence p,
                                             const std::vector<std::string>& choices) {
  const Json* v = get(field, p);
  if (!v) return std::nullopt;
  if (v->is_string())
    for (const auto& c : choices)
      if (v->get<std::string>() == c) return c;
  std::string list;
  for (const auto& c : choices) list += (list.empty() ? "" : "、") + c;
  fail(field, "取值应为：" + list);
  return std::nullopt;
}

std::optional<std::string> Validator::mobile(const std::string& field, Presence p) {
  auto s = text(field, p, 20);
  if (!s) return std::nullopt;
  if (s->empty() && p == Presence::optional) return s;
  if (!is_mobile(*s)) {
    fail(field, "手机号码格式不正确，应为 11 位大陆手机号");
    return std::nullopt;
  }
  return s;
}

std::optional<std::string> Validator::date(const std::string& field, Presence p) {
  auto s = text(field, p, 10);
  if (!s) return std::nullopt;
  if (!is_date(*s)) {
    fail(field, "日期格式应为 YYYY-MM-DD");
    return std::nullopt;
  }
  return s;
}

std::optional<std::vector<int64_t>> Validator::id_list(const std::string& field, Presence p) {
  const Json* v = get(field, p);
  if (!v) return std::nullopt;
  if (!v->is_array()) {
    fail(field, "应为编号列表");
    return std::nullopt;
  }
  std::vector<int64_t> out;
  for (const auto& x : *v) {
    if (!x.is_number_integer() || x.get<int64_t>() <= 0) {
      fail(field, "应为编号列表");
      return std::nullopt;
    }
    out.push_back(x.get<int64_t>());
  }
  return out;
}

std::optional<Json> Validator::raw(const std::string& field, Presence p) {
  const Json* v = get(field, p);
  if (!v) return std::nullopt;
  return *v;
}

void Validator::finish() {
  for (auto it = body_.begin(); it != body_.end(); ++it)
    if (!seen_.count(it.key())) fail(it.key(), "未知字段");
  if (problems_.empty()) return;
  std::string first = problems_.begin().key() + "：" + problems_.begin().value().get<std::string>();
  std::string msg =
      "输入有误（" + first + (problems_.size() > 1 ? " 等 " + std::to_string(problems_.size()) + " 项" : "") + "）";
  throw ApiError(ErrorCode::validation_failed, msg, problems_);
}

ListQuery parse_list_query(const http::Request& req) {
  ListQuery q;
  Json problems = Json::object();
  if (auto v = query_int(req, "page")) {
    if (*v < 1) problems["page"] = "页码应从 1 开始";
    q.page = *v;
  }
  if (auto v = query_int(req, "page_size")) {
    if (*v < 1 || *v > 100) problems["page_size"] = "每页条数应在 1 到 100 之间";
    q.page_size = *v;
  }
  if (auto v = req.query_param("q")) {
    q.q = trim(*v);
    if (utf8_length(q.q) > 100) problems["q"] = "搜索词不能超过 100 个字";
  }
  if (!problems.empty()) throw ApiError(ErrorCode::validation_failed, "查询参数有误", problems);
  return q;
}

std::optional<int64_t> query_int(const http::Request& req, const std::string& name) {
  auto v = req.query_param(name);
  if (!v || v->empty()) return std::nullopt;
  static const std::regex kInt("^-?[0-9]{1,15}$");
  if (!std::regex_match(*v, kInt)) {
    Json f = Json::object();
    f[name] = "应为整数";
    throw ApiError(ErrorCode::validation_failed, "查询参数 " + name + " 应为整数", f);
  }
  return std::stoll(*v);
}

Json list_envelope(Json items, int64_t total, const ListQuery& q) {
  return Json{{"items", std::move(items)}, {"total", total}, {"page", q.page}, {"page_size", q.page_size}};
}

}  // namespace sl::api
