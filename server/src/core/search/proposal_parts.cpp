#include "core/search/proposal_parts.hpp"

#include <algorithm>
#include <array>

#include "core/search/tokenizer.hpp"
#include "core/utf8.hpp"

namespace sl::search {

namespace {

bool is_sep(char32_t c) {
  return classify(c) == CharClass::separator;
}

// Punctuation that ends a clause in the original text.
bool clause_break(char32_t c) {
  switch (c) {
    case U'\n':
    case U'\r':
    case U'，':
    case U'。':
    case U'；':
    case U'：':
    case U'！':
    case U'？':
    case U'、':
    case U'（':
    case U'）':
    case U'(':
    case U')':
    case U',':
    case U';':
    case U':':
    case U'!':
    case U'?':
    case U'…':
    case U'—':
      return true;
    default:
      return false;
  }
}

bool sentence_break(char32_t c) {
  return c == U'\n' || c == U'\r' || c == U'。' || c == U'；' || c == U'！' || c == U'？' || c == U';' || c == U'!' ||
         c == U'?';
}

bool starts_with(const std::u32string& s, size_t at, std::u32string_view p) {
  return at + p.size() <= s.size() && std::u32string_view(s).substr(at, p.size()) == p;
}

bool ordinal_char(char32_t c) {
  static constexpr std::u32string_view kOrd = U"一二三四五六七八九十";
  return kOrd.find(c) != std::u32string_view::npos || (c >= U'0' && c <= U'9');
}

// Words that make a short line a heading (一、存在的问题 / 具体建议 / 对此提出以下建议。).
bool heading_word(const std::u32string& line) {
  static const std::array<std::u32string_view, 10> kWords = {U"问题", U"原因", U"建议", U"情况", U"现状",
                                                             U"分析", U"对策", U"措施", U"意见", U"背景"};
  return std::any_of(kWords.begin(), kWords.end(),
                     [&](std::u32string_view w) { return line.find(w) != std::u32string::npos; });
}

// The number of non-separator characters of [b, e) of normalised text.
size_t content_length(const std::u32string& n, size_t b, size_t e) {
  size_t k = 0;
  for (size_t i = b; i < e; ++i) k += is_sep(n[i]) ? 0 : 1;
  return k;
}

}  // namespace

bool function_char(char32_t c) {
  static constexpr std::u32string_view kFunction =
      U"的了和与及在是对把为等并将也都其之或而以于从向被给到这那个各所就则即且又还很已着得地由使让们";
  return kFunction.find(c) != std::u32string_view::npos;
}

uint64_t span_hash(const std::u32string& text, size_t begin, size_t end) {
  uint64_t h = 1469598103934665603ull;
  for (size_t i = begin; i < end && i < text.size(); ++i) {
    if (is_sep(text[i])) continue;
    h ^= static_cast<uint64_t>(text[i]);
    h *= 1099511628211ull;
  }
  return h;
}

std::u32string title_core(const std::u32string& t) {
  size_t b = 0, e = t.size();
  while (b < e && is_sep(t[b])) ++b;
  while (e > b && is_sep(t[e - 1])) --e;
  for (std::u32string_view p : {std::u32string_view(U"关于"), std::u32string_view(U"对于"), std::u32string_view(U"对"),
                                std::u32string_view(U"就")})
    if (e - b > p.size() + 2 && starts_with(t, b, p)) {
      b += p.size();
      break;
    }
  if (e - b > 5 && starts_with(t, b, U"进一步")) b += 3;
  for (std::u32string_view s :
       {std::u32string_view(U"的几点建议"), std::u32string_view(U"的对策建议"), std::u32string_view(U"的若干建议"),
        std::u32string_view(U"的建议"), std::u32string_view(U"的提案"), std::u32string_view(U"的意见"),
        std::u32string_view(U"建议"), std::u32string_view(U"提案")})
    if (e - b > s.size() + 2 && std::u32string_view(t).substr(e - s.size(), s.size()) == s) {
      e -= s.size();
      break;
    }
  return t.substr(b, e - b);
}

ProposalParts split_proposal(std::string_view title, std::string_view body, size_t asks_from) {
  std::string joined;
  joined.reserve(title.size() + body.size() + 1);
  joined.append(title).append("\n").append(body);
  ProposalParts out;
  out.text = normalize(joined);
  std::u32string raw = decode_utf8(joined);
  if (raw.size() != out.text.size()) raw = out.text;  // no punctuation to go by
  const size_t n = out.text.size();
  out.part.assign(n, Part::situation);
  out.heading.assign(n, false);
  const size_t title_len = std::min(decode_utf8(title).size(), n);
  const size_t body_begin = std::min(title_len + 1, n);

  // The title: its frame, then its core.
  {
    std::u32string t = out.text.substr(0, title_len);
    std::u32string core = title_core(t);
    size_t at = core.empty() ? std::u32string::npos : t.find(core);
    for (size_t i = 0; i < title_len; ++i)
      out.part[i] = (at != std::u32string::npos && i >= at && i < at + core.size()) ? Part::title : Part::frame;
    if (title_len < n) out.part[title_len] = Part::frame;  // the line break
  }

  // Lines of the body: headings, paragraphs.
  std::vector<Span> paragraphs;
  for (size_t b = body_begin; b < n;) {
    size_t e = b;
    while (e < n && raw[e] != U'\n') ++e;
    size_t len = content_length(out.text, b, e);
    if (len > 0) {
      size_t s = b;
      while (s < e && is_sep(out.text[s])) ++s;
      std::u32string line = out.text.substr(s, e - s);
      bool ordinal = s < e && (ordinal_char(raw[s]) || raw[s] == U'（' || raw[s] == U'(');
      if (len <= 14 && (heading_word(line) || (ordinal && len <= 10)))
        std::fill(out.heading.begin() + static_cast<std::ptrdiff_t>(b),
                  out.heading.begin() + static_cast<std::ptrdiff_t>(e), true);
      else
        paragraphs.push_back({b, e});
    }
    b = e + 1;
  }

  // Where the asks start: a sentence opening with 建议 after at most a few characters.
  size_t asks = n;
  for (size_t s = body_begin; s < n && asks == n; ++s) {
    if (s != body_begin && !sentence_break(raw[s - 1])) continue;
    size_t k = 0;  // characters seen before 建议
    for (size_t i = s; i + 1 < n && k <= 8; ++i) {
      if (sentence_break(raw[i])) break;
      if (raw[i] == U'建' && raw[i + 1] == U'议') {
        asks = s;
        break;
      }
      if (!is_sep(out.text[i])) ++k;
    }
  }
  if (asks_from < body.size())
    asks = std::min(asks, body_begin + decode_utf8(body.substr(0, asks_from)).size());
  else if (asks == n && paragraphs.size() >= 3)
    asks = paragraphs.back().begin;
  asks = std::min(asks, n);
  out.has_asks = asks < n;
  for (size_t i = asks; i < n; ++i) out.part[i] = Part::asks;

  // Clauses, by the original punctuation.
  for (size_t b = 0; b < n;) {
    size_t e = b;
    while (e < n && !clause_break(raw[e])) ++e;
    if (content_length(out.text, b, e) >= 4) out.clauses.push_back({b, e});
    b = e + 1;
  }
  return out;
}

}  // namespace sl::search
