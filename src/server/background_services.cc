// Background work; change capture and TTL attach here (see docs/streams.md).
#include "server/background_services.h"

namespace eddy::server {

BackgroundServices::BackgroundServices(const ServerOptions& options, ops::Services& services)
    : options_(options), services_(services) {}

BackgroundServices::~BackgroundServices() { stop(); }

void BackgroundServices::start() {}

void BackgroundServices::stop() {}

}  // namespace eddy::server
