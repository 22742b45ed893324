// The process's limit on open files (RLIMIT_NOFILE), which bounds how many connections eddy can
// hold: every connection is a file descriptor, beside RocksDB's files and eddy's own sockets.
#pragma once

#include <cstddef>

namespace eddy::http {

// Descriptors kept for everything but client connections (RocksDB's table files and logs, the
// listening socket, trigger deliveries, exports).
inline constexpr std::size_t kReservedFiles = 1024;

// Raises the soft limit on open files towards the hard one, enough for `wanted` descriptors if the
// hard limit allows, and returns the soft limit in force afterwards (unchanged if it cannot be read
// or raised).
std::size_t raise_open_file_limit(std::size_t wanted);

}  // namespace eddy::http
