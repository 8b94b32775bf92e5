#include "core/search/tokenizer.hpp"

#include "core/utf8.hpp"

#include <spdlog/spdlog.h>
#include <opencc/SimpleConverter.hpp>

#include <algorithm>
#include <functional>
#include <map>
#include <memory>

namespace sl::search {

const std::string kBreakToken = "\xEE\x80\x80";  // U+E000

namespace {

bool is_han(char32_t c) {
  return (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0x20000 && c <= 0x2FA1F) || c == 0x3007;
}

// Traditional → simplified for single BMP characters, from OpenCC's t2s tables; built once.
const std::vector<char32_t>& fold_table() {
  static const std::vector<char32_t> table = [] {
    std::vector<char32_t> t(0x10000);
    for (char32_t c = 0; c < 0x10000; ++c) t[c] = c;
    try {
      opencc::SimpleConverter conv("t2s.json");
      auto fold_range = [&](char32_t from, char32_t to) {
        for (char32_t c = from; c <= to; ++c) {
          std::u32string one(1, c);
          std::u32string out = decode_utf8(conv.Convert(encode_utf8(one)));
          if (out.size() == 1 && out[0] != c) t[c] = out[0];
        }
      };
      fold_range(0x3400, 0x4DBF);
      fold_range(0x4E00, 0x9FFF);
      fold_range(0xF900, 0xFAFF);
    } catch (const std::exception& e) {
      spdlog::warn("OpenCC t2s is not available ({}); traditional characters will not fold to simplified", e.what());
    }
    return t;
  }();
  return table;
}

char32_t normalize_cp(char32_t c, const std::vector<char32_t>& fold) {
  if (c >= 0xFF01 && c <= 0xFF5E) c -= 0xFEE0;  // full-width ASCII
  if (c == 0x3000) return U' ';
  if (c < 0x80) {
    if (c >= 'A' && c <= 'Z') return c + 32;
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) return c;
    return U' ';
  }
  if (c >= 0xC0 && c <= 0xFF && c != 0xD7 && c != 0xF7) return (c <= 0xDE) ? c + 32 : c;
  if (c < 0x10000) {
    char32_t f = fold[c];
    return is_han(f) ? f : U' ';
  }
  return is_han(c) ? c : U' ';
}

// Walks the tokens of normalised text: `emit(text_begin, text_end, is_word, new_segment)` for
// each token, where [begin, end) indexes `n`.
template <class Emit>
void walk_tokens(const std::u32string& n, Emit&& emit) {
  size_t i = 0;
  bool first_segment = true;
  while (i < n.size()) {
    if (classify(n[i]) == CharClass::separator) {
      ++i;
      continue;
    }
    size_t seg_end = i;
    while (seg_end < n.size() && classify(n[seg_end]) != CharClass::separator) ++seg_end;
    bool new_segment = !first_segment;
    first_segment = false;
    auto put = [&](size_t b, size_t e, bool word) {
      emit(b, e, word, new_segment);
      new_segment = false;
    };
    size_t r = i;
    while (r < seg_end) {
      CharClass cls = classify(n[r]);
      size_t re = r;
      while (re < seg_end && classify(n[re]) == cls) ++re;
      if (cls == CharClass::alnum) {
        put(r, re, true);
      } else if (re - r == 1) {
        put(r, re, false);
      } else {
        if (r > i) put(r, r + 1, false);  // a Latin word precedes: the edge character alone
        for (size_t k = r; k + 1 < re; ++k) put(k, k + 2, false);
        if (re < seg_end) put(re - 1, re, false);  // a Latin word follows
      }
      r = re;
    }
    i = seg_end;
  }
}

std::vector<Token> tokens_of(const std::u32string& n) {
  std::vector<Token> out;
  int pos = 0;
  walk_tokens(n, [&](size_t b, size_t e, bool, bool new_segment) {
    pos += new_segment ? 2 : 1;
    out.push_back({encode_utf8(std::u32string_view(n).substr(b, e - b)), pos});
  });
  return out;
}

std::string html_escape(std::u32string_view s) {
  return escape_markup(encode_utf8(s));
}

}  // namespace

CharClass classify(char32_t c) {
  if (c == U' ') return CharClass::separator;
  if (is_han(c)) return CharClass::han;
  if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 0xDF && c <= 0xFF && c != 0xF7))
    return CharClass::alnum;
  return CharClass::separator;
}

std::u32string normalize(std::string_view utf8) {
  const auto& fold = fold_table();
  std::u32string n = decode_utf8(utf8);
  for (auto& c : n) c = normalize_cp(c, fold);
  return n;
}

std::string normalize_utf8(std::string_view utf8) {
  return collapse_separators(normalize(utf8));
}

