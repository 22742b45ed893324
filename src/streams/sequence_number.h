// SequenceNumber strings: the stream-wide 64-bit sequence counter shown as AWS shows sequence
// numbers, a 21-digit decimal string ("1" followed by the counter zero-padded to 20 digits), so
// that clients which compare them as big integers or as equal-length strings order them alike.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace eddy::streams {

std::string format_sequence_number(uint64_t sequence);
// The counter behind a SequenceNumber string, or nullopt when the text is not one eddy issues
// (wrong length, not decimal, out of range).
std::optional<uint64_t> parse_sequence_number(std::string_view text);

}  // namespace eddy::streams
