// The --endpoint / --port option shared by the client subcommands.
#include "cli/endpoint_option.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace eddy::cli {
namespace {

struct Parsed {
  bool matched = false;
  int next = 0;
  std::string host = "127.0.0.1";
  std::string port = "8000";
  std::string error;
};

Parsed read(std::vector<std::string> words) {
  std::vector<char*> argv;
  argv.reserve(words.size());
  for (auto& word : words) argv.push_back(word.data());
  Parsed parsed;
  int i = 0;
  parsed.matched =
      read_endpoint_option(static_cast<int>(argv.size()), argv.data(), i, parsed.host, parsed.port, parsed.error);
  parsed.next = i;
  return parsed;
}

TEST(EndpointOption, ReadsAUrlWithSchemeAndPath) {
  Parsed parsed = read({"--endpoint", "http://example.test:8123/"});
  EXPECT_TRUE(parsed.matched);
  EXPECT_EQ(parsed.error, "");
  EXPECT_EQ(parsed.host, "example.test");
  EXPECT_EQ(parsed.port, "8123");
  EXPECT_EQ(parsed.next, 1);
}

TEST(EndpointOption, LocalhostAndBracketedAddressesBecomeNumeric) {
  EXPECT_EQ(read({"--endpoint", "localhost:9000"}).host, "127.0.0.1");
  Parsed v6 = read({"--endpoint", "http://[::1]:9001"});
  EXPECT_EQ(v6.host, "::1");
  EXPECT_EQ(v6.port, "9001");
}

TEST(EndpointOption, PortAloneKeepsTheHost) {
  Parsed parsed = read({"--port", "8555"});
  EXPECT_TRUE(parsed.matched);
  EXPECT_EQ(parsed.host, "127.0.0.1");
  EXPECT_EQ(parsed.port, "8555");
}

TEST(EndpointOption, BadValuesAreNamed) {
  EXPECT_EQ(read({"--endpoint"}).error, "--endpoint needs a value");
  EXPECT_EQ(read({"--endpoint", "no-port"}).error, "bad --endpoint no-port");
  EXPECT_EQ(read({"--port", "0"}).error, "bad port 0");
  EXPECT_EQ(read({"--port", "65536"}).error, "bad port 65536");
  EXPECT_EQ(read({"--port", "80a"}).error, "bad port 80a");
}

TEST(EndpointOption, OtherArgumentsAreLeftAlone) {
  Parsed parsed = read({"--table", "t"});
  EXPECT_FALSE(parsed.matched);
  EXPECT_EQ(parsed.error, "");
  EXPECT_EQ(parsed.next, 0);
}

}  // namespace
}  // namespace eddy::cli
