#include "core/files.hpp"

#include <sodium.h>

#include <cstring>
#include <stdexcept>

namespace sl::files {

const FileKind* sniff(std::string_view bytes) {
  static const FileKind kPdf{"application/pdf", "pdf", false, true};
  static const FileKind kDocx{"application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx", false,
                              true};
  static const FileKind kDoc{"application/msword", "doc", false, true};
  static const FileKind kPng{"image/png", "png", true, false};
  static const FileKind kJpeg{"image/jpeg", "jpg", true, false};
  auto starts = [&](std::string_view magic) { return bytes.substr(0, magic.size()) == magic; };
  if (starts("%PDF-")) return &kPdf;
  if (starts("\x89PNG\r\n\x1a\n")) return &kPng;
  if (starts("\xFF\xD8\xFF")) return &kJpeg;
  if (starts(std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8))) return &kDoc;
  if (starts("PK\x03\x04") && bytes.find("word/") != std::string_view::npos) return &kDocx;
  return nullptr;
}

std::string to_base64(std::string_view in) {
  std::string out(sodium_base64_encoded_len(in.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(in.data()), in.size(),
                    sodium_base64_VARIANT_ORIGINAL);
  out.resize(std::strlen(out.c_str()));
  return out;
}

std::string from_base64(std::string_view in) {
  std::string out(in.size(), '\0');
  size_t len = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), in.data(), in.size(), nullptr, &len,
                        nullptr, sodium_base64_VARIANT_ORIGINAL) != 0)
    throw std::runtime_error("a stored file is not valid base64");
  out.resize(len);
  return out;
}

}  // namespace sl::files
