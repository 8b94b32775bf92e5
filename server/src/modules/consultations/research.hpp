#pragma once
// A topic's research (调研) and inspections (视察) as commands: an activity created for a topic in
// the plan or in research by those who run the topic (the office, the leading special committee's
// staff), its team (the committee's people and outside experts, one leader), outline, site visits
// with the team's people who took part, photos and materials, and a report written in versions,
// submitted to the topic's lead leader, sent back with a reason or approved as the final version.
//
// Who sees what: those who read every consultation record (the office, special committees' staff,
// leaders, supervisors), the topic's party or sector contacts and the team's own people see all;
// the topic's counterpart units see an activity's final report (and report files) once approved;
// others nothing. Team members may add photos and materials to the visits they took part in.
//
// The report's review is a transition table of its own (research_transitions below), on the
// workflow's actors (office, lead_staff, lead_leader); its states and actions are listed there.

#include <string>
#include <vector>

#include "core/command.hpp"
#include "core/db/database.hpp"
#include "modules/consultations/research_payloads.hpp"
#include "modules/consultations/workflow.hpp"

namespace sl::consultations {

/// One row of the report's review: from state, action, who, to state.
struct ResearchTransition {
  const char* from;
  const char* action;
  Actor actor;
  const char* to;
};
/// drafting –submit (office, lead staff)→ reviewing –approve (lead leader)→ final;
/// reviewing –send_back (lead leader, with a reason)→ drafting.
const std::vector<ResearchTransition>& research_transitions();
const char* research_label(const std::string& name);

Outcome create_research(db::Connection& c, const Caller& by, int64_t topic_id, const ResearchInput& in);
Outcome update_research(db::Connection& c, const Caller& by, int64_t id, const ResearchInput& in);
Outcome add_research_visit(db::Connection& c, const Caller& by, int64_t research_id, const VisitInput& in);
Outcome update_research_visit(db::Connection& c, const Caller& by, int64_t visit_id, const VisitInput& in);
/// Checks the caller's right to upload to activity `research_id` (and visit), then the file
/// (type by its first bytes, size, name), then stores it. Returns the activity's id.
Outcome add_research_file(db::Connection& c, const Caller& by, int64_t research_id, const ResearchFileInput& in);
/// Removes a file: those who run the topic, or the uploader while they still may upload.
Outcome delete_research_file(db::Connection& c, const Caller& by, int64_t file_id);
/// Saves a new version of the report while it is drafted.
Outcome save_research_report(db::Connection& c, const Caller& by, int64_t id, const ReportDraftInput& in);
/// Throws unless the caller may take `in.action` now (403, then 409, then the version).
void authorise_research_step(db::Connection& c, const Caller& by, int64_t id, const ResearchStepInput& in);
Outcome research_step(db::Connection& c, const Caller& by, int64_t id, const ResearchStepInput& in,
                      const std::string& note);

/// The activities of topic `topic_id` as the caller may see them (an array), each with its team,
/// visits, files, report and the caller's actions.
Json research_of_topic(db::Connection& c, const Principal& p, int64_t topic_id);
/// Whether the caller may create an activity for topic `topic_id` now.
bool may_create_research(db::Connection& c, const Principal& p, int64_t topic_id);
/// One activity as the caller sees it (404 when out of sight).
Json research_detail(db::Connection& c, const Principal& p, int64_t id);
/// The activities the caller is on (我的调研), with their topic, role and next visit after `today`.
Json my_research(db::Connection& c, const Principal& p, const std::string& today);
/// The topic of activity `id` (0 when none).
int64_t topic_of_research(db::Connection& c, int64_t id);
/// The activity of visit `id` (0 when none).
int64_t research_of_visit(db::Connection& c, int64_t id);

struct ResearchFileContent {
  std::string content_type;
  std::string filename;
  std::string bytes;
};
/// File `id` if the caller may read it (404 otherwise).
ResearchFileContent research_file(db::Connection& c, const Principal& p, int64_t id);

}  // namespace sl::consultations
