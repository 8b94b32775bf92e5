#pragma once
// The text tables of the demo proposals (cli/seed_proposals.cpp): topic templates per area, the
// cases of proposals not filed, and the wordings of review comments, extension reasons and
// feedback. Data only; the seeder picks from them with its fixed-seed generator, so changing an
// entry changes what the demo seeds.

#include <cstddef>
#include <vector>

namespace sl::cli::demo_texts {

// ---------------------------------------------------------------------------------------------
// Topic templates. Each area names its usual lead and co-units, its special committee, a few
// subjects (the title's core, keywords) and sentence pools for the three parts of a proposal
// and for the unit's reply letter. Tokens {Y} {P} {N} {M} {K} {W} take made-up figures.
// ---------------------------------------------------------------------------------------------

struct Subject {
  const char* core;            // "关于{core}的建议"
  const char* keywords;        // space-separated
  const char* lead = nullptr;  // lead unit when it is not the area's
};

struct Suggestion {
  const char* head;
  const char* detail;
};

struct Area {
  const char* name;
  const char* category;
  const char* lead;
  std::vector<const char*> co;
  const char* special;  // special committee that supervises the area
  std::vector<Subject> subjects;
  std::vector<const char*> facts;     // situation
  std::vector<const char*> problems;  // situation, "一是…"
  std::vector<const char*> causes;    // analysis
  std::vector<Suggestion> suggestions;
  std::vector<const char*> works;  // reply: what the unit has done
  std::vector<const char*> plans;  // reply: what it will do
};

/// The topic templates, one per area.
const std::vector<Area>& areas();

struct DeclineCase {
  size_t reason;      // index into proposals::decline_reasons()
  const char* title;  // empty: a regular proposal with no concrete suggestion
  const char* conversion;
  const char* comment;
  double weight;
};

/// Proposals not filed: why, and with what title and comment.
const std::vector<DeclineCase>& decline_cases();

extern const std::vector<const char*> kReturnComments;
extern const std::vector<const char*> kRejectComments;
extern const std::vector<const char*> kSendBackComments;
extern const std::vector<const char*> kExtensionReasons;
extern const std::vector<const char*> kConsentReasons;
extern const std::vector<const char*> kStreets;
extern const std::vector<const char*> kCommunities;
extern const std::vector<const char*> kSatisfiedComments;
extern const std::vector<const char*> kBasicComments;
extern const std::vector<const char*> kUnsatisfiedComments;
extern const std::vector<const char*> kDeclineHint;
extern const char* const kOrdinals[10];  // 一 … 十, numbering the suggestions

}  // namespace sl::cli::demo_texts
