// One HTTP/1.1 connection, after Boost.Beast's server examples (the "flex" one for plain and TLS
// streams alike): read with limits and a deadline, call a plain function, write, loop for
// keep-alive. Errors close the connection cleanly; see session.h.
#include "http/session.h"

#include <array>
#include <atomic>
#include <chrono>
#include <memory>
#include <optional>

#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>

#include "http/http_date.h"
#include "http/request_reader.h"
#include "http/response_wire.h"

namespace eddy::http {

// What a Later reply's completions share with its session: whether it was answered, and how to
// hand an answer to the session's thread. `deliver` is set once, before any completion exists.
struct Completion::State {
  std::atomic<bool> done{false};
  std::function<void(Response)> deliver;
};

bool Completion::operator()(Response response) const {
  if (state_ == nullptr || state_->done.exchange(true)) return false;
  state_->deliver(std::move(response));
  return true;
}

bool Completion::done() const { return state_ == nullptr || state_->done.load(); }

namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;

// How much of an oversized body is read and dropped after the 413, and for how long at most.
constexpr std::size_t kDrainLimit = 64u << 20;
constexpr auto kDrainDeadline = std::chrono::seconds(10);

double system_now() {
  using namespace std::chrono;
  return duration_cast<duration<double>>(system_clock::now().time_since_epoch()).count();
}

void reset_connection(beast::tcp_stream& stream) {
  beast::error_code ignored;
  stream.socket().set_option(asio::socket_base::linger(true, 0), ignored);
  stream.close();
}

// The request/response loop, shared by both kinds of stream; Derived supplies stream(), start()
// and close().
template <class Derived>
class Session {
 public:
  Session(const ListenerOptions& options, const Handler& handler, Listener& listener, std::size_t worker)
      : options_(options), handler_(handler), listener_(listener), worker_(worker) {}
  ~Session() {
    // A completion held elsewhere (a wait) then knows that nobody is listening any more.
    if (pending_ != nullptr) pending_->done = true;
  }

 protected:
  Derived& derived() { return static_cast<Derived&>(*this); }
  beast::tcp_stream& socket() { return beast::get_lowest_layer(derived().stream()); }

  void read() {
    head_ = false;
    prepare_request_parser(parser_, options_);
    socket().expires_after(std::chrono::seconds(options_.idle_timeout_seconds));
    bhttp::async_read(derived().stream(), buffer_, *parser_,
                      beast::bind_front_handler(&Session::on_read, derived().shared_from_this()));
  }

 private:
  void on_read(beast::error_code ec, std::size_t) {
    switch (read_outcome(ec)) {
      case ReadOutcome::kRequest: break;
      case ReadOutcome::kBodyTooLarge: return reply_too_large();
      case ReadOutcome::kMalformed: return reply_bad_request();
      case ReadOutcome::kClosed:
      case ReadOutcome::kFailed: return derived().close();
    }
    Request request = parser_->release();
    head_ = request.method() == bhttp::verb::head;
    keep_alive_ = request.keep_alive();
    listener_.in_flight()++;
    Reply reply = handler_(request, worker_);
    listener_.in_flight()--;
    if (reply.drop_connection) return derived().abort();
    if (reply.later != nullptr) return answer_later(std::move(reply.later));
    if (reply.delay.count() > 0) return answer_after(reply.delay, std::move(reply.response));
    answer(std::move(reply.response));
  }

  void answer(Response response) {
    bool keep_alive = keep_alive_ && !listener_.stopping();
    response.keep_alive(keep_alive);
    if (keep_alive && response.version() == 11) response.set(bhttp::field::connection, "keep-alive");
    write(std::move(response), keep_alive ? After::kRead : After::kClose);
  }

  // The timer's handler keeps the session alive meanwhile; nothing is read until the answer is written.
  void answer_after(std::chrono::milliseconds delay, Response response) {
    timer_.emplace(socket().get_executor());
    timer_->expires_after(delay);
    timer_->async_wait([self = derived().shared_from_this(), response = std::move(response)](
                           beast::error_code) mutable { self->answer(std::move(response)); });
  }

  // Whichever comes first, a completion's answer or the timeout's, is written; the state's `done`
  // decides, so that the other does nothing.
  void answer_later(std::shared_ptr<Later> later) {
    auto state = std::make_shared<Completion::State>();
    std::weak_ptr<Derived> weak = derived().shared_from_this();
    state->deliver = [weak, executor = socket().get_executor()](Response response) {
      auto self = weak.lock();
      if (self == nullptr) return;
      asio::post(executor, [self, response = std::move(response)]() mutable {
        self->timer_->cancel();
        self->pending_.reset();
        self->answer(std::move(response));
      });
    };
    pending_ = state;
    timer_.emplace(socket().get_executor());
    timer_->expires_after(later->timeout);
    timer_->async_wait([self = derived().shared_from_this(), state, later](beast::error_code ec) {
      if (ec || state->done.exchange(true)) return;
      self->pending_.reset();
      self->answer(later->on_timeout());
    });
    later->start(Completion(state));
  }

  void reply_bad_request() {
    Response response{bhttp::status::bad_request, 11};
    response.keep_alive(false);
    write(std::move(response), After::kClose);
  }

