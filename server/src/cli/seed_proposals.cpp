#include "cli/seed_proposals.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <ctime>
#include <optional>
#include <stdexcept>
#include <vector>

#include "cli/demo_texts.hpp"
#include "cli/seed_proposals_internal.hpp"
#include "core/clock.hpp"
#include "core/errors.hpp"
#include "modules/proposals/calendar.hpp"
#include "modules/proposals/commands.hpp"
#include "modules/proposals/record_writer.hpp"
#include "modules/proposals/workflow.hpp"

// The Seeder of the demo proposals: it loads the demo organisation, plans the proposals
// (seed_proposals_plan.cpp), writes their text from the tables of demo_texts.cpp, runs their
// steps against in-memory rows and writes each finished record through proposals::write_record.

namespace sl::cli {

namespace demo_proposals {

using namespace demo_texts;

// ---------------------------------------------------------------------------------------------
// Time in seconds, and the tokens of the templates (the PRNG, the constants and the time tools
// that the plan also uses are declared in seed_proposals_internal.hpp).
// ---------------------------------------------------------------------------------------------

namespace {

/// Midnight CST of `ymd` ("2026-01-08") as epoch seconds.
int64_t cst_midnight(const std::string& ymd) {
  std::tm tm{};
  std::sscanf(ymd.c_str(), "%d-%d-%d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday);
  tm.tm_year -= 1900;
  tm.tm_mon -= 1;
  return static_cast<int64_t>(timegm(&tm)) - kCst;
}

constexpr int64_t kOpen = 9 * kHour, kClose = 17 * kHour + 1800;  // office hours, CST
int weekday_of(int64_t cst_day) {
  return static_cast<int>((cst_day + 4) % 7);
}  // 1970-01-01 was a Thursday
bool is_weekend(int64_t cst_day) {
  return weekday_of(cst_day) == 0 || weekday_of(cst_day) == 6;
}

std::string fill(const std::string& tmpl, Rng& r, int year) {
  std::string out;
  for (size_t i = 0; i < tmpl.size(); ++i) {
    if (tmpl[i] == '{' && i + 2 < tmpl.size() && tmpl[i + 2] == '}') {
      switch (tmpl[i + 1]) {
        case 'Y':
          out += std::to_string(year);
          break;
        case 'P':
          out += fmt::format("{:.1f}", r.uniform(12, 38));
          break;
        case 'N':
          out += std::to_string(r.between(6, 48));
          break;
        case 'M':
          out += std::to_string(r.between(20, 260));
          break;
        case 'K':
          out += std::to_string(r.between(500, 6000));
          break;
        case 'W':
          out += fmt::format("{:.1f}", r.uniform(1.5, 9.8));
          break;
        default:
          out += tmpl.substr(i, 3);
      }
      i += 2;
    } else {
      out += tmpl[i];
    }
  }
  return out;
}

}  // namespace

/// Moves `t` into office hours (09:00–17:30 CST) of a weekday: the same time if it already is,
/// else a time on the next working day.
int64_t office_time(int64_t t, Rng& r) {
  int64_t local = t + kCst;
  int64_t day = local / kDay, sec = local % kDay;
  if (!is_weekend(day) && sec >= kOpen && sec <= kClose) return t;
  if (sec > kClose) ++day;
  while (is_weekend(day)) ++day;
  return day * kDay + r.between(static_cast<int>(kOpen), static_cast<int>(kClose)) - kCst;
}

/// The latest office-hours time not after `t`.
int64_t office_time_before(int64_t t, Rng& r) {
  int64_t local = t + kCst;
  int64_t day = local / kDay, sec = local % kDay;
  if (!is_weekend(day) && sec >= kOpen && sec <= kClose) return t;
  int64_t latest = std::min(sec, kClose);
  if (sec < kOpen) --day, latest = kClose;
  while (is_weekend(day)) --day, latest = kClose;
  return day * kDay + r.between(static_cast<int>(kOpen), static_cast<int>(latest)) - kCst;
}

/// Moves `t` into a member's waking hours (from 07:30 CST), never later than it was.
int64_t waking_time(int64_t t, Rng& r) {
  int64_t sec = (t + kCst) % kDay;
  if (sec >= 7 * kHour + 1800) return t;
  return t - sec - kDay + r.between(19 * 3600, 22 * 3600 + 1800);  // the evening before
}

// ---------------------------------------------------------------------------------------------
// The organisation the demo seeding made, read back by name (the types are in
// seed_proposals_internal.hpp).
// ---------------------------------------------------------------------------------------------

namespace {

Person user_by_login(db::Connection& c, const std::string& login, const std::string& role) {
  auto r = c.exec("SELECT id, name FROM users WHERE username = $1", {login});
  if (r.empty()) throw std::runtime_error("demo proposals: no user " + login);
  return {r.one().integer(0), r.one().text(1), role};
}

Org load_org(db::Connection& c, int64_t cid) {
  Org o;
  o.committee_id = cid;
  for (int n : {4, 5}) {
    auto r = c.exec(
        "SELECT s.id, t.number, s.number, s.name, s.start_date, s.end_date FROM sessions s JOIN terms t ON t.id = "
        "s.term_id WHERE s.committee_id = $1 AND t.number = 14 AND s.number = $2",
        {cid, int64_t{n}});
    if (r.empty()) throw std::runtime_error("demo proposals: no session 十四届" + std::to_string(n));
    const auto& row = r.one();
    o.sessions.push_back({row.integer(0), static_cast<int>(row.integer(1)), static_cast<int>(row.integer(2)),
                          row.text(3), cst_midnight(row.text(4)), cst_midnight(row.text(5)) + 18 * kHour,
                          std::stoi(row.text(4).substr(0, 4))});
  }
  for (const auto& r : c.exec("SELECT id, name, short_name, contact_name, leader_name, contact_phone FROM units WHERE "
                              "committee_id = $1",
                              {cid})
                           .rows)
    o.units[r.text(1)] = {r.integer(0), r.text(1), r.text(2), r.text(3), r.text(4), r.text(5), {}, {}};
  for (const auto& r : c.exec("SELECT id, name FROM special_committees WHERE committee_id = $1", {cid}).rows)
    o.specials[r.text(1)] = r.integer(0);
  for (const auto& r : c.exec("SELECT id, user_id, name FROM members WHERE committee_id = $1 AND user_id IS NOT NULL "
                              "AND status = 'active' ORDER BY id",
                              {cid})
                           .rows)
    o.members.push_back({r.integer(0), r.integer(1), r.text(2)});
  if (o.members.size() < 20) throw std::runtime_error("demo proposals: too few members with accounts");
  o.staff = user_by_login(c, "tianwei", "proposal_staff");
  o.minmeng = user_by_login(c, "minmeng", "group_contact");
  o.jingji = user_by_login(c, "jingji", "committee_staff");
  o.zhuxi = *user_by_login(c, "zhuxi", "leader").user_id;
  o.units.at("区发展和改革局").staff_user = user_by_login(c, "fagaiju", "unit_staff");
  o.units.at("区发展和改革局").leader_user = user_by_login(c, "fagaiju_lead", "unit_leader");
  o.units.at("区民政局").staff_user = user_by_login(c, "minzhengju", "unit_staff");
  o.minmeng_party = c.exec("SELECT id FROM parties WHERE committee_id = $1 AND name = '民盟'", {cid}).one().integer(0);
  o.jingji_committee = o.specials.at("经济委员会");
  for (const auto& a : areas()) {  // the templates must name real units
    for (const char* u : a.co) o.units.at(u);
    o.units.at(a.lead);
    for (const auto& s : a.subjects)
      if (s.lead) o.units.at(s.lead);
  }
  return o;
}

Person unit_staff(const Unit& u) {
  if (u.staff_user) return *u.staff_user;
  return {std::nullopt, u.short_name + " " + u.contact, "unit_staff"};
}
Person unit_leader(const Unit& u) {
  if (u.leader_user) return *u.leader_user;
  return {std::nullopt, u.short_name + " " + u.leader, "unit_leader"};
}

/// How a unit calls itself in a letter: 我局, 我委, 我院 …
std::string unit_self(const std::string& name) {
  if (name.ends_with("委员会")) return "我委";
  if (name.ends_with("法院") || name.ends_with("检察院")) return "我院";
  if (name.ends_with("部")) return "我部";
  if (name.ends_with("公司")) return "我公司";
  return "我局";
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// The Seeder: the plan (seed_proposals_plan.cpp), then per proposal its text, its steps and its
// record.
// ---------------------------------------------------------------------------------------------

Seeder::Seeder(db::Connection& c, Org org) : c_(c), o_(std::move(org)) {
  now_ = clock::now();
  calendar_.emplace(proposals::WorkCalendar::load(c, o_.committee_id));
}

SeededProposals Seeder::run() {
  std::vector<Spec> specs = make_specs();
  plans_.reserve(specs.size());
  for (size_t i = 0; i < specs.size(); ++i) {
    Plan p;
    p.spec = specs[i];
    p.seed = 0x5EED0000ULL + i * 7919;
    choose(p);
    script(p);
    place_in_time(p);
    plans_.push_back(std::move(p));
  }
  // Creation order is id order: the newest proposals come first in the lists.
  std::stable_sort(plans_.begin(), plans_.end(), [](const Plan& a, const Plan& b) { return a.created < b.created; });
  pick_merge_targets();
  pick_duplicates();
  number();
  SeededProposals out;
  std::vector<int64_t> ids;
  for (auto& p : plans_) {
    write_text(p);
    execute(p);
    ids.push_back(insert(p, ids));
    out.total++;
    out.by_state[p.state]++;
  }
  for (size_t s = 0; s < o_.sessions.size(); ++s) proposals::raise_number_counter(c_, o_.sessions[s].id, counters_[s]);
  return out;
}

// ---- the text ----

void Seeder::write_text(Plan& p) {
  Rng r(p.seed ^ 0x7E47);
  const Area& a = areas()[p.area];
  const Subject& sub = a.subjects[p.subject];
  int year = o_.sessions[p.spec.session].year - 1;
  // Several members often write on the same subject; their titles differ a little.
  static const char* kTitles[] = {"关于{}的建议", "关于{}的几点建议", "关于进一步{}的建议", "关于{}的对策建议"};
  int variant = titles_used_[{p.spec.session, p.area, p.subject}]++ % 4;
  if (variant == 2 && std::string_view(sub.core).starts_with("持续")) variant = 3;
  p.title = fmt::format(fmt::runtime(kTitles[variant]), sub.core);
  if (p.decline_case >= 0 && *decline_cases()[p.decline_case].title) {
    const auto& d = decline_cases()[p.decline_case];
    p.title = d.title;
    p.category = "其他";
    p.keywords = "";
    p.situation = d.situation;
    p.analysis = d.analysis;
    p.suggestions = d.suggestions;
    return;
  }
  auto shuffle = [&r](auto& v) {
    for (size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[r.below(i)]);
  };
  auto pick_n = [&shuffle](const std::vector<const char*>& pool, size_t n) {
    std::vector<const char*> v = pool;
    shuffle(v);
    v.resize(std::min(n, v.size()));
    return v;
  };
  auto numbered = [](const std::vector<const char*>& items) {
    static const char* kLead[] = {"一是", "二是", "三是", "四是"};
    std::string out;
    for (size_t i = 0; i < items.size(); ++i)
      out += std::string(kLead[i]) + items[i] + (i + 1 == items.size() ? "。" : "；");
    return out;
  };
  // The asks: a proposal merged into another, or written as its duplicate, repeats that one's asks;
  // any other takes the next ask set of its subject, which shares one ask with each earlier one.
  int twin = p.merge_into >= 0 ? p.merge_into : p.duplicate_of;
  if (twin >= 0 && plans_[twin].area == p.area && plans_[twin].subject == p.subject && !plans_[twin].asks.empty()) {
    p.asks = plans_[twin].asks;
  } else {
    const size_t* set = kAskSets[asks_used_[{p.area, p.subject}]++ % 7];
    p.asks.assign(set, set + 3);
  }
  shuffle(p.asks);

  std::string situation;
  for (const char* f : pick_n(sub.facts, 2)) situation += fill(f, r, year);
  situation += "\n" + std::string(r.pick(kProblemIntros));
  situation += numbered(pick_n(sub.problems, static_cast<size_t>(r.between(3, 4))));
  std::string analysis = r.pick(kCauseIntros);
  analysis += numbered(pick_n(sub.causes, static_cast<size_t>(r.between(2, 3))));
  std::string closing = r.pick(kClosings);
  if (!closing.empty()) analysis += "\n" + fmt::format(fmt::runtime(closing), sub.core);
  std::string suggestions;
  if (p.decline_case >= 0) {  // a regular proposal without a concrete suggestion
    suggestions = "希望有关部门重视" + std::string(sub.core) + "中存在的问题，切实加以解决。";
  } else {
    for (size_t i = 0; i < p.asks.size(); ++i) {
      const Suggestion& sg = sub.suggestions.at(p.asks[i]);
      suggestions += (i ? "\n" : "") + std::string(kOrdinals[i]) + "、" + sg.head + "。" + fill(sg.detail, r, year);
    }
  }
  p.situation = situation;
  p.analysis = analysis;
  p.suggestions = suggestions;
  if (p.title.size() > size_t{50} * size_t{3}) throw std::logic_error("demo proposals: title too long: " + p.title);
}

namespace {

/// One of the asks of `p` (the subject's first when it has none).
const Suggestion& some_ask(const Plan& p, Rng& r) {
  const Subject& sub = areas()[p.area].subjects[p.subject];
  return sub.suggestions.at(p.asks.empty() ? 0 : r.pick(p.asks));
}

}  // namespace

std::string Seeder::addressee(const Plan& p) const {
  if (p.group_type == "party") return "民盟汉江区委";
  if (p.group_type == "special_committee") return "区政协经济委员会";
  return p.proposer.name + (p.cosigners.empty() ? "委员" : "委员等");
}

std::string Seeder::reply_letter(Plan& p, const Unit& u, int round, const std::string& result, int64_t at, Rng& r) {
  static const std::vector<const char*> kLimits = {"用地指标和财政资金", "现行政策规定", "专业人才和场地条件"};
  const Area& a = areas()[p.area];
  std::string self = unit_self(u.name);
  std::string you = p.group_type ? "你们" : "您";
  const Session& session = o_.sessions[p.spec.session];
  std::string label =
      p.number ? fmt::format("（{}）", proposals::number_label(session.term, session.number, p.number)) : "";
  std::string out = addressee(p) + "：\n";
  if (round == 1) {
    out += you + "提出的《" + p.title + "》" + label + "收悉。" + self + "高度重视，主要负责同志专门研究部署，";
    if (!p.consultations.empty()) {
      const auto& cst = p.consultations.back();
      static const std::map<std::string, std::string> kHow = {{"meeting", "召开座谈会当面听取"},
                                                              {"forum", "组织相关方座谈听取"},
                                                              {"phone", "电话沟通听取"},
                                                              {"site", "陪同实地察看并听取"},
                                                              {"written", "书面征求"}};
      out += "并于" + clock::chinese_day(cst.held_on) + kHow.at(cst.method) + you + "的意见，";
    }
    out += "现将办理情况答复如下：\n";
  } else {
    out += "关于" + you + "对《" + p.title + "》" + label + "办理结果提出的意见，" + self + "再次进行了认真研究，并与" +
           you + "当面沟通，现补充答复如下：\n";
  }
  const Subject& sub = a.subjects[p.subject];
  std::vector<const char*> works = sub.works, plans = sub.plans;
  for (size_t i = works.size(); i > 1; --i) std::swap(works[i - 1], works[r.below(i)]);
  for (size_t i = plans.size(); i > 1; --i) std::swap(plans[i - 1], plans[r.below(i)]);
  int year = std::stoi(clock::day_at(at).substr(0, 4));
  out += "一、工作开展情况\n" + fill(works[0], r, year - 1) + "。";
  for (size_t i = 2; i < works.size(); ++i) out += fill(works[i], r, year - 1) + "。";
  out += "\n二、关于" + std::string(some_ask(p, r).head) + "\n" + (round == 1 ? "您提出的这一建议切中要害。" : "") +
         fill(works[1], r, year - 1) + "，相关做法将结合实际进一步完善。";
  static const char* kLead[] = {"一是", "二是", "三是", "四是"};
  out += "\n三、下一步工作打算\n";
  size_t n = std::min<size_t>(plans.size(), 4);
  for (size_t i = 0; i < n; ++i) out += std::string(kLead[i]) + plans[i] + (i + 1 == n ? "。" : "；");
  if (result == "A")
    out += "\n" + you + "提出的建议切合实际、针对性强，" + self + "已予以采纳，并在工作中抓好落实。";
  else if (result == "B")
    out += "\n" + you + "提出的建议" + self + "高度认同，相关工作正在推进，已列入" + std::to_string(year + 1) +
           "年工作计划，我们将按计划抓好落实并及时向" + you + "通报进展。";
  else
    out += "\n" + you + "提出的建议很有价值，但受" + std::string(r.pick(kLimits)) +
           "限制，目前尚难以全面实施，我们将留作今后工作参考，积极创造条件逐步推进。";
  out += "\n感谢" + you + "对" + std::string(a.name) + "工作的关心和支持，欢迎继续提出宝贵意见。\n\n" + u.name + "\n" +
         clock::chinese_day(clock::day_at(at)) + "\n（联系人：" + u.contact + "，联系电话：" + u.phone + "）";
  return out;
}

// ---- running the steps ----

/// The history entry of `action` by `who`, moving the plan to state `to`.
void Seeder::history(Plan& p, int64_t at, const Person& who, Action action, const std::string& to, Json payload) {
  p.history.push_back({at, who, proposals::action_name(action), p.state, to, std::move(payload)});
  p.version++;
  p.state = to;
  p.updated_at = clock::iso_at(at);
}

int Seeder::lead_assignment(const Plan& p) const {
  for (size_t i = 0; i < p.assignments.size(); ++i)
    if (p.assignments[i].role == "lead" && p.assignments[i].state != "reassigned") return static_cast<int>(i);
  return 0;
}

void Seeder::execute(Plan& p) {
  Rng r(p.seed ^ 0xE8EC);
  const Area& a = areas()[p.area];
  const Person& staff = o_.staff;
  const int64_t zhuxi = o_.zhuxi;
  int pending_reply = -1;
  for (const Step& s : p.steps) {
    int64_t t = s.at;
    std::string when = clock::iso_at(t), date = clock::day_at(t);
    switch (s.op) {
      case Op::create:
        p.created_at = when;
        p.history.push_back({t, p.proposer, "create", p.state, "draft"});  // not a workflow action
        p.updated_at = when;
        break;
      case Op::edit:
        p.version++;
        p.updated_at = when;
        break;
      case Op::submit: {
        p.submitted_at = when;
        bool cosign = !p.cosigners.empty();
        if (cosign)
          for (auto& c : p.cosigners) {
            c.status = "pending";
            c.answered_at.reset();
            c.due_at = clock::iso_at(t + 3 * kDay);
          }
        history(p, t, p.proposer, Action::submit, cosign ? "awaiting_cosign" : "submitted");
        break;
      }
      case Op::cosign: {
        auto& c = p.cosigners[s.arg];
        c.status = "confirmed";
        c.answered_at = when;
        bool last = std::none_of(p.cosigners.begin(), p.cosigners.end(), [](auto& x) { return x.status == "pending"; });
        history(p, t, {c.m.user_id, c.m.name, "member"}, Action::cosign, last ? "submitted" : "awaiting_cosign",
                {{"accept", true}});
        break;
      }
      case Op::return_for_revision: {
        std::string comment = r.pick(kReturnComments);
        p.review_comment = comment;
        history(p, t, staff, Action::return_for_revision, "returned", {{"comment", comment}});
        break;
      }
      case Op::file:
        p.filed_at = when;
        history(p, t, staff, Action::file, "filed", {{"number", p.number}});
        break;
      case Op::decline: {
        const auto& d = decline_cases()[p.decline_case];
        const std::string& reason = proposals::decline_reasons().at(d.reason);
        p.decline_reason = reason;
        p.decline_conversion = d.conversion;
        p.review_comment = d.comment;
        history(p, t, staff, Action::decline, "not_filed", {{"reason", reason}, {"conversion", d.conversion}});
        break;
      }
      case Op::merge:
        history(p, t, staff, Action::merge, "merged");
        p.history.back().merged_into = true;
        break;
      case Op::mark_key:
        p.is_key = true;
        p.key_special = o_.specials.at(a.special);
        history(p, t, staff, Action::mark_key, p.state, {{"key", true}, {"leader_ids", Json::array({zhuxi})}});
        break;
      case Op::assign: {
        std::string sign_due = calendar_->add_working_days(date, 5);
        std::string reply_due = proposals::add_months(date, 3);
        std::string opinion_due = proposals::add_months(date, 1);
        Json units = Json::array();
        for (const auto& [name, role] : p.units) {
          AssignmentRow row;
          row.unit_id = unit(name).id;
          row.unit_name = name;
          row.role = role;
          row.sign_due = sign_due;
          row.reply_due = reply_due;
          if (role == "co") row.opinion_due = opinion_due;
          row.created_at = when;
          p.assignments.push_back(row);
          units.push_back({{"unit_id", row.unit_id}, {"role", role}});
        }
        p.assigned_at = when;
        p.due_at = reply_due;
        p.handling_type = p.handling;
        history(
            p, t, staff, Action::assign, "assigned",
            {{"handling_type", *p.handling_type}, {"units", units}, {"sign_due", sign_due}, {"reply_due", reply_due}});
        break;
      }
      case Op::request_return: {
        auto& row = p.assignments[s.arg];
        std::string reason = "该建议所提事项主要属" + p.reassign_to + "职责，建议改由其主办。";
        row.state = "return_requested";
        row.return_reason = reason;
        history(p, t, unit_staff(unit(row.unit_name)), Action::request_return, p.state,
                {{"unit_id", row.unit_id}, {"reason", reason}});
        break;
      }
      case Op::reassign: {
        auto& old = p.assignments[s.arg];
        old.state = "reassigned";
        AssignmentRow row;
        row.unit_id = unit(p.reassign_to).id;
        row.unit_name = p.reassign_to;
        row.role = old.role;
        row.sign_due = calendar_->add_working_days(date, 5);
        row.reply_due = old.reply_due;
        row.opinion_due = old.opinion_due;
        row.created_at = when;
        int64_t from_unit = old.unit_id;
        p.assignments.push_back(row);
        history(p, t, staff, Action::reassign, p.state, {{"from_unit_id", from_unit}, {"unit_id", row.unit_id}});
        p.history.back().assignment_ref = s.arg;
        break;
      }
      case Op::sign: {
        auto& row = p.assignments[s.arg];
        row.state = "signed";
        row.signed_at = when;
        std::string to = row.role == "lead" && p.state == "assigned" ? "in_handling" : p.state;
        history(p, t, unit_staff(unit(row.unit_name)), Action::sign, to, {{"unit_id", row.unit_id}});
        break;
      }
      case Op::record_consultation: {
        const auto& row = p.assignments[lead_assignment(p)];
        const Unit& u = unit(row.unit_name);
        Person who = unit_staff(u);
        static const std::vector<std::string> kMethods = {"meeting", "meeting", "phone", "site", "forum", "written"};
        std::string method = r.pick(kMethods);
        const Suggestion& focus = some_ask(p, r);
        std::string proposer = p.group_type ? p.proposer.name : p.proposer.name + "委员";
        std::string street = r.pick(kStreets);
        std::string place = street + (street.ends_with("街") ? "" : "街") + r.pick(kCommunities) + "社区";
        std::string content;
        if (method == "meeting")
          content = u.name + "召开提案办理协商座谈会，" + u.leader + "同志与" + proposer + "面对面交流，通报了" +
                    a.name + "工作推进情况和初步办理意见。委员就“" + focus.head +
                    "”提出补充意见，双方就下一步工作形成共识。";
        else if (method == "phone")
          content = u.name + "经办人" + u.contact + "与" + proposer +
                    "电话沟通，介绍了办理思路和已开展的工作，听取了对“" + focus.head +
                    "”的具体意见，约定答复前再次沟通。";
        else if (method == "site")
          content = u.name + "邀请" + proposer + "到" + place + "实地察看，现场了解相关情况，共同研究“" + focus.head +
                    "”的解决办法。";
        else if (method == "forum")
          content = u.name + "组织" + place + "、相关企业和居民代表与" + proposer + "座谈，围绕“" + focus.head +
                    "”深入交流，收集意见建议" + std::to_string(r.between(5, 16)) + "条。";
        else
          content = u.name + "以书面形式向" + proposer + "征求对办理方案的意见，提案人书面回复同意办理方案，并就“" +
                    focus.head + "”提出进一步建议。";
        std::string people = proposer + "、" + u.leader + "、" + u.contact;
        p.consultations.push_back({row.unit_id, method, date, people, content, who.user_id, when});
        history(p, t, who, Action::record_consultation, p.state,
                {{"unit_id", row.unit_id}, {"method", method}, {"held_on", date}});
        break;
      }
      case Op::send_opinion: {
        auto& row = p.assignments[s.arg];
        const std::string& lead_name = p.assignments[lead_assignment(p)].unit_name;
        row.state = "opinion_sent";
        static const std::vector<const char*> kSupport = {"资金安排", "项目审批", "用地保障", "数据共享", "执法监管"};
        row.opinion = unit_self(row.unit_name) + "支持" + lead_name +
                      "牵头推进相关工作，将在职责范围内积极配合：一是做好政策衔接和信息共享；二是在" +
                      r.pick(kSupport) + "方面给予支持；三是共同开展督促检查，确保建议落到实处。";
        history(p, t, unit_staff(unit(row.unit_name)), Action::send_opinion, p.state, {{"unit_id", row.unit_id}});
        break;
      }
      case Op::request_extension: {
        const auto& row = p.assignments[lead_assignment(p)];
        std::string max = proposals::add_months(clock::local_day(*p.assigned_at), 6);
        std::string due = std::min(max, proposals::add_months(*p.due_at, r.between(1, 2)));
        if (due <= *p.due_at) break;
        std::string reason = r.pick(kExtensionReasons);
        p.extensions.push_back({row.unit_id, reason, due, "requested", when});
        history(p, t, unit_staff(unit(row.unit_name)), Action::request_extension, p.state,
                {{"reason", reason}, {"requested_due", due}});
        break;
      }
      case Op::grant_extension: {
        if (p.extensions.empty()) break;
        auto& e = p.extensions.back();
        e.state = "granted";
        p.due_at = e.requested_due;
        for (auto& row : p.assignments)
          if (row.state != "reassigned") row.reply_due = e.requested_due;
        history(p, t, staff, Action::grant_extension, p.state, {{"approve", true}});
        p.history.back().extension_ref = static_cast<int>(p.extensions.size()) - 1;
        break;
      }
      case Op::submit_reply: {
        const auto& row = p.assignments[lead_assignment(p)];
        const Unit& u = unit(row.unit_name);
        std::string result = p.round == 2 ? (r.chance(0.7) ? "B" : "A") : p.results[std::min(s.arg, 3)];
        Person who = unit_staff(u);
        proposals::ReplyRecord reply;
        reply.unit_id = row.unit_id;
        reply.round = p.round;
        reply.body = reply_letter(p, u, p.round, result, t, r);
        reply.result_category = result;
        reply.created_at = when;
        reply.created_by = who.user_id;
        p.replies.push_back(reply);
        pending_reply = static_cast<int>(p.replies.size()) - 1;
        history(p, t, who, Action::submit_reply, "reply_unit_review",
                {{"unit_id", row.unit_id}, {"result_category", result}});
        break;
      }
      case Op::approve_reply:
      case Op::reject_reply:
      case Op::pass_reply:
      case Op::send_back_reply: {
        auto& reply = p.replies[pending_reply];
        const Unit& u = unit(p.assignments[lead_assignment(p)].unit_name);
        std::string comment;
        Person who = staff;
        std::string to;
        Action action = Action::pass_reply;
        if (s.op == Op::approve_reply) {
          who = unit_leader(u);
          reply.state = "cppcc_review";
          reply.approved_by = who.user_id;
          to = "reply_cppcc_review";
          action = Action::approve_reply;
        } else if (s.op == Op::reject_reply) {
          who = unit_leader(u);
          comment = r.pick(kRejectComments);
          reply.state = "sent_back";
          to = p.round == 1 ? "in_handling" : "second_handling";
          action = Action::reject_reply;
        } else if (s.op == Op::send_back_reply) {
          comment = r.pick(kSendBackComments);
          reply.state = "sent_back";
          to = p.round == 1 ? "in_handling" : "second_handling";
          action = Action::send_back_reply;
        } else {
          reply.state = "released";
          reply.released_at = when;
          p.result_category = reply.result_category;
          p.replied_at = when;
          p.follow_up = reply.result_category != "A";
          for (auto& row : p.assignments)
            if (row.role == "lead" && row.state != "reassigned") row.state = "replied";
          to = "replied";
          action = Action::pass_reply;
        }
        reply.comment = comment;
        history(p, t, who, action, to, {{"comment", comment}});
        p.history.back().reply_ref = pending_reply;
        break;
      }
      case Op::feedback:
      case Op::cosigner_feedback: {
        static const char* kRatings[] = {"satisfied", "basic", "unsatisfied"};
        bool cosigner = s.op == Op::cosigner_feedback;
        std::string rating = cosigner ? (r.chance(0.7) ? "satisfied" : "basic") : kRatings[s.arg];
        Person who = cosigner ? Person{p.cosigners[s.arg].m.user_id, p.cosigners[s.arg].m.name, "member"} : p.proposer;
        const auto& comments = rating == "satisfied" ? kSatisfiedComments
                               : rating == "basic"   ? kBasicComments
                                                     : kUnsatisfiedComments;
        proposals::FeedbackRecord f{p.round,
                                    *who.user_id,
                                    rating,
                                    rating == "unsatisfied" ? (r.chance(0.5) ? "phone" : "written")
                                                            : (r.chance(0.6) ? "face_to_face" : "phone"),
                                    rating == "unsatisfied" ? "fair" : (r.chance(0.85) ? "good" : "fair"),
                                    rating == "satisfied" ? "yes"
                                    : rating == "basic"   ? "partly"
                                                          : "no",
                                    r.chance(0.8) ? r.pick(comments) : "",
                                    when};
        p.feedback.push_back(f);
        Json payload = {{"rating", rating}};
        std::string to = p.state;
        if (!cosigner) {
          p.satisfaction = rating;
          if (p.round == 1 && rating == "unsatisfied") {
            std::string due = proposals::add_months(date, 3);
            p.round = 2;
            p.due_at = due;
            for (auto& row : p.assignments)
              if (row.state == "replied") row.state = "signed", row.reply_due = due, row.round = 2;
            payload["second_due"] = due;
            to = "second_handling";
          } else if (p.round == 1) {
            to = "feedback_received";
          } else {
            p.closed_at = when;
            p.face_to_face = rating == "unsatisfied";
            to = "closed";
          }
        }
        history(p, t, who, Action::feedback, to, payload);
        break;
      }
      case Op::close:
        p.closed_at = when;
        history(p, t, staff, Action::close, "closed");
        break;
      case Op::publish:
        p.published = true;
        p.published_at = when;
        history(p, t, staff, Action::publish, "closed");
        break;
    }
  }
  if (p.state != p.spec.target)
    throw std::logic_error("demo proposals: script for " + p.spec.target + " ended in " + p.state);
  follow_up(p, r);
}

/// B and C answers promise work: the lead unit lists what it will do and notes its progress
/// (成果转化), as units do after the reply is out (not a workflow step, so no history row).
void Seeder::follow_up(Plan& p, Rng& r) {
  if (!p.follow_up || !p.replied_at || !r.chance(0.6)) return;
  const Subject& sub = areas()[p.area].subjects[p.subject];
  const auto& row = p.assignments[lead_assignment(p)];
  Person who = unit_staff(unit(row.unit_name));
  int64_t replied = 0;
  for (const auto& h : p.history)
    if (h.action == proposals::action_name(Action::pass_reply)) replied = h.at;
  std::vector<const char*> plans = sub.plans;
  for (size_t i = plans.size(); i > 1; --i) std::swap(plans[i - 1], plans[r.below(i)]);
  static const std::vector<const char*> kNotes = {"已完成前期调研和方案制定", "已召开专题协调会，明确责任分工",
                                                  "已列入年度工作计划并落实资金", "项目已启动实施，进度约过半",
                                                  "已完成阶段性目标，正在总结评估"};
  int n = r.between(1, 2);
  for (int i = 0; i < n; ++i) {
    proposals::FollowUpRecord f{row.unit_id,   plans[i], clock::day_at(replied + days(r, 60, 270)),
                                Json::array(), false,    clock::iso_at(replied + days(r, 0.5, 5))};
    int64_t at = replied + days(r, 20, 60), last = 0;
    size_t note = static_cast<size_t>(r.below(2));  // notes go forward: research, plan, work, results
    for (; note < kNotes.size() && at < now_ - kDay; ++note, at += days(r, 30, 90)) {
      last = office_time_before(at, r);
      f.progress.push_back({{"at", clock::iso_at(last)}, {"by", who.name}, {"note", kNotes[note]}});
    }
    f.done = *f.due_date < clock::day_at(now_) && !f.progress.empty() && r.chance(0.75);
    if (f.done)
      f.progress.push_back({{"at", clock::iso_at(office_time_before(std::min(last + days(r, 10, 40), now_ - kDay), r))},
                            {"by", who.name},
                            {"note", "承诺事项已办结"}});
    p.follow_ups.push_back(f);
  }
}

// ---- writing the rows ----

int64_t Seeder::insert(const Plan& p, const std::vector<int64_t>& ids) {
  const Session& session = o_.sessions[p.spec.session];
  proposals::ProposalRecord rec;
  rec.committee_id = o_.committee_id;
  rec.session_id = session.id;
  rec.between_sessions = p.between_sessions;
  if (p.number) {
    rec.number = p.number;
    rec.number_label = proposals::number_label(session.term, session.number, p.number);
  }
  rec.kind = p.kind;
  rec.title = p.title;
  rec.situation = p.situation;
  rec.analysis = p.analysis;
  rec.suggestions = p.suggestions;
  rec.category = p.category;
  rec.keywords = p.keywords;
  rec.suggested_unit_ids = p.suggested_units;
  rec.proposer_user_id = *p.proposer.user_id;
  rec.proposer_member_id = p.member_id;
  rec.proposer_name = p.proposer.name;
  rec.group_type = p.group_type;
  rec.group_id = p.group_id;
  rec.consent_publish = p.consent;
  rec.consent_reason = p.consent_reason;
  rec.state = p.state;
  rec.version = p.version;
  if (p.merge_into >= 0) rec.merged_into_id = ids.at(static_cast<size_t>(p.merge_into));
  rec.decline_reason = p.decline_reason;
  rec.decline_conversion = p.decline_conversion;
  rec.review_comment = p.review_comment;
  rec.handling_type = p.handling_type;
  rec.round = p.round;
  rec.result_category = p.result_category;
  rec.satisfaction = p.satisfaction;
  rec.is_key = p.is_key;
  if (p.is_key) rec.key_leader_ids = Json::array({o_.zhuxi});
  rec.key_special_committee_id = p.key_special;
  rec.published = p.published;
  rec.follow_up = p.follow_up;
  rec.face_to_face = p.face_to_face;
  rec.due_at = p.due_at;
  rec.submitted_at = p.submitted_at;
  rec.filed_at = p.filed_at;
  rec.assigned_at = p.assigned_at;
  rec.replied_at = p.replied_at;
  rec.closed_at = p.closed_at;
  rec.published_at = p.published_at;
  rec.created_at = p.created_at;
  rec.updated_at = p.updated_at;
  for (const auto& x : p.cosigners)
    rec.cosigners.push_back({x.m.id, x.m.user_id, x.m.name, x.status, x.due_at, x.answered_at});
  rec.assignments.assign(p.assignments.begin(), p.assignments.end());
  rec.consultations = p.consultations;
  rec.replies = p.replies;
  rec.feedback = p.feedback;
  rec.extensions = p.extensions;
  rec.follow_ups = p.follow_ups;
  for (const auto& h : p.history)
    rec.history.push_back({clock::iso_at(h.at), h.actor.user_id, h.actor.name, h.actor.role, h.action, h.from, h.to,
                           h.payload, h.reply_ref, h.extension_ref, h.assignment_ref, h.merged_into});
  return proposals::write_record(c_, rec);
}

}  // namespace demo_proposals

SeededProposals seed_proposals(db::Connection& c, int64_t committee_id) {
  auto started = std::chrono::steady_clock::now();
  demo_proposals::Seeder seeder(c, demo_proposals::load_org(c, committee_id));
  SeededProposals out = seeder.run();
  std::string states;
  for (const auto& [s, n] : out.by_state) states += fmt::format("{}{} {}", states.empty() ? "" : ", ", s, n);
  double took = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  spdlog::info("demo proposals: {} in {:.2f} s ({})", out.total, took, states);
  return out;
}

}  // namespace sl::cli
