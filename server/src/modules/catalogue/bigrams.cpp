#include "modules/catalogue/bigrams.hpp"

#include <algorithm>

#include "core/search/tokenizer.hpp"
#include "core/utf8.hpp"

namespace sl::catalogue {

namespace {

/// Bigrams of proposal boilerplate that say nothing about the matter.
const Terms& stop_terms() {
  static const Terms kStop = [] {
    Terms t;
    for (const char* w : {"关于", "于加", "于进", "于推", "于完", "于提", "于我", "的建", "建议", "议案", "进一",
                          "一步", "步加", "步推", "步完", "步提", "加强", "推进", "加快", "提升", "完善", "我区",
                          "全区", "工作", "问题", "有关", "相关", "的问", "若干", "干建", "几点", "点建"})
      for (uint64_t k : search::term_keys(w)) t.insert(k);
    return t;
  }();
  return kStop;
}

}  // namespace

std::string first_chars(const std::string& text, size_t max_chars) {
  std::u32string cps = decode_utf8(text);
  if (cps.size() > max_chars) cps.resize(max_chars);
  return encode_utf8(cps);
}

Terms bigrams(const std::string& text) {
  const auto& stop = stop_terms();
  Terms out;
  for (uint64_t k : search::term_keys(text))
    if (!stop.count(k)) out.insert(k);
  return out;
}

double topic_score(const Terms& draft, const Terms& topic_title, const Terms& topic_all) {
  auto common = [&](const Terms& other) {
    size_t n = 0;
    for (uint64_t g : other) n += draft.count(g);
    return n;
  };
  double title_share = topic_title.empty() ? 0.0 : static_cast<double>(common(topic_title)) / topic_title.size();
  double dice = draft.empty() || topic_all.empty()
                    ? 0.0
                    : 2.0 * static_cast<double>(common(topic_all)) / (draft.size() + topic_all.size());
  return std::max(title_share, dice);
}

}  // namespace sl::catalogue
