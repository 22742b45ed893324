// TriggerService's lifecycle and verbs; its checks are in mapping_checks.cc. See trigger_service.h.
#include "triggers/trigger_service.h"

#include <algorithm>
#include <chrono>
#include <thread>

#include <spdlog/spdlog.h>

#include "model/random_ids.h"
#include "triggers/function_target.h"
#include "triggers/mapping_codec.h"

namespace eddy::triggers {

ApiError mapping_not_found() {
  return ApiError{ErrorCode::kResourceNotFound, "The resource you requested does not exist.", {}};
}

TriggerService::TriggerService(engine::Database& database, streams::Streams& streams, const Clock& clock,
                               TriggerOptions options)
    : database_(database), context_{database, streams, clock, wake_, std::move(options)} {
  streams.set_record_listener([this] {
    if (listening_.load(std::memory_order_relaxed)) wake_.raise();
  });
}

TriggerService::~TriggerService() { stop(); }

Result<void> TriggerService::load() {
  auto stored = database_.trigger_log().mappings();
  if (!stored) return fail(stored.error());
  std::vector<std::pair<double, std::shared_ptr<MappingRunner>>> loaded;
  for (const auto& [uuid, descriptor] : *stored) {
    auto mapping = decode_mapping(descriptor);
    if (!mapping) return fail(ApiError::internal("corrupt event source mapping " + uuid + " in the data folder"));
    auto checkpoints = database_.trigger_log().checkpoints(uuid);
    if (!checkpoints) return fail(checkpoints.error());
    Checkpoints by_shard;
    for (const auto& [shard_id, text] : *checkpoints) {
      auto checkpoint = decode_checkpoint(text);
      if (!checkpoint) return fail(ApiError::internal("corrupt checkpoint of event source mapping " + uuid));
      by_shard[shard_id] = *checkpoint;
    }
    auto config = compile(*mapping, false);
    if (!config) return fail(config.error());
    loaded.emplace_back(mapping->created_at, std::make_shared<MappingRunner>(context_, *config, std::move(by_shard)));
  }
  std::stable_sort(loaded.begin(), loaded.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::lock_guard<std::mutex> lock(mutex_);
  for (auto& [created, runner] : loaded) runners_.push_back(std::move(runner));
  return {};
}

void TriggerService::start() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (started_) return;
  started_ = true;
  clock_subscription_ = context_.clock.subscribe([this] { wake_.raise(); });
  for (auto& runner : runners_) runner->start();
  update_listening_locked();
}

void TriggerService::stop() {
  std::vector<std::shared_ptr<MappingRunner>> all;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!started_) return;
    started_ = false;
    listening_ = false;
    all = runners_;
    all.insert(all.end(), retired_.begin(), retired_.end());
    retired_.clear();
  }
  clock_subscription_.reset();
  for (auto& runner : all) runner->stop();
  for (auto& runner : all) runner->join();
}

void TriggerService::pause() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    paused_ = started_;
  }
  stop();
}

Result<void> TriggerService::resume() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    runners_.clear();
    retired_.clear();
  }
  Result<void> loaded = load();
  bool restart = false;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    restart = paused_;
    paused_ = false;
  }
  if (restart) start();
  return loaded;
}

void TriggerService::update_listening_locked() { listening_ = started_ && !runners_.empty(); }

void TriggerService::add_runner_locked(std::shared_ptr<MappingRunner> runner) {
  if (started_) runner->start();
  runners_.push_back(std::move(runner));
  update_listening_locked();
}

// Deleted mappings' runners that have ended are let go.
void TriggerService::reap_locked() {
  for (auto it = retired_.begin(); it != retired_.end();) {
    if ((*it)->ended()) {
      (*it)->join();
      it = retired_.erase(it);
    } else {
      ++it;
    }
  }
}

std::shared_ptr<MappingRunner> TriggerService::find_locked(const std::string& uuid) {
  for (auto& runner : runners_) {
    if (runner->config()->mapping.uuid == uuid) return runner;
  }
  return nullptr;
}

