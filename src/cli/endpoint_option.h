// The --endpoint URL / --port PORT option that every subcommand talking to a running eddy takes,
// read in one place so that each accepts the same forms and answers the same errors.
#pragma once

#include <string>

namespace eddy::cli {

// Splits "http://host:port" (or "host:port") into host and port; false when it does not parse.
bool parse_endpoint(const std::string& endpoint, std::string& host, std::string& port);

// When argv[i] is --endpoint URL or --port PORT: stores it in host and port, moves i past its value
// and returns true, with `error` set when the value is missing or does not parse. Returns false for
// any other argument. "localhost" becomes 127.0.0.1: eddy is a static binary with no name service.
bool read_endpoint_option(int argc, char** argv, int& i, std::string& host, std::string& port, std::string& error);

}  // namespace eddy::cli
