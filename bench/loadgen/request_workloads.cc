// The request workloads: each is a CallSource making one kind of DynamoDB call, run closed-loop on
// every connection. A first call probes whether the server implements the operation at all.
#include <atomic>
#include <functional>
#include <random>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "items.h"
#include "sync_client.h"
#include "workload.h"

namespace eddy::bench {
namespace {

constexpr const char* kPrefix = "DynamoDB_20120810.";

// Keys unique across connections and runs of the same process: <tag><connection>-<sequence>.
std::string unique_key(const std::string& tag, std::size_t connection, std::uint64_t sequence) {
  return tag + std::to_string(connection) + "-" + std::to_string(sequence);
}

// A source from a function of (connection, sequence, random engine).
class FunctionSource : public CallSource {
 public:
  using Make = std::function<Call(std::size_t, std::uint64_t, std::mt19937_64&)>;
  FunctionSource(std::size_t connection, Make make)
      : connection_(connection), make_(std::move(make)), random_(connection * 7919 + 1) {}
  std::optional<Call> next(std::uint64_t sequence) override { return make_(connection_, sequence, random_); }

 private:
  std::size_t connection_;
  Make make_;
  std::mt19937_64 random_;
};

// Scan pages through the whole table, following LastEvaluatedKey, then starts over.
class ScanSource : public CallSource {
 public:
  explicit ScanSource(std::atomic<std::uint64_t>& items) : items_(items) {}
  std::optional<Call> next(std::uint64_t) override {
    std::string body = R"({"TableName":"bench_items")";
    if (!start_key_.empty()) body += R"(,"ExclusiveStartKey":)" + start_key_;
    return Call{std::string(kPrefix) + "Scan", body + "}"};
  }
  void on_answer(int status, const std::string& body) override {
    start_key_.clear();
    auto document = parse(body);
    if (!document.IsObject()) return;
    if (document.HasMember("Count") && document["Count"].IsUint64()) items_ += document["Count"].GetUint64();
    if (document.HasMember("LastEvaluatedKey")) {
      rapidjson::StringBuffer buffer;
      rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
      document["LastEvaluatedKey"].Accept(writer);
      start_key_.assign(buffer.GetString(), buffer.GetSize());
    }
  }

