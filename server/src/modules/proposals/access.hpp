#pragma once
// Who the caller is to one proposal (proposer, co-signer, staff, lead or co-unit, unit leader),
// and which proposals a caller may see at all (the data scope applied in every query).

#include <set>
#include <string>
#include <vector>

#include "core/auth/principal.hpp"
#include "core/db/database.hpp"
#include "modules/proposals/permissions.hpp"  // sees_all
#include "modules/proposals/workflow.hpp"

namespace sl::proposals {

/// The caller's relations to a proposal.
struct Relations {
  std::set<Actor> actors;
  std::vector<int64_t> lead_units;  // the caller's units that lead it (not reassigned away)
  std::vector<int64_t> co_units;    // the caller's units that co-handle it
  bool has(Actor a) const { return actors.count(a) > 0; }
};

/// Works out `p`'s relations to proposal `proposal_id` (whose proposer is `proposer_user_id`).
Relations relations_of(db::Connection& c, const Principal& p, int64_t proposal_id, int64_t proposer_user_id);

/// True when `user`, whose relations to a proposal are `rel`, handles it: proposal staff, its
/// lead or co-units, or those who see every proposal. Handlers see reply drafts and reply files
/// before they are released.
bool handles_proposal(const Relations& rel, const Principal& user);

/// A WHERE condition (on alias `p`) limiting proposals to those `user` may see; appends its
/// parameters to `params`. `alias` and `id_column` name another table with the proposal's id,
/// state, proposer_user_id, group_type, group_id and key_special_committee_id columns (search_docs).
/// With `lists_from`, the proposals the user cosigns or whose units handle them are read from that
/// connection and written into the condition as lists, for a database that lacks those tables (the
/// search replica).
std::string visibility_condition(const Principal& user, std::vector<db::Value>& params, const std::string& alias = "p",
                                 const std::string& id_column = "id", db::Connection* lists_from = nullptr);
/// `column IN (subquery)`, or with `lists_from` the subquery's ids read from there as a list.
std::string in_subquery(const std::string& column, const std::string& subquery, db::Connection* lists_from);

}  // namespace sl::proposals
