// The meeting sign-in code (modules/meetings/sign_in_code.hpp): it turns every 30 seconds, the
// current and the previous window are accepted, older ones are expired, and a code names its
// meeting (another meeting's code, and a code under another meeting's secret, are refused).

#include <gtest/gtest.h>

#include "modules/meetings/sign_in_code.hpp"

using namespace sl::meetings;

namespace {
const std::string kSecret = "0123456789abcdef0123456789abcdef";
}

TEST(MeetingsSignIn, WindowsAreThirtySeconds) {
  EXPECT_EQ(window_of(0), 0);
  EXPECT_EQ(window_of(29), 0);
  EXPECT_EQ(window_of(30), 1);
  EXPECT_EQ(window_of(1'800'000'015), 60'000'000);
}

TEST(MeetingsSignIn, TokenNamesMeetingAndWindowAndRotates) {
  const int64_t now = 1'800'000'000;
  std::string a = sign_in_token(kSecret, 12, window_of(now));
  EXPECT_EQ(a.rfind("12." + std::to_string(window_of(now)) + ".", 0), 0u);
  EXPECT_EQ(a.size(), std::string("12.60000000.").size() + 10);
  EXPECT_EQ(a, sign_in_token(kSecret, 12, window_of(now + 29)));  // same window
  EXPECT_NE(a, sign_in_token(kSecret, 12, window_of(now + 30)));  // turned
  EXPECT_NE(a, sign_in_token(kSecret, 13, window_of(now)));       // another meeting
  EXPECT_NE(a, sign_in_token("another secret", 12, window_of(now)));
  EXPECT_EQ(token_meeting(a), 12);
  EXPECT_EQ(token_meeting("junk"), std::nullopt);
}

TEST(MeetingsSignIn, CurrentAndPreviousWindowAccepted) {
  const int64_t issued = 1'800'000'000;  // the start of a window
  std::string t = sign_in_token(kSecret, 7, window_of(issued));
  EXPECT_EQ(check_sign_in_token(t, kSecret, 7, issued), TokenCheck::valid);
  EXPECT_EQ(check_sign_in_token(t, kSecret, 7, issued + 29), TokenCheck::valid);
  EXPECT_EQ(check_sign_in_token(t, kSecret, 7, issued + 59), TokenCheck::valid);  // the previous window
  EXPECT_EQ(check_sign_in_token(t, kSecret, 7, issued + 60), TokenCheck::expired);
  EXPECT_EQ(check_sign_in_token(t, kSecret, 7, issued + 3600), TokenCheck::expired);
  EXPECT_EQ(check_sign_in_token(t, kSecret, 7, issued - 30), TokenCheck::expired);  // a future code
}

TEST(MeetingsSignIn, BoundToItsMeeting) {
  const int64_t now = 1'800'000'000;
  std::string other = sign_in_token(kSecret, 8, window_of(now));
  EXPECT_EQ(check_sign_in_token(other, kSecret, 7, now), TokenCheck::other_meeting);
  // The same shape with meeting 7's id but meeting 8's MAC (or another secret's) is forged.
  std::string forged = "7" + other.substr(1);
  EXPECT_EQ(check_sign_in_token(forged, kSecret, 7, now), TokenCheck::malformed);
  EXPECT_EQ(check_sign_in_token(sign_in_token("x", 7, window_of(now)), kSecret, 7, now), TokenCheck::malformed);
}

TEST(MeetingsSignIn, MalformedCodes) {
  const int64_t now = 1'800'000'000;
  for (const char* bad : {"", "7", "7.", "7.1", "7.1.", "7.1.0123", "a.1.0123456789", "7.-1.0123456789",
                          "7.1.0123456789ab", "99999999999999999999.1.0123456789"})
    EXPECT_EQ(check_sign_in_token(bad, kSecret, 7, now), TokenCheck::malformed) << bad;
}
