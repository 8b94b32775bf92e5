#pragma once
// UTF-8 encoding and decoding, shared by the tokenizer, the spreadsheet reader and importers.

#include <string>
#include <string_view>

namespace sl {

/// Appends code point `cp` to `out` as UTF-8 (U+FFFD for surrogates and out-of-range values).
void append_utf8(std::string& out, char32_t cp);
/// Decodes UTF-8; each invalid byte becomes U+FFFD.
std::u32string decode_utf8(std::string_view s);
/// True when `s` is well-formed UTF-8 (no overlong forms, surrogates or code points past U+10FFFF).
bool utf8_well_formed(std::string_view s);
/// Encodes code points as UTF-8.
std::string encode_utf8(std::u32string_view text);
/// `s` without leading and trailing ASCII spaces, tabs and line breaks (" \t\r\n"); other blanks,
/// such as the ideographic space U+3000, stay.
std::string trim_ascii(std::string_view s);
/// `text` with & < > " ' written as entities, for HTML and XML.
std::string escape_markup(std::string_view text);

}  // namespace sl
