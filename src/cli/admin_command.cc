// `eddy admin`; see admin_command.h. Each command is one HTTP call on a plain, blocking Beast
// connection (a wait's own timeout bounds how long it takes).
#include "cli/admin_command.h"

#include <cctype>
#include <iostream>
#include <string>
#include <vector>

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include "cli/endpoint_option.h"
#include "cli/streams_client.h"
#include "protocol/json.h"
#include "protocol/json_parse.h"
#include "protocol/json_text.h"

namespace eddy::cli {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;

constexpr const char* kUsage =
    "usage: eddy admin COMMAND [ARGUMENTS] [--endpoint URL | --port PORT] [--access-key K --region R]\n"
    "  clock                                   the server's clock\n"
    "  clock advance SECONDS                   move it forward (or back, with a negative number)\n"
    "  clock set ISO-8601                      put it at a time, e.g. 2026-01-01T00:00:00Z\n"
    "  snapshot create NAME [--replace]        capture the whole database\n"
    "  snapshot list\n"
    "  snapshot restore NAME                   put the database back as NAME holds it\n"
    "  snapshot delete NAME\n"
    "  reset                                   empty the whole database\n"
    "  truncate TABLE                          empty one table, keeping its definition\n"
    "  faults add JSON                         add a fault rule, e.g. "
    "'{\"error\":\"ThrottlingException\",\"count\":2}'\n"
    "  faults list\n"
    "  faults delete [ID]                      remove one rule, or every rule\n"
    "  streams rollover TABLE                  close the stream's open shards now, open children\n"
    "  streams split TABLE [SHARD_ID]          split one open shard in two\n"
    "  streams mark TABLE                      start counting the stream's records from here\n"
    "  streams wait TABLE [--count N] [--timeout-ms T]\n"
    "                                          wait until the stream holds N more records than the mark\n"
    "  triggers wait UUID [--idle-ms I] [--timeout-ms T]\n"
    "                                          wait until the event source mapping has delivered every record\n"
    "                                          (and stayed idle for I ms)\n"
    "  --endpoint URL    eddy's address (default http://127.0.0.1:8000)\n"
    "  --port PORT       same as --endpoint http://127.0.0.1:PORT\n"
    "  --access-key K --region R\n"
    "                    act on the namespace of access key K in region R (--namespace access-key-region);\n"
    "                    without them a snapshot, restore or reset acts on every namespace\n"
    "See docs/test-controls.md.\n";

struct Call {
  std::string method = "GET";
  std::string path;
  std::string body;
};

struct Arguments {
  std::vector<std::string> words;  // the command and its operands
  std::string host = "127.0.0.1";
  std::string port = "8000";
  bool replace = false;
  std::string count;
  std::string timeout_ms;
  std::string idle_ms;
  std::string access_key;  // with region: the namespace the call acts on
  std::string region;
};

std::string quoted(const std::string& text) {
  std::string out;
  append_json_string(out, text);
  return out;
}

bool parse_arguments(int argc, char** argv, Arguments& arguments, std::string& error) {
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    auto value = [&](std::string& out) {
      if (i + 1 >= argc) return false;
      out = argv[++i];
      return true;
    };
    if (read_endpoint_option(argc, argv, i, arguments.host, arguments.port, error)) {
      if (!error.empty()) return false;
    } else if (arg == "--replace") {
      arguments.replace = true;
    } else if (arg == "--count") {
      if (!value(arguments.count)) return error = "--count needs a value", false;
    } else if (arg == "--idle-ms") {
      if (!value(arguments.idle_ms)) return error = "--idle-ms needs a value", false;
    } else if (arg == "--access-key") {
      if (!value(arguments.access_key)) return error = "--access-key needs a value", false;
    } else if (arg == "--region") {
      if (!value(arguments.region)) return error = "--region needs a value", false;
    } else if (arg == "--timeout-ms") {
      if (!value(arguments.timeout_ms)) return error = "--timeout-ms needs a value", false;
    } else if (arg.size() > 1 && arg[0] == '-' && arg.find_first_not_of("-0123456789.") != std::string::npos) {
      return error = "unexpected option " + arg, false;
    } else {
      arguments.words.push_back(arg);
    }
  }
  if (arguments.access_key.empty() != arguments.region.empty()) {
    return error = "--access-key and --region name a namespace together: give both, or neither", false;
  }
  return true;
}

// A query parameter's value, percent-encoded.
std::string query_value(const std::string& text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += {'%', kHex[c >> 4], kHex[c & 15]};
    }
  }
  return out;
}

// The namespace's query parameters, added to the call's path (docs/namespaces.md, The admin API).
void add_namespace(const Arguments& a, Call& call) {
  if (a.access_key.empty()) return;
  call.path += call.path.find('?') == std::string::npos ? '?' : '&';
  call.path += "accessKeyId=" + query_value(a.access_key) + "&region=" + query_value(a.region);
}

