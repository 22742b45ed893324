// The `eddy streams` subcommands; see tail_command.h.
#include "cli/tail_command.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <map>
#include <optional>
#include <string>
#include <thread>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "cli/endpoint_option.h"
#include "cli/streams_client.h"

namespace eddy::cli {
namespace {

constexpr const char* kUsage =
    "usage: eddy streams tail TABLE [--endpoint URL | --port PORT] [--from-start] [--max-records N]\n"
    "  Prints each stream record of TABLE as one JSON line, following shard rollovers.\n"
    "  --endpoint URL    eddy's address (default http://127.0.0.1:8000)\n"
    "  --port PORT       same as --endpoint http://127.0.0.1:PORT\n"
    "  --from-start      start at the oldest retained record instead of new records only\n"
    "  --max-records N   exit after printing N records\n";

struct TailOptions {
  std::string table;
  std::string host = "127.0.0.1";
  std::string port = "8000";
  bool from_start = false;
  long max_records = -1;
};

struct ShardState {
  std::string parent;
  std::optional<std::string> iterator;
  const char* start_type = "TRIM_HORIZON";
  bool finished = false;
};

std::string quoted(const std::string& text) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
  w.String(text.data(), static_cast<rapidjson::SizeType>(text.size()));
  return std::string(buffer.GetString(), buffer.GetSize());
}

class Tail {
 public:
  Tail(TailOptions options) : options_(std::move(options)), client_(options_.host, options_.port) {}

  int run() {
    std::string error;
    while (true) {
      if (!discover(error)) {
        std::cerr << "eddy streams tail: " << error << "\n";
        return 1;
      }
      auto until = std::chrono::steady_clock::now() + std::chrono::seconds(1);
      while (std::chrono::steady_clock::now() < until) {
        long printed = 0;
        if (!read_shards(printed, error)) {
          std::cerr << "eddy streams tail: " << error << "\n";
          return 1;
        }
        if (options_.max_records >= 0 && printed_ >= options_.max_records) return 0;
        if (printed == 0) std::this_thread::sleep_for(std::chrono::milliseconds(50));
      }
    }
  }

 private:
  // Finds the table's latest stream and any shard not seen before.
  bool discover(std::string& error) {
    JsonDocument table;
    if (!client_.call("DynamoDB_20120810.DescribeTable", "{\"TableName\":" + quoted(options_.table) + "}", table,
                      error)) {
      return false;
    }
    const auto& description = table["Table"];
    auto latest = description.FindMember("LatestStreamArn");
    if (latest == description.MemberEnd()) {
      error = "table " + options_.table + " has no stream (enable one with UpdateTable StreamSpecification)";
      return false;
    }
    std::string arn = latest->value.GetString();
    bool first = arn_.empty();
    if (arn != arn_) {
      arn_ = arn;
      shards_.clear();
    }
    std::string start;
    do {
      JsonDocument stream;
      std::string body =
          "{\"StreamArn\":" + quoted(arn_) + (start.empty() ? "" : ",\"ExclusiveStartShardId\":" + quoted(start)) + "}";
      if (!client_.call("DynamoDBStreams_20120810.DescribeStream", body, stream, error)) return false;
      const auto& desc = stream["StreamDescription"];
      for (const auto& shard : desc["Shards"].GetArray()) {
        std::string id = shard["ShardId"].GetString();
        if (shards_.count(id)) continue;
        ShardState state;
        if (shard.HasMember("ParentShardId")) state.parent = shard["ParentShardId"].GetString();
        bool closed = shard["SequenceNumberRange"].HasMember("EndingSequenceNumber");
        if (first && !options_.from_start) {
          state.finished = closed;
          state.start_type = "LATEST";
        }
        shards_[id] = state;
      }
      auto last = desc.FindMember("LastEvaluatedShardId");
      start = last != desc.MemberEnd() ? last->value.GetString() : "";
    } while (!start.empty());
    return true;
  }

  bool ready(const ShardState& state) const {
    if (state.finished) return false;
    auto parent = shards_.find(state.parent);
    return state.parent.empty() || parent == shards_.end() || parent->second.finished;
  }

  bool read_shards(long& printed, std::string& error) {
    for (auto& [id, state] : shards_) {
      if (!ready(state)) continue;
      if (!state.iterator) {
        JsonDocument answer;
        std::string body = "{\"StreamArn\":" + quoted(arn_) + ",\"ShardId\":" + quoted(id) +
                           ",\"ShardIteratorType\":\"" + state.start_type + "\"}";
        if (!client_.call("DynamoDBStreams_20120810.GetShardIterator", body, answer, error)) return false;
        state.iterator = answer["ShardIterator"].GetString();
      }
      JsonDocument page;
      if (!client_.call("DynamoDBStreams_20120810.GetRecords", "{\"ShardIterator\":" + quoted(*state.iterator) + "}",
                        page, error)) {
        return false;
      }
      for (const auto& record : page["Records"].GetArray()) {
        rapidjson::StringBuffer buffer;
        rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
        record.Accept(w);
        std::fwrite(buffer.GetString(), 1, buffer.GetSize(), stdout);
        std::fputc('\n', stdout);
        ++printed;
        if (options_.max_records >= 0 && ++printed_ >= options_.max_records) break;
      }
      std::fflush(stdout);
      if (options_.max_records >= 0 && printed_ >= options_.max_records) return true;
      auto next = page.FindMember("NextShardIterator");
      if (next == page.MemberEnd()) {
        state.finished = true;
      } else {
        state.iterator = next->value.GetString();
      }
    }
    return true;
  }

  TailOptions options_;
  StreamsClient client_;
  std::string arn_;
  std::map<std::string, ShardState> shards_;  // by ShardId (creation order)
  long printed_ = 0;
};

bool parse_tail(int argc, char** argv, TailOptions& options, std::string& error) {
  for (int i = 2; i < argc; ++i) {
    std::string arg = argv[i];
    auto value = [&](std::string& out) {
      if (i + 1 >= argc) return false;
      out = argv[++i];
      return true;
    };
    std::string text;
    if (read_endpoint_option(argc, argv, i, options.host, options.port, error)) {
      if (!error.empty()) return false;
    } else if (arg == "--from-start") {
      options.from_start = true;
    } else if (arg == "--max-records") {
      if (!value(text)) return error = "--max-records needs a value", false;
      char* end = nullptr;
      options.max_records = std::strtol(text.c_str(), &end, 10);  // no exception on "abc"
      if (end == text.c_str() || *end != '\0' || options.max_records < 0) return error = "bad --max-records", false;
    } else if (!arg.empty() && arg[0] != '-' && options.table.empty()) {
      options.table = arg;
    } else {
      return error = "unexpected argument " + arg, false;
    }
  }
  if (options.table.empty()) return error = "missing TABLE", false;
  return true;
}

}  // namespace

int run_streams_command(int argc, char** argv) {
  if (argc < 2 || std::string(argv[1]) != "tail") {
    std::cerr << kUsage;
    return argc >= 2 && (std::string(argv[1]) == "--help" || std::string(argv[1]) == "-h") ? 0 : 2;
  }
  TailOptions options;
  std::string error;
  try {
    if (!parse_tail(argc, argv, options, error)) {
      std::cerr << "eddy streams tail: " << error << "\n" << kUsage;
      return 2;
    }
  } catch (const std::exception&) {
    std::cerr << "eddy streams tail: bad number\n" << kUsage;
    return 2;
  }
  return Tail(std::move(options)).run();
}

}  // namespace eddy::cli
