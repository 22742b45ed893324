// The response's head on the wire; see response_wire.h.
#include "http/response_wire.h"

namespace eddy::http {

void write_wire_head(const Response& response, std::string& out) {
  unsigned version = response.version();
  unsigned code = response.result_int();
  std::string_view reason = response.reason();
  std::size_t size = 15 + reason.size();
  for (const auto& field : response) size += field.name_string().size() + field.value().size() + 4;
  out.clear();
  out.reserve(size);
  out.append("HTTP/");
  out.push_back(static_cast<char>('0' + version / 10));
  out.push_back('.');
  out.push_back(static_cast<char>('0' + version % 10));
  out.push_back(' ');
  out.push_back(static_cast<char>('0' + code / 100 % 10));
  out.push_back(static_cast<char>('0' + code / 10 % 10));
  out.push_back(static_cast<char>('0' + code % 10));
  out.push_back(' ');
  out.append(reason.data(), reason.size());
  out.append("\r\n");
  for (const auto& field : response) {
    out.append(field.name_string().data(), field.name_string().size());
    out.append(": ");
    out.append(field.value().data(), field.value().size());
    out.append("\r\n");
  }
  out.append("\r\n");
}

}  // namespace eddy::http
