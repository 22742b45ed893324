// Member paths in constraint messages; see member_path.h.
#include "protocol/member_path.h"

#include <cctype>

namespace eddy::protocol {

std::string MemberPath::text(bool framework) const {
  std::string prefix = parent_ != nullptr ? parent_->text(framework) : std::string();
  switch (kind_) {
    case Kind::kRoot: return prefix;
    case Kind::kMember: {
      std::string name(segment_);
      // Message names are the JSON names with their first letter in lower case (shape.h's
      // message_name); the framework form names them as sent.
      if (framework && !name.empty()) name[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(name[0])));
      return prefix.empty() ? name : prefix + "." + name;
    }
    case Kind::kElement: return prefix + "." + std::to_string(index_ + 1) + ".member";
    case Kind::kEntry: return prefix + "." + std::string(segment_) + ".member";
  }
  return prefix;
}

}  // namespace eddy::protocol
