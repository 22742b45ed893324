// `eddy import`; see import_command.h.
#include "cli/import_command.h"

#include <iostream>
#include <string>
#include <vector>

#include "cli/endpoint_option.h"
#include "cli/streams_client.h"
#include "export/export_folder.h"
#include "export/s3_folder.h"
#include "protocol/attribute_value_json.h"

namespace eddy::cli {
namespace {

constexpr const char* kUsage =
    "usage: eddy import DIR --table NAME [--endpoint URL]\n"
    "  Writes the items of DIR into the existing table NAME of the server at URL (default\n"
    "  http://127.0.0.1:8000). DIR is an export folder (DynamoDB's, downloaded from S3, or eddy\n"
    "  export's: the one holding manifest-files.json, or the folder above AWSDynamoDB/) or a folder\n"
    "  of data files (.json, .ion, .csv; .gz or .zst compressed).\n";

constexpr std::size_t kBatchSize = 25;  // BatchWriteItem's limit
constexpr int kMaxRetries = 50;         // of one batch's UnprocessedItems

struct ImportArguments {
  std::string folder;
  std::string table;
  std::string host = "127.0.0.1";
  std::string port = "8000";
};

bool parse(int argc, char** argv, ImportArguments& out, std::string& error) {
  std::vector<std::string> positional;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--help" || arg == "-h") return error.clear(), false;
    if (read_endpoint_option(argc, argv, i, out.host, out.port, error)) {
      if (!error.empty()) return false;
    } else if (arg == "--table") {
      if (i + 1 >= argc) return error = arg + " needs a value", false;
      out.table = argv[++i];
    } else {
      positional.push_back(arg);
    }
  }
  if (positional.size() != 1) return error = "DIR is needed", false;
  if (out.table.empty()) return error = "--table NAME is needed", false;
  out.folder = positional[0];
  return true;
}

// {"RequestItems":{"<table>":[{"PutRequest":{"Item":...}}, ...]}} for `items`.
std::string batch_body(const std::string& table, const std::vector<std::string>& items) {
  rapidjson::StringBuffer buffer;
  JsonWriter w(buffer);
  w.StartObject();
  w.Key("RequestItems");
  w.StartObject();
  w.Key(table.c_str());
  w.StartArray();
  for (const auto& item : items) {
    w.StartObject();
    w.Key("PutRequest");
    w.StartObject();
    w.Key("Item");
    w.RawValue(item.data(), item.size(), rapidjson::kObjectType);
    w.EndObject();
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  w.EndObject();
  return buffer.GetString();
}

// Writes `items` (item JSON texts), sending UnprocessedItems again; false with `error` set.
bool write_batch(StreamsClient& client, const std::string& table, const std::vector<std::string>& items,
                 std::string& error) {
  std::string body = batch_body(table, items);
  for (int attempt = 0; attempt < kMaxRetries; ++attempt) {
    JsonDocument answer;
    if (!client.call("DynamoDB_20120810.BatchWriteItem", body, answer, error)) return false;
    auto unprocessed = answer.FindMember("UnprocessedItems");
    if (unprocessed == answer.MemberEnd() || !unprocessed->value.IsObject() || unprocessed->value.ObjectEmpty()) {
      return true;
    }
    rapidjson::StringBuffer buffer;
    JsonWriter w(buffer);
    w.StartObject();
    w.Key("RequestItems");
    unprocessed->value.Accept(w);
    w.EndObject();
    body = buffer.GetString();
  }
  return error = "BatchWriteItem left items unprocessed " + std::to_string(kMaxRetries) + " times", false;
}

}  // namespace

int run_import_command(int argc, char** argv) {
  ImportArguments arguments;
  std::string error;
  if (!parse(argc, argv, arguments, error)) {
    if (!error.empty()) std::cerr << "eddy import: " << error << "\n";
    std::cerr << kUsage;
    return error.empty() ? 0 : 2;
  }
  auto files = exports::data_files_of(arguments.folder);
  if (!files) {
    std::cerr << "eddy import: " << files.error().message << "\n";
    return 1;
  }
  StreamsClient client(arguments.host, arguments.port);
  int64_t imported = 0;
  int64_t refused = 0;
  std::vector<std::string> batch;
  for (const auto& file : *files) {
    auto bytes = exports::read_file(file.path);
    if (!bytes) {
      std::cerr << "eddy import: " << bytes.error().message << "\n";
      return 1;
    }
    exports::ImportSource source;
    source.format = file.format;
    source.compression = file.compression;
    auto on_item = [&](const Item& item, int64_t) -> Result<void> {
      batch.push_back(attribute_map_to_json(item));
      if (batch.size() == kBatchSize) {
        if (!write_batch(client, arguments.table, batch, error)) return fail(ApiError::internal(error));
        imported += static_cast<int64_t>(kBatchSize);
        batch.clear();
      }
      return {};
    };
    auto on_error = [&](int64_t index, const std::string& message) {
      ++refused;
      std::cerr << file.path.string() << ": record " << index << ": " << message << "\n";
    };
    if (auto read = exports::read_data_file(*bytes, source, on_item, on_error); !read) {
      std::cerr << "eddy import: " << read.error().message << "\n";
      return 1;
    }
  }
  if (!batch.empty()) {
    if (!write_batch(client, arguments.table, batch, error)) {
      std::cerr << "eddy import: " << error << "\n";
      return 1;
    }
    imported += static_cast<int64_t>(batch.size());
  }
  std::cout << arguments.table << ": " << imported << " items imported, " << refused << " records refused\n";
  return refused == 0 ? 0 : 1;
}

}  // namespace eddy::cli
