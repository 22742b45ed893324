// FaultRules: the faults a test asked for (POST /eddy/v1/faults, docs/test-controls.md), matched by
// the DynamoDB dispatcher against every request before its operation runs, so that an injected
// error never leaves a write half done.
//
// A rule names the operations and tables it applies to (none: all), what happens (an error, extra
// latency, or a reset connection), how often (the next `count` matching requests, or each one with
// `probability` drawn from a generator seeded with `seed`, so that a run repeats), and for how
// long (`duration_seconds` of the server's clock, virtual time included). The first rule that
// matches, in the order they were added, applies; a rule whose count or time is used up goes.
//
// With no rule the dispatcher's check is one atomic load.
#pragma once

#include <atomic>
#include <cstdint>
#include <mutex>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace eddy::admin {

struct FaultRule {
  enum class Action { kError, kLatency, kDropConnection };

  uint64_t id = 0;                      // given by add()
  std::vector<std::string> operations;  // empty: every operation
  std::vector<std::string> tables;      // empty: every request, whatever it names
  Action action = Action::kError;
  std::string error;                  // kError: the error's name, one of injectable_errors()
  uint64_t latency_ms = 0;            // kLatency
  std::optional<uint64_t> count;      // how many more matching requests it applies to
  std::optional<double> probability;  // else: each matching request with this chance
  uint64_t seed = 0;
  std::optional<double> expires_at;  // epoch seconds on the server's clock
  uint64_t applied = 0;              // how many requests it applied to so far
};

// What the dispatcher does to one request.
struct Fault {
  FaultRule::Action action = FaultRule::Action::kError;
  std::string error;
  uint64_t latency_ms = 0;
};

// The errors a rule may inject, by the names DynamoDB gives them.
const std::vector<std::string_view>& injectable_errors();

class FaultRules {
 public:
  // Gives `rule` its id and adds it after the others; returns it as stored.
  FaultRule add(FaultRule rule, double now);
  // The rules still in force at `now`, in order.
  std::vector<FaultRule> list(double now);
  // False when there is no rule of that id.
  bool remove(uint64_t id);
  void clear();

  // Whether any rule is in force; the dispatcher's quick check.
  bool any() const { return count_.load(std::memory_order_acquire) != 0; }
  // The fault for a request of `operation` naming `tables`, if a rule applies (and counts it).
  std::optional<Fault> match(std::string_view operation, const std::vector<std::string_view>& tables, double now);

 private:
  struct Entry {
    FaultRule rule;
    std::mt19937_64 random;
  };
  void forget_expired_locked(double now);
  void publish_count_locked() { count_.store(entries_.size(), std::memory_order_release); }

  std::mutex mutex_;
  std::vector<Entry> entries_;
  uint64_t next_id_ = 1;
  std::atomic<std::size_t> count_{0};
};

}  // namespace eddy::admin
