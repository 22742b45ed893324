// `eddy triggers list [--endpoint URL | --port PORT] [--json]`: every event source mapping of a
// running eddy with its state, its last processing result, and its position and lag (in records
// and seconds) in each shard — asked of ListEventSourceMappings, signed as the AWS CLI would.
#pragma once

namespace eddy::cli {

// argv[0] is "triggers". Returns the process exit status.
int run_triggers_command(int argc, char** argv);

}  // namespace eddy::cli
