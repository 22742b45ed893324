// RequestLog; see request_log.h.
#include "server/request_log.h"

#include <string_view>
#include <vector>

#include "server/log_event.h"

namespace eddy::server {
namespace {

constexpr auto kLevel = spdlog::level::debug;

std::string_view string_member(const JsonValue& object, const char* name) {
  auto member = object.FindMember(name);
  if (member == object.MemberEnd() || !member->value.IsString()) return {};
  return {member->value.GetString(), member->value.GetStringLength()};
}

// arn:aws:dynamodb:<region>:<account>:table/<name>[/stream/<label> | /index/<name>]
std::string_view table_of_arn(std::string_view arn) {
  auto start = arn.find(":table/");
  if (start == std::string_view::npos) return {};
  std::string_view rest = arn.substr(start + 7);
  return rest.substr(0, rest.find('/'));
}

void add_table(std::vector<std::string_view>& tables, std::string_view name) {
  if (name.empty()) return;
  for (std::string_view seen : tables) {
    if (seen == name) return;
  }
  tables.push_back(name);
}

// TransactItems: [{"Put"|"Update"|"Delete"|"ConditionCheck"|"Get": {"TableName": ...}}, ...]
void add_transaction_tables(std::vector<std::string_view>& tables, const JsonValue& items) {
  for (const JsonValue& item : items.GetArray()) {
    if (!item.IsObject()) continue;
    for (const auto& action : item.GetObject()) {
      if (action.value.IsObject()) add_table(tables, string_member(action.value, "TableName"));
    }
  }
}

}  // namespace

RequestLog::RequestLog() : enabled_(should_log_event(kLevel)) {
  if (enabled_) started_ = std::chrono::steady_clock::now();
}

void RequestLog::write(const http::Request& request, const http::Response& response, const ApiError* error) const {
  auto elapsed = std::chrono::steady_clock::now() - started_;
  std::string_view target;
  if (auto header = request.find("X-Amz-Target"); header != request.end()) target = header->value();
  auto dot = target.find('.');
  std::string_view operation = dot == std::string_view::npos ? target : target.substr(dot + 1);
  LogEvent event("request");
  event.add("operation", operation.empty() ? std::string_view("-") : operation).add("table", table_);
  event.add("status", static_cast<std::int64_t>(response.result_int()));
  if (error != nullptr) {
    std::string type = error->type_name();
    event.add("error", std::string_view(type).substr(type.find('#') + 1));
  }
  event.add("micros",
            static_cast<std::int64_t>(std::chrono::duration_cast<std::chrono::microseconds>(elapsed).count()));
  log_event(kLevel, event);
}

std::vector<std::string_view> table_names_in(const JsonValue& request) {
  std::vector<std::string_view> tables;
  if (!request.IsObject()) return tables;
  add_table(tables, string_member(request, "TableName"));
  add_table(tables, table_of_arn(string_member(request, "StreamArn")));
  add_table(tables, table_of_arn(string_member(request, "ResourceArn")));
  if (auto batch = request.FindMember("RequestItems"); batch != request.MemberEnd() && batch->value.IsObject()) {
    for (const auto& entry : batch->value.GetObject())
      add_table(tables, {entry.name.GetString(), entry.name.GetStringLength()});
  }
  if (auto items = request.FindMember("TransactItems"); items != request.MemberEnd() && items->value.IsArray()) {
    add_transaction_tables(tables, items->value);
  }
  return tables;
}

std::string tables_named_in(const JsonValue& request) {
  std::vector<std::string_view> tables = table_names_in(request);
  if (tables.empty()) return "-";
  std::string joined;
  for (std::string_view name : tables) {
    if (!joined.empty()) joined += ',';
    joined += name;
  }
  return joined;
}

}  // namespace eddy::server
