// RocksDB's warnings and errors in eddy's log; see rocksdb_log.h.
#include "engine/rocksdb_log.h"

#include <algorithm>
#include <cstdarg>
#include <cstdio>
#include <string_view>

#include <spdlog/spdlog.h>

namespace eddy::engine {
namespace {

// RocksDB's VerifyChecksum (run at start, see Storage::verify_table_files) opens each table file
// outside the table cache, without the unique id the manifest holds for it, and warns that it had
// none to compare: nothing is wrong with the file. That line is kept out of eddy's warnings.
bool is_benign(std::string_view text) {
  return text.find("SST file opened without unique ID to verify") != std::string_view::npos;
}

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
    if (is_benign(text)) {
      spdlog::debug("rocksdb: {}", text);
      return;
    }
    spdlog::log(level == rocksdb::InfoLogLevel::WARN_LEVEL ? spdlog::level::warn : spdlog::level::err, "rocksdb: {}",
                text);
  }
};

}  // namespace

std::shared_ptr<rocksdb::Logger> make_rocksdb_log() { return std::make_shared<RocksdbLog>(); }

}  // namespace eddy::engine
