// Request -> operation -> response body; see dispatcher.h.
#include "server/dispatcher.h"

#include <exception>
#include <utility>

#include <spdlog/spdlog.h>

#include "admin/injected_error.h"
#include "auth/signature_parts.h"
#include "auth/signed_request.h"
#include "model/result.h"
#include "ops/operation_table.h"
#include "protocol/json.h"
#include "protocol/json_parse.h"
#include "server/request_log.h"

namespace eddy::server {
namespace {

namespace bhttp = boost::beast::http;

// The operation X-Amz-Target names (nullptr when none), and its name in `name`.
ops::Operation find_target(const http::Request& request, std::string_view& name) {
  auto header = request.find("X-Amz-Target");
  if (header == request.end()) return nullptr;
  std::string_view target = header->value();
  auto dot = target.find('.');
  if (dot == std::string_view::npos) return nullptr;
  name = target.substr(dot + 1);
  return ops::find_operation(target.substr(0, dot), name);
}

}  // namespace

std::string error_body(const ApiError& error) {
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writer.StartObject();
  writer.Key("__type");
  std::string type = error.type_name();
  writer.String(type.data(), static_cast<rapidjson::SizeType>(type.size()));
  if (!error.message.empty()) {
    // The request framework's errors spell the member with a capital M.
    bool framework = error.code == ErrorCode::kSerialization || error.code == ErrorCode::kAccessDenied;
    writer.Key(framework ? "Message" : "message");
    writer.String(error.message.data(), static_cast<rapidjson::SizeType>(error.message.size()));
  }
  writer.EndObject();
  std::string body(buffer.GetString(), buffer.GetSize());
  if (!error.extra_json.empty()) {
    body.pop_back();
    body += "," + error.extra_json + "}";
  }
  return body;
}

// The access key and region of the credential scope; with --credentials only once the signature is
// verified.
Result<auth::Signer> Dispatcher::authenticate(const http::Request& request) {
  if (verifier_ != nullptr) return verifier_->verify(auth::signed_request_of(request), state_.clock.now());
  auto header = request.find(bhttp::field::authorization);
  std::string_view authorization;
  if (header != request.end()) authorization = std::string_view(header->value().data(), header->value().size());
  std::string_view target = request.target();
  bool presigned = target.find("X-Amz-Algorithm=") != std::string_view::npos;
  if (header == request.end() && !presigned) {
    return fail(ApiError{ErrorCode::kMissingAuthenticationToken, "Request is missing Authentication Token", {}});
  }
  auth::CredentialKeyAndRegion scope = auth::credential_key_and_region(authorization, target);
  return auth::Signer{std::move(scope.access_key), std::move(scope.region)};
}

// `table`, when not null, is given the table(s) the request names, for the request's log line.
Result<void> Dispatcher::inject(std::string_view operation, const JsonValue& document, Injected& injected) {
  std::optional<admin::Fault> fault = faults_->match(operation, table_names_in(document), state_.clock.now());
  if (!fault) return {};
  switch (fault->action) {
    case admin::FaultRule::Action::kError: return fail(admin::injected_error(fault->error, operation, document));
    case admin::FaultRule::Action::kLatency: injected.delay = std::chrono::milliseconds(fault->latency_ms); break;
    case admin::FaultRule::Action::kDropConnection: injected.drop_connection = true; break;
  }
  return {};
}

Result<std::string> Dispatcher::dispatch(const http::Request& request, std::string_view json,
                                         const std::string& request_id, std::string* table, Injected& injected) {
  JsonDocument document;
  if (!json.empty() && parse_json(json, document) != JsonParseOutcome::kParsed) {
    return fail(ApiError{ErrorCode::kSerialization, "", {}});
  }
  std::string_view name;
  ops::Operation operation = find_target(request, name);
  if (operation == nullptr) return fail(ApiError{ErrorCode::kUnknownOperation, "", {}});
  EDDY_TRY(auth::Signer signer, authenticate(request));
  if (json.empty()) return fail(ApiError{ErrorCode::kSerialization, "", {}});
  if (!document.IsObject()) return fail(ApiError::serialization("Start of structure or map found where not expected."));
  if (table != nullptr) *table = tables_named_in(document);
  auto host = request.find(bhttp::field::host);
  if (faults_ != nullptr && faults_->any()) {
    EDDY_TRY_VOID(inject(name, document, injected));
    if (injected.drop_connection) return std::string();  // never run: nothing is written
  }
  ops::ServerState* state = &state_;
  if (namespaces_ != nullptr) {
    EDDY_TRY(state, namespaces_->state_for(signer.access_key, signer.region));
  }
  ops::RequestContext context{*state, std::move(signer.region), request_id,
                              host == request.end() ? std::string() : std::string(host->value())};
  return operation(context, document);
}

http::Response Dispatcher::error_response(const http::Request& request, const ApiError& error,
                                          const std::string& request_id) {
  http::Response response{static_cast<bhttp::status>(error.http_status()), request.version()};
  response.body() = error_body(error);
  response.set("x-amzn-RequestId", request_id);
  return response;
}

http::Reply Dispatcher::handle(const http::Request& request, std::string_view json, const std::string& request_id,
                               std::size_t worker) {
  Result<std::string> body;
  RequestLog log;
  Injected injected;
  expr::ExpressionCaches::Scope caches(caches_[worker % caches_.size()]);
  try {
    RequestGate::Pass pass = gate_.enter(worker);
    body = dispatch(request, json, request_id, log.table(), injected);
  } catch (const std::exception& e) {
    spdlog::error("request {} failed: {}", request_id, e.what());
    body = fail(ApiError::internal("The server encountered an internal error trying to fulfill the request."));
  }
  if (injected.drop_connection) {
    http::Reply dropped;
    dropped.drop_connection = true;
    return dropped;
  }
  http::Response response =
      body ? http::Response{bhttp::status::ok, request.version()} : error_response(request, body.error(), request_id);
  if (body) {
    response.body() = std::move(*body);
    response.set("x-amzn-RequestId", request_id);
  }
  if (log.enabled()) log.write(request, response, body ? nullptr : &body.error());
  http::Reply reply(std::move(response));
  reply.delay = injected.delay;
  return reply;
}

}  // namespace eddy::server
