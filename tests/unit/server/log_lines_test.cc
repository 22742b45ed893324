// The pieces of eddy's log lines: an event's text and JSON forms, the JSON formatter's lines (for
// plain messages and for events), the tables a request names, and the banner's endpoint.
#include <sstream>

#include <gtest/gtest.h>
#include <spdlog/logger.h>
#include <spdlog/sinks/ostream_sink.h>

#include "protocol/json.h"
#include "server/json_log_formatter.h"
#include "server/log_event.h"
#include "server/log_format.h"
#include "server/request_log.h"
#include "server/start_banner.h"

namespace eddy::server {
namespace {

TEST(LogEvent, TextIsMessageThenKeyValuePairs) {
  LogEvent event("request");
  event.add("operation", "PutItem").add("status", std::int64_t{200}).add("ok", true).add_null("data_dir");
  EXPECT_EQ(event.text(), "request operation=PutItem status=200 ok=true data_dir=null");
}

TEST(LogEvent, TextQuotesValuesThatWouldNotReadBack) {
  LogEvent event("start");
  event.add("folder", "/my data").add("empty", "").add("quote", "a\"b");
  EXPECT_EQ(event.text(), R"(start folder="/my data" empty="" quote="a\"b")");
}

TEST(LogEvent, JsonMembersAreEscaped) {
  LogEvent event("line\nbreak");
  event.add("table", "T\x01").add("micros", std::int64_t{-5}).add("in_memory", false);
  EXPECT_EQ(event.json_members(), R"("message":"line\nbreak","table":"T\u0001","micros":-5,"in_memory":false)");
}

// Writes one line through a logger named `name` whose sink formats with JsonLogFormatter.
std::string json_line(const std::string& name, spdlog::level::level_enum level, std::string_view payload) {
  std::ostringstream out;
  auto sink = std::make_shared<spdlog::sinks::ostream_sink_mt>(out);
  spdlog::logger logger(name, sink);
  logger.set_formatter(std::make_unique<JsonLogFormatter>());
  logger.set_level(spdlog::level::trace);
  logger.log(level, spdlog::string_view_t(payload.data(), payload.size()));
  return out.str();
}

TEST(JsonLogFormatter, PlainMessageBecomesTheMessageMember) {
  std::string line = json_line("", spdlog::level::warn, "disk \"full\"");
  ASSERT_EQ(line.back(), '\n');
  JsonDocument document;
  document.Parse(line.data(), line.size() - 1);
  ASSERT_FALSE(document.HasParseError()) << line;
  EXPECT_STREQ(document["level"].GetString(), "warning");
  EXPECT_STREQ(document["message"].GetString(), "disk \"full\"");
  std::string time = document["time"].GetString();
  EXPECT_EQ(time.size(), 24u) << time;  // 2026-01-01T12:00:00.000Z
  EXPECT_EQ(time[10], 'T');
  EXPECT_EQ(time.back(), 'Z');
  EXPECT_EQ(document.MemberCount(), 3u);
}

TEST(JsonLogFormatter, EventPayloadIsSpliced) {
  LogEvent event("request");
  event.add("operation", "Query").add("status", std::int64_t{400});
  std::string line = json_line(std::string(kEventLoggerName), spdlog::level::debug, event.json_members());
  JsonDocument document;
  document.Parse(line.data(), line.size() - 1);
  ASSERT_FALSE(document.HasParseError()) << line;
  EXPECT_STREQ(document["level"].GetString(), "debug");
  EXPECT_STREQ(document["message"].GetString(), "request");
  EXPECT_STREQ(document["operation"].GetString(), "Query");
  EXPECT_EQ(document["status"].GetInt(), 400);
}

TEST(LogFormat, ParsesItsTwoNames) {
  EXPECT_EQ(parse_log_format("text"), LogFormat::kText);
  EXPECT_EQ(parse_log_format("json"), LogFormat::kJson);
  EXPECT_EQ(parse_log_format("JSON"), std::nullopt);
  EXPECT_EQ(parse_log_format(""), std::nullopt);
}

std::string tables(const char* request) {
  JsonDocument document;
  document.Parse(request);
  return tables_named_in(document);
}

TEST(RequestLog, TablesNamedInEachKindOfRequest) {
  EXPECT_EQ(tables(R"({"TableName":"Music","Key":{}})"), "Music");
  EXPECT_EQ(
      tables(R"({"StreamArn":"arn:aws:dynamodb:us-east-1:000000000000:table/Music/stream/2026-01-01T00:00:00.000"})"),
      "Music");
  EXPECT_EQ(tables(R"({"ResourceArn":"arn:aws:dynamodb:eu-west-1:000000000000:table/Books"})"), "Books");
  EXPECT_EQ(tables(R"({"RequestItems":{"A":[],"B":{}}})"), "A,B");
  EXPECT_EQ(tables(R"({"TransactItems":[{"Put":{"TableName":"A"}},{"ConditionCheck":{"TableName":"B"}},)"
                   R"({"Update":{"TableName":"A"}}]})"),
            "A,B");
  EXPECT_EQ(tables(R"({"ShardIterator":"opaque"})"), "-");
  EXPECT_EQ(tables(R"({})"), "-");
  EXPECT_EQ(tables(R"({"TableName":7,"TransactItems":[1,{"Put":"x"}]})"), "-");
}

TEST(StartBanner, EndpointUrlBracketsIpv6) {
  EXPECT_EQ(endpoint_url("127.0.0.1", 8000), "http://127.0.0.1:8000");
  EXPECT_EQ(endpoint_url("::1", 8001), "http://[::1]:8001");
  EXPECT_EQ(endpoint_url("localhost", 80), "http://localhost:80");
}

}  // namespace
}  // namespace eddy::server