Result<MappingView> TriggerService::create(EventSourceMapping mapping) {
  std::lock_guard<std::mutex> lock(mutex_);
  reap_locked();
  std::optional<streams::Stream> stream;
  if (auto checked = check_source(mapping, stream); !checked) return fail(checked.error());
  double now = context_.clock.now();
  mapping.uuid = random_uuid();
  mapping.created_at = now;
  mapping.last_modified = now;
  auto config = compile(mapping, true);
  if (!config) return fail(config.error());
  if (auto unique = check_unique((*config)->mapping, ""); !unique) return fail(unique.error());
  Checkpoints checkpoints;
  if (stream && mapping.starting_position == StartingPosition::kLatest) checkpoints = latest_checkpoints(*stream);
  engine::TriggerLog::Changes changes;
  changes.put_mapping(mapping.uuid, encode_mapping((*config)->mapping));
  for (const auto& [shard_id, checkpoint] : checkpoints) {
    changes.put_checkpoint(mapping.uuid, shard_id, encode_checkpoint(checkpoint));
  }
  if (auto written = database_.trigger_log().write(changes); !written) return fail(written.error());
  auto runner = std::make_shared<MappingRunner>(context_, *config, std::move(checkpoints));
  MappingView view = runner->view(false);
  spdlog::info("trigger {} created: {} -> {}", mapping.uuid,
               mapping.event_source_arn.empty() ? "table " + mapping.table_name : mapping.event_source_arn,
               mapping.settings.function_name);
  add_runner_locked(std::move(runner));
  return view;
}

Result<MappingView> TriggerService::update(const std::string& uuid, const SettingsChange& change) {
  std::lock_guard<std::mutex> lock(mutex_);
  std::shared_ptr<MappingRunner> runner = find_locked(uuid);
  if (runner == nullptr) return fail(mapping_not_found());
  EventSourceMapping mapping = runner->config()->mapping;
  if (auto changed = change(mapping.settings); !changed) return fail(changed.error());
  mapping.last_modified = context_.clock.now();
  auto config = compile(mapping, true);
  if (!config) return fail(config.error());
  if (auto unique = check_unique((*config)->mapping, uuid); !unique) return fail(unique.error());
  runner->update(*config);
  return runner->view(false);
}

Result<MappingView> TriggerService::remove(const std::string& uuid) {
  std::lock_guard<std::mutex> lock(mutex_);
  std::shared_ptr<MappingRunner> runner = find_locked(uuid);
  if (runner == nullptr) return fail(mapping_not_found());
  runner->retire();  // from here on it persists nothing
  if (auto removed = database_.trigger_log().remove_mapping(uuid); !removed) return fail(removed.error());
  MappingView view = runner->view(false);
  std::erase(runners_, runner);
  retired_.push_back(std::move(runner));
  update_listening_locked();
  spdlog::info("trigger {} deleted", uuid);
  return view;
}

Result<MappingView> TriggerService::get(const std::string& uuid, bool progress) {
  std::shared_ptr<MappingRunner> runner;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    runner = find_locked(uuid);
  }
  if (runner == nullptr) return fail(mapping_not_found());
  return runner->view(progress);
}

std::vector<MappingView> TriggerService::list(bool progress) {
  std::vector<std::shared_ptr<MappingRunner>> runners;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    runners = runners_;
  }
  std::vector<MappingView> views;
  views.reserve(runners.size());
  for (auto& runner : runners) views.push_back(runner->view(progress));
  return views;
}

Result<bool> TriggerService::wait_delivered(const std::string& uuid, double timeout_seconds) {
  std::shared_ptr<MappingRunner> runner;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    runner = find_locked(uuid);
  }
  if (runner == nullptr) return fail(mapping_not_found());
  auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(timeout_seconds);
  while (!runner->caught_up()) {
    if (std::chrono::steady_clock::now() >= deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return true;
}

Result<void> TriggerService::apply_file_mappings(const std::vector<EventSourceMapping>& declared) {
  std::vector<std::string> kept;
  for (const auto& mapping : declared) {
    std::string existing;
    for (const auto& view : list(false)) {
      const EventSourceMapping& m = view.mapping;
      bool same_source = !mapping.table_name.empty() ? m.table_name == mapping.table_name
                                                     : m.event_source_arn == mapping.event_source_arn;
      if (m.origin == MappingOrigin::kFile && same_source &&
          function_identity(m.settings.function_name) == function_identity(mapping.settings.function_name)) {
        existing = m.uuid;
      }
    }
    if (existing.empty()) {
      auto created = create(mapping);
      if (!created) return fail(created.error());
      kept.push_back(created->mapping.uuid);
      continue;
    }
    auto settings = mapping.settings;
    kept.push_back(existing);
    auto current = get(existing, false);
    if (current && current->mapping.settings == settings) continue;
    auto updated = update(existing, [&](MappingSettings& current) -> Result<void> {
      current = settings;
      return {};
    });
    if (!updated) return fail(updated.error());
  }
  for (const auto& view : list(false)) {
    if (view.mapping.origin != MappingOrigin::kFile) continue;
    if (std::find(kept.begin(), kept.end(), view.mapping.uuid) != kept.end()) continue;
    if (auto removed = remove(view.mapping.uuid); !removed) return fail(removed.error());
  }
  return {};
}

}  // namespace eddy::triggers
