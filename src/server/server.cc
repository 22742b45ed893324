// Server: wires storage, operations, change capture, the TTL sweeper and the HTTP listener.
#include "eddy/server.h"

#include <filesystem>

#include <spdlog/spdlog.h>

#include "admin/admin_context.h"
#include "admin/clock_setting.h"
#include "admin/fault_rules.h"
#include "admin/stream_waits.h"
#include "auth/signature_check.h"
#include "engine/database.h"
#include "http/listener.h"
#include "init/init_apply.h"
#include "init/init_reader.h"
#include "lambda_api/mappings_file.h"
#include "model/clock.h"
#include "ops/request_context.h"
#include "ops/transfer_jobs.h"
#include "server/admin_dispatcher.h"
#include "server/background_tasks.h"
#include "server/dispatcher.h"
#include "server/endpoint.h"
#include "server/lambda_dispatcher.h"
#include "server/namespaces.h"
#include "server/request_gate.h"
#include "server/start_gate.h"
#include "server/trigger_waits.h"
#include "streams/streams.h"
#include "triggers/trigger_service.h"

namespace eddy {

struct Server::Impl {
  // What the admin API asks of the server (admin/admin_context.h).
  struct Control : admin::ServerControl {
    explicit Control(Impl& impl) : impl(impl) {}
    // The triggers' threads and the export/import job read storage outside the request gate: they
    // stop for the work (a restore, a reset, a truncate) and start again from what storage then
    // holds (an export or import that was queued is FAILED, as after a restart).
    void exclusive(const std::function<void()>& work) override {
      if (impl.trigger_service != nullptr) impl.trigger_service->pause();
      if (impl.transfers != nullptr) impl.transfers->stop();
      impl.request_gate->exclusive(work);
      if (impl.transfers != nullptr) {
        if (auto loaded = impl.transfers->load(impl.options.clock->now()); !loaded) {
          spdlog::error("exports and imports after a restore, reset or truncate: {}", loaded.error().message);
        }
        impl.transfers->start();
      }
      if (impl.trigger_service != nullptr) impl.resume_triggers();
    }
    void shared(std::size_t worker, const std::function<void()>& work) override {
      server::RequestGate::Pass pass = impl.request_gate->enter(worker);
      work();
    }
    // Every in-memory copy of stored state is reloaded here; a new one adds its line.
    Result<void> reload() override {
      if (impl.streams != nullptr) {
        if (auto reloaded = impl.streams->reload(); !reloaded) return reloaded;
      }
      impl.waits->rebase();
      return {};
    }
    void catch_up_background() override {
      impl.background->catch_up();
      if (impl.namespaces != nullptr) impl.namespaces->catch_up_background();
    }
    std::vector<admin::AdminContext*> every_namespace() override {
      return impl.namespaces == nullptr ? std::vector<admin::AdminContext*>() : impl.namespaces->every_admin();
    }
    void wait_trigger_delivered(const std::string& uuid, double idle_seconds, std::function<bool()> give_up,
                                std::function<void(Result<bool>)> done) override {
      if (impl.trigger_service == nullptr) return done(fail(triggers::mapping_not_found()));
      impl.trigger_waits.wait(*impl.trigger_service, uuid, idle_seconds, std::move(give_up), std::move(done));
    }
    Impl& impl;
  };

  ServerOptions options;
  std::unique_ptr<engine::Database> database;
  std::unique_ptr<streams::Streams> streams;
  std::unique_ptr<ops::ServerState> state;
  std::unique_ptr<ops::TransferJobs> transfers;  // exports and imports; stopped before storage closes
  // With TableNamespaces::kAccessKeyRegion: the namespaces requests run in (namespaces.h).
  std::unique_ptr<server::Namespaces> namespaces;
  std::unique_ptr<auth::SignatureCheck> signature_check;  // null without --credentials
  std::unique_ptr<server::RequestGate> request_gate;      // a slot per worker, then the background's
  admin::FaultRules faults;
  std::unique_ptr<admin::StreamWaits> waits;
  std::unique_ptr<Control> control;
  std::unique_ptr<admin::AdminContext> admin_context;
  std::unique_ptr<server::Dispatcher> dispatcher;
  // Destroyed after the listener has stopped the workers, before the storage their threads read.
  std::unique_ptr<triggers::TriggerService> trigger_service;
  server::TriggerWaits trigger_waits;  // destroyed (joined) before the trigger service
  std::unique_ptr<server::LambdaDispatcher> lambda;
  server::StartGate gate;
  std::unique_ptr<server::AdminDispatcher> admin;
  std::unique_ptr<console::Console> console;
  std::unique_ptr<server::Endpoint> endpoint;
  std::unique_ptr<http::Listener> listener;
  std::unique_ptr<server::BackgroundTasks> background;

