// The events eddy sends to a function, byte for byte as Lambda sends them for a DynamoDB stream
// (https://docs.aws.amazon.com/lambda/latest/dg/with-ddb.html):
//   {"Records":[record, ...]}
// each record the stream record as GetRecords returns it, then Lambda's two changes: a TTL
// deletion's userIdentity names its members as Lambda's events do ({"type":"Service",
// "principalId":"dynamodb.amazonaws.com"}), and "eventSourceARN" (the stream ARN) closes the record.
// With a tumbling window the event also carries Lambda's window members
// (https://docs.aws.amazon.com/lambda/latest/dg/services-ddb-windows.html):
//   {"Records":[...],"window":{"start":"...Z","end":"...Z"},"state":{...},"shardId":"...",
//    "eventSourceARN":"...","isFinalInvokeForWindow":false,"isWindowTerminatedEarly":false}
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace eddy::triggers {

// Lambda's record from a stored stream record's JSON (streams/stream_record.h).
std::string lambda_record(std::string_view stored_record, std::string_view stream_arn);

struct WindowFields {
  double start = 0;  // epoch seconds
  double end = 0;
  std::string state_json = "{}";  // the state the previous invocation of the window returned
  std::string shard_id;
  bool final_invoke = false;
  bool terminated_early = false;
};

// The event of `records` (Lambda records), with a tumbling window's members when `window` is set.
std::string records_event(const std::vector<const std::string*>& records, std::string_view stream_arn,
                          const WindowFields* window = nullptr);

// Bytes that an event adds around its records (braces, commas and, generously, a window's
// members but not its state), to keep a batch's event under Lambda's 6 MB payload limit.
inline constexpr std::size_t kEventOverheadBytes = 1024;
inline constexpr std::size_t kMaxPayloadBytes = std::size_t{6} * 1024 * 1024;

// "2020-07-30T17:00:00Z": Lambda's window bounds and the on-failure record's arrival times.
std::string iso_seconds(double epoch_seconds);
// "2019-11-14T00:13:49.717Z": the on-failure record's timestamp.
std::string iso_millis(double epoch_seconds);

}  // namespace eddy::triggers
