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
constexpr std::size_t kScratchSize = 16u << 10;
// The first read of a request: small, since an idle connection holds it until its client speaks.
constexpr std::size_t kFirstRead = 512;

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
      : options_(options), handler_(handler), listener_(listener), slot_(listener), worker_(worker) {}
  ~Session() {
    // A completion held elsewhere (a wait) then knows that nobody is listening any more.
    if (pending_ != nullptr) pending_->done = true;
    release_body();
  }

 protected:
  Derived& derived() { return static_cast<Derived&>(*this); }
  beast::tcp_stream& socket() { return beast::get_lowest_layer(derived().stream()); }

  // Between requests only the idle deadline runs, and the connection holds no read buffer; the
  // request's deadlines start with its first byte.
  void read() {
    release_body();
    head_ = false;
    prepare_request_parser(parser_, options_);
    if (buffer_.size() > 0) return on_first_byte();  // pipelined: already here
    buffer_.shrink_to_fit();
    socket().expires_after(std::chrono::seconds(options_.idle_timeout_seconds));
    derived().stream().async_read_some(buffer_.prepare(kFirstRead),
                                       [self = derived().shared_from_this()](beast::error_code ec, std::size_t n) {
                                         if (ec) return self->close();
                                         self->buffer_.commit(n);
                                         self->on_first_byte();
                                       });
  }

 private:
  void on_first_byte() {
    request_start_ = std::chrono::steady_clock::now();
    body_bytes_ = 0;
    socket().expires_at(request_start_ + std::chrono::seconds(options_.header_timeout_seconds));
    bhttp::async_read_header(derived().stream(), buffer_, *parser_,
                             [self = derived().shared_from_this()](beast::error_code ec, std::size_t) {
                               if (ec) return self->on_read(ec);
                               if (!self->reserve_body()) return self->reply_throttled();
                               self->read_body();
                             });
  }

  // The body's bytes count against the listener's max_body_bytes_in_flight until the answer.
  bool reserve_body() {
    auto length = parser_->content_length();
    if (length.has_value() && *length == 0) return true;
    std::size_t wanted =
        length.has_value() ? std::min<std::uint64_t>(*length, options_.body_limit) : options_.body_limit;
    if (!listener_.reserve_body(wanted)) return false;
    reserved_ = wanted;
    return true;
  }

  void release_body() {
    if (reserved_ == 0) return;
    listener_.release_body(reserved_);
    reserved_ = 0;
  }

  // The body's deadline moves on with what has arrived: body_timeout_seconds from the first byte,
  // plus a second per min_body_bytes_per_second received.
  void read_body() {
    if (parser_->is_done()) return on_read({});
    auto earned =
        std::chrono::duration<double>(static_cast<double>(body_bytes_) / static_cast<double>(std::max<std::size_t>(
                                                                             1, options_.min_body_bytes_per_second)));
    socket().expires_at(request_start_ + std::chrono::seconds(options_.body_timeout_seconds) +
                        std::chrono::duration_cast<std::chrono::steady_clock::duration>(earned));
    bhttp::async_read_some(derived().stream(), buffer_, *parser_,
                           [self = derived().shared_from_this()](beast::error_code ec, std::size_t n) {
                             if (ec) return self->on_read(ec);
                             self->body_bytes_ += n;
                             self->read_body();
                           });
  }

  void on_read(beast::error_code ec) {
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
    if (reply.later != nullptr) return answer_later(reply.later);
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
  void answer_later(const std::shared_ptr<Later>& later) {
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

  // Too many bodies in flight: DynamoDB's answer to a client it slows down, which SDKs retry after
  // a backoff; the body is drained, as after a 413, so that the client reads the answer.
  void reply_throttled() {
    Response response{bhttp::status::bad_request, 11};
    response.set(bhttp::field::content_type, "application/x-amz-json-1.0");
    response.body() =
        R"({"__type":"com.amazon.coral.availability#ThrottlingException","message":"Rate of requests exceeds the allowed throughput."})";
    response.keep_alive(false);
    write(std::move(response), After::kDrain);
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
    if (scratch_ == nullptr) scratch_ = std::make_unique<char[]>(kScratchSize);
    derived().stream().async_read_some(
        asio::buffer(scratch_.get(), kScratchSize),
        [self = derived().shared_from_this(), drained](beast::error_code ec, std::size_t n) {
          if (ec) return self->close();
          self->drain(drained + n);
        });
  }

  const ListenerOptions& options_;
  const Handler& handler_;
  Listener& listener_;
  ConnectionSlot slot_;  // counted against --max-connections while the session lives
  std::size_t worker_;   // the worker thread (and io_context) that owns this connection
  beast::flat_buffer buffer_;
  std::optional<RequestParser> parser_;
  std::string wire_head_;                       // the answer being written: its head (kept for the next answers' heads)
  std::string wire_body_;                       // ... and its body
  bool head_ = false;                           // the request being answered is a HEAD
  bool keep_alive_ = false;                     // the request being answered asked to keep the connection
  std::optional<asio::steady_timer> timer_;     // a delayed or later answer's
  std::shared_ptr<Completion::State> pending_;  // a later answer's, until it is written
  std::unique_ptr<char[]> scratch_;             // the drain's, only once it drains
  std::chrono::steady_clock::time_point request_start_;  // the first byte of the request being read
  std::size_t body_bytes_ = 0;                           // of its body, read so far
  std::size_t reserved_ = 0;                             // of Listener::reserve_body, until the request is answered
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
        handshake_timeout_(options.header_timeout_seconds) {}

  beast::ssl_stream<beast::tcp_stream>& stream() { return stream_; }

  void start() {
    asio::dispatch(stream_.get_executor(), [self = shared_from_this()] {
      beast::get_lowest_layer(self->stream_).expires_after(std::chrono::seconds(self->handshake_timeout_));
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
  int handshake_timeout_;  // a TLS handshake is held to a request's header deadline
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
