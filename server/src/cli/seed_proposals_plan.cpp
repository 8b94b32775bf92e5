// The plan of the demo proposals (seed_proposals.hpp): which proposals exist in which states,
// who wrote them on what, and the script of workflow steps that leads each one to its state, with
// the steps' times. The Seeder (seed_proposals.cpp) then writes the text and runs the steps.

#include <algorithm>
#include <map>
#include <stdexcept>
#include <string>
#include <tuple>
#include <vector>

#include "cli/demo_texts.hpp"
#include "cli/seed_proposals_internal.hpp"

namespace sl::cli::demo_proposals {

using namespace demo_texts;

/// Which state a target implies having passed through (for stopping the script).
int depth(const std::string& s) {
  using proposals::State;
  static const std::vector<State> kOrder = {
      State::draft,       State::awaiting_cosign,   State::submitted,          State::filed,   State::assigned,
      State::in_handling, State::reply_unit_review, State::reply_cppcc_review, State::replied, State::feedback_received,
      State::closed};
  auto state = proposals::parse_state(s);
  if (!state) return 0;
  if (*state == State::second_handling) return 9;  // after the first feedback
  if (*state == State::returned || *state == State::not_filed || *state == State::merged) return 2;
  auto it = std::find(kOrder.begin(), kOrder.end(), *state);
  return it == kOrder.end() ? 0 : static_cast<int>(it - kOrder.begin());
}

// ---- who and what ----

std::vector<Spec> Seeder::make_specs() {
  using M = Mode;
  // Final states per (session, mode): the older session is mostly closed; the current one has
  // its plenary proposals mostly done and a pipeline of recent ones in every state.
  std::map<std::tuple<int, M, std::string>, int> want = {
      {{0, M::plenary, "closed"}, 119},
      {{0, M::plenary, "not_filed"}, 10},
      {{0, M::plenary, "merged"}, 8},
      {{1, M::plenary, "closed"}, 58},
      {{1, M::plenary, "not_filed"}, 8},
      {{1, M::plenary, "merged"}, 6},
      {{1, M::plenary, "feedback_received"}, 5},
      {{1, M::plenary, "in_handling"}, 6},
      {{1, M::recent, "draft"}, 8},
      {{1, M::recent, "awaiting_cosign"}, 4},
      {{1, M::recent, "submitted"}, 9},
      {{1, M::recent, "returned"}, 3},
      {{1, M::recent, "filed"}, 5},
      {{1, M::recent, "assigned"}, 7},
      {{1, M::recent, "in_handling"}, 9},
      {{1, M::recent, "reply_unit_review"}, 6},
      {{1, M::recent, "reply_cppcc_review"}, 4},
      {{1, M::recent, "replied"}, 8},
      {{1, M::recent, "feedback_received"}, 4},
      {{1, M::recent, "second_handling"}, 3},
      {{1, M::recent, "closed"}, 10},
      {{1, M::recent, "not_filed"}, 2},
      {{1, M::recent, "merged"}, 1},
  };
  const char* fgj = "区发展和改革局";
  const char* mzj = "区民政局";
  auto S = [](int session, M mode, const char* target) {
    Spec s;
    s.session = session;
    s.mode = mode;
    s.target = target;
    return s;
  };
  std::vector<Spec> forced;
  auto add = [&](Spec s, auto&&... tweak) {
    (tweak(s), ...);
    forced.push_back(s);
  };
  auto owner = [](Owner o) { return [o](Spec& s) { s.owner = o; }; };
  auto lead = [](const char* u) { return [u](Spec& s) { s.lead = u; }; };
  auto co = [](const char* u) { return [u](Spec& s) { s.co = u; }; };
  auto area = [](const char* a) { return [a](Spec& s) { s.area = a; }; };
  auto key = [](Spec& s) { s.key = true; };
  auto publish = [](Spec& s) { s.publish = true; };
  auto second = [](Spec& s) { s.second_round = true; };
  auto joint = [](Spec& s) { s.joint = true; };
  // The demo member 王敏 (13900000001): something in every corner of her workspace.
  add(S(1, M::recent, "draft"), owner(Owner::wangmin), area("养老服务"));
  add(S(1, M::recent, "replied"), owner(Owner::wangmin), lead(mzj));
  add(S(1, M::recent, "in_handling"), owner(Owner::wangmin), lead(fgj), joint);
  add(S(1, M::recent, "submitted"), owner(Owner::wangmin), area("教育"));
  add(S(1, M::plenary, "closed"), owner(Owner::wangmin), publish, area("养老服务"));
  add(S(1, M::plenary, "feedback_received"), owner(Owner::wangmin));
  add(S(0, M::plenary, "closed"), owner(Owner::wangmin), publish);
  add(S(0, M::plenary, "closed"), owner(Owner::wangmin), second);
  add(S(1, M::recent, "awaiting_cosign"), joint, [](Spec& s) { s.wangmin_pending = true; });
  // 民盟 collective proposals (contact: minmeng) and the economic committee's (jingji).
  add(S(1, M::recent, "draft"), owner(Owner::minmeng));
  add(S(1, M::recent, "submitted"), owner(Owner::minmeng));
  add(S(1, M::recent, "in_handling"), owner(Owner::minmeng), lead(mzj));
  add(S(1, M::recent, "replied"), owner(Owner::minmeng));
  add(S(1, M::plenary, "closed"), owner(Owner::minmeng), publish);
  add(S(1, M::plenary, "closed"), owner(Owner::minmeng));
  for (int i = 0; i < 4; ++i) add(S(0, M::plenary, "closed"), owner(Owner::minmeng));
  add(S(0, M::plenary, "closed"), owner(Owner::minmeng), key, publish);
  add(S(0, M::plenary, "closed"), owner(Owner::jingji), area("营商环境"));
  add(S(1, M::plenary, "closed"), owner(Owner::jingji), area("产业发展"));
  add(S(1, M::recent, "in_handling"), owner(Owner::jingji), lead(fgj));
  // The two demo units: something to sign, to handle, and a reply for the leader to approve.
  add(S(1, M::recent, "assigned"), lead(fgj));
  add(S(1, M::recent, "assigned"), lead(fgj), co(mzj));
  add(S(1, M::recent, "in_handling"), lead(fgj), co("区政务服务和大数据管理局"));
  add(S(1, M::recent, "reply_unit_review"), lead(fgj), key);
  add(S(1, M::recent, "reply_unit_review"), lead(fgj));
  add(S(1, M::recent, "reply_cppcc_review"), lead(fgj));
  add(S(1, M::plenary, "in_handling"), lead(fgj));
  add(S(1, M::recent, "assigned"), lead(mzj));
  add(S(1, M::recent, "assigned"), lead(mzj));
  add(S(1, M::recent, "in_handling"), lead(mzj));
  add(S(1, M::recent, "reply_unit_review"), lead(mzj));
  add(S(1, M::recent, "in_handling"), lead("区卫生健康局"), co(mzj));
  add(S(1, M::plenary, "in_handling"), lead(mzj));
  // 改办, a pending return request and a pending extension, for the staff's desk.
  add(S(1, M::recent, "assigned"), lead("区城市管理执法委员会"), [](Spec& s) { s.reassign = s.return_pending = true; });
  add(S(1, M::recent, "in_handling"), [](Spec& s) { s.reassign = true; });
  add(S(0, M::plenary, "closed"), [](Spec& s) { s.reassign = true; });
  add(S(1, M::recent, "in_handling"), [](Spec& s) { s.extension_pending = true; });
  // Key proposals led by the committee chair.
  for (int i = 0; i < 4; ++i) add(S(0, M::plenary, "closed"), key, [i](Spec& s) { s.publish = i < 2; });
  add(S(1, M::plenary, "closed"), key, publish);
  add(S(1, M::plenary, "in_handling"), key);
  add(S(1, M::recent, "in_handling"), key);
  add(S(1, M::recent, "replied"), key);
  add(S(1, M::recent, "filed"), key);

  for (const auto& s : forced) {
    auto& n = want[{s.session, s.mode, s.target}];
    if (n <= 0) throw std::logic_error("demo proposals: too many forced " + s.target);
    --n;
  }
  std::vector<Spec> out = forced;
  for (const auto& [k, n] : want)
    for (int i = 0; i < n; ++i) out.push_back(S(std::get<0>(k), std::get<1>(k), std::get<2>(k).c_str()));
  return out;
}

const Member& Seeder::random_member(Rng& r) {
  // A third of the proposals come from a core of active members; 王敏 (index 0) only where planned.
  if (r.chance(0.35)) return o_.members[1 + r.below(std::min<size_t>(40, o_.members.size() - 1))];
  return o_.members[1 + r.below(o_.members.size() - 1)];
}

void Seeder::choose(Plan& p) {
  Rng r(p.seed);
  const auto& all = areas();
  // Area and subject: forced unit → an area or subject that unit leads.
  std::vector<std::pair<int, int>> fits;
  for (size_t a = 0; a < all.size(); ++a)
    for (size_t s = 0; s < all[a].subjects.size(); ++s) {
      const char* l = all[a].subjects[s].lead ? all[a].subjects[s].lead : all[a].lead;
      if (p.spec.lead && std::string(l) != p.spec.lead) continue;
      if (p.spec.area && std::string(all[a].name) != p.spec.area) continue;
      if (p.spec.owner == Owner::jingji && std::string(all[a].category) != "经济建设") continue;
      fits.emplace_back(static_cast<int>(a), static_cast<int>(s));
    }
  if (fits.empty()) throw std::logic_error("demo proposals: no subject fits");
  // Spread the session's proposals over the subjects: take one of the least used.
  auto uses = [&](const std::pair<int, int>& f) { return subject_uses_[{p.spec.session, f.first, f.second}]; };
  int least = uses(*std::min_element(fits.begin(), fits.end(), [&](auto& x, auto& y) { return uses(x) < uses(y); }));
  std::erase_if(fits, [&](auto& f) { return uses(f) > least; });
  std::tie(p.area, p.subject) = r.pick(fits);
  subject_uses_[{p.spec.session, p.area, p.subject}]++;
  const Area& area = all[p.area];
  const Subject& subject = area.subjects[p.subject];
  p.category = area.category;
  p.keywords = subject.keywords;

  // Proposer.
  switch (p.spec.owner) {
    case Owner::wangmin:
      p.proposer = {o_.members[0].user_id, o_.members[0].name, "member"};
      p.member_id = o_.members[0].id;
      break;
    case Owner::minmeng:
      p.proposer = o_.minmeng;
      p.kind = "collective";
      p.group_type = "party";
      p.group_id = o_.minmeng_party;
      break;
    case Owner::jingji:
      p.proposer = o_.jingji;
      p.kind = "collective";
      p.group_type = "special_committee";
      p.group_id = o_.jingji_committee;
      break;
    case Owner::random: {
      const Member& m = random_member(r);
      p.proposer = {m.user_id, m.name, "member"};
      p.member_id = m.id;
    }
  }
  if (p.kind == "individual" && (p.spec.joint || p.spec.target == "awaiting_cosign" || r.chance(0.2))) {
    p.kind = "joint";
    int n = r.between(1, 4);
    std::vector<int64_t> taken = {p.member_id.value_or(0), o_.members[0].id};
    if (p.spec.wangmin_pending) {
      p.cosigners.push_back(CosignerRow{o_.members[0], "pending", {}, {}});
      n = std::max(n, 2);
    }
    while (static_cast<int>(p.cosigners.size()) < n) {
      const Member& m = random_member(r);
      if (std::find(taken.begin(), taken.end(), m.id) != taken.end()) continue;
      taken.push_back(m.id);
      p.cosigners.push_back(CosignerRow{m, "pending", {}, {}});
    }
  }
  if (r.chance(0.08)) {
    p.consent = false;
    p.consent_reason = r.pick(kConsentReasons);
  }

  // Units: the lead, sometimes co-units, rarely two leads (分办).
  const char* lead = p.spec.lead ? p.spec.lead : (subject.lead ? subject.lead : area.lead);
  p.units.emplace_back(lead, "lead");
  std::vector<std::string> others;
  for (const char* u : area.co)
    if (std::string(u) != lead) others.push_back(u);
  if (std::string(area.lead) != lead) others.push_back(area.lead);
  if (p.spec.co) {
    p.units.emplace_back(p.spec.co, "co");
  } else if (!p.spec.lead && r.chance(0.04)) {
    p.units.emplace_back(r.pick(others), "lead");
  } else if (r.chance(0.35)) {
    int n = r.chance(0.7) ? 1 : 2;
    while (static_cast<int>(p.units.size()) < 1 + n) {
      std::string u = r.pick(others);
      bool dup = std::any_of(p.units.begin(), p.units.end(), [&](const auto& x) { return x.first == u; });
      if (!dup) p.units.emplace_back(u, "co");
    }
  }
  int leads =
      static_cast<int>(std::count_if(p.units.begin(), p.units.end(), [](auto& x) { return x.second == "lead"; }));
  p.handling = p.units.size() == 1 ? "single" : leads > 1 ? "split" : "lead_co";
  if (p.spec.reassign) {
    // The first lead says it is not theirs; staff hand it to a more fitting unit.
    std::string to = area.lead != p.units[0].first ? std::string(area.lead) : r.pick(others);
    for (const auto& x : p.units)
      if (x.first == to) to = "区政务服务和大数据管理局";
    p.reassign_to = to;
  }
  if (r.chance(0.7)) {
    Json ids = Json::array();
    ids.push_back(o_.units.at(p.units[0].first).id);
    if (p.units.size() > 1 && r.chance(0.5)) ids.push_back(o_.units.at(p.units[1].first).id);
    p.suggested_units = ids;
  }
  auto result = [&r] {
    double x = r.uniform(0, 1);
    return std::string(x < 0.45 ? "A" : x < 0.85 ? "B" : "C");
  };
  for (int i = 0; i < 4; ++i) p.results.push_back(result());
  if (p.spec.target == "not_filed") {
    double x = r.uniform(0, 1);
    const auto& cases = decline_cases();
    p.decline_case = static_cast<int>(cases.size()) - 1;
    for (size_t i = 0; i < cases.size(); ++i) {
      if (x < cases[i].weight) {
        p.decline_case = static_cast<int>(i);
        break;
      }
      x -= cases[i].weight;
    }
  }
}

// ---- the steps ----

void Seeder::script(Plan& p) {
  Rng r(p.seed ^ 0xABCDEF);
  const Spec& s = p.spec;
  const std::string& target = s.target;
  bool plenary = s.mode == Mode::plenary;
  bool recent_handling = !plenary && (target == "in_handling" || target == "assigned");
  auto& st = p.steps;
  auto add = [&](Op op, int64_t gap, int arg = 0) { st.push_back({op, gap, arg}); };
  add(Op::create, 0);
  if (target == "draft") return;
  add(Op::submit, plenary ? days(r, 1, 10) : days(r, 0.3, 12));
  auto cosigns = [&](bool all) {
    for (size_t i = 0; i < p.cosigners.size(); ++i) {
      // Awaiting co-signature: 王敏 (if invited) and the last one invited have not answered yet.
      if (!all && (p.cosigners[i].m.id == o_.members[0].id || i + 1 == p.cosigners.size())) continue;
      add(Op::cosign, days(r, 0.05, 0.6), static_cast<int>(i));
    }
  };
  cosigns(target != "awaiting_cosign");
  if (target == "awaiting_cosign" || target == "submitted") return;
  int64_t review = plenary ? days(r, 12, 35) : days(r, 2, 12);
  bool returned = target == "returned" || (depth(target) >= 3 && r.chance(0.05));
  if (returned) {
    add(Op::return_for_revision, review);
    if (target == "returned") return;
    add(Op::edit, days(r, 2, 10));
    add(Op::submit, days(r, 0.02, 0.5));
    cosigns(true);
    review = days(r, 2, 8);
  }
  if (target == "not_filed") return add(Op::decline, review);
  if (target == "merged") return add(Op::merge, review);
  add(Op::file, review);
  if (s.key) add(Op::mark_key, days(r, 1, 10));
  if (target == "filed") return;
  add(Op::assign, plenary ? days(r, 5, 20) : days(r, 2, 10));
  // Signing: every unit signs in its own time; a unit that asks for a return may be replaced.
  std::vector<int> order;
  for (size_t i = 0; i < p.units.size(); ++i) order.push_back(static_cast<int>(i));
  for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[r.below(i)]);
  if (s.reassign) {
    add(Op::request_return, days(r, 0.3, 2.5), 0);
    if (s.return_pending) return;
    add(Op::reassign, days(r, 0.5, 2.5), 0);
    std::replace(order.begin(), order.end(), 0, static_cast<int>(p.units.size()));  // the new unit signs instead
  }
  if (target == "assigned") {
    for (int i : order)  // some co-units sign before the lead does
      if (i < static_cast<int>(p.units.size()) && p.units[i].second == "co" && r.chance(0.5))
        add(Op::sign, days(r, 0.2, 2), i);
    return;
  }
  for (int i : order) add(Op::sign, days(r, 0.1, recent_handling ? 2 : 4), i);
  auto lead_index = [&] { return s.reassign ? static_cast<int>(p.units.size()) : 0; };
  auto co_indices = [&] {
    std::vector<int> v;
    for (size_t i = 0; i < p.units.size(); ++i)
      if (p.units[i].second == "co") v.push_back(static_cast<int>(i));
    return v;
  };
  if (target == "in_handling") {
    if (plenary || r.chance(0.75))
      add(Op::record_consultation, recent_handling ? days(r, 5, 28) : days(r, 15, 50), lead_index());
    for (int i : co_indices())
      if (plenary || r.chance(0.5)) add(Op::send_opinion, recent_handling ? days(r, 2, 10) : days(r, 5, 20), i);
    if (plenary && r.chance(0.6)) {
      add(Op::request_extension, days(r, 15, 35));
      add(Op::grant_extension, days(r, 1, 5));
    }
    if (s.extension_pending) add(Op::request_extension, days(r, 2, 10));
    return;
  }
  add(Op::record_consultation, days(r, 7, 45), lead_index());
  for (int i : co_indices()) add(Op::send_opinion, days(r, 2, 20), i);
  if (r.chance(0.1)) {
    add(Op::request_extension, days(r, 10, 30));
    add(Op::grant_extension, days(r, 1, 5));
  }
  int reply = 0;
  add(Op::submit_reply, days(r, 5, 25), reply++);
  if (r.chance(0.04)) {
    add(Op::reject_reply, days(r, 1, 5));
    add(Op::submit_reply, days(r, 3, 10), reply++);
  }
  if (target == "reply_unit_review") return;
  add(Op::approve_reply, days(r, 0.5, 6));
  if (target == "reply_cppcc_review") return;
  if (r.chance(0.03)) {
    add(Op::send_back_reply, days(r, 1, 6));
    add(Op::submit_reply, days(r, 3, 10), reply++);
    add(Op::approve_reply, days(r, 0.5, 4));
  }
  add(Op::pass_reply, days(r, 1, 8));
  if (target == "replied") return;
  bool round2 = target == "second_handling" || s.second_round || (target == "closed" && r.chance(0.04));
  const int satisfied = 0, basic = 1, unsatisfied = 2;
  if (round2) {
    add(Op::feedback, days(r, 3, 25), unsatisfied);
    if (target == "second_handling") {
      if (r.chance(0.6)) add(Op::record_consultation, days(r, 5, 20), lead_index());
      return;
    }
    add(Op::record_consultation, days(r, 7, 30), lead_index());
    add(Op::submit_reply, days(r, 10, 40), std::min(reply++, 3));
    add(Op::approve_reply, days(r, 0.5, 6));
    add(Op::pass_reply, days(r, 1, 8));
    double x = r.uniform(0, 1);
    add(Op::feedback, days(r, 3, 20), x < 0.45 ? satisfied : x < 0.85 ? basic : unsatisfied);
  } else {
    add(Op::feedback, days(r, 3, 25), r.chance(0.72) ? satisfied : basic);
    for (size_t i = 0; i < p.cosigners.size(); ++i)
      if (r.chance(0.4)) add(Op::cosigner_feedback, days(r, 0.5, 8), static_cast<int>(i));
    if (target == "feedback_received") return;
    add(Op::close, days(r, 2, 20));
  }
  if (p.consent && (s.publish || (!s.key && r.chance(0.4)))) add(Op::publish, days(r, 5, 40));
}

