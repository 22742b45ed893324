// RocksDB's own log lines go to eddy's log (spdlog) instead of a LOG file in the data folder.
//
// Only warnings and errors are passed on: RocksDB's informational lines (option dumps, flush and
// compaction summaries) are for RocksDB's developers. Not creating, renaming and writing a LOG
// file also takes a little off every start.
#pragma once

#include <memory>

#include <rocksdb/env.h>

namespace eddy::engine {

std::shared_ptr<rocksdb::Logger> make_rocksdb_log();

}  // namespace eddy::engine
