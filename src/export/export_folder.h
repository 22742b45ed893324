// The data files of a folder that `eddy import` reads: an export folder (one holding
// manifest-files.json, as DynamoDB or `eddy export` wrote it, or a folder above AWSDynamoDB/<id>/),
// whose manifest names its data files, or else every file below it. A file's format and
// compression come from its name: .json / .ion / .csv, then .gz / .zst.
#pragma once

#include <filesystem>
#include <vector>

#include "export/import_reader.h"
#include "model/api_error.h"

namespace eddy::exports {

struct DataFileRef {
  std::filesystem::path path;
  InputFormat format = InputFormat::kDynamoDbJson;
  Compression compression = Compression::kNone;
};

// The data files, in the manifest's or in name order; a ValidationException when `folder` is not
// a folder, or when it holds several exports (AWSDynamoDB/<id>/) and so names none of them.
Result<std::vector<DataFileRef>> data_files_of(const std::filesystem::path& folder);

}  // namespace eddy::exports
