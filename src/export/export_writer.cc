// Writing an export folder; see export_writer.h and the layout in manifest.h.
#include "export/export_writer.h"
#include "model/result.h"

#include <cstdio>
#include <random>

#include "export/compression.h"
#include "export/dynamodb_json_format.h"
#include "export/ion_format.h"
#include "export/s3_folder.h"
#include "protocol/base64.h"

namespace eddy::exports {
namespace {

std::mt19937_64& random_engine() {
  thread_local std::mt19937_64 random{std::random_device{}()};
  return random;
}

// 26 characters of base32's lower-case alphabet, as DynamoDB names its data files.
std::string random_file_name() {
  static constexpr char kAlphabet[] = "abcdefghijklmnopqrstuvwxyz234567";
  std::string name;
  for (int i = 0; i < 26; ++i) name.push_back(kAlphabet[random_engine()() % 32]);
  return name;
}

}  // namespace

const char* format_name(ExportFormat format) { return format == ExportFormat::kIon ? "ION" : "DYNAMODB_JSON"; }

std::string new_export_id(double now) {
  char id[40];
  std::snprintf(id, sizeof id, "%014lld-%08llx", static_cast<long long>(now * 1000),
                static_cast<unsigned long long>(random_engine()() & 0xffffffffULL));
  return id;
}

ExportWriter::ExportWriter(std::filesystem::path bucket, std::string prefix, const std::string& export_id,
                           ExportFormat format, DataFolder data_folder)
    : bucket_(std::move(bucket)), prefix_(std::move(prefix)), format_(format) {
  export_key_ = join_key(prefix_, "AWSDynamoDB/" + export_id);
  data_key_ = data_folder == DataFolder::kShared ? join_key(prefix_, "AWSDynamoDB/data") : join_key_of("data");
}

std::string ExportWriter::join_key_of(std::string_view name) const { return join_key(export_key_, name); }

Result<void> ExportWriter::start() { return write_file(bucket_ / join_key_of("_started"), ""); }

Result<void> ExportWriter::add(const Item& item) {
  return add_line(format_ == ExportFormat::kIon ? ion_line(item) : dynamodb_json_line(item),
                  static_cast<int64_t>(item_size(item)));
}

Result<void> ExportWriter::add_line(std::string_view line, int64_t billed_bytes) {
  pending_ += line;
  ++pending_items_;
  ++item_count_;
  billed_bytes_ += billed_bytes;
  if (pending_items_ >= static_cast<int64_t>(kItemsPerFile)) return write_data_file();
  return {};
}

Result<void> ExportWriter::write_data_file() {
  std::string compressed = gzip(pending_);
  std::string key = join_key(data_key_, random_file_name() + (format_ == ExportFormat::kIon ? ".ion.gz" : ".json.gz"));
  EDDY_TRY_VOID(write_file(bucket_ / key, compressed));
  std::string digest = md5(compressed);
  files_.push_back(DataFileEntry{pending_items_, base64_encode(digest), hex(digest), key});
  pending_.clear();
  pending_items_ = 0;
  return {};
}

Result<void> ExportWriter::finish(ExportManifest& manifest) {
  if (pending_items_ > 0 || files_.empty()) EDDY_TRY_VOID(write_data_file());
  manifest.manifest_files_key = join_key_of("manifest-files.json");
  manifest.item_count = item_count_;
  manifest.billed_size_bytes = billed_bytes_;
  manifest.output_format = format_name(format_);
  std::string files = manifest_files_json(files_);
  EDDY_TRY_VOID(write_file(bucket_ / manifest.manifest_files_key, files));
  EDDY_TRY_VOID(write_file(bucket_ / join_key_of("manifest-files.checksum"), hex(md5(files))));
  std::string summary = manifest_summary_json(manifest);
  EDDY_TRY_VOID(write_file(bucket_ / summary_key(), summary));
  return write_file(bucket_ / join_key_of("manifest-summary.checksum"), hex(md5(summary)));
}

}  // namespace eddy::exports