namespace {
// Normalised text with each run of separators as one space and none at either end: feed() passes
// each character to keep to `put`.
struct SeparatorCollapser {
  bool pending = false, started = false;
  template <class Put>
  void feed(char32_t c, Put&& put) {
    if (c == U' ') {
      pending = true;
      return;
    }
    if (pending && started) put(U' ');
    pending = false;
    started = true;
    put(c);
  }
};
}  // namespace

std::string collapse_separators(const std::u32string& n) {
  std::string out;
  SeparatorCollapser collapse;
  for (char32_t c : n) collapse.feed(c, [&](char32_t k) { append_utf8(out, k); });
  return out;
}

bool normalized_contains(std::initializer_list<std::string_view> parts, std::string_view needle) {
  const auto& fold = fold_table();
  thread_local std::u32string text;  // collapse_separators(normalize(parts)), as code points
  text.clear();
  SeparatorCollapser collapse;
  for (std::string_view part : parts)
    for (char32_t raw : decode_utf8(part))
      collapse.feed(normalize_cp(raw, fold), [&](char32_t k) { text.push_back(k); });
  return std::u32string_view(text).find(decode_utf8(needle)) != std::u32string_view::npos;
}

std::vector<Token> tokenize(std::string_view utf8) {
  return tokens_of(normalize(utf8));
}

std::vector<Token> tokenize_normalized(const std::u32string& normalized) {
  return tokens_of(normalized);
}

std::string fts_tokens(const std::vector<Token>& tokens) {
  std::string out;
  int prev = 0;
  for (const auto& t : tokens) {
    for (int p = prev + 1; p < t.position && prev > 0; ++p) out += kBreakToken + " ";
    out += t.text;
    out.push_back(' ');
    prev = t.position;
  }
  if (!out.empty()) out.pop_back();
  return out;
}

std::string tsvector_literal(const std::vector<Token>& tokens, int weight_a_until) {
  std::map<std::string, std::vector<int>> positions;
  for (const auto& t : tokens) {
    auto& v = positions[t.text];
    if (v.size() < 255) v.push_back(std::min(t.position, 16383));
  }
  std::string out;
  for (const auto& [text, pos] : positions) {
    if (!out.empty()) out.push_back(' ');
    out += "'" + text + "':";
    for (size_t i = 0; i < pos.size(); ++i)
      out += (i ? "," : "") + std::to_string(pos[i]) + (pos[i] <= weight_a_until ? "A" : "");
  }
  return out;
}

std::vector<uint64_t> term_keys(std::string_view utf8) {
  std::u32string n = normalize(utf8);
  std::vector<uint64_t> out;
  out.reserve(n.size());
  walk_tokens(n, [&](size_t b, size_t e, bool word, bool) {
    if (word) {
      uint64_t h = std::hash<std::u32string_view>{}(std::u32string_view(n).substr(b, e - b));
      out.push_back((uint64_t{1} << 63) | (h & ((uint64_t{1} << 62) - 1)));
    } else if (e - b == 2) {
      out.push_back((uint64_t(n[b]) << 21) | uint64_t(n[b + 1]));
    }
  });
  return out;
}

std::string term_text(uint64_t key) {
  if (key >> 63) return {};
  std::u32string s = {char32_t(key >> 21), char32_t(key & 0x1FFFFF)};
  return encode_utf8(s);
}

bool Query::has_positive() const {
  return std::any_of(terms.begin(), terms.end(), [](const QueryTerm& t) { return !t.exclude; });
}

Query parse_query(std::string_view q) {
  Query out;
  std::u32string s = decode_utf8(q);
  size_t i = 0;
  auto is_space = [](char32_t c) { return c == U' ' || c == U'\t' || c == U'\n' || c == U'\r' || c == 0x3000; };
  auto is_quote = [](char32_t c) { return c == U'"' || c == 0x201C || c == 0x201D || c == 0xFF02; };
  while (i < s.size()) {
    if (is_space(s[i])) {
      ++i;
      continue;
    }
    QueryTerm t;
    if ((s[i] == U'-' || s[i] == 0xFF0D) && i + 1 < s.size() && !is_space(s[i + 1])) {
      t.exclude = true;
      ++i;
    }
    std::u32string raw;
    if (is_quote(s[i])) {
      ++i;
      while (i < s.size() && !is_quote(s[i])) raw.push_back(s[i++]);
      if (i < s.size()) ++i;
    } else {
      while (i < s.size() && !is_space(s[i])) raw.push_back(s[i++]);
    }
    t.raw = encode_utf8(raw);
    std::u32string n = normalize(t.raw);
    size_t b = 0, e = n.size();
    while (b < e && n[b] == U' ') ++b;
    while (e > b && n[e - 1] == U' ') --e;
    if (b == e) continue;
    t.normalized = n.substr(b, e - b);
    if (t.normalized.size() == 1) {
      t.is_short = true;
    } else {
      t.tokens = tokens_of(t.normalized);
      const auto& last = t.normalized.back();
      bool last_alnum = classify(last) == CharClass::alnum;
      // A Han character alone at the end after a separator may begin a bigram (养 of 养老); after a
      // Latin word or a number it is a token of its own in the text too (5G网络: 5g, 网, 网络), so
      // the phrase needs no prefix, which would merge the rows of every bigram it begins (2025年:
      // 1.3 s at a million proposals).
      bool lone_han_end = classify(last) == CharClass::han && t.normalized.size() >= 2 &&
                          classify(t.normalized[t.normalized.size() - 2]) == CharClass::separator;
      t.prefix_last = last_alnum || lone_han_end;
    }
    out.terms.push_back(std::move(t));
  }
  return out;
}

