// Tables and preloading: the "load" workload creates every table the others use and fills the
// preloaded ones with BatchWriteItem, itself measured (items/s) since a test suite's fixtures do this.
#include <thread>

#include "items.h"
#include "sync_client.h"
#include "workload.h"

namespace eddy::bench {
namespace {

using namespace std::chrono_literals;

// Sends BatchWriteItems of 25 from a shared counter until `total` items are written.
class PreloadSource : public CallSource {
 public:
  PreloadSource(std::string table, std::uint64_t total, std::atomic<std::uint64_t>& next)
      : table_(std::move(table)), total_(total), next_(next) {}
  std::optional<Call> next(std::uint64_t) override {
    std::uint64_t first = next_.fetch_add(25);
    if (first >= total_) return std::nullopt;
    return Call{"DynamoDB_20120810.BatchWriteItem",
                batch_put_json(table_, first, std::min<std::uint64_t>(25, total_ - first), "")};
  }

 private:
  std::string table_;
  std::uint64_t total_;
  std::atomic<std::uint64_t>& next_;
};

bool table_is_active(SyncClient& client, const std::string& table) {
  Answer answer = client.call("DescribeTable", R"({"TableName":")" + table + R"("})");
  if (!answer.ok()) return false;
  auto document = parse(answer.body);
  if (!document.IsObject() || !document.HasMember("Table")) return true;  // a fixed-response server
  const auto& status = document["Table"]["TableStatus"];
  return status.IsString() && std::string(status.GetString()) == "ACTIVE";
}

}  // namespace

bool ensure_table(const Settings& settings, const std::string& table, bool with_sort_key, bool with_stream) {
  SyncClient client(settings.endpoint);
  if (table_is_active(client, table)) return true;
  client.call("CreateTable", create_table_json(table, with_sort_key, with_stream));
  for (int i = 0; i < 600; ++i) {
    if (table_is_active(client, table)) return true;
    std::this_thread::sleep_for(50ms);
  }
  return false;
}

DriveResult preload(const Settings& settings, const std::string& table, std::uint64_t items) {
  std::atomic<std::uint64_t> next{0};
  DriveOptions options{.connections = settings.connections,
                       .threads = settings.threads,
                       .duration = std::chrono::minutes(5),
                       .max_requests = 0};
  return drive(settings.endpoint, options,
               [&](std::size_t) { return std::make_unique<PreloadSource>(table, items, next); });
}

std::vector<Report> run_load(const Settings& settings) {
  for (const char* table : {"bench_put", "bench_items", "bench_writes"}) ensure_table(settings, table, false, false);
  for (const char* table : {"bench_put_stream", "bench_put_stream_b"}) ensure_table(settings, table, false, true);
  ensure_table(settings, "bench_query", true, false);
  Report report = summarize("load", preload(settings, "bench_items", settings.items));
  report.note = std::to_string(settings.items) + " items preloaded, " +
                std::to_string(static_cast<long long>(report.rate * 25)) + " items/s" +
                (report.note.empty() ? "" : "; " + report.note);
  // The Query partition: 100 items under one partition key.
  SyncClient client(settings.endpoint);
  for (int first = 0; first < 100; first += 25) {
    std::string body = R"({"RequestItems":{"bench_query":[)";
    for (int i = first; i < first + 25; ++i) {
      if (i > first) body += ',';
      body += R"({"PutRequest":{"Item":)" + item_json_with_sort("hot", i) + "}}";
    }
    client.call("BatchWriteItem", body + "]}}");
  }
  return {report};
}

}  // namespace eddy::bench
