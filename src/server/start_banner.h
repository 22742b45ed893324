// The start-up banner: once eddy serves, it says where (the address), what it keeps where (the data
// folder, or in memory), which namespace of tables requests share, and the AWS CLI command that
// reaches it, and the console's address where the console is allowed. In text it is a few lines for people; in JSON one "start" event for log collectors:
//   {"time":...,"level":"info","message":"eddy 0.1.0 listening on http://127.0.0.1:8000",
//    "event":"start","version":"0.1.0","endpoint":"http://127.0.0.1:8000","data_dir":"/abs/eddy-data",
//    "in_memory":false,"namespace":"shared","aws_cli":"aws dynamodb list-tables --endpoint-url ...",
//    "console":"http://127.0.0.1:8000/console"}  (null where the console is refused)
#pragma once

#include <string>

#include "eddy/server.h"

namespace eddy::server {

// "http://127.0.0.1:8000"; an IPv6 host in brackets.
std::string endpoint_url(const std::string& host, unsigned short port, bool tls = false);

// Logs the banner at info level for a server started with `options` that listens on `port`.
void log_start_banner(const ServerOptions& options, unsigned short port);

}  // namespace eddy::server
