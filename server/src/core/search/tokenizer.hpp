#pragma once
// The one tokenizer for all Chinese text (search index, queries, similar proposals).
//
// Normalisation maps every code point to exactly one code point, so offsets in the normalised
// text are offsets in the original (snippets rely on it): full-width ASCII to half-width, ASCII
// and Latin-1 letters to lower case, traditional characters to simplified (OpenCC's character
// table), and everything that is neither a Han character nor a letter/digit to a separator.
//
// Tokens: Han runs become character bigrams (a one-character run its unigram, and a run that
// touches a Latin word in the same segment also yields its edge character as a unigram, so that
// "5G网" finds "5G网络"); Latin letters and digits become words; a separator between two segments
// leaves a gap of one position. A query term of two or more characters becomes the phrase of its
// tokens, which matches exactly where the term occurs as a substring of the normalised text
// (Latin words match from their start). One-character terms are answered by scanning.
//
// SQLite's full-text table is contentless: a document's entry is deleted by tokenizing its stored
// text again. A change to what this tokenizer produces therefore needs a migration that empties
// search_docs and search_fts (as 0010 does), so that the index is rebuilt with the new tokens.

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace sl::search {

enum class CharClass { separator, han, alnum };

/// Decodes UTF-8 (invalid bytes become U+FFFD) and normalises code point by code point.
std::u32string normalize(std::string_view utf8);
/// normalize() as UTF-8 with runs of separators collapsed to one space.
std::string normalize_utf8(std::string_view utf8);
/// Normalised text as UTF-8 with runs of separators collapsed to one space.
std::string collapse_separators(const std::u32string& normalized);
/// Whether collapse_separators(normalize(the parts joined)) contains `needle` (normalised text,
/// such as a QueryTerm's), read in one pass without building the normalised text.
bool normalized_contains(std::initializer_list<std::string_view> parts, std::string_view needle);
CharClass classify(char32_t normalized_cp);

/// One token and its 1-based position; positions skip one where a segment ends.
struct Token {
  std::string text;
  int position;
};
/// Index tokens of a text.
std::vector<Token> tokenize(std::string_view utf8);
/// The same for text already normalised (callers that also need the normalised form).
std::vector<Token> tokenize_normalized(const std::u32string& normalized);
/// The FTS5 form: tokens separated by spaces, each position gap written as kBreakToken.
std::string fts_tokens(const std::vector<Token>& tokens);
/// The PostgreSQL form: a tsvector literal ('tok':1,4 'tok2':2). Positions up to `weight_a_until`
/// (a title at the start of the text) carry weight A ('tok':1A), which a query can ask for.
std::string tsvector_literal(const std::vector<Token>& tokens, int weight_a_until = 0);
/// The private-use character that marks a segment break in the FTS5 token string; normalisation
/// turns any such character in text into a separator, so text can never produce it.
extern const std::string kBreakToken;

/// Keys of the Han bigrams and Latin words of a text, for similarity (no unigrams, no breaks).
/// A Han bigram's key is (a << 21 | b); a word's key has bit 63 set.
std::vector<uint64_t> term_keys(std::string_view utf8);
/// The text of a term key from term_keys (for explanations).
std::string term_text(uint64_t key);

/// One term of a search query: a word, or a "quoted phrase"; a leading '-' excludes it.
struct QueryTerm {
  std::string raw;            // as typed
  std::u32string normalized;  // trimmed of separators at both ends
  std::vector<Token> tokens;  // empty for a short term
  bool prefix_last = false;   // the last token may be the start of a longer token
  bool exclude = false;
  bool is_short = false;  // one character: answered by scanning the normalised text
};
struct Query {
  std::vector<QueryTerm> terms;
  bool has_positive() const;
};
/// Splits and tokenizes a query. Terms that normalise to nothing are dropped.
Query parse_query(std::string_view q);
/// FTS5 MATCH expression for the given terms (all must be non-short), e.g. "养老 老服" AND "5g" *.
std::string fts5_phrase(const QueryTerm& term);
/// The term's phrase with its last token replaced by `last` and no prefix: one exact form of a
/// prefix term, e.g. "5g 基站" for "5G基" with last = "基站" (callers expand the prefix themselves).
std::string fts5_phrase_with_last(const QueryTerm& term, const std::string& last);
/// The exact phrase of every token but the last, or "" when the term has one token.
std::string fts5_phrase_head(const QueryTerm& term);
/// Whether an index token starts with an ASCII letter or digit (a Latin word or a number: the
/// tokens search_words keeps).
bool starts_ascii(const std::string& token);
/// Whether the term ends in a prefix token that starts with an ASCII letter or digit: the tokens
/// that may start with it are Latin words and numbers (kept in the search_words table).
bool ascii_prefix(const QueryTerm& term);
/// PostgreSQL tsquery literal of one non-short term, e.g. '养老' <-> '老服' <2> '5g':*.
std::string tsquery_phrase(const QueryTerm& term);
/// The same with the last token replaced by `last` and no prefix (as fts5_phrase_with_last).
std::string tsquery_phrase_with_last(const QueryTerm& term, const std::string& last);
/// The exact tsquery phrase of every token but the last, or "" when the term has one token.
std::string tsquery_phrase_head(const QueryTerm& term);

/// A plain-text excerpt of `text` of about `max_chars` characters around the first place any
/// positive query term occurs, HTML-escaped, with every occurrence wrapped in <mark></mark>.
std::string snippet(std::string_view text, const Query& query, size_t max_chars);

}  // namespace sl::search
