// Fuzz target: the whole request path, JSON → operation → response, for every operation of the
// operation table (ops/operation_table.h), through the endpoint and the dispatcher as a client
// reaches them, on a fresh in-memory database per input (so that every crash replays from its input
// alone). The input is one request per line, at most 12:
//   Target ' ' body
// where Target is an operation's name (PutItem, Query, GetRecords, …: the X-Amz-Target prefix is
// added, DynamoDBStreams_20120810 for the four stream operations) or a whole X-Amz-Target, and body
// is the JSON sent. Before the input runs, two tables exist (created through the same path):
//   "Tab" pk (S) + sk (N), GSI "gsi" on gk (S) + gs (N), LSI "lsi" on pk + ls (S), NEW_AND_OLD_IMAGES stream;
//   "Hash" pk (S) alone, with an item {"pk": "k", "a": "x"}.
// The clock stands at 2026-01-01T00:00:00Z, so stream ARNs in seeds stay valid; a line "+SECONDS"
// moves it on (iterators expire after 15 minutes, records after 24 hours). Shard ids carry a random
// part, so a body names them, and what earlier answers returned, by placeholders:
//   $SHARD0 $SHARD1   the shards of Tab's stream       $ITERATOR   the last (Next)ShardIterator answered
//   $SEQUENCE         the last SequenceNumber answered
// Properties: nothing crashes; no answer is HTTP 500 (an in-memory database has no storage faults,
// so InternalServerError here is a bug: an exception the dispatcher caught, or an error path that
// gives up); every answer's body is JSON, and an error's has a __type. EDDY_FUZZ_ECHO=1 prints the answers.
#include <cstdlib>
#include <map>
#include <memory>

#include "eddy/clock.h"
#include "engine/database.h"
#include "fuzz_check.h"
#include "ops/operation_table.h"
#include "ops/request_context.h"
#include "protocol/json_parse.h"
#include "server/dispatcher.h"
#include "server/endpoint.h"
#include "server/request_gate.h"
#include "server/start_gate.h"
#include "streams/streams.h"

namespace {

using namespace eddy;
namespace bhttp = boost::beast::http;

constexpr double kStart = 1767225600;  // 2026-01-01T00:00:00Z

// The parts of a Server that answer a request, on an in-memory database (as server.cc wires them).
struct InMemoryServer {
  ManualClock clock{kStart};
  std::unique_ptr<engine::Database> database;
  std::unique_ptr<streams::Streams> streams;
  std::unique_ptr<ops::ServerState> state;
  server::RequestGate request_gate{1};  // one worker
  std::unique_ptr<server::Dispatcher> dispatcher;
  server::StartGate gate;
  std::unique_ptr<server::Endpoint> endpoint;

  InMemoryServer() {
    engine::StorageOptions storage;
    storage.in_memory = true;
    storage.block_cache_bytes = 1u << 20;
    storage.write_buffer_bytes = 1u << 20;
    auto opened = engine::Database::open(storage);
    FUZZ_CHECK(opened.has_value());
    database = std::move(*opened);
    streams = std::make_unique<streams::Streams>(*database, clock, streams::StreamOptions{2, 4 * 3600, 24 * 3600});
    FUZZ_CHECK(streams->load().has_value());
    database->add_observer(streams.get());
    state.reset(new ops::ServerState{*database, clock, ops::OperationSettings{}, streams.get()});
    dispatcher = std::make_unique<server::Dispatcher>(*state, 1, request_gate);
    gate.open(dispatcher.get());
    endpoint = std::make_unique<server::Endpoint>(server::EndpointSettings{}, gate);
  }
};

std::string target_of(std::string_view name) {
  if (name.find('.') != std::string_view::npos) return std::string(name);
  bool stream_operation =
      name == "ListStreams" || name == "DescribeStream" || name == "GetShardIterator" || name == "GetRecords";
  return std::string(stream_operation ? ops::kStreamsPrefix : ops::kDynamoDbPrefix) + "." + std::string(name);
}

http::Response send(InMemoryServer& server, std::string_view name, std::string_view body) {
  http::Request request{bhttp::verb::post, "/", 11};
  request.set(bhttp::field::host, "127.0.0.1:8000");
  request.set(bhttp::field::content_type, "application/x-amz-json-1.0");
  request.set(bhttp::field::accept_encoding, "gzip");
  request.set("X-Amz-Target", target_of(name));
  request.set(bhttp::field::authorization,
              "AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, "
              "Signature=0");
  request.body().assign(body);
  request.prepare_payload();
  return server.endpoint->handle(request, 0).response;  // no faults: a plain answer
}

void check_answer(const http::Response& response) {
  // EDDY_FUZZ_ECHO=1 shows every answer, to write seeds or read what an input does.
  static const bool echo = std::getenv("EDDY_FUZZ_ECHO") != nullptr;
  if (echo) std::fprintf(stderr, "%d %s\n", response.result_int(), response.body().c_str());
  FUZZ_CHECK(response.result_int() != 500);
  if (response[bhttp::field::content_encoding] == "gzip") return;  // large answers come compressed
  // TagResource and UntagResource answer 200 with an empty body, as DynamoDB does.
  if (response.result_int() == 200 && response.body().empty()) return;
  JsonDocument document;
  FUZZ_CHECK(parse_json(response.body(), document) == JsonParseOutcome::kParsed);
  if (response.result_int() != 200) FUZZ_CHECK(document.IsObject() && document.HasMember("__type"));
}

// The placeholders' values, taken from the answers as they come.
class Placeholders {
 public:
  void learn(const http::Response& response) {
    if (response.result_int() != 200 || response[bhttp::field::content_encoding] == "gzip") return;
    JsonDocument document;
    if (parse_json(response.body(), document) != JsonParseOutcome::kParsed || !document.IsObject()) return;
    for (const char* name : {"ShardIterator", "NextShardIterator"}) {
      if (document.HasMember(name) && document[name].IsString()) values_["$ITERATOR"] = document[name].GetString();
    }
    if (document.HasMember("StreamDescription") && document["StreamDescription"].HasMember("Shards")) {
      const JsonValue& shards = document["StreamDescription"]["Shards"];
      for (rapidjson::SizeType i = 0; i < shards.Size() && i < 2; ++i) {
        values_["$SHARD" + std::to_string(i)] = shards[i]["ShardId"].GetString();
      }
    }
    if (document.HasMember("Records") && document["Records"].IsArray()) {
      for (const auto& record : document["Records"].GetArray()) {
        values_["$SEQUENCE"] = record["dynamodb"]["SequenceNumber"].GetString();
      }
    }
  }

