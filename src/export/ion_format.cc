// Ion text for items; the grammar is in ion_format.h.
#include "export/ion_format.h"

#include <cctype>
#include <optional>

#include "model/number.h"
#include "protocol/base64.h"

namespace eddy::exports {
namespace {

void append_escaped(std::string& out, std::string_view text, char quote) {
  static constexpr char kHex[] = "0123456789abcdef";
  for (unsigned char c : text) {
    if (c == static_cast<unsigned char>(quote) || c == '\\') {
      out.push_back('\\');
      out.push_back(static_cast<char>(c));
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c < 0x20 || c == 0x7f) {
      out += "\\x";
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
}

bool is_identifier(std::string_view name) {
  if (name.empty() || name == "null" || name == "true" || name == "false" || name == "nan") return false;
  if (std::isdigit(static_cast<unsigned char>(name[0]))) return false;
  for (unsigned char c : name) {
    if (!std::isalnum(c) && c != '_' && c != '$') return false;
  }
  return true;
}

void write_field_name(std::string& out, std::string_view name) {
  if (is_identifier(name)) {
    out += name;
    return;
  }
  out.push_back('\'');
  append_escaped(out, name, '\'');
  out.push_back('\'');
}

void write_decimal(std::string& out, const std::string& canonical) {
  out += canonical;
  if (canonical.find('.') == std::string::npos) out.push_back('.');
}

void write_blob(std::string& out, std::string_view bytes) { out += "{{" + base64_encode(bytes) + "}}"; }

void write_value(std::string& out, const AttributeValue& value);

void write_struct(std::string& out, const AttributeMap& map) {
  out.push_back('{');
  bool first = true;
  for (const auto& [name, member] : map) {
    if (!first) out.push_back(',');
    first = false;
    write_field_name(out, name);
    out.push_back(':');
    write_value(out, member);
  }
  out.push_back('}');
}

void write_set(std::string& out, const AttributeValue& value) {
  out += value.type == AttributeType::kSS   ? "$dynamodb_SS::["
         : value.type == AttributeType::kNS ? "$dynamodb_NS::["
                                            : "$dynamodb_BS::[";
  for (std::size_t i = 0; i < value.set.size(); ++i) {
    if (i > 0) out.push_back(',');
    if (value.type == AttributeType::kSS) {
      out.push_back('"');
      append_escaped(out, value.set[i], '"');
      out.push_back('"');
    } else if (value.type == AttributeType::kNS) {
      write_decimal(out, value.set[i]);
    } else {
      write_blob(out, value.set[i]);
    }
  }
  out.push_back(']');
}

void write_value(std::string& out, const AttributeValue& value) {
  switch (value.type) {
    case AttributeType::kS:
      out.push_back('"');
      append_escaped(out, value.scalar, '"');
      out.push_back('"');
      return;
    case AttributeType::kN: write_decimal(out, value.scalar); return;
    case AttributeType::kB: write_blob(out, value.scalar); return;
    case AttributeType::kBool: out += value.boolean ? "true" : "false"; return;
    case AttributeType::kNull: out += "null"; return;
    case AttributeType::kSS:
    case AttributeType::kNS:
    case AttributeType::kBS: write_set(out, value); return;
    case AttributeType::kL:
      out.push_back('[');
      for (std::size_t i = 0; i < value.list.size(); ++i) {
        if (i > 0) out.push_back(',');
        write_value(out, value.list[i]);
      }
      out.push_back(']');
      return;
    case AttributeType::kM: write_struct(out, value.map); return;
  }
}

}  // namespace

std::string ion_struct(const Item& item) {
  std::string out;
  write_struct(out, item);
  return out;
}

std::string ion_line(const Item& item) {
  std::string line = "$ion_1_0 {Item:";
  write_struct(line, item);
  line += "}\n";
  return line;
}

}  // namespace eddy::exports
