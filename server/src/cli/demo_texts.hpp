#pragma once
// The text tables of the demo proposals (cli/seed_proposals.cpp): topic templates per subject, the
// cases of proposals not filed, and the wordings of review comments, extension reasons and
// feedback. Data only; the seeder picks from them with its fixed-seed generator, so changing an
// entry changes what the demo seeds.

#include <cstddef>
#include <vector>

namespace sl::cli::demo_texts {

// ---------------------------------------------------------------------------------------------
// Topic templates. Each area names its usual lead and co-units, its special committee and a few
// subjects; each subject carries its own sentence pools, written for that matter alone, for the
// three parts of a proposal and for the unit's reply letter, so that proposals on different
// subjects share no sentence (tests/api/demo_texts.test.mjs). Tokens {Y} {P} {N} {M} {K} {W}
// take made-up figures. The areas are split over demo_texts_<group>.cpp by theme:
//   demo_texts_social.cpp   养老服务, 社区治理, 就业创业
//   demo_texts_public.cpp   教育, 医疗卫生, 文化旅游
//   demo_texts_city.cpp     交通出行, 城市更新, 生态环境
//   demo_texts_economy.cpp  营商环境, 产业发展, 法治平安, 安全与食品
// demo_texts.cpp assembles them and holds the other tables.
// ---------------------------------------------------------------------------------------------

struct Suggestion {
  const char* head;
  const char* detail;
};

/// Seven suggestions per subject: the k-th proposal on a subject takes the three of line k of the
/// Fano plane (kAskSets), so two proposals on one subject share exactly one ask unless the demo
/// makes them duplicates on purpose.
constexpr size_t kAsksPerSubject = 7;

struct Subject {
  const char* core;                     // "关于{core}的建议"
  const char* keywords;                 // space-separated, unique per subject
  const char* lead;                     // lead unit when it is not the area's, else nullptr
  std::vector<const char*> facts;       // situation: 3
  std::vector<const char*> problems;    // situation, "一是…": 4
  std::vector<const char*> causes;      // analysis: 3
  std::vector<Suggestion> suggestions;  // kAsksPerSubject
  std::vector<const char*> works;       // reply: what the unit has done, 3
  std::vector<const char*> plans;       // reply: what it will do, 3
};

struct Area {
  const char* name;
  const char* category;
  const char* lead;
  std::vector<const char*> co;
  const char* special;  // special committee that supervises the area
  std::vector<Subject> subjects;
};

/// The topic templates, one per area.
const std::vector<Area>& areas();

// The areas of each demo_texts_<group>.cpp.
std::vector<Area> social_areas();
std::vector<Area> public_areas();
std::vector<Area> city_areas();
std::vector<Area> economy_areas();

/// The three asks (indices into Subject::suggestions) of the k-th proposal on a subject: the
/// lines of the Fano plane, any two of which share exactly one point.
extern const size_t kAskSets[7][3];

/// Frames of the text, several of each so that no one sentence stands in most proposals.
extern const std::vector<const char*> kProblemIntros;  // before "一是…"
extern const std::vector<const char*> kCauseIntros;    // before "一是…"
extern const std::vector<const char*> kClosings;       // end of the analysis; {} is the subject

struct DeclineCase {
  size_t reason;      // index into proposals::decline_reasons()
  const char* title;  // empty: a regular proposal with no concrete suggestion
  const char* conversion;
  const char* comment;
  double weight;
  const char* situation = "";  // the text of a case with a title of its own
  const char* analysis = "";
  const char* suggestions = "";
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
extern const char* const kOrdinals[10];  // 一 … 十, numbering the suggestions

}  // namespace sl::cli::demo_texts