  std::string fill(std::string_view body) const {
    std::string out(body);
    for (const auto& [name, value] : values_) {
      for (std::size_t at = out.find(name); at != std::string::npos; at = out.find(name, at + value.size())) {
        out.replace(at, name.size(), value);
      }
    }
    return out;
  }

 private:
  std::map<std::string, std::string> values_;
};

void create_tables(InMemoryServer& server, Placeholders& placeholders) {
  const char* setup[][2] = {
      {"CreateTable", R"({"TableName":"Tab","BillingMode":"PAY_PER_REQUEST",
        "AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"},{"AttributeName":"sk","AttributeType":"N"},
          {"AttributeName":"gk","AttributeType":"S"},{"AttributeName":"gs","AttributeType":"N"},
          {"AttributeName":"ls","AttributeType":"S"}],
        "KeySchema":[{"AttributeName":"pk","KeyType":"HASH"},{"AttributeName":"sk","KeyType":"RANGE"}],
        "GlobalSecondaryIndexes":[{"IndexName":"gsi","KeySchema":[{"AttributeName":"gk","KeyType":"HASH"},
          {"AttributeName":"gs","KeyType":"RANGE"}],"Projection":{"ProjectionType":"ALL"}}],
        "LocalSecondaryIndexes":[{"IndexName":"lsi","KeySchema":[{"AttributeName":"pk","KeyType":"HASH"},
          {"AttributeName":"ls","KeyType":"RANGE"}],"Projection":{"ProjectionType":"KEYS_ONLY"}}],
        "StreamSpecification":{"StreamEnabled":true,"StreamViewType":"NEW_AND_OLD_IMAGES"}})"},
      {"CreateTable", R"({"TableName":"Hash","BillingMode":"PAY_PER_REQUEST",
        "AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}],
        "KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}]})"},
      {"PutItem", R"({"TableName":"Hash","Item":{"pk":{"S":"k"},"a":{"S":"x"}}})"},
      {"DescribeStream",
       R"({"StreamArn":"arn:aws:dynamodb:us-east-1:000000000000:table/Tab/stream/2026-01-01T00:00:00.000"})"},
  };
  for (const auto& [name, body] : setup) {
    http::Response response = send(server, name, body);
    if (response.result_int() != 200) std::fprintf(stderr, "%s: %s\n", name, response.body().c_str());
    FUZZ_CHECK(response.result_int() == 200);
    placeholders.learn(response);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  InMemoryServer server;
  Placeholders placeholders;
  create_tables(server, placeholders);
  for (std::string_view line : fuzz::lines_of(fuzz::text_of(data, size), 12)) {
    if (!line.empty() && line.front() == '+') {
      // Forward only, and by at most a year: time itself is not what a client sends.
      double seconds = std::strtod(std::string(line.substr(1)).c_str(), nullptr);
      if (seconds > 0 && seconds <= 366 * 86400) server.clock.advance(seconds);
      continue;
    }
    std::size_t space = line.find(' ');
    std::string_view name = line.substr(0, space);
    std::string_view body = space == std::string_view::npos ? std::string_view() : line.substr(space + 1);
    http::Response response = send(server, name, placeholders.fill(body));
    check_answer(response);
    placeholders.learn(response);
  }
  return 0;
}
