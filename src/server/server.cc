// Server: wires storage, operations, change capture, the TTL sweeper and the HTTP listener.
#include "eddy/server.h"

#include <spdlog/spdlog.h>

#include "engine/database.h"
#include "http/listener.h"
#include "model/clock.h"
#include "ops/request_context.h"
#include "server/background_services.h"
#include "server/dispatcher.h"
#include "server/start_gate.h"
#include "streams/stream_service.h"

namespace eddy {

struct Server::Impl {
  ServerOptions options;
  Clock clock;
  std::unique_ptr<engine::Database> database;
  std::unique_ptr<streams::StreamService> streams;
  std::unique_ptr<ops::Services> services;
  std::unique_ptr<server::Dispatcher> dispatcher;
  server::StartGate gate;
  std::unique_ptr<http::Listener> listener;
  std::unique_ptr<server::BackgroundServices> background;

  bool listen(std::string& error);
  bool open(std::string& error);
};

Server::Server(ServerOptions options) : impl_(std::make_unique<Impl>()) { impl_->options = std::move(options); }

// Impl's members are destroyed in reverse order: the listener (stopping its workers) before the
// dispatcher, services and database that requests use.
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
  return true;
}

bool Server::Impl::listen(std::string& error) {
  http::ListenerOptions settings;
  settings.host = options.host;
  settings.port = options.port;
  settings.threads = options.threads;
  listener = std::make_unique<http::Listener>(settings, [this](http::Request& request) {
    if (server::Dispatcher* ready = gate.wait()) return ready->handle(request);
    return server::Dispatcher::error_response(request, ApiError::internal("eddy failed to start"), options.cors);
  });
  return listener->bind(error);
}

bool Server::Impl::open(std::string& error) {
  engine::StorageOptions storage;
  storage.data_dir = options.data_dir;
  storage.in_memory = options.in_memory;
  storage.sync_writes = options.sync_writes;
  auto opened = engine::Database::open(storage);
  if (!opened) {
    error = opened.error().message;
    return false;
  }
  database = std::move(*opened);
  ops::ServiceSettings settings;
  settings.delay_transient_statuses = options.delay_transient_statuses;
  streams::StreamOptions stream_options{options.stream_shards, options.shard_rollover_seconds,
                                        options.stream_retention_seconds};
  streams = std::make_unique<streams::StreamService>(*database, clock, stream_options);
  if (auto loaded = streams->load(); !loaded) {
    error = loaded.error().message;
    return false;
  }
  database->add_observer(streams.get());
  services.reset(new ops::Services{*database, clock, settings, streams.get()});
  background = std::make_unique<server::BackgroundServices>(options, *services);
  dispatcher = std::make_unique<server::Dispatcher>(*services, options.cors);
  return true;
}

unsigned short Server::port() const { return impl_->listener ? impl_->listener->port() : 0; }

void Server::run() {
  impl_->background->start();
  impl_->listener->wait();
  impl_->background->stop();
  // A failed flush is logged by the engine; the write-ahead log still holds every acknowledged write.
  if (!impl_->database->flush()) spdlog::warn("eddy stopped without a final flush");
}

void Server::stop() {
  if (impl_->listener) impl_->listener->stop();
}

}  // namespace eddy
