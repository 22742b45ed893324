// `eddy import DIR --table NAME [--endpoint URL]`: writes the items of an export folder (DynamoDB's
// own, downloaded from S3, or `eddy export`'s) or of data files into an existing table of a running
// eddy with BatchWriteItem. See docs/export-import.md.
#pragma once

namespace eddy::cli {

// argv[0] is "import". Returns the process exit status.
int run_import_command(int argc, char** argv);

}  // namespace eddy::cli