namespace {
std::string quoted_phrase(const std::vector<Token>& tokens) {
  return "\"" + fts_tokens(tokens) + "\"";
}
// The term's tokens with the last one replaced by `last`: one exact form of a prefix term.
std::vector<Token> with_last(const QueryTerm& term, const std::string& last) {
  auto tokens = term.tokens;
  if (!tokens.empty()) tokens.back().text = last;
  return tokens;
}
// Every token but the last (empty for a term of one token).
std::vector<Token> head_tokens(const QueryTerm& term) {
  if (term.tokens.size() < 2) return {};
  return {term.tokens.begin(), term.tokens.end() - 1};
}
}  // namespace

std::string fts5_phrase(const QueryTerm& term) {
  return quoted_phrase(term.tokens) + (term.prefix_last ? " *" : "");
}

std::string fts5_phrase_with_last(const QueryTerm& term, const std::string& last) {
  return quoted_phrase(with_last(term, last));
}

std::string fts5_phrase_head(const QueryTerm& term) {
  auto head = head_tokens(term);
  return head.empty() ? std::string() : quoted_phrase(head);
}

bool starts_ascii(const std::string& token) {
  return !token.empty() && static_cast<unsigned char>(token.front()) < 0x80;
}

bool ascii_prefix(const QueryTerm& term) {
  return term.prefix_last && !term.tokens.empty() && starts_ascii(term.tokens.back().text);
}

namespace {
std::string tsquery_tokens(const std::vector<Token>& tokens, bool prefix_last) {
  std::string out;
  int prev = 0;
  for (size_t i = 0; i < tokens.size(); ++i) {
    const auto& t = tokens[i];
    if (prev > 0) out += t.position - prev == 1 ? " <-> " : " <" + std::to_string(t.position - prev) + "> ";
    out += "'" + t.text + "'";
    if (prefix_last && i + 1 == tokens.size()) out += ":*";
    prev = t.position;
  }
  return tokens.size() > 1 ? "(" + out + ")" : out;
}
}  // namespace

std::string tsquery_phrase(const QueryTerm& term) {
  return tsquery_tokens(term.tokens, term.prefix_last);
}

std::string tsquery_phrase_with_last(const QueryTerm& term, const std::string& last) {
  return tsquery_tokens(with_last(term, last), false);
}

std::string tsquery_phrase_head(const QueryTerm& term) {
  auto head = head_tokens(term);
  return head.empty() ? std::string() : tsquery_tokens(head, false);
}

std::string snippet(std::string_view text, const Query& query, size_t max_chars) {
  std::u32string original = decode_utf8(text);
  std::u32string n = normalize(text);
  std::vector<std::pair<size_t, size_t>> hits;
  for (const auto& t : query.terms) {
    if (t.exclude || t.normalized.empty()) continue;
    for (size_t p = n.find(t.normalized); p != std::u32string::npos; p = n.find(t.normalized, p + 1))
      hits.emplace_back(p, p + t.normalized.size());
  }
  std::sort(hits.begin(), hits.end());
  size_t start = 0;
  if (!hits.empty() && hits.front().first > max_chars / 4) start = hits.front().first - max_chars / 4;
  size_t end = std::min(original.size(), start + max_chars);
  if (end - start < max_chars && end == original.size()) start = end > max_chars ? end - max_chars : 0;
  for (const auto& [b0, e0] : hits)  // never cut a match in two
    if (b0 < end && e0 > end) end = e0;
  std::string out = start > 0 ? "…" : "";
  size_t cur = start;
  for (const auto& [b0, e0] : hits) {
    size_t b = std::max(b0, cur), e = std::min(e0, end);
    if (b >= e) continue;
    out += html_escape(std::u32string_view(original).substr(cur, b - cur));
    out += "<mark>" + html_escape(std::u32string_view(original).substr(b, e - b)) + "</mark>";
    cur = e;
  }
  out += html_escape(std::u32string_view(original).substr(cur, end - cur));
  if (end < original.size()) out += "…";
  return out;
}

}  // namespace sl::search