/// Gives every step its time: plenary proposals start around the session, recent ones end
/// shortly before now; nothing lies in the future, and office work happens in office hours.
void Seeder::place_in_time(Plan& p) {
  Rng r(p.seed ^ 0x71E);
  const Session& sess = o_.sessions[p.spec.session];
  std::vector<int64_t> offset;
  int64_t total = 0;
  for (auto& s : p.steps) offset.push_back(total += s.gap);
  int64_t submit_offset = p.steps.size() > 1 ? offset[1] : 0;
  int64_t t0;
  int64_t latest = now_ - 600;
  if (p.spec.mode == Mode::plenary) {
    // Mostly submitted in the fortnight before and during the plenary; some of the older
    // session's came in between sessions.
    int64_t submit = p.spec.session == 0 && r.chance(0.15) ? sess.end + days(r, 40, 230)
                                                           : sess.start - days(r, 0, 12) + days(r, 0, 3.7);
    t0 = submit - submit_offset;
  } else {
    int64_t jitter = p.spec.target == "awaiting_cosign" ? days(r, 0.05, 0.3)
                     : p.spec.target == "assigned"      ? days(r, 0.1, 3)
                     : p.spec.target == "draft"         ? days(r, 0.5, 20)
                     : p.spec.target == "closed"        ? days(r, 1, 40)
                                                        : days(r, 0.3, 7);
    t0 = latest - total - jitter;
    t0 = std::max(t0, sess.end + kDay);
  }
  double scale = total > 0 && t0 + total > latest ? std::max(0.0, double(latest - t0) / double(total)) : 1.0;
  auto member_acts = [](Op op) {
    return op == Op::create || op == Op::submit || op == Op::edit || op == Op::cosign || op == Op::feedback ||
           op == Op::cosigner_feedback;
  };
  int64_t prev = 0;
  for (size_t i = 0; i < p.steps.size(); ++i) {
    int64_t t = t0 + static_cast<int64_t>(double(offset[i]) * scale);
    t = member_acts(p.steps[i].op) ? waking_time(t, r) : office_time(t, r);
    if (i > 0 && t <= prev) t = prev + r.between(120, 1800);
    p.steps[i].at = prev = t;
  }
  for (size_t i = p.steps.size(); i-- > 0;) {  // never in the future
    int64_t cap = i + 1 == p.steps.size() ? latest : p.steps[i + 1].at - 60;
    if (p.steps[i].at <= cap) continue;
    p.steps[i].at = member_acts(p.steps[i].op) ? cap - r.between(60, 3600) : office_time_before(cap, r);
  }
  p.created = p.steps.front().at;
  for (auto& s : p.steps)
    if (s.op == Op::file) p.file_at = s.at;
  int64_t submit_at = p.steps.size() > 1 ? p.steps[1].at : p.created;
  p.between_sessions = submit_at > sess.end || (p.spec.mode == Mode::recent);
}

