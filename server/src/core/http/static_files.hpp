#pragma once
// The built front end (web/dist), loaded into memory at start with a gzip copy of each text
// file. Hashed assets (under assets/) are cached for a year; index.html is never cached, and
// is the answer for any client-side route.

#include <map>
#include <optional>
#include <string>

namespace sl::http {

struct StaticFile {
  std::string content_type;
  std::string body;
  std::string gzip;  // empty when not worth compressing
  std::string cache_control;
  std::string etag;
};

class StaticFiles {
 public:
  /// Loads every file under `root`; a missing root leaves the set empty (API-only server).
  explicit StaticFiles(const std::string& root);
  /// The file for URL `path`, or index.html for an extension-less client route; nullptr when neither exists.
  const StaticFile* find(const std::string& path) const;
  size_t size() const { return files_.size(); }

 private:
  std::map<std::string, StaticFile> files_;
};

/// gzip-compresses `data` (level 6).
std::string gzip_compress(const std::string& data);
/// True when `content_type` is text-like and worth compressing.
bool compressible(const std::string& content_type);

}  // namespace sl::http
