// The HTTP message types the front end hands to the application: a plain Beast request in, a plain
// Beast response out. Nothing here knows DynamoDB.
#pragma once

#include <functional>

#include <boost/beast/http.hpp>

namespace eddy::http {

using Request = boost::beast::http::request<boost::beast::http::string_body>;
using Response = boost::beast::http::response<boost::beast::http::string_body>;
// Called on a worker thread for every complete request; must not throw.
using Handler = std::function<Response(Request&)>;

}  // namespace eddy::http
