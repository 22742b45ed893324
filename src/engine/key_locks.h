// KeyLocks: striped mutexes that serialise writes to the same item (and, for transactions, to a
// set of items) without any lock shared by unrelated items. A write locks the stripe of its
// (table, key); requests on different items almost always take different stripes and run in
// parallel on all cores.
#pragma once

#include <array>
#include <cstdint>
#include <mutex>
#include <string_view>
#include <utility>
#include <vector>

namespace eddy::engine {

class KeyLocks {
 public:
  static constexpr std::size_t kStripes = 4096;

  // The stripe of one RocksDB item key.
  static std::size_t stripe_of(std::string_view item_key);

  // Holds one or more stripes, taken in increasing order so that multi-item writers never deadlock.
  class Guard {
   public:
    Guard() = default;
    Guard(KeyLocks& locks, std::vector<std::size_t> stripes);
    Guard(Guard&& other) noexcept : locks_(other.locks_), stripes_(std::move(other.stripes_)) {
      other.locks_ = nullptr;
    }
    Guard& operator=(Guard&& other) noexcept {
      std::swap(locks_, other.locks_);
      std::swap(stripes_, other.stripes_);
      return *this;
    }
    ~Guard();

   private:
    KeyLocks* locks_ = nullptr;
    std::vector<std::size_t> stripes_;
  };

  Guard lock(std::string_view item_key);
  Guard lock_all(const std::vector<std::string>& item_keys);

 private:
  friend class Guard;
  std::array<std::mutex, kStripes> stripes_;
};

}  // namespace eddy::engine