/// A merged proposal joins an earlier filed one of the same session, preferably on the same
/// subject (its text is then rewritten to that subject).
void Seeder::pick_merge_targets() {
  std::map<int, int> chosen;  // target → merged into it so far
  for (size_t i = 0; i < plans_.size(); ++i) {
    Plan& p = plans_[i];
    if (p.spec.target != "merged") continue;
    int64_t merge_at = p.steps.back().at;
    int best = -1, best_score = -1000;
    for (size_t j = 0; j < i; ++j) {
      const Plan& t = plans_[j];
      if (t.spec.session != p.spec.session || t.file_at == 0 || t.file_at >= merge_at) continue;
      int score = (t.area == p.area ? 4 : 0) + (t.subject == p.subject && t.area == p.area ? 2 : 0) -
                  3 * chosen[static_cast<int>(j)];
      if (score > best_score) best = static_cast<int>(j), best_score = score;
    }
    if (best < 0) {  // nothing filed yet: merge into the first submitted one of the session
      for (size_t j = 0; j < i && best < 0; ++j)
        if (plans_[j].spec.session == p.spec.session && plans_[j].steps.size() > 1 &&
            plans_[j].steps[1].at < merge_at && depth(plans_[j].spec.target) >= 3)
          best = static_cast<int>(j);
    }
    if (best < 0) throw std::logic_error("demo proposals: no proposal to merge into");
    chosen[best]++;
    p.merge_into = best;
    adopt_subject(p, plans_[best]);
  }
}

