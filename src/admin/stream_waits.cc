// Stream marks and waits; see stream_waits.h.
#include "admin/stream_waits.h"

namespace eddy::admin {

StreamWaits::StreamWaits(streams::Streams* streams) : streams_(streams) {
  if (streams_ != nullptr) streams_->set_commit_listener([this] { committed(); });
}

uint64_t StreamWaits::records(const std::string& table) const {
  return streams_ == nullptr ? 0 : streams_->committed_records(table);
}

StreamWaits::Progress StreamWaits::mark(const std::string& table) {
  std::lock_guard<std::mutex> lock(mutex_);
  uint64_t count = records(table);
  marks_[table] = count;
  return {count, count};
}

StreamWaits::Progress StreamWaits::progress(const std::string& table) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto mark = marks_.find(table);
  return {records(table), mark == marks_.end() ? 0 : mark->second};
}

void StreamWaits::wait(const std::string& table, uint64_t count, LaterAnswer::Deliver deliver,
                       std::function<AdminAnswer(Progress)> answer) {
  std::lock_guard<std::mutex> lock(mutex_);
  waiters_[table].push_back(Waiter{count, std::move(deliver), std::move(answer)});
  if (streams_ != nullptr) streams_->watch(true);
  serve_locked();
}

void StreamWaits::rebase() {
  std::lock_guard<std::mutex> lock(mutex_);
  for (auto& [table, mark] : marks_) mark = records(table);
  for (const auto& [table, waiting] : waiters_) marks_[table] = records(table);
  serve_locked();
}

void StreamWaits::committed() {
  std::lock_guard<std::mutex> lock(mutex_);
  serve_locked();
}

void StreamWaits::serve_locked() {
  for (auto entry = waiters_.begin(); entry != waiters_.end();) {
    const std::string& table = entry->first;
    std::deque<Waiter>& waiting = entry->second;
    uint64_t count = records(table);
    uint64_t& mark = marks_[table];
    while (!waiting.empty()) {
      Waiter& first = waiting.front();
      if (first.deliver.done()) {  // timed out, or its client went away: it takes no records
        waiting.pop_front();
        continue;
      }
      if (count < mark + first.count) break;
      Progress after{count, mark + first.count};
      // The mark moves only if this answer is the one delivered (not beaten by the timeout).
      if (first.deliver.answer(first.answer(after))) mark = after.mark;
      waiting.pop_front();
    }
    entry = waiting.empty() ? waiters_.erase(entry) : std::next(entry);
  }
  if (waiters_.empty() && streams_ != nullptr) streams_->watch(false);
}

}  // namespace eddy::admin
