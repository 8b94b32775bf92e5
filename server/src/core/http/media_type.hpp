#pragma once
// Request bodies and their declared media types. A write whose body is JSON must say so
// (`Content-Type: application/json`, optionally with parameters such as charset): a browser
// form cannot send that type across sites without a CORS preflight, which the server never
// grants, so a page elsewhere cannot post a login (login CSRF) or any other write.

#include <string_view>

namespace sl::http {

/// True when `content_type` (a Content-Type header value) names `media_type` ("application/json"),
/// compared without case and ignoring parameters after ';'.
bool media_type_is(std::string_view content_type, std::string_view media_type);

}  // namespace sl::http
