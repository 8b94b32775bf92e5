// Fuzz target: the search tokenizer (normalisation, index tokens, query parsing, FTS5 and
// tsquery phrases, snippets) over any bytes, read as text and as a query.
//
// Properties: normalisation maps code point to code point (snippet offsets rely on it); token
// positions start at 1 and increase; no token is empty or holds a separator or the break token;
// normalized_contains agrees with searching collapse_separators(normalize(text)); every output is
// valid UTF-8.

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>

#include "check.hpp"
#include "core/search/tokenizer.hpp"
#include "core/utf8.hpp"

namespace s = sl::search;

namespace {

void check_tokens(const std::vector<s::Token>& tokens) {
  int prev = 0;
  for (const auto& t : tokens) {
    fuzz::require(t.position > prev, "token positions do not increase");
    fuzz::require(!t.text.empty(), "an empty token");
    fuzz::require(t.text.find(' ') == std::string::npos, "a token holds a space");
    fuzz::require(t.text.find(s::kBreakToken) == std::string::npos, "a token holds the break token");
    fuzz::require(fuzz::valid_utf8(t.text), "a token is not valid UTF-8");
    prev = t.position;
  }
}

bool collapsed_contains(const std::string& collapsed, const std::u32string& needle) {
  return collapsed.find(sl::encode_utf8(needle)) != std::string::npos;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);

  std::u32string n = s::normalize(text);
  fuzz::require(n.size() == sl::decode_utf8(text).size(), "normalize() changed the number of code points");
  for (char32_t c : n) fuzz::require(c != 0xE000, "the break character survived normalisation");
  std::string collapsed = s::collapse_separators(n);
  fuzz::require(collapsed == s::normalize_utf8(text), "normalize_utf8 differs from collapse_separators");
  fuzz::require(fuzz::valid_utf8(collapsed), "normalised text is not valid UTF-8");
  fuzz::require(collapsed.empty() || (collapsed.front() != ' ' && collapsed.back() != ' '), "collapsed text is padded");

  auto tokens = s::tokenize(text);
  check_tokens(tokens);
  fuzz::require(tokens.size() == s::tokenize_normalized(n).size(), "tokenize_normalized differs");
  std::string fts = s::fts_tokens(tokens);
  fuzz::require(fuzz::valid_utf8(fts), "FTS5 tokens are not valid UTF-8");
  fuzz::require(fuzz::valid_utf8(s::tsvector_literal(tokens, 3)), "tsvector literal is not valid UTF-8");
  for (uint64_t key : s::term_keys(text)) fuzz::require(fuzz::valid_utf8(s::term_text(key)), "term_text is not UTF-8");

  s::Query query = s::parse_query(text);
  for (const auto& term : query.terms) {
    fuzz::require(!term.normalized.empty(), "a query term that normalises to nothing was kept");
    fuzz::require(term.normalized.front() != U' ' && term.normalized.back() != U' ', "a query term is not trimmed");
    fuzz::require(term.is_short == (term.normalized.size() == 1), "is_short disagrees with the term's length");
    check_tokens(term.tokens);
    fuzz::require(fuzz::valid_utf8(term.raw), "a term's raw text is not valid UTF-8");
    // The term is a piece of its own text once normalised (and collapsed the same way).
    std::u32string needle = sl::decode_utf8(s::collapse_separators(term.normalized));
    bool expect = collapsed_contains(s::collapse_separators(s::normalize(term.raw)), needle);
    fuzz::require(expect, "a query term is not found in its own text");
    fuzz::require(s::normalized_contains({term.raw}, sl::encode_utf8(needle)) == expect,
                  "normalized_contains disagrees on the term's own text");
    bool in_text = collapsed_contains(collapsed, needle);
    size_t half = text.size() / 2;
    while (half > 0 && (static_cast<unsigned char>(text[half]) & 0xC0) == 0x80) --half;  // split between characters
    fuzz::require(s::normalized_contains({text.substr(0, half), text.substr(half)}, sl::encode_utf8(needle)) == in_text,
                  "normalized_contains disagrees with searching the normalised text");
    if (term.is_short) continue;
    for (const std::string& q :
         {s::fts5_phrase(term), s::fts5_phrase_head(term), s::fts5_phrase_with_last(term, "养老"),
          s::tsquery_phrase(term), s::tsquery_phrase_head(term), s::tsquery_phrase_with_last(term, "5g")})
      fuzz::require(fuzz::valid_utf8(q), "a query phrase is not valid UTF-8");
    s::ascii_prefix(term);
  }
  query.has_positive();
  for (size_t max_chars : {size_t{0}, size_t{1}, size_t{12}, size_t{80}}) {
    std::string snip = s::snippet(text, query, max_chars);
    fuzz::require(fuzz::valid_utf8(snip), "a snippet is not valid UTF-8");
    for (std::string_view tag : {"<mark>", "</mark>"})
      for (size_t at; (at = snip.find(tag)) != std::string::npos;) snip.erase(at, tag.size());
    fuzz::require(snip.find_first_of("<>") == std::string::npos, "a snippet holds an unescaped '<' or '>'");
  }
  return 0;
}
