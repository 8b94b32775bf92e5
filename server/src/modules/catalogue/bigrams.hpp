#pragma once
// Matching a draft against catalogue topics: the Han bigrams and Latin words of the core
// tokenizer (core/search, which also folds full-width and traditional characters), without the
// filler words of proposal titles (关于, 建议, 加强 …) so they do not make unrelated texts look
// alike.

#include <cstdint>
#include <set>
#include <string>

namespace sl::catalogue {

using Terms = std::set<uint64_t>;

/// The distinct bigrams and words of `text`, less the filler bigrams.
Terms bigrams(const std::string& text);

/// The first `max_chars` characters (code points) of `text`.
std::string first_chars(const std::string& text, size_t max_chars);

/// How closely a draft matches a topic, 0…1: the larger of the share of the topic title's
/// bigrams found in the draft, and the Dice overlap of the draft with title plus description.
double topic_score(const Terms& draft, const Terms& topic_title, const Terms& topic_all);

/// The score from which a draft counts as matching a topic.
constexpr double kMatchThreshold = 0.45;

}  // namespace sl::catalogue
