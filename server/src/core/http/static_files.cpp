#include "core/http/static_files.hpp"

#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/auth/password.hpp"

namespace sl::http {

namespace {
std::string mime_of(const std::filesystem::path& p) {
  static const std::map<std::string, std::string> kTypes = {
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".ico", "image/x-icon"},
      {".woff2", "font/woff2"},
      {".woff", "font/woff"},
      {".ttf", "font/ttf"},
      {".txt", "text/plain; charset=utf-8"},
      {".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
      {".csv", "text/csv; charset=utf-8"},
      {".webmanifest", "application/manifest+json"},
  };
  auto it = kTypes.find(p.extension().string());
  return it == kTypes.end() ? "application/octet-stream" : it->second;
}
}  // namespace

bool compressible(const std::string& ct) {
  return ct.rfind("text/", 0) == 0 || ct.find("json") != std::string::npos || ct.find("svg") != std::string::npos ||
         ct.find("javascript") != std::string::npos;
}

std::string gzip_compress(const std::string& data) {
  z_stream zs{};
  if (deflateInit2(&zs, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) return {};
  std::string out;
  out.resize(deflateBound(&zs, data.size()) + 32);
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  int rc = deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return rc == Z_STREAM_END ? out : std::string();
}

StaticFiles::StaticFiles(const std::string& root) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(root, ec)) return;
  for (const auto& entry : fs::recursive_directory_iterator(root, ec)) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    StaticFile f;
    f.body = ss.str();
    f.content_type = mime_of(entry.path());
    if (compressible(f.content_type) && f.body.size() > 512) f.gzip = gzip_compress(f.body);
    std::string rel = "/" + fs::relative(entry.path(), root).generic_string();
    f.cache_control = rel.rfind("/assets/", 0) == 0 ? "public, max-age=31536000, immutable" : "no-cache";
    f.etag = "\"" + auth::sha256_hex(f.body).substr(0, 20) + "\"";
    files_[rel] = std::move(f);
  }
}

const StaticFile* StaticFiles::find(const std::string& path) const {
  auto it = files_.find(path);
  if (it != files_.end()) return &it->second;
  // Client routes (no file extension in the last segment) fall back to the app shell.
  auto slash = path.find_last_of('/');
  std::string last = slash == std::string::npos ? path : path.substr(slash + 1);
  if (last.find('.') != std::string::npos || path.rfind("/assets/", 0) == 0) return nullptr;
  auto idx = files_.find("/index.html");
  return idx == files_.end() ? nullptr : &idx->second;
}

}  // namespace sl::http
