// The export and import operations (docs/export-import.md), one .cc file each, as operations.h
// declares the others; operation_table.cc pairs each with the reader of its request.
#pragma once

#include <string>

#include "model/api_error.h"
#include "ops/request_context.h"
#include "protocol/requests/describe_export.h"
#include "protocol/requests/describe_import.h"
#include "protocol/requests/export_table_to_point_in_time.h"
#include "protocol/requests/import_table.h"
#include "protocol/requests/list_exports.h"
#include "protocol/requests/list_imports.h"

namespace eddy::ops {

namespace p = protocol;

Result<std::string> export_table_to_point_in_time(RequestContext& context,
                                                  const p::ExportTableToPointInTimeRequest& request);
Result<std::string> describe_export(RequestContext& context, const p::DescribeExportRequest& request);
Result<std::string> list_exports(RequestContext& context, const p::ListExportsRequest& request);
Result<std::string> import_table(RequestContext& context, const p::ImportTableRequest& request);
Result<std::string> describe_import(RequestContext& context, const p::DescribeImportRequest& request);
Result<std::string> list_imports(RequestContext& context, const p::ListImportsRequest& request);

}  // namespace eddy::ops
