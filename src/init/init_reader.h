// Reading every --init PATH into one InitPlan, before anything is applied (docs/init.md).
// A PATH is a file or a folder. A folder with a manifest.json is a CDK cloud assembly (cdk.out):
// the templateFile of each aws:cloudformation:stack artifact is read. Any other folder is read
// file by file (*.json, *.yaml, *.yml, *.template), in name order, its subfolders too.
// A file holds one of:
//   - a JSON list of CreateTable requests or DescribeTable outputs (or one of either);
//   - a CloudFormation, SAM or CDK template, in JSON or YAML (cloudformation_template.h);
//   - items: BatchWriteItem's request, {"RequestItems": {"Table": [{"PutRequest": ...}, ...]}}.
#pragma once

#include <string>
#include <vector>

#include "init/init_plan.h"

namespace eddy::init {

// The plan of all `paths`, in their order (tables, then the items files). The error names the
// file, and the resource or list entry where there is one, and says what is wrong.
Result<InitPlan> read_init(const std::vector<std::string>& paths, const InitParameters& parameters);

// One file's declarations, appended to `plan`.
Result<void> read_init_file(const std::string& file, const InitParameters& parameters, InitPlan& plan);

}  // namespace eddy::init
