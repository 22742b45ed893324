// Listener: accepts TCP connections and runs one Session per connection on a pool of worker
// threads. Each worker runs its own Boost.Asio io_context and owns the connections handed to it
// (round robin at accept), so a connection's handlers never need a strand or another thread's lock.
// Graceful stop: no new connections, in-flight requests finish. With a certificate and key it
// serves HTTPS (Beast's ssl_stream on OpenSSL) instead of HTTP.
#pragma once

#include <atomic>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/context.hpp>

#include "http/http_types.h"

namespace eddy::http {

struct ListenerOptions {
  std::string host = "127.0.0.1";
  unsigned short port = 8000;            // 0 picks a free port
  std::size_t threads = 0;               // Default: 0 = one per core.
  std::size_t body_limit = 16u << 20;    // Default: 16 MiB, DynamoDB's largest request (BatchWriteItem).
  std::size_t header_limit = 16u << 10;  // Default: 16 KiB of request line and headers; more gets 400
  int idle_timeout_seconds = 60;         // a connection silent this long is closed
  std::string server_name = "Server";    // Default: what DynamoDB's Server header says
  // Seconds since the epoch, for the Date header. Default (empty): the system clock.
  std::function<double()> now;
  // TLS: both set serves HTTPS only (PEM files: certificate chain, private key). Default: plain HTTP.
  std::string tls_certificate_file;
  std::string tls_private_key_file;
};

class Listener {
 public:
  Listener(ListenerOptions options, Handler handler);
  ~Listener();
  // Binds and listens (and loads the TLS certificate and key); false with `error` set when the
  // address cannot be bound or the certificate not loaded.
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
  // Null when serving plain HTTP.
  boost::asio::ssl::context* tls() { return tls_.get(); }
  bool stopping() const { return stopping_.load(); }

 private:
  bool load_tls(std::string& error);
  void accept();
  void stop_all();
  std::size_t next_worker();

  ListenerOptions options_;
  Handler handler_;
  std::vector<std::unique_ptr<boost::asio::io_context>> contexts_;  // one per worker; [0] also accepts
  std::size_t next_worker_ = 0;                                     // only touched by the accepting worker
  boost::asio::ip::tcp::acceptor acceptor_;
  std::unique_ptr<boost::asio::ssl::context> tls_;
  unsigned short port_ = 0;
  std::atomic<int> in_flight_{0};
  std::atomic<bool> stopping_{false};
  std::thread runner_;  // runs run() after start()
};

}  // namespace eddy::http
