// Where the Endpoint sends the console's requests (docs/console.md): a browser's GET under /console
// to the console, everything else as before (GET / and other GET paths: the health check; another
// method: the 404 page), and the console allowed by the admin API's rule (the listening address is
// loopback, or --admin).
#include <gtest/gtest.h>

#include "console/console.h"
#include "server/admin_dispatcher.h"
#include "server/endpoint.h"
#include "server/start_gate.h"

namespace eddy::server {
namespace {

namespace bhttp = boost::beast::http;

http::Request request(bhttp::verb method, const std::string& target, const std::string& accept = "") {
  http::Request out{method, target, 11};
  out.set(bhttp::field::host, "localhost:8000");
  if (!accept.empty()) out.set(bhttp::field::accept, accept);
  return out;
}

struct Routing : ::testing::Test {
  StartGate gate;
  console::Console console{true, "127.0.0.1"};
  Endpoint endpoint{EndpointSettings{}, gate, nullptr, &console};

  http::Response answer(http::Request message) { return endpoint.handle(message, 0).response; }
};

TEST_F(Routing, TheConsolePageGoesToABrowser) {
  http::Response page = answer(request(bhttp::verb::get, "/console", "text/html"));
  EXPECT_EQ(page.result(), bhttp::status::ok);
  EXPECT_EQ(page.at(bhttp::field::content_type), "text/html; charset=utf-8");
  EXPECT_NE(page.body().find("eddy console"), std::string::npos);
}

TEST_F(Routing, OtherRequestsToTheConsolesPathsAreAnsweredAsAnyPath) {
  for (const char* target : {"/console", "/console/missing.js"}) {
    http::Response health = answer(request(bhttp::verb::get, target, "application/json"));
    EXPECT_EQ(health.result(), bhttp::status::ok) << target;
    EXPECT_EQ(health.body(), "healthy: localhost:8000 ") << target;
  }
  http::Response deleted = answer(request(bhttp::verb::delete_, "/console", "text/html"));
  EXPECT_EQ(deleted.result(), bhttp::status::not_found);
  EXPECT_EQ(deleted.body(), "<UnknownOperationException/>\n");
}

TEST_F(Routing, TheRootStaysTheHealthCheck) {
  http::Response health = answer(request(bhttp::verb::get, "/", "text/html"));
  EXPECT_EQ(health.result(), bhttp::status::ok);
  EXPECT_EQ(health.body(), "healthy: localhost:8000 ");
}

TEST(ConsoleAccess, IsTheAdminApisRule) {
  for (const char* host : {"127.0.0.1", "127.1.2.3", "::1", "::ffff:127.0.0.1"}) {
    EXPECT_TRUE(AdminDispatcher::is_loopback(host)) << host;
  }
  for (const char* host : {"0.0.0.0", "::", "192.0.2.2", "::ffff:10.0.0.1", "localhost", ""}) {
    EXPECT_FALSE(AdminDispatcher::is_loopback(host)) << host;
  }
}

TEST(ConsoleAccess, ARefusedConsoleAnswers403ThroughTheEndpoint) {
  StartGate gate;
  console::Console console{false, "0.0.0.0"};
  Endpoint endpoint{EndpointSettings{}, gate, nullptr, &console};
  http::Request page = request(bhttp::verb::get, "/console", "text/html");
  http::Response refused = endpoint.handle(page, 0).response;
  EXPECT_EQ(refused.result(), bhttp::status::forbidden);
  EXPECT_NE(refused.body().find("Start eddy with --admin to allow it."), std::string::npos);
}

}  // namespace
}  // namespace eddy::server
