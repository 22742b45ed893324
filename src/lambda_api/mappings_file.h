// --event-source-mappings FILE: event source mappings declared in a file instead of through the
// API, created when eddy starts and kept across restarts without duplicates
// (TriggerService::apply_file_mappings). The file is a JSON list of CreateEventSourceMapping
// requests, e.g.
//   [{"TableName": "Orders", "FunctionName": "http://localhost:9000/orders", "StartingPosition": "LATEST",
//     "BatchSize": 10}]
// where TableName may stand for EventSourceArn (the mapping then follows that table's stream,
// also once the table is created or re-created), and only here may FunctionName be
// "exec:COMMAND": a command run in the file's folder with the event on its stdin.
#pragma once

#include <string>
#include <vector>

#include "model/api_error.h"
#include "triggers/event_source_mapping.h"

namespace eddy::lambda_api {

// The mappings the file declares; an error names the file and, for a bad entry, its position and
// Lambda's complaint about it.
Result<std::vector<triggers::EventSourceMapping>> read_mappings_file(const std::string& path);

}  // namespace eddy::lambda_api
