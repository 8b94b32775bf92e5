#include <gtest/gtest.h>

#include "core/search/tokenizer.hpp"

namespace sl::search {
namespace {

std::vector<std::string> texts(const std::vector<Token>& tokens) {
  std::vector<std::string> out;
  for (const auto& t : tokens) out.push_back(t.text);
  return out;
}

TEST(Tokenizer, NormalisesWidthCaseAndTraditional) {
  EXPECT_EQ(normalize_utf8("５Ｇ基站ＡＢＣ"), "5g基站abc");
  EXPECT_EQ(normalize_utf8("養老服務"), "养老服务");
  EXPECT_EQ(normalize_utf8("電梯，停車！"), "电梯 停车");
  EXPECT_EQ(normalize("關於").size(), 2u);  // one code point for one
}

TEST(Tokenizer, HanBigramsAndLatinWords) {
  EXPECT_EQ(texts(tokenize("养老服务")), (std::vector<std::string>{"养老", "老服", "服务"}));
  EXPECT_EQ(texts(tokenize("水")), (std::vector<std::string>{"水"}));
  EXPECT_EQ(texts(tokenize("5G基站建设")), (std::vector<std::string>{"5g", "基", "基站", "站建", "建设"}));
  EXPECT_EQ(texts(tokenize("互联网5G")), (std::vector<std::string>{"互联", "联网", "网", "5g"}));
}

TEST(Tokenizer, SegmentsLeaveAPositionGap) {
  auto t = tokenize("养老，老人");
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[0].position, 1);
  EXPECT_EQ(t[1].position, 3);
  EXPECT_EQ(fts_tokens(t), "养老 " + kBreakToken + " 老人");
  EXPECT_EQ(tsvector_literal(t), "'养老':1 '老人':3");
  EXPECT_EQ(tsvector_literal(t, 1), "'养老':1A '老人':3");
}

TEST(Tokenizer, PrivateUseCharactersInTextAreSeparators) {
  EXPECT_EQ(normalize_utf8("a" + kBreakToken + "b"), "a b");
}

TEST(Tokenizer, QueryTermsPhrasesAndExclusions) {
  Query q = parse_query("养老 \"居家 服务\" -机构 水 5G");
  ASSERT_EQ(q.terms.size(), 5u);
  EXPECT_EQ(fts5_phrase(q.terms[0]), "\"养老\"");
  EXPECT_FALSE(q.terms[0].prefix_last);
  EXPECT_EQ(q.terms[1].raw, "居家 服务");
  EXPECT_EQ(fts5_phrase(q.terms[1]), "\"居家 " + kBreakToken + " 服务\"");
  EXPECT_EQ(tsquery_phrase(q.terms[1]), "('居家' <2> '服务')");
  EXPECT_TRUE(q.terms[2].exclude);
  EXPECT_TRUE(q.terms[3].is_short);
  EXPECT_TRUE(q.terms[4].prefix_last);
  EXPECT_EQ(tsquery_phrase(q.terms[4]), "'5g':*");
}

TEST(Tokenizer, NormalizedContainsReadsTheNormalisedTextOfItsParts) {
  // What collapse_separators(normalize(title + "\n" + body)) holds, search_docs.norm on the database.
  EXPECT_TRUE(normalized_contains({"冬季ＰＭ２.５浓度", "\n", "偏高"}, "pm2 5"));
  EXPECT_TRUE(normalized_contains({"關於養老", "\n", "服務"}, "养老 服务"));  // across the parts
  EXPECT_TRUE(normalized_contains({"a,,  b"}, "a b"));
  EXPECT_FALSE(normalized_contains({"PM2标准", "\n", "5个站点"}, "pm2 5"));
  EXPECT_FALSE(normalized_contains({"养老"}, "养老 "));  // trailing separators are not kept
  EXPECT_TRUE(normalized_contains({"  养老"}, "养老"));
  EXPECT_FALSE(normalized_contains({"", "\n", ""}, "a"));
}

TEST(Tokenizer, QueryEndingInOneHanCharacterAfterALatinWordIsAPhrase) {
  Query q = parse_query("5G网");
  ASSERT_EQ(q.terms.size(), 1u);
  EXPECT_FALSE(q.terms[0].prefix_last);
  EXPECT_EQ(fts5_phrase(q.terms[0]), "\"5g 网\"");
  EXPECT_EQ(tsquery_phrase(q.terms[0]), "('5g' <-> '网')");
  // The text "5G网络" has the tokens 5g, 网, 网络: the phrase 5g 网 matches it.
  EXPECT_EQ(texts(tokenize("5G网络")), (std::vector<std::string>{"5g", "网", "网络"}));
}

TEST(Tokenizer, QueryEndingInOneHanCharacterAfterASeparatorIsAPrefix) {
  Query q = parse_query("5G·网");
  ASSERT_EQ(q.terms.size(), 1u);
  EXPECT_TRUE(q.terms[0].prefix_last);
  EXPECT_EQ(fts5_phrase(q.terms[0]), "\"5g " + kBreakToken + " 网\" *");
  // The text "5G·网络" starts a segment at 网络, whose tokens do not include 网 alone.
  EXPECT_EQ(texts(tokenize("5G·网络")), (std::vector<std::string>{"5g", "网络"}));
}

TEST(Tokenizer, APrefixTermSpelledOutWithEachWordItMayEndIn) {
  Query q = parse_query("PM2.5 5G网 养老");
  ASSERT_EQ(q.terms.size(), 3u);
  EXPECT_TRUE(ascii_prefix(q.terms[0]));
  EXPECT_EQ(fts5_phrase_with_last(q.terms[0], "5g"), "\"pm2 " + kBreakToken + " 5g\"");
  EXPECT_EQ(fts5_phrase_head(q.terms[0]), "\"pm2\"");
  EXPECT_EQ(tsquery_phrase_with_last(q.terms[0], "5g"), "('pm2' <2> '5g')");
  EXPECT_EQ(tsquery_phrase_head(q.terms[0]), "'pm2'");
  EXPECT_FALSE(ascii_prefix(q.terms[1]));  // ends in a Han character: bigrams, not words
  EXPECT_FALSE(ascii_prefix(q.terms[2]));
  Query one = parse_query("12345");
  EXPECT_TRUE(ascii_prefix(one.terms[0]));
  EXPECT_EQ(fts5_phrase_head(one.terms[0]), "");
  EXPECT_EQ(fts5_phrase_with_last(one.terms[0], "123456"), "\"123456\"");
  EXPECT_EQ(tsquery_phrase_head(one.terms[0]), "");
  EXPECT_EQ(tsquery_phrase_with_last(one.terms[0], "123456"), "'123456'");
}

TEST(Tokenizer, TermKeysAreBigramsAndWords) {
  auto keys = term_keys("养老5G");
  ASSERT_EQ(keys.size(), 2u);
  EXPECT_EQ(term_text(keys[0]), "养老");
  EXPECT_TRUE(keys[1] >> 63);
  EXPECT_EQ(term_keys("養老"), term_keys("养老"));
}

TEST(Tokenizer, SnippetMarksEveryOccurrenceAndEscapes) {
  Query q = parse_query("養老");
  std::string s = snippet("社区<养老>服务，居家养老", q, 100);
  EXPECT_EQ(s, "社区&lt;<mark>养老</mark>&gt;服务，居家<mark>养老</mark>");
  std::string long_text(300, 'x');
  long_text += "养老";
  std::string cut = snippet(long_text, q, 40);
  EXPECT_NE(cut.find("<mark>养老</mark>"), std::string::npos);
  EXPECT_EQ(cut.rfind("…", 0), 0u);
  // A match that crosses the end of the window is kept whole.
  std::string edge = std::string(39, 'y') + "养老服务";
  EXPECT_NE(snippet(edge, q, 40).find("<mark>养老</mark>"), std::string::npos);
}

TEST(Tokenizer, InvalidUtf8BecomesReplacementCharacters) {
  EXPECT_EQ(normalize_utf8(std::string("a\xff\xfe"
                                       "b")),
            "a b");
}

}  // namespace
}  // namespace sl::search
