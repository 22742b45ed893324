// The load driver: many keep-alive HTTP/1.1 connections on Boost.Beast, each sending the next request
// as soon as the previous answer arrives (closed loop), until a deadline or a request count is reached.
// It records every request's latency and every non-2xx answer, and nothing else.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace eddy::bench {

struct Endpoint {
  std::string host = "127.0.0.1";
  std::string port = "8000";
};

// One DynamoDB call: the operation's X-Amz-Target and its JSON body.
struct Call {
  std::string target;  // e.g. "DynamoDB_20120810.PutItem"
  std::string body;
};

// Produces one connection's requests. next() returns nullopt when the connection has nothing more to
// send (a finished scan, a consumed count); on_answer() sees each answer, e.g. to follow a page key.
class CallSource {
 public:
  virtual ~CallSource() = default;
  virtual std::optional<Call> next(std::uint64_t sequence) = 0;
  virtual void on_answer(int status, const std::string& body) {}
};

struct DriveOptions {
  std::size_t connections = 16;
  std::size_t threads = 1;
  std::chrono::milliseconds duration{3000};
  std::uint64_t max_requests = 0;  // 0: bounded by time only
};

struct DriveResult {
  std::uint64_t requests = 0;
  std::uint64_t non_2xx = 0;
  std::uint64_t transport_errors = 0;
  double seconds = 0;
  std::vector<std::uint32_t> latencies_us;
  std::string first_error;  // the first non-2xx body, to say why a run failed
};

// Runs the closed loop. make_source(i) builds connection i's CallSource.
DriveResult drive(const Endpoint& endpoint, const DriveOptions& options,
                  const std::function<std::unique_ptr<CallSource>(std::size_t)>& make_source);

// The headers every request carries: DynamoDB's content type and a syntactically valid SigV4 header.
inline constexpr const char* kAuthorization =
    "AWS4-HMAC-SHA256 Credential=bench/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, "
    "Signature=0000";
// Sent beside it: Dynoxide refuses a signed request without one (eddy and DynamoDB Local do not check).
inline constexpr const char* kAmzDate = "20260101T000000Z";

}  // namespace eddy::bench
