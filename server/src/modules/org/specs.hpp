#pragma once
// The resource descriptions of the organisation model, shared by the routes and the importers.

#include "core/api/resource.hpp"

namespace sl::org {

/// The part every org resource shares: its names, its path, tag "org" and who may do what.
api::ResourceSpec org_resource(std::string subject, std::string table, std::string path, std::string label,
                               std::function<void(const http::Request&, api::Operation)> authorize);

api::ResourceSpec committee_spec();
api::ResourceSpec term_spec();
api::ResourceSpec session_spec();
api::ResourceSpec sector_spec();
api::ResourceSpec party_spec();
api::ResourceSpec special_committee_spec();
api::ResourceSpec unit_spec();
api::ResourceSpec member_spec(App& app);

}  // namespace sl::org
