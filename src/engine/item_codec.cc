// Item <-> bytes; the grammar is in item_codec.h.
#include "engine/item_codec.h"

#include <cstdint>

namespace eddy::engine {
namespace {

// Stored items nest at most 32 levels (requests and updates are held to that); bytes that claim
// far more are corrupt, and reading them must not recurse without bound.
constexpr int kMaxStoredNesting = 100;

// Counts one level of nesting for as long as it lives.
class NestingLevel {
 public:
  explicit NestingLevel(int& depth) : depth_(depth) { ++depth_; }
  ~NestingLevel() { --depth_; }
  bool too_deep() const { return depth_ > kMaxStoredNesting; }

 private:
  int& depth_;
};

void put_varint(std::string& out, uint64_t value) {
  while (value >= 0x80) {
    out.push_back(static_cast<char>((value & 0x7f) | 0x80));
    value >>= 7;
  }
  out.push_back(static_cast<char>(value));
}

void put_bytes(std::string& out, std::string_view bytes) {
  put_varint(out, bytes.size());
  out.append(bytes);
}

void put_value(std::string& out, const AttributeValue& value);

void put_map(std::string& out, const AttributeMap& map) {
  put_varint(out, map.size());
  for (const auto& [name, value] : map) {
    put_bytes(out, name);
    put_value(out, value);
  }
}

void put_value(std::string& out, const AttributeValue& value) {
  out.push_back(static_cast<char>(value.type));
  switch (value.type) {
    case AttributeType::kS:
    case AttributeType::kN:
    case AttributeType::kB: put_bytes(out, value.scalar); break;
    case AttributeType::kSS:
    case AttributeType::kNS:
    case AttributeType::kBS:
      put_varint(out, value.set.size());
      for (const auto& member : value.set) put_bytes(out, member);
      break;
    case AttributeType::kM: put_map(out, value.map); break;
    case AttributeType::kL:
      put_varint(out, value.list.size());
      for (const auto& element : value.list) put_value(out, element);
      break;
    case AttributeType::kNull: break;
    case AttributeType::kBool: out.push_back(value.boolean ? 1 : 0); break;
  }
}

// The primitives of the grammar, shared by both readers below.
class ByteReader {
 public:
  explicit ByteReader(std::string_view in) : in_(in) {}
  bool done() const { return in_.empty(); }
  std::size_t left() const { return in_.size(); }

  bool varint(uint64_t& value) {
    value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (in_.empty()) return false;
      auto byte = static_cast<unsigned char>(in_.front());
      in_.remove_prefix(1);
      value |= static_cast<uint64_t>(byte & 0x7f) << shift;
      if ((byte & 0x80) == 0) return true;
    }
    return false;
  }

  bool bytes(std::string_view& out) {
    uint64_t length = 0;
    if (!varint(length) || length > in_.size()) return false;
    out = in_.substr(0, length);
    in_.remove_prefix(length);
    return true;
  }

  bool byte(uint8_t& out) {
    if (in_.empty()) return false;
    out = static_cast<uint8_t>(in_.front());
    in_.remove_prefix(1);
    return true;
  }

 private:
  std::string_view in_;
};

class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  bool done() const { return in_.done(); }

  bool varint(uint64_t& value) { return in_.varint(value); }

  bool bytes(std::string& out) {
    std::string_view view;
    if (!in_.bytes(view)) return false;
    out.assign(view);
    return true;
  }

  bool map(AttributeMap& out) {
    NestingLevel level(depth_);
    uint64_t count = 0;
    if (level.too_deep() || !varint(count)) return false;
    for (uint64_t i = 0; i < count; ++i) {
      std::string name;
      AttributeValue value;
      if (!bytes(name) || !value_of(value)) return false;
      // Names were written in map order, so each goes at the end: no search, no comparisons.
      out.emplace_hint(out.end(), std::move(name), std::move(value));
    }
    return true;
  }

