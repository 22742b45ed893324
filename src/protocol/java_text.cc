// Values as DynamoDB's Java classes print them; see java_text.h.
#include "protocol/java_text.h"

#include <array>

#include "protocol/base64.h"
#include "protocol/java_model.h"
#include "protocol/json_reading.h"
#include "protocol/shape.h"

namespace eddy::protocol {
namespace {

void append(std::string& out, const JsonValue& value, std::string_view type);

std::string_view string_of(const JsonValue& value) { return {value.GetString(), value.GetStringLength()}; }

// A ByteBuffer's toString, which is what Java prints for a binary value: its bounds, not its bytes.
std::string byte_buffer_text(const JsonValue& value) {
  std::size_t size = 0;
  if (value.IsString()) {
    if (auto bytes = base64_decode(string_of(value))) size = bytes->size();
  }
  std::string n = std::to_string(size);
  return "java.nio.HeapByteBuffer[pos=0 lim=" + n + " cap=" + n + "]";
}

// DynamoDB's AttributeValue class: the public members and the internal typed ones, in the order AWS
// printed them (recorded from a BatchWriteItem over 25 requests in 2026), each with the JSON member
// it comes from (none for the internal ones) and its type.
struct AttributeValueMember {
  std::string_view java_name;
  std::string_view json_name;
  std::string_view type;
};
constexpr std::array<AttributeValueMember, 16> kAttributeValueMembers{{
    {"s", "S", ""},
    {"n", "N", ""},
    {"b", "B", "B"},
    {"iNT", "", ""},
    {"dECIMAL", "", ""},
    {"dOUBLE", "", ""},
    {"sS", "SS", "[]"},
    {"nS", "NS", "[]"},
    {"bS", "BS", "[B]"},
    {"iNTSET", "", ""},
    {"dECIMALSET", "", ""},
    {"dOUBLESET", "", ""},
    {"m", "M", "{AttributeValue}"},
    {"l", "L", "[AttributeValue]"},
    {"nULL", "NULL", ""},
    {"bOOL", "BOOL", ""},
}};

void append_attribute_value(std::string& out, const JsonValue& value) {
  out += "AttributeValue(";
  for (std::size_t i = 0; i < kAttributeValueMembers.size(); ++i) {
    const AttributeValueMember& member = kAttributeValueMembers[i];
    if (i != 0) out += ", ";
    out += member.java_name;
    out += '=';
    const JsonValue* field = member.json_name.empty() || !value.IsObject()
                                 ? nullptr
                                 : json_member(value, std::string(member.json_name).c_str());
    if (field == nullptr) {
      out += "null";
    } else {
      append(out, *field, member.type);
    }
  }
  out += ')';
}

void append_structure(std::string& out, const JsonValue& value, std::string_view name) {
  out += name;
  out += '(';
  const JavaStructure* structure = java_structure(name);
  bool first = true;
  auto field = [&](std::string_view member, const JsonValue* field_value, std::string_view type) {
    if (!first) out += ", ";
    first = false;
    out += message_name(member);
    out += '=';
    if (field_value == nullptr) {
      out += "null";
    } else {
      append(out, *field_value, type);
    }
  };
  if (structure != nullptr) {
    for (const JavaMember& member : structure->members) {
      field(member.name, value.IsObject() ? json_member(value, std::string(member.name).c_str()) : nullptr,
            member.type);
    }
  } else if (value.IsObject()) {
    // A structure the table does not hold: its members as sent.
    for (auto it = value.MemberBegin(); it != value.MemberEnd(); ++it) field(string_of(it->name), &it->value, "");
  }
  out += ')';
}

void append_untyped(std::string& out, const JsonValue& value) {
  if (value.IsString()) {
    out += string_of(value);
  } else if (value.IsBool()) {
    out += value.GetBool() ? "true" : "false";
  } else if (value.IsNumber()) {
    out += std::to_string(integer_of(value));
  } else if (value.IsArray()) {
    append(out, value, "[]");
  } else if (value.IsObject()) {
    append(out, value, "{}");
  } else {
    out += "null";
  }
}

void append(std::string& out, const JsonValue& value, std::string_view type) {
  if (value.IsNull()) {
    out += "null";
  } else if (type.size() >= 2 && type.front() == '[' && type.back() == ']' && value.IsArray()) {
    std::string_view element = type.substr(1, type.size() - 2);
    out += '[';
    for (rapidjson::SizeType i = 0; i < value.Size(); ++i) {
      if (i != 0) out += ", ";
      append(out, value[i], element);
    }
    out += ']';
  } else if (type.size() >= 2 && type.front() == '{' && type.back() == '}' && value.IsObject()) {
    std::string_view entry = type.substr(1, type.size() - 2);
    out += '{';
    for (auto it = value.MemberBegin(); it != value.MemberEnd(); ++it) {
      if (it != value.MemberBegin()) out += ", ";
      out += string_of(it->name);
      out += '=';
      append(out, it->value, entry);
    }
    out += '}';
  } else if (type == "AttributeValue") {
    append_attribute_value(out, value);
  } else if (type == "B") {
    out += byte_buffer_text(value);
  } else if (!type.empty() && value.IsObject()) {
    append_structure(out, value, type);
  } else {
    append_untyped(out, value);
  }
}

}  // namespace

std::string java_text(const JsonValue& value, std::string_view type) {
  std::string out;
  append(out, value, type);
  return out;
}

}  // namespace eddy::protocol
