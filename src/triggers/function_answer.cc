// Reading a function's response body; see function_answer.h.
#include "triggers/function_answer.h"

#include <algorithm>

#include "protocol/json.h"
#include "protocol/json_parse.h"

namespace eddy::triggers {
namespace {

FunctionAnswer malformed(std::string problem) {
  FunctionAnswer answer;
  answer.outcome = FunctionAnswer::Outcome::kMalformed;
  answer.problem = std::move(problem);
  return answer;
}

std::string json_text(const JsonValue& value) {
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  value.Accept(writer);
  return std::string(buffer.GetString(), buffer.GetSize());
}

// The batch item failures of a response object; success when there are none.
FunctionAnswer read_failures(const JsonValue& response, const std::vector<std::string>& sequence_numbers) {
  FunctionAnswer answer;
  auto list = response.FindMember("batchItemFailures");
  if (list == response.MemberEnd() || list->value.IsNull()) return answer;
  if (!list->value.IsArray()) return malformed("batchItemFailures is not a list");
  std::size_t lowest = sequence_numbers.size();
  for (const auto& failure : list->value.GetArray()) {
    if (!failure.IsObject() || failure.MemberCount() != 1 || !failure.HasMember("itemIdentifier")) {
      return malformed("a batch item failure without an itemIdentifier");
    }
    const JsonValue& id = failure["itemIdentifier"];
    if (!id.IsString() || id.GetStringLength() == 0) return malformed("an empty or null itemIdentifier");
    auto found = std::find(sequence_numbers.begin(), sequence_numbers.end(), std::string_view(id.GetString()));
    if (found == sequence_numbers.end())
      return malformed(std::string("itemIdentifier ") + id.GetString() + " is not in the batch");
    lowest = std::min(lowest, static_cast<std::size_t>(found - sequence_numbers.begin()));
  }
  if (lowest < sequence_numbers.size()) {
    answer.outcome = FunctionAnswer::Outcome::kPartialFailure;
    answer.first_failed = lowest;
  }
  return answer;
}

}  // namespace

FunctionAnswer read_function_answer(std::string_view body, const std::vector<std::string>& sequence_numbers,
                                    bool report_batch_item_failures, bool tumbling_window) {
  if (!report_batch_item_failures && !tumbling_window) return FunctionAnswer{};
  bool blank = body.find_first_not_of(" \t\r\n") == std::string_view::npos;
  JsonDocument document;
  if (!blank && parse_json(body, document) != JsonParseOutcome::kParsed) return malformed("the answer is not JSON");
  if (blank || document.IsNull()) {
    if (tumbling_window) return malformed("the answer has no state");
    return FunctionAnswer{};
  }
  if (!document.IsObject()) return malformed("the answer is not a JSON object");
  FunctionAnswer answer;
  if (report_batch_item_failures) {
    answer = read_failures(document, sequence_numbers);
    if (answer.outcome == FunctionAnswer::Outcome::kMalformed) return answer;
  }
  if (tumbling_window) {
    auto state = document.FindMember("state");
    if (state == document.MemberEnd() || !state->value.IsObject()) return malformed("the answer has no state object");
    answer.state_json = json_text(state->value);
  }
  return answer;
}

}  // namespace eddy::triggers