  bool value_of(AttributeValue& value) {
    uint8_t type = 0;
    if (!in_.byte(type) || type > static_cast<uint8_t>(AttributeType::kBool)) return false;
    value.type = static_cast<AttributeType>(type);
    uint64_t count = 0;
    switch (value.type) {
      case AttributeType::kS:
      case AttributeType::kN:
      case AttributeType::kB: return bytes(value.scalar);
      case AttributeType::kSS:
      case AttributeType::kNS:
      case AttributeType::kBS:
        if (!varint(count) || count > in_.left()) return false;
        value.set.resize(count);
        for (auto& member : value.set) {
          if (!bytes(member)) return false;
        }
        return true;
      case AttributeType::kM: return map(value.map);
      case AttributeType::kL: {
        NestingLevel level(depth_);
        if (level.too_deep() || !varint(count) || count > in_.left()) return false;
        value.list.resize(count);
        for (auto& element : value.list) {
          if (!value_of(element)) return false;
        }
        return true;
      }
      case AttributeType::kNull: value.boolean = true; return true;
      case AttributeType::kBool: {
        uint8_t flag = 0;
        if (!in_.byte(flag)) return false;
        value.boolean = flag != 0;
        return true;
      }
    }
    return false;
  }

 private:
  ByteReader in_;
  int depth_ = 0;
};

// The same grammar as Reader, walked into an ItemVisitor instead of building an Item.
class VisitingReader {
 public:
  VisitingReader(std::string_view in, ItemVisitor& visitor) : in_(in), visitor_(visitor) {}
  bool done() const { return in_.done(); }

  bool map() {
    NestingLevel level(depth_);
    uint64_t count = 0;
    if (level.too_deep() || !in_.varint(count) || count > in_.left()) return false;
    visitor_.begin_map(count);
    for (uint64_t i = 0; i < count; ++i) {
      std::string_view name;
      if (!in_.bytes(name)) return false;
      visitor_.member_name(name);
      if (!value()) return false;
    }
    visitor_.end_map();
    return true;
  }

 private:
  bool value() {
    uint8_t tag = 0;
    if (!in_.byte(tag) || tag > static_cast<uint8_t>(AttributeType::kBool)) return false;
    auto type = static_cast<AttributeType>(tag);
    uint64_t count = 0;
    std::string_view text;
    switch (type) {
      case AttributeType::kS:
      case AttributeType::kN:
      case AttributeType::kB:
        if (!in_.bytes(text)) return false;
        visitor_.scalar(type, text);
        return true;
      case AttributeType::kSS:
      case AttributeType::kNS:
      case AttributeType::kBS:
        if (!in_.varint(count) || count > in_.left()) return false;
        visitor_.begin_set(type, count);
        for (uint64_t i = 0; i < count; ++i) {
          if (!in_.bytes(text)) return false;
          visitor_.set_member(text);
        }
        visitor_.end_set();
        return true;
      case AttributeType::kM: return map();
      case AttributeType::kL: {
        NestingLevel level(depth_);
        if (level.too_deep() || !in_.varint(count) || count > in_.left()) return false;
        visitor_.begin_list(count);
        for (uint64_t i = 0; i < count; ++i) {
          if (!value()) return false;
        }
        visitor_.end_list();
        return true;
      }
      case AttributeType::kNull: visitor_.null_value(); return true;
      case AttributeType::kBool: {
        uint8_t flag = 0;
        if (!in_.byte(flag)) return false;
        visitor_.boolean(flag != 0);
        return true;
      }
    }
    return false;
  }

  ByteReader in_;
  ItemVisitor& visitor_;
  int depth_ = 0;
};

}  // namespace

bool visit_item(std::string_view bytes, ItemVisitor& visitor) {
  VisitingReader reader(bytes, visitor);
  return reader.map() && reader.done();
}

void encode_item_to(std::string& out, const Item& item) { put_map(out, item); }

std::string encode_item(const Item& item) {
  std::string out;
  encode_item_to(out, item);
  return out;
}

std::optional<Item> decode_item(std::string_view bytes) {
  Reader reader(bytes);
  Item item;
  if (!reader.map(item) || !reader.done()) return std::nullopt;
  return item;
}

}  // namespace eddy::engine
