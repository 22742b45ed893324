// What every operation receives: the long-lived server state (engine, clock, settings, streams) and the
// per-request facts (region from the credential scope, request id, Host header).
#pragma once

#include <cstdint>

#include <string>

#include "engine/database.h"
#include "model/clock.h"

namespace eddy::streams {
class Streams;
}

namespace eddy::ops {

struct OperationSettings {
  // DynamoDB Local's -delayTransientStatuses: tables and indexes stay CREATING/UPDATING/DELETING
  // for a moment, as on AWS, instead of becoming ACTIVE at once.
  bool delay_transient_statuses = false;
  std::string account_id = "000000000000";
  // Tables at most: CreateTable and the restores past it get LimitExceededException. Default:
  // 2,500, DynamoDB's account quota per region.
  std::size_t max_tables = 2500;
  // The hidden --pause-transfers-after-items N, for tests: restores, imports and exports run on
  // TransferJobs' thread and wait there after N items until the server stops. Default: 0, never
  // (and a restore is finished before it answers).
  uint64_t pause_transfers_after_items = 0;
};

class TransferJobs;  // ops/transfer_jobs.h

struct ServerState {
  engine::Database& database;
  const Clock& clock;
  OperationSettings settings;
  streams::Streams* streams = nullptr;  // set once change capture is wired
  TransferJobs* transfers = nullptr;    // exports and imports (ops/transfer_jobs.h); null: none run
};

struct RequestContext {
  ServerState& state;
  std::string region = "us-east-1";  // from the SigV4 credential scope
  std::string request_id;
  std::string host;  // the Host header ("127.0.0.1:8000"): the endpoint the client used

  engine::Database& database() { return state.database; }
  double now() const { return state.clock.now(); }
};

}  // namespace eddy::ops
