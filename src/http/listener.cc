// Accepting connections and running the worker pool; see listener.h.
#include "http/listener.h"

#include <chrono>

#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <functional>

#include "http/session.h"

namespace eddy::http {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;

Listener::Listener(ListenerOptions options, Handler handler)
    : options_(std::move(options)), handler_(std::move(handler)), acceptor_(io_) {}

Listener::~Listener() = default;

bool Listener::bind(std::string& error) {
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

void Listener::accept() {
  acceptor_.async_accept(asio::make_strand(io_), [this](boost::system::error_code ec, tcp::socket socket) {
    if (ec) {
      if (acceptor_.is_open() && !stopping_) accept();
      return;
    }
    socket.set_option(tcp::no_delay(true), ec);
    start_session(std::move(socket), options_, handler_, *this);
    accept();
  });
}

void Listener::run() {
  accept();
  std::size_t count = options_.threads != 0 ? options_.threads : std::max(1u, std::thread::hardware_concurrency());
  std::vector<std::thread> workers;
  for (std::size_t i = 1; i < count; ++i) workers.emplace_back([this] { io_.run(); });
  io_.run();
  for (auto& worker : workers) worker.join();
}

void Listener::stop() {
  asio::post(io_, [this] {
    stopping_ = true;
    boost::system::error_code ignored;
    acceptor_.close(ignored);
    // Let requests that are being handled finish and be written, then stop the workers.
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    auto timer = std::make_shared<asio::steady_timer>(io_);
    auto wait = std::make_shared<std::function<void()>>();
    *wait = [this, timer, deadline, wait] {
      if (in_flight_ == 0 || std::chrono::steady_clock::now() > deadline) {
        timer->expires_after(std::chrono::milliseconds(20));  // time for the last response to be written
        timer->async_wait([this, wait](auto) {
          io_.stop();
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
