// `eddy export TABLE DIR [--endpoint URL] [--format dynamodb-json|ion]`: Scans a table of a
// running eddy (or any DynamoDB endpoint) and writes it to DIR in the layout of DynamoDB's exports
// to S3 (DIR/AWSDynamoDB/<ExportId>/..., export/export_writer.h). See docs/export-import.md.
#pragma once

namespace eddy::cli {

// argv[0] is "export". Returns the process exit status.
int run_export_command(int argc, char** argv);

}  // namespace eddy::cli
