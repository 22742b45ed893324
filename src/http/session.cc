// One HTTP/1.1 connection, after Boost.Beast's async server example: read with a body limit and a
// deadline, call a plain function, write, loop for keep-alive. Errors close the connection cleanly.
#include "http/session.h"

#include <boost/asio/dispatch.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

namespace eddy::http {
namespace {

namespace beast = boost::beast;
namespace bhttp = boost::beast::http;

class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(boost::asio::ip::tcp::socket socket, const ListenerOptions& options, const Handler& handler,
          Listener& listener, std::size_t worker)
      : stream_(std::move(socket)), options_(options), handler_(handler), listener_(listener), worker_(worker) {}

  void start() {
    boost::asio::dispatch(stream_.get_executor(), beast::bind_front_handler(&Session::read, shared_from_this()));
  }

 private:
  void read() {
    parser_.emplace();
    parser_->body_limit(options_.body_limit);
    parser_->header_limit(64 * 1024);
    stream_.expires_after(std::chrono::seconds(options_.idle_timeout_seconds));
    bhttp::async_read(stream_, buffer_, *parser_, beast::bind_front_handler(&Session::on_read, shared_from_this()));
  }

  void on_read(beast::error_code ec, std::size_t) {
    if (ec == bhttp::error::body_limit) return reply_too_large();
    if (ec) return close();
    Request request = parser_->release();
    listener_.in_flight()++;
    Response response = handler_(request, worker_);
    listener_.in_flight()--;
    bool keep_alive = request.keep_alive() && !listener_.stopping();
    response.keep_alive(keep_alive);
    response.prepare_payload();
    write(std::move(response), !keep_alive);
  }

  void reply_too_large() {
    Response response{bhttp::status::payload_too_large, 11};
    response.set(bhttp::field::content_type, "application/x-amz-json-1.0");
    response.body() =
        R"({"__type":"com.amazon.coral.service#RequestEntityTooLarge","message":"Request entity too large"})";
    response.keep_alive(false);
    response.prepare_payload();
    write(std::move(response), true);
  }

  void write(Response response, bool close_after) {
    response_ = std::make_shared<Response>(std::move(response));
    stream_.expires_after(std::chrono::seconds(options_.idle_timeout_seconds));
    bhttp::async_write(stream_, *response_,
                       [self = shared_from_this(), close_after](beast::error_code ec, std::size_t) {
                         self->response_.reset();
                         if (ec || close_after) return self->close();
                         self->read();
                       });
  }

  void close() {
    beast::error_code ignored;
    stream_.socket().shutdown(boost::asio::ip::tcp::socket::shutdown_send, ignored);
    stream_.close();
  }

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
  std::shared_ptr<Response> response_;
  const ListenerOptions& options_;
  const Handler& handler_;
  Listener& listener_;
  std::size_t worker_;
};

}  // namespace

void start_session(boost::asio::ip::tcp::socket socket, const ListenerOptions& options, const Handler& handler,
                   Listener& listener, std::size_t worker) {
  std::make_shared<Session>(std::move(socket), options, handler, listener, worker)->start();
}

}  // namespace eddy::http
