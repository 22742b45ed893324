// StreamsClient: a small blocking client for a running eddy (or any DynamoDB endpoint) over HTTP
// with Beast, used by the `eddy streams` subcommands. It signs its DynamoDB JSON requests with SigV4,
// so that an eddy started with --credentials answers it too.
#pragma once

#include <memory>
#include <string>

#include "protocol/json.h"

namespace eddy::cli {

// Who the client signs as; by default the environment's AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and
// AWS_REGION (or AWS_DEFAULT_REGION), else placeholders that an eddy without --credentials accepts.
struct ClientCredentials {
  std::string access_key = "eddy";
  std::string secret = "eddy";
  std::string region = "us-east-1";
  static ClientCredentials from_environment();
};

class StreamsClient {
 public:
  StreamsClient(std::string host, std::string port,
                ClientCredentials credentials = ClientCredentials::from_environment());
  ~StreamsClient();
  // POSTs `body` to "<service>.<operation>" (service: DynamoDB_20120810 or
  // DynamoDBStreams_20120810). Returns false with `error` set on a transport or service error.
  bool call(const std::string& target, const std::string& body, JsonDocument& response, std::string& error);

 private:
  struct Connection;
  std::string host_;
  std::string port_;
  ClientCredentials credentials_;
  std::unique_ptr<Connection> connection_;
};

}  // namespace eddy::cli
