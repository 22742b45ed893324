// The `eddy triggers` subcommand; see triggers_command.h.
#include "cli/triggers_command.h"

#include <chrono>
#include <cstdio>
#include <iostream>
#include <string>

#include "auth/signer.h"
#include "cli/streams_client.h"
#include "protocol/json.h"
#include "protocol/json_parse.h"
#include "triggers/http_client.h"

namespace eddy::cli {
namespace {

// Lambda's API is plain HTTP; the triggers' own client sends it.
using triggers::HttpExchange;
using triggers::HttpReply;
using triggers::HttpUrl;
using triggers::parse_http_url;
using triggers::send_http;

constexpr const char* kUsage =
    "usage: eddy triggers list [--endpoint URL | --port PORT] [--json]\n"
    "  Prints each event source mapping: its state, its function, its position and lag per shard.\n"
    "  --endpoint URL    eddy's address (default http://127.0.0.1:8000)\n"
    "  --port PORT       same as --endpoint http://127.0.0.1:PORT\n"
    "  --json            print ListEventSourceMappings' answer as it came\n";

struct ListOptions {
  std::string endpoint = "http://127.0.0.1:8000";
  bool json = false;
};

double now_seconds() {
  using namespace std::chrono;
  return duration_cast<duration<double>>(system_clock::now().time_since_epoch()).count();
}

// GET ListEventSourceMappings, signed for "lambda" as the AWS CLI signs it.
Result<HttpReply> list_mappings(const HttpUrl& url, const std::string& marker) {
  ClientCredentials credentials = ClientCredentials::from_environment();
  HttpExchange exchange;
  exchange.method = "GET";
  exchange.target = "/2015-03-31/event-source-mappings/" + (marker.empty() ? "" : "?Marker=" + marker);
  exchange.timeout_seconds = 30;
  std::string date = auth::amz_date(now_seconds());
  bool default_port = url.port == (url.tls ? "443" : "80");
  std::string host = default_port ? url.host : url.host + ":" + url.port;  // as send_http writes Host
  auth::SignedRequest parts;
  parts.method = "GET";
  parts.target = exchange.target;
  parts.headers = {{"host", host}, {"x-amz-date", date}};
  auth::CredentialScope scope{date.substr(0, 8), credentials.region, "lambda"};
  exchange.headers = {{"X-Amz-Date", date},
                      {"Authorization", auth::authorization_header(parts, "host;x-amz-date", credentials.access_key,
                                                                   credentials.secret, scope, date)}};
  return send_http(url, exchange);
}

std::string text_of(const JsonValue& object, const char* key) {
  auto found = object.FindMember(key);
  return found != object.MemberEnd() && found->value.IsString() ? found->value.GetString() : "";
}

void print_mapping(const JsonValue& m) {
  std::string source = text_of(m, "EventSourceArn");
  const JsonValue* progress = m.HasMember("EddyProgress") ? &m["EddyProgress"] : nullptr;
  if (source.empty() && progress != nullptr) source = "table " + text_of(*progress, "TableName") + " (no stream yet)";
  std::printf("%s  %-8s  %s -> %s\n", text_of(m, "UUID").c_str(), text_of(m, "State").c_str(), source.c_str(),
              text_of(m, "FunctionArn").c_str());
  std::printf("    last result: %s", text_of(m, "LastProcessingResult").c_str());
  if (progress == nullptr) {
    std::printf("\n");
    return;
  }
  std::printf("; lag %llu records, %.1f s%s\n", static_cast<unsigned long long>((*progress)["LagRecords"].GetUint64()),
              (*progress)["LagSeconds"].GetDouble(), (*progress)["Busy"].GetBool() ? "; delivering" : "");
  for (const auto& shard : (*progress)["Shards"].GetArray()) {
    std::string position = text_of(shard, "SequenceNumber");
    std::printf("    %s  at %s  lag %llu records, %.1f s%s\n", text_of(shard, "ShardId").c_str(),
                position.empty() ? "(start)" : position.c_str(),
                static_cast<unsigned long long>(shard["LagRecords"].GetUint64()), shard["LagSeconds"].GetDouble(),
                shard["Finished"].GetBool() ? "  (finished)" : "");
  }
}

int list(const ListOptions& options) {
  auto url = parse_http_url(options.endpoint);
  if (!url) {
    std::cerr << "eddy triggers list: bad --endpoint " << options.endpoint << "\n";
    return 2;
  }
  std::string marker;
  std::size_t count = 0;
  do {
    auto reply = list_mappings(*url, marker);
    if (!reply) {
      std::cerr << "eddy triggers list: cannot reach " << options.endpoint << ": " << reply.error().message << "\n";
      return 1;
    }
    JsonDocument answer;
    if (reply->status != 200 || parse_json(reply->body, answer) != JsonParseOutcome::kParsed || !answer.IsObject()) {
      std::cerr << "eddy triggers list: " << options.endpoint << " answered " << reply->status << ": " << reply->body
                << "\n";
      return 1;
    }
    if (options.json) std::printf("%s\n", reply->body.c_str());
    for (const auto& mapping : answer["EventSourceMappings"].GetArray()) {
      if (!options.json) print_mapping(mapping);
      ++count;
    }
    marker = answer.HasMember("NextMarker") ? answer["NextMarker"].GetString() : "";
  } while (!marker.empty());
  if (!options.json && count == 0) std::printf("no event source mappings\n");
  return 0;
}

}  // namespace

int run_triggers_command(int argc, char** argv) {
  if (argc < 2 || std::string(argv[1]) != "list") {
    std::cerr << kUsage;
    return argc >= 2 && (std::string(argv[1]) == "--help" || std::string(argv[1]) == "-h") ? 0 : 2;
  }
  ListOptions options;
  for (int i = 2; i < argc; ++i) {
    std::string arg = argv[i];
    if ((arg == "--endpoint" || arg == "--port") && i + 1 < argc) {
      std::string value = argv[++i];
      options.endpoint = arg == "--port" ? "http://127.0.0.1:" + value : value;
      if (options.endpoint.find("://") == std::string::npos) options.endpoint = "http://" + options.endpoint;
    } else if (arg == "--json") {
      options.json = true;
    } else {
      std::cerr << "eddy triggers list: unexpected argument " << arg << "\n" << kUsage;
      return 2;
    }
  }
  return list(options);
}

}  // namespace eddy::cli
