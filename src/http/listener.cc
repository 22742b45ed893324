// Accepting connections and running the worker pool; see listener.h.
#include "http/listener.h"

#include <chrono>

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <functional>

#include "http/open_file_limit.h"
#include "http/session.h"

namespace eddy::http {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;

namespace {

std::vector<std::unique_ptr<asio::io_context>> make_contexts(std::size_t threads) {
  std::size_t count = threads != 0 ? threads : std::max(1u, std::thread::hardware_concurrency());
  std::vector<std::unique_ptr<asio::io_context>> contexts;
  // Concurrency hint 1: each context is run by exactly one thread (posting from others stays safe).
  for (std::size_t i = 0; i < count; ++i) contexts.push_back(std::make_unique<asio::io_context>(1));
  return contexts;
}

}  // namespace

ConnectionSlot::ConnectionSlot(Listener& listener) : listener_(listener) { listener_.connections_++; }

ConnectionSlot::~ConnectionSlot() { listener_.connections_--; }

Listener::Listener(ListenerOptions options, Handler handler)
    : options_(std::move(options)),
      handler_(std::move(handler)),
      contexts_(make_contexts(options_.threads)),
      acceptor_(*contexts_[0]),
      accept_pause_(std::make_unique<asio::steady_timer>(*contexts_[0])) {}

Listener::~Listener() {
  if (!runner_.joinable()) return;
  // stop() posts work to the acceptor's context, which can throw (allocation); a destructor must
  // not, so the workers are then stopped at once, without the grace period.
  try {
    stop();
  } catch (...) {
    stop_all();
  }
  runner_.join();
}

bool Listener::bind(std::string& error) {
  if (!options_.tls_certificate_file.empty() || !options_.tls_private_key_file.empty()) {
    if (!load_tls(error)) return false;
  }
  boost::system::error_code ec;
  auto address = asio::ip::make_address(options_.host, ec);
  if (ec) {
    error = "invalid host address " + options_.host;
    return false;
  }
  fit_open_file_limit();
  tcp::endpoint endpoint(address, options_.port);
  acceptor_.open(endpoint.protocol(), ec);
  if (!ec) acceptor_.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) acceptor_.bind(endpoint, ec);
  if (!ec) acceptor_.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) {
    error = "cannot listen on " + options_.host + ":" + std::to_string(options_.port) + ": " + ec.message();
    return false;
  }
  port_ = acceptor_.local_endpoint().port();
  return true;
}

// Every connection is a descriptor: the soft limit is raised for max_connections of them plus
// eddy's own files, and where the hard limit forbids that, fewer connections are allowed.
void Listener::fit_open_file_limit() {
  std::size_t wanted = options_.max_connections + kReservedFiles;
  std::size_t allowed = raise_open_file_limit(wanted);
  if (allowed >= wanted) return;
  std::size_t fitted = allowed > 2 * kReservedFiles ? allowed - kReservedFiles : std::max<std::size_t>(1, allowed / 2);
  warn("the open-file limit (" + std::to_string(allowed) + ") allows " + std::to_string(fitted) +
       " connections, not --max-connections " + std::to_string(options_.max_connections) +
       "; raise it (ulimit -n) for more");
  options_.max_connections = fitted;
}

bool Listener::reserve_body(std::size_t bytes) {
  std::size_t now = body_bytes_.load();
  do {
    if (now + bytes > options_.max_body_bytes_in_flight) return false;
  } while (!body_bytes_.compare_exchange_weak(now, now + bytes));
  return true;
}

void Listener::warn(const std::string& message) const {
  if (options_.warn) options_.warn(message);
}

bool Listener::load_tls(std::string& error) {
  auto context = std::make_unique<asio::ssl::context>(asio::ssl::context::tls_server);
  context->set_options(asio::ssl::context::default_workarounds | asio::ssl::context::no_sslv2 |
                       asio::ssl::context::no_sslv3 | asio::ssl::context::no_tlsv1 | asio::ssl::context::no_tlsv1_1);
  boost::system::error_code ec;
  context->use_certificate_chain_file(options_.tls_certificate_file, ec);
  if (ec) {
    error = "cannot load the TLS certificate " + options_.tls_certificate_file + ": " + ec.message();
    return false;
  }
  context->use_private_key_file(options_.tls_private_key_file, asio::ssl::context::pem, ec);
  if (ec) {
    error = "cannot load the TLS private key " + options_.tls_private_key_file + ": " + ec.message();
    return false;
  }
  // An idle TLS connection then keeps no read or write buffer (about 34 KiB each otherwise).
  SSL_CTX_set_mode(context->native_handle(), SSL_MODE_RELEASE_BUFFERS);
  tls_ = std::move(context);
  return true;
}

