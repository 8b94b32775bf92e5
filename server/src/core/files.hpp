#pragma once
// Uploaded files as every module keeps them: the kind judged by the first bytes (never by the
// name alone) among the kinds a committee's records take, and base64 for storing them in the
// database (libsodium).

#include <string>
#include <string_view>

namespace sl::files {

struct FileKind {
  const char* content_type;  // "application/pdf"
  const char* extension;     // "pdf": the name of a file given none
  bool image;                // PNG, JPEG
  bool document;             // PDF, Word
};

/// The kind of `bytes` (PDF, Word .docx and .doc, PNG, JPEG); nullptr for any other.
const FileKind* sniff(std::string_view bytes);

std::string to_base64(std::string_view bytes);
/// Throws std::runtime_error when `text` is not base64.
std::string from_base64(std::string_view text);

}  // namespace sl::files
