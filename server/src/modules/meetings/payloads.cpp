#include "modules/meetings/payloads.hpp"

#include "core/api/validation.hpp"

namespace sl::meetings {

namespace {

std::optional<std::string> read_time(api::Validator& v, const Json& body, const char* field, api::Presence p) {
  auto t = v.text(field, p, 40);
  if (!t) return std::nullopt;
  auto n = normalize_utc(*t);
  if (!n) v.fail(field, "时间格式应为 UTC 的 YYYY-MM-DDTHH:MM:SSZ");
  return n;
}

/// `read(v)` on `body`, then `finish()`: every bad or unknown field named at once. A required
/// field's absence throws there, so `read` may return a default for it.
template <class Read>
auto read_body(const Json& body, Read&& read) {
  api::Validator v(body);
  auto out = read(v);
  v.finish();
  return out;
}

}  // namespace

MeetingInput read_meeting_input(const Json& body, const db::Row* existing, int64_t* version) {
  api::Validator v(body);
  const auto p = existing ? api::Presence::optional : api::Presence::required;
  MeetingInput in;
  if (existing) {
    in.kind = existing->text("kind");
    in.title = existing->text("title");
    in.agenda = existing->text("agenda");
    in.place = existing->text("place");
    in.starts_at = existing->text("starts_at");
    in.ends_at = existing->text("ends_at");
    in.subject_type = existing->opt_text("subject_type");
    in.subject_id = existing->opt_int("subject_id");
    in.special_committee_id = existing->opt_int("special_committee_id");
    if (version) *version = v.integer("version", api::Presence::required, 1).value_or(0);
  }
  if (auto x = v.one_of("kind", p, meeting_kinds())) in.kind = *x;
  if (auto x = v.text("title", p, 100)) in.title = *x;
  if (auto x = v.text("agenda", api::Presence::optional, 5000, true)) in.agenda = *x;
  if (auto x = v.text("place", p, 200)) in.place = *x;
  if (auto x = read_time(v, body, "starts_at", p)) in.starts_at = *x;
  if (auto x = read_time(v, body, "ends_at", p)) in.ends_at = *x;
  if (body.contains("subject_type") && body["subject_type"].is_null()) {
    v.skip("subject_type");
    in.subject_type.reset();
  } else if (auto x = v.text("subject_type", api::Presence::optional, 40)) {
    in.subject_type = *x;
  }
  if (auto x = v.id("subject_id", api::Presence::optional, true)) in.subject_id = *x ? std::optional(*x) : std::nullopt;
  if (auto x = v.id("special_committee_id", api::Presence::optional, true))
    in.special_committee_id = *x ? std::optional(*x) : std::nullopt;
  v.finish();
  return in;
}

InviteInput read_invite_input(const Json& body) {
  api::Validator v(body);
  InviteInput in;
  in.user_ids = v.id_list("user_ids", api::Presence::optional).value_or(std::vector<int64_t>{});
  in.sector_ids = v.id_list("sector_ids", api::Presence::optional).value_or(std::vector<int64_t>{});
  in.special_committee_ids =
      v.id_list("special_committee_ids", api::Presence::optional).value_or(std::vector<int64_t>{});
  in.party_ids = v.id_list("party_ids", api::Presence::optional).value_or(std::vector<int64_t>{});
  in.unit_ids = v.id_list("unit_ids", api::Presence::optional).value_or(std::vector<int64_t>{});
  in.standing_committee = v.boolean("standing_committee", api::Presence::optional).value_or(false);
  if (auto g = v.raw("guests", api::Presence::optional)) {
    if (!g->is_array() || g->size() > 200) {
      v.fail("guests", "嘉宾应为列表（最多200人）");
    } else {
      for (const auto& x : *g) {
        if (!x.is_object() || !x.contains("name") || !x["name"].is_string() ||
            (x.contains("employer") && !x["employer"].is_string())) {
          v.fail("guests", "每位嘉宾应有姓名（name）和单位（employer）");
          break;
        }
        std::string name = api::trim(x["name"].get<std::string>());
        std::string employer = api::trim(x.value("employer", ""));
        if (name.empty() || api::utf8_length(name) > 50 || api::utf8_length(employer) > 100) {
          v.fail("guests", "嘉宾姓名应为1至50个字，单位不超过100个字");
          break;
        }
        in.guests.push_back({name, employer});
      }
    }
  }
  v.finish();
  if (in.user_ids.empty() && in.sector_ids.empty() && in.special_committee_ids.empty() && in.party_ids.empty() &&
      in.unit_ids.empty() && in.guests.empty() && !in.standing_committee)
    throw ApiError::validation("user_ids", "请选择要邀请的人员、界别、专委会、党派、单位或嘉宾");
  return in;
}

SpeechInput read_speech_input(const Json& body) {
  api::Validator v(body);
  SpeechInput in;
  in.title = v.text("title", api::Presence::required, 100).value_or("");
  in.mode = v.one_of("mode", api::Presence::required, {"oral", "written"}).value_or("oral");
  in.body = v.text("body", api::Presence::optional, 20000, true).value_or("");
  v.finish();
  if (in.mode == "written" && in.body.empty()) throw ApiError::validation("body", "书面发言须提交发言内容");
  return in;
}

NoFields read_nothing(const Json& body) {
  return read_body(body, [](api::Validator&) { return NoFields{}; });
}

std::string read_cancel_reason(const Json& body) {
  return read_body(body,
                   [](api::Validator& v) { return v.text("reason", api::Presence::optional, 500, true).value_or(""); });
}

ReplyInput read_reply_input(const Json& body) {
  return read_body(body, [](api::Validator& v) {
    auto answer = v.one_of("reply", api::Presence::required, {"attend", "leave"});
    auto reason = v.text("reason", api::Presence::optional, 500, true);
    return ReplyInput{answer.value_or(""), reason.value_or("")};
  });
}

LeaveDecision read_leave_decision(const Json& body) {
  return read_body(body, [](api::Validator& v) {
    auto d = v.one_of("decision", api::Presence::required, {"approve", "reject"});
    auto note = v.text("note", api::Presence::optional, 500, true);
    return LeaveDecision{d == "approve", note.value_or("")};
  });
}

std::string read_sign_in_token(const Json& body) {
  return read_body(body, [](api::Validator& v) { return v.text("token", api::Presence::required, 100).value_or(""); });
}

AttendanceInput read_attendance_input(const Json& body) {
  return read_body(body, [](api::Validator& v) {
    auto s = v.one_of("status", api::Presence::required, {"present", "absent"});
    auto reason = v.text("reason", api::Presence::required, 500);
    return AttendanceInput{s == "present", reason.value_or("")};
  });
}

std::vector<int64_t> read_speech_order(const Json& body) {
  return read_body(body, [](api::Validator& v) {
    return v.id_list("ids", api::Presence::required).value_or(std::vector<int64_t>{});
  });
}

bool read_speech_decision(const Json& body) {
  return read_body(body, [](api::Validator& v) {
    return v.one_of("decision", api::Presence::required, {"arrange", "decline"}) == "arrange";
  });
}

std::string read_minutes(const Json& body) {
  return read_body(body,
                   [](api::Validator& v) { return v.text("text", api::Presence::required, 50000, true).value_or(""); });
}

Json meeting_schema(bool creating) {
  Json props = {{"kind", {{"type", "string"}, {"enum", meeting_kinds()}}},
                {"title", {{"type", "string"}, {"maxLength", 100}}},
                {"agenda", {{"type", "string"}, {"maxLength", 5000}}},
                {"place", {{"type", "string"}, {"maxLength", 200}}},
                {"starts_at", {{"type", "string"}, {"format", "date-time"}}},
                {"ends_at", {{"type", "string"}, {"format", "date-time"}}},
                {"subject_type", {{"type", {"string", "null"}}, {"maxLength", 40}}},
                {"subject_id", {{"type", {"integer", "null"}}}},
                {"special_committee_id", {{"type", {"integer", "null"}}}}};
  Json s = {{"type", "object"}, {"properties", props}, {"additionalProperties", false}};
  if (creating)
    s["required"] = {"kind", "title", "place", "starts_at", "ends_at"};
  else {
    s["properties"]["version"] = {{"type", "integer"}};
    s["required"] = {"version"};
  }
  return s;
}

}  // namespace sl::meetings
