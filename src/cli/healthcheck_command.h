// `eddy healthcheck [--endpoint URL | --port PORT] [--timeout SECONDS]`: asks the server at URL
// (default http://127.0.0.1:8000) for ListTables and exits 0 when it answers 200 with a table
// list, 1 when it does not (nothing listens, an error answer, no answer within the timeout,
// default 2 s), and 2 on a bad command line. It is the container image's HEALTHCHECK and what a
// compose file's `healthcheck: test:` runs (docs/docker.md).
#pragma once

namespace eddy::cli {

// argv[0] is "healthcheck". Returns the process exit status.
int run_healthcheck_command(int argc, char** argv);

}  // namespace eddy::cli
