#pragma once
// 提案撰写参考目录 (the topic catalogue of a session): staff edit, order and publish its entries
// and export it as Word; parties and sectors claim key topics for collective proposals; the
// proposal editor checks a draft against topics claimed by other groups.

#include "core/app.hpp"

namespace sl {

void register_catalogue(App& app);

}  // namespace sl
