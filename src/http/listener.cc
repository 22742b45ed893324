// Accepting connections and running the worker pool; see listener.h.
#include "http/listener.h"

#include <chrono>

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <functional>

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

Listener::Listener(ListenerOptions options, Handler handler)
    : options_(std::move(options)),
      handler_(std::move(handler)),
      contexts_(make_contexts(options_.threads)),
      acceptor_(*contexts_[0]) {}

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
  tls_ = std::move(context);
  return true;
}

void Listener::accept() {
  std::size_t worker = next_worker();
  acceptor_.async_accept(*contexts_[worker], [this, worker](boost::system::error_code ec, tcp::socket socket) {
    if (ec) {
      if (acceptor_.is_open() && !stopping_) accept();
      return;
    }
    socket.set_option(tcp::no_delay(true), ec);
    start_session(std::move(socket), options_, handler_, *this, worker);
    accept();
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
