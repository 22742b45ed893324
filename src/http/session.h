// Session: one HTTP/1.1 connection. Reads a request (with a body limit and an idle deadline),
// calls the handler, writes the response, and loops while the client keeps the connection alive.
#pragma once

#include <memory>

#include <boost/asio/ip/tcp.hpp>

#include "http/http_types.h"
#include "http/listener.h"

namespace eddy::http {

// `worker` is the index of the worker whose io_context runs the socket.
void start_session(boost::asio::ip::tcp::socket socket, const ListenerOptions& options, const Handler& handler,
                   Listener& listener, std::size_t worker);

}  // namespace eddy::http
