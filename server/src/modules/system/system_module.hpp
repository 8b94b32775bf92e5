#pragma once
namespace sl {
class App;
/// /healthz, /metrics, /api/v1/openapi.json, and (only with SHANGLIANG_TEST_ROUTES=1) test hooks.
void register_system(App& app);
}  // namespace sl
