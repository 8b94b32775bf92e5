#pragma once
// The audit log's list: its filters read from the query string (checked, a bad one refused with
// 400) and the names of the records the rows speak of.

#include <string>
#include <vector>

#include "core/db/database.hpp"
#include "core/errors.hpp"

namespace sl::http {
struct Request;
}

namespace sl::audit_module {

/// The WHERE condition (with its parameters) of the committee's log under the request's filters:
/// `actor` (a user id), `action` (one action "proposal.submit"; otherwise every action that
/// begins with it: a kind "proposal." or a prefix "catalogue"), `subject_type`, `subject_id`, `subject` (a proposal's
/// number or words of its title), `from` and `to` (dates, both ends included) and the keyword `q` (actor or action).
struct Filter {
  std::string where;
  std::vector<db::Value> params;
};
Filter read_filter(const http::Request& req, int64_t committee_id, const std::string& keyword);

/// What each (subject_type, subject_id) of `items` is called: a proposal by its number
/// ("十四届五次会议 第0082号", or its title before it has one), other records by their name, a
/// calendar day by its date; a deleted record by the name its last audit entry kept. Sets
/// `subject_label` (null when unknown) and, for proposals, `subject_title`.
void add_subject_labels(db::Connection& c, int64_t committee_id, Json& items);

}  // namespace sl::audit_module
