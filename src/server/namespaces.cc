// Namespaces by access key and region; see namespaces.h.
#include "server/namespaces.h"

#include <cctype>
#include <filesystem>

#include <spdlog/spdlog.h>

#include "engine/database.h"
#include "init/init_apply.h"
#include "model/result.h"
#include "server/background_tasks.h"
#include "server/request_gate.h"
#include "streams/streams.h"

namespace eddy::server {

// One namespace: what Server::Impl holds for the shared tables, less the HTTP side. Members are
// destroyed bottom up: the background tasks before the state and storage they use.
struct Namespaces::Stack {
  std::unique_ptr<engine::Database> database;
  std::unique_ptr<streams::Streams> streams;
  std::unique_ptr<ops::ServerState> state;
  std::unique_ptr<triggers::TriggerService> triggers;
  // The namespace's background tasks' own gate: the admin API's exclusive work (snapshots,
  // resets) is on the shared tables only.
  std::unique_ptr<RequestGate> gate;
  std::unique_ptr<BackgroundTasks> background;
};

Namespaces::Namespaces(const ServerOptions& options, const ops::OperationSettings& settings,
                       triggers::TriggerOptions triggers, init::InitPlan plan)
    : options_(options), settings_(settings), trigger_settings_(std::move(triggers)), plan_(std::move(plan)) {}

Namespaces::~Namespaces() { stop(); }

std::string Namespaces::folder_name(const std::string& access_key, const std::string& region) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string name;
  for (unsigned char c : access_key + "_" + region) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_') {
      name += static_cast<char>(c);
    } else {
      name += {'%', kHex[c >> 4], kHex[c & 15]};
    }
  }
  return name;
}

Result<std::unique_ptr<Namespaces::Stack>> Namespaces::open(const std::string& name, const std::string& region) {
  auto stack = std::make_unique<Stack>();
  engine::StorageOptions storage;
  storage.data_dir = (std::filesystem::path(options_.data_dir) / "namespaces" / name).string();
  storage.in_memory = options_.in_memory;
  storage.sync_writes = options_.sync_writes;
  storage.file_system = options_.storage_file_system;
  if (!options_.in_memory) {
    std::error_code error;
    std::filesystem::create_directories(storage.data_dir, error);
    if (error) return fail(ApiError::internal("cannot create " + storage.data_dir + ": " + error.message()));
  }
  EDDY_TRY(stack->database, engine::Database::open(storage));
  const Clock& clock = *options_.clock;
  stack->database->set_item_collection_limit(options_.item_collection_limit_bytes);
  stack->database->point_in_time_log().set_clock(&clock);
  streams::StreamOptions stream_options{options_.stream_shards, options_.shard_rollover_seconds,
                                        options_.stream_retention_seconds};
  stack->streams = std::make_unique<streams::Streams>(*stack->database, clock, stream_options);
  EDDY_TRY_VOID(stack->streams->load());
  stack->database->add_observer(stack->streams.get());
  stack->state.reset(new ops::ServerState{*stack->database, clock, settings_, stack->streams.get()});
  ops::RequestContext context{*stack->state, region};
  if (auto applied = init::apply_init(context, plan_); !applied) {
    spdlog::error("namespace {}: {}", name, applied.error().message);
    return fail(ApiError::internal("The server encountered an internal error trying to fulfill the request."));
  }
  stack->triggers =
      std::make_unique<triggers::TriggerService>(*stack->database, *stack->streams, clock, trigger_settings_);
  EDDY_TRY_VOID(stack->triggers->load());
  stack->triggers->start();
  stack->gate = std::make_unique<RequestGate>(BackgroundTasks::kSlots);
  stack->background = std::make_unique<BackgroundTasks>(options_, *stack->state, *stack->gate, 0);
  stack->background->start();
  spdlog::info("namespace {} opened", name);
  return stack;
}

Result<ops::ServerState*> Namespaces::state_for(const std::string& access_key, const std::string& region) {
  EDDY_TRY(Stack * stack, stack_for(access_key, region));
  return stack->state.get();
}

Result<triggers::TriggerService*> Namespaces::triggers_for(const std::string& access_key, const std::string& region) {
  EDDY_TRY(Stack * stack, stack_for(access_key, region));
  return stack->triggers.get();
}

Result<Namespaces::Stack*> Namespaces::stack_for(const std::string& access_key, const std::string& region) {
  std::string name = folder_name(access_key, region);
  {
    std::shared_lock lock(mutex_);
    if (auto found = stacks_.find(name); found != stacks_.end() && !stopped_) return found->second.get();
  }
  std::lock_guard lock(mutex_);
  if (stopped_)
    return fail(ApiError::internal("The server encountered an internal error trying to fulfill the request."));
  auto found = stacks_.find(name);
  if (found == stacks_.end()) {
    auto opened = open(name, region);
    if (!opened) {
      spdlog::error("namespace {} cannot be opened: {}", name, opened.error().message);
      return fail(ApiError::internal("The server encountered an internal error trying to fulfill the request."));
    }
    found = stacks_.emplace(name, std::move(*opened)).first;
  }
  return found->second.get();
}

void Namespaces::stop() {
  std::lock_guard lock(mutex_);
  if (stopped_) return;
  stopped_ = true;
  for (auto& [name, stack] : stacks_) {
    stack->triggers->stop();
    stack->background->stop();
    if (!stack->database->flush()) spdlog::warn("namespace {} stopped without a final flush", name);
  }
}

}  // namespace eddy::server
