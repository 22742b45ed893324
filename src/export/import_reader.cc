// Records of one data file; see import_reader.h.
#include "export/import_reader.h"
#include "model/result.h"

#include "export/csv_format.h"
#include "export/dynamodb_json_format.h"
#include "export/ion_format.h"

namespace eddy::exports {
namespace {

Result<void> read_lines(std::string_view text, InputFormat format, const ItemSink& on_item,
                        const RecordErrorSink& on_error) {
  std::size_t at = 0;
  int64_t index = 0;
  while (at < text.size()) {
    std::size_t end = text.find('\n', at);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(at, end - at);
    at = end + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    bool blank = line.find_first_not_of(" \t") == std::string_view::npos;
    if (blank || (format == InputFormat::kIon && ion_line_is_empty(line))) continue;
    auto item = format == InputFormat::kIon ? read_ion_line(line) : read_dynamodb_json_line(line);
    if (item) {
      EDDY_TRY_VOID(on_item(*item, index));
    } else {
      on_error(index, item.error().message);
    }
    ++index;
  }
  return {};
}

Result<void> read_csv(std::string_view text, const ImportSource& source, const ItemSink& on_item,
                      const RecordErrorSink& on_error) {
  auto records = read_csv_records(text, source.csv_delimiter);
  if (!records) {
    on_error(0, records.error().message);
    return {};
  }
  std::vector<std::string> header = source.csv_header_list;
  std::size_t first = 0;
  if (header.empty()) {
    if (records->empty()) return {};
    header = records->front().fields;
    first = 1;
  }
  for (std::size_t i = first; i < records->size(); ++i) {
    auto index = static_cast<int64_t>(i - first);
    auto item = csv_item((*records)[i], header, source.key_types);
    if (item) {
      EDDY_TRY_VOID(on_item(*item, index));
    } else {
      on_error(index, item.error().message);
    }
  }
  return {};
}

}  // namespace

const char* format_name(InputFormat format) {
  switch (format) {
    case InputFormat::kIon: return "ION";
    case InputFormat::kCsv: return "CSV";
    case InputFormat::kDynamoDbJson: break;
  }
  return "DYNAMODB_JSON";
}

Result<void> read_data_file(std::string_view bytes, const ImportSource& source, const ItemSink& on_item,
                            const RecordErrorSink& on_error) {
  auto text = decompress(bytes, source.compression);
  if (!text) {
    on_error(0, text.error().message);
    return {};
  }
  if (source.format == InputFormat::kCsv) return read_csv(*text, source, on_item, on_error);
  return read_lines(*text, source.format, on_item, on_error);
}

bool is_export_metadata_key(std::string_view key) {
  std::string_view name = key.substr(key.rfind('/') == std::string_view::npos ? 0 : key.rfind('/') + 1);
  return name == "_started" || name == "manifest-summary.json" || name == "manifest-files.json" ||
         name.ends_with(".checksum");
}

}  // namespace eddy::exports
