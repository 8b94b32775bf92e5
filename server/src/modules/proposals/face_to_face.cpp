#include "modules/proposals/face_to_face.hpp"

#include "core/api/resource.hpp"
#include "core/clock.hpp"
#include "modules/proposals/access.hpp"
#include "modules/proposals/command_route.hpp"
#include "modules/proposals/events.hpp"
#include "modules/proposals/queries.hpp"
#include "modules/proposals/store.hpp"

namespace sl::proposals {

namespace {

constexpr const char* kTag = "proposals";

/// The proposal, checked: visible, the caller is proposal staff, and it is flagged.
db::Row authorize(db::Connection& c, const Principal& user, int64_t id) {
  db::Row p = load_visible(c, user, id);
  Relations rel = relations_of(c, user, id, p.integer("proposer_user_id"));
  if (!rel.has(Actor::proposal_staff)) throw ApiError::forbidden("只有提案委可以安排当面协商");
  if (p.integer("face_to_face") == 0)
    throw ApiError(ErrorCode::illegal_transition, "该提案不需要当面协商（仅二次办理后仍不满意的提案需要）");
  return p;
}

}  // namespace

Json face_to_face_json(db::Connection& c, int64_t id, bool flagged, bool staff) {
  auto r = c.exec(sql::kFaceToFaceOfProposal, {id});
  Json out = {{"status", nullptr}, {"meeting", nullptr}, {"actions", Json::array()}};
  if (!flagged && r.empty()) return out;
  std::string status = r.empty() ? "needed" : r.one().text("state");
  out["status"] = status;
  if (!r.empty()) {
    const auto& m = r.one();
    out["meeting"] = {{"state", m.text("state")},
                      {"meeting_date", m.text("meeting_date")},
                      {"place", m.text("place")},
                      {"attendees", m.text("attendees")},
                      {"note", m.text("note")},
                      {"outcome", m.is_null("outcome") ? Json(nullptr) : Json(m.text("outcome"))},
                      {"held_on", m.is_null("held_on") ? Json(nullptr) : Json(m.text("held_on"))},
                      {"arranged_at", m.text("arranged_at")},
                      {"recorded_at", m.is_null("recorded_at") ? Json(nullptr) : Json(m.text("recorded_at"))}};
  }
  if (staff && flagged) {
    if (status != "done") out["actions"].push_back("arrange");
    if (status == "arranged") out["actions"].push_back("record");
  }
  return out;
}

Outcome arrange_face_to_face(db::Connection& c, const Caller& by, int64_t id, const MeetingInput& in) {
  db::Row p = authorize(c, by.user, id);
  if (in.meeting_date < by.today()) throw ApiError::validation("meeting_date", "协商日期不能早于今天");
  auto existing = c.exec(sql::kFaceToFaceState, {id});
  if (!existing.empty() && existing.one().text(0) == "done")
    throw ApiError(ErrorCode::illegal_transition, "当面协商已完成，不能再安排");
  const bool again = !existing.empty();
  c.exec(sql::kArrangeFaceToFace, {id, in.meeting_date, in.place, in.attendees, in.note, by.user.user_id, by.at()});
  Json payload = {{"meeting_date", in.meeting_date}, {"place", in.place}, {"attendees", in.attendees}};
  if (!in.note.empty()) payload["note"] = in.note;
  if (again) payload["rearranged"] = true;
  record_side_act(c, by, p, "arrange_face_to_face", payload, true);
  return {id,
          {events::kArrangeFaceToFace,
           by.user.committee_id,
           by.user.user_id,
           std::to_string(id),
           {{"id", id},
            {"action", "arrange_face_to_face"},
            {"meeting_date", in.meeting_date},
            {"place", in.place},
            {"rearranged", again}}}};
}

Outcome record_face_to_face(db::Connection& c, const Caller& by, int64_t id, const MeetingOutcomeInput& in) {
  db::Row p = authorize(c, by.user, id);
  if (in.held_on && *in.held_on > by.today()) throw ApiError::validation("held_on", "协商日期不能晚于今天");
  auto m = c.exec(sql::kFaceToFaceStateAndDate, {id});
  if (m.empty()) throw ApiError(ErrorCode::illegal_transition, "请先安排当面协商，再记录协商结果");
  if (m.one().text(0) == "done") throw ApiError(ErrorCode::illegal_transition, "当面协商结果已记录");
  std::string held = in.held_on.value_or(m.one().text(1));
  if (held > by.today())
    throw ApiError::validation("held_on", "协商尚未举行（安排在 " + m.one().text(1) + "），请填写实际协商日期");
  c.exec(sql::kRecordFaceToFace, {in.outcome, held, by.user.user_id, by.at(), id});
  record_side_act(c, by, p, "record_face_to_face", {{"held_on", held}, {"outcome", in.outcome}}, true);
  return {id,
          {events::kRecordFaceToFace,
           by.user.committee_id,
           by.user.user_id,
           std::to_string(id),
           {{"id", id}, {"action", "record_face_to_face"}}}};
}

void register_face_to_face(App& app) {
  app.route(http::Method::POST, "/api/v1/proposals/{id:int}/face-to-face",
            [&app](http::Request& req) {
              api::Validator v(req.json());
              MeetingInput in;
              in.meeting_date = v.date("meeting_date", api::Presence::required).value_or("");
              in.place = v.text("place", api::Presence::required, 200).value_or("");
              in.attendees = v.text("attendees", api::Presence::required, 500).value_or("");
              in.note = v.text("note", api::Presence::optional, 2000, true).value_or("");
              v.finish();
              return http::Response::json(run_command(app, req, [&](db::Connection& c, const Caller& by) {
                return arrange_face_to_face(c, by, req.param_int("id"), in);
              }));
            },
            {"安排当面协商（二次办理后仍不满意的提案）", kTag});

  app.route(http::Method::POST, "/api/v1/proposals/{id:int}/face-to-face/outcome",
            [&app](http::Request& req) {
              api::Validator v(req.json());
              MeetingOutcomeInput in;
              in.outcome = v.text("outcome", api::Presence::required, 5000).value_or("");
              in.held_on = v.date("held_on", api::Presence::optional);
              v.finish();
              return http::Response::json(run_command(app, req, [&](db::Connection& c, const Caller& by) {
                return record_face_to_face(c, by, req.param_int("id"), in);
              }));
            },
            {"记录当面协商结果", kTag});
}

}  // namespace sl::proposals
