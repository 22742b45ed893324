// Listener: accepts TCP connections and runs one Session per connection on a pool of worker
// threads. Each worker runs its own Boost.Asio io_context and owns the connections handed to it
// (round robin at accept), so a connection's handlers never need a strand or another thread's lock.
// Graceful stop: no new connections, in-flight requests finish. With a certificate and key it
// serves HTTPS (Beast's ssl_stream on OpenSSL) instead of HTTP. The limits on connections, request
// sizes and read deadlines are ListenerOptions' (docs/reliability.md, "Bounded resources").
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
#include <boost/asio/steady_timer.hpp>

#include "http/http_types.h"

namespace eddy::http {

struct ListenerOptions {
  std::string host = "127.0.0.1";
  unsigned short port = 8000;            // 0 picks a free port
  std::size_t threads = 0;               // Default: 0 = one per core.
  std::size_t body_limit = 16u << 20;    // Default: 16 MiB, DynamoDB's largest request (BatchWriteItem).
  std::size_t header_limit = 16u << 10;  // Default: 16 KiB of request line and headers; more gets 400
  int idle_timeout_seconds = 60;         // a connection silent this long between requests is closed
  // From a request's first byte: its request line and headers must have arrived within
  // header_timeout_seconds, and its body within body_timeout_seconds plus one second per
  // min_body_bytes_per_second bytes of body received; a client slower than that (a slowloris) is
  // disconnected. The reads are asynchronous: a slow client holds a socket, never a thread.
  int header_timeout_seconds = 20;                    // Default: 20 s
  int body_timeout_seconds = 30;                      // Default: 30 s
  std::size_t min_body_bytes_per_second = 16u << 10;  // Default: 16 KiB/s
  // Connections open at once. Past it a new connection is accepted and closed at once (it costs no
  // worker and no memory); bind() lowers it to what the open-file limit allows.
  std::size_t max_connections = 10000;  // Default: 10,000
  // Bytes of request bodies being read and handled at once, over all connections (a body counts its
  // Content-Length, or body_limit when chunked, from its headers until it is answered). A request
  // that would pass it gets ThrottlingException, which SDKs retry. Default: 1 GiB.
  std::size_t max_body_bytes_in_flight = std::size_t{1} << 30;
  // Where the listener reports trouble (the connection limit reached, accept failing), once per
  // burst. Default (empty): nowhere.
  std::function<void(const std::string&)> warn;
  std::string server_name = "Server";  // Default: what DynamoDB's Server header says
  // Seconds since the epoch, for the Date header. Default (empty): the system clock.
  std::function<double()> now;
  // TLS: both set serves HTTPS only (PEM files: certificate chain, private key). Default: plain HTTP.
  std::string tls_certificate_file;
  std::string tls_private_key_file;
};

class Listener;

// Counts one open connection for as long as it lives (Listener::connections()).
class ConnectionSlot {
 public:
  explicit ConnectionSlot(Listener& listener);
  ~ConnectionSlot();
  ConnectionSlot(const ConnectionSlot&) = delete;
  ConnectionSlot& operator=(const ConnectionSlot&) = delete;

 private:
  Listener& listener_;
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
  // Connections open now; a session holds a ConnectionSlot for as long as it lives.
  std::size_t connections() const { return connections_.load(); }
  // The connection limit in force (ListenerOptions::max_connections, lowered by bind() if need be).
  std::size_t max_connections() const { return options_.max_connections; }
  // Counts `bytes` of a request body against max_body_bytes_in_flight; false (nothing counted) if
  // they do not fit. release_body gives them back once the request is answered.
  bool reserve_body(std::size_t bytes);
  void release_body(std::size_t bytes) { body_bytes_ -= bytes; }
  // Null when serving plain HTTP.
  boost::asio::ssl::context* tls() { return tls_.get(); }
  bool stopping() const { return stopping_.load(); }

 private:
  friend class ConnectionSlot;
  bool load_tls(std::string& error);
  void fit_open_file_limit();
  void accept();
  void on_accept_error(const boost::system::error_code& ec);
  void refuse(boost::asio::ip::tcp::socket socket);
  void warn(const std::string& message) const;
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
  std::atomic<std::size_t> connections_{0};
  std::atomic<std::size_t> body_bytes_{0};
  // Only touched by the accepting worker: connections refused in the current burst, and whether
  // accept is failing (its pause before trying again).
  std::size_t refused_in_burst_ = 0;
  bool accept_failing_ = false;
  std::unique_ptr<boost::asio::steady_timer> accept_pause_;
  std::atomic<bool> stopping_{false};
  std::thread runner_;  // runs run() after start()
};

}  // namespace eddy::http
