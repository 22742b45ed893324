// Triggers over time, on an in-process eddy whose ManualClock the tests move: the batching window,
// retry backoff and MaximumRetryAttempts, MaximumRecordAgeInSeconds, and tumbling windows all read
// the server's clock, so nothing here waits for real time to pass. The functions are `exec:`
// commands from a mappings file (the only place that may name one): each appends the event it got
// as one line to a file, and answers or fails as the test says.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "in_process_server.h"
#include "stream_consumer.h"

namespace eddy::in_process {
namespace {

namespace fs = std::filesystem;

class Folder {
 public:
  Folder() {
    std::random_device random;
    path_ = fs::temp_directory_path() / ("eddy-trigger-time-" + std::to_string(random()) + std::to_string(random()));
    fs::create_directories(path_);
  }
  ~Folder() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

void write_file(const fs::path& path, const std::string& text) { std::ofstream(path) << text; }

std::vector<std::string> lines_of(const fs::path& path) {
  std::ifstream in(path);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) lines.push_back(line);
  }
  return lines;
}

// The first line of the on-failure record in folder `failed`; empty while there is none.
std::string failure_record(const fs::path& failed) {
  std::error_code ignored;
  if (!fs::exists(failed, ignored)) return "";
  for (const auto& entry : fs::directory_iterator(failed, ignored)) {
    if (entry.path().extension() != ".json") continue;
    std::vector<std::string> lines = lines_of(entry.path());
    if (!lines.empty()) return lines[0];
  }
  return "";
}

std::size_t records_in(const std::string& event) {
  JsonDocument document;
  document.Parse(event.data(), event.size());
  return document.IsObject() && document.HasMember("Records") ? document["Records"].Size() : 0;
}

// A mappings file of one mapping on table `table` whose function runs `command` (a shell command
// line; the event is on stdin), with `settings` (JSON members) added.
ServerOptions with_mapping(const Folder& folder, const std::string& table, const std::string& command,
                           const std::string& settings) {
  write_file(folder.path() / "function.sh", command);
  write_file(folder.path() / "mappings.json",
             R"([{"TableName":")" + table +
                 R"(","FunctionName":"exec:sh function.sh","StartingPosition":"TRIM_HORIZON")" +
                 (settings.empty() ? "" : "," + settings) + "}]");
  ServerOptions options;
  options.stream_shards = 1;
  options.event_source_mappings_file = (folder.path() / "mappings.json").string();
  return options;
}

// Appends the event to events.jsonl and answers `answer`, exiting with `status`.
std::string recording(const std::string& answer = "null", int status = 0) {
  return "cat >> events.jsonl\necho >> events.jsonl\necho '" + answer + "'\nexit " + std::to_string(status) + "\n";
}

TEST(TriggerTime, TheBatchingWindowGathersUntilTheClockPassesIt) {
  Folder folder;
  InProcessServer eddy(with_mapping(folder, "windowed", recording(), R"("MaximumBatchingWindowInSeconds":300)"));
  LoopbackClient client = eddy.connect();
  create_stream_table(client, "windowed");
  put_item(client, "windowed", "a", "1");
  put_item(client, "windowed", "b", "2");
  fs::path events = folder.path() / "events.jsonl";
  // Real time passes, the server's clock does not: the window stays open.
  EXPECT_FALSE(eventually([&] { return !lines_of(events).empty(); }, std::chrono::milliseconds(600)));
  eddy.clock().advance(299);
  put_item(client, "windowed", "c", "3");
  EXPECT_FALSE(eventually([&] { return !lines_of(events).empty(); }, std::chrono::milliseconds(300)));
  eddy.clock().advance(1);
  ASSERT_TRUE(eventually([&] { return lines_of(events).size() == 1; }));
  EXPECT_EQ(records_in(lines_of(events)[0]), 3u);
}

