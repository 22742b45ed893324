// Member paths in constraint messages; see member_path.h.
#include "protocol/member_path.h"

namespace eddy::protocol {

std::string MemberPath::text() const {
  std::string prefix = parent_ != nullptr ? parent_->text() : std::string();
  switch (kind_) {
    case Kind::kRoot: return prefix;
    case Kind::kMember: return prefix.empty() ? std::string(segment_) : prefix + "." + std::string(segment_);
    case Kind::kElement: return prefix + "." + std::to_string(index_ + 1) + ".member";
    case Kind::kEntry: return prefix + "." + std::string(segment_) + ".member";
  }
  return prefix;
}

}  // namespace eddy::protocol
