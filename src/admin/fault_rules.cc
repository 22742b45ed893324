// Fault rules and their matching; see fault_rules.h.
#include "admin/fault_rules.h"

#include <algorithm>

namespace eddy::admin {
namespace {

bool names(const std::vector<std::string>& list, std::string_view name) {
  if (list.empty()) return true;
  return std::any_of(list.begin(), list.end(), [&](const std::string& entry) { return entry == "*" || entry == name; });
}

bool names_any(const std::vector<std::string>& list, const std::vector<std::string_view>& tables) {
  if (list.empty()) return true;
  return std::any_of(tables.begin(), tables.end(), [&](std::string_view table) { return names(list, table); });
}

}  // namespace

const std::vector<std::string_view>& injectable_errors() {
  static const std::vector<std::string_view> errors = {"ProvisionedThroughputExceededException",
                                                       "ThrottlingException",
                                                       "RequestLimitExceeded",
                                                       "InternalServerError",
                                                       "ServiceUnavailable",
                                                       "TransactionConflictException",
                                                       "ItemCollectionSizeLimitExceededException"};
  return errors;
}

FaultRule FaultRules::add(FaultRule rule, double now) {
  std::lock_guard<std::mutex> lock(mutex_);
  forget_expired_locked(now);
  rule.id = next_id_++;
  rule.applied = 0;
  entries_.push_back({rule, std::mt19937_64(rule.seed)});
  publish_count_locked();
  return rule;
}

std::vector<FaultRule> FaultRules::list(double now) {
  std::lock_guard<std::mutex> lock(mutex_);
  forget_expired_locked(now);
  std::vector<FaultRule> out;
  out.reserve(entries_.size());
  for (const auto& entry : entries_) out.push_back(entry.rule);
  return out;
}

bool FaultRules::remove(uint64_t id) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto found = std::find_if(entries_.begin(), entries_.end(), [&](const Entry& entry) { return entry.rule.id == id; });
  if (found == entries_.end()) return false;
  entries_.erase(found);
  publish_count_locked();
  return true;
}

void FaultRules::clear() {
  std::lock_guard<std::mutex> lock(mutex_);
  entries_.clear();
  publish_count_locked();
}

std::optional<Fault> FaultRules::match(std::string_view operation, const std::vector<std::string_view>& tables,
                                       double now) {
  std::lock_guard<std::mutex> lock(mutex_);
  forget_expired_locked(now);
  for (auto it = entries_.begin(); it != entries_.end(); ++it) {
    FaultRule& rule = it->rule;
    if (!names(rule.operations, operation) || !names_any(rule.tables, tables)) continue;
    // A rule with a probability draws once per matching request, applied or not, so that the
    // sequence of outcomes depends only on the seed and the requests.
    if (rule.probability && std::uniform_real_distribution<double>(0, 1)(it->random) >= *rule.probability) continue;
    Fault fault{rule.action, rule.error, rule.latency_ms};
    ++rule.applied;
    if (rule.count && --*rule.count == 0) {
      entries_.erase(it);
      publish_count_locked();
    }
    return fault;
  }
  return std::nullopt;
}

void FaultRules::forget_expired_locked(double now) {
  auto expired = [&](const Entry& entry) { return entry.rule.expires_at && *entry.rule.expires_at <= now; };
  auto first = std::remove_if(entries_.begin(), entries_.end(), expired);
  if (first == entries_.end()) return;
  entries_.erase(first, entries_.end());
  publish_count_locked();
}

}  // namespace eddy::admin
