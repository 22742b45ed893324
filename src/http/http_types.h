// The HTTP message types the front end hands to the application: a plain Beast request in, a plain
// Beast response out. Nothing here knows DynamoDB.
//
// A handler usually answers with a Response at once. It may also ask the session, through a Reply,
// to hold the answer back for a while, to close the connection without answering, or to answer
// later from another thread; the worker serves its other connections meanwhile in every case.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>

#include <boost/beast/http.hpp>

namespace eddy::http {

using Request = boost::beast::http::request<boost::beast::http::string_body>;
using Response = boost::beast::http::response<boost::beast::http::string_body>;

// Delivers the answer of a request whose reply was Later. Copyable and callable from any thread;
// only the first answer (this one's or the timeout's) is written, the others do nothing.
class Completion {
 public:
  struct State;
  Completion() = default;
  explicit Completion(std::shared_ptr<State> state) : state_(std::move(state)) {}
  // True when this answer is the one written (the first to come).
  bool operator()(Response response) const;
  // True once the request was answered (by this completion or by the timeout) or its connection is gone.
  bool done() const;

 private:
  std::shared_ptr<State> state_;
};

// An answer that is not ready when the handler returns.
struct Later {
  // Called once on the worker thread, right after the handler returned; keeps `complete` and calls
  // it when the answer is ready.
  std::function<void(Completion complete)> start;
  // If nothing was delivered after this long, `on_timeout()` is the answer.
  std::chrono::milliseconds timeout{0};
  std::function<Response()> on_timeout;
};

// The implicit move assignment is Beast's message's, which may copy (and so throw) only with an
// allocator that does not move, never with std::allocator.
// NOLINTNEXTLINE(bugprone-exception-escape)
struct Reply {
  Reply() = default;
  Reply(Response answer) : response(std::move(answer)) {}  // NOLINT: a plain answer is a Reply

  Response response;
  // Write `response` this much later. Default: 0, at once.
  std::chrono::milliseconds delay{0};
  // Close the connection without any answer (its request is not answered). Default: false.
  bool drop_connection = false;
  // Set: the answer comes later (`response` and `delay` are not used).
  std::shared_ptr<Later> later;
};

// Called for every complete request on worker thread `worker` (0 to Listener::workers() - 1; each
// connection stays on one worker), so that per-worker state can be indexed without a lock. Must not
// throw.
using Handler = std::function<Reply(Request& request, std::size_t worker)>;

}  // namespace eddy::http
