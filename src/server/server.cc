// Server: wires storage, operations, change capture, the TTL sweeper and the HTTP listener.
#include "eddy/server.h"

#include <spdlog/spdlog.h>

#include "engine/database.h"
#include "http/listener.h"
#include "model/clock.h"
#include "ops/request_context.h"
#include "server/dispatcher.h"
#include "server/background_services.h"
#include "streams/stream_service.h"

namespace eddy {

struct Server::Impl {
  ServerOptions options;
  Clock clock;
  std::unique_ptr<engine::Database> database;
  std::unique_ptr<streams::StreamService> streams;
  std::unique_ptr<ops::Services> services;
  std::unique_ptr<server::Dispatcher> dispatcher;
  std::unique_ptr<http::Listener> listener;
  std::unique_ptr<server::BackgroundServices> background;
};

Server::Server(ServerOptions options) : impl_(std::make_unique<Impl>()) { impl_->options = std::move(options); }

Server::~Server() = default;

bool Server::start(std::string& error) {
  auto& o = impl_->options;
  engine::StorageOptions storage;
  storage.data_dir = o.data_dir;
  storage.in_memory = o.in_memory;
  storage.sync_writes = o.sync_writes;
  auto database = engine::Database::open(storage);
  if (!database) {
    error = database.error().message;
    return false;
  }
  impl_->database = std::move(*database);
  ops::ServiceSettings settings;
  settings.delay_transient_statuses = o.delay_transient_statuses;
  streams::StreamOptions stream_options{o.stream_shards, o.shard_rollover_seconds, o.stream_retention_seconds};
  impl_->streams = std::make_unique<streams::StreamService>(*impl_->database, impl_->clock, stream_options);
  if (auto loaded = impl_->streams->load(); !loaded) {
    error = loaded.error().message;
    return false;
  }
  impl_->database->add_observer(impl_->streams.get());
  impl_->services.reset(new ops::Services{*impl_->database, impl_->clock, settings, impl_->streams.get()});
  impl_->background = std::make_unique<server::BackgroundServices>(o, *impl_->services);
  impl_->dispatcher = std::make_unique<server::Dispatcher>(*impl_->services, o.cors);
  http::ListenerOptions listen;
  listen.host = o.host;
  listen.port = o.port;
  listen.threads = o.threads;
  impl_->listener = std::make_unique<http::Listener>(
      listen, [dispatcher = impl_->dispatcher.get()](http::Request& request) { return dispatcher->handle(request); });
  if (!impl_->listener->bind(error)) return false;
  return true;
}

unsigned short Server::port() const { return impl_->listener ? impl_->listener->port() : 0; }

void Server::run() {
  impl_->background->start();
  impl_->listener->run();
  impl_->background->stop();
  impl_->database->storage().flush();
}

void Server::stop() {
  if (impl_->listener) impl_->listener->stop();
}

}  // namespace eddy
