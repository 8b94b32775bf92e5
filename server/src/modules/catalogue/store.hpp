#pragma once
// The catalogue's storage shared by its routes: the session a request means, the catalogue's
// state, the topic resource (data-described CRUD) and the claim groups of a group contact. Who
// may do what is in permissions.hpp.

#include <optional>
#include <string>
#include <vector>

#include "core/api/resource.hpp"

namespace sl::catalogue {

/// A session of the caller's committee.
struct SessionRef {
  int64_t id = 0;
  std::string name;
};
/// The session `requested` (404 when not in the committee), else the current one (400 when none).
SessionRef resolve_session(db::Connection& c, const Principal& p, std::optional<int64_t> requested);

/// The catalogue header of a session: state (draft/published), claim_until, published_at,
/// published_by_name, claims_open. A session without a row is a draft.
Json catalogue_header(db::Connection& c, int64_t committee_id, int64_t session_id);
/// Creates the session's catalogue row (a draft) if there is none.
void ensure_catalogue(db::Connection& c, int64_t committee_id, int64_t session_id);

/// The topic resource (/api/v1/catalogue/topics).
const api::ResourceSpec& topic_spec();
/// Every topic of `session_id` the caller may see, decorated, in catalogue order.
Json session_topics(db::Connection& c, const http::Request& req, int64_t session_id);

/// A party or sector a group contact acts for.
struct Group {
  std::string type;  // party | sector
  int64_t id = 0;
  std::string name;
};
/// The groups `p` may claim topics for (group_contact grants scoped to a party or sector).
std::vector<Group> claim_groups(db::Connection& c, const Principal& p);
Json group_json(const Group& g);

/// The groups of a catalogue's export: committee `committee_id`'s proposal categories in their
/// order, then any other category its `topics` carry (so that the export drops none).
std::vector<std::string> categories_of(db::Connection& c, int64_t committee_id, const Json& topics);

}  // namespace sl::catalogue
