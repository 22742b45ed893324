// The stream workloads: reading a stream of N records back with GetRecords (records/s), and the time
// from a PutItem's answer to its record reaching a consumer that polls LATEST iterators.
#include <atomic>
#include <thread>

#include "items.h"
#include "sync_client.h"
#include "workload.h"

namespace eddy::bench {
namespace {

using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;

std::string string_member(const rapidjson::Value& object, const char* name) {
  if (!object.IsObject() || !object.HasMember(name) || !object[name].IsString()) return "";
  return object[name].GetString();
}

std::string stream_arn(SyncClient& client, const std::string& table) {
  auto document = parse(client.call("DescribeTable", R"({"TableName":")" + table + R"("})").body);
  if (!document.IsObject() || !document.HasMember("Table")) return "";
  return string_member(document["Table"], "LatestStreamArn");
}

struct Shard {
  std::string id;
  bool open = false;
};

std::vector<Shard> shards_of(SyncClient& client, const std::string& arn) {
  std::vector<Shard> shards;
  std::string start;
  do {
    std::string body = R"({"StreamArn":")" + arn + "\"";
    if (!start.empty()) body += R"(,"ExclusiveStartShardId":")" + start + "\"";
    auto document = parse(client.call("DescribeStream", body + "}").body);
    if (!document.IsObject() || !document.HasMember("StreamDescription")) break;
    const auto& description = document["StreamDescription"];
    if (description.HasMember("Shards")) {
      for (const auto& shard : description["Shards"].GetArray()) {
        bool open = !shard["SequenceNumberRange"].HasMember("EndingSequenceNumber");
        shards.push_back({shard["ShardId"].GetString(), open});
      }
    }
    start = string_member(description, "LastEvaluatedShardId");
  } while (!start.empty());
  return shards;
}

std::string iterator_of(SyncClient& client, const std::string& arn, const std::string& shard, const char* type) {
  auto answer = client.call("GetShardIterator", R"({"StreamArn":")" + arn + R"(","ShardId":")" + shard +
                                                    R"(","ShardIteratorType":")" + type + R"("})");
  return string_member(parse(answer.body), "ShardIterator");
}

Report unavailable(const std::string& workload, const std::string& why) {
  Report report;
  report.workload = workload;
  report.available = false;
  report.note = why;
  return report;
}

// Reads one shard to its end (or to the caught-up point of an open shard); returns records read.
std::uint64_t read_shard(SyncClient& client, std::string iterator, std::vector<std::uint32_t>& latencies,
                         std::uint64_t& errors, Clock::time_point deadline) {
  std::uint64_t records = 0;
  while (!iterator.empty() && Clock::now() < deadline) {
    auto started = Clock::now();
    Answer answer = client.call("GetRecords", R"({"ShardIterator":")" + iterator + R"(","Limit":1000})");
    latencies.push_back(std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - started).count());
    if (!answer.ok()) return ++errors, records;
    auto document = parse(answer.body);
    std::size_t count = document.HasMember("Records") ? document["Records"].Size() : 0;
    records += count;
    iterator = string_member(document, "NextShardIterator");
    if (count == 0) break;
  }
  return records;
}

}  // namespace

Report run_get_records(const Settings& settings) {
  const std::string table = "bench_records";
  if (!ensure_table(settings, table, false, true)) return unavailable("getrecords", "table not created");
  SyncClient client(settings.endpoint);
  std::string arn = stream_arn(client, table);
  if (arn.empty()) return unavailable("getrecords", "no stream ARN in DescribeTable");
  preload(settings, table, settings.stream_records);
  std::vector<std::uint32_t> latencies;
  std::uint64_t errors = 0, records = 0;
  auto begin = Clock::now();
  auto deadline = begin + 60s;
  for (const Shard& shard : shards_of(client, arn)) {
    records += read_shard(client, iterator_of(client, arn, shard.id, "TRIM_HORIZON"), latencies, errors, deadline);
  }
  double seconds = std::chrono::duration<double>(Clock::now() - begin).count();
  Report report;
  report.workload = "getrecords";
  report.rate = records / seconds;
  report.rate_unit = "records/s";
  report.requests = latencies.size();
  report.errors = errors + (records < settings.stream_records ? 1 : 0);
  report.p50_ms = percentile_ms(latencies, 0.5);
  report.p99_ms = percentile_ms(latencies, 0.99);
  report.note = std::to_string(records) + " of " + std::to_string(settings.stream_records) + " records in " +
                std::to_string(latencies.size()) + " GetRecords calls";
  return report;
}

Report run_stream_latency(const Settings& settings) {
  const std::string table = "bench_latency";
  if (!ensure_table(settings, table, false, true)) return unavailable("stream_latency", "table not created");
  SyncClient client(settings.endpoint);
  std::string arn = stream_arn(client, table);
  if (arn.empty()) return unavailable("stream_latency", "no stream ARN in DescribeTable");
  std::vector<std::string> iterators;
  for (const Shard& shard : shards_of(client, arn)) {
    if (shard.open) iterators.push_back(iterator_of(client, arn, shard.id, "LATEST"));
  }
  std::size_t samples = settings.latency_samples;
  std::vector<std::atomic<std::int64_t>> acked(samples), seen(samples);
  std::atomic<bool> stop{false};
  std::thread consumer([&] {
    SyncClient poller(settings.endpoint);
    while (!stop) {
      for (auto& iterator : iterators) {
        if (iterator.empty()) continue;
        auto document = parse(poller.call("GetRecords", R"({"ShardIterator":")" + iterator + R"("})").body);
        auto now = Clock::now().time_since_epoch().count();
        if (!document.IsObject()) continue;
        iterator = string_member(document, "NextShardIterator");
        if (!document.HasMember("Records")) continue;
        for (const auto& record : document["Records"].GetArray()) {
          std::string key = record["dynamodb"]["Keys"]["pk"]["S"].GetString();
          std::size_t index = std::stoul(key.substr(3));
          if (index < samples && seen[index] == 0) seen[index] = now;
        }
      }
    }
  });
  for (std::size_t i = 0; i < samples; ++i) {
    client.call("PutItem", R"({"TableName":")" + table + R"(","Item":)" + item_json("lat" + std::to_string(i)) + "}");
    acked[i] = Clock::now().time_since_epoch().count();
    std::this_thread::sleep_for(5ms);
  }
  auto wait_until = Clock::now() + 3s;
  auto all_seen = [&] {
    for (auto& s : seen) if (s == 0) return false;
    return true;
  };
  while (!all_seen() && Clock::now() < wait_until) std::this_thread::sleep_for(10ms);
  stop = true;
  consumer.join();
  std::vector<std::uint32_t> latencies;
  std::uint64_t missing = 0;
  for (std::size_t i = 0; i < samples; ++i) {
    if (seen[i] == 0) { ++missing; continue; }
    auto nanos = std::max<std::int64_t>(0, seen[i] - acked[i]);
    latencies.push_back(static_cast<std::uint32_t>(nanos / 1000));
  }
  Report report;
  report.workload = "stream_latency";
  report.rate_unit = "-";
  report.requests = samples;
  report.errors = missing;
  report.p50_ms = percentile_ms(latencies, 0.5);
  report.p99_ms = percentile_ms(latencies, 0.99);
  report.note = "PutItem answer -> record at a LATEST poller; " + std::to_string(missing) + " never seen";
  return report;
}

}  // namespace eddy::bench
