// A blocking keep-alive HTTP client for the steps that are not measured as throughput: creating
// tables, probing whether an operation exists, reading streams back, polling for stream records.
#pragma once

#include <memory>
#include <string>

#include <rapidjson/document.h>

#include "http_driver.h"

namespace eddy::bench {

struct Answer {
  int status = 0;
  std::string body;
  bool ok() const { return status >= 200 && status < 300; }
};

class SyncClient {
 public:
  explicit SyncClient(const Endpoint& endpoint);
  ~SyncClient();
  // target: the operation name; "DynamoDB_20120810." is prefixed unless it already has a dot.
  Answer call(const std::string& target, const std::string& body);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The operation name with its X-Amz-Target prefix (DynamoDB or DynamoDB Streams).
std::string target_of(const std::string& operation);

// Parses an answer body; an unparsable body gives a Null document.
rapidjson::Document parse(const std::string& body);

}  // namespace eddy::bench
