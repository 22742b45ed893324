// StreamWaits: the marks and the pending waits of GET /eddy/v1/streams/<table>/wait
// (docs/test-controls.md, Waiting instead of sleeping).
//
// A table's count is the number of records committed to its streams since eddy started, or since
// the last restore or reset (streams::Streams::committed_records). Its mark is where a wait
// starts counting: set to the count by POST /eddy/v1/streams/<table>/mark and by every restore or
// reset, 0 before either, and moved on by each wait that succeeds, by the records it waited for.
// A wait for N returns once count >= mark + N; waits of one table are served in the order they
// came, so that two waits for 2 see the same records as one wait for 4.
//
// Pending waits do not block their worker: each holds a Deliver (admin_call.h), answered on the
// thread of the commit that completed it.
#pragma once

#include <cstdint>
#include <deque>
#include <map>
#include <mutex>
#include <string>

#include "admin/admin_call.h"
#include "streams/streams.h"

namespace eddy::admin {

class StreamWaits {
 public:
  explicit StreamWaits(streams::Streams* streams);

  struct Progress {
    uint64_t records = 0;  // the table's count
    uint64_t mark = 0;
  };
  // Sets the table's mark to its count.
  Progress mark(const std::string& table);
  Progress progress(const std::string& table);
  // Answers `deliver` with answer(progress) once the count reaches mark + `count` (at once if it
  // already has), moving the mark on by `count`.
  void wait(const std::string& table, uint64_t count, LaterAnswer::Deliver deliver,
            std::function<AdminAnswer(Progress)> answer);
  // After a restore or reset: every mark is set to its table's (new) count; pending waits then
  // wait for as many records as they asked for, counted from there.
  void rebase();
  // A record was committed (the Streams's listener).
  void committed();

 private:
  struct Waiter {
    uint64_t count = 0;
    LaterAnswer::Deliver deliver;
    std::function<AdminAnswer(Progress)> answer;
  };
  // Answers the waits that the counts now allow, in order; drops those gone (timed out).
  void serve_locked();
  uint64_t records(const std::string& table) const;

  streams::Streams* streams_;
  std::mutex mutex_;
  std::map<std::string, uint64_t> marks_;
  std::map<std::string, std::deque<Waiter>> waiters_;  // by table, in arrival order
};

}  // namespace eddy::admin
