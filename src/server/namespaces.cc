// Namespaces by access key and region; see namespaces.h.
#include "server/namespaces.h"

#include <cctype>
#include <filesystem>

#include <spdlog/spdlog.h>

#include "admin/stream_waits.h"
#include "auth/uri_encoding.h"
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
  // The namespace's background tasks' own gate, which its admin control's exclusive work closes.
  std::unique_ptr<RequestGate> gate;
  std::unique_ptr<BackgroundTasks> background;
  // The admin API's view of the namespace (destroyed first: it uses all of the above).
  std::unique_ptr<admin::StreamWaits> waits;
  std::unique_ptr<Control> control;
  std::unique_ptr<admin::AdminContext> admin;
  std::string region;
};

// What the admin API asks of one namespace (admin/admin_context.h), as server.cc's Control does of
// the shared tables: exclusive work closes the requests' gate and the namespace's background gate,
// and its event source mappings stop for it and start again from what storage then holds, with
// the mappings file's made again.
class Namespaces::Control : public admin::ServerControl {
 public:
  Control(Stack& stack, NamespaceServices& services) : stack_(stack), services_(services) {}
  void exclusive(const std::function<void()>& work) override {
    stack_.triggers->pause();
    services_.requests.exclusive([&] { stack_.gate->exclusive(work); });
    Result<void> resumed = stack_.triggers->resume();
    if (resumed && services_.apply_mappings) resumed = services_.apply_mappings(*stack_.triggers, stack_.region);
    if (!resumed) spdlog::error("triggers after a restore, reset or truncate: {}", resumed.error().message);
  }
  void shared(std::size_t worker, const std::function<void()>& work) override {
    RequestGate::Pass pass = services_.requests.enter(worker);
    work();
  }
  Result<void> reload() override {
    EDDY_TRY_VOID(stack_.streams->reload());
    stack_.waits->rebase();
    return {};
  }
  void catch_up_background() override { stack_.background->catch_up(); }
  void wait_trigger_delivered(const std::string& uuid, double idle_seconds, std::function<bool()> give_up,
                              std::function<void(Result<bool>)> done) override {
    services_.trigger_waits.wait(*stack_.triggers, uuid, idle_seconds, std::move(give_up), std::move(done));
  }

 private:
  Stack& stack_;
  NamespaceServices& services_;
};

Namespaces::Namespaces(const ServerOptions& options, const ops::OperationSettings& settings,
                       triggers::TriggerOptions triggers, init::InitPlan plan, NamespaceServices services)
    : options_(options),
      settings_(settings),
      trigger_settings_(std::move(triggers)),
      plan_(std::move(plan)),
      services_(std::move(services)) {}

Namespaces::~Namespaces() { stop(); }

std::string Namespaces::folder_name(const std::string& access_key, const std::string& region) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string name;
  std::string scope = access_key;
  scope += '_';
  scope += region;
  for (unsigned char c : scope) {
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
  if (services_.apply_mappings) EDDY_TRY_VOID(services_.apply_mappings(*stack->triggers, region));
  stack->triggers->start();
  stack->gate = std::make_unique<RequestGate>(BackgroundTasks::kSlots);
  stack->background = std::make_unique<BackgroundTasks>(options_, *stack->state, *stack->gate, 0);
  stack->background->start();
  stack->region = region;
  stack->waits = std::make_unique<admin::StreamWaits>(stack->streams.get());
  stack->control = std::make_unique<Control>(*stack, services_);
  stack->admin.reset(
      new admin::AdminContext{*stack->state, *options_.clock, *stack->control, services_.faults, *stack->waits});
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

Result<admin::AdminContext*> Namespaces::admin_for(const std::string& access_key, const std::string& region) {
  EDDY_TRY(Stack * stack, stack_for(access_key, region));
  return stack->admin.get();
}

std::vector<admin::AdminContext*> Namespaces::every_admin() {
  // A region has no '_': a folder's name splits at its last one, whatever the access key holds.
  if (!options_.in_memory) {
    std::error_code error;
    for (const auto& entry :
         std::filesystem::directory_iterator(std::filesystem::path(options_.data_dir) / "namespaces", error)) {
      std::string name = entry.path().filename().string();
      std::size_t split = name.rfind('_');
      if (!entry.is_directory(error) || split == std::string::npos) continue;
      std::string access_key = auth::percent_decode(name.substr(0, split));
      std::string region = auth::percent_decode(name.substr(split + 1));
      if (folder_name(access_key, region) != name) continue;  // not a folder eddy made
      if (auto opened = stack_for(access_key, region); !opened) spdlog::error("namespace {} not reset", name);
    }
  }
  std::vector<admin::AdminContext*> out;
  for (Stack* stack : open_stacks()) out.push_back(stack->admin.get());
  return out;
}

void Namespaces::catch_up_background() {
  for (Stack* stack : open_stacks()) stack->background->catch_up();
}

std::vector<Namespaces::Stack*> Namespaces::open_stacks() {
  std::shared_lock lock(mutex_);
  std::vector<Stack*> out;
  if (stopped_) return out;
  for (auto& [name, stack] : stacks_) out.push_back(stack.get());
  return out;
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
