// Lambda's DynamoDB events; see lambda_event.h.
#include "triggers/lambda_event.h"

#include <cmath>
#include <cstdio>
#include <ctime>

#include "protocol/json_text.h"

namespace eddy::triggers {
namespace {

// How streams/stream_record.cc ends the record of a TTL deletion, and how Lambda writes it.
constexpr std::string_view kStreamsUserIdentity =
    ",\"userIdentity\":{\"PrincipalId\":\"dynamodb.amazonaws.com\",\"Type\":\"Service\"}}";
constexpr std::string_view kLambdaUserIdentity =
    ",\"userIdentity\":{\"type\":\"Service\",\"principalId\":\"dynamodb.amazonaws.com\"}";

std::string utc_text(double epoch_seconds, const char* format) {
  auto seconds = static_cast<std::time_t>(std::floor(epoch_seconds));
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char text[40];
  std::strftime(text, sizeof text, format, &utc);
  return text;
}

}  // namespace

std::string lambda_record(std::string_view stored, std::string_view stream_arn) {
  std::string record;
  record.reserve(stored.size() + stream_arn.size() + 80);
  if (stored.ends_with(kStreamsUserIdentity)) {
    record.append(stored.substr(0, stored.size() - kStreamsUserIdentity.size()));
    record.append(kLambdaUserIdentity);
  } else {
    record.append(stored.substr(0, stored.size() - 1));  // without the closing brace
  }
  record.append(",\"eventSourceARN\":");
  append_json_string(record, stream_arn);
  record.push_back('}');
  return record;
}

std::string records_event(const std::vector<const std::string*>& records, std::string_view stream_arn,
                          const WindowFields* window) {
  std::string event = "{\"Records\":[";
  for (std::size_t i = 0; i < records.size(); ++i) {
    if (i > 0) event.push_back(',');
    event.append(*records[i]);
  }
  event.push_back(']');
  if (window != nullptr) {
    event.append(",\"window\":{\"start\":");
    append_json_string(event, iso_seconds(window->start));
    event.append(",\"end\":");
    append_json_string(event, iso_seconds(window->end));
    event.append("},\"state\":");
    event.append(window->state_json);
    event.append(",\"shardId\":");
    append_json_string(event, window->shard_id);
    event.append(",\"eventSourceARN\":");
    append_json_string(event, stream_arn);
    event.append(",\"isFinalInvokeForWindow\":");
    event.append(window->final_invoke ? "true" : "false");
    event.append(",\"isWindowTerminatedEarly\":");
    event.append(window->terminated_early ? "true" : "false");
  }
  event.push_back('}');
  return event;
}

std::string iso_seconds(double epoch_seconds) { return utc_text(epoch_seconds, "%Y-%m-%dT%H:%M:%SZ"); }

std::string iso_millis(double epoch_seconds) {
  double whole = std::floor(epoch_seconds);
  int millis = static_cast<int>(std::floor((epoch_seconds - whole) * 1000));
  char text[48];
  std::snprintf(text, sizeof text, "%s.%03dZ", utc_text(whole, "%Y-%m-%dT%H:%M:%S").c_str(), millis);
  return text;
}

}  // namespace eddy::triggers
