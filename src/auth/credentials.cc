// Credential pairs from flags, a file and the environment; see credentials.h.
#include "auth/credentials.h"

#include <fstream>

namespace eddy::auth {
namespace {

std::string_view trim(std::string_view text) {
  std::size_t start = text.find_first_not_of(" \t\r\n");
  if (start == std::string_view::npos) return {};
  return text.substr(start, text.find_last_not_of(" \t\r\n") - start + 1);
}

}  // namespace

bool add_credential(std::string_view pair, Credentials& credentials, std::string& error) {
  pair = trim(pair);
  std::size_t colon = pair.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon + 1 == pair.size()) {
    error = "credentials must be ACCESS_KEY_ID:SECRET_ACCESS_KEY, got '" + std::string(pair) + "'";
    return false;
  }
  credentials[std::string(pair.substr(0, colon))] = std::string(pair.substr(colon + 1));
  return true;
}

bool add_credential_list(std::string_view list, Credentials& credentials, std::string& error) {
  while (!list.empty()) {
    std::size_t end = list.find_first_of(", \t\r\n");
    std::string_view pair = list.substr(0, end);
    list = end == std::string_view::npos ? std::string_view() : list.substr(end + 1);
    if (!pair.empty() && !add_credential(pair, credentials, error)) return false;
  }
  return true;
}

bool read_credentials_file(const std::string& path, Credentials& credentials, std::string& error) {
  std::ifstream file(path);
  if (!file) {
    error = "cannot read credentials file " + path;
    return false;
  }
  std::string line;
  while (std::getline(file, line)) {
    std::string_view text = trim(line);
    if (text.empty() || text.front() == '#') continue;
    if (!add_credential(text, credentials, error)) {
      error.insert(0, path + ": ");
      return false;
    }
  }
  return true;
}

}  // namespace eddy::auth
