// CSV records and their items; the grammar is in csv_format.h.
#include "export/csv_format.h"
#include "model/result.h"

#include "model/number.h"
#include "protocol/base64.h"

namespace eddy::exports {

Result<std::vector<CsvRecord>> read_csv_records(std::string_view text, char delimiter) {
  std::vector<CsvRecord> records;
  std::size_t at = 0;
  std::size_t line = 1;
  while (at < text.size()) {
    CsvRecord record;
    record.line = line;
    std::string field;
    bool done = false;
    while (!done) {
      if (at < text.size() && text[at] == '"') {
        ++at;
        while (true) {
          if (at >= text.size())
            return validation_error("Line " + std::to_string(record.line) + ": an unterminated quote");
          if (text[at] == '"' && at + 1 < text.size() && text[at + 1] == '"') {
            field.push_back('"');
            at += 2;
          } else if (text[at] == '"') {
            ++at;
            break;
          } else {
            if (text[at] == '\n') ++line;
            field.push_back(text[at++]);
          }
        }
      }
      while (at < text.size() && text[at] != delimiter && text[at] != '\n' && text[at] != '\r')
        field.push_back(text[at++]);
      record.fields.push_back(std::move(field));
      field.clear();
      if (at < text.size() && text[at] == delimiter) {
        ++at;
        continue;
      }
      if (at < text.size() && text[at] == '\r') ++at;
      if (at < text.size() && text[at] == '\n') ++at;
      ++line;
      done = true;
    }
    bool blank = record.fields.size() == 1 && record.fields[0].empty();
    if (!blank) records.push_back(std::move(record));
  }
  return records;
}

namespace {

Result<AttributeValue> key_value(const std::string& text, const KeyElement& key) {
  if (text.empty()) return validation_error("The key attribute " + key.name + " is empty");
  if (key.type == AttributeType::kN) {
    auto number = Number::parse(text);
    if (!number) return validation_error("The key attribute " + key.name + ": " + number.error().message);
    return AttributeValue::number(number->to_string());
  }
  if (key.type == AttributeType::kB) {
    auto bytes = base64_decode(text);
    if (!bytes) return validation_error("The key attribute " + key.name + " is not base64");
    return AttributeValue::binary(std::move(*bytes));
  }
  return AttributeValue::string(text);
}

}  // namespace

Result<Item> csv_item(const CsvRecord& record, const std::vector<std::string>& header,
                      const std::vector<KeyElement>& key_types) {
  if (record.fields.size() > header.size()) {
    return validation_error("The record has " + std::to_string(record.fields.size()) + " fields but the header " +
                            std::to_string(header.size()));
  }
  Item item;
  for (std::size_t i = 0; i < record.fields.size(); ++i) {
    const std::string& text = record.fields[i];
    const KeyElement* key = nullptr;
    for (const auto& element : key_types) {
      if (element.name == header[i]) key = &element;
    }
    if (key != nullptr) {
      EDDY_TRY(AttributeValue value, key_value(text, *key));
      item[header[i]] = std::move(value);
    } else if (!text.empty()) {
      item[header[i]] = AttributeValue::string(text);
    }
  }
  for (const auto& element : key_types) {
    if (!item.contains(element.name)) return validation_error("The record has no key attribute " + element.name);
  }
  return item;
}

}  // namespace eddy::exports
