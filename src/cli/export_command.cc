// `eddy export`; see export_command.h.
#include "cli/export_command.h"

#include <chrono>
#include <iostream>
#include <string>

#include "cli/endpoint_option.h"
#include "cli/streams_client.h"
#include "export/export_writer.h"
#include "protocol/attribute_value_json.h"

namespace eddy::cli {
namespace {

constexpr const char* kUsage =
    "usage: eddy export TABLE DIR [--endpoint URL] [--format dynamodb-json|ion]\n"
    "  Writes TABLE of the server at URL (default http://127.0.0.1:8000) to DIR/AWSDynamoDB/<ExportId>/,\n"
    "  as DynamoDB exports a table to S3 (default format dynamodb-json).\n";

struct ExportArguments {
  std::string table;
  std::string folder;
  std::string host = "127.0.0.1";
  std::string port = "8000";
  exports::ExportFormat format = exports::ExportFormat::kDynamoDbJson;
};

bool parse(int argc, char** argv, ExportArguments& out, std::string& error) {
  std::vector<std::string> positional;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--help" || arg == "-h") return error.clear(), false;
    if (read_endpoint_option(argc, argv, i, out.host, out.port, error)) {
      if (!error.empty()) return false;
    } else if (arg == "--format") {
      if (i + 1 >= argc) return error = arg + " needs a value", false;
      std::string value = argv[++i];
      if (value != "dynamodb-json" && value != "ion") return error = "--format must be dynamodb-json or ion", false;
      out.format = value == "ion" ? exports::ExportFormat::kIon : exports::ExportFormat::kDynamoDbJson;
    } else {
      positional.push_back(arg);
    }
  }
  if (positional.size() != 2) return error = "TABLE and DIR are needed", false;
  out.table = positional[0];
  out.folder = positional[1];
  return true;
}

std::string string_member(const JsonValue& json, const char* key) {
  auto found = json.FindMember(key);
  return found != json.MemberEnd() && found->value.IsString() ? found->value.GetString() : "";
}

// Every page of a consistent Scan into `writer`; false with `error` set.
bool scan_into(StreamsClient& client, const std::string& table, exports::ExportWriter& writer, std::string& error) {
  std::string start;
  do {
    rapidjson::StringBuffer buffer;
    JsonWriter w(buffer);
    w.StartObject();
    w.Key("TableName");
    w.String(table.c_str());
    w.Key("ConsistentRead");
    w.Bool(true);
    if (!start.empty()) {
      w.Key("ExclusiveStartKey");
      w.RawValue(start.data(), start.size(), rapidjson::kObjectType);
    }
    w.EndObject();
    JsonDocument page;
    if (!client.call("DynamoDB_20120810.Scan", buffer.GetString(), page, error)) return false;
    auto items = page.FindMember("Items");
    if (items == page.MemberEnd() || !items->value.IsArray()) return error = "Scan answered without Items", false;
    for (const auto& value : items->value.GetArray()) {
      auto item = decode_attribute_map(value);
      if (!item) return error = item.error().message, false;
      if (auto added = writer.add(*item); !added) return error = added.error().message, false;
    }
    start.clear();
    if (auto last = page.FindMember("LastEvaluatedKey"); last != page.MemberEnd()) {
      rapidjson::StringBuffer key;
      JsonWriter kw(key);
      last->value.Accept(kw);
      start.assign(key.GetString(), key.GetSize());
    }
  } while (!start.empty());
  return true;
}

std::string table_name_body(const std::string& table) {
  rapidjson::StringBuffer buffer;
  JsonWriter w(buffer);
  w.StartObject();
  w.Key("TableName");
  w.String(table.c_str());
  w.EndObject();
  return buffer.GetString();
}

double seconds_now() {
  using namespace std::chrono;
  return static_cast<double>(duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count()) / 1000.0;
}

}  // namespace

int run_export_command(int argc, char** argv) {
  ExportArguments arguments;
  std::string error;
  if (!parse(argc, argv, arguments, error)) {
    if (!error.empty()) std::cerr << "eddy export: " << error << "\n";
    std::cerr << kUsage;
    return error.empty() ? 0 : 2;
  }
  StreamsClient client(arguments.host, arguments.port);
  JsonDocument described;
  if (!client.call("DynamoDB_20120810.DescribeTable", table_name_body(arguments.table), described, error)) {
    std::cerr << "eddy export: " << error << "\n";
    return 1;
  }
  auto found = described.FindMember("Table");
  if (found == described.MemberEnd() || !found->value.IsObject()) {
    std::cerr << "eddy export: DescribeTable answered without Table\n";
    return 1;
  }
  const JsonValue& table = found->value;
  double start = seconds_now();
  std::string id = exports::new_export_id(start);
  exports::ExportWriter writer(arguments.folder, "", id, arguments.format);
  auto started = writer.start();
  if (!started || !scan_into(client, arguments.table, writer, error)) {
    std::cerr << "eddy export: " << (started ? error : started.error().message) << "\n";
    return 1;
  }
  exports::ExportManifest manifest;
  manifest.table_arn = string_member(table, "TableArn");
  manifest.export_arn = manifest.table_arn + "/export/" + id;
  manifest.table_id = string_member(table, "TableId");
  manifest.start_time = manifest.export_time = start;
  manifest.end_time = seconds_now();
  manifest.s3_bucket = std::filesystem::path(arguments.folder).filename().string();
  if (auto finished = writer.finish(manifest); !finished) {
    std::cerr << "eddy export: " << finished.error().message << "\n";
    return 1;
  }
  std::cout << (std::filesystem::path(arguments.folder) / writer.export_key()).string() << ": " << writer.item_count()
            << " items\n";
  return 0;
}

}  // namespace eddy::cli
