// Lambda's REST API on eddy's port; see lambda_dispatcher.h.
#include "server/lambda_dispatcher.h"

#include <exception>
#include <utility>

#include <spdlog/spdlog.h>

#include "auth/signature_parts.h"
#include "auth/signed_request.h"
#include "lambda_api/lambda_request.h"
#include "protocol/json_parse.h"

namespace eddy::server {
namespace {

namespace bhttp = boost::beast::http;

struct LambdaErrorInfo {
  const char* type;
  int status;
  bool capital_message;  // the member is "Message" (else "message")
  const char* origin;    // "User" or "Service"; nullptr for the front end's own errors
};

LambdaErrorInfo lambda_info(ErrorCode code) {
  switch (code) {
    case ErrorCode::kValidation: return {"ValidationException", 400, false, nullptr};
    case ErrorCode::kInvalidParameterValue: return {"InvalidParameterValueException", 400, false, "User"};
    case ErrorCode::kInvalidRequestContent:
    case ErrorCode::kSerialization: return {"InvalidRequestContentException", 400, false, "User"};
    case ErrorCode::kResourceNotFound: return {"ResourceNotFoundException", 404, true, "User"};
    case ErrorCode::kResourceConflict: return {"ResourceConflictException", 409, false, "User"};
    case ErrorCode::kUnknownOperation: return {"UnknownOperationException", 404, false, nullptr};
    case ErrorCode::kMissingAuthenticationToken: return {"MissingAuthenticationTokenException", 403, false, nullptr};
    case ErrorCode::kIncompleteSignature: return {"IncompleteSignatureException", 403, false, nullptr};
    case ErrorCode::kInvalidSignature: return {"InvalidSignatureException", 403, false, nullptr};
    case ErrorCode::kUnrecognizedClient: return {"UnrecognizedClientException", 403, false, nullptr};
    case ErrorCode::kRequestEntityTooLarge: return {"RequestTooLargeException", 413, false, "User"};
    default: return {"ServiceException", 500, true, "Service"};
  }
}

Result<std::string> answer(lambda_api::LambdaContext& context, lambda_api::LambdaOperation operation,
                           lambda_api::LambdaRequest& request, const http::Request& http_request, int& status) {
  JsonDocument document;
  bool has_body = http_request.method() == bhttp::verb::post || http_request.method() == bhttp::verb::put;
  if (has_body) {
    std::string_view text = http_request.body();
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) text = "{}";
    if (parse_json(text, document) != JsonParseOutcome::kParsed || !document.IsObject()) {
      return fail(ApiError{ErrorCode::kInvalidRequestContent, "Could not parse request body into json", {}});
    }
    request.body = &document;
  }
  auto result = operation(context, request);
  if (!result) return fail(result.error());
  status = result->status;
  return std::move(result->body);
}

}  // namespace

Result<auth::Signer> LambdaDispatcher::authenticate(const http::Request& request) const {
  if (verifier_ != nullptr) return verifier_->verify(auth::signed_request_of(request), clock_.now(), "lambda");
  auto header = request.find(bhttp::field::authorization);
  std::string_view authorization = header == request.end() ? std::string_view() : std::string_view(header->value());
  auth::CredentialKeyAndRegion scope = auth::credential_key_and_region(authorization, request.target());
  return auth::Signer{std::move(scope.access_key), std::move(scope.region)};
}

Result<triggers::TriggerService*> LambdaDispatcher::triggers_of(const auth::Signer& signer) {
  if (namespaces_ == nullptr) return &triggers_;
  return namespaces_->triggers_for(signer.access_key, signer.region);
}

http::Response LambdaDispatcher::handle(const http::Request& request, const std::string& request_id,
                                        std::size_t worker) {
  RequestGate::Pass pass = gate_.enter(worker);
  std::string_view target = request.target();
  std::string_view path = target.substr(0, target.find('?'));
  std::string_view query = target.size() > path.size() ? target.substr(path.size() + 1) : std::string_view();
  lambda_api::LambdaRequest lambda_request;
  int status = 200;
  Result<std::string> body;
  try {
    auto operation = lambda_api::find_lambda_operation(request.method_string(), path, lambda_request.uuid);
    auto signer = operation == nullptr ? Result<auth::Signer>(fail(ApiError{ErrorCode::kUnknownOperation, "", {}}))
                                       : authenticate(request);
    auto triggers = signer ? triggers_of(*signer) : Result<triggers::TriggerService*>(fail(signer.error()));
    if (!triggers) {
      body = fail(triggers.error());
    } else {
      lambda_request.query = auth::query_parameters(query);
      lambda_api::LambdaContext context{**triggers, signer->region};
      body = answer(context, operation, lambda_request, request, status);
    }
  } catch (const std::exception& e) {
    spdlog::error("request {} failed: {}", request_id, e.what());
    body = fail(ApiError::internal("An internal error occurred."));
  }
  if (!body) return error_response(request, body.error(), request_id);
  http::Response response{static_cast<bhttp::status>(status), request.version()};
  response.body() = std::move(*body);
  response.set(bhttp::field::content_type, "application/json");
  response.set("x-amzn-RequestId", request_id);
  return response;
}

http::Response LambdaDispatcher::error_response(const http::Request& request, const ApiError& error,
                                                const std::string& request_id) {
  LambdaErrorInfo info = lambda_info(error.code);
  rapidjson::StringBuffer buffer;
  JsonWriter w(buffer);
  w.StartObject();
  if (info.origin != nullptr) {
    w.Key("Type");
    w.String(info.origin);
  }
  w.Key(info.capital_message ? "Message" : "message");
  if (error.message.empty()) {
    w.Null();
  } else {
    w.String(error.message.data(), static_cast<rapidjson::SizeType>(error.message.size()));
  }
  w.EndObject();
  http::Response response{static_cast<bhttp::status>(info.status), request.version()};
  response.body().assign(buffer.GetString(), buffer.GetSize());
  response.set(bhttp::field::content_type, "application/json");
  response.set("x-amzn-ErrorType", info.type);
  response.set("x-amzn-RequestId", request_id);
  return response;
}

}  // namespace eddy::server
