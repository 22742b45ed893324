// Stored item bytes -> DynamoDB JSON and item size; see stored_item_json.h.
#include "ops/stored_item_json.h"

#include <vector>

#include "engine/item_codec.h"
#include "protocol/base64.h"
#include "protocol/json_text.h"

namespace eddy::ops {
namespace {

class ItemJsonWriter final : public engine::ItemVisitor {
 public:
  explicit ItemJsonWriter(std::string& out) : out_(out) { frames_.reserve(8); }
  std::size_t size() const { return size_; }

  void begin_map(std::size_t) override {
    if (!frames_.empty()) {  // a nested M; the outermost map is the item itself
      value_start();
      out_ += "{\"M\":";
      size_ += kContainerSizeOverhead;
    }
    out_ += '{';
    frames_.push_back({Frame::kMap});
  }
  void member_name(std::string_view name) override {
    separate();
    append_json_string(out_, name);
    out_ += ':';
    size_ += name.size() + (frames_.size() > 1 ? kElementSizeOverhead : 0);
  }
  void end_map() override {
    frames_.pop_back();
    out_ += frames_.empty() ? "}" : "}}";
  }

  void scalar(AttributeType type, std::string_view bytes) override {
    value_start();
    open_typed(type);
    text(type, bytes);
    out_ += '}';
  }

  void begin_set(AttributeType type, std::size_t) override {
    value_start();
    open_typed(type);
    out_ += '[';
    frames_.push_back({Frame::kSet, true,
                       type == AttributeType::kNS   ? AttributeType::kN
                       : type == AttributeType::kBS ? AttributeType::kB
                                                    : AttributeType::kS});
  }
  void set_member(std::string_view bytes) override {
    separate();
    text(frames_.back().member_type, bytes);
  }
  void end_set() override { close_array(); }

  void begin_list(std::size_t) override {
    value_start();
    out_ += "{\"L\":[";
    size_ += kContainerSizeOverhead;
    frames_.push_back({Frame::kList});
  }
  void end_list() override { close_array(); }

  void null_value() override {
    value_start();
    out_ += "{\"NULL\":true}";
    size_ += 1;
  }
  void boolean(bool value) override {
    value_start();
    out_ += value ? "{\"BOOL\":true}" : "{\"BOOL\":false}";
    size_ += 1;
  }

 private:
  struct Frame {
    enum Kind { kMap, kList, kSet } kind;
    bool first = true;
    AttributeType member_type = AttributeType::kS;  // of a set's members
  };

  // A comma before every element of the innermost container but its first.
  void separate() {
    Frame& frame = frames_.back();
    if (!frame.first) out_ += ',';
    frame.first = false;
  }
  // A value begins: list elements are separated and cost their element overhead here (map
  // members did both at their name).
  void value_start() {
    if (!frames_.empty() && frames_.back().kind == Frame::kList) {
      separate();
      size_ += kElementSizeOverhead;
    }
  }
  void open_typed(AttributeType type) {
    out_ += "{\"";
    out_ += type_name(type);
    out_ += "\":";
  }
  // An S, N or B payload (or set member) and its size.
  void text(AttributeType type, std::string_view bytes) {
    switch (type) {
      case AttributeType::kB:
        out_ += '"';
        out_ += base64_encode(bytes);  // base64 needs no escaping
        out_ += '"';
        size_ += bytes.size();
        return;
      case AttributeType::kN:
        append_json_string(out_, bytes);
        size_ += number_size(bytes);
        return;
      default:
        append_json_string(out_, bytes);
        size_ += bytes.size();
        return;
    }
  }
  void close_array() {
    frames_.pop_back();
    out_ += "]}";
  }

  std::string& out_;
  std::vector<Frame> frames_;
  std::size_t size_ = 0;
};

}  // namespace

bool append_stored_item_json(std::string& out, std::string_view bytes, std::size_t& size) {
  std::size_t before = out.size();
  ItemJsonWriter writer(out);
  if (!engine::visit_item(bytes, writer)) {
    out.resize(before);
    return false;
  }
  size = writer.size();
  return true;
}

}  // namespace eddy::ops
