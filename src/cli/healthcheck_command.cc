// `eddy healthcheck`; see healthcheck_command.h.
#include "cli/healthcheck_command.h"

#include <chrono>
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include "cli/endpoint_option.h"
#include "protocol/json.h"

namespace eddy::cli {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;

constexpr const char* kUsage =
    "usage: eddy healthcheck [--endpoint URL | --port PORT] [--timeout SECONDS]\n"
    "  Exits 0 when the server at URL answers ListTables, 1 when it does not.\n"
    "  --endpoint URL     the server (default http://127.0.0.1:8000)\n"
    "  --port PORT        same as --endpoint http://127.0.0.1:PORT\n"
    "  --timeout SECONDS  how long to wait for the answer (default 2)\n";

struct Probe {
  std::string host = "127.0.0.1";
  std::string port = "8000";
  double timeout_seconds = 2;
};

bool parse_probe(int argc, char** argv, Probe& probe, std::string& error) {
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--help" || arg == "-h") return error.clear(), false;
    if (read_endpoint_option(argc, argv, i, probe.host, probe.port, error)) {
      if (!error.empty()) return false;
    } else if (arg == "--timeout" && i + 1 < argc) {
      std::string value = argv[++i];
      char* end = nullptr;
      probe.timeout_seconds = std::strtod(value.c_str(), &end);  // no exception on "abc"
      if (end == value.c_str() || *end != '\0') return error = "bad --timeout " + value, false;
      if (!(probe.timeout_seconds > 0)) return error = "--timeout must be positive", false;
    } else {
      return error = "unexpected argument " + arg, false;
    }
  }
  return true;
}

// One ListTables, with every step bounded by the timeout (Beast's timeouts hold for asynchronous
// operations only, hence the handlers). Returns "" when healthy, else why not.
std::string ask(const Probe& probe) {
  asio::io_context io;
  beast::tcp_stream stream(io);
  bhttp::request<bhttp::string_body> request{bhttp::verb::post, "/", 11};
  request.set(bhttp::field::host, probe.host);
  request.set(bhttp::field::content_type, "application/x-amz-json-1.0");
  request.set("X-Amz-Target", "DynamoDB_20120810.ListTables");
  request.set(
      bhttp::field::authorization,
      "AWS4-HMAC-SHA256 Credential=eddy/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0");
  request.body() = R"({"Limit":1})";
  request.prepare_payload();
  beast::flat_buffer buffer;
  bhttp::response<bhttp::string_body> reply;
  std::string problem = "no answer";
  stream.expires_after(
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::duration<double>(probe.timeout_seconds)));
  auto exchange = [&](auto endpoints) {
    stream.async_connect(endpoints, [&](beast::error_code ec, auto) {
      if (ec) return void(problem = ec.message());
      bhttp::async_write(stream, request, [&](beast::error_code ec, std::size_t) {
        if (ec) return void(problem = ec.message());
        bhttp::async_read(stream, buffer, reply,
                          [&](beast::error_code ec, std::size_t) { problem = ec ? ec.message() : ""; });
      });
    });
  };
  // A numeric address needs no resolver: the image has no name service modules for it to load.
  beast::error_code not_numeric;
  auto address = asio::ip::make_address(probe.host, not_numeric);
  asio::ip::tcp::resolver resolver(io);
  if (!not_numeric) {
    exchange(std::vector<asio::ip::tcp::endpoint>{{address, static_cast<unsigned short>(std::stoi(probe.port))}});
  } else {
    resolver.async_resolve(probe.host, probe.port, [&](beast::error_code ec, auto endpoints) {
      if (ec) return void(problem = ec.message());
      exchange(endpoints);
    });
  }
  io.run();
  if (!problem.empty()) return problem;
  JsonDocument answer;
  answer.Parse(reply.body().data(), reply.body().size());
  bool listed = !answer.HasParseError() && answer.IsObject() && answer.HasMember("TableNames");
  if (reply.result_int() != 200 || !listed) {
    return "ListTables answered " + std::to_string(reply.result_int()) + ": " + reply.body().substr(0, 200);
  }
  return "";
}

}  // namespace

int run_healthcheck_command(int argc, char** argv) {
  Probe probe;
  std::string error;
  bool parsed = false;
  try {
    parsed = parse_probe(argc, argv, probe, error);
  } catch (const std::exception&) {
    error = "bad number";
  }
  if (!parsed && error.empty()) {  // --help
    std::cout << kUsage;
    return 0;
  }
  if (!parsed) {
    std::cerr << "eddy healthcheck: " << error << "\n" << kUsage;
    return 2;
  }
  std::string endpoint = "http://" + probe.host + ":" + probe.port;
  if (std::string problem = ask(probe); !problem.empty()) {
    std::cerr << "eddy healthcheck: " << endpoint << " is not healthy: " << problem << "\n";
    return 1;
  }
  std::cout << "eddy healthcheck: " << endpoint << " answers ListTables\n";
  return 0;
}

}  // namespace eddy::cli
