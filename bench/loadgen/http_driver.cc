// The closed-loop driver; see http_driver.h. All connections share one io_context run by
// `threads` threads; each connection touches only its own state, so only counters are shared.
#include "http_driver.h"

#include <atomic>
#include <mutex>
#include <thread>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

namespace eddy::bench {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using Clock = std::chrono::steady_clock;

struct Shared {
  Clock::time_point deadline;
  std::uint64_t max_requests = 0;
  std::atomic<std::uint64_t> issued{0};
  std::mutex mutex;  // guards the merge of per-connection results only
  DriveResult result;
};

class Connection : public std::enable_shared_from_this<Connection> {
 public:
  Connection(asio::io_context& io, const Endpoint& endpoint, std::unique_ptr<CallSource> source, Shared& shared)
      : stream_(io), endpoint_(endpoint), source_(std::move(source)), shared_(shared) {
    // Beast reads at most the buffer's free capacity per receive; a small buffer turns a 300 KB
    // GetRecords answer into hundreds of recvmsg calls and makes the load generator the bottleneck.
    buffer_.reserve(std::size_t{256} * 1024);
  }

  void start(const asio::ip::tcp::resolver::results_type& addresses) {
    stream_.async_connect(addresses, [self = shared_from_this()](beast::error_code ec, auto) {
      if (ec) return self->finish(true);
      self->stream_.socket().set_option(asio::ip::tcp::no_delay(true));
      self->send_next();
    });
  }

  ~Connection() { merge(); }

 private:
  void send_next() {
    if (Clock::now() >= shared_.deadline) return finish(false);
    if (shared_.max_requests && shared_.issued.fetch_add(1) >= shared_.max_requests) return finish(false);
    std::optional<Call> call = source_->next(sequence_++);
    if (!call) return finish(false);
    request_ = {bhttp::verb::post, "/", 11};
    request_.set(bhttp::field::host, endpoint_.host);
    request_.set(bhttp::field::content_type, "application/x-amz-json-1.0");
    request_.set("X-Amz-Target", call->target);
    request_.set(bhttp::field::authorization, kAuthorization);
    request_.set("X-Amz-Date", kAmzDate);
    request_.body() = std::move(call->body);
    request_.prepare_payload();
    started_ = Clock::now();
    bhttp::async_write(stream_, request_, [self = shared_from_this()](beast::error_code ec, std::size_t) {
      if (ec) return self->finish(true);
      self->read_answer();
    });
  }

  void read_answer() {
    response_ = {};
    parser_.emplace();
    parser_->body_limit(std::uint64_t{64} * 1024 * 1024);
    bhttp::async_read(stream_, buffer_, *parser_, [self = shared_from_this()](beast::error_code ec, std::size_t) {
      if (ec) return self->finish(true);
      self->on_answer();
    });
  }

  void on_answer() {
    auto micros = std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - started_).count();
    latencies_.push_back(static_cast<std::uint32_t>(micros));
    response_ = parser_->release();
    int status = static_cast<int>(response_.result_int());
    if (status < 200 || status >= 300) {
      ++non_2xx_;
      if (first_error_.empty()) first_error_ = std::to_string(status) + " " + response_.body().substr(0, 300);
    }
    source_->on_answer(status, response_.body());
    if (!response_.keep_alive()) return finish(true);
    send_next();
  }

  void finish(bool transport_error) {
    if (transport_error) ++transport_errors_;
    beast::error_code ignored;
    stream_.socket().shutdown(asio::ip::tcp::socket::shutdown_both, ignored);
  }

  void merge() {
    std::lock_guard lock(shared_.mutex);
    DriveResult& total = shared_.result;
    total.requests += latencies_.size();
    total.non_2xx += non_2xx_;
    total.transport_errors += transport_errors_;
    total.latencies_us.insert(total.latencies_us.end(), latencies_.begin(), latencies_.end());
    if (total.first_error.empty()) total.first_error = first_error_;
  }

  beast::tcp_stream stream_;
  const Endpoint& endpoint_;
  std::unique_ptr<CallSource> source_;
  Shared& shared_;
  beast::flat_buffer buffer_;
  bhttp::request<bhttp::string_body> request_;
  bhttp::response<bhttp::string_body> response_;
  std::optional<bhttp::response_parser<bhttp::string_body>> parser_;
  Clock::time_point started_;
  std::uint64_t sequence_ = 0;
  std::vector<std::uint32_t> latencies_;
  std::uint64_t non_2xx_ = 0;
  std::uint64_t transport_errors_ = 0;
  std::string first_error_;
};

}  // namespace

DriveResult drive(const Endpoint& endpoint, const DriveOptions& options,
                  const std::function<std::unique_ptr<CallSource>(std::size_t)>& make_source) {
  asio::io_context io;
  Shared shared;
  shared.max_requests = options.max_requests;
  asio::ip::tcp::resolver resolver(io);
  auto addresses = resolver.resolve(endpoint.host, endpoint.port);
  auto begin = Clock::now();
  shared.deadline = begin + options.duration;
  for (std::size_t i = 0; i < options.connections; ++i) {
    std::make_shared<Connection>(io, endpoint, make_source(i), shared)->start(addresses);
  }
  std::vector<std::thread> extra;
  for (std::size_t i = 1; i < options.threads; ++i) extra.emplace_back([&io] { io.run(); });
  io.run();
  for (auto& thread : extra) thread.join();
  shared.result.seconds = std::chrono::duration<double>(Clock::now() - begin).count();
  return std::move(shared.result);
}

}  // namespace eddy::bench
