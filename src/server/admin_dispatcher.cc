// The admin API's HTTP side; see admin_dispatcher.h.
#include "server/admin_dispatcher.h"

#include <exception>
#include <map>

#include <spdlog/spdlog.h>
#include <boost/asio/ip/address.hpp>

#include "admin/route_table.h"
#include "auth/signature_parts.h"
#include "auth/uri_encoding.h"
#include "protocol/json_parse.h"

namespace eddy::server {
namespace {

namespace bhttp = boost::beast::http;

http::Response to_response(const admin::AdminAnswer& answer, unsigned version) {
  http::Response response{static_cast<bhttp::status>(answer.status), version};
  response.set(bhttp::field::content_type, "application/json");
  response.body() = answer.body;
  return response;
}

// A query's name or value: '+' is a space there, then %XX decoded (auth::percent_decode; a '+'
// written as %2B stays a '+').
std::string query_decoded(std::string_view text) {
  std::string spaced(text);
  for (char& c : spaced) {
    if (c == '+') c = ' ';
  }
  return auth::percent_decode(spaced);
}

std::map<std::string, std::string> query_of(std::string_view query) {
  std::map<std::string, std::string> out;
  std::size_t start = 0;
  while (start < query.size()) {
    std::size_t end = query.find('&', start);
    if (end == std::string_view::npos) end = query.size();
    std::string_view pair = query.substr(start, end - start);
    std::size_t equals = pair.find('=');
    if (!pair.empty()) {
      out[query_decoded(pair.substr(0, equals))] =
          equals == std::string_view::npos ? std::string() : query_decoded(pair.substr(equals + 1));
    }
    start = end + 1;
  }
  return out;
}

// An answer given later, as the session's Later: the call's Deliver writes through the Completion.
http::Reply later_reply(const std::shared_ptr<admin::LaterAnswer>& later, unsigned version) {
  http::Reply reply;
  reply.later = std::make_shared<http::Later>();
  reply.later->timeout = later->timeout;
  reply.later->on_timeout = [later, version] { return to_response(later->on_timeout(), version); };
  reply.later->start = [later, version](const http::Completion& complete) {
    admin::LaterAnswer::Deliver deliver;
    deliver.answer = [complete, version](const admin::AdminAnswer& answer) {
      return complete(to_response(answer, version));
    };
    deliver.done = [complete] { return complete.done(); };
    later->start(std::move(deliver));
  };
  return reply;
}

}  // namespace

bool AdminDispatcher::is_loopback(const std::string& host) {
  boost::system::error_code ec;
  auto address = boost::asio::ip::make_address(host, ec);
  if (ec) return false;
  if (address.is_v6() && address.to_v6().is_v4_mapped()) {
    return address.to_v6().to_v4().is_loopback();
  }
  return address.is_loopback();
}

http::Reply AdminDispatcher::handle(const http::Request& request, std::size_t worker) {
  unsigned version = request.version();
  if (!allowed_) {
    return to_response(
        admin::admin_error(403, "AccessDeniedException",
                           "The eddy admin API is refused: eddy listens on " + host_ +
                               ", which is not a loopback address. Start eddy with --admin to allow it."),
        version);
  }
  if (gate_.wait() == nullptr || context_.load(std::memory_order_acquire) == nullptr) {
    return to_response(admin::admin_error(500, "InternalServerError", "eddy failed to start"), version);
  }
  try {
    return route(request, worker);
  } catch (const std::exception& e) {
    spdlog::error("admin call {} {} failed: {}", std::string(request.method_string()), std::string(request.target()),
                  e.what());
    return to_response(admin::admin_error(500, "InternalServerError",
                                          "The server encountered an internal error trying to fulfill the request."),
                       version);
  }
}

Result<admin::AdminContext*> AdminDispatcher::admin_for(const http::Request& request,
                                                        const std::map<std::string, std::string>& query) {
  admin::AdminContext* shared = context_.load(std::memory_order_acquire);
  if (namespaces_ == nullptr) return shared;
  auto header = request.find(bhttp::field::authorization);
  if (header != request.end()) {
    std::string_view authorization(header->value().data(), header->value().size());
    std::string access_key = auth::credential_access_key(authorization, {});
    std::string region = auth::credential_region(authorization, {});
    if (!access_key.empty() && !region.empty()) return namespaces_->admin_for(access_key, region);
  }
  auto access_key = query.find("accessKeyId");
  auto region = query.find("region");
  if (access_key == query.end() && region == query.end()) return shared;
  if (access_key == query.end() || region == query.end() || access_key->second.empty() || region->second.empty()) {
    return fail(ApiError::validation("accessKeyId and region name a namespace together: give both, or neither"));
  }
  return namespaces_->admin_for(access_key->second, region->second);
}

http::Reply AdminDispatcher::route(const http::Request& request, std::size_t worker) {
  unsigned version = request.version();
  std::string_view target = request.target();
  std::size_t question = target.find('?');
  std::string path = auth::percent_decode(target.substr(0, question));
  std::string method(request.method_string());
  admin::RouteMatch match = admin::find_route(method, path);
  if (match.handler == nullptr) {
    if (match.path_known) {
      return to_response(admin::admin_error(405, "MethodNotAllowedException", method + " is not a call of " + path),
                         version);
    }
    return to_response(admin::admin_error(404, "UnknownOperationException", "No admin call " + method + " " + path),
                       version);
  }
  JsonDocument body;
  body.SetObject();
  if (!request.body().empty() && (parse_json(request.body(), body) != JsonParseOutcome::kParsed || !body.IsObject())) {
    return to_response(admin::admin_error(400, "SerializationException", "The body must be a JSON object"), version);
  }
  admin::AdminCall call;
  call.method = method;
  call.path = path;
  call.parameters = std::move(match.parameters);
  if (question != std::string_view::npos) call.query = query_of(target.substr(question + 1));
  call.body = &body;
  call.worker = worker;
  admin::AdminContext* context = context_.load(std::memory_order_acquire);
  if (match.scope == admin::Scope::kNamespace) {
    Result<admin::AdminContext*> named = admin_for(request, call.query);
    if (!named) {
      const ApiError& error = named.error();
      return to_response(admin::api_failure(error.http_status(), error.type_name(), error.message), version);
    }
    context = *named;
  }
  admin::AdminAnswer answer = match.handler(*context, call);
  if (answer.later != nullptr) return later_reply(answer.later, version);
  return to_response(answer, version);
}

}  // namespace eddy::server
