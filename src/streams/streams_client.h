// StreamsClient: a small blocking client for a running eddy (or any DynamoDB endpoint) over HTTP
// with Beast, used by the `eddy streams` subcommands. It sends DynamoDB JSON requests with a
// placeholder SigV4 Authorization header (eddy does not check signatures).
#pragma once

#include <memory>
#include <string>

#include "protocol/json.h"

namespace eddy::streams {

class StreamsClient {
 public:
  StreamsClient(std::string host, std::string port);
  ~StreamsClient();
  // POSTs `body` to "<service>.<operation>" (service: DynamoDB_20120810 or
  // DynamoDBStreams_20120810). Returns false with `error` set on a transport or service error.
  bool call(const std::string& target, const std::string& body, JsonDocument& response, std::string& error);

 private:
  struct Connection;
  std::string host_;
  std::string port_;
  std::unique_ptr<Connection> connection_;
};

// Splits "http://host:port" (or "host:port") into host and port; false when it does not parse.
bool parse_endpoint(const std::string& endpoint, std::string& host, std::string& port);

}  // namespace eddy::streams
