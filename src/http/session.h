// Session: one HTTP/1.1 connection, plain or TLS. Reads a request (with header and body limits, an
// idle deadline between requests, and header and body deadlines from the request's first byte, all
// asynchronous, so a slow client costs no thread), calls the handler, writes the response with the Server and Date headers every
// answer carries, and loops while the client keeps the connection alive. A request whose headers
// pass the limit, or that is not HTTP, gets 400; a body over the limit gets 413, after which the
// rest of the body is read and dropped (for a while) so that the client, still sending, can read
// the answer instead of a reset connection. A handler's Reply (http_types.h) may hold the answer
// back (a timer), reset the connection without one, or leave it to a Completion called later; the
// worker serves its other connections meanwhile.
#pragma once

#include <boost/asio/ip/tcp.hpp>

#include "http/http_types.h"
#include "http/listener.h"

namespace eddy::http {

// `worker` is the index of the worker whose io_context runs the socket.
void start_session(boost::asio::ip::tcp::socket socket, const ListenerOptions& options, const Handler& handler,
                   Listener& listener, std::size_t worker);

}  // namespace eddy::http