TEST(TriggerTime, RetriesBackOffOnTheClockThenGiveUpToTheDestination) {
  Folder folder;
  fs::path failed = folder.path() / "failed";
  InProcessServer eddy(
      with_mapping(folder, "failing", recording("{\"errorMessage\":\"no\"}", 1),
                   R"("MaximumRetryAttempts":2,"DestinationConfig":{"OnFailure":{"Destination":"file://)" +
                       failed.string() + R"("}})"));
  LoopbackClient client = eddy.connect();
  create_stream_table(client, "failing");
  put_item(client, "failing", "a", "1");
  fs::path events = folder.path() / "events.jsonl";
  ASSERT_TRUE(eventually([&] { return lines_of(events).size() == 1; }));
  // The first retry waits a second of the server's clock, the second two, each counted from the
  // start of the failed attempt.
  EXPECT_FALSE(eventually([&] { return lines_of(events).size() == 2; }, std::chrono::milliseconds(300)));
  eddy.clock().advance(1);
  ASSERT_TRUE(eventually([&] { return lines_of(events).size() == 2; }));
  eddy.clock().advance(1);
  EXPECT_FALSE(eventually([&] { return lines_of(events).size() == 3; }, std::chrono::milliseconds(300)));
  eddy.clock().advance(1);
  ASSERT_TRUE(eventually([&] { return lines_of(events).size() == 3; }));
  std::string record;
  // The destination's file may be seen before its line is written: wait for the whole record.
  ASSERT_TRUE(eventually([&] {
    record = failure_record(failed);
    return record.find("\"condition\"") != std::string::npos;
  }));
  EXPECT_NE(record.find(R"("condition":"RetryAttemptsExhausted","approximateInvokeCount":3)"), std::string::npos)
      << record;
}

TEST(TriggerTime, RecordsOlderThanMaximumRecordAgeAreGivenUpOn) {
  Folder folder;
  fs::path failed = folder.path() / "failed";
  InProcessServer eddy(
      with_mapping(folder, "aging", recording("null", 1),
                   R"("MaximumRecordAgeInSeconds":60,"DestinationConfig":{"OnFailure":{"Destination":"file://)" +
                       failed.string() + R"("}})"));
  LoopbackClient client = eddy.connect();
  create_stream_table(client, "aging");
  put_item(client, "aging", "old", "1");
  fs::path events = folder.path() / "events.jsonl";
  ASSERT_TRUE(eventually([&] { return lines_of(events).size() == 1; }));
  // The record's age is checked before each retry.
  eddy.clock().advance(61);
  std::string record;
  // The destination's file may be seen before its line is written: wait for the whole record.
  ASSERT_TRUE(eventually([&] {
    record = failure_record(failed);
    return record.find("\"condition\"") != std::string::npos;
  }));
  EXPECT_NE(record.find(R"("condition":"RecordAgeExceeded")"), std::string::npos) << record;
}

TEST(TriggerTime, ATumblingWindowEndsWithItsFinalInvocationWhenTheClockPassesIt) {
  Folder folder;
  InProcessServer eddy(
      with_mapping(folder, "tumbling", recording(R"({"state":{"seen":1}})"), R"("TumblingWindowInSeconds":60)"));
  LoopbackClient client = eddy.connect();
  create_stream_table(client, "tumbling");
  put_item(client, "tumbling", "a", "1");
  fs::path events = folder.path() / "events.jsonl";
  ASSERT_TRUE(eventually([&] { return lines_of(events).size() == 1; }));
  put_item(client, "tumbling", "b", "2");
  ASSERT_TRUE(eventually([&] { return lines_of(events).size() == 2; }));
  std::vector<std::string> lines = lines_of(events);
  EXPECT_NE(lines[0].find(R"("state":{},)"), std::string::npos) << lines[0];
  EXPECT_NE(lines[1].find(R"("state":{"seen":1},)"), std::string::npos) << lines[1];
  EXPECT_NE(lines[0].find(R"("window":{"start":"2026-01-01T00:00:00Z","end":"2026-01-01T00:01:00Z"})"),
            std::string::npos)
      << lines[0];
  EXPECT_NE(lines[1].find(R"("isFinalInvokeForWindow":false)"), std::string::npos);
  EXPECT_FALSE(eventually([&] { return lines_of(events).size() == 3; }, std::chrono::milliseconds(300)));
  eddy.clock().advance(60);
  ASSERT_TRUE(eventually([&] { return lines_of(events).size() == 3; }));
  std::string final_invoke = lines_of(events)[2];
  EXPECT_EQ(records_in(final_invoke), 0u);
  EXPECT_NE(final_invoke.find(R"("isFinalInvokeForWindow":true)"), std::string::npos) << final_invoke;
  EXPECT_NE(final_invoke.find(R"("state":{"seen":1},)"), std::string::npos) << final_invoke;
}

}  // namespace
}  // namespace eddy::in_process
