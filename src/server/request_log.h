// RequestLog: the debug line eddy writes for every DynamoDB request, e.g.
//   request operation=PutItem table=Music status=200 micros=85
//   request operation=Query table=Music status=400 error=ValidationException micros=41
// (in JSON: {"time":...,"level":"debug","message":"request","operation":"PutItem","table":"Music",
// "status":200,"micros":85}). The time is the dispatcher's, from the parsed headers to the body.
// With debug lines off it costs one atomic load: nothing is timed, looked up or built.
#pragma once

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include "http/http_types.h"
#include "model/api_error.h"
#include "protocol/json.h"

namespace eddy::server {

class RequestLog {
 public:
  RequestLog();
  bool enabled() const { return enabled_; }
  // Where the dispatcher puts the table(s) the parsed request names; nullptr when lines are off.
  std::string* table() { return enabled_ ? &table_ : nullptr; }
  // Writes the line: the operation from X-Amz-Target, the response's status and error (nullptr
  // for none), the time since construction.
  void write(const http::Request& request, const http::Response& response, const ApiError* error) const;

 private:
  bool enabled_;
  std::chrono::steady_clock::time_point started_;
  std::string table_ = "-";
};

// The table(s) a request names, for the log: TableName, the table in StreamArn or ResourceArn, the
// tables of RequestItems (batches) or TransactItems, joined by ','; "-" when it names none.
std::string tables_named_in(const JsonValue& request);
// The same names one by one (views into `request`), for fault rules; empty when it names none.
std::vector<std::string_view> table_names_in(const JsonValue& request);

}  // namespace eddy::server
