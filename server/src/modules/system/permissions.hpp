#pragma once
// The system module's rules, in one place: who may read the metrics.

#include "core/config.hpp"
#include "core/http/message.hpp"

namespace sl::system_module {

/// /metrics answers the loopback (a request that came straight from this machine: no proxy
/// header) or `Authorization: Bearer <[http] metrics_token>` when a token is set. A proxy on this
/// machine makes every request look local, hence the header check.
bool metrics_allowed(const Config& config, const http::Request& req);

}  // namespace sl::system_module
