// The --endpoint / --port option; see endpoint_option.h.
#include "cli/endpoint_option.h"

namespace eddy::cli {

bool parse_endpoint(const std::string& endpoint, std::string& host, std::string& port) {
  std::string rest = endpoint;
  if (auto scheme = rest.find("://"); scheme != std::string::npos) rest = rest.substr(scheme + 3);
  if (auto slash = rest.find('/'); slash != std::string::npos) rest = rest.substr(0, slash);
  auto colon = rest.rfind(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == rest.size()) return false;
  host = rest.substr(0, colon);
  port = rest.substr(colon + 1);
  return true;
}

bool read_endpoint_option(int argc, char** argv, int& i, std::string& host, std::string& port, std::string& error) {
  std::string option = argv[i];
  if (option != "--endpoint" && option != "--port") return false;
  if (i + 1 >= argc) return error = option + " needs a value", true;
  std::string value = argv[++i];
  if (option == "--port") {
    port = value;
  } else if (!parse_endpoint(value, host, port)) {
    return error = "bad --endpoint " + value, true;
  }
  bool digits = !port.empty() && port.size() <= 5 && port.find_first_not_of("0123456789") == std::string::npos;
  if (!digits || std::stoi(port) == 0 || std::stoi(port) > 65535) return error = "bad port " + port, true;
  if (host == "localhost") host = "127.0.0.1";
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  return true;
}

}  // namespace eddy::cli
