#include "modules/proposals/face_to_face.hpp"

#include "core/api/resource.hpp"
#include "core/audit/audit.hpp"
#include "core/clock.hpp"
#include "modules/proposals/access.hpp"
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

void history(db::Connection& c, const http::Request& req, const db::Row& p, const std::string& action,
             const Json& payload) {
  const auto& u = req.user();
  c.exec(sql::kInsertHistory, {p.integer("id"), db::now_iso(), u.user_id, u.name, u.primary_role(), action,
                               p.text("state"), p.text("state"), payload.dump()});
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

void register_face_to_face(App& app) {
  app.route(http::Method::POST, "/api/v1/proposals/{id:int}/face-to-face",
            [&app](http::Request& req) {
              const auto& user = req.user();
              int64_t id = req.param_int("id");
              api::Validator v(req.json());
              auto date = v.date("meeting_date", api::Presence::required);
              auto place = v.text("place", api::Presence::required, 200);
              auto attendees = v.text("attendees", api::Presence::required, 500);
              auto note = v.text("note", api::Presence::optional, 2000, true);
              if (date && *date < clock::today()) v.fail("meeting_date", "协商日期不能早于今天");
              v.finish();
              bool again = false;
              app.db().transaction([&](db::Connection& c) {
                db::Row p = authorize(c, user, id);
                auto existing = c.exec(sql::kFaceToFaceState, {id});
                if (!existing.empty() && existing.one().text(0) == "done")
                  throw ApiError(ErrorCode::illegal_transition, "当面协商已完成，不能再安排");
                again = !existing.empty();
                std::string now = db::now_iso();
                c.exec(sql::kArrangeFaceToFace, {id, *date, *place, *attendees, note.value_or(""), user.user_id, now});
                Json payload = {{"meeting_date", *date}, {"place", *place}, {"attendees", *attendees}};
                if (note && !note->empty()) payload["note"] = *note;
                if (again) payload["rearranged"] = true;
                history(c, req, p, "arrange_face_to_face", payload);
                auto e = audit::entry_for(req, "proposal.arrange_face_to_face", "proposal", std::to_string(id));
                e.after = payload;
                audit::record(c, e);
              });
              app.events.publish({events::kArrangeFaceToFace,
                                  user.committee_id,
                                  user.user_id,
                                  std::to_string(id),
                                  {{"id", id},
                                   {"action", "arrange_face_to_face"},
                                   {"meeting_date", *date},
                                   {"place", *place},
                                   {"rearranged", again}}});
              auto c = app.db().acquire();
              return http::Response::json(proposal_detail(*c, user, id));
            },
            {"安排当面协商（二次办理后仍不满意的提案）", kTag});

  app.route(http::Method::POST, "/api/v1/proposals/{id:int}/face-to-face/outcome",
            [&app](http::Request& req) {
              const auto& user = req.user();
              int64_t id = req.param_int("id");
              api::Validator v(req.json());
              auto outcome = v.text("outcome", api::Presence::required, 5000);
              auto held_on = v.date("held_on", api::Presence::optional);
              if (held_on && *held_on > clock::today()) v.fail("held_on", "协商日期不能晚于今天");
              v.finish();
              app.db().transaction([&](db::Connection& c) {
                db::Row p = authorize(c, user, id);
                auto m = c.exec(sql::kFaceToFaceStateAndDate, {id});
                if (m.empty()) throw ApiError(ErrorCode::illegal_transition, "请先安排当面协商，再记录协商结果");
                if (m.one().text(0) == "done") throw ApiError(ErrorCode::illegal_transition, "当面协商结果已记录");
                std::string held = held_on.value_or(m.one().text(1));
                if (held > clock::today())
                  throw ApiError::validation("held_on",
                                             "协商尚未举行（安排在 " + m.one().text(1) + "），请填写实际协商日期");
                c.exec(sql::kRecordFaceToFace, {*outcome, held, user.user_id, db::now_iso(), id});
                Json payload = {{"held_on", held}, {"outcome", *outcome}};
                history(c, req, p, "record_face_to_face", payload);
                auto e = audit::entry_for(req, "proposal.record_face_to_face", "proposal", std::to_string(id));
                e.after = payload;
                audit::record(c, e);
              });
              app.events.publish({events::kRecordFaceToFace,
                                  user.committee_id,
                                  user.user_id,
                                  std::to_string(id),
                                  {{"id", id}, {"action", "record_face_to_face"}}});
              auto c = app.db().acquire();
              return http::Response::json(proposal_detail(*c, user, id));
            },
            {"记录当面协商结果", kTag});
}

}  // namespace sl::proposals
