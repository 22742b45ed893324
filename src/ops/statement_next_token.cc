// NextToken's format; see statement_next_token.h.
#include "ops/statement_next_token.h"

#include "model/result.h"
#include "protocol/attribute_value_json.h"
#include "protocol/base64.h"
#include "protocol/json_parse.h"

namespace eddy::ops {

std::string encode_next_token(const StatementPosition& position) {
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writer.StartObject();
  writer.Key("version");
  writer.String("V1");
  writer.Key("partition");
  writer.Uint64(position.partition);
  writer.Key("key");
  encode_attribute_map(writer, position.key);
  writer.EndObject();
  return base64_encode(std::string_view(buffer.GetString(), buffer.GetSize()));
}

Result<StatementPosition> decode_next_token(std::string_view token) {
  auto text = base64_decode(token);
  if (!text) return fail(invalid_next_token());
  JsonDocument document;
  if (parse_json(*text, document) != JsonParseOutcome::kParsed || !document.IsObject())
    return fail(invalid_next_token());
  auto version = document.FindMember("version");
  auto partition = document.FindMember("partition");
  auto key = document.FindMember("key");
  if (version == document.MemberEnd() || !version->value.IsString() ||
      version->value.GetString() != std::string("V1") || partition == document.MemberEnd() ||
      !partition->value.IsUint64() || key == document.MemberEnd() || !key->value.IsObject()) {
    return fail(invalid_next_token());
  }
  auto decoded = decode_attribute_map(key->value);
  if (!decoded || decoded->empty()) return fail(invalid_next_token());
  return StatementPosition{static_cast<std::size_t>(partition->value.GetUint64()), std::move(*decoded)};
}

ApiError invalid_next_token() { return ApiError::validation("Invalid NextToken"); }

}  // namespace eddy::ops
