// The HTTP message types the front end hands to the application: a plain Beast request in, a plain
// Beast response out. Nothing here knows DynamoDB.
#pragma once

#include <cstddef>
#include <functional>

#include <boost/beast/http.hpp>

namespace eddy::http {

using Request = boost::beast::http::request<boost::beast::http::string_body>;
using Response = boost::beast::http::response<boost::beast::http::string_body>;
// Called for every complete request on worker thread `worker` (0 to Listener::workers() - 1; each
// connection stays on one worker), so that per-worker state can be indexed without a lock. Must not
// throw.
using Handler = std::function<Response(Request& request, std::size_t worker)>;

}  // namespace eddy::http