  bool listen(std::string& error);
  bool open(std::string& error);
  bool open_triggers(std::string& error);
  Result<void> apply_mappings_file(triggers::TriggerService& service, const std::string& region = "us-east-1");
  void resume_triggers();
  triggers::TriggerOptions trigger_options() const;
};

Server::Server(ServerOptions options) : impl_(std::make_unique<Impl>()) {
  impl_->options = std::move(options);
  if (impl_->options.clock == nullptr) impl_->options.clock = std::make_shared<WallClock>();
}

// Impl's members are destroyed in reverse order: the listener (stopping its workers) before the
// dispatcher, server state and database that requests use.
Server::~Server() = default;

// The port is bound and the workers run while storage opens (start_gate.h); a start that fails
// after binding stops them again before it returns.
bool Server::start(std::string& error) {
  if (!impl_->listen(error)) return false;
  impl_->listener->start();
  if (!impl_->open(error)) {
    impl_->gate.fail();
    impl_->listener->stop();
    impl_->listener->wait();
    return false;
  }
  impl_->gate.open(impl_->dispatcher.get());
  // Started here, not in run(), so that once start() returns a move of the clock reaches them.
  impl_->background->start();
  impl_->trigger_service->start();
  impl_->transfers->start();
  return true;
}

bool Server::Impl::listen(std::string& error) {
  http::ListenerOptions settings;
  settings.host = options.host;
  settings.port = options.port;
  settings.threads = options.threads;
  settings.max_connections = options.max_connections;
  settings.header_timeout_seconds = options.header_timeout_seconds;
  settings.body_timeout_seconds = options.body_timeout_seconds;
  settings.min_body_bytes_per_second = options.min_body_bytes_per_second;
  settings.idle_timeout_seconds = options.idle_timeout_seconds;
  settings.max_body_bytes_in_flight = options.max_body_bytes_in_flight;
  settings.warn = [](const std::string& message) { spdlog::warn("{}", message); };
  settings.now = [this] { return options.clock->now(); };
  settings.tls_certificate_file = options.tls_certificate_file;
  settings.tls_private_key_file = options.tls_private_key_file;
  server::EndpointSettings endpoint_settings;
  endpoint_settings.cors_origins = options.cors_origins;
  bool admin_allowed = options.admin || server::AdminDispatcher::is_loopback(options.host);
  admin = std::make_unique<server::AdminDispatcher>(admin_allowed, options.host, gate);
  // The console is allowed where the admin API is (docs/console.md, Security).
  console = std::make_unique<console::Console>(admin_allowed, options.host);
  endpoint = std::make_unique<server::Endpoint>(endpoint_settings, gate, admin.get(), console.get());
  listener = std::make_unique<http::Listener>(
      settings, [this](http::Request& request, std::size_t worker) { return endpoint->handle(request, worker); });
  request_gate = std::make_unique<server::RequestGate>(listener->workers() + server::BackgroundTasks::kSlots);
  return listener->bind(error);
}

bool Server::Impl::open(std::string& error) {
  // --init's files are read before storage is touched: a bad one changes nothing.
  auto init_plan = init::read_init(options.init_paths, options.init_parameters);
  if (!init_plan) {
    error = init_plan.error().message;
    return false;
  }
  engine::StorageOptions storage;
  storage.data_dir = options.data_dir;
  storage.in_memory = options.in_memory;
  storage.sync_writes = options.sync_writes;
  storage.file_system = options.storage_file_system;
  auto opened = engine::Database::open(storage);
  if (!opened) {
    error = opened.error().message;
    return false;
  }
  database = std::move(*opened);
  database->set_item_collection_limit(options.item_collection_limit_bytes);
  // Virtual time (or the wall clock's offset) where the admin API last put it.
  if (auto restored = admin::restore_clock(*database, *options.clock); !restored) {
    error = restored.error().message;
    return false;
  }
  ops::OperationSettings settings;
  settings.delay_transient_statuses = options.delay_transient_statuses;
  settings.max_tables = options.max_tables;
  settings.pause_transfers_after_items = options.pause_transfers_after_items;
  streams::StreamOptions stream_options{options.stream_shards, options.shard_rollover_seconds,
                                        options.stream_retention_seconds};
  const Clock& clock = *options.clock;
  streams = std::make_unique<streams::Streams>(*database, clock, stream_options);
  if (auto loaded = streams->load(); !loaded) {
    error = loaded.error().message;
    return false;
  }
  database->add_observer(streams.get());
  transfers = std::make_unique<ops::TransferJobs>(*database, options.s3_dir);
  if (auto loaded = transfers->load(clock.now()); !loaded) {
    error = loaded.error().message;
    return false;
  }
  database->point_in_time_log().set_clock(&clock);
  state.reset(new ops::ServerState{*database, clock, settings, streams.get(), transfers.get()});
  background = std::make_unique<server::BackgroundTasks>(options, *state, *request_gate, listener->workers());
  if (!options.credentials.empty()) signature_check = std::make_unique<auth::SignatureCheck>(options.credentials);
  dispatcher =
      std::make_unique<server::Dispatcher>(*state, listener->workers(), *request_gate, signature_check.get(), &faults);
  waits = std::make_unique<admin::StreamWaits>(streams.get());
  control = std::make_unique<Control>(*this);
  admin_context.reset(new admin::AdminContext{*state, *options.clock, *control, faults, *waits});
  admin->set_context(admin_context.get());
  ops::RequestContext init_context{*state};
  if (auto applied = init::apply_init(init_context, *init_plan); !applied) {
    error = applied.error().message;
    return false;
  }
  if (options.namespaces == TableNamespaces::kAccessKeyRegion) {
    server::NamespaceServices services{*request_gate, faults, trigger_waits, nullptr};
    if (!options.event_source_mappings_file.empty()) {
      services.apply_mappings = [this](triggers::TriggerService& service, const std::string& region) {
        return apply_mappings_file(service, region);
      };
    }
    namespaces = std::make_unique<server::Namespaces>(options, settings, trigger_options(), std::move(*init_plan),
                                                      std::move(services));
    dispatcher->use_namespaces(namespaces.get());
    admin->use_namespaces(namespaces.get());
  }
  return open_triggers(error);
}

triggers::TriggerOptions Server::Impl::trigger_options() const {
  triggers::TriggerOptions settings;
  settings.invoker.lambda_endpoint = options.lambda_endpoint;
  settings.invoker.timeout_seconds = options.lambda_timeout_seconds;
  settings.retry_base_seconds = options.trigger_retry_seconds;
  settings.retention_seconds = options.stream_retention_seconds;
  const std::string& file = options.event_source_mappings_file;
  if (!file.empty()) settings.invoker.working_directory = std::filesystem::absolute(file).parent_path().string();
  return settings;
}

// The event source mappings: the persisted ones, then the file's (docs/triggers.md).
bool Server::Impl::open_triggers(std::string& error) {
  triggers::TriggerOptions settings = trigger_options();
  trigger_service = std::make_unique<triggers::TriggerService>(*database, *streams, *options.clock, settings);
  if (auto loaded = trigger_service->load(); !loaded) {
    error = loaded.error().message;
    return false;
  }
  if (auto applied = apply_mappings_file(*trigger_service); !applied) {
    error = applied.error().message;
    return false;
  }
  lambda = std::make_unique<server::LambdaDispatcher>(*trigger_service, *options.clock, signature_check.get(),
                                                      *request_gate);
  if (namespaces) lambda->use_namespaces(namespaces.get());
  endpoint->serve_lambda(lambda.get());
  return true;
}

// --event-source-mappings: the file's mappings, made so (at start, and after a restore or reset,
// whose database may not hold them), in the shared tables and in each namespace as it is opened
// (with its region in their ARNs).
Result<void> Server::Impl::apply_mappings_file(triggers::TriggerService& service, const std::string& region) {
  const std::string& file = options.event_source_mappings_file;
  if (file.empty()) return {};
  auto declared = lambda_api::read_mappings_file(file);
  if (!declared) return fail(declared.error());
  for (auto& mapping : *declared) mapping.region = region;
  if (auto applied = service.apply_file_mappings(*declared); !applied) {
    return fail(ApiError::internal("the event source mappings file " + file + ": " + applied.error().message));
  }
  return {};
}

void Server::Impl::resume_triggers() {
  Result<void> resumed = trigger_service->resume();
  if (resumed) resumed = apply_mappings_file(*trigger_service);
  if (!resumed) spdlog::error("triggers after a restore, reset or truncate: {}", resumed.error().message);
}

unsigned short Server::port() const { return impl_->listener ? impl_->listener->port() : 0; }

void Server::run() {
  impl_->listener->wait();
  impl_->trigger_waits.stop();
  impl_->trigger_service->stop();
  impl_->background->stop();
  impl_->transfers->stop();
  if (impl_->namespaces) impl_->namespaces->stop();
  // A failed flush is logged by the engine; the write-ahead log still holds every acknowledged write.
  if (!impl_->database->flush()) spdlog::warn("eddy stopped without a final flush");
}

void Server::stop() {
  if (impl_->listener) impl_->listener->stop();
}

}  // namespace eddy
