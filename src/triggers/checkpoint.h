// Checkpoint: how far a mapping has got in one shard, persisted in eddy's storage after every
// acknowledged batch (engine/trigger_log.h), so that a restart resumes after the last batch the
// function acknowledged: delivery is at least once, never a record skipped.
//
// Persisted form (JSON; do not change): {"position": <last acknowledged sequence>, "finished":
// <bool>, "window": {"start": <epoch seconds>, "state": <the state object>}} — "window" only while
// a tumbling window is open.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace eddy::triggers {

struct WindowState {
  bool open = false;
  double start = 0;               // epoch seconds, a multiple of TumblingWindowInSeconds
  std::string state_json = "{}";  // the state the window's last invocation returned
};

struct Checkpoint {
  uint64_t position = 0;  // the last record acknowledged (delivered or filtered out)
  bool finished = false;  // the shard is closed and every record of it was acknowledged
  WindowState window;
};

std::string encode_checkpoint(const Checkpoint& checkpoint);
std::optional<Checkpoint> decode_checkpoint(std::string_view text);

}  // namespace eddy::triggers
