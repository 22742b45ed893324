// What Lambda's REST API handlers get and give: the request's path parameter, query parameters
// and JSON body, and the status and body to answer with. The HTTP around it (routing, signatures,
// Lambda's error rendering) is server/lambda_dispatcher's.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "model/api_error.h"
#include "protocol/json.h"
#include "triggers/trigger_service.h"

namespace eddy::lambda_api {

struct LambdaRequest {
  std::string uuid;  // the {UUID} of the path, percent-decoded; empty for the collection
  std::vector<std::pair<std::string, std::string>> query;  // percent-decoded, in order
  const JsonValue* body = nullptr;                         // the JSON object of a POST or PUT; nullptr otherwise
};

struct LambdaAnswer {
  int status = 200;
  std::string body;
};

struct LambdaContext {
  triggers::TriggerService& triggers;
  std::string region = "us-east-1";  // of the credential scope
};

using LambdaOperation = Result<LambdaAnswer> (*)(LambdaContext& context, const LambdaRequest& request);

// The operation of a method and path under /2015-03-31/ (with `uuid` set from the path), or nullptr.
LambdaOperation find_lambda_operation(std::string_view method, std::string_view path, std::string& uuid);

}  // namespace eddy::lambda_api