void Listener::accept() {
  std::size_t worker = next_worker();
  acceptor_.async_accept(*contexts_[worker], [this, worker](boost::system::error_code ec, tcp::socket socket) {
    if (ec) return on_accept_error(ec);
    if (accept_failing_) {
      accept_failing_ = false;
      warn("accepting connections again");
    }
    if (connections_.load() >= options_.max_connections) {
      refuse(std::move(socket));
      return accept();
    }
    if (refused_in_burst_ > 0) {
      warn("accepting connections again; " + std::to_string(refused_in_burst_) +
           " were closed at the limit of --max-connections " + std::to_string(options_.max_connections));
      refused_in_burst_ = 0;
    }
    socket.set_option(tcp::no_delay(true), ec);
    start_session(std::move(socket), options_, handler_, *this, worker);
    accept();
  });
}

// Over the limit the connection is closed at once, before a session (and its memory) exists; the
// first of a burst is logged, and the burst's count when connections are accepted again.
void Listener::refuse(tcp::socket socket) {
  if (refused_in_burst_++ == 0) {
    warn("--max-connections " + std::to_string(options_.max_connections) +
         " connections are open: new connections are closed at once until one ends");
  }
  boost::system::error_code ignored;
  socket.close(ignored);
}

// Out of descriptors (EMFILE, ENFILE) or buffers, accept fails at once for as long as it lasts:
// a short pause before the next try keeps the accepting worker from spinning, and the failure is
// logged once, not once per try.
void Listener::on_accept_error(const boost::system::error_code& ec) {
  if (!acceptor_.is_open() || stopping_ || ec == asio::error::operation_aborted) return;
  if (ec == asio::error::connection_aborted) return accept();
  if (!accept_failing_) {
    accept_failing_ = true;
    warn("cannot accept a connection (" + ec.message() + "); trying again every 100 ms");
  }
  accept_pause_->expires_after(std::chrono::milliseconds(100));
  accept_pause_->async_wait([this](boost::system::error_code waited) {
    if (!waited && acceptor_.is_open() && !stopping_) accept();
  });
}

std::size_t Listener::next_worker() {
  std::size_t worker = next_worker_;
  next_worker_ = (next_worker_ + 1) % contexts_.size();
  return worker;
}

void Listener::run() {
  accept();
  // Each worker's context must keep running while it has no connection yet.
  std::vector<asio::executor_work_guard<asio::io_context::executor_type>> guards;
  for (auto& context : contexts_) guards.push_back(asio::make_work_guard(*context));
  std::vector<std::thread> workers;
  for (std::size_t i = 1; i < contexts_.size(); ++i) workers.emplace_back([this, i] { contexts_[i]->run(); });
  contexts_[0]->run();
  for (auto& worker : workers) worker.join();
}

void Listener::start() {
  runner_ = std::thread([this] { run(); });
}

void Listener::wait() {
  if (runner_.joinable()) runner_.join();
}

void Listener::stop_all() {
  for (auto& context : contexts_) context->stop();
}

void Listener::stop() {
  asio::io_context& io = *contexts_[0];
  asio::post(io, [this, &io] {
    stopping_ = true;
    boost::system::error_code ignored;
    acceptor_.close(ignored);
    accept_pause_->cancel();
    // Let requests that are being handled finish and be written, then stop the workers.
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    auto timer = std::make_shared<asio::steady_timer>(io);
    auto wait = std::make_shared<std::function<void()>>();
    *wait = [this, timer, deadline, wait] {
      if (in_flight_ == 0 || std::chrono::steady_clock::now() > deadline) {
        timer->expires_after(std::chrono::milliseconds(20));  // time for the last response to be written
        timer->async_wait([this, wait](auto) {
          stop_all();
          *wait = nullptr;
        });
        return;
      }
      timer->expires_after(std::chrono::milliseconds(5));
      timer->async_wait([wait](auto) { (*wait)(); });
    };
    (*wait)();
  });
}

}  // namespace eddy::http
