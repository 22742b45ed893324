// Writing and reading the manifests; the layout is in manifest.h.
#include "export/manifest.h"
#include "model/result.h"

#include <openssl/evp.h>

#include <cmath>
#include <ctime>

#include "protocol/base64.h"
#include "protocol/json.h"
#include "protocol/json_parse.h"

namespace eddy::exports {
namespace {

void write_string(JsonWriter& w, const char* key, const std::string& value) {
  w.Key(key);
  w.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
}

}  // namespace

std::string iso8601_milliseconds(double seconds) {
  auto whole = static_cast<std::time_t>(std::floor(seconds));
  int millis = static_cast<int>(std::floor((seconds - static_cast<double>(whole)) * 1000 + 0.5));
  if (millis == 1000) {
    ++whole;
    millis = 0;
  }
  std::tm utc{};
  gmtime_r(&whole, &utc);
  char text[64];
  std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", utc.tm_year + 1900, utc.tm_mon + 1,
                utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec, millis);
  return text;
}

std::string md5(std::string_view bytes) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  EVP_Digest(bytes.data(), bytes.size(), digest, &size, EVP_md5(), nullptr);
  return std::string(reinterpret_cast<char*>(digest), size);
}

std::string hex(std::string_view bytes) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned char c : bytes) {
    out.push_back(kHex[c >> 4]);
    out.push_back(kHex[c & 15]);
  }
  return out;
}

std::string manifest_summary_json(const ExportManifest& m) {
  rapidjson::StringBuffer buffer;
  JsonWriter w(buffer);
  w.StartObject();
  bool incremental = m.export_type == "INCREMENTAL_EXPORT";
  write_string(w, "version", std::string(incremental ? kIncrementalManifestVersion : kManifestVersion));
  write_string(w, "exportArn", m.export_arn);
  write_string(w, "startTime", iso8601_milliseconds(m.start_time));
  write_string(w, "endTime", iso8601_milliseconds(m.end_time));
  write_string(w, "tableArn", m.table_arn);
  write_string(w, "tableId", m.table_id);
  if (incremental) {
    write_string(w, "exportFromTime", iso8601_milliseconds(m.export_from_time));
    write_string(w, "exportToTime", iso8601_milliseconds(m.export_to_time));
  } else {
    write_string(w, "exportTime", iso8601_milliseconds(m.export_time));
  }
  write_string(w, "s3Bucket", m.s3_bucket);
  w.Key("s3Prefix");
  if (m.s3_prefix.empty()) {
    w.Null();
  } else {
    w.String(m.s3_prefix.c_str());
  }
  write_string(w, "s3SseAlgorithm", m.s3_sse_algorithm);
  w.Key("s3SseKmsKeyId");
  w.Null();
  write_string(w, "manifestFilesS3Key", m.manifest_files_key);
  w.Key("billedSizeBytes");
  w.Int64(m.billed_size_bytes);
  w.Key("itemCount");
  w.Int64(m.item_count);
  write_string(w, "outputFormat", m.output_format);
  if (incremental) write_string(w, "outputView", m.output_view);
  write_string(w, "exportType", m.export_type);
  w.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize()) + "\n";
}

std::string manifest_files_json(const std::vector<DataFileEntry>& files) {
  std::string out;
  for (const auto& file : files) {
    rapidjson::StringBuffer buffer;
    JsonWriter w(buffer);
    w.StartObject();
    w.Key("itemCount");
    w.Int64(file.item_count);
    write_string(w, "md5Checksum", file.md5_checksum);
    write_string(w, "etag", file.etag);
    write_string(w, "dataFileS3Key", file.data_file_key);
    w.EndObject();
    out.append(buffer.GetString(), buffer.GetSize());
    out.push_back('\n');
  }
  return out;
}

Result<std::vector<DataFileEntry>> read_manifest_files(std::string_view text) {
  std::vector<DataFileEntry> files;
  std::size_t at = 0;
  while (at < text.size()) {
    std::size_t end = text.find('\n', at);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(at, end - at);
    at = end + 1;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    JsonDocument document;
    if (parse_json(line, document) != JsonParseOutcome::kParsed || !document.IsObject()) {
      return validation_error("manifest-files.json holds a line that is not a JSON object");
    }
    auto key = document.FindMember("dataFileS3Key");
    if (key == document.MemberEnd() || !key->value.IsString()) {
      return validation_error("manifest-files.json holds a line without dataFileS3Key");
    }
    DataFileEntry entry;
    entry.data_file_key = key->value.GetString();
    if (auto count = document.FindMember("itemCount"); count != document.MemberEnd() && count->value.IsInt64()) {
      entry.item_count = count->value.GetInt64();
    }
    if (auto sum = document.FindMember("md5Checksum"); sum != document.MemberEnd() && sum->value.IsString()) {
      entry.md5_checksum = sum->value.GetString();
    }
    files.push_back(std::move(entry));
  }
  return files;
}

}  // namespace eddy::exports