 private:
  std::atomic<std::uint64_t>& items_;
  std::string start_key_;
};

std::string random_key(std::mt19937_64& random, std::uint64_t items) {
  return preloaded_key(items ? random() % items : 0);
}

FunctionSource::Make maker(const std::string& name, const Settings& settings) {
  std::uint64_t items = settings.items;
  if (name == "put" || name == "put_stream") {
    std::string table = name == "put" ? "bench_put" : "bench_put_stream";
    return [table](std::size_t c, std::uint64_t s, auto&) {
      return Call{std::string(kPrefix) + "PutItem",
                  R"({"TableName":")" + table + R"(","Item":)" + item_json(unique_key("p", c, s)) + "}"};
    };
  }
  if (name == "put_stream_two_tables") {
    // Even connections write one stream table, odd ones the other: two streams written at once.
    return [](std::size_t c, std::uint64_t s, auto&) {
      std::string table = c % 2 == 0 ? "bench_put_stream" : "bench_put_stream_b";
      return Call{std::string(kPrefix) + "PutItem",
                  R"({"TableName":")" + table + R"(","Item":)" + item_json(unique_key("q", c, s)) + "}"};
    };
  }
  if (name == "put_condition") {
    // Every call a new key, also across runs on one server (the probe call included), so that the
    // condition always holds: the workload measures a parsed and evaluated condition, not failures.
    auto next = std::make_shared<std::atomic<std::uint64_t>>(0);
    std::string tag = std::to_string(std::random_device{}());
    tag += '-';
    return [next, tag](std::size_t c, std::uint64_t, auto&) {
      return Call{std::string(kPrefix) + "PutItem", R"({"TableName":"bench_put","Item":)" +
                                                        item_json(unique_key(tag, c, (*next)++)) +
                                                        R"J(,"ConditionExpression":"attribute_not_exists(pk)"})J"};
    };
  }
  if (name == "get") {
    return [items](std::size_t, std::uint64_t, auto& random) {
      return Call{std::string(kPrefix) + "GetItem",
                  R"({"TableName":"bench_items","Key":{"pk":{"S":")" + random_key(random, items) + R"("}}})"};
    };
  }
  if (name == "update") {
    return [items](std::size_t, std::uint64_t, auto& random) {
      return Call{std::string(kPrefix) + "UpdateItem",
                  R"({"TableName":"bench_items","Key":{"pk":{"S":")" + random_key(random, items) +
                      R"J("}},"UpdateExpression":"SET #c = #c + :one","ConditionExpression":"attribute_exists(pk)",)J"
                      R"("ExpressionAttributeNames":{"#c":"c"},"ExpressionAttributeValues":{":one":{"N":"1"}}})"};
    };
  }
  if (name == "query") {
    return [](std::size_t, std::uint64_t, auto&) {
      return Call{std::string(kPrefix) + "Query", R"({"TableName":"bench_query","KeyConditionExpression":"pk = :p",)"
                                                  R"("ExpressionAttributeValues":{":p":{"S":"hot"}}})"};
    };
  }
  if (name == "batch") {
    return [](std::size_t c, std::uint64_t s, auto&) {
      return Call{std::string(kPrefix) + "BatchWriteItem",
                  batch_put_json("bench_writes", s * 25, 25, "b" + std::to_string(c) + "-")};
    };
  }
  // transact: four Puts of new items in one TransactWriteItems.
  return [](std::size_t c, std::uint64_t s, auto&) {
    std::string body = R"({"TransactItems":[)";
    for (int i = 0; i < 4; ++i) {
      if (i) body += ',';
      body += R"({"Put":{"TableName":"bench_writes","Item":)" + item_json(unique_key("t", c, s * 4 + i)) + "}}";
    }
    return Call{std::string(kPrefix) + "TransactWriteItems", body + "]}"};
  };
}

std::string operation_of(const std::string& name) {
  if (name == "put" || name == "put_stream" || name == "put_stream_two_tables" || name == "put_condition")
    return "PutItem";
  if (name == "get") return "GetItem";
  if (name == "update") return "UpdateItem";
  if (name == "query") return "Query";
  if (name == "scan") return "Scan";
  if (name == "batch") return "BatchWriteItem";
  return "TransactWriteItems";
}

// False when the server answers UnknownOperationException for the workload's first call.
bool implemented(const Settings& settings, CallSource& probe) {
  auto call = probe.next(0);
  SyncClient client(settings.endpoint);
  Answer answer = client.call(call->target, call->body);
  return answer.body.find("UnknownOperationException") == std::string::npos;
}

}  // namespace

Report run_request_workload(const std::string& name, const Settings& settings) {
  std::atomic<std::uint64_t> scanned{0};
  std::function<std::unique_ptr<CallSource>(std::size_t)> make_source;
  if (name == "scan") {
    make_source = [&](std::size_t) { return std::make_unique<ScanSource>(scanned); };
  } else {
    auto make = maker(name, settings);
    make_source = [make](std::size_t c) { return std::make_unique<FunctionSource>(c + 1000, make); };
  }
  if (!implemented(settings, *make_source(0))) {
    Report report;
    report.workload = name;
    report.available = false;
    report.note = operation_of(name) + " not available (UnknownOperationException)";
    return report;
  }
  scanned = 0;
  DriveOptions options{.connections = settings.connections,
                       .threads = settings.threads,
                       .duration = settings.duration,
                       .max_requests = settings.requests};
  DriveResult result = drive(settings.endpoint, options, make_source);
  double seconds = result.seconds;
  Report report = summarize(name, std::move(result));
  if (name == "scan") {
    std::string items =
        "items/s " + std::to_string(static_cast<long long>(static_cast<double>(scanned.load()) / seconds));
    report.note = report.note.empty() ? items : items + "; " + report.note;
  }
  return report;
}

}  // namespace eddy::bench
