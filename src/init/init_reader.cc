// Reading --init paths; see init_reader.h.
#include "init/init_reader.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "init/cloudformation_template.h"
#include "init/describe_table_output.h"
#include "init/property_values.h"
#include "init/yaml_document.h"
#include "model/result.h"
#include "protocol/json_parse.h"

namespace eddy::init {
namespace {

namespace fs = std::filesystem;

bool has_extension(const fs::path& path, std::initializer_list<std::string_view> extensions) {
  std::string extension = path.extension().string();
  return std::find(extensions.begin(), extensions.end(), extension) != extensions.end();
}

Result<std::string> read_text(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return fail(init_error(file, "cannot be read"));
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// JSON, or YAML when the file is not JSON and is not named *.json.
Result<void> parse(const std::string& file, const std::string& text, JsonDocument& document) {
  if (parse_json(text, document) == JsonParseOutcome::kParsed) return {};
  if (has_extension(file, {".json"})) return fail(init_error(file, "is not valid JSON"));
  if (auto read = read_yaml(text, document); !read) return fail(init_error(file, read.error().message));
  return {};
}

bool is_create_table_request(const JsonValue& value) { return value.IsObject() && value.HasMember("TableName"); }

// One entry of a list (or a file of one): a CreateTable request or a DescribeTable output.
Result<void> read_table_entry(const std::string& origin, const JsonValue& entry, InitPlan& plan) {
  TableDeclaration table;
  table.origin = origin;
  if (is_describe_table_output(entry)) {
    create_table_request(entry["Table"], table.create_table);
  } else if (is_create_table_request(entry)) {
    table.create_table.CopyFrom(entry, table.create_table.GetAllocator());
  } else {
    return fail(init_error(origin, "is neither a CreateTable request nor a DescribeTable output"));
  }
  plan.tables.push_back(std::move(table));
  return {};
}

Result<void> read_document(const std::string& file, JsonDocument& document, const InitParameters& parameters,
                           InitPlan& plan) {
  if (document.IsArray()) {
    std::size_t position = 0;
    for (const auto& entry : document.GetArray()) {
      EDDY_TRY_VOID(read_table_entry(file + ", entry " + std::to_string(++position), entry, plan));
    }
    return {};
  }
  if (is_template(document)) return read_template(file, document, parameters, plan);
  if (document.IsObject() && document.HasMember("RequestItems")) {
    if (!document["RequestItems"].IsObject()) return fail(init_error(file, "RequestItems is not a map of tables"));
    plan.items.push_back(ItemLoad{file, std::move(document)});
    return {};
  }
  if (is_describe_table_output(document) || is_create_table_request(document)) {
    return read_table_entry(file, document, plan);
  }
  return fail(init_error(file,
                         "is not a list of CreateTable requests, a DescribeTable output, a CloudFormation "
                         "template or a BatchWriteItem request (RequestItems)"));
}

// The stack templates a CDK cloud assembly's manifest.json names.
Result<std::vector<std::string>> cdk_templates(const fs::path& folder) {
  std::string manifest = (folder / "manifest.json").string();
  EDDY_TRY(std::string text, read_text(manifest));
  JsonDocument document;
  if (parse_json(text, document) != JsonParseOutcome::kParsed || !document.IsObject()) {
    return fail(init_error(manifest, "is not valid JSON"));
  }
  std::vector<std::string> files;
  JsonValue* artifacts = member(document, "artifacts");
  if (artifacts == nullptr || !artifacts->IsObject()) return files;
  for (auto& artifact : artifacts->GetObject()) {
    JsonValue* type = member(artifact.value, "type");
    if (type == nullptr || !type->IsString() || std::string_view(type->GetString()) != "aws:cloudformation:stack") {
      continue;
    }
    JsonValue* properties = member(artifact.value, "properties");
    JsonValue* template_file = properties ? member(*properties, "templateFile") : nullptr;
    if (template_file && template_file->IsString()) files.push_back((folder / template_file->GetString()).string());
  }
  return files;
}

Result<void> collect_files(const fs::path& path, std::vector<std::string>& files) {
  std::error_code error;
  if (!fs::is_directory(path, error)) {
    if (!fs::exists(path, error)) return fail(init_error(path.string(), "does not exist"));
    files.push_back(path.string());
    return {};
  }
  if (fs::exists(path / "manifest.json", error)) {
    EDDY_TRY(auto templates, cdk_templates(path));
    files.insert(files.end(), templates.begin(), templates.end());
    return {};
  }
  std::vector<fs::path> entries;
  for (const auto& entry : fs::directory_iterator(path, error)) {
    std::string name = entry.path().filename().string();
    if (name.empty() || name[0] == '.') continue;
    if (entry.is_directory() || has_extension(entry.path(), {".json", ".yaml", ".yml", ".template"})) {
      entries.push_back(entry.path());
    }
  }
  if (error) return fail(init_error(path.string(), "cannot be listed: " + error.message()));
  std::sort(entries.begin(), entries.end());
  for (const auto& entry : entries) EDDY_TRY_VOID(collect_files(entry, files));
  return {};
}

}  // namespace

Result<void> read_init_file(const std::string& file, const InitParameters& parameters, InitPlan& plan) {
  EDDY_TRY(std::string text, read_text(file));
  JsonDocument document;
  EDDY_TRY_VOID(parse(file, text, document));
  return read_document(file, document, parameters, plan);
}

Result<InitPlan> read_init(const std::vector<std::string>& paths, const InitParameters& parameters) {
  InitPlan plan;
  for (const auto& path : paths) {
    std::vector<std::string> files;
    EDDY_TRY_VOID(collect_files(path, files));
    for (const auto& file : files) EDDY_TRY_VOID(read_init_file(file, parameters, plan));
  }
  return plan;
}

}  // namespace eddy::init
