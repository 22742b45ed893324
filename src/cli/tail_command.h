// `eddy streams tail TABLE`: follows a table's stream on a running eddy, across shard rollovers
// (a child shard is read once its parent is finished, so each item's records come in order), and
// prints every record as one JSON line. See docs/streams.md.
#pragma once

namespace eddy::cli {

// argv[0] is "streams". Returns the process exit status.
int run_streams_command(int argc, char** argv);

}  // namespace eddy::cli
