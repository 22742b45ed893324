// Namespaces: the tables a request sees, by the access key id and region of its credential scope
// (--namespace access-key-region, or DynamoDB Local's command line without -sharedDb;
// docs/namespaces.md). DynamoDB Local keeps a database file per access key and region; eddy keeps
// a database of its own for each, data_dir/namespaces/<access key>_<region>/ (in memory with
// --in-memory), opened at the first request that names it, with its own change capture, event
// source mappings and background tasks (stream maintenance, TTL). Every operation then runs
// unchanged on the namespace's state: ListTables, DescribeTable, streams, PartiQL, transactions
// and Lambda's mapping API see that namespace only, and ARNs carry its region. --init's tables are created in every namespace when
// it is first opened.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <shared_mutex>
#include <string>
#include <vector>

#include "admin/admin_context.h"
#include "admin/fault_rules.h"
#include "eddy/server.h"
#include "init/init_plan.h"
#include "ops/request_context.h"
#include "server/request_gate.h"
#include "server/trigger_waits.h"
#include "triggers/trigger_service.h"

namespace eddy::server {

// What every namespace shares with the server around it; all outlive the Namespaces.
struct NamespaceServices {
  RequestGate& requests;        // the gate every request holds (the admin API's exclusive work closes it)
  admin::FaultRules& faults;    // process-wide
  TriggerWaits& trigger_waits;  // the threads of the admin API's trigger waits
  // --event-source-mappings applied to a namespace's mappings, with its region; null without the flag.
  std::function<Result<void>(triggers::TriggerService&, const std::string& region)> apply_mappings;
};

class Namespaces {
 public:
  // `options` and `clock` outlive this; `plan` is applied to each namespace as it is opened.
  // `triggers`: the settings of each namespace's event source mappings.
  Namespaces(const ServerOptions& options, const ops::OperationSettings& settings, triggers::TriggerOptions triggers,
             init::InitPlan plan, NamespaceServices services);
  ~Namespaces();
  Namespaces(const Namespaces&) = delete;
  Namespaces& operator=(const Namespaces&) = delete;

  // The state of the namespace of `access_key` in `region`, opened (and its --init applied) on
  // first use. A namespace's storage that cannot be opened is InternalServerError.
  Result<ops::ServerState*> state_for(const std::string& access_key, const std::string& region);
  // The namespace's event source mappings (Lambda's API, lambda_dispatcher.h), opened the same way.
  Result<triggers::TriggerService*> triggers_for(const std::string& access_key, const std::string& region);

  // The admin API's context of the namespace, opened the same way.
  Result<admin::AdminContext*> admin_for(const std::string& access_key, const std::string& region);
  // Every namespace's admin context, after opening those kept on disk that no request opened yet.
  std::vector<admin::AdminContext*> every_admin();
  // Waits until every open namespace's background tasks caught up with the clock's latest move.
  void catch_up_background();

  // Stops every namespace's background tasks and flushes its storage; state_for fails afterwards.
  void stop();

  // "<access key>_<region>", with any character but letters, digits, '-' and '.' written as %XX, so
  // that each namespace is one folder name.
  static std::string folder_name(const std::string& access_key, const std::string& region);

 private:
  struct Stack;
  Result<std::unique_ptr<Stack>> open(const std::string& name, const std::string& region);
  class Control;
  Result<Stack*> stack_for(const std::string& access_key, const std::string& region);
  std::vector<Stack*> open_stacks();

  const ServerOptions& options_;
  ops::OperationSettings settings_;
  triggers::TriggerOptions trigger_settings_;
  init::InitPlan plan_;
  NamespaceServices services_;
  std::shared_mutex mutex_;  // shared to find a namespace, exclusive to open one
  bool stopped_ = false;
  std::map<std::string, std::unique_ptr<Stack>> stacks_;
};

}  // namespace eddy::server