// The HTTP call a command makes; false when the words are not a command.
bool call_of(const Arguments& a, Call& call) {
  const auto& w = a.words;
  auto is = [&](std::size_t size, const char* first, const char* second = nullptr) {
    return w.size() == size && w[0] == first && (second == nullptr || w[1] == second);
  };
  if (is(1, "clock")) return call.path = "/eddy/v1/clock", true;
  if (is(3, "clock", "advance")) {
    call = {"POST", "/eddy/v1/clock", "{\"advance_seconds\":" + w[2] + "}"};
    return w[2].find_first_not_of("-+0123456789.eE") == std::string::npos;
  }
  if (is(3, "clock", "set")) return call = {"POST", "/eddy/v1/clock", "{\"set\":" + quoted(w[2]) + "}"}, true;
  if (is(3, "snapshot", "create")) {
    call = {"POST", "/eddy/v1/snapshots", "{\"name\":" + quoted(w[2]) + (a.replace ? ",\"replace\":true}" : "}")};
    return true;
  }
  if (is(2, "snapshot", "list")) return call.path = "/eddy/v1/snapshots", true;
  if (is(3, "snapshot", "restore")) return call = {"POST", "/eddy/v1/snapshots/" + w[2] + "/restore", ""}, true;
  if (is(3, "snapshot", "delete")) return call = {"DELETE", "/eddy/v1/snapshots/" + w[2], ""}, true;
  if (is(1, "reset")) return call = {"POST", "/eddy/v1/reset", ""}, true;
  if (is(2, "truncate")) return call = {"POST", "/eddy/v1/tables/" + w[1] + "/truncate", ""}, true;
  if (is(3, "faults", "add")) return call = {"POST", "/eddy/v1/faults", w[2]}, true;
  if (is(2, "faults", "list")) return call.path = "/eddy/v1/faults", true;
  if (is(2, "faults", "delete")) return call = {"DELETE", "/eddy/v1/faults", ""}, true;
  if (is(3, "faults", "delete")) return call = {"DELETE", "/eddy/v1/faults/" + w[2], ""}, true;
  if (is(3, "streams", "rollover")) return call = {"POST", "/eddy/v1/streams/" + w[2] + "/rollover", ""}, true;
  if (is(3, "streams", "split")) return call = {"POST", "/eddy/v1/streams/" + w[2] + "/split", ""}, true;
  if (is(4, "streams", "split")) {
    return call = {"POST", "/eddy/v1/streams/" + w[2] + "/split", "{\"shard_id\":" + quoted(w[3]) + "}"}, true;
  }
  if (is(3, "streams", "mark")) return call = {"POST", "/eddy/v1/streams/" + w[2] + "/mark", ""}, true;
  if (is(3, "triggers", "wait")) {
    call.path = "/eddy/v1/triggers/" + w[2] + "/wait";
    char separator = '?';
    for (const auto& [name, value] : {std::pair{"idle_ms", a.idle_ms}, std::pair{"timeout_ms", a.timeout_ms}}) {
      if (value.empty()) continue;
      call.path += separator + std::string(name) + "=" + value;
      separator = '&';
    }
    return true;
  }
  if (is(3, "streams", "wait")) {
    call.path = "/eddy/v1/streams/" + w[2] + "/wait";
    char separator = '?';
    for (const auto& [name, value] : {std::pair{"count", a.count}, std::pair{"timeout_ms", a.timeout_ms}}) {
      if (value.empty()) continue;
      call.path += separator + std::string(name) + "=" + value;
      separator = '&';
    }
    return true;
  }
  return false;
}

// Sends `call`; the answer's status and body, or false with `error` when eddy cannot be reached.
bool send(const Arguments& a, const Call& call, int& status, std::string& body, std::string& error) {
  try {
    asio::io_context io;
    beast::tcp_stream stream(io);
    asio::ip::tcp::resolver resolver(io);
    stream.connect(resolver.resolve(a.host, a.port));
    bhttp::request<bhttp::string_body> request{bhttp::string_to_verb(call.method), call.path, 11};
    request.set(bhttp::field::host, a.host);
    if (!call.body.empty()) request.set(bhttp::field::content_type, "application/json");
    request.body() = call.body;
    request.prepare_payload();
    bhttp::write(stream, request);
    beast::flat_buffer buffer;
    bhttp::response<bhttp::string_body> reply;
    bhttp::read(stream, buffer, reply);
    status = static_cast<int>(reply.result_int());
    body = reply.body();
    beast::error_code ignored;
    stream.socket().shutdown(asio::ip::tcp::socket::shutdown_both, ignored);
    return true;
  } catch (const std::exception& e) {
    error = "cannot reach " + a.host + ":" + a.port + ": " + e.what();
    return false;
  }
}

}  // namespace

int run_admin_command(int argc, char** argv) {
  Arguments arguments;
  std::string error;
  if (argc >= 2 && (std::string(argv[1]) == "--help" || std::string(argv[1]) == "-h")) {
    std::cout << kUsage;
    return 0;
  }
  Call call;
  if (!parse_arguments(argc, argv, arguments, error) || !call_of(arguments, call)) {
    std::cerr << "eddy admin: " << (error.empty() ? "unknown command" : error) << "\n" << kUsage;
    return 2;
  }
  add_namespace(arguments, call);
  int status = 0;
  std::string body;
  if (!send(arguments, call, status, body, error)) {
    std::cerr << "eddy admin: " << error << "\n";
    return 1;
  }
  std::cout << body << "\n";
  if (status >= 200 && status < 300) return 0;
  JsonDocument answer;
  std::string message = body;
  if (parse_json(body, answer) == JsonParseOutcome::kParsed && answer.IsObject() && answer.HasMember("message") &&
      answer["message"].IsString()) {
    message = answer["message"].GetString();
  }
  std::cerr << "eddy admin: " << status << ": " << message << "\n";
  return 1;
}

}  // namespace eddy::cli