/// `p` is written on the subject of `t` (area, category, keywords).
void Seeder::adopt_subject(Plan& p, const Plan& t) {
  p.area = t.area;
  p.subject = t.subject;
  p.category = areas()[p.area].category;
  p.keywords = areas()[p.area].subjects[p.subject].keywords;
}

/// A few possible duplicates on purpose, for the merge suggestions to find: in the current
/// session, a proposal still open to merging (submitted or filed) repeats the asks of an earlier
/// one of the same area that is, on a subject led by the same unit, so that nothing else of its
/// plan changes. Any other two proposals on one subject share one ask at most (write_text).
void Seeder::pick_duplicates() {
  constexpr int kPairs = 2;
  auto open = [](const Plan& p) {
    return p.spec.session == 1 && (p.spec.target == "submitted" || p.spec.target == "filed") && p.decline_case < 0;
  };
  auto lead_of = [](const Plan& p) {
    const Area& a = areas()[p.area];
    const char* l = a.subjects[p.subject].lead;
    return std::string(l ? l : a.lead);
  };
  std::vector<bool> used(plans_.size(), false);
  int made = 0;
  for (size_t i = 0; i < plans_.size() && made < kPairs; ++i) {
    if (!open(plans_[i]) || used[i]) continue;
    for (size_t j = 0; j < i; ++j) {
      if (!open(plans_[j]) || used[j] || plans_[j].area != plans_[i].area) continue;
      if (lead_of(plans_[j]) != lead_of(plans_[i])) continue;
      used[i] = used[j] = true;
      plans_[i].duplicate_of = static_cast<int>(j);
      adopt_subject(plans_[i], plans_[j]);
      ++made;
      break;
    }
  }
}

/// Gapless numbers per session in the order of filing, as the counter would have given them.
void Seeder::number() {
  for (int s = 0; s < 2; ++s) {
    std::vector<Plan*> filed;
    for (auto& p : plans_)
      if (p.spec.session == s && p.file_at) filed.push_back(&p);
    std::stable_sort(filed.begin(), filed.end(), [](Plan* a, Plan* b) { return a->file_at < b->file_at; });
    for (size_t i = 0; i < filed.size(); ++i) filed[i]->number = static_cast<int64_t>(i + 1);
    counters_[s] = static_cast<int64_t>(filed.size());
  }
}

}  // namespace sl::cli::demo_proposals
