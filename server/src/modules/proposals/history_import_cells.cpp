// Reading one cell of a historical import: numbers in Chinese numerals, session labels, dates,
// categories, results and satisfaction in the words committees use, and the body's two parts.

#include <fmt/format.h>

#include <algorithm>

#include "core/api/validation.hpp"
#include "core/utf8.hpp"
#include "modules/proposals/history_import_internal.hpp"

namespace sl::proposals::history {

std::string halfwidth(const std::string& s) {
  std::u32string cps = decode_utf8(s);
  for (char32_t& cp : cps) {
    if (cp >= 0xFF01 && cp <= 0xFF5E) cp -= 0xFEE0;
    if (cp == 0x3000) cp = ' ';
  }
  return encode_utf8(cps);
}

bool starts_with(const std::string& s, const std::string& p) {
  return s.size() >= p.size() && s.compare(0, p.size(), p) == 0;
}
bool ends_with(const std::string& s, const std::string& p) {
  return s.size() >= p.size() && s.compare(s.size() - p.size(), p.size(), p) == 0;
}

/// `s` cut at every one of `seps`, trimmed, empty pieces dropped.
std::vector<std::string> split_any(const std::string& s, const std::vector<std::string>& seps) {
  std::vector<std::string> out;
  std::string cur;
  for (size_t i = 0; i < s.size();) {
    bool cut = false;
    for (const auto& sep : seps)
      if (s.compare(i, sep.size(), sep) == 0) {
        i += sep.size();
        cut = true;
        break;
      }
    if (cut) {
      if (auto t = trim_ascii(cur); !t.empty()) out.push_back(t);
      cur.clear();
    } else {
      cur += s[i++];
    }
  }
  if (auto t = trim_ascii(cur); !t.empty()) out.push_back(t);
  return out;
}

std::optional<int> parse_cn_number(const std::string& in) {
  std::string s = trim_ascii(halfwidth(in));
  if (s.empty()) return std::nullopt;
  if (std::all_of(s.begin(), s.end(), [](char ch) { return ch >= '0' && ch <= '9'; })) {
    if (s.size() > 6) return std::nullopt;
    return std::stoi(s);
  }
  auto digit = [](char32_t cp) -> int {
    switch (cp) {
      case U'〇':
      case U'零':
        return 0;
      case U'一':
        return 1;
      case U'二':
      case U'两':
        return 2;
      case U'三':
        return 3;
      case U'四':
        return 4;
      case U'五':
        return 5;
      case U'六':
        return 6;
      case U'七':
        return 7;
      case U'八':
        return 8;
      case U'九':
        return 9;
      default:
        return -1;
    }
  };
  std::u32string cps = decode_utf8(s);
  int value = 0, pending = -1;
  bool seen_ten = false;
  for (char32_t cp : cps) {
    if (cp == U'十') {
      if (seen_ten) return std::nullopt;
      seen_ten = true;
      value = (pending < 0 ? 1 : pending) * 10;
      pending = -1;
      continue;
    }
    int d = digit(cp);
    if (d < 0 || pending >= 0) return std::nullopt;
    pending = d;
  }
  if (pending >= 0) value += pending;
  if (!seen_ten && pending < 0) return std::nullopt;
  return value;
}

namespace {
/// The number written just before byte offset `end` of `s` (Chinese numerals or digits,
/// skipping a 第 in front), or nullopt.
std::optional<int> number_before(const std::string& s, size_t end) {
  std::u32string cps = decode_utf8(s.substr(0, end));
  size_t i = cps.size();
  auto numeral = [](char32_t cp) {
    return (cp >= U'0' && cp <= U'9') || cp == U'〇' || cp == U'零' || cp == U'一' || cp == U'二' || cp == U'两' ||
           cp == U'三' || cp == U'四' || cp == U'五' || cp == U'六' || cp == U'七' || cp == U'八' || cp == U'九' ||
           cp == U'十';
  };
  while (i > 0 && numeral(cps[i - 1])) --i;
  if (i == cps.size()) return std::nullopt;
  return parse_cn_number(encode_utf8(std::u32string_view(cps).substr(i)));
}
}  // namespace

std::optional<std::pair<int, int>> parse_session_label(const std::string& in) {
  std::string s = halfwidth(in);
  s.erase(std::remove(s.begin(), s.end(), ' '), s.end());
  size_t term_at = s.find("届");
  if (term_at == std::string::npos) return std::nullopt;
  auto term = number_before(s, term_at);
  size_t session_at = s.find("次", term_at);
  if (!term || session_at == std::string::npos) return std::nullopt;
  auto session = number_before(s, session_at);
  if (!session || *term < 1 || *term > 99 || *session < 1 || *session > 9) return std::nullopt;
  return std::make_pair(*term, *session);
}

std::optional<std::string> parse_date(const std::string& in) {
  std::string s = trim_ascii(halfwidth(in));
  // A time after the date ("2019-01-10 09:30:00", "2019-01-10T09:30") is ignored.
  if (auto cut = s.find_first_of(" T"); cut != std::string::npos && cut >= 8) s = s.substr(0, cut);
  std::vector<int> parts;
  std::string cur;
  auto flush = [&] {
    if (!cur.empty()) parts.push_back(std::stoi(cur.substr(0, 9)));
    cur.clear();
  };
  std::string rest = s;
  for (size_t i = 0; i < rest.size();) {
    char ch = rest[i];
    if (ch >= '0' && ch <= '9') {
      cur += ch;
      ++i;
      continue;
    }
    flush();
    if (ch == '-' || ch == '/' || ch == '.') {
      ++i;
    } else if (rest.compare(i, 3, "年") == 0 || rest.compare(i, 3, "月") == 0) {
      i += 3;
    } else if (rest.compare(i, 3, "日") == 0 || rest.compare(i, 3, "号") == 0) {
      i += 3;
      if (i != rest.size()) return std::nullopt;
    } else {
      return std::nullopt;
    }
  }
  if (parts.empty() && cur.size() == 8) {  // 20190110
    parts = {std::stoi(cur.substr(0, 4)), std::stoi(cur.substr(4, 2)), std::stoi(cur.substr(6, 2))};
    cur.clear();
  }
  flush();
  if (parts.size() != 3) return std::nullopt;
  std::string out = fmt::format("{:04d}-{:02d}-{:02d}", parts[0], parts[1], parts[2]);
  if (!api::is_date(out) || parts[0] < 1949) return std::nullopt;
  return out;
}

namespace {
/// Words committees use for the built-in categories.
const std::vector<std::pair<std::string, std::string>>& category_synonyms() {
  static const std::vector<std::pair<std::string, std::string>> kSynonyms = {
      {"经济", "经济建设"}, {"城建", "城市建设"}, {"城市管理", "城市建设"}, {"城乡建设", "城市建设"},
      {"社会", "社会事业"}, {"民生", "社会事业"}, {"科教", "科教文卫"},     {"教育", "科教文卫"},
      {"科技", "科教文卫"}, {"文化", "科教文卫"}, {"卫生", "科教文卫"},     {"文教卫体", "科教文卫"},
      {"政法", "政治法律"}, {"法制", "政治法律"}, {"法治", "政治法律"},     {"政治", "政治法律"},
      {"其它", "其他"},     {"综合", "其他"}};
  return kSynonyms;
}

bool has(const std::vector<std::string>& list, const std::string& x) {
  return std::find(list.begin(), list.end(), x) != list.end();
}
}  // namespace

std::string match_category(const std::string& value, const std::vector<std::string>& categories) {
  std::string s = trim_ascii(halfwidth(value));
  if (s.empty()) return "";
  if (has(categories, s)) return s;
  if (ends_with(s, "类") && api::utf8_length(s) > 2) s.resize(s.size() - std::string("类").size());
  if (has(categories, s)) return s;
  for (const auto& [from, to] : category_synonyms())
    if (s == from && has(categories, to)) return to;
  return "";
}

std::string suggest_category(const std::string& value, const std::vector<std::string>& categories) {
  std::string s = trim_ascii(halfwidth(value));
  if (s.empty()) return "";
  // A category inside the value (社会事业发展) or the value inside a category, the longest first.
  std::string best;
  for (const auto& c : categories)
    if ((s.find(c) != std::string::npos || c.find(s) != std::string::npos) && c.size() > best.size()) best = c;
  if (!best.empty()) return best;
  size_t best_len = 0;
  for (const auto& [from, to] : category_synonyms())
    if (from.size() > best_len && s.find(from) != std::string::npos && has(categories, to)) {
      best = to;
      best_len = from.size();
    }
  return best;
}

/// A/B/C/D from a letter ("A", "A类", "Ａ类（已解决或采纳）") or the words of the category.
std::string read_result(const std::string& cell, std::string& problem) {
  std::string s = trim_ascii(halfwidth(cell));
  if (s.empty()) return "";
  char first = s[0];
  if (first >= 'a' && first <= 'd') first = static_cast<char>(first - 'a' + 'A');
  if (first >= 'A' && first <= 'D') {
    std::string rest = trim_ascii(s.substr(1));
    if (rest.empty() || starts_with(rest, "类") || starts_with(rest, "(") || starts_with(rest, "、"))
      return std::string(1, first);
  }
  auto has = [&](const char* w) { return s.find(w) != std::string::npos; };
  if (has("解释说明") || has("不予采纳") || has("无法解决") || has("不能解决")) return "D";
  if (has("已解决") || has("采纳") || has("已落实")) return "A";
  if (has("正在解决") || has("列入计划") || has("计划解决")) return "B";
  if (has("留作参考") || has("条件限制") || has("参考")) return "C";
  problem =
      "办理结果“" + cell + "”无法识别，应为 A、B、C、D 类或“已解决或采纳”“正在解决或列入计划”“因条件限制留作参考”";
  return "";
}

/// satisfied / basic / unsatisfied from 满意 / 基本满意 / 不满意.
std::string read_satisfaction(const std::string& cell, std::string& problem) {
  std::string s = trim_ascii(halfwidth(cell));
  if (s.empty()) return "";
  if (s == "满意" || s == "非常满意" || s == "很满意") return "satisfied";
  if (s == "基本满意" || s == "比较满意") return "basic";
  if (s == "不满意") return "unsatisfied";
  problem = "满意度“" + cell + "”无法识别，应为：满意、基本满意、不满意";
  return "";
}

/// The body split where its suggestions start (具体建议, 建议如下, 建议：…): {before, from there};
/// everything goes before when no such heading is found.
std::pair<std::string, std::string> split_body(const std::string& body) {
  static const std::vector<std::string> kMarkers = {"具体建议", "对策建议", "建议如下", "为此建议", "为此，建议",
                                                    "建议：",   "建议:",    "几点建议", "以下建议"};
  size_t best = std::string::npos;
  for (const auto& m : kMarkers) {
    size_t pos = body.find(m);
    if (pos != std::string::npos && pos >= 30 && pos < best) best = pos;
  }
  if (best == std::string::npos) return {trim_ascii(body), ""};
  // Keep a heading number (二、) or a line break in front with the suggestions.
  size_t line = body.rfind('\n', best);
  if (line != std::string::npos && best - line <= 10) best = line + 1;
  return {trim_ascii(body.substr(0, best)), trim_ascii(body.substr(best))};
}

}  // namespace sl::proposals::history
