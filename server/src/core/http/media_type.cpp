#include "core/http/media_type.hpp"

#include <cctype>

namespace sl::http {

bool media_type_is(std::string_view content_type, std::string_view media_type) {
  std::string_view essence = content_type.substr(0, content_type.find(';'));
  while (!essence.empty() && (essence.front() == ' ' || essence.front() == '\t')) essence.remove_prefix(1);
  while (!essence.empty() && (essence.back() == ' ' || essence.back() == '\t')) essence.remove_suffix(1);
  if (essence.size() != media_type.size()) return false;
  for (size_t i = 0; i < essence.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(essence[i])) != std::tolower(static_cast<unsigned char>(media_type[i])))
      return false;
  return true;
}

}  // namespace sl::http
