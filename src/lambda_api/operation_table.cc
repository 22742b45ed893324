// The routes of Lambda's API that eddy serves: the event source mappings.
// https://docs.aws.amazon.com/lambda/latest/api/API_Operations.html
#include "lambda_api/lambda_operations.h"

namespace eddy::lambda_api {
namespace {

constexpr std::string_view kMappings = "/2015-03-31/event-source-mappings";

std::string percent_decoded(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size() && std::isxdigit(static_cast<unsigned char>(text[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(text[i + 2]))) {
      out.push_back(static_cast<char>(std::stoi(std::string(text.substr(i + 1, 2)), nullptr, 16)));
      i += 2;
    } else {
      out.push_back(text[i]);
    }
  }
  return out;
}

}  // namespace

LambdaOperation find_lambda_operation(std::string_view method, std::string_view path, std::string& uuid) {
  if (!path.starts_with(kMappings)) return nullptr;
  std::string_view rest = path.substr(kMappings.size());
  if (rest.empty() || rest == "/") {
    if (method == "POST") return create_event_source_mapping;
    if (method == "GET") return list_event_source_mappings;
    return nullptr;
  }
  if (rest.front() != '/' || rest.find('/', 1) != std::string_view::npos) return nullptr;
  uuid = percent_decoded(rest.substr(1));
  if (method == "GET") return get_event_source_mapping;
  if (method == "PUT") return update_event_source_mapping;
  if (method == "DELETE") return delete_event_source_mapping;
  return nullptr;
}

}  // namespace eddy::lambda_api
