// Listener: accepts TCP connections and runs one Session per connection on a pool of worker
// threads. Each worker runs its own Boost.Asio io_context and owns the connections handed to it
// (round robin at accept), so a connection's handlers never need a strand or another thread's lock.
// Graceful stop: no new connections, in-flight requests finish.
#pragma once

#include <atomic>
#include <cstddef>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>

#include "http/http_types.h"

namespace eddy::http {

struct ListenerOptions {
  std::string host = "127.0.0.1";
  unsigned short port = 8000;       // 0 picks a free port
  std::size_t threads = 0;          // Default: 0 = one per core.
  std::size_t body_limit = 16u << 20;  // Default: 16 MiB, DynamoDB's largest request (BatchWriteItem).
  int idle_timeout_seconds = 60;    // a connection silent this long is closed
};

class Listener {
 public:
  Listener(ListenerOptions options, Handler handler);
  ~Listener();
  // Binds and listens; false with `error` set when the address cannot be bound.
  bool bind(std::string& error);
  unsigned short port() const { return port_; }
  // How many worker threads run the connections (ListenerOptions::threads, or one per core).
  std::size_t workers() const { return contexts_.size(); }
  // Runs the worker threads; returns after stop() once in-flight requests are done.
  void run();
  // run() on a thread of its own, for a caller that has more to do meanwhile; wait() joins it.
  void start();
  void wait();
  // Thread-safe and signal-safe-ish (posts to the io_context).
  void stop();

  std::atomic<int>& in_flight() { return in_flight_; }
  bool stopping() const { return stopping_.load(); }

 private:
  void accept();
  void stop_all();
  std::size_t next_worker();

  ListenerOptions options_;
  Handler handler_;
  std::vector<std::unique_ptr<boost::asio::io_context>> contexts_;  // one per worker; [0] also accepts
  std::size_t next_worker_ = 0;  // only touched by the accepting worker
  boost::asio::ip::tcp::acceptor acceptor_;
  unsigned short port_ = 0;
  std::atomic<int> in_flight_{0};
  std::atomic<bool> stopping_{false};
  std::thread runner_;  // runs run() after start()
};

}  // namespace eddy::http
