// LambdaDispatcher: Lambda's REST API for event source mappings on eddy's port, beside the
// DynamoDB dispatcher, so that `aws lambda ... --endpoint-url http://localhost:8000`, boto3's
// lambda client and @aws-sdk/client-lambda manage eddy's triggers unchanged. It serves the paths
// under /2015-03-31/ (Endpoint routes them here): finds the operation (lambda_api/), checks the
// signature when eddy has --credentials (scoped to the "lambda" service), parses the JSON body
// (InvalidRequestContentException), runs the operation and renders its answer, or Lambda's error:
// the x-amzn-ErrorType header and {"Type": "User", "message": "..."} with Lambda's status
//   ValidationException 400            InvalidParameterValueException 400
//   InvalidRequestContentException 400 ResourceNotFoundException 404 ("Message")
//   ResourceConflictException 409      ServiceException 500 ("Message")
// One catch turns a bug into ServiceException and logs it.
#pragma once

#include <string>
#include <string_view>

#include "auth/signature_check.h"
#include "http/http_types.h"
#include "model/api_error.h"
#include "model/clock.h"
#include "server/namespaces.h"
#include "server/request_gate.h"
#include "triggers/trigger_service.h"

namespace eddy::server {

class LambdaDispatcher {
 public:
  // `verifier`: SigV4 checks (--credentials); nullptr accepts any request. `gate`: each call holds
  // its worker's pass, as a DynamoDB request does, so that a restore or reset never runs under it.
  LambdaDispatcher(triggers::TriggerService& triggers, const Clock& clock, const auth::SignatureCheck* verifier,
                   RequestGate& gate)
      : triggers_(triggers), clock_(clock), verifier_(verifier), gate_(gate) {}

  // Mappings are then those of the request's namespace (namespaces.h). Default: none (the shared tables').
  void use_namespaces(Namespaces* namespaces) { namespaces_ = namespaces; }

  // Whether `target` (path and query) is Lambda's API rather than DynamoDB's.
  static bool serves(std::string_view target) { return target.starts_with("/2015-03-31/"); }

  // Answers `request` (its body already decoded); the response has x-amzn-RequestId.
  http::Response handle(const http::Request& request, const std::string& request_id, std::size_t worker);

  // Lambda's rendering of `error`.
  static http::Response error_response(const http::Request& request, const ApiError& error,
                                       const std::string& request_id);

 private:
  // The access key and region of the credential scope.
  Result<auth::Signer> authenticate(const http::Request& request) const;
  // The trigger service of the request's namespace.
  Result<triggers::TriggerService*> triggers_of(const auth::Signer& signer);

  triggers::TriggerService& triggers_;
  const Clock& clock_;
  const auth::SignatureCheck* verifier_;
  RequestGate& gate_;
  Namespaces* namespaces_ = nullptr;
};

}  // namespace eddy::server
