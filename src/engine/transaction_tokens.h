// TransactionTokens: TransactWriteItems' ClientRequestToken idempotency. A token names one request
// for 10 minutes after it succeeded: the same token with the same request returns the first
// answer again without writing; with a different request it is IdempotentParameterMismatch; while
// the first request is still running a second one is TransactionInProgress. Tokens live in memory
// (a restart forgets them; see docs/transactions.md).
#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace eddy::engine {

class TransactionTokens {
 public:
  static constexpr double kLifetimeSeconds = 600;

  enum class Status { kNew, kReplay, kMismatch, kInProgress };
  struct Lookup {
    Status status = Status::kNew;
    std::string response;  // kReplay: the body the first request answered
  };

  // Looks `token` up for a request whose canonical text hashes to `fingerprint`. kNew reserves the
  // token: the caller must then call finish() or abandon().
  Lookup begin(const std::string& token, uint64_t fingerprint, double now);
  // The request succeeded with `response`: remembered for kLifetimeSeconds from `now`.
  void finish(const std::string& token, std::string response, double now);
  // The request failed: the token may be used again (a retry runs the transaction again).
  void abandon(const std::string& token);
  // Forgets every token (after a restore or reset).
  void clear();

 private:
  struct Entry {
    uint64_t fingerprint = 0;
    bool done = false;
    double expires = 0;
    std::string response;
  };
  void forget_expired(double now);

  std::mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;
  double next_sweep_ = 0;
};

}  // namespace eddy::engine
