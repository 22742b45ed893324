// The label of a new stream (and so its StreamArn): the ISO-8601 time it was enabled,
// "2026-11-24T14:55:12.345", from `now` (epoch seconds).
#pragma once

#include <string>

namespace eddy::ops {

std::string stream_label(double now);

}  // namespace eddy::ops
