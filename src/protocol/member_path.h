// MemberPath: where a member sits in a request, as DynamoDB names it in constraint messages:
// "tableName", "globalSecondaryIndexes.1.member.keySchema", "requestItems.Music.member.keys". A path
// is a chain of small values on the stack; its text is built only when a violation is reported.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace eddy::protocol {

class MemberPath {
 public:
  // The request itself (members below it have no prefix).
  MemberPath() = default;

  // The member `name` (already in message form, "tableName") of this structure.
  MemberPath member(std::string_view name) const { return MemberPath(this, Kind::kMember, name, 0); }
  // Element `index` (from 0) of this list: "<path>.<index + 1>.member".
  MemberPath element(std::size_t index) const { return MemberPath(this, Kind::kElement, {}, index); }
  // The value under `key` in this map: "<path>.<key>.member".
  MemberPath entry(std::string_view key) const { return MemberPath(this, Kind::kEntry, key, 0); }

  std::string text() const { return text(false); }
  // The path in the form of DynamoDB's newer validation, with the members' names as sent:
  // "RequestItems.Music.member.Keys", "Limit".
  std::string framework_text() const { return text(true); }

 private:
  enum class Kind { kRoot, kMember, kElement, kEntry };
  std::string text(bool framework) const;
  MemberPath(const MemberPath* parent, Kind kind, std::string_view segment, std::size_t index)
      : parent_(parent), kind_(kind), segment_(segment), index_(index) {}

  const MemberPath* parent_ = nullptr;
  Kind kind_ = Kind::kRoot;
  std::string_view segment_;
  std::size_t index_ = 0;
};

}  // namespace eddy::protocol
