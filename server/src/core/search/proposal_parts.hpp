#pragma once
// The parts of a proposal's text that similarity compares separately, found by rules on the
// layout alone (no corpus statistics): the title's core (the title without its 关于…的建议
// frame), the situation (现状、问题、原因) and the asks (the 建议 part), the section headings
// (一、存在的问题 / 三、具体建议 …) that weigh nothing, and the clauses (text between punctuation)
// that the similar index counts across the corpus to learn stock sentences.
//
// Everything is in the normalised text of "title\nbody" (see tokenizer.hpp: one code point per
// code point of the original), so offsets here index both.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sl::search {

struct Span {
  size_t begin = 0;
  size_t end = 0;
};

enum class Part : uint8_t { frame, title, situation, asks };

struct ProposalParts {
  std::u32string text;        // normalize(title + "\n" + body)
  std::vector<Part> part;     // the part of each position of `text`
  std::vector<bool> heading;  // positions inside a heading or a stock connective line (weigh nothing)
  std::vector<Span> clauses;  // clauses of four or more characters, by the original punctuation
  bool has_asks = false;      // whether an asks part was found
};

/// Splits a proposal. The asks start at the first sentence of the body that opens with 建议 (after
/// at most a few characters such as 为此、对此、我们、三、具体), or failing that at the body's last
/// paragraph when it has three or more. `asks_from`, when given, is the byte offset in `body` where
/// a separately written 建议 section starts (the asks start there at the latest).
ProposalParts split_proposal(std::string_view title, std::string_view body, size_t asks_from = std::string_view::npos);

/// The title without its frame: 关于/对/就 at the start and 的建议/的提案/建议/提案 at the end.
std::u32string title_core(const std::u32string& normalized_title);

/// A hash of the Han and Latin characters of [begin, end) of normalised text (separators skipped),
/// for counting clauses and n-grams across the corpus.
uint64_t span_hash(const std::u32string& text, size_t begin, size_t end);

/// Whether a character is a function character that a meaningful phrase neither starts nor ends
/// with (的、了、和、与、在、是、对 …).
bool function_char(char32_t c);

}  // namespace sl::search
