// Reading YAML with yaml-cpp; see yaml_document.h. yaml-cpp reports malformed input by throwing,
// so its calls are wrapped here and nowhere else.
#include "init/yaml_document.h"

#include <yaml-cpp/yaml.h>

#include "model/result.h"

namespace eddy::init {
namespace {

// A template nests a handful of levels; anything far deeper is not one.
constexpr int kMaxDepth = 200;

using Allocator = JsonDocument::AllocatorType;

// yaml-cpp's tag of an untagged plain scalar; "!" is an untagged quoted one.
bool is_plain(const YAML::Node& node) { return node.Tag() == "?" || node.Tag().empty(); }

Result<void> convert(const YAML::Node& node, JsonValue& out, Allocator& allocator, int depth);

Result<void> convert_untagged(const YAML::Node& node, JsonValue& out, Allocator& allocator, int depth) {
  if (depth > kMaxDepth) return fail(ApiError::validation("the YAML nests more than 200 levels"));
  switch (node.Type()) {
    case YAML::NodeType::Undefined:
    case YAML::NodeType::Null: out.SetNull(); return {};
    case YAML::NodeType::Scalar: {
      const std::string& text = node.Scalar();
      if (is_plain(node) && (text == "~" || text == "null" || text == "Null" || text == "NULL")) {
        out.SetNull();
      } else {
        out.SetString(text.data(), static_cast<rapidjson::SizeType>(text.size()), allocator);
      }
      return {};
    }
    case YAML::NodeType::Sequence:
      out.SetArray();
      for (const auto& element : node) {
        JsonValue value;
        EDDY_TRY_VOID(convert(element, value, allocator, depth + 1));
        out.PushBack(value, allocator);
      }
      return {};
    case YAML::NodeType::Map:
      out.SetObject();
      for (const auto& pair : node) {
        if (!pair.first.IsScalar()) return fail(ApiError::validation("a mapping key is not a plain string"));
        JsonValue key(pair.first.Scalar().c_str(), allocator);
        JsonValue value;
        EDDY_TRY_VOID(convert(pair.second, value, allocator, depth + 1));
        out.AddMember(key, value, allocator);
      }
      return {};
  }
  return {};
}

// `!GetAtt Table.StreamArn` is the one short form whose scalar is split.
void split_get_att(JsonValue& value, Allocator& allocator) {
  if (!value.IsString()) return;
  std::string text = value.GetString();
  std::size_t dot = text.find('.');
  if (dot == std::string::npos) return;
  value.SetArray();
  value.PushBack(JsonValue(text.substr(0, dot).c_str(), allocator), allocator);
  value.PushBack(JsonValue(text.substr(dot + 1).c_str(), allocator), allocator);
}

Result<void> convert(const YAML::Node& node, JsonValue& out, Allocator& allocator, int depth) {
  const std::string& tag = node.Tag();
  bool intrinsic = tag.size() > 1 && tag[0] == '!' && tag[1] != '!';
  if (!intrinsic) return convert_untagged(node, out, allocator, depth);
  std::string name = tag.substr(1);
  std::string key = name == "Ref" || name == "Condition" ? name : "Fn::" + name;
  JsonValue inner;
  EDDY_TRY_VOID(convert_untagged(node, inner, allocator, depth));
  if (name == "GetAtt") split_get_att(inner, allocator);
  out.SetObject();
  out.AddMember(JsonValue(key.c_str(), allocator), inner, allocator);
  return {};
}

}  // namespace

Result<void> read_yaml(std::string_view text, JsonDocument& document) {
  try {
    YAML::Node root = YAML::Load(std::string(text));
    document.SetNull();
    return convert(root, document, document.GetAllocator(), 0);
  } catch (const YAML::Exception& e) {
    std::string where = e.mark.is_null() ? std::string()
                                         : "line " + std::to_string(e.mark.line + 1) + ", column " +
                                               std::to_string(e.mark.column + 1) + ": ";
    return fail(ApiError::validation("not valid YAML: " + where + e.msg));
  }
}

}  // namespace eddy::init
