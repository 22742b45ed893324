// The commit context's callbacks; see change_observer.h.
#include "engine/change_observer.h"

namespace eddy::engine {

CommitContext::~CommitContext() { finish(false); }

void CommitContext::on_finish(std::function<void(bool committed)> finished) { finish_.push_back(std::move(finished)); }

void CommitContext::finish(bool committed) {
  std::vector<std::function<void(bool)>> callbacks;
  callbacks.swap(finish_);
  for (auto& callback : callbacks) callback(committed);
}

}  // namespace eddy::engine
