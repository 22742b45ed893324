// eddy_fixed_server: answers every HTTP request with the same small JSON body. It does no work, so
// its throughput on a machine is the ceiling any HTTP server reaches there with the same client.
//   eddy_fixed_server [PORT] [THREADS]     (defaults: 8779, one thread per core)
#include <iostream>
#include <memory>
#include <thread>
#include <vector>

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;

class Session : public std::enable_shared_from_this<Session> {
 public:
  explicit Session(tcp::socket socket) : stream_(std::move(socket)) {}
  void read() {
    request_ = {};
    bhttp::async_read(stream_, buffer_, request_, [self = shared_from_this()](beast::error_code ec, std::size_t) {
      if (!ec) self->answer();
    });
  }

 private:
  void answer() {
    response_ = {bhttp::status::ok, request_.version()};
    response_.set(bhttp::field::content_type, "application/x-amz-json-1.0");
    response_.set("x-amzn-RequestId", "FIXEDRESPONSE0000000000000000000000000000000000000000");
    response_.body() = R"({"ConsumedCapacity":{"TableName":"fixed","CapacityUnits":1.0}})";
    response_.keep_alive(request_.keep_alive());
    response_.prepare_payload();
    bhttp::async_write(stream_, response_, [self = shared_from_this()](beast::error_code ec, std::size_t) {
      if (!ec && self->response_.keep_alive()) self->read();
    });
  }

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  bhttp::request<bhttp::string_body> request_;
  bhttp::response<bhttp::string_body> response_;
};

// Connections are spread round robin over one io_context per thread, as eddy's listener does, so
// that both pay the same for the HTTP exchange.
void accept(tcp::acceptor& acceptor, std::vector<std::unique_ptr<asio::io_context>>& contexts, std::size_t next) {
  acceptor.async_accept(*contexts[next], [&acceptor, &contexts, next](beast::error_code ec, tcp::socket socket) {
    if (!ec) {
      socket.set_option(tcp::no_delay(true));
      std::make_shared<Session>(std::move(socket))->read();
    }
    accept(acceptor, contexts, (next + 1) % contexts.size());
  });
}

}  // namespace

int main(int argc, char** argv) try {
  unsigned short port = argc > 1 ? static_cast<unsigned short>(std::stoi(argv[1])) : 8779;
  unsigned threads = argc > 2 ? std::stoul(argv[2]) : std::max(1u, std::thread::hardware_concurrency());
  std::vector<std::unique_ptr<asio::io_context>> contexts;
  std::vector<asio::executor_work_guard<asio::io_context::executor_type>> guards;
  for (unsigned i = 0; i < std::max(1u, threads); ++i) {
    contexts.push_back(std::make_unique<asio::io_context>(1));
    guards.push_back(asio::make_work_guard(*contexts.back()));
  }
  tcp::acceptor acceptor(*contexts[0], {asio::ip::make_address("127.0.0.1"), port});
  accept(acceptor, contexts, 0);
  std::cout << "eddy_fixed_server on 127.0.0.1:" << port << std::endl;
  std::vector<std::thread> workers;
  for (std::size_t i = 1; i < contexts.size(); ++i) workers.emplace_back([&contexts, i] { contexts[i]->run(); });
  contexts[0]->run();
} catch (const std::exception& e) {  // a bad argument, a port in use
  std::cerr << "eddy_fixed_server: " << e.what() << "\n";
  return 1;
} catch (...) {
  return 1;
}
