// RocksDB's warnings and errors in eddy's log; see rocksdb_log.h.
#include "engine/rocksdb_log.h"

#include <cstdarg>
#include <algorithm>
#include <cstdio>
#include <string_view>

#include <spdlog/spdlog.h>

namespace eddy::engine {
namespace {

class RocksdbLog : public rocksdb::Logger {
 public:
  RocksdbLog() : rocksdb::Logger(rocksdb::InfoLogLevel::WARN_LEVEL) {}

  // Lines logged without a level are informational.
  void Logv(const char* format, va_list ap) override { Logv(rocksdb::InfoLogLevel::INFO_LEVEL, format, ap); }

  void Logv(const rocksdb::InfoLogLevel level, const char* format, va_list ap) override {
    if (level < GetInfoLogLevel() || level == rocksdb::InfoLogLevel::HEADER_LEVEL) return;
    char line[1024];
    int length = std::vsnprintf(line, sizeof line, format, ap);
    if (length < 0) return;
    std::string_view text(line, std::min<std::size_t>(static_cast<std::size_t>(length), sizeof line - 1));
    while (!text.empty() && text.back() == '\n') text.remove_suffix(1);
    spdlog::log(level == rocksdb::InfoLogLevel::WARN_LEVEL ? spdlog::level::warn : spdlog::level::err,
                "rocksdb: {}", text);
  }
};

}  // namespace

std::shared_ptr<rocksdb::Logger> make_rocksdb_log() { return std::make_shared<RocksdbLog>(); }

}  // namespace eddy::engine
