#pragma once
// The resource descriptions of the organisation model, shared by the routes and the importers.

#include "core/api/resource.hpp"

namespace sl::org {

api::ResourceSpec committee_spec();
api::ResourceSpec term_spec();
api::ResourceSpec session_spec();
api::ResourceSpec sector_spec();
api::ResourceSpec party_spec();
api::ResourceSpec special_committee_spec();
api::ResourceSpec unit_spec();
api::ResourceSpec member_spec(App& app);

}  // namespace sl::org
