// The stream workloads: reading a stream of N records back with GetRecords (records/s), and the time
// from a PutItem's answer to its record reaching a consumer that polls LATEST iterators.
#include <atomic>
#include <cstring>
#include <string_view>
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

// Where the value of member `name` starts in compact or spaced JSON: just past `"name"` and its
// colon, or npos. A quote inside a string value is always escaped, so `"name"` followed by a colon
// can only be a member name.
std::size_t member_value(std::string_view json, std::string_view name, std::size_t from = 0) {
  std::string quoted(name.size() + 2, '"');
  name.copy(quoted.data() + 1, name.size());
  while (from < json.size()) {
    const void* hit = memmem(json.data() + from, json.size() - from, quoted.data(), quoted.size());
    if (hit == nullptr) break;
    std::size_t next = static_cast<const char*>(hit) - json.data() + quoted.size();
    while (next < json.size() && (json[next] == ' ' || json[next] == '\n')) ++next;
    if (next < json.size() && json[next] == ':') return next + 1;
    from = next;
  }
  return std::string_view::npos;
}

// Counts the records of a GetRecords answer (one eventID each) and takes its NextShardIterator,
// without building a document: at 500 KB per answer a DOM parse costs the load generator more than
// the server spends producing it, and would measure the client instead of the server.
struct RecordsPage {
  std::size_t records = 0;
  std::string next_iterator;
};

RecordsPage scan_records_page(std::string_view json) {
  RecordsPage page;
  for (std::size_t at = member_value(json, "eventID"); at != std::string_view::npos;
       at = member_value(json, "eventID", at)) {
    ++page.records;
  }
  std::size_t next = member_value(json, "NextShardIterator");
  if (next != std::string_view::npos) {
    std::size_t open = json.find('"', next);
    std::size_t close = open == std::string_view::npos ? open : json.find('"', open + 1);
    if (close != std::string_view::npos) page.next_iterator = std::string(json.substr(open + 1, close - open - 1));
  }
  return page;
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
    RecordsPage page = scan_records_page(answer.body);
    records += page.records;
    iterator = std::move(page.next_iterator);
    if (page.records == 0) break;
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
  // One reader per shard, in parallel, as the Kinesis Client Library and Lambda read a stream. Each
  // reads its shard from TRIM_HORIZON to the end, again and again until the workload's time is up,
  // so that a run lasts long enough to be measured (and a JIT-compiled server gets warm).
  std::vector<Shard> shards = shards_of(client, arn);
  std::vector<std::vector<std::uint32_t>> shard_latencies(shards.size());
  std::vector<std::uint64_t> shard_errors(shards.size()), shard_records(shards.size()), first_pass(shards.size());
  std::vector<std::thread> readers;
  auto begin = Clock::now();
  auto deadline = begin + settings.duration;
  for (std::size_t i = 0; i < shards.size(); ++i) {
    readers.emplace_back([&, i] {
      SyncClient reader(settings.endpoint);
      for (int pass = 0; pass == 0 || Clock::now() < deadline; ++pass) {
        std::string iterator = iterator_of(reader, arn, shards[i].id, "TRIM_HORIZON");
        std::uint64_t read = read_shard(reader, iterator, shard_latencies[i], shard_errors[i], begin + 60s);
        if (pass == 0) first_pass[i] = read;
        shard_records[i] += read;
        if (shard_errors[i] > 0) break;
      }
    });
  }
  for (auto& reader : readers) reader.join();
  std::vector<std::uint32_t> latencies;
  std::uint64_t errors = 0, records = 0, one_pass = 0;
  for (std::size_t i = 0; i < shards.size(); ++i) {
    records += shard_records[i];
    errors += shard_errors[i];
    one_pass += first_pass[i];
    latencies.insert(latencies.end(), shard_latencies[i].begin(), shard_latencies[i].end());
  }
  double seconds = std::chrono::duration<double>(Clock::now() - begin).count();
  Report report;
  report.workload = "getrecords";
  report.rate = static_cast<double>(records) / seconds;
  report.rate_unit = "records/s";
  report.requests = latencies.size();
  report.errors = errors + (one_pass < settings.stream_records ? 1 : 0);
  report.p50_ms = percentile_ms(latencies, 0.5);
  report.p99_ms = percentile_ms(latencies, 0.99);
  report.note = std::to_string(one_pass) + " of " + std::to_string(settings.stream_records) +
                " records in one pass over " + std::to_string(shards.size()) + " shards; " + std::to_string(records) +
                " records in " + std::to_string(latencies.size()) + " GetRecords calls";
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
  // A PutItem that changes nothing writes no stream record (as on DynamoDB), so each run's items
  // differ from the previous run's on the same server (BENCH_SUSTAINED) by a run attribute.
  const std::string run = std::to_string(Clock::now().time_since_epoch().count());
  for (std::size_t i = 0; i < samples; ++i) {
    std::string item = item_json("lat" + std::to_string(i));
    item.insert(item.size() - 1, std::string(R"(,"run":{"N":")").append(run).append(R"("})"));
    client.call("PutItem",
                std::string(R"({"TableName":")").append(table).append(R"(","Item":)").append(item).append("}"));
    acked[i] = Clock::now().time_since_epoch().count();
    std::this_thread::sleep_for(5ms);
  }
  auto wait_until = Clock::now() + 3s;
  auto all_seen = [&] {
    for (auto& s : seen)
      if (s == 0) return false;
    return true;
  };
  while (!all_seen() && Clock::now() < wait_until) std::this_thread::sleep_for(10ms);
  stop = true;
  consumer.join();
  std::vector<std::uint32_t> latencies;
  std::uint64_t missing = 0;
  for (std::size_t i = 0; i < samples; ++i) {
    if (seen[i] == 0) {
      ++missing;
      continue;
    }
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