  void reply_too_large() {
    Response response{bhttp::status::payload_too_large, 11};
    response.set(bhttp::field::content_type, "application/x-amz-json-1.0");
    response.body() =
        R"({"__type":"com.amazon.coral.service#RequestEntityTooLarge","message":"Request entity too large"})";
    response.keep_alive(false);
    write(std::move(response), After::kDrain);
  }

  enum class After { kRead, kClose, kDrain };

  void write(Response response, After after) {
    response.set(bhttp::field::server, options_.server_name);
    response.set(bhttp::field::date, http_date(options_.now ? options_.now() : system_now()));
    response.prepare_payload();
    // An answer to HEAD keeps its headers, Content-Length included. The head in one buffer, sent
    // with the body in one gathered write: see http/response_wire.h.
    write_wire_head(response, wire_head_);
    wire_body_ = head_ ? std::string() : std::move(response.body());
    socket().expires_after(std::chrono::seconds(options_.idle_timeout_seconds));
    asio::async_write(derived().stream(),
                      std::array<asio::const_buffer, 2>{asio::buffer(wire_head_), asio::buffer(wire_body_)},
                      [self = derived().shared_from_this(), after](beast::error_code ec, std::size_t) {
                        self->wire_body_ = std::string();
                        if (ec || after == After::kClose) return self->close();
                        if (after == After::kDrain) return self->drain(0);
                        self->read();
                      });
  }

  // Reads and drops what the client still sends, until it stops, the limit or the deadline.
  void drain(std::size_t drained) {
    if (drained == 0) socket().expires_after(kDrainDeadline);
    if (drained >= kDrainLimit) return derived().close();
    derived().stream().async_read_some(
        asio::buffer(scratch_), [self = derived().shared_from_this(), drained](beast::error_code ec, std::size_t n) {
          if (ec) return self->close();
          self->drain(drained + n);
        });
  }

  const ListenerOptions& options_;
  const Handler& handler_;
  Listener& listener_;
  std::size_t worker_;  // the worker thread (and io_context) that owns this connection
  beast::flat_buffer buffer_;
  std::optional<RequestParser> parser_;
  std::string wire_head_;                       // the answer being written: its head (kept for the next answers' heads)
  std::string wire_body_;                       // ... and its body
  bool head_ = false;                           // the request being answered is a HEAD
  bool keep_alive_ = false;                     // the request being answered asked to keep the connection
  std::optional<asio::steady_timer> timer_;     // a delayed or later answer's
  std::shared_ptr<Completion::State> pending_;  // a later answer's, until it is written
  char scratch_[16 * 1024];
};

class PlainSession : public Session<PlainSession>, public std::enable_shared_from_this<PlainSession> {
 public:
  PlainSession(asio::ip::tcp::socket socket, const ListenerOptions& options, const Handler& handler, Listener& listener,
               std::size_t worker)
      : Session(options, handler, listener, worker), stream_(std::move(socket)) {}

  beast::tcp_stream& stream() { return stream_; }
  void start() {
    asio::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->read(); });
  }
  void close() {
    beast::error_code ignored;
    stream_.socket().shutdown(asio::ip::tcp::socket::shutdown_send, ignored);
    stream_.close();
  }
  // Resets the connection (RST, no answer), as a crashed server or a load balancer would.
  void abort() { reset_connection(stream_); }

 private:
  beast::tcp_stream stream_;
};

class TlsSession : public Session<TlsSession>, public std::enable_shared_from_this<TlsSession> {
 public:
  TlsSession(asio::ip::tcp::socket socket, asio::ssl::context& tls, const ListenerOptions& options,
             const Handler& handler, Listener& listener, std::size_t worker)
      : Session(options, handler, listener, worker),
        stream_(std::move(socket), tls),
        idle_(options.idle_timeout_seconds) {}

  beast::ssl_stream<beast::tcp_stream>& stream() { return stream_; }

  void start() {
    asio::dispatch(stream_.get_executor(), [self = shared_from_this()] {
      beast::get_lowest_layer(self->stream_).expires_after(std::chrono::seconds(self->idle_));
      self->stream_.async_handshake(asio::ssl::stream_base::server, [self](beast::error_code ec) {
        if (ec) return beast::get_lowest_layer(self->stream_).close();
        self->read();
      });
    });
  }

  void abort() { reset_connection(beast::get_lowest_layer(stream_)); }

  // TLS close_notify, then the TCP connection; a client that never answers is cut off by the deadline.
  void close() {
    beast::get_lowest_layer(stream_).expires_after(std::chrono::seconds(5));
    stream_.async_shutdown(
        [self = shared_from_this()](beast::error_code) { beast::get_lowest_layer(self->stream_).close(); });
  }

 private:
  beast::ssl_stream<beast::tcp_stream> stream_;
  int idle_;
};

}  // namespace

void start_session(asio::ip::tcp::socket socket, const ListenerOptions& options, const Handler& handler,
                   Listener& listener, std::size_t worker) {
  if (asio::ssl::context* tls = listener.tls()) {
    std::make_shared<TlsSession>(std::move(socket), *tls, options, handler, listener, worker)->start();
  } else {
    std::make_shared<PlainSession>(std::move(socket), options, handler, listener, worker)->start();
  }
}

}  // namespace eddy::http
